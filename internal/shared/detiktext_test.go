package shared

import (
	"bytes"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// detikRun is the longest run of words a committed file may share with a
// detik-news article. detik-news is evaluation-only: fixtures may hold ids,
// offsets and labels, never its text. Shorter runs are formulas every
// outlet prints (a date with its weekday and hour, a statute's title).
const detikRun = 10

// TestNoDetikTextCommitted reads every file of the module against the 700
// detik-news articles and fails on a run of detikRun words that a file shares
// with one of them. Gold tables (.tsv) are left out: their cells are labels,
// and a label such as a list of actors' names may run long.
func TestNoDetikTextCommitted(t *testing.T) {
	runs := map[uint64]string{}
	for _, a := range DetikArticles(t) {
		for _, text := range []string{a.Title, a.Body} {
			words := lowerWords(text)
			for i := 0; i+detikRun <= len(words); i++ {
				runs[runKey(words[i:i+detikRun])] = a.ID
			}
		}
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".tsv") || !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data) {
			return nil // a model or an image
		}
		rel, _ := filepath.Rel(root, path)
		for n, line := range strings.Split(string(data), "\n") {
			words := lowerWords(line)
			for i := 0; i+detikRun <= len(words); i++ {
				if id, ok := runs[runKey(words[i:i+detikRun])]; ok {
					t.Errorf("%s:%d shares %d words in a row with detik-news article %s: write your own sentence", rel, n+1, detikRun, id)
					break
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// lowerWords splits text into lower-cased runs of letters and digits, so
// that punctuation, case and markup around the words do not hide a copy.
func lowerWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func runKey(words []string) uint64 {
	h := fnv.New64a()
	for _, w := range words {
		h.Write([]byte(w))
		h.Write([]byte{' '})
	}
	return h.Sum64()
}
