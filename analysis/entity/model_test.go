package entity

import (
	"bytes"
	"errors"
	"slices"
	"testing"
)

// TestCachedEmissions checks that the tagger's cached feature sums equal
// the plain sum of every feature, the form training uses.
func TestCachedEmissions(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	sentences := [][]string{
		{"Menteri", "Luar", "Negeri", "AS", "Anthony", "Blinken", "tiba", "di", "Jakarta", "."},
		{"“", "Kami", "siap", ",", "”", "kata", "Lavrov", "di", "Moskow", "."},
		{"Menteri", "Luar", "Negeri", "Rusia", "tiba", "di", "Washington"}, // repeats fill the cache
	}
	tg := &tagger{f: featurizer{m: m}}
	for _, d := range []int{m.defaultDomain, 1} {
		for _, words := range sentences {
			tg.f.prepare(words)
			tg.f.extract(d)
			L := m.nLabels
			want := make([]int32, len(words)*L)
			for i := range words {
				m.addWeights(want[i*L:i*L+L], tg.f.feats[tg.f.starts[i]:tg.f.starts[i+1]])
			}
			m.emissions(tg, d)
			for i := range want {
				if got := tg.score[i]; got != float32(want[i])*m.scale {
					t.Fatalf("domain %d %q: score %d = %v, want %v", d, words, i, got, float32(want[i])*m.scale)
				}
			}
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
