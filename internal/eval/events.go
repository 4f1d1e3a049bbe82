package eval

import (
	"bufio"
	stdcontext "context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/analysis/event"
)

// There is no annotated Indonesian event corpus to score events against,
// so they are judged by reading: a random sample of the events coded over
// the detik-news articles, each marked right or wrong by a reader, is
// kept as a fixture (testdata/events-judged.tsv) that names each event by
// the article's id, the trigger's offset and what was coded — never the
// article's text. The sample is drawn from the second half of the set
// (articles 350 to 699); the rules were tuned by reading the events of the
// first half.

// EventStats are the events coded over a set of articles.
type EventStats struct {
	Articles, Events int
	Types            map[string]int
	Modalities       map[string]int
	Negated          int
	// WithBoth have a source and a target; WithDate and WithPlace a date
	// and a location.
	WithBoth, WithDate, WithPlace int

	Judged *JudgedScore // nil without a judged sample
}

// JudgedScore compares the events coded now with a judged sample.
type JudgedScore struct {
	Sample  int // events in the sample
	Same    int // still coded, with the same type and actors
	Correct int // of Same, judged right
	// Changed are sampled events coded now with other actors or type, or
	// no longer coded: their judgement no longer applies.
	Changed []string
}

// Precision is the share of the sampled events still coded as judged
// that were judged right.
func (j *JudgedScore) Precision() float64 {
	if j.Same == 0 {
		return 0
	}
	return float64(j.Correct) / float64(j.Same)
}

// JudgedEvent is one line of the judged sample.
type JudgedEvent struct {
	Article  string // the article's id in detik-news
	Offset   int    // the trigger's start in the record's text, in code points
	Type     string
	Source   string // the source's name, - for none
	Target   string
	Modality string
	Correct  bool
	Reason   string // why, in the judge's words
}

// codedEvent is an event with the article it came from.
type codedEvent struct {
	article int
	id      string
	rec     *analysis.Record
	ev      event.Event
}

// offset is the trigger's start in code points.
func (c codedEvent) offset() int {
	return len([]rune(c.rec.Text[:c.ev.TriggerStart]))
}

func actorName(a *event.Actor) string {
	if a == nil {
		return "-"
	}
	return a.Name
}

// key names an event as the judged sample does.
func (c codedEvent) key() string {
	return fmt.Sprintf("%s\t%d\t%s\t%s\t%s\t%s", c.id, c.offset(), c.ev.Type, actorName(c.ev.Source), actorName(c.ev.Target), c.ev.Modality)
}

// Events codes the events of every article of a detik-news JSON Lines
// file and, when judged is not empty, compares them with the judged sample
// there.
func Events(ctx stdcontext.Context, articles, judged string) (*EventStats, []codedEvent, error) {
	f, err := os.Open(articles)
	if err != nil {
		return nil, nil, fmt.Errorf("eval events: %w", err)
	}
	defer f.Close()
	st := &EventStats{Types: map[string]int{}, Modalities: map[string]int{}}
	var all []codedEvent
	dec := json.NewDecoder(bufio.NewReader(f))
	for n := 0; dec.More(); n++ {
		var a struct{ ID, Title, URL, Published, Body string }
		if err := dec.Decode(&a); err != nil {
			return nil, nil, fmt.Errorf("eval events: %s: article %d: %w", articles, n+1, err)
		}
		rec, err := analysis.Analyze(ctx, analysis.Input{Title: a.Title, Body: a.Body, URL: a.URL, Published: a.Published})
		if err != nil {
			return nil, nil, fmt.Errorf("eval events: article %s: %w", a.ID, err)
		}
		st.Articles++
		for _, e := range rec.Events {
			all = append(all, codedEvent{article: n, id: a.ID, rec: rec, ev: e})
			st.Events++
			st.Types[e.Type]++
			st.Modalities[e.Modality]++
			if e.Negated {
				st.Negated++
			}
			if e.Source != nil && e.Target != nil {
				st.WithBoth++
			}
			if e.Date != "" {
				st.WithDate++
			}
			if e.Location != nil {
				st.WithPlace++
			}
		}
	}
	if judged != "" {
		sample, err := ReadJudged(judged)
		if err != nil {
			return nil, nil, err
		}
		st.Judged = compareJudged(sample, all)
	}
	return st, all, nil
}

// compareJudged finds each judged event among those coded now.
func compareJudged(sample []JudgedEvent, coded []codedEvent) *JudgedScore {
	now := map[string]bool{}
	for _, c := range coded {
		now[c.key()] = true
	}
	j := &JudgedScore{Sample: len(sample)}
	for _, s := range sample {
		key := fmt.Sprintf("%s\t%d\t%s\t%s\t%s\t%s", s.Article, s.Offset, s.Type, s.Source, s.Target, s.Modality)
		if !now[key] {
			j.Changed = append(j.Changed, key)
			continue
		}
		j.Same++
		if s.Correct {
			j.Correct++
		}
	}
	return j
}

// ReadJudged reads a judged sample: tab-separated article id, offset,
// type, source, target, modality, verdict (right or wrong) and reason;
// lines starting with # are comments.
func ReadJudged(path string) ([]JudgedEvent, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("judged events: %w", err)
	}
	defer f.Close()
	var out []JudgedEvent
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		fs := strings.Split(l, "\t")
		if len(fs) != 8 {
			return nil, fmt.Errorf("judged events: %s:%d: want 8 fields, have %d", path, n, len(fs))
		}
		off, err := strconv.Atoi(fs[1])
		if err != nil {
			return nil, fmt.Errorf("judged events: %s:%d: offset: %w", path, n, err)
		}
		if fs[6] != "right" && fs[6] != "wrong" {
			return nil, fmt.Errorf("judged events: %s:%d: verdict %q is neither right nor wrong", path, n, fs[6])
		}
		out = append(out, JudgedEvent{Article: fs[0], Offset: off, Type: fs[2], Source: fs[3], Target: fs[4],
			Modality: fs[5], Correct: fs[6] == "right", Reason: fs[7]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("judged events: %w", err)
	}
	return out, nil
}

// WriteSample writes n events drawn at random (with seed) from the coded
// events of articles from index first on, one block each, for a reader to
// judge: the key line for the fixture, then the event and its sentence.
func WriteSample(w io.Writer, coded []codedEvent, first, n int, seed uint64) error {
	var pool []codedEvent
	for _, c := range coded {
		if c.article >= first {
			pool = append(pool, c)
		}
	}
	r := rand.New(rand.NewPCG(seed, seed))
	r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	pool = pool[:min(n, len(pool))]
	slices.SortStableFunc(pool, func(a, b codedEvent) int { return a.article - b.article })
	for _, c := range pool {
		s := c.rec.Sentences[c.ev.Sentence]
		r := []rune(c.rec.Text)
		line, _ := json.Marshal(c.ev)
		if _, err := fmt.Fprintf(w, "%s\n  %s\n  %s\n\n", c.key(), line, string(r[s.Start:s.End])); err != nil {
			return err
		}
	}
	return nil
}

// WriteEventsReport prints the distribution of the events and the judged
// sample's precision.
func WriteEventsReport(w io.Writer, st *EventStats) error {
	var b strings.Builder
	fmt.Fprintf(&b, "articles %d, events %d (%.2f per article)\n", st.Articles, st.Events, float64(st.Events)/float64(max(st.Articles, 1)))
	pct := func(n int) float64 { return 100 * float64(n) / float64(max(st.Events, 1)) }
	fmt.Fprintf(&b, "with source and target %d (%.0f%%), with a date %d (%.0f%%), with a place %d (%.0f%%), negated %d\n",
		st.WithBoth, pct(st.WithBoth), st.WithDate, pct(st.WithDate), st.WithPlace, pct(st.WithPlace), st.Negated)
	b.WriteString("\ntype        events  share\n")
	types := slices.Clone(event.Types)
	slices.SortStableFunc(types, func(a, b string) int { return st.Types[b] - st.Types[a] })
	for _, t := range types {
		fmt.Fprintf(&b, "%-10s  %6d  %4.1f%%\n", t, st.Types[t], pct(st.Types[t]))
	}
	b.WriteString("\nmodality    events\n")
	for _, m := range []string{event.Asserted, event.Reported, event.Planned, event.Possible} {
		fmt.Fprintf(&b, "%-10s  %6d\n", m, st.Modalities[m])
	}
	if j := st.Judged; j != nil {
		fmt.Fprintf(&b, "\njudged sample: %d events; %d still coded as judged, %d judged right: precision %.1f%%\n",
			j.Sample, j.Same, j.Correct, 100*j.Precision())
		for _, c := range j.Changed {
			fmt.Fprintf(&b, "  changed since judged: %s\n", c)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
