package warc

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/warta-news/warta/internal/fetch"
	"github.com/warta-news/warta/internal/fixtureweb"
)

func readDir(t *testing.T, dir string) []Page {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.warc.gz"))
	if len(files) == 0 {
		t.Fatalf("no WARC files in %s", dir)
	}
	var pages []Page
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		err = Read(context.Background(), f, func(p Page) error { pages = append(pages, p); return nil },
			func(off int64, err error) { t.Errorf("%s@%d: %v", name, off, err) })
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return pages
}

// TestRoundTrip: pages fetched through a WARC writer read back byte for
// byte, with their metadata, across rotated files.
func TestRoundTrip(t *testing.T) {
	web := fixtureweb.Start()
	defer web.Close()
	dir := t.TempDir()
	w, err := NewWriter(dir, 4<<10, "test") // tiny files: every fetch rotates
	if err != nil {
		t.Fatal(err)
	}
	c := fetch.New(fetch.Config{Policy: fetch.Loopback, MinDelay: 10e6, Recorder: w})
	defer c.Close()
	want := map[string][]byte{}
	for i := range 3 {
		u := web.KabarArticleURL(i)
		ctx := WithMetadata(context.Background(), Metadata{MetaSource: web.Kabar.URL + "/rss", MetaAuthors: fixtureweb.Articles[i].Author})
		resp, err := c.Get(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		want[u] = resp.Body
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.warc.gz"))
	if len(files) < 2 {
		t.Errorf("no rotation: %v", files)
	}
	pages := readDir(t, dir)
	if len(pages) != 3 {
		t.Fatalf("%d pages read back, want 3 (robots.txt is not HTML)", len(pages))
	}
	for i, p := range pages {
		body, ok := want[p.URL]
		if !ok || !bytes.Equal(body, p.Body) {
			t.Errorf("%s: body differs (%d vs %d bytes)", p.URL, len(p.Body), len(body))
		}
		if p.Metadata[MetaAuthors] != fixtureweb.Articles[i].Author || p.Metadata[MetaRequested] != p.URL {
			t.Errorf("%s: metadata %v", p.URL, p.Metadata)
		}
		if !strings.HasPrefix(p.ContentType, "text/html") || p.Fetched.IsZero() {
			t.Errorf("%s: %q %v", p.URL, p.ContentType, p.Fetched)
		}
	}
}

func TestReadOtherCrawler(t *testing.T) {
	f, err := os.Open("testdata/other.warc")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var pages []Page
	err = Read(context.Background(), f, func(p Page) error { pages = append(pages, p); return nil }, func(off int64, err error) { t.Errorf("@%d: %v", off, err) })
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 || pages[0].URL != "https://lain.example/gempa" || !bytes.Contains(pages[0].Body, []byte("Maluku Tengah")) {
		t.Fatalf("pages: %+v", pages)
	}
}

func TestReadRefuses(t *testing.T) {
	for _, in := range []string{"", "bukan warc", "<html></html>"} {
		err := Read(context.Background(), strings.NewReader(in), func(Page) error { return nil }, func(int64, error) {})
		if in != "" && err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}

func FuzzRead(f *testing.F) {
	seed, _ := os.ReadFile("testdata/other.warc")
	f.Add(seed)
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Read(context.Background(), bytes.NewReader(data), func(p Page) error {
			if len(p.Body) > MaxPageBytes {
				t.Fatalf("page of %d bytes", len(p.Body))
			}
			return nil
		}, func(int64, error) {})
	})
}
