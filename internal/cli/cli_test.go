package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// run runs warta in-process with args and stdin, from the module root so
// that paths read as in the README.
func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut}
	code = Main(context.Background(), args, env)
	return code, out.String(), errOut.String()
}

func TestMain(m *testing.M) {
	// The load and fault tests run warta as separate processes: this test
	// binary, as the command.
	if os.Getenv("WARTA_TEST_EXEC") == "1" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := Main(ctx, os.Args[1:], DefaultEnv())
		stop()
		os.Exit(code)
	}
	// Paths in the tests are relative to the module root, as in the README.
	if err := os.Chdir("../.."); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

// records parses stdout as JSON Lines and fails on anything else: stdout
// carries only records.
func records(t *testing.T, stdout string) []map[string]any {
	t.Helper()
	var recs []map[string]any
	sc := bufio.NewScanner(strings.NewReader(stdout))
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var r map[string]any
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("stdout line is not a record: %v: %.80q", err, sc.Text())
		}
		recs = append(recs, r)
	}
	return recs
}

func TestAnalyzeJSON(t *testing.T) {
	code, stdout, stderr := run(t, "", "analyze", "--json", "--published", "2025-10-21", "examples/rapat-anggaran.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(stdout), &rec); err != nil {
		t.Fatalf("stdout is not one JSON object: %v", err)
	}
	for _, field := range []string{"id", "source", "language", "title", "section", "dateline", "published", "lead", "paragraphs", "text", "boilerplate", "sentences", "warnings"} {
		if _, ok := rec[field]; !ok {
			t.Errorf("record has no %q", field)
		}
	}
	if rec["published"] != "2025-10-21" || rec["section"] != "Ekonomi" {
		t.Errorf("published %v, section %v", rec["published"], rec["section"])
	}
	if src := rec["source"].(map[string]any); src["path"] != "examples/rapat-anggaran.txt" {
		t.Errorf("source %v", src)
	}
	if !strings.Contains(stderr, "articles=1") {
		t.Errorf("no closing summary on stderr: %q", stderr)
	}
}

func TestAnalyzeJSONLKeepsOrderAndDuplicates(t *testing.T) {
	data, err := os.ReadFile("examples/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var inputs []struct{ Title, URL string }
	for l := range strings.Lines(string(data)) {
		var in struct{ Title, URL string }
		if err := json.Unmarshal([]byte(l), &in); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, in)
	}
	code, stdout, stderr := run(t, "", "analyze", "--jsonl", "--workers", "4", "examples/articles.jsonl", "examples/banjir-bekasi.txt", "examples/articles.jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	recs := records(t, stdout)
	if len(recs) != 2*len(inputs)+1 {
		t.Fatalf("%d records, want %d", len(recs), 2*len(inputs)+1)
	}
	for i, in := range inputs {
		for _, r := range []map[string]any{recs[i], recs[len(inputs)+1+i]} {
			if r["title"] != in.Title || r["source"].(map[string]any)["url"] != in.URL {
				t.Errorf("record %d is %q, want %q", i, r["title"], in.Title)
			}
		}
	}
	if recs[len(inputs)]["source"].(map[string]any)["path"] != "examples/banjir-bekasi.txt" {
		t.Errorf("the text file's record is out of order")
	}
	ids := map[any]int{}
	for _, r := range recs[:len(inputs)] {
		ids[r["id"]]++
	}
	if len(ids) == len(inputs) {
		t.Errorf("examples/articles.jsonl has a duplicate article, but all ids differ")
	}
}

func TestAnalyzeStdinAndText(t *testing.T) {
	in := "Banjir Rendam Ratusan Rumah\nJakarta - Banjir merendam ratusan rumah warga pada Senin pagi. Warga mengungsi ke masjid terdekat.\n" +
		"Polisi menangkap dua pelaku penjarahan di Bekasi. “Kami terus berjaga,” kata Kapolres Bekasi Kombes Budi Santoso.\n"
	code, stdout, stderr := run(t, in, "analyze", "--text", "--published", "2025-10-20", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"# Banjir Rendam Ratusan Rumah", "dateline:", "Jakarta", "language:",
		"entity:      Bekasi (LOC, ID)", "quote:       Budi Santoso: “Kami terus berjaga,”",
		"event:       COERCE Polisi → pelaku in Bekasi «menangkap»"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
}

func TestAnalyzeFailuresDoNotStopOthers(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	bin := filepath.Join(dir, "image.bin")
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(bin, []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 13}, 0o644)
	os.WriteFile(bad, []byte(`{"title":"Pertama","body":"Isi pertama."}`+"\n"+`{"title":"Kedua","bo`), 0o644)
	code, stdout, stderr := run(t, "", "analyze", "--jsonl", empty, "examples/banjir-bekasi.txt", bin, filepath.Join(dir, "missing.txt"), bad)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	recs := records(t, stdout)
	if len(recs) != 2 || recs[1]["title"] != "Pertama" {
		t.Fatalf("got %d records, want the text file's and the first JSON line's", len(recs))
	}
	for _, want := range []string{"empty input", "binary data", "missing.txt", "bad.jsonl:2"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestNonIndonesianGivesRecordWithWarning(t *testing.T) {
	in := "Markets rally as inflation cools\nStocks rose on Monday after the latest figures showed that inflation in the United States was cooling faster than expected, and investors said they were hopeful.\n"
	code, stdout, stderr := run(t, in, "analyze", "--json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rec struct {
		Language struct{ Code string }
		Warnings []string
	}
	if err := json.Unmarshal([]byte(stdout), &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Language.Code != "en" || len(rec.Warnings) == 0 {
		t.Errorf("language %q, warnings %q", rec.Language.Code, rec.Warnings)
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{[]string{"--help"}, 0, "analyze", ""},
		{[]string{"analyze", "--help"}, 0, "JSON Lines", ""},
		{[]string{"version"}, 0, "warta ", ""},
		{[]string{"analyze", "--nope", "x"}, 2, "", "unknown flag"},
		{[]string{"analyze", "--json", "--jsonl", "x"}, 2, "", "can't be used together"},
		{[]string{"analyze", "--published", "kemarin", "examples/banjir-bekasi.txt"}, 2, "", "--published"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := run(t, "", tt.args...)
			if code != tt.code || !strings.Contains(stdout, tt.inStdout) || !strings.Contains(stderr, tt.inStderr) {
				t.Errorf("exit %d (want %d)\nstdout %q\nstderr %q", code, tt.code, stdout, stderr)
			}
		})
	}
}
