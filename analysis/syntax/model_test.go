package syntax

import (
	"bytes"
	"strings"
	"testing"
)

const tinyTreebank = `# sent_id = a
1	Polisi	_	NOUN	_	_	2	nsubj	_	_
2	menangkap	_	VERB	_	_	0	root	_	_
3	pelaku	_	NOUN	_	_	2	obj	_	_
4	.	_	PUNCT	_	_	2	punct	_	_

# sent_id = b
1	Warga	_	NOUN	_	_	3	nsubj	_	_
2	yang	_	PRON	_	_	3	nsubj	_	_
3	marah	_	ADJ	_	_	0	root	_	_
4	.	_	PUNCT	_	_	3	punct	_	_

# sent_id = c
1	Menteri	_	NOUN	_	_	2	nsubj	_	_
2	bertemu	_	VERB	_	_	0	root	_	_
3	dengan	_	ADP	_	_	4	case	_	_
4	presiden	_	NOUN	_	_	2	obl	_	_
5	.	_	PUNCT	_	_	2	punct	_	_
`

func TestTrainDeterministicAndRoundTrip(t *testing.T) {
	sents, err := ReadCoNLLU(strings.NewReader(tinyTreebank))
	if err != nil {
		t.Fatal(err)
	}
	o := TrainOptions{TagBits: 10, TransitionBits: 10, LabelBits: 10, Epochs: 30, Folds: 1, Rate: 0.5}
	var files [2]bytes.Buffer
	for i := range files {
		m, rep, err := Train(sents, o)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Nonprojective != 0 || rep.Arcs == 0 {
			t.Fatalf("report %+v", rep)
		}
		if _, err := m.WriteTo(&files[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(files[0].Bytes(), files[1].Bytes()) {
		t.Fatal("two trainings with the same options wrote different models")
	}
	m, err := ReadModel(files[0].Bytes())
	if err != nil {
		t.Fatal(err)
	}
	// The training sentences themselves are learnt.
	words := []string{"Polisi", "menangkap", "pelaku", "."}
	tr := m.Parse(len(words), func(i int) string { return words[i] })
	if tr.Heads[0] != 1 || tr.Rels[0] != "nsubj" || tr.Heads[1] != -1 || tr.Rels[1] != "root" || tr.Heads[2] != 1 || tr.Rels[2] != "obj" {
		t.Errorf("training sentence parsed as %+v", tr)
	}
	if tr.Tags[1] != "VERB" {
		t.Errorf("menangkap tagged %s", tr.Tags[1])
	}
}

func TestReadModelErrors(t *testing.T) {
	good := EmbeddedModel()
	for name, data := range map[string][]byte{
		"empty":     nil,
		"bad magic": []byte("warta-linear\x00\x01"),
		"truncated": good[:len(good)/2],
		"not flate": append([]byte(magic), 0, 0, 0xFF, 0xFF, 0xFF),
		"long note": append([]byte(magic), 0xFF, 0x00, 0x01),
	} {
		if _, err := ReadModel(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := ReadModel(good); err != nil {
		t.Fatalf("the embedded model: %v", err)
	}
}

// FuzzReadModel checks that a damaged model file is an error, never a
// panic.
func FuzzReadModel(f *testing.F) {
	f.Add([]byte(magic))
	f.Add(append([]byte(magic), 0x01, 0x00, 0x00, 0xFF, 0xFF))
	f.Fuzz(func(t *testing.T, data []byte) {
		ReadModel(data)
	})
}

// TestParseThrough checks that a parse stopped at a token makes the arcs a
// whole parse makes among the tokens before it, and gives the token its
// left dependents and, when it stands to the left, its head.
func TestParseThrough(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, sent := range []string{
		"Polisi yang menangkap pelaku itu berjanji akan memeriksa saksi kepada media di Jakarta .",
		"Menurutnya , pemerintah telah meminta Bank Indonesia untuk menurunkan suku bunga agar ekonomi tumbuh .",
	} {
		words := strings.Fields(sent)
		form := func(i int) string { return words[i] }
		full := m.Parse(len(words), form)
		for last := range words {
			part := m.ParseThrough(len(words), form, last)
			for k := 0; k <= last; k++ {
				if !part.Known(k) {
					if full.Heads[k] >= 0 && full.Heads[k] <= last {
						t.Errorf("%q through %d: token %d's head %d is left open", sent, last, k, full.Heads[k])
					}
					continue
				}
				if part.Heads[k] != full.Heads[k] || part.Rels[k] != full.Rels[k] || part.Tags[k] != full.Tags[k] {
					t.Errorf("%q through %d: token %d is %s→%d (%s), whole parse %s→%d (%s)", sent, last, k,
						part.Rels[k], part.Heads[k], part.Tags[k], full.Rels[k], full.Heads[k], full.Tags[k])
				}
			}
		}
	}
}

// TestParseReusesNothing checks that a parse's pooled scratch carries
// nothing into the next: a sentence parses the same after a longer one
// and after a prefix parse of it.
func TestParseReusesNothing(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	short := strings.Fields("Presiden meminta menteri bekerja .")
	long := strings.Fields("Menurutnya , pemerintah telah meminta Bank Indonesia untuk menurunkan suku bunga agar ekonomi tumbuh .")
	parse := func(words []string, last int) *Tree {
		return m.ParseThrough(len(words), func(i int) string { return words[i] }, last)
	}
	want := parse(short, len(short)-1)
	for _, before := range []func(){
		func() { parse(long, len(long)-1) },
		func() { parse(long, 2) },
		func() { parse(short, 1) },
	} {
		before()
		got := parse(short, len(short)-1)
		for k := range short {
			if got.Heads[k] != want.Heads[k] || got.Rels[k] != want.Rels[k] || got.Tags[k] != want.Tags[k] {
				t.Errorf("token %d: %s→%d (%s), first parse %s→%d (%s)", k, got.Rels[k], got.Heads[k], got.Tags[k], want.Rels[k], want.Heads[k], want.Tags[k])
			}
		}
	}
}
