package entity

import (
	"fmt"
	"math"

	"github.com/warta-news/warta/analysis/entity/internal/parts"
)

func init() {
	parts.NewModel = newTrainee
	parts.IsCapitalised = isCapitalised
	parts.OpensClause = opensClause
	parts.Lower = lowerInto
}

// trainee is a Model as analysis/entity/train trains it.
type trainee struct {
	m *Model
	f featurizer
	t tagger
}

func newTrainee(s parts.Spec) (parts.Model, error) {
	gaz, err := sharedGazetteer()
	if err != nil {
		return nil, err
	}
	m := &Model{
		classes: s.Classes,
		domains: []string{""},
		gaz:     gaz,
		info: ModelInfo{Trainer: s.Trainer, Epochs: s.Epochs, HashBits: s.HashBits,
			Sentences: s.Sentences, Gazetteer: gazetteerFingerprint()},
		hashBits: uint(s.HashBits),
	}
	m.nLabels = 1 + 2*len(m.classes)
	m.classMask = []uint32{1<<len(m.classes) - 1}
	for _, d := range s.Domains {
		m.domains = append(m.domains, d.Name)
		var mask uint32
		for _, ours := range d.Classes {
			for k, name := range m.classes {
				if name == ours {
					mask |= 1 << k
				}
			}
		}
		m.classMask = append(m.classMask, mask)
	}
	m.defaultDomain = m.Domain(s.DefaultDomain)
	m.setLabels()
	m.lex = newLexicon(len(s.Words))
	for _, w := range s.Words {
		m.lex.put(hashString(fnvOffset, w.Text), makeLexValue(caseBucket(w.Caps, w.Total), w.Clusters))
	}
	m.trans = make([][]float32, len(m.domains))
	for d := range m.trans {
		m.trans[d] = make([]float32, (m.nLabels+1)*m.nLabels)
	}
	return &trainee{m: m, f: featurizer{m: m}}, nil
}

// caseBucket sorts a word by how often it is capitalised inside a
// sentence: caps of total uses.
func caseBucket(caps, total int) int {
	if total == 0 {
		return caseUnknown
	}
	r := (float64(caps) + 0.1) / (float64(total) + 0.2)
	switch {
	case r < 0.05:
		return caseNever
	case r < 0.4:
		return caseRarely
	case r < 0.8:
		return caseOften
	case r < 0.97:
		return caseMostly
	}
	return caseAlways
}

func (t *trainee) Labels() int { return t.m.nLabels }

func (t *trainee) Gold(tags []string) ([]int, error) {
	gold := make([]int, len(tags))
	for i, tag := range tags {
		if gold[i] = t.m.labelIndex(tag); gold[i] < 0 {
			return nil, fmt.Errorf("unknown tag %q", tag)
		}
	}
	// Repair I- tags that continue nothing, as conlleval reads them.
	for i, l := range gold {
		prev := -1
		if i > 0 {
			prev = gold[i-1]
		}
		if !canFollow(prev, l) {
			gold[i] = labelB(labelClass(l))
		}
	}
	return gold, nil
}

func (t *trainee) Features(words []string, domain int) ([]uint32, []int32) {
	t.f.prepare(words)
	t.f.extract(domain)
	return append([]uint32(nil), t.f.feats...), append([]int32(nil), t.f.starts...)
}

func (t *trainee) Decode(scores []float32, domain int, trans []float32) []int {
	t.t.score = scores
	return t.m.viterbi(&t.t, domain, trans)
}

// SetWeights quantises the emission weights to int16 (a loss below 0.1 F1
// on the dev splits; int8 lost 0.6).
func (t *trainee) SetWeights(weights []float32, trans [][]float32) {
	m := t.m
	m.gen++
	peak := float32(0)
	for _, w := range weights {
		peak = max(peak, w, -w)
	}
	m.scale = max(peak, 1e-6) / math.MaxInt16
	m.weights = grow(m.weights, len(weights))
	for i, w := range weights {
		m.weights[i] = int16(math.Round(float64(w / m.scale)))
	}
	for d := range trans {
		copy(m.trans[d], trans[d])
	}
}

func (t *trainee) Finish(seconds float64) { t.m.info.Seconds = seconds }

func (t *trainee) Model() any { return t.m }
