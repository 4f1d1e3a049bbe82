package syntax

import (
	"unicode"
	"unicode/utf8"

	"github.com/warta-news/warta/analysis/internal/linear"
)

// Features are hashes: each token's attributes (its lower-cased form,
// affixes, shape) are hashed once per sentence, and a feature mixes a
// template number with a few of those hashes, so that no feature builds a
// string.

// mix folds parts into the hash of template t.
func mix(t uint64, parts ...uint64) uint64 {
	h := (t + 1) * 0x9E3779B97F4A7C15
	for _, p := range parts {
		h = (h ^ p) * 0xBF58476D1CE4E5B9
		h ^= h >> 31
	}
	return h
}

// row is a feature's row in a table of 2^bits rows.
func row(h uint64, bits uint8) uint32 { return linear.Hasher(h).Row(bits) }

// none stands for an absent token, root for the root node.
const (
	none uint64 = 0x6E6F6E65
	root uint64 = 0x726F6F74
)

// token holds the hashes of one token's attributes.
type token struct {
	form, prefix2, prefix3, suffix2, suffix3, shape uint64
}

// hashString hashes s under kind, lower-casing ASCII (linear.Hasher).
func hashString(kind byte, s string) uint64 { return uint64(linear.Start(kind).Add(s)) }

// newToken hashes a form's attributes. Indonesian marks word class in
// its affixes (me-, di-, ber-, ter-, pe-; -kan, -an, -nya), so the first
// and last two and three letters stand in for unseen words.
func newToken(form string) token {
	return token{
		form:    hashString('w', form),
		prefix2: hashString('p', firstRunes(form, 2)),
		prefix3: hashString('P', firstRunes(form, 3)),
		suffix2: hashString('s', lastRunes(form, 2)),
		suffix3: hashString('S', lastRunes(form, 3)),
		shape:   shape(form),
	}
}

// shape classes a form by its first letter's case and whether it holds
// digits, hyphens or no letters at all.
func shape(form string) uint64 {
	var s uint64
	r, _ := utf8.DecodeRuneInString(form)
	switch {
	case unicode.IsUpper(r):
		s = 1
	case unicode.IsDigit(r):
		s = 2
	case !unicode.IsLetter(r):
		s = 3
	}
	upper, digit, hyphen := true, false, false
	for _, c := range form {
		upper = upper && !unicode.IsLower(c)
		digit = digit || unicode.IsDigit(c)
		hyphen = hyphen || c == '-'
	}
	if upper && s == 1 && utf8.RuneCountInString(form) > 1 {
		s = 4
	}
	if digit {
		s |= 8
	}
	if hyphen {
		s |= 16
	}
	return 0x5348 + s
}

func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// tagFeatures appends the tagger's feature rows for token i, given the
// tags chosen for the tokens before it (class indices, hashed by tagHash).
func tagFeatures(rows []uint32, bits uint8, toks []token, tags []uint64, i int) []uint32 {
	at := func(k int) token {
		if k < 0 || k >= len(toks) {
			return token{form: none, prefix2: none, prefix3: none, suffix2: none, suffix3: none, shape: none}
		}
		return toks[k]
	}
	tag := func(k int) uint64 {
		if k < 0 {
			return none
		}
		return tags[k]
	}
	w, p1, n1 := at(i), at(i-1), at(i+1)
	t1, t2 := tag(i-1), tag(i-2)
	for _, h := range [...]uint64{
		mix(0),
		mix(1, w.form), mix(2, p1.form), mix(3, n1.form),
		mix(6, w.prefix2), mix(7, w.prefix3), mix(8, w.suffix2), mix(9, w.suffix3), mix(10, w.shape),
		mix(11, t1), mix(12, t1, t2), mix(13, t1, w.form), mix(14, p1.form, w.form), mix(15, w.form, n1.form),
		mix(16, n1.suffix3), mix(17, n1.prefix2),
		mix(20, t1, w.suffix3), mix(21, t1, w.prefix2),
	} {
		rows = append(rows, row(h, bits))
	}
	return rows
}

// sentence is the parser's view of one sentence: node 0 is the root.
type sentence struct {
	toks []token  // per node
	tags []uint64 // per node: the tag's hash
}

func (x *sentence) form(i int) uint64 {
	if i < 0 {
		return none
	}
	return x.toks[i].form
}

func (x *sentence) tag(i int) uint64 {
	if i < 0 {
		return none
	}
	return x.tags[i]
}

// relOf is the hash of node i's relation so far, none when it has none.
func relOf(s *state, rels []uint64, i int) uint64 {
	if i < 0 || s.rels[i] < 0 {
		return none
	}
	return rels[s.rels[i]]
}

// distance buckets the distance between two nodes.
func distance(a, b int) uint64 {
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d > 10:
		d = 11
	case d > 5:
		d = 6
	}
	return uint64(d)
}

func count(n int) uint64 { return uint64(min(n, 3)) }

// transitionFeatures appends the rows of the features the transition
// classifier reads in state s (after Zhang and Nivre 2011: words and
// tags of the stack's top two and the buffer's first three, the top's
// head and outer dependents, distance and valency).
func transitionFeatures(rows []uint32, bits uint8, x *sentence, s *state, rels []uint64) []uint32 {
	s0, s1 := s.top(), -1
	if len(s.stack) > 1 {
		s1 = s.stack[len(s.stack)-2]
	}
	b0, b1, b2 := -1, -1, -1
	if s.next <= s.n {
		b0 = s.next
	}
	if s.next+1 <= s.n {
		b1 = s.next + 1
	}
	if s.next+2 <= s.n {
		b2 = s.next + 2
	}
	s0h := s.heads[s0]
	s0l, s0r, b0l := s.left[s0], s.right[s0], -1
	if b0 >= 0 {
		b0l = s.left[b0]
	}
	s0w, s0p, b0w, b0p := x.form(s0), x.tag(s0), x.form(b0), x.tag(b0)
	b1w, b1p, b2p, s1p := x.form(b1), x.tag(b1), x.tag(b2), x.tag(s1)
	var s0x, b0x token
	if b0 >= 0 {
		b0x = x.toks[b0]
	}
	s0x = x.toks[s0]
	d := none
	if b0 >= 0 {
		d = distance(s0, b0)
	}
	hasHead := uint64(0)
	if s0h >= 0 {
		hasHead = 1
	}
	var vl, vr, bl uint64 = count(s.nLeft[s0]), count(s.nRight[s0]), none
	if b0 >= 0 {
		bl = count(s.nLeft[b0])
	}
	for _, h := range [...]uint64{
		mix(100),
		mix(101, s0w), mix(102, s0p), mix(103, s0w, s0p),
		mix(104, b0w), mix(105, b0p), mix(106, b0w, b0p),
		mix(107, b1w), mix(108, b1p), mix(109, b1w, b1p), mix(110, b2p),
		mix(111, s1p), mix(113, s1p, s0p),
		mix(120, s0w, s0p, b0w, b0p), mix(125, s0w, b0w), mix(126, s0p, b0p),
		mix(127, b0p, b1p),
		mix(130, b0p, b1p, b2p), mix(131, s0p, b0p, b1p), mix(132, x.tag(s0h), s0p, b0p),
		mix(133, s0p, x.tag(s0l), b0p), mix(134, s0p, x.tag(s0r), b0p), mix(135, s0p, b0p, x.tag(b0l)),
		mix(136, s1p, s0p, b0p),
		mix(141, s0p, d), mix(143, b0p, d), mix(144, s0p, b0p, d),
		mix(151, s0p, vr), mix(153, s0p, vl), mix(155, b0p, bl),
		mix(160, relOf(s, rels, s0)), mix(161, relOf(s, rels, s0l)), mix(162, relOf(s, rels, s0r)), mix(163, relOf(s, rels, b0l)),
		mix(164, s0p, relOf(s, rels, s0), b0p), mix(165, s0p, hasHead), mix(166, s0p, hasHead, b0p),
		mix(170, s0x.prefix2, b0x.prefix2), mix(171, s0x.suffix3), mix(172, b0x.suffix3), mix(173, b0x.prefix3),
	} {
		rows = append(rows, row(h, bits))
	}
	return rows
}

// labelFeatures appends the rows of the features the label classifier
// reads for an arc from head h to dependent dep made in state s.
func labelFeatures(rows []uint32, bits uint8, x *sentence, s *state, rels []uint64, h, dep int) []uint32 {
	dir := uint64(1)
	if dep < h {
		dir = 2
	}
	hw, hp, dw, dp := x.form(h), x.tag(h), x.form(dep), x.tag(dep)
	if h == 0 {
		hw, hp = root, root
	}
	dist := distance(h, dep)
	hr := relOf(s, rels, h)
	var lastSide uint64 = none // the head's latest dependent on the same side
	if dep < h {
		lastSide = relOf(s, rels, s.left[h])
	} else {
		lastSide = relOf(s, rels, s.right[h])
	}
	next := -1
	if s.next+1 <= s.n {
		next = s.next + 1
	}
	dx := x.toks[dep]
	for _, f := range [...]uint64{
		mix(200, dir), mix(205, dir, hp, dp), mix(206, dir, hw, dp), mix(207, dir, hp, dw), mix(208, dir, hw, dw),
		mix(209, dir, hp, dp, dist), mix(211, dir, hp, dp, lastSide), mix(212, dir, dp, relOf(s, rels, s.left[dep])),
		mix(213, dir, hp, dp, x.tag(next)), mix(214, dir, dx.prefix2, hp), mix(210, dir, hp, dp, hr),
	} {
		rows = append(rows, row(f, bits))
	}
	return rows
}
