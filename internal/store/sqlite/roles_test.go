package sqlite

import (
	"fmt"
	"slices"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/storetest"
)

// TestEntityRoles checks that EntityRoles pages an entity's articles as
// EntityArticles does, with the same names, mentions, roles and salience,
// and each article's day for its date and no title.
func TestEntityRoles(t *testing.T) {
	s := open(t, t.TempDir(), search.Indonesian())
	roles := [][]string{{"Ketua Panitia"}, {"Ketua Panitia", "Guru"}, nil, {"Kepala Desa"}}
	var recs [][]byte
	for k := range 9 {
		i := (k * 4) % 9 // stored out of date order
		e := map[string]any{"id": "E1", "name": "Wulan Sarasvati", "type": "PER", "country": "ID",
			"mentions": []any{map[string]any{"text": "Wulan", "start": 0, "end": 5}}, "salience": 0.1 * float64(1+i%4)}
		if r := roles[i%len(roles)]; r != nil {
			e["roles"] = r
		}
		recs = append(recs, storetest.Record(t, storetest.Article{
			Title: fmt.Sprintf("Lomba Perahu Hias Ke-%d", i), Body: fmt.Sprintf("Lomba perahu hias ke-%d digelar di tepi danau. Penonton memadati dermaga.", i),
			URL: fmt.Sprintf("https://contoh.example/lomba/%d", i), Published: fmt.Sprintf("2025-07-%02dT09:30:00+07:00", 1+i),
			Extra: map[string]any{"entities": []any{e}},
		}))
	}
	if _, err := s.PutBatch(ctx, recs); err != nil {
		t.Fatal(err)
	}
	list, err := s.Entities(ctx, store.EntityFilter{Name: "Wulan Sarasvati"})
	if err != nil || len(list) != 1 {
		t.Fatalf("entities named Wulan Sarasvati: %v, %v", list, err)
	}
	id := list[0].ID
	for _, p := range []store.Page{{Limit: 100}, {Limit: 4}, {Limit: 4, Offset: 4}, {Limit: 4, Offset: 8}} {
		want, err := s.EntityArticles(ctx, id, p)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.EntityRoles(ctx, id, p)
		if err != nil {
			t.Fatal(err)
		}
		if p.Offset == 0 && p.Limit == 100 && len(want) != 9 {
			t.Fatalf("%d articles, want 9", len(want))
		}
		withRoles := 0
		for i := range want {
			want[i].Title, want[i].Published = "", want[i].Published[:len("2006-01-02")]
			withRoles += min(len(want[i].Roles), 1)
		}
		if withRoles == 0 && len(want) > 2 {
			t.Errorf("page %+v: no article gives a role", p)
		}
		if !slices.EqualFunc(got, want, func(a, b store.EntityArticle) bool {
			return a.ArticleID == b.ArticleID && a.Title == b.Title && a.Published == b.Published && a.Name == b.Name &&
				a.Mentions == b.Mentions && slices.Equal(a.Roles, b.Roles) && a.Salience == b.Salience
		}) {
			t.Errorf("page %+v:\n got %+v\nwant %+v", p, got, want)
		}
	}
}
