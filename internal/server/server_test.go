package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/api"
	"github.com/warta-news/warta/internal/identity"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/sqlite"
	"github.com/warta-news/warta/internal/store/storetest"
	"github.com/warta-news/warta/internal/web"
)

const token = "rahasia-uji"

// options are what a test sets of the server.
type options struct {
	Token        string
	MaxBodyBytes int64
	AllowedHosts []string
}

// newServer starts the API and the UI on a random loopback port over a
// new SQLite store with the resolver, with the process's one writer.
func newServer(t *testing.T, o options) (*httptest.Server, store.Store) {
	t.Helper()
	linker, err := identity.New()
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(context.Background(), t.TempDir(), sqlite.Options{Analyzer: search.Indonesian(), Linker: linker})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	w := pipeline.NewWriter(st, pipeline.WriterOptions{Log: log})
	ran := make(chan error, 1)
	go func() { ran <- w.Run(context.Background()) }()
	t.Cleanup(func() {
		w.Close()
		if err := <-ran; err != nil {
			t.Errorf("writer: %v", err)
		}
	})
	acfg := api.FromStore(st, &pipeline.Pipeline{Analyzer: analysis.DefaultPipeline(), Writer: w})
	acfg.MaxBodyBytes, acfg.Log = o.MaxBodyBytes, log
	wcfg := web.FromStore(st)
	wcfg.Log = log
	ui, err := web.New(wcfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(New(Config{API: api.New(acfg), Web: ui, Token: o.Token, AllowedHosts: o.AllowedHosts, Log: log}))
	t.Cleanup(ts.Close)
	return ts, st
}

// call sends a request and decodes a JSON answer into out (when not nil).
func call(t *testing.T, method, u, contentType, body string, out any, header ...string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Errorf("%s %s: Content-Type %q, want JSON", method, u, resp.Header.Get("Content-Type"))
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatalf("%s %s: %d %v: %s", method, u, resp.StatusCode, err, data)
		}
	}
	return resp
}

const pertemuanText = `Kepala Daerah Hadiri Rapat Koordinasi
Pertemuan para kepala daerah dengan gubernur berlangsung tertutup di gedung DPRD, Senin (20/10/2025).
Gubernur meminta setiap daerah menyiapkan anggaran penanganan banjir.`

func TestAnalyzeStoresNothing(t *testing.T) {
	ts, st := newServer(t, options{})
	tests := []struct {
		name, contentType, body string
	}{
		{"text", "text/plain; charset=utf-8", pertemuanText},
		{"JSON", "application/json", `{"title": "Kepala Daerah Hadiri Rapat Koordinasi", "body": "Pertemuan para kepala daerah dengan gubernur berlangsung tertutup.", "url": "https://contoh.example/rapat", "published": "2025-10-20"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec map[string]any
			resp := call(t, "POST", ts.URL+"/api/v1/analyze?published=2025-10-21", tt.contentType, tt.body, &rec)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %v", resp.StatusCode, rec)
			}
			if rec["title"] != "Kepala Daerah Hadiri Rapat Koordinasi" || rec["id"] == "" || rec["text"] == nil || rec["sentences"] == nil {
				t.Errorf("record = %v", rec)
			}
			if rec["published"] == nil {
				t.Error("no published date")
			}
		})
	}
	if s, _ := st.Stats(context.Background()); s.Articles != 0 {
		t.Errorf("analyze stored %d articles", s.Articles)
	}
}

// An HTML page is handed to internal/ingest like a .html file.
func TestAnalyzeHTML(t *testing.T) {
	ts, _ := newServer(t, options{})
	page := `<!doctype html><html><head><title>Banjir Rendam Bekasi</title></head><body><article><h1>Banjir Rendam Bekasi</h1>
<p>Banjir setinggi satu meter merendam ratusan rumah warga di Bekasi pada Senin pagi.</p>
<p>Warga mengungsi ke masjid dan balai warga sambil menunggu air surut.</p></article></body></html>`
	var out map[string]any
	resp := call(t, "POST", ts.URL+"/api/v1/analyze", "text/html; charset=utf-8", page, &out)
	if resp.StatusCode != http.StatusOK || !strings.Contains(fmt.Sprint(out["text"]), "ratusan rumah") {
		t.Errorf("status %d, record %v", resp.StatusCode, out)
	}
}

func TestStoreArticle(t *testing.T) {
	ts, _ := newServer(t, options{Token: token})
	u := ts.URL + "/api/v1/articles?url=" + url.QueryEscape("https://contoh.example/rapat")
	var out struct {
		store.PutResult
		Record map[string]any `json:"record"`
	}
	if resp := call(t, "POST", u, "text/plain", pertemuanText, &out); resp.StatusCode != http.StatusUnauthorized ||
		resp.Header.Get("WWW-Authenticate") == "" {
		t.Fatalf("without the token: status %d", resp.StatusCode)
	}
	if resp := call(t, "POST", u, "text/plain", pertemuanText, &out, "Authorization", "Bearer salah"); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("with a wrong token: status %d", resp.StatusCode)
	}
	auth := []string{"Authorization", "Bearer " + token}
	resp := call(t, "POST", u, "text/plain", pertemuanText, &out, auth...)
	if resp.StatusCode != http.StatusCreated || out.Status != store.Created || out.ID == 0 ||
		resp.Header.Get("Location") != fmt.Sprintf("/api/v1/articles/%d", out.ID) || out.Record["title"] == nil {
		t.Fatalf("first time: status %d, %+v, Location %q", resp.StatusCode, out.PutResult, resp.Header.Get("Location"))
	}
	id := out.ID
	if resp := call(t, "POST", u, "text/plain", pertemuanText, &out, auth...); resp.StatusCode != http.StatusOK || out.Status != store.Unchanged || out.ID != id {
		t.Errorf("again: status %d, %+v", resp.StatusCode, out.PutResult)
	}
	changed := pertemuanText + "\nRapat dilanjutkan pekan depan."
	if resp := call(t, "POST", u, "text/plain", changed, &out, auth...); resp.StatusCode != http.StatusCreated || out.Status != store.NewVersion || out.Version != 2 {
		t.Errorf("changed text: status %d, %+v", resp.StatusCode, out.PutResult)
	}

	var art store.Article
	if resp := call(t, "GET", fmt.Sprintf("%s/api/v1/articles/%d", ts.URL, id), "", "", &art); resp.StatusCode != http.StatusOK ||
		art.Version != 2 || len(art.Versions) != 2 || !bytes.Contains(art.Record, []byte("pekan depan")) {
		t.Errorf("GET article: status %d, version %d of %d", resp.StatusCode, art.Version, len(art.Versions))
	}
	if resp := call(t, "GET", fmt.Sprintf("%s/api/v1/articles/%d?version=1", ts.URL, id), "", "", &art); resp.StatusCode != http.StatusOK ||
		art.Version != 1 || bytes.Contains(art.Record, []byte("pekan depan")) {
		t.Errorf("GET version 1: status %d, version %d", resp.StatusCode, art.Version)
	}
	var hits searchPage
	call(t, "GET", ts.URL+"/api/v1/search?q=bertemu", "", "", &hits)
	if hits.Total != 1 || !strings.Contains(hits.Hits[0].Snippet, "<mark>Pertemuan</mark>") {
		t.Errorf("search for bertemu: %+v", hits.Results)
	}
}

// Without a token (a server on localhost) anyone on the machine may write.
func TestStoreWithoutToken(t *testing.T) {
	ts, _ := newServer(t, options{})
	if resp := call(t, "POST", ts.URL+"/api/v1/articles", "text/plain", pertemuanText, nil); resp.StatusCode != http.StatusCreated {
		t.Errorf("status %d", resp.StatusCode)
	}
}

func TestErrors(t *testing.T) {
	ts, _ := newServer(t, options{MaxBodyBytes: 1 << 10})
	if resp := call(t, "POST", ts.URL+"/api/v1/articles", "text/plain", "Judul Berita\nIsi berita yang pendek.", nil); resp.StatusCode != 201 {
		t.Fatalf("store article 1: status %d", resp.StatusCode)
	}
	tests := []struct {
		name, method, path, contentType, body string
		status                                int
	}{
		{"unknown path", "GET", "/api/v1/nothing", "", "", 404},
		{"wrong method", "DELETE", "/api/v1/articles", "", "", 405},
		{"no such article", "GET", "/api/v1/articles/999", "", "", 404},
		{"not an id", "GET", "/api/v1/articles/abc", "", "", 404},
		{"bad version", "GET", "/api/v1/articles/1?version=0", "", "", 400},
		{"no such version", "GET", "/api/v1/articles/1?version=99", "", "", 404},
		{"no such version of no such article", "GET", "/api/v1/articles/999?version=1", "", "", 404},
		{"no such entity", "GET", "/api/v1/entities/5", "", "", 404},
		{"no such entity's articles", "GET", "/api/v1/entities/5/articles", "", "", 404},
		{"content type", "POST", "/api/v1/analyze", "application/pdf", "%PDF", 415},
		{"no content type", "POST", "/api/v1/analyze", "", "Judul", 415},
		{"empty body", "POST", "/api/v1/analyze", "text/plain", "", 400},
		{"binary body", "POST", "/api/v1/analyze", "text/plain", "\x00\x01\x02\x03", 415},
		{"too large", "POST", "/api/v1/analyze", "text/plain", "Judul\n" + strings.Repeat("kata ", 1000), 413},
		{"two articles", "POST", "/api/v1/analyze", "application/json", `[{"title": "Satu", "body": "Isi satu."}, {"title": "Dua", "body": "Isi dua."}]`, 400},
		{"JSON without text", "POST", "/api/v1/analyze", "application/json", `{"url": "https://contoh.example/x"}`, 400},
		{"bad JSON", "POST", "/api/v1/articles", "application/json", `{"title": `, 400},
		{"bad date", "GET", "/api/v1/articles?from=kemarin", "", "", 400},
		{"bad limit", "GET", "/api/v1/articles?limit=1000", "", "", 400},
		{"bad offset", "GET", "/api/v1/quotes?offset=-1", "", "", 400},
		{"bad speaker id", "GET", "/api/v1/quotes?speaker_id=x", "", "", 400},
		{"query excludes only", "GET", "/api/v1/search?q=-banjir", "", "", 400},
		{"three countries", "GET", "/api/v1/events?country=US&country=RU&country=CN", "", "", 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out errorBody
			resp := call(t, tt.method, ts.URL+tt.path, tt.contentType, tt.body, &out)
			if resp.StatusCode != tt.status || out.Error.Status != tt.status || out.Error.Message == "" {
				t.Errorf("status %d, body %+v, want %d", resp.StatusCode, out, tt.status)
			}
			if tt.status == 405 && resp.Header.Get("Allow") == "" {
				t.Error("405 without Allow")
			}
		})
	}
}

// putAnnotated stores records carrying entities, quotes and events, as
// the later stages will write them.
func putAnnotated(t *testing.T, st store.Store) {
	t.Helper()
	per := map[string]any{"id": "E1", "name": "Purbaya Yudhi Sadewa", "type": "PER", "country": "ID",
		"mentions": []any{map[string]any{"text": "Purbaya", "start": 0, "end": 7}}}
	us := map[string]any{"id": "E2", "name": "Amerika Serikat", "type": "LOC", "country": "US", "mentions": []any{}}
	ru := map[string]any{"id": "E3", "name": "Rusia", "type": "LOC", "country": "RU", "mentions": []any{}}
	for i, a := range []storetest.Article{
		{Title: "Purbaya Yakin Inflasi Terkendali", Body: "Purbaya yakin inflasi terkendali.", URL: "https://contoh.example/1", Published: "2025-10-01",
			Extra: map[string]any{"entities": []any{per},
				"quotes": []any{map[string]any{"text": "Inflasi terkendali.", "start": 0, "end": 19, "kind": "direct", "speaker": "E1"}}}},
		{Title: "Utusan Amerika Serikat dan Rusia Bertemu", Body: "Utusan Amerika Serikat bertemu utusan Rusia. Purbaya menilai dampaknya kecil.", URL: "https://contoh.example/2", Published: "2025-11-02",
			Extra: map[string]any{"entities": []any{per, us, ru},
				"quotes": []any{map[string]any{"text": "Dampaknya kecil.", "start": 0, "end": 16, "kind": "indirect", "speaker": "E1"}},
				"events": []any{map[string]any{"type": "CONSULT", "source": map[string]any{"entity": "E2", "name": "Amerika Serikat", "country": "US"},
					"target": map[string]any{"entity": "E3", "name": "Rusia", "country": "RU"}, "date": "2025-11-01", "negated": false}}}},
	} {
		if _, err := st.Put(context.Background(), storetest.Record(t, a)); err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
	}
}

func TestAcrossArticles(t *testing.T) {
	ts, st := newServer(t, options{})
	putAnnotated(t, st)

	var ents list[store.Entity]
	call(t, "GET", ts.URL+"/api/v1/entities?type=PER", "", "", &ents)
	if len(ents.Items) != 1 || ents.Items[0].Articles != 2 || ents.Items[0].Quotes != 2 {
		t.Fatalf("PER entities: %+v", ents)
	}
	id := ents.Items[0].ID
	var one entityPage
	call(t, "GET", fmt.Sprintf("%s/api/v1/entities/%d", ts.URL, id), "", "", &one)
	if one.Entity.Name != "Purbaya Yudhi Sadewa" || len(one.Articles) != 2 || len(one.Quotes) != 2 ||
		one.Articles[0].Published != "2025-10-01" || one.Quotes[1].Text != "Dampaknya kecil." {
		t.Errorf("entity page: %+v", one)
	}
	var arts list[store.EntityArticle]
	call(t, "GET", fmt.Sprintf("%s/api/v1/entities/%d/articles?limit=1", ts.URL, id), "", "", &arts)
	if len(arts.Items) != 1 || arts.NextOffset == nil || *arts.NextOffset != 1 {
		t.Errorf("first page of mentions over time: %+v", arts)
	}
	var quotes list[store.Quote]
	call(t, "GET", ts.URL+"/api/v1/quotes?speaker=purbaya&q=inflasi", "", "", &quotes)
	if len(quotes.Items) != 1 || quotes.Items[0].SpeakerName != "Purbaya Yudhi Sadewa" {
		t.Errorf("quotes: %+v", quotes)
	}
	var events list[store.Event]
	call(t, "GET", ts.URL+"/api/v1/events?country=ru&country=us&type=CONSULT", "", "", &events)
	if len(events.Items) != 1 || events.Items[0].Source.Name != "Amerika Serikat" || events.Items[0].Date != "2025-11-01" {
		t.Errorf("events: %+v", events)
	}
	var months struct{ Months []store.MonthCount }
	call(t, "GET", ts.URL+"/api/v1/events/months?country=US&country=RU", "", "", &months)
	if len(months.Months) != 1 || months.Months[0] != (store.MonthCount{Month: "2025-11", Type: "CONSULT", Count: 1}) {
		t.Errorf("months: %+v", months)
	}
	var hits searchPage
	call(t, "GET", ts.URL+"/api/v1/search?entity=Amerika+Serikat&entity=Purbaya+Yudhi+Sadewa", "", "", &hits)
	if hits.Total != 1 || hits.Hits[0].Title != "Utusan Amerika Serikat dan Rusia Bertemu" {
		t.Errorf("articles with both entities: %+v", hits.Results)
	}
	call(t, "GET", ts.URL+"/api/v1/search?q="+url.QueryEscape(`speaker:purbaya inflasi`), "", "", &hits)
	if hits.Total != 1 {
		t.Errorf("speaker filter in the query: %+v", hits.Results)
	}
	var stats store.Stats
	call(t, "GET", ts.URL+"/api/v1/stats", "", "", &stats)
	if stats != (store.Stats{Articles: 2, Versions: 2, Entities: 3, Quotes: 2, Events: 1}) {
		t.Errorf("stats: %+v", stats)
	}
}

func TestPagination(t *testing.T) {
	ts, st := newServer(t, options{})
	for i := range 5 {
		a := storetest.Article{Title: fmt.Sprintf("Prakiraan Cuaca Hari Ke-%d", i+1), URL: fmt.Sprintf("https://contoh.example/cuaca/%d", i),
			Body: fmt.Sprintf("Hujan ringan diperkirakan turun di wilayah %d.", i+1), Published: fmt.Sprintf("2025-10-%02d", i+1)}
		if _, err := st.Put(context.Background(), storetest.Record(t, a)); err != nil {
			t.Fatal(err)
		}
	}
	var titles []string
	next := "0"
	for next != "" {
		var page list[store.ArticleSummary]
		call(t, "GET", ts.URL+"/api/v1/articles?limit=2&offset="+next, "", "", &page)
		for _, a := range page.Items {
			titles = append(titles, a.Title)
		}
		next = ""
		if page.NextOffset != nil {
			next = fmt.Sprint(*page.NextOffset)
		}
	}
	if len(titles) != 5 || titles[0] != "Prakiraan Cuaca Hari Ke-5" {
		t.Errorf("paged through %q", titles)
	}
	var hits searchPage
	call(t, "GET", ts.URL+"/api/v1/search?q=hujan&limit=2&offset=2", "", "", &hits)
	if hits.Total != 5 || len(hits.Hits) != 2 || hits.NextOffset == nil || *hits.NextOffset != 4 {
		t.Errorf("search page: total %d, %d hits, next %v", hits.Total, len(hits.Hits), hits.NextOffset)
	}
}

// Every route is in the OpenAPI document with its method, and the document
// has no path the server does not serve.
func TestOpenAPI(t *testing.T) {
	ts, st := newServer(t, options{})
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if resp := call(t, "GET", ts.URL+"/api/v1/openapi.json", "", "", &doc); resp.StatusCode != 200 || !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("status %d, openapi %q", resp.StatusCode, doc.OpenAPI)
	}
	served := map[string]bool{}
	for _, r := range api.New(api.FromStore(st, &pipeline.Pipeline{Writer: &pipeline.Writer{}})).Routes() {
		method, path, _ := strings.Cut(r.Pattern, " ")
		if !strings.HasPrefix(path, "/api/") {
			continue
		}
		served[path+" "+method] = true
		if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
			t.Errorf("%s is not documented", r.Pattern)
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if !served[path+" "+strings.ToUpper(method)] {
				t.Errorf("the document has %s %s, which is not served", method, path)
			}
		}
	}
}

func TestSearchPage(t *testing.T) {
	ts, st := newServer(t, options{})
	for _, a := range []storetest.Article{
		{Title: "Kepala Daerah Hadiri Rapat Koordinasi", URL: "https://contoh.example/rapat", Published: "2025-10-20",
			Body: "Pertemuan para kepala daerah dengan gubernur berlangsung tertutup."},
		{Title: "Warga <script> Bangun Jembatan", URL: "https://contoh.example/jembatan", Published: "2025-10-21",
			Body: "Warga desa membangun kembali jembatan bambu <script>alert(1)</script>."},
	} {
		if _, err := st.Put(context.Background(), storetest.Record(t, a)); err != nil {
			t.Fatal(err)
		}
	}
	get := func(path string) (int, string) {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if ct := resp.Header.Get("Content-Type"); resp.StatusCode != 404 && !strings.HasPrefix(ct, "text/html") {
			t.Errorf("%s: Content-Type %q", path, ct)
		}
		return resp.StatusCode, string(body)
	}
	checkPages(t, get, []pageCase{
		{"/", 200, []string{"2 artikel", "Kepala Daerah Hadiri Rapat Koordinasi", "Warga &lt;script&gt; Bangun Jembatan"}, []string{"<script>alert"}},
		{"/search", 200, []string{"2 artikel", "Kepala Daerah Hadiri Rapat Koordinasi"}, []string{"<script>alert"}},
		{"/search?q=bertemu", 200, []string{"1 hasil", "<mark>Pertemuan</mark>", `href="/articles/1"`}, []string{"Jembatan"}},
		{"/search?q=pembangunan", 200, []string{"<mark>membangun</mark>", "&lt;script&gt;alert(1)"}, []string{"Rapat Koordinasi", "<script>alert"}},
		{"/search?q=jembatan&site=lain.example", 200, []string{"0 hasil"}, nil},
		{"/search?q=-jembatan", 400, []string{`class="error"`}, nil},
		{"/search?q=" + url.QueryEscape(`"<b>"`), 200, []string{"&lt;b&gt;"}, []string{"<b>"}},
	})
	if status, _ := get("/nothing"); status != 404 {
		t.Errorf("/nothing: status %d", status)
	}
	for path, ct := range map[string]string{"/static/warta.css": "text/css", "/healthz": "text/plain"} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), ct) {
			t.Errorf("%s: status %d, Content-Type %q", path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
	}
}

// The API's answers as a client reads them.
type (
	errorBody  = api.ErrorBody
	searchPage struct {
		*search.Results
		Limit      int  `json:"limit"`
		Offset     int  `json:"offset"`
		NextOffset *int `json:"next_offset"`
	}
	list[T any] struct {
		Items      []T  `json:"items"`
		Limit      int  `json:"limit"`
		Offset     int  `json:"offset"`
		NextOffset *int `json:"next_offset"`
	}
	entityPage struct {
		Entity   *store.Entity         `json:"entity"`
		Articles []store.EntityArticle `json:"articles"`
		Quotes   []store.Quote         `json:"quotes"`
	}
)

// pageCase is a page to get: the status it answers with, the strings its
// body holds and those it must not.
type pageCase struct {
	path   string
	status int
	want   []string
	not    []string
}

// checkPages gets each page and checks its status and body.
func checkPages(t *testing.T, get func(path string) (int, string), pages []pageCase) {
	t.Helper()
	for _, p := range pages {
		status, body := get(p.path)
		if status != p.status {
			t.Errorf("%s: status %d, want %d", p.path, status, p.status)
		}
		for _, w := range p.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: no %q in the page", p.path, w)
			}
		}
		for _, n := range p.not {
			if strings.Contains(body, n) {
				t.Errorf("%s: %q in the page", p.path, n)
			}
		}
	}
}
