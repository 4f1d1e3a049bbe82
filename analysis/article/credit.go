package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scrapers that drop the markup of a linked outlet name also drop the spaces
// around it: "dikutipdetikNews", "kepadadetikSulsel", "(Menkeu)Purbaya".
// Such links point into the publisher's own network (detikNews, detikcom,
// detikFinance, ...): a credit to one at the end of a clause is page
// furniture and is cut out; elsewhere the glue is undone. Credits to other
// outlets ("dikutip dari Reuters") tell where the news came from and stay.
var (
	outletPattern = `detik[A-Za-z]*`
	creditVerb    = `(?:(?:seperti|sebagaimana)\s+)?(?:dikutip|dilansir|melansir|mengutip)\s*(?:dari\s*)?`
	// "..., Senin (20/10/2025) dikutipdetikNews." and ", dikutip dari detikFinance, Senin".
	clauseFinalCredit = regexp.MustCompile(`,?\s*\b(` + creditVerb + outletPattern + `)\b\s*([.,;]|$)`)
	// "DilansirdetikFinance, bunga utang ..." opening a sentence.
	openingCredit = regexp.MustCompile(`(^|[.!?]\s+)((?i:dikutip|dilansir|melansir|mengutip)\s*(?:dari\s*)?` + outletPattern + `)\s*,\s*(\p{Ll}?)`)
	// "kepadadetikSulsel", "nanti,detikSore": a word or a comma glued before.
	gluedBeforeOutlet = regexp.MustCompile(`([\p{Ll},;:])(detik(?:com|[A-Z]))`)
	// "detikcomdi", "detikNewsdariNew Arab", "detikSoreakan",
	// "detikSepakbolaRabu": a word glued after.
	gluedAfterOutlet = regexp.MustCompile(`(detikcom)(\p{Ll})|(detik[A-Z][a-z]*?)(dari|di|dalam|dan|akan|yang|selengkapnya)(\p{Lu}|\b)|(detik[A-Z][a-z]+)(\p{Lu}\p{Ll})`)
)

// gluedPrepositions are the words that scraped text glues to a following
// linked name: "dariReuters", "diCNN Indonesia". splitGluedWords knows
// their first letters.
var gluedPrepositions = []string{"dari", "kepada", "di", "ke", "oleh", "melalui", "lewat"}

// repairGlue puts back the spaces a scraper dropped around linked names.
func repairGlue(p string) string {
	if strings.Contains(p, "detik") {
		p = gluedBeforeOutlet.ReplaceAllString(p, "$1 $2")
		p = gluedAfterOutlet.ReplaceAllStringFunc(p, func(m string) string {
			sub := gluedAfterOutlet.FindStringSubmatch(m)
			switch {
			case sub[1] != "":
				return sub[1] + " " + sub[2]
			case sub[3] != "":
				return sub[3] + " " + sub[4] + sub[5]
			}
			return sub[6] + " " + sub[7]
		})
	}
	return splitGluedWords(p)
}

// splitGluedWords inserts a space after a preposition glued to a capitalised
// name ("dariReuters") and after a closing parenthesis glued to a word
// ("(Menkeu)Purbaya"). It returns p itself when there is nothing to split.
func splitGluedWords(p string) string {
	var b strings.Builder
	last := 0 // p[:last] is written to b
	wordStart := true
	for i := 0; i < len(p); i++ {
		c := p[i]
		split := -1
		switch {
		case c == ')' && i+1 < len(p) && isLetterAt(p, i+1):
			split = i + 1
		case wordStart && (c == 'd' || c == 'k' || c == 'o' || c == 'm' || c == 'l'):
			for _, w := range gluedPrepositions {
				if strings.HasPrefix(p[i:], w) && i+len(w) < len(p) {
					if r, _ := utf8.DecodeRuneInString(p[i+len(w):]); unicode.IsUpper(r) {
						split = i + len(w)
						break
					}
				}
			}
		}
		if split > 0 {
			b.WriteString(p[last:split])
			b.WriteByte(' ')
			last = split
		}
		wordStart = c == ' ' || c == '(' || c == '"' || c == ','
	}
	if last == 0 {
		return p
	}
	b.WriteString(p[last:])
	return b.String()
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// cutCredits removes source credits to an outlet from a paragraph and
// returns the paragraph and the credits removed.
func cutCredits(p string) (string, []string) {
	if !hasCreditVerb(p) {
		return p, nil
	}
	var credits []string
	p = openingCredit.ReplaceAllStringFunc(p, func(m string) string {
		sub := openingCredit.FindStringSubmatch(m)
		credits = append(credits, sub[2])
		// The sentence that lost its opening credit starts with a capital again.
		return sub[1] + strings.ToUpper(sub[3])
	})
	p = clauseFinalCredit.ReplaceAllStringFunc(p, func(m string) string {
		sub := clauseFinalCredit.FindStringSubmatch(m)
		credits = append(credits, sub[1])
		return sub[2]
	})
	return strings.TrimSpace(p), credits
}

// hasCreditVerb is a cheap pre-check for the credit patterns: dikutip,
// mengutip, dilansir and melansir share "kutip" or "lansir".
func hasCreditVerb(p string) bool {
	return strings.Contains(p, "kutip") || strings.Contains(p, "lansir")
}

// trailingInitials matches an editor's initials in square brackets closing
// a paragraph: "... lima tahun penjara. [ded]". (Round brackets there are
// the agency's code, which the text keeps.)
var trailingInitials = regexp.MustCompile(`\s+(\[\s*[a-z][a-z0-9]{0,7}(?:\s*/\s*[a-z][a-z0-9]{0,7}){0,3}\s*\])$`)

// cutInitials removes closing bracketed initials from a paragraph and
// returns the paragraph and the initials removed, or "".
func cutInitials(p string) (string, string) {
	if !strings.HasSuffix(p, "]") {
		return p, ""
	}
	m := trailingInitials.FindStringSubmatchIndex(p)
	if m == nil {
		return p, ""
	}
	return p[:m[0]], p[m[2]:m[3]]
}
