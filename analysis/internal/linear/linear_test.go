package linear

import (
	"bytes"
	"math"
	"slices"
	"testing"
)

func TestSaveLoad(t *testing.T) {
	m := &Model{Classes: []string{"a", "b"}, Bits: 3, Weights: make([]float32, 16), Bias: []float32{0.5, -0.5}, Note: "test"}
	for i := range m.Weights {
		m.Weights[i] = float32(i) - 7.5
	}
	var b bytes.Buffer
	if err := m.Save(&b); err != nil {
		t.Fatal(err)
	}
	got, err := Load(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got.Note != m.Note || len(got.Classes) != 2 || got.Bits != 3 || got.Bias[0] != 0.5 {
		t.Fatalf("loaded %+v", got)
	}
	step := 7.5 / math.MaxInt16
	for i, w := range got.Weights {
		if math.Abs(float64(w-m.Weights[i])) > step {
			t.Errorf("weight %d: %v, want %v within %g", i, w, m.Weights[i], step)
		}
	}
	s := got.Scores([]uint32{1, 1, 7}, nil)
	want := []float64{0.5 + 2*float64(got.Weights[2]) + float64(got.Weights[14]), -0.5 + 2*float64(got.Weights[3]) + float64(got.Weights[15])}
	for c := range s {
		if math.Abs(s[c]-want[c]) > 1e-9 {
			t.Errorf("score %d: %v, want %v", c, s[c], want[c])
		}
	}
	for n := range b.Len() {
		if _, err := Load(b.Bytes()[:n]); err == nil {
			t.Fatalf("a model cut to %d bytes was accepted", n)
		}
	}
	if _, err := Load(append(b.Bytes(), 0)); err == nil {
		t.Error("a model with a byte after it was accepted")
	}
}

func TestSoftmax(t *testing.T) {
	s := []float64{1000, 1000, -1000}
	Softmax(s)
	if math.Abs(s[0]-0.5) > 1e-12 || s[2] != 0 {
		t.Errorf("softmax %v", s)
	}
}

func TestHasherFoldsCase(t *testing.T) {
	if Start('w').Add("Jakarta").Row(16) != Start('w').Add("jakarta").Row(16) {
		t.Error("case changes the row")
	}
	if Start('w').Add("jakarta").Row(16) == Start('b').Add("jakarta").Row(16) {
		t.Error("the kind does not change the row")
	}
}

func FuzzLoad(f *testing.F) {
	var b bytes.Buffer
	(&Model{Classes: []string{"a", "b"}, Bits: 2, Weights: make([]float32, 8), Bias: make([]float32, 2)}).Save(&b)
	f.Add(b.Bytes())
	f.Add([]byte("warta-linear\x00\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, cerr := LoadCompact(data)
		m, err := Load(data)
		if (cerr == nil) != (err == nil) {
			t.Fatalf("LoadCompact's error %v, Load's %v", cerr, err)
		}
		if err != nil {
			return
		}
		if len(c.words) != c.perRow<<c.Bits {
			t.Fatalf("%d words for %d classes over 2^%d rows", len(c.words), len(c.Classes), c.Bits)
		}
		if len(m.Weights) != len(m.Classes)<<m.Bits {
			t.Fatalf("%d weights for %d classes over 2^%d rows", len(m.Weights), len(m.Classes), m.Bits)
		}
	})
}

// TestCompact checks that the packed integer scores agree with the
// float ones for every layout: one word per row, several, a part word,
// and more rows than a lane can sum at once.
func TestCompact(t *testing.T) {
	for _, nc := range []int{2, 4, 5, 17} {
		m := &Model{Classes: make([]string, nc), Bits: 4, Weights: make([]float32, nc<<4), Bias: make([]float32, nc)}
		for i := range m.Weights {
			m.Weights[i] = float32((i*7919)%201-100) / 10 // from -10 to 10, the extremes included
		}
		m.Weights[3] = -10
		for i := range m.Bias {
			m.Bias[i] = float32(i) / 4
		}
		var b bytes.Buffer
		if err := m.Save(&b); err != nil {
			t.Fatal(err)
		}
		c, err := LoadCompact(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		loaded, err := Load(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		var again bytes.Buffer
		if err := c.Save(&again); err != nil || !bytes.Equal(again.Bytes(), b.Bytes()) {
			t.Fatalf("%d classes: a compact model saves other bytes (%v)", nc, err)
		}
		for i, w := range loaded.Weights {
			if got := float32(c.Weight(uint32(i/nc), i%nc)) * c.Step; got != w {
				t.Fatalf("%d classes: weight %d is %v compact, %v loaded", nc, i, got, w)
			}
		}
		for _, rows := range [][]uint32{nil, {0}, {1, 1, 15, 3}, make([]uint32, 3*maxRows+5)} {
			if len(rows) > 10 {
				for i := range rows {
					rows[i] = uint32(i % 16)
				}
			}
			_, got := c.Scores(rows, nil, nil)
			want := loaded.Scores(rows, nil)
			if len(got) != nc {
				t.Fatalf("%d classes: %d scores", nc, len(got))
			}
			for k := range want {
				if math.Abs(got[k]-want[k]) > 1e-3*(1+math.Abs(want[k])) {
					t.Errorf("%d classes, %d rows: score %d is %v, want %v", nc, len(rows), k, got[k], want[k])
				}
			}
		}
	}
}

// TestLoadPacks checks the loaders against the quantised model they were
// saved from: every packed word, spare lanes included, as Compact packs it,
// and every float weight as Weight reads it, for class counts that fill a
// row's last word and ones that leave lanes spare.
func TestLoadPacks(t *testing.T) {
	for _, nc := range []int{2, 3, 4, 5, 8, 9} {
		m := &Model{Bits: 4, Weights: make([]float32, nc<<4), Bias: make([]float32, nc), Note: "pack"}
		for k := range nc {
			m.Classes = append(m.Classes, string(rune('a'+k)))
			m.Bias[k] = float32(k) - 1.5
		}
		for i := range m.Weights {
			m.Weights[i] = float32((i*7919)%201-100) / 3 // negative, zero and positive
		}
		var b bytes.Buffer
		if err := m.Save(&b); err != nil {
			t.Fatal(err)
		}
		want := m.Compact()
		got, err := LoadCompact(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if got.Step != want.Step || !slices.Equal(got.Bias, want.Bias) || !slices.Equal(got.words, want.words) || got.perRow != want.perRow {
			t.Fatalf("%d classes: loaded step %v bias %v words %x, want %v %v %x", nc, got.Step, got.Bias, got.words, want.Step, want.Bias, want.words)
		}
		f, err := Load(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		for r := range uint32(1) << 4 {
			for k := range nc {
				if w := float32(want.Weight(r, k)) * want.Step; f.Weights[int(r)*nc+k] != w {
					t.Fatalf("%d classes: weight %d/%d %v, want %v", nc, r, k, f.Weights[int(r)*nc+k], w)
				}
			}
		}
	}
}
