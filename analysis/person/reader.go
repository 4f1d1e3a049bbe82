package person

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/warta-news/warta/analysis/text"
)

// Span is a half-open range of token indexes.
type Span struct{ First, Last int }

// Empty reports whether the span holds no token.
func (s Span) Empty() bool { return s.Last <= s.First }

// Phrase is a mention of a person: a pronoun, or a role and a name, either
// possibly missing.
type Phrase struct {
	All     Span // every token of the phrase
	Name    Span
	Role    Span
	Pronoun bool
}

// OK reports whether the phrase names somebody.
func (p Phrase) OK() bool { return p.Pronoun || !p.Name.Empty() || !p.Role.Empty() }

// Reader reads person phrases over the tokens of one document. Classes
// holds, per token, the lexicon's classes of a word token (Lexicon.Classes)
// and the caller's: Cue and Blocked, and any of its own from CallerBit up,
// which make a lower-case word a listed one rather than a plain word that
// may complete a role. A reader from NewReader adds the lexicon's classes
// itself, to each token when it first reads it.
type Reader struct {
	Lex     *Lexicon
	Text    string
	Tokens  []text.Token
	Classes []Class
	lazy    bool // Classes are filled on first read (NewReader)
}

// NewReader returns a reader over doc that classifies each word with lx
// when it first reads it; the caller may add its own classes to Classes.
func NewReader(lx *Lexicon, doc *text.Document) *Reader {
	return &Reader{Lex: lx, Text: doc.Text, Tokens: doc.Tokens, Classes: make([]Class, len(doc.Tokens)), lazy: true}
}

// classified marks a token whose lexicon classes a lazy reader has added.
const classified Class = 1 << 31

// class returns the classes of token i.
func (r *Reader) class(i int) Class {
	c := r.Classes[i]
	if r.lazy && c&classified == 0 {
		if t := r.Tokens[i]; t.Kind == text.Word {
			c |= r.Lex.Classes(r.Text[t.Start:t.End])
		}
		c |= classified
		r.Classes[i] = c
	}
	return c &^ classified
}

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
	kJoin           // / & - dan between parts of an office name
	kParen          // a parenthesis and what it holds (an acronym, an age)
)

// maxPhrase bounds the tokens of one phrase segment.
const maxPhrase = 32

// maxNameWords bounds a name: longer runs of capitalised words are titles
// or headlines, not names.
const maxNameWords = 6

// Word returns the text of token i.
func (r *Reader) Word(i int) string {
	t := r.Tokens[i]
	return r.Text[t.Start:t.End]
}

// Has reports whether token i has one of the classes c.
func (r *Reader) Has(i int, c Class) bool {
	return i >= 0 && i < len(r.Classes) && r.class(i)&c != 0
}

func (r *Reader) blocked(i int) bool { return r.class(i)&Blocked != 0 }

func (r *Reader) is(i int, w string) bool {
	return i >= 0 && i < len(r.Tokens) && r.Word(i) == w
}

func (r *Reader) isPunct(i int, c byte) bool {
	return i >= 0 && i < len(r.Tokens) && r.Tokens[i].Kind == text.Punct && r.Tokens[i].End-r.Tokens[i].Start == 1 && r.Text[r.Tokens[i].Start] == c
}

// isFold reports whether token i is w in any case (w lower case ASCII).
func (r *Reader) isFold(i int, w string) bool {
	return i >= 0 && i < len(r.Tokens) && strings.EqualFold(r.Word(i), w)
}

// isTerminal reports whether token i ends a sentence (. ? ! … and runs).
func (r *Reader) isTerminal(i int) bool {
	if i < 0 || i >= len(r.Tokens) || r.Tokens[i].Kind != text.Punct {
		return false
	}
	switch r.Text[r.Tokens[i].Start] {
	case '.', '?', '!':
		return true
	}
	return r.Word(i) == "…"
}

// isQuoteMark reports whether token i is a double quotation mark.
func (r *Reader) isQuoteMark(i int) bool {
	if r.Tokens[i].Kind != text.Punct {
		return false
	}
	switch r.Word(i) {
	case "“", "„", "«", "»", "”", "\"", "‟", "″":
		return true
	}
	return false
}

// kindOf classifies token i given the kind of the token before it in the
// phrase (kStop at the phrase start).
func (r *Reader) kindOf(i int, prev tkind) tkind {
	if r.blocked(i) {
		return kStop
	}
	t := r.Tokens[i]
	switch t.Kind {
	case text.Word:
	case text.Number:
		if prev == kOrg || prev == kRole {
			return kOrg // RT 05, Nord Stream 2
		}
		return kStop
	case text.Punct:
		switch r.Word(i) {
		case "(":
			if prev != kStop {
				return kParen
			}
		case "/", "&", "-":
			if (prev == kOrg || prev == kRole) && i+1 < len(r.Tokens) && IsUpperStart(r.Word(i+1)) {
				return kJoin
			}
		}
		return kStop
	default:
		return kStop
	}
	w := r.Word(i)
	cls := r.class(i)
	upper := IsUpperStart(w)
	orgish := prev == kRole || prev == kOrg || prev == kJoin
	if w == "dan" && (prev == kOrg || prev == kRole) && i+1 < len(r.Tokens) && IsUpperStart(r.Word(i+1)) &&
		(r.Has(i+1, Office|Role) || derivedNoun(r.Word(i+1))) {
		return kJoin // Menteri Riset dan Teknologi; Dinas Sumber Daya Air dan Bina Marga; Koordinasi dan Supervisi
	}
	if cls&Honorific != 0 {
		if cls&Office == 0 || r.NameLike(i+1) {
			return kHon // Jenderal Listyo, but Direktorat Jenderal Pajak
		}
	}
	switch {
	case cls&NameStart != 0 && upper && r.nameAhead(i+1):
		return kName // Wali Kota Palembang Ratu Dewa; but Raja Yordania
	case cls&Role != 0:
		return kRole
	case cls&(Office|Place) != 0:
		if upper && (cls&Function == 0 || orgish) || !upper && orgish && cls&Function == 0 {
			return kOrg // Menteri Dalam Negeri; anggota tim kuasa hukum; not Ketua DKPP dalam sidang
		}
		return kStop
	case cls&(Function|Pronoun|Cue) != 0:
		return kStop
	case IsAcronym(w):
		return kOrg
	case orgish && IsRoman(w):
		return kOrg // Komisi V, Wilayah IV: a unit's number, never a name
	case upper && nyaAdverb(w):
		return kStop // Awalnya Purbaya: an adverb opening the sentence
	case upper && derivedNoun(w):
		if orgish {
			return kOrg // Menteri Koordinator Bidang Perekonomian
		}
		return kStop
	case upper:
		return kName
	case cls&Particle != 0:
		return kParticle
	}
	return kStop
}

// NameLike reports whether token i is a capitalised word in none of the
// lists.
func (r *Reader) NameLike(i int) bool {
	if i >= len(r.Tokens) || r.Tokens[i].Kind != text.Word || r.class(i)&^(Particle|Blocked) != 0 {
		return false
	}
	w := r.Word(i)
	return IsUpperStart(w) && !IsAcronym(w) && !derivedNoun(w) && !nyaAdverb(w)
}

// nameAhead reports whether token i is a capitalised word that may go on
// a name: no role, office, place or title, no acronym (Juli of Raja Juli
// Antoni may be a month).
func (r *Reader) nameAhead(i int) bool {
	if i >= len(r.Tokens) || r.Tokens[i].Kind != text.Word || r.class(i)&(Role|RoleFirst|Office|Place|Honorific|Pronoun|Blocked) != 0 {
		return false
	}
	w := r.Word(i)
	return IsUpperStart(w) && !IsAcronym(w) && !derivedNoun(w)
}

// nyaAdverb reports whether a capitalised word is an adverb in -nya
// (Awalnya, Sayangnya, Kabarnya), which opens sentences and never a name.
func nyaAdverb(w string) bool {
	return len(w) >= 7 && strings.HasSuffix(w, "nya")
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

// IsAcronym reports whether w is two or more capital letters (KPK, DKI,
// PT), possibly with digits.
func IsAcronym(w string) bool {
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

// IsRoman reports whether w is a Roman numeral of capitals I, V and X (V,
// XI), as units and regions are numbered (Komisi XI, Wilayah V).
func IsRoman(w string) bool {
	if w == "" || len(w) > 5 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if strings.IndexByte("IVX", w[i]) < 0 {
			return false
		}
	}
	return true
}

// IsUpperStart reports whether s starts with an upper-case letter.
func IsUpperStart(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// RoleHeadLen returns how many tokens from i (before end) form a role head
// (1 for Menteri, 2 for juru bicara, 0 for none) and whether the office is
// named after a territory.
func (r *Reader) RoleHeadLen(i, end int) (int, bool) {
	if i >= end || r.Tokens[i].Kind != text.Word {
		return 0, false
	}
	cls := r.class(i)
	if cls&RoleFirst != 0 {
		var words [8]string
		n := 0
		for j := i; j < end && n < min(len(words), r.Lex.maxRoleWords) && r.Tokens[j].Kind == text.Word; j++ {
			words[n] = r.Word(j)
			n++
		}
		if n >= 2 {
			if m, territory := r.Lex.RoleHead(words[:n]); m >= 2 {
				return m, territory
			}
		}
	}
	if cls&Role != 0 {
		return 1, cls&Territory != 0
	}
	return 0, false
}

// scanSeg reads one comma-free segment of a phrase forward from token i
// (before end), writing the kind of token i+k to kinds[k]; it returns where
// the segment ends.
func (r *Reader) scanSeg(i, end int, kinds *[maxPhrase]tkind) int {
	prev := kStop
	forcePlace := false // the word after Bupati, Kabupaten is a place
	named := false      // a name word was seen
	plain := 0          // lower-case words completing a role (pedagang sayur)
	j := i
scan:
	for j < end && j-i < maxPhrase {
		if n, territory := r.RoleHeadLen(j, end); n > 0 && !r.blocked(j) && (n > 1 || r.kindOf(j, prev) == kRole) {
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
		k := r.kindOf(j, prev)
		if k == kStop && !named && plain < 2 && (prev == kRole || plain > 0) && r.plainWord(j) {
			k = kOrg
			plain++
		}
		switch k {
		case kStop:
			break scan
		case kParen:
			c := r.closeParen(j, end)
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
			if prev != kName || !r.NameLike(j+1) || j+1 >= end {
				break scan
			}
		case kName:
			if forcePlace {
				k = kOrg
			} else {
				named = true
			}
		}
		forcePlace = k == kOrg && r.class(j)&Territory != 0 || k == kOrg && forcePlace && IsAcronym(r.Word(j))
		kinds[j-i] = k
		prev = k
		j++
	}
	r.splitInstitution(i, j, kinds)
	return j
}

// splitInstitution gives the proper name of an institution back to the
// role: after Universitas, Bank or PT the capitalised words before the
// person's name name the institution (Universitas Gadjah Mada Zainal
// Mukti), so of a run of n name words ending the segment, all but the last
// two (the last one when n is 2) are the institution's.
func (r *Reader) splitInstitution(i, e int, kinds *[maxPhrase]tkind) {
	n := 0
	for n < e-i && kinds[e-i-1-n] == kName {
		n++
	}
	b := e - n // start of the trailing run
	if n < 2 || b == i || kinds[b-i-1] != kOrg || r.class(b-1)&Institution == 0 {
		return
	}
	for k := b; k < e-max(1, min(2, n-1)); k++ {
		kinds[k-i] = kOrg
	}
}

// plainWord reports whether token i is a lower-case word in none of the
// lists, which may complete a role (pengasuh pondok, warga setempat), and
// not a verb by its prefix (meninjau, berharap, diminta, terlihat).
func (r *Reader) plainWord(i int) bool {
	if r.Tokens[i].Kind != text.Word || r.class(i) != 0 {
		return false
	}
	w := r.Word(i)
	if w[0] < 'a' || w[0] > 'z' {
		return false
	}
	return !HasVerbPrefix(w)
}

// HasVerbPrefix reports whether a word starts like an Indonesian verb
// (meN-, ber-, di-, ter-).
func HasVerbPrefix(w string) bool {
	for _, prefix := range [...]string{"me", "ber", "di", "ter"} {
		if strings.HasPrefix(w, prefix) {
			return true
		}
	}
	return false
}

// closeParen returns the ) closing the ( at i within a few tokens, or -1.
func (r *Reader) closeParen(i, end int) int {
	for j := i + 1; j < end && j <= i+10; j++ {
		switch r.Word(j) {
		case ")":
			return j
		case "(":
			return -1
		}
	}
	return -1
}

// OpenParen returns the ( opening the ) at i, not before lo, or -1.
func (r *Reader) OpenParen(i, lo int) int {
	for j := i - 1; j >= lo && j >= i-10; j-- {
		switch r.Word(j) {
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
func analyse(i, e int, kinds *[maxPhrase]tkind) Phrase {
	p := Phrase{All: Span{i, e}}
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
		p.Name = Span{nb, end}
	} else {
		nb = end
	}
	for k := i; k < nb; k++ {
		if kinds[k-i] == kRole {
			re := nb
			for re > k && (kinds[re-1-i] == kHon || kinds[re-1-i] == kParen) {
				re--
			}
			p.Role = Span{k, re}
			break
		}
	}
	return p
}

// stripTitle returns the end of [st, end) without an honorific of
// several words that closes it (Kepala Bidang Humas Polda Metro Jaya
// Komisaris Besar).
func (r *Reader) stripTitle(st, end int) int {
	var words [8]string
	for k := max(st+1, end-len(words)); k < end-1; k++ {
		n := 0
		for j := k; j < end; j++ {
			words[n] = r.Word(j)
			n++
		}
		if r.Lex.isTitle(words[:n]) {
			return k
		}
	}
	return end
}

// After reads the mention of a person that starts at token i, before end:
// a pronoun; a name, with a role before it (Kepala Polresta Denpasar
// Bambang) or after it between commas (Rahmat Hidayat, anggota tim kuasa
// hukum); or a role whose name follows a comma (juru bicara Gugus Tugas,
// Made Wirawan).
func (r *Reader) After(i, end int) Phrase {
	if i >= end || i >= len(r.Tokens) {
		return Phrase{}
	}
	if r.Has(i, Pronoun) && !r.blocked(i) {
		return Phrase{All: Span{i, i + 1}, Pronoun: true}
	}
	var kinds [maxPhrase]tkind
	e := r.scanSeg(i, end, &kinds)
	if e == i {
		return Phrase{}
	}
	p := analyse(i, e, &kinds)
	for j := e; r.isPunct(j, ',') && j+1 < end; {
		if !p.Name.Empty() {
			if a := r.Appositive(j+1, end); a > j+1 {
				if p.Role.Empty() {
					p.Role = Span{r.SkipArticle(j + 1), a}
				}
				p.All.Last = a
			}
			break
		}
		var k2 [maxPhrase]tkind
		e2 := r.scanSeg(j+1, end, &k2)
		if e2 == j+1 {
			break
		}
		q := analyse(j+1, e2, &k2)
		if q.Name.Last == e2 && q.Role.Empty() && !p.Role.Empty() && onlyKind(&k2, q.Name.First-j-1, kHon) {
			p.Name, p.All.Last = q.Name, e2 // juru bicara ..., Made Wirawan
			break
		}
		if !q.Name.Empty() || p.Role.Empty() || k2[0] != kOrg && k2[0] != kRole {
			break
		}
		p.Role.Last, p.All.Last = e2, e2 // Kepala Dusun Krajan, Kelurahan Sukamaju, ...
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

// SkipArticle skips seorang, sang, sebagai, salah seorang before a role.
func (r *Reader) SkipArticle(i int) int {
	switch {
	case r.isFold(i, "seorang"), r.isFold(i, "sang"), r.isFold(i, "sebagai"):
		return i + 1
	case r.isFold(i, "salah") && (r.isFold(i+1, "seorang") || r.isFold(i+1, "satu")):
		return i + 2
	}
	return i
}

// Appositive returns the end of a role in apposition starting at token i
// (anggota tim kuasa hukum, seorang diplomat veteran), or i when there is
// none: a role head, then words up to a comma, the sentence end or a
// lower-case function word.
func (r *Reader) Appositive(i, end int) int {
	k := r.SkipArticle(i)
	if k >= len(r.Tokens) {
		return i
	}
	if n, _ := r.RoleHeadLen(k, end); n == 0 || r.blocked(k) {
		return i
	}
	e := k
	for e < end && e-i < 16 {
		if r.isPunct(e, ',') || r.isTerminal(e) || r.isQuoteMark(e) || r.blocked(e) || r.is(e, ";") || r.is(e, ":") {
			break
		}
		if w := r.Word(e); !IsUpperStart(w) && r.Has(e, Function|Cue) && e > k {
			break
		}
		e++
	}
	return e
}

// mayBelong reports whether token i could be part of a phrase read
// backwards from its end.
func (r *Reader) mayBelong(i, lo int) bool {
	if r.blocked(i) {
		return false
	}
	switch r.Tokens[i].Kind {
	case text.Number:
		return true
	case text.Punct:
		switch r.Word(i) {
		case "/", "&", "-":
			return true
		}
		return false
	case text.Word:
	default:
		return false
	}
	w := r.Word(i)
	cls := r.class(i)
	if IsUpperStart(w) {
		return cls&Function == 0 || cls&(Office|Place) != 0
	}
	if cls&(Role|RoleFirst|Office|Place|Honorific|Particle) != 0 {
		return true
	}
	if w == "dan" && i > lo && i+1 < len(r.Tokens) && IsUpperStart(r.Word(i-1)) && r.Has(i+1, Office|Role) && IsUpperStart(r.Word(i+1)) {
		return true // Menteri Riset dan Teknologi
	}
	for n := 2; n <= r.Lex.maxRoleWords && i-n+1 >= lo; n++ { // the last word of juru bicara
		if m, _ := r.RoleHeadLen(i-n+1, i+1); m == n {
			return true
		}
	}
	return false
}

// start returns the first token of the phrase that may end at token j
// (not before lo), read backwards over the words that may belong to one
// and over brackets.
func (r *Reader) start(j, lo int) int {
	s := j + 1
	for k := j; k >= lo && j-k < maxPhrase; k-- {
		if r.is(k, ")") {
			o := r.OpenParen(k, lo)
			if o <= lo {
				break
			}
			k = o
			s = o
			continue
		}
		if !r.mayBelong(k, lo) {
			break
		}
		s = k
	}
	return s
}

// Before reads the mention of a person that ends at token j (not before
// lo): Menteri Luar Negeri AS Anthony Blinken | mengatakan.
func (r *Reader) Before(j, lo int) Phrase {
	if j < lo || j < 0 {
		return Phrase{}
	}
	if r.Has(j, Pronoun) && !r.blocked(j) {
		return Phrase{All: Span{j, j + 1}, Pronoun: true}
	}
	var kinds [maxPhrase]tkind
	for st := r.start(j, lo); st <= j; st++ {
		if e := r.scanSeg(st, j+1, &kinds); e == j+1 {
			if p := analyse(st, e, &kinds); p.OK() {
				return p
			}
		}
	}
	return Phrase{}
}

// RoleBefore returns the role printed right before a name that starts at
// token name (not before lo): Menteri Dalam Negeri | Tito Karnavian,
// Kapolda Metro Jaya Irjen | Karyoto (the rank is left out). The role is
// the longest phrase that opens with a role head and reads, as a phrase,
// right up to the name; it is empty when there is none.
func (r *Reader) RoleBefore(name, lo int) Span {
	if name-1 < lo {
		return Span{}
	}
	if r.isPunct(name-1, ',') {
		// Kepala Dinas Kesehatan Jawa Barat, Vini Adiani: a role whose
		// name follows a comma.
		if p := r.Before(name-2, lo); p.Name.Empty() && !p.Role.Empty() && !p.Pronoun {
			return p.Role
		}
		return Span{}
	}
	var kinds [maxPhrase]tkind
	for st := r.start(name-1, lo); st < name; st++ {
		if n, _ := r.RoleHeadLen(st, name); n == 0 {
			continue
		}
		if e := r.scanSeg(st, name, &kinds); e == name {
			end := name
			for end > st && (kinds[end-1-st] == kHon || kinds[end-1-st] == kParen) {
				end--
			}
			end = r.stripTitle(st, end)
			if end > st {
				return Span{st, end}
			}
		}
	}
	return Span{}
}
