package entity

import (
	"math"
	"strings"
	"sync"
	"sync/atomic"
)

// Model is a trained sequence tagger: a linear-chain model over hashed
// features with one weight per label in each bucket, label transitions per
// domain, and the word lexicon (clusters, capitalisation) it was trained
// with. A Model is read-only once built and safe for concurrent use.
type Model struct {
	classes []string // entity classes: PER, ORG, LOC, EVT, FNB
	nLabels int      // O, then B- and I- of each class
	// domains[0] is "" (features shared by all sets); the others are the
	// training sets' annotation conventions.
	domains []string
	// defaultDomain is the domain news text is tagged in.
	defaultDomain int
	// classMask[d] has bit c set when domain d tags class c.
	classMask []uint32
	// domainLabels[d] lists the labels domain d may emit.
	domainLabels [][]int

	hashBits uint
	// weights holds one weight per label in each of the 2^hashBits
	// buckets, quantised: a weight is weights[bucket*nLabels+label]·scale.
	weights []int16
	scale   float32
	trans   [][]float32 // per domain: (nLabels+1)*nLabels, row 0 is the start
	lex     *lexicon
	gaz     *gazetteer

	info ModelInfo
	pool sync.Pool // *tagger
	// tables[d] is domain d's weights laid out for tagging, built on
	// first use.
	tables   []atomic.Pointer[domainTable]
	tablesMu sync.Mutex
	// gen counts changes to the weights (during training), so that no
	// domain table or cache of feature sums is stale.
	gen uint64
}

// ModelInfo says how a model was trained.
type ModelInfo struct {
	Trainer   string         `json:"trainer"`
	Epochs    int            `json:"epochs"`
	HashBits  int            `json:"hash_bits"`
	Sentences map[string]int `json:"sentences"` // training sentences per set
	Seconds   float64        `json:"seconds"`   // training time
	Gazetteer string         `json:"gazetteer"` // fingerprint of the gazetteers used
}

// Info returns how the model was trained.
func (m *Model) Info() ModelInfo { return m.info }

// Classes returns the entity classes the model tags.
func (m *Model) Classes() []string { return m.classes }

// Domains returns the annotation domains the model knows, "" (shared)
// first.
func (m *Model) Domains() []string { return m.domains }

// Domain returns the index of a named domain, or -1.
func (m *Model) Domain(name string) int {
	for i, d := range m.domains {
		if d == name {
			return i
		}
	}
	return -1
}

// setLabels fills domainLabels from classMask.
func (m *Model) setLabels() {
	m.tables = make([]atomic.Pointer[domainTable], len(m.classMask))
	m.domainLabels = make([][]int, len(m.classMask))
	for d := range m.classMask {
		for l := range m.nLabels {
			if m.allowed(d, l) {
				m.domainLabels[d] = append(m.domainLabels[d], l)
			}
		}
	}
}

// label indices: 0 is O; class c has B at 1+2c and I at 2+2c.
func labelB(c int) int { return 1 + 2*c }
func labelI(c int) int { return 2 + 2*c }

func labelClass(l int) int {
	if l == 0 {
		return -1
	}
	return (l - 1) / 2
}

func isInside(l int) bool { return l > 0 && l%2 == 0 }

// labelIndex returns the index of a BIO tag such as B-PER, or -1.
func (m *Model) labelIndex(tag string) int {
	if tag == "O" {
		return 0
	}
	pre, class, ok := strings.Cut(tag, "-")
	if !ok {
		return -1
	}
	for c, name := range m.classes {
		if name == class {
			if pre == "B" {
				return labelB(c)
			}
			return labelI(c)
		}
	}
	return -1
}

// labelName returns the BIO tag of label l.
func (m *Model) labelName(l int) string {
	switch {
	case l == 0:
		return "O"
	case isInside(l):
		return "I-" + m.classes[labelClass(l)]
	}
	return "B-" + m.classes[labelClass(l)]
}

// allowed reports whether domain d may emit label l.
func (m *Model) allowed(d, l int) bool {
	return l == 0 || m.classMask[d]&(1<<labelClass(l)) != 0
}

// canFollow reports whether label l may follow label prev (-1: sentence
// start): I- continues only its own class.
func canFollow(prev, l int) bool {
	if !isInside(l) {
		return true
	}
	return prev > 0 && labelClass(prev) == labelClass(l)
}

// maxLabels bounds nLabels: O and B-, I- of up to 15 classes.
const maxLabels = 31

// grow returns s with length n, reusing its storage when it can.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, 2*n)
	}
	return s[:n]
}

var negInf = float32(math.Inf(-1))

// viterbi finds the best label sequence for the scores in t.score under
// the transitions tr and domain d's label set, into t.path: the form
// training uses, over all labels (tagging uses tagger.viterbi over the
// domain's).
func (m *Model) viterbi(t *tagger, d int, tr []float32) []int {
	L := m.nLabels
	n := len(t.score) / L
	t.delta, t.back = grow(t.delta, n*L), grow(t.back, n*L)
	t.path = grow(t.path, n)
	if n == 0 {
		return t.path
	}
	for l := range L {
		if !m.allowed(d, l) || !canFollow(-1, l) {
			t.delta[l] = negInf
			continue
		}
		t.delta[l] = tr[l] + t.score[l]
	}
	labels := m.domainLabels[d]
	for i := 1; i < n; i++ {
		prev := t.delta[(i-1)*L : i*L]
		cur := t.delta[i*L : i*L+L]
		for l := range cur {
			cur[l] = negInf
		}
		for _, l := range labels {
			best, arg := negInf, 0
			for _, p := range labels {
				if prev[p] == negInf || !canFollow(p, l) {
					continue
				}
				if s := prev[p] + tr[(p+1)*L+l]; s > best {
					best, arg = s, p
				}
			}
			if best != negInf {
				best += t.score[i*L+l]
			}
			cur[l] = best
			t.back[i*L+l] = int16(arg)
		}
	}
	best, arg := negInf, 0
	for l := range L {
		if v := t.delta[(n-1)*L+l]; v > best {
			best, arg = v, l
		}
	}
	for i := n - 1; i >= 0; i-- {
		t.path[i] = arg
		arg = int(t.back[i*L+arg])
	}
	return t.path
}

// TagWords tags one sentence given as its tokens, in the model's default
// domain, and returns one BIO tag per token (B-PER, I-PER, O, ...).
func (m *Model) TagWords(words []string) []string {
	return m.TagWordsIn(words, m.defaultDomain)
}

// TagWordsIn is TagWords in domain d (an index into Domains).
func (m *Model) TagWordsIn(words []string, d int) []string {
	t := m.getTagger()
	defer m.putTagger(t)
	path := m.tag(t, words, d)
	out := make([]string, len(path))
	for i, l := range path {
		out[i] = m.labelName(l)
	}
	return out
}
