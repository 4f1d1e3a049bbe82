package quote

import (
	"embed"
	"fmt"
	"strings"

	"github.com/warta-news/warta/analysis/person"
	"github.com/warta-news/warta/analysis/text"
)

//go:embed data
var dataFS embed.FS

// Word classes, as bits: the shared ones of person phrases (see
// analysis/person) and the quote stage's own, from person.CallerBit up.
// One word may be several things (kapten is a rank, jenderal a rank and
// part of Direktorat Jenderal).
const (
	wRole        = person.Role        // a one-word role head (menteri)
	wRoleFirst   = person.RoleFirst   // the first word of a longer role head (juru bicara, wali kota)
	wOrg         = person.Office      // a word of an office or organisation name (Luar, Negeri, Dinas)
	wPlace       = person.Place       // a place name word (Rusia, Jawa, Timur)
	wHonorific   = person.Honorific   // a title or rank before a name (Irjen, Pak, Prof.)
	wFunction    = person.Function    // a capitalised word that is never a name (Tapi, Senin)
	wPronoun     = person.Pronoun     // ia, dia, beliau, mereka: a pronoun that can be a speaker
	wParticle    = person.Particle    // bin, van, de: lower-case words inside names
	wTerritory   = person.Territory   // names a territory by the next capitalised word (Bupati Muna, Kabupaten Sleman)
	wInstitution = person.Institution // is followed by an institution's proper name (Universitas Gadjah Mada)
)

const (
	wCueAfter   person.Class = person.CallerBit << iota // kata, ujar: the speaker follows
	wCueNya                                             // katanya, ujarnya: the speaker is the person last named
	wCueVerb                                            // mengatakan: the speaker is the subject before
	wCuePrep                                            // menurut
	wCuePassive                                         // dikatakan
	wTitleNoun                                          // a noun before a quoted title (program, bertajuk)
	wAdverb                                             // juga, pun, telah: between a subject and its verb
	wNegation                                           // tidak, tak, belum, bukan: a denied report is not speech
	wCueSource                                          // dikutip (dari), dilansir: a cited source opens the sentence
	wOpener                                             // akan, bisa, ada: opens a predicate (clause.tsv)
	wObjectStop                                         // kepada, yang: ends a noun object (clause.tsv)
	wInnerPrep                                          // di, ke, dari: a stop, but not before a place or body (clause.tsv)
	wCopula                                             // adalah, merupakan: an opener no relative clause holds (clause.tsv)
	wObjectNoun                                         // pentingnya, komitmen: opens a noun object, never a clause (clause.tsv)
)

const wCue = wCueAfter | wCueNya | wCueVerb | wCuePrep | wCuePassive | wCueSource

// Indirect-speech flags of reporting verbs (see data/cues.tsv).
const (
	verbClause uint8 = iota + 1 // takes a reported clause directly
	verbBahwa                   // only with bahwa or a comma
	verbShape                   // with bahwa, a comma, or words that read as a clause
	verbMark                    // only governs quoted words
)

// lexicon is the parsed content of data/.
type lexicon struct {
	words  map[string]person.Class // lower-case word → the stage's own classes
	shared *person.Lexicon         // the person lexicon the stages share
	verb   map[string]uint8        // reporting verb → indirect-speech flag
	// titles holds the multi-word title nouns (kata kunci).
	titles map[string]bool
	// relations holds the roles that name a relation to a person
	// (kuasa hukum, manajer personal).
	relations map[string]bool
	// companies holds the nouns that stand for a company named before
	// (Perseroan, perusahaan tersebut).
	companies map[string]bool
	// table holds the words again for the per-token look-up: open
	// addressing over a case-folding hash, so a word is found in any case
	// without copying it and a miss ends at the first empty slot.
	table []slot
}

// slot is one entry of lexicon.table; an empty key marks a free slot.
type slot struct {
	key string
	cls person.Class
}

// foldHash is FNV-1a over s with ASCII letters lower-cased.
func foldHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// equalFold reports whether w equals the lower-case key in ASCII case.
func equalFold(w, key string) bool {
	if len(w) != len(key) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != key[i] {
			return false
		}
	}
	return true
}

// buildTable fills l.table from l.words at a load factor under one half.
func (l *lexicon) buildTable() {
	n := 16
	for n < 2*len(l.words) {
		n *= 2
	}
	l.table = make([]slot, n)
	for w, c := range l.words {
		i := foldHash(w) & uint32(n-1)
		for l.table[i].key != "" {
			i = (i + 1) & uint32(n-1)
		}
		l.table[i] = slot{w, c}
	}
}

// lookup returns the classes of w (any case) and whether it is listed.
func (l *lexicon) lookup(w string) (person.Class, bool) {
	mask := uint32(len(l.table) - 1)
	for i := foldHash(w) & mask; ; i = (i + 1) & mask {
		e := &l.table[i]
		if e.key == "" {
			return 0, false
		}
		if equalFold(w, e.key) {
			return e.cls, true
		}
	}
}

// tables is the lexicon of data/, parsed on first use (see text.Tables).
var tables = text.NewTables(loadLexicon)

// Load parses the package's embedded tables, once, and reports a malformed
// row; Find panics on one instead (see text.Tables).
func Load() error { return tables.Load() }

// lex returns the lexicon.
func lex() *lexicon { return tables.Get() }

func loadLexicon() (*lexicon, error) {
	if err := person.Load(); err != nil {
		return nil, err
	}
	l := &lexicon{
		shared:    person.Default(),
		words:     make(map[string]person.Class, 512),
		verb:      make(map[string]uint8, 128),
		titles:    make(map[string]bool),
		relations: make(map[string]bool),
		companies: make(map[string]bool),
	}
	add := func(w string, c person.Class) { l.words[w] |= c }
	err := readLines("data/cues.tsv", func(fields []string) error {
		w := fields[0]
		if len(fields) < 2 {
			return fmt.Errorf("%q has no class", w)
		}
		switch fields[1] {
		case "after":
			add(w, wCueAfter)
			add(w+"nya", wCueNya)
		case "verb":
			add(w, wCueVerb)
			flag := map[string]uint8{"clause": verbClause, "bahwa": verbBahwa, "shape": verbShape, "mark": verbMark}[field(fields, 2)]
			if flag == 0 {
				return fmt.Errorf("verb %q needs a flag clause, bahwa, shape or mark", w)
			}
			l.verb[w] = flag
		case "prep":
			add(w, wCuePrep)
			add(w+"nya", wCuePrep|wCueNya) // menurutnya
		case "passive":
			add(w, wCuePassive)
		case "passive-nya":
			add(w, wCuePassive|wCueNya)
		case "source":
			add(w, wCueSource)
		default:
			return fmt.Errorf("%q: unknown class %q", w, fields[1])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readLines("data/titles.txt", func(fields []string) error {
		words := strings.Fields(fields[0])
		if len(words) == 1 {
			add(words[0], wTitleNoun)
		} else {
			l.titles[strings.Join(words, " ")] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readLines("data/clause.tsv", func(fields []string) error {
		switch field(fields, 1) {
		case "opener":
			add(fields[0], wOpener)
		case "stop":
			add(fields[0], wObjectStop)
		case "copula":
			add(fields[0], wOpener|wCopula)
		case "inner":
			add(fields[0], wObjectStop|wInnerPrep)
		case "object":
			add(fields[0], wObjectNoun)
		default:
			return fmt.Errorf("%q: class is opener, copula, stop, inner or object", fields[0])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readLines("data/relations.txt", func(fields []string) error {
		l.relations[strings.Join(strings.Fields(fields[0]), " ")] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readLines("data/companies.txt", func(fields []string) error {
		l.companies[fields[0]] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readLines("data/adverbs.txt", func(fields []string) error {
		add(fields[0], wAdverb)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, w := range text.Negations() {
		add(w, wNegation)
	}
	for w := range text.Modals() {
		add(w, wOpener)
	}
	l.buildTable()
	return l, nil
}

// readLines calls fn with the tab-separated fields of every line of an
// embedded data file that is neither blank nor a # comment.
func readLines(name string, fn func(fields []string) error) error {
	data, err := dataFS.ReadFile(name)
	if err != nil {
		return fmt.Errorf("quote: %w", err)
	}
	return text.ReadTable("quote/"+name, string(data), 1, func(fields []string) error {
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if fields[0] == "" || fields[0] != strings.ToLower(fields[0]) {
			return fmt.Errorf("entry %q must be lower case", fields[0])
		}
		return fn(fields)
	})
}

func field(fields []string, i int) string {
	if i < len(fields) {
		return fields[i]
	}
	return ""
}

// maxKey bounds the words looked up; no entry is longer.
const maxKey = 40

// lowerKey writes s lower-cased (ASCII letters only; the lists are ASCII)
// into buf and returns it, or nil when s is too long to be an entry.
func lowerKey(buf *[maxKey]byte, s string) []byte {
	if len(s) > maxKey {
		return nil
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(s)]
}

// classOf returns the lexicon classes of a word as printed, in any case.
// A reporting verb with -nya glued to it (menggambarkannya) is still a
// reporting verb: the -nya is its object.
func (l *lexicon) classOf(w string) person.Class {
	n := len(w)
	if n < 2 || n > maxKey {
		return 0
	}
	shared := l.shared.Classes(w)
	if c, ok := l.lookup(w); ok {
		return shared | c | cueClass(c)
	}
	if n > 5 && w[n-3:] == "nya" {
		c, _ := l.lookup(w[:n-3])
		return shared | c&wCueVerb | cueClass(c&wCueVerb)
	}
	return shared
}

// cueClass marks a reporting word for the person reader, which never
// reads one into a phrase.
func cueClass(c person.Class) person.Class {
	if c&wCue != 0 {
		return person.Cue
	}
	return 0
}

// verbFlag returns the indirect-speech flag of a reporting verb. A verb
// with an object -nya takes no reported clause.
func (l *lexicon) verbFlag(w string) uint8 {
	var buf [maxKey]byte
	k := lowerKey(&buf, w)
	if k == nil {
		return 0
	}
	if f, ok := l.verb[string(k)]; ok {
		return f
	}
	if n := len(k); n > 5 && string(k[n-3:]) == "nya" && l.verb[string(k[:n-3])] != 0 {
		return verbMark
	}
	return 0
}
