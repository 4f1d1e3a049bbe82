package langid

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/warta-news/warta/analysis/text"
)

var pLangs = []string{"ind_Latn", "zsm_Latn", "jav_Latn", "sun_Latn", "min_Latn", "ban_Latn", "bjn_Latn", "ace_Latn", "bug_Latn", "eng_Latn"}

type pcfg struct {
	bits       uint
	minN, maxN int
	word       bool
	skipCaps   bool
}

func readTSV(t testing.TB, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.FieldsPerRecord = 3
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, rec := range recs[1:] {
		out = append(out, rec[2])
	}
	return out
}

func feats(c pcfg, s string, dst []uint32) []uint32 {
	doc := &text.Document{Text: s}
	text.Tokenize(doc)
	var buf []byte
	var starts []int
	initial := true
	for i, tk := range doc.Tokens {
		w := doc.TokenText(i)
		if tk.Kind != text.Word {
			if tk.Kind == text.Punct && strings.ContainsAny(w, ".!?:\"“”") {
				initial = true
			}
			continue
		}
		wasInitial := initial
		initial = false
		r, _ := utf8.DecodeRuneInString(w)
		if c.skipCaps && unicode.IsUpper(r) && !wasInitial {
			continue
		}
		buf = append(buf[:0], ' ')
		starts = append(starts[:0], 0)
		for _, r := range w {
			starts = append(starts, len(buf))
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
		starts = append(starts, len(buf))
		buf = append(buf, ' ')
		starts = append(starts, len(buf))
		nr := len(starts) - 1
		if c.word {
			h := uint64(14695981039346656037) ^ 0xabcdef
			for _, b := range buf {
				h ^= uint64(b)
				h *= 1099511628211
			}
			dst = append(dst, uint32((h*0x9E3779B97F4A7C15)>>(64-c.bits)))
		}
		for a := 0; a < nr; a++ {
			h := uint64(14695981039346656037)
			for n := 1; n <= c.maxN && a+n <= nr; n++ {
				for _, b := range buf[starts[a+n-1]:starts[a+n]] {
					h ^= uint64(b)
					h *= 1099511628211
				}
				if n >= c.minN {
					dst = append(dst, uint32((h*0x9E3779B97F4A7C15)>>(64-c.bits)))
				}
			}
		}
	}
	return dst
}

type example struct {
	f    []uint32
	lang int
	s    string
}

func load(t testing.TB, c pcfg, split string) []example {
	var ex []example
	per := make([][]string, len(pLangs))
	for l, name := range pLangs {
		per[l] = readTSV(t, filepath.Join("/work/shared/data/sib200", name, split+".tsv"))
	}
	for i := range per[0] {
		for l := range pLangs {
			ex = append(ex, example{feats(c, per[l][i], nil), l, per[l][i]})
		}
	}
	return ex
}

// NB
func trainNB(c pcfg, ex []example, alpha float64) [][]float64 {
	B := 1 << c.bits
	L := len(pLangs)
	cnt := make([]float64, B*L)
	tot := make([]float64, L)
	for _, e := range ex {
		for _, f := range e.f {
			cnt[int(f)*L+e.lang]++
			tot[e.lang]++
		}
	}
	w := make([][]float64, B)
	for b := 0; b < B; b++ {
		w[b] = make([]float64, L)
		for l := 0; l < L; l++ {
			w[b][l] = math.Log((cnt[b*L+l] + alpha) / (tot[l] + alpha*float64(B)))
		}
	}
	return w
}

func trainLR(c pcfg, ex []example, epochs int, lr, l2 float64) [][]float64 {
	B := 1 << c.bits
	L := len(pLangs)
	w := make([][]float64, B)
	g2 := make([][]float64, B)
	for b := range w {
		w[b] = make([]float64, L)
		g2[b] = make([]float64, L)
	}
	s := make([]float64, L)
	for ep := 0; ep < epochs; ep++ {
		for _, e := range ex {
			for l := range s {
				s[l] = 0
			}
			for _, f := range e.f {
				for l := range s {
					s[l] += w[f][l]
				}
			}
			m := s[0]
			for _, v := range s {
				m = math.Max(m, v)
			}
			z := 0.0
			for l := range s {
				s[l] = math.Exp(s[l] - m)
				z += s[l]
			}
			for l := range s {
				s[l] /= z
			}
			s[e.lang] -= 1 // gradient
			for _, f := range e.f {
				for l := range s {
					g := s[l] + l2*w[f][l]
					g2[f][l] += g * g
					w[f][l] -= lr * g / math.Sqrt(g2[f][l]+1e-8)
				}
			}
		}
	}
	return w
}

func classify(w [][]float64, f []uint32) (int, []float64) {
	s := make([]float64, len(pLangs))
	for _, x := range f {
		for l := range s {
			s[l] += w[x][l]
		}
	}
	best := 0
	for l := range s {
		if s[l] > s[best] {
			best = l
		}
	}
	return best, s
}

func evalW(t *testing.T, name string, w [][]float64, ex []example) {
	L := len(pLangs)
	conf := make([][]int, L)
	for i := range conf {
		conf[i] = make([]int, L)
	}
	ok := 0
	for _, e := range ex {
		p, _ := classify(w, e.f)
		conf[e.lang][p]++
		if p == e.lang {
			ok++
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s acc %.4f |", name, float64(ok)/float64(len(ex)))
	for l := range pLangs {
		fmt.Fprintf(&b, " %s %.3f", pLangs[l][:3], float64(conf[l][l])/float64(len(ex)/L))
	}
	fmt.Fprintf(&b, " | id->ms %d ms->id %d", conf[0][1], conf[1][0])
	var errs []string
	for l := 0; l < L; l++ {
		for p := 0; p < L; p++ {
			if l != p && conf[l][p] > 0 {
				errs = append(errs, fmt.Sprintf("%s>%s:%d", pLangs[l][:3], pLangs[p][:3], conf[l][p]))
			}
		}
	}
	sort.Strings(errs)
	fmt.Fprintf(&b, "\n   %s", strings.Join(errs, " "))
	t.Log(b.String())
}

func TestProto(t *testing.T) {
	for _, c := range []pcfg{
		{bits: 18, minN: 1, maxN: 5, word: true, skipCaps: true},
		{bits: 18, minN: 1, maxN: 5, word: true, skipCaps: false},
		{bits: 18, minN: 1, maxN: 4, word: true, skipCaps: true},
		{bits: 16, minN: 1, maxN: 5, word: true, skipCaps: true},
	} {
		tr := load(t, c, "train")
		dv := load(t, c, "dev")
		name := fmt.Sprintf("%+v", c)
		for _, a := range []float64{0.01, 0.1} {
			evalW(t, name+fmt.Sprintf(" NB a=%g", a), trainNB(c, tr, a), dv)
		}
		for _, ep := range []int{5, 15} {
			evalW(t, name+fmt.Sprintf(" LR ep=%d", ep), trainLR(c, tr, ep, 0.1, 0), dv)
		}
	}
}
