package storetest

import (
	"errors"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// Insight is what the insights suite uses.
type Insight interface {
	store.ArticleWriter
	store.EntityReader
	store.Insights
	store.SearchInsights
}

// Alerting is what the alerts suite uses.
type Alerting interface {
	store.ArticleWriter
	store.Alerts
}

// RunInsights checks Insights and SearchInsights.
func RunInsights(t *testing.T, open func(t *testing.T) Insight) {
	suite(t, open, []test[Insight]{{"Insights", testInsights}, {"Facets", testFacets}})
}

// RunAlerts checks Alerts.
func RunAlerts(t *testing.T, open func(t *testing.T) Alerting) {
	suite(t, open, []test[Alerting]{{"Alerts", testAlerts}})
}

func testInsights(t *testing.T, s Insight) {
	oct1, oct15, _ := putAnnotated(t, s)
	per := findEntity(t, s, "purbaya", "PER")
	if day, err := s.LatestDay(ctx); err != nil || day != "2025-11-02" {
		t.Errorf("LatestDay = %q, %v", day, err)
	}
	top, err := s.TopEntities(ctx, store.TopFilter{Type: "PER", From: "2025-10-01", To: "2025-10-31"})
	if err != nil || len(top) != 1 || top[0].ID != per.ID || top[0].Count != 2 {
		t.Errorf("top mentioned PER in October = %+v, %v", top, err)
	}
	quoted, err := s.TopEntities(ctx, store.TopFilter{By: "quotes", From: "2025-10-15", To: "2025-10-15"})
	if err != nil || len(quoted) != 1 || quoted[0].ID != per.ID || quoted[0].Count != 1 {
		t.Errorf("top quoted on 15 October = %+v, %v", quoted, err)
	}
	if _, err := s.TopEntities(ctx, store.TopFilter{By: "likes"}); !errors.Is(err, store.ErrBadFilter) {
		t.Errorf("top by likes: %v", err)
	}
	days, err := s.EntityDays(ctx, per.ID, "", "")
	if err != nil || len(days) != 2 || days[0] != (store.DayCount{Day: "2025-10-01", Count: 1}) {
		t.Errorf("EntityDays = %+v, %v", days, err)
	}
	co, err := s.CoMentioned(ctx, per.ID, 5)
	if err != nil || len(co) != 2 {
		t.Errorf("CoMentioned = %+v, %v (want Amerika Serikat and Rusia)", co, err)
	}
	trend, err := s.Trending(ctx, store.TrendFilter{Day: "2025-11-02", Min: 1})
	if err != nil || len(trend) == 0 || trend[0].Count != 1 {
		t.Errorf("Trending = %+v, %v", trend, err)
	}
	if _, err := s.Trending(ctx, store.TrendFilter{Day: "kemarin"}); !errors.Is(err, store.ErrBadFilter) {
		t.Errorf("trending on a bad day: %v", err)
	}
	all, err := s.ArticleDays(ctx, "2025-10", "2025-10")
	if err != nil || len(all) != 2 {
		t.Errorf("ArticleDays(October) = %+v, %v", all, err)
	}
	refs, err := s.EntityRefs(ctx, oct15.ID)
	if err != nil || refs["E1"] != per.ID || len(refs) != 3 {
		t.Errorf("EntityRefs = %v, %v", refs, err)
	}
	_ = oct1
}

func testFacets(t *testing.T, s Insight) {
	putAnnotated(t, s)
	q := search.Query{Entities: []string{"Rusia"}}
	days, err := s.SearchDays(ctx, q)
	if err != nil || len(days) != 2 {
		t.Errorf("SearchDays(entity Rusia) = %+v, %v", days, err)
	}
	f, err := s.Facets(ctx, search.Query{Clauses: []search.Clause{{Text: "rusia"}}}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Sites) != 1 || f.Sites[0] != (store.FacetValue{Value: "contoh.example", Count: 2}) {
		t.Errorf("site facet = %+v", f.Sites)
	}
	types := map[string]int{}
	for _, v := range f.EventType {
		types[v.Value] = v.Count
	}
	if types["SANCTION"] != 1 || types["ACCUSE"] != 2 {
		t.Errorf("event type facet = %+v", f.EventType)
	}
	if len(f.Entities) == 0 || f.Entities[0].Count != 2 {
		t.Errorf("entity facet = %+v", f.Entities)
	}
}

func testAlerts(t *testing.T, s Alerting) {
	a, err := s.CreateAlert(ctx, store.Alert{Name: "Banjir", Query: "banjir", Webhook: "https://contoh.example/hook", Secret: "k"})
	if err != nil || a.ID == 0 || a.Created == "" {
		t.Fatalf("CreateAlert = %+v, %v", a, err)
	}
	res := put(t, s, banjir)
	for i, want := range []bool{true, false} {
		fresh, err := s.AddMatch(ctx, a.ID, res.ID)
		if err != nil || fresh != want {
			t.Errorf("AddMatch #%d = %v, %v; want %v", i+1, fresh, err, want)
		}
	}
	for _, c := range []struct {
		articles []int64
		want     bool
	}{{[]int64{res.ID + 1000, res.ID}, true}, {[]int64{res.ID + 1000}, false}, {nil, false}} {
		if got, err := s.MatchedAny(ctx, a.ID, c.articles); err != nil || got != c.want {
			t.Errorf("MatchedAny(%v) = %v, %v; want %v", c.articles, got, err, c.want)
		}
	}
	got, err := s.Alert(ctx, a.ID)
	if err != nil || got.Matches != 1 || got.Secret != "k" || got.Webhook != a.Webhook {
		t.Errorf("Alert = %+v, %v", got, err)
	}
	ms, err := s.Matches(ctx, a.ID, store.Page{})
	if err != nil || len(ms) != 1 || ms[0].ArticleID != res.ID || ms[0].Title != banjir.Title {
		t.Errorf("Matches = %+v, %v", ms, err)
	}
	if list, err := s.Alerts(ctx); err != nil || len(list) != 1 {
		t.Errorf("Alerts = %+v, %v", list, err)
	}
	if err := s.DeleteAlert(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAlert(ctx, a.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleting twice: %v", err)
	}
	if _, err := s.Alert(ctx, a.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleted alert: %v", err)
	}
}
