package entity

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"testing"
)

// plainScores sums every feature of every token in the training form
// (featurizer.extract) over the whole weight table: what the tagger's
// cached, per-domain sums must equal.
func plainScores(m *Model, words []string, d int) []int32 {
	f := &featurizer{m: m}
	f.prepare(words)
	f.extract(d)
	L := m.nLabels
	want := make([]int32, len(words)*L)
	for i := range words {
		for _, b := range f.feats[f.starts[i]:f.starts[i+1]] {
			for l, v := range m.weights[int(b)*L : int(b)*L+L] {
				want[i*L+l] += int32(v)
			}
		}
	}
	return want
}

// plainTag tags words with plainScores and the training form's Viterbi
// over all labels.
func plainTag(m *Model, words []string, d int) []int {
	want := plainScores(m, words, d)
	t := &tagger{score: make([]float32, len(want))}
	for i, v := range want {
		t.score[i] = float32(v) * m.scale
	}
	return slices.Clone(m.viterbi(t, d, m.trans[d]))
}

var fastSentences = [][]string{
	{"Menteri", "Luar", "Negeri", "AS", "Anthony", "Blinken", "tiba", "di", "Jakarta", "."},
	{"“", "Kami", "siap", ",", "”", "kata", "Lavrov", "di", "Moskow", "."},
	{"Menteri", "Luar", "Negeri", "Rusia", "tiba", "di", "Washington"}, // repeats come from the cache
	{"Ma’ruf", "Amin", "ke", "Zürich", "dan", "ÉCOLE", "Ñandú", "İstanbul", "\xff", ""},
	{"KPK"},
	{"Jokowi", ":"},
	{},
}

// collidingWords returns two words whose types take the same slot of
// the tagger's cache in domain d, in the middle of a sentence.
func collidingWords(d int) (string, string) {
	seen := map[uint64]string{}
	for i := 0; ; i++ {
		w := fmt.Sprintf("kata%d", i)
		slot := typeKey(hashString(fnvOffset, w), 0, false, d) & (typeCacheSlots - 1)
		if prev, ok := seen[slot]; ok {
			return prev, w
		}
		seen[slot] = w
	}
}

// TestFastEmissions checks that the tagger's cached sums over each
// domain's labels equal the plain sum of every feature, and that its tags
// are the training form's.
func TestFastEmissions(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	tg := &tagger{f: featurizer{m: m}}
	for round := range 2 { // the second round reads the cache
		for d := range m.domains {
			// Words of one sentence that evict each other from the cache.
			a, b := collidingWords(d)
			sentences := append(slices.Clone(fastSentences), []string{"Kata", a, b, a, "."}, []string{"Kata", a, b})
			for _, words := range sentences {
				want := plainScores(m, words, d)
				path := slices.Clone(m.tag(tg, words, d))
				dt := m.table(d)
				K, L := len(dt.labels), m.nLabels
				for i := range words {
					for k, l := range dt.labels {
						if got, w := tg.score[i*K+k], float32(want[i*L+l])*m.scale; got != w {
							t.Fatalf("round %d domain %d %q: token %d label %s: score %v, want %v", round, d, words, i, m.labelName(l), got, w)
						}
					}
				}
				if want := plainTag(m, words, d); !slices.Equal(path, want) {
					t.Errorf("domain %d %q: tags %v, want %v", d, words, path, want)
				}
			}
		}
	}
}

// TestHashWord checks the tagger's one-pass hashes against the
// featuriser's.
func TestHashWord(t *testing.T) {
	tg := &tagger{}
	f := &featurizer{m: &Model{}}
	for _, w := range []string{"", "a", "Jakarta", "KPK", "Ma’ruf", "Ma'ruf", "ÉCOLE", "İstanbul", "1.500,50", "\xff\xfe", "x\xffY"} {
		var ti tokenInfo
		f.fill(&ti, w)
		if lw, orig := tg.hashWord(w); lw != ti.word || orig != ti.orig {
			t.Errorf("hashWord(%q) = %x, %x, want %x, %x", w, lw, orig, ti.word, ti.orig)
		}
	}
}

// TestModelRoundTrip writes the embedded model and reads it back.
func TestModelRoundTrip(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatalf("the embedded model does not load (retrain it with warta train ner): %v", err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), EmbeddedModel()) {
		t.Error("writing the embedded model back gives other bytes")
	}
	m2, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Presiden", "Joko", "Widodo", "meninjau", "banjir", "di", "Bekasi", ",", "Jawa", "Barat", "."}
	if a, b := m.TagWords(words), m2.TagWords(words); !slices.Equal(a, b) {
		t.Errorf("tags differ after a round trip: %q vs %q", a, b)
	}
}

func TestReadModelRejects(t *testing.T) {
	good := EmbeddedModel()
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not a model", []byte("hello, world")},
		{"magic only", []byte(modelMagic)},
		{"truncated header", good[:20]},
		{"truncated weights", good[:len(good)/2]},
		{"trailing bytes", append(append([]byte(nil), good...), 0)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ReadModel(bytes.NewReader(tt.data)); !errors.Is(err, ErrBadModel) {
				t.Errorf("ReadModel = %v, want ErrBadModel", err)
			}
		})
	}
}

// TestTagWords checks the tagger on sentences in the style of Indonesian
// news.
func TestTagWords(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		words []string
		want  []string
	}{
		{
			[]string{"Presiden", "Joko", "Widodo", "meninjau", "banjir", "di", "Bekasi", "."},
			[]string{"O", "B-PER", "I-PER", "O", "O", "O", "B-LOC", "O"},
		},
		{
			[]string{"KPK", "memeriksa", "Bupati", "Bogor", "."},
			[]string{"B-ORG", "O", "O", "B-LOC", "O"},
		},
		{
			[]string{"Pertemuan", "itu", "berlangsung", "di", "Reykjavik", ",", "Islandia", "."},
			[]string{"O", "O", "O", "O", "B-LOC", "O", "B-LOC", "O"},
		},
		{[]string{}, []string{}},
	} {
		if got := m.TagWords(tt.words); !slices.Equal(got, tt.want) {
			t.Errorf("TagWords(%q) = %q, want %q", tt.words, got, tt.want)
		}
	}
}

func FuzzReadModel(f *testing.F) {
	good := EmbeddedModel()
	f.Add(good[:200])
	f.Add(good[:4000])
	f.Add([]byte(modelMagic + "\x01\x02\x00\x00\x00{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ReadModel(bytes.NewReader(data))
		if err == nil {
			m.TagWords([]string{"Jakarta", "hujan", "."})
		}
	})
}

func FuzzTagWords(f *testing.F) {
	f.Add("Menteri Luar Negeri AS Anthony Blinken tiba di Jakarta .")
	f.Add("“ ” ( ) KPK 1.500.000,50 Rp ’ \xff")
	m, err := DefaultModel()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := bytes.Fields([]byte(s))
		ws := make([]string, len(words))
		for i, w := range words {
			ws[i] = string(w)
		}
		if tags := m.TagWords(ws); len(tags) != len(ws) {
			t.Fatalf("%d tags for %d words", len(tags), len(ws))
		}
	})
}
