package lineage_test

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/warta-news/warta/internal/lineage"
)

// analysedArticles are the lineage inputs as FromRecord reads them.
func analysedArticles(t *testing.T) []*lineage.Article {
	t.Helper()
	var out []*lineage.Article
	for i, in := range lineageInputs(t) {
		a, err := lineage.FromRecord(int64(i+1), analysedJSON(t, in))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// An article read from its compare fields is the one read from its
// record, but for the sentences' texts and the MinHash hex, and it
// compares with every other the same way; only a copy's diff, which
// quotes the texts, and a translation's aligned quotes need the record.
func TestFieldsAsRecord(t *testing.T) {
	arts := analysedArticles(t)
	var fromFields []*lineage.Article
	for _, a := range arts {
		b, err := lineage.DecodeFields(a.ID, lineage.EncodeFields(a))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(b.Signature(), a.Signature()) || !b.Published.Equal(a.Published) {
			t.Errorf("article %d: signature or publication time changed", a.ID)
		}
		want := *a
		want.Sentences, want.Quotes, want.Fingerprint.MinHash = nil, nil, ""
		b.Published = want.Published // the same instant, in UTC
		if !reflect.DeepEqual(normal(*b), normal(want)) {
			t.Errorf("article %d from its fields\n%+v\nwant\n%+v", a.ID, *b, want)
		}
		fromFields = append(fromFields, b)
	}
	relations := 0
	for _, a := range arts {
		for j, b := range arts {
			if a == b {
				continue
			}
			want, ok := lineage.Compare(a, b)
			got, gotOK := lineage.Compare(a, fromFields[j])
			if ok {
				relations++
			}
			want.Diff, got.Diff = nil, nil
			want.AlignedQuotes, got.AlignedQuotes = nil, nil
			if ok != gotOK || !reflect.DeepEqual(got, want) {
				t.Errorf("%d with %d: %+v, %v from fields; want %+v, %v", a.ID, b.ID, got, gotOK, want, ok)
			}
		}
	}
	if relations < 8 {
		t.Errorf("%d relations among the inputs, want copies and translations to compare", relations)
	}
}

// normal gives empty lists as nil: a record's [] and no list compare the same.
func normal(a lineage.Article) lineage.Article {
	fp := &a.Fingerprint
	for _, l := range []*[]string{&fp.Sentences, &fp.Names, &fp.Numbers, &fp.Dates, &fp.QuotedNumbers, &fp.Credits} {
		if len(*l) == 0 {
			*l = nil
		}
	}
	return a
}

// Sentence hashes that are not fingerprint.Compute's 8 hex digits (a
// record another program wrote) are kept as they are.
func TestFieldsOtherHashes(t *testing.T) {
	a := analysedArticles(t)[0]
	a.Fingerprint.Sentences = append(a.Fingerprint.Sentences, "ABCDEF01", "x")
	b, err := lineage.DecodeFields(a.ID, lineage.EncodeFields(a))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(b.Fingerprint.Sentences, a.Fingerprint.Sentences) {
		t.Errorf("hashes %v, want %v", b.Fingerprint.Sentences, a.Fingerprint.Sentences)
	}
}

// Fields that do not parse are refused; none of their prefixes parses.
func TestFieldsRefused(t *testing.T) {
	fields := lineage.EncodeFields(analysedArticles(t)[3])
	for n := range len(fields) {
		if _, err := lineage.DecodeFields(1, fields[:n]); err == nil {
			t.Fatalf("the first %d of %d bytes parse", n, len(fields))
		}
	}
	if _, err := lineage.DecodeFields(1, append(bytes.Clone(fields), 0)); err == nil {
		t.Error("a trailing byte parses")
	}
	other := bytes.Clone(fields)
	other[0] = 9
	if _, err := lineage.DecodeFields(1, other); err == nil {
		t.Error("another version parses")
	}
}

// Compare fields are read from the store, which other processes wrote:
// bad ones are refused with an error, never a panic; those that parse
// encode back to fields that parse, and compare without a panic. The
// corpus (testdata/fuzz) starts from the lineage inputs' fields.
func FuzzDecodeFields(f *testing.F) {
	f.Add([]byte{1})
	f.Add([]byte{1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, fields []byte) {
		a, err := lineage.DecodeFields(1, fields)
		if err != nil {
			return
		}
		again, err := lineage.DecodeFields(2, lineage.EncodeFields(a))
		if err != nil {
			t.Fatalf("re-encoded fields do not parse: %v", err)
		}
		lineage.Compare(a, again)
	})
}
