package tone

import (
	"math"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/analysis/tone/internal/feature"
)

func document(s string) *text.Document {
	doc := &text.Document{Text: s}
	text.Tokenize(doc)
	text.SplitSentences(doc)
	return doc
}

func TestLexicon(t *testing.T) {
	if _, err := feature.Parse(feature.File); err != nil {
		t.Fatalf("embedded lexicon: %v", err)
	}
	for _, bad := range []string{"kata\n", "kata\t?\n", "tiga kata ini\t+\n"} {
		if _, err := feature.Parse(bad); err == nil {
			t.Errorf("Parse(%q) gave no error", bad)
		}
	}
}

func TestSentenceTone(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"Warga senang dan bangga atas keberhasilan tim itu meraih juara.", "positive"},
		{"Pelaku pembunuhan itu ditangkap polisi setelah korban tewas di lokasi.", "negative"},
		{"Pelayanannya buruk dan makanannya tidak enak.", "negative"},
		{"Rapat itu digelar di gedung DPR pada Senin pagi.", "neutral"},
	} {
		doc := document(tc.text)
		p, words := a.Probabilities(doc, 0, len(doc.Tokens))
		res := a.Analyze(doc, Input{})
		if got := res.Label(); got != tc.want {
			t.Errorf("%q: %s (p %.2f, %d words), want %s", tc.text, got, p, words, tc.want)
		}
		if math.Abs(res.Score-(res.Positive-res.Negative)) > 0.011 || math.Abs(res.Polarity-(res.Positive+res.Negative)) > 0.011 {
			t.Errorf("%q: %+v: score or polarity do not add up", tc.text, res.Tone)
		}
	}
}

func TestEntityTone(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	r, err := entity.New()
	if err != nil {
		t.Fatal(err)
	}
	doc := document("Kabar Jakarta\n\nBupati Joko Santoso ditangkap KPK karena kasus korupsi yang merugikan negara. " +
		"Menteri Sri Wulandari meraih penghargaan atas prestasinya membangun sekolah. " +
		"\"Saya bangga dan senang sekali,\" kata Sri.")
	ents := r.Find(doc)
	var sri, joko *entity.Entity
	for i, e := range ents.Entities {
		switch {
		case strings.HasPrefix(e.Name, "Sri"):
			sri = &ents.Entities[i]
		case strings.Contains(e.Name, "Joko"):
			joko = &ents.Entities[i]
		}
	}
	if sri == nil || joko == nil {
		t.Fatalf("entities: %+v", ents.Entities)
	}
	q := strings.Index(doc.Text, "Saya")
	res := a.Analyze(doc, Input{Entities: ents, Quotes: []Quote{{Start: q, End: q + 26, Speaker: sri.ID}}})
	if len(res.Entities) != len(ents.Entities) {
		t.Fatalf("%d entity tones for %d entities", len(res.Entities), len(ents.Entities))
	}
	for _, et := range res.Entities {
		switch et.Entity {
		case sri.ID:
			if et.Score < 20 || et.Sentences != 2 {
				t.Errorf("%s: %+v, want a score above 20 over 2 sentences", et.Name, et)
			}
		case joko.ID:
			if et.Label != "negative" || et.Sentences != 1 {
				t.Errorf("%s: %+v, want negative over 1 sentence", et.Name, et)
			}
		}
	}
}

func TestLoadModelRejectsBadFiles(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("warta-linear"), modelFile[:len(modelFile)-1]} {
		if _, err := loadModel(data); err == nil {
			t.Errorf("a model of %d bytes was accepted", len(data))
		}
	}
}

func FuzzAnalyze(f *testing.F) {
	f.Add("Polisi menangkap pelaku. Warga senang!")
	f.Add("tidak tidak tidak bukan")
	f.Add("\x00\xff kata")
	a, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := document(text.Normalize(s))
		res := a.Analyze(doc, Input{})
		for _, v := range []float64{res.Positive, res.Negative, res.Polarity} {
			if v < 0 || v > 100 || math.IsNaN(v) {
				t.Fatalf("%q: %+v out of range", s, res.Tone)
			}
		}
	})
}

// A calibration weighs the model, the lexicon and neutral as it says:
// without the model, one negative hit against none is negative, and a
// neutral weight above the hit's makes it neutral.
func TestCalibration(t *testing.T) {
	e := Evidence{Scores: [3]float64{5, 0, 0}, Neg: 1}
	for _, tc := range []struct {
		c    Calibration
		want int
	}{
		{Reviews, classPositive},
		{Calibration{Lexicon: 1}, classNegative},
		{Calibration{Lexicon: 1, Neutral: 2}, classNeutral},
		{Calibration{Model: 1, Lexicon: 6}, classNegative},
	} {
		p := tc.c.Probabilities(e)
		best := 0
		for c := range p {
			if p[c] > p[best] {
				best = c
			}
		}
		if best != tc.want || math.Abs(p[0]+p[1]+p[2]-1) > 1e-9 {
			t.Errorf("%+v: %v, want %s first", tc.c, p, Classes[tc.want])
		}
	}
}
