package eval

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/warta-news/warta/internal/shared"
)

// quoteFloors are scores measured on PFSA-ID dev-20.txt, set a little under
// what the quote stage achieved, so that a regression fails the test. They
// guard against regressions; nothing is tuned on the corpus.
var quoteFloors = struct{ detection, attribution, endToEnd float64 }{0.90, 0.88, 0.80}

// TestQuotes scores analysis/quote on PFSA-ID in the shared data folder
// (skipped when it is missing, failed when CI=true) and prints the report:
// go test ./internal/eval -run TestQuotes -v
func TestQuotes(t *testing.T) {
	s, err := Quotes(shared.Path(t, "data/quotes/pfsa-id"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteQuotesReport(&b, s, 10); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	if s.Articles < 200 || s.Gold < 800 {
		t.Errorf("read %d articles and %d statements, want about 203 and 828", s.Articles, s.Gold)
	}
	if f := s.Detection.F1(); f < quoteFloors.detection {
		t.Errorf("detection F1 %.3f < %.3f", f, quoteFloors.detection)
	}
	if a := ratio(s.Attributed, s.Attributable); a < quoteFloors.attribution {
		t.Errorf("attribution accuracy %.3f < %.3f", a, quoteFloors.attribution)
	}
	if f := s.EndToEnd.F1(); f < quoteFloors.endToEnd {
		t.Errorf("end-to-end F1 %.3f < %.3f", f, quoteFloors.endToEnd)
	}
}

// pfsaSample is written for this test in the corpus's format (token, tab,
// BILOU tag; a blank line ends a sentence): two articles, the second a
// feature without a dateline, then an unannotated one. The people and
// quotations are invented.
const pfsaSample = `SURABAYA	O
,	O
KOMPAS	O
—	O
Pemerintah	B-ISSUE
menambah	I-ISSUE
pompa	L-ISSUE
.	O
”	B-STATEMENT

Kami	I-STATEMENT
siap	I-STATEMENT
.	I-STATEMENT

Banjir	I-STATEMENT
surut	I-STATEMENT
,	I-STATEMENT
”	L-STATEMENT
kata	U-CUE
Kepala	B-ROLE
BPBD	L-ROLE
Rina	B-PERSON
Astuti	L-PERSON
.	O

Pompa	O
tiba	O
Senin	O
(	O
13	O
/	O
04	O
)	O
.	O

”	B-STATEMENT
Covid	I-STATEMENT
-	I-STATEMENT
19	I-STATEMENT
terkendali	I-STATEMENT
,	I-STATEMENT
”	L-STATEMENT
ujarnya	U-CUECOREF
.	O

Harga	B-ISSUE
cabai	L-ISSUE
naik	O
.	O

”	B-STATEMENT
Stok	I-STATEMENT
aman	I-STATEMENT
,	I-STATEMENT
”	L-STATEMENT
kata	U-CUE
Rina	U-PERSONCOREF
.	O

JAKARTA	O
,	O
KOMPAS	O
—	O
Warga	O
menyebut	O
”	O
kampung	O
mati	O
”	O
.	O
`

func TestReadPFSA(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dev-20.txt")
	if err := os.WriteFile(path, []byte(pfsaSample), 0o644); err != nil {
		t.Fatal(err)
	}
	toks, err := readPFSA(path)
	if err != nil {
		t.Fatal(err)
	}
	arts := splitPFSA(toks)
	if len(arts) != 3 || !arts[0].annotated || !arts[1].annotated || arts[2].annotated {
		t.Fatalf("got %d articles (annotated %v), want 2 annotated then 1 not", len(arts), annotatedFlags(arts))
	}
	d := buildPFSA(arts[0])
	wantText := "SURABAYA, KOMPAS — Pemerintah menambah pompa.\n\n”Kami siap. Banjir surut,” kata Kepala BPBD Rina Astuti.\n\nPompa tiba Senin (13/04).\n\n”Covid-19 terkendali,” ujarnya."
	if d.doc.Text != wantText {
		t.Errorf("text:\n got %q\nwant %q", d.doc.Text, wantText)
	}
	if len(d.doc.Paragraphs) != 4 {
		t.Errorf("%d paragraphs, want 4", len(d.doc.Paragraphs))
	}
	type g struct {
		words, ref string
		speaker    []string
	}
	var gotGold []g
	for _, q := range d.gold {
		gotGold = append(gotGold, g{q.words, q.ref, q.speaker})
	}
	wantGold := []g{
		{"Kami siap. Banjir surut,", "PERSON", []string{"Rina Astuti"}},
		{"Covid-19 terkendali,", "CUECOREF", []string{"Rina Astuti"}},
	}
	if !reflect.DeepEqual(gotGold, wantGold) {
		t.Errorf("gold:\n got %+v\nwant %+v", gotGold, wantGold)
	}
	d2 := buildPFSA(arts[1])
	if len(d2.gold) != 1 || !reflect.DeepEqual(d2.gold[0].speaker, []string{"Rina"}) {
		t.Errorf("feature gold %+v, want one statement by Rina", d2.gold)
	}

	s, err := Quotes(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles != 2 || s.Skipped != 1 || s.Gold != 3 {
		t.Errorf("articles %d, skipped %d, gold %d; want 2, 1, 3", s.Articles, s.Skipped, s.Gold)
	}
	if s.Detection.Match != 3 || s.Attributed != 3 {
		t.Errorf("matched %d, attributed %d; want 3 and 3\n%+v", s.Detection.Match, s.Attributed, s)
	}
}

func annotatedFlags(arts []pfsaArticle) []bool {
	var out []bool
	for _, a := range arts {
		out = append(out, a.annotated)
	}
	return out
}

func TestSpeakerNames(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"Rina Astuti", "Astuti", true},
		{"Irjen Rudi", "M Rudi Santoso", true},
		{"Presiden", "Presiden", true},
		{"Presiden", "Wakil Presiden Ma'ruf Amin", false},
		{"Kepala BPBD Rina Astuti", "Kepala Dinas Ani", false},
	} {
		if got := sharesName(c.a, c.b); got != c.same {
			t.Errorf("sharesName(%q, %q) = %v, want %v", c.a, c.b, got, c.same)
		}
	}
}
