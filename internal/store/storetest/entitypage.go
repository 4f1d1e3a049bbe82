package storetest

import (
	"fmt"
	"slices"
	"testing"

	"github.com/warta-news/warta/internal/store"
)

// testEntityPagePastTheBounds reads an entity page within its bounds
// (store.RefWindow, QuotesBound, AliasWindow) and past them: exact within
// them; past them estimated, said so, and near the truth, with aliases
// over the newest articles; a speaker's quotes and an entity's articles
// paged in the order of one whole page, by date although they were stored
// out of it.
func testEntityPagePastTheBounds(t *testing.T, s Identifying) {
	defer func(r, q, a int) { store.RefWindow, store.QuotesBound, store.AliasWindow = r, q, a }(store.RefWindow, store.QuotesBound, store.AliasWindow)
	const n, purbaya = 30, 10
	var recs [][]byte
	for k := range n {
		i := (k * 7) % n // out of date order
		extra := map[string]any{}
		var quotes []any
		if i%3 == 0 {
			extra["entities"] = []any{entity("E1", "Purbaya Yudhi Sadewa", "PER", "ID", "Purbaya")}
			quotes = append(quotes, quote("Kami siapkan dana darurat.", "E1", "Purbaya Yudhi Sadewa", ""))
		}
		if i%5 == 0 {
			quotes = append(quotes, quote("Air naik cepat sekali.", "", "Sutrisno", ""))
		}
		if quotes != nil {
			extra["quotes"] = quotes
		}
		recs = append(recs, Record(t, Article{
			Title: fmt.Sprintf("Banjir Melanda Kampung %d", i), Body: fmt.Sprintf("Banjir kembali melanda kampung nomor %d. Warga mengungsi.", i),
			URL: fmt.Sprintf("https://contoh.example/banjir/%d", i), Published: fmt.Sprintf("2025-10-%02d", 1+i), Extra: extra,
		}))
	}
	if _, err := s.PutBatch(ctx, recs); err != nil {
		t.Fatal(err)
	}
	id := findEntity(t, s, "Purbaya", "PER").ID
	e, err := s.Entity(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if e.Articles != purbaya || e.Mentions != purbaya || e.Quotes != purbaya || e.Estimated {
		t.Errorf("within the bounds: %d articles, %d mentions, %d quotes, estimated %v; want %d of each, exact",
			e.Articles, e.Mentions, e.Quotes, e.Estimated, purbaya)
	}
	ident, err := s.Identity(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if ident.Sampled != 0 || len(ident.Aliases) == 0 || ident.Aliases[0].Articles != purbaya {
		t.Errorf("within the bounds: sampled %d, aliases %v", ident.Sampled, ident.Aliases)
	}

	store.RefWindow, store.QuotesBound, store.AliasWindow = 4, 4, 3
	if e, err = s.Entity(ctx, id); err != nil {
		t.Fatal(err)
	}
	if !e.Estimated || e.Articles <= 4 || e.Mentions <= 4 || e.Quotes <= 4 || e.Articles > 3*purbaya || e.Quotes > 3*purbaya {
		t.Errorf("past the bounds: %d articles, %d mentions, %d quotes, estimated %v; want estimates of %d",
			e.Articles, e.Mentions, e.Quotes, e.Estimated, purbaya)
	}
	if ident, err = s.Identity(ctx, id); err != nil {
		t.Fatal(err)
	}
	if ident.Sampled != 3 || !ident.Estimated || len(ident.Aliases) == 0 || ident.Aliases[0].Articles != 3 {
		t.Errorf("past the bounds: sampled %d, estimated %v, aliases %v", ident.Sampled, ident.Estimated, ident.Aliases)
	}

	whole, err := s.Quotes(ctx, store.QuoteFilter{SpeakerID: id, Page: store.Page{Limit: 100}})
	if err != nil || len(whole) != purbaya {
		t.Fatalf("%d quotes of Purbaya (%v), want %d", len(whole), err, purbaya)
	}
	arts, err := s.EntityArticles(ctx, id, store.Page{Limit: 100})
	if err != nil || len(arts) != purbaya {
		t.Fatalf("%d articles of Purbaya (%v), want %d", len(arts), err, purbaya)
	}
	var want, wantArts []int64
	for i := range whole {
		want, wantArts = append(want, whole[i].ID), append(wantArts, arts[i].ArticleID)
		if i > 0 && (whole[i].Published < whole[i-1].Published || arts[i].Published < arts[i-1].Published) {
			t.Errorf("out of date order at %d: quote %s after %s, article %s after %s", i,
				whole[i].Published, whole[i-1].Published, arts[i].Published, arts[i-1].Published)
		}
	}
	for _, f := range []store.QuoteFilter{{SpeakerID: id}, {Speaker: "Purbaya Yudhi Sadewa"}} {
		var paged, pagedArts []int64
		for offset := 0; offset < n; offset += 3 {
			f.Page = store.Page{Limit: 3, Offset: offset}
			quotes, err := s.Quotes(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range quotes {
				paged = append(paged, q.ID)
			}
			articles, err := s.EntityArticles(ctx, id, f.Page)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range articles {
				pagedArts = append(pagedArts, a.ArticleID)
				if a.Mentions != 1 {
					t.Errorf("article %d: %d mentions, want 1", a.ArticleID, a.Mentions)
				}
			}
		}
		if !slices.Equal(paged, want) || !slices.Equal(pagedArts, wantArts) {
			t.Errorf("%+v in pages of 3: quotes %v, want %v; articles %v, want %v", f, paged, want, pagedArts, wantArts)
		}
	}
}
