package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/warta-news/warta/internal/shared"
)

// made writes n small source articles of our own, each with a lead, a few
// paragraphs and a furniture line in every one.
func made(n int) []Article {
	var src []Article
	for i := range n {
		var body strings.Builder
		fmt.Fprintf(&body, "Paragraf pembuka nomor %d tentang kota %d.\n", i, i%7)
		for p := range 3 + i%4 {
			if p == 1 {
				body.WriteString("IKLAN\n\n")
			}
			fmt.Fprintf(&body, "Paragraf %d dari berita %d, kata Budi.\n", p, i)
		}
		src = append(src, Article{
			ID:        fmt.Sprint(i),
			Title:     fmt.Sprintf("Judul Berita %d: Kota %d", i, i%7),
			URL:       fmt.Sprintf("https://www.detik.com/sumut/berita/d-%d/judul-%d", 1000+i, i),
			Published: time.Date(2025, 10, 1+i%28, 9, 0, 0, 0, time.FixedZone("WIB", 7*3600)).Format(time.RFC3339),
			Body:      body.String(),
			Topic:     "Ekonomi & Keuangan",
		})
	}
	return src
}

func build(t *testing.T, src []Article, size int, seed uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	st, err := WriteCorpus(context.Background(), &buf, src, CorpusOptions{Size: size, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != size || st.Bytes != int64(buf.Len()) {
		t.Fatalf("stats %+v, wrote %d bytes", st, buf.Len())
	}
	return buf.Bytes()
}

func decode(t *testing.T, data []byte) []Article {
	t.Helper()
	out, err := ReadArticles(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCorpusDeterministic(t *testing.T) {
	src := made(40)
	a, b := build(t, src, 500, 7), build(t, src, 500, 7)
	if !bytes.Equal(a, b) {
		t.Fatal("the same seed gave two corpora")
	}
	if c := build(t, src, 500, 8); bytes.Equal(a, c) {
		t.Fatal("another seed gave the same corpus")
	}
	// A smaller corpus is the start of a larger one of the same seed.
	if small := build(t, src, 100, 7); !bytes.HasPrefix(a, small) {
		t.Fatal("100 articles are not the first 100 of 500")
	}
}

// checkCorpus checks what every corpus promises: unique URLs and texts,
// real headlines, paragraphs that are the sources' own, furniture kept, and
// dates within the sources' span.
func checkCorpus(t *testing.T, src, got []Article) {
	t.Helper()
	c := newCorpus(src)
	titles := map[string]bool{}
	paras := map[string]bool{}
	for _, a := range src {
		titles[a.Title] = true
	}
	for _, p := range append(append([]string{}, c.leads...), c.paras...) {
		paras[p] = true
	}
	urls, bodies := map[string]bool{}, map[string]bool{}
	for _, a := range got {
		if urls[a.URL] || bodies[a.Body] {
			t.Fatalf("%s: URL or text repeated: %s", a.ID, a.URL)
		}
		urls[a.URL], bodies[a.Body] = true, true
		if !titles[a.Title] {
			t.Fatalf("%s: headline %q is no source's", a.ID, a.Title)
		}
		for _, l := range strings.Split(a.Body, "\n") {
			if l != "" && !paras[l] && !c.furniture[l] {
				t.Fatalf("%s: line %q is no source's paragraph", a.ID, l)
			}
		}
		p, err := time.Parse(time.RFC3339, a.Published)
		if err != nil || p.Before(c.earliest) || p.After(c.latest) {
			t.Fatalf("%s: published %s outside %s..%s (%v)", a.ID, a.Published, c.earliest, c.latest, err)
		}
	}
}

func TestCorpusUnique(t *testing.T) {
	src := made(40)
	got := decode(t, build(t, src, 2000, 1))
	if len(got) != 2000 {
		t.Fatalf("%d articles, want 2000", len(got))
	}
	checkCorpus(t, src, got)
	furniture := 0
	for _, a := range got {
		if strings.Contains(a.Body, "\nIKLAN\n") {
			furniture++
		}
	}
	if furniture == 0 {
		t.Fatal("no article kept the furniture line where its template had it")
	}
}

func TestCorpusFromDetik(t *testing.T) {
	f, err := os.Open(shared.Path(t, "data/detik-news/articles.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	src, err := ReadArticles(f)
	if err != nil {
		t.Fatal(err)
	}
	got := decode(t, build(t, src, 20000, 1))
	checkCorpus(t, src, got)
}

func TestCorpusErrors(t *testing.T) {
	if _, err := WriteCorpus(context.Background(), &bytes.Buffer{}, made(3), CorpusOptions{Size: 0}); err == nil {
		t.Error("size 0 accepted")
	}
	// Two one-paragraph sources cannot make three different articles.
	tiny := []Article{
		{Title: "A", URL: "https://x.test/d-1/a", Published: "2025-10-01T09:00:00+07:00", Body: "satu\ndua"},
		{Title: "B", URL: "https://x.test/d-2/b", Published: "2025-10-02T09:00:00+07:00", Body: "tiga\nempat"},
	}
	if _, err := WriteCorpus(context.Background(), &bytes.Buffer{}, tiny, CorpusOptions{Size: 50, Seed: 1}); err == nil {
		t.Error("50 unique articles from 4 combinations")
	}
	for _, in := range []string{
		`{"title":"A","body":"x","published":"2025-10-01T09:00:00+07:00"}`,                         // one source only
		`{"title":"A","body":"","published":"2025-10-01T09:00:00+07:00"}` + "\n" + `{"title":"B"}`, // no body
		`{"title":"A","body":"x","published":"kemarin"}`,
		`{"title":`,
	} {
		if _, err := ReadArticles(strings.NewReader(in)); err == nil {
			t.Errorf("ReadArticles(%q) took it", in)
		}
	}
}

func FuzzReadArticles(f *testing.F) {
	one, _ := json.Marshal(made(2))
	f.Add(string(one))
	for _, a := range made(3) {
		line, _ := json.Marshal(a)
		f.Add(string(line) + "\n" + string(line))
	}
	f.Add(`{"title":"A","body":"x\n\ny","published":"2025-10-01T09:00:00+07:00"}` + "\n" + `{"title":"B","body":"z","published":"2025-10-01T09:00:00Z"}`)
	f.Fuzz(func(t *testing.T, in string) {
		src, err := ReadArticles(strings.NewReader(in))
		if err != nil {
			return
		}
		// Whatever was read is either drawn from or refused with an error.
		var buf bytes.Buffer
		if _, err := WriteCorpus(context.Background(), &buf, src, CorpusOptions{Size: 3, Seed: 1}); err == nil {
			if _, err := ReadArticles(&buf); err != nil {
				t.Fatalf("a corpus does not read back: %v", err)
			}
		}
	})
}
