package server

import (
	_ "embed"
	"fmt"
	"mime"
	"net/http"
	"strconv"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/ingest"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// API page sizes: DefaultLimit when none is asked for, at most MaxLimit.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

//go:embed openapi.json
var openAPIDoc []byte

func (s *Server) openAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPIDoc)
}

// readInput reads the one article of a request body: text/plain,
// text/html, or JSON (an object with title, body, url, published). The url
// and published query parameters fill in what the body does not say.
func (s *Server) readInput(w http.ResponseWriter, r *http.Request) (analysis.Input, error) {
	ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		ct = ""
	}
	// The name tells ingest the format, as a file's extension does.
	var name string
	switch ct {
	case "text/plain":
		name = "request.txt"
	case "text/html", "application/xhtml+xml":
		name = "request.html"
	case "application/json":
		name = "request.json"
	default:
		return analysis.Input{}, &apiError{http.StatusUnsupportedMediaType,
			fmt.Sprintf("Content-Type %q: send text/plain, text/html or application/json", r.Header.Get("Content-Type"))}
	}
	body := http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes)
	var items []ingest.Item
	err = ingest.Read(r.Context(), name, body, func(it ingest.Item) error {
		if len(items) > 0 {
			return badRequest("one article per request")
		}
		items = append(items, it)
		return nil
	})
	if err != nil {
		return analysis.Input{}, err
	}
	if items[0].Err != nil {
		return analysis.Input{}, badRequest("%v", items[0].Err)
	}
	in := items[0].Input
	in.Path, in.Line = "", 0
	if in.URL == "" {
		in.URL = r.URL.Query().Get("url")
	}
	if in.Published == "" {
		in.Published = r.URL.Query().Get("published")
	}
	return in, nil
}

func (s *Server) analyze(w http.ResponseWriter, r *http.Request) {
	in, err := s.readInput(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rec, err := s.cfg.Pipeline.Analyzer.Analyze(r.Context(), in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rec)
}

// stored is the answer to POST /api/v1/articles.
type stored struct {
	store.PutResult
	Record *analysis.Record `json:"record"`
}

func (s *Server) postArticle(w http.ResponseWriter, r *http.Request) {
	in, err := s.readInput(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rec, res, err := s.cfg.Pipeline.Store(r.Context(), in)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	status := http.StatusCreated
	if res.Status == store.Unchanged {
		status = http.StatusOK
	}
	w.Header().Set("Location", fmt.Sprintf("/api/v1/articles/%d", res.ID))
	writeJSON(w, status, stored{res, rec})
}

// list is one page of a list.
type list[T any] struct {
	Items  []T `json:"items"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
	// NextOffset is the offset of the next page, absent on the last.
	NextOffset *int `json:"next_offset,omitempty"`
}

// pageOf reads limit and offset.
func pageOf(r *http.Request) (store.Page, error) {
	p := store.Page{Limit: DefaultLimit}
	for _, f := range []struct {
		name string
		dst  *int
		min  int
	}{{"limit", &p.Limit, 1}, {"offset", &p.Offset, 0}} {
		v := r.URL.Query().Get(f.name)
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < f.min || f.name == "limit" && n > MaxLimit {
			return p, badRequest("%s=%q: want a whole number, limit 1 to %d, offset 0 or more", f.name, v, MaxLimit)
		}
		*f.dst = n
	}
	return p, nil
}

// fetchPage calls get for one more item than the page holds, to know
// whether there is a next page, and writes the page.
func fetchPage[T any](s *Server, w http.ResponseWriter, r *http.Request, get func(store.Page) ([]T, error)) {
	p, err := pageOf(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	items, err := get(store.Page{Limit: p.Limit + 1, Offset: p.Offset})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := list[T]{Items: items, Limit: p.Limit, Offset: p.Offset}
	if len(items) > p.Limit {
		out.Items = items[:p.Limit]
		next := p.Offset + p.Limit
		out.NextOffset = &next
	}
	writeJSON(w, http.StatusOK, out)
}

func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, &apiError{http.StatusNotFound, fmt.Sprintf("no such id: %q", r.PathValue("id"))}
	}
	return id, nil
}

func (s *Server) listArticles(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	fetchPage(s, w, r, func(p store.Page) ([]store.ArticleSummary, error) {
		return s.store.Articles(r.Context(), store.ArticleFilter{Site: q.Get("site"), Section: q.Get("section"),
			From: q.Get("from"), To: q.Get("to"), Page: p})
	})
}

func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var art *store.Article
	if v := r.URL.Query().Get("version"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			s.fail(w, r, badRequest("version=%q: want 1 or more", v))
			return
		}
		art, err = s.store.Version(r.Context(), id, n)
	} else {
		art, err = s.store.Article(r.Context(), id)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, art)
}

// searchQuery reads a search from q (the search-box syntax) and the filter
// parameters entity and speaker (repeatable), section, site, from and to.
func searchQuery(r *http.Request) (search.Query, error) {
	v := r.URL.Query()
	q, err := search.Parse(v.Get("q"))
	if err != nil {
		return q, err
	}
	q.Entities = append(q.Entities, v["entity"]...)
	q.Speakers = append(q.Speakers, v["speaker"]...)
	for _, f := range []struct {
		name string
		dst  *string
	}{{"section", &q.Section}, {"site", &q.Site}, {"from", &q.From}, {"to", &q.To}} {
		if x := v.Get(f.name); x != "" {
			*f.dst = x
		}
	}
	p, err := pageOf(r)
	if err != nil {
		return q, err
	}
	q.Limit, q.Offset = p.Limit, p.Offset
	return q, q.Validate()
}

// searchPage is the answer to a search.
type searchPage struct {
	*search.Results
	Limit      int  `json:"limit"`
	Offset     int  `json:"offset"`
	NextOffset *int `json:"next_offset,omitempty"`
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q, err := searchQuery(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := s.store.Search(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out := searchPage{Results: res, Limit: q.Limit, Offset: q.Offset}
	if next := q.Offset + len(res.Hits); next < res.Total {
		out.NextOffset = &next
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) listEntities(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	fetchPage(s, w, r, func(p store.Page) ([]store.Entity, error) {
		return s.store.Entities(r.Context(), store.EntityFilter{Name: q.Get("name"), Type: q.Get("type"), Page: p})
	})
}

// entityPage is one entity with its first articles and quotes.
type entityPage struct {
	Entity   *store.Entity         `json:"entity"`
	Articles []store.EntityArticle `json:"articles"`
	Quotes   []store.Quote         `json:"quotes"`
}

func (s *Server) getEntity(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := pageOf(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var out entityPage
	out.Entity, err = s.store.Entity(r.Context(), id)
	if err == nil {
		out.Articles, err = s.store.EntityArticles(r.Context(), id, p)
	}
	if err == nil {
		out.Quotes, err = s.store.Quotes(r.Context(), store.QuoteFilter{SpeakerID: id, Page: p})
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) entityArticles(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.store.Entity(r.Context(), id); err != nil {
		s.fail(w, r, err)
		return
	}
	fetchPage(s, w, r, func(p store.Page) ([]store.EntityArticle, error) {
		return s.store.EntityArticles(r.Context(), id, p)
	})
}

func (s *Server) listQuotes(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := store.QuoteFilter{Speaker: q.Get("speaker"), Text: q.Get("q"), From: q.Get("from"), To: q.Get("to")}
	if v := q.Get("speaker_id"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			s.fail(w, r, badRequest("speaker_id=%q: want an entity id", v))
			return
		}
		f.SpeakerID = id
	}
	fetchPage(s, w, r, func(p store.Page) ([]store.Quote, error) {
		f.Page = p
		return s.store.Quotes(r.Context(), f)
	})
}

func eventFilter(r *http.Request) store.EventFilter {
	q := r.URL.Query()
	return store.EventFilter{Type: q.Get("type"), Countries: q["country"], From: q.Get("from"), To: q.Get("to")}
}

func (s *Server) listEvents(w http.ResponseWriter, r *http.Request) {
	f := eventFilter(r)
	fetchPage(s, w, r, func(p store.Page) ([]store.Event, error) {
		f.Page = p
		return s.store.Events(r.Context(), f)
	})
}

func (s *Server) eventMonths(w http.ResponseWriter, r *http.Request) {
	months, err := s.store.EventMonths(r.Context(), eventFilter(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Months []store.MonthCount `json:"months"`
	}{months})
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) {
	st, err := s.store.Stats(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}
