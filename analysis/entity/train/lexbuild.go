package train

import (
	"bufio"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/warta-news/warta/analysis/entity/internal/parts"
	"github.com/warta-news/warta/analysis/text"
)

// lexiconSource is unlabelled text the word lexicon is learned from: the
// training splits of the shippable sets only (never a dev or test split of
// any set), read as sentences of tokens.
type lexiconSource struct {
	name  string
	path  string // relative to the data folder
	cased bool   // capitalisation is as printed (NERP and SmSA are lower-cased)
	read  func(path string) ([][]string, error)
}

var lexiconSources = []lexiconSource{
	{"nergrit train", "ner/nergrit_ner-grit/train_preprocess.txt", true, readCoNLLWords},
	{"nerp train", "ner/nerp_ner-prosa/train_preprocess.txt", false, readCoNLLWords},
	{"idner train", "ner/idner-news-2k/train.txt", true, readCoNLLWords},
	{"UD Indonesian-CSUI train", "treebank/ud-indonesian-csui/id_csui-ud-train.conllu", true, readCoNLLUWords},
	{"SmSA train", "sentiment/smsa_doc-sentiment-prosa/train_preprocess.tsv", false, readColumnText(0, false)},
	{"SIB-200 ind_Latn train", "sib200/ind_Latn/train.tsv", true, readColumnText(2, true)},
}

func readCoNLLWords(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sents, err := ReadCoNLL(f, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make([][]string, len(sents))
	for i, s := range sents {
		out[i] = s.Words
	}
	return out, nil
}

// readCoNLLUWords reads the surface tokens of a CoNLL-U file: a
// multi-word token's range line is kept and its words skipped.
func readCoNLLUWords(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out [][]string
	var cur []string
	skipTo := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
		case strings.HasPrefix(line, "#"):
		default:
			fields := strings.SplitN(line, "\t", 3)
			if len(fields) < 2 || strings.Contains(fields[0], ".") {
				continue
			}
			if _, hi, ok := strings.Cut(fields[0], "-"); ok {
				skipTo = hi
				cur = append(cur, fields[1])
				continue
			}
			if skipTo != "" {
				if fields[0] == skipTo {
					skipTo = ""
				}
				continue
			}
			cur = append(cur, fields[1])
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out, sc.Err()
}

// readColumnText reads one tab-separated column of text a line, skipping a
// header line if asked, and tokenises it as an article would be.
func readColumnText(col int, header bool) func(string) ([][]string, error) {
	return func(path string) ([][]string, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		var out [][]string
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<16), 1<<22)
		first := true
		for sc.Scan() {
			if first && header {
				first = false
				continue
			}
			fields := strings.Split(sc.Text(), "\t")
			if col >= len(fields) {
				continue
			}
			doc := &text.Document{Text: text.Normalize(fields[col])}
			text.Tokenize(doc)
			text.SplitSentences(doc)
			for _, s := range doc.Sentences {
				words := make([]string, 0, s.Last-s.First)
				for i := s.First; i < s.Last; i++ {
					words = append(words, doc.TokenText(i))
				}
				out = append(out, words)
			}
		}
		return out, sc.Err()
	}
}

// buildLexicon learns the word lexicon: how often each word is capitalised
// inside a sentence in the cased sources, and word clusters over all of
// them.
func buildLexicon(dataDir string, logf func(string, ...any)) ([]parts.Word, error) {
	type counts struct{ caps, total int }
	caseCounts := map[string]*counts{}
	var corpus [][]string // lower-cased sentences for clustering
	var buf []byte
	for _, src := range lexiconSources {
		sents, err := src.read(filepath.Join(dataDir, src.path))
		if err != nil {
			return nil, fmt.Errorf("entity train: lexicon source %s: %w", src.name, err)
		}
		logf("lexicon source %s: %d sentences", src.name, len(sents))
		for _, s := range sents {
			lowered := make([]string, len(s))
			initial := true
			for i, w := range s {
				buf = parts.Lower(buf[:0], w)
				lowered[i] = string(buf)
				if src.cased && !initial && isWordLike(w) {
					c := caseCounts[lowered[i]]
					if c == nil {
						c = &counts{}
						caseCounts[lowered[i]] = c
					}
					c.total++
					if parts.IsCapitalised(w) {
						c.caps++
					}
				}
				initial = parts.OpensClause(w) || w == "." || w == "!" || w == "?"
			}
			corpus = append(corpus, lowered)
		}
	}
	clusters := exchangeClusters(corpus, logf)
	words := map[string]bool{}
	for w := range caseCounts {
		words[w] = true
	}
	for w := range clusters {
		words[w] = true
	}
	sorted := slices.Sorted(maps.Keys(words))
	lex := make([]parts.Word, len(sorted))
	for i, w := range sorted {
		lex[i] = parts.Word{Text: w, Clusters: [3]int{-1, -1, -1}}
		if c := caseCounts[w]; c != nil {
			lex[i].Caps, lex[i].Total = c.caps, c.total
		}
		if cl, ok := clusters[w]; ok {
			lex[i].Clusters = cl
		}
	}
	logf("lexicon: %d words, %d with capitalisation counts, %d clustered", len(words), len(caseCounts), len(clusters))
	return lex, nil
}

// isWordLike reports whether a token starts with a letter.
func isWordLike(w string) bool {
	for _, r := range w {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r > 0x7f
	}
	return false
}
