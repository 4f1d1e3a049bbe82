package eval

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/warta-news/warta/analysis/syntax"
)

// ParserScore is how the tagger and parser do on one UD treebank file,
// given its gold surface tokens.
type ParserScore struct {
	Treebank, File, Split string
	Sentences             int
	// Tokens counts scored nodes: surface tokens, a multiword token such
	// as bukunya (buku + nya) being one (Folded counts those).
	Tokens, Folded int
	// UPOS, UAS and LAS count tokens with the right tag, the right head,
	// and the right head and relation (subtypes included: acl:relcl is
	// not acl). Punctuation is scored, as in the CoNLL 2018 shared task.
	UPOS, UAS, LAS int
	// Rel holds per relation (the gold one, subtypes included) how many
	// tokens had it and how many of those got both head and relation.
	Rel map[string][2]int
}

// parserFiles are the files scored: GSD dev is the tuning split, the test
// files are reported only; CSUI train is what the model learns from.
var parserFiles = []struct{ treebank, file, split string }{
	{"ud-indonesian-gsd", "id_gsd-ud-dev.conllu", "dev"},
	{"ud-indonesian-csui", "id_csui-ud-test.conllu", "test"},
	{"ud-indonesian-gsd", "id_gsd-ud-test.conllu", "test"},
}

// ParserTrainFile is the treebank file the parser is trained on, under
// the treebank folder.
const ParserTrainFile = "ud-indonesian-csui/id_csui-ud-train.conllu"

// ReadTreebank reads one CoNLL-U file of the treebank folder.
func ReadTreebank(path string) ([]syntax.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := syntax.ReadCoNLLU(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// Parser scores the model on the files of the given split ("dev", "test"
// or "" for both).
func Parser(treebankDir string, m *syntax.Model, split string) ([]ParserScore, error) {
	var out []ParserScore
	for _, f := range parserFiles {
		if split != "" && f.split != split {
			continue
		}
		sents, err := ReadTreebank(filepath.Join(treebankDir, f.treebank, f.file))
		if err != nil {
			return nil, err
		}
		out = append(out, ScoreParser(m, sents, f.treebank, f.file, f.split))
	}
	return out, nil
}

// ScoreParser tags and parses gold sentences and counts what it got right.
func ScoreParser(m *syntax.Model, sents []syntax.Sentence, treebank, file, split string) ParserScore {
	s := ParserScore{Treebank: treebank, File: file, Split: split, Sentences: len(sents), Rel: map[string][2]int{}}
	for _, g := range sents {
		t := m.Parse(len(g.Words), func(i int) string { return g.Words[i].Form })
		s.Folded += g.Folded
		for i, w := range g.Words {
			s.Tokens++
			if t.Tags[i] == w.UPOS {
				s.UPOS++
			}
			r := s.Rel[w.Rel]
			r[0]++
			if t.Heads[i]+1 == w.Head {
				s.UAS++
				if t.Rels[i] == w.Rel {
					s.LAS++
					r[1]++
				}
			}
			s.Rel[w.Rel] = r
		}
	}
	return s
}

// publishedParser are published figures for the same test files: UDPipe 2
// with multilingual BERT, its Universal Dependencies 2.17 models (251125,
// the treebanks' release here), scored by conll18_ud_eval.py on syntactic
// words from gold tokenisation; each model is trained on its own
// treebank's train split (GSD's 97K words; warta learns from CSUI's 18K).
var publishedParser = map[string]string{
	"id_csui-ud-test.conllu": "UDPipe 2 (UD 2.17, gold tokens, trained on CSUI train): UPOS 96.45, UAS 87.43, LAS 82.77",
	"id_gsd-ud-test.conllu":  "UDPipe 2 (UD 2.17, gold tokens, trained on GSD train): UPOS 94.79, UAS 88.53, LAS 82.72",
}

// WriteParserReport prints the scores, beside the published figures.
func WriteParserReport(w io.Writer, scores []ParserScore, note string, size int) error {
	var b strings.Builder
	fmt.Fprintf(&b, "model: %d bytes; %s\n", size, note)
	fmt.Fprintf(&b, "%-20s %-24s %-5s %5s %6s %6s %6s %6s\n", "treebank", "file", "split", "sents", "tokens", "UPOS", "UAS", "LAS")
	for _, s := range scores {
		pct := func(n int) float64 { return 100 * float64(n) / float64(max(s.Tokens, 1)) }
		fmt.Fprintf(&b, "%-20s %-24s %-5s %5d %6d %6.2f %6.2f %6.2f\n", s.Treebank, s.File, s.Split, s.Sentences, s.Tokens, pct(s.UPOS), pct(s.UAS), pct(s.LAS))
		if p := publishedParser[s.File]; p != "" {
			fmt.Fprintf(&b, "  published: %s\n", p)
		}
	}
	fmt.Fprintln(&b, "Tokens are the treebank's surface tokens (a multiword token such as bukunya is one node, scored by its head word); punctuation is scored.")
	_, err := io.WriteString(w, b.String())
	return err
}
