package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/warta-news/warta/internal/shared"
)

// textFloors are F1 scores measured on the treebanks, set a little under
// what the text layer achieved, so a regression fails the test.
var textFloors = map[string]struct{ tokens, bounds float64 }{
	"id_csui-ud-train.conllu": {0.995, 0.97},
	"id_csui-ud-test.conllu":  {0.995, 0.97},
	"id_gsd-ud-dev.conllu":    {0.99, 0.935},
	"id_gsd-ud-test.conllu":   {0.99, 0.945},
}

// TestText scores the text layer on the UD treebanks in the shared data
// folder (skipped when they are missing, failed when CI=true) and prints the
// report: go test ./internal/eval -run TestText -v
func TestText(t *testing.T) {
	scores, err := Text(shared.Path(t, "data/treebank"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteTextReport(&b, scores); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	if len(scores) != len(textFloors) {
		t.Fatalf("%d files scored, want %d", len(scores), len(textFloors))
	}
	for _, s := range scores {
		floor, ok := textFloors[s.File]
		if !ok {
			t.Errorf("no floor for %s", s.File)
			continue
		}
		if f := s.Tokens.F1(); f < floor.tokens {
			t.Errorf("%s: token F1 %.4f < %.4f; first errors:\n%s", s.File, f, floor.tokens, strings.Join(s.TokenErrors, "\n"))
		}
		if f := s.Boundaries.F1(); f < floor.bounds {
			t.Errorf("%s: sentence boundary F1 %.4f < %.4f; first errors:\n%s", s.File, f, floor.bounds, strings.Join(s.BoundaryErrors, "\n"))
		}
	}
}

// TestReadCoNLLU checks span alignment on a made-up file: a multi-word
// token counts once, its words and empty nodes are skipped, and sentences
// are joined with one space.
func TestReadCoNLLU(t *testing.T) {
	const conllu = `# sent_id = 1
# text = Bukunya dijual Rp5.000.
1-2	Bukunya	_	_	_	_	_	_	_	_
1	Buku	buku	NOUN	_	_	3	nsubj	_	_
2	nya	nya	PRON	_	_	1	nmod	_	_
3	dijual	jual	VERB	_	_	0	root	_	_
4	Rp	Rp	SYM	_	_	3	obj	_	SpaceAfter=No
5	5.000	5.000	NUM	_	_	4	nummod	_	SpaceAfter=No
5.1	ada	ada	VERB	_	_	_	_	_	_
6	.	.	PUNCT	_	_	3	punct	_	_

# newdoc id = b
# sent_id = 2
# text = Harga naik.
1	Harga	harga	NOUN	_	_	2	nsubj	_	_
2	naik	naik	VERB	_	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	_	_	2	punct	_	_

# sent_id = 3
# text = Pasar tenang.
1	Pasar	pasar	NOUN	_	_	2	nsubj	_	_
2	tenang	tenang	ADJ	_	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	_	_	2	punct	_	_
`
	path := filepath.Join(t.TempDir(), "mini.conllu")
	if err := os.WriteFile(path, []byte(conllu), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, err := readCoNLLU(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	doc := docs[1].text.String()
	if doc != "Harga naik. Pasar tenang." {
		t.Errorf("second document text %q", doc)
	}
	var got []string
	for _, sp := range docs[0].tokens {
		got = append(got, docs[0].text.String()[sp.Start:sp.End])
	}
	if want := "Bukunya dijual Rp 5.000 ."; strings.Join(got, " ") != want {
		t.Errorf("tokens %q, want %q", got, want)
	}
	if ends := docs[1].ends; len(ends) != 2 || ends[0] != len("Harga naik.") || ends[1] != len(doc) {
		t.Errorf("sentence ends %v in %q", ends, doc)
	}

	var s TextScore
	for _, d := range docs {
		s.add(d)
	}
	if s.Tokens != (PRF{Match: 11, Pred: 11, Gold: 11}) || s.Boundaries != (PRF{Match: 1, Pred: 1, Gold: 1}) {
		t.Errorf("scores %+v %+v, want all matched", s.Tokens, s.Boundaries)
	}
}

func TestPRF(t *testing.T) {
	p := PRF{Match: 8, Pred: 10, Gold: 16}
	if p.Precision() != 0.8 || p.Recall() != 0.5 || p.F1() < 0.6153 || p.F1() > 0.6154 {
		t.Errorf("P %v R %v F1 %v", p.Precision(), p.Recall(), p.F1())
	}
	if (PRF{}).F1() != 1 {
		t.Errorf("empty PRF F1 %v, want 1", (PRF{}).F1())
	}
}
