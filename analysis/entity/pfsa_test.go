package entity_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/internal/shared"
)

// pfsaArticle is one PFSA-ID article rebuilt as plain text, one sentence a
// line, with the byte spans of its PERSON annotations in that text.
type pfsaArticle struct {
	text    strings.Builder
	persons [][2]int
	lines   []string
}

// readPFSA reads PFSA-ID's dev-20.txt (one token a line, BILOU tags, a
// blank line between sentences); a sentence holding the start of an ISSUE
// span opens a new article, as each article has one ISSUE.
func readPFSA(t *testing.T, path string) []*pfsaArticle {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var arts []*pfsaArticle
	var words, tags []string
	flush := func() {
		if len(words) == 0 {
			return
		}
		opens := false
		for _, tg := range tags {
			opens = opens || tg == "B-ISSUE" || tg == "U-ISSUE"
		}
		if opens || len(arts) == 0 {
			arts = append(arts, &pfsaArticle{})
		}
		arts[len(arts)-1].addLine(words, tags)
		words, tags = words[:0], tags[:0]
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w, tg, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			flush()
			continue
		}
		words, tags = append(words, w), append(tags, tg)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	flush()
	return arts
}

// addLine detokenises one sentence into a line: no space before closing
// punctuation, none after an opening bracket or quote.
func (a *pfsaArticle) addLine(words, tags []string) {
	if a.text.Len() > 0 {
		a.text.WriteByte('\n')
	}
	lineStart := a.text.Len()
	open := -1
	noSpace := true
	for i, w := range words {
		if !noSpace && !strings.Contains(",.;:)]”?!%", w) && w != "..." {
			a.text.WriteByte(' ')
		}
		start := a.text.Len()
		a.text.WriteString(w)
		noSpace = w == "(" || w == "[" || w == "“" || w == "/" || (i+1 < len(words) && words[i+1] == "/")
		switch tags[i] {
		case "B-PERSON", "U-PERSON":
			open = start
		}
		if (tags[i] == "L-PERSON" || tags[i] == "U-PERSON") && open >= 0 {
			a.persons = append(a.persons, [2]int{open, a.text.Len()})
			open = -1
		}
	}
	a.lines = append(a.lines, a.text.String()[lineStart:])
}

// TestPFSAPersonRecall analyses the PFSA-ID dev articles (evaluation only:
// nothing in warta is built from them) and counts the annotated speakers
// (PERSON spans) that are mentions of a PER entity: a PER mention must
// overlap the span and cover its last word, so that a rank left out of
// the name (Komisaris Besar Edy Sumardi) does not count against it.
func TestPFSAPersonRecall(t *testing.T) {
	arts := readPFSA(t, shared.Path(t, "data/quotes/pfsa-id/dev-20.txt"))
	r, err := entity.New()
	if err != nil {
		t.Fatal(err)
	}
	found, total, lost := 0, 0, 0
	var misses []string
	for _, pa := range arts {
		raw := pa.text.String()
		doc := newDocument(article.FromText(text.Normalize(raw)))
		res := r.Find(doc)
		for _, p := range pa.persons {
			total++
			name := raw[p[0]:p[1]]
			// Find the span in the analysed text: its line is there as
			// printed unless the cleaner moved it out.
			lineStart := strings.LastIndexByte(raw[:p[0]], '\n') + 1
			lineEnd := strings.IndexByte(raw[p[0]:], '\n')
			if lineEnd < 0 {
				lineEnd = len(raw)
			} else {
				lineEnd += p[0]
			}
			at := strings.Index(doc.Text, raw[lineStart:lineEnd])
			if at < 0 {
				lost++
				continue
			}
			s, e := at+p[0]-lineStart, at+p[1]-lineStart
			hit := false
			for _, en := range res.Entities {
				if en.Type != "PER" {
					continue
				}
				for _, m := range en.Mentions {
					if m.Start < e && s < m.End && m.End >= e {
						hit = true
					}
				}
			}
			if hit {
				found++
			} else if len(misses) < 40 {
				misses = append(misses, name+"  | "+doc.Text[max(0, s-50):s]+"⟦"+name+"⟧")
			}
		}
	}
	recall := float64(found) / float64(total)
	t.Logf("PFSA-ID dev: %d articles, %d PERSON spans, %d found as PER mentions: recall %.3f (%d spans whose line the cleaner dropped count as missed)",
		len(arts), total, found, recall, lost)
	for _, m := range misses {
		t.Log("missed: " + m)
	}
	if recall < 0.90 {
		t.Errorf("PER recall %.3f, want ≥ 0.90", recall)
	}
}
