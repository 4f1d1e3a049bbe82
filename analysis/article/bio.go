package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Content farms close machine-translated copies with an author bio made of
// short self-descriptive noun phrases: "Ninja budaya pop. Penggemar media
// sosial. Praktisi kopi." It is recognised by its shape, not its words: a
// trailing run of paragraphs made only of very short capitalised fragments,
// three in four of them or more headed by an agent noun (pe(N)- derivations such as
// Penggemar, Pecinta, Penulis, or a listed head such as Ahli, Praktisi).
const (
	bioMinFragments = 3
	bioMaxWords     = 6
)

// markAuthorBio marks as AuthorBio the bio-shaped paragraphs at the end of
// the body, skipping boilerplate already marked around them. At least one
// body paragraph must remain before the bio.
func markAuthorBio(paras []string, kinds []Kind) {
	var run []int
	frags, heads := 0, 0
	for i := len(paras) - 1; i > 0; i-- {
		if kinds[i] != "" {
			if len(run) == 0 {
				continue // boilerplate after the bio
			}
			break
		}
		n, h, ok := bioShape(paras[i])
		if !ok {
			break
		}
		run = append(run, i)
		frags += n
		heads += h
	}
	if frags < bioMinFragments || 4*heads < 3*frags {
		return
	}
	for _, i := range run {
		kinds[i] = AuthorBio
	}
}

// bioShape splits a paragraph into fragments at full stops and reports how
// many there are, how many start with an agent noun, and whether every
// fragment is short and capitalised as a bio's are.
func bioShape(p string) (frags, heads int, ok bool) {
	p = strings.Trim(p, " \"“”'‘’")
	if p == "" || strings.ContainsAny(p, "\"“”?0123456789:;()") {
		return 0, 0, false
	}
	for f := range strings.FieldsFuncSeq(p, func(r rune) bool { return r == '.' || r == '!' || r == '|' || r == '•' }) {
		words := strings.Fields(f)
		if len(words) == 0 {
			continue
		}
		if len(words) > bioMaxWords {
			return 0, 0, false
		}
		r, _ := utf8.DecodeRuneInString(words[0])
		if !unicode.IsUpper(r) {
			return 0, 0, false
		}
		frags++
		if isAgentNoun(words[0]) || len(words) > 1 && isAgentNoun(words[1]) {
			heads++
		}
	}
	return frags, heads, frags > 0
}

// isAgentNoun reports whether w looks like a noun naming a person by what
// they do or are: a pe(N)- derivation that is not a pe(N)-an abstract noun,
// or a listed head word.
func isAgentNoun(w string) bool {
	w = strings.ToLower(strings.Trim(w, ",'’"))
	if bioHeads()[w] {
		return true
	}
	return strings.HasPrefix(w, "pe") && len(w) >= 6 && !strings.HasSuffix(w, "an")
}
