package lineage

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// An article's compare fields are what Compare reads of it, in a compact
// binary form stored beside its keys (store.LineageKeys): a candidate is
// read from them without decoding its record, which was most of the
// linker's cost once candidates spread over a large store. The body
// sentences' texts are left out: only a copy's diff quotes them, and the
// linker reads them from the record then.
//
// The form is a version byte, then the fields in a fixed order: strings
// and lists length-prefixed (uvarint), the signature and the sentence
// hashes as 4 bytes each, big-endian.
const fieldsVersion = 1

// Kinds of a sentence-hash list: 8 lowercase hex digits each, kept as 4
// bytes, or any other strings (a record another program wrote), kept as
// they are.
const (
	hashesAsStrings = 0
	hashesPacked    = 1
)

// ErrFields is returned for compare fields that do not parse.
var ErrFields = errors.New("lineage: bad compare fields")

// EncodeFields returns a's compare fields.
func EncodeFields(a *Article) []byte {
	fp := &a.Fingerprint
	b := make([]byte, 0, 512+4*len(fp.Sentences)+len(a.URL)+len(a.Title))
	b = append(b, fieldsVersion)
	for _, s := range []string{a.URL, a.Site, a.Language, a.Title, fp.SimHash} {
		b = appendString(b, s)
	}
	if a.Published.IsZero() {
		b = append(b, 0)
	} else {
		b = append(b, 1)
		b = binary.AppendVarint(b, a.Published.Unix())
		b = binary.AppendUvarint(b, uint64(a.Published.Nanosecond()))
	}
	b = binary.AppendUvarint(b, uint64(len(a.signature)))
	for _, v := range a.signature {
		b = binary.BigEndian.AppendUint32(b, v)
	}
	b = binary.AppendUvarint(b, uint64(fp.Shingles))
	if packable(fp.Sentences) {
		b = append(b, hashesPacked)
		b = binary.AppendUvarint(b, uint64(len(fp.Sentences)))
		for _, h := range fp.Sentences {
			var v [4]byte
			hex.Decode(v[:], []byte(h))
			b = append(b, v[:]...)
		}
	} else {
		b = append(b, hashesAsStrings)
		b = appendStrings(b, fp.Sentences)
	}
	for _, l := range [][]string{fp.Names, fp.Numbers, fp.Dates, fp.QuotedNumbers, fp.Credits} {
		b = appendStrings(b, l)
	}
	return b
}

// packable reports whether every hash is 8 lowercase hex digits, as
// fingerprint.Compute writes them, so that 4 bytes give it back.
func packable(hashes []string) bool {
	for _, h := range hashes {
		if len(h) != 8 {
			return false
		}
		for i := range len(h) {
			if c := h[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
				return false
			}
		}
	}
	return true
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendStrings(b []byte, l []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(l)))
	for _, s := range l {
		b = appendString(b, s)
	}
	return b
}

// DecodeFields reads the Article stored as compare fields under id: all
// that FromRecord gives but the body sentences' texts (Sentences is nil)
// and the MinHash field's hex, which Signature gives decoded.
func DecodeFields(id int64, fields []byte) (*Article, error) {
	if len(fields) == 0 || fields[0] != fieldsVersion {
		return nil, fmt.Errorf("%w: unknown version", ErrFields)
	}
	r := fieldReader{b: fields[1:]}
	a := &Article{ID: id, URL: r.string(), Site: r.string(), Language: r.string(), Title: r.string()}
	fp := &a.Fingerprint
	fp.SimHash = r.string()
	if r.byte() == 1 {
		sec, nsec := r.varint(), r.uvarint()
		if nsec >= 1e9 {
			r.fail()
		}
		a.Published = time.Unix(sec, int64(nsec)).UTC()
	}
	if n := r.count(4); n > 0 {
		a.signature = make([]uint32, n)
		for i := range a.signature {
			a.signature[i] = binary.BigEndian.Uint32(r.next(4))
		}
	}
	fp.Shingles = int(r.uvarint())
	switch r.byte() {
	case hashesPacked:
		if n := r.count(4); n > 0 {
			fp.Sentences = make([]string, n)
			for i := range fp.Sentences {
				fp.Sentences[i] = hex.EncodeToString(r.next(4))
			}
		}
	case hashesAsStrings:
		fp.Sentences = r.strings()
	default:
		r.fail()
	}
	fp.Names, fp.Numbers, fp.Dates, fp.QuotedNumbers, fp.Credits = r.strings(), r.strings(), r.strings(), r.strings(), r.strings()
	if r.err != nil || len(r.b) > 0 {
		return nil, fmt.Errorf("%w: article %d", ErrFields, id)
	}
	return a, nil
}

// fieldReader reads compare fields; past the first error it reads zeros
// and err says so.
type fieldReader struct {
	b   []byte
	err error
}

func (r *fieldReader) fail() {
	r.err, r.b = ErrFields, nil
}

func (r *fieldReader) next(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b) {
		r.fail()
		return make([]byte, max(n, 0))
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *fieldReader) byte() byte { return r.next(1)[0] }

func (r *fieldReader) uvarint() uint64 { return readVarint(r, binary.Uvarint) }

func (r *fieldReader) varint() int64 { return readVarint(r, binary.Varint) }

// readVarint reads one number with decode (binary.Uvarint or Varint).
func readVarint[T uint64 | int64](r *fieldReader, decode func([]byte) (T, int)) T {
	v, n := decode(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a list's length, each element taking at least size bytes:
// a length the rest cannot hold is an error, never a huge allocation.
func (r *fieldReader) count(size int) int {
	n := r.uvarint()
	if n > uint64(len(r.b)/size) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *fieldReader) string() string {
	return string(r.next(r.count(1)))
}

func (r *fieldReader) strings() []string {
	n := r.count(1)
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.string()
	}
	return out
}
