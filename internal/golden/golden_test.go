package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that records failures instead of stopping.
type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.failed = true
	r.msg = format
}
func (r *recorder) Fatalf(format string, args ...any) { r.Errorf(format, args...) }

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.golden.json")
	if err := os.WriteFile(path, []byte("{\n  \"a\": \"<b>\"\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &recorder{TB: t}
	JSON(r, path, map[string]string{"a": "<b>"})
	if r.failed {
		t.Errorf("equal output failed: %s", r.msg)
	}
	r = &recorder{TB: t}
	JSON(r, path, map[string]string{"a": "c"})
	if !r.failed {
		t.Error("different output passed")
	}
	r = &recorder{TB: t}
	Check(r, filepath.Join(t.TempDir(), "missing"), []byte("x"))
	if !r.failed {
		t.Error("a missing golden file passed")
	}
}

func TestLineDiff(t *testing.T) {
	d := lineDiff("a\nb\nc", "a\nx\nc\nd")
	if !strings.Contains(d, "line 2") || !strings.Contains(d, "line 4") || strings.Contains(d, "line 1\n") {
		t.Errorf("lineDiff:\n%s", d)
	}
	if JSONFor("testdata/golden/x.txt") != "testdata/golden/x.golden.json" {
		t.Error(JSONFor("testdata/golden/x.txt"))
	}
}
