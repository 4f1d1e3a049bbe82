package text

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestLexicon(t *testing.T) {
	l := NewLexicon(map[string]int{"juta": 6, "miliar": 9, "rp": 1, "us$": 2})
	tests := []struct {
		tok  string
		want int
		ok   bool
	}{
		{"juta", 6, true},
		{"Juta", 6, true},
		{"MILIAR", 9, true},
		{"Rp", 1, true},
		{"US$", 2, true},
		{"jutaan", 0, false},
		{"jut", 0, false},
		{"", 0, false},
		{"sangat-panjang-sekali-kata-yang-tidak-ada", 0, false},
		{"jüta", 0, false},
	}
	for _, tt := range tests {
		if got, ok := l.Get(tt.tok); got != tt.want || ok != tt.ok {
			t.Errorf("Get(%q) = %d, %v; want %d, %v", tt.tok, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRows(t *testing.T) {
	data := "# a comment\n\nkata\tafter\r\n  menurut\tprep\t\n\t\n#x\nlast"
	var got []string
	for n, f := range Rows(data) {
		got = append(got, fmt.Sprintf("%d:%q", n, f))
	}
	want := []string{`3:["kata" "after"]`, `4:["menurut" "prep" ""]`, `7:["last"]`}
	if !slices.Equal(got, want) {
		t.Errorf("Rows = %v, want %v", got, want)
	}
}

// TestIsDemonstrative reads the shared demonstratives in any case.
func TestIsDemonstrative(t *testing.T) {
	for w, want := range map[string]bool{"ini": true, "Tersebut": true, "ITU": true, "yang": false, "": false} {
		if got := IsDemonstrative(w); got != want {
			t.Errorf("IsDemonstrative(%q) = %v", w, got)
		}
	}
}

func FuzzAppendLower(f *testing.F) {
	for _, s := range []string{"", "Jakarta", "DKI", "İstanbul", "ÇAKIR", "\u212a", "a\xffB\xfe", "ΣΊΣΥΦΟΣ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(AppendLower([]byte("x"), s)), "x"+strings.ToLower(s); got != want {
			t.Errorf("AppendLower(x, %q) = %q, want %q", s, got, want)
		}
	})
}

func TestAppendLowerASCII(t *testing.T) {
	for _, s := range []string{"", "Baca JUGA: x", "ÉDITION", "a\xffZ"} {
		want := []byte("x" + s)
		for i := range want {
			if 'A' <= want[i] && want[i] <= 'Z' {
				want[i] += 'a' - 'A'
			}
		}
		if got := AppendLowerASCII([]byte("x"), s); string(got) != string(want) {
			t.Errorf("AppendLowerASCII(x, %q) = %q, want %q", s, got, want)
		}
	}
}
