// Package store keeps analysed articles: each record whole, in versions,
// with its entities, mentions, quotes and events in tables of their own so
// that questions across articles are plain queries, and a full-text index.
// The interfaces are small, by consumer (ArticleWriter, ArticleReader,
// Searcher, ...) and Store joins them; sqlite implements them all (the
// default, embedded), and storetest has the suites an implementation
// passes.
package store

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/warta-news/warta/internal/search"
)

// Errors callers branch on.
var (
	ErrNotFound      = errors.New("store: not found")
	ErrInvalidRecord = errors.New("store: invalid record")
	ErrBadFilter     = errors.New("store: bad filter")
	// ErrBusy is a write that could not get the store's write lock in
	// time (another process writing): try again later.
	ErrBusy = errors.New("store: busy")
)

// The store's interfaces are small, one per kind of consumer, so that a
// consumer asks for what it uses and a new store (PostgreSQL) can follow
// feature by feature; storetest has a conformance suite for each group.
// Their methods are safe for concurrent use, and other processes may write
// to the same store at the same time (warta ingest while warta serve runs).

// ArticleWriter stores records; pipeline.Writer is its one caller in a
// process.
type ArticleWriter interface {
	// PutBatch stores records (JSON, the record contract) in order, in one
	// transaction: all or none (an invalid record fails the batch). The
	// same article twice is stored once; the same URL with changed text
	// becomes a new version of the article, and every version is kept.
	PutBatch(ctx context.Context, records [][]byte) ([]PutResult, error)
}

// ArticleReader reads stored articles.
type ArticleReader interface {
	// Article returns an article with the record of its newest version;
	// Version returns one of its versions, counted from 1.
	Article(ctx context.Context, id int64) (*Article, error)
	Version(ctx context.Context, id int64, version int) (*Article, error)
	// Articles lists articles, newest publication first.
	Articles(ctx context.Context, f ArticleFilter) ([]ArticleSummary, error)
}

// ArticleDeleter removes articles.
type ArticleDeleter interface {
	// Delete removes an article with all its versions, entities' mentions,
	// quotes and events, and its entry in the index; ErrNotFound when
	// there is none.
	Delete(ctx context.Context, id int64) error
}

// InputLog remembers the raw inputs already stored, by a key of their
// source and content (pipeline.InputKey), so that a re-run skips them
// before analysis. It is a shortcut, not the guard: storing is idempotent
// whether or not an input was logged.
type InputLog interface {
	// InputStored returns what the input with key was stored as.
	InputStored(ctx context.Context, key string) (PutResult, bool, error)
	// LogInputs records that the inputs with keys were stored as results.
	LogInputs(ctx context.Context, keys []string, results []PutResult) error
}

// Searcher runs full-text searches over titles and bodies.
type Searcher interface {
	Search(ctx context.Context, q search.Query) (*search.Results, error)
}

// EntityReader reads entities across articles.
type EntityReader interface {
	// Entities lists entities, the most written about first.
	Entities(ctx context.Context, f EntityFilter) ([]Entity, error)
	Entity(ctx context.Context, id int64) (*Entity, error)
	// EntityArticles lists the articles that mention an entity, oldest
	// first: its mentions over time.
	EntityArticles(ctx context.Context, id int64, p Page) ([]EntityArticle, error)
}

// QuoteReader reads quotes across articles.
type QuoteReader interface {
	// Quotes lists quotes, oldest first.
	Quotes(ctx context.Context, f QuoteFilter) ([]Quote, error)
}

// EventReader reads events across articles.
type EventReader interface {
	// Events lists events, oldest first; EventMonths counts them by month
	// and type.
	Events(ctx context.Context, f EventFilter) ([]Event, error)
	EventMonths(ctx context.Context, f EventFilter) ([]MonthCount, error)
}

// StatsReader sums a store up.
type StatsReader interface {
	Stats(ctx context.Context) (Stats, error)
}

// Optimizer tidies a store after a bulk write, so that searches stay fast;
// a bounded amount of work per call.
type Optimizer interface {
	Optimize(ctx context.Context) error
}

// Store is a whole store, as a command opens it: every interface above.
type Store interface {
	ArticleWriter
	// Put stores one record as PutBatch does.
	Put(ctx context.Context, record []byte) (PutResult, error)
	ArticleReader
	Searcher
	EntityReader
	QuoteReader
	EventReader
	StatsReader
	Optimizer
	Close() error
}

// PutStatus says what Put did.
type PutStatus string

const (
	Created    PutStatus = "created"     // a new article
	NewVersion PutStatus = "new_version" // a known URL with changed text
	Unchanged  PutStatus = "unchanged"   // already stored
)

// PutResult is the article a record was stored as.
type PutResult struct {
	ID      int64     `json:"id"`
	Version int       `json:"version"`
	Status  PutStatus `json:"status"`
}

// Page selects a slice of a list; a zero Limit means DefaultLimit.
type Page struct {
	Limit  int
	Offset int
}

// Page sizes.
const (
	DefaultLimit = 20
	MaxLimit     = 1000
)

// Norm returns the page with its limit defaulted and clamped.
func (p Page) Norm() Page {
	if p.Limit <= 0 {
		p.Limit = DefaultLimit
	}
	p.Limit = min(p.Limit, MaxLimit)
	p.Offset = max(p.Offset, 0)
	return p
}

// Article is one stored article.
type Article struct {
	ID       int64           `json:"id"`
	URL      string          `json:"url,omitempty"`
	Version  int             `json:"version"` // the version Record is
	Versions []VersionInfo   `json:"versions"`
	Record   json.RawMessage `json:"record"`
}

// VersionInfo describes one version of an article.
type VersionInfo struct {
	Version  int    `json:"version"`
	RecordID string `json:"record_id"`
	Title    string `json:"title"`
	Stored   string `json:"stored"` // RFC 3339, when it was first stored
}

// ArticleSummary is an article in a list.
type ArticleSummary struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url,omitempty"`
	Site      string `json:"site,omitempty"`
	Section   string `json:"section,omitempty"`
	Published string `json:"published,omitempty"`
	Lead      string `json:"lead"`
	Versions  int    `json:"versions"`
}

// ArticleFilter selects articles; From and To are as in search.Query.
type ArticleFilter struct {
	Site, Section string
	From, To      string
	Page
}

// Entity is one real-world entity across articles: the same normalised
// name and type (see Resolver).
type Entity struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Country  string `json:"country,omitempty"`
	Articles int    `json:"articles"` // articles that mention it
	Mentions int    `json:"mentions"`
	Quotes   int    `json:"quotes"` // quotes it is the speaker of
	// Estimated says that Articles, Mentions and Quotes are estimated:
	// a store may count a much mentioned entity's newest articles and
	// quotes only, and scale them to the rest, rather than read them all.
	Estimated bool `json:"estimated,omitempty"`
	// Names are the surface forms articles use for it, most used first
	// (only from Entity, not in lists).
	Names []string `json:"names,omitempty"`
}

// EntityFilter selects entities: Name matches a part of the normalised
// name.
type EntityFilter struct {
	Name, Type string
	Page
}

// EntityArticle is one article that mentions an entity.
type EntityArticle struct {
	ArticleID int64    `json:"article_id"`
	Title     string   `json:"title"`
	Published string   `json:"published,omitempty"`
	Name      string   `json:"name"` // the name this article gives it
	Mentions  int      `json:"mentions"`
	Roles     []string `json:"roles,omitempty"`
	Salience  float64  `json:"salience,omitempty"`
}

// Quote is one quote of one article.
type Quote struct {
	ID          int64  `json:"id"`
	ArticleID   int64  `json:"article_id"`
	Title       string `json:"title"`
	Published   string `json:"published,omitempty"`
	Text        string `json:"text"`
	Kind        string `json:"kind"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	SpeakerID   int64  `json:"speaker_id,omitempty"` // 0: no entity
	SpeakerName string `json:"speaker_name,omitempty"`
	SpeakerRole string `json:"speaker_role,omitempty"`
	Cue         string `json:"cue,omitempty"`
}

// QuoteFilter selects quotes: by the speaker's entity, or by the speaker's
// name (normalised), and by a piece of the quoted text.
type QuoteFilter struct {
	SpeakerID int64
	Speaker   string
	Text      string
	From, To  string
	Page
}

// Event is one event of one article, coded in PLOVER.
type Event struct {
	ID        int64  `json:"id"`
	ArticleID int64  `json:"article_id"`
	Title     string `json:"title"`
	Published string `json:"published,omitempty"`
	Type      string `json:"type"`
	Mode      string `json:"mode,omitempty"`
	Source    *Actor `json:"source,omitempty"`
	Target    *Actor `json:"target,omitempty"`
	Location  *Actor `json:"location,omitempty"`
	// Date is the event's date as the record gives it, else the article's
	// publication date.
	Date     string `json:"date,omitempty"`
	Negated  bool   `json:"negated"`
	Modality string `json:"modality,omitempty"`
	Trigger  string `json:"trigger,omitempty"`
}

// Actor is the source, target or location of an event.
type Actor struct {
	EntityID int64  `json:"entity_id,omitempty"`
	Name     string `json:"name,omitempty"`
	Country  string `json:"country,omitempty"`
}

// EventFilter selects events. With one country, events where it is the
// source's or the target's; with two, events between them, either way.
type EventFilter struct {
	Type      string
	Countries []string
	// Entity, when set, keeps the events it is the source or target of.
	Entity   int64
	From, To string
	Page
}

// MonthCount is the number of events of one type in one month.
type MonthCount struct {
	Month string `json:"month"` // YYYY-MM
	Type  string `json:"type"`
	Count int    `json:"count"`
}

// Stats sums up a store.
type Stats struct {
	Articles int `json:"articles"`
	Versions int `json:"versions"`
	Entities int `json:"entities"`
	Quotes   int `json:"quotes"`
	Events   int `json:"events"`
}
