package eval

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/warta-news/warta/analysis/article"
)

// HTMLPage is how the extraction of one web page compares with its gold.
type HTMLPage struct {
	Name string
	// TP, FP and FN count the body's 4-token shingles, normalised to sum
	// to 1 as the ScrapingHub benchmark does, so that every page weighs the
	// same whatever its length.
	TP, FP, FN float64
	// Title, Date: whether the page's gold has one, and whether it was
	// found exactly (the title) or on the right calendar day (the date).
	HasTitle, TitleOK bool
	HasDate, DateOK   bool
	SpuriousDate      bool // a date given where the gold has none
	// Author: whether the gold names one, and whether the byline names
	// the same people (case, spacing and order aside).
	HasAuthor, AuthorOK bool
	// Furniture counts the gold's snippets of page furniture; Left those
	// found in the extracted body.
	Furniture, Left int
	Bytes           int
}

// HTMLScores sums the pages of one set.
type HTMLScores struct {
	Set   string
	Pages []HTMLPage
	// Seconds is the time spent in article.FromHTML over the set.
	Seconds float64
}

// BodyPRF returns the benchmark's body precision, recall and F1: the mean
// precision over pages with a predicted body, the mean recall over pages
// with a gold body, and their harmonic mean.
func (s HTMLScores) BodyPRF() (p, r, f1 float64) {
	var ps, rs []float64
	for _, pg := range s.Pages {
		if pg.TP+pg.FP > 0 {
			ps = append(ps, shinglePrecision(pg.TP, pg.FP, pg.FN))
		}
		if pg.TP+pg.FN > 0 {
			rs = append(rs, shingleRecall(pg.TP, pg.FP, pg.FN))
		}
	}
	p, r = mean(ps), mean(rs)
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

// Rates returns the share of titles found exactly, of dates on the right
// day and of gold furniture snippets left in the body, each with its
// denominator.
func (s HTMLScores) Rates() (titles float64, nTitles int, dates float64, nDates int, left float64, nFurniture int) {
	var titleOK, dateOK, leftN int
	for _, pg := range s.Pages {
		if pg.HasTitle {
			nTitles++
			if pg.TitleOK {
				titleOK++
			}
		}
		if pg.HasDate {
			nDates++
			if pg.DateOK {
				dateOK++
			}
		}
		nFurniture += pg.Furniture
		leftN += pg.Left
	}
	return ratio(titleOK, nTitles), nTitles, ratio(dateOK, nDates), nDates, fraction(leftN, nFurniture), nFurniture
}

// AuthorRate returns the share of pages whose gold names an author that
// got the same author, and how many such pages there are.
func (s HTMLScores) AuthorRate() (float64, int) {
	ok, n := 0, 0
	for _, pg := range s.Pages {
		if pg.HasAuthor {
			n++
			if pg.AuthorOK {
				ok++
			}
		}
	}
	return ratio(ok, n), n
}

// LeakRate returns the share of pages with an article that keep some of
// the gold's furniture in the body, and how many pages list furniture.
func (s HTMLScores) LeakRate() (float64, int) {
	leaky, n := 0, 0
	for _, pg := range s.Pages {
		if pg.Furniture > 0 {
			n++
			if pg.Left > 0 {
				leaky++
			}
		}
	}
	return fraction(leaky, n), n
}

// sameAuthors reports whether a byline names the people the gold names:
// the same names, in any order, joined by commas, "dan", "and" or "&",
// case and spacing aside.
func sameAuthors(gold, got string) bool {
	g, p := authorNames(gold), authorNames(got)
	if len(g) != len(p) {
		return false
	}
	sort.Strings(g)
	sort.Strings(p)
	for i := range g {
		if g[i] != p[i] {
			return false
		}
	}
	return len(g) > 0
}

var authorSep = regexp.MustCompile(`(?i)\s*(?:,|&|\band\b|\bdan\b)\s*`)

func authorNames(s string) []string {
	var out []string
	for _, n := range authorSep.Split(s, -1) {
		if n = strings.ToLower(strings.Join(strings.Fields(n), " ")); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func fraction(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

// The benchmark's precision and recall of one page: 1 when both the gold
// and the prediction are empty.
func shinglePrecision(tp, fp, fn float64) float64 {
	switch {
	case fp == 0 && fn == 0:
		return 1
	case tp == 0 && fp == 0:
		return 0
	}
	return tp / (tp + fp)
}

func shingleRecall(tp, fp, fn float64) float64 {
	switch {
	case fp == 0 && fn == 0:
		return 1
	case tp == 0 && fn == 0:
		return 0
	}
	return tp / (tp + fn)
}

// wordRE is the benchmark's tokeniser, Python's \w+ over Unicode: letters,
// digits and the underscore.
var wordRE = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// shingleN is the length of the benchmark's shingles, in tokens.
const shingleN = 4

// ShingleMatch compares two bodies as the ScrapingHub article-extraction
// benchmark does (evaluate.py, string_shingle_matching): the multisets of
// their 4-token shingles, true and false positives and false negatives
// normalised to sum to 1. A text of fewer than four tokens is one shorter
// shingle.
func ShingleMatch(gold, pred string) (tp, fp, fn float64) {
	g, p := shingles(gold), shingles(pred)
	for k, gc := range g {
		pc := p[k]
		tp += float64(min(gc, pc))
		fn += float64(max(0, gc-pc))
	}
	for k, pc := range p {
		fp += float64(max(0, pc-g[k]))
	}
	if s := tp + fp + fn; s > 0 {
		tp, fp, fn = tp/s, fp/s, fn/s
	}
	return tp, fp, fn
}

func shingles(text string) map[string]int {
	toks := wordRE.FindAllString(text, -1)
	out := map[string]int{}
	for i := 0; i < max(1, len(toks)-shingleN+1); i++ {
		sh := toks[i:min(len(toks), i+shingleN)]
		if len(sh) > 0 {
			out[strings.Join(sh, "\x00")]++
		}
	}
	return out
}

// pageGold is the gold of a development page (analysis/article/testdata/pages).
type pageGold struct {
	Title      string   `json:"title"`
	Published  *string  `json:"published"`
	Byline     *string  `json:"byline"`
	NoArticle  bool     `json:"no_article"`
	Paragraphs []string `json:"paragraphs"`
	NotInBody  []string `json:"not_in_body"`
}

// HTMLPages scores article.FromHTML on a folder of pages, NAME.html each
// with its NAME.gold.json: the body's shingle F1, exact titles, publication
// days and the furniture left in the body.
func HTMLPages(dir string) (HTMLScores, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil || len(files) == 0 {
		return HTMLScores{}, fmt.Errorf("eval: no pages in %s", dir)
	}
	sort.Strings(files)
	scores := HTMLScores{Set: dir}
	for _, f := range files {
		page, err := os.ReadFile(f)
		if err != nil {
			return scores, fmt.Errorf("eval: %w", err)
		}
		data, err := os.ReadFile(strings.TrimSuffix(f, ".html") + ".gold.json")
		if err != nil {
			return scores, fmt.Errorf("eval: gold of %s: %w", f, err)
		}
		var g pageGold
		if err := json.Unmarshal(data, &g); err != nil {
			return scores, fmt.Errorf("eval: gold of %s: %w", f, err)
		}
		start := time.Now()
		a := article.FromHTML(string(page), article.PageOptions{})
		scores.Seconds += time.Since(start).Seconds()
		body := strings.Join(a.Paragraphs, "\n")
		pg := HTMLPage{Name: strings.TrimSuffix(filepath.Base(f), ".html"), Bytes: len(page), HasTitle: g.Title != "" && !g.NoArticle}
		pg.TP, pg.FP, pg.FN = ShingleMatch(strings.Join(g.Paragraphs, "\n"), body)
		pg.TitleOK = pg.HasTitle && a.Title == g.Title
		if g.Published != nil {
			pg.HasDate = true
			pg.DateOK = day(a.Published) == day(*g.Published)
		} else {
			pg.SpuriousDate = a.Published != ""
		}
		if g.Byline != nil && *g.Byline != "" && !g.NoArticle {
			pg.HasAuthor = true
			pg.AuthorOK = sameAuthors(*g.Byline, a.Byline)
		}
		pg.Furniture = len(g.NotInBody)
		for _, bad := range g.NotInBody {
			if strings.Contains(body, bad) {
				pg.Left++
			}
		}
		scores.Pages = append(scores.Pages, pg)
	}
	return scores, nil
}

// day returns the calendar date of an RFC 3339 date or date-time, in the
// offset it is written in.
func day(s string) string {
	if len(s) < len("2006-01-02") {
		return s
	}
	return s[:len("2006-01-02")]
}

// ScrapingHub scores the body that article.FromHTML extracts on a checkout
// of the ScrapingHub article-extraction benchmark: ground-truth.json (id ->
// articleBody, url) and html/ID.html.gz. It is held out: run it to report,
// never to tune.
func ScrapingHub(dir string) (HTMLScores, error) {
	data, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return HTMLScores{}, fmt.Errorf("eval: %w", err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(data, &truth); err != nil {
		return HTMLScores{}, fmt.Errorf("eval: ground-truth.json: %w", err)
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	scores := HTMLScores{Set: dir}
	for _, id := range ids {
		page, err := readGzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return scores, fmt.Errorf("eval: %w", err)
		}
		start := time.Now()
		a := article.FromHTML(page, article.PageOptions{URL: truth[id].URL})
		scores.Seconds += time.Since(start).Seconds()
		pg := HTMLPage{Name: id, Bytes: len(page)}
		pg.TP, pg.FP, pg.FN = ShingleMatch(truth[id].ArticleBody, strings.Join(a.Paragraphs, "\n"))
		scores.Pages = append(scores.Pages, pg)
	}
	return scores, nil
}

func readGzip(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return string(b), nil
}

// WriteHTMLReport prints the scores of a set, and each page's when verbose.
func WriteHTMLReport(w io.Writer, s HTMLScores, verbose bool) error {
	var b strings.Builder
	if verbose {
		fmt.Fprintf(&b, "%-36s %6s %6s %6s %5s %5s %6s %5s\n", "page", "P", "R", "F1", "title", "date", "author", "left")
		for _, pg := range s.Pages {
			p, r := shinglePrecision(pg.TP, pg.FP, pg.FN), shingleRecall(pg.TP, pg.FP, pg.FN)
			f1 := 0.0
			if p+r > 0 {
				f1 = 2 * p * r / (p + r)
			}
			fmt.Fprintf(&b, "%-36s %6.3f %6.3f %6.3f %5s %5s %6s %2d/%-2d\n", pg.Name, p, r, f1,
				mark(pg.HasTitle, pg.TitleOK), mark(pg.HasDate, pg.DateOK), mark(pg.HasAuthor, pg.AuthorOK), pg.Left, pg.Furniture)
		}
		b.WriteString("\n")
	}
	p, r, f1 := s.BodyPRF()
	titles, nTitles, dates, nDates, left, nFurniture := s.Rates()
	bytes := 0
	for _, pg := range s.Pages {
		bytes += pg.Bytes
	}
	fmt.Fprintf(&b, "set:                 %s (%d pages)\n", s.Set, len(s.Pages))
	fmt.Fprintf(&b, "body (4-token shingles, ScrapingHub method): precision %.3f  recall %.3f  F1 %.3f\n", p, r, f1)
	if nTitles > 0 {
		fmt.Fprintf(&b, "exact headline:      %.3f of %d\n", titles, nTitles)
	}
	if nDates > 0 {
		fmt.Fprintf(&b, "right calendar date: %.3f of %d\n", dates, nDates)
	}
	if authors, nAuthors := s.AuthorRate(); nAuthors > 0 {
		fmt.Fprintf(&b, "same author:         %.3f of %d\n", authors, nAuthors)
	}
	if nFurniture > 0 {
		leaky, nPages := s.LeakRate()
		fmt.Fprintf(&b, "furniture left:      %.3f of %d snippets; %.3f of %d pages keep some\n", left, nFurniture, leaky, nPages)
	}
	if s.Seconds > 0 {
		fmt.Fprintf(&b, "speed:               %.0f pages/s, %.2f MB/s (one goroutine, article.FromHTML only)\n",
			float64(len(s.Pages))/s.Seconds, float64(bytes)/1e6/s.Seconds)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("eval: writing HTML report: %w", err)
	}
	return nil
}

func mark(has, ok bool) string {
	switch {
	case !has:
		return "-"
	case ok:
		return "ok"
	}
	return "MISS"
}
