package entity

import (
	"math/bits"
	"unicode/utf8"
)

// The tagger's hot path. Training sees each token's features as one list
// (featurizer.extract); tagging computes the same sums with far fewer
// look-ups in the weight table, which is too large for the processor's
// cache, so that each look-up is a wait for memory:
//
//   - A token's own features and what it adds to each of its four
//     neighbours depend only on the word as printed, its gazetteer bits and
//     whether it opens the sentence. The five sums are kept per word type
//     in a cache that lives with the tagger across sentences and articles:
//     in news most tokens are frequent words, and a token costs one cache
//     entry instead of some thirty look-ups.
//   - The features that combine a token with its neighbours (bigrams,
//     shape and capitalisation patterns) are looked up for each token.
//   - Every row a sentence needs, the cache slots of its word types and
//     the lexicon entries of the types the cache lacks are first touched
//     in tight loops, where the processor waits for many at once, and only
//     then summed.
//   - The rows come from a copy of the weights laid out for the domain
//     (domainTable) with only the labels the domain may emit: for news a
//     16-byte row per bucket, aligned, where the model's rows are 22
//     bytes and straddle cache lines.
//   - Viterbi runs over the domain's labels alone.
//
// The sums are exact integers, so tags are the same as the plain sum of
// every feature gives (TestFastEmissions).

// block is eight lanes of a row of label scores while they are summed:
// a row is one block for up to eight labels (news has seven), more for
// more.
type block = [8]int32

// A domainTable is one domain's weights laid out for tagging.
type domainTable struct {
	gen    uint64 // the model's gen when it was built
	domain int
	labels []int // compact label → model label
	// blocks is the number of blocks of a row: 1, 2 or 4, with as many
	// lanes as labels or more.
	blocks int
	// w is the emission weights, one row of 2·blocks words per bucket:
	// the int16 weight of compact label k is bits 16·(k%4) of word k/4,
	// offset by 0x8000 so that the words sum four lanes at a time
	// (addRows). A news row is 16 bytes and never straddles a cache line.
	w []uint64
	// start is the transitions from the sentence start to each compact
	// label, trans[l*K+p] from label p to label l; -Inf where a label
	// cannot follow.
	start, trans []float32
	// trans8 is trans for up to eight labels, trans8[l][p], the lanes
	// past the labels -Inf; preds8[l] has bit p set where label l may
	// follow label p.
	trans8 *[8][8]float32
	preds8 [8]uint8
	// pad is what the sentence padding adds to a token, as its neighbour
	// at offsets -2, -1, 1 and 2, one row each.
	pad  []block
	mask uint64 // bucket mask
	salt uint64 // domain copy salt, 0 for the shared domain
}

// table returns domain d's table, building it on first use (and anew
// after training changed the weights).
func (m *Model) table(d int) *domainTable {
	if dt := m.tables[d].Load(); dt != nil && dt.gen == m.gen {
		return dt
	}
	m.tablesMu.Lock()
	defer m.tablesMu.Unlock()
	if dt := m.tables[d].Load(); dt != nil && dt.gen == m.gen {
		return dt
	}
	dt := m.buildTable(d)
	m.tables[d].Store(dt)
	return dt
}

func (m *Model) buildTable(d int) *domainTable {
	labels := m.domainLabels[d]
	K, L := len(labels), m.nLabels
	dt := &domainTable{gen: m.gen, domain: d, labels: labels, blocks: 1}
	for 8*dt.blocks < K {
		dt.blocks *= 2
	}
	W := 2 * dt.blocks // words per row
	buckets := len(m.weights) / L
	dt.w = make([]uint64, buckets*W)
	for b := range buckets {
		src, dst := m.weights[b*L:b*L+L], dt.w[b*W:b*W+W]
		for k := range 4 * W {
			v := uint64(rowBias)
			if k < K {
				v = uint64(uint16(src[labels[k]])) ^ rowBias
			}
			dst[k/4] |= v << (16 * (k % 4))
		}
	}
	tr := m.trans[d]
	dt.start, dt.trans = make([]float32, K), make([]float32, K*K)
	for k, l := range labels {
		dt.start[k] = negInf
		if canFollow(-1, l) {
			dt.start[k] = tr[l]
		}
		for pk, p := range labels {
			v := negInf
			if canFollow(p, l) {
				v = tr[(p+1)*L+l]
			}
			dt.trans[k*K+pk] = v
		}
	}
	if K <= 8 {
		dt.trans8 = new([8][8]float32)
		for l := range dt.trans8 {
			for p := range dt.trans8[l] {
				dt.trans8[l][p] = negInf
				if l < K && p < K {
					dt.trans8[l][p] = dt.trans[l*K+p]
				}
				if dt.trans8[l][p] != negInf {
					dt.preds8[l] |= 1 << p
				}
			}
		}
	}
	f := &featurizer{m: m}
	f.setDomain(d)
	dt.mask, dt.salt = f.mask, f.salt
	dt.pad = make([]block, 4*dt.blocks)
	for k, off := range neighbourOffsets {
		pad := &padBefore
		if off > 0 {
			pad = &padAfter
		}
		f.feats = f.feats[:0]
		f.neighbourFeatures(pad, off)
		dt.addRows(dt.pad[k*dt.blocks:(k+1)*dt.blocks], f.feats)
	}
	return dt
}

// rowBias offsets a weight in a row of the domain table: the offset
// weights are unsigned, and sum in 32-bit lanes of a word without a
// borrow from one lane to the next.
const rowBias = 0x8000

// addRows adds the rows of the buckets to a, one row of blocks. Each
// word of a row holds four weights; its even and its odd lanes are summed
// two at a time in the halves of a word, and the offsets taken off at the
// end (a lane sums to less than 2^31 for fewer than 32,768 buckets).
func (dt *domainTable) addRows(a []block, buckets []uint32) {
	const even = 0x0000ffff0000ffff
	n := int32(len(buckets)) * rowBias
	if len(a) == 1 {
		// One block: the sums stay in registers, and the loads of the
		// next rows need not wait for this one's.
		var e0, o0, e1, o1 uint64
		for _, b := range buckets {
			r := (*[2]uint64)(dt.w[int(b)*2:])
			e0 += r[0] & even
			o0 += r[0] >> 16 & even
			e1 += r[1] & even
			o1 += r[1] >> 16 & even
		}
		addLanes(&a[0], e0, o0, e1, o1, n)
		return
	}
	W := 2 * len(a)
	for j := range a {
		var e0, o0, e1, o1 uint64
		for _, b := range buckets {
			r := (*[2]uint64)(dt.w[int(b)*W+2*j:])
			e0 += r[0] & even
			o0 += r[0] >> 16 & even
			e1 += r[1] & even
			o1 += r[1] >> 16 & even
		}
		addLanes(&a[j], e0, o0, e1, o1, n)
	}
}

// addLanes adds to a the lanes summed in e0, o0 (lanes 0 to 3) and e1,
// o1 (4 to 7), less the offsets n.
func addLanes(a *block, e0, o0, e1, o1 uint64, n int32) {
	a[0] += int32(uint32(e0)) - n
	a[1] += int32(uint32(o0)) - n
	a[2] += int32(uint32(e0>>32)) - n
	a[3] += int32(uint32(o0>>32)) - n
	a[4] += int32(uint32(e1)) - n
	a[5] += int32(uint32(o1)) - n
	a[6] += int32(uint32(e1>>32)) - n
	a[7] += int32(uint32(o1>>32)) - n
}

// addBlocks adds src to dst.
func addBlocks(dst, src []block) {
	for j := range dst {
		addBlock(&dst[j], &src[j])
	}
}

func addBlock(d, s *block) {
	d[0] += s[0]
	d[1] += s[1]
	d[2] += s[2]
	d[3] += s[3]
	d[4] += s[4]
	d[5] += s[5]
	d[6] += s[6]
	d[7] += s[7]
}

// typeCacheSlots is the size of a tagger's cache of word types: the 700
// detik articles have 26,000 types, and 8,192 slots (1.5 MB for news)
// serve 82% of their tokens; 16,384 and 32,768 slots serve more but
// measured no faster.
const typeCacheSlots = 1 << 13

// typeCache is a direct-mapped cache of word types' sums: a new type
// evicts the slot's old one.
type typeCache struct {
	gen   uint64 // the model's gen when the sums were computed
	slots []typeSlot
	// sums holds 5·blocks blocks per slot: the sum of the type's own
	// features, then what it adds to the token it is the neighbour of at
	// each of neighbourOffsets.
	sums []block
}

// typeSlot is what a cache slot knows of its word type besides its sums.
type typeSlot struct {
	key uint64 // typeKey
	ctx pairCtx
}

// typeKey identifies what a token's own features and what it adds to its
// neighbours depend on.
func typeKey(orig uint64, gaz uint16, initial bool, domain int) uint64 {
	k := orig ^ uint64(gaz)<<40 ^ uint64(domain)<<56
	if initial {
		k ^= 1 << 63
	}
	return mix(k)
}

// tagger holds one goroutine's buffers for tagging.
type tagger struct {
	f featurizer // the training form, for a type the cache lacks
	// The sentence tagged last: lower-case and printed hashes, gazetteer
	// bits, whether a token opens the sentence (or a quotation), and its
	// context for the pair features.
	hashes  []uint64
	origs   []uint64
	gaz     []uint16
	initial []bool
	ctx     []pairCtx
	matches []match // the gazetteer's names, longest first from the left

	caches  [3]*typeCache // by row size: 1, 2, 4 blocks
	keys    []uint64      // the tokens' typeKeys
	missTok []int32       // the tokens whose types the cache lacks
	missed  []int32       // the cache slots being filled
	acc     []block       // the tokens' sums, blocks per token
	pairs   []uint32      // the buckets of the tokens' pair features
	pstarts []int32       // pairs[pstarts[i]:pstarts[i+1]] are token i's
	sink    uint64        // keeps the touches of prepare and emissions

	art article // Find's working state, kept for its buffers

	score []float32 // token*nLabels + label (training), token*K + compact label (tagging)
	delta []float32
	back  []int16
	path  []int
}

func (m *Model) getTagger() *tagger {
	if t, ok := m.pool.Get().(*tagger); ok {
		return t
	}
	return &tagger{f: featurizer{m: m}}
}

func (m *Model) putTagger(t *tagger) { m.pool.Put(t) }

// tag runs the whole tagger over one sentence and returns its labels,
// valid until t is used again.
func (m *Model) tag(t *tagger, words []string, d int) []int {
	dt := m.table(d)
	t.prepare(m, words)
	t.emissions(dt, words)
	return t.viterbi(dt)
}

// prepare fills the hashes, gazetteer bits and sentence openings of the
// sentence's tokens.
func (t *tagger) prepare(m *Model, words []string) {
	n := len(words)
	t.hashes, t.origs, t.initial = grow(t.hashes, n), grow(t.origs, n), grow(t.initial, n)
	initial := true
	for i, w := range words {
		t.hashes[i], t.origs[i] = t.hashWord(w)
		t.initial[i] = initial
		initial = opensClause(w)
	}
	t.sink ^= m.gaz.touch(t.hashes)
	t.gaz, t.matches = m.gaz.tag(words, t.hashes, t.gaz[:0], t.matches[:0])
}

// hashWord returns the hashes of w in lower case and as printed, as
// featurizer.fill computes them, in one pass for ASCII.
func (t *tagger) hashWord(w string) (lower, orig uint64) {
	lower, orig = fnvOffset, fnvOffset
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			t.f.lower = lowerInto(t.f.lower[:0], w)
			return hashBytes(fnvOffset, t.f.lower), hashString(fnvOffset, w)
		}
		orig = (orig ^ uint64(c)) * fnvPrime
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower = (lower ^ uint64(c)) * fnvPrime
	}
	return lower, orig
}

// cache returns the tagger's type cache for dt's row size, made anew if
// the weights changed since it was filled.
func (t *tagger) cache(dt *domainTable) *typeCache {
	i := 0
	for 1<<i < dt.blocks {
		i++
	}
	c := t.caches[i]
	if c == nil || c.gen != dt.gen {
		c = &typeCache{gen: dt.gen, slots: make([]typeSlot, typeCacheSlots),
			sums: make([]block, typeCacheSlots*(1+len(neighbourOffsets))*dt.blocks)}
		t.caches[i] = c
	}
	return c
}

// emissions fills t.score with the tokens' scores over dt's labels, and
// t.ctx with their contexts. It works in passes over the sentence, so
// that what it reads from memory it first touches in tight loops, where
// the processor waits for many reads at once: the cache slots of the
// tokens' word types; the types the cache lacks, their lexicon entries
// and the buckets of their features; the buckets of the pair features; a
// touch of every row; then the sums of the new types, of every token, and
// its pair features.
func (t *tagger) emissions(dt *domainTable, words []string) {
	n, nb := len(words), dt.blocks
	c := t.cache(dt)
	f := &t.f
	f.setDomain(dt.domain)
	t.ctx, t.keys = grow(t.ctx, n), grow(t.keys, n)
	const parts = 1 + len(neighbourOffsets)
	S := parts * nb
	var sink uint64
	for i := range n { // the types and their slots
		key := typeKey(t.origs[i], t.gaz[i], t.initial[i], dt.domain)
		t.keys[i] = key
		si := int(key & (typeCacheSlots - 1))
		sums := c.sums[si*S:][:S]
		sink ^= c.slots[si].key ^ uint64(sums[0][0]) ^ uint64(sums[S-1][0])
	}
	// The types the cache lacks: each takes its slot (a later type of
	// the sentence may take it again), and its word's lexicon entry is
	// touched before it is read.
	t.missTok = t.missTok[:0]
	for i, key := range t.keys[:n] {
		if s := &c.slots[key&(typeCacheSlots-1)]; s.key != key {
			s.key = key
			t.missTok = append(t.missTok, int32(i))
		}
	}
	for _, i := range t.missTok {
		sink ^= f.m.lex.touch(t.hashes[i])
	}
	f.feats, f.starts, t.missed = f.feats[:0], append(f.starts[:0], 0), t.missed[:0]
	for _, i := range t.missTok {
		key := t.keys[i]
		si := int(key & (typeCacheSlots - 1))
		var ti tokenInfo
		f.fill(&ti, words[i])
		ti.gaz, ti.initial = t.gaz[i], t.initial[i]
		c.slots[si] = typeSlot{key: key, ctx: ti.pairCtx()}
		t.missed = append(t.missed, int32(si))
		f.selfFeatures(&ti)
		f.starts = append(f.starts, int32(len(f.feats)))
		for _, off := range neighbourOffsets {
			f.neighbourFeatures(&ti, off)
			f.starts = append(f.starts, int32(len(f.feats)))
		}
	}
	for i, key := range t.keys[:n] {
		if s := &c.slots[key&(typeCacheSlots-1)]; s.key == key {
			t.ctx[i] = s.ctx
		} else {
			// A later type of the sentence took the slot.
			var ti tokenInfo
			f.fill(&ti, words[i])
			t.ctx[i] = ti.pairCtx()
		}
	}
	t.pairs, t.pstarts = t.pairs[:0], append(t.pstarts[:0], 0)
	for i := range n {
		p, q := &padCtxBefore, &padCtxAfter
		if i > 0 {
			p = &t.ctx[i-1]
		}
		if i+1 < n {
			q = &t.ctx[i+1]
		}
		t.pairs = appendPairFeatures(t.pairs, p, &t.ctx[i], q, t.initial[i], dt.mask, dt.salt)
		t.pstarts = append(t.pstarts, int32(len(t.pairs)))
	}
	// Touch every row: the loads are independent, and in a loop this
	// small the processor has many under way at once.
	W := 2 * nb
	for _, b := range f.feats {
		sink ^= dt.w[int(b)*W]
	}
	for _, b := range t.pairs {
		sink ^= dt.w[int(b)*W]
	}
	t.sink ^= sink
	for m, si := range t.missed {
		sums := c.sums[int(si)*S : int(si)*S+S]
		clear(sums)
		for k := range parts {
			dt.addRows(sums[k*nb:(k+1)*nb], f.feats[f.starts[m*parts+k]:f.starts[m*parts+k+1]])
		}
	}
	t.acc = grow(t.acc, n*nb)
	clear(t.acc)
	acc := func(i int) []block { return t.acc[i*nb : i*nb+nb] }
	for i := range n {
		key := t.keys[i]
		si := int(key & (typeCacheSlots - 1))
		s, sums := &c.slots[si], c.sums[si*S:si*S+S]
		if s.key != key {
			// A later word of the sentence took the slot.
			t.fillSlot(s, sums, key, i, words[i], dt)
		}
		addBlocks(acc(i), sums[:nb])
		// Token i is the neighbour at offset -2 of token i+2, at 2 of
		// token i-2; past the ends the neighbours are the padding.
		if i+2 < n {
			addBlocks(acc(i+2), sums[nb:2*nb])
		}
		if i+1 < n {
			addBlocks(acc(i+1), sums[2*nb:3*nb])
		}
		if i >= 1 {
			addBlocks(acc(i-1), sums[3*nb:4*nb])
		}
		if i >= 2 {
			addBlocks(acc(i-2), sums[4*nb:5*nb])
		}
		if i < 2 {
			addBlocks(acc(i), dt.pad[:nb])
		}
		if i < 1 {
			addBlocks(acc(i), dt.pad[nb:2*nb])
		}
		if i+1 >= n {
			addBlocks(acc(i), dt.pad[2*nb:3*nb])
		}
		if i+2 >= n {
			addBlocks(acc(i), dt.pad[3*nb:4*nb])
		}
	}
	K := len(dt.labels)
	t.score = grow(t.score, n*K)
	scale := t.f.m.scale
	for i := range n {
		a := acc(i)
		dt.addRows(a, t.pairs[t.pstarts[i]:t.pstarts[i+1]])
		out := t.score[i*K : i*K+K]
		for k := range out {
			out[k] = float32(a[k/8][k%8]) * scale
		}
	}
}

// fillSlot computes the context and sums of word type key, token i of
// the sentence with text w, into s and sums.
func (t *tagger) fillSlot(s *typeSlot, sums []block, key uint64, i int, w string, dt *domainTable) {
	f := &t.f
	var ti tokenInfo
	f.fill(&ti, w)
	ti.gaz, ti.initial = t.gaz[i], t.initial[i]
	*s = typeSlot{key: key, ctx: ti.pairCtx()}
	clear(sums)
	nb := dt.blocks
	f.feats = f.feats[:0]
	f.selfFeatures(&ti)
	dt.addRows(sums[:nb], f.feats)
	for k, off := range neighbourOffsets {
		f.feats = f.feats[:0]
		f.neighbourFeatures(&ti, off)
		dt.addRows(sums[(1+k)*nb:(2+k)*nb], f.feats)
	}
}

// viterbi finds the best label sequence for the scores in t.score under
// dt's transitions, into t.path as the model's labels.
func (t *tagger) viterbi(dt *domainTable) []int {
	if dt.trans8 != nil {
		return t.viterbi8(dt)
	}
	K := len(dt.labels)
	n := len(t.score) / K
	t.delta, t.back = grow(t.delta, n*K), grow(t.back, n*K)
	t.path = grow(t.path, n)
	if n == 0 {
		return t.path
	}
	for k, v := range dt.start {
		t.delta[k] = v + t.score[k]
	}
	for i := 1; i < n; i++ {
		prev := t.delta[(i-1)*K : i*K]
		cur := t.delta[i*K : i*K+K]
		score := t.score[i*K : i*K+K]
		back := t.back[i*K : i*K+K]
		for l := range cur {
			tr := dt.trans[l*K : l*K+K]
			tr = tr[:len(prev)]
			best, arg := negInf, 0
			for p, v := range prev {
				if s := v + tr[p]; s > best {
					best, arg = s, p
				}
			}
			if best != negInf {
				best += score[l]
			}
			cur[l] = best
			back[l] = int16(arg)
		}
	}
	best, arg := negInf, 0
	for k, v := range t.delta[(n-1)*K : n*K] {
		if v > best {
			best, arg = v, k
		}
	}
	for i := n - 1; i >= 0; i-- {
		t.path[i] = dt.labels[arg]
		arg = int(t.back[i*K+arg])
	}
	return t.path
}

// viterbi8 is viterbi for up to eight labels (news has seven), with the
// scores of a token in registers and no bounds to check in the inner
// loop.
func (t *tagger) viterbi8(dt *domainTable) []int {
	K := len(dt.labels)
	n := len(t.score) / K
	t.back = grow(t.back, n*8)
	t.path = grow(t.path, n)
	if n == 0 {
		return t.path
	}
	var prev [8]float32
	for k := range prev {
		prev[k] = negInf
	}
	for k, v := range dt.start {
		prev[k] = v + t.score[k]
	}
	tr := dt.trans8
	for i := 1; i < n; i++ {
		score := t.score[i*K : i*K+K]
		back := (*[8]int16)(t.back[i*8:])
		cur := [8]float32{negInf, negInf, negInf, negInf, negInf, negInf, negInf, negInf}
		for l, sc := range score {
			row := &tr[l&7]
			// Only the labels that l may follow: two for an I- label.
			best, arg := negInf, 0
			for ps := dt.preds8[l&7]; ps != 0; ps &= ps - 1 {
				p := bits.TrailingZeros8(ps) & 7
				if s := prev[p] + row[p]; s > best {
					best, arg = s, p
				}
			}
			if best != negInf {
				best += sc
			}
			cur[l&7] = best
			back[l&7] = int16(arg)
		}
		prev = cur
	}
	best, arg := negInf, 0
	for k, v := range prev[:K] {
		if v > best {
			best, arg = v, k
		}
	}
	for i := n - 1; i >= 0; i-- {
		t.path[i] = dt.labels[arg]
		arg = int(t.back[i*8+arg])
	}
	return t.path
}
