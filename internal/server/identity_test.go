package server

import (
	"context"
	"fmt"
	"testing"

	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/storetest"
)

// The API serves store-wide identity: each entity of an article with its
// ref, the ref's page with aliases and roles (also from a merged id), and
// the offices with their holders.
func TestIdentityAPI(t *testing.T) {
	ts, st := newServer(t, options{})
	ctx := context.Background()
	var ids []int64
	for _, a := range []storetest.Article{{
		Title: "Menkeu Purbaya Yudhi Sadewa Rapat", URL: "https://contoh.example/ref/1", Published: "2025-10-01",
		Body: "Menteri Keuangan Purbaya Yudhi Sadewa rapat. Purbaya optimistis.",
		Extra: map[string]any{"entities": []any{map[string]any{"id": "E1", "name": "Purbaya Yudhi Sadewa", "type": "PER", "country": "ID",
			"mentions": []any{map[string]any{"text": "Purbaya Yudhi Sadewa", "start": 17, "end": 37}, map[string]any{"text": "Purbaya", "start": 45, "end": 52}},
			"roles":    []string{"Menteri Keuangan"}, "salience": 0.5}}},
	}, {
		Title: "Purbaya Bicara Inflasi", URL: "https://contoh.example/ref/2", Published: "2025-10-03",
		Body: "Purbaya bicara inflasi.",
		Extra: map[string]any{"entities": []any{map[string]any{"id": "E1", "name": "Purbaya", "type": "PER", "country": "ID",
			"mentions": []any{map[string]any{"text": "Purbaya", "start": 0, "end": 7}}, "roles": []string{}, "salience": 0.5}}},
	}} {
		res, err := st.Put(ctx, storetest.Record(t, a))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res.ID)
	}
	var refs []int64
	for _, id := range ids {
		var art struct {
			Record struct {
				Title    string `json:"title"`
				Entities []struct {
					ID   string `json:"id"`
					Ref  int64  `json:"ref"`
					Name string `json:"name"`
				} `json:"entities"`
			} `json:"record"`
		}
		if resp := call(t, "GET", fmt.Sprintf("%s/api/v1/articles/%d", ts.URL, id), "", "", &art); resp.StatusCode != 200 {
			t.Fatalf("article %d: status %d", id, resp.StatusCode)
		}
		if len(art.Record.Entities) != 1 || art.Record.Entities[0].Ref == 0 || art.Record.Title == "" {
			t.Fatalf("article %d: record %+v, want its entity with a ref", id, art.Record)
		}
		refs = append(refs, art.Record.Entities[0].Ref)
	}
	if refs[0] != refs[1] {
		t.Errorf("refs %v: Purbaya in the second article is not Purbaya Yudhi Sadewa's ref", refs)
	}
	var page struct {
		Entity   store.Identity        `json:"entity"`
		Articles []store.EntityArticle `json:"articles"`
	}
	if resp := call(t, "GET", fmt.Sprintf("%s/api/v1/entities/%d", ts.URL, refs[0]), "", "", &page); resp.StatusCode != 200 {
		t.Fatalf("entity: status %d", resp.StatusCode)
	}
	if page.Entity.Ref != refs[0] || page.Entity.Name != "Purbaya Yudhi Sadewa" || len(page.Articles) != 2 ||
		len(page.Entity.Aliases) != 2 || len(page.Entity.Roles) != 1 || page.Entity.Roles[0].Role != "Menteri Keuangan" {
		t.Errorf("entity page %+v", page)
	}
	var offices struct {
		Offices []store.Office `json:"offices"`
	}
	if resp := call(t, "GET", ts.URL+"/api/v1/offices", "", "", &offices); resp.StatusCode != 200 {
		t.Fatalf("offices: status %d", resp.StatusCode)
	}
	if len(offices.Offices) != 1 || offices.Offices[0].Name != "Menteri Keuangan" || len(offices.Offices[0].Holders) != 1 ||
		offices.Offices[0].Holders[0].Ref != refs[0] || offices.Offices[0].Holders[0].From != "2025-10" {
		t.Errorf("offices %+v", offices)
	}
	if resp := call(t, "GET", ts.URL+"/api/v1/entities/999999", "", "", nil); resp.StatusCode != 404 {
		t.Errorf("unknown entity: status %d, want 404", resp.StatusCode)
	}
}
