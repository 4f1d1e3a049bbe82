package text

import (
	"fmt"
	"iter"
	"strings"
	"sync"
)

// Rows yields the rows of a data table as the stages embed them (word
// lists, lexicons, gazetteers): each line that is neither blank nor a #
// comment, with its line number, counted from 1, and its tab-separated
// fields. Spaces and line ends around the line are dropped; empty fields
// are kept, since a column may be empty.
func Rows(data string) iter.Seq2[int, []string] {
	return func(yield func(int, []string) bool) {
		n := 0
		for line := range strings.Lines(data) {
			n++
			line = strings.Trim(line, " \r\n")
			if strings.TrimSpace(line) == "" || line[0] == '#' {
				continue
			}
			if !yield(n, strings.Split(line, "\t")) {
				return
			}
		}
	}
}

// TableError is a malformed row of a data table.
type TableError struct {
	File string // the table's path in its package: timex/data/words.tsv
	Line int    // counted from 1
	Err  error
}

func (e *TableError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

func (e *TableError) Unwrap() error { return e.Err }

// ReadTable calls row with the fields of each row of data, the contents of
// the table file, as Rows yields them; a row must have at least min
// fields. The first error, a short row or one that row returns, stops the
// reading and comes back as a *TableError naming file and line.
func ReadTable(file, data string, min int, row func(fields []string) error) error {
	for n, fields := range Rows(data) {
		var err error
		if len(fields) < min {
			err = fmt.Errorf("want %d tab-separated fields, have %d", min, len(fields))
		} else {
			err = row(fields)
		}
		if err != nil {
			return &TableError{File: file, Line: n, Err: err}
		}
	}
	return nil
}

// Tables holds a package's parsed data tables. Every embedded table of the
// analysis packages is loaded by one rule:
//
//   - it is parsed on first use, once, so that a command pays only for
//     the tables it uses and nothing is parsed when a program starts;
//   - a malformed row is reported as a *TableError naming file and line;
//   - the package's Load function returns that error, and so does every
//     function of the package with an error result (entity.New);
//   - a function without one (timex.Find, stem.Stem, Tokenize) panics
//     with it: the tables are part of the program, like the patterns of
//     regexp.MustCompile, and each package's tests load them all, so a
//     build that passes its tests never panics here. The analysis
//     pipeline calls Load for each stage before it runs, so Analyze
//     returns the error instead.
type Tables[T any] struct {
	load func() (T, error)
}

// NewTables returns the tables that load parses on first use.
func NewTables[T any](load func() (T, error)) *Tables[T] {
	return &Tables[T]{load: sync.OnceValues(load)}
}

// Load parses the tables if they are not parsed yet and returns the error
// of that one parse.
func (t *Tables[T]) Load() error {
	_, err := t.load()
	return err
}

// Get returns the tables, parsing them on first use; it panics when they
// are malformed.
func (t *Tables[T]) Get() T {
	v, err := t.load()
	if err != nil {
		panic(err)
	}
	return v
}
