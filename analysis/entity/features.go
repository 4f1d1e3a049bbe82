package entity

// Feature templates. Each feature is a template number mixed with a value
// hash and folded into one of the model's buckets; a bucket holds one
// weight per label. The numbers are part of the model format: renumbering
// them invalidates a trained model (the model records featureVersion).
const (
	fBias = iota + 1
	fWord
	fWordPrev
	fWordNext
	fWordPrev2
	fWordNext2
	fBigramPrev
	fBigramNext
	fPrefix
	fSuffix
	fShape
	fShapeCtx
	fFlags
	fCapCtx
	fCluster
	fClusterPrev
	fClusterNext
	fCase
	fCasePrev
	fCaseNext
	fGaz
	fGazPrev
	fGazNext
	fLength
	fStem
	fPrevWordShape
	fNextWordShape
	fClusterPair
	fWordTrigram
)

// domainTemplates are the templates that get a copy per domain besides the
// shared one: the bias, the word itself, its shape and capitalisation,
// gazetteer hits and clusters, where the sets' conventions differ most.
// Copying every template did no better on the dev splits and doubles the
// work.
const domainTemplates = 1<<fBias | 1<<fWord | 1<<fShape | 1<<fFlags | 1<<fCapCtx | 1<<fCase | 1<<fGaz | 1<<fCluster

// featureVersion changes whenever the templates or their values change.
const featureVersion = 1

// tokenInfo is what the featuriser knows about one token, computed once per
// token and shared by the token's own features and its neighbours'.
type tokenInfo struct {
	orig    uint64 // hash of the form as printed
	word    uint64 // hash of the lower-case form
	shape   uint64 // hash of the compressed shape
	stem    uint64 // hash of the form without common affixes
	prefix  [3]uint64
	suffix  [3]uint64
	flags   uint8 // shape flags
	lex     lexValue
	gaz     uint16 // gazetteer position tags (gazBits)
	length  uint8
	initial bool // first word of the sentence (or after an opening quote)
}

// sentence boundary markers for the context features.
var (
	padBefore = tokenInfo{word: hashString(fnvOffset, "<s>"), orig: hashString(fnvOffset, "<s>"), shape: hashString(fnvOffset, "<s>"), flags: 0xff}
	padAfter  = tokenInfo{word: hashString(fnvOffset, "</s>"), orig: hashString(fnvOffset, "</s>"), shape: hashString(fnvOffset, "</s>"), flags: 0xfe}
)

// featurizer turns a sentence into the bucket indices of its features. It
// keeps its buffers between sentences: the tagger's hot loop allocates
// nothing once they have grown.
type featurizer struct {
	m      *Model
	lower  []byte
	info   []tokenInfo
	feats  []uint32 // bucket indices, token after token
	starts []int32  // feats[starts[i]:starts[i+1]] are token i's
	hashes []uint64 // lower-case word hashes
	gaz    []uint16
	mask   uint64 // bucket mask
	salt   uint64 // domain copy salt, 0 for the shared domain
}

// prepare fills f.info for the sentence's tokens.
func (f *featurizer) prepare(words []string) {
	n := len(words)
	if cap(f.info) < n {
		f.info = make([]tokenInfo, n, 2*n)
		f.hashes = make([]uint64, n, 2*n)
	}
	f.info, f.hashes = f.info[:n], f.hashes[:n]
	initial := true
	for i, w := range words {
		ti := &f.info[i]
		f.fill(ti, w)
		f.hashes[i] = ti.word
		ti.initial = initial
		initial = opensClause(w)
	}
	f.gaz, _ = f.m.gaz.tag(words, f.hashes, f.gaz[:0], nil)
	for i := range f.info {
		f.info[i].gaz = f.gaz[i]
	}
}

// fill sets what ti knows of the token w alone: all but its gazetteer
// bits and whether it opens the sentence.
func (f *featurizer) fill(ti *tokenInfo, w string) {
	f.lower = lowerInto(f.lower[:0], w)
	lw := f.lower
	*ti = tokenInfo{}
	ti.word = hashBytes(fnvOffset, lw)
	ti.orig = hashString(fnvOffset, w)
	ti.flags, ti.shape = shapeOf(w)
	for k := range 3 {
		l := k + 2
		if len(lw) > l {
			ti.prefix[k] = hashBytes(fnvOffset, lw[:l])
			ti.suffix[k] = hashBytes(fnvOffset, lw[len(lw)-l:])
		}
	}
	ti.stem = hashBytes(fnvOffset, stem(lw))
	ti.lex = f.m.lex.get(ti.word)
	ti.length = uint8(min(len(lw), 12))
}

// opensClause reports whether a capital after the token says nothing about
// a name, as at the start of a sentence: opening quotes and brackets,
// dashes, colons.
func opensClause(w string) bool {
	if len(w) > 3 {
		return false
	}
	switch w {
	case "\"", "“", "'", "‘", "(", "[", ":", "-", "–", "—", "«":
		return true
	}
	return false
}

func (f *featurizer) at(i int) *tokenInfo {
	switch {
	case i < 0:
		return &padBefore
	case i >= len(f.info):
		return &padAfter
	}
	return &f.info[i]
}

// Features fall in three groups, so that the tagger can cache the sums of
// the first two: those of the token alone (its word, affixes, shape,
// clusters, gazetteer hits), those of one neighbour at a given offset (the
// word before, its cluster, ...), and those that combine neighbours
// (bigrams, shape and capitalisation patterns). Training sees them as one
// list; the sums are the same either way.

// setDomain sets the domain whose feature copies emit adds.
func (f *featurizer) setDomain(domain int) {
	f.mask = uint64(1)<<f.m.hashBits - 1
	f.salt = 0
	if domain > 0 {
		f.salt = mix(uint64(domain) * 0x9e3779b97f4a7c15)
	}
}

// tplMul spreads template numbers over the hash space.
const tplMul = 0xd6e8feb86659fd93

// emit appends the bucket of one feature, and of its domain copy.
func (f *featurizer) emit(tpl uint64, v uint64) {
	f.feats = appendFeature(f.feats, tpl, v, f.mask, f.salt)
}

// appendFeature appends to out the bucket of a feature, and of its copy
// for the domain whose salt is given (0: none).
func appendFeature(out []uint32, tpl, v, mask, salt uint64) []uint32 {
	h := mix(v ^ tpl*tplMul)
	out = append(out, uint32(h&mask))
	if salt != 0 && domainTemplates&(1<<tpl) != 0 {
		out = append(out, uint32(mix(h^salt)&mask))
	}
	return out
}

// selfFeatures emits the features of token t alone.
func (f *featurizer) selfFeatures(t *tokenInfo) {
	init := uint64(0)
	if t.initial {
		init = 1
	}
	f.emit(fBias, 0)
	f.emit(fWord, t.word)
	for k := range 3 {
		if t.prefix[k] != 0 {
			f.emit(fPrefix, t.prefix[k]+uint64(k))
			f.emit(fSuffix, t.suffix[k]+uint64(k))
		}
	}
	f.emit(fStem, t.stem)
	f.emit(fShape, t.shape*2+init)
	f.emit(fFlags, uint64(t.flags)<<1|init)
	f.emit(fLength, uint64(t.length))
	if co, mi, fi := t.lex.clusters(); fi != 0 {
		f.emit(fCluster, 1<<20|uint64(co))
		f.emit(fCluster, 2<<20|uint64(mi))
		f.emit(fCluster, 3<<20|uint64(fi))
	}
	f.emit(fCase, uint64(t.lex.caseBucket())<<2|init<<1|uint64(t.flags&shUpperFirst))
	if t.gaz != 0 {
		f.emit(fGaz, uint64(t.gaz))
		for b := range 2 * int(gazKinds) {
			if t.gaz&(1<<b) != 0 {
				f.emit(fGaz, uint64(1000+b))
			}
		}
	}
}

// neighbourFeatures emits the features that token n contributes to a
// token as its neighbour at offset off: -1 is the word before, 2 the
// second word after.
func (f *featurizer) neighbourFeatures(n *tokenInfo, off int) {
	switch off {
	case -2:
		f.emit(fWordPrev2, n.word)
	case 2:
		f.emit(fWordNext2, n.word)
	case -1:
		_, _, fi := n.lex.clusters()
		f.emit(fWordPrev, n.word)
		f.emit(fClusterPrev, uint64(fi))
		f.emit(fCasePrev, uint64(n.lex.caseBucket()))
		f.emit(fGazPrev, uint64(n.gaz))
	case 1:
		_, _, fi := n.lex.clusters()
		f.emit(fWordNext, n.word)
		f.emit(fClusterNext, uint64(fi))
		f.emit(fCaseNext, uint64(n.lex.caseBucket()))
		f.emit(fGazNext, uint64(n.gaz))
	}
}

// pairFeatures emits the features that combine token i with its
// neighbours.
func (f *featurizer) pairFeatures(i int) {
	p, t, q := f.at(i-1).pairCtx(), f.info[i].pairCtx(), f.at(i+1).pairCtx()
	f.feats = appendPairFeatures(f.feats, &p, &t, &q, f.info[i].initial, f.mask, f.salt)
}

// pairCtx is what the pair features read of a token.
type pairCtx struct {
	word, shape uint64
	mid         uint32 // middle cluster + 1
	flags       uint8
}

func (t *tokenInfo) pairCtx() pairCtx {
	_, mid, _ := t.lex.clusters()
	return pairCtx{word: t.word, shape: t.shape, mid: mid, flags: t.flags}
}

var padCtxBefore, padCtxAfter = padBefore.pairCtx(), padAfter.pairCtx()

// appendPairFeatures appends the buckets of the pair features of token t
// between p and q, as appendFeature does.
func appendPairFeatures(out []uint32, p, t, q *pairCtx, initial bool, mask, salt uint64) []uint32 {
	init := uint64(0)
	if initial {
		init = 1
	}
	out = appendFeature(out, fBigramPrev, p.word*31+t.word, mask, salt)
	out = appendFeature(out, fBigramNext, t.word*31+q.word, mask, salt)
	out = appendFeature(out, fWordTrigram, (p.word*31+t.word)*31+q.word, mask, salt)
	out = appendFeature(out, fShapeCtx, (p.shape*31+t.shape)*31+q.shape, mask, salt)
	out = appendFeature(out, fCapCtx, uint64(p.flags&shUpperFirst)<<16|uint64(t.flags&shUpperFirst)<<8|uint64(q.flags&shUpperFirst)|init<<24, mask, salt)
	out = appendFeature(out, fPrevWordShape, p.word*31+t.shape, mask, salt)
	out = appendFeature(out, fNextWordShape, t.shape*31+q.word, mask, salt)
	out = appendFeature(out, fClusterPair, uint64(p.mid)<<32|uint64(t.mid)<<16|uint64(q.mid), mask, salt)
	return out
}

// neighbourOffsets are the offsets whose tokens contribute features.
var neighbourOffsets = [...]int{-2, -1, 1, 2}

// extract fills f.feats and f.starts with every feature of every token of
// the sentence prepared last, in the given domain: the form training
// uses.
func (f *featurizer) extract(domain int) {
	f.setDomain(domain)
	f.feats = f.feats[:0]
	f.starts = append(f.starts[:0], 0)
	for i := range f.info {
		f.selfFeatures(&f.info[i])
		for _, off := range neighbourOffsets {
			f.neighbourFeatures(f.at(i+off), off)
		}
		f.pairFeatures(i)
		f.starts = append(f.starts, int32(len(f.feats)))
	}
}

// stem strips the commonest inflectional and derivational affixes so that
// menyatakan, dinyatakan and pernyataan share a feature: enough for a
// feature, far from a full stemmer.
func stem(w []byte) []byte {
	for _, suf := range [...]string{"nya", "lah", "kah", "kan", "an", "i"} {
		if len(w) > len(suf)+3 && string(w[len(w)-len(suf):]) == suf {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	for _, pre := range [...]string{"meny", "meng", "mem", "men", "me", "peny", "peng", "pem", "pen", "pe", "di", "ber", "ter", "ke", "se"} {
		if len(w) > len(pre)+3 && string(w[:len(pre)]) == pre {
			return w[len(pre):]
		}
	}
	return w
}
