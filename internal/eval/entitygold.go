package eval

import (
	"bufio"
	stdcontext "context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/warta-news/warta/analysis"
)

// goldArticle is one article of the within-article gold: its entities and
// quotes as offsets into the record's text.
type goldArticle struct {
	goldRef
	Entities []articleEntity
	Quotes   []articleQuote
}

// goldRef names an annotated article of a within-article gold (entities,
// quotes): its detik id, the id of the record whose text was annotated,
// and its split.
type goldRef struct{ ID, RecordID, Split string }

func (r goldRef) ref() goldRef { return r }

// annotated is an article of a within-article gold.
type annotated interface{ ref() goldRef }

// goldSplits names the splits of a within-article gold: each part an A
// row may be in (a nil value), and unions of parts scored together.
type goldSplits map[string][]string

// entitySplits are the entity gold's: tune is the parts rules are tuned on.
var entitySplits = goldSplits{"dev": nil, "dev2": nil, "test": nil, "test2": nil, "test3": nil, "test4": nil, "tune": {"dev", "dev2"}}

// part reports whether s is a part an article may be in.
func (g goldSplits) part(s string) bool {
	p, ok := g[s]
	return ok && p == nil
}

// inSplit keeps the articles of split, one of splits' names; "" keeps all.
func inSplit[A annotated](arts []A, splits goldSplits, split string) []A {
	parts := splits[split]
	if parts == nil {
		parts = []string{split}
	}
	var in []A
	for _, a := range arts {
		if split == "" || slices.Contains(parts, a.ref().Split) {
			in = append(in, a)
		}
	}
	return in
}

type articleEntity struct {
	Types    []string // the first is the type, the rest are also accepted
	Country  string
	Optional bool
	Mentions [][2]int // code-point spans
}

type articleQuote struct {
	Start, End int
	Speaker    int // entity number, 0 for none
}

// readEntityGold reads the gold fixture.
func readEntityGold(name string) ([]*goldArticle, error) {
	var arts []*goldArticle
	open := func(fs []string) error {
		if len(fs) != 4 || !entitySplits.part(fs[3]) {
			return errors.New("want A, article, record id, dev|dev2|test|test2|test3|test4")
		}
		arts = append(arts, &goldArticle{goldRef: goldRef{ID: fs[1], RecordID: fs[2], Split: fs[3]}})
		return nil
	}
	row := func(fs []string, article int) error {
		a := arts[article]
		switch {
		case fs[0] == "E" && len(fs) == 7:
			num, err := strconv.Atoi(fs[2])
			if err != nil || num != len(a.Entities)+1 {
				return errors.New("entities are numbered 1, 2, ... in order")
			}
			e := articleEntity{Types: strings.Split(fs[3], "/"), Optional: fs[5] == "opt"}
			if fs[4] != "-" {
				e.Country = fs[4]
			}
			for _, m := range strings.Split(fs[6], ",") {
				se, err := parseSpan(m)
				if err != nil {
					return fmt.Errorf("mention: %w", err)
				}
				e.Mentions = append(e.Mentions, se)
			}
			a.Entities = append(a.Entities, e)
		case fs[0] == "Q" && len(fs) == 5:
			se, err := atoiFields(fs[2:4])
			if err != nil || se[0] >= se[1] {
				return errors.New("quote span")
			}
			q := articleQuote{Start: se[0], End: se[1]}
			if fs[4] != "-" {
				if q.Speaker, err = strconv.Atoi(fs[4]); err != nil || q.Speaker < 1 || q.Speaker > len(a.Entities) {
					return errors.New("speaker is no entity number of the article")
				}
			}
			a.Quotes = append(a.Quotes, q)
		default:
			return errors.New("unknown row")
		}
		return nil
	}
	if err := readGoldRows(name, "entity", open, row); err != nil {
		return nil, err
	}
	return arts, nil
}

// scoredRecord is what the gold scoring reads of a record: its entities
// as the identity counts read them, its text and its quotes.
type scoredRecord struct {
	EntityRecord
	Text   string `json:"text"`
	Quotes []struct {
		Text        string  `json:"text"`
		Start       int     `json:"start"`
		End         int     `json:"end"`
		Kind        string  `json:"kind"`
		SpeakerName *string `json:"speaker_name"`
	} `json:"quotes"`
}

// EntityGoldScore sums the within-article scores over the articles of one
// split, counted as ../shared/tools/score_record.py counts one article.
type EntityGoldScore struct {
	Split    string
	Articles int

	// Entities: a prediction matches a required gold entity when its name
	// or a mention equals one of the gold surface forms (compared as the
	// scorer normalises them) and its type is accepted; each matches once.
	// Unmatched predictions, other than those matching an optional gold
	// entity, are false positives.
	Gold, Predicted, Matched int
	// MacroF1 is the mean of the articles' entity F1.
	MacroF1 float64
	// Forms counts the gold entities' distinct surface forms, FormsFound
	// those that are the name or a mention of the entity matched to it.
	Forms, FormsFound int
	// Countries counts required gold entities with a country, CountryRight
	// those whose match has that country.
	Countries, CountryRight int
	// Quotes counts gold quotations, QuotesFound those a prediction gives
	// with the same words, Attributable those with a gold speaker and
	// Attributed those found with it (speaker_name is a form of it).
	Quotes, QuotesFound, Attributable, Attributed int
	// ExtraQuotes counts direct and partial predictions matching no gold
	// quotation.
	ExtraQuotes int

	Misses []string // one line per miss, for --list
}

// F1 is the entity F1 over the split's summed counts.
func (s *EntityGoldScore) F1() float64 {
	return PRF{s.Matched, s.Predicted, s.Gold}.F1()
}

// scoreNorm normalises a surface form as the record scorer does: NFKC,
// straight quotes, one space, no punctuation at the ends, case folded.
func scoreNorm(s string) string {
	s = norm.NFKC.String(s)
	s = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'").Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, " \"'.,;:!?-\u2013\u2014")
	return strings.ToLower(s)
}

// ScoreEntityGold scores records against the gold of one split ("dev",
// "dev2", "tune" for both, "test", "test2", "test3", "test4" or "" for
// all). Records come from the file (warta analyze --jsonl over
// detik-news/articles.jsonl) when records is not empty, otherwise the
// gold's articles are analysed here.
func ScoreEntityGold(ctx stdcontext.Context, data, gold, split, records string) (*EntityGoldScore, error) {
	arts, err := readEntityGold(gold)
	if err != nil {
		return nil, err
	}
	chosen := inSplit(arts, entitySplits, split)
	recs, err := goldRecords(ctx, data, chosen, records)
	if err != nil {
		return nil, err
	}
	return scoreGold(chosen, recs, split)
}

// goldRecords gives the records of the gold articles by record id, read
// from the records file or, without one, analysed here.
func goldRecords[A annotated](ctx stdcontext.Context, data string, arts []A, records string) (map[string]*scoredRecord, error) {
	want := map[string]bool{}
	for _, a := range arts {
		want[a.ref().RecordID] = true
	}
	recs := map[string]*scoredRecord{}
	if records != "" {
		return recs, readScoredRecords(records, want, recs)
	}
	detik, err := readDetik(data)
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for _, a := range arts {
		ids[a.ref().ID] = true
	}
	for _, d := range detik {
		if !ids[d.ID] {
			continue
		}
		rec, err := analysis.Analyze(ctx, analysis.Input{Title: d.Title, Body: d.Body, URL: d.URL, Published: d.Published})
		if err != nil {
			return nil, fmt.Errorf("eval entities: article %s: %w", d.ID, err)
		}
		raw, err := json.Marshal(rec)
		if err != nil {
			return nil, err
		}
		var sr scoredRecord
		if err := json.Unmarshal(raw, &sr); err != nil {
			return nil, err
		}
		recs[sr.ID] = &sr
	}
	return recs, nil
}

// scoreGold scores the records of the gold articles.
func scoreGold(arts []*goldArticle, recs map[string]*scoredRecord, split string) (*EntityGoldScore, error) {
	s := &EntityGoldScore{Split: split}
	for _, a := range arts {
		rec := recs[a.RecordID]
		if rec == nil {
			return nil, fmt.Errorf("eval entities: no record with id %s (article %s): its text is not the one annotated", a.RecordID, a.ID)
		}
		if err := s.add(a, rec); err != nil {
			return nil, err
		}
	}
	if s.Articles > 0 {
		s.MacroF1 /= float64(s.Articles)
	}
	return s, nil
}

func readScoredRecords(name string, want map[string]bool, out map[string]*scoredRecord) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("eval entities: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		var id struct{ ID string }
		if err := json.Unmarshal(sc.Bytes(), &id); err != nil {
			return fmt.Errorf("eval entities: %s record %d: %w", name, n, err)
		}
		if !want[id.ID] {
			continue
		}
		var r scoredRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return fmt.Errorf("eval entities: %s record %d: %w", name, n, err)
		}
		out[r.ID] = &r
	}
	return sc.Err()
}

// add scores one article.
func (s *EntityGoldScore) add(a *goldArticle, rec *scoredRecord) error {
	runes := []rune(rec.Text)
	forms := make([][]string, len(a.Entities))
	for i, e := range a.Entities {
		for _, m := range e.Mentions {
			if m[1] > len(runes) {
				return fmt.Errorf("eval entities: article %s: mention %d-%d beyond the text", a.ID, m[0], m[1])
			}
			f := scoreNorm(string(runes[m[0]:m[1]]))
			if !slices.Contains(forms[i], f) {
				forms[i] = append(forms[i], f)
			}
		}
	}
	predForms := make([][]string, len(rec.Entities))
	for j, p := range rec.Entities {
		predForms[j] = []string{scoreNorm(p.Name)}
		for _, m := range p.Mentions {
			predForms[j] = append(predForms[j], scoreNorm(m.Text))
		}
	}
	matches := func(i, j int) bool {
		if !slices.Contains(a.Entities[i].Types, rec.Entities[j].Type) {
			return false
		}
		for _, f := range forms[i] {
			if slices.Contains(predForms[j], f) {
				return true
			}
		}
		return false
	}
	name := func(i int) string { return forms[i][0] }
	used := map[int]bool{}
	first := make([]int, len(a.Entities)) // first matching prediction, as the scorer's mention and country checks take it
	tp, gold := 0, 0
	for _, optional := range []bool{false, true} {
		for i, e := range a.Entities {
			if e.Optional != optional {
				continue
			}
			first[i] = -1
			for j := range rec.Entities {
				if matches(i, j) {
					first[i] = j
					break
				}
			}
			if !optional {
				gold++
			}
			hit := false
			for j := range rec.Entities {
				if !used[j] && matches(i, j) {
					used[j] = true
					hit = true
					break
				}
			}
			if optional {
				continue
			}
			if hit {
				tp++
			} else {
				s.Misses = append(s.Misses, fmt.Sprintf("%s\tmissed %s %s", a.ID, e.Types[0], name(i)))
			}
		}
	}
	npred := tp
	for j, p := range rec.Entities {
		if !used[j] {
			npred++
			s.Misses = append(s.Misses, fmt.Sprintf("%s\tspurious %s %s", a.ID, p.Type, p.Name))
		}
	}
	s.Articles++
	s.Gold += gold
	s.Matched += tp
	s.Predicted += npred
	s.MacroF1 += PRF{tp, npred, gold}.F1()
	for i, e := range a.Entities {
		if e.Optional {
			continue
		}
		j := first[i]
		for _, f := range forms[i] {
			s.Forms++
			if j >= 0 && slices.Contains(predForms[j], f) {
				s.FormsFound++
			} else if j >= 0 {
				s.Misses = append(s.Misses, fmt.Sprintf("%s\tform %q not a mention of %s", a.ID, f, rec.Entities[j].Name))
			}
		}
		if e.Country == "" {
			continue
		}
		s.Countries++
		if j >= 0 && rec.Entities[j].Country == e.Country {
			s.CountryRight++
		} else if j >= 0 {
			s.Misses = append(s.Misses, fmt.Sprintf("%s\tcountry %s %q for %s", a.ID, rec.Entities[j].Name, rec.Entities[j].Country, e.Country))
		}
	}
	usedQ := map[int]bool{}
	for _, q := range a.Quotes {
		s.Quotes++
		gt := scoreNorm(string(runes[q.Start:q.End]))
		if q.Speaker > 0 {
			s.Attributable++
		}
		found := -1
		for k, p := range rec.Quotes {
			if !usedQ[k] && scoreNorm(p.Text) == gt {
				found = k
				break
			}
		}
		if found < 0 {
			s.Misses = append(s.Misses, fmt.Sprintf("%s\tquote at %d not found", a.ID, q.Start))
			continue
		}
		usedQ[found] = true
		s.QuotesFound++
		if q.Speaker == 0 {
			continue
		}
		got := rec.Quotes[found].SpeakerName
		if got != nil && slices.Contains(forms[q.Speaker-1], scoreNorm(*got)) {
			s.Attributed++
		} else {
			who := "none"
			if got != nil {
				who = *got
			}
			s.Misses = append(s.Misses, fmt.Sprintf("%s\tquote at %d: speaker %s, want %s", a.ID, q.Start, who, name(q.Speaker-1)))
		}
	}
	for k, p := range rec.Quotes {
		if !usedQ[k] && p.Kind != "indirect" {
			s.ExtraQuotes++
		}
	}
	return nil
}

// WriteEntityGoldReport prints the scores, with every miss when list is
// true.
func WriteEntityGoldReport(w io.Writer, s *EntityGoldScore, list bool) error {
	split := s.Split
	if split == "" {
		split = "all"
	}
	e := PRF{s.Matched, s.Predicted, s.Gold}
	fmt.Fprintf(w, "within-article gold, %s split: %d articles\n", split, s.Articles)
	fmt.Fprintf(w, "entities: gold %d, predicted %d, matched %d: P %.3f R %.3f F1 %.3f (mean of articles' F1 %.3f)\n",
		s.Gold, s.Predicted, s.Matched, e.Precision(), e.Recall(), e.F1(), s.MacroF1)
	fmt.Fprintf(w, "mention recall %.3f (%d/%d forms), country %.3f (%d/%d)\n",
		ratio(s.FormsFound, s.Forms), s.FormsFound, s.Forms, ratio(s.CountryRight, s.Countries), s.CountryRight, s.Countries)
	fmt.Fprintf(w, "quotes: found %d/%d, attribution %.3f (%d/%d with a speaker), extra direct/partial %d\n",
		s.QuotesFound, s.Quotes, ratio(s.Attributed, s.Attributable), s.Attributed, s.Attributable, s.ExtraQuotes)
	if list {
		for _, m := range s.Misses {
			fmt.Fprintln(w, m)
		}
	}
	return nil
}
