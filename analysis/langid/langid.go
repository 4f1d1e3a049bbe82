// Package langid tells the language of a document: Indonesian from Malay,
// Javanese, Sundanese, Minangkabau, Balinese, Banjar, Acehnese, Buginese
// and English.
//
// The model (model.bin, embedded, 1.3 MB) is multinomial naive Bayes over
// three hashed feature tables: the character 1- to 5-grams of each word,
// padded with a space at each end; the word itself; and the pair of a word
// and the one before it. Each row keeps −log P(feature | language) in one
// byte per language, so loading is reading a header (a few microseconds)
// and scoring is integer additions. It is trained by `warta train langid`
// on the train split of SIB-200 (the same FLORES-200 sentences in the ten
// languages) and on data/id-ms.tsv, a hand-written list of Malay and
// Indonesian forms of the same word (bahawa/bahwa, kerana/karena,
// wang/uang), which 701 FLORES sentences are too few to teach and news
// needs.
//
// Indonesian and Malay are the hard pair: a FLORES sentence shares most of
// its words with its translation. Since warta reads Indonesian news, Malay
// must beat Indonesian by 30 nats and the other languages by 10: on single
// sentences that keeps 99% of Indonesian and costs about a tenth of Malay
// (see internal/eval), while an article's evidence outweighs it many times
// over. A text of a few words is weak evidence either way: a six-word
// Indonesian sentence can still come out Banjar or Minangkabau, whose
// words it shares. Detect is built for articles:
//
//   - only word tokens in the Latin script are scored: numbers, URLs,
//     punctuation, and verses or names in Arabic or other scripts say
//     nothing about these languages;
//   - a capitalised word inside a sentence is taken for a name: it adds its
//     character n-grams but not its word, so the surname Wang is not the
//     Malay wang (money), nor Kerajaan in "Kerajaan Arab Saudi" the Malay
//     kerajaan (government);
//   - a long article is not scored to its end: after 48 words, scoring
//     stops once one language leads the next by eight temperatures (a
//     confidence above 0.996), and at 600 words in any case; the 700
//     detik-news articles stop after 71 words on average.
//
// Text with fewer than three scored words, or whose character n-grams fit
// even the best language poorly (more than 8.6 nats an n-gram on average:
// keyboard noise, languages far from these ten), is "und" with confidence
// 0. Otherwise the confidence is a softmax over the languages'
// log-likelihoods at a temperature tuned on the dev split (32 nats: naive
// Bayes takes the n-grams of one word for independent evidence).
//
// internal/eval scores the model on the SIB-200 dev and test splits
// (warta eval langid).
package langid

import (
	_ "embed"
	"sync"

	"github.com/warta-news/warta/analysis/langid/internal/nb"
	"github.com/warta-news/warta/analysis/text"
)

//go:embed model.bin
var modelFile []byte

// The contrast list analysis/langid/train counts, kept beside the model it
// shaped so that the model's note names where it is.
//
//go:embed data/id-ms.tsv
var contrastList string

func init() { nb.ContrastList = contrastList }

var defaultModel = sync.OnceValues(func() (*Model, error) { return Load(modelFile) })

// Default returns the embedded model, loaded on first use, or the error
// that loading it gave; Detect and DetectString panic with that error
// instead (the rule of text.Tables).
func Default() (*Model, error) { return defaultModel() }

// Detect returns the language of doc with the embedded model: the code
// ("id", "ms", "jv", "su", "min", "ban", "bjn", "ace", "bug" or "en", or
// "und" when it cannot be told) and a confidence from 0 to 1. It reads
// doc.Tokens, so run text.Tokenize first.
func Detect(doc *text.Document) (code string, confidence float64) {
	m, err := Default()
	if err != nil {
		panic(err) // the model is part of the program: TestDefaultModel
	}
	return m.Detect(doc)
}

// DetectString normalises and tokenises s and returns its language as
// Detect does. Use Detect on a document that is already tokenised.
func DetectString(s string) (code string, confidence float64) {
	doc := &text.Document{Text: text.Normalize(s)}
	text.Tokenize(doc)
	return Detect(doc)
}
