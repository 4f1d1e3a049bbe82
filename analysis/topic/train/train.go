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
	Subject int // index into the lexicon's subjects
	Weak    bool
}

// Examples reads the training texts: SIB-200 ind_Latn train.tsv under
// sibDir and SmSA train_preprocess.tsv under smsaDir.
func Examples(sibDir, smsaDir string) ([]Example, error) {
	lex := topic.DefaultLexicon()
	index := map[string]int{}
	for i, s := range lex.Subjects {
		index[s.Key] = i
	}
	var out []Example
	err := readTSV(filepath.Join(sibDir, "ind_Latn", "train.tsv"), func(f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("want index, category and text")
		}
		if f[0] == "index_id" {
			return nil
		}
		if key, ok := SIBSubjects[f[1]]; ok {
			out = append(out, Example{Text: f[2], Subject: index[key]})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV(filepath.Join(smsaDir, "train_preprocess.tsv"), func(f []string) error {
		if len(f) != 2 {
			return fmt.Errorf("want text and label")
		}
		if s, ok := weakSubject(lex, f[0]); ok {
			out = append(out, Example{Text: f[0], Subject: s, Weak: true})
		}
		return nil
	})
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
		if line == "" {
			continue
		}
		if err := row(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("train topics: %s line %d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("train topics: %s: %w", path, err)
	}
	return nil
}

// Train trains the model from the examples in sibDir and smsaDir and
// returns its file.
func Train(sibDir, smsaDir string) ([]byte, error) {
	ex, err := Examples(sibDir, smsaDir)
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
	weak := 0
	for i, e := range ex {
		doc := Document(e.Text)
		fit[i] = lineartrain.Example{Rows: lex.Features(doc, 0, len(doc.Tokens), nil, nil), Class: e.Subject}
		counts[e.Subject]++
		if e.Weak {
			weak++
		}
	}
	m := lineartrain.Fit(keys, fit, Options)
	var per []string
	for i, k := range keys {
		if counts[i] > 0 {
			per = append(per, fmt.Sprintf("%s %d", k, counts[i]))
		}
	}
	m.Note = fmt.Sprintf("topics: logistic regression over words and lexicon hits; %d SIB-200 ind_Latn train sentences and %d weak SmSA train sentences (%s); warta train topics",
		len(ex)-weak, weak, strings.Join(per, ", "))
	var b bytes.Buffer
	if err := m.Save(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
