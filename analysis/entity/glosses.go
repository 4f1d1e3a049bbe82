package entity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/warta-news/warta/analysis/text"
)

// maxGlossWords bounds how far back from an acronym in brackets its long
// form is looked for.
const maxGlossWords = 12

// glosses reads the acronyms an article glosses in brackets:
//
//   - a capitalised long form before the acronym whose initials spell it
//     (Badan Pusat Statistika (BPS), Badan Metereologi, Klimatologi, dan
//     Geofisika (BMKG), Kementerian Energi dan Sumber Daya Mineral (ESDM))
//     is one name, whatever pieces the tagger cut it into, and the
//     acronym is a mention of it;
//   - a long form in lower case (makanan bergizi gratis (MBG), HET (harga
//     eceran tertinggi)) says the acronym is a common noun, no name: its
//     mentions go, unless the gazetteers list it as a body.
//
// A capitalised long form counts only where the tagger found a place or
// an organisation in it, or it opens with a unit's head word, so that a
// meeting or a programme printed in capitals (Rapat Dengar Pendapat
// (RDP)) does not become one.
func (a *article) glosses() {
	toks := a.doc.Tokens
	var things []string
	for i := 0; i+2 < len(toks); i++ {
		if a.word(i) != "(" || a.word(i+2) != ")" || toks[i+1].Kind != text.Word {
			continue
		}
		acr := a.word(i + 1)
		letters := acronymLetters(acr)
		if letters == "" {
			continue
		}
		if a.lowerGloss(i-len(letters), i, letters) {
			things = append(things, acr)
			continue
		}
		if s := a.longForm(i, letters); s >= 0 {
			a.claimLongForm(s, i)
		}
	}
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Kind != text.Word || a.word(i+1) != "(" {
			continue
		}
		letters := acronymLetters(a.word(i))
		if e := i + 2 + len(letters); letters != "" && e < len(toks) && a.word(e) == ")" && a.lowerGloss(i+2, e, letters) {
			things = append(things, a.word(i))
		}
	}
	if len(things) == 0 {
		return
	}
	a.ms = slices.DeleteFunc(a.ms, func(m mention) bool {
		return m.last-m.first == 1 && len(m.gaz) == 0 && slices.Contains(things, a.word(m.first))
	})
}

// acronymLetters returns the capitals of an acronym that may be glossed
// (BPS, PBoC, BaTII: two or more capitals, most of its letters), or "".
func acronymLetters(w string) string {
	var b strings.Builder
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			b.WriteRune(r)
			letters++
		case unicode.IsLetter(r):
			letters++
		default:
			return ""
		}
	}
	if b.Len() < 2 || b.Len()*2 <= letters || b.Len() > 8 {
		return ""
	}
	return b.String()
}

// lowerGloss reports whether tokens [s, e) are words in lower case whose
// initials spell letters.
func (a *article) lowerGloss(s, e int, letters string) bool {
	if s < 0 || e-s != len(letters) {
		return false
	}
	for k := s; k < e; k++ {
		w := a.word(k)
		r, _ := utf8.DecodeRuneInString(w)
		if a.doc.Tokens[k].Kind != text.Word || !unicode.IsLower(r) || unicode.ToUpper(r) != rune(letters[k-s]) {
			return false
		}
	}
	return true
}

// longForm returns where the capitalised long form of an acronym ends
// before token end ("(") starts, or -1: capitalised words, with dan, &
// and commas between them, whose initials hold the acronym's capitals in
// order, the first and the last word's among them. One word in the middle
// may stand outside the acronym (Kerja Sama of LDKPI), and a ministry's
// Kementerian may open it (ESDM); the long form that leaves out fewest
// words wins (Badan Gizi Nasional, not Bandung, Badan Gizi Nasional).
func (a *article) longForm(end int, letters string) int {
	lo := max(a.doc.Sentences[a.sentenceOf(end)].First, end-maxGlossWords)
	from := end
	for k := end - 1; k >= lo; k-- {
		w := a.word(k)
		if a.doc.Tokens[k].Kind == text.Word && (isCapitalised(w) || w == "dan") || w == "," || w == "&" {
			from = k
			continue
		}
		break
	}
	best, fewest := -1, 2
	for s := from; s < end; s++ {
		if !isCapitalised(a.word(s)) || a.doc.Tokens[s].Kind != text.Word {
			continue
		}
		if skipped, ok := a.initialsFit(s, end, letters); ok && skipped < fewest && a.institutionAt(s, end) {
			best, fewest = s, skipped
		}
	}
	return best
}

// initialsFit reports whether the capitalised words of tokens [s, e)
// spell letters as longForm says, and how many of them stand outside.
func (a *article) initialsFit(s, e int, letters string) (int, bool) {
	if letters == "" {
		return 0, false
	}
	caps := []rune(initials(a, s, e))
	if len(caps) < 2 || caps[len(caps)-1] != rune(letters[len(letters)-1]) {
		return 0, false
	}
	if caps[0] != rune(letters[0]) {
		if !strings.EqualFold(a.word(s), "Kementerian") {
			return 0, false
		}
		caps = caps[1:]
	}
	j, skipped := 0, 0
	for _, r := range caps {
		if j < len(letters) && r == rune(letters[j]) {
			j++
		} else {
			skipped++
		}
	}
	return skipped, j == len(letters) && skipped <= 1
}

// institutionAt reports whether tokens [s, e) can be a body's long form:
// not opened by a role or an honorific, and opened by a unit's head word
// or by a place or an organisation the tagger found, or holding an
// organisation the tagger found that the gazetteers do not list (Badan
// Pusat | Statistika). A listed body inside names a thing of its own
// (Bantuan Likuiditas Bank Indonesia), and so does a place (Program
// Indonesia Pintar).
func (a *article) institutionAt(s, e int) bool {
	if a.roleWord(s) {
		return false
	}
	if n, _ := a.unitAt(s); n > 0 {
		return true
	}
	for _, m := range a.ms {
		if m.first < e && s < m.last && (m.class == "ORG" || m.class == "LOC") && (m.first <= s || m.class == "ORG" && len(m.gaz) == 0) {
			return true
		}
	}
	return false
}

// claimLongForm makes tokens [s, e) one mention, in place of the
// mentions inside it, and notes the acronym in brackets after it for
// glossedAcronyms. A mention that runs out of the long form leaves it as
// it is.
func (a *article) claimLongForm(s, e int) {
	class := ""
	for _, m := range a.ms {
		if m.first < e && s < m.last {
			if m.first < s || m.last > e {
				return
			}
			if m.class != "PER" && (class == "" || m.first == s && m.last == e) {
				class = m.class
			}
		}
	}
	if class == "" {
		class = "ORG"
	}
	a.ms = slices.DeleteFunc(a.ms, func(m mention) bool { return m.first >= s && m.last <= e })
	si := a.sentenceOf(s)
	st := a.doc.Sentences[si]
	weak := st.Start < a.doc.Title.End && titleCased(a.doc, st)
	long := mention{first: s, last: e, class: class, sentence: si, weak: weak}
	if es, ok := a.listedWhole(s, e); ok {
		long.gaz = es
	}
	a.ms = append(a.ms, long)
	a.glossed = append(a.glossed, e+1)
}

// glossedAcronyms adds the acronyms in brackets after long forms
// (claimLongForm) that the tagger missed as mentions of the long form's
// entity, once mentions are grouped: added before, an acronym would be
// taken for a part of a longer name that holds it (UIN of a headline's
// UIN Maliki).
func (a *article) glossedAcronyms() {
	for _, acr := range a.glossed {
		long := a.tokenEnt[acr-2]
		if a.tokenEnt[acr] != 0 || long == 0 {
			continue
		}
		a.ms = append(a.ms, mention{first: acr, last: acr + 1, class: a.ms[a.groups[long-1].ms[0]].class, sentence: a.sentenceOf(acr)})
		a.join(len(a.ms)-1, int(long-1))
	}
}
