package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// charClass is the coarse class of a rune that drives the scanner.
type charClass uint8

const (
	cSep    charClass = iota // white space, control and zero-width characters
	cLetter                  // letters, combining marks and non-ASCII numerals
	cDigit                   // ASCII digits only: number rules read them
	cPunct
	cSymbol
)

// asciiClass classifies ASCII bytes without a Unicode table look-up, the
// common case in Indonesian text.
var asciiClass = func() (t [utf8.RuneSelf]charClass) {
	for c := range utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			t[c] = cLetter
		case '0' <= c && c <= '9':
			t[c] = cDigit
		case c <= ' ' || c == 0x7f:
			t[c] = cSep
		case strings.IndexByte(`#$%&*+<=>@\^|~`, byte(c)) >= 0:
			t[c] = cSymbol
		default:
			t[c] = cPunct
		}
	}
	return t
}()

func classOf(r rune) charClass {
	if r < utf8.RuneSelf {
		return asciiClass[r]
	}
	switch {
	case unicode.IsLetter(r), unicode.IsMark(r), unicode.IsNumber(r):
		return cLetter
	case unicode.IsSpace(r), unicode.IsControl(r), unicode.Is(unicode.Cf, r):
		return cSep // format characters (zero-width, bidi, soft hyphen) are invisible
	case unicode.IsPunct(r):
		return cPunct
	}
	return cSymbol // symbols, emoji, private use and invalid bytes
}

// runeAt decodes the rune at i, with an ASCII fast path.
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func classAt(s string, i int) charClass {
	if i >= len(s) {
		return cSep
	}
	r, _ := runeAt(s, i)
	return classOf(r)
}

func isAlnumAt(s string, i int) bool {
	c := classAt(s, i)
	return c == cLetter || c == cDigit
}

func isDigitAt(s string, i int) bool {
	return i < len(s) && '0' <= s[i] && s[i] <= '9'
}

// Tokenize fills d.Tokens with the surface tokens of d.Text, reusing the
// slice's storage. Tokens are ordered, never overlap, never contain white
// space and always start and end on rune boundaries. See the package
// documentation for what one token is.
func Tokenize(d *Document) {
	toks := d.Tokens[:0]
	if cap(toks) == 0 {
		toks = make([]Token, 0, len(d.Text)/5+16) // news text averages 6 bytes a token
	}
	t := tokenizer{s: d.Text, toks: toks, at: -1}
	t.run()
	d.Tokens = t.toks
}

type tokenizer struct {
	s    string
	toks []Token
	at   int // position of the next '@' at or after the last e-mail check
}

func (t *tokenizer) run() {
	s := t.s
	for i := 0; i < len(s); {
		r, n := runeAt(s, i)
		var end int
		var kind Kind
		switch classOf(r) {
		case cSep:
			i += n
			continue
		case cLetter, cDigit:
			end, kind = t.word(i)
		case cPunct:
			end, kind = punct(s, i, r, n)
		default:
			end, kind = symbol(s, i, r, n)
		}
		t.toks = append(t.toks, Token{Start: i, End: end, Kind: kind})
		i = end
	}
}

// endsPlainWord marks the bytes after which a run of ASCII letters is a
// whole token: white space and punctuation that is never a connector.
var endsPlainWord = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = asciiClass[c] == cSep
	}
	for _, c := range []byte(`,;!?()"[]{}*<>=|~^\`) {
		t[c] = true
	}
	return t
}()

// punct scans a punctuation token: runs of periods and ellipses (... …),
// of ? and !, of hyphens (--) and of backquotes (a doubled backquote opens
// quotations in some web text) are one token; an English possessive 's
// glued to a word is one word token, as in UD.
func punct(s string, i int, r rune, n int) (int, Kind) {
	switch r {
	case '.', '…':
		e := i
		for e < len(s) && (s[e] == '.' || strings.HasPrefix(s[e:], "…")) {
			if s[e] == '.' {
				e++
			} else {
				e += len("…")
			}
		}
		return e, Punct
	case '?', '!':
		return runOf(s, i, "?!"), Punct
	case '-':
		return runOf(s, i, "-"), Punct
	case '`':
		return runOf(s, i, "`"), Punct
	case '\'', '’':
		if e := i + n; e < len(s) && (s[e] == 's' || s[e] == 'S') && !isAlnumAt(s, e+1) && i > 0 {
			if prev, _ := utf8.DecodeLastRuneInString(s[:i]); classOf(prev) == cLetter {
				return e + 1, Word
			}
		}
	}
	return i + n, Punct
}

func runOf(s string, i int, set string) int {
	e := i
	for e < len(s) && strings.IndexByte(set, s[e]) >= 0 {
		e++
	}
	return e
}

// symbol scans a symbol: a hashtag, an @mention, or one symbol rune with the
// combining marks and emoji modifiers (variation selectors, skin tones) that
// follow it.
func symbol(s string, i int, r rune, n int) (int, Kind) {
	switch r {
	case '#':
		if isAlnumAt(s, i+1) || (i+1 < len(s) && s[i+1] == '_') {
			return scanHashtag(s, i+1), Hashtag
		}
	case '@':
		if e := scanHandle(s, i+1); e > i+1 {
			return e, Mention
		}
	}
	e := i + n
	for e < len(s) {
		m, k := runeAt(s, e)
		if !unicode.IsMark(m) && (m < 0x1F3FB || m > 0x1F3FF) {
			break
		}
		e += k
	}
	return e, Symbol
}

func scanHashtag(s string, e int) int {
	for e < len(s) && (isAlnumAt(s, e) || s[e] == '_') {
		_, k := runeAt(s, e)
		e += k
	}
	return e
}

// scanHandle scans the name of an @mention: ASCII letters, digits and
// underscores, with inner periods as Instagram allows.
func scanHandle(s string, e int) int {
	start := e
	for e < len(s) {
		c := s[e]
		switch {
		case isHandleByte(c):
			e++
		case c == '.' && e > start && e+1 < len(s) && isHandleByte(s[e+1]):
			e++
		default:
			return e
		}
	}
	return e
}

func isHandleByte(c byte) bool {
	return c == '_' || c < utf8.RuneSelf && (asciiClass[c] == cLetter || asciiClass[c] == cDigit)
}

// word scans a token starting with a letter or digit.
func (t *tokenizer) word(p int) (int, Kind) {
	s := t.s
	// Fast path for most tokens: ASCII letters ended by white space or by
	// punctuation that never joins or follows an abbreviation.
	j := p
	for j < len(s) && s[j] < utf8.RuneSelf && asciiClass[s[j]] == cLetter {
		j++
	}
	if j > p && (j == len(s) || endsPlainWord[s[j]]) {
		return j, Word
	}
	if hasURLPrefix(s[p:]) {
		return scanURL(s, p), URL
	}
	if e := t.email(p); e > 0 {
		return e, Email
	}
	if isDigitAt(s, p) {
		if e, k := matchDateTime(s, p); e > 0 {
			return e, k
		}
	} else if e, c := abbrevAt(s, p); e > 0 {
		if c == abbrInitial && e == p+2 && t.afterDesignator(p) {
			c = abbrFinal // galian C. Wartawan ...: a class letter, not an initial
		}
		return abbrevEnd(s, e, c), Word
	}
	return t.generic(p)
}

// generic scans runs of letters and digits joined by inner connectors:
// hyphens (monyet-monyet, ke-2, CEO-nya, but not between two numbers: 2-3),
// apostrophes (Jum'at), number separators (1.500.000,50), some slashes
// (S/A, II/2007), ampersands in acronyms (S&P) and underscores. A
// currency code glued to a number (Rp1.500) is split off, and a word with a
// known top-level domain (detik.com) becomes a URL.
func (t *tokenizer) generic(p int) (int, Kind) {
	s := t.s
	q := p
	allNum, domainOK := true, true
	letters, digits := false, false // seen anywhere in the token so far
	for first := true; ; first = false {
		runStart := q
		num, dig := true, false // all digits; some digit
	run:
		for q < len(s) {
			c := s[q]
			if c < utf8.RuneSelf {
				switch asciiClass[c] {
				case cDigit:
					dig = true
				case cLetter:
					num = false
				default:
					break run
				}
				q++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[q:])
			if classOf(r) != cLetter {
				break
			}
			num, domainOK = false, false
			q += n
		}
		if first && !num && dig {
			if e := currencyEnd(s, p, q); e > 0 {
				return e, Word
			}
		}
		allNum = allNum && num
		letters = letters || !num
		digits = digits || dig
		if q < len(s) && (s[q] == '+' || s[q] == '-') && !isAlnumAt(s, q+1) && isRating(s[p:q]) {
			return q + 1, Word // idA-, AA+
		}
		if q+1 >= len(s) {
			break
		}
		width := 1
		join := false
		switch s[q] {
		case '-':
			join = hyphenJoins(s[runStart:q], num, letters && digits, s, q+1)
		case '.':
			if isDigitAt(s, q+1) && (num || isUpperCode(s[runStart:q])) {
				join = true // 1.500.000, PMK.011
			} else if domainOK {
				if e := domainEnd(s, q); e > 0 {
					return e, URL
				}
			}
		case ',', ':':
			join = num && isDigitAt(s, q+1)
			domainOK = domainOK && !join
		case '/':
			join = slashJoins(s[runStart:q], s, q+1, letters && digits)
			domainOK = false
		case '&':
			join = isShortUpper(s[runStart:q]) && isShortUpper(s[q+1:alnumRunEnd(s, q+1)])
			domainOK = false
		case '_':
			join = isAlnumAt(s, q+1)
		case '\'':
			join = !num && apostropheJoins(s, q, 1)
			domainOK = false
		case 0xE2: // ’ U+2019 as an apostrophe
			if strings.HasPrefix(s[q:], "’") {
				width = len("’")
				join = !num && apostropheJoins(s, q, width)
				domainOK = false
			}
		}
		if !join {
			break
		}
		q += width
	}
	if allNum {
		return q, Number
	}
	return q, Word
}

func alnumRunEnd(s string, e int) int {
	for e < len(s) && isAlnumAt(s, e) {
		_, k := runeAt(s, e)
		e += k
	}
	return e
}

// digitRunAt reports whether the letters and digits at e are all digits.
func digitRunAt(s string, e int) bool {
	end := alnumRunEnd(s, e)
	for i := e; i < end; i++ {
		if !isDigitAt(s, i) {
			return false
		}
	}
	return end > e
}

// apostropheJoins reports whether the apostrophe at q (w bytes) sits inside
// a word, letter on both sides (Jum'at, Qur'an), but not as an English
// possessive 's at the end of one (Moody's), which UD splits off.
func apostropheJoins(s string, q, w int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:q])
	if classOf(prev) != cLetter || classAt(s, q+w) != cLetter {
		return false
	}
	if c := s[q+w]; (c == 's' || c == 'S') && !isAlnumAt(s, q+w+1) {
		return false
	}
	return true
}

// hyphenJoins reports whether a hyphen between left (a run of letters and
// digits) and the run at e is inside a word: reduplication (monyet-monyet,
// Raja-Raja), ordinals and clitics (ke-2, CEO-nya), prefixes (non-migas),
// codes (APBN-P, Covid-19). Two numbers (2-3, 2006-2007) and two
// capitalised words (Januari-September, Bapepam-LK, RI-Jepang) are
// separate tokens, as in UD Indonesian-CSUI; Arabic articles (Al-Azhar)
// and reference numbers (105/PUU-XXII/2024: mixed is true) stay whole.
func hyphenJoins(left string, leftNum, mixed bool, s string, e int) bool {
	end := alnumRunEnd(s, e)
	if end == e {
		return false
	}
	if leftNum {
		return !digitRunAt(s, e)
	}
	right := s[e:end]
	l, _ := utf8.DecodeRuneInString(left)
	r, _ := utf8.DecodeRuneInString(right)
	if mixed || !unicode.IsUpper(l) || !unicode.IsUpper(r) || utf8.RuneCountInString(right) < 2 {
		return true
	}
	return strings.EqualFold(left, right) || arabicArticles[left]
}

var arabicArticles = map[string]bool{
	"Al": true, "El": true, "Ad": true, "An": true, "Ar": true, "As": true,
	"Asy": true, "At": true, "Az": true, "Ash": true, "AL": true,
}

// slashJoins reports whether a slash between left and the run at e is part
// of one token: two short letter codes (S/A, C/D, s/d), a Roman numeral
// over a year (II/2007, a bond series or quarter), or a reference number
// mixing letter codes and numbers (34/PMK.011/2007, Kep-176/KM.10/7).
// Other slashes (DPR/MPR, 9.175/9.180, 4/2007) are tokens of their own, as
// in UD Indonesian-CSUI. mixed says the token so far has letters and digits.
func slashJoins(left, s string, e int, mixed bool) bool {
	right := s[e:alnumRunEnd(s, e)]
	if right == "" {
		return false
	}
	if len(left) <= 2 && len(right) <= 2 && isASCIILetters(left) && isASCIILetters(right) {
		return true
	}
	if isRoman(left) && (len(right) == 2 || len(right) == 4) && digitRunAt(s, e) {
		return true
	}
	leftNum, rightNum := isDigits(left), isDigits(right)
	leftCode, rightCode := isUpperCode(left), isUpperCode(right)
	switch {
	case leftNum && rightCode, leftCode && rightNum:
		return true
	case leftNum && rightNum, leftCode && rightCode:
		return mixed
	}
	return false
}

// isUpperCode accepts letter codes of regulation numbers: PMK, KM, SK.
func isUpperCode(s string) bool {
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || asciiClass[s[i]] != cLetter {
			return false
		}
	}
	return s != ""
}

func isRoman(s string) bool {
	if s == "" || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte("IVX", s[i]) < 0 {
			return false
		}
	}
	return true
}

// isRating accepts credit ratings that take a + or - notch: A, AA, BBB and
// Pefindo's idA, idAA.
func isRating(s string) bool {
	s = strings.TrimPrefix(s, "id")
	if s == "" || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] != s[0] {
			return false
		}
	}
	return 'A' <= s[0] && s[0] <= 'C'
}

// isShortUpper accepts the parts of an ampersand acronym: S&P, E&P, AT&T.
func isShortUpper(s string) bool {
	if s == "" || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// currencies are the codes news glues to an amount (Rp1.500, USD5), as
// they are written; US$5 needs no entry, the $ splits it.
var currencies = [...]string{"Rp", "RP", "rp", "IDR", "USD", "SGD", "EUR", "JPY", "MYR", "RM", "AUD", "CNY", "HKD", "GBP", "SAR"}

// currencyEnd returns where a currency code glued to a number ends (Rp1.500
// gives Rp), or 0.
func currencyEnd(s string, p, q int) int {
	d := p
	for d < q && s[d] < utf8.RuneSelf && asciiClass[s[d]] == cLetter {
		d++
	}
	if d == p || d == q || !isDigitAt(s, d) {
		return 0
	}
	code := s[p:d]
	for _, c := range currencies {
		if c == code {
			return d
		}
	}
	return 0
}

// tlds are the top-level and second-level labels that make word.label a
// domain (detik.com, KOMPAS.com, tempo.co, antaranews.co.id) rather than a
// missing space after a period.
var tlds = map[string]bool{
	"com": true, "id": true, "net": true, "org": true, "co": true, "go": true,
	"ac": true, "sch": true, "or": true, "my": true, "web": true, "biz": true,
	"info": true, "io": true, "tv": true, "news": true, "gov": true, "edu": true,
	"uk": true, "us": true, "sg": true, "au": true, "jp": true, "cn": true,
	"eu": true, "int": true, "app": true, "dev": true, "ai": true, "me": true,
}

// domainEnd is called at a period after an ASCII word; it returns the end
// of the domain name (and path) if the labels after it end in a known TLD.
func domainEnd(s string, q int) int {
	e := q
	last := ""
	for e < len(s) && s[e] == '.' {
		j := e + 1
		for j < len(s) && (isHandleByte(s[j]) || s[j] == '-') {
			j++
		}
		if j == e+1 {
			break
		}
		last = s[e+1 : j]
		e = j
	}
	if last == "" || isAlnumAt(s, e) || isTitleCase(last) || !tlds[lowerASCII(last)] {
		return 0
	}
	if e < len(s) && s[e] == '/' {
		return scanURL(s, e)
	}
	return e
}

// isTitleCase reports whether an ASCII label is capitalised (Id, Co): a
// sentence start after a missing space, not a TLD.
func isTitleCase(s string) bool {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// lowerASCII lowercases short labels; it allocates only when s has
// uppercase letters, which domains in running text rarely do.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func hasURLPrefix(s string) bool {
	if len(s) < 4 {
		return false
	}
	switch s[0] | 0x20 {
	case 'h':
		return hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://")
	case 'w':
		return hasPrefixFold(s, "www.") && len(s) > 4 && isAlnumAt(s, 4)
	case 'f':
		return hasPrefixFold(s, "ftp://")
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// scanURL scans to the end of a URL: up to white space, a non-ASCII
// punctuation mark or a character URLs never hold unescaped, then drops
// trailing punctuation that belongs to the sentence (and an unbalanced
// closing parenthesis).
func scanURL(s string, p int) int {
	e := p
	for e < len(s) {
		c := s[e]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == 0x7f || strings.IndexByte("\"<>`{}|\\^", c) >= 0 {
				break
			}
			e++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[e:])
		if classOf(r) != cLetter {
			break
		}
		e += n
	}
	for e > p+1 {
		switch s[e-1] {
		case '.', ',', ';', ':', '!', '?', '\'', ']', '}':
			e--
			continue
		case ')':
			if strings.Count(s[p:e], "(") < strings.Count(s[p:e], ")") {
				e--
				continue
			}
		}
		break
	}
	return e
}

// afterDesignator reports whether the token before p, on the same line, is
// one of the designators.
func (t *tokenizer) afterDesignator(p int) bool {
	if len(t.toks) == 0 {
		return false
	}
	prev := t.toks[len(t.toks)-1]
	w := t.s[prev.Start:prev.End]
	if prev.Kind != Word || len(w) > 10 || strings.IndexByte(t.s[prev.End:p], '\n') >= 0 {
		return false
	}
	var buf [10]byte
	for i := 0; i < len(w); i++ {
		buf[i] = w[i] | 0x20 // ASCII lowercase; designators are plain ASCII letters
	}
	return tables.Get().designators[string(buf[:len(w)])]
}

// email returns the end of an e-mail address starting at p, or 0. The next
// '@' is searched for once and remembered, so text without addresses costs
// one IndexByte.
func (t *tokenizer) email(p int) int {
	s := t.s
	if t.at < p {
		t.at = len(s)
		if k := strings.IndexByte(s[p:], '@'); k >= 0 {
			t.at = p + k
		}
	}
	a := t.at
	if a >= len(s) || a-p > 64 {
		return 0
	}
	for k := p; k < a; k++ {
		c := s[k]
		if !isHandleByte(c) && strings.IndexByte(".%+-", c) < 0 {
			return 0
		}
	}
	e, dots := a+1, 0
domain:
	for e < len(s) {
		c := s[e]
		switch {
		case isHandleByte(c) || c == '-':
			e++
		case c == '.' && e > a+1 && e+1 < len(s) && isHandleByte(s[e+1]):
			e++
			dots++
		default:
			break domain
		}
	}
	if dots == 0 {
		return 0
	}
	return e
}

// matchDateTime recognises, at a digit, a date (20/10/2025, 20/10,
// 20-10-2025, 2025-10-20, 20.10.2025) or a clock time (14.30, 14:30,
// 14:30:05) and returns its end and kind, or 0. Without a year, d.m is a
// time and d/m a date; 4,5 and 1.500 never match (two-digit minutes only).
func matchDateTime(s string, p int) (int, Kind) {
	a, i := readDigits(s, p)
	na := i - p
	if i+1 >= len(s) {
		return 0, 0
	}
	sep := s[i]
	if sep != '/' && sep != '-' && sep != '.' && sep != ':' {
		return 0, 0
	}
	b, j := readDigits(s, i+1)
	nb := j - i - 1
	if nb == 0 {
		return 0, 0
	}
	c, k, nc := 0, j, 0
	if j+1 < len(s) && s[j] == sep {
		c, k = readDigits(s, j+1)
		nc = k - j - 1
	}
	if sep != ':' {
		if na <= 2 && nb <= 2 && isDay(a) && isMonth(b) && (nc == 4 || nc == 2 && sep != '.') && dateTimeEnds(s, k) {
			return k, Date
		}
		if sep == '-' && na == 4 && nb == 2 && nc == 2 && isMonth(b) && isDay(c) && dateTimeEnds(s, k) {
			return k, Date
		}
		if sep == '/' && nc == 0 && na <= 2 && nb <= 2 && isDay(a) && isMonth(b) && dateTimeEnds(s, j) {
			return j, Date
		}
	}
	if (sep == '.' || sep == ':') && na <= 2 && nb == 2 && a <= 24 && b <= 59 {
		if nc == 2 && c <= 59 && dateTimeEnds(s, k) {
			return k, Time
		}
		if dateTimeEnds(s, j) {
			return j, Time
		}
	}
	return 0, 0
}

// readDigits reads ASCII digits from i and returns their value (capped, as
// only small values are compared) and where they end.
func readDigits(s string, i int) (int, int) {
	v := 0
	for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
		if v < 1e6 {
			v = v*10 + int(s[i]-'0')
		}
	}
	return v, i
}

func isDay(v int) bool   { return 1 <= v && v <= 31 }
func isMonth(v int) bool { return 1 <= v && v <= 12 }

// dateTimeEnds reports whether a date or time may end at e: not inside a
// word and not before more number groups (1.500.000, 20/10/2025/1).
func dateTimeEnds(s string, e int) bool {
	if e >= len(s) {
		return true
	}
	if isAlnumAt(s, e) {
		return false
	}
	return strings.IndexByte(".,:/", s[e]) < 0 || !isDigitAt(s, e+1)
}

// abbrevEnd decides whether an abbreviation keeps its period. It gives the
// period up to the sentence when the abbreviation ends its line, or when a
// final-class one (dll., Tbk.) is followed by an uppercase word that is not
// another abbreviation (Co. Ltd. stays whole).
func abbrevEnd(s string, e int, c abbrClass) int {
	q := e
	for q < len(s) {
		r, n := runeAt(s, q)
		if !isCloser(r) {
			break
		}
		q += n
	}
	spaced := false
	for q < len(s) && s[q] != '\n' && classAt(s, q) == cSep {
		_, n := runeAt(s, q)
		q += n
		spaced = true
	}
	if q == len(s) || s[q] == '\n' {
		return e - 1
	}
	if c != abbrFinal || !spaced || !upperAhead(s, q) {
		return e
	}
	if next, _ := abbrevAt(s, q); next > 0 {
		return e
	}
	return e - 1
}

// upperAhead reports whether the text at q, after any opening quotes,
// starts with an uppercase letter. A bracket after an abbreviation opens an
// aside (Tbk. (BBRI)), not a sentence.
func upperAhead(s string, q int) bool {
	for q < len(s) {
		r, n := runeAt(s, q)
		if !isOpener(r) || r == '(' || r == '[' || r == '{' {
			return unicode.IsUpper(r) || unicode.IsTitle(r)
		}
		q += n
	}
	return false
}

// isOpener and isCloser list the marks that open and close a quotation or a
// parenthesis. ASCII quotes and ” are both; spacing decides (see sentence.go).
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '`', '“', '‘', '”', '’', '«', '‹', '„', '(', '[', '{':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '“', '»', '›', ')', ']', '}':
		return true
	}
	return false
}
