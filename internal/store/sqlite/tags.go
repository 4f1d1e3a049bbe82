package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3/ext/fts5"

	"github.com/warta-news/warta/internal/search"
)

// The full-text index's third column, tags, holds what a search filters
// on besides words, as terms of their own: the id of every entity the
// version mentions (e12), the speakers it quotes, by entity (s12) and by
// name as normalised (nsri\x1fmulyani: a name's spaces are tagMark, as a
// tag is one term), and its day, month and year (d2021-05-20, m2021-05,
// y2021). A filter with words is then a merge of posting lists inside
// FTS5 (banjir AND (e12 OR e40) AND (d2021-05-20 OR ...)), which stops at
// the page, instead of a scan of all the word's documents that probes a
// set made of all the filter's articles. The terms are verbatim, each
// opened by tagMark, which the Analyzer never emits, so that no word of a
// text is a tag; a text opened by tagMark is a tags text (a query's tag
// strings too).
//
// Every row's tags are one term long to BM25: the first term counts, the
// others are at its position (TOKEN_COLOCATED), and the column weighs 0
// in the ranking (migration 16). BM25 reads a row's length over all its
// columns, so each row is one term longer than before: the same for all.
const tagMark = "\x1f"

// tagsColumnSQL16 is the tags text migration 16 indexed: days and
// entities. Kept as it shipped, since migrations never change.
const tagsColumnSQL16 = `char(31) ||
	CASE WHEN v.day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN
		' ' || char(31) || 'y' || substr(v.day, 1, 4) || ' ' || char(31) || 'm' || substr(v.day, 1, 7) ||
		' ' || char(31) || 'd' || v.day
	ELSE '' END ||
	coalesce(' ' || (SELECT group_concat(char(31) || 'e' || e.entity_id, ' ' ORDER BY e.entity_id)
		FROM (SELECT DISTINCT entity_id FROM article_entities WHERE article_id = v.article_id) e), '')`

// tagsColumnSQL is the tags text of version v (the view indexed_text),
// made as versionTags makes it: it must give the same terms, or the
// index's delete goes wrong. The speakers are those of the version's
// quotes (the quotes table holds an article's newest version's).
const tagsColumnSQL = tagsColumnSQL16 + ` ||
	coalesce(' ' || (SELECT group_concat(char(31) || 's' || q.speaker_id, ' ' ORDER BY q.speaker_id)
		FROM (SELECT DISTINCT speaker_id FROM quotes WHERE article_id = v.article_id AND speaker_id IS NOT NULL) q), '') ||
	coalesce(' ' || (SELECT group_concat(char(31) || 'n' || replace(q.speaker_norm, ' ', char(31)), ' ' ORDER BY q.speaker_norm)
		FROM (SELECT DISTINCT speaker_norm FROM quotes WHERE article_id = v.article_id AND speaker_norm <> '') q), '')`

// indexedTextView is the statement that makes the view indexed_text,
// what the full-text index holds of each article's newest version, with
// tags the SQL of its tags text.
func indexedTextView(tags string) string {
	return `CREATE VIEW indexed_text (id, title, body, tags) AS
	SELECT v.id, v.title,
		CASE WHEN v.title = '' THEN json_extract(record_json(v.record), '$.text')
		ELSE substr(json_extract(record_json(v.record), '$.text'), length(v.title) + 3) END,
		` + tags + `
	FROM versions v JOIN articles a ON a.current = v.id`
}

// migrateSpeakerTags makes the view give the speakers' tags too
// (tagsColumnSQL) and builds the index again from it, reading every
// current version's record: 256 s wall, 61 s CPU on a 100k-article store
// at load 16–18, holding the write lock throughout. It may run again on a
// store taken back to an older version (as tests do).
func migrateSpeakerTags(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `DROP VIEW IF EXISTS indexed_text;
`+indexedTextView(tagsColumnSQL)+`;
INSERT INTO search_index (search_index) VALUES ('rebuild');`)
	return err
}

// tagged is what a version's tags name besides its day: the entities it
// mentions, and its quotes' speakers by entity and by name as normalised;
// in any order, repeats allowed.
type tagged struct {
	entities, speakers []int64
	names              []string
}

// versionTags is the tags text of a version of day (YYYY-MM-DD or "")
// naming t (nil: nothing).
func versionTags(day string, t *tagged) string {
	if t == nil {
		t = &tagged{}
	}
	var b strings.Builder
	b.WriteString(tagMark)
	if isDay(day) {
		b.WriteString(" " + tagMark + "y" + day[:4] + " " + tagMark + "m" + day[:7] + " " + tagMark + "d" + day)
	}
	for _, l := range []struct {
		kind byte
		ids  []int64
	}{{'e', t.entities}, {'s', t.speakers}} {
		ids := slices.Clone(l.ids)
		slices.Sort(ids)
		for _, id := range slices.Compact(ids) {
			b.WriteString(" " + tagMark + string(l.kind) + strconv.FormatInt(id, 10))
		}
	}
	names := slices.Clone(t.names)
	slices.Sort(names)
	for _, n := range slices.Compact(names) {
		if n != "" {
			b.WriteString(" " + nameTag(n))
		}
	}
	return b.String()
}

// nameTag is the tag of a speaker's name as normalised: one term.
func nameTag(norm string) string { return tagMark + "n" + strings.ReplaceAll(norm, " ", tagMark) }

// isDay reports whether day is shaped YYYY-MM-DD, as the GLOB of
// tagsColumnSQL tests.
func isDay(day string) bool {
	if len(day) != 10 {
		return false
	}
	for i := range len(day) {
		if i == 4 || i == 7 {
			if day[i] != '-' {
				return false
			}
		} else if day[i] < '0' || day[i] > '9' {
			return false
		}
	}
	return true
}

// tagString is a tag as an FTS5 string of a query.
func tagString(kind byte, value string) string { return `"` + tagMark + string(kind) + value + `"` }

// entityTags is the FTS5 expression that a version mentions one of ids.
func entityTags(ids []int64) string { return idTags('e', ids, nil) }

// speakerTags is the FTS5 expression that a version quotes one of the
// speakers ids or one named one of names (as normalised).
func speakerTags(ids []int64, names []string) string { return idTags('s', ids, names) }

// idTags is the FTS5 expression that a version has a tag of kind for one
// of ids, or the name tag of one of names.
func idTags(kind byte, ids []int64, names []string) string {
	var parts []string
	for _, id := range ids {
		parts = append(parts, tagString(kind, strconv.FormatInt(id, 10)))
	}
	for _, n := range names {
		parts = append(parts, `"`+nameTag(n)+`"`)
	}
	return "(" + strings.Join(parts, " OR ") + ")"
}

// dayTags is the FTS5 expression that a version's day is from from to to
// (as where.dates reads them), or "" when no stored day is: the years and
// months the range covers whole, and the days stored (article_days) at
// its ends. A week is seven terms at most, a year one.
func (s *Store) dayTags(ctx context.Context, from, to string) (string, error) {
	// The first and last day the range can hold, as YYYY-MM-DD.
	lo, hi := "", "9999-12-31"
	if from != "" {
		lo = from + "-01-01"[len(from)-4:]
	}
	if to != "" {
		hi = to + "-12-31"[len(to)-4:]
	}
	rows, err := s.query(ctx, `SELECT day FROM article_days WHERE day >= ? AND day <= ? ORDER BY day`, lo, hi)
	if err != nil {
		return "", fmt.Errorf("sqlite: days from %q to %q: %w", from, to, err)
	}
	days, err := collect(rows, func(r *sql.Rows, d *string) error { return r.Scan(d) })
	if err != nil {
		return "", fmt.Errorf("sqlite: days from %q to %q: %w", from, to, err)
	}
	covers := func(first, last string) bool { return lo <= first && last <= hi }
	var parts []string
	for _, d := range days {
		if !isDay(d) {
			continue
		}
		term := tagString('d', d)
		switch {
		case covers(d[:4]+"-01-01", d[:4]+"-12-31"):
			term = tagString('y', d[:4])
		case covers(d[:7]+"-01", d[:7]+"-31"):
			term = tagString('m', d[:7])
		}
		if len(parts) == 0 || parts[len(parts)-1] != term {
			parts = append(parts, term)
		}
	}
	if len(parts) == 0 {
		return "", nil
	}
	return "(" + strings.Join(parts, " OR ") + ")", nil
}

// tokenizer is the FTS5 tokenizer: the Analyzer's terms with their byte
// offsets, which snippet() uses to highlight the words as printed; a tags
// text's terms as they are.
type tokenizer struct{ a *search.Analyzer }

// Tokenizer is the index's tokenizer, for a connection opened outside
// the Store (a benchmark's).
func Tokenizer(a *search.Analyzer) fts5.Tokenizer { return tokenizer{a} }

func (t tokenizer) Tokenize(_ fts5.TokenizeFlag, text, _ string, emit fts5.TokenCallback) error {
	if strings.HasPrefix(text, tagMark) {
		var flag fts5.TokenFlag
		start := 0
		for term := range strings.SplitSeq(text, " ") {
			if term != "" {
				if err := emit(flag, term, start, start+len(term)); err != nil {
					return err
				}
				flag = fts5.TOKEN_COLOCATED
			}
			start += len(term) + 1
		}
		return nil
	}
	return t.a.Tokens(text, func(term string, start, end int) error {
		return emit(0, term, start, end)
	})
}
