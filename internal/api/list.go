package api

import (
	"net/http"
	"strconv"

	"github.com/warta-news/warta/internal/store"
)

// API page sizes: DefaultLimit when none is asked for, at most MaxLimit.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

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
func fetchPage[T any](a *API, w http.ResponseWriter, r *http.Request, get func(store.Page) ([]T, error)) {
	p, err := pageOf(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	items, err := get(store.Page{Limit: p.Limit + 1, Offset: p.Offset})
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if items == nil {
		items = []T{} // an empty page is [], not null
	}
	out := list[T]{Items: items, Limit: p.Limit, Offset: p.Offset}
	if len(items) > p.Limit {
		out.Items = items[:p.Limit]
		next := p.Offset + p.Limit
		out.NextOffset = &next
	}
	writeJSON(w, http.StatusOK, out)
}

// pathID reads the {id} of a path.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, &Error{http.StatusNotFound, "no such id: " + strconv.Quote(r.PathValue("id"))}
	}
	return id, nil
}
