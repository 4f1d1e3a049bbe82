package entity

// lexValue packs what the model knows about one word type, learned from
// unlabelled text at training time: its word clusters at three
// granularities and how often it is capitalised inside a sentence.
//
//	bits  0–2   case bucket: 0 unknown, 1 never … 5 always capitalised
//	bits  3–12  fine cluster + 1 (0: none)
//	bits 13–20  middle cluster + 1
//	bits 21–27  coarse cluster + 1
type lexValue uint32

const (
	caseUnknown = iota
	caseNever   // < 5% of mid-sentence uses capitalised
	caseRarely  // 5–40%
	caseOften   // 40–80%
	caseMostly  // 80–97%
	caseAlways  // ≥ 97%
)

func makeLexValue(caseBucket int, clusters [3]int) lexValue {
	v := lexValue(caseBucket & 7)
	if clusters[2] >= 0 {
		v |= lexValue(clusters[2]+1) << 3
	}
	if clusters[1] >= 0 {
		v |= lexValue(clusters[1]+1) << 13
	}
	if clusters[0] >= 0 {
		v |= lexValue(clusters[0]+1) << 21
	}
	return v
}

func (v lexValue) caseBucket() uint8 { return uint8(v & 7) }

// clusters returns the coarse, middle and fine cluster ids plus one (0 for
// a word without clusters).
func (v lexValue) clusters() (coarse, middle, fine uint32) {
	return uint32(v>>21) & 0x7f, uint32(v>>13) & 0xff, uint32(v>>3) & 0x3ff
}

// lexicon maps word hashes to lexValues with open addressing: built once
// when the model loads, probed once per word type the tagger's cache
// lacks. A key and its value share a slot, so that a probe is one trip to
// memory.
type lexicon struct {
	slots []lexSlot
	mask  uint64
}

type lexSlot struct {
	key uint64
	val lexValue
}

func newLexicon(n int) *lexicon {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return &lexicon{slots: make([]lexSlot, size), mask: uint64(size - 1)}
}

// put stores v for the word hash k; 0 is never a real FNV hash of a word,
// so it marks an empty slot.
func (l *lexicon) put(k uint64, v lexValue) {
	for i := mix(k) & l.mask; ; i = (i + 1) & l.mask {
		if s := &l.slots[i]; s.key == 0 || s.key == k {
			s.key, s.val = k, v
			return
		}
	}
}

func (l *lexicon) get(k uint64) lexValue {
	if l == nil || len(l.slots) == 0 {
		return 0
	}
	for i := mix(k) & l.mask; ; i = (i + 1) & l.mask {
		switch s := &l.slots[i]; s.key {
		case k:
			return s.val
		case 0:
			return 0
		}
	}
}

// touch reads the slot where a probe for k starts, so that the processor
// fetches it while it does other work; get then finds it at hand.
func (l *lexicon) touch(k uint64) uint64 {
	if l == nil || len(l.slots) == 0 {
		return 0
	}
	return l.slots[mix(k)&l.mask].key
}

// len returns the number of words stored.
func (l *lexicon) len() int {
	n := 0
	for _, s := range l.slots {
		if s.key != 0 {
			n++
		}
	}
	return n
}
