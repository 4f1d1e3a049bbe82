package entity

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"
)

// The model file (not compressed: gzip saved a quarter of 2.5 MB and
// doubled the time to load it):
//
//	magic "WARTA-NER" and a format byte
//	uint32 length and a JSON header (classes, domains, hash bits, scale, ModelInfo)
//	float32 transitions: per domain (labels+1)×labels
//	uint32 row count, then per non-zero bucket: uvarint gap from the
//	  previous bucket, uint32 label mask, zigzag varint per set label
//	uint32 word count, then per word: uint64 word hash, uint32 lexValue
//
// Only non-zero weights are stored; loading rebuilds the dense table.
const (
	modelMagic  = "WARTA-NER"
	modelFormat = 1
)

type modelHeader struct {
	Classes       []string  `json:"classes"`
	Domains       []string  `json:"domains"`
	DefaultDomain int       `json:"default_domain"`
	ClassMask     []uint32  `json:"class_mask"`
	HashBits      uint      `json:"hash_bits"`
	Scale         float32   `json:"scale"`
	Features      int       `json:"feature_version"`
	Info          ModelInfo `json:"info"`
}

// ErrBadModel is returned for a model file that cannot be read.
var ErrBadModel = errors.New("entity: not a valid model file")

// WriteTo writes the model in its file format.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	bw := bufio.NewWriter(cw)
	bw.WriteString(modelMagic)
	bw.WriteByte(modelFormat)
	head, err := json.Marshal(modelHeader{
		Classes: m.classes, Domains: m.domains, DefaultDomain: m.defaultDomain, ClassMask: m.classMask,
		HashBits: m.hashBits, Scale: m.scale, Features: featureVersion, Info: m.info,
	})
	if err != nil {
		return 0, fmt.Errorf("entity: writing model: %w", err)
	}
	var buf [binary.MaxVarintLen64]byte
	putU32 := func(v uint32) {
		binary.LittleEndian.PutUint32(buf[:4], v)
		bw.Write(buf[:4])
	}
	putU32(uint32(len(head)))
	bw.Write(head)
	for _, t := range m.trans {
		for _, v := range t {
			putU32(math.Float32bits(v))
		}
	}
	L := m.nLabels
	rows := 0
	for b := 0; b < len(m.weights)/L; b++ {
		if !allZero(m.weights[b*L : b*L+L]) {
			rows++
		}
	}
	putU32(uint32(rows))
	last := 0
	for b := 0; b < len(m.weights)/L; b++ {
		row := m.weights[b*L : b*L+L]
		if allZero(row) {
			continue
		}
		bw.Write(buf[:binary.PutUvarint(buf[:], uint64(b-last))])
		last = b
		var mask uint32
		for l, v := range row {
			if v != 0 {
				mask |= 1 << l
			}
		}
		putU32(mask)
		for _, v := range row {
			if v != 0 {
				bw.Write(buf[:binary.PutVarint(buf[:], int64(v))])
			}
		}
	}
	putU32(uint32(m.lex.len()))
	for _, s := range m.lex.slots {
		if s.key == 0 {
			continue
		}
		binary.LittleEndian.PutUint64(buf[:8], s.key)
		bw.Write(buf[:8])
		putU32(uint32(s.val))
	}
	if err := bw.Flush(); err != nil {
		return cw.n, fmt.Errorf("entity: writing model: %w", err)
	}
	return cw.n, nil
}

func allZero(row []int16) bool {
	for _, v := range row {
		if v != 0 {
			return false
		}
	}
	return true
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// maxHashBits bounds the weight table a model file may ask for.
const maxHashBits = 24

// ReadModel reads a model written by WriteTo. The gazetteers are the
// package's embedded ones; a model trained with other gazetteer files is
// refused, since its gazetteer features would mean something else.
func ReadModel(r io.Reader) (*Model, error) {
	raw, err := io.ReadAll(io.LimitReader(r, 1<<28))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	// The gazetteers load while the weights decode: the two are most of
	// the recogniser's start-up, on the critical path of every process,
	// and need nothing of each other.
	var (
		wg     sync.WaitGroup
		gaz    *gazetteer
		gazErr error
	)
	wg.Go(func() { gaz, gazErr = sharedGazetteer() })
	m, err := decodeModel(raw)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	if m.info.Gazetteer != gazetteerFingerprint() {
		return nil, fmt.Errorf("entity: the model was trained with other gazetteer files (%s, now %s): retrain it with warta train ner",
			m.info.Gazetteer, gazetteerFingerprint())
	}
	if gazErr != nil {
		return nil, gazErr
	}
	m.gaz = gaz
	return m, nil
}

// decodeModel parses the uncompressed model bytes, checking every length
// and index against the header so that a damaged file gives an error,
// never a panic or a huge allocation.
func decodeModel(raw []byte) (*Model, error) {
	bad := func(what string) (*Model, error) { return nil, fmt.Errorf("%w: %s", ErrBadModel, what) }
	d := decoder{b: raw}
	if string(d.take(len(modelMagic))) != modelMagic {
		return bad("no magic")
	}
	if f := d.take(1); len(f) != 1 || f[0] != modelFormat {
		return bad("unknown format")
	}
	var h modelHeader
	hl := d.u32()
	if d.err || hl > uint32(len(d.b)) {
		return bad("header")
	}
	if err := json.Unmarshal(d.take(int(hl)), &h); err != nil {
		return bad("header: " + err.Error())
	}
	if h.Features != featureVersion {
		return bad(fmt.Sprintf("feature version %d, this build reads %d", h.Features, featureVersion))
	}
	L := 1 + 2*len(h.Classes)
	if len(h.Classes) == 0 || L > maxLabels || h.HashBits < 8 || h.HashBits > maxHashBits ||
		len(h.Domains) == 0 || len(h.ClassMask) != len(h.Domains) ||
		h.DefaultDomain < 0 || h.DefaultDomain >= len(h.Domains) ||
		!(h.Scale > 0) || math.IsInf(float64(h.Scale), 0) {
		return bad("header values")
	}
	m := &Model{classes: h.Classes, nLabels: L, domains: h.Domains, defaultDomain: h.DefaultDomain,
		classMask: h.ClassMask, hashBits: h.HashBits, scale: h.Scale, info: h.Info}
	m.setLabels()
	if len(d.b) < len(h.Domains)*(L+1)*L*4 {
		return bad("transitions")
	}
	m.trans = make([][]float32, len(h.Domains))
	for i := range m.trans {
		m.trans[i] = make([]float32, (L+1)*L)
		for k := range m.trans[i] {
			v := math.Float32frombits(d.u32())
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				return bad("transition value")
			}
			m.trans[i][k] = v
		}
	}
	buckets := 1 << h.HashBits
	rows := d.u32()
	if d.err || int(rows) > buckets || int(rows) > len(d.b) {
		return bad("row count")
	}
	m.weights = make([]int16, buckets*L)
	b := 0
	for r := range rows {
		gap := d.uvarint()
		if d.err || gap > uint64(buckets) || (r > 0 && gap == 0) {
			return bad("bucket")
		}
		b += int(gap)
		mask := d.u32()
		if d.err || b >= buckets || mask>>L != 0 {
			return bad("label mask")
		}
		row := m.weights[b*L : b*L+L]
		for l := range row {
			if mask&(1<<l) == 0 {
				continue
			}
			v := d.varint()
			if d.err || v < math.MinInt16 || v > math.MaxInt16 {
				return bad("weight")
			}
			row[l] = int16(v)
		}
	}
	n := d.u32()
	if d.err || int(n) > len(d.b)/12 {
		return bad("lexicon size")
	}
	m.lex = newLexicon(int(n))
	for range n {
		k := d.u64()
		v := lexValue(d.u32())
		if k == 0 {
			return bad("lexicon key")
		}
		m.lex.put(k, v)
	}
	if d.err || len(d.b) != 0 {
		return bad("trailing bytes")
	}
	return m, nil
}

// decoder reads little-endian values, remembering the first short read.
type decoder struct {
	b   []byte
	err bool
}

func (d *decoder) take(n int) []byte {
	if n < 0 || n > len(d.b) {
		d.err = true
		d.b = nil
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

func (d *decoder) u32() uint32 {
	if b := d.take(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (d *decoder) u64() uint64 {
	if b := d.take(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = true
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = true
		return 0
	}
	d.b = d.b[n:]
	return v
}

// The model trained by warta train ner on the shippable sets.
//
//go:embed data/ner.model
var embeddedModel []byte

// DefaultModel returns the embedded model, read once.
var DefaultModel = sync.OnceValues(func() (*Model, error) {
	return ReadModel(bytes.NewReader(embeddedModel))
})

// sharedGazetteer is the embedded gazetteers, loaded once.
var sharedGazetteer = sync.OnceValues(loadGazetteer)

// EmbeddedModel returns the bytes of the embedded model file, for
// benchmarks and tools that read it themselves.
func EmbeddedModel() []byte { return embeddedModel }
