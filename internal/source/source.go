// Package source follows news sources: it reads a feed, sitemap or page,
// fetches the articles it lists through the polite client of
// internal/fetch, and hands each page to the one analyse-and-store path
// (internal/pipeline). It keeps, through store.Sources, when each source
// is due, how often it has news and how it has fared, and polls the due
// ones on a schedule.
//
// Schedule: a source is checked every Interval. Unless the user fixed
// it, the interval adapts to the source's rate of new articles, to about
// two checks per new article, within MinInterval and MaxInterval (5
// minutes and 24 hours); a new source starts at DefaultInterval (30
// minutes). A failing source backs off — its interval doubled for each
// failure in a row, up to MaxInterval, or longer when the server asked
// with Retry-After — and stays listed with its last error: it is never
// dropped.
package source

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/feed"
	"github.com/warta-news/warta/internal/fetch"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/warc"
)

// Schedule bounds.
const (
	MinInterval     = 5 * time.Minute
	MaxInterval     = 24 * time.Hour
	DefaultInterval = 30 * time.Minute
	// MaxItemsPerPoll bounds the pages fetched for one source in one poll,
	// newest first; the rest wait for the next poll.
	MaxItemsPerPoll = 100
	// maxSitemaps bounds the sitemaps of an index followed in one poll,
	// and maxFeeds the feeds of a page.
	maxSitemaps = 5
	maxFeeds    = 3
	// itemMemory is how long an item no longer listed is remembered.
	itemMemory = 30 * 24 * time.Hour
	// rateWeight is the weight of the latest poll in ArticlesPerDay.
	rateWeight = 0.3
)

// Poller fetches sources and stores what they list.
type Poller struct {
	Store    store.Sources
	Client   *fetch.Client
	Pipeline *pipeline.Pipeline
	// Queue, when set, takes the pages fetched instead of Pipeline: they
	// are published for the workers to analyse and store (warta serve
	// --queue). A publish waits while the queue is full, and so does the
	// poll: the fetcher does not outrun the workers.
	Queue Publisher
	Log   *slog.Logger
	// MaxItems bounds the pages fetched per poll (default MaxItemsPerPoll).
	MaxItems int
	// Now is the clock (time.Now when nil).
	Now func() time.Time
}

func (p *Poller) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

func (p *Poller) log() *slog.Logger {
	if p.Log != nil {
		return p.Log
	}
	return slog.New(slog.DiscardHandler)
}

// Result is what one fetch or poll did.
type Result struct {
	Kind        string   // what the URL was read as
	Feeds       []string // the feeds or sitemaps a page offered
	Items       int      // items listed
	Skipped     int      // items unchanged since the last poll, or closed by robots.txt
	Fetched     int      // article pages fetched (or taken whole from the feed)
	NotModified int      // feeds, sitemaps or pages answered 304
	Created     int
	NewVersions int
	Unchanged   int
	Queued      int     // pages published for the workers (with a Queue)
	Errors      []error // items that failed; the others went on
}

// Publisher puts a fetched page on the queue for the workers and waits
// until the queue has it; duplicate is true when the queue had it
// already (queue.Queue.PublishArticle).
type Publisher interface {
	PublishArticle(ctx context.Context, in analysis.Input) (duplicate bool, err error)
}

// put hands a fetched page on: to the queue when there is one, else
// through the pipeline, which analyses and stores it.
func (p *Poller) put(ctx context.Context, in analysis.Input, res *Result) error {
	if p.Queue != nil {
		dup, err := p.Queue.PublishArticle(ctx, in)
		if err != nil {
			return fmt.Errorf("queue %s: %w", in.URL, err)
		}
		if dup {
			res.Unchanged++
		} else {
			res.Queued++
		}
		return nil
	}
	_, put, err := p.Pipeline.Store(ctx, in)
	if err != nil {
		return fmt.Errorf("store %s: %w", in.URL, err)
	}
	res.count(put.Status)
	return nil
}

func (r *Result) count(s store.PutStatus) {
	switch s {
	case store.Created:
		r.Created++
	case store.NewVersion:
		r.NewVersions++
	default:
		r.Unchanged++
	}
}

// Fetch reads a URL once — a feed, a sitemap or sitemap index, a
// homepage or section page (whose feeds, else robots.txt sitemaps, are
// followed) or an article page — and stores the articles it finds. It
// remembers nothing between calls but the validators the client keeps.
func (p *Poller) Fetch(ctx context.Context, rawURL string) (Result, error) {
	var res Result
	u, err := feed.Canonical(rawURL)
	if err != nil {
		return res, err
	}
	err = p.read(ctx, u, nil, &res, 0)
	return res, err
}

// read fetches u and acts on what it is. depth counts the hops from the
// source's own URL (a page's feed, an index's sitemap).
func (p *Poller) read(ctx context.Context, u string, src *store.Source, res *Result, depth int) error {
	resp, err := p.Client.Get(fetch.WithDeferredRecord(ctx), u)
	if err != nil {
		return err
	}
	// Archived as a listing unless it is stored as an article first.
	defer func() {
		if err := p.Client.Record(warc.WithMetadata(ctx, warc.Metadata{warc.MetaRole: warc.RoleListing}), resp); err != nil {
			p.log().Error("archive", "url", u, "err", err)
		}
	}()
	if resp.NotModified {
		res.NotModified++
		if depth == 0 {
			res.Kind = kindOf(src)
		}
		return nil
	}
	f, err := feed.Parse(resp.Body, resp.URL)
	switch {
	case err == nil && f.Kind == feed.SitemapIndex:
		if depth == 0 {
			res.Kind = string(f.Kind)
		}
		if depth >= 2 {
			return fmt.Errorf("%s: sitemap index nested too deep", u)
		}
		var errs []error
		for _, sm := range f.Sitemaps[:min(len(f.Sitemaps), maxSitemaps)] {
			if err := p.read(ctx, sm, src, res, depth+1); err != nil {
				errs = append(errs, err)
			}
		}
		return errors.Join(errs...)
	case err == nil:
		if depth == 0 {
			res.Kind = string(f.Kind)
		}
		return p.items(ctx, f.Items, u, src, res)
	case errors.Is(err, feed.ErrNotFeed) && isHTML(resp):
		if depth > 0 {
			return fmt.Errorf("%s: expected a feed or sitemap, got an HTML page", u)
		}
		if !isIndexPage(resp.URL) && src == nil {
			res.Kind = "article"
			return p.storePage(ctx, resp, feed.Item{URL: u}, u, res)
		}
		return p.followPage(ctx, resp, src, res)
	default:
		return fmt.Errorf("read %s: %w", u, err)
	}
}

// followPage follows the feeds a homepage or section page links to, else
// the sitemaps its site's robots.txt names.
func (p *Poller) followPage(ctx context.Context, resp *fetch.Response, src *store.Source, res *Result) error {
	res.Kind = "page"
	feeds := feed.Discover(resp.Body, resp.URL).Feeds
	if len(feeds) == 0 {
		base, _ := url.Parse(resp.URL)
		robots := (&url.URL{Scheme: base.Scheme, Host: base.Host, Path: "/robots.txt"}).String()
		if r, err := p.Client.Get(ctx, robots); err == nil && r.Status == http.StatusOK {
			feeds = feed.RobotsSitemaps(r.Body, robots)
		}
	}
	if len(feeds) == 0 {
		return fmt.Errorf("%s: the page links to no feed, and robots.txt names no sitemap", resp.URL)
	}
	res.Feeds = feeds
	var errs []error
	ok := false
	for _, f := range feeds[:min(len(feeds), maxFeeds)] {
		if err := p.read(ctx, f, src, res, 1); err != nil {
			errs = append(errs, err)
		} else {
			ok = true
		}
	}
	if ok { // a page's secondary feed that fails is a note, not a failure
		res.Errors = append(res.Errors, errs...)
		return nil
	}
	return errors.Join(errs...)
}

func kindOf(src *store.Source) string {
	if src == nil {
		return ""
	}
	return src.Kind
}

func isHTML(r *fetch.Response) bool {
	ct := strings.ToLower(r.ContentType())
	if strings.Contains(ct, "html") {
		return true
	}
	head := strings.ToLower(string(r.Body[:min(len(r.Body), 512)]))
	return strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html")
}

// isIndexPage tells a homepage or section page (/, /nasional, /berita/)
// from an article page, whose path has more parts or a number.
func isIndexPage(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	parts := strings.FieldsFunc(u.Path, func(r rune) bool { return r == '/' })
	if len(parts) > 1 {
		return false
	}
	return !strings.ContainsAny(u.Path, "0123456789.")
}

// items fetches and stores the listed items, newest first, skipping those
// the source listed before unchanged.
func (p *Poller) items(ctx context.Context, items []feed.Item, listing string, src *store.Source, res *Result) error {
	seen := map[string]bool{}
	var todo []feed.Item
	for _, it := range items {
		if !seen[it.URL] { // a feed listing an item twice
			seen[it.URL] = true
			todo = append(todo, it)
		}
	}
	res.Items += len(todo)
	slices.SortStableFunc(todo, func(a, b feed.Item) int { return newest(b).Compare(newest(a)) })
	limit := p.MaxItems
	if limit <= 0 {
		limit = MaxItemsPerPoll
	}
	now := p.now()
	fetched := 0
	for _, it := range todo {
		if err := ctx.Err(); err != nil {
			return err
		}
		fp := it.Fingerprint()
		if src != nil {
			old, err := p.Store.ItemFingerprint(ctx, src.ID, it.URL)
			if err != nil {
				return err
			}
			if old == fp {
				res.Skipped++
				continue
			}
		}
		if fetched >= limit {
			break // the rest next time: they are not marked seen
		}
		fetched++
		err := p.item(ctx, it, listing, res)
		var backoff *fetch.BackoffError
		switch {
		case errors.Is(err, fetch.ErrDisallowed):
			res.Skipped++
			p.log().Debug("item closed by robots.txt", "url", it.URL)
		case errors.As(err, &backoff):
			return err // the host asked for a pause: the source waits too
		case err != nil:
			res.Errors = append(res.Errors, err)
			p.log().Warn("item failed", "url", it.URL, "err", err)
			continue // not marked: tried again next poll
		}
		if src != nil {
			if err := p.Store.PutItem(ctx, src.ID, it.URL, fp, now); err != nil {
				return err
			}
		}
	}
	return nil
}

func newest(it feed.Item) time.Time {
	if it.Updated.After(it.Published) {
		return it.Updated
	}
	return it.Published
}

// item stores one listed article: from the feed when it carries the
// whole text, else from its page.
func (p *Poller) item(ctx context.Context, it feed.Item, listing string, res *Result) error {
	if it.FullText() {
		res.Fetched++
		in := warc.Input(it.URL, "text/html; charset=utf-8", []byte(itemPage(it)), p.now(), metadata(it, listing))
		return p.put(ctx, in, res)
	}
	target := it.URL
	single := feed.SinglePageURL(it.URL)
	if single != "" {
		target = single
	}
	mctx := fetch.WithDeferredRecord(warc.WithMetadata(ctx, metadata(it, listing)))
	resp, err := p.Client.Get(mctx, target)
	var se *fetch.StatusError
	if single != "" && errors.As(err, &se) && se.Status == http.StatusNotFound {
		resp, err = p.Client.Get(mctx, it.URL) // the view is not offered for this one
	}
	if err != nil {
		return err
	}
	return p.storePage(ctx, resp, it, listing, res)
}

// storePage analyses and stores a fetched article page, reading it whole
// when it links to its single-page view.
func (p *Poller) storePage(ctx context.Context, resp *fetch.Response, it feed.Item, listing string, res *Result) error {
	res.Fetched++
	if resp.NotModified {
		res.NotModified++
		return nil
	}
	meta := metadata(it, listing)
	if all := feed.Discover(resp.Body, resp.URL).ShowAll; all != "" && all != resp.URL {
		whole, err := p.Client.Get(warc.WithMetadata(ctx, meta), all)
		switch {
		case err == nil:
			superseded := maps.Clone(meta)
			superseded[warc.MetaSupersededBy] = all
			if err := p.Client.Record(warc.WithMetadata(ctx, superseded), resp); err != nil {
				return err
			}
			if whole.NotModified {
				res.NotModified++
				return nil // unchanged since it was read whole
			}
			resp = whole
		default:
			p.log().Warn("single-page view failed: first page only", "url", all, "err", err)
		}
	}
	if err := p.Client.Record(warc.WithMetadata(ctx, meta), resp); err != nil {
		return err
	}
	return p.put(ctx, warc.Input(resp.URL, resp.ContentType(), resp.Body, resp.Fetched, meta), res)
}

// metadata is what an item says of its article besides the page: kept in
// the WARC metadata record, so that re-ingesting gives the same Input.
func metadata(it feed.Item, listing string) warc.Metadata {
	m := warc.Metadata{warc.MetaSource: listing, warc.MetaRequested: it.URL, warc.MetaRole: warc.RoleArticle}
	if !it.Published.IsZero() {
		m[warc.MetaPublished] = it.Published.UTC().Format(time.RFC3339)
	}
	if len(it.Authors) > 0 {
		m[warc.MetaAuthors] = strings.Join(it.Authors, "; ")
	}
	if len(it.Categories) > 0 {
		m[warc.MetaCategories] = strings.Join(it.Categories, "; ")
	}
	return m
}

// itemPage wraps a feed item's full text as a page.
func itemPage(it feed.Item) string {
	t := htmlEscaper.Replace(it.Title)
	return "<!DOCTYPE html><html><head><title>" + t + "</title></head><body><article><h1>" + t + "</h1>" + it.Content + "</article></body></html>"
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// Poll checks one source, stores what it lists, and records its health
// and next check in the store.
func (p *Poller) Poll(ctx context.Context, src store.Source) (Result, error) {
	start := p.now()
	var res Result
	var err error
	if src.Kind == "page" && len(src.Feeds) > 0 {
		res.Kind, res.Feeds = "page", src.Feeds
		var errs []error
		for _, f := range src.Feeds[:min(len(src.Feeds), maxFeeds)] {
			if ferr := p.read(ctx, f, &src, &res, 1); ferr != nil {
				errs = append(errs, ferr)
			}
		}
		if len(errs) == min(len(src.Feeds), maxFeeds) {
			// every feed fails: find them again on the page next time
			err, res.Feeds = errors.Join(errs...), nil
		}
	} else {
		err = p.read(ctx, src.URL, &src, &res, 0)
	}
	if ctx.Err() != nil {
		return res, ctx.Err() // stopped, not failed: due again at once
	}
	now := p.now()
	p.schedule(&src, res, err, start, now)
	if uerr := p.Store.UpdateSource(ctx, src); uerr != nil {
		return res, errors.Join(err, uerr)
	}
	if err == nil {
		if perr := p.Store.PruneItems(ctx, src.ID, now.Add(-itemMemory)); perr != nil {
			return res, perr
		}
	}
	return res, err
}

// schedule updates a source's health, interval and next check after a
// poll that started at start.
func (p *Poller) schedule(src *store.Source, res Result, err error, start, now time.Time) {
	h := &src.Health
	previous := h.LastSuccess
	h.LastCheck = now
	if src.Interval <= 0 {
		src.Interval = DefaultInterval
	}
	if err != nil {
		h.LastError, h.LastErrorAt = err.Error(), now
		h.ConsecutiveErrors++
		wait := min(src.Interval<<min(h.ConsecutiveErrors, 10), MaxInterval)
		var se *fetch.StatusError
		var be *fetch.BackoffError
		if errors.As(err, &se) && se.RetryAfter > wait {
			wait = se.RetryAfter
		}
		if errors.As(err, &be) && be.Until.Sub(now) > wait {
			wait = be.Until.Sub(now)
		}
		src.NextCheck = now.Add(wait)
		p.log().Warn("source failing", "source", src.URL, "consecutive_errors", h.ConsecutiveErrors, "next_check", src.NextCheck.Format(time.RFC3339), "err", err)
		return
	}
	if len(res.Errors) > 0 {
		h.LastError, h.LastErrorAt = fmt.Sprintf("%d items failed, first: %v", len(res.Errors), res.Errors[0]), now
	}
	h.ConsecutiveErrors = 0
	h.LastSuccess = now
	if res.Kind != "" {
		src.Kind = res.Kind
	}
	if res.Kind == "page" {
		src.Feeds = res.Feeds
	}
	// A page queued is new or changed: the items unchanged since the
	// last poll were skipped before fetching.
	news := res.Created + res.NewVersions + res.Queued
	h.Articles += news
	if !previous.IsZero() {
		days := now.Sub(previous).Hours() / 24
		if days > 0 {
			h.ArticlesPerDay = (1-rateWeight)*h.ArticlesPerDay + rateWeight*float64(news)/days
			h.ArticlesPerDay = math.Round(h.ArticlesPerDay*100) / 100
		}
		if !src.FixedInterval {
			src.Interval = Adapt(h.ArticlesPerDay)
		}
	}
	src.NextCheck = now.Add(src.Interval)
}

// Adapt is the interval for a source with a rate of new articles: about
// two checks per new article, within MinInterval and MaxInterval.
func Adapt(articlesPerDay float64) time.Duration {
	if articlesPerDay <= 0 {
		return MaxInterval
	}
	d := time.Duration(float64(24*time.Hour) / (2 * articlesPerDay))
	return min(max(d, MinInterval), MaxInterval).Round(time.Second)
}

// Run polls due sources until ctx is done, at most workers at once (one
// request at a time per host all the same), looking for due sources every
// tick. It returns after the polls under way have stopped.
func (p *Poller) Run(ctx context.Context, workers int, tick time.Duration) error {
	if workers <= 0 {
		workers = 8
	}
	if tick <= 0 {
		tick = 5 * time.Second
	}
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		inflight = map[int64]bool{}
		slots    = make(chan struct{}, workers)
	)
	defer wg.Wait()
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		due, err := p.Store.DueSources(ctx, p.now(), workers*2)
		if err != nil && ctx.Err() == nil {
			p.log().Error("due sources", "err", err)
		}
	start:
		for _, src := range due {
			mu.Lock()
			busy := inflight[src.ID]
			mu.Unlock()
			if busy {
				continue
			}
			select {
			case slots <- struct{}{}:
			default:
				break start // every worker busy
			}
			mu.Lock()
			inflight[src.ID] = true
			mu.Unlock()
			wg.Add(1)
			go func() {
				defer func() {
					mu.Lock()
					delete(inflight, src.ID)
					mu.Unlock()
					<-slots
					wg.Done()
				}()
				res, err := p.Poll(ctx, src)
				if err == nil {
					p.log().Info("polled", "source", src.URL, "items", res.Items, "new", res.Created, "new_versions", res.NewVersions, "queued", res.Queued, "not_modified", res.NotModified)
				}
			}()
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// New is a source for url, due at once.
func New(rawURL, name string, interval time.Duration, now time.Time) (store.Source, error) {
	u, err := feed.Canonical(rawURL)
	if err != nil {
		return store.Source{}, err
	}
	s := store.Source{URL: u, Name: name, Interval: DefaultInterval, NextCheck: now, Added: now}
	if interval > 0 {
		if interval < MinInterval {
			return s, fmt.Errorf("interval %s is below the minimum of %s", interval, MinInterval)
		}
		s.Interval, s.FixedInterval = interval, true
	}
	return s, nil
}
