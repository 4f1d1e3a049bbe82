// Package search is the store-independent part of full-text search: the
// Analyzer that turns text into index terms (words, stopwords dropped,
// stemmed), the query language, and the results with their highlighted
// snippets. A store runs the search in its own engine (SQLite FTS5 with the
// Analyzer as its tokenizer; PostgreSQL over pre-analysed terms).
package search

// Results is one page of a search.
type Results struct {
	Total int `json:"total"` // hits over all pages
	// Estimated says that Total is an estimate: the store counted hits
	// only up to a bound, and there were more.
	Estimated bool  `json:"estimated,omitempty"`
	Hits      []Hit `json:"hits"`
	// Warnings explain an empty or surprising result, e.g. a word that is a
	// stopword and so cannot be searched.
	Warnings []string `json:"warnings,omitempty"`
}

// Hit is one article that matches, with the title of its current version
// and a snippet of its body.
type Hit struct {
	ID        int64   `json:"id"`
	Title     string  `json:"title"`
	URL       string  `json:"url,omitempty"`
	Site      string  `json:"site,omitempty"`
	Section   string  `json:"section,omitempty"`
	Published string  `json:"published,omitempty"`
	Score     float64 `json:"score"` // BM25, higher is better; 0 without words
	// Snippet is HTML: the text escaped, the matching words in <mark>.
	Snippet string `json:"snippet"`
}
