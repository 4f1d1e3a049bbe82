package eval

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strings"
)

// readGoldRows reads a within-article gold file (the entity and quote
// golds): tab-separated rows in which an A row (A, article id, record id,
// split) opens an article and every other row names its article in its
// second field. open is given each A row's fields, row every other row's
// fields with the number of its article in the order they were opened.
// Blank lines and lines starting with # are skipped. Every error names
// the file and line; what (e.g. "quote") says which gold it is.
func readGoldRows(name, what string, open func(fs []string) error, row func(fs []string, article int) error) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("%s gold: %w", what, err)
	}
	defer f.Close()
	articles := map[string]int{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		switch _, opened := articles[field(fs, 1)]; {
		case fs[0] == "A" && opened:
			err = errors.New("article " + fs[1] + " given twice")
		case fs[0] == "A":
			if err = open(fs); err == nil {
				articles[fs[1]] = len(articles)
			}
		case !opened:
			err = errors.New("row before its article's A row")
		default:
			err = row(fs, articles[fs[1]])
		}
		if err != nil {
			return fmt.Errorf("%s gold %s:%d: %w", what, name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s gold %s: %w", what, name, err)
	}
	return nil
}

// field is fs[i], or "" past its end.
func field(fs []string, i int) string {
	if i < len(fs) {
		return fs[i]
	}
	return ""
}
