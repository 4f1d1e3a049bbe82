package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/ingest"
	"github.com/warta-news/warta/internal/store"
)

// readInput reads the one article of a request body: text/plain,
// text/html, or JSON (an object with title, body, url, published, or an
// array of one such object). The url and published query parameters fill
// in what the body does not say. A body over the limit is refused whole,
// whatever its type, never cut.
func (a *API) readInput(w http.ResponseWriter, r *http.Request) (analysis.Input, error) {
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
		return analysis.Input{}, &Error{http.StatusUnsupportedMediaType,
			fmt.Sprintf("Content-Type %q: send text/plain, text/html or application/json", r.Header.Get("Content-Type"))}
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, a.cfg.MaxBodyBytes))
	if err != nil {
		return analysis.Input{}, err
	}
	if name == "request.json" {
		if data, err = oneObject(data); err != nil {
			return analysis.Input{}, err
		}
	}
	var items []ingest.Item
	err = ingest.Read(r.Context(), name, bytes.NewReader(data), func(it ingest.Item) error {
		if len(items) > 0 {
			return badRequest("one article per request")
		}
		items = append(items, it)
		return nil
	})
	if err != nil {
		return analysis.Input{}, err
	}
	if len(items) == 0 {
		return analysis.Input{}, badRequest("the body holds no article")
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

// oneObject checks that a JSON body is one article: an object, or an array
// of exactly one object, and nothing after it. It returns the object.
func oneObject(data []byte) ([]byte, error) {
	data = bytes.TrimSpace(data)
	if !json.Valid(data) {
		return nil, badRequest("the body is not valid JSON")
	}
	if len(data) > 0 && data[0] == '[' {
		var arr []json.RawMessage
		if err := json.Unmarshal(data, &arr); err != nil {
			return nil, badRequest("the body is not valid JSON: %v", err)
		}
		if len(arr) != 1 {
			return nil, badRequest("one article per request: the array has %d elements", len(arr))
		}
		data = bytes.TrimSpace(arr[0])
	}
	if len(data) == 0 || data[0] != '{' {
		return nil, badRequest("the body is not a JSON object with title and body")
	}
	// On one line, ingest reads it whatever its layout.
	var buf bytes.Buffer
	if err := json.Compact(&buf, data); err != nil {
		return nil, badRequest("the body is not valid JSON: %v", err)
	}
	return buf.Bytes(), nil
}

// analyzeInput analyses an input when an analysis slot is free (see
// Config.MaxAnalyses), or fails when the request's time runs out first.
func (a *API) analyzeInput(r *http.Request, analyze func() error) error {
	select {
	case a.analyses <- struct{}{}:
	case <-r.Context().Done():
		return r.Context().Err()
	}
	defer func() { <-a.analyses }()
	return analyze()
}

// analyze answers POST /api/v1/analyze: the record, stored nowhere.
func (a *API) analyze(w http.ResponseWriter, r *http.Request) {
	in, err := a.readInput(w, r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var rec *analysis.Record
	err = a.analyzeInput(r, func() (err error) {
		rec, err = a.cfg.Pipeline.Analyzer.Analyze(r.Context(), in)
		return err
	})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, rec)
}

// stored is the answer to POST /api/v1/articles.
type stored struct {
	store.PutResult
	Record *analysis.Record `json:"record"`
}

// postArticle answers POST /api/v1/articles: 201 for a new article or
// version, 200 for one already stored.
func (a *API) postArticle(w http.ResponseWriter, r *http.Request) {
	in, err := a.readInput(w, r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var (
		rec *analysis.Record
		res store.PutResult
	)
	err = a.analyzeInput(r, func() (err error) {
		rec, res, err = a.cfg.Pipeline.Store(r.Context(), in)
		return err
	})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	status := http.StatusCreated
	if res.Status == store.Unchanged {
		status = http.StatusOK
	}
	w.Header().Set("Location", fmt.Sprintf("/api/v1/articles/%d", res.ID))
	writeJSON(w, status, stored{res, rec})
}

func (a *API) listArticles(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	fetchPage(a, w, r, func(p store.Page) ([]store.ArticleSummary, error) {
		return a.cfg.Articles.Articles(r.Context(), store.ArticleFilter{Site: q.Get("site"), Section: q.Get("section"),
			From: q.Get("from"), To: q.Get("to"), Page: p})
	})
}

func (a *API) getArticle(w http.ResponseWriter, r *http.Request) {
	art, err := a.article(r)
	if err == nil && a.cfg.Refs != nil && art.Version == len(art.Versions) {
		// The store's refs are those of the newest version's entities.
		var refs map[string]int64
		if refs, err = a.cfg.Refs.EntityRefs(r.Context(), art.ID); err == nil {
			art.Record, err = withRefs(art.Record, refs)
		}
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, art)
}

// article reads the article of the path, or its ?version=N.
func (a *API) article(r *http.Request) (*store.Article, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	v := r.URL.Query().Get("version")
	if v == "" {
		return a.cfg.Articles.Article(r.Context(), id)
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return nil, badRequest("version=%q: want 1 or more", v)
	}
	return a.cfg.Articles.Version(r.Context(), id, n)
}

// deleteArticle answers DELETE /api/v1/articles/{id}: 204, or 404 for an
// article that is not stored.
func (a *API) deleteArticle(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = a.cfg.Deleter.Delete(r.Context(), id)
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
