package entity

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"time"
)

// TrainConfig says what Train learns from and how.
type TrainConfig struct {
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

// Train learns a model from the training splits of the shippable sets in
// Corpora, with an averaged structured perceptron. Each set's sentences
// carry the features of their own domain besides the shared ones, so that
// conventions that differ between the sets (NERP is lower-cased, IDNer
// tags buildings as places) do not blur the shared weights; news is
// tagged with the shared weights and those of IDNer, the news set.
// Nothing is read from a test split.
func Train(cfg TrainConfig) (*Model, error) {
	start := time.Now()
	if cfg.Epochs == 0 {
		cfg.Epochs = defaultEpochs
	}
	if cfg.HashBits == 0 {
		cfg.HashBits = defaultHashBits
	}
	if cfg.HashBits < 10 || cfg.HashBits > 24 {
		return nil, fmt.Errorf("entity: hash bits %d out of range 10–24", cfg.HashBits)
	}
	logf := func(format string, args ...any) {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, format+"\n", args...)
		}
	}
	gaz, err := sharedGazetteer()
	if err != nil {
		return nil, err
	}
	m := &Model{
		classes: []string{"PER", "ORG", "LOC", "EVT", "FNB"},
		domains: []string{""},
		gaz:     gaz,
		info: ModelInfo{Trainer: "averaged perceptron", Epochs: cfg.Epochs, HashBits: cfg.HashBits,
			Sentences: map[string]int{}, Gazetteer: gazetteerFingerprint()},
	}
	m.nLabels = 1 + 2*len(m.classes)
	m.classMask = []uint32{1<<len(m.classes) - 1}
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
		m.domains = append(m.domains, c.Domain)
		var mask uint32
		for _, ours := range c.Tags {
			for k, name := range m.classes {
				if name == ours {
					mask |= 1 << k
				}
			}
		}
		m.classMask = append(m.classMask, mask)
		m.info.Sentences[c.Name] = len(tr)
	}
	m.defaultDomain = m.Domain("idner")
	m.setLabels()
	lex, err := buildLexicon(cfg.DataDir, logf)
	if err != nil {
		return nil, err
	}
	m.lex = lex
	m.hashBits = uint(cfg.HashBits)
	m.trans = make([][]float32, len(m.domains))
	for d := range m.trans {
		m.trans[d] = make([]float32, (m.nLabels+1)*m.nLabels)
	}

	var data []trainSentence
	f := &featurizer{m: m}
	for d, s := range sets {
		for _, sent := range s.train {
			ts, err := m.featurise(f, sent, d+1)
			if err != nil {
				return nil, fmt.Errorf("entity: %s: %w", s.corpus.Name, err)
			}
			data = append(data, ts)
		}
	}
	logf("featurised %d sentences in %.1fs", len(data), time.Since(start).Seconds())

	rng := rand.New(rand.NewPCG(cfg.Seed, 0x5eed))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	p := newPerceptron(m, 1<<cfg.HashBits)
	t := &tagger{f: featurizer{m: m}}
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong := 0
		for _, i := range order {
			if p.step(t, &data[i]) {
				wrong++
			}
		}
		msg := fmt.Sprintf("epoch %d: %d of %d sentences mistagged", epoch, wrong, len(data))
		if cfg.Log != nil && (epoch%4 == 0 || epoch == cfg.Epochs) {
			p.finish()
			for d, s := range sets {
				match, pred, gold := 0, 0, 0
				for _, sent := range s.dev {
					mt, pr, gd := CountSpans(sent.Tags, m.TagWordsIn(sent.Words, d+1))
					match, pred, gold = match+mt, pred+pr, gold+gd
				}
				msg += fmt.Sprintf("; %s dev F1 %.2f", s.corpus.Name, 100*f1(match, pred, gold))
			}
		}
		logf("%s", msg)
	}
	p.finish()
	m.info.Seconds = time.Since(start).Seconds()
	return m, nil
}

// featurise turns a gold sentence into a trainSentence.
func (m *Model) featurise(f *featurizer, s Sentence, domain int) (trainSentence, error) {
	ts := trainSentence{domain: domain, gold: make([]int, len(s.Tags))}
	for i, tag := range s.Tags {
		l := m.labelIndex(tag)
		if l < 0 {
			return ts, fmt.Errorf("unknown tag %q", tag)
		}
		ts.gold[i] = l
	}
	// Repair I- tags that continue nothing, as conlleval reads them.
	for i, l := range ts.gold {
		prev := -1
		if i > 0 {
			prev = ts.gold[i-1]
		}
		if !canFollow(prev, l) {
			ts.gold[i] = labelB(labelClass(l))
		}
	}
	f.prepare(s.Words)
	f.extract(domain)
	ts.feats = append([]uint32(nil), f.feats...)
	ts.starts = append([]int32(nil), f.starts...)
	return ts, nil
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
// the average is w − acc/steps. It trains in float32 and writes the
// averaged, quantised weights into the model.
type perceptron struct {
	m     *Model
	w     []float32
	accW  []float32
	trans [][]float32
	accT  [][]float32
	steps float32
}

func newPerceptron(m *Model, buckets int) *perceptron {
	p := &perceptron{m: m, w: make([]float32, buckets*m.nLabels), accW: make([]float32, buckets*m.nLabels), steps: 1}
	for _, t := range m.trans {
		p.trans = append(p.trans, make([]float32, len(t)))
		p.accT = append(p.accT, make([]float32, len(t)))
	}
	return p
}

// step tags one sentence with the current weights and, if it is wrong,
// moves them towards the gold labels. It reports whether it was wrong.
func (p *perceptron) step(t *tagger, s *trainSentence) bool {
	m := p.m
	L := m.nLabels
	n := len(s.gold)
	t.score = grow(t.score, n*L)
	for i := range n {
		row := t.score[i*L : i*L+L]
		clear(row)
		for _, b := range s.feats[s.starts[i]:s.starts[i+1]] {
			for l, v := range p.w[int(b)*L : int(b)*L+L] {
				row[l] += v
			}
		}
	}
	saved := m.trans
	m.trans = p.trans
	pred := m.viterbi(t, s.domain)
	m.trans = saved
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

// finish writes the averaged weights into the model, the emission weights
// quantised to int16 (a loss below 0.1 F1 on the dev splits; int8 lost
// 0.6).
func (p *perceptron) finish() {
	m := p.m
	m.gen++
	peak := float32(0)
	avg := func(i int) float32 { return p.w[i] - p.accW[i]/p.steps }
	for i := range p.w {
		peak = max(peak, avg(i), -avg(i))
	}
	m.scale = max(peak, 1e-6) / math.MaxInt16
	m.weights = grow(m.weights, len(p.w))
	for i := range p.w {
		m.weights[i] = int16(math.Round(float64(avg(i) / m.scale)))
	}
	for d, t := range p.trans {
		for i, v := range t {
			m.trans[d][i] = v - p.accT[d][i]/p.steps
		}
	}
}
