package ingest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis"
)

// collect reads name's content r and returns the items and the error.
func collect(t *testing.T, name string, r io.Reader) ([]Item, error) {
	t.Helper()
	var items []Item
	err := Read(context.Background(), name, r, func(it Item) error {
		items = append(items, it)
		return nil
	})
	return items, err
}

func TestReadFormats(t *testing.T) {
	tests := []struct {
		name, file, content string
		wantTitles          []string // "" for an item read without a title
		wantErrs            int      // items that carry an error
	}{
		{"plain text", "a.txt", "Judul\nParagraf satu.\n", []string{""}, 0},
		{"text without extension", "artikel", "Judul\n\nParagraf.\n", []string{""}, 0},
		{"json lines", "a.jsonl", `{"title":"A","body":"x"}` + "\n" + `{"title":"B","body":"y"}` + "\n", []string{"A", "B"}, 0},
		{"json lines by content", "a.data", `{"title":"A","body":"x"}`, []string{"A"}, 0},
		{"json lines with blank and CRLF lines", "a.jsonl", "{\"title\":\"A\",\"body\":\"x\"}\r\n\r\n{\"title\":\"B\",\"text\":\"y\"}\r\n", []string{"A", "B"}, 0},
		{"duplicates kept", "a.jsonl", `{"title":"A","body":"x"}` + "\n" + `{"title":"A","body":"x"}`, []string{"A", "A"}, 0},
		{"truncated last line", "a.jsonl", `{"title":"A","body":"x"}` + "\n" + `{"title":"B","bo`, []string{"A", ""}, 1},
		{"bad line in the middle", "a.jsonl", `{"title":"A","body":"x"}` + "\nnot json\n" + `{"title":"C","body":"z"}`, []string{"A", "", "C"}, 1},
		{"object without text", "a.jsonl", `{"url":"https://x.example/"}`, []string{""}, 1},
		{"wrong field type", "a.jsonl", `{"title":5,"body":"x"}`, []string{""}, 1},
		{"pretty JSON object", "a.json", "{\n  \"title\": \"A\",\n  \"body\": \"x\"\n}\n", []string{"A"}, 0},
		{"JSON array", "a.json", `[{"title":"A","body":"x"},{"title":"B","body":"y"}]`, []string{"A", "B"}, 0},
		{"UTF-8 BOM", "a.txt", "\xef\xbb\xbfJudul\nIsi.\n", []string{""}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := collect(t, tt.file, strings.NewReader(tt.content))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if len(items) != len(tt.wantTitles) {
				t.Fatalf("got %d items, want %d", len(items), len(tt.wantTitles))
			}
			errs := 0
			for i, it := range items {
				if it.Err != nil {
					errs++
					continue
				}
				if it.Input.Title != tt.wantTitles[i] {
					t.Errorf("item %d title %q, want %q", i, it.Input.Title, tt.wantTitles[i])
				}
				if it.Input.Path != tt.file {
					t.Errorf("item %d path %q", i, it.Input.Path)
				}
			}
			if errs != tt.wantErrs {
				t.Errorf("%d items with errors, want %d", errs, tt.wantErrs)
			}
		})
	}
}

func TestReadRejects(t *testing.T) {
	tests := []struct {
		name, content string
		want          error
	}{
		{"empty", "", ErrEmpty},
		{"white space only", " \n\t\n", ErrEmpty},
		{"binary", "\x7fELF\x02\x01\x01\x00\x00\x00\x00", ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := collect(t, "in", strings.NewReader(tt.content))
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestReadHTML(t *testing.T) {
	latin1 := "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9</p></body></html>"
	tests := []struct {
		name, file, content string
		wantHTML            bool
		wantBody            string // "" to skip the check
		wantWarning         string
	}{
		{"doctype", "halaman", "<!DOCTYPE html><html><body><p>x</p></body></html>", true, "", ""},
		{"xml declaration and comment first", "a", "<?xml version=\"1.0\"?>\n<!-- arsip -->\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>x</p></body></html>", true, "", ""},
		{"fragment by extension", "a.html", "<b>Judul</b> isi", true, "", ""},
		{"fragment by content", "stdin", "\n  <p>Paragraf satu.</p><p>Paragraf dua.</p>", true, "", ""},
		{"bytes kept for the analysis to decode", "a.htm", latin1, true, latin1, ""},
		{"UTF-16 page", "a.html", "\xff\xfe<\x00p\x00>\x00x\x00", true, "<p>x", ""},
		{"text that starts with <", "a.txt", "<3 untuk Bandung\nWarga menggelar aksi.", false, "", ""},
		{"JSON Lines with HTML inside", "a.jsonl", `{"title":"A","body":"<p>x</p>"}`, false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := collect(t, tt.file, strings.NewReader(tt.content))
			if err != nil || len(items) != 1 || items[0].Err != nil {
				t.Fatalf("items %d, err %v", len(items), err)
			}
			in := items[0].Input
			if got := in.Format == analysis.FormatHTML; got != tt.wantHTML {
				t.Errorf("HTML %v, want %v", got, tt.wantHTML)
			}
			if tt.wantBody != "" && in.Body != tt.wantBody {
				t.Errorf("body %q, want %q", in.Body, tt.wantBody)
			}
			if w := strings.Join(in.Warnings, "; "); !strings.Contains(w, tt.wantWarning) {
				t.Errorf("warnings %q, want one with %q", w, tt.wantWarning)
			}
		})
	}
}

// TestHugePage reads a page over the article limit: it is cut, with a
// warning, and memory stays bounded.
func TestHugePage(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := io.MultiReader(strings.NewReader("<!DOCTYPE html><html><body>"),
		&endless{line: []byte("<p>Warga berkumpul di balai desa untuk membahas irigasi sawah.</p>\n"), n: 40 << 20})
	items, err := collect(t, "besar.html", r)
	if err != nil || len(items) != 1 {
		t.Fatalf("items %d, err %v", len(items), err)
	}
	in := items[0].Input
	if len(in.Body) != MaxArticleBytes || !strings.Contains(strings.Join(in.Warnings, " "), "size limit") {
		t.Errorf("body %d bytes, warnings %q", len(in.Body), in.Warnings)
	}
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 8*MaxArticleBytes {
		t.Errorf("allocated %d MiB to read a 40 MiB page", grew>>20)
	}
}

func TestReadEncodings(t *testing.T) {
	tests := []struct {
		name, content, wantBody, wantWarning string
	}{
		{"windows-1252", "Judul\nCaf\xe9 di Jakarta\n", "Judul\nCafé di Jakarta\n", "Windows-1252"},
		{"broken UTF-8", "Judul\nJalan \xe2\x80 rusak, café\n", "Judul\nJalan \uFFFD rusak, café\n", "U+FFFD"},
		{"UTF-16 with BOM", "\xff\xfeJ\x00u\x00d\x00u\x00l\x00\n\x00", "Judul\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := collect(t, "a.txt", strings.NewReader(tt.content))
			if err != nil || len(items) != 1 {
				t.Fatalf("items %d, err %v", len(items), err)
			}
			in := items[0].Input
			if in.Body != tt.wantBody {
				t.Errorf("body %q, want %q", in.Body, tt.wantBody)
			}
			got := strings.Join(in.Warnings, "; ")
			if tt.wantWarning == "" && got != "" || !strings.Contains(got, tt.wantWarning) {
				t.Errorf("warnings %q, want one with %q", got, tt.wantWarning)
			}
		})
	}
}

// endless is a reader of n bytes of a repeated line, made on the fly.
type endless struct {
	line []byte
	n    int64
	pos  int
}

func (e *endless) Read(p []byte) (int, error) {
	if e.n <= 0 {
		return 0, io.EOF
	}
	w := 0
	for w < len(p) && e.n > 0 {
		c := copy(p[w:], e.line[e.pos:])
		if int64(c) > e.n {
			c = int(e.n)
		}
		w += c
		e.n -= int64(c)
		e.pos = (e.pos + c) % len(e.line)
	}
	return w, nil
}

// TestHugeText reads a 200 MB plain-text input: it is cut at the article
// limit with a warning, and memory stays bounded by that limit.
func TestHugeText(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r := &endless{line: []byte("Warga berkumpul di balai desa untuk membahas irigasi sawah.\n"), n: 200 << 20}
	items, err := collect(t, "huge.txt", r)
	if err != nil || len(items) != 1 {
		t.Fatalf("items %d, err %v", len(items), err)
	}
	in := items[0].Input
	if len(in.Body) > MaxArticleBytes || !strings.Contains(strings.Join(in.Warnings, " "), "size limit") {
		t.Errorf("body %d bytes, warnings %q", len(in.Body), in.Warnings)
	}
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 8*MaxArticleBytes {
		t.Errorf("allocated %d MiB to read a 200 MiB input", grew>>20)
	}
}

// TestHugeLine reads JSON Lines with one line over the limit between two
// good ones: the long line is an error, the others are read.
func TestHugeLine(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(`{"title":"A","body":"x"}` + "\n")
	b.WriteString(`{"title":"B","body":"`)
	b.Write(bytes.Repeat([]byte("kata "), MaxArticleBytes/5+10))
	b.WriteString("\"}\n")
	b.WriteString(`{"title":"C","body":"z"}` + "\n")
	items, err := collect(t, "a.jsonl", &b)
	if err != nil || len(items) != 3 {
		t.Fatalf("items %d, err %v", len(items), err)
	}
	if items[0].Err != nil || items[2].Err != nil || !errors.Is(items[1].Err, ErrTooLarge) {
		t.Errorf("errors %v, %v, %v", items[0].Err, items[1].Err, items[2].Err)
	}
	if items[1].Input.Line != 2 || items[2].Input.Line != 3 {
		t.Errorf("lines %d, %d", items[1].Input.Line, items[2].Input.Line)
	}
}

// TestLongSingleLine reads a 5 MB text that is one line: read whole.
func TestLongSingleLine(t *testing.T) {
	body := strings.Repeat("kata ", 1<<20)
	items, err := collect(t, "one.txt", strings.NewReader(body))
	if err != nil || len(items) != 1 || len(items[0].Input.Body) != len(body) {
		t.Fatalf("items %d, err %v", len(items), err)
	}
}

func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"Judul\nIsi.\n",
		`{"title":"A","body":"x"}` + "\n" + `{"title":"B"`,
		"{\n\"title\": \"A\"\n}",
		`[{"title":"A","body":"x"}, 5]`,
		"\xff\xfeJ\x00",
		"<html><p>x</p>",
		"<?xml version=\"1.0\"?><html><meta charset=\"iso-8859-1\"><p>Caf\xe9</p>",
		"\x00\x01",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, name := range []string{"in", "in.txt", "in.jsonl", "in.json", "in.html"} {
			_ = Read(context.Background(), name, strings.NewReader(s), func(it Item) error {
				if it.Err == nil && it.Input.Title == "" && strings.TrimSpace(it.Input.Body) == "" && it.Input.Line > 0 {
					t.Errorf("%s: item %d without text and without error", name, it.Input.Line)
				}
				return nil
			})
		}
	})
}
