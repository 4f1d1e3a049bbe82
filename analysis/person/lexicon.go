package person

import (
	"embed"
	"fmt"
	"slices"
	"strings"

	"github.com/warta-news/warta/analysis/text"
)

//go:embed data
var dataFS embed.FS

// Class is a set of word classes, as bits: one word may be several things
// (kapten is a rank, jenderal a rank and part of Direktorat Jenderal).
// The bits from CallerBit up are left to the stages for classes of their
// own, so that a stage keeps one class set per token.
type Class uint32

const (
	Role        Class = 1 << iota // a one-word role head: menteri
	RoleFirst                     // the first word of a longer role head: juru (bicara), wali (kota)
	Office                        // a word of an office or organisation name: Luar, Negeri, Dinas
	Place                         // a place name word inside a role: Rusia, Jawa, Timur
	Honorific                     // a title or rank before a name: Irjen, Pak, Prof.
	Territory                     // names a territory by the next capitalised word: Bupati Muna, Kabupaten Sleman
	Institution                   // is followed by an institution's proper name: Universitas Gadjah Mada
	Particle                      // a lower-case word inside a name: bin, van, de
	Function                      // a capitalised word that is never a name: Tapi, Senin, Ayah
	Pronoun                       // ia, dia, beliau, mereka: a pronoun that can stand for a person
	NameStart                     // a role word that may open a name: Raja (Juli Antoni), Ratu (Dewa)
	// Set by the caller, not the lexicon:
	Cue     // a reporting word (kata, mengatakan): never inside a phrase
	Blocked // never part of a phrase: a word inside a quotation, a name the stage knows
	// CallerBit is the first bit a stage may use for its own classes.
	CallerBit
)

// roleHead is what the lexicon knows of a role head.
type roleHead struct {
	territory bool // named after a territory (Bupati Muna)
	domestic  bool // an Indonesian office when no country is given
	name      bool // may open a name (Raja Juli Antoni)
}

// Lexicon is the shared vocabulary of person phrases, read once from
// the embedded files of data/.
type Lexicon struct {
	words *text.Lexicon[Class] // one word → classes
	// heads holds every role head, one word or several (menteri, juru
	// bicara, menteri dalam negeri).
	heads        map[string]roleHead
	maxRoleWords int
	honorifics   []string // as printed, one word or several
	// titles holds the honorifics of several words, lower case (komisaris
	// besar polisi), which the per-word classes cannot tell.
	titles        map[string]bool
	maxTitleWords int
}

// tables is the lexicon of data/, parsed on first use (see text.Tables).
var tables = text.NewTables(readLexicon)

// Load parses the embedded lexicon, once, and reports a malformed row;
// Default panics on one instead (see text.Tables).
func Load() error { return tables.Load() }

// Default returns the lexicon of the embedded data files.
func Default() *Lexicon { return tables.Get() }

func readLexicon() (*Lexicon, error) {
	words := make(map[string]Class, 2048)
	lx := &Lexicon{heads: make(map[string]roleHead, 512), titles: make(map[string]bool)}
	add := func(w string, c Class) { words[w] |= c }
	err := readRows("data/roles.tsv", func(f []string) error {
		head := strings.Join(strings.Fields(strings.ToLower(f[0])), " ")
		var h roleHead
		if len(f) > 1 {
			for m := range strings.SplitSeq(f[1], ",") {
				switch strings.TrimSpace(m) {
				case "":
				case "place":
					h.territory = true
				case "domestic":
					h.domestic = true
				case "name":
					h.name = true
				default:
					return fmt.Errorf("role %q: unknown mark %q", head, m)
				}
			}
		}
		if _, dup := lx.heads[head]; dup {
			return fmt.Errorf("role %q listed twice", head)
		}
		lx.heads[head] = h
		ws := strings.Fields(head)
		if len(ws) > 1 {
			add(ws[0], RoleFirst)
		} else {
			add(head, Role)
			if h.territory {
				add(head, Territory)
			}
			if h.name {
				add(head, NameStart)
			}
		}
		lx.maxRoleWords = max(lx.maxRoleWords, len(ws))
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readRows("data/offices.txt", func(f []string) error {
		w := strings.ToLower(f[0])
		if strings.ContainsRune(w, ' ') {
			return fmt.Errorf("want one word, got %q", f[0])
		}
		switch field(f, 1) {
		case "":
			add(w, Office)
		case "place":
			add(w, Office|Territory)
		case "name":
			add(w, Office|Institution)
		default:
			return fmt.Errorf("%q: unknown mark %q", w, f[1])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readRows("data/honorifics.txt", func(f []string) error {
		lx.honorifics = append(lx.honorifics, f[0])
		ws := strings.Fields(strings.ToLower(f[0]))
		if len(ws) == 1 {
			add(ws[0], Honorific)
		} else {
			lx.titles[strings.Join(ws, " ")] = true
			lx.maxTitleWords = max(lx.maxTitleWords, len(ws))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for file, c := range map[string]Class{"data/places.txt": Place, "data/function.txt": Function} {
		err := readRows(file, func(f []string) error {
			if len(f) != 1 || strings.ContainsRune(f[0], ' ') || f[0] != strings.ToLower(f[0]) {
				return fmt.Errorf("want one lower-case word a line, got %q", strings.Join(f, " "))
			}
			add(f[0], c)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	err = readRows("data/grammar.tsv", func(f []string) error {
		switch field(f, 1) {
		case "pronoun":
			add(f[0], Pronoun)
		case "particle":
			add(f[0], Particle)
		default:
			return fmt.Errorf("%q: unknown class %q", f[0], field(f, 1))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	lx.words = text.NewLexicon(words)
	return lx, nil
}

// readRows calls fn with the trimmed fields of each row of an embedded
// file; errors name the file and line (text.TableError).
func readRows(name string, fn func([]string) error) error {
	data, err := dataFS.ReadFile(name)
	if err != nil {
		return fmt.Errorf("person: %w", err)
	}
	return text.ReadTable("person/"+name, string(data), 1, func(f []string) error {
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if f[0] == "" {
			return fmt.Errorf("empty entry")
		}
		return fn(f)
	})
}

func field(f []string, i int) string {
	if i < len(f) {
		return f[i]
	}
	return ""
}

// Classes returns the classes of a word as printed, in any case.
func (lx *Lexicon) Classes(w string) Class {
	c, _ := lx.words.Get(w)
	return c
}

// RoleHead returns how many words from the start of words form the
// longest role head (1 for Menteri, 2 for juru bicara, 3 for Menteri Dalam
// Negeri; 0 for none) and whether that office is named after a territory.
// Words are compared without regard to case.
func (lx *Lexicon) RoleHead(words []string) (n int, territory bool) {
	n, h := lx.longestHead(words)
	return n, h.territory
}

// longestHead returns the length in words of the longest role head at
// the start of words, and what the lexicon knows of it.
func (lx *Lexicon) longestHead(words []string) (int, roleHead) {
	var buf [96]byte
	for n := min(lx.maxRoleWords, len(words)); n >= 1; n-- {
		key, ok := joinLower(buf[:0], words[:n])
		if !ok {
			continue
		}
		if h, found := lx.heads[string(key)]; found {
			return n, h
		}
	}
	return 0, roleHead{}
}

// isTitle reports whether words are one honorific of several words
// (Komisaris Besar, Ajun Komisaris Polisi), in any case.
func (lx *Lexicon) isTitle(words []string) bool {
	if len(words) < 2 || len(words) > lx.maxTitleWords {
		return false
	}
	var buf [96]byte
	key, ok := joinLower(buf[:0], words)
	return ok && lx.titles[string(key)]
}

// Domestic reports whether a role opens with an office that Indonesian
// news names without a country only for Indonesians (Menteri Luar Negeri,
// Gubernur, Kapolda): the longest role head at its start is marked
// domestic.
func (lx *Lexicon) Domestic(role string) bool {
	_, h := lx.longestHead(strings.Fields(role))
	return h.domestic
}

// Honorifics returns the titles and ranks as printed (Bapak, Komisaris
// Besar, KH), for stages that match them as phrases.
func (lx *Lexicon) Honorifics() []string { return lx.honorifics }

// Roles returns every role head, lower case.
func (lx *Lexicon) Roles() []string {
	out := make([]string, 0, len(lx.heads))
	for h := range lx.heads {
		out = append(out, h)
	}
	slices.Sort(out)
	return out
}

// joinLower appends the words joined by spaces, ASCII lower-cased, to
// buf; false when they do not fit, as no role head is that long.
func joinLower(buf []byte, words []string) ([]byte, bool) {
	for j, w := range words {
		if j > 0 {
			buf = append(buf, ' ')
		}
		if len(buf)+len(w) > cap(buf) {
			return nil, false
		}
		for b := 0; b < len(w); b++ {
			c := w[b]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
		}
	}
	return buf, true
}
