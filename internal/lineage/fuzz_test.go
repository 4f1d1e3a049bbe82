package lineage_test

import (
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis/fingerprint"
	"github.com/warta-news/warta/internal/lineage"
)

// FromRecord reads records from the store, which other processes and
// older versions wrote: bad ones are refused with an error, never a panic,
// and what it reads compares and diffs without a panic.
func FuzzFromRecord(f *testing.F) {
	sig := strings.Repeat("0000ffff", fingerprint.MinHashes)
	f.Add(`{"title":"Judul","text":"Judul\n\nSatu kalimat. Dua kalimat.","sentences":[{"start":0,"end":5},{"start":7,"end":20},{"start":21,"end":33}],"fingerprint":{"minhash":"` + sig + `","sentences":["00000001","00000002"],"names":["a"],"shingles":3}}`)
	f.Add(`{"fingerprint":{"minhash":"zz"}}`)
	f.Add(`{"sentences":[{"start":-4,"end":99}],"text":"é","fingerprint":{"minhash":"` + sig + `","sentences":["x"]}}`)
	f.Add(`[]`)
	// Quotes: the record's, with offsets out of range, and an English
	// text's spans in quotation marks.
	f.Add(`{"title":"J","text":"J\n\nKata \"satu dua\" Budi.","sentences":[{"start":3,"end":20}],"quotes":[{"start":9,"end":17,"kind":"direct","speaker_name":"Budi"},{"start":-1,"end":90}],"fingerprint":{"minhash":"` + sig + `"}}`)
	f.Add(`{"language":{"code":"en"},"text":"T\n\nHe said “no” and \"yes\" “","sentences":[{"start":3,"end":9},{"start":8,"end":2}],"fingerprint":{"minhash":"` + sig + `"}}`)
	f.Fuzz(func(t *testing.T, record string) {
		a, err := lineage.FromRecord(1, []byte(record))
		if err != nil {
			return
		}
		b, _ := lineage.FromRecord(2, []byte(record))
		lineage.Compare(a, b)
		lineage.AlignQuotes(a.Quotes, b.Quotes)
	})
}
