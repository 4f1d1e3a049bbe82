// Package train trains the NER model of package entity (warta train ner)
// and reads the NER data sets that training and evaluation share.
package train

import (
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/entity/internal/parts"
)

// Config says what Model learns from and how.
type Config struct {
	// DataDir is ../shared/data: the NER sets under ner/ and, for the word
	// lexicon, the unlabelled text of the shippable sets (see
	// lexiconSources).
	DataDir string
	// Epochs over the training data; 0 means the default.
	Epochs int
	// HashBits sets the number of feature buckets, 2^HashBits; 0 means the
	// default.
	HashBits int
	// Seed makes the shuffling of sentences reproducible.
	Seed uint64
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

const (
	defaultEpochs   = 10
	defaultHashBits = 18
)

// trainSentence is a training sentence featurised once: its gold labels
// and its features' bucket indices.
type trainSentence struct {
	domain int
	gold   []int
	feats  []uint32
	starts []int32
}

// Model learns a model from the training splits of the shippable sets in
// Corpora, with an averaged structured perceptron. Each set's sentences
// carry the features of their own domain besides the shared ones, so that
// conventions that differ between the sets (NERP is lower-cased, IDNer
// tags buildings as places) do not blur the shared weights; news is
// tagged with the shared weights and those of IDNer, the news set.
// Nothing is read from a test split.
func Model(cfg Config) (*entity.Model, error) {
	start := time.Now()
	if cfg.Epochs == 0 {
		cfg.Epochs = defaultEpochs
	}
	if cfg.HashBits == 0 {
		cfg.HashBits = defaultHashBits
	}
	if cfg.HashBits < 10 || cfg.HashBits > 24 {
		return nil, fmt.Errorf("entity train: hash bits %d out of range 10–24", cfg.HashBits)
	}
	logf := func(format string, args ...any) {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, format+"\n", args...)
		}
	}
	spec := parts.Spec{
		Classes:       []string{"PER", "ORG", "LOC", "EVT", "FNB"},
		DefaultDomain: "idner",
		HashBits:      cfg.HashBits,
		Trainer:       "averaged perceptron",
		Epochs:        cfg.Epochs,
		Sentences:     map[string]int{},
	}
	type set struct {
		corpus     Corpus
		train, dev []Sentence
	}
	var sets []set
	for _, c := range Corpora {
		if !c.Ship {
			continue
		}
		tr, err := c.Read(cfg.DataDir+"/ner", c.Train)
		if err != nil {
			return nil, err
		}
		dv, err := c.Read(cfg.DataDir+"/ner", c.Dev)
		if err != nil {
			return nil, err
		}
		sets = append(sets, set{c, tr, dv})
		spec.Domains = append(spec.Domains, parts.Domain{Name: c.Domain, Classes: slices.Collect(maps.Values(c.Tags))})
		spec.Sentences[c.Name] = len(tr)
	}
	words, err := buildLexicon(cfg.DataDir, logf)
	if err != nil {
		return nil, err
	}
	spec.Words = words
	m, err := parts.NewModel(spec)
	if err != nil {
		return nil, err
	}
	tagged := m.Model().(*entity.Model)

	var data []trainSentence
	for d, s := range sets {
		for _, sent := range s.train {
			gold, err := m.Gold(sent.Tags)
			if err != nil {
				return nil, fmt.Errorf("entity train: %s: %w", s.corpus.Name, err)
			}
			ts := trainSentence{domain: d + 1, gold: gold}
			ts.feats, ts.starts = m.Features(sent.Words, d+1)
			data = append(data, ts)
		}
	}
	logf("featurised %d sentences in %.1fs", len(data), time.Since(start).Seconds())

	rng := rand.New(rand.NewPCG(cfg.Seed, 0x5eed))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	p := newPerceptron(m, 1<<cfg.HashBits, len(sets)+1)
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong := 0
		for _, i := range order {
			if p.step(&data[i]) {
				wrong++
			}
		}
		msg := fmt.Sprintf("epoch %d: %d of %d sentences mistagged", epoch, wrong, len(data))
		if cfg.Log != nil && (epoch%4 == 0 || epoch == cfg.Epochs) {
			p.finish()
			for d, s := range sets {
				match, pred, gold := 0, 0, 0
				for _, sent := range s.dev {
					mt, pr, gd := CountSpans(sent.Tags, tagged.TagWordsIn(sent.Words, d+1))
					match, pred, gold = match+mt, pred+pr, gold+gd
				}
				msg += fmt.Sprintf("; %s dev F1 %.2f", s.corpus.Name, 100*f1(match, pred, gold))
			}
		}
		logf("%s", msg)
	}
	p.finish()
	m.Finish(time.Since(start).Seconds())
	return tagged, nil
}

// CountSpans compares the entity spans of two tag sequences: exact matches
// (same tokens, same class), predicted spans and gold spans.
func CountSpans(gold, pred []string) (match, npred, ngold int) {
	g, p := Spans(gold), Spans(pred)
	set := make(map[Span]bool, len(g))
	for _, s := range g {
		set[s] = true
	}
	for _, s := range p {
		if set[s] {
			match++
		}
	}
	return match, len(p), len(g)
}

func f1(match, pred, gold int) float64 {
	if pred == 0 || gold == 0 || match == 0 {
		return 0
	}
	p, r := float64(match)/float64(pred), float64(match)/float64(gold)
	return 2 * p * r / (p + r)
}

// perceptron is an averaged structured perceptron (Collins 2002) with the
// usual lazy averaging: acc holds the step-weighted sum of all updates, so
// the average is w − acc/steps. It trains in float32 and hands the
// averaged weights to the model, which quantises them.
type perceptron struct {
	m      parts.Model
	labels int
	w      []float32
	accW   []float32
	trans  [][]float32
	accT   [][]float32
	steps  float32
	score  []float32 // emission scores of the sentence being tagged
	// avgW and avgT hold the averaged weights finish hands over.
	avgW []float32
	avgT [][]float32
}

func newPerceptron(m parts.Model, buckets, domains int) *perceptron {
	L := m.Labels()
	p := &perceptron{m: m, labels: L, w: make([]float32, buckets*L), accW: make([]float32, buckets*L),
		avgW: make([]float32, buckets*L), steps: 1}
	for range domains {
		p.trans = append(p.trans, make([]float32, (L+1)*L))
		p.accT = append(p.accT, make([]float32, (L+1)*L))
		p.avgT = append(p.avgT, make([]float32, (L+1)*L))
	}
	return p
}

// step tags one sentence with the current weights and, if it is wrong,
// moves them towards the gold labels. It reports whether it was wrong.
func (p *perceptron) step(s *trainSentence) bool {
	L := p.labels
	n := len(s.gold)
	if cap(p.score) < n*L {
		p.score = make([]float32, n*L, 2*n*L)
	}
	p.score = p.score[:n*L]
	for i := range n {
		row := p.score[i*L : i*L+L]
		clear(row)
		for _, b := range s.feats[s.starts[i]:s.starts[i+1]] {
			for l, v := range p.w[int(b)*L : int(b)*L+L] {
				row[l] += v
			}
		}
	}
	pred := p.m.Decode(p.score, s.domain, p.trans[s.domain])
	wrong := false
	c := p.steps
	tr, accT := p.trans[s.domain], p.accT[s.domain]
	for i := range n {
		g, q := s.gold[i], pred[i]
		gp, qp := -1, -1
		if i > 0 {
			gp, qp = s.gold[i-1], pred[i-1]
		}
		if g != q {
			wrong = true
			for _, b := range s.feats[s.starts[i]:s.starts[i+1]] {
				k := int(b) * L
				p.w[k+g]++
				p.w[k+q]--
				p.accW[k+g] += c
				p.accW[k+q] -= c
			}
		}
		if g != q || gp != qp {
			tr[(gp+1)*L+g]++
			tr[(qp+1)*L+q]--
			accT[(gp+1)*L+g] += c
			accT[(qp+1)*L+q] -= c
		}
	}
	p.steps++
	return wrong
}

// finish hands the averaged weights to the model.
func (p *perceptron) finish() {
	for i := range p.w {
		p.avgW[i] = p.w[i] - p.accW[i]/p.steps
	}
	for d, t := range p.trans {
		for i, v := range t {
			p.avgT[d][i] = v - p.accT[d][i]/p.steps
		}
	}
	p.m.SetWeights(p.avgW, p.avgT)
}
