// Package train builds the root list of package stem from a UD treebank
// (warta train stem): the data/roots_ud.txt the stemmer embeds.
package train

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	_ "github.com/warta-news/warta/analysis/stem" // fills in parts
	"github.com/warta-news/warta/analysis/stem/internal/parts"
)

// closedUPOS are the word classes of function words. A lemma seen only
// with these tags, and only as itself, is marked closed in the root list.
var closedUPOS = map[string]bool{
	"ADP": true, "CCONJ": true, "SCONJ": true, "PART": true, "PRON": true, "DET": true,
}

// skippedUPOS are tokens whose lemmas are not Indonesian roots: names keep
// their form as lemma (Pertamina), foreign words are English, and numbers
// and punctuation are not words.
var skippedUPOS = map[string]bool{
	"PROPN": true, "X": true, "NUM": true, "SYM": true, "PUNCT": true,
}

// rootVote counts how UD annotates one lower-case form: kept when its
// lemma is the form itself, stripped when the lemma is shorter.
type rootVote struct {
	kept, stripped int
	content        bool // kept as a noun, verb or adjective
}

// rootCandidate is one lemma seen in the treebank.
type rootCandidate struct {
	tokens  int  // words with this lemma
	closed  bool // seen only as itself, with a function-word tag
	derived bool // seen as the lemma of another form (milik of memiliki)
}

// Roots reads a CoNLL-U treebank and writes the root list that package
// stem embeds as data/roots_ud.txt (warta train stem). source names the treebank file in
// the list's header.
//
// The roots are the lemmas of lower-case words (or capitalised only as the
// first word of a sentence), except:
//   - a lemma that the treebank strips at least as often as it keeps when
//     it appears as a word (pembayaran: 9 times bayar, once pembayaran) is
//     a derived word, not a root;
//   - a lemma that is another root plus -i, -kan or -an, where that root
//     is the lemma of derived words and more frequent (lakukan, kept whole
//     once as an imperative, against laku 40 times), is left out so that it
//     does not stop dilakukan at lakukan; teknisi (teknis is never a
//     stripped lemma) and peran (per is a function word) stay;
//   - a colloquial nasal spelling of a more frequent root (minjam for
//     pinjam) is left out, as is a noun, verb or adjective that UD keeps
//     whole only once and that the other roots explain
//     (mensosialisasikan: sosialisasi);
//   - lemmas of other capitalised words are taken only when they differ
//     from the form, because UD keeps names and title words whole
//     (Kementerian Keuangan).
func Roots(w io.Writer, treebank io.Reader, source string) error {
	votes := make(map[string]*rootVote)
	cands := make(map[string]*rootCandidate)
	sc := bufio.NewScanner(treebank)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	initial := true // no word of the sentence read yet
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" {
			initial = true
			continue
		}
		if line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			return fmt.Errorf("stem: %s:%d: want 10 tab-separated fields, got %d", source, n, len(f))
		}
		if f[1] == "" || f[2] == "" {
			return fmt.Errorf("stem: %s:%d: empty form or lemma", source, n)
		}
		if strings.ContainsAny(f[0], "-.") || f[3] == "PUNCT" {
			continue // a multi-word token range, an empty node or punctuation
		}
		first := initial
		initial = false
		if skippedUPOS[f[3]] {
			continue
		}
		form, lemma, upos := strings.ToLower(f[1]), strings.ToLower(f[2]), f[3]
		if !parts.ValidRoot(lemma) || parts.IsClitic(lemma) {
			continue
		}
		titled := !first && f[1][0] >= 'A' && f[1][0] <= 'Z'
		if titled && lemma == form {
			continue
		}
		c := cands[lemma]
		if c == nil {
			c = &rootCandidate{closed: true}
			cands[lemma] = c
		}
		c.tokens++
		c.closed = c.closed && lemma == form && closedUPOS[upos]
		c.derived = c.derived || lemma != form
		if titled {
			continue
		}
		v := votes[form]
		if v == nil {
			v = &rootVote{}
			votes[form] = v
		}
		if lemma == form {
			v.kept++
			v.content = v.content || upos == "NOUN" || upos == "VERB" || upos == "ADJ"
		} else {
			v.stripped++
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("stem: reading %s: %w", source, err)
	}
	d := parts.NewDictionary()
	for lemma, c := range cands {
		if v := votes[lemma]; v != nil && v.kept <= v.stripped {
			continue
		}
		if !c.closed && rarerThanBase(lemma, c, cands) {
			continue
		}
		d.Put(lemma, c.closed)
	}
	// A derived-looking content word kept whole only once is not evidence
	// enough that it is a root (mensosialisasikan, mengkaji): it would stop
	// its own family short. Decided against the other roots, in sorted
	// order so that the result does not depend on map iteration.
	for _, lemma := range d.Roots() {
		if v := votes[lemma]; v == nil || v.kept != 1 || !v.content {
			continue
		}
		closed := d.Closed(lemma)
		d.Delete(lemma)
		if d.Stem(lemma) == lemma {
			d.Put(lemma, closed)
		}
	}

	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, rootsHeader, source)
	for _, r := range d.Roots() {
		if d.Closed(r) {
			fmt.Fprintf(bw, "%s closed\n", r)
		} else {
			fmt.Fprintln(bw, r)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("stem: writing root list: %w", err)
	}
	return nil
}

// rarerThanBase reports whether lemma is a productive root (the lemma of
// derived words, not a function word) plus a derivational suffix, or a
// colloquial nasal spelling of such a root (minjam for pinjam, nonton for
// tonton), and seen less often than that root.
func rarerThanBase(lemma string, c *rootCandidate, cands map[string]*rootCandidate) bool {
	rarer := func(base string) bool {
		b := cands[base]
		return b != nil && b.derived && !b.closed && b.tokens > c.tokens
	}
	for _, sf := range parts.Derivations {
		if base, ok := strings.CutSuffix(lemma, sf); ok && rarer(base) {
			return true
		}
	}
	for _, n := range [...]struct{ nasal, plain string }{{"m", "p"}, {"ny", "s"}, {"ng", "k"}, {"n", "t"}} {
		if rest, ok := strings.CutPrefix(lemma, n.nasal); ok && len(rest) > 0 && parts.IsVowel(rest[0]) && rarer(n.plain+rest) {
			return true
		}
	}
	return false
}

const rootsHeader = `# Root words from the lemmas of UD Indonesian-CSUI, train split only
# (%s), CC BY-SA 4.0: Alfina, Arwidarasti, Hanifmuti, Dinakaramani,
# Manurung, Rashel, Luthfi; https://github.com/UniversalDependencies/UD_Indonesian-CSUI.
# This list is an adaptation of that treebank and is shared under the same
# licence (CC BY-SA 4.0).
#
# Generated by "warta train stem" (analysis/stem/train/train.go, where the rules
# are): do not edit; add roots to roots.txt instead. In short: the lemmas of
# lower-case words, without names, foreign words and numbers, and without
# lemmas the treebank itself treats as derived (pembayaran -> bayar,
# lakukan -> laku). "closed" marks function words seen only as themselves
# (dan, yang): they take clitics (inilah) but no derivational affix.
`
