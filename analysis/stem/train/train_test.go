package train

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/warta-news/warta/internal/shared"
)

// A made-up treebank: pembayaran is stripped twice and kept once (a
// derived word), Keuangan is kept whole only as a title word, lakukan only
// once against laku three times, minjam is a colloquial pinjam, and
// mensosialisasikan is kept once where sosialisasi explains it.
const trainConllu = `# sent_id = 1
# text = Pembayaran dilakukan oleh Kementerian Keuangan dan yang lain.
1	Pembayaran	bayar	NOUN	_	_	0	root	_	_
2	dilakukan	laku	VERB	_	_	1	acl	_	_
3	oleh	oleh	ADP	_	_	4	case	_	_
4	Kementerian	menteri	NOUN	_	_	2	obl	_	_
5	Keuangan	Keuangan	NOUN	_	_	4	nmod	_	_
6	dan	dan	CCONJ	_	_	7	cc	_	_
7	yang	yang	PRON	_	_	4	conj	_	_
8	lain	lain	ADJ	_	_	7	amod	_	_
9	.	.	PUNCT	_	_	1	punct	_	_

# sent_id = 2
# text = pembayaran melakukan pembayaran, lakukan! minjam pinjaman PT ABC 2025 mensosialisasikan sosialisasi pinjaman-nya
1	pembayaran	bayar	NOUN	_	_	0	root	_	_
2	melakukan	laku	VERB	_	_	1	acl	_	_
3	pembayaran	pembayaran	NOUN	_	_	2	obj	_	_
4	,	,	PUNCT	_	_	5	punct	_	_
5	lakukan	lakukan	VERB	_	_	2	conj	_	_
6	minjam	minjam	VERB	_	_	2	conj	_	_
7	pinjaman	pinjam	NOUN	_	_	6	obj	_	_
8	PT	PT	PROPN	_	_	7	nmod	_	_
9	ABC	ABC	PROPN	_	_	8	flat	_	_
10	2025	2025	NUM	_	_	7	nummod	_	_
11	mensosialisasikan	mensosialisasikan	VERB	_	_	2	conj	_	_
12	sosialisasi	sosialisasi	NOUN	_	_	11	obj	_	_
13-14	pinjaman-nya	_	_	_	_	_	_	_	_
13	pinjaman	pinjam	NOUN	_	_	12	nmod	_	_
14	nya	nya	PRON	_	_	13	nmod	_	_
15	dilakukan	laku	VERB	_	_	2	conj	_	_
`

func TestRoots(t *testing.T) {
	var b bytes.Buffer
	if err := Roots(&b, strings.NewReader(trainConllu), "test.conllu"); err != nil {
		t.Fatal(err)
	}
	var got []string
	for line := range strings.Lines(b.String()) {
		if !strings.HasPrefix(line, "#") {
			got = append(got, strings.TrimSpace(line))
		}
	}
	want := []string{"bayar", "dan closed", "lain", "laku", "menteri", "oleh closed", "pinjam", "sosialisasi", "yang closed"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("roots:\n got %q\nwant %q", got, want)
	}
	if !strings.Contains(b.String(), "(test.conllu)") {
		t.Error("header does not name the source")
	}
	for _, bad := range []string{"1\tbad\n", "1\t\t\tNOUN\t_\t_\t0\troot\t_\t_\n"} {
		if err := Roots(&b, strings.NewReader(bad), "bad.conllu"); err == nil {
			t.Errorf("malformed line %q was accepted", bad)
		}
	}
}

// TestRootsUpToDate regenerates data/roots_ud.txt from the treebank in the
// shared folder: the embedded list must be what warta train stem writes.
func TestRootsUpToDate(t *testing.T) {
	path := shared.Path(t, "data/treebank/ud-indonesian-csui/id_csui-ud-train.conllu")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b bytes.Buffer
	if err := Roots(&b, f, "id_csui-ud-train.conllu"); err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("../data/roots_ud.txt")
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(committed) {
		t.Error("data/roots_ud.txt is stale: run warta train stem")
	}
}
