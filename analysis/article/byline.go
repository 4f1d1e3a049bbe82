package article

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// creditRole is what a labelled credit row says a person did.
type creditRole int

const (
	roleWriter      creditRole = iota + 1 // Penulis, Reporter, Rep, Pewarta, Oleh, By
	roleContributor                       // Kontributor: a regional stringer, second to a writer
	roleEditor                            // Editor, Redaktur, Penyunting
	rolePhoto                             // Fotografer, Foto, Videografer
)

// creditLabels name the roles of the labelled rows and cells that pages
// print around a headline or under a body ("Reporter: A | Editor: B",
// "Pewarta: A<br>Fotografer: B", a "Penulis" cell beside a name cell).
var creditLabels = map[string]creditRole{
	"penulis": roleWriter, "reporter": roleWriter, "rep": roleWriter, "laporan": roleWriter,
	"pewarta": roleWriter, "wartawan": roleWriter, "jurnalis": roleWriter, "oleh": roleWriter,
	"author": roleWriter, "writer": roleWriter, "by": roleWriter, "written by": roleWriter,
	"reported by": roleWriter, "ditulis oleh": roleWriter,
	"kontributor": roleContributor, "koresponden": roleContributor, "correspondent": roleContributor,
	"editor": roleEditor, "red": roleEditor, "redaktur": roleEditor, "penyunting": roleEditor, "edited by": roleEditor,
	"fotografer": rolePhoto, "foto": rolePhoto, "photo": rolePhoto, "photographer": rolePhoto,
	"videografer": rolePhoto, "video": rolePhoto, "grafis": rolePhoto,
}

// labelAt is a role label followed by a colon in a line of credits.
type labelAt struct {
	role       creditRole
	start, end int // the label's first byte, and the first byte after its colon
}

// creditLabelsIn returns the role labels with a colon in s, in order:
// "Reporter : A", "Rep: A | Editor: B", "07:45Reporter: A". A label is one
// or two words ("written by") standing before the colon.
func creditLabelsIn(s string) []labelAt {
	var out []labelAt
	for i := strings.IndexByte(s, ':'); i >= 0; {
		before := strings.TrimRight(s[:i], " ")
		end := i + 1
		for end < len(s) && s[end] == ' ' {
			end++
		}
		// The last word before the colon, without the digits and signs a
		// scraper glued to it, then the last two words.
		w1 := before[strings.LastIndexByte(before, ' ')+1:]
		w1 = strings.TrimLeftFunc(w1, func(r rune) bool { return !unicode.IsLetter(r) })
		start := len(before) - len(w1)
		role, ok := creditLabels[strings.ToLower(w1)]
		if j := strings.LastIndexByte(before[:start], ' '); start > 0 {
			w2 := strings.TrimSpace(before[j+1:])
			if r2, ok2 := creditLabels[strings.ToLower(w2)]; ok2 {
				role, ok, start = r2, true, j+1
			}
		}
		if ok && w1 != "" {
			out = append(out, labelAt{role, start, end})
		}
		next := strings.IndexByte(s[i+1:], ':')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return out
}

// credit is a name the page prints under a role label.
type credit struct {
	role creditRole
	name string
}

// maxCreditBlockBytes bounds a block read for credit rows: a longer one is
// prose that happens to hold a colon.
const maxCreditBlockBytes = 300

// readCredits returns the labelled credits printed in the page, in page
// order, outside related lists, ads and share bars.
func (s *pageScan) readCredits(site string) []credit {
	var out []credit
	for i, b := range s.blocks {
		if len(b.text) > maxCreditBlockBytes {
			continue
		}
		switch s.furnitureKind(b.at) {
		case RelatedLinks, Ad, Share:
			continue
		}
		// A label cell alone: the name is the next block.
		if role, ok := creditLabels[strings.ToLower(strings.TrimRight(b.text, " :"))]; ok && i+1 < len(s.blocks) {
			if next := s.blocks[i+1].text; len(next) <= maxBylineRunes && creditLabelsIn(next) == nil {
				if n := cleanByline(next, site); n != "" {
					out = append(out, credit{role, n})
				}
			}
			continue
		}
		// "Penulis Tunggul Damarjati": a label span and a name, no colon.
		if word, rest, found := strings.Cut(b.text, " "); found && len(b.text) <= maxBylineRunes {
			if role, ok := creditLabels[strings.ToLower(word)]; ok && isNameLike(rest) {
				out = append(out, credit{role, cleanByline(rest, site)})
				continue
			}
		}
		if strings.IndexByte(b.text, ':') < 0 {
			continue
		}
		labels := creditLabelsIn(b.text)
		for j, l := range labels {
			end := len(b.text)
			if j+1 < len(labels) {
				end = labels[j+1].start
			}
			role := l.role
			raw := b.text[l.end:end]
			if k := strings.IndexAny(raw, "|•·/"); k >= 0 {
				raw = raw[:k]
			}
			if role == rolePhoto && utf8.RuneCountInString(raw) > 40 {
				continue // "Foto: Petugas membersihkan ...", a caption
			}
			if n := cleanByline(raw, site); n != "" && utf8.RuneCountInString(n) <= 60 {
				out = append(out, credit{role, n})
			}
		}
	}
	return out
}

// byline returns the article's author as the page prints or declares it:
// a name printed under a writer's label, else the structured data's
// author, else a byline element, else the author meta tags. A name the
// page prints as its editor or photographer, the publisher's name and a
// reporter's short code ("fat", "mcr8") are not the author.
func (s *pageScan) byline(site, host string) string {
	credits := s.readCredits(site)
	var notAuthors []string
	for _, c := range credits {
		if c.role == roleEditor || c.role == rolePhoto {
			notAuthors = append(notAuthors, strings.ToLower(c.name))
		}
	}
	ok := func(n string) bool {
		return n != "" && !slices.Contains(notAuthors, strings.ToLower(n)) && !isOrganization(n, site, host) && !isShortCode(n)
	}
	if n := creditNames(credits, roleWriter, ok); n != "" {
		return n
	}
	m := &s.meta
	var names []string
	for _, n := range m.ld.authors {
		if n = cleanByline(n, site); ok(n) && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	if len(names) > 0 {
		return strings.Join(names, ", ")
	}
	for _, raw := range m.bylines {
		if role := labelRole(raw); role == roleEditor || role == rolePhoto {
			continue
		}
		if n := cleanByline(raw, site); ok(n) {
			return n
		}
	}
	for _, key := range []string{"author", "dtk:author", "content_author", "article:author", "parsely-author", "sailthru.author", "byl"} {
		if n := cleanByline(m.metas[key], site); ok(n) {
			return n
		}
	}
	// A contributor's row ("Kontributor : Nama" under the body) names the
	// stringer, where a page names no writer.
	return creditNames(credits, roleContributor, ok)
}

// creditNames joins the names credited in a role.
func creditNames(credits []credit, role creditRole, ok func(string) bool) string {
	var names []string
	for _, c := range credits {
		if c.role == role && ok(c.name) && !slices.Contains(names, c.name) {
			names = append(names, c.name)
		}
	}
	return strings.Join(names, ", ")
}

// isNameLike reports whether s reads as a person's name: one to five
// words, each opening with a capital letter.
func isNameLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// labelRole returns the role of the label that opens s, or 0.
func labelRole(s string) creditRole {
	if labels := creditLabelsIn(s); len(labels) > 0 && strings.TrimSpace(s[:labels[0].start]) == "" {
		return labels[0].role
	}
	return 0
}

// organizationWords mark the name of a company, a newsroom or a desk in a
// credit: "PT VIVA Media Baru", "iNews Media Group", "Redaksi Radar Semeru".
var organizationWords = map[string]bool{
	"pt": true, "tbk": true, "cv": true, "llc": true, "inc": true, "ltd": true, "corp": true,
	"corporation": true, "gmbh": true, "plc": true, "media": true, "group": true, "grup": true,
	"network": true, "youniverse": true, "redaksi": true, "newsroom": true, "desk": true,
	"editorial": true, "staff": true, "admin": true, "administrator": true,
}

// isOrganization reports whether a credited name is the publisher's rather
// than a person's: it holds a company word, or its letters are the site's
// or the host's name ("Tribun Jogja" on Tribunjogja.com).
func isOrganization(name, site, host string) bool {
	for w := range strings.FieldsFuncSeq(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if organizationWords[w] {
			return true
		}
	}
	letters := lettersOf(name)
	if utf8.RuneCountInString(letters) < 3 {
		return false
	}
	for _, owner := range []string{siteCore(site), hostCore(host)} {
		if utf8.RuneCountInString(owner) >= 4 && (strings.Contains(letters, owner) || strings.Contains(owner, letters)) {
			return true
		}
	}
	return false
}

// siteCore returns the letters of a site name without its domain ending:
// "Tribunjogja.com" -> "tribunjogja".
func siteCore(site string) string {
	l := strings.ToLower(site)
	for _, tld := range []string{".co.id", ".or.id", ".com", ".id", ".net", ".org", ".co", ".tv"} {
		l = strings.TrimSuffix(l, tld)
	}
	return lettersOf(l)
}

// hostCore returns the letters of the registered name of a host:
// "jogja.tribunnews.com" -> "tribunnews", "investasi.kontan.co.id" -> "kontan".
func hostCore(host string) string {
	labels := strings.Split(strings.ToLower(host), ".")
	n := len(labels)
	switch {
	case n >= 3 && len(labels[n-1]) == 2 && len(labels[n-2]) <= 3:
		return lettersOf(labels[n-3]) // co.id, or.id, co.uk
	case n >= 2:
		return lettersOf(labels[n-2])
	}
	return ""
}

func lettersOf(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isShortCode reports whether a credited name is a reporter's code rather
// than a name: one short token in lower case ("fat") or with digits
// ("mcr8").
func isShortCode(name string) bool {
	if strings.ContainsAny(name, " \t") || utf8.RuneCountInString(name) > 8 {
		return false
	}
	latin, upper, digit := false, false, false
	for _, r := range name {
		switch {
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			latin = true
			upper = upper || unicode.IsUpper(r)
		case unicode.IsDigit(r):
			digit = true
		}
	}
	return latin && (digit || !upper)
}
