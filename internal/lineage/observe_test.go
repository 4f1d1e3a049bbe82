package lineage_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/lineage"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/pipeline/pipelinetest"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/shared"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/sqlite"
)

// lineageInputs are articles with copies, translations and a new version
// of an original that others copy, in the order they arrive.
func lineageInputs(t *testing.T) []analysis.Input {
	var gold map[string]any
	regional := strings.Replace(national, "Banjir Rendam Ratusan Rumah di Bekasi", "Ratusan Rumah di Bekasi Terendam Banjir Satu Meter", 1) +
		"\nArtikel ini telah tayang di detikNews."
	updated := strings.Replace(national, "hingga siang hari.", "hingga sore hari dan dua kecamatan lain mulai tergenang.", 1)
	return []analysis.Input{
		{Body: wire(t, "reykjavik-1"), Published: "2021-05-19T18:00:00Z"},
		{Body: wire(t, "geneva-2022"), Published: "2022-01-21"},
		{Body: wire(t, "reykjavik-2"), Published: "2021-05-19T20:00:00Z"},
		{Body: shared.Seed(t, &gold), Published: "2021-05-20"},
		{Body: wire(t, "stockholm-2021"), Published: "2021-12-02"},
		{Body: national, URL: "https://news.detik.com/berita/d-1/banjir", Published: "2025-10-21T10:00:00+07:00"},
		{Body: regional, URL: "https://www.detik.com/jabar/berita/d-2/banjir", Published: "2025-10-21T12:00:00+07:00"},
		{Body: updated, URL: "https://news.detik.com/berita/d-1/banjir", Published: "2025-10-21T10:00:00+07:00"},
		{Body: regional, URL: "https://www.detik.com/jateng/berita/d-3/banjir", Published: "2025-10-21T13:00:00+07:00"},
		{Body: national, URL: "https://news.detik.com/berita/d-4/banjir-bekasi", Published: "2025-10-22T08:00:00+07:00"},
	}
}

// withoutFields hides the candidates' compare fields, as a store whose
// articles were linked before they were kept gives none.
type withoutFields struct{ store.LineageTx }

func (withoutFields) CompareFields(context.Context, []int64) (map[int64][]byte, error) {
	return map[int64][]byte{}, nil
}

// Linking inside the transaction that stores a batch (ObserveTx) finds
// the same relations and keeps the same keys as linking after each commit
// (Observe), with a copy in the same batch as its original and a new
// version of an article already compared as a candidate; and so it does
// from the candidates' records when they have no compare fields.
func TestObserveTxLinksAsAfterCommit(t *testing.T) {
	ctx := context.Background()
	var records [][]byte
	for _, in := range lineageInputs(t) {
		records = append(records, analysedJSON(t, in))
	}
	ingest := func(t *testing.T, tx, fields bool, batch int) *sqlite.Store {
		st, err := sqlite.Open(ctx, t.TempDir(), sqlite.Options{Analyzer: search.Indonesian()})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		opts := pipeline.WriterOptions{MaxBatch: batch, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
		l := &lineage.Linker{Records: st, Lineage: st}
		switch {
		case tx && fields:
			opts.TxObservers = []pipeline.TxObserver{l.ObserveTx}
		case tx:
			opts.TxObservers = []pipeline.TxObserver{func(ctx context.Context, tx store.LineageTx, s pipeline.Stored) error {
				return l.ObserveTx(ctx, withoutFields{tx}, s)
			}}
		default:
			opts.Observers = []pipeline.Observer{l.Observe}
		}
		pipelinetest.WriteAll(ctx, t, st, opts, records)
		return st
	}
	after := ingest(t, false, true, 1)
	want := lineageState(t, after)
	if len(want.relations) < 4 {
		t.Fatalf("%d relations after commit, want the copies and translations: %v", len(want.relations), want.relations)
	}
	for _, c := range []struct {
		batch  int
		fields bool
	}{{1, true}, {3, true}, {16, true}, {3, false}} {
		got := lineageState(t, ingest(t, true, c.fields, c.batch))
		if !slices.Equal(got.relations, want.relations) {
			t.Errorf("batches of %d, compare fields %v: relations\n%v\nwant\n%v", c.batch, c.fields, got.relations, want.relations)
		}
		if got.fingerprinted != want.fingerprinted || !maps.Equal(got.names, want.names) {
			t.Errorf("batches of %d: %d fingerprinted, names %v; want %d, %v", c.batch, got.fingerprinted, got.names, want.fingerprinted, want.names)
		}
	}
}

type state struct {
	relations     []string
	fingerprinted int
	names         map[string]int
}

// lineageState reads the relations of every stored article and the kept
// name counts.
func lineageState(t *testing.T, st *sqlite.Store) state {
	t.Helper()
	ctx := context.Background()
	var s state
	var names []string
	for id := int64(1); ; id++ {
		a, err := st.Article(ctx, id)
		if err != nil {
			break
		}
		rels, err := st.Relations(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rels {
			s.relations = append(s.relations, string(mustJSON(t, r)))
		}
		fa, err := lineage.FromRecord(id, a.Record)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, fa.Fingerprint.Names...)
		// The compare fields are the current version's.
		fields, err := st.CompareFields(ctx, []int64{id})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(fields[id], lineage.EncodeFields(fa)) {
			t.Errorf("article %d: compare fields are not its current record's", id)
		}
	}
	var err error
	if s.fingerprinted, err = st.FingerprintCount(ctx); err != nil {
		t.Fatal(err)
	}
	if s.names, err = st.NameCounts(ctx, names); err != nil {
		t.Fatal(err)
	}
	return s
}

func mustJSON(t *testing.T, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
