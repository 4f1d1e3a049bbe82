// Package topic tells an article's subjects among the 17 top-level
// subjects of the IPTC Media Topics vocabulary (politics; economy,
// business and finance; crime, law and justice; ...).
//
// Two sources of evidence are added up. A lexicon of Indonesian news words
// and phrases per subject, written by the warta authors from IPTC's
// definitions (data/lexicon.tsv), gives each subject its share of the
// article's hits, a title word counting three times. A linear model over
// the article's words and its lexicon hits (data/topic.model), trained by
// `warta train topics` (package topic/train) on the SIB-200 Indonesian
// sentences with their topic labels mapped to IPTC and on weak labels —
// SmSA sentences whose lexicon hits all point to one subject — gives each
// subject a probability, which counts as one more hit shared among the
// subjects. A subject's score is its share of the hits; the subjects
// scoring at least MinScore are given, best first, and the best one always
// is.
//
// internal/eval scores the top subject against the detik-news topic labels
// mapped to IPTC (`warta eval topics`).
package topic

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/warta-news/warta/analysis/internal/linear"
	"github.com/warta-news/warta/analysis/internal/words"
	"github.com/warta-news/warta/analysis/text"
)

// Topic is one subject of an article: its IPTC label, code and score
// (0 to 1).
type Topic struct {
	Label string  `json:"label"`
	Code  string  `json:"code"`
	Score float64 `json:"score"`
}

// MinScore is the lowest score of a subject given after the first.
const MinScore = 0.15

// titleWeight is how many body words a title word counts for.
const titleWeight = 3

// Bits is the size of the model's feature table, 2^Bits rows of 17
// weights.
const Bits = 14

// Subject is one IPTC top-level subject: the key lexicon.tsv uses, its
// Media Topic code, IPTC's English label and an Indonesian one.
type Subject struct {
	Key, Code, Label, Indonesian string
}

// Lookup finds a subject by its code (medtop:11000000, or the digits
// alone), its key (politics), either label (crime, law and justice;
// kriminalitas, hukum dan keadilan) or a label's head before its first
// comma (kriminalitas), case and surrounding space aside: what a topic:
// filter may say.
func Lookup(s string) (Subject, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, sub := range DefaultLexicon().Subjects {
		for _, name := range sub.names() {
			if s == name {
				return sub, true
			}
		}
	}
	return Subject{}, false
}

// names are the names Lookup knows a subject by.
func (s Subject) names() []string {
	head := func(label string) string { h, _, _ := strings.Cut(label, ","); return h }
	return []string{s.Code, strings.TrimPrefix(s.Code, "medtop:"), s.Key, s.Label, s.Indonesian, head(s.Label), head(s.Indonesian)}
}

//go:embed data/subjects.tsv
var subjectsFile string

//go:embed data/lexicon.tsv
var lexiconFile string

//go:embed data/topic.model
var modelFile []byte

// Lexicon is the subject lexicon, parsed.
type Lexicon struct {
	Subjects []Subject
	words    *text.Lexicon[entry]
	phrases  map[string][]int8 // subjects of each two-word phrase, "first second"
}

// entry is what the lexicon knows of a word: its subjects, and whether a
// phrase starts with it.
type entry struct {
	subjects    []int8
	startPhrase bool
}

// ParseLexicon reads subjects.tsv and lexicon.tsv.
func ParseLexicon(subjects, lexicon string) (*Lexicon, error) {
	lex := &Lexicon{phrases: map[string][]int8{}}
	index := map[string]int8{}
	for n, f := range text.Rows(subjects) {
		if len(f) != 4 {
			return nil, fmt.Errorf("topic subjects line %d: want key, code, label and Indonesian label", n)
		}
		index[f[0]] = int8(len(lex.Subjects))
		lex.Subjects = append(lex.Subjects, Subject{Key: f[0], Code: f[1], Label: f[2], Indonesian: f[3]})
	}
	words := map[string]entry{}
	for n, f := range text.Rows(lexicon) {
		if len(f) != 2 {
			return nil, fmt.Errorf("topic lexicon line %d: want subject and word", n)
		}
		s, ok := index[f[0]]
		if !ok {
			return nil, fmt.Errorf("topic lexicon line %d: unknown subject %q", n, f[0])
		}
		switch parts := strings.Fields(strings.ToLower(f[1])); len(parts) {
		case 1:
			if e := words[parts[0]]; !slices.Contains(e.subjects, s) {
				e.subjects = append(e.subjects, s)
				words[parts[0]] = e
			}
		case 2:
			key := parts[0] + " " + parts[1]
			if !slices.Contains(lex.phrases[key], s) {
				lex.phrases[key] = append(lex.phrases[key], s)
			}
			e := words[parts[0]]
			e.startPhrase = true
			words[parts[0]] = e
		default:
			return nil, fmt.Errorf("topic lexicon line %d: %q is not one or two words", n, f[1])
		}
	}
	lex.words = text.NewLexicon(words)
	return lex, nil
}

// DefaultLexicon is the embedded lexicon, parsed on first use.
var DefaultLexicon = sync.OnceValue(func() *Lexicon {
	lex, err := ParseLexicon(subjectsFile, lexiconFile)
	if err != nil {
		panic(err) // embedded data: TestLexicon keeps it valid
	}
	return lex
})

// Features reads the tokens of doc: it calls hit with the subjects of
// each lexicon word or phrase and the weight of where it stands (a title
// word counts titleWeight times), and appends to rows the model's feature
// rows. Training and tagging both read text through it.
func (lex *Lexicon) Features(doc *text.Document, first, last int, rows []uint32, hit func(subjects []int8, weight float64)) []uint32 {
	for i := first; i < last; i++ {
		t := doc.Tokens[i]
		if t.Kind != text.Word {
			continue
		}
		w := doc.Text[t.Start:t.End]
		e, _ := lex.words.Get(w)
		subjects := e.subjects
		if e.startPhrase && i+1 < last {
			// The two words lowered into a stack buffer: a map index of
			// string(b) does not allocate.
			next := doc.Tokens[i+1]
			var buf [64]byte
			b := append(text.AppendLower(buf[:0], w), ' ')
			if s, ok := lex.phrases[string(text.AppendLower(b, doc.Text[next.Start:next.End]))]; ok {
				subjects = s
				i++ // the phrase's second word is not read again
			}
		}
		weight := 1.0
		if t.End <= doc.Title.End && doc.Title.End > doc.Title.Start {
			weight = titleWeight
		}
		for _, s := range subjects {
			rows = append(rows, linear.Start('L').AddByte(byte(s)).Row(Bits))
		}
		if len(subjects) > 0 && hit != nil {
			hit(subjects, weight)
		}
		if k := words.Key(w); !words.IsStopword(k) {
			rows = append(rows, k.Row(Bits))
		}
	}
	return rows
}

// Tagger tells the subjects of articles. It is safe for concurrent use.
type Tagger struct {
	lex   *Lexicon
	model *linear.Model
}

var defaultTagger = sync.OnceValues(func() (*Tagger, error) { return NewWithModel(modelFile) })

// New returns the Tagger with the embedded lexicon and model.
func New() (*Tagger, error) { return defaultTagger() }

// NewWithModel returns a Tagger with the embedded lexicon and the model
// file data, for evaluating a freshly trained model.
func NewWithModel(data []byte) (*Tagger, error) {
	m, err := linear.Load(data)
	if err != nil {
		return nil, fmt.Errorf("topic model: %w", err)
	}
	lex := DefaultLexicon()
	keys := make([]string, len(lex.Subjects))
	for i, s := range lex.Subjects {
		keys[i] = s.Key
	}
	if !slices.Equal(m.Classes, keys) || m.Bits != Bits {
		return nil, fmt.Errorf("topic model: classes %v over 2^%d rows, want %v over 2^%d", m.Classes, m.Bits, keys, Bits)
	}
	return &Tagger{lex: lex, model: m}, nil
}

// ModelFile returns the embedded model's file, for checking that
// `warta train topics` rebuilds it.
func ModelFile() []byte { return slices.Clone(modelFile) }

// Subjects returns the subjects in the order of Scores and Evidence.
func (t *Tagger) Subjects() []Subject { return slices.Clone(t.lex.Subjects) }

// Scores returns every subject's score for doc (tokens split), in the
// order of Subjects: its lexicon hits plus modelHits times the model's
// probability, over all hits plus modelHits.
func (t *Tagger) Scores(doc *text.Document) []float64 {
	hits, total, p := t.Evidence(doc)
	for i := range p {
		p[i] = (hits[i] + modelHits*p[i]) / (total + modelHits)
	}
	return p
}

// modelHits is how many lexicon hits the model's probabilities weigh as:
// over the even-numbered detik-news articles, one hit's worth (69.4% of
// the top subjects right) did as well as the lexicon alone and better than
// any heavier weight (2: 69.1%, 5: 67.1%, the model alone: 60.3%), since
// the model learnt from short sentences far from news; it decides when the
// lexicon is silent or split evenly.
const modelHits = 1.0

// Evidence returns each subject's (weighted) lexicon hits in doc, their
// total, and the model's probability of each subject.
func (t *Tagger) Evidence(doc *text.Document) (hits []float64, total float64, model []float64) {
	n := len(t.lex.Subjects)
	hits = make([]float64, n)
	rows := t.lex.Features(doc, 0, len(doc.Tokens), nil, func(subjects []int8, w float64) {
		for _, s := range subjects {
			hits[s] += w
			total += w
		}
	})
	model = t.model.Scores(rows, make([]float64, 0, n))
	linear.Softmax(model)
	return hits, total, model
}

// Tag returns doc's subjects, best first: the best one, and every other
// scoring at least MinScore.
func (t *Tagger) Tag(doc *text.Document) []Topic {
	scores := t.Scores(doc)
	order := make([]int, len(scores))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case scores[a] > scores[b]:
			return -1
		case scores[a] < scores[b]:
			return 1
		}
		return 0
	})
	out := []Topic{}
	for k, i := range order {
		if k > 0 && scores[i] < MinScore {
			break
		}
		s := t.lex.Subjects[i]
		out = append(out, Topic{Label: s.Label, Code: s.Code, Score: math.Round(scores[i]*1000) / 1000})
	}
	return out
}
