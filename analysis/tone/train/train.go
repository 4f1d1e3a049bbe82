// Package train rebuilds the tone model from the SmSA sentiment set
// (`warta train tone`) and reads SmSA for the evaluation. Training is
// deterministic: the same data gives the same model, byte for byte.
package train

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/warta-news/warta/analysis/internal/linear"
	lineartrain "github.com/warta-news/warta/analysis/internal/linear/train"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/analysis/tone"
	"github.com/warta-news/warta/analysis/tone/internal/feature"
)

// SmSA's files in its folder.
const (
	TrainFile = "train_preprocess.tsv"
	ValidFile = "valid_preprocess.tsv"
	TestFile  = "test_preprocess.tsv"
)

// Example is one labelled SmSA text.
type Example struct {
	Text  string
	Class int // index into tone.Classes
}

// Read reads one SmSA file: text, a tab, and positive, neutral or
// negative.
func Read(path string) ([]Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read SmSA: %w", err)
	}
	defer f.Close()
	var out []Example
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" {
			continue
		}
		txt, label, ok := strings.Cut(line, "\t")
		c := slices.Index(tone.Classes, strings.TrimSpace(label))
		if !ok || c < 0 {
			return nil, fmt.Errorf("read SmSA %s line %d: want text, a tab and a label", path, n)
		}
		out = append(out, Example{Text: txt, Class: c})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read SmSA %s: %w", path, err)
	}
	return out, nil
}

// splitNya is SmSA's preprocessing that set the clitic -nya apart
// (makanan nya, pelanggan - nya); news prints it joined, as the model
// must read it.
var splitNya = regexp.MustCompile(`(\pL) (?:- )?nya\b`)

// Document turns an SmSA text into a tokenised Document as the pipeline
// would see it, the clitic -nya joined again.
func Document(s string) *text.Document {
	doc := &text.Document{Text: text.Normalize(splitNya.ReplaceAllString(s, "${1}nya"))}
	text.Tokenize(doc)
	return doc
}

// Rows returns the feature rows of a whole Document.
func Rows(set feature.Set, doc *text.Document) []uint32 {
	rows, _ := feature.Extract(feature.Default(), set, doc, 0, len(doc.Tokens), nil, nil)
	return rows
}

// LexiconHits counts a Document's positive and negative lexicon hits, for
// the lexicon baseline.
func LexiconHits(doc *text.Document) (pos, neg int) {
	hits := map[feature.Polarity]int{}
	feature.Extract(feature.Default(), 0, doc, 0, len(doc.Tokens), nil, hits)
	return hits[feature.Positive], hits[feature.Negative]
}

// Options are the training choices, picked on SmSA valid by macro-F1: ten
// epochs at AdaGrad step 0.02 (at 0.1, or with more epochs, the model
// overfits train and loses 2 to 3 points), and each class's loss weighed
// by the inverse of its share of train, which lifts the rare neutral class
// (10% of train), the class most news sentences belong to.
var Options = lineartrain.Options{Bits: feature.Bits, Epochs: 10, Rate: 0.02, L2: 3e-4, Seed: 1}

// Fit trains a model with the given features over examples.
func Fit(set feature.Set, examples []Example, o lineartrain.Options) *linear.Model {
	ex := make([]lineartrain.Example, len(examples))
	counts := make([]float64, len(tone.Classes))
	for i, e := range examples {
		ex[i] = lineartrain.Example{Rows: Rows(set, Document(e.Text)), Class: e.Class}
		counts[e.Class]++
	}
	if o.ClassWeight == nil {
		o.ClassWeight = make([]float64, len(counts))
		for c, n := range counts {
			o.ClassWeight[c] = float64(len(examples)) / (float64(len(counts)) * max(n, 1))
		}
	}
	m := lineartrain.Fit(tone.Classes, ex, o)
	m.Note = lineartrain.Note("warta train tone", fmt.Sprintf("multinomial logistic regression over %s", set), map[string]int{"SmSA train": len(examples)})
	return m
}

// Train trains the shipped model from SmSA train in dir and returns its
// file.
func Train(dir string) ([]byte, error) {
	ex, err := Read(filepath.Join(dir, TrainFile))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := Fit(feature.All, ex, Options).Save(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Classifier is a model trained here with the features it reads, for the
// baselines of the evaluation.
type Classifier struct {
	Model *linear.Model
	Set   Features
}

// FitClassifier trains a classifier over examples with the given features
// and the shipped model's options.
func FitClassifier(set Features, examples []Example) *Classifier {
	return &Classifier{Model: Fit(set, examples, Options), Set: set}
}

// Label is the most probable class of the tokens doc.Tokens[first:last].
func (c *Classifier) Label(doc *text.Document, first, last int) string {
	rows, _ := feature.Extract(feature.Default(), c.Set, doc, first, last, nil, nil)
	s := c.Model.Scores(rows, nil)
	best := 0
	for i := range s {
		if s[i] > s[best] {
			best = i
		}
	}
	return tone.Classes[best]
}

// Features is a set of kinds of feature, for training the baselines the
// evaluation compares the shipped model with.
type Features = feature.Set

// The feature sets the evaluation trains: words alone, words and
// character n-grams, and all of them (the shipped model's).
const (
	WordFeatures  Features = feature.Words
	NgramFeatures Features = feature.Words | feature.Ngrams
	AllFeatures   Features = feature.All
)
