package eval

import (
	"fmt"
	"io"
	"strings"

	"github.com/warta-news/warta/analysis/entity"
	entitytrain "github.com/warta-news/warta/analysis/entity/train"
)

// NERScore is the entity-level (CoNLL) score of the tagger on one NER set.
type NERScore struct {
	Set       string // nergrit, nerp, idner, nerui, nerugm
	Split     string // test or dev
	Ship      bool   // a set the model is trained on (others are evaluation only)
	Domain    string // the annotation domain it was tagged in
	Sentences int
	All       PRF
	// Classes holds the score of each class, in the model's class order.
	Classes   []string
	ByClass   map[string]*PRF
	Published string // the best published F1, with its source
}

// NER tags the given split ("test" or "dev") of every set in
// entitytrain.Corpora under nerDir (../shared/data/ner) with m and scores whole
// entities as conlleval does: an entity counts when its span and class
// both match. Each set is tagged in its own annotation domain; the
// evaluation-only IndoLEM sets, in the news domain.
func NER(nerDir string, m *entity.Model, split string) ([]NERScore, error) {
	var out []NERScore
	for _, c := range entitytrain.Corpora {
		files := c.Test
		if split == "dev" {
			files = c.Dev
		}
		if len(files) == 0 {
			continue
		}
		sents, err := c.Read(nerDir, files)
		if err != nil {
			return nil, fmt.Errorf("eval: ner: %w", err)
		}
		d := m.Domain(c.Domain)
		if d < 0 {
			return nil, fmt.Errorf("eval: ner: the model has no domain %q for %s", c.Domain, c.Name)
		}
		s := NERScore{Set: c.Name, Split: split, Ship: c.Ship, Domain: c.Domain, Sentences: len(sents),
			Published: c.Published, ByClass: map[string]*PRF{}}
		for _, sent := range sents {
			s.add(sent.Tags, m.TagWordsIn(sent.Words, d))
		}
		for _, class := range m.Classes() {
			if _, ok := s.ByClass[class]; ok {
				s.Classes = append(s.Classes, class)
			}
		}
		out = append(out, s)
	}
	return out, nil
}

func (s *NERScore) add(gold, pred []string) {
	g := entitytrain.Spans(gold)
	set := make(map[entitytrain.Span]bool, len(g))
	for _, sp := range g {
		set[sp] = true
		s.class(sp.Class).Gold++
		s.All.Gold++
	}
	for _, sp := range entitytrain.Spans(pred) {
		c := s.class(sp.Class)
		c.Pred++
		s.All.Pred++
		if set[sp] {
			c.Match++
			s.All.Match++
		}
	}
}

func (s *NERScore) class(name string) *PRF {
	p := s.ByClass[name]
	if p == nil {
		p = &PRF{}
		s.ByClass[name] = p
	}
	return p
}

// WriteNERReport writes the scores beside the published figures, with the
// model's size and training time.
func WriteNERReport(w io.Writer, scores []NERScore, info entity.ModelInfo, modelBytes int) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-8s %-5s %-4s %6s %7s %7s %7s  %-62s %s\n", "set", "split", "use", "sents", "P", "R", "F1", "per class F1 (gold entities)", "best published F1")
	for _, s := range scores {
		use := "eval"
		if s.Ship {
			use = "ship"
		}
		var per []string
		for _, c := range s.Classes {
			p := s.ByClass[c]
			per = append(per, fmt.Sprintf("%s %.1f (%d)", c, 100*p.F1(), p.Gold))
		}
		fmt.Fprintf(&b, "%-8s %-5s %-4s %6d %7.2f %7.2f %7.2f  %-62s %s\n", s.Set, s.Split, use, s.Sentences,
			100*s.All.Precision(), 100*s.All.Recall(), 100*s.All.F1(), strings.Join(per, ", "), s.Published)
	}
	fmt.Fprintf(&b, "\nmodel: %s, %d epochs, 2^%d feature buckets, %.1f MB, trained in %.0f s on %s\n",
		info.Trainer, info.Epochs, info.HashBits, float64(modelBytes)/1e6, info.Seconds, trainedOn(info))
	b.WriteString(nerReportNotes)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("eval: writing ner report: %w", err)
	}
	return nil
}

func trainedOn(info entity.ModelInfo) string {
	var parts []string
	for _, c := range entitytrain.Corpora {
		if n, ok := info.Sentences[c.Name]; ok {
			parts = append(parts, fmt.Sprintf("%s train (%d sentences)", c.Name, n))
		}
	}
	return strings.Join(parts, ", ")
}

const nerReportNotes = `
Scores are conlleval's: an entity counts when its span and class match
exactly. Tag sets are mapped one to one (NERGrit PERSON/PLACE/ORGANISATION,
NERP PPL/PLC/IND/EVT/FNB, IDNer and IndoLEM PER/LOC/ORG), so each set's F1
is the one its own tags give.
The model is one tagger trained on the three ship sets together, with a
copy of some features per set for its annotation conventions; each set is
tagged in its own domain, the IndoLEM sets in the news domain (IDNer).
The IndoNLU figures are of models fine-tuned on one set each; the IndoLEM
figures are of models trained in-domain on each fold's train split, while
this model never saw NER-UI or NER-UGM (evaluation only; their five test
folds, which partition each set, are scored together), so its conventions
(what counts as an ORG or a LOC, where a name begins) differ.
`
