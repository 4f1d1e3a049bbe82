package eval

import (
	"bufio"
	stdcontext "context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/warta-news/warta/analysis"
)

// TranslationScores are machine_translated scores of native articles and
// of known translations.
type TranslationScores struct {
	Native []float64
	// Known are the known machine-style translations, by name.
	Known map[string]float64
	// Human are FLORES sentences translated from English by people, read
	// in groups of ten as short articles.
	Human []float64
}

// Translations scores the native detik-news articles, the known
// translations (the founding article and the .txt files of dir) and, when
// flores is not empty, the human translations of SIB-200's Indonesian test
// split.
func Translations(ctx stdcontext.Context, articles, seed, dir, flores string) (*TranslationScores, error) {
	s := &TranslationScores{Known: map[string]float64{}}
	score := func(in analysis.Input) (float64, error) {
		rec, err := analysis.Analyze(ctx, in)
		if err != nil {
			return 0, err
		}
		return rec.Quality.MachineTranslated, nil
	}
	f, err := os.Open(articles)
	if err != nil {
		return nil, fmt.Errorf("eval quality: %w", err)
	}
	defer f.Close()
	dec := json.NewDecoder(bufio.NewReader(f))
	for dec.More() {
		var a struct{ ID, Title, URL, Published, Body string }
		if err := dec.Decode(&a); err != nil {
			return nil, fmt.Errorf("eval quality: %s: %w", articles, err)
		}
		v, err := score(analysis.Input{Title: a.Title, Body: a.Body, URL: a.URL, Published: a.Published})
		if err != nil {
			return nil, fmt.Errorf("eval quality: article %s: %w", a.ID, err)
		}
		s.Native = append(s.Native, v)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if seed != "" {
		files = append([]string{seed}, files...)
	}
	for _, path := range files {
		raw, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("eval quality: %w", err)
		}
		v, err := score(analysis.Input{Body: string(raw)})
		if err != nil {
			return nil, fmt.Errorf("eval quality: %s: %w", path, err)
		}
		s.Known[filepath.Base(path)] = v
	}
	if flores != "" {
		raw, err := os.ReadFile(flores)
		if err != nil {
			return nil, fmt.Errorf("eval quality: %w", err)
		}
		var group []string
		lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
		for i, line := range lines[1:] { // a header, then index_id, category, text
			if f := strings.SplitN(line, "\t", 3); len(f) == 3 {
				group = append(group, f[2])
			}
			if len(group) == 10 || i == len(lines)-2 && len(group) > 0 {
				v, err := score(analysis.Input{Title: group[0], Body: strings.Join(group[1:], "\n")})
				if err != nil {
					return nil, fmt.Errorf("eval quality: %s: %w", flores, err)
				}
				s.Human = append(s.Human, v)
				group = group[:0]
			}
		}
	}
	return s, nil
}

// WriteTranslationReport prints the scores and their separation: the
// share of (translation, native) pairs where the translation scores
// higher (ties count half), and how many of each pass 0.5.
func WriteTranslationReport(w io.Writer, s *TranslationScores) error {
	var b strings.Builder
	native := slices.Sorted(slices.Values(s.Native))
	above := func(xs []float64, t float64) int {
		n := 0
		for _, x := range xs {
			if x >= t {
				n++
			}
		}
		return n
	}
	pct := func(q float64) float64 {
		if len(native) == 0 {
			return 0
		}
		return native[min(len(native)-1, int(q*float64(len(native))))]
	}
	fmt.Fprintf(&b, "native detik-news articles: %d; machine_translated median %.3f, 95th percentile %.3f, 99th %.3f, max %.3f; %d of %d at 0.5 or more\n",
		len(native), pct(0.5), pct(0.95), pct(0.99), pct(1), above(native, 0.5), len(native))
	var known []float64
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range s.Known {
			if !yield(k) {
				return
			}
		}
	}) {
		fmt.Fprintf(&b, "known translation %-18s %.3f\n", name, s.Known[name])
		known = append(known, s.Known[name])
	}
	fmt.Fprintf(&b, "known translations at 0.5 or more: %d of %d; separation from native (AUC) %.3f\n", above(known, 0.5), len(known), auc(known, native))
	if len(s.Human) > 0 {
		fmt.Fprintf(&b, "human translations (FLORES, groups of 10 sentences): %d; %d at 0.5 or more, max %.3f; AUC against native %.3f\n",
			len(s.Human), above(s.Human, 0.5), slices.Max(s.Human), auc(s.Human, native))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func auc(pos, neg []float64) float64 {
	if len(pos) == 0 || len(neg) == 0 {
		return 0
	}
	var sum float64
	for _, p := range pos {
		for _, n := range neg {
			switch {
			case p > n:
				sum++
			case p == n:
				sum += 0.5
			}
		}
	}
	return sum / float64(len(pos)*len(neg))
}
