package sqlite

import (
	"slices"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/storetest"
)

// The articles per day follow the articles as they are stored, get a new
// version of another day and are deleted, and a store made before the
// table gets it on opening: always what counting every article gives.
func TestArticleDays(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, search.Indonesian())
	counted := func() []store.DayCount {
		t.Helper()
		rows, err := s.db.QueryContext(ctx, `SELECT v.day, count(*) FROM articles a JOIN versions v ON v.id = a.current
			WHERE v.day IS NOT NULL GROUP BY v.day ORDER BY v.day`)
		if err != nil {
			t.Fatal(err)
		}
		days, err := scanDays(rows)
		if err != nil {
			t.Fatal(err)
		}
		return days
	}
	check := func(when string, want []store.DayCount) {
		t.Helper()
		got, err := s.ArticleDays(ctx, "", "")
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) || !slices.Equal(got, counted()) {
			t.Errorf("%s: ArticleDays %v, want %v (counted %v)", when, got, want, counted())
		}
	}
	article := func(url, published, body string) storetest.Article {
		return storetest.Article{Title: "Harga Cabai Naik", URL: url, Published: published, Body: body}
	}
	var ids []int64
	for _, a := range []storetest.Article{
		article("https://contoh.example/a", "2025-10-20", "Harga cabai di pasar naik."),
		article("https://contoh.example/b", "2025-10-20", "Harga cabai di Bekasi naik."),
		article("https://contoh.example/c", "2025-10-21", "Harga cabai di Bogor naik."),
		article("https://contoh.example/d", "", "Harga cabai di Depok naik."), // no day
	} {
		res, err := s.Put(ctx, storetest.Record(t, a))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res.ID)
	}
	check("stored", []store.DayCount{{Day: "2025-10-20", Count: 2}, {Day: "2025-10-21", Count: 1}})
	// A new version moves the article to its new day; the same again
	// changes nothing.
	for range 2 {
		if _, err := s.Put(ctx, storetest.Record(t, article("https://contoh.example/b", "2025-10-22", "Harga cabai di Bekasi naik lagi."))); err != nil {
			t.Fatal(err)
		}
	}
	check("after a new version", []store.DayCount{{Day: "2025-10-20", Count: 1}, {Day: "2025-10-21", Count: 1}, {Day: "2025-10-22", Count: 1}})
	if err := s.Delete(ctx, ids[2]); err != nil {
		t.Fatal(err)
	}
	want := []store.DayCount{{Day: "2025-10-20", Count: 1}, {Day: "2025-10-22", Count: 1}}
	check("after a delete", want)
	if got, err := s.ArticleDays(ctx, "2025-10-21", "2025-10"); err != nil || !slices.Equal(got, want[1:]) {
		t.Errorf("from 21 October: %v, %v; want %v", got, err, want[1:])
	}

	if _, err := s.wdb.ExecContext(ctx, `DROP TRIGGER article_days_current; DROP TRIGGER article_days_delete;
		DROP TABLE article_days; PRAGMA user_version = 13`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = open(t, dir, search.Indonesian())
	check("after the migration", want)
}

// TestStamp: the stamp stays while nothing is written, and changes with
// an article stored or deleted, and with any other write.
func TestStamp(t *testing.T) {
	s := open(t, t.TempDir(), search.Indonesian())
	stamp := func() string {
		t.Helper()
		v, err := s.Stamp(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	res := put(t, s, storetest.Article{Title: "Harga Cabai Naik", Body: "Harga cabai di pasar induk naik dua kali lipat pekan ini.",
		URL: "https://contoh.example/cabai", Published: "2025-09-02"})
	a := stamp()
	if b := stamp(); b != a {
		t.Fatalf("stamp changed with nothing written: %q then %q", a, b)
	}
	put(t, s, storetest.Article{Title: "Harga Bawang Turun", Body: "Harga bawang merah turun setelah panen raya.",
		URL: "https://contoh.example/bawang", Published: "2025-09-03"})
	b := stamp()
	if b == a {
		t.Error("stamp unchanged after an article was stored")
	}
	if _, err := s.wdb.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('stamp-test', '1')`); err != nil {
		t.Fatal(err)
	}
	c := stamp()
	if c == b {
		t.Error("stamp unchanged after a write outside the articles")
	}
	if err := s.Delete(ctx, res.ID); err != nil {
		t.Fatal(err)
	}
	if stamp() == c {
		t.Error("stamp unchanged after an article was deleted")
	}
}
