package text

import (
	"errors"
	"testing"
)

func TestReadTable(t *testing.T) {
	data := "# header\nkata\tsatu\n\nrusak\n"
	rows := 0
	err := ReadTable("x/data/t.tsv", data, 2, func(f []string) error { rows++; return nil })
	var te *TableError
	if !errors.As(err, &te) || te.File != "x/data/t.tsv" || te.Line != 4 {
		t.Fatalf("ReadTable = %v, want a TableError at x/data/t.tsv:4", err)
	}
	if rows != 1 {
		t.Errorf("ReadTable read %d rows before the short one, want 1", rows)
	}
	if want := "x/data/t.tsv:4: want 2 tab-separated fields, have 1"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}

func TestTables(t *testing.T) {
	calls := 0
	bad := NewTables(func() (int, error) { calls++; return 0, errors.New("x/data/t.tsv:3: rusak") })
	for range 2 {
		if bad.Load() == nil {
			t.Error("Load of malformed tables gave no error")
		}
	}
	if calls != 1 {
		t.Errorf("Load: %d parses, want one", calls)
	}
	defer func() {
		if r := recover(); r == nil {
			t.Error("Get of malformed tables did not panic")
		}
	}()
	bad.Get()
}
