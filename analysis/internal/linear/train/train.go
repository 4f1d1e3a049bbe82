// Package train fits the hashed linear classifiers of package linear:
// multinomial logistic regression by AdaGrad, deterministic for a given
// seed, so that `warta train` rebuilds the committed models byte for byte.
package train

import (
	"encoding/json"
	"math"
	"math/rand/v2"

	"github.com/warta-news/warta/analysis/internal/linear"
)

// Note is the provenance a model file keeps, as JSON: the command that
// trained it, what it is, and how many sentences of which sets it learnt
// from.
func Note(trainer, model string, sentences map[string]int) string {
	b, err := json.Marshal(struct {
		Trainer   string         `json:"trainer"`
		Model     string         `json:"model"`
		Sentences map[string]int `json:"sentences"`
	}{trainer, model, sentences})
	if err != nil {
		panic(err) // strings and ints always marshal
	}
	return string(b)
}

// Example is one training text as rows of the feature table, and its
// class.
type Example struct {
	Rows  []uint32
	Class int
}

// Options are the training choices.
type Options struct {
	Bits   uint8
	Epochs int
	Rate   float64 // AdaGrad step
	L2     float64 // weight decay per example seen, applied lazily per row
	Seed   uint64
	// ClassWeight, when set, scales each class's loss (rare classes up).
	ClassWeight []float64
}

// Fit trains a model over the examples.
func Fit(classes []string, ex []Example, o Options) *linear.Model {
	nc := len(classes)
	rows := 1 << o.Bits
	w := make([]float64, rows*nc)
	g2 := make([]float64, rows*nc) // AdaGrad's sums of squared gradients
	bias, bg2 := make([]float64, nc), make([]float64, nc)
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x77617274))
	p := make([]float64, nc)
	for range o.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			e := ex[k]
			copy(p, bias)
			for _, r := range e.Rows {
				for c := range nc {
					p[c] += w[int(r)*nc+c]
				}
			}
			linear.Softmax(p)
			scale := 1.0
			if o.ClassWeight != nil {
				scale = o.ClassWeight[e.Class]
			}
			for c := range nc {
				g := p[c]
				if c == e.Class {
					g--
				}
				g *= scale
				bg2[c] += g * g
				bias[c] -= o.Rate * g / (math.Sqrt(bg2[c]) + 1e-8)
				for _, r := range e.Rows {
					i := int(r)*nc + c
					gi := g + o.L2*w[i]
					g2[i] += gi * gi
					w[i] -= o.Rate * gi / (math.Sqrt(g2[i]) + 1e-8)
				}
			}
		}
	}
	m := &linear.Model{Classes: classes, Bits: o.Bits, Weights: make([]float32, len(w)), Bias: make([]float32, nc)}
	for i, v := range w {
		m.Weights[i] = float32(v)
	}
	for i, v := range bias {
		m.Bias[i] = float32(v)
	}
	return m
}
