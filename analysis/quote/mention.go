package quote

import (
	"slices"
	"sort"
	"strings"

	"github.com/warta-news/warta/analysis/text"
)

// tkind is the part a token plays in a phrase naming a person: Kepala
// (role) Polresta Denpasar (office) Kombes (rank) Bambang Pramono (name).
type tkind uint8

const (
	kStop     tkind = iota
	kRole           // a role head: Menteri, juru bicara
	kOrg            // an office, organisation or place word, an acronym, a unit number
	kHon            // a title or rank before a name: Irjen, Pak, Prof.
	kName           // a capitalised word in none of the lists
	kParticle       // bin, van, de between the words of a name
	kJoin           // / & - between parts of an office name
	kParen          // a parenthesis and what it holds (an acronym, an age)
)

// maxPhrase bounds the tokens of one phrase segment.
const maxPhrase = 32

// maxNameWords bounds a name: longer runs of capitalised words are titles
// or headlines, not names.
const maxNameWords = 6

// phrase is a mention of a speaker: a pronoun, or a role and a name, either
// possibly missing.
type phrase struct {
	all     span // every token of the phrase
	name    span
	role    span
	pronoun bool
}

func (p phrase) ok() bool { return p.pronoun || !p.name.empty() || !p.role.empty() }

// kindOf classifies token i given the kind of the token before it in the
// phrase (kStop at the phrase start).
func (f *finder) kindOf(i int, prev tkind) tkind {
	if f.inQuote(i) {
		return kStop
	}
	t := f.toks[i]
	switch t.Kind {
	case text.Word:
	case text.Number:
		if prev == kOrg || prev == kRole {
			return kOrg // RT 05, Nord Stream 2
		}
		return kStop
	case text.Punct:
		switch f.tok(i) {
		case "(":
			if prev != kStop {
				return kParen
			}
		case "/", "&", "-":
			if (prev == kOrg || prev == kRole) && i+1 < len(f.toks) && isUpperStart(f.tok(i+1)) {
				return kJoin
			}
		}
		return kStop
	default:
		return kStop
	}
	w := f.tok(i)
	cls := f.info[i].cls
	upper := isUpperStart(w)
	orgish := prev == kRole || prev == kOrg || prev == kJoin
	if w == "dan" && (prev == kOrg || prev == kRole) && i+1 < len(f.toks) && f.has(i+1, wOrg|wRole) && isUpperStart(f.tok(i+1)) {
		return kJoin // Menteri Riset dan Teknologi; Dinas Sumber Daya Air dan Bina Marga
	}
	if cls&wHonorific != 0 {
		if cls&wOrg == 0 || f.nameLikeAt(i+1) {
			return kHon // Jenderal Listyo, but Direktorat Jenderal Pajak
		}
	}
	switch {
	case cls&wRole != 0:
		return kRole
	case cls&(wOrg|wPlace) != 0:
		if upper && (cls&wFunction == 0 || orgish) || !upper && orgish {
			return kOrg // Menteri Dalam Negeri; anggota tim kuasa hukum
		}
		return kStop
	case cls&(wFunction|wPronoun|wCue) != 0:
		return kStop
	case isAcronym(w):
		return kOrg
	case upper && derivedNoun(w):
		return kStop
	case upper:
		return kName
	case cls&wParticle != 0:
		return kParticle
	}
	return kStop
}

// nameLikeAt reports whether token i is a capitalised word in none of the
// lists.
func (f *finder) nameLikeAt(i int) bool {
	if i >= len(f.toks) || f.toks[i].Kind != text.Word || f.info[i].cls&^wParticle != 0 {
		return false
	}
	w := f.tok(i)
	return isUpperStart(w) && !isAcronym(w) && !derivedNoun(w)
}

// derivedNoun reports whether a capitalised word has the shape of a common
// noun, not of a name: pe(N)-/per-/ke- ... -an (Pernyataan, Keputusan,
// Pembicaraan) or a loan in -asi, -isi (Koordinasi, Investigasi). Such a
// word opening a sentence is not the first name of the person after it.
func derivedNoun(w string) bool {
	if len(w) < 7 {
		return false
	}
	c0, c1 := w[0]|0x20, w[1]|0x20 // ASCII lower case; other bytes never match
	if (c0 == 'p' || c0 == 'k') && c1 == 'e' && strings.HasSuffix(w, "an") {
		return true
	}
	return strings.HasSuffix(w, "asi") || strings.HasSuffix(w, "isi")
}

// isAcronym reports whether w is two or more capital letters (KPK, DKI,
// PT), possibly with digits.
func isAcronym(w string) bool {
	letters := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case 'A' <= c && c <= 'Z':
			letters++
		case '0' <= c && c <= '9', c == '-':
		default:
			return false
		}
	}
	return letters >= 2
}

// roleHeadLen returns how many tokens from i form a role head (1 for
// Menteri, 2 for juru bicara, 0 for none) and whether the office is named
// after a territory.
func (f *finder) roleHeadLen(i, end int) (int, bool) {
	if i >= end || f.toks[i].Kind != text.Word {
		return 0, false
	}
	cls := f.info[i].cls
	if cls&wRoleFirst != 0 {
		var buf [maxKey * 3]byte
		for n := min(lex.maxRoleWords, end-i); n >= 2; n-- {
			k := 0
			ok := true
			for j := i; j < i+n && ok; j++ {
				w := f.tok(j)
				if f.toks[j].Kind != text.Word || k+len(w)+1 > len(buf) {
					ok = false
					break
				}
				if j > i {
					buf[k] = ' '
					k++
				}
				for b := 0; b < len(w); b++ {
					c := w[b]
					if 'A' <= c && c <= 'Z' {
						c += 'a' - 'A'
					}
					buf[k] = c
					k++
				}
			}
			if !ok {
				continue
			}
			if territory, found := lex.roles[string(buf[:k])]; found {
				return n, territory
			}
		}
	}
	if cls&wRole != 0 {
		return 1, cls&wTerritory != 0
	}
	return 0, false
}

// scanSeg reads one comma-free segment of a phrase forward from token i
// (before end), writing the kind of token i+k to kinds[k]; it returns where
// the segment ends.
func (f *finder) scanSeg(i, end int, kinds *[maxPhrase]tkind) int {
	prev := kStop
	forcePlace := false // the word after Bupati, Kabupaten is a place
	named := false      // a name word was seen
	plain := 0          // lower-case words completing a role (pedagang sayur)
	j := i
scan:
	for j < end && j-i < maxPhrase {
		if n, territory := f.roleHeadLen(j, end); n > 0 && !f.inQuote(j) && (n > 1 || f.kindOf(j, prev) == kRole) {
			if j+n-i > maxPhrase {
				break scan
			}
			for k := range n {
				kinds[j-i+k] = kRole
			}
			j += n
			prev, forcePlace = kRole, territory
			continue
		}
		k := f.kindOf(j, prev)
		if k == kStop && !named && plain < 2 && (prev == kRole || plain > 0) && f.plainWord(j) {
			k = kOrg
			plain++
		}
		switch k {
		case kStop:
			break scan
		case kParen:
			c := f.closeParen(j, end)
			if c < 0 || c+1-i > maxPhrase {
				break scan
			}
			for m := j; m <= c; m++ {
				kinds[m-i] = kParen
			}
			j = c + 1
			prev = kOrg
			continue
		case kParticle:
			if prev != kName || !f.nameLikeAt(j+1) || j+1 >= end {
				break scan
			}
		case kName:
			if forcePlace {
				k = kOrg
			} else {
				named = true
			}
		}
		forcePlace = k == kOrg && f.info[j].cls&wTerritory != 0 || k == kOrg && forcePlace && isAcronym(f.tok(j))
		kinds[j-i] = k
		prev = k
		j++
	}
	f.splitInstitution(i, j, kinds)
	return j
}

// splitInstitution gives the proper name of an institution back to the
// role: after Universitas, Bank or PT the capitalised words before the
// person's name name the institution (Universitas Gadjah Mada Zainal
// Mukti), so of a run of n name words ending the segment, all but the last
// two (the last one when n is 2) are the institution's.
func (f *finder) splitInstitution(i, e int, kinds *[maxPhrase]tkind) {
	n := 0
	for n < e-i && kinds[e-i-1-n] == kName {
		n++
	}
	b := e - n // start of the trailing run
	if n < 2 || b == i || kinds[b-i-1] != kOrg || f.info[b-1].cls&wInstitution == 0 {
		return
	}
	for k := b; k < e-max(1, min(2, n-1)); k++ {
		kinds[k-i] = kOrg
	}
}

// plainWord reports whether token i is a lower-case word in none of the
// lists, which may complete a role (pengasuh pondok, warga setempat), and
// not a verb by its prefix (meninjau, berharap, diminta, terlihat).
func (f *finder) plainWord(i int) bool {
	if f.toks[i].Kind != text.Word || f.inQuote(i) || f.info[i].cls != 0 {
		return false
	}
	w := f.tok(i)
	if w[0] < 'a' || w[0] > 'z' {
		return false
	}
	for _, prefix := range verbPrefixes {
		if strings.HasPrefix(w, prefix) {
			return false
		}
	}
	return true
}

// verbPrefixes are the prefixes of Indonesian verbs (meN-, ber-, di-, ter-).
var verbPrefixes = [...]string{"me", "ber", "di", "ter"}

// closeParen returns the ) closing the ( at i within a few tokens, or -1.
func (f *finder) closeParen(i, end int) int {
	for j := i + 1; j < end && j <= i+10; j++ {
		switch f.tok(j) {
		case ")":
			return j
		case "(":
			return -1
		}
	}
	return -1
}

// openParen returns the ( opening the ) at i, not before lo, or -1.
func (f *finder) openParen(i, lo int) int {
	for j := i - 1; j >= lo && j >= i-10; j-- {
		switch f.tok(j) {
		case "(":
			return j
		case ")":
			return -1
		}
	}
	return -1
}

// analyse splits segment [i, e) into its role and its name: the name is the
// run of name words that ends the segment (before a parenthesis), the role
// runs from the first role head to the name, less a rank before the name.
func analyse(i, e int, kinds *[maxPhrase]tkind) phrase {
	p := phrase{all: span{i, e}}
	end := e
	for end > i && kinds[end-1-i] == kParen {
		end--
	}
	nb := end
	for nb > i {
		k := kinds[nb-1-i]
		if k == kName || k == kParticle && nb-2 >= i && kinds[nb-2-i] == kName {
			nb--
			continue
		}
		break
	}
	if nb < end && end-nb <= maxNameWords && kinds[nb-i] == kName {
		p.name = span{nb, end}
	} else {
		nb = end
	}
	for r := i; r < nb; r++ {
		if kinds[r-i] == kRole {
			re := nb
			for re > r && (kinds[re-1-i] == kHon || kinds[re-1-i] == kParen) {
				re--
			}
			p.role = span{r, re}
			break
		}
	}
	return p
}

// phraseAfter reads the mention of a speaker that starts at token i, before
// end: a pronoun; a name, with a role before it (Kepala Polresta Denpasar
// Bambang) or after it between commas (Rahmat Hidayat, anggota tim kuasa
// hukum); or a role whose name follows a comma (juru bicara Gugus Tugas,
// Made Wirawan).
func (f *finder) phraseAfter(i, end int) phrase {
	if i >= end || i >= len(f.toks) {
		return phrase{}
	}
	if f.has(i, wPronoun) && !f.inQuote(i) {
		return phrase{all: span{i, i + 1}, pronoun: true}
	}
	var kinds [maxPhrase]tkind
	e := f.scanSeg(i, end, &kinds)
	if e == i {
		return phrase{}
	}
	p := analyse(i, e, &kinds)
	for j := e; f.isPunct(j, ',') && j+1 < end; {
		if !p.name.empty() {
			if a := f.appositive(j+1, end); a > j+1 {
				if p.role.empty() {
					p.role = span{f.skipArticle(j + 1), a}
				}
				p.all.last = a
			}
			break
		}
		var k2 [maxPhrase]tkind
		e2 := f.scanSeg(j+1, end, &k2)
		if e2 == j+1 {
			break
		}
		q := analyse(j+1, e2, &k2)
		if q.name.last == e2 && q.role.empty() && !p.role.empty() && onlyKind(&k2, q.name.first-j-1, kHon) {
			p.name, p.all.last = q.name, e2 // juru bicara ..., Made Wirawan
			break
		}
		if !q.name.empty() || p.role.empty() || k2[0] != kOrg && k2[0] != kRole {
			break
		}
		p.role.last, p.all.last = e2, e2 // Kepala Dusun Krajan, Kelurahan Sukamaju, ...
		j = e2
	}
	return p
}

// onlyKind reports whether kinds[:n] are all k.
func onlyKind(kinds *[maxPhrase]tkind, n int, k tkind) bool {
	for i := range n {
		if kinds[i] != k {
			return false
		}
	}
	return true
}

// skipArticle skips seorang, sang, salah seorang before a role.
func (f *finder) skipArticle(i int) int {
	switch {
	case f.isFold(i, "seorang"), f.isFold(i, "sang"), f.isFold(i, "sebagai"):
		return i + 1
	case f.isFold(i, "salah") && (f.isFold(i+1, "seorang") || f.isFold(i+1, "satu")):
		return i + 2
	}
	return i
}

// appositive returns the end of a role in apposition starting at token i
// (anggota tim kuasa hukum, seorang diplomat veteran), or i when there is
// none: a role head, then words up to a comma, the sentence end or a
// lower-case function word.
func (f *finder) appositive(i, end int) int {
	k := f.skipArticle(i)
	if n, _ := f.roleHeadLen(k, end); n == 0 || f.inQuote(k) {
		return i
	}
	e := k
	for e < end && e-i < 16 {
		if f.isPunct(e, ',') || f.isTerminal(e) || f.markAt(e) != markNone || f.inQuote(e) || f.is(e, ";") || f.is(e, ":") {
			break
		}
		if w := f.tok(e); !isUpperStart(w) && f.has(e, wFunction|wCue) && e > k {
			break
		}
		e++
	}
	return e
}

// mayBelong reports whether token i could be part of a phrase read
// backwards from a reporting verb.
func (f *finder) mayBelong(i, lo int) bool {
	if f.inQuote(i) {
		return false
	}
	t := f.toks[i]
	switch t.Kind {
	case text.Number:
		return true
	case text.Punct:
		switch f.tok(i) {
		case "/", "&", "-":
			return true
		}
		return false
	case text.Word:
	default:
		return false
	}
	w := f.tok(i)
	cls := f.info[i].cls
	if isUpperStart(w) {
		return cls&wFunction == 0 || cls&(wOrg|wPlace) != 0
	}
	if cls&(wRole|wRoleFirst|wOrg|wPlace|wHonorific|wParticle) != 0 {
		return true
	}
	for n := 2; n <= lex.maxRoleWords && i-n+1 >= lo; n++ { // the last word of juru bicara
		if m, _ := f.roleHeadLen(i-n+1, i+1); m == n {
			return true
		}
	}
	return false
}

// phraseBefore reads the mention of a speaker that ends at token j (not
// before lo): Menteri Luar Negeri AS Anthony Blinken | mengatakan.
func (f *finder) phraseBefore(j, lo int) phrase {
	if j < lo || j < 0 {
		return phrase{}
	}
	if f.has(j, wPronoun) && !f.inQuote(j) {
		return phrase{all: span{j, j + 1}, pronoun: true}
	}
	s := j + 1
	for k := j; k >= lo && j-k < maxPhrase; k-- {
		if f.is(k, ")") {
			o := f.openParen(k, lo)
			if o <= lo {
				break
			}
			k = o
			s = o
			continue
		}
		if !f.mayBelong(k, lo) {
			break
		}
		s = k
	}
	var kinds [maxPhrase]tkind
	for st := s; st <= j; st++ {
		if e := f.scanSeg(st, j+1, &kinds); e == j+1 {
			if p := analyse(st, e, &kinds); p.ok() {
				return p
			}
		}
	}
	return phrase{}
}

// person is a mention of a person outside quotations.
type person struct {
	name    span // the name as printed here
	role    span // the role printed with it, empty when none
	salient bool // the subject of a reporting verb or a quotation's speaker
	entity  int  // index into Entities.List, -1 when unknown
}

// findPersons collects the people the article names outside quotations:
// names with a role or a title (Menteri Luar Negeri Rusia Sergey Lavrov,
// Irjen Rudi), full names of two words or more, the subjects of reporting
// verbs, then single words repeating a known name (Lavrov), and, when
// given, the entities of type PER.
func (f *finder) findPersons() {
	known := make(map[string]bool)
	for _, st := range f.sents {
		if f.titleCased(st) {
			continue // a headline or subheading: every word is capitalised
		}
		for i := st.First; i < st.Last; i++ {
			if f.inQuote(i) || f.info[i].cls&(wRole|wRoleFirst|wHonorific) == 0 && !f.nameLikeAt(i) {
				continue
			}
			p := f.phraseAfter(i, st.Last)
			if p.name.empty() || p.role.empty() && p.name.last-p.name.first < 2 && !f.has(p.name.first-1, wHonorific) {
				continue
			}
			f.addPerson(person{name: p.name, role: p.role, entity: -1})
			for k := p.name.first; k < p.name.last; k++ {
				known[f.tok(k)] = true
			}
			i = p.all.last - 1
		}
	}
	for v := range f.toks {
		if f.inQuote(v) || !f.has(v, wCueVerb) {
			continue
		}
		if p, ok := f.subjectOf(v); ok && !p.name.empty() {
			f.addPerson(person{name: p.name, role: p.role, salient: true, entity: -1})
			f.said = append(f.said, spoke{pos: v, who: p.name})
		}
	}
	for _, st := range f.sents {
		if len(known) == 0 || f.titleCased(st) {
			continue
		}
		for i := st.First; i < st.Last; i++ {
			if f.nameLikeAt(i) && !f.inQuote(i) && known[f.tok(i)] {
				f.addPerson(person{name: span{i, i + 1}, entity: -1})
			}
		}
	}
	// The person a sentence opens with is its subject, the likeliest
	// antecedent of the next ia, dia or -nya.
	for _, st := range f.sents {
		if f.titleCased(st) {
			continue
		}
		p := f.sentenceSubject(st, st.Last)
		if p.name.empty() {
			continue
		}
		if k := f.personAt(p.name); k >= 0 {
			f.persons[k].salient = true
		}
	}
	if f.ents != nil {
		for _, m := range f.ents.Mentions {
			if m.Entity < 0 || m.Entity >= len(f.ents.List) || f.ents.List[m.Entity].Type != "PER" {
				continue
			}
			sp := f.tokenSpan(m.Start, m.End)
			if sp.empty() || f.inQuote(sp.first) {
				continue
			}
			if k := f.personAt(sp); k >= 0 {
				f.persons[k].entity = m.Entity
				continue
			}
			f.addPerson(person{name: sp, entity: m.Entity})
		}
		// What the entity stage calls an organisation or a place is not a
		// person, however it is capitalised (Bank Nusantara Makmur).
		f.persons = slices.DeleteFunc(f.persons, func(p person) bool {
			e := f.entityAt(p.name)
			return p.entity < 0 && e >= 0 && f.ents.List[e].Type != "PER"
		})
	}
}

// titleCased reports whether sentence st is set in title case, as a
// headline or a subheading is (Proyeksi Inflasi Tahun Depan; Jaminan
// Kesehatan), where capitals do not mark names: nearly all its words are
// capitalised and it is the title or has no final stop (a sentence full of
// names and offices still ends with one).
func (f *finder) titleCased(st text.Sentence) bool {
	si := f.info[st.First].sent
	if f.caps == nil {
		f.caps = make([]int8, len(f.sents))
	}
	if c := f.caps[si]; c != 0 {
		return c > 0
	}
	f.caps[si] = -1
	if f.isTitleCased(st) {
		f.caps[si] = 1
	}
	return f.caps[si] > 0
}

func (f *finder) isTitleCased(st text.Sentence) bool {
	words, caps := 0, 0
	for i := st.First; i < st.Last; i++ {
		if f.toks[i].Kind != text.Word || f.has(i, wFunction) && !isUpperStart(f.tok(i)) {
			continue
		}
		words++
		if isUpperStart(f.tok(i)) {
			caps++
		}
	}
	return words >= 2 && caps*100 >= words*85 && (f.info[st.First].unit == 0 || !f.isTerminal(st.Last-1))
}

// addPerson inserts p in text order and returns its index. A mention
// overlapping one already known merges into it: a role, salience or an
// entity is added, the longer name kept.
func (f *finder) addPerson(p person) int {
	if k := f.personAt(p.name); k >= 0 {
		q := &f.persons[k]
		q.salient = q.salient || p.salient
		if q.role.empty() {
			q.role = p.role
		}
		if q.entity < 0 {
			q.entity = p.entity
		}
		if p.name.last-p.name.first > q.name.last-q.name.first && (k == 0 || f.persons[k-1].name.last <= p.name.first) &&
			(k+1 == len(f.persons) || p.name.last <= f.persons[k+1].name.first) {
			q.name = p.name // Sergey Lavrov over Lavrov
		}
		return k
	}
	k := sort.Search(len(f.persons), func(i int) bool { return f.persons[i].name.first >= p.name.first })
	f.persons = append(f.persons, person{})
	copy(f.persons[k+1:], f.persons[k:])
	f.persons[k] = p
	return k
}

// personAt returns the index of the person mention overlapping s, or -1.
func (f *finder) personAt(s span) int {
	k := sort.Search(len(f.persons), func(i int) bool { return f.persons[i].name.last > s.first })
	if k < len(f.persons) && f.persons[k].name.first < s.last {
		return k
	}
	return -1
}

// tokenSpan returns the tokens covering byte range [start, end).
func (f *finder) tokenSpan(start, end int) span {
	a := sort.Search(len(f.toks), func(i int) bool { return f.toks[i].End > start })
	b := a
	for b < len(f.toks) && f.toks[b].Start < end {
		b++
	}
	return span{a, b}
}

// lookBack bounds how many person mentions are searched around a
// position, so that a huge article stays linear.
const lookBack = 400

// antecedent returns the person a pronoun or -nya at token pos stands for:
// a person named earlier in the same sentence, else the last speaker or
// subject of a reporting verb, else the last person named; -1 when none.
func (f *finder) antecedent(pos int) int {
	k := f.personBefore(pos)
	if k < 0 {
		return -1
	}
	if f.sameSentence(f.persons[k].name.first, pos) {
		return k
	}
	for j := k; j >= 0 && k-j < lookBack; j-- {
		if f.persons[j].salient {
			return j
		}
	}
	return k
}

// personBefore returns the index of the last person mention ending at or
// before token pos, or -1.
func (f *finder) personBefore(pos int) int {
	return sort.Search(len(f.persons), func(i int) bool { return f.persons[i].name.last > pos }) - 1
}

// holderOf returns the person the article gave role r, nearest before pos
// (else after it), or -1: kata Presiden after Presiden Joko Widodo.
func (f *finder) holderOf(r span, pos int) int {
	want := f.spanText(r)
	holds := func(k int) bool {
		got := f.spanText(f.persons[k].role)
		return !f.persons[k].role.empty() && (strings.EqualFold(got, want) || hasPrefixFold(got, want+" "))
	}
	k := f.personBefore(pos)
	for j := k; j >= 0 && k-j < lookBack; j-- {
		if holds(j) {
			return j
		}
	}
	for j := k + 1; j < len(f.persons) && j-k <= lookBack; j++ {
		if holds(j) {
			return j
		}
	}
	return -1
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// nameOfRole reports whether a role word used alone is the name of a
// person named nearby (Imam for Imam Santoso) and returns that person's
// index, or -1.
func (f *finder) nameOfRole(r span) int {
	if r.last-r.first != 1 || !isUpperStart(f.tok(r.first)) {
		return -1
	}
	w := f.tok(r.first)
	k := f.personBefore(r.first)
	for j := max(0, k-lookBack); j < len(f.persons) && j <= k+lookBack; j++ {
		p := f.persons[j]
		for i := p.name.first; i < p.name.last; i++ {
			if f.tok(i) == w {
				return j
			}
		}
	}
	return -1
}

// names indexes the person mentions once they are all known (when the
// quotations are resolved): the fullest form of each name and where each
// full name is given a role.
type names struct {
	full  map[string]span  // a name as printed → its fullest form
	multi []span           // one mention of each distinct name of two words or more
	roles map[string][]int // a fullest form → the persons with a role bearing it, in order
}

func (f *finder) names() *names {
	if f.index != nil {
		return f.index
	}
	n := &names{full: make(map[string]span), roles: make(map[string][]int)}
	seen := make(map[string]bool)
	for _, p := range f.persons {
		if t := f.spanText(p.name); p.name.last-p.name.first >= 2 && !seen[t] {
			seen[t] = true
			n.multi = append(n.multi, p.name)
		}
	}
	f.index = n
	for k, p := range f.persons {
		if !p.role.empty() {
			key := f.spanText(f.fullName(k))
			n.roles[key] = append(n.roles[key], k)
		}
	}
	return n
}

// fullName returns the fullest form of person k's name the article gives:
// the longest name holding all of its words (Sergey Lavrov for Lavrov).
func (f *finder) fullName(k int) span {
	n := f.names()
	name := f.persons[k].name
	key := f.spanText(name)
	if best, ok := n.full[key]; ok {
		return best
	}
	best := name
	for _, q := range n.multi {
		if q.last-q.first > best.last-best.first && f.holdsWords(q, name) {
			best = q
		}
	}
	n.full[key] = best
	return best
}

// holdsWords reports whether every word of b is a word of a.
func (f *finder) holdsWords(a, b span) bool {
	for i := b.first; i < b.last; i++ {
		found := false
		for j := a.first; j < a.last && !found; j++ {
			found = f.tok(i) == f.tok(j)
		}
		if !found {
			return false
		}
	}
	return true
}

// roleOf returns the role of person k at token pos: printed with this
// mention, else with the last mention of the same full name before pos,
// else with the first one after it.
func (f *finder) roleOf(k, pos int) span {
	if r := f.persons[k].role; !r.empty() {
		return r
	}
	withRole := f.names().roles[f.spanText(f.fullName(k))]
	if len(withRole) == 0 {
		return span{}
	}
	i := sort.Search(len(withRole), func(i int) bool { return f.persons[withRole[i]].name.first >= pos })
	return f.persons[withRole[max(i-1, 0)]].role
}

// subjectOf returns the subject of the reporting verb at token v: the
// phrase right before it (Lavrov | mengatakan), past an aside between
// dashes or brackets or a role in apposition, or for a verb coordinated
// with an earlier one (..., mengatakan; dan mengatakan) the sentence's
// subject.
func (f *finder) subjectOf(v int) (phrase, bool) {
	st := f.sentOf(v)
	lo := st.First
	k := v - 1
	for k >= lo && f.has(k, wAdverb) {
		k--
	}
	if k < lo || f.inQuote(k) {
		return phrase{}, false
	}
	var p phrase
	switch {
	case f.is(k, ")"):
		if o := f.openParen(k, lo); o > lo {
			p = f.phraseBefore(o-1, lo)
		}
	case f.isDash(k):
		for d := k - 1; d > lo && k-d <= 20; d-- {
			if f.isDash(d) {
				p = f.phraseBefore(d-1, lo)
				break
			}
		}
	case f.isPunct(k, ','):
		c := k - 1
		for c >= lo && k-c <= 16 && !f.isPunct(c, ',') {
			c--
		}
		if c > lo && f.isPunct(c, ',') && f.appositive(c+1, k) == k {
			p = f.phraseBefore(c-1, lo)
			if !p.pronoun && !p.name.empty() && p.role.empty() {
				p.role = span{f.skipArticle(c + 1), k}
			}
		} else {
			p = f.sentenceSubject(st, v)
		}
	case f.isFold(k, "dan"), f.isFold(k, "serta"), f.isFold(k, "sambil"), f.isFold(k, "sekaligus"):
		p = f.sentenceSubject(st, v)
	default:
		p = f.phraseBefore(k, lo)
	}
	return p, p.ok()
}

// sentenceSubject returns the phrase that opens sentence st, before token
// limit, past a fronted adverbial ending in a comma (Sebelum pengumuman,
// Wakil Menteri ... Sergey Ryabkov).
func (f *finder) sentenceSubject(st text.Sentence, limit int) phrase {
	i := st.First
	for i < limit && i-st.First < 3 && (f.markAt(i) != markNone || f.is(i, "(")) {
		i++
	}
	if i >= limit || f.inQuote(i) {
		return phrase{}
	}
	if f.has(i, wFunction) && !f.has(i, wPronoun) {
		c := i + 1
		for c < limit && c-i <= 12 && !f.isPunct(c, ',') && !f.inQuote(c) {
			c++
		}
		if c < limit && f.isPunct(c, ',') {
			i = c + 1
		} else {
			i++ // Tapi Lavrov mengatakan
		}
	}
	p := f.phraseAfter(i, limit)
	if !p.ok() || p.all.first != i {
		return phrase{}
	}
	return p
}
