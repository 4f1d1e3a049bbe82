package eval

import (
	"bufio"
	stdcontext "context"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/internal/lineage"
)

// CopyLabel is one labelled pair of the copies fixture.
type CopyLabel struct {
	A, B     int64
	Label    string // copy, same_story, related, unrelated
	Original string // an id, "=" (either: the same page), or "-"
	Split    string // dev or test (CopySplit)
}

// The halves of the copies fixture.
const (
	Dev  = "dev"
	Test = "test"
)

// CopySplit puts each labelled pair in dev or test by its story, so that
// no story is in both halves, and returns the half of any pair (a, b), a
// < b, labelled or not: articles are joined by every label but unrelated
// (an article in no labelled pair is a story of its own), a pair belongs
// to the story of its smaller id, and a story whose smallest article id,
// in decimal, has an even CRC-32 is dev.
func CopySplit(labels []CopyLabel) func(a int64) string {
	parent := map[int64]int64{}
	var find func(int64) int64
	find = func(x int64) int64 {
		p, ok := parent[x]
		if !ok || p == x {
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	for _, l := range labels {
		ra, rb := find(l.A), find(l.B)
		if l.Label != "unrelated" && ra != rb {
			// The smaller id is the root: a story's root is its smallest
			// article.
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	split := func(a int64) string {
		if crc32.ChecksumIEEE([]byte(strconv.FormatInt(find(a), 10)))%2 == 0 {
			return Dev
		}
		return Test
	}
	for i := range labels {
		labels[i].Split = split(labels[i].A)
	}
	return split
}

// ReadCopyLabels reads the copies fixture: a, b, label, original, note.
func ReadCopyLabels(path string) ([]CopyLabel, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval copies: %w", err)
	}
	var out []CopyLabel
	for n, row := range text.Rows(string(data)) {
		if len(row) < 4 {
			return nil, fmt.Errorf("eval copies: %s:%d: want a, b, label, original", path, n)
		}
		a, err1 := strconv.ParseInt(row[0], 10, 64)
		b, err2 := strconv.ParseInt(row[1], 10, 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("eval copies: %s:%d: ids must be numbers", path, n)
		}
		out = append(out, CopyLabel{A: min(a, b), B: max(a, b), Label: row[2], Original: row[3]})
	}
	CopySplit(out)
	return out, nil
}

// CopyScore is the linker against the labelled pairs.
type CopyScore struct {
	// Split is the half of the labelled pairs scored: dev, test or "" for
	// both.
	Split              string
	Articles, Labelled int
	// Predicted counts the relations found over all pairs, labelled or not.
	Predicted map[lineage.Kind]int
	// Per label: how many pairs, and how many of them were found as each
	// relation ("" for none).
	Confusion              map[string]map[lineage.Kind]int
	CopyTP, CopyFP, CopyFN int
	// OriginalRight counts the true copies whose original was named right
	// (a same page scraped twice at the same time counts as right either
	// way: SameTime of them).
	OriginalRight, SameTime   int
	StoryTP, StoryFP, StoryFN int
	// StoryUnjudged are same_story relations found between pairs nobody
	// labelled (text containment under 0.1).
	StoryUnjudged int
	// Errors lists the wrong and missed copies and the related pairs taken
	// for copies, with their evidence.
	Errors []string
}

// Copies analyses the articles of a detik-news JSON Lines file, links each
// with the others through the lineage index, and scores the relations
// against the labelled pairs of one half (split dev or test; "" for all).
// A relation found between unlabelled pairs counts against the half of
// its smaller id's story when that story has labelled pairs there.
func Copies(ctx stdcontext.Context, articles, labels, split string) (*CopyScore, error) {
	all, err := ReadCopyLabels(labels)
	if err != nil {
		return nil, err
	}
	if split != "" && split != Dev && split != Test {
		return nil, fmt.Errorf("eval copies: split %q: want dev, test or none", split)
	}
	half := CopySplit(all)
	in := func(a int64) bool { return split == "" || half(a) == split }
	gold := slices.DeleteFunc(slices.Clone(all), func(l CopyLabel) bool { return split != "" && l.Split != split })
	f, err := os.Open(articles)
	if err != nil {
		return nil, fmt.Errorf("eval copies: %w", err)
	}
	defer f.Close()
	idx := lineage.NewIndex()
	found := map[[2]int64]lineage.Relation{}
	n := 0
	dec := json.NewDecoder(bufio.NewReader(f))
	for ; dec.More(); n++ {
		var a struct{ ID, Title, URL, Published, Body string }
		if err := dec.Decode(&a); err != nil {
			return nil, fmt.Errorf("eval copies: %s: article %d: %w", articles, n+1, err)
		}
		id, err := strconv.ParseInt(a.ID, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("eval copies: article %d: id %q is not a number", n+1, a.ID)
		}
		rec, err := analysis.Analyze(ctx, analysis.Input{Title: a.Title, Body: a.Body, URL: a.URL, Published: a.Published})
		if err != nil {
			return nil, fmt.Errorf("eval copies: article %s: %w", a.ID, err)
		}
		raw, err := json.Marshal(rec)
		if err != nil {
			return nil, err
		}
		la, err := lineage.FromRecord(id, raw)
		if err != nil {
			return nil, fmt.Errorf("eval copies: article %s: %w", a.ID, err)
		}
		// Each article is linked with those before it, as the store links
		// an article when it arrives.
		rels, err := idx.Link(ctx, la)
		if err != nil {
			return nil, err
		}
		for other, r := range rels {
			if in(min(id, other)) {
				found[[2]int64{min(id, other), max(id, other)}] = r
			}
		}
		idx.Add(la)
	}
	score := scoreCopies(n, gold, found)
	score.Split = split
	return score, nil
}

func scoreCopies(articles int, gold []CopyLabel, found map[[2]int64]lineage.Relation) *CopyScore {
	s := &CopyScore{Articles: articles, Labelled: len(gold), Predicted: map[lineage.Kind]int{}, Confusion: map[string]map[lineage.Kind]int{}}
	labelled := map[[2]int64]CopyLabel{}
	for _, g := range gold {
		labelled[[2]int64{g.A, g.B}] = g
	}
	for k, r := range found {
		s.Predicted[r.Kind]++
		g, ok := labelled[k]
		switch {
		case r.Kind == lineage.Copy && (!ok || g.Label != "copy"):
			s.CopyFP++
			s.Errors = append(s.Errors, fmt.Sprintf("%d-%d %s taken for a copy: %s", k[0], k[1], cmpOr(g.Label, "unlabelled"), evidence(r)))
		case r.Kind == lineage.SameStory && !ok:
			s.StoryUnjudged++
			s.Errors = append(s.Errors, fmt.Sprintf("%d-%d unlabelled same_story: %s", k[0], k[1], evidence(r)))
		case r.Kind == lineage.SameStory && g.Label != "same_story":
			s.StoryFP++
			s.Errors = append(s.Errors, fmt.Sprintf("%d-%d %s taken for the same story: %s", k[0], k[1], g.Label, evidence(r)))
		}
	}
	for _, g := range gold {
		k := [2]int64{g.A, g.B}
		r, ok := found[k]
		if s.Confusion[g.Label] == nil {
			s.Confusion[g.Label] = map[lineage.Kind]int{}
		}
		s.Confusion[g.Label][r.Kind]++
		switch g.Label {
		case "copy":
			if !ok || r.Kind != lineage.Copy {
				s.CopyFN++
				s.Errors = append(s.Errors, fmt.Sprintf("%d-%d copy missed (found %q): %s", g.A, g.B, r.Kind, evidence(r)))
				continue
			}
			s.CopyTP++
			switch {
			case g.Original == "=":
				s.OriginalRight++
				s.SameTime++
			case strconv.FormatInt(r.Original, 10) == g.Original:
				s.OriginalRight++
			default:
				s.Errors = append(s.Errors, fmt.Sprintf("%d-%d copy with original %d, labelled %s", g.A, g.B, r.Original, g.Original))
			}
		case "same_story":
			if ok && r.Kind == lineage.SameStory {
				s.StoryTP++
			} else {
				s.StoryFN++
				s.Errors = append(s.Errors, fmt.Sprintf("%d-%d same story missed (found %q)", g.A, g.B, r.Kind))
			}
		}
	}
	slices.Sort(s.Errors)
	return s
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func evidence(r lineage.Relation) string {
	return fmt.Sprintf("shared sentences %.2f, containment %.2f, jaccard %.2f, %d shared names", r.SharedSentences, r.Containment, r.Jaccard, len(r.SharedNames))
}

// WriteCopyReport prints a CopyScore.
func WriteCopyReport(w io.Writer, s *CopyScore) error {
	var b strings.Builder
	fmt.Fprintf(&b, "articles %d, labelled pairs %d (%s); relations found: copy %d, same_story %d, translation %d\n",
		s.Articles, s.Labelled, cmpOr(s.Split, "dev and test"), s.Predicted[lineage.Copy], s.Predicted[lineage.SameStory], s.Predicted[lineage.Translation])
	fmt.Fprintf(&b, "copy: precision %.3f (%d/%d), recall %.3f (%d/%d)\n", ratio(s.CopyTP, s.CopyTP+s.CopyFP), s.CopyTP, s.CopyTP+s.CopyFP, ratio(s.CopyTP, s.CopyTP+s.CopyFN), s.CopyTP, s.CopyTP+s.CopyFN)
	fmt.Fprintf(&b, "original right: %.3f (%d/%d; %d of them the same page scraped at the same time)\n", ratio(s.OriginalRight, s.CopyTP), s.OriginalRight, s.CopyTP, s.SameTime)
	fmt.Fprintf(&b, "same_story among labelled pairs: precision %.3f (%d/%d), recall %.3f (%d/%d); %d more between unlabelled pairs\n",
		ratio(s.StoryTP, s.StoryTP+s.StoryFP), s.StoryTP, s.StoryTP+s.StoryFP, ratio(s.StoryTP, s.StoryTP+s.StoryFN), s.StoryTP, s.StoryTP+s.StoryFN, s.StoryUnjudged)
	for _, label := range []string{"copy", "same_story", "related", "unrelated"} {
		c := s.Confusion[label]
		n := 0
		for _, v := range c {
			n += v
		}
		fmt.Fprintf(&b, "labelled %-10s %3d: found copy %d, same_story %d, none %d\n", label, n, c[lineage.Copy], c[lineage.SameStory], c[""])
	}
	for _, e := range s.Errors {
		fmt.Fprintf(&b, "  %s\n", e)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
