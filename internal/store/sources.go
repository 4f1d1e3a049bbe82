package store

import (
	"context"
	"errors"
	"time"
)

// ErrSourceExists is returned when a source's URL is followed already.
var ErrSourceExists = errors.New("store: source exists")

// Sources keeps the feeds, sitemaps and pages warta follows, when each is
// due, how each fared, the items each listed, and the validators
// (ETag, Last-Modified) of every URL fetched, so that polling survives a
// restart. The poller of internal/source is its consumer.
type Sources interface {
	// AddSource follows a new source; its ID and Added are set. A URL
	// followed already gives ErrSourceExists.
	AddSource(ctx context.Context, s Source) (Source, error)
	// Source returns one source; ErrNotFound when there is none.
	Source(ctx context.Context, id int64) (Source, error)
	// SourceList lists every source, by ID.
	SourceList(ctx context.Context) ([]Source, error)
	// RemoveSource stops following a source; ErrNotFound when there is
	// none. The articles it brought stay.
	RemoveSource(ctx context.Context, id int64) error
	// DueSources returns up to limit sources whose next check is at or
	// before now, the most overdue first.
	DueSources(ctx context.Context, now time.Time, limit int) ([]Source, error)
	// UpdateSource stores what a poll changed: its kind and feed, interval,
	// next check and health. The URL, name and Added stay.
	UpdateSource(ctx context.Context, s Source) error

	// ItemFingerprint returns the fingerprint stored for an item URL of a
	// source, "" when the item is new to it.
	ItemFingerprint(ctx context.Context, source int64, url string) (string, error)
	// PutItem stores an item's fingerprint, seen at a time.
	PutItem(ctx context.Context, source int64, url, fingerprint string, seen time.Time) error
	// PruneItems forgets a source's items not seen since before.
	PruneItems(ctx context.Context, source int64, before time.Time) error

	// Validators and SetValidators keep the ETag and Last-Modified of a
	// fetched URL (fetch.Validators).
	Validators(ctx context.Context, url string) (etag, lastModified string, err error)
	SetValidators(ctx context.Context, url, etag, lastModified string) error
}

// Source is one followed feed, sitemap or page.
type Source struct {
	ID   int64  `json:"id"`
	URL  string `json:"url"`
	Name string `json:"name,omitempty"`
	// Kind is what the URL was found to be at its last successful poll:
	// rss, atom, json, sitemap, sitemapindex, or page (a homepage or
	// section page whose feeds or sitemaps are followed); "" before.
	Kind string `json:"kind,omitempty"`
	// Feeds are the feeds or sitemaps a page source was found to offer.
	Feeds []string `json:"feeds,omitempty"`
	// Interval is the time between two checks; with FixedInterval the
	// user set it, otherwise it adapts to how often the source has news.
	Interval      time.Duration `json:"interval"`
	FixedInterval bool          `json:"fixed_interval"`
	NextCheck     time.Time     `json:"next_check"`
	Added         time.Time     `json:"added"`
	Health        SourceHealth  `json:"health"`
}

// SourceHealth is how a source has fared.
type SourceHealth struct {
	LastCheck         time.Time `json:"last_check,omitzero"`
	LastSuccess       time.Time `json:"last_success,omitzero"`
	LastError         string    `json:"last_error,omitempty"`
	LastErrorAt       time.Time `json:"last_error_at,omitzero"`
	ConsecutiveErrors int       `json:"consecutive_errors"`
	// ArticlesPerDay is the rate of new articles, smoothed over polls.
	ArticlesPerDay float64 `json:"articles_per_day"`
	// Articles counts the new articles and new versions it brought.
	Articles int `json:"articles"`
}
