package text

import (
	"iter"
	"strings"
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
