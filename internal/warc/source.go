package warc

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/ingest"
)

// IsWARC says whether a file name is a WARC file's.
func IsWARC(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".warc") || strings.HasSuffix(n, ".warc.gz")
}

// Source is the ingest.Source of the HTML pages in WARC files: warta's own
// (whose metadata records give back what the feed item said) and other
// crawlers'. A damaged record ends its file with an error item; the
// files after it are still read.
func Source(paths []string) ingest.Source {
	return func(ctx context.Context, emit func(ingest.Item) error) error {
		for _, path := range paths {
			f, err := os.Open(path)
			if err != nil {
				if err := emit(ingest.Item{Input: inputAt(path, 0), Err: &ingest.InputError{Path: path, Err: err}}); err != nil {
					return err
				}
				continue
			}
			var emitErr error
			err = Read(ctx, f, func(p Page) error {
				if p.Metadata[MetaSupersededBy] != "" || p.Metadata[MetaRole] == RoleListing {
					return nil // read whole from another record, or not an article
				}
				emitErr = emit(ingest.Item{Input: Input(p.URL, p.ContentType, p.Body, p.Fetched, p.Metadata)})
				return emitErr
			}, func(offset int64, err error) {
				if emitErr == nil {
					emitErr = emit(ingest.Item{Input: inputAt(path, offset), Err: err})
				}
			})
			f.Close()
			if emitErr != nil {
				return emitErr
			}
			if err != nil {
				if err := emit(ingest.Item{Input: inputAt(path, 0), Err: &ingest.InputError{Path: path, Err: err}}); err != nil {
					return err
				}
			}
		}
		return nil
	}
}

// inputAt names a place in a WARC file for an error item.
func inputAt(path string, offset int64) analysis.Input {
	if offset > 0 {
		path = fmt.Sprintf("%s@%d", path, offset)
	}
	return analysis.Input{Path: path}
}

// Input is the analysis input of a page fetched for an item: the live
// fetch and the re-ingest of its WARC record build it alike.
func Input(fetchedURL, contentType string, body []byte, fetched time.Time, m Metadata) analysis.Input {
	in := analysis.Input{
		Format:      analysis.FormatHTML,
		Body:        string(body),
		ContentType: contentType,
		URL:         fetchedURL,
		Published:   m[MetaPublished],
		Byline:      strings.ReplaceAll(m[MetaAuthors], "; ", ", "),
		Fetched:     fetched.UTC().Format(time.RFC3339),
	}
	if r := m[MetaRequested]; r != "" {
		in.URL = r // the item's URL, not its single-page view's
	}
	if c, _, _ := strings.Cut(m[MetaCategories], "; "); c != "" {
		in.Section = c
	}
	return in
}
