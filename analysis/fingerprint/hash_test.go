package fingerprint

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// The straightforward forms of the hashes and keys, which the package's
// faster ones must match exactly: fingerprints stay comparable across
// releases only while they do not change.

func simHashPlain(shingles []uint64) uint64 {
	var v [64]int
	for _, h := range shingles {
		for b := range 64 {
			if h&(1<<b) != 0 {
				v[b]++
			} else {
				v[b]--
			}
		}
	}
	var out uint64
	for b := range 64 {
		if v[b] > 0 {
			out |= 1 << b
		}
	}
	return out
}

func nameKeyPlain(w string) string {
	var b []byte
	for _, r := range strings.ToLower(w) {
		r = fold(r)
		if 'a' <= r && r <= 'z' {
			b = append(b, byte(r))
		}
	}
	if len(b) < 3 {
		return ""
	}
	s := strings.NewReplacer("th", "t", "ph", "f", "kh", "h", "ck", "k", "y", "i").Replace(string(b))
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == 'c' && (i+1 == len(s) || !strings.ContainsRune("eih", rune(s[i+1]))) {
			c = 'k'
		}
		if n := len(out); n > 0 && out[n-1] == c {
			continue
		}
		out = append(out, c)
	}
	if n := len(out); n > 3 && strings.IndexByte("aeiou", out[n-1]) >= 0 {
		out = out[:n-1]
	}
	return string(out)
}

func TestSimHashPlain(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	// Lengths around the counters' emptying at 255, and skewed bits, so
	// that counts near the majority are tried.
	for _, n := range []int{0, 1, 2, 7, 254, 255, 256, 510, 511, 1000} {
		for _, mask := range []uint64{^uint64(0), 0xff00ff00ff00ff00, 0} {
			s := make([]uint64, n)
			for i := range s {
				s[i] = r.Uint64() | mask&r.Uint64()
			}
			if got, want := simHash(s), simHashPlain(s); got != want {
				t.Errorf("n=%d mask=%x: simHash %016x, want %016x", n, mask, got, want)
			}
		}
	}
}

func FuzzNameKey(f *testing.F) {
	for _, w := range []string{"Anthony", "Zelenskyy", "Erdoğan", "Schtch", "ckh", "thh", "İstanbul", "Kharkiv", "ÇAKIR", "\xff\xfeab", "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := NameKey(w), nameKeyPlain(w); got != want {
			t.Errorf("NameKey(%q) = %q, want %q", w, got, want)
		}
	})
}
