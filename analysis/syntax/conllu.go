package syntax

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word is one node of a gold tree as the parser sees it: a surface token.
// Head counts nodes from 1 (0 is the root).
type Word struct {
	Form, UPOS, Rel string
	Head            int
}

// Sentence is one sentence of a CoNLL-U file, read as surface tokens.
type Sentence struct {
	ID    string
	Words []Word
	// Folded counts the multiword tokens folded into one node each.
	Folded int
}

// ReadCoNLLU reads the sentences of a CoNLL-U file as surface tokens, the
// unit warta's tokeniser gives the parser. A multiword token (the range
// line "3-4 bukunya" over "buku" and "nya") becomes one node: it takes the
// form of the range, and the tag, relation and head of the word inside it
// whose head lies outside it; heads that point into a range point at its
// node. Empty nodes (8.1) belong to the enhanced graph only and are
// skipped. A malformed line is an error naming its line number.
func ReadCoNLLU(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var out []Sentence
	var cur sentenceReader
	line, start := 0, 1
	flush := func() error {
		s, err := cur.finish()
		if err != nil {
			return fmt.Errorf("conllu: sentence at line %d: %w", start, err)
		}
		if s != nil {
			out = append(out, *s)
		}
		cur = sentenceReader{}
		return nil
	}
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), "\r")
		if l == "" {
			if err := flush(); err != nil {
				return nil, err
			}
			start = line + 1
			continue
		}
		if strings.HasPrefix(l, "#") {
			if id, ok := strings.CutPrefix(l, "# sent_id ="); ok {
				cur.id = strings.TrimSpace(id)
			}
			continue
		}
		if err := cur.add(l); err != nil {
			return nil, fmt.Errorf("conllu: line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu: after line %d: %w", line, err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// multiword is a range line: words from..to (1-based, inclusive) written
// as one surface token.
type multiword struct {
	from, to int
	form     string
}

// sentenceReader collects one sentence's lines.
type sentenceReader struct {
	id     string
	words  []Word
	ranges []multiword
}

func (s *sentenceReader) add(l string) error {
	f := strings.Split(l, "\t")
	if len(f) != 10 {
		return fmt.Errorf("%d fields, want 10", len(f))
	}
	id := f[0]
	if strings.Contains(id, ".") {
		return nil
	}
	if a, b, ok := strings.Cut(id, "-"); ok {
		from, err1 := strconv.Atoi(a)
		to, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || from != len(s.words)+1 || to <= from {
			return fmt.Errorf("range %q does not cover the next words", id)
		}
		s.ranges = append(s.ranges, multiword{from, to, f[1]})
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil || n != len(s.words)+1 {
		return fmt.Errorf("word id %q, want %d", id, len(s.words)+1)
	}
	head, err := strconv.Atoi(f[6])
	if err != nil || head < 0 {
		return fmt.Errorf("bad head %q", f[6])
	}
	if f[1] == "" || f[3] == "" || f[7] == "" {
		return errors.New("empty form, tag or relation")
	}
	s.words = append(s.words, Word{Form: f[1], UPOS: f[3], Rel: f[7], Head: head})
	return nil
}

// finish folds the multiword tokens and checks the heads; it returns nil
// for a sentence with no words.
func (s *sentenceReader) finish() (*Sentence, error) {
	if len(s.words) == 0 {
		if len(s.ranges) > 0 {
			return nil, errors.New("a range without words")
		}
		return nil, nil
	}
	n := len(s.words)
	node := make([]int, n+1) // word id → node id (1-based; 0 the root)
	out := &Sentence{ID: s.id, Folded: len(s.ranges)}
	nodes := 0
	r := 0
	for w := 1; w <= n; {
		nodes++
		if r < len(s.ranges) && s.ranges[r].from == w {
			m := s.ranges[r]
			if m.to > n {
				return nil, fmt.Errorf("range %d-%d runs past the last word %d", m.from, m.to, n)
			}
			for k := m.from; k <= m.to; k++ {
				node[k] = nodes
			}
			w = m.to + 1
			r++
			continue
		}
		node[w] = nodes
		w++
	}
	if r != len(s.ranges) {
		return nil, errors.New("ranges out of order")
	}
	out.Words = make([]Word, nodes)
	done := make([]bool, nodes)
	for w := 1; w <= n; w++ {
		x := s.words[w-1]
		if x.Head > n {
			return nil, fmt.Errorf("word %d has head %d beyond the last word %d", w, x.Head, n)
		}
		i := node[w] - 1
		h := node[x.Head] // node[0] is 0, the root
		if h == i+1 {
			continue // a head inside the same multiword token
		}
		if done[i] {
			// Two words of one token with heads outside it: the first
			// keeps the node; the form is still the range's.
			continue
		}
		done[i] = true
		out.Words[i] = Word{Form: x.Form, UPOS: x.UPOS, Rel: x.Rel, Head: h}
	}
	for _, m := range s.ranges {
		out.Words[node[m.from]-1].Form = m.form
	}
	for i, w := range out.Words {
		if !done[i] {
			return nil, fmt.Errorf("token %d (%q) has no head outside itself", i+1, w.Form)
		}
	}
	return out, nil
}
