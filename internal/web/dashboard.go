package web

import (
	"net/http"
	"time"

	"github.com/warta-news/warta/internal/store"
)

type dashboardData struct {
	page
	Stats                     store.Stats
	Day, WeekFrom             string
	Latest                    []store.ArticleSummary
	MentionedDay, MentionedWk []store.EntityCount
	QuotedDay, QuotedWk       []store.EntityCount
	Trending                  []store.Trend
	Sources                   []store.Source // nil when the store keeps none
	Failing                   int            // sources whose last check failed
}

// dashboard serves /: the latest articles, the most mentioned and the
// most quoted people of the day and the week, who is trending, and the
// sources' health. "The
// day" is today, or the newest day the store has articles for when it has
// none today (an archive).
func (ui *UI) dashboard(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	d := dashboardData{page: ui.base(w, r, "dashboard")}
	var err error
	if d.Stats, err = ui.cfg.Stats.Stats(ctx); err != nil {
		ui.fail(w, r, err)
		return
	}
	if d.Latest, err = ui.cfg.Articles.Articles(ctx, store.ArticleFilter{Page: store.Page{Limit: 10}}); err != nil {
		ui.fail(w, r, err)
		return
	}
	latest, err := ui.cfg.Insights.LatestDay(ctx)
	if err != nil {
		ui.fail(w, r, err)
		return
	}
	d.Day = time.Now().Format(time.DateOnly)
	if latest != "" && latest < d.Day {
		d.Day = latest
	}
	day, _ := time.Parse(time.DateOnly, d.Day)
	d.WeekFrom = day.AddDate(0, 0, -6).Format(time.DateOnly)
	for _, q := range []struct {
		dst      *[]store.EntityCount
		by, from string
	}{
		{&d.MentionedDay, "mentions", d.Day}, {&d.MentionedWk, "mentions", d.WeekFrom},
		{&d.QuotedDay, "quotes", d.Day}, {&d.QuotedWk, "quotes", d.WeekFrom},
	} {
		*q.dst, err = ui.cfg.Insights.TopEntities(ctx, store.TopFilter{By: q.by, Type: "PER", From: q.from, To: d.Day, Limit: 8})
		if err != nil {
			ui.fail(w, r, err)
			return
		}
	}
	if d.Trending, err = ui.cfg.Insights.Trending(ctx, store.TrendFilter{Day: d.Day, Limit: 8}); err != nil {
		ui.fail(w, r, err)
		return
	}
	if ui.cfg.Sources != nil {
		if d.Sources, err = ui.cfg.Sources.SourceList(ctx); err != nil {
			ui.fail(w, r, err)
			return
		}
		for _, s := range d.Sources {
			if s.Health.ConsecutiveErrors > 0 {
				d.Failing++
			}
		}
	}
	ui.render(w, r, http.StatusOK, "dashboard.html", d)
}
