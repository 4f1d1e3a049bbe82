package train

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Sentence is one tagged sentence of a NER corpus: its tokens and their
// BIO tags in warta's classes (B-PER, I-LOC, O, ...).
type Sentence struct {
	Words []string
	Tags  []string
}

// Corpus describes one NER data set under ../shared/data/ner: where its
// splits are and how its tags map onto warta's classes.
type Corpus struct {
	Name string // nergrit, nerp, idner, nerui, nerugm
	Dir  string // relative to the data/ner folder
	// Train, Dev and Test name the split files.
	Train, Dev, Test []string
	// Tags maps the set's class names to warta's; a class not listed
	// (NER-UGM's TIME and QUANTITY) is read as O.
	Tags map[string]string
	// Ship says whether a model trained on the set may be shipped; the
	// others are evaluation only.
	Ship bool
	// Domain is the domain the set is tagged in: its annotation
	// conventions get features of their own (see Model).
	Domain string
	// Published is the best published entity F1 on the set's test split,
	// with its source, for warta eval ner.
	Published string
}

// Corpora are the NER sets warta trains and evaluates on. The mapping of
// their tags onto warta's classes:
//
//	NERGrit       PERSON → PER, PLACE → LOC, ORGANISATION → ORG
//	NERP          PPL → PER, PLC → LOC, IND → ORG, EVT → EVT, FNB → FNB
//	IDNer-news-2k PER, ORG, LOC as they are
//	NER-UI, -UGM  PERSON → PER, LOCATION → LOC, ORGANIZATION → ORG;
//	              NER-UGM's TIME and QUANTITY → O (evaluation only)
//
// EVT (events) and FNB (food and beverage) exist in NERP alone; in a
// record both are MISC.
var Corpora = []Corpus{
	{
		Name: "nergrit", Dir: "nergrit_ner-grit", Ship: true, Domain: "nergrit",
		Train: []string{"train_preprocess.txt"}, Dev: []string{"valid_preprocess.txt"}, Test: []string{"test_preprocess.txt"},
		Tags:      map[string]string{"PERSON": "PER", "PLACE": "LOC", "ORGANISATION": "ORG"},
		Published: "79.09 XLM-R base (IndoNLU, Wilie et al. 2020, Table 5)",
	},
	{
		Name: "nerp", Dir: "nerp_ner-prosa", Ship: true, Domain: "nerp",
		Train: []string{"train_preprocess.txt"}, Dev: []string{"valid_preprocess.txt"}, Test: []string{"test_preprocess.txt"},
		Tags:      map[string]string{"PPL": "PER", "PLC": "LOC", "IND": "ORG", "EVT": "EVT", "FNB": "FNB"},
		Published: "79.25 IndoBERT-large (IndoNLU, Wilie et al. 2020, Table 5)",
	},
	{
		Name: "idner", Dir: "idner-news-2k", Ship: true, Domain: "idner",
		Train: []string{"train.txt"}, Dev: []string{"dev.txt"}, Test: []string{"test.txt"},
		Tags:      map[string]string{"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
		Published: "— (not in the IndoNLU table)",
	},
	{
		Name: "nerui", Dir: "indolem/nerui", Domain: "idner",
		Test:      foldFiles("test"),
		Tags:      map[string]string{"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"},
		Published: "90.1 IndoBERT, 5-fold, trained in-domain (IndoLEM, Koto et al. 2020)",
	},
	{
		Name: "nerugm", Dir: "indolem/nerugm", Domain: "idner",
		Test:      foldFiles("test"),
		Tags:      map[string]string{"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"},
		Published: "74.9 IndoBERT, 5-fold, trained in-domain (IndoLEM, Koto et al. 2020)",
	},
}

// foldFiles names IndoLEM's five folds of one split; their test files
// partition the set.
func foldFiles(split string) []string {
	out := make([]string, 5)
	for i := range out {
		out[i] = fmt.Sprintf("%s.%02d.tsv", split, i+1)
	}
	return out
}

// Read reads the named split files of c from nerDir (../shared/data/ner).
func (c Corpus) Read(nerDir string, files []string) ([]Sentence, error) {
	var all []Sentence
	for _, name := range files {
		f, err := os.Open(filepath.Join(nerDir, c.Dir, name))
		if err != nil {
			return nil, fmt.Errorf("entity train: %w", err)
		}
		s, err := ReadCoNLL(f, c.Tags)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("entity train: %s/%s: %w", c.Dir, name, err)
		}
		all = append(all, s...)
	}
	return all, nil
}

// ReadCoNLL reads sentences in the CoNLL layout shared by the NER sets: one
// token a line, the token first and its IOB tag last (tab- or
// space-separated, CRLF line ends allowed), a blank line between
// sentences. Tags are mapped through tags; classes it does not list become
// O. An I- tag that does not continue an entity of its class starts one,
// as conlleval reads it.
func ReadCoNLL(r io.Reader, tags map[string]string) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
			cur = Sentence{}
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 2 {
			return nil, fmt.Errorf("line %d: want a token and a tag, have %q", n, line)
		}
		word, tag := fields[0], fields[len(fields)-1]
		cur.Words = append(cur.Words, word)
		cur.Tags = append(cur.Tags, mapTag(tag, tags))
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return out, nil
}

func mapTag(tag string, tags map[string]string) string {
	if tag == "O" {
		return "O"
	}
	pre, class, ok := strings.Cut(tag, "-")
	if !ok || (pre != "B" && pre != "I") {
		return "O"
	}
	ours, ok := tags[class]
	if !ok {
		return "O"
	}
	return pre + "-" + ours
}

// Span is an entity span over a sentence's tokens: [Start, End) of class
// Class.
type Span struct {
	Start, End int
	Class      string
}

// Spans reads the entity spans of a BIO tag sequence the way conlleval
// does: an I- tag after O or after another class starts an entity.
func Spans(tags []string) []Span {
	var out []Span
	open := -1
	class := ""
	for i, t := range tags {
		pre, c, _ := strings.Cut(t, "-")
		if open >= 0 && (t == "O" || pre == "B" || c != class) {
			out = append(out, Span{open, i, class})
			open = -1
		}
		if t != "O" && open < 0 {
			open, class = i, c
		}
	}
	if open >= 0 {
		out = append(out, Span{open, len(tags), class})
	}
	return out
}
