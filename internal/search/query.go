package search

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/warta-news/warta/analysis/topic"
)

// ErrBadQuery is wrapped by every error Parse and Query.Validate return.
var ErrBadQuery = errors.New("search: bad query")

// Query is a parsed search: what to look for in titles and bodies, and
// filters on what the store knows about each article.
type Query struct {
	// Clauses are the words and phrases; an article must match every
	// clause, except that clauses joined by OR need match only one.
	// Without clauses every article that passes the filters matches, newest
	// first.
	Clauses []Clause
	// Entities are names of entities the article must all mention;
	// Speakers are names of people it must quote (any of them).
	Entities []string
	Speakers []string
	Section  string
	Site     string // a host; its subdomains match too
	// Topics are IPTC subjects the article must all have among its
	// topics; Validate turns a label or key into the code
	// (medtop:11000000).
	Topics []string
	// From and To bound the publication date, inclusive: YYYY, YYYY-MM or
	// YYYY-MM-DD.
	From, To string
	// Sort orders the hits: ByRelevance (the default, or newest first for
	// a query without words) or ByDate, newest first.
	Sort string
	// Collapse "copies" leaves out the articles that copy or translate
	// another (the store's lineage), so that a text counts once;
	// "stories" also those telling a story an article related to them
	// told before, so that a story counts once.
	Collapse string
	Limit    int
	Offset   int
	// Warnings say how Parse read what was not quite right; they belong
	// with the results.
	Warnings []string
}

// The values of Query.Collapse: leave copies out, or every telling of a
// story but its first.
const (
	CollapseCopies  = "copies"
	CollapseStories = "stories"
)

// The orders of Query.Sort.
const (
	ByRelevance = "relevance"
	ByDate      = "date"
)

// Clause is one word or phrase of a query.
type Clause struct {
	Text    string // as typed, without quotes
	Phrase  bool   // the words in this order, next to each other
	Exclude bool   // -word: articles with it are left out
	Or      bool   // joined to the clause before it by OR
}

// MaxLimit bounds Query.Limit; DefaultLimit is used when it is 0.
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// Bounds of one query. A search costs about the square of its words (BM25
// over every phrase term), so a query is kept to what a person types.
const (
	MaxQueryBytes = 1000 // the q text
	MaxWords      = 32   // words over all clauses, phrases included
	MaxOr         = 16   // clauses joined by OR
	MaxNames      = 8    // entity and speaker filters together
	MaxNameBytes  = 200  // one filter value
)

// Parse reads a query as typed in a search box: words, "quoted phrases",
// -excluded words, OR between alternatives, and the filters entity:,
// speaker:, section:, site:, topic:, from: and to: (a value with spaces is
// quoted: entity:"Prabowo Subianto", topic:"crime, law and justice").
func Parse(s string) (Query, error) {
	var q Query
	if len(s) > MaxQueryBytes {
		return q, fmt.Errorf("%w: the query is %d bytes long, at most %d", ErrBadQuery, len(s), MaxQueryBytes)
	}
	if !utf8.ValidString(s) || strings.ContainsFunc(s, isControl) {
		return q, fmt.Errorf("%w: the query has a control character or invalid UTF-8", ErrBadQuery)
	}
	if strings.Count(s, `"`)%2 == 1 {
		q.Warnings = append(q.Warnings, "a quote is not closed: the phrase runs to the end of the query")
	}
	or := false
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimLeft(s, " \t\r\n") {
		exclude := false
		if s[0] == '-' && len(s) > 1 && s[1] != ' ' {
			exclude, s = true, s[1:]
		}
		if key, rest, ok := filterKey(s); ok && !exclude {
			value, _, after := readValue(rest)
			s = after
			q.addFilter(key, value)
			continue
		}
		text, phrase, after := readValue(s)
		s = after
		if !phrase && text == "OR" {
			or = len(q.Clauses) > 0
			continue
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		q.Clauses = append(q.Clauses, Clause{Text: text, Phrase: phrase, Exclude: exclude, Or: or && !exclude})
		or = false
	}
	return q, q.Validate()
}

var filterKeys = []string{"entity", "speaker", "section", "site", "topic", "from", "to", "collapse"}

// filterKey reports whether s starts with a known filter, "site:...".
func filterKey(s string) (key, rest string, ok bool) {
	for _, k := range filterKeys {
		if len(s) > len(k)+1 && strings.EqualFold(s[:len(k)], k) && s[len(k)] == ':' && s[len(k)+1] != ' ' {
			return k, s[len(k)+1:], true
		}
	}
	return "", "", false
}

// readValue reads a quoted phrase (to the closing quote or the end) or a
// word (to the next space).
func readValue(s string) (value string, quoted bool, rest string) {
	if r, size := utf8.DecodeRuneInString(s); r == '"' || r == '“' {
		s = s[size:]
		end := strings.IndexAny(s, `"”`)
		if end < 0 {
			return s, true, ""
		}
		_, size = utf8.DecodeRuneInString(s[end:])
		return s[:end], true, s[end+size:]
	}
	end := strings.IndexAny(s, " \t\r\n")
	if end < 0 {
		return s, false, ""
	}
	return s[:end], false, s[end:]
}

func (q *Query) addFilter(key, value string) {
	switch key {
	case "entity":
		q.Entities = append(q.Entities, value)
	case "speaker":
		q.Speakers = append(q.Speakers, value)
	case "section":
		q.Section = value
	case "site":
		q.Site = value
	case "topic":
		q.Topics = append(q.Topics, value)
	case "from":
		q.From = value
	case "to":
		q.To = value
	case "collapse":
		q.Collapse = value
	}
}

func isControl(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f }

var datePrefix = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// ValidDate reports whether s is a date bound as filters take it: YYYY,
// YYYY-MM or YYYY-MM-DD, a real month and day (or empty, no bound).
func ValidDate(s string) bool {
	if s == "" {
		return true
	}
	if !datePrefix.MatchString(s) {
		return false
	}
	layout := "2006-01-02"[:len(s)]
	_, err := time.Parse(layout, s)
	return err == nil
}

// Validate checks the dates and the page, and that a query does not only
// exclude. A zero Limit becomes DefaultLimit.
func (q *Query) Validate() error {
	for _, d := range []struct{ name, value string }{{"from", q.From}, {"to", q.To}} {
		if !ValidDate(d.value) {
			return fmt.Errorf("%w: %s date %q is not YYYY, YYYY-MM or YYYY-MM-DD", ErrBadQuery, d.name, d.value)
		}
	}
	if q.Collapse != "" && q.Collapse != CollapseCopies && q.Collapse != CollapseStories {
		return fmt.Errorf("%w: collapse %q is not %s or %s", ErrBadQuery, q.Collapse, CollapseCopies, CollapseStories)
	}
	if q.Sort != "" && q.Sort != ByRelevance && q.Sort != ByDate {
		return fmt.Errorf("%w: sort %q is not %s or %s", ErrBadQuery, q.Sort, ByRelevance, ByDate)
	}
	if q.Limit == 0 {
		q.Limit = DefaultLimit
	}
	if q.Limit < 0 || q.Limit > MaxLimit || q.Offset < 0 {
		return fmt.Errorf("%w: limit must be 1 to %d and offset not negative", ErrBadQuery, MaxLimit)
	}
	if err := q.checkSize(); err != nil {
		return err
	}
	if err := q.resolveTopics(); err != nil {
		return err
	}
	if len(q.Clauses) > 0 {
		for _, c := range q.Clauses {
			if !c.Exclude {
				return nil
			}
		}
		return fmt.Errorf("%w: a query needs a word to look for, not only words to leave out", ErrBadQuery)
	}
	return nil
}

// checkSize checks the query against its bounds.
func (q *Query) checkSize() error {
	words, or := 0, 0
	for _, c := range q.Clauses {
		words += len(strings.Fields(c.Text))
		if c.Or {
			or++
		}
	}
	switch {
	case words > MaxWords:
		return fmt.Errorf("%w: the query has %d words, at most %d", ErrBadQuery, words, MaxWords)
	case or > MaxOr:
		return fmt.Errorf("%w: the query has %d ORs, at most %d", ErrBadQuery, or, MaxOr)
	case len(q.Entities)+len(q.Speakers) > MaxNames:
		return fmt.Errorf("%w: the query has %d entity and speaker filters, at most %d", ErrBadQuery, len(q.Entities)+len(q.Speakers), MaxNames)
	}
	for _, v := range append(append([]string{q.Section, q.Site}, q.Entities...), q.Speakers...) {
		if len(v) > MaxNameBytes {
			return fmt.Errorf("%w: a filter value is %d bytes long, at most %d", ErrBadQuery, len(v), MaxNameBytes)
		}
		if strings.ContainsFunc(v, isControl) || !utf8.ValidString(v) {
			return fmt.Errorf("%w: a filter value has a control character or invalid UTF-8", ErrBadQuery)
		}
	}
	return nil
}

// resolveTopics turns each topic filter into its subject's code, once
// each, or says which is no IPTC subject.
func (q *Query) resolveTopics() error {
	var codes []string
	for _, t := range q.Topics {
		s, ok := topic.Lookup(t)
		if !ok {
			return fmt.Errorf("%w: topic %q is not an IPTC subject: give a code (medtop:11000000) or a label (politics, politik)", ErrBadQuery, t)
		}
		if !slices.Contains(codes, s.Code) {
			codes = append(codes, s.Code)
		}
	}
	q.Topics = codes
	return nil
}
