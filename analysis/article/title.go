package article

import (
	"strings"
)

// splitTitle returns the headline without a site-name suffix
// ("... - Kompas.com") and without a glued section label
// ("... dialog Berita Politik"), and the section found, or "".
func splitTitle(t string) (title, section string) {
	t = stripSiteSuffix(t)
	words := strings.Fields(t)
	// A label is "Berita <Section>" at the very end; sections may be two
	// words long ("Gaya Hidup", "Sepak Bola").
	for n := 2; n >= 1; n-- {
		if len(words) < n+2 {
			continue
		}
		label := strings.ToLower(words[len(words)-n-1])
		cand := strings.Join(words[len(words)-n:], " ")
		if (label == "berita" || label == "kanal" || label == "rubrik") && sections()[strings.ToLower(cand)] {
			return strings.Join(words[:len(words)-n-1], " "), cand
		}
	}
	return t, ""
}

// stripSiteSuffix removes a trailing " - Outlet" or " | Outlet" naming a
// news site.
func stripSiteSuffix(t string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — "} {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		if isOutlet(strings.TrimSpace(t[i+len(sep):])) {
			return strings.TrimSpace(t[:i])
		}
	}
	return t
}

// isOutlet reports whether s names a news outlet: a listed name, or a
// site name with a domain (Tribun-Timur.com, REPUBLIKA.CO.ID).
func isOutlet(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	l := strings.ToLower(s)
	if outlets()[l] {
		return true
	}
	if strings.ContainsRune(s, ' ') {
		return false
	}
	for _, tld := range []string{".com", ".co.id", ".co", ".id", ".net", ".or.id", ".tv"} {
		if strings.HasSuffix(l, tld) && len(l) > len(tld) {
			return true
		}
	}
	return false
}
