package eval

import (
	stdcontext "context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// quoteArticle is one article of the detik quote gold
// (testdata/quotes-detik.tsv): its speakers and every quotation, marked or
// reported, as code-point offsets into the record's text.
type quoteArticle struct {
	goldRef
	Speakers []quoteSpeaker
	Quotes   []detikQuote
}

// quoteSpeaker is a person or an organisation that speaks: its type and
// one span of each surface form it goes by.
type quoteSpeaker struct {
	Type  string // PER or ORG
	Forms [][2]int
}

// detikQuote is one quotation: words between double quotation marks
// (marked) or a clause reported with a cue (indirect), its speaker and the
// mention of the speaker it is attributed to.
type detikQuote struct {
	Start, End int
	Indirect   bool
	Speaker    int    // speaker number, 0 when the article names none
	At         [2]int // the speaker's mention the quotation is attributed to
}

// quoteSplits are the quote gold's parts.
var quoteSplits = goldSplits{"dev": nil, "dev2": nil, "dev3": nil, "heldout": nil, "heldout2": nil, "heldout3": nil, "heldout4": nil}

// readQuoteGold reads the quote gold file.
func readQuoteGold(name string) ([]*quoteArticle, error) {
	var arts []*quoteArticle
	open := func(fs []string) error {
		if len(fs) != 4 || !quoteSplits.part(fs[3]) {
			return errors.New("want A, article, record id, dev|dev2|dev3|heldout|heldout2|heldout3|heldout4")
		}
		arts = append(arts, &quoteArticle{goldRef: goldRef{ID: fs[1], RecordID: fs[2], Split: fs[3]}})
		return nil
	}
	row := func(fs []string, article int) error {
		a := arts[article]
		switch {
		case fs[0] == "S" && len(fs) == 5:
			num, err := strconv.Atoi(fs[2])
			if err != nil || num != len(a.Speakers)+1 {
				return errors.New("speakers are numbered 1, 2, ... in order")
			}
			if fs[3] != "PER" && fs[3] != "ORG" {
				return errors.New("a speaker is a PER or an ORG")
			}
			sp := quoteSpeaker{Type: fs[3]}
			for _, m := range strings.Split(fs[4], ",") {
				se, err := parseSpan(m)
				if err != nil {
					return err
				}
				sp.Forms = append(sp.Forms, se)
			}
			a.Speakers = append(a.Speakers, sp)
		case fs[0] == "Q" && len(fs) == 7:
			se, err := atoiFields(fs[2:4])
			if err != nil || se[0] >= se[1] {
				return errors.New("quote span")
			}
			q := detikQuote{Start: se[0], End: se[1]}
			switch fs[4] {
			case "marked":
			case "indirect":
				q.Indirect = true
			default:
				return errors.New("kind is marked or indirect")
			}
			if fs[5] != "-" {
				if q.Speaker, err = strconv.Atoi(fs[5]); err != nil || q.Speaker < 1 || q.Speaker > len(a.Speakers) {
					return errors.New("speaker is no speaker number of the article")
				}
				if q.At, err = parseSpan(fs[6]); err != nil {
					return fmt.Errorf("speaker's mention: %w", err)
				}
			} else if fs[6] != "-" {
				return errors.New("a quotation without a speaker has no speaker's mention")
			}
			a.Quotes = append(a.Quotes, q)
		default:
			return errors.New("unknown row")
		}
		return nil
	}
	if err := readGoldRows(name, "quote", open, row); err != nil {
		return nil, err
	}
	return arts, nil
}

func parseSpan(s string) ([2]int, error) {
	se, err := atoiFields(strings.Split(s, "-"))
	if err != nil || len(se) != 2 || se[0] >= se[1] {
		return [2]int{}, fmt.Errorf("%q is no start-end span", s)
	}
	return [2]int{se[0], se[1]}, nil
}

// QuoteGoldScore sums the quote gold's scores over the articles of one
// split. Marked quotations are matched as ../shared/tools/score_record.py
// matches them (the same words, compared normalised); reported clauses by
// overlap, since where a reported clause ends is a matter of reading.
type QuoteGoldScore struct {
	Split    string
	Articles int
	Marked   QuoteTally
	Reported QuoteTally
	// Extra counts predicted quotations matching no gold one: direct and
	// partial in Marked, indirect in Reported.
	Misses []string // one line per miss, for --list
}

// QuoteTally counts one kind of quotation: gold, found with the same words
// (marked) or by overlap (reported), with a speaker in the gold, and found
// with that speaker (speaker_name is one of its forms).
type QuoteTally struct {
	Gold, Found, Attributable, Attributed, Extra int
}

// Attribution is the share of gold quotations with a speaker that were
// found with that speaker, as the record scorer counts attribution.
func (t QuoteTally) Attribution() float64 { return ratio(t.Attributed, t.Attributable) }

// ScoreQuoteGold scores records against the quote gold of one split (""
// for all). Records come from the file (warta analyze --jsonl over
// detik-news/articles.jsonl) when records is not empty, otherwise the
// gold's articles are analysed here.
func ScoreQuoteGold(ctx stdcontext.Context, data, gold, split, records string) (*QuoteGoldScore, error) {
	arts, err := readQuoteGold(gold)
	if err != nil {
		return nil, err
	}
	chosen := inSplit(arts, quoteSplits, split)
	recs, err := goldRecords(ctx, data, chosen, records)
	if err != nil {
		return nil, err
	}
	s := &QuoteGoldScore{Split: split}
	for _, a := range chosen {
		rec := recs[a.RecordID]
		if rec == nil {
			return nil, fmt.Errorf("eval quotes: no record with id %s (article %s): its text is not the one annotated", a.RecordID, a.ID)
		}
		if err := s.add(a, rec); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// add scores one article.
func (s *QuoteGoldScore) add(a *quoteArticle, rec *scoredRecord) error {
	runes := []rune(rec.Text)
	inText := func(sp [2]int) bool { return sp[1] <= len(runes) }
	forms := make([][]string, len(a.Speakers))
	for i, sp := range a.Speakers {
		for _, m := range sp.Forms {
			if !inText(m) {
				return fmt.Errorf("eval quotes: article %s: speaker %d's form %d-%d beyond the text", a.ID, i+1, m[0], m[1])
			}
			forms[i] = append(forms[i], scoreNorm(string(runes[m[0]:m[1]])))
		}
	}
	used := map[int]bool{}
	for _, q := range a.Quotes {
		if !inText([2]int{q.Start, q.End}) || q.Speaker > 0 && !inText(q.At) {
			return fmt.Errorf("eval quotes: article %s: quotation %d-%d beyond the text", a.ID, q.Start, q.End)
		}
		if q.Speaker > 0 && !slices.Contains(forms[q.Speaker-1], scoreNorm(string(runes[q.At[0]:q.At[1]]))) {
			return fmt.Errorf("eval quotes: article %s: quotation %d-%d: the speaker's mention %d-%d is none of its forms", a.ID, q.Start, q.End, q.At[0], q.At[1])
		}
		t, kind := &s.Marked, "quote"
		if q.Indirect {
			t, kind = &s.Reported, "report"
		}
		t.Gold++
		if q.Speaker > 0 {
			t.Attributable++
		}
		found := -1
		for k, p := range rec.Quotes {
			if used[k] || (p.Kind == "indirect") != q.Indirect {
				continue
			}
			if q.Indirect && overlapsHalf(q.Start, q.End, p.Start, p.End) ||
				!q.Indirect && scoreNorm(p.Text) == scoreNorm(string(runes[q.Start:q.End])) {
				found = k
				break
			}
		}
		if found < 0 {
			s.Misses = append(s.Misses, fmt.Sprintf("%s\t%s at %d not found", a.ID, kind, q.Start))
			continue
		}
		used[found] = true
		t.Found++
		if q.Speaker == 0 {
			continue
		}
		got := rec.Quotes[found].SpeakerName
		if got != nil && slices.Contains(forms[q.Speaker-1], scoreNorm(*got)) {
			t.Attributed++
			continue
		}
		who := "none"
		if got != nil {
			who = *got
		}
		s.Misses = append(s.Misses, fmt.Sprintf("%s\t%s at %d: speaker %s, want %s", a.ID, kind, q.Start, who, forms[q.Speaker-1][0]))
	}
	for k, p := range rec.Quotes {
		if used[k] {
			continue
		}
		if p.Kind == "indirect" {
			s.Reported.Extra++
		} else {
			s.Marked.Extra++
		}
		s.Misses = append(s.Misses, fmt.Sprintf("%s\textra %s at %d", a.ID, p.Kind, p.Start))
	}
	s.Articles++
	return nil
}

// overlapsHalf reports whether spans [a, b) and [c, d) share at least half
// of the longer of the two.
func overlapsHalf(a, b, c, d int) bool {
	shared := min(b, d) - max(a, c)
	return shared > 0 && 2*shared >= max(b-a, d-c)
}

// WriteQuoteGoldReport prints the scores, with every miss when list is true.
func WriteQuoteGoldReport(w io.Writer, s *QuoteGoldScore, list bool) error {
	split := s.Split
	if split == "" {
		split = "all"
	}
	fmt.Fprintf(w, "detik quote gold, %s split: %d articles\n", split, s.Articles)
	for _, t := range []struct {
		name  string
		tally QuoteTally
	}{{"marked", s.Marked}, {"reported", s.Reported}} {
		fmt.Fprintf(w, "%s: found %d/%d, attribution %.3f (%d/%d with a speaker), extra %d\n",
			t.name, t.tally.Found, t.tally.Gold, t.tally.Attribution(), t.tally.Attributed, t.tally.Attributable, t.tally.Extra)
	}
	all := QuoteTally{Attributed: s.Marked.Attributed + s.Reported.Attributed, Attributable: s.Marked.Attributable + s.Reported.Attributable}
	fmt.Fprintf(w, "all: attribution %.3f (%d/%d)\n", all.Attribution(), all.Attributed, all.Attributable)
	if list {
		for _, m := range s.Misses {
			fmt.Fprintln(w, m)
		}
	}
	return nil
}
