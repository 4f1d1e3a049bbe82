package storetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/warta-news/warta/internal/store"
)

// RunSources is the conformance suite of store.Sources.
func RunSources(t *testing.T, open func(t *testing.T) store.Sources) {
	ctx := context.Background()
	t.Run("AddListRemove", func(t *testing.T) {
		s := open(t)
		now := time.Date(2026, 11, 8, 10, 0, 0, 0, time.UTC)
		a, err := s.AddSource(ctx, store.Source{URL: "https://kabar.example/rss", Name: "Kabar", Interval: 30 * time.Minute, NextCheck: now})
		if err != nil || a.ID == 0 || a.Added.IsZero() {
			t.Fatalf("add: %v %+v", err, a)
		}
		if _, err := s.AddSource(ctx, store.Source{URL: "https://kabar.example/rss", NextCheck: now}); !errors.Is(err, store.ErrSourceExists) {
			t.Errorf("the same URL twice: %v", err)
		}
		b, err := s.AddSource(ctx, store.Source{URL: "https://timur.example/", Interval: time.Hour, FixedInterval: true, NextCheck: now.Add(time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		list, err := s.SourceList(ctx)
		if err != nil || len(list) != 2 || list[0].ID != a.ID || list[1].ID != b.ID {
			t.Fatalf("list: %v %+v", err, list)
		}
		if got := list[1]; got.URL != b.URL || got.Interval != time.Hour || !got.FixedInterval || !got.NextCheck.Equal(b.NextCheck) {
			t.Errorf("stored %+v, want %+v", got, b)
		}
		due, err := s.DueSources(ctx, now, 10)
		if err != nil || len(due) != 1 || due[0].ID != a.ID {
			t.Errorf("due at %s: %v %+v", now, err, due)
		}
		if due, _ := s.DueSources(ctx, now.Add(2*time.Hour), 1); len(due) != 1 || due[0].ID != a.ID {
			t.Errorf("limit and order: %+v", due)
		}
		if err := s.RemoveSource(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.RemoveSource(ctx, a.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("remove twice: %v", err)
		}
		if _, err := s.Source(ctx, a.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("removed source: %v", err)
		}
	})
	t.Run("Update", func(t *testing.T) {
		s := open(t)
		now := time.Date(2026, 11, 8, 10, 0, 0, 0, time.UTC)
		a, err := s.AddSource(ctx, store.Source{URL: "https://suara.example/", Interval: 30 * time.Minute, NextCheck: now})
		if err != nil {
			t.Fatal(err)
		}
		a.Kind, a.Feeds = "page", []string{"https://suara.example/feed.json"}
		a.Interval, a.NextCheck = 2*time.Hour, now.Add(2*time.Hour)
		a.Health = store.SourceHealth{LastCheck: now, LastError: "GET https://suara.example/: 503", LastErrorAt: now, ConsecutiveErrors: 3, ArticlesPerDay: 12.5, Articles: 40}
		a.URL, a.Name = "https://ignored.example/", "ignored"
		if err := s.UpdateSource(ctx, a); err != nil {
			t.Fatal(err)
		}
		got, err := s.Source(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.URL != "https://suara.example/" || got.Name != "" || got.Kind != "page" || len(got.Feeds) != 1 || got.Interval != 2*time.Hour ||
			!got.NextCheck.Equal(a.NextCheck) || got.Health.ConsecutiveErrors != 3 || got.Health.ArticlesPerDay != 12.5 || !got.Health.LastErrorAt.Equal(now) {
			t.Errorf("updated: %+v", got)
		}
		if err := s.UpdateSource(ctx, store.Source{ID: 999}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("update a missing source: %v", err)
		}
	})
	t.Run("Items", func(t *testing.T) {
		s := open(t)
		now := time.Date(2026, 11, 8, 10, 0, 0, 0, time.UTC)
		a, _ := s.AddSource(ctx, store.Source{URL: "https://kabar.example/rss", NextCheck: now})
		if fp, err := s.ItemFingerprint(ctx, a.ID, "https://kabar.example/1"); err != nil || fp != "" {
			t.Fatalf("new item: %q %v", fp, err)
		}
		for _, fp := range []string{"aaa", "bbb"} {
			if err := s.PutItem(ctx, a.ID, "https://kabar.example/1", fp, now); err != nil {
				t.Fatal(err)
			}
		}
		if fp, _ := s.ItemFingerprint(ctx, a.ID, "https://kabar.example/1"); fp != "bbb" {
			t.Errorf("fingerprint %q", fp)
		}
		if err := s.PruneItems(ctx, a.ID, now.Add(time.Second)); err != nil {
			t.Fatal(err)
		}
		if fp, _ := s.ItemFingerprint(ctx, a.ID, "https://kabar.example/1"); fp != "" {
			t.Errorf("pruned item still there: %q", fp)
		}
	})
	t.Run("Validators", func(t *testing.T) {
		s := open(t)
		u := "https://kabar.example/rss"
		if e, m, err := s.Validators(ctx, u); err != nil || e != "" || m != "" {
			t.Fatalf("none: %q %q %v", e, m, err)
		}
		s.SetValidators(ctx, u, `"abc"`, "Sun, 08 Nov 2026 00:00:00 GMT")
		s.SetValidators(ctx, u, `"def"`, "")
		if e, m, _ := s.Validators(ctx, u); e != `"def"` || m != "" {
			t.Errorf("replaced: %q %q", e, m)
		}
		s.SetValidators(ctx, u, "", "")
		if e, _, _ := s.Validators(ctx, u); e != "" {
			t.Errorf("forgotten: %q", e)
		}
	})
}
