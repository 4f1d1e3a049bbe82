package storetest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/warta-news/warta/internal/store"
)

// plainRecord is a record without analysis: article i's text.
func plainRecord(i int, text string) []byte {
	return fmt.Appendf(nil, `{"id": "r%d-%s", "title": "Berita %d", "text": "Berita %d\n\n%s", "source": {"url": "https://contoh.example/%d"}}`,
		i, text, i, i, text, i)
}

// testPutBatchTx: PutBatchTx calls each for the records stored anew, once
// all are put, in their order, where the keys an earlier call wrote are
// seen; a call that fails takes back what it wrote, whether it failed
// before reading again or after, and the batch commits without it.
func testPutBatchTx(t *testing.T, s LineageStore) {
	tw, ok := s.(store.TxWriter)
	if !ok {
		t.Skip("the store links after each commit only")
	}
	ctx := context.Background()
	first, err := s.Put(ctx, plainRecord(1, "Isi pertama."))
	if err != nil {
		t.Fatal(err)
	}
	records := [][]byte{plainRecord(1, "Isi pertama."), plainRecord(2, "Isi kedua."), plainRecord(3, "Isi ketiga."),
		plainRecord(1, "Isi baru."), plainRecord(4, "Isi keempat.")}
	var called []int
	ids := map[int]int64{}
	results, err := tw.PutBatchTx(ctx, records, func(_ context.Context, tx store.LineageTx, i int, res store.PutResult) error {
		called, ids[i] = append(called, i), res.ID
		seen, err := tx.BandCandidates(ctx, res.ID, []int64{7}, 16, 16)
		if err != nil {
			return err
		}
		if err := tx.PutFingerprint(ctx, res.ID, []int64{7}, []string{fmt.Sprint("nama-", i)}, "", []byte("fields")); err != nil {
			return err
		}
		if i == 2 {
			return errors.New("the third record's observer fails after writing")
		}
		if i == 3 && !slices.Equal(seen, []int64{ids[1]}) {
			t.Errorf("the fourth call sees %v, want the second record's keys only", seen)
		}
		record, rerr := tx.Record(ctx, res.ID)
		var want bytes.Buffer
		if err := json.Compact(&want, records[i]); err != nil {
			return err
		}
		if rerr != nil || string(record) != want.String() {
			t.Errorf("record %d in the transaction: %s, %v", i, record, rerr)
		}
		if i == 4 {
			return errors.New("the fifth record's observer fails after reading what it wrote")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(called, []int{1, 2, 3, 4}) {
		t.Errorf("called for %v, want the records stored anew, [1 2 3 4]", called)
	}
	if results[0].ID != first.ID || results[0].Status != store.Unchanged || results[3].Status != store.NewVersion {
		t.Errorf("results %+v", results)
	}
	for i, res := range results {
		if _, err := s.Article(ctx, res.ID); err != nil {
			t.Errorf("record %d: %v", i, err)
		}
	}
	n, err := s.FingerprintCount(ctx)
	if err != nil || n != 2 {
		t.Errorf("%d fingerprinted, %v; want 2: the failed calls' keys taken back", n, err)
	}
	counts, err := s.NameCounts(ctx, []string{"nama-1", "nama-2", "nama-3", "nama-4"})
	if err != nil || counts["nama-1"] != 1 || counts["nama-2"] != 0 || counts["nama-3"] != 1 || counts["nama-4"] != 0 {
		t.Errorf("name counts %v, %v", counts, err)
	}
}
