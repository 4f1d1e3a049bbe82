// Package train rebuilds the topic model (`warta train topics`) from
// shippable data: the SIB-200 Indonesian train sentences with their topic
// labels mapped to IPTC subjects, and weak labels — SmSA train sentences
// (IndoNLU, Apache-2.0) whose lexicon hits all point to one subject.
// Training is deterministic: the same data gives the same model, byte for
// byte.
package train

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	lineartrain "github.com/warta-news/warta/analysis/internal/linear/train"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/analysis/topic"
)

// SIBSubjects maps SIB-200's topic labels to IPTC subject keys. Its
// geography sentences describe places and their features (seas, borders,
// populations), not the environment as IPTC means it, and are left out.
var SIBSubjects = map[string]string{
	"science/technology": "science",
	"travel":             "lifestyle",
	"politics":           "politics",
	"sports":             "sport",
	"health":             "health",
	"entertainment":      "arts",
}

// minWeakHits is how many lexicon hits, all of one subject, make an SmSA
// sentence a weak example of that subject.
const minWeakHits = 2

// Options are the training choices: a few epochs suffice for some 2,000
// short texts.
var Options = lineartrain.Options{Bits: topic.Bits, Epochs: 10, Rate: 0.05, L2: 1e-4, Seed: 1}

// Example is one training text and its subject.
type Example struct {
	Text    string
	Subject int    // index into the lexicon's subjects
	Set     string // where it comes from
}

// The training files under the shared data folder.
const (
	SIBFile  = "sib200/ind_Latn/train.tsv"
	SmSAFile = "sentiment/smsa_doc-sentiment-prosa/train_preprocess.tsv"
	NERPFile = "ner/nerp_ner-prosa/train_preprocess.txt"
)

// Examples reads the training texts from the shared data folder: the
// SIB-200 sentences, and the SmSA and NERP train sentences that the
// lexicon labels.
func Examples(data string) ([]Example, error) {
	lex := topic.DefaultLexicon()
	index := map[string]int{}
	for i, s := range lex.Subjects {
		index[s.Key] = i
	}
	var out []Example
	err := readTSV(filepath.Join(data, SIBFile), func(f []string) error {
		if f == nil {
			return nil
		}
		if len(f) != 3 {
			return fmt.Errorf("want index, category and text")
		}
		if f[0] == "index_id" {
			return nil
		}
		if key, ok := SIBSubjects[f[1]]; ok {
			out = append(out, Example{Text: f[2], Subject: index[key], Set: "SIB-200 ind_Latn train"})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	weak := func(s, set string) {
		if su, ok := weakSubject(lex, s); ok {
			out = append(out, Example{Text: s, Subject: su, Set: set})
		}
	}
	err = readTSV(filepath.Join(data, SmSAFile), func(f []string) error {
		if f == nil {
			return nil
		}
		if len(f) != 2 {
			return fmt.Errorf("want text and label")
		}
		weak(f[0], "SmSA train, weakly labelled")
		return nil
	})
	if err != nil {
		return nil, err
	}
	// NERP's news sentences (lower case), one token a line with its tag,
	// a blank line after each sentence.
	var words []string
	err = readTSV(filepath.Join(data, NERPFile), func(f []string) error {
		if f == nil {
			weak(strings.Join(words, " "), "NERP train, weakly labelled")
			words = words[:0]
			return nil
		}
		words = append(words, f[0])
		return nil
	})
	if len(words) > 0 {
		weak(strings.Join(words, " "), "NERP train, weakly labelled")
	}
	return out, err
}

// weakSubject is the one subject all the lexicon hits of s point to, when
// there are at least minWeakHits of them.
func weakSubject(lex *topic.Lexicon, s string) (int, bool) {
	doc := Document(s)
	subject, hits, mixed := -1, 0, false
	lex.Features(doc, 0, len(doc.Tokens), nil, func(subjects []int8, _ float64) {
		for _, su := range subjects {
			hits++
			if subject >= 0 && int(su) != subject {
				mixed = true
			}
			subject = int(su)
		}
	})
	return subject, !mixed && hits >= minWeakHits
}

// Document is a training text tokenised as the pipeline would.
func Document(s string) *text.Document {
	doc := &text.Document{Text: text.Normalize(s)}
	text.Tokenize(doc)
	return doc
}

func readTSV(path string, row func([]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("train topics: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		var fields []string // nil for a blank line
		if strings.TrimSpace(line) != "" {
			fields = strings.Split(line, "\t")
		}
		if err := row(fields); err != nil {
			return fmt.Errorf("train topics: %s line %d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("train topics: %s: %w", path, err)
	}
	return nil
}

// Train trains the model from the examples in the shared data folder and
// returns its file.
func Train(data string) ([]byte, error) {
	ex, err := Examples(data)
	if err != nil {
		return nil, err
	}
	lex := topic.DefaultLexicon()
	keys := make([]string, len(lex.Subjects))
	for i, s := range lex.Subjects {
		keys[i] = s.Key
	}
	fit := make([]lineartrain.Example, len(ex))
	counts := make([]int, len(keys))
	for i, e := range ex {
		doc := Document(e.Text)
		fit[i] = lineartrain.Example{Rows: lex.Features(doc, 0, len(doc.Tokens), nil, nil), Class: e.Subject}
		counts[e.Subject]++
	}
	// Each subject's loss is weighed by the inverse of its examples, so
	// that the many weak political comments of SmSA do not make politics
	// the model's answer to everything.
	o := Options
	o.ClassWeight = make([]float64, len(keys))
	for i, n := range counts {
		if n > 0 {
			o.ClassWeight[i] = float64(len(ex)) / float64(len(keys)*n)
		}
	}
	m := lineartrain.Fit(keys, fit, o)
	sets := map[string]int{}
	for _, e := range ex {
		sets[e.Set]++
	}
	for i, k := range keys {
		if counts[i] > 0 {
			sets["subject "+k] = counts[i]
		}
	}
	m.Note = lineartrain.Note("warta train topics", "logistic regression over words and subject-lexicon hits", sets)
	var b bytes.Buffer
	if err := m.Save(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
