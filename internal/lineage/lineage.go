// Package lineage tells how two stored articles are related, from their
// records' fingerprints: a copy (one takes most of its text from the
// other), the same story told separately, or a translation (a copy across
// languages, matched on names, numbers and dates). For a copy it names the
// original — the one the other credits, else the earlier published — and
// diffs the copy against it sentence by sentence.
package lineage

import (
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/warta-news/warta/analysis/fingerprint"
	"github.com/warta-news/warta/analysis/text"
)

// Kind is the kind of a relation.
type Kind string

// Relations between two articles.
const (
	Copy        Kind = "copy"
	SameStory   Kind = "same_story"
	Translation Kind = "translation"
)

// Article is what lineage reads of a stored article.
type Article struct {
	ID        int64
	URL       string
	Site      string
	Language  string
	Title     string
	Published time.Time // zero when unknown
	// Sentences are the body sentences' texts, one per fingerprint
	// sentence hash when the two line up, else nil.
	Sentences   []string
	Fingerprint fingerprint.Fingerprint
	// Quotes are the body's quotations, for aligning a translation's with
	// its source's; nil when read from compare fields.
	Quotes    []Quote
	signature []uint32
}

// recordFields are the fields of a record lineage reads.
type recordFields struct {
	Source struct {
		URL  string `json:"url"`
		Site string `json:"site"`
	} `json:"source"`
	Language struct {
		Code string `json:"code"`
	} `json:"language"`
	Title     string  `json:"title"`
	Published *string `json:"published"`
	Text      string  `json:"text"`
	Sentences []struct {
		Start int `json:"start"`
		End   int `json:"end"`
	} `json:"sentences"`
	Quotes []struct {
		Start       int     `json:"start"`
		End         int     `json:"end"`
		Kind        string  `json:"kind"`
		SpeakerName *string `json:"speaker_name"`
	} `json:"quotes"`
	Fingerprint *fingerprint.Fingerprint `json:"fingerprint"`
}

// ErrNoFingerprint is returned for a record made before fingerprints.
var ErrNoFingerprint = fmt.Errorf("lineage: the record has no fingerprint")

// FromRecord reads an Article from a record (JSON, the record contract).
func FromRecord(id int64, record []byte) (*Article, error) {
	var r recordFields
	if err := json.Unmarshal(record, &r); err != nil {
		return nil, fmt.Errorf("lineage: read record: %w", err)
	}
	if r.Fingerprint == nil {
		return nil, ErrNoFingerprint
	}
	sig, err := fingerprint.DecodeMinHash(r.Fingerprint.MinHash)
	if err != nil {
		return nil, err
	}
	a := &Article{ID: id, URL: r.Source.URL, Site: r.Source.Site, Language: r.Language.Code, Title: r.Title,
		Fingerprint: *r.Fingerprint, signature: sig}
	if r.Published != nil {
		a.Published = parseTime(*r.Published)
	}
	runes := []rune(r.Text)
	titleEnd := utf8.RuneCountInString(r.Title)
	var body []string
	for _, s := range r.Sentences {
		if r.Title != "" && s.Start < titleEnd || s.Start < 0 || s.End > len(runes) || s.Start >= s.End {
			continue
		}
		t := string(runes[s.Start:s.End])
		if strings.IndexFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			body = append(body, t)
		}
	}
	if len(body) == len(a.Fingerprint.Sentences) {
		a.Sentences = body
	}
	bodyStart := 0
	if r.Title != "" {
		bodyStart = titleEnd
	}
	a.Quotes = quotesOf(&r, runes, bodyStart)
	return a, nil
}

func parseTime(s string) time.Time {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t
	}
	if t, err := time.ParseInLocation(time.DateOnly, s, time.FixedZone("WIB", 7*3600)); err == nil {
		return t
	}
	return time.Time{}
}

// Signature is the article's MinHash signature.
func (a *Article) Signature() []uint32 { return a.signature }

// Relation is how two articles are related, with its evidence.
type Relation struct {
	Kind Kind `json:"relation"`
	// Original is the ID of the article the other copies or translates;
	// 0 for the same story told separately.
	Original int64 `json:"original,omitempty"`
	// SharedSentences is the share of the copy's body sentences (of the
	// shorter article's, for a story) found word for word in the other.
	SharedSentences float64 `json:"shared_sentences"`
	// Jaccard is the MinHash estimate of the two bodies' shingle sets'
	// Jaccard similarity; Containment the estimated share of the copy's
	// shingles found in the other.
	Jaccard     float64 `json:"jaccard"`
	Containment float64 `json:"containment"`
	// Shared anchors of the language-independent fingerprint.
	SharedNames         []string `json:"shared_names"`
	SharedNumbers       []string `json:"shared_numbers"`
	SharedDates         []string `json:"shared_dates"`
	SharedQuotedNumbers []string `json:"shared_quoted_numbers"`
	// SharedHeadlineWords are the content words both headlines give, for
	// a story.
	SharedHeadlineWords []string `json:"shared_headline_words,omitempty"`
	// Credited says whether the copy credits its original's outlet; an
	// uncredited copy is a content-farm reason.
	Credited bool `json:"credited"`
	// Diff is the copy against its original.
	Diff *Diff `json:"diff,omitempty"`
	// AlignedQuotes are a translation's quotes beside the quotes of its
	// source they render.
	AlignedQuotes []AlignedQuote `json:"aligned_quotes,omitempty"`
}

// Thresholds, set while reading the labelled detik-news pairs
// (internal/eval/testdata/copies-detik.tsv); the story rule's on its dev
// half only (eval.CopySplit), unseen articles are the test.
const (
	// copyCoverage is the least share of the copy's text, in shingles or
	// sentences, taken from its original.
	copyCoverage = 0.6
	// storyWindow bounds the publication gap of one story's or one
	// translation's articles.
	storyWindow = 3 * 24 * time.Hour
	// storyText is the most text two separate tellings of a story share;
	// beyond it, and short of a copy, one reuses the other's background
	// (a round-up quoting a report, a follow-up repeating its lead).
	storyText = 0.45
	// storyNameShare: the shared names are half of the shorter's names.
	storyNameShare = 0.5
	// Then either the facts agree — storyFigures shared figures, with
	// storyNameJaccard of both articles' names — or the headlines say the
	// same thing: storyHeadlineWords content words of them, with
	// storyHeadlineJaccard of the names and a figure.
	storyFigures         = 4
	storyNameJaccard     = 0.25
	storyHeadlineWords   = 3
	storyHeadlineJaccard = 0.5
)

// Compare tells how a and b are related, or returns false.
func Compare(a, b *Article) (Relation, bool) {
	if a.Language != b.Language && a.Language != "" && b.Language != "" && a.Language != "und" && b.Language != "und" {
		return translation(a, b)
	}
	orig, cp := original(a, b)
	r := Relation{Jaccard: fingerprint.EstimateJaccard(a.signature, b.signature)}
	r.SharedSentences = sharedShare(cp.Fingerprint.Sentences, orig.Fingerprint.Sentences)
	r.Containment = containment(r.Jaccard, cp.Fingerprint.Shingles, orig.Fingerprint.Shingles)
	anchors(&r, a, b)
	if max(r.Containment, r.SharedSentences) >= copyCoverage {
		r.Kind, r.Original = Copy, orig.ID
		r.Credited = credits(cp, orig)
		r.Diff = diff(orig, cp)
		return r, true
	}
	if !withinWindow(a, b) {
		return Relation{}, false
	}
	small := min(len(a.Fingerprint.Names), len(b.Fingerprint.Names))
	if small == 0 {
		return Relation{}, false
	}
	// The same event told separately, with little shared text: most of its
	// people and places, and its figures or a headline saying the same
	// thing. Names alone do not tell an event from a reaction to it or a
	// later turn (the same people, other news); how rare they are did not
	// either, on the labelled pairs. Another finding of one briefing, a
	// reaction, shares one or two of the figures; one telling of the
	// event's, most of them. The day alone is no evidence: every article
	// of a day gives it.
	nameShare := float64(len(r.SharedNames)) / float64(small)
	union := len(a.Fingerprint.Names) + len(b.Fingerprint.Names) - len(r.SharedNames)
	nameJaccard := float64(len(r.SharedNames)) / float64(union)
	figures := len(r.SharedNumbers) + len(r.SharedQuotedNumbers)
	r.SharedHeadlineWords = intersect(headlineWords(a.Title), headlineWords(b.Title))
	// Little text either way: a round-up may hold all of a short report.
	shared := max(r.Containment, containment(r.Jaccard, orig.Fingerprint.Shingles, cp.Fingerprint.Shingles))
	facts := figures >= storyFigures && nameJaccard >= storyNameJaccard
	headline := len(r.SharedHeadlineWords) >= storyHeadlineWords && nameJaccard >= storyHeadlineJaccard && figures >= 1
	if shared < storyText && nameShare >= storyNameShare && (facts || headline) {
		r.Kind = SameStory
		r.SharedSentences = sharedShare(shorter(a, b).Fingerprint.Sentences, longer(a, b).Fingerprint.Sentences)
		return r, true
	}
	return Relation{}, false
}

// stopwords are the words a headline shares with any other.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, row := range text.Rows(text.StopwordsFile) {
		m[row[0]] = true
	}
	return m
}()

// headlineWords are a headline's content words, lowered, of three letters
// or more and not stopwords, sorted and without repeats.
func headlineWords(title string) []string {
	var out []string
	for w := range strings.FieldsFuncSeq(strings.ToLower(title), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) >= 3 && !stopwords[w] {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// translation matches articles in two languages on the language-independent
// fingerprint: most of the translation's names, and a day or a figure, with
// no day of the one missing from the other.
func translation(a, b *Article) (Relation, bool) {
	if !withinWindow(a, b) {
		return Relation{}, false
	}
	var r Relation
	anchors(&r, a, b)
	small := min(len(a.Fingerprint.Names), len(b.Fingerprint.Names))
	if small == 0 || len(r.SharedNames) < 3 || float64(len(r.SharedNames)) < 0.3*float64(small) {
		return Relation{}, false
	}
	if len(r.SharedNumbers)+len(r.SharedDates)+len(r.SharedQuotedNumbers) < 2 {
		return Relation{}, false
	}
	if da, db := days(a.Fingerprint.Dates), days(b.Fingerprint.Dates); len(da) > 0 && len(db) > 0 && len(intersect(da, db)) == 0 {
		return Relation{}, false // reports of another day
	}
	// The original is the one in the other language than Indonesian.
	src, dst := b, a
	if a.Language != "id" && b.Language == "id" {
		src, dst = a, b
	}
	r.Kind, r.Original = Translation, src.ID
	r.Credited = credits(dst, src)
	r.AlignedQuotes = AlignQuotes(dst.Quotes, src.Quotes)
	return r, true
}

func days(dates []string) []string {
	var out []string
	for _, d := range dates {
		if len(d) == len("2006-01-02") {
			out = append(out, d)
		}
	}
	return out
}

func withinWindow(a, b *Article) bool {
	if a.Published.IsZero() || b.Published.IsZero() {
		return true
	}
	d := a.Published.Sub(b.Published)
	return d.Abs() <= storyWindow
}

func anchors(r *Relation, a, b *Article) {
	r.SharedNames = intersect(a.Fingerprint.Names, b.Fingerprint.Names)
	r.SharedNumbers = intersect(a.Fingerprint.Numbers, b.Fingerprint.Numbers)
	r.SharedDates = intersect(a.Fingerprint.Dates, b.Fingerprint.Dates)
	r.SharedQuotedNumbers = intersect(a.Fingerprint.QuotedNumbers, b.Fingerprint.QuotedNumbers)
}

// intersect returns the values in both sorted lists.
func intersect(a, b []string) []string {
	out := []string{}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch strings.Compare(a[i], b[j]) {
		case 0:
			out = append(out, a[i])
			i++
			j++
		case -1:
			i++
		default:
			j++
		}
	}
	return out
}

// sharedShare is the share of hashes of from found in to.
func sharedShare(from, to []string) float64 {
	if len(from) == 0 {
		return 0
	}
	set := make(map[string]bool, len(to))
	for _, h := range to {
		set[h] = true
	}
	n := 0
	for _, h := range from {
		if set[h] {
			n++
		}
	}
	return round(float64(n) / float64(len(from)))
}

// containment estimates |C ∩ O| / |C| from the Jaccard estimate and the
// sets' sizes: |C ∩ O| = J (|C| + |O|) / (1 + J).
func containment(j float64, copySize, origSize int) float64 {
	if copySize == 0 {
		return 0
	}
	return round(min(1, j*float64(copySize+origSize)/(1+j)/float64(copySize)))
}

func round(x float64) float64 { return math.Round(x*1000) / 1000 }

func shorter(a, b *Article) *Article {
	if len(b.Fingerprint.Sentences) < len(a.Fingerprint.Sentences) {
		return b
	}
	return a
}

func longer(a, b *Article) *Article {
	if shorter(a, b) == a {
		return b
	}
	return a
}

// original returns the original and the copy of a pair: the one the other
// credits, else the one published first, else the one stored first.
func original(a, b *Article) (orig, cp *Article) {
	ab, ba := credits(a, b), credits(b, a)
	switch {
	case ab && !ba:
		return b, a
	case ba && !ab:
		return a, b
	}
	if !a.Published.IsZero() && !b.Published.IsZero() && !a.Published.Equal(b.Published) {
		if a.Published.Before(b.Published) {
			return a, b
		}
		return b, a
	}
	if b.ID < a.ID {
		return b, a
	}
	return a, b
}

// credits reports whether cp credits orig's outlet: a credit of cp names
// orig's site (detikNews is news.detik.com, detikJabar detik.com/jabar,
// ANTARA antaranews.com), and cp is not on that site itself.
func credits(cp, orig *Article) bool {
	labels := siteLabels(orig)
	own := siteLabels(cp)
	for _, c := range cp.Fingerprint.Credits {
		if names(c, labels) && !names(c, own) {
			return true
		}
	}
	return false
}

// siteLabels are the words of an article's host and the first segment of
// its path: news.detik.com gives news and detik; www.detik.com/jabar/...
// gives detik and jabar.
func siteLabels(a *Article) []string {
	var out []string
	u, err := url.Parse(a.URL)
	host := a.Site
	if err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	for l := range strings.SplitSeq(strings.ToLower(host), ".") {
		switch l {
		case "", "www", "com", "co", "id", "net", "org", "or", "go", "ac":
		default:
			out = append(out, l)
		}
	}
	if err == nil {
		if seg, _, _ := strings.Cut(strings.TrimPrefix(u.Path, "/"), "/"); seg != "" && !strings.ContainsAny(seg, ".-") {
			out = append(out, strings.ToLower(seg))
		}
	}
	return out
}

// names reports whether an outlet key names a site with these labels: a
// label, two labels run together (detik + news), or a label with a
// generic ending (antara for antaranews, kompas for kompascom).
func names(key string, labels []string) bool {
	if key == "" {
		return false
	}
	for _, l := range labels {
		if key == l {
			return true
		}
		if rest, ok := strings.CutPrefix(l, key); ok && len(key) >= 4 && slices.Contains([]string{"news", "com", "online", "tv", "daily"}, rest) {
			return true
		}
		if rest, ok := strings.CutPrefix(key, l); ok && len(l) >= 4 && (slices.Contains([]string{"com", "coid", "id"}, rest) || slices.Contains(labels, rest)) {
			return true
		}
	}
	return false
}
