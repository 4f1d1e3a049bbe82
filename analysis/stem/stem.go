package stem

import (
	"bytes"
	"strings"
)

// maxWord bounds the words stemmed, in bytes: the longest Indonesian words
// (mempertanggungjawabkannya) have 25 letters. A longer token is returned
// lower-cased.
const maxWord = 40

// minRoot is the shortest root left after stripping an affix: the
// two-letter words (ia, di, ke) take no affix in news text, so admitting
// them would only add false readings.
const minRoot = 3

// maxPrefixes is the longest prefix chain: diperbarui (di+per) and
// keberlanjutan (ke+ber) have two, sepengetahuan (se+peng+ke) three.
const maxPrefixes = 3

// Stem returns the root of an Indonesian word, lower-cased: membangun,
// pembangunan and dibangunkannya give bangun. A word whose root is not in
// the dictionary — a name, a loanword, a typo — is returned lower-cased and
// otherwise whole, as are tokens holding anything other than letters and
// hyphens (ke-2, Jum'at, 2025). Stem is safe for concurrent use, and it
// allocates nothing for a lower-case word that is a root or whose root is
// in the dictionary.
func Stem(word string) string {
	return defaultDict().stem(word)
}

// Known reports whether word is in the dictionary, as it stands or once
// its affixes are taken off: a capitalised word that is known (Ketua,
// Kerja, Merah) is a common word in title case, not a name.
func Known(word string) bool {
	var buf [maxWord]byte
	w, ok := lowerWord(&buf, word)
	if !ok {
		return false
	}
	_, ok = defaultDict().root(w)
	return ok
}

// lowerWord lower-cases a word of letters and hyphens into buf; ok is false
// for anything else or a word too long to be a root.
func lowerWord(buf *[maxWord]byte, word string) (w []byte, ok bool) {
	if len(word) > maxWord {
		return nil, false
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case 'a' <= c && c <= 'z' || c == '-':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			return nil, false
		}
		buf[i] = c
	}
	return buf[:len(word)], true
}

// stem lower-cases word into a stack buffer and looks its root up.
func (d *dictionary) stem(word string) string {
	var buf [maxWord]byte
	w, ok := lowerWord(&buf, word)
	if !ok {
		return strings.ToLower(word)
	}
	if root, ok := d.root(w); ok {
		return root
	}
	if string(w) != word {
		return string(w)
	}
	return word
}

// root returns the root of the lower-case word w, or false when none is
// found and w itself is the answer.
func (d *dictionary) root(w []byte) (string, bool) {
	if e, ok := d.lookup(w); ok {
		return e.word, true
	}
	if i := bytes.IndexByte(w, '-'); i >= 0 {
		return d.hyphenated(w, i)
	}
	return d.derive(w)
}

// derive returns the root of the cheapest reading of w that takes at least
// one affix off, or false when there is none.
func (d *dictionary) derive(w []byte) (string, bool) {
	s := search{d: d, cost: noCost}
	s.suffixes(w)
	return s.best, s.best != ""
}

// hyphenated stems a word with a hyphen at i: a clitic after a hyphen
// (CEO-nya, APBD-lah) is dropped, and a reduplication whose halves share a
// root gives that root (monyet-monyet, bertahun-tahun, kehati-hatian,
// terus-menerus, sebanyak-banyaknya). Other compounds (besar-kecil,
// non-keuangan, sayur-mayur) stay whole.
func (d *dictionary) hyphenated(w []byte, i int) (string, bool) {
	last := bytes.LastIndexByte(w, '-')
	if tail := w[last+1:]; isClitic(tail) && last > 0 {
		head := w[:last]
		if r, ok := d.root(head); ok {
			return r, true
		}
		return string(head), true
	}
	if last != i || i == 0 || i == len(w)-1 {
		return "", false
	}
	left, right := w[:i], w[i+1:]
	l, lok := d.root(left)
	r, rok := d.root(right)
	switch {
	case lok && rok && l == r:
		return l, true
	case lok && rok: // one half is listed whole: sebanyak-banyaknya
		if dl, ok := d.derive(left); ok && dl == r {
			return r, true
		}
		if dr, ok := d.derive(right); ok && dr == l {
			return l, true
		}
	case !lok && !rok && bytes.HasPrefix(right, left) && isSuffixChain(right[len(left):]):
		// an unlisted noun: kupu-kupu, monyet-monyetnya
		return string(left), true
	}
	return "", false
}

// isSuffixChain reports whether s is empty or a derivational suffix, a
// possessive and a particle, each optional, in that order (an, nya, kanlah).
func isSuffixChain(s []byte) bool {
	s = trimOne(s, particles[:])
	s = trimOne(s, possessives[:])
	if len(s) == 0 {
		return true
	}
	for _, dv := range derivations {
		if string(s) == dv {
			return true
		}
	}
	return false
}

// trimOne removes the first of sufs that s ends with.
func trimOne(s []byte, sufs []string) []byte {
	for _, sf := range sufs {
		if bytes.HasSuffix(s, []byte(sf)) {
			return s[:len(s)-len(sf)]
		}
	}
	return s
}

// isClitic reports whether s is a particle or possessive written after a
// hyphen.
func isClitic(s []byte) bool {
	switch string(s) {
	case "nya", "ku", "mu", "lah", "kah", "pun", "tah":
		return true
	}
	return false
}

// Suffixes, outermost first. A word is root + derivational + possessive +
// particle: beri+kan+nya+lah. The derivational suffixes are tried -an
// before -kan, as Nazief and Adriani do, so masakan is masak+an, not
// masa+kan.
var (
	particles   = [...]string{"lah", "kah", "tah", "pun"}
	possessives = [...]string{"nya", "ku", "mu"}
	derivations = [...]string{"i", "an", "kan"}
)

// suffix identifies the derivational suffix removed, for the rules that
// tie it to the outermost prefix.
type suffix uint8

const (
	sufNone suffix = iota
	sufI
	sufAn
	sufKan
)

// Costs rank the readings of a word that reach a root: fewer affixes
// first; at equal count, suffixes before prefixes (berikan is beri+kan, not
// ber+ikan); then the plainer of two spellings of a prefix (berambut is
// be+rambut only if ber+ambut fails). A root whose first letter the nasal
// replaced costs one affix more, so that a reading with one more affix and
// the root as written wins: pengawasan is peng+awas+an, not peng+kawasan;
// pemasukan is pe+masuk+an, not pe+pasukan; memakan is me+makan.
const (
	costAffix    = 10
	costPrefix   = 1
	costSpelling = 1
	costRecode   = costAffix + 1
	noCost       = 1 << 30
)

// search finds the cheapest reading of one word.
type search struct {
	d    *dictionary
	best string
	cost int
	// bufs holds a remainder whose first letter a prefix changed (menulis:
	// tulis), one buffer per prefix depth.
	bufs [maxPrefixes][maxWord]byte
}

// suffixes tries every split of w into a base and up to three suffixes,
// then the prefixes of each base.
func (s *search) suffixes(w []byte) {
	e1s, n1 := cut(w, len(w), particles[:])
	for a := 0; a < n1; a++ {
		e2s, n2 := cut(w, e1s[a], possessives[:])
		for b := 0; b < n2; b++ {
			inflections := a + b
			e2 := e2s[b]
			s.prefixes(w[:e2], node{affixes: inflections})
			for k, dv := range derivations {
				if e2-len(dv) >= minRoot && bytes.HasSuffix(w[:e2], []byte(dv)) {
					s.prefixes(w[:e2-len(dv)], node{sf: suffix(k + 1), affixes: inflections + 1})
				}
			}
		}
	}
}

// cut returns end (nothing removed) and, when w[:end] ends with one of
// sufs leaving at least minRoot letters, the end without it.
func cut(w []byte, end int, sufs []string) ([2]int, int) {
	ends := [2]int{end, 0}
	for _, sf := range sufs {
		if end-len(sf) >= minRoot && bytes.HasSuffix(w[:end], []byte(sf)) {
			ends[1] = end - len(sf)
			return ends, 2
		}
	}
	return ends, 1
}

// prefix is a kind of derivational prefix, with its spellings: me- covers
// mem-, men-, meng-, meny-, menge-; pe- covers pem-, pen-, peng-, peny-,
// pel-; be- covers ber-, bel-; te- covers ter-.
type prefix uint16

const (
	preDi prefix = 1 << iota
	preKe
	preSe
	preBe
	preTe
	preMe
	prePe  // pe-, pem-, pen-, peng-, peny-: nouns (pembangun)
	prePer // per-: nouns (pertemuan) and verbs (perbaiki)
	preKu  // ku-, kau-: proclitic subjects (kuambil)
)

// disallowed reports the outermost prefix and derivational suffix pairs
// that never form a word (Nazief and Adriani's list, plus pe- with the
// verb suffixes): be-i, di-an, ke-i, ke-kan, me-an, se-i, se-kan, te-an,
// pe-i, pe-kan.
func disallowed(p prefix, sf suffix) bool {
	switch sf {
	case sufI:
		return p&(preBe|preKe|preSe|prePe) != 0
	case sufAn:
		return p&(preDi|preMe|preTe) != 0
	case sufKan:
		return p&(preKe|preSe|prePe) != 0
	}
	return false
}

// node is where the search stands: the prefixes stripped so far, the
// derivational suffix, how many affixes are off, and the spelling
// tie-breaks paid.
type node struct {
	depth   int
	used    prefix
	sf      suffix
	affixes int
	penalty int
}

// prefixes looks b up, then strips one more prefix and recurses.
func (s *search) prefixes(b []byte, n node) {
	cost := n.affixes*costAffix + n.depth*costPrefix + n.penalty
	if cost >= s.cost {
		return
	}
	if n.affixes > 0 && len(b) >= minRoot {
		if e, ok := s.d.lookup(b); ok && (!e.closed || n.depth == 0 && n.sf == sufNone) {
			s.best, s.cost = e.word, cost
			return
		}
	}
	if n.depth == maxPrefixes || len(b) < minRoot+2 || cost+costAffix+costPrefix >= s.cost {
		return
	}
	switch c := at(b, 2); {
	case hasPrefix(b, "di"):
		s.strip(n, preDi, b[2:], 0)
	case hasPrefix(b, "ke"):
		s.strip(n, preKe, b[2:], 0)
	case hasPrefix(b, "kau"):
		s.strip(n, preKu, b[3:], costSpelling)
	case hasPrefix(b, "ku"):
		s.strip(n, preKu, b[2:], costSpelling)
	case hasPrefix(b, "se"):
		s.strip(n, preSe, b[2:], 0)
	case hasPrefix(b, "be"):
		switch {
		case hasPrefix(b, "belajar"): // bel+ajar, the one bel- word
			s.strip(n, preBe, b[3:], 0)
		case c == 'r':
			s.strip(n, preBe, b[3:], 0)
			s.strip(n, preBe, b[2:], costSpelling) // ber+rambut is written berambut
		case isConsonant(c) && c != 'l' && hasPrefix(b[3:], "er"):
			s.strip(n, preBe, b[2:], 0) // be+kerja, be+ternak, be+pergian
		}
	case hasPrefix(b, "te"):
		switch {
		case c == 'r':
			s.strip(n, preTe, b[3:], 0)
			s.strip(n, preTe, b[2:], costSpelling) // ter+rendah is written terendah
		case isConsonant(c) && hasPrefix(b[3:], "er"):
			s.strip(n, preTe, b[2:], 0) // te+percaya
		}
	case hasPrefix(b, "me"):
		s.nasal(b, n, preMe)
	case hasPrefix(b, "pe"):
		switch {
		case c == 'r':
			s.strip(n, prePer, b[3:], 0)
			s.strip(n, prePe, b[2:], costSpelling) // pe+rokok
		case hasPrefix(b, "pelajar"): // pel+ajar
			s.strip(n, prePe, b[3:], 0)
		case c == 'm' || c == 'n':
			s.nasal(b, n, prePe)
		case isConsonant(c):
			s.strip(n, prePe, b[2:], 0) // pe+layan, pe+tani, pe+dagang
		}
	}
}

// strip takes prefix p off, leaving rest, if the rules allow it there.
func (s *search) strip(n node, p prefix, rest []byte, pen int) {
	if n.used&p != 0 || len(rest) < minRoot || n.depth == 0 && disallowed(p, n.sf) ||
		n.depth > 0 && p&(preDi|preKu) != 0 {
		return
	}
	s.prefixes(rest, node{n.depth + 1, n.used | p, n.sf, n.affixes + 1, n.penalty + pen})
}

// recode takes prefix p off where its nasal replaced the root's first
// letter: the root is first + rest (me+nulis: t+ulis).
func (s *search) recode(n node, p prefix, first byte, rest []byte) {
	if len(rest)+1 > maxWord {
		return
	}
	buf := &s.bufs[n.depth]
	buf[0] = first
	k := 1 + copy(buf[1:], rest)
	s.strip(n, p, buf[:k], costRecode)
}

// nasal strips me- or pe- with its nasal, which changes with the root's
// first sound: mem+baca, me(m)+pakai, men+cari, me(n)+tulis, meng+ambil,
// meng+kirim (k dropped), meny+sapu (s dropped), menge+bom; also the
// loanword spellings that keep the letter (memproses, mengkaji, mensurvei,
// mentransfer). b starts with "me" or "pe".
func (s *search) nasal(b []byte, n node, p prefix) {
	c2, c3, c4 := at(b, 2), at(b, 3), at(b, 4)
	switch c2 {
	case 'l', 'r', 'w', 'y':
		if p == preMe {
			s.strip(n, p, b[2:], 0) // me+lihat
		}
	case 'm':
		switch {
		case c3 == 'b' || c3 == 'f' || c3 == 'v' || c3 == 'p' && p == preMe:
			s.strip(n, p, b[3:], 0) // mem+bangun, mem+punya, mem+perkenal
		case isVowel(c3) || c3 == 'r' && isVowel(c4):
			s.strip(n, p, b[2:], 0)    // me+makan, pe+muda
			s.recode(n, p, 'p', b[3:]) // me(m)+pakai
		}
	case 'n':
		switch {
		case c3 == 'y':
			if isVowel(c4) {
				s.recode(n, p, 's', b[4:])         // meny+sapu
				s.strip(n, p, b[2:], costSpelling) // me+nyanyi
			}
		case c3 == 'g':
			switch {
			case c4 == 'g' || c4 == 'h' || c4 == 'q':
				s.strip(n, p, b[4:], 0) // meng+ganti, meng+hadap
			case c4 == 'k':
				s.strip(n, p, b[4:], costSpelling) // meng+kaji, meng+klaim: loanword spelling
			case isVowel(c4):
				s.strip(n, p, b[4:], 0)    // meng+ambil
				s.recode(n, p, 'k', b[4:]) // meng+kirim
				if c4 == 'e' && oneVowel(b[5:]) {
					s.strip(n, p, b[5:], costSpelling) // menge+bom, menge+cat: one-syllable roots
				}
			}
		case c3 == 'c' || c3 == 'd' || c3 == 'j' || c3 == 'z':
			s.strip(n, p, b[3:], 0) // men+cari, men+dapat
		case c3 == 's':
			s.strip(n, p, b[3:], costSpelling) // men+survei: loanword spelling
		case c3 == 't' && isConsonant(c4):
			s.strip(n, p, b[3:], costSpelling) // men+transfer
		case isVowel(c3):
			s.strip(n, p, b[2:], 0)    // me+nanti
			s.recode(n, p, 't', b[3:]) // me(n)+tulis
		}
	}
}

// at returns b[i], or 0 past the end.
func at(b []byte, i int) byte {
	if i < len(b) {
		return b[i]
	}
	return 0
}

// oneVowel reports whether b has exactly one vowel letter, as the
// one-syllable roots that take menge- and penge- do (bom, cat, klik), and
// luar in mengeluarkan does not.
func oneVowel(b []byte) bool {
	n := 0
	for _, c := range b {
		if isVowel(c) {
			n++
		}
	}
	return n == 1
}

func hasPrefix(b []byte, p string) bool {
	return len(b) >= len(p) && string(b[:len(p)]) == p
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o'
}

func isConsonant(c byte) bool {
	return 'a' <= c && c <= 'z' && !isVowel(c)
}
