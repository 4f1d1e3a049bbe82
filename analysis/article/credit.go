package article

import (
	"regexp"
	"strings"
	"unicode"
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
	// "dariReuters", "diCNN": a preposition glued to a name.
	gluedPreposition = regexp.MustCompile(`\b(dari|kepada|di|ke|oleh|melalui|lewat)(\p{Lu})`)
	// "(Menkeu)Purbaya".
	gluedParen = regexp.MustCompile(`\)(\p{L})`)
)

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
	if hasLowerUpper(p) {
		p = gluedPreposition.ReplaceAllString(p, "$1 $2")
	}
	if strings.Contains(p, ")") {
		p = gluedParen.ReplaceAllString(p, ") $1")
	}
	return p
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

func hasCreditVerb(p string) bool {
	return strings.Contains(p, "ikutip") || strings.Contains(p, "ilansir") || strings.Contains(p, "elansir") || strings.Contains(p, "engutip")
}

// hasLowerUpper is a cheap pre-check for gluedPreposition: some lower case
// letter directly followed by an upper case one.
func hasLowerUpper(p string) bool {
	prevLower := false
	for _, r := range p {
		if prevLower && unicode.IsUpper(r) {
			return true
		}
		prevLower = unicode.IsLower(r)
	}
	return false
}
