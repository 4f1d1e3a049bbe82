package langid

import (
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/warta-news/warta/analysis/text"
)

// Language is one language of the model: the code Detect returns (ISO
// 639-1 where the language has one, ISO 639-3 otherwise) and its SIB-200
// folder.
type Language struct{ Code, Folder string }

// Corpus returns the languages a model is trained on, in the model's order.
func Corpus() []Language { return append([]Language(nil), corpus...) }

var corpus = []Language{
	{"id", "ind_Latn"},
	{"ms", "zsm_Latn"},
	{"jv", "jav_Latn"},
	{"su", "sun_Latn"},
	{"min", "min_Latn"},
	{"ban", "ban_Latn"},
	{"bjn", "bjn_Latn"},
	{"ace", "ace_Latn"},
	{"bug", "bug_Latn"},
	{"en", "eng_Latn"},
}

//go:embed data/id-ms.tsv
var contrastTSV string

// config holds the training choices, picked by five-fold cross-validation
// on the train split (folds of the same sentences in every language) and
// checked on dev; the test split was scored once, at the end.
type config struct {
	// Rows of each table, as bits: 2^15 n-grams, 2^16 words and 2^15
	// pairs (1.3 MB). Fewer rows mean more collisions: 2^15/2^15/2^14 lost
	// 3.6 points of Malay accuracy at 99% Indonesian in cross-validation.
	bits [numTables]uint8
	// How many times each table's evidence counts: a word is one feature
	// against some 35 n-grams. 1/6/2 gave the best Indonesian–Malay AUC in
	// cross-validation (0.991; 1/3/2 gave 0.989, 1/3/0 0.988).
	weight     [numTables]int32
	minN, maxN int
	// Additive smoothing of the counts; 0.3 and 1 did worse.
	alpha float64
	// Counts each word of data/id-ms.tsv adds to its language: as often as
	// a word seen a few times in training, so one listed word cannot
	// outweigh a sentence. 10 measured the same on FLORES.
	lexCount float64
	// Table units per nat: −log P up to 15.9 nats fits a byte.
	scale int32
	// Nats Malay must beat Indonesian by. Cross-validation kept 99% of
	// Indonesian sentences from 32 nats (Malay 88%); on dev 30 gives
	// Indonesian 99%, Malay 86%. An article outweighs it many times over.
	msBias float64
	// Nats every other language must beat Indonesian by, for short
	// Indonesian text: "Harga beras naik lagi di pasar tradisional" reads
	// as Banjar without it. With 10, cross-validation went from 98.22% to
	// 98.23% and dev did not change; "Harga minyak naik lagi minggu ini"
	// would need 30, which costs Banjar and Balinese sentences.
	otherBias float64
	// Softmax temperature in nats, the minimum of the dev log-loss: naive
	// Bayes counts the n-grams of one word as independent evidence.
	temp float64
	// Worst mean cost of an n-gram, in nats, of text still told: dev
	// sentences reach 8.2 and detik articles 8.0; keyboard noise scores
	// 9.7, Vietnamese 8.9.
	maxFit   float64
	minWords int
}

var defaultConfig = config{
	bits:      [numTables]uint8{15, 16, 15},
	weight:    [numTables]int32{1, 6, 2},
	minN:      1,
	maxN:      5,
	alpha:     0.1,
	lexCount:  3,
	scale:     16,
	msBias:    30,
	otherBias: 10,
	temp:      32,
	maxFit:    8.6,
	minWords:  3,
}

// Train builds the model from the train.tsv files of the SIB-200 folders
// in dir (../shared/data/sib200) and the Malay–Indonesian contrast list
// embedded from data/id-ms.tsv. Training is deterministic: the same data
// gives the same bytes from Save.
func Train(dir string) (*Model, error) {
	return train(dir, defaultConfig)
}

func train(dir string, cfg config) (*Model, error) {
	nl := len(corpus)
	m := &Model{minN: cfg.minN, maxN: cfg.maxN, bits: cfg.bits, weight: cfg.weight, scale: cfg.scale,
		temp: cfg.temp, maxFit: cfg.maxFit, minWords: cfg.minWords}
	var counts [numTables][]float64 // row*nl + language
	var totals [numTables][]float64
	for t := range numTables {
		counts[t] = make([]float64, nl<<cfg.bits[t])
		totals[t] = make([]float64, nl)
	}
	x := newExtractor(cfg.bits, cfg.minN, cfg.maxN)
	count := func(t int, row uint32, l int, n float64) {
		counts[t][int(row)*nl+l] += n
		totals[t][l] += n
	}
	for l, c := range corpus {
		m.codes = append(m.codes, c.Code)
		sents, err := ReadSplit(filepath.Join(dir, c.Folder, "train.tsv"))
		if err != nil {
			return nil, err
		}
		for _, s := range sents {
			doc := &text.Document{Text: text.Normalize(s)}
			text.Tokenize(doc)
			wordTokens(doc, x.breakPair, func(w string, lexical bool) bool {
				x.add(w, lexical)
				for _, row := range x.ngrams {
					count(tabNgram, row, l, 1)
				}
				if x.word >= 0 {
					count(tabWord, uint32(x.word), l, 1)
				}
				if x.bigram >= 0 {
					count(tabBigram, uint32(x.bigram), l, 1)
				}
				return true
			})
			x.breakPair()
		}
	}
	if err := addContrasts(x, cfg.lexCount, count); err != nil {
		return nil, err
	}
	for t := range numTables {
		m.tables[t] = quantize(counts[t], totals[t], cfg.alpha, float64(cfg.scale))
	}
	m.bias = make([]int32, nl)
	for l := 1; l < nl; l++ {
		m.bias[l] = int32(math.Round(cfg.otherBias * float64(cfg.scale)))
	}
	m.bias[1] = int32(math.Round(cfg.msBias * float64(cfg.scale)))
	m.note = fmt.Sprintf("warta language identification model: multinomial naive Bayes over character 1-5-grams, "+
		"words and word pairs (hashed), trained by `warta train langid` on the train split of SIB-200 "+
		"(FLORES-200 text, CC BY-SA 4.0) for %s, and on analysis/langid/data/id-ms.tsv.", strings.Join(m.codes, " "))
	return m, nil
}

// addContrasts counts each word of the contrast list for its language, as
// if training had seen it lexCount times. Only the word row is counted.
func addContrasts(x *extractor, lexCount float64, count func(t int, row uint32, l int, n float64)) error {
	for i, line := range strings.Split(contrastTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		ms, id, ok := strings.Cut(line, "\t")
		if !ok || strings.ContainsAny(id, "\t ") || strings.Contains(ms, " ") {
			return fmt.Errorf("langid: data/id-ms.tsv:%d: want two tab-separated words", i+1)
		}
		for l, w := range []string{id, ms} { // corpus order: id, ms
			if w == "-" {
				continue
			}
			if w != strings.ToLower(w) {
				return fmt.Errorf("langid: data/id-ms.tsv:%d: %q is not lower case", i+1, w)
			}
			x.breakPair()
			x.add(w, true)
			count(tabWord, uint32(x.word), l, lexCount)
		}
	}
	x.breakPair()
	return nil
}

// quantize turns counts into −log P(row | language) with additive
// smoothing, in 1/scale nats, capped at 255.
func quantize(counts, totals []float64, alpha, scale float64) []byte {
	nl := len(totals)
	rows := len(counts) / nl
	q := make([]byte, len(counts))
	for l, tot := range totals {
		den := tot + alpha*float64(rows)
		for r := range rows {
			v := -math.Log((counts[r*nl+l]+alpha)/den) * scale
			q[r*nl+l] = byte(min(255, math.Round(v)))
		}
	}
	return q
}

// ReadSplit reads the text column of a SIB-200 split file (index_id,
// category, text; tab-separated with CSV quoting).
func ReadSplit(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("langid: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.FieldsPerRecord = 3
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("langid: %s: %w", path, err)
	}
	if head[2] != "text" {
		return nil, fmt.Errorf("langid: %s: third column is %q, want text", path, head[2])
	}
	var out []string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("langid: %s: %w", path, err)
		}
		out = append(out, rec[2])
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("langid: %s: no sentences", path)
	}
	return out, nil
}
