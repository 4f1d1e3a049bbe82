package postgres

import (
	"fmt"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/postgres/pgtest"
	"github.com/warta-news/warta/internal/store/storetest"
)

// An entity page past its bounds, as on SQLite: exact within them,
// estimated (and said so) past them, aliases over the newest articles.
func TestEntityPagePastTheBounds(t *testing.T) {
	defer func(c, q, a int) { refWindowCount, quotesBound, aliasWindow = c, q, a }(refWindowCount, quotesBound, aliasWindow)
	s := open(t, pgtest.URL(t), search.Indonesian())
	const n = 30
	var recs [][]byte
	for i := range n {
		extra := map[string]any{}
		if i%3 == 0 {
			extra["entities"] = []any{map[string]any{"id": "E1", "name": "Purbaya Yudhi Sadewa", "type": "PER", "country": "ID",
				"mentions": []any{map[string]any{"text": "Purbaya", "start": 0, "end": 7}}, "roles": []string{}, "salience": 0.3}}
			extra["quotes"] = []any{map[string]any{"text": "Kami siapkan dana darurat.", "start": 1, "end": 27, "kind": "direct",
				"speaker": "E1", "speaker_name": "Purbaya Yudhi Sadewa", "cue": "kata"}}
		}
		recs = append(recs, storetest.Record(t, storetest.Article{
			Title: fmt.Sprintf("Banjir Melanda Kampung %d", i), Body: fmt.Sprintf("Banjir kembali melanda kampung nomor %d. Warga mengungsi.", i),
			URL: fmt.Sprintf("https://contoh.example/banjir/%d", i), Published: fmt.Sprintf("2025-10-%02d", 1+i), Extra: extra,
		}))
	}
	if _, err := s.PutBatch(ctx, recs); err != nil {
		t.Fatal(err)
	}
	list, err := s.Entities(ctx, store.EntityFilter{Name: "Purbaya"})
	if err != nil || len(list) != 1 {
		t.Fatalf("entities named Purbaya: %v, %v", list, err)
	}
	id := list[0].ID
	const purbaya = n / 3
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

	refWindowCount, quotesBound, aliasWindow = 4, 4, 3
	if e, err = s.Entity(ctx, id); err != nil {
		t.Fatal(err)
	}
	if !e.Estimated || e.Articles <= 4 || e.Quotes <= 4 || e.Articles > 3*purbaya || e.Quotes > 3*purbaya {
		t.Errorf("past the bounds: %d articles, %d quotes, estimated %v; want estimates of %d", e.Articles, e.Quotes, e.Estimated, purbaya)
	}
	if ident, err = s.Identity(ctx, id); err != nil {
		t.Fatal(err)
	}
	if ident.Sampled != 3 || !ident.Estimated || len(ident.Aliases) == 0 || ident.Aliases[0].Articles != 3 {
		t.Errorf("past the bounds: sampled %d, estimated %v, aliases %v", ident.Sampled, ident.Estimated, ident.Aliases)
	}

	// A speaker's quotes paged in the order of one whole page, and the
	// entity's articles likewise.
	whole, err := s.Quotes(ctx, store.QuoteFilter{SpeakerID: id, Page: store.Page{Limit: 100}})
	if err != nil || len(whole) != purbaya {
		t.Fatalf("%d quotes of Purbaya (%v), want %d", len(whole), err, purbaya)
	}
	arts, err := s.EntityArticles(ctx, id, store.Page{Limit: 100})
	if err != nil || len(arts) != purbaya {
		t.Fatalf("%d articles of Purbaya (%v), want %d", len(arts), err, purbaya)
	}
	for offset := 0; offset < purbaya; offset += 3 {
		page := store.Page{Limit: 3, Offset: offset}
		quotes, err := s.Quotes(ctx, store.QuoteFilter{SpeakerID: id, Page: page})
		if err != nil {
			t.Fatal(err)
		}
		articles, err := s.EntityArticles(ctx, id, page)
		if err != nil {
			t.Fatal(err)
		}
		for i, q := range quotes {
			if q.ID != whole[offset+i].ID {
				t.Errorf("quote %d of the page at %d: %d, want %d", i, offset, q.ID, whole[offset+i].ID)
			}
		}
		for i, a := range articles {
			if a.ArticleID != arts[offset+i].ArticleID || a.Mentions != 1 {
				t.Errorf("article %d of the page at %d: %+v, want %+v", i, offset, a, arts[offset+i])
			}
		}
	}
	for i := 1; i < len(whole); i++ {
		if whole[i].Published < whole[i-1].Published || arts[i].Published < arts[i-1].Published {
			t.Errorf("out of date order at %d: quote %s after %s, article %s after %s", i,
				whole[i].Published, whole[i-1].Published, arts[i].Published, arts[i-1].Published)
		}
	}
}
