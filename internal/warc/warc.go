// Package warc keeps what warta fetches as WARC 1.1 files (ISO 28500),
// and reads news pages back from warta's WARC files and other crawlers'.
//
// Each fetch is written as three records in one gzip member each: the
// response (its body decoded from any Content-Encoding, the header fixed
// to match, so that the archive holds what was analysed), the request,
// and a metadata record with what the poller knew of the article besides
// the page (the feed item's date, author and categories), so that
// re-ingesting the archive gives the same records as the live fetch.
// Files rotate by size. The records are built and read with
// github.com/nlnwa/gowarc/v3.
package warc

import (
	"context"
	"crypto/rand"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nlnwa/gowarc/v3"

	"github.com/warta-news/warta/internal/fetch"
)

// DefaultMaxFileSize is the size at which a WARC file is closed and the
// next one begun.
const DefaultMaxFileSize = 1 << 30

// Metadata are the fields of a fetch's metadata record (application/
// warc-fields). Keys warta writes are the Meta* constants.
type Metadata map[string]string

// Metadata keys.
const (
	MetaSource     = "warta-source"     // the feed or sitemap that listed the page
	MetaPublished  = "warta-published"  // the item's publication date, RFC 3339
	MetaAuthors    = "warta-authors"    // the item's authors, "; " between
	MetaCategories = "warta-categories" // the item's categories, "; " between
	MetaRequested  = "warta-requested"  // the URL asked for, before single-page views
	// MetaRole says why a page was fetched: RoleArticle or RoleListing (a
	// homepage, a feed, a sitemap); listings are not read back as articles.
	MetaRole = "warta-role"
	// MetaSupersededBy marks a first page whose article was read whole
	// from its single-page view, at this URL: not an article of its own.
	MetaSupersededBy = "warta-superseded-by"
)

// Roles of MetaRole.
const (
	RoleArticle = "article"
	RoleListing = "listing"
)

type metadataKey struct{}

// WithMetadata attaches fields for the metadata record of the fetches
// made with ctx.
func WithMetadata(ctx context.Context, m Metadata) context.Context {
	return context.WithValue(ctx, metadataKey{}, m)
}

// Writer writes exchanges to WARC files in a directory; it is a
// fetch.Recorder. Safe for concurrent use.
type Writer struct {
	w       *gowarc.WarcFileWriter
	maxSize int64
	mu      sync.Mutex
	written int64 // uncompressed bytes in the current file
}

var _ fetch.Recorder = (*Writer)(nil)

// nameGenerator names files warta-TIMESTAMP-SERIAL.warc(.gz): without the
// host or address the default pattern looks up.
type nameGenerator struct {
	dir    string
	serial atomic.Int32
}

func (g *nameGenerator) NewWarcfileName() (string, string) {
	return g.dir, fmt.Sprintf("warta-%s-%05d.warc", time.Now().UTC().Format("20060102150405"), g.serial.Add(1))
}

// NewWriter writes to dir (created if missing), gzipped, beginning a new
// file once maxFileSize uncompressed bytes are written (0:
// DefaultMaxFileSize). version is warta's,
// for the warcinfo records.
func NewWriter(dir string, maxFileSize int64, version string) (*Writer, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("warc: %w", err)
	}
	if maxFileSize <= 0 {
		maxFileSize = DefaultMaxFileSize
	}
	w := gowarc.NewWarcFileWriter(
		gowarc.WithFileNameGenerator(&nameGenerator{dir: dir}),
		// Rotation is done here, between exchanges, so that the three
		// records of one fetch stay in one file.
		gowarc.WithMaxFileSize(1<<62),
		gowarc.WithCompression(true),
		gowarc.WithRecordOptions(gowarc.WithAddMissingDigest(true), gowarc.WithAddMissingContentLength(true), gowarc.WithFixContentLength(true)),
		gowarc.WithWarcInfoFunc(func(b gowarc.WarcRecordBuilder) error {
			_, err := fmt.Fprintf(b, "software: %s\r\nformat: WARC File Format 1.1\r\nconformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n", fetch.UserAgent(version))
			return err
		}),
	)
	return &Writer{w: w, maxSize: maxFileSize}, nil
}

// Close finishes the current file.
func (w *Writer) Close() error { return w.w.Close() }

func newID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("<urn:uuid:%x-%x-%x-%x-%x>", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// Record writes one exchange as response, request and metadata records.
func (w *Writer) Record(ctx context.Context, x *fetch.Exchange) error {
	target := x.Request.URL.String()
	date := x.Fetched.UTC()
	respID, reqID := newID(), newID()

	resp := gowarc.NewRecordBuilder(gowarc.Response, gowarc.WithAddMissingDigest(true), gowarc.WithFixContentLength(true), gowarc.WithAddMissingContentLength(true))
	fmt.Fprintf(resp, "%s %d %s\r\n", protoOr(x.Proto), x.Status, http.StatusText(x.Status))
	writeHeader(resp, x.Header)
	resp.Write(x.Body)
	resp.AddWarcHeader(gowarc.WarcRecordID, respID)
	resp.AddWarcHeader(gowarc.WarcTargetURI, target)
	resp.AddWarcHeaderTime(gowarc.WarcDate, date)
	resp.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
	if x.RemoteIP != "" {
		resp.AddWarcHeader(gowarc.WarcIPAddress, x.RemoteIP)
	}

	req := gowarc.NewRecordBuilder(gowarc.Request, gowarc.WithAddMissingDigest(true), gowarc.WithAddMissingContentLength(true))
	path := x.Request.URL.RequestURI()
	fmt.Fprintf(req, "GET %s HTTP/1.1\r\n", path)
	h := x.Request.Header.Clone()
	h.Set("Host", x.Request.URL.Host)
	writeHeader(req, h)
	req.AddWarcHeader(gowarc.WarcRecordID, reqID)
	req.AddWarcHeader(gowarc.WarcTargetURI, target)
	req.AddWarcHeaderTime(gowarc.WarcDate, date)
	req.AddWarcHeader(gowarc.WarcConcurrentTo, respID)
	req.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=request")

	meta := gowarc.NewRecordBuilder(gowarc.Metadata, gowarc.WithAddMissingDigest(true), gowarc.WithAddMissingContentLength(true))
	fields, _ := ctx.Value(metadataKey{}).(Metadata)
	if fields[MetaRequested] == "" {
		fields = maps.Clone(fields)
		if fields == nil {
			fields = Metadata{}
		}
		fields[MetaRequested] = target
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(meta, "%s: %s\r\n", k, oneLine(fields[k]))
	}
	meta.AddWarcHeader(gowarc.WarcRecordID, newID())
	meta.AddWarcHeader(gowarc.WarcTargetURI, target)
	meta.AddWarcHeaderTime(gowarc.WarcDate, date)
	meta.AddWarcHeader(gowarc.WarcRefersTo, respID)
	meta.AddWarcHeader(gowarc.WarcConcurrentTo, respID)
	meta.AddWarcHeader(gowarc.ContentType, "application/warc-fields")

	var records []gowarc.WarcRecord
	for _, b := range []gowarc.WarcRecordBuilder{resp, req, meta} {
		r, _, err := b.Build()
		if err != nil {
			for _, r := range records {
				r.Close()
			}
			return fmt.Errorf("warc: build record for %s: %w", target, err)
		}
		records = append(records, r)
	}
	defer func() {
		for _, r := range records {
			r.Close()
		}
	}()
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, res := range w.w.Write(records...) {
		if res.Err != nil {
			return fmt.Errorf("warc: write %s: %w", target, res.Err)
		}
		w.written += res.BytesWritten
	}
	if w.written >= w.maxSize {
		w.written = 0
		if err := w.w.Rotate(); err != nil {
			return fmt.Errorf("warc: rotate: %w", err)
		}
	}
	return nil
}

func protoOr(p string) string {
	if p == "" || strings.HasPrefix(p, "HTTP/2") {
		return "HTTP/1.1" // WARC keeps HTTP/1.1 framing
	}
	return p
}

func writeHeader(b gowarc.WarcRecordBuilder, h http.Header) {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, v := range h[k] {
			fmt.Fprintf(b, "%s: %s\r\n", k, oneLine(v))
		}
	}
	b.WriteString("\r\n")
}

func oneLine(s string) string { return strings.NewReplacer("\r", " ", "\n", " ").Replace(s) }

// targetURL parses a record's target, tolerating the <...> some older
// crawlers wrap it in.
func targetURL(s string) (*url.URL, error) {
	return url.Parse(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s), "<"), ">"))
}
