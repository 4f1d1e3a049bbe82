package search

import (
	"fmt"
	"net/url"
	"strconv"
)

// FromValues reads a search from URL parameters, as the API and the web
// UI take it: q in the search-box syntax (Parse), the filters entity and
// speaker (repeatable), topic (repeatable), section, site, from and to, the order (sort:
// relevance or date), and the page, limit and offset.
func FromValues(v url.Values) (Query, error) {
	q, err := Parse(v.Get("q"))
	if err != nil {
		return q, err
	}
	q.Entities = append(q.Entities, v["entity"]...)
	q.Speakers = append(q.Speakers, v["speaker"]...)
	q.Topics = append(q.Topics, v["topic"]...)
	for _, f := range []struct {
		name string
		dst  *string
	}{{"section", &q.Section}, {"site", &q.Site}, {"from", &q.From}, {"to", &q.To}, {"sort", &q.Sort}, {"collapse", &q.Collapse}} {
		if x := v.Get(f.name); x != "" {
			*f.dst = x
		}
	}
	for _, f := range []struct {
		name string
		dst  *int
		min  int
	}{{"limit", &q.Limit, 1}, {"offset", &q.Offset, 0}} {
		x := v.Get(f.name)
		if x == "" {
			continue
		}
		n, err := strconv.Atoi(x)
		if err != nil || n < f.min || f.name == "limit" && n > MaxLimit {
			return q, fmt.Errorf("%w: %s=%q: want a whole number, limit 1 to %d, offset 0 or more", ErrBadQuery, f.name, x, MaxLimit)
		}
		*f.dst = n
	}
	return q, q.Validate()
}
