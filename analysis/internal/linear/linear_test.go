package linear

import (
	"bytes"
	"math"
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
		m, err := Load(data)
		if err != nil {
			return
		}
		if len(m.Weights) != len(m.Classes)<<m.Bits {
			t.Fatalf("%d weights for %d classes over 2^%d rows", len(m.Weights), len(m.Classes), m.Bits)
		}
	})
}
