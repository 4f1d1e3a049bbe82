package eval

import (
	stdcontext "context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/analysis/topic"
)

// The detik-news topic labels and the IPTC subjects each stands for. The
// first subject of each label is its own (economy for Ekonomi & Keuangan,
// and so on); the others are the IPTC subjects detik files under it:
// labour news under the economy; wars and diplomacy under politics;
// infrastructure's neighbours — disasters, the weather, science and
// technology — under development and environment; and education, health,
// religion, welfare, protests, culture, leisure, sport and human interest
// under society. Every IPTC subject belongs to exactly one label, so that
// the top subject of an article always names a label.
var DetikTopics = []struct {
	Label    string
	Subjects []string // IPTC subject keys (analysis/topic/data/subjects.tsv)
}{
	{"Ekonomi & Keuangan", []string{"economy", "labour"}},
	{"Hukum & Kriminalitas", []string{"crime"}},
	{"Politik & Kebijakan Publik", []string{"politics", "conflict"}},
	{"Pembangunan & Lingkungan", []string{"environment", "disaster", "weather", "science"}},
	{"Sosial & Kemasyarakatan", []string{"society", "education", "health", "religion", "human", "lifestyle", "arts", "sport"}},
}

// detikLabelOf is the detik label of an IPTC subject key.
func detikLabelOf(key string) string {
	for _, t := range DetikTopics {
		if slices.Contains(t.Subjects, key) {
			return t.Label
		}
	}
	return ""
}

// TopicsSystem is one tagger's scores on detik-news: on every article, on
// the even-numbered ones (read while writing the lexicon) and the
// odd-numbered ones (held out).
type TopicsSystem struct {
	Name              string
	All, Dev, Heldout ClassScore
	// Second counts articles whose label is the second subject's.
	Second int
}

// TopicsReport is the outcome of `warta eval topics`.
type TopicsReport struct {
	Systems []TopicsSystem // the shipped tagger first
	// Confusion counts gold label → predicted label of the shipped tagger.
	Confusion map[[2]string]int
	// Subjects counts the top subjects the shipped tagger gives.
	Subjects map[string]int
}

// Topics tags the detik-news articles and scores the top subject, mapped
// to a detik label, against the article's label.
func Topics(ctx stdcontext.Context, data string) (*TopicsReport, error) {
	arts, err := readDetik(data)
	if err != nil {
		return nil, fmt.Errorf("eval topics: %w", err)
	}
	tagger, err := topic.New()
	if err != nil {
		return nil, err
	}
	subjects := tagger.Subjects()
	labels := make([]string, len(DetikTopics))
	for i, t := range DetikTopics {
		labels[i] = t.Label
	}
	names := []string{"warta: lexicon and model (shipped)", "lexicon alone", "model alone", "always the largest label"}
	preds := make([][]string, len(names))
	seconds := make([][]string, len(names))
	gold := make([]string, len(arts))
	rep := &TopicsReport{Confusion: map[[2]string]int{}, Subjects: map[string]int{}}
	counts := map[string]int{}
	for i, a := range arts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if !slices.Contains(labels, a.Topic) {
			return nil, fmt.Errorf("eval topics: article %s has the unknown topic %q", a.ID, a.Topic)
		}
		gold[i] = a.Topic
		counts[a.Topic]++
		rec, err := analysis.Analyze(ctx, analysis.Input{Title: a.Title, Body: a.Body, URL: a.URL, Published: a.Published})
		if err != nil {
			return nil, fmt.Errorf("eval topics: article %s: %w", a.ID, err)
		}
		top, second := "", ""
		if len(rec.Topics) > 0 {
			top = detikLabelOf(keyOf(subjects, rec.Topics[0].Code))
			rep.Subjects[rec.Topics[0].Label]++
		}
		if len(rec.Topics) > 1 {
			second = detikLabelOf(keyOf(subjects, rec.Topics[1].Code))
		}
		preds[0], seconds[0] = append(preds[0], top), append(seconds[0], second)
		rep.Confusion[[2]string{a.Topic, top}]++
		hits, _, model := tagger.Evidence(a.document())
		for k, scores := range [][]float64{hits, model} {
			best := argmaxes(scores)
			preds[k+1] = append(preds[k+1], detikLabelOf(subjects[best[0]].Key))
			seconds[k+1] = append(seconds[k+1], detikLabelOf(subjects[best[1]].Key))
		}
	}
	largest := labels[0]
	for _, l := range labels {
		if counts[l] > counts[largest] {
			largest = l
		}
	}
	for range arts {
		preds[3] = append(preds[3], largest)
		seconds[3] = append(seconds[3], "")
	}
	for k, name := range names {
		sys := TopicsSystem{Name: name}
		var dg, dp, hg, hp []string
		for i := range gold {
			if i%2 == 0 {
				dg, dp = append(dg, gold[i]), append(dp, preds[k][i])
			} else {
				hg, hp = append(hg, gold[i]), append(hp, preds[k][i])
			}
			if preds[k][i] != gold[i] && seconds[k][i] == gold[i] {
				sys.Second++
			}
		}
		sys.All = scoreClasses(labels, gold, preds[k])
		sys.Dev = scoreClasses(labels, dg, dp)
		sys.Heldout = scoreClasses(labels, hg, hp)
		rep.Systems = append(rep.Systems, sys)
	}
	return rep, nil
}

func keyOf(subjects []topic.Subject, code string) string {
	for _, s := range subjects {
		if s.Code == code {
			return s.Key
		}
	}
	return ""
}

// argmaxes returns the indices of the two largest scores.
func argmaxes(s []float64) [2]int {
	best := [2]int{0, 1}
	if s[1] > s[0] {
		best = [2]int{1, 0}
	}
	for i := 2; i < len(s); i++ {
		switch {
		case s[i] > s[best[0]]:
			best = [2]int{i, best[0]}
		case s[i] > s[best[1]]:
			best[1] = i
		}
	}
	return best
}

// WriteTopicsReport prints the report.
func WriteTopicsReport(w io.Writer, r *TopicsReport) error {
	var b strings.Builder
	b.WriteString("detik-news topics: the top IPTC subject, mapped to detik's five labels, against the article's label; accuracy and macro-F1, %\n")
	b.WriteString("mapping (IPTC subjects under each detik label):\n")
	for _, t := range DetikTopics {
		fmt.Fprintf(&b, "  %-28s %s\n", t.Label, strings.Join(t.Subjects, ", "))
	}
	fmt.Fprintf(&b, "\n%-36s %16s %20s %24s %s\n", "system", "all 700 acc/F1", "even (dev) acc/F1", "odd (held out) acc/F1", "right at 2nd subject")
	for _, s := range r.Systems {
		fmt.Fprintf(&b, "%-36s %7.1f / %5.1f %11.1f / %5.1f %15.1f / %5.1f %8d\n", s.Name, s.All.Accuracy(), s.All.MacroF1,
			s.Dev.Accuracy(), s.Dev.MacroF1, s.Heldout.Accuracy(), s.Heldout.MacroF1, s.Second)
	}
	b.WriteString("\nshipped tagger, gold label → predicted label:\n")
	labels := make([]string, len(DetikTopics))
	for i, t := range DetikTopics {
		labels[i] = t.Label
	}
	fmt.Fprintf(&b, "%-28s", "")
	for _, l := range labels {
		fmt.Fprintf(&b, " %8.8s", l)
	}
	b.WriteString("\n")
	for _, g := range labels {
		fmt.Fprintf(&b, "%-28s", g)
		for _, p := range labels {
			fmt.Fprintf(&b, " %8d", r.Confusion[[2]string{g, p}])
		}
		fmt.Fprintf(&b, "   F1 %.1f\n", r.Systems[0].All.F1[g])
	}
	b.WriteString("\ntop subjects given:")
	keys := make([]string, 0, len(r.Subjects))
	for k := range r.Subjects {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, c string) int { return r.Subjects[c] - r.Subjects[a] })
	for _, k := range keys {
		fmt.Fprintf(&b, " %s %d;", k, r.Subjects[k])
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}
