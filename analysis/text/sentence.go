package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitSentences fills d.Sentences from d.Tokens (run Tokenize first),
// reusing the slice's storage. Every token belongs to exactly one sentence.
//
// A sentence ends at a line break (so never across a paragraph), and at a
// terminal mark (. ? ! ... …) together with the closing quotes and brackets
// glued to it, when what follows starts a sentence: not a lowercase word
// (kedua negara. bekerja sama), not punctuation that continues one, and not
// a speech verb after a closed quotation (“Kami siap.” Kata dia). Periods
// of abbreviations and initials stay inside their token (see Tokenize), so
// they never end a sentence here.
func SplitSentences(d *Document) {
	s, toks := d.Text, d.Tokens
	sents := d.Sentences[:0]
	if cap(sents) == 0 {
		sents = make([]Sentence, 0, len(toks)/16+4) // news sentences average about 20 tokens
	}
	start := 0
	for i := 0; i < len(toks); i++ {
		last := i
		brk := false
		if isTerminal(s, toks[i]) {
			quoted := false
			for last+1 < len(toks) && closesSentence(s, toks, last+1) {
				last++
				quoted = quoted || isQuoteMark(s[toks[last].Start])
			}
			brk = last+1 == len(toks) || startsSentence(s, toks, last+1, quoted)
		}
		if !brk {
			brk = last+1 == len(toks) || strings.IndexByte(s[toks[last].End:toks[last+1].Start], '\n') >= 0
		}
		if brk {
			sents = append(sents, Sentence{Start: toks[start].Start, End: toks[last].End, First: start, Last: last + 1})
			start = last + 1
		}
		i = last
	}
	d.Sentences = sents
}

// isTerminal reports whether t is a sentence-ending mark; runs such as ?!
// and ... are single tokens.
func isTerminal(s string, t Token) bool {
	if t.Kind != Punct {
		return false
	}
	switch s[t.Start] {
	case '.', '?', '!':
		return true
	}
	return strings.HasPrefix(s[t.Start:t.End], "…")
}

// isQuoteMark reports whether a token starting with byte c is a quotation
// mark rather than a bracket (all non-ASCII closers are quotation marks).
func isQuoteMark(c byte) bool {
	return c == '"' || c == '\'' || c >= utf8.RuneSelf
}

// closesSentence reports whether token j, glued to the terminal mark or
// closer before it, closes what that mark ends. A bracket always does; a
// quotation mark does unless it is glued to the word after it (siap."Kami),
// since ASCII quotes and ” serve both sides.
func closesSentence(s string, toks []Token, j int) bool {
	t := toks[j]
	if t.Kind != Punct || t.Start != toks[j-1].End {
		return false
	}
	r, n := utf8.DecodeRuneInString(s[t.Start:])
	if n != t.End-t.Start || !isCloser(r) {
		return false
	}
	if !isQuoteMark(s[t.Start]) || j+1 == len(toks) || toks[j+1].Start > t.End {
		return true
	}
	return toks[j+1].Kind == Punct
}

// startsSentence reports whether token j, after a terminal mark and its
// closers, begins a new sentence.
func startsSentence(s string, toks []Token, j int, quoted bool) bool {
	t := toks[j]
	r, _ := utf8.DecodeRuneInString(s[t.Start:])
	switch {
	case t.Kind == Punct && isOpener(r):
		if j+1 == len(toks) {
			return true
		}
		next, _ := utf8.DecodeRuneInString(s[toks[j+1].Start:])
		return !unicode.IsLower(next)
	case t.Start == toks[j-1].End && !unicode.IsUpper(r):
		return false // glued: PMK.011, 2.904.678; but tahun.Dia is a missing space
	case t.Kind == Punct:
		return false // , ; : - ) continue the sentence
	case unicode.IsLower(r):
		return false
	case quoted && t.Kind == Word && isSpeechVerb(s[t.Start:t.End]):
		return false
	}
	return true
}

// isSpeechVerb reports whether w is one of data/speech_verbs.txt.
func isSpeechVerb(w string) bool {
	if len(w) > 12 {
		return false
	}
	var buf [12]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return tables.Get().speechVerbs[string(buf[:len(w)])]
}
