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
	"github.com/warta-news/warta/analysis/entity"
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
	// Golds are the scores on each gold annotation, in the order named;
	// their articles are disjoint, so they add up to a union.
	Golds []*GoldScore
	// records are the articles' records by id, for ExplainGolds, and
	// traced their matched triggers (EventsExplained only).
	records map[string]*analysis.Record
	traced  map[string][]event.Candidate
}

// GoldScore compares the events coded in the articles of a gold
// annotation with its events: a coded event matches a gold one of the same
// article and type in the same sentence or with an actor in common.
type GoldScore struct {
	Name        string // the gold file
	Articles    int
	Gold, Coded int
	// Found are gold events matched; Right are coded events matched;
	// Actors are matches whose every coded actor is a gold one.
	Found, Right, Actors int
	// StrictFound and StrictRight count as the shared scorer
	// (shared/tools/score_record.py) does, by strictMatch: gold events
	// some coded event matches, and coded events matching some gold one.
	StrictFound, StrictRight int
	// ExactFound and ExactRight count by exactMatch, which reads names as
	// the shared scorer does too: exactly, after its normalisation.
	ExactFound, ExactRight int
	// ByType maps a type to its gold, coded and matched events, then its
	// strictly found and strictly right ones.
	ByType           map[string][5]int
	Missed, Spurious []string
	// StrictMissed are the gold events not found as the shared scorer
	// finds them.
	StrictMissed []string
}

// GoldEvent is one line of a gold annotation.
type GoldEvent struct {
	Article          string
	Offset           int // the trigger's start in the record's text, in code points
	Type             string
	Source, Target   string
	Modality, Reason string
	Negated          bool
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

// pct0 is 100·n/d, 0 when d is 0.
func pct0(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
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
// file and compares them with the judged sample, when named, and with the
// gold events of each gold file; with partial, the record's partial
// events (analysis.Record.Partial) count too.
func Events(ctx stdcontext.Context, articles, judged string, partial bool, golds ...string) (*EventStats, []codedEvent, error) {
	return events(ctx, articles, judged, partial, false, golds...)
}

// EventsExplained is Events that also keeps, for ExplainGolds, every
// trigger the lexicon matched in each article and the gate it stopped at
// (event.Explain): the events stage is run a second time per article.
func EventsExplained(ctx stdcontext.Context, articles, judged string, partial bool, golds ...string) (*EventStats, []codedEvent, error) {
	return events(ctx, articles, judged, partial, true, golds...)
}

func events(ctx stdcontext.Context, articles, judged string, partial, explain bool, golds ...string) (*EventStats, []codedEvent, error) {
	p := analysis.DefaultPipeline()
	var traced []event.Candidate
	if explain {
		for k := range p {
			if p[k].Name != "events" {
				continue
			}
			run := p[k].Run
			p[k].Run = func(ctx stdcontext.Context, d *analysis.Document) error {
				traced = event.Explain(d.Document, d.EventInput())
				return run(ctx, d)
			}
		}
	}
	f, err := os.Open(articles)
	if err != nil {
		return nil, nil, fmt.Errorf("eval events: %w", err)
	}
	defer f.Close()
	recs := map[string]*analysis.Record{}
	st := &EventStats{Types: map[string]int{}, Modalities: map[string]int{}, records: recs, traced: map[string][]event.Candidate{}}
	var all []codedEvent
	dec := json.NewDecoder(bufio.NewReader(f))
	for n := 0; dec.More(); n++ {
		var a struct{ ID, Title, URL, Published, Body string }
		if err := dec.Decode(&a); err != nil {
			return nil, nil, fmt.Errorf("eval events: %s: article %d: %w", articles, n+1, err)
		}
		traced = nil
		rec, err := p.Analyze(ctx, analysis.Input{Title: a.Title, Body: a.Body, URL: a.URL, Published: a.Published})
		if err != nil {
			return nil, nil, fmt.Errorf("eval events: article %s: %w", a.ID, err)
		}
		st.Articles++
		recs[a.ID] = rec
		if explain {
			st.traced[a.ID] = traced
		}
		evs := rec.Events
		if partial {
			evs = append(slices.Clone(evs), rec.Partial...)
			slices.SortStableFunc(evs, func(a, b event.Event) int { return a.TriggerStart - b.TriggerStart })
		}
		for _, e := range evs {
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
	for _, gold := range golds {
		ids, events, err := ReadGold(gold)
		if err != nil {
			return nil, nil, err
		}
		g := compareGold(ids, events, recs, all)
		g.Name = gold
		st.Golds = append(st.Golds, g)
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

// compareGold matches the coded events of the gold's articles with the
// gold events, one to one, in text order.
func compareGold(ids []string, gold []GoldEvent, recs map[string]*analysis.Record, coded []codedEvent) *GoldScore {
	g := &GoldScore{Articles: len(ids), Gold: len(gold), ByType: map[string][5]int{}}
	in := map[string]bool{}
	for _, id := range ids {
		in[id] = true
	}
	var mine []codedEvent
	for _, c := range coded {
		if in[c.id] {
			mine = append(mine, c)
		}
	}
	g.Coded = len(mine)
	used := make([]bool, len(mine))
	for _, ge := range gold {
		t := g.ByType[ge.Type]
		t[0]++
		g.ByType[ge.Type] = t
		rec := recs[ge.Article]
		if rec == nil {
			g.Missed = append(g.Missed, fmt.Sprintf("%s\t%d\t%s: article not found", ge.Article, ge.Offset, ge.Type))
			continue
		}
		sent := sentenceAt(rec, ge.Offset)
		found := false
		for k, c := range mine {
			if used[k] || c.id != ge.Article || c.ev.Type != ge.Type {
				continue
			}
			actorsMatch, anyMatch := goldActors(ge, c.ev)
			if c.ev.Sentence != sent && !anyMatch {
				continue
			}
			used[k], found = true, true
			g.Found++
			if actorsMatch {
				g.Actors++
			}
			break
		}
		if !found {
			g.Missed = append(g.Missed, fmt.Sprintf("%s\t%d\t%s\t%s\t%s", ge.Article, ge.Offset, ge.Type, ge.Source, ge.Target))
		}
	}
	for _, ge := range gold {
		if slices.ContainsFunc(mine, func(c codedEvent) bool { return exactMatch(ge, c) }) {
			g.ExactFound++
		}
		if !slices.ContainsFunc(mine, func(c codedEvent) bool { return strictMatch(ge, c) }) {
			g.StrictMissed = append(g.StrictMissed, fmt.Sprintf("%s\t%d\t%s\t%s\t%s", ge.Article, ge.Offset, ge.Type, ge.Source, ge.Target))
			continue
		}
		t := g.ByType[ge.Type]
		t[3]++
		g.ByType[ge.Type] = t
		g.StrictFound++
	}
	for k, c := range mine {
		t := g.ByType[c.ev.Type]
		t[1]++
		if used[k] {
			t[2]++
			g.Right++
		} else {
			g.Spurious = append(g.Spurious, c.key())
		}
		if slices.ContainsFunc(gold, func(ge GoldEvent) bool { return strictMatch(ge, c) }) {
			t[4]++
			g.StrictRight++
		}
		if slices.ContainsFunc(gold, func(ge GoldEvent) bool { return exactMatch(ge, c) }) {
			g.ExactRight++
		}
		g.ByType[c.ev.Type] = t
	}
	return g
}

// mutual are the types whose two sides act alike (X meets Y is Y meets X),
// matched either way round by strictMatch, as the shared scorer does for a
// gold event marked symmetric.
var mutual = map[string]bool{"CONSULT": true, "COOPERATE": true, "AGREE": true}

// A sideReader reports whether a coded side is the one a gold side names
// (name, "-" where the gold names none), in the record it was coded in.
type sideReader func(name string, a *event.Actor, rec *analysis.Record) bool

// bothSides returns the test of a coded event against a gold one as the
// shared scorer makes it, with sides read by same: the same article and
// type, anywhere in the article, with both sides as the gold has them, the
// wrong way round only for a mutual type.
func bothSides(same sideReader) func(GoldEvent, codedEvent) bool {
	return func(ge GoldEvent, c codedEvent) bool {
		if c.id != ge.Article || c.ev.Type != ge.Type {
			return false
		}
		return same(ge.Source, c.ev.Source, c.rec) && same(ge.Target, c.ev.Target, c.rec) ||
			mutual[ge.Type] && same(ge.Source, c.ev.Target, c.rec) && same(ge.Target, c.ev.Source, c.rec)
	}
}

// strictMatch reads sides by containedSide, exactMatch as the shared
// scorer reads them, by exactSide.
var strictMatch, exactMatch = bothSides(containedSide), bothSides(exactSide)

// containedSide: a side the gold names coded and named alike (sameActor),
// a side it leaves out ("-") left out.
func containedSide(name string, a *event.Actor, _ *analysis.Record) bool {
	if name == "-" || name == "" {
		return a == nil
	}
	return a != nil && sameActor(name, a)
}

// exactSide: the coded side's name or its entity's name equals, after
// scoreNorm, a name the gold gives (one of several joined by "/"); a side
// the gold leaves out ("-") is never matched, since the scorer's gold names
// both sides.
func exactSide(name string, a *event.Actor, rec *analysis.Record) bool {
	if name == "-" || a == nil {
		return false
	}
	names := []string{scoreNorm(a.Name)}
	if a.Entity != "" {
		if k := slices.IndexFunc(rec.Entities, func(e entity.Entity) bool { return e.ID == a.Entity }); k >= 0 {
			names = append(names, scoreNorm(rec.Entities[k].Name))
		}
	}
	for n := range strings.SplitSeq(name, "/") {
		if slices.Contains(names, scoreNorm(n)) {
			return true
		}
	}
	return false
}

// Union adds up scores on golds of disjoint articles.
func Union(golds []*GoldScore) *GoldScore {
	u := &GoldScore{Name: "union", ByType: map[string][5]int{}}
	for _, g := range golds {
		u.Articles += g.Articles
		u.Gold += g.Gold
		u.Coded += g.Coded
		u.Found += g.Found
		u.Right += g.Right
		u.Actors += g.Actors
		u.StrictFound += g.StrictFound
		u.StrictRight += g.StrictRight
		u.ExactFound += g.ExactFound
		u.ExactRight += g.ExactRight
		for t, c := range g.ByType {
			s := u.ByType[t]
			for i := range c {
				s[i] += c[i]
			}
			u.ByType[t] = s
		}
		u.Missed = append(u.Missed, g.Missed...)
		u.Spurious = append(u.Spurious, g.Spurious...)
		u.StrictMissed = append(u.StrictMissed, g.StrictMissed...)
	}
	return u
}

// sentenceAt returns the index of the record's sentence holding a
// code-point offset, or -1.
func sentenceAt(rec *analysis.Record, off int) int {
	for i, s := range rec.Sentences {
		if s.Start <= off && off < s.End {
			return i
		}
	}
	return -1
}

// goldActors reports whether every actor coded is one of the gold event's
// (either way round), and whether any is.
func goldActors(ge GoldEvent, e event.Event) (all, some bool) {
	same := func(a *event.Actor) bool {
		return a == nil || sameActor(ge.Source, a) || sameActor(ge.Target, a)
	}
	all = same(e.Source) && same(e.Target)
	some = e.Source != nil && same(e.Source) || e.Target != nil && same(e.Target)
	return all, some
}

// sameActor reports whether a coded actor is the one a gold name names:
// one name holds the other (Jokowi, Presiden Jokowi), in any case.
func sameActor(name string, a *event.Actor) bool {
	if name == "-" || name == "" {
		return false
	}
	n, m := strings.ToLower(name), strings.ToLower(a.Name)
	return strings.Contains(m, n) || strings.Contains(n, m)
}

// ReadGold reads a gold annotation: a "# articles:" line listing the
// articles annotated, then tab-separated article id, offset, type, source,
// target, modality, negated and reason.
func ReadGold(path string) (ids []string, events []GoldEvent, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("gold events: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if rest, ok := strings.CutPrefix(l, "# articles:"); ok {
			for id := range strings.SplitSeq(rest, ",") {
				if id = strings.TrimSpace(id); id != "" {
					ids = append(ids, id)
				}
			}
			continue
		}
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		fs := strings.Split(l, "\t")
		if len(fs) != 8 {
			return nil, nil, fmt.Errorf("gold events: %s:%d: want 8 fields, have %d", path, n, len(fs))
		}
		off, err := strconv.Atoi(fs[1])
		if err != nil {
			return nil, nil, fmt.Errorf("gold events: %s:%d: offset: %w", path, n, err)
		}
		if !slices.Contains(event.Types, fs[2]) {
			return nil, nil, fmt.Errorf("gold events: %s:%d: %q is not a PLOVER type", path, n, fs[2])
		}
		events = append(events, GoldEvent{Article: fs[0], Offset: off, Type: fs[2], Source: fs[3], Target: fs[4],
			Modality: fs[5], Negated: fs[6] == "true", Reason: fs[7]})
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("gold events: %w", err)
	}
	if len(ids) == 0 {
		return nil, nil, fmt.Errorf("gold events: %s: no \"# articles:\" line", path)
	}
	return ids, events, nil
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

// WriteEventsReport prints the distribution of the events, the scores on
// each gold (and on their union) and the judged sample's precision; with
// list, each gold's misses and the events it lacks too — never to be read
// for a held-out gold one tunes beside.
func WriteEventsReport(w io.Writer, st *EventStats, list bool) error {
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
	golds := st.Golds
	if len(golds) > 1 {
		golds = append(slices.Clone(golds), Union(golds))
	}
	for _, g := range golds {
		fmt.Fprintf(&b, "\ngold events (%s): %d articles, %d gold events, %d coded\n", g.Name, g.Articles, g.Gold, g.Coded)
		fmt.Fprintf(&b, "recall %.1f%% (%d/%d), precision %.1f%% (%d/%d), actors right in %d of %d matches\n",
			pct0(g.Found, g.Gold), g.Found, g.Gold, pct0(g.Right, g.Coded), g.Right, g.Coded, g.Actors, g.Found)
		fmt.Fprintf(&b, "as the shared scorer (both sides as the gold names them): recall %.1f%% (%d/%d), precision %.1f%% (%d/%d)\n",
			pct0(g.StrictFound, g.Gold), g.StrictFound, g.Gold, pct0(g.StrictRight, g.Coded), g.StrictRight, g.Coded)
		fmt.Fprintf(&b, "with the shared scorer's exact names (a side the gold leaves out never matched): recall %.1f%% (%d/%d), precision %.1f%% (%d/%d)\n",
			pct0(g.ExactFound, g.Gold), g.ExactFound, g.Gold, pct0(g.ExactRight, g.Coded), g.ExactRight, g.Coded)
		b.WriteString("type        gold  coded  matched  strict found  strict right\n")
		for _, t := range event.Types {
			if c := g.ByType[t]; c != [5]int{} {
				fmt.Fprintf(&b, "%-10s  %4d  %5d  %7d  %12d  %12d\n", t, c[0], c[1], c[2], c[3], c[4])
			}
		}
		if !list || g.Name == "union" {
			continue
		}
		for _, m := range g.Missed {
			fmt.Fprintf(&b, "  missed: %s\n", m)
		}
		for _, m := range g.Spurious {
			fmt.Fprintf(&b, "  not in the gold: %s\n", m)
		}
		for _, m := range g.StrictMissed {
			fmt.Fprintf(&b, "  not found as the shared scorer: %s\n", m)
		}
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
