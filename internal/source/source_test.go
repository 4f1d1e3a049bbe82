package source

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/fetch"
	"github.com/warta-news/warta/internal/fixtureweb"
	"github.com/warta-news/warta/internal/ingest"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/sqlite"
	"github.com/warta-news/warta/internal/warc"
)

const testDelay = 50 * time.Millisecond

type rig struct {
	web    *fixtureweb.Web
	st     *sqlite.Store
	poller *Poller
	warc   *warc.Writer
}

func newRig(t *testing.T, warcDir string) *rig {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, t.TempDir(), sqlite.Options{Analyzer: search.Indonesian()})
	if err != nil {
		t.Fatal(err)
	}
	w := pipeline.NewWriter(st, pipeline.WriterOptions{})
	ran := make(chan error, 1)
	go func() { ran <- w.Run(ctx) }()
	r := &rig{web: fixtureweb.Start(), st: st}
	cfg := fetch.Config{Policy: fetch.Loopback, MinDelay: testDelay, Validators: st}
	if warcDir != "" {
		if r.warc, err = warc.NewWriter(warcDir, 0, "test"); err != nil {
			t.Fatal(err)
		}
		cfg.Recorder = r.warc
	}
	client := fetch.New(cfg)
	r.poller = &Poller{Store: st, Client: client, Pipeline: &pipeline.Pipeline{Analyzer: analysis.DefaultPipeline(), Writer: w}}
	t.Cleanup(func() {
		client.Close()
		w.Close()
		<-ran
		st.Close()
		r.web.Close()
	})
	return r
}

func (r *rig) add(t *testing.T, u string) store.Source {
	t.Helper()
	s, err := New(u, "", 0, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	s, err = r.st.AddSource(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func (r *rig) poll(t *testing.T, s store.Source) (store.Source, Result) {
	t.Helper()
	cur, err := r.st.Source(context.Background(), s.ID)
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.poller.Poll(context.Background(), cur)
	if err != nil {
		t.Fatalf("poll %s: %v", s.URL, err)
	}
	after, _ := r.st.Source(context.Background(), s.ID)
	return after, res
}

func articleCount(t *testing.T, st *sqlite.Store) int {
	stats, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return stats.Articles
}

func TestPolling(t *testing.T) {
	r := newRig(t, "")
	ctx := context.Background()
	kabar := r.add(t, r.web.Kabar.URL+"/rss")
	timur := r.add(t, r.web.Timur.URL+"/feed/atom")
	suara := r.add(t, r.web.Suara.URL+"/")

	// Kabar: RSS with a duplicate item and one closed by robots.txt; a
	// split article read whole through its "Tampilkan semua" link.
	s, res := r.poll(t, kabar)
	if res.Kind != "rss" || res.Items != 4 || res.Created != 3 || res.Skipped != 1 || len(res.Errors) != 0 {
		t.Fatalf("kabar: %+v", res)
	}
	if s.Kind != "rss" || s.Health.LastSuccess.IsZero() || s.Health.Articles != 3 || !s.NextCheck.After(time.Now()) {
		t.Errorf("kabar after a poll: %+v", s)
	}
	for _, h := range r.web.Kabar.Hits() {
		if strings.HasPrefix(h.Path, "/tag/") {
			t.Errorf("robots.txt disobeyed: %s", h.Path)
		}
	}
	assertDelay(t, r.web.Kabar.Hits(), testDelay)
	whole := storedByURL(t, r.st, r.web.KabarArticleURL(1))
	if n := len(whole.Paragraphs); n != len(fixtureweb.Articles[1].Paragraphs) {
		t.Errorf("split article: %d paragraphs stored, want %d", n, len(fixtureweb.Articles[1].Paragraphs))
	}

	// Timur: Atom; the split article is read whole through ?page=all.
	_, res = r.poll(t, timur)
	if res.Kind != "atom" || res.Created != 3 {
		t.Fatalf("timur: %+v", res)
	}
	a := fixtureweb.Articles[3]
	rec := storedByURL(t, r.st, r.web.Timur.URL+"/read/2026/11/05/"+a.Slug)
	if len(rec.Paragraphs) != len(a.Paragraphs) {
		t.Errorf("timur split article: %d paragraphs, want %d", len(rec.Paragraphs), len(a.Paragraphs))
	}

	// Suara: a homepage whose JSON Feed carries the full text: no article
	// page is fetched; the item's author fills the page's byline.
	s, res = r.poll(t, suara)
	if res.Kind != "page" || len(res.Feeds) != 2 || res.Created != 2 {
		t.Fatalf("suara: %+v", res)
	}
	if s.Kind != "page" || len(s.Feeds) != 2 {
		t.Errorf("suara after a poll: %+v", s)
	}
	for _, h := range r.web.Suara.Hits() {
		if strings.HasPrefix(h.Path, "/news/") {
			t.Errorf("page fetched although the feed has the full text: %s", h.Path)
		}
	}
	total := articleCount(t, r.st)
	if total != 8 {
		t.Errorf("%d articles stored, want 8", total)
	}

	// Second polls: conditional requests, 304, nothing stored again.
	r.web.Kabar.ResetHits()
	_, res = r.poll(t, kabar)
	if res.NotModified != 1 || res.Created+res.NewVersions+res.Fetched != 0 {
		t.Errorf("kabar again: %+v", res)
	}
	hits := r.web.Kabar.Hits()
	if len(hits) != 1 || hits[0].Header.Get("If-None-Match") == "" || hits[0].Header.Get("If-Modified-Since") == "" {
		t.Errorf("second poll: %d requests, first %+v", len(hits), hits)
	}
	_, res = r.poll(t, suara)
	if res.Created+res.NewVersions != 0 {
		t.Errorf("suara again: %+v", res)
	}

	// The same articles listed by a second source (Kabar's news sitemap)
	// are not stored again.
	sitemap := r.add(t, r.web.Kabar.URL+"/sitemap-news.xml")
	_, res = r.poll(t, sitemap)
	if res.Kind != "sitemap" || res.Items != 3 || res.Created+res.NewVersions != 0 {
		t.Errorf("sitemap: %+v", res)
	}
	if n := articleCount(t, r.st); n != total {
		t.Errorf("%d articles after the sitemap, want %d", n, total)
	}

	// A changed item becomes a new version of its article.
	r.web.ChangeArticle()
	_, res = r.poll(t, kabar)
	if res.NewVersions != 1 || res.Created != 0 {
		t.Errorf("after a change: %+v", res)
	}
	changed := storedArticle(t, r.st, r.web.KabarArticleURL(0))
	if len(changed.Versions) != 2 || !strings.Contains(string(changed.Record), "Pembaruan") {
		t.Errorf("changed article: %d versions", len(changed.Versions))
	}
	if n := articleCount(t, r.st); n != total {
		t.Errorf("%d articles after the change, want %d", n, total)
	}
	_ = ctx
}

func assertDelay(t *testing.T, hits []fixtureweb.Hit, delay time.Duration) {
	t.Helper()
	for i := 1; i < len(hits); i++ {
		if gap := hits[i].At.Sub(hits[i-1].At); gap < delay-5*time.Millisecond {
			t.Errorf("%s came %s after %s (delay %s)", hits[i].Path, gap, hits[i-1].Path, delay)
		}
	}
}

func storedArticle(t *testing.T, st *sqlite.Store, u string) *store.Article {
	t.Helper()
	list, err := st.Articles(context.Background(), store.ArticleFilter{Page: store.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		if a.URL == u {
			art, err := st.Article(context.Background(), a.ID)
			if err != nil {
				t.Fatal(err)
			}
			return art
		}
	}
	t.Fatalf("no article stored for %s", u)
	return nil
}

func storedByURL(t *testing.T, st *sqlite.Store, u string) analysis.Record {
	var rec analysis.Record
	if err := json.Unmarshal(storedArticle(t, st, u).Record, &rec); err != nil {
		t.Fatal(err)
	}
	return rec
}

func TestFailingSourceBacksOff(t *testing.T) {
	r := newRig(t, "")
	ctx := context.Background()
	src := r.add(t, r.web.Faults.URL+fixtureweb.ErrorPath)
	var last time.Duration
	for i := 1; i <= 3; i++ {
		cur, _ := r.st.Source(ctx, src.ID)
		before := time.Now()
		if _, err := r.poller.Poll(ctx, cur); err == nil {
			t.Fatal("a 500 polled without error")
		}
		after, err := r.st.Source(ctx, src.ID)
		if err != nil {
			t.Fatalf("a failing source was dropped: %v", err)
		}
		wait := after.NextCheck.Sub(before)
		if after.Health.ConsecutiveErrors != i || !strings.Contains(after.Health.LastError, "500") || wait <= last {
			t.Errorf("poll %d: %+v, waits %s", i, after.Health, wait)
		}
		last = wait
		// the host's own back-off would make the next poll wait: forget it
		r.poller.Client = fetch.New(fetch.Config{Policy: fetch.Loopback, MinDelay: testDelay, Validators: r.st})
	}
	for _, bad := range []string{fixtureweb.HTMLFeedPath, fixtureweb.BrokenXMLPath, fixtureweb.MetadataPath, fixtureweb.LoopPath} {
		s := r.add(t, r.web.Faults.URL+bad)
		if _, err := r.poller.Poll(ctx, s); err == nil {
			t.Errorf("%s: no error", bad)
		}
		after, _ := r.st.Source(ctx, s.ID)
		if after.Health.ConsecutiveErrors != 1 {
			t.Errorf("%s: health %+v", bad, after.Health)
		}
	}
}

func TestAdapt(t *testing.T) {
	for apd, want := range map[float64]time.Duration{0: MaxInterval, 0.5: MaxInterval, 1: 12 * time.Hour, 24: 30 * time.Minute, 1000: MinInterval} {
		if got := Adapt(apd); got != want {
			t.Errorf("Adapt(%v) = %s, want %s", apd, got, want)
		}
	}
}

// TestWARCRoundTrip: the pages of a poll archived as WARC and ingested
// again give the same records as were stored.
func TestWARCRoundTrip(t *testing.T) {
	dir := t.TempDir()
	r := newRig(t, dir)
	for _, u := range []string{r.web.Kabar.URL + "/rss", r.web.Timur.URL + "/feed/atom"} {
		if _, res := r.poll(t, r.add(t, u)); res.Created == 0 {
			t.Fatalf("%s: %+v", u, res)
		}
	}
	if err := r.warc.Close(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.warc.gz"))
	if len(files) == 0 {
		t.Fatal("no WARC written")
	}
	n := 0
	err := warc.Source(files)(context.Background(), func(it ingest.Item) error {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		rec, err := analysis.Analyze(context.Background(), it.Input)
		if err != nil {
			t.Fatal(err)
		}
		var again, stored any
		data, _ := json.Marshal(rec)
		json.Unmarshal(data, &again)
		json.Unmarshal(storedArticle(t, r.st, rec.Source.URL).Record, &stored)
		if !reflect.DeepEqual(again, stored) {
			t.Errorf("%s: the record from the WARC differs from the one stored", rec.Source.URL)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Kabar's three pages and its split article's single view, Timur's
	// three and the split one's whole view.
	if n < 6 {
		t.Errorf("%d pages read back", n)
	}
}
