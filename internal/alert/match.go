package alert

import (
	"slices"
	"strings"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// Matcher tells whether one stored record matches a query, with the
// store's search semantics, without asking the store: an alert is checked
// on the write path as each article is stored. Clauses are matched on the
// analyzer's terms (stemmed, stopwords out), each clause as a phrase of
// its terms within the title or within the body, as FTS5 matches them;
// OR joins a clause to the one before it; filters compare as the store's
// search does (TestMatcherAgreesWithStore checks both on the same
// articles).
type Matcher struct {
	Analyzer *search.Analyzer
}

// doc is a record as a query sees it.
type doc struct {
	title, body []string // terms in order
	d           *store.Doc
}

func (m Matcher) prepare(d *store.Doc) doc {
	body := d.Text
	if d.Title != "" {
		body = strings.TrimPrefix(body, d.Title)
	}
	return doc{title: m.Analyzer.Terms(d.Title), body: m.Analyzer.Terms(body), d: d}
}

// Match reports whether the record d matches q.
func (m Matcher) Match(q search.Query, d *store.Doc) bool {
	return m.match(q, m.prepare(d))
}

func (m Matcher) match(q search.Query, x doc) bool {
	if !matchFilters(q, x.d) {
		return false
	}
	var groups [][]bool // one per group of clauses joined by OR: each clause's match
	positive := false
	for _, c := range q.Clauses {
		terms := m.Analyzer.Terms(c.Text)
		if len(terms) == 0 {
			continue // stopwords only: left out, as the store leaves it out
		}
		hit := hasPhrase(x.title, terms) || hasPhrase(x.body, terms)
		switch {
		case c.Exclude:
			if hit {
				return false
			}
		case c.Or && len(groups) > 0:
			groups[len(groups)-1] = append(groups[len(groups)-1], hit)
		default:
			groups = append(groups, []bool{hit})
		}
		positive = positive || !c.Exclude
	}
	if !positive && hasPositive(q.Clauses) {
		return false // every word was a stopword: the store finds nothing
	}
	for _, g := range groups {
		if !slices.Contains(g, true) {
			return false
		}
	}
	return true
}

func hasPositive(cs []search.Clause) bool {
	return slices.ContainsFunc(cs, func(c search.Clause) bool { return !c.Exclude })
}

// hasPhrase reports whether terms occur in order, next to each other.
func hasPhrase(text, terms []string) bool {
	for i := 0; i+len(terms) <= len(text); i++ {
		if slices.Equal(text[i:i+len(terms)], terms) {
			return true
		}
	}
	return false
}

// isNamed reports whether want, normalised, is the entity's name or one
// of its mentions: the names the store learns for the entity's ref, as
// its filters match by identity ("Purbaya" finds Purbaya Yudhi Sadewa
// where the article calls him Purbaya; "Prabowo" never finds Listyo Sigit
// Prabowo).
func isNamed(e store.DocEntity, want string) bool {
	w := store.NormalizeName(want)
	if w == "" {
		return false
	}
	if store.NormalizeName(e.Name) == w {
		return true
	}
	return slices.ContainsFunc(e.Mentions, func(m store.DocMention) bool { return store.NormalizeName(m.Text) == w })
}

func matchFilters(q search.Query, d *store.Doc) bool {
	for _, want := range q.Entities {
		if !slices.ContainsFunc(d.Entities, func(e store.DocEntity) bool { return isNamed(e, want) }) {
			return false
		}
	}
	if len(q.Speakers) > 0 && !quotes(q.Speakers, d) {
		return false
	}
	for _, code := range q.Topics {
		if !slices.ContainsFunc(d.Topics, func(t store.DocTopic) bool { return t.Code == code }) {
			return false
		}
	}
	if q.Section != "" && (d.Section == nil || !strings.EqualFold(*d.Section, q.Section)) {
		return false
	}
	if q.Site != "" {
		site := strings.ToLower(strings.TrimPrefix(q.Site, "www."))
		if d.Source.Site != site && !strings.HasSuffix(d.Source.Site, "."+site) {
			return false
		}
	}
	day := d.Day()
	if q.From != "" && (day == "" || day < q.From) {
		return false
	}
	if q.To != "" && (day == "" || day[:min(len(q.To), len(day))] > q.To) {
		return false
	}
	return true
}

// quotes reports whether d quotes any of the speakers, by the name the
// quote gives or by a name of its speaker entity.
func quotes(speakers []string, d *store.Doc) bool {
	ents := map[string]store.DocEntity{}
	for _, e := range d.Entities {
		ents[e.ID] = e
	}
	for _, q := range d.Quotes {
		for _, want := range speakers {
			if n := store.NormalizeName(want); n != "" && store.NormalizeName(q.SpeakerName) == n {
				return true
			}
			if q.Speaker != nil && isNamed(ents[*q.Speaker], want) {
				return true
			}
		}
	}
	return false
}
