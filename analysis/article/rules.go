package article

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/warta-news/warta/analysis/text"
)

//go:embed data
var dataFS embed.FS

// lineRule marks a whole paragraph as boilerplate of a kind.
type lineRule struct {
	kind Kind
	// re compiles the rule's regexp on first use: most rules' prefilters
	// turn every paragraph of a run away, and compiling all of them was
	// most of the tables' start-up.
	re func() *regexp.Regexp
	// Cheap tests that spare most paragraphs the regexp, all derived from
	// it: the lower-case literals a match starts with (nil: unknown), else
	// the runes it starts with (nil: any); the rune it ends with (0: any);
	// the longest paragraph it can match (-1: no limit); a lower-case
	// literal every match contains ("": none known).
	prefixes []string
	required []byte
	first    map[rune]bool
	last     rune
	maxRunes int
}

// tableSet holds the tables of the text path.
type tableSet struct {
	lines                       []lineRule
	sections, outlets, bioHeads map[string]bool
}

// tables are parsed on first use, by the loading rule of text.Tables: a
// run that never cleans an article (warta version, a store query) pays
// nothing for them.
var tables = text.NewTables(func() (*tableSet, error) {
	t := &tableSet{}
	var errs [4]error
	t.lines, errs[0] = readLineRules("data/boilerplate.tsv")
	t.sections, errs[1] = readSet("data/sections.txt")
	t.outlets, errs[2] = readSet("data/outlets.txt")
	t.bioHeads, errs[3] = readSet("data/bio.txt")
	if err := errors.Join(errs[:]...); err != nil {
		return nil, err
	}
	return t, nil
})

// Load parses the package's tables, those of the text path and the HTML
// hints, and returns the first malformed row as a *text.TableError.
// FromText, FromParts and FromHTML panic with that error instead.
func Load() error { return errors.Join(tables.Load(), hintTables.Load()) }

func lineRules() []lineRule     { return tables.Get().lines }
func sections() map[string]bool { return tables.Get().sections }
func outlets() map[string]bool  { return tables.Get().outlets }
func bioHeads() map[string]bool { return tables.Get().bioHeads }

// readTable reads an embedded table with text.ReadTable.
func readTable(name string, min int, row func(fields []string) error) error {
	data, err := dataFS.ReadFile(name)
	if err != nil {
		return fmt.Errorf("article: embedded %s: %w", name, err)
	}
	return text.ReadTable("article/"+name, string(data), min, row)
}

func readSet(name string) (map[string]bool, error) {
	m := map[string]bool{}
	err := readTable(name, 1, func(f []string) error {
		m[strings.ToLower(strings.Join(f, "\t"))] = true
		return nil
	})
	return m, err
}

func readLineRules(name string) ([]lineRule, error) {
	var rules []lineRule
	err := readTable(name, 2, func(f []string) error {
		kind, pat := f[0], "(?i)"+strings.TrimSpace(strings.Join(f[1:], "\t"))
		// regexp.Compile parses with these flags and cannot fail on what
		// they parse, so the compile can wait.
		parsed, err := syntax.Parse(pat, syntax.Perl)
		if err != nil {
			return err
		}
		parsed = parsed.Simplify()
		re := sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pat) })
		rule := lineRule{kind: Kind(kind), re: re, maxRunes: maxMatchRunes(parsed), last: lastRune(parsed), required: []byte(requiredLiteral(parsed))}
		if ps, ok := literalPrefixes(parsed); ok {
			rule.prefixes = ps
		} else if first := map[rune]bool{}; firstRunes(parsed, first) {
			rule.first = first
		}
		rules = append(rules, rule)
		return nil
	})
	return rules, err
}

// literalPrefixes returns the lower-case literal strings that every match
// of re starts with, one of them, and whether they could be told.
func literalPrefixes(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}, true
	case syntax.OpCapture:
		return literalPrefixes(re.Sub[0])
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			ps, ok := literalPrefixes(sub)
			if !ok {
				return nil, false
			}
			all = append(all, ps...)
		}
		return all, true
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			switch sub.Op {
			case syntax.OpBeginLine, syntax.OpBeginText:
				continue
			}
			return literalPrefixes(sub)
		}
	}
	return nil, false
}

// requiredLiteral returns the longest literal, in lower case, that stands
// in the top-level sequence of re and so is part of every match.
func requiredLiteral(re *syntax.Regexp) string {
	if re.Op != syntax.OpConcat {
		return ""
	}
	best := ""
	for _, sub := range re.Sub {
		if sub.Op == syntax.OpLiteral && len(string(sub.Rune)) > len(best) {
			best = strings.ToLower(string(sub.Rune))
		}
	}
	return best
}

// lastRune returns the rune every match of an end-anchored re ends with, or
// 0 when there is none.
func lastRune(re *syntax.Regexp) rune {
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 {
		return 0
	}
	switch re.Sub[len(re.Sub)-1].Op {
	case syntax.OpEndText, syntax.OpEndLine:
		lit := re.Sub[len(re.Sub)-2]
		if lit.Op != syntax.OpLiteral {
			return 0
		}
		if r := lit.Rune[len(lit.Rune)-1]; lit.Flags&syntax.FoldCase == 0 || unicode.SimpleFold(r) == r {
			return r
		}
	}
	return 0
}

// firstRunes adds to set the lower-case runes a match of re can begin with
// and reports whether that set is complete (false: re may begin anywhere or
// with nothing at all).
func firstRunes(re *syntax.Regexp, set map[rune]bool) bool {
	switch re.Op {
	case syntax.OpLiteral:
		set[unicode.ToLower(re.Rune[0])] = true
		return true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 64 {
				return false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				set[unicode.ToLower(r)] = true
			}
		}
		return true
	case syntax.OpCapture, syntax.OpPlus:
		return firstRunes(re.Sub[0], set)
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !firstRunes(sub, set) {
				return false
			}
		}
		return true
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			switch sub.Op {
			case syntax.OpBeginLine, syntax.OpBeginText, syntax.OpWordBoundary:
				continue
			case syntax.OpQuest, syntax.OpStar:
				// An optional opening: its runes or those of what follows.
				if !firstRunes(sub.Sub[0], set) {
					return false
				}
				continue
			}
			return firstRunes(sub, set)
		}
	}
	return false
}

// maxMatchRunes returns the longest paragraph that a rule anchored at both
// ends can match, or -1 when the rule has no such bound.
func maxMatchRunes(re *syntax.Regexp) int {
	if re.Op != syntax.OpConcat {
		return -1
	}
	switch re.Sub[len(re.Sub)-1].Op {
	case syntax.OpEndText, syntax.OpEndLine:
		return maxLen(re)
	}
	return -1
}

// maxLen returns the most runes a match of re can span, or -1 when there
// is no bound.
func maxLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpQuest:
		return maxLen(re.Sub[0])
	case syntax.OpRepeat:
		n := maxLen(re.Sub[0])
		if n < 0 || re.Max < 0 {
			return -1
		}
		return n * re.Max
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			n := maxLen(sub)
			if n < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				total += n
			} else {
				total = max(total, n)
			}
		}
		return total
	}
	return -1 // star, plus
}

// labelWords are the words of a bare related-links label ("Baca juga:").
var labelWords = map[string]bool{
	"baca": true, "simak": true, "lihat": true, "tonton": true, "juga": true,
	"video": true, "berita": true, "artikel": true, "terkait": true,
	"lainnya": true, "pilihan": true,
}

// matchLine returns the boilerplate kind of a whole paragraph, or "", and
// whether the paragraph is only a label that announces the next one. low
// is a buffer for the paragraph lowered, reused across a cleaner's
// paragraphs.
func matchLine(p string, low *[]byte) (Kind, bool) {
	r, _ := utf8.DecodeRuneInString(p)
	r = unicode.ToLower(r)
	end, _ := utf8.DecodeLastRuneInString(p)
	head := asciiLower(p[:min(len(p), 32)])
	runes := -1      // counted when a rule needs it
	lowered := false // *low holds p lowered, made when a rule needs it
	for _, rule := range lineRules() {
		if rule.prefixes != nil && !hasAnyPrefix(head, rule.prefixes) ||
			rule.first != nil && !rule.first[r] || rule.last != 0 && rule.last != end {
			continue
		}
		if len(rule.required) > 0 {
			if !lowered {
				*low, lowered = text.AppendLowerASCII((*low)[:0], p), true
			}
			if !bytes.Contains(*low, rule.required) {
				continue
			}
		}
		if rule.maxRunes >= 0 {
			if runes < 0 {
				runes = utf8.RuneCountInString(p)
			}
			if runes > rule.maxRunes {
				continue
			}
		}
		if rule.re().MatchString(p) {
			return rule.kind, rule.kind == RelatedLinks && isLabelOnly(p)
		}
	}
	return "", false
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// asciiLower lower-cases the ASCII letters of s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func isLabelOnly(p string) bool {
	words := strings.Fields(strings.TrimRight(p, ":-–—> "))
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if !labelWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}
