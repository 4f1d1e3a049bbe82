package article

import (
	"bufio"
	"embed"
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data
var dataFS embed.FS

// lineRule marks a whole paragraph as boilerplate of a kind.
type lineRule struct {
	kind Kind
	re   *regexp.Regexp
	// first holds the lower-case runes a matching paragraph can start with,
	// so that most paragraphs skip the regexp; nil means any.
	first map[rune]bool
}

var (
	lineRules = loadLineRules("data/boilerplate.tsv")
	sections  = loadSet("data/sections.txt")
	outlets   = loadSet("data/outlets.txt")
	bioHeads  = loadSet("data/bio.txt")
)

// dataLines returns the non-empty, non-comment lines of an embedded file.
// The files are part of the binary, so a read error is a build defect.
func dataLines(name string) []string {
	f, err := dataFS.Open(name)
	if err != nil {
		panic(fmt.Sprintf("article: embedded %s: %v", name, err))
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func loadSet(name string) map[string]bool { return toSet(dataLines(name)) }

func toSet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[strings.ToLower(w)] = true
	}
	return m
}

func loadLineRules(name string) []lineRule {
	var rules []lineRule
	for _, l := range dataLines(name) {
		kind, pat, ok := strings.Cut(l, "\t")
		if !ok {
			panic(fmt.Sprintf("article: %s: rule without a tab: %q", name, l))
		}
		pat = "(?i)" + strings.TrimSpace(pat)
		re := regexp.MustCompile(pat)
		parsed, err := syntax.Parse(pat, syntax.Perl)
		if err != nil {
			panic(fmt.Sprintf("article: %s: %v", name, err))
		}
		first := map[rune]bool{}
		if !firstRunes(parsed.Simplify(), first) {
			first = nil
		}
		rules = append(rules, lineRule{Kind(kind), re, first})
	}
	return rules
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

// labelWords are the words of a bare related-links label ("Baca juga:").
var labelWords = map[string]bool{
	"baca": true, "simak": true, "lihat": true, "tonton": true, "juga": true,
	"video": true, "berita": true, "artikel": true, "terkait": true,
	"lainnya": true, "pilihan": true,
}

// matchLine returns the boilerplate kind of a whole paragraph, or "", and
// whether the paragraph is only a label that announces the next one.
func matchLine(p string) (Kind, bool) {
	r, _ := utf8.DecodeRuneInString(p)
	r = unicode.ToLower(r)
	for _, rule := range lineRules {
		if rule.first != nil && !rule.first[r] {
			continue
		}
		if rule.re.MatchString(p) {
			return rule.kind, rule.kind == RelatedLinks && isLabelOnly(p)
		}
	}
	return "", false
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
