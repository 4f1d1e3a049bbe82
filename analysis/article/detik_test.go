package article

import (
	"regexp"
	"testing"

	"github.com/warta-news/warta/internal/shared"
)

// residue lists the page furniture that must never stay in a cleaned body:
// the kinds named by the record contract and the foundation issue, and the
// others found in the detik-news set.
var residue = map[string]*regexp.Regexp{
	"scroll":         regexp.MustCompile(`(?i)scroll to continue`),
	"advertisement":  regexp.MustCompile(`^(?i:advertisement|iklan)$`),
	"related links":  regexp.MustCompile(`^(?i:(baca|simak|lihat|tonton) juga|simak video|saksikan live)`),
	"glued credit":   regexp.MustCompile(`(?i)(dikutip|dilansir|melansir)(dari)?detik`),
	"closing credit": regexp.MustCompile(`(?i)(dikutip|dilansir|melansir)\s*(dari\s*)?detik\w*\s*(\.|$)`),
	"glued outlet":   regexp.MustCompile(`\p{Ll}detik(com|[A-Z])|detikcom\p{Ll}`),
	"editor tag":     regexp.MustCompile(`^(?i:editor|penulis|reporter)\s*:`),
	"initials alone": regexp.MustCompile(`^\(?[a-z]{2,5}/[a-z]{2,5}\)?$`),
	"republished":    regexp.MustCompile(`^(?i:artikel ini (telah|sudah|pertama kali) (tayang|terbit))`),
	"embed":          regexp.MustCompile(`(?i)^\[gambas:`),
	"next page":      regexp.MustCompile(`(?i)^simak selengkapnya di halaman`),
}

// TestDetikResidue cleans the 700 real detik articles and checks that no
// kept paragraph holds any residue. The articles are read in place and never
// copied into the project.
func TestDetikResidue(t *testing.T) {
	arts := shared.DetikArticles(t)
	removed := map[Kind]int{}
	for _, rec := range arts {
		a := FromParts(rec.Title, rec.Body)
		if len(a.Paragraphs) == 0 {
			t.Errorf("article %s: no paragraphs kept", rec.ID)
		}
		for _, p := range a.Paragraphs {
			for name, re := range residue {
				if re.MatchString(p) {
					t.Errorf("article %s keeps %s: %.120q", rec.ID, name, p)
				}
			}
		}
		for _, b := range a.Boilerplate {
			removed[b.Kind]++
		}
	}
	if len(arts) != 700 {
		t.Errorf("read %d articles, want 700", len(arts))
	}
	t.Logf("%d articles; boilerplate removed by kind: %v", len(arts), removed)
}

func BenchmarkFromParts(b *testing.B) {
	arts := shared.DetikArticles(b)
	size := 0
	for _, a := range arts {
		size += len(a.Title) + len(a.Body)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for range b.N {
		for _, a := range arts {
			FromParts(a.Title, a.Body)
		}
	}
	b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
}
