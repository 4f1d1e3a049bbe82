package eval

import (
	"bytes"
	stdcontext "context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/analysis/tone"
	tonetrain "github.com/warta-news/warta/analysis/tone/train"
)

// IndoNLU's best published SmSA macro-F1 (IndoBERT-large; Wilie et al.
// 2020, Table 5).
const smsaPublished = 92.72

// ClassScore is accuracy and macro-F1 of a classifier on a labelled set,
// with each class's F1.
type ClassScore struct {
	N, Correct int
	MacroF1    float64
	F1         map[string]float64
}

// Accuracy is Correct over N, in percent.
func (s ClassScore) Accuracy() float64 { return pct0(s.Correct, s.N) }

// scoreClasses compares predictions with gold labels over the classes.
func scoreClasses(classes []string, gold, pred []string) ClassScore {
	s := ClassScore{N: len(gold), F1: map[string]float64{}}
	for _, c := range classes {
		var tp, fp, fn float64
		for i := range gold {
			switch {
			case gold[i] == c && pred[i] == c:
				tp++
			case pred[i] == c:
				fp++
			case gold[i] == c:
				fn++
			}
		}
		f := 0.0
		if tp > 0 {
			f = 100 * 2 * tp / (2*tp + fp + fn)
		}
		s.F1[c] = f
		s.MacroF1 += f / float64(len(classes))
	}
	for i := range gold {
		if gold[i] == pred[i] {
			s.Correct++
		}
	}
	return s
}

// ToneSystem is one classifier's scores on SmSA and on the news sentences.
type ToneSystem struct {
	Name              string
	Valid, Test, News ClassScore
}

// ToneReport is the outcome of `warta eval tone`.
type ToneReport struct {
	Systems []ToneSystem // the shipped model first
	// Rebuilt says whether training on SmSA train here gave the shipped
	// model byte for byte.
	Rebuilt bool
	// NewsLabels counts the labels of the news sentences.
	NewsLabels map[string]int
}

// toneClassifier labels the tokens [first, last) of a document.
type toneClassifier func(doc *text.Document, first, last int) string

func modelClassifier(a *tone.Analyzer) toneClassifier {
	return func(doc *text.Document, first, last int) string {
		p, _ := a.Probabilities(doc, first, last)
		best := 0
		for c := range p {
			if p[c] > p[best] {
				best = c
			}
		}
		return tone.Classes[best]
	}
}

// lexiconClassifier counts the lexicon's hits: more positive than negative
// is positive, and so on.
func lexiconClassifier(doc *text.Document, first, last int) string {
	sub := *doc
	sub.Tokens = doc.Tokens[first:last]
	pos, neg := tonetrain.LexiconHits(&sub)
	switch {
	case pos > neg:
		return "positive"
	case neg > pos:
		return "negative"
	}
	return "neutral"
}

// newsSentence is one labelled sentence of detik-news, as a token range of
// its article's Document.
type newsSentence struct {
	doc         *text.Document
	first, last int
	label       string
}

// Tone scores the shipped tone model and baselines on SmSA valid and test
// (in data/sentiment) and on the labelled detik-news sentences of the
// labels file.
func Tone(ctx stdcontext.Context, data, labels string) (*ToneReport, error) {
	dir := filepath.Join(data, "sentiment", "smsa_doc-sentiment-prosa")
	var sets [3][]tonetrain.Example
	for i, name := range []string{tonetrain.TrainFile, tonetrain.ValidFile, tonetrain.TestFile} {
		ex, err := tonetrain.Read(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("eval tone: %w", err)
		}
		sets[i] = ex
	}
	news, counts, err := readToneLabels(data, labels)
	if err != nil {
		return nil, err
	}
	rep := &ToneReport{NewsLabels: counts}

	shipped, err := tone.New()
	if err != nil {
		return nil, err
	}
	systems := []struct {
		name     string
		classify toneClassifier
	}{{"warta: words, pairs, char 3–4-grams, lexicon (shipped)", modelClassifier(shipped)}}
	for _, b := range []struct {
		name string
		set  tonetrain.Features
	}{{"baseline: words only", tonetrain.WordFeatures}, {"baseline: words and char 3–4-grams", tonetrain.NgramFeatures}, {"retrained here, all features", tonetrain.AllFeatures}} {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		c := tonetrain.FitClassifier(b.set, sets[0])
		if b.set == tonetrain.AllFeatures {
			var buf bytes.Buffer
			if err := c.Model.Save(&buf); err != nil {
				return nil, err
			}
			if rep.Rebuilt = bytes.Equal(buf.Bytes(), tone.ModelFile()); rep.Rebuilt {
				continue // the shipped model's scores
			}
		}
		systems = append(systems, struct {
			name     string
			classify toneClassifier
		}{b.name, c.Label})
	}
	systems = append(systems, struct {
		name     string
		classify toneClassifier
	}{"baseline: lexicon hits alone", lexiconClassifier}, struct {
		name     string
		classify toneClassifier
	}{"baseline: always neutral", func(*text.Document, int, int) string { return "neutral" }},
		struct {
			name     string
			classify toneClassifier
		}{"baseline: always positive (SmSA's majority)", func(*text.Document, int, int) string { return "positive" }})

	smsaDocs := [3][]*text.Document{}
	for i := 1; i < 3; i++ {
		for _, e := range sets[i] {
			smsaDocs[i] = append(smsaDocs[i], tonetrain.Document(e.Text))
		}
	}
	for _, s := range systems {
		sys := ToneSystem{Name: s.name}
		for i, out := range []*ClassScore{nil, &sys.Valid, &sys.Test} {
			if out == nil {
				continue
			}
			var gold, pred []string
			for k, e := range sets[i] {
				d := smsaDocs[i][k]
				gold = append(gold, tone.Classes[e.Class])
				pred = append(pred, s.classify(d, 0, len(d.Tokens)))
			}
			*out = scoreClasses(tone.Classes, gold, pred)
		}
		var gold, pred []string
		for _, n := range news {
			gold = append(gold, n.label)
			pred = append(pred, s.classify(n.doc, n.first, n.last))
		}
		sys.News = scoreClasses(tone.Classes, gold, pred)
		rep.Systems = append(rep.Systems, sys)
	}
	return rep, nil
}

// readToneLabels reads the labelled news sentences and finds each in its
// article's Document.
func readToneLabels(data, labels string) ([]newsSentence, map[string]int, error) {
	raw, err := os.ReadFile(labels)
	if err != nil {
		return nil, nil, fmt.Errorf("eval tone: %w", err)
	}
	arts, err := readDetik(data)
	if err != nil {
		return nil, nil, fmt.Errorf("eval tone: %w", err)
	}
	byID := map[string]detikArticle{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	docs := map[string]*text.Document{}
	var out []newsSentence
	counts := map[string]int{}
	for n, f := range text.Rows(string(raw)) {
		if len(f) != 6 || !slices.Contains(tone.Classes, f[5]) {
			return nil, nil, fmt.Errorf("eval tone: %s line %d: want id, four offsets and positive, neutral or negative", labels, n)
		}
		a, ok := byID[f[0]]
		if !ok {
			return nil, nil, fmt.Errorf("eval tone: %s line %d: no article %s in detik-news", labels, n, f[0])
		}
		// In text order: sentence start, mention start and end, sentence end.
		offs, err := atoiFields([]string{f[1], f[3], f[4], f[2]})
		if err != nil || !slices.IsSorted(offs) {
			return nil, nil, fmt.Errorf("eval tone: %s line %d: bad offsets", labels, n)
		}
		doc := docs[a.ID]
		if doc == nil {
			doc = a.document()
			docs[a.ID] = doc
		}
		b := byteOffsets(doc, offs)
		i := slices.IndexFunc(doc.Sentences, func(s text.Sentence) bool { return s.Start == b[0] && s.End == b[3] })
		if i < 0 || strings.TrimSpace(doc.Text[b[1]:b[2]]) == "" {
			return nil, nil, fmt.Errorf("eval tone: %s line %d: article %s has no sentence at %d–%d with a mention at %d–%d (has the article cleaning or the splitter changed?)", labels, n, a.ID, offs[0], offs[3], offs[1], offs[2])
		}
		s := doc.Sentences[i]
		out = append(out, newsSentence{doc: doc, first: s.First, last: s.Last, label: f[5]})
		counts[f[5]]++
	}
	return out, counts, nil
}

// WriteToneReport prints the report as a table.
func WriteToneReport(w io.Writer, r *ToneReport) error {
	var b strings.Builder
	fmt.Fprintf(&b, "SmSA (IndoNLU; reviews and comments): macro-F1 and accuracy, %%; best published macro-F1 %.2f (IndoBERT-large)\n", smsaPublished)
	fmt.Fprintf(&b, "news: %d detik-news sentences labelled for their tone toward an entity (%d positive, %d neutral, %d negative)\n\n",
		r.Systems[0].News.N, r.NewsLabels["positive"], r.NewsLabels["neutral"], r.NewsLabels["negative"])
	fmt.Fprintf(&b, "%-56s %14s %14s %14s  %s\n", "system", "SmSA valid F1", "SmSA test F1", "test acc", "news F1 / acc (pos neu neg F1)")
	for _, s := range r.Systems {
		fmt.Fprintf(&b, "%-56s %14.2f %14.2f %14.2f  %.2f / %.2f (%.1f %.1f %.1f)\n", s.Name, s.Valid.MacroF1, s.Test.MacroF1, s.Test.Accuracy(),
			s.News.MacroF1, s.News.Accuracy(), s.News.F1["positive"], s.News.F1["neutral"], s.News.F1["negative"])
	}
	if r.Rebuilt {
		b.WriteString("\ntraining on SmSA train here rebuilt the shipped model byte for byte\n")
	} else {
		b.WriteString("\ntraining on SmSA train here did NOT rebuild the shipped model (run `warta train tone`)\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
