package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/warta-news/warta/analysis"
)

// Exts are the file extensions taken from a directory; a file named on its
// own is read whatever its name.
var Exts = map[string]bool{".txt": true, ".text": true, ".jsonl": true, ".ndjson": true, ".json": true, ".html": true, ".htm": true}

// HasArticleExt reports whether name ends in one of Exts.
func HasArticleExt(name string) bool { return Exts[strings.ToLower(filepath.Ext(name))] }

// Expand replaces each directory among paths by the article files under
// it (those with one of Exts), recursively and in lexical order, skipping
// hidden files and folders. Other paths, "-" included, are kept as they
// are: reading them reports what is wrong. A directory without any article
// file is an error.
func Expand(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if p == "-" || err != nil || !st.IsDir() {
			files = append(files, p)
			continue
		}
		n := len(files)
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && HasArticleExt(path) {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		if len(files) == n {
			return nil, fmt.Errorf("%s has no article files (%s)", p, strings.Join(slices.Sorted(maps.Keys(Exts)), " "))
		}
	}
	return files, nil
}

// Source yields articles in order: emit is called for each, and an error
// it returns stops the source. Files and FS make one; so will a feed or a
// queue.
type Source func(ctx context.Context, emit func(Item) error) error

// InputError is an input that could not be read at all (a missing file,
// JSON that does not parse): Files reports it as an Item with this error,
// and goes on with the next input.
type InputError struct {
	Path string
	Err  error
}

func (e *InputError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }
func (e *InputError) Unwrap() error { return e.Err }

// Files is the Source of the articles of files, in order ("-" is stdin).
// An input that cannot be read is one Item whose Err is an *InputError;
// the inputs after it are still read.
func Files(files []string, stdin io.Reader) Source {
	return func(ctx context.Context, emit func(Item) error) error {
		for _, path := range files {
			var emitErr error
			err := ReadFile(ctx, path, stdin, func(it Item) error {
				emitErr = emit(it)
				return emitErr
			})
			if emitErr != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				return err
			}
			if err != nil {
				if err := emit(Item{Input: analysis.Input{Path: path}, Err: &InputError{Path: path, Err: err}}); err != nil {
					return err
				}
			}
		}
		return nil
	}
}

// FS is the Source of the article files of fsys (its files with one of
// Exts, in lexical order), named prefix + their path in fsys.
func FS(fsys fs.FS, prefix string) Source {
	return func(ctx context.Context, emit func(Item) error) error {
		return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !HasArticleExt(name) {
				return err
			}
			f, err := fsys.Open(name)
			if err != nil {
				return err
			}
			defer f.Close()
			if err := Read(ctx, prefix+name, f, emit); err != nil {
				return fmt.Errorf("%s%s: %w", prefix, name, err)
			}
			return nil
		})
	}
}

// Defaults fills in the URL and publication date of src's articles that
// carry none.
func Defaults(src Source, published, url string) Source {
	if published == "" && url == "" {
		return src
	}
	return func(ctx context.Context, emit func(Item) error) error {
		return src(ctx, func(it Item) error {
			if it.Err == nil {
				it.Input.Published = cmpOr(it.Input.Published, published)
				it.Input.URL = cmpOr(it.Input.URL, url)
			}
			return emit(it)
		})
	}
}
