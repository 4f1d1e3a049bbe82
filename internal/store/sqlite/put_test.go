package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/storetest"
)

// An entity keeps its longest name and its first country, whether the
// names come in one article or in several, and whether it was stored
// before or is new.
func TestUpsertEntities(t *testing.T) {
	s := open(t, t.TempDir(), search.Indonesian())
	type want struct{ name, norm, country string }
	check := func(t *testing.T, ids map[string]int64, wants map[string]want) {
		t.Helper()
		for key, w := range wants {
			var got want
			var id int64
			if err := s.db.QueryRowContext(ctx, `SELECT id, name, norm, coalesce(country, '') FROM entities WHERE key = ?`, key).
				Scan(&id, &got.name, &got.norm, &got.country); err != nil {
				t.Fatalf("%s: %v", key, err)
			}
			if got != w {
				t.Errorf("%s: got %+v, want %+v", key, got, w)
			}
			if ids[key] != id {
				t.Errorf("%s: id %d returned, %d stored", key, ids[key], id)
			}
		}
	}
	upsert := func(t *testing.T, rows ...entityRow) map[string]int64 {
		t.Helper()
		tx, err := s.wdb.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		ids, err := upsertEntities(ctx, tx, rows)
		if err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		return ids
	}
	ids := upsert(t,
		entityRow{key: "k:a", typ: "PERSON", name: "Joko", norm: "joko"},
		entityRow{key: "k:b", typ: "ORG", name: "KPK", norm: "kpk", country: "ID"},
		entityRow{key: "k:a", typ: "PERSON", name: "Joko Widodo", norm: "joko widodo"},
		entityRow{key: "k:a", typ: "PERSON", name: "Jokowi", norm: "jokowi", country: "ID"},
	)
	check(t, ids, map[string]want{
		"k:a": {"Joko Widodo", "joko widodo", "ID"},
		"k:b": {"KPK", "kpk", "ID"},
	})
	if ids["k:a"] >= ids["k:b"] {
		t.Errorf("ids %v: new entities take ids in the order they come", ids)
	}
	// Stored before: a shorter name and another country change nothing,
	// a longer name (in characters, not bytes) and a first country do.
	ids = upsert(t,
		entityRow{key: "k:b", typ: "ORG", name: "K.P.K.", norm: "kpk", country: "MY"},
		entityRow{key: "k:a", typ: "PERSON", name: "Joko Widodö", norm: "joko widodö"},
		entityRow{key: "k:c", typ: "PLACE", name: "Solo", norm: "solo"},
		entityRow{key: "k:c", typ: "PLACE", name: "Surakarta", norm: "surakarta", country: "ID"},
	)
	check(t, ids, map[string]want{
		"k:a": {"Joko Widodo", "joko widodo", "ID"},
		"k:b": {"KPK", "kpk", "ID"},
		"k:c": {"Surakarta", "surakarta", "ID"},
	})
	ids = upsert(t, entityRow{key: "k:b", typ: "ORG", name: "Komisi Pemberantasan Korupsi", norm: "komisi pemberantasan korupsi"})
	check(t, ids, map[string]want{"k:b": {"Komisi Pemberantasan Korupsi", "komisi pemberantasan korupsi", "ID"}})
	// The name index follows the new name.
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM entity_names WHERE entity_names MATCH 'pemberantasan'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("entity_names finds the new name %d times (%v), want 1", n, err)
	}
}

// A batch's rows for the search index are written after its records'
// savepoints, in one segment; an article whose two versions come in the
// same batch has only the newer indexed, and the index stays whole.
func TestBatchIndexedOnce(t *testing.T) {
	s := open(t, t.TempDir(), search.Indonesian())
	first := storetest.Article{Title: "Banjir Rob di Pesisir", Body: "Air laut menggenangi permukiman nelayan.", URL: "https://contoh.example/rob"}
	second := first
	second.Body = "Air pasang menggenangi tambak garam."
	other := storetest.Article{Title: "Pasar Murah Digelar", Body: "Warga antre membeli beras murah.", URL: "https://contoh.example/pasar"}
	records := [][]byte{storetest.Record(t, first), storetest.Record(t, other), storetest.Record(t, second)}
	segments := func() int {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM search_index_data WHERE id > 10`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := segments()
	saw := 0
	res, err := s.PutBatchTx(ctx, records, func(ctx context.Context, tx store.LineageTx, i int, r store.PutResult) error {
		saw++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if saw != 3 || res[2].Status != store.NewVersion || res[2].ID != res[0].ID {
		t.Fatalf("results %+v, %d records observed", res, saw)
	}
	if got := segments() - before; got != 1 {
		t.Errorf("the batch wrote %d index pages, want one segment's", got)
	}
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
	for word, want := range map[string]int{"tambak": 1, "nelayan": 0, "beras": 1} {
		if got := storetest.Find(t, s, word).Total; got != want {
			t.Errorf("%q: %d hits, want %d", word, got, want)
		}
	}
}

// mentionsArticle is an article whose entities are written several ways,
// one of them twice in the record (two rows of one entities row).
func mentionsArticle(i int) storetest.Article {
	mention := func(text string, at int) map[string]any {
		return map[string]any{"text": text, "start": at, "end": at + len(text)}
	}
	ent := func(id, name string, ms ...map[string]any) map[string]any {
		return map[string]any{"id": id, "name": name, "type": "PER", "country": "ID", "mentions": ms, "roles": []string{}, "salience": 0.3}
	}
	return storetest.Article{
		Title: fmt.Sprintf("Presiden Meninjau Pasar %d", i), Body: "Presiden Joko Widodo meninjau pasar. Jokowi membeli sayur.",
		URL: fmt.Sprintf("https://contoh.example/pasar-%d", i), Published: fmt.Sprintf("2025-10-%02d", i+1),
		Extra: map[string]any{"entities": []any{
			ent("E1", "Joko Widodo", mention("Joko Widodo", 9), mention("Jokowi", 37), mention("Jokowi", 60)),
			ent("E2", "Sri Mulyani", mention("Sri Mulyani", 80)),
			ent("E3", "Joko Widodo", mention("Pak Jokowi", 90)),
			ent("E4", "Iriana", mention("Iriana", 100), mention("Ibu Iriana", 110)),
		}},
	}
}

// The names of the entity and identity pages come from article_entities'
// names since migration 19, the same as from the mentions table before:
// a store taken back to its mentions rows reads alike once migrated, and
// its rows hold what a put writes.
func TestMentionNamesMigration(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, search.Indonesian())
	for i := range 3 {
		put(t, s, mentionsArticle(i))
	}
	var entities []int64
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM entities ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	if entities, err = collect(rows, func(r *sql.Rows, id *int64) error { return r.Scan(id) }); err != nil || len(entities) != 3 {
		t.Fatalf("entities %v, %v", entities, err)
	}
	pages := func() (names [][]string, aliases [][]store.AliasInfo, columns []string) {
		t.Helper()
		for _, id := range entities {
			e, err := s.Entity(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			idn, err := s.Identity(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			names, aliases = append(names, e.Names), append(aliases, idn.Aliases)
		}
		rows, err := s.db.QueryContext(ctx, `SELECT article_id || ' ' || local_id || ' ' || coalesce(names, 'NULL') FROM article_entities ORDER BY rowid`)
		if err != nil {
			t.Fatal(err)
		}
		if columns, err = collect(rows, func(r *sql.Rows, v *string) error { return r.Scan(v) }); err != nil {
			t.Fatal(err)
		}
		return names, aliases, columns
	}
	names, aliases, columns := pages()
	joko := slices.IndexFunc(names, func(n []string) bool { return len(n) > 0 && slices.Contains(n, "Jokowi") })
	if joko < 0 || !slices.Equal(names[joko], []string{"Jokowi", "Joko Widodo", "Pak Jokowi"}) {
		t.Fatalf("names %q, want Jokowi's by count", names)
	}
	if !slices.Contains(columns, fmt.Sprintf("%d E2 NULL", 1)) {
		t.Errorf("a row written only as its name keeps NULL: %q", columns)
	}

	// Back to migration 18: the mentions rows from the names, then the
	// column dropped.
	if _, err := s.wdb.ExecContext(ctx, mentionsTable+`;
WITH RECURSIVE m (article_id, entity_id, text, n) AS (
	SELECT ae.article_id, ae.entity_id, j.key, j.value FROM article_entities ae, json_each(coalesce(ae.names, json_object(ae.name, ae.mentions))) j
	UNION ALL SELECT article_id, entity_id, text, n - 1 FROM m WHERE n > 1)
INSERT INTO mentions (article_id, entity_id, text, start, "end") SELECT article_id, entity_id, text, 0, 0 FROM m WHERE n > 0;
ALTER TABLE article_entities DROP COLUMN names;
PRAGMA user_version = 18;`); err != nil {
		t.Fatal(err)
	}
	var mentions int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM mentions`).Scan(&mentions); err != nil || mentions != 3*7 {
		t.Fatalf("%d mentions rows (%v), want 21", mentions, err)
	}
	s.Close()
	s = open(t, dir, search.Indonesian())
	// E3 shares Joko Widodo's entities row: its mention moves to E1's row.
	wantColumns := slices.Clone(columns)
	for i, c := range wantColumns {
		if strings.HasSuffix(c, ` E1 {"Joko Widodo":1,"Jokowi":2}`) {
			wantColumns[i] = strings.TrimSuffix(c, `}`) + `,"Pak Jokowi":1}`
		}
		if strings.HasSuffix(c, ` E3 {"Pak Jokowi":1}`) {
			wantColumns[i] = strings.TrimSuffix(c, `{"Pak Jokowi":1}`) + `{}`
		}
	}
	gotNames, gotAliases, gotColumns := pages()
	if !slices.Equal(gotColumns, wantColumns) {
		t.Errorf("names after the migration\n%q\nwant\n%q", gotColumns, wantColumns)
	}
	for i := range entities {
		if !slices.Equal(gotNames[i], names[i]) || !slices.Equal(gotAliases[i], aliases[i]) {
			t.Errorf("entity %d: names %q aliases %v, want %q %v", entities[i], gotNames[i], gotAliases[i], names[i], aliases[i])
		}
	}
	var gone int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE name = 'mentions'`).Scan(&gone); err != nil || gone != 0 {
		t.Errorf("the mentions table is still there (%v)", err)
	}
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if err := migrateMentionNames(ctx, tx); err != nil {
		t.Errorf("migration 19 again: %v", err)
	}
}

// toneArticle is mentionsArticle with its entities' tones: E2's read no
// sentence, and a tone names an entity id the record does not have.
func toneArticle(i int) storetest.Article {
	a := mentionsArticle(i)
	tone := func(id string, pos, neg float64, sentences int) map[string]any {
		return map[string]any{"entity": id, "score": pos - neg, "positive": pos, "negative": neg, "sentences": sentences}
	}
	a.Extra["tone"] = map[string]any{"score": 0.1, "entities": []any{
		tone("E1", 0.5+float64(i)/10, 0.25, 2), tone("E2", 0, 0, 0), tone("E3", 0.125, 0.5, 1),
		tone("E4", 0, 0.375, 1+i), tone("E9", 1, 0, 1)}}
	return a
}

// Migration 21 moves each entity's tone from entity_tones into its
// article_entities row: a store taken back to the table reads the same
// tones once migrated, the table is gone, and opening it again changes
// nothing.
func TestEntityTonesMigration(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, search.Indonesian())
	for i := range 3 {
		put(t, s, toneArticle(i))
	}
	read := func() (columns []string, tones []*store.EntityTone) {
		t.Helper()
		rows, err := s.db.QueryContext(ctx, `SELECT article_id || ' ' || local_id || ' ' || coalesce(tone_score_100 / `+toneDiv+`, 'NULL') || ' ' ||
			coalesce(tone_positive_100 / `+toneDiv+`, 'NULL') || ' ' || coalesce(tone_negative_100 / `+toneDiv+`, 'NULL') || ' ' || coalesce(tone_sentences, 'NULL')
			FROM article_entities ORDER BY rowid`)
		if err != nil {
			t.Fatal(err)
		}
		if columns, err = collect(rows, func(r *sql.Rows, v *string) error { return r.Scan(v) }); err != nil {
			t.Fatal(err)
		}
		rows, err = s.db.QueryContext(ctx, `SELECT DISTINCT entity_id FROM article_entities ORDER BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		ids, err := collect(rows, func(r *sql.Rows, id *int64) error { return r.Scan(id) })
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			et, err := s.EntityTone(ctx, id, store.ToneFilter{})
			if err != nil {
				t.Fatal(err)
			}
			tones = append(tones, et)
		}
		return columns, tones
	}
	columns, tones := read()
	if !slices.Contains(columns, "1 E1 0.25 0.5 0.25 2") || !slices.Contains(columns, "1 E2 NULL NULL NULL NULL") {
		t.Fatalf("tone columns %q: want E1's tone and none for E2", columns)
	}
	if len(tones) != 3 || tones[0].Articles != 3 || tones[1].Articles != 0 {
		t.Fatalf("entity tones %+v: want Joko Widodo's 3 articles and none for Sri Mulyani", tones)
	}

	// Back to migration 20: the tones in entity_tones, the columns gone.
	down := `CREATE TABLE entity_tones (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	local_id   TEXT NOT NULL,
	score      REAL NOT NULL,
	positive   REAL NOT NULL,
	negative   REAL NOT NULL,
	sentences  INTEGER NOT NULL,
	PRIMARY KEY (article_id, local_id)
) WITHOUT ROWID;
INSERT INTO entity_tones SELECT article_id, local_id, tone_score_100, tone_positive_100, tone_negative_100, tone_sentences
	FROM article_entities WHERE tone_sentences IS NOT NULL;
INSERT INTO entity_tones VALUES (1, 'E9', 1, 1, 0, 1);
ALTER TABLE article_entities DROP COLUMN tone_score;
ALTER TABLE article_entities DROP COLUMN tone_positive;
ALTER TABLE article_entities DROP COLUMN tone_negative;
ALTER TABLE article_entities DROP COLUMN tone_sentences;
PRAGMA user_version = 20;`
	if _, err := s.wdb.ExecContext(ctx, down); err != nil {
		t.Fatal(err)
	}
	for run := range 2 {
		s.Close()
		s = open(t, dir, search.Indonesian())
		gotColumns, gotTones := read()
		if !slices.Equal(gotColumns, columns) {
			t.Errorf("run %d: tone columns after the migration\n%q\nwant\n%q", run, gotColumns, columns)
		}
		if !reflect.DeepEqual(gotTones, tones) {
			t.Errorf("run %d: entity tones after the migration\n%+v\nwant\n%+v", run, gotTones, tones)
		}
		var left bool
		if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'entity_tones')`).Scan(&left); err != nil || left {
			t.Errorf("run %d: entity_tones still there (%v)", run, err)
		}
		// Opened again at 20 with the columns and without the table: the
		// migration leaves the rows alone.
		if _, err := s.wdb.ExecContext(ctx, `PRAGMA user_version = 20`); err != nil {
			t.Fatal(err)
		}
	}
}

// The aliases a batch's articles teach are counted in the batch and
// written at its end: the counts, and the refs its later articles get
// from them, are those of the same articles put one at a time.
func TestAliasesCountedPerBatch(t *testing.T) {
	var records [][]byte
	for i := range 5 {
		records = append(records, storetest.Record(t, mentionsArticle(i)))
	}
	read := func(s *Store) (aliases, refs []string) {
		t.Helper()
		for q, out := range map[string]*[]string{
			`SELECT type || ' ' || norm || ' ' || ref || ' ' || name || ' ' || articles FROM entity_aliases ORDER BY 1`: &aliases,
			`SELECT article_id || ' ' || local_id || ' ' || ref FROM article_entities ORDER BY 1`:                       &refs,
		} {
			rows, err := s.db.QueryContext(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if *out, err = collect(rows, func(r *sql.Rows, v *string) error { return r.Scan(v) }); err != nil {
				t.Fatal(err)
			}
		}
		return aliases, refs
	}
	one := open(t, t.TempDir(), search.Indonesian())
	for _, r := range records {
		if _, err := one.Put(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	// Two batches: the second adds its counts to the rows the first wrote.
	batch := open(t, t.TempDir(), search.Indonesian())
	for _, b := range [][][]byte{records[:2], records[2:]} {
		if _, err := batch.PutBatch(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	wantAliases, wantRefs := read(one)
	gotAliases, gotRefs := read(batch)
	if !slices.Contains(wantAliases, "PER jokowi PER:joko widodo Jokowi 5") {
		t.Fatalf("aliases one at a time %q: want Jokowi for Joko Widodo, 5 articles", wantAliases)
	}
	if !slices.Equal(gotAliases, wantAliases) || !slices.Equal(gotRefs, wantRefs) {
		t.Errorf("in one batch: aliases\n%q\nrefs %q\nwant\n%q\nrefs %q", gotAliases, gotRefs, wantAliases, wantRefs)
	}
}

// A record's decimals (two for tones, three for salience) come back from
// their scaled, whole form as the very doubles they parsed to; others
// stay within rounding of themselves.
func TestScaled(t *testing.T) {
	for _, c := range []struct {
		format string
		scale  float64
		n      int
	}{{"%d.%02d", toneScale, 100}, {"%d.%03d", salienceScale, 1000}} {
		for whole := -120; whole <= 120; whole++ {
			for frac := range c.n {
				if whole < 0 && frac > 0 {
					continue
				}
				x, err := strconv.ParseFloat(fmt.Sprintf(c.format, whole, frac), 64)
				if err != nil {
					t.Fatal(err)
				}
				v, ok := scaled(x, c.scale).(int64)
				if !ok || float64(v)/c.scale != x {
					t.Fatalf("%v scaled by %v: %v, read back %v", x, c.scale, scaled(x, c.scale), float64(v)/c.scale)
				}
			}
		}
	}
	for _, x := range []float64{0.125, 1.0 / 3, -2.71828, 0.44999999999999996} {
		if v, ok := scaled(x, toneScale).(float64); !ok || math.Abs(v/toneScale-x) > 1e-15*math.Abs(x) {
			t.Errorf("%v: scaled %v", x, scaled(x, toneScale))
		}
	}
}

// Migrations 25 and 26 scale the salience and tones of a store written
// before and move them to untyped columns: its entity articles and tones
// read as a new store's, and opening it again scales nothing twice.
func TestEntityScalesMigration(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, search.Indonesian())
	for i := range 3 {
		put(t, s, toneArticle(i))
	}
	read := func() (articles [][]store.EntityArticle, tones []*store.EntityTone) {
		t.Helper()
		for id := int64(1); id <= 4; id++ {
			ea, err := s.EntityArticles(ctx, id, store.Page{})
			if err != nil {
				t.Fatal(err)
			}
			et, err := s.EntityTone(ctx, id, store.ToneFilter{})
			if err != nil {
				t.Fatal(err)
			}
			articles, tones = append(articles, ea), append(tones, et)
		}
		return articles, tones
	}
	articles, tones := read()
	if articles[0][0].Salience != 0.3 || tones[0].Articles != 3 {
		t.Fatalf("entity articles %+v, tones %+v: want salience 0.3 and 3 toned articles", articles[0], tones[0])
	}
	var ints int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM article_entities WHERE typeof(salience_1000) = 'integer'`).Scan(&ints); err != nil || ints != 12 {
		t.Fatalf("%d of 12 saliences stored as integers (%v)", ints, err)
	}
	// Back to migration 24: unscaled, in the REAL columns.
	for _, q := range []string{`UPDATE article_entities SET salience = salience_1000 / 1000.0,
		tone_score = tone_score_100 / 100.0, tone_positive = tone_positive_100 / 100.0, tone_negative = tone_negative_100 / 100.0`,
		`ALTER TABLE article_entities DROP COLUMN salience_1000`, `ALTER TABLE article_entities DROP COLUMN tone_score_100`,
		`ALTER TABLE article_entities DROP COLUMN tone_positive_100`, `ALTER TABLE article_entities DROP COLUMN tone_negative_100`} {
		if _, err := s.wdb.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.wdb.ExecContext(ctx, `DELETE FROM meta WHERE key = 'entity_scales'`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.wdb.ExecContext(ctx, `PRAGMA user_version = 24`); err != nil {
		t.Fatal(err)
	}
	for run := range 2 {
		s.Close()
		s = open(t, dir, search.Indonesian())
		gotArticles, gotTones := read()
		if !reflect.DeepEqual(gotArticles, articles) || !reflect.DeepEqual(gotTones, tones) {
			t.Errorf("run %d: after the migration\n%+v\n%+v\nwant\n%+v\n%+v", run, gotArticles, gotTones, articles, tones)
		}
		if _, err := s.wdb.ExecContext(ctx, `PRAGMA user_version = 24`); err != nil {
			t.Fatal(err)
		}
	}
}
