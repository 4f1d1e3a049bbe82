package web_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/alert"
	"github.com/warta-news/warta/internal/api"
	"github.com/warta-news/warta/internal/fetch"
	"github.com/warta-news/warta/internal/identity"
	"github.com/warta-news/warta/internal/lineage"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/server"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/sqlite"
	"github.com/warta-news/warta/internal/web"
)

// site is a server with the API and the UI over a new store, its write
// path checking alerts, webhooks allowed on loopback only.
type site struct {
	ts *httptest.Server
	st siteStore
	p  *pipeline.Pipeline
}

// siteStore is every store interface the pages read: SQLite's and
// PostgreSQL's stores have them all.
type siteStore interface {
	store.Store
	store.Lineage
	store.Alerts
	store.Sources
	store.Insights
	store.SearchInsights
}

// newSite is a site over a new SQLite store.
func newSite(t *testing.T) *site {
	t.Helper()
	resolver, err := identity.New()
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(context.Background(), t.TempDir(), sqlite.Options{Analyzer: search.Indonesian(), Linker: resolver})
	if err != nil {
		t.Fatal(err)
	}
	return newSiteOn(t, st)
}

// newSiteOn is a site over st, which it closes at the end of the test.
func newSiteOn(t *testing.T, st siteStore) *site {
	t.Helper()
	ctx := context.Background()
	t.Cleanup(func() { st.Close() })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	del := alert.NewDeliverer(alert.DelivererConfig{Policy: fetch.Loopback, Backoff: 50 * time.Millisecond, Log: log})
	dctx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { del.Run(dctx); close(done) }()
	t.Cleanup(func() { stop(); <-done })
	svc := alert.New(alert.Config{Store: st, Lineage: st, Analyzer: search.Indonesian(), Policy: fetch.Loopback, Deliverer: del, Log: log})
	linker := &lineage.Linker{Records: st, Lineage: st}
	w := pipeline.NewWriter(st, pipeline.WriterOptions{Log: log, MaxDelay: 10 * time.Millisecond,
		Observers: []pipeline.Observer{linker.Observe, svc.Observe}})
	ran := make(chan error, 1)
	go func() { ran <- w.Run(ctx) }()
	t.Cleanup(func() {
		w.Close()
		if err := <-ran; err != nil {
			t.Errorf("writer: %v", err)
		}
	})
	p := &pipeline.Pipeline{Analyzer: analysis.DefaultPipeline(), Writer: w}
	acfg := api.FromStore(st, p)
	acfg.Log, acfg.AlertService = log, svc
	wcfg := web.FromStore(st)
	wcfg.Log, wcfg.AlertService = log, svc
	ui, err := web.New(wcfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(server.New(server.Config{API: api.New(acfg), Web: ui, Log: log}))
	t.Cleanup(ts.Close)
	return &site{ts, st, p}
}

func (s *site) store(t *testing.T, in analysis.Input) store.PutResult {
	t.Helper()
	_, res, err := s.p.Store(context.Background(), in)
	if err != nil {
		t.Fatalf("store %q: %v", in.Title, err)
	}
	return res
}

func (s *site) get(t *testing.T, path string) (int, string, http.Header) {
	t.Helper()
	resp, err := http.Get(s.ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), resp.Header
}

// Articles written for these tests.
var (
	rapat = analysis.Input{Title: "Prabowo Bertemu Anwar Ibrahim di Jakarta", URL: "https://contoh.example/politik/rapat", Published: "2025-10-20",
		Body: "Presiden Prabowo Subianto bertemu Perdana Menteri Malaysia Anwar Ibrahim di Jakarta pada Senin (20/10/2025).\n\n" +
			"\"Kami sepakat memperkuat kerja sama perdagangan,\" kata Prabowo.\n\nKedua negara menargetkan perdagangan Rp 500 triliun."}
	hostile = analysis.Input{Title: "Warga <script>alert(1)</script> Protes", URL: "https://lain.example/warga", Published: "2025-10-21",
		Body: "Ratusan warga <img src=x onerror=alert(2)> berunjuk rasa di depan kantor bupati Bekasi.\n\n\"Kami menolak <b>penggusuran</b>,\" kata Budi Santoso."}
	banjir = analysis.Input{Title: "Banjir Rendam Ratusan Rumah di Bekasi", URL: "https://contoh.example/banjir", Published: "2025-10-22",
		Body: "Banjir setinggi satu meter merendam ratusan rumah warga di Bekasi Timur pada Rabu pagi.\n\nWarga mengungsi ke masjid."}
)

func TestPages(t *testing.T) { testPages(t, newSite(t)) }

// testPages checks every page over the store of s.
func testPages(t *testing.T, s *site) {
	first := s.store(t, rapat)
	s.store(t, hostile)
	prabowo, err := s.st.Entities(context.Background(), store.EntityFilter{Name: "Prabowo Subianto", Type: "PER"})
	if err != nil || len(prabowo) == 0 {
		t.Fatalf("Prabowo Subianto not stored as a person: %v %v", prabowo, err)
	}
	ent := "/entities/" + itoa(prabowo[0].ID)
	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{"Artikel terbaru", "Prabowo Bertemu Anwar Ibrahim", `data-entity="`, "Paling banyak dikutip"}},
		{"/?lang=en", 200, []string{"Latest articles", "Most quoted", `lang="en"`}},
		{"/search?q=perdagangan", 200, []string{"<mark>perdagangan</mark>", "<svg", "<table>", "format=csv", `href="/articles/` + itoa(first.ID) + `"`}},
		{"/search?q=perdagangan&compare=warga&sort=date", 200, []string{"<polyline", "warga"}},
		{"/search?q=-x", 400, []string{`class="error"`}},
		{"/articles/" + itoa(first.ID), 200, []string{`<a class="ent per" href="` + ent + `"`, `<q class="quote" data-speaker="` + itoa(prabowo[0].ID) + `"`, `<data class="amount"`, `<time class="date" datetime="2025-10-20"`, `<aside class="summary"`}},
		{"/articles/999", 404, []string{"no article 999"}},
		{"/articles/abc", 400, []string{"positive whole number"}},
		{"/entities", 200, []string{"Prabowo Subianto"}},
		{"/entities?type=PER&name=prabowo", 200, []string{"Prabowo Subianto"}},
		{ent, 200, []string{"<svg", "Kami sepakat memperkuat", "Anwar Ibrahim"}},
		{ent + "?vs=Anwar+Ibrahim", 200, []string{"share of voice"}},
		{"/entities/0", 400, nil},
		{"/quotes?speaker=Prabowo", 200, []string{"Kami sepakat memperkuat"}},
		{"/quotes?from=abc", 400, nil},
		{"/events", 200, []string{"<select name=\"type\">"}},
		{"/alerts", 200, []string{`<form method="post" action="/alerts"`}},
		{"/alerts/7", 404, nil},
	}
	for _, tt := range tests {
		status, body, h := s.get(t, tt.path)
		if status != tt.status {
			t.Errorf("%s: status %d, want %d", tt.path, status, tt.status)
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: no %q in the page", tt.path, w)
			}
		}
		// Hostile text is escaped wherever it shows.
		for _, bad := range []string{"<script>alert", "<img src=x", "<b>penggusuran"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: unescaped %q", tt.path, bad)
			}
		}
		if csp := h.Get("Content-Security-Policy"); status != 404 && !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("%s: CSP %q", tt.path, csp)
		}
	}
	_, body, h := s.get(t, "/search?q=perdagangan&format=csv")
	if !strings.HasPrefix(h.Get("Content-Type"), "text/csv") || !strings.Contains(body, "Prabowo Bertemu Anwar Ibrahim") {
		t.Errorf("CSV export: %s %q", h.Get("Content-Type"), body)
	}
	_, body, _ = s.get(t, "/search?q=warga&format=jsonl")
	if lines := strings.Count(body, "\n"); lines != 1 || !strings.Contains(body, `"title":"Warga \u003cscript\u003ealert(1)\u003c/script\u003e Protes"`) {
		t.Errorf("JSON Lines export: %q", body)
	}
}

// TestAlert saves an alert with a webhook, stores a matching article, and
// sees the match in the Atom feed and at the webhook, signed, once.
func TestAlert(t *testing.T) { testAlert(t, newSite(t)) }

func testAlert(t *testing.T, s *site) {
	got := make(chan []byte, 4)
	var secret string
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if sig := r.Header.Get(alert.SignatureHeader); sig != alert.Sign(secret, body) {
			t.Errorf("signature %q does not sign the body", sig)
		}
		got <- body
	}))
	defer hook.Close()

	resp, err := http.Post(s.ts.URL+"/api/v1/alerts", "application/json",
		strings.NewReader(`{"name": "Banjir Bekasi", "query": "banjir site:contoh.example", "webhook": "`+hook.URL+`/hook"}`))
	if err != nil {
		t.Fatal(err)
	}
	var a store.Alert
	json.NewDecoder(resp.Body).Decode(&a)
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated || a.ID == 0 || a.Secret == "" {
		t.Fatalf("POST /api/v1/alerts: %d %+v", resp.StatusCode, a)
	}
	secret = a.Secret

	s.store(t, rapat) // does not match
	res := s.store(t, banjir)
	select {
	case body := <-got:
		var p alert.Payload
		if err := json.Unmarshal(body, &p); err != nil || p.Alert.ID != a.ID || len(p.Matches) != 1 || p.Matches[0].ArticleID != res.ID {
			t.Errorf("webhook payload %s", body)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no webhook delivery within 10 s")
	}
	s.store(t, banjir) // unchanged: fires nothing
	changed := banjir
	changed.Body += "\n\nAir mulai surut pada sore hari."
	s.store(t, changed) // a new version: already matched, fires nothing
	select {
	case body := <-got:
		t.Errorf("second delivery for the same article: %s", body)
	case <-time.After(300 * time.Millisecond):
	}

	status, body, h := s.get(t, "/alerts/"+itoa(a.ID)+"/feed.atom")
	var feed struct {
		Entries []struct {
			Title string `xml:"title"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(body), &feed); status != 200 || err != nil || !strings.HasPrefix(h.Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("feed: %d %v %s", status, err, body)
	}
	if len(feed.Entries) != 1 || feed.Entries[0].Title != banjir.Title {
		t.Errorf("feed entries = %+v, want the flood article once", feed.Entries)
	}
	if _, body, _ := s.get(t, "/alerts"); !strings.Contains(body, "Banjir Bekasi") || strings.Contains(body, secret) {
		t.Errorf("alerts page: lists the alert without its secret? %q", body)
	}

	// The API's list hides the secret; DELETE removes the alert.
	req, _ := http.NewRequest(http.MethodDelete, s.ts.URL+"/api/v1/alerts/"+itoa(a.ID), nil)
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusNoContent {
		t.Errorf("DELETE: %v %v", resp, err)
	}
	if status, _, _ := s.get(t, "/api/v1/alerts/"+itoa(a.ID)); status != 404 {
		t.Errorf("deleted alert: %d", status)
	}
}

func TestAlertRefusesBadInput(t *testing.T) {
	s := newSite(t)
	for _, body := range []string{
		`{"query": ""}`,
		`{"query": "\"unclosed"}`, // parses: a phrase to the end
		`{"query": "-banjir"}`,
		`{"query": "banjir", "webhook": "ftp://contoh.example/x"}`,
		`{"query": "banjir", "webhook": "http://169.254.169.254/latest"}`, // refused at dial time, not here: see below
		`[1,`,
		`{"query": "banjir", "extra": 1}`,
	} {
		resp, err := http.Post(s.ts.URL+"/api/v1/alerts", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		want := http.StatusBadRequest
		if strings.Contains(body, "unclosed") || strings.Contains(body, "169.254") {
			want = http.StatusCreated
		}
		if resp.StatusCode != want {
			t.Errorf("%s: status %d, want %d", body, resp.StatusCode, want)
		}
	}
	// A webhook to a private address is refused when dialled, before any
	// connection: the guard's decision, checked without sending anything.
	if err := fetch.Loopback.CheckDial("tcp", "169.254.169.254:80"); err == nil {
		t.Error("the webhook guard would dial 169.254.169.254")
	}
	resp, err := http.PostForm(s.ts.URL+"/alerts", url.Values{"name": {"x"}, "query": {"-x"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("form with a bad query: %d", resp.StatusCode)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestSourcesPage(t *testing.T) { testSourcesPage(t, newSite(t)) }

func testSourcesPage(t *testing.T, s *site) {
	post := func(form url.Values) (int, string) {
		resp, err := http.PostForm(s.ts.URL+"/sources", form)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	if status, body := post(url.Values{"url": {"https://contoh.example/rss"}, "name": {"Contoh <b>Berita</b>"}}); status != http.StatusCreated || !strings.Contains(body, "Contoh &lt;b&gt;Berita&lt;/b&gt;") {
		t.Errorf("follow a feed: %d", status)
	}
	if status, _ := post(url.Values{"url": {"https://contoh.example/rss"}}); status != http.StatusConflict {
		t.Errorf("follow it twice: %d, want 409", status)
	}
	for _, bad := range []url.Values{{"url": {"ftp://contoh.example/x"}}, {"url": {"https://contoh.example/a"}, "interval": {"sebentar"}}} {
		if status, _ := post(bad); status != http.StatusBadRequest {
			t.Errorf("%v: %d, want 400", bad, status)
		}
	}
	// OPML upload.
	var buf strings.Builder
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("opml", "langganan.opml")
	io.WriteString(fw, `<?xml version="1.0"?><opml version="2.0"><body><outline text="Lain" xmlUrl="https://lain.example/feed.xml"/>`+
		`<outline text="Contoh" xmlUrl="https://contoh.example/rss"/></body></opml>`)
	mw.Close()
	resp, err := http.Post(s.ts.URL+"/sources/import", mw.FormDataContentType(), strings.NewReader(buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "followed 1 new sources; 1 were followed already") {
		t.Errorf("OPML import: %d %s", resp.StatusCode, body)
	}
	if _, body, _ := s.get(t, "/"); !strings.Contains(body, "Kesehatan sumber") || !strings.Contains(body, "lain.example") && !strings.Contains(body, "Lain") {
		t.Errorf("the dashboard shows no source health")
	}
	list, err := s.st.SourceList(context.Background())
	if err != nil || len(list) != 2 {
		t.Fatalf("sources = %+v, %v", list, err)
	}
	resp, err = http.PostForm(s.ts.URL+"/sources/"+itoa(list[0].ID)+"/remove", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if list, _ := s.st.SourceList(context.Background()); resp.StatusCode != 200 || len(list) != 1 {
		t.Errorf("remove: %d, %d left", resp.StatusCode, len(list))
	}
}

// TestAlertCollapsesCopies: an alert with collapse:copies fires on a
// story, not on a copy of it published later elsewhere.
func TestAlertCollapsesCopies(t *testing.T) { testAlertCollapsesCopies(t, newSite(t)) }

func testAlertCollapsesCopies(t *testing.T, s *site) {
	svcAlert := func(query string) int64 {
		resp, err := http.Post(s.ts.URL+"/api/v1/alerts", "application/json", strings.NewReader(`{"query": "`+query+`"}`))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var a store.Alert
		json.NewDecoder(resp.Body).Decode(&a)
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("alert %q: %d", query, resp.StatusCode)
		}
		return a.ID
	}
	all, once := svcAlert("jembatan"), svcAlert("jembatan collapse:copies")
	body := strings.Repeat("Jembatan gantung yang menghubungkan dua desa di Kabupaten Lebak putus diterjang banjir bandang pada Selasa malam. "+
		"Warga kini harus memutar sejauh dua belas kilometer untuk mencapai pasar kecamatan. "+
		"Kepala desa meminta pemerintah kabupaten segera membangun jembatan darurat sebelum musim hujan memuncak. "+
		"Dinas pekerjaan umum menyatakan tim sudah diturunkan untuk memeriksa fondasi jembatan yang tersisa.\n\n", 2)
	s.store(t, analysis.Input{Title: "Jembatan Gantung di Lebak Putus Diterjang Banjir", URL: "https://contoh.example/jembatan", Published: "2025-10-20", Body: body})
	s.store(t, analysis.Input{Title: "Jembatan di Lebak Putus, Warga Memutar 12 Km", URL: "https://lain.example/salinan", Published: "2025-10-21", Body: body})
	for id, want := range map[int64]int{all: 2, once: 1} {
		ms, err := s.st.Matches(context.Background(), id, store.Page{})
		if err != nil || len(ms) != want {
			t.Errorf("alert %d: %d matches (%v), want %d", id, len(ms), err, want)
		}
	}
}

// countingEntities counts the entity look-ups a page makes.
type countingEntities struct {
	store.EntityReader
	n int
}

func (c *countingEntities) Entity(ctx context.Context, id int64) (*store.Entity, error) {
	c.n++
	return c.EntityReader.Entity(ctx, id)
}

// TestEntityPageKept serves an entity page again from what was read for
// it while the store is unchanged, per language, and reads it anew once
// an article is stored.
func TestEntityPageKept(t *testing.T) {
	s := newSite(t)
	s.store(t, rapat)
	prabowo, err := s.st.Entities(context.Background(), store.EntityFilter{Name: "Prabowo Subianto", Type: "PER"})
	if err != nil || len(prabowo) == 0 {
		t.Fatalf("Prabowo Subianto not stored as a person: %v %v", prabowo, err)
	}
	cfg := web.FromStore(s.st)
	if cfg.Stamper == nil {
		t.Fatal("the SQLite store has no Stamp")
	}
	count := &countingEntities{EntityReader: s.st}
	cfg.Entities = count
	ui, err := web.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(server.New(server.Config{Web: ui}))
	defer ts.Close()
	get := func(path string) string {
		t.Helper()
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %s", path, resp.Status)
		}
		return string(body)
	}
	path := "/entities/" + itoa(prabowo[0].ID)
	first := get(path)
	if again := get(path); again != first || count.n != 1 {
		t.Errorf("the same page again: %d look-ups (want 1), same page %v", count.n, again == first)
	}
	if en := get(path + "?lang=en"); count.n != 2 || en == first {
		t.Errorf("the page in English: %d look-ups (want 2), same page as Indonesian %v", count.n, en == first)
	}
	if get(path + "?utm_source=x"); count.n != 2 {
		t.Errorf("a parameter the page does not read: %d look-ups, want the page kept (2)", count.n)
	}
	req, _ := http.NewRequest(http.MethodGet, ts.URL+path, nil)
	req.Header.Set("Cache-Control", "no-cache")
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	} else {
		resp.Body.Close()
	}
	if count.n != 3 {
		t.Errorf("Cache-Control: no-cache: %d look-ups, want the page made anew (3)", count.n)
	}
	s.store(t, analysis.Input{Title: "Prabowo Tinjau Tanggul di Bekasi", URL: "https://contoh.example/tanggul", Published: "2025-10-23",
		Body: "Presiden Prabowo Subianto meninjau tanggul sungai di Bekasi pada Kamis.\n\n\"Tanggul ini harus selesai sebelum musim hujan,\" kata Prabowo."})
	if after := get(path); count.n != 4 || !strings.Contains(after, "Tanggul ini harus selesai") {
		t.Errorf("after a new article: %d look-ups (want 4), its quote shown %v", count.n, strings.Contains(after, "Tanggul ini harus selesai"))
	}
	cfg.Stamper = nil
	plain, err := web.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h := server.New(server.Config{Web: plain})
	for range 2 {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "http://localhost"+path, nil))
	}
	if count.n != 6 {
		t.Errorf("without a stamp: %d look-ups after two more pages, want 6", count.n)
	}
}
