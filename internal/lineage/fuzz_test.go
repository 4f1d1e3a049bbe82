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
	f.Fuzz(func(t *testing.T, record string) {
		a, err := lineage.FromRecord(1, []byte(record))
		if err != nil {
			return
		}
		b, _ := lineage.FromRecord(2, []byte(record))
		lineage.Compare(a, b)
	})
}
