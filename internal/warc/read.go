package warc

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/nlnwa/gowarc/v3"
)

// MaxPageBytes bounds one page read from a WARC file, as fetching does.
const MaxPageBytes = 15 << 20

// Page is one HTML response read from a WARC file.
type Page struct {
	URL         string
	Fetched     time.Time
	ContentType string
	Body        []byte
	// Metadata are the fields of the metadata record that refers to the
	// response (warta's own WARC files), if any.
	Metadata Metadata
	// Offset is where the response record starts in the file.
	Offset int64
}

// Read calls emit for each HTML page with status 200 in a WARC stream
// (gzipped or not, warta's or another crawler's), in file order. Other
// records are skipped; a page that cannot be read is reported to skip
// and the rest go on. Memory is bounded by the largest page.
func Read(ctx context.Context, r io.Reader, emit func(Page) error, skip func(offset int64, err error)) error {
	rd, err := gowarc.NewWarcFileReaderFromStream(r, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithBufferMaxMemBytes(MaxPageBytes+1<<20),
	)
	if err != nil {
		return fmt.Errorf("warc: %w", err)
	}
	defer rd.Close()
	var pending *Page
	var pendingID string
	flush := func() error {
		if pending == nil {
			return nil
		}
		p := *pending
		pending = nil
		return emit(p)
	}
	for n := 0; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if n == 0 {
				return fmt.Errorf("warc: not a WARC file: %w", err)
			}
			// Past a damaged record nothing can be framed: stop, keeping
			// what was read.
			skip(rec.Offset, fmt.Errorf("warc: damaged record: %w", err))
			break
		}
		wr := rec.WarcRecord
		switch wr.Type() {
		case gowarc.Response:
			if err := flush(); err != nil {
				wr.Close()
				return err
			}
			p, err := page(wr)
			if err != nil {
				skip(rec.Offset, err)
			} else if p != nil {
				p.Offset = rec.Offset
				pending, pendingID = p, wr.RecordId()
			}
		case gowarc.Metadata:
			if pending != nil && idOf(wr.WarcHeader().Get(gowarc.WarcRefersTo)) == pendingID {
				pending.Metadata = readFields(wr)
			}
		}
		wr.Close()
	}
	return flush()
}

func idOf(s string) string {
	return strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s), "<"), ">")
}

// page reads an HTML response with status 200, or nil for any other.
func page(wr gowarc.WarcRecord) (*Page, error) {
	block, ok := wr.Block().(gowarc.HttpResponseBlock)
	if !ok || block.HttpStatusCode() != http.StatusOK {
		return nil, nil
	}
	h := block.HttpHeader()
	ct := ""
	if h != nil {
		ct = h.Get("Content-Type")
	}
	mt, _, _ := mime.ParseMediaType(ct)
	if mt != "text/html" && mt != "application/xhtml+xml" {
		return nil, nil
	}
	target := wr.WarcHeader().Get(gowarc.WarcTargetURI)
	u, err := targetURL(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("warc: response for %q: not an http(s) URL", target)
	}
	payload, err := block.PayloadBytes()
	if err != nil {
		return nil, fmt.Errorf("warc: %s: %w", u, err)
	}
	body, err := decode(payload, h.Get("Content-Encoding"))
	if err != nil {
		return nil, fmt.Errorf("warc: %s: %w", u, err)
	}
	date, _ := wr.Date()
	return &Page{URL: u.String(), Fetched: date.UTC(), ContentType: ct, Body: body}, nil
}

// decode removes a Content-Encoding other crawlers keep, within the page
// limit (so a compression bomb stops there).
func decode(r io.Reader, encoding string) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "identity":
	case "gzip", "x-gzip":
		gz, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("gzip payload: %w", err)
		}
		defer gz.Close()
		r = gz
	case "deflate":
		r = flate.NewReader(r)
	case "br":
		r = brotli.NewReader(r)
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", encoding)
	}
	body, err := io.ReadAll(io.LimitReader(r, MaxPageBytes+1))
	if err != nil {
		return nil, err
	}
	if len(body) > MaxPageBytes {
		return nil, fmt.Errorf("page over %d MiB", MaxPageBytes>>20)
	}
	return body, nil
}

// readFields reads an application/warc-fields block.
func readFields(wr gowarc.WarcRecord) Metadata {
	raw, err := wr.Block().RawBytes()
	if err != nil {
		return nil
	}
	data, err := io.ReadAll(io.LimitReader(raw, 1<<20))
	if err != nil {
		return nil
	}
	m := Metadata{}
	for _, line := range bytes.Split(data, []byte("\n")) {
		k, v, ok := strings.Cut(strings.TrimRight(string(line), "\r"), ":")
		if ok && strings.TrimSpace(k) != "" {
			m[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return m
}
