package api

import (
	"fmt"
	"mime"
	"net/http"
	"strconv"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/ingest"
	"github.com/warta-news/warta/internal/store"
)

// readInput reads the one article of a request body: text/plain,
// text/html, or JSON (an object with title, body, url, published). The url
// and published query parameters fill in what the body does not say.
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
	body := http.MaxBytesReader(w, r.Body, a.cfg.MaxBodyBytes)
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

// analyze answers POST /api/v1/analyze: the record, stored nowhere.
func (a *API) analyze(w http.ResponseWriter, r *http.Request) {
	in, err := a.readInput(w, r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	rec, err := a.cfg.Pipeline.Analyzer.Analyze(r.Context(), in)
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
	rec, res, err := a.cfg.Pipeline.Store(r.Context(), in)
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
