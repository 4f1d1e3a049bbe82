package cli

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/warta-news/warta/internal/fixtureweb"
	"github.com/warta-news/warta/internal/store"
)

func TestSourcesCommands(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := run(t, "", "sources", "add", "--data", dir, "--name", "Kabar", "https://kabar.example/rss?utm_source=x")
	if code != 0 || !strings.Contains(out, "following https://kabar.example/rss (source 1)") {
		t.Fatalf("add: %d %q %q", code, out, errs)
	}
	if code, _, _ := run(t, "", "sources", "add", "--data", dir, "https://kabar.example/rss"); code != 1 {
		t.Errorf("adding a followed source again: exit %d", code)
	}
	if code, _, _ := run(t, "", "sources", "add", "--data", dir, "--interval", "1m", "https://timur.example/"); code != 2 {
		t.Errorf("an interval below the minimum: exit %d", code)
	}
	if code, _, _ := run(t, "", "sources", "add", "--data", dir, "ftp://x.example/"); code != 2 {
		t.Errorf("ftp: exit %d", code)
	}
	opmlFile := filepath.Join(t.TempDir(), "in.opml")
	os.WriteFile(opmlFile, []byte(`<?xml version="1.0"?><opml version="2.0"><body><outline text="Nasional">
<outline text="Timur" htmlUrl="https://timur.example/"/><outline text="Kabar" xmlUrl="https://kabar.example/rss"/>
<outline text="Suara" xmlUrl="https://suara.example/feed.json" xmlns:warta="https://github.com/warta-news/warta/opml" warta:interval="2h"/></outline></body></opml>`), 0o644)
	code, out, _ = run(t, "", "sources", "import", "--data", dir, opmlFile)
	if code != 0 || !strings.Contains(out, "followed 2 new sources; 1 were followed already") {
		t.Fatalf("import: %d %q", code, out)
	}
	code, out, _ = run(t, "", "sources", "list", "--data", dir, "--json")
	var list []store.Source
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil || len(list) != 3 {
		t.Fatalf("list: %d %v %q", code, err, out)
	}
	if list[2].Interval != 2*time.Hour || !list[2].FixedInterval || list[0].Name != "Kabar" {
		t.Errorf("imported: %+v", list)
	}
	code, out, _ = run(t, "", "sources", "list", "--data", dir)
	if code != 0 || !strings.Contains(out, "https://suara.example/feed.json") || !strings.Contains(out, "ARTICLES/DAY") {
		t.Errorf("list: %q", out)
	}
	code, out, _ = run(t, "", "sources", "export", "--data", dir)
	if code != 0 || !strings.Contains(out, `xmlUrl="https://kabar.example/rss"`) || !strings.Contains(out, `warta:interval="2h0m0s"`) {
		t.Errorf("export: %q", out)
	}
	if code, _, _ := run(t, "", "sources", "remove", "--data", dir, "https://timur.example/"); code != 0 {
		t.Errorf("remove by URL: %d", code)
	}
	if code, _, _ := run(t, "", "sources", "remove", "--data", dir, "1"); code != 0 {
		t.Errorf("remove by ID: %d", code)
	}
	if code, _, _ := run(t, "", "sources", "remove", "--data", dir, "1"); code != 1 {
		t.Errorf("remove twice: %d", code)
	}
}

// TestFetchRefusesPrivateWithoutSwitch: the fixture web is on loopback,
// which fetch refuses unless told; nothing reaches it.
func TestFetchRefusesPrivateWithoutSwitch(t *testing.T) {
	web := fixtureweb.Start()
	defer web.Close()
	code, _, errs := run(t, "", "fetch", "--data", t.TempDir(), web.Kabar.URL+"/rss")
	if code != 1 || !strings.Contains(errs, "127.0.0.1 is a private address") || !strings.Contains(errs, "--allow-private-networks") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if hits := web.Kabar.Hits(); len(hits) != 0 {
		t.Errorf("%d requests reached the server", len(hits))
	}
}

// TestFetchWARCIngest: warta fetch --warc, then warta ingest of the WARC
// into a fresh data directory, stores the same records.
func TestFetchWARCIngest(t *testing.T) {
	web := fixtureweb.Start()
	defer web.Close()
	data, archive := t.TempDir(), t.TempDir()
	code, _, errs := run(t, "", "fetch", "--data", data, "--allow-private-networks", "--fetch-delay", "20ms", "--warc", archive,
		web.Kabar.URL+"/rss", web.Timur.URL+"/")
	if code != 0 {
		t.Fatalf("fetch: exit %d\n%s", code, errs)
	}
	if !strings.Contains(errs, "kind=rss") || !strings.Contains(errs, "new=3") {
		t.Errorf("fetch summary: %s", errs)
	}
	files, _ := filepath.Glob(filepath.Join(archive, "*.warc.gz"))
	if len(files) != 1 {
		t.Fatalf("WARC files: %v", files)
	}
	again := t.TempDir()
	code, _, errs = run(t, "", append([]string{"ingest", "--data", again}, files...)...)
	if code != 0 || !strings.Contains(errs, "new=6") {
		t.Fatalf("ingest of the WARC: exit %d\n%s", code, errs)
	}
	a, b := openTestStore(t, data), openTestStore(t, again)
	la, _ := a.Articles(t.Context(), store.ArticleFilter{})
	lb, _ := b.Articles(t.Context(), store.ArticleFilter{})
	if len(la) != 6 || len(lb) != 6 {
		t.Fatalf("%d and %d articles", len(la), len(lb))
	}
	for i := range la {
		ra, _ := a.Article(t.Context(), la[i].ID)
		rb, _ := b.Article(t.Context(), lb[i].ID)
		if ra.URL != rb.URL || string(ra.Record) != string(rb.Record) {
			t.Errorf("%s: records differ after the WARC round trip", ra.URL)
		}
	}
}

// TestServePolls: sources added on the command line are polled by warta
// serve, and /api/v1/sources shows their health.
func TestServePolls(t *testing.T) {
	web := fixtureweb.Start()
	defer web.Close()
	dir := t.TempDir()
	for _, u := range []string{web.Kabar.URL + "/rss", web.Faults.URL + fixtureweb.ErrorPath} {
		if code, _, errs := run(t, "", "sources", "add", "--data", dir, u); code != 0 {
			t.Fatalf("add: %s", errs)
		}
	}
	s := startServe(t, "--data", dir, "--allow-private-networks", "--fetch-delay", "20ms")
	defer s.stop()
	var body struct{ Sources []store.Source }
	deadline := time.Now().Add(30 * time.Second)
	for {
		if code := getJSON(t, s.url+"api/v1/sources", &body); code != http.StatusOK {
			t.Fatalf("GET /api/v1/sources: %d", code)
		}
		if len(body.Sources) == 2 && body.Sources[0].Health.Articles == 3 && body.Sources[1].Health.ConsecutiveErrors > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("sources not polled: %+v\n%s", body.Sources, s.stderr.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	if body.Sources[0].Kind != "rss" || !strings.Contains(body.Sources[1].Health.LastError, "500") {
		t.Errorf("health: %+v", body.Sources)
	}
	var found struct{ Total int }
	if getJSON(t, s.url+"api/v1/search?q=rob", &found); found.Total == 0 {
		t.Errorf("a polled article is not searchable")
	}
	if code := post(t, s.url+"api/v1/sources", `{"url": "https://suara.example/feed.json", "interval": "1h"}`); code != http.StatusCreated {
		t.Errorf("POST /api/v1/sources: %d", code)
	}
	if code := post(t, s.url+"api/v1/sources", `{"url": "gopher://x"}`); code != http.StatusBadRequest {
		t.Errorf("POST a bad URL: %d", code)
	}
	req, _ := http.NewRequest(http.MethodDelete, s.url+"api/v1/sources/3", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusNoContent {
		t.Errorf("DELETE: %v %v", err, resp)
	}
}
