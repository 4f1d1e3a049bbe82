package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store/storetest"
)

// TestDayTags checks which terms a date range becomes: whole years and
// months as one term, the stored days of a part month one by one.
func TestDayTags(t *testing.T) {
	s, _, _ := boundsStore(t) // 2025-10-17 to 2025-11-15, a day each
	for _, tt := range []struct {
		from, to string
		want     string
	}{
		{"2025", "2025", `(y2025)`},
		{"", "", `(y2025)`},
		{"2025-10", "", `(m2025-10 OR m2025-11)`},
		{"2025-10-30", "2025-11", `(d2025-10-30 OR d2025-10-31 OR m2025-11)`},
		{"", "2025-10-18", `(d2025-10-17 OR d2025-10-18)`},
		{"2025-11-16", "", ``},
		{"2024", "2024-12-31", ``},
	} {
		got, err := s.dayTags(ctx, tt.from, tt.to)
		if err != nil {
			t.Fatal(err)
		}
		got = strings.NewReplacer(tagMark, "", `"`, "").Replace(got)
		if got != tt.want {
			t.Errorf("dayTags(%q, %q) = %s, want %s", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestVersionTags(t *testing.T) {
	for _, tt := range []struct {
		day  string
		tags *tagged
		want string
	}{
		{"2025-10-17", &tagged{entities: []int64{12, 3, 12}}, " y2025 m2025-10 d2025-10-17 e3 e12"},
		{"", &tagged{entities: []int64{7}, speakers: []int64{9, 7, 9}, names: []string{"sri mulyani", "", "purbaya", "sri mulyani"}},
			" e7 s7 s9 npurbaya nsri\x1fmulyani"},
		{"2025-10", nil, ""},
	} {
		if got := versionTags(tt.day, tt.tags); got != tagMark+strings.ReplaceAll(tt.want, " ", " "+tagMark) {
			t.Errorf("versionTags(%q, %v) = %q", tt.day, tt.tags, got)
		}
	}
}

// TestTagsFollowVersions checks that the index's tags are those of each
// article's newest version, that they agree with the text the index is
// checked against (its delete needs the very terms it indexed), and that
// no word of a text is a tag.
func TestTagsFollowVersions(t *testing.T) {
	s := open(t, t.TempDir(), search.Indonesian())
	// person is mentioned and quoted; so is Pak Joko, whom no entity
	// stands for.
	person := func(name string) map[string]any {
		return map[string]any{"entities": []any{map[string]any{"id": "E1", "name": name, "type": "PER", "country": "ID",
			"mentions": []any{map[string]any{"text": name, "start": 0, "end": len(name)}}, "roles": []string{}, "salience": 0.5}},
			"quotes": []any{
				map[string]any{"text": "Air naik.", "start": 1, "end": 10, "kind": "direct", "speaker": "E1", "speaker_name": name, "cue": "kata"},
				map[string]any{"text": "Kami mengungsi.", "start": 11, "end": 26, "kind": "direct", "speaker": nil,
					"speaker_name": "Pak  Joko " + name, "cue": "ujar"}}}
	}
	put := func(body, published string, extra map[string]any) {
		t.Helper()
		if _, err := s.Put(ctx, storetest.Record(t, storetest.Article{Title: "Banjir di Bekasi", Body: body,
			URL: "https://contoh.example/banjir", Published: published, Extra: extra})); err != nil {
			t.Fatal(err)
		}
	}
	hits := func(query string) int {
		t.Helper()
		return storetest.Find(t, s, query).Total
	}
	put("Sutrisno melihat banjir naik. Kode e1 y2025.", "2025-10-17", person("Sutrisno"))
	if hits(`entity:sutrisno banjir`) != 1 || hits(`banjir from:2025-10-17 to:2025-10-17`) != 1 {
		t.Errorf("first version: entity and word %d, word and day %d hits; want 1, 1",
			hits(`entity:sutrisno banjir`), hits(`banjir from:2025-10-17 to:2025-10-17`))
	}
	if hits(`speaker:sutrisno banjir`) != 1 || hits(`speaker:"pak joko sutrisno" banjir`) != 1 || hits(`speaker:joko banjir`) != 0 {
		t.Errorf("first version: speaker and word %d, speaker without an entity and word %d, part of a name %d hits; want 1, 1, 0",
			hits(`speaker:sutrisno banjir`), hits(`speaker:"pak joko sutrisno" banjir`), hits(`speaker:joko banjir`))
	}
	// The text's words are words, never tags, and the other way round.
	// (A query cannot type the tag mark: search.Parse refuses control
	// characters.)
	if hits(`e1`) != 1 || hits(`y2025`) != 1 || hits(`entity:sutrisno e1`) != 1 {
		t.Errorf("words like tags: e1 %d, y2025 %d, with the entity %d hits; want 1 each", hits(`e1`), hits(`y2025`), hits(`entity:sutrisno e1`))
	}
	put("Purbaya melihat banjir surut.", "2025-11-02", person("Purbaya"))
	for query, want := range map[string]int{
		`entity:sutrisno banjir`:                     0,
		`entity:purbaya banjir`:                      1,
		`banjir from:2025-10-17 to:2025-10-17`:       0,
		`banjir from:2025-11`:                        1,
		`entity:purbaya banjir from:2025 to:2025-10`: 0,
		`speaker:sutrisno banjir`:                    0,
		`speaker:"pak joko sutrisno" banjir`:         0,
		`speaker:purbaya banjir`:                     1,
		`speaker:"pak joko purbaya" banjir`:          1,
	} {
		if got := hits(query); got != want {
			t.Errorf("new version: %s: %d hits, want %d", query, got, want)
		}
	}
	if err := s.Check(ctx); err != nil {
		t.Errorf("after a new version: %v", err)
	}
	res := storetest.Find(t, s, `banjir`)
	if len(res.Hits) != 1 {
		t.Fatalf("banjir: %d hits", len(res.Hits))
	}
	if err := s.Delete(ctx, res.Hits[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.Check(ctx); err != nil {
		t.Errorf("after a delete: %v", err)
	}
	if hits(`entity:purbaya banjir`) != 0 {
		t.Errorf("deleted article still found")
	}
}

// A store indexed before the speakers' tags (migrateSpeakerTags) gets
// them: a speaker filter finds what the quotes say, and the index agrees
// with its view.
func TestSpeakerTagsMigration(t *testing.T) {
	before := slices.IndexFunc(migrations, func(m func(context.Context, *sql.Tx) error) bool {
		return reflect.ValueOf(m).Pointer() == reflect.ValueOf(migrateSpeakerTags).Pointer()
	})
	s, _, purbaya := boundsStore(t)
	speakers := func(s *Store) (byEntity, byName int) {
		t.Helper()
		return storetest.Find(t, s, `speaker:purbaya banjir`).Total, storetest.Find(t, s, `speaker:sutrisno banjir`).Total
	}
	if e, n := speakers(s); e != len(purbaya) || n != 6 {
		t.Fatalf("before: %d and %d hits, want %d and 6", e, n, len(purbaya))
	}
	if _, err := s.wdb.ExecContext(ctx, `DROP VIEW indexed_text; `+indexedTextView(tagsColumnSQL16)+`;
		INSERT INTO search_index (search_index) VALUES ('rebuild'); PRAGMA user_version = `+strconv.Itoa(before)); err != nil {
		t.Fatal(err)
	}
	if e, n := speakers(s); e != 0 || n != 0 {
		t.Fatalf("taken back to %d: %d and %d hits, want none (no speaker tags)", before, e, n)
	}
	s.Close()
	s = open(t, filepath.Dir(s.Path()), search.Indonesian())
	if e, n := speakers(s); e != len(purbaya) || n != 6 {
		t.Errorf("after the migration: %d and %d hits, want %d and 6", e, n, len(purbaya))
	}
	if err := s.Check(ctx); err != nil {
		t.Errorf("after the migration: %v", err)
	}
}
