package opml

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestRead(t *testing.T) {
	f, err := os.Open("testdata/reader.opml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	want := []Outline{
		{Title: "Kabar", XMLURL: "https://kabar.example/rss", HTMLURL: "https://kabar.example/", Category: "Nasional"},
		{Title: "Café Berita", XMLURL: "https://cafe.example/feed", Category: "Nasional"},
		{Title: "Warta Timur", HTMLURL: "https://timur.example/", Category: "Nasional/Daerah"},
		{Title: "Suara", XMLURL: "https://suara.example/feed.json"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestRoundTrip(t *testing.T) {
	in := []Outline{
		{Title: "Kabar", XMLURL: "https://kabar.example/rss", HTMLURL: "https://kabar.example/", Category: "Nasional", Interval: 15 * time.Minute},
		{Title: "Warta Timur", HTMLURL: "https://timur.example/", Category: "Nasional/Daerah"},
		{Title: "Suara & Rakyat <id>", XMLURL: "https://suara.example/feed.json?a=1&b=2"},
		{Title: "Kabar Dua", XMLURL: "https://kabar.example/rss2", Category: "Nasional"},
	}
	var b bytes.Buffer
	if err := Write(&b, "warta sources", in, time.Date(2026, 11, 8, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	out, err := Read(&b)
	if err != nil {
		t.Fatal(err)
	}
	// Read returns outlines in document order: folders group them.
	want := []Outline{in[0], in[1], in[3], in[2]}
	if !slices.Equal(out, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v\n%s", out, want, b.String())
	}
}

func TestReadRefuses(t *testing.T) {
	for _, doc := range []string{"", "<html><body></body></html>", "<opml><body><outline", "not xml", strings.Repeat("<opml>", 1) + strings.Repeat("<outline>", 100)} {
		if _, err := Read(strings.NewReader(doc)); err == nil {
			t.Errorf("%.30q: no error", doc)
		}
	}
	if _, err := Read(strings.NewReader("<rss/>")); !errors.Is(err, ErrNotOPML) {
		t.Errorf("rss: %v", err)
	}
}

func FuzzRead(f *testing.F) {
	seed, _ := os.ReadFile("testdata/reader.opml")
	f.Add(seed)
	f.Add([]byte(`<opml version="2.0"><body><outline text="a" xmlUrl="https://a.example/"/></body></opml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		var b bytes.Buffer
		if err := Write(&b, "fuzz", out, time.Time{}); err != nil {
			t.Fatalf("write back: %v", err)
		}
		again, err := Read(&b)
		if err != nil {
			t.Fatalf("read back: %v\n%s", err, b.String())
		}
		if len(again) != len(out) {
			t.Fatalf("%d outlines, %d after a round trip", len(out), len(again))
		}
	})
}
