// Package parts hands analysis/entity/train the pieces of package entity
// that training a model shares with tagging (features, labels, decoding,
// the model file), without making them entity's public API. Package entity
// fills in these variables when it is initialised, and train imports
// entity for it.
package parts

// Word is what training learned about one word type from unlabelled text.
type Word struct {
	Text string // lower case
	// Caps of Total uses inside a sentence of cased text were capitalised;
	// Total is 0 when the word was never counted.
	Caps, Total int
	Clusters    [3]int // coarse, middle and fine word cluster, -1 for none
}

// Domain is an annotation convention: a training set's, with the classes
// it tags.
type Domain struct {
	Name    string
	Classes []string
}

// Spec is what a new model is made of before training sets its weights.
type Spec struct {
	Classes       []string // PER, ORG, ...
	Domains       []Domain // after the shared domain
	DefaultDomain string   // the domain news is tagged in
	HashBits      int
	Words         []Word // the word lexicon, sorted
	// Trainer, Epochs and Sentences (training sentences per set) describe
	// the training in the model's header.
	Trainer   string
	Epochs    int
	Sentences map[string]int
}

// Model is a model being trained.
type Model interface {
	// Labels is the number of labels, O and the B- and I- of each class.
	Labels() int
	// Gold returns the labels of BIO tags, repaired as conlleval reads
	// them (an I- that continues nothing starts an entity).
	Gold(tags []string) ([]int, error)
	// Features returns the feature buckets of each word of a sentence in
	// a domain: word i's are feats[starts[i]:starts[i+1]].
	Features(words []string, domain int) (feats []uint32, starts []int32)
	// Decode returns the best labels for emission scores (len(words) ×
	// Labels) under the transitions trans, over the labels of domain.
	Decode(scores []float32, domain int, trans []float32) []int
	// SetWeights stores weights (buckets × Labels) and per-domain
	// transitions in the model.
	SetWeights(weights []float32, trans [][]float32)
	// Finish records the training time; Model returns the *entity.Model.
	Finish(seconds float64)
	Model() any
}

var (
	// NewModel returns a model with no weights.
	NewModel func(Spec) (Model, error)
	// IsCapitalised, OpensClause and Lower read words as the tagger
	// does, so that the lexicon's counts mean what the features expect.
	IsCapitalised func(word string) bool
	OpensClause   func(word string) bool
	Lower         func(buf []byte, word string) []byte
)
