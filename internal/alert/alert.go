// Package alert runs saved searches on the write path: as each article is
// stored, the alerts whose query it matches record the match (once per
// alert and article), and those with a webhook have the new match POSTed
// to it, signed. Every alert also has an Atom feed of its matches.
//
// Service.Observe is a pipeline.Observer: the one analyse-and-store path
// of every process (warta serve, warta ingest, the queue worker) calls it
// after each commit, so an alert fires whichever process stored the
// article.
package alert

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/warta-news/warta/internal/fetch"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// ErrInvalid is wrapped by the errors of an alert that cannot be saved.
var ErrInvalid = errors.New("alert: invalid")

// Limits of one alert.
const (
	MaxNameBytes  = 200
	MaxQueryBytes = 2000
)

// Service keeps the alerts and checks each stored article against them.
type Service struct {
	store    store.Alerts
	lineage  store.Lineage // nil: collapse:copies and collapse:stories cannot be told
	matcher  Matcher
	policy   fetch.Policy
	deliver  *Deliverer // nil: webhooks are not sent
	log      *slog.Logger
	cacheTTL time.Duration

	mu     sync.Mutex
	loaded time.Time
	alerts []compiled
}

type compiled struct {
	store.Alert
	q search.Query
}

// Config configures a Service.
type Config struct {
	Store    store.Alerts
	Analyzer *search.Analyzer
	// Lineage tells copies apart for alerts with collapse:copies, so that
	// such an alert fires on a new text, not on its copies, and stories
	// for those with collapse:stories, so that such an alert fires once a
	// story, not on its copies nor on another outlet's telling. The
	// linker must observe the write path before the Service does.
	Lineage store.Lineage
	// Policy is where webhooks may go: the fetcher's private-network
	// guard, so that a webhook on an intranet needs the same switch.
	Policy fetch.Policy
	// Deliverer sends webhooks; nil sends none.
	Deliverer *Deliverer
	Log       *slog.Logger // nil: slog.Default()
}

// New returns a Service.
func New(cfg Config) *Service {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	// Alerts saved by another process (warta serve while warta ingest
	// runs) are seen within the TTL.
	return &Service{store: cfg.Store, lineage: cfg.Lineage, matcher: Matcher{Analyzer: cfg.Analyzer}, policy: cfg.Policy,
		deliver: cfg.Deliverer, log: cfg.Log, cacheTTL: 2 * time.Second}
}

// Create validates and saves an alert; a webhook gets a new secret.
func (s *Service) Create(ctx context.Context, name, query, webhook string) (store.Alert, error) {
	name, query, webhook = strings.TrimSpace(name), strings.TrimSpace(query), strings.TrimSpace(webhook)
	if name == "" {
		name = query
	}
	if len(name) > MaxNameBytes || len(query) > MaxQueryBytes {
		return store.Alert{}, fmt.Errorf("%w: name over %d bytes or query over %d bytes", ErrInvalid, MaxNameBytes, MaxQueryBytes)
	}
	q, err := search.Parse(query)
	if err != nil {
		return store.Alert{}, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if len(q.Clauses) == 0 && len(q.Entities) == 0 && len(q.Speakers) == 0 && q.Section == "" && q.Site == "" {
		return store.Alert{}, fmt.Errorf("%w: the query matches every article: give words or a filter", ErrInvalid)
	}
	a := store.Alert{Name: name, Query: query}
	if webhook != "" {
		if err := checkWebhook(s.policy, webhook); err != nil {
			return store.Alert{}, fmt.Errorf("%w: webhook: %v", ErrInvalid, err)
		}
		b := make([]byte, 24)
		if _, err := rand.Read(b); err != nil {
			return store.Alert{}, fmt.Errorf("alert: make a secret: %w", err)
		}
		a.Webhook, a.Secret = webhook, hex.EncodeToString(b)
	}
	a, err = s.store.CreateAlert(ctx, a)
	if err != nil {
		return a, err
	}
	s.invalidate()
	return a, nil
}

// Delete removes an alert.
func (s *Service) Delete(ctx context.Context, id int64) error {
	err := s.store.DeleteAlert(ctx, id)
	s.invalidate()
	return err
}

func (s *Service) invalidate() {
	s.mu.Lock()
	s.loaded = time.Time{}
	s.mu.Unlock()
}

// current returns the alerts, read again from the store when the cache is
// older than its TTL.
func (s *Service) current(ctx context.Context) ([]compiled, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if time.Since(s.loaded) < s.cacheTTL {
		return s.alerts, nil
	}
	list, err := s.store.Alerts(ctx)
	if err != nil {
		return nil, err
	}
	s.alerts = s.alerts[:0]
	for _, a := range list {
		q, err := search.Parse(a.Query)
		if err != nil {
			s.log.Warn("alert with a query that no longer parses is skipped", "alert", a.ID, "err", err)
			continue
		}
		s.alerts = append(s.alerts, compiled{a, q})
	}
	s.loaded = time.Now()
	return s.alerts, nil
}

// Observe is a pipeline.Observer: it checks a committed record against
// every alert. A record stored unchanged fires nothing; a match already
// recorded (a new version, a redelivery) fires nothing again.
func (s *Service) Observe(ctx context.Context, st pipeline.Stored) error {
	if st.Result.Status == store.Unchanged {
		return nil
	}
	alerts, err := s.current(ctx)
	if err != nil || len(alerts) == 0 {
		return err
	}
	d, err := store.Decode(st.JSON)
	if err != nil {
		return err
	}
	x := s.matcher.prepare(d)
	var copied *bool       // asked of the store once, when an alert collapses copies
	var story *store.Story // likewise, when an alert collapses stories
	storyRead := false
	for _, a := range alerts {
		if !s.matcher.match(a.q, x) {
			continue
		}
		switch a.q.Collapse {
		case search.CollapseCopies:
			if copied == nil {
				c, err := s.isCopy(ctx, st.Result.ID)
				if err != nil {
					return err
				}
				copied = &c
			}
			if *copied {
				continue
			}
		case search.CollapseStories:
			if !storyRead && s.lineage != nil {
				if story, err = s.lineage.Story(ctx, st.Result.ID); err != nil {
					return fmt.Errorf("alert: story of article %d: %w", st.Result.ID, err)
				}
				storyRead = true
			}
			told, err := s.toldBefore(ctx, a.ID, st.Result.ID, story)
			if err != nil {
				return err
			}
			if told {
				continue
			}
		}
		fresh, err := s.store.AddMatch(ctx, a.ID, st.Result.ID)
		if err != nil {
			return fmt.Errorf("alert %d: %w", a.ID, err)
		}
		if !fresh || a.Webhook == "" || s.deliver == nil {
			continue
		}
		m := store.AlertMatch{ArticleID: st.Result.ID, Title: d.Title, URL: d.Source.URL, Site: d.Source.Site,
			Lead: d.Lead, Matched: time.Now().UTC().Format(time.RFC3339)}
		if d.Published != nil {
			m.Published = *d.Published
		}
		s.deliver.Enqueue(a.Alert, []store.AlertMatch{m})
	}
	return nil
}

// toldBefore reports whether the alert matched another article of the
// article's story: a copy, or another outlet's telling. A story that
// grows to join two others that each matched already fires no more; their
// matches stay.
func (s *Service) toldBefore(ctx context.Context, alert, id int64, story *store.Story) (bool, error) {
	if story == nil {
		return false, nil
	}
	others := slices.DeleteFunc(append([]int64{story.Original}, story.Articles...), func(a int64) bool { return a == id })
	told, err := s.store.MatchedAny(ctx, alert, others)
	if err != nil {
		return false, fmt.Errorf("alert %d: %w", alert, err)
	}
	return told, nil
}

// isCopy reports whether the article copies or translates another, as
// the store's collapse:copies leaves it out.
func (s *Service) isCopy(ctx context.Context, id int64) (bool, error) {
	if s.lineage == nil {
		return false, nil
	}
	rels, err := s.lineage.Relations(ctx, id)
	if err != nil {
		return false, fmt.Errorf("alert: relations of article %d: %w", id, err)
	}
	for _, r := range rels {
		if (r.Kind == "copy" || r.Kind == "translation") && r.Original != 0 && r.Original != id {
			return true, nil
		}
	}
	return false, nil
}
