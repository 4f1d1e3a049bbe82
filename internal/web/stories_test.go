package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/lineage"
	"github.com/warta-news/warta/internal/store"
)

// A market fire told by two outlets in their own words, and a third
// outlet's copy of the second telling.
var (
	fireReport = analysis.Input{Title: "Kebakaran Pasar Kramat Jati Hanguskan 120 Kios", URL: "https://contoh.example/kebakaran-pasar",
		Published: "2025-10-20T08:00:00+07:00", Body: "Kebakaran melanda Pasar Kramat Jati, Jakarta Timur, pada Minggu (19/10/2025) malam dan menghanguskan 120 kios pedagang.\n\n" +
			"Kepala Suku Dinas Penanggulangan Kebakaran Jakarta Timur Gatot Sulaeman mengatakan api diduga berasal dari korsleting listrik di los sayur.\n\n" +
			"Sebanyak 25 unit mobil pemadam dikerahkan dan api baru padam setelah lima jam. Tidak ada korban jiwa dalam peristiwa itu.\n\n" +
			"\"Kerugian pedagang kami perkirakan mencapai Rp 3 miliar,\" kata Gatot kepada wartawan di lokasi, Senin (20/10/2025)."}
	fireRetold = analysis.Input{Title: "120 Kios Pasar Kramat Jati Ludes Dilalap Kebakaran", URL: "https://lain.example/kramat-jati-terbakar",
		Published: "2025-10-20T11:00:00+07:00", Body: "Ratusan pedagang Pasar Kramat Jati, Jakarta Timur, hanya bisa pasrah melihat lapak mereka menjadi abu.\n\n" +
			"Si jago merah melalap 120 kios sejak Minggu (19/10/2025) malam hingga dini hari, menurut Gatot Sulaeman dari Suku Dinas Penanggulangan Kebakaran Jakarta Timur.\n\n" +
			"Petugas menduga hubungan arus pendek listrik di bagian los sayur menjadi pemicunya, dan pedagang ditaksir merugi Rp 3 miliar.\n\n" +
			"Gatot memastikan seluruh pedagang selamat, sementara pengelola pasar menyiapkan tempat berjualan sementara di area parkir."}
	fireCopy = analysis.Input{Title: "Kios Pasar Kramat Jati Ludes, Pedagang Merugi Rp 3 Miliar", URL: "https://salin.example/pasar-ludes",
		Published: "2025-10-20T15:00:00+07:00", Body: fireRetold.Body}
)

// TestAlertCollapsesStories: an alert with collapse:stories fires once a
// story: not on another outlet's telling, nor on a copy of it; the copies
// API, the stories API and the article page show the story.
func TestAlertCollapsesStories(t *testing.T) { testAlertCollapsesStories(t, newSite(t)) }

func testAlertCollapsesStories(t *testing.T, s *site) {
	if code, raw, _ := s.get(t, "/api/v1/stories"); code != 200 || !strings.Contains(raw, `"items":[]`) {
		t.Errorf("stories API with no story: %d %s, want an empty list", code, raw)
	}
	alerts := map[string]int{"kebakaran": 3, "kebakaran collapse:copies": 2, "kebakaran collapse:stories": 1}
	ids := map[string]int64{}
	for query := range alerts {
		resp, err := http.Post(s.ts.URL+"/api/v1/alerts", "application/json", strings.NewReader(`{"query": "`+query+`"}`))
		if err != nil {
			t.Fatal(err)
		}
		var a store.Alert
		json.NewDecoder(resp.Body).Decode(&a)
		resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("alert %q: %d", query, resp.StatusCode)
		}
		ids[query] = a.ID
	}
	report, retold, cp := s.store(t, fireReport).ID, s.store(t, fireRetold).ID, s.store(t, fireCopy).ID
	for query, want := range alerts {
		ms, err := s.st.Matches(context.Background(), ids[query], store.Page{})
		if err != nil || len(ms) != want {
			t.Errorf("alert %q: %d matches (%v), want %d", query, len(ms), err, want)
		}
	}

	code, raw, _ := s.get(t, fmt.Sprintf("/api/v1/articles/%d/copies", cp))
	var c lineage.Copies
	if err := json.Unmarshal([]byte(raw), &c); code != 200 || err != nil {
		t.Fatalf("copies API: %d %v", code, err)
	}
	if st := c.Story; st == nil || st.Original != report || st.Title != fireReport.Title || st.Reports != 2 || st.Copies != 1 ||
		len(st.Articles) != 2 || st.Articles[0] != retold || st.Articles[1] != cp {
		t.Errorf("copies API story: %s", raw)
	}
	code, raw, _ = s.get(t, "/api/v1/stories")
	var list struct{ Items []store.Story }
	if err := json.Unmarshal([]byte(raw), &list); code != 200 || err != nil || len(list.Items) != 1 || list.Items[0].Original != report {
		t.Errorf("stories API: %d %s", code, raw)
	}
	if _, page, _ := s.get(t, fmt.Sprintf("/articles/%d?lang=en", cp)); !strings.Contains(page,
		fmt.Sprintf(`This story was first published as <a href="/articles/%d">%s</a>`, report, fireReport.Title)) ||
		!strings.Contains(page, "2 independent reports · 1 copy") {
		t.Errorf("the article page does not show the story")
	}
}
