// Package bench builds warta's benchmark corpora and measures ingest
// against the analysis alone and gzip, in the same run.
//
// A corpus is N articles in the shape of the detik-news set (JSON Lines
// with id, title, url, published, body, topic), made deterministically
// from a seed out of real articles: each keeps a real headline, section and
// paragraph layout, and its paragraphs are real paragraphs drawn from the
// whole set. Every article has its own URL and its own text, so that none
// is a version or a copy of another: a store must keep all N.
package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"strings"
	"time"
)

// Article is one article in the detik-news shape, as read and as written.
type Article struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Body      string `json:"body"`
	Topic     string `json:"topic,omitempty"`
}

// ReadArticles reads JSON Lines of articles. Lines without a title or a
// body are an error: a corpus is made only of whole articles.
func ReadArticles(r io.Reader) ([]Article, error) {
	dec := json.NewDecoder(bufio.NewReader(r))
	var out []Article
	for n := 1; ; n++ {
		var a Article
		err := dec.Decode(&a)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("article %d: %w", n, err)
		}
		if a.Title == "" || strings.TrimSpace(a.Body) == "" {
			return nil, fmt.Errorf("article %d: no title or no body", n)
		}
		if _, err := time.Parse(time.RFC3339, a.Published); err != nil {
			return nil, fmt.Errorf("article %d: published: %w", n, err)
		}
		out = append(out, a)
	}
	if len(out) < 2 {
		return nil, fmt.Errorf("a corpus needs at least 2 source articles, got %d", len(out))
	}
	return out, nil
}

// CorpusOptions says what corpus to build.
type CorpusOptions struct {
	Size int    // articles to write
	Seed uint64 // the same seed and sources give the same corpus, byte for byte
}

// furnitureShare is how many of the sources a line must appear in to be
// page furniture (SCROLL TO CONTINUE WITH CONTENT, ADVERTISEMENT), which
// stays where the template had it rather than being drawn.
const furnitureShare = 0.02

// maxRedraws bounds the draws for one article whose text came out the same
// as an earlier one's.
const maxRedraws = 16

// corpus is what articles are drawn from.
type corpus struct {
	src       []Article
	leads     []string // first paragraphs
	paras     []string // every other paragraph, furniture excluded
	furniture map[string]bool
	earliest  time.Time
	latest    time.Time
}

func newCorpus(src []Article) *corpus {
	c := &corpus{src: src, furniture: map[string]bool{}}
	seen := map[string]int{}
	for _, a := range src {
		lines := map[string]bool{}
		for _, l := range strings.Split(a.Body, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines[l] = true
			}
		}
		for l := range lines {
			seen[l]++
		}
	}
	for l, n := range seen {
		if float64(n) >= furnitureShare*float64(len(src)) && n > 1 {
			c.furniture[l] = true
		}
	}
	for i, a := range src {
		first := true
		for _, l := range strings.Split(a.Body, "\n") {
			l = strings.TrimSpace(l)
			switch {
			case l == "" || c.furniture[l]:
			case first:
				c.leads = append(c.leads, l)
				first = false
			default:
				c.paras = append(c.paras, l)
			}
		}
		t, _ := time.Parse(time.RFC3339, a.Published)
		if i == 0 || t.Before(c.earliest) {
			c.earliest = t
		}
		if i == 0 || t.After(c.latest) {
			c.latest = t
		}
	}
	return c
}

// Stats says what a corpus holds.
type Stats struct {
	Articles int
	Bytes    int64 // of the JSON Lines written
	Redrawn  int   // articles drawn again because their text was taken
}

// WriteCorpus writes opts.Size articles drawn from src to w as JSON Lines.
// Article i takes the headline, section, topic and paragraph layout of a
// template source article, a lead paragraph from another source, and each
// further paragraph from any source; furniture lines and blank lines stay
// where the template had them. Its date is the template's moved by up to
// 30 days, at a drawn minute, within the span of the sources' dates.
func WriteCorpus(ctx context.Context, w io.Writer, src []Article, opts CorpusOptions) (Stats, error) {
	if opts.Size < 1 {
		return Stats{}, fmt.Errorf("corpus size %d: want at least 1", opts.Size)
	}
	c := newCorpus(src)
	if len(c.leads) < 2 || len(c.paras) < 2 {
		return Stats{}, errors.New("sources have too few paragraphs to draw from")
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x77617274612d6265)) // "warta-be"
	cw := &countingWriter{w: w}
	bw := bufio.NewWriterSize(cw, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	taken := make(map[uint64]bool, opts.Size)
	var st Stats
	for i := range opts.Size {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return st, err
			}
		}
		var a Article
		for try := 0; ; try++ {
			a = c.draw(rng, i)
			h := fnv.New64a()
			io.WriteString(h, a.Body)
			if sum := h.Sum64(); !taken[sum] {
				taken[sum] = true
				break
			}
			if try == maxRedraws {
				return st, fmt.Errorf("article %d: no unique text after %d draws", i, maxRedraws)
			}
			st.Redrawn++
		}
		if err := enc.Encode(a); err != nil {
			return st, err
		}
		st.Articles++
	}
	err := bw.Flush()
	st.Bytes = cw.n
	return st, err
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// firstID is where the corpus's detik-style article numbers start: above
// the real ones, so no URL is a real page's.
const firstID = 90_000_000

func (c *corpus) draw(rng *rand.Rand, i int) Article {
	t := c.src[rng.IntN(len(c.src))]
	var body strings.Builder
	lead := true
	for _, l := range strings.Split(t.Body, "\n") {
		trimmed := strings.TrimSpace(l)
		switch {
		case trimmed == "" || c.furniture[trimmed]:
			body.WriteString(trimmed)
		case lead:
			body.WriteString(c.leads[rng.IntN(len(c.leads))])
			lead = false
		default:
			body.WriteString(c.paras[rng.IntN(len(c.paras))])
		}
		body.WriteByte('\n')
	}
	published, _ := time.Parse(time.RFC3339, t.Published)
	day := published.AddDate(0, 0, rng.IntN(61)-30)
	published = time.Date(day.Year(), day.Month(), day.Day(), 0, rng.IntN(24*60), 0, 0, day.Location())
	if published.Before(c.earliest) {
		published = c.earliest
	}
	if published.After(c.latest) {
		published = c.latest
	}
	id := firstID + i
	return Article{
		ID:        fmt.Sprintf("bench-%d", i+1),
		Title:     t.Title,
		URL:       fmt.Sprintf("%s/d-%d/%s", section(t.URL), id, slug(t.Title)),
		Published: published.Format(time.RFC3339),
		Body:      strings.TrimRight(body.String(), "\n"),
		Topic:     t.Topic,
	}
}

// section is a detik URL up to its article number: the outlet and section
// (https://www.detik.com/sumut/berita).
func section(u string) string {
	if i := strings.Index(u, "/d-"); i > 0 {
		return u[:i]
	}
	return "https://www.detik.com/berita"
}

// slug is a headline as detik writes it in URLs: lower case ASCII letters
// and digits joined by hyphens.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}
