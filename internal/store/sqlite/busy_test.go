package sqlite

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/storetest"
)

// A write that finds another process's write lock waits for it and is
// retried; one that finds it held too long fails with store.ErrBusy.
func TestBusyWriteIsRetried(t *testing.T) {
	dir := t.TempDir()
	open := func() *Store {
		s, err := Open(context.Background(), dir, Options{Analyzer: search.Indonesian(), BusyTimeout: 50 * time.Millisecond, BusyWait: 2 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	holder, writer := open(), open()
	rec := storetest.Record(t, storetest.Article{Title: "Jalan Desa Rusak", Body: "Warga mengeluhkan jalan desa yang rusak.", URL: "https://contoh.example/jalan"})
	hold := func(d time.Duration) {
		tx, err := holder.wdb.Begin() // BEGIN IMMEDIATE: the write lock
		if err != nil {
			t.Fatal(err)
		}
		time.AfterFunc(d, func() { tx.Rollback() })
	}
	hold(300 * time.Millisecond)
	if _, err := writer.PutBatch(context.Background(), [][]byte{rec}); err != nil {
		t.Errorf("a write behind a 300 ms lock: %v, want it retried", err)
	}
	hold(4 * time.Second)
	if err := writer.Delete(context.Background(), 1); !errors.Is(err, store.ErrBusy) {
		t.Errorf("a write behind a lock held past BusyWait: %v, want ErrBusy", err)
	}
}

// Opening a store whose schema is current does not wait for the write
// lock: it opens while another process holds it past the busy timeout.
func TestOpenBesideAWrite(t *testing.T) {
	dir := t.TempDir()
	opts := Options{Analyzer: search.Indonesian(), BusyTimeout: 50 * time.Millisecond, BusyWait: time.Second}
	holder, err := Open(context.Background(), dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tx, err := holder.wdb.Begin() // BEGIN IMMEDIATE: the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	s, err := Open(context.Background(), dir, opts)
	if err != nil {
		t.Fatalf("open beside a write: %v", err)
	}
	s.Close()
}
