package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzFromText(f *testing.F) {
	cases, _ := filepath.Glob("testdata/cases/*.txt")
	for _, c := range cases {
		if data, err := os.ReadFile(c); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("Judul\n\nJAKARTA, KOMPAS.com - Isi.\n\nBaca juga:\n")
	f.Add("x\n“Ninja. Penggemar kopi. Pecinta.”")
	f.Add("T\nkata dia dikutipdetikNews, DilansirdetikFinance, x")
	f.Fuzz(func(t *testing.T, s string) {
		a := FromText(s)
		if strings.ContainsRune(a.Title, '\n') {
			t.Errorf("title spans lines: %q", a.Title)
		}
		for _, p := range a.Paragraphs {
			if p == "" || strings.ContainsRune(p, '\n') || strings.TrimSpace(p) != p {
				t.Errorf("bad paragraph %q", p)
			}
			if utf8.ValidString(s) && !utf8.ValidString(p) {
				t.Errorf("paragraph lost UTF-8 validity: %q", p)
			}
		}
		for _, b := range a.Boilerplate {
			if b.Kind == "" || b.Text == "" {
				t.Errorf("empty boilerplate %+v", b)
			}
		}
		if d := a.Dateline; d != nil && (len(a.Paragraphs) == 0 || !strings.HasPrefix(a.Paragraphs[0], d.Text)) {
			t.Errorf("dateline %q not at the start of the first paragraph", d.Text)
		}
	})
}
