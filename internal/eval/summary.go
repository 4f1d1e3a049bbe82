package eval

import (
	stdcontext "context"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/analysis/summary"
	"github.com/warta-news/warta/analysis/text"
)

// Rouge is mean ROUGE-1, ROUGE-2 and ROUGE-L F1 over articles, in percent.
type Rouge struct {
	R1, R2, RL float64
	N          int
}

func (r *Rouge) add(cand, ref []string) {
	r.R1 += 100 * rougeN(cand, ref, 1)
	r.R2 += 100 * rougeN(cand, ref, 2)
	r.RL += 100 * rougeL(cand, ref)
	r.N++
}

func (r Rouge) mean() Rouge {
	if r.N == 0 {
		return r
	}
	n := float64(r.N)
	return Rouge{R1: r.R1 / n, R2: r.R2 / n, RL: r.RL / n, N: r.N}
}

// SummarySystem is one summariser's ROUGE against the detik-news
// reference summaries: over the first half of the set (read while
// choosing the weights), the second half (held out) and all articles; each
// with the summary cut to the word budget and as whole sentences.
type SummarySystem struct {
	Name             string
	Budget, Whole    [3]Rouge // first half, second half, all
	Sentences, Words int      // totals, whole sentences
}

// SummaryReport is the outcome of `warta eval summary`.
type SummaryReport struct {
	Budget  int
	Systems []SummarySystem // warta first, then LEAD-1, -2, -3
}

// Summary scores the summaries of the pipeline against the detik-news
// reference summaries, beside LEAD-k computed in the same run with the
// same tokens (text.Tokenize's words and numbers, lower-cased) and the
// same budget (summary.Budget words, the summary's sentences in text
// order).
func Summary(ctx stdcontext.Context, data string) (*SummaryReport, error) {
	arts, err := readDetik(data)
	if err != nil {
		return nil, fmt.Errorf("eval summary: %w", err)
	}
	rep := &SummaryReport{Budget: summary.Budget}
	names := []string{"warta (extractive, shipped)", "LEAD-1", "LEAD-2", "LEAD-3"}
	rep.Systems = make([]SummarySystem, len(names))
	for i, n := range names {
		rep.Systems[i].Name = n
	}
	for i, a := range arts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rec, err := analysis.Analyze(ctx, analysis.Input{Title: a.Title, Body: a.Body, URL: a.URL, Published: a.Published})
		if err != nil {
			return nil, fmt.Errorf("eval summary: article %s: %w", a.ID, err)
		}
		ref := rougeTokens(a.Summary)
		body := bodySentences(rec)
		picks := [][]int{slices.Clone(rec.Summary)}
		for k := 1; k <= 3; k++ {
			picks = append(picks, body[:min(k, len(body))])
		}
		for s, pick := range picks {
			slices.Sort(pick)
			var whole []string
			for _, j := range pick {
				if j < 0 || j >= len(rec.Sentences) {
					return nil, fmt.Errorf("eval summary: article %s: summary sentence %d of %d", a.ID, j, len(rec.Sentences))
				}
				sp := rec.Sentences[j]
				whole = append(whole, rougeTokens(runeSlice(rec.Text, sp.Start, sp.End))...)
			}
			sys := &rep.Systems[s]
			sys.Sentences += len(pick)
			sys.Words += len(whole)
			cut := whole[:min(len(whole), rep.Budget)]
			for _, h := range []int{half(i), 2} {
				sys.Budget[h].add(cut, ref)
				sys.Whole[h].add(whole, ref)
			}
		}
	}
	for s := range rep.Systems {
		for h := range 3 {
			rep.Systems[s].Budget[h] = rep.Systems[s].Budget[h].mean()
			rep.Systems[s].Whole[h] = rep.Systems[s].Whole[h].mean()
		}
	}
	return rep, nil
}

// bodySentences lists the record's sentences after the title.
func bodySentences(rec *analysis.Record) []int {
	title := utf8.RuneCountInString(rec.Title)
	var out []int
	for i, s := range rec.Sentences {
		if rec.Title != "" && s.End <= title {
			continue
		}
		out = append(out, i)
	}
	return out
}

// runeSlice is s[start:end] in code points.
func runeSlice(s string, start, end int) string {
	from, to, r := len(s), len(s), 0
	for i := range s {
		if r == start {
			from = i
		}
		if r == end {
			to = i
			break
		}
		r++
	}
	return s[from:max(from, to)]
}

// rougeTokens are the words and numbers of s, lower-cased.
func rougeTokens(s string) []string {
	doc := &text.Document{Text: text.Normalize(s)}
	text.Tokenize(doc)
	var out []string
	for _, t := range doc.Tokens {
		if t.Kind == text.Word || t.Kind == text.Number {
			out = append(out, strings.ToLower(doc.Text[t.Start:t.End]))
		}
	}
	return out
}

func ngramCounts(toks []string, n int) map[string]int {
	m := map[string]int{}
	for i := 0; i+n <= len(toks); i++ {
		m[strings.Join(toks[i:i+n], " ")]++
	}
	return m
}

// rougeN is the F1 of the n-grams cand and ref share (clipped counts).
func rougeN(cand, ref []string, n int) float64 {
	c, r := ngramCounts(cand, n), ngramCounts(ref, n)
	overlap, nc, nr := 0, 0, 0
	for g, k := range c {
		overlap += min(k, r[g])
		nc += k
	}
	for _, k := range r {
		nr += k
	}
	return f1(overlap, nc, nr)
}

// rougeL is the F1 of the longest common subsequence.
func rougeL(cand, ref []string) float64 {
	prev, cur := make([]int, len(ref)+1), make([]int, len(ref)+1)
	for _, c := range cand {
		for j, r := range ref {
			if c == r {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return f1(prev[len(ref)], len(cand), len(ref))
}

func f1(overlap, nc, nr int) float64 {
	if overlap == 0 || nc == 0 || nr == 0 {
		return 0
	}
	p, r := float64(overlap)/float64(nc), float64(overlap)/float64(nr)
	return 2 * p * r / (p + r)
}

// WriteSummaryReport prints the report.
func WriteSummaryReport(w io.Writer, r *SummaryReport) error {
	var b strings.Builder
	fmt.Fprintf(&b, "detik-news reference summaries (~40 words, possibly machine-written): ROUGE-1 / ROUGE-2 / ROUGE-L F1, %%; mean over articles\n")
	fmt.Fprintf(&b, "same tokens for all (words and numbers, lower case); summaries in text order, cut to %d words, and as whole sentences\n", r.Budget)
	fmt.Fprintf(&b, "first half: articles 1–350 by id (weights chosen there); second half: 351–700 (held out)\n\n")
	fmt.Fprintf(&b, "%-28s %-26s %-26s %-26s %s\n", "system", "first half", "second half", "all 700", "sentences, words")
	for _, kind := range []string{"budget", "whole"} {
		fmt.Fprintf(&b, "-- %s\n", map[string]string{"budget": fmt.Sprintf("cut to %d words", r.Budget), "whole": "whole sentences"}[kind])
		for _, s := range r.Systems {
			rs := s.Budget
			if kind == "whole" {
				rs = s.Whole
			}
			fmt.Fprintf(&b, "%-28s", s.Name)
			for _, x := range rs {
				fmt.Fprintf(&b, " %6.2f / %5.2f / %5.2f    ", x.R1, x.R2, x.RL)
			}
			n := float64(max(rs[2].N, 1))
			fmt.Fprintf(&b, "%.1f, %.1f\n", float64(s.Sentences)/n, float64(s.Words)/n)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
