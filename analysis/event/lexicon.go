package event

import (
	"embed"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/warta-news/warta/analysis/person"
	"github.com/warta-news/warta/analysis/text"
)

//go:embed data
var dataFS embed.FS

// frame says where a trigger's actors are (see data/triggers.tsv).
type frame uint8

const (
	frameAct    frame = iota + 1 // active verb: subject acts on object
	frameActObj                  // active verb that needs an actor as object
	framePass                    // passive verb: subject undergoes, oleh X acts
	frameIntr                    // one-place verb: subject acts, target optional
	frameSym                     // reciprocal verb: participants on a par
	frameSymNom                  // reciprocal noun: pertemuan, perundingan
	frameNom                     // other noun: actors by preposition only
	frameGen                     // noun whose agent follows it: atas permintaan X
	frameRef                     // a noun that only refers back: diskusi
	frameBlock                   // a phrase that is no event
)

var frameNames = map[string]frame{"act": frameAct, "acto": frameActObj, "pass": framePass, "intr": frameIntr,
	"sym": frameSym, "symnom": frameSymNom, "nom": frameNom, "gen": frameGen, "ref": frameRef, "-": frameBlock}

// symmetric reports whether the frame's actors are participants on a par
// rather than a source and a target.
func (f frame) symmetric() bool { return f == frameSym || f == frameSymNom }

// gap is the pattern element "...": up to maxGap tokens.
const maxGap = 3

// trigger is one pattern of the lexicon.
type trigger struct {
	typ, mode string
	frame     frame
	// elems are the pattern's positions: each a set of alternative words,
	// or nil for a gap.
	elems [][]string
	// headline marks a pattern written "^...": a headline's bare stem
	// (Tolak ...), matched in the title only.
	headline bool
}

// Types lists the 16 PLOVER event types, in the order of the PLOVER
// manual.
var Types = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
	"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

// Definition is a PLOVER event type as the lexicon describes it.
type Definition struct {
	Type       string
	Definition string   // a paraphrase of the PLOVER manual's definition
	Modes      []string // the type's modes
	Triggers   int      // patterns of the lexicon for the type
}

// trait is how a type's events are read beyond its triggers' frames: the
// traits column of its ## line in data/triggers.tsv, as bits.
type trait uint8

const (
	traitGoverns  trait = 1 << iota // what it governs is no event of its own
	traitOneActor                   // an event even when it names nobody
	traitHeldBy                     // a doer-less passive: the body at whose office
	traitPromise                    // no target: the governed verb's object
	traitCrowd                      // a noun's source: the group right after it
	traitMaterial                   // no target: whom it is for; help to do is none
	traitWhose                      // a broad verb's object may be an actor's
)

var traitNames = map[string]trait{"governs": traitGoverns, "oneactor": traitOneActor, "heldby": traitHeldBy,
	"promise": traitPromise, "crowd": traitCrowd, "material": traitMaterial, "whose": traitWhose}

// typeHas reports whether a type has a trait.
func typeHas(typ string, t trait) bool { return tables.Get().traits[typ]&t != 0 }

// Word classes of data/words.tsv, as bits.
const (
	wNegation uint32 = 1 << iota
	wPlanned
	wPossible
	wReported
	wAux
	wBoundary
	wControl
	wTarget
	wLocation
	wLight
	wPronoun
	wBoth
	wDeterminer
	wAgent
	wNotName
	wDeed
	wContent
	wOffice
	wSport
	wSpeaker
	wMember
	wCatenative
	wPlural
	wParty
	wCase
	wPreposition
)

// modalClasses are the classes of the modal and aspect words listed once
// for all stages (analysis/text/data/modals.tsv): a future or an
// obligation plans the event, an ability makes it possible, and all but an
// obligation stand between a subject and its verb.
var modalClasses = map[text.ModalKind]uint32{text.Future: wPlanned | wAux, text.Obligation: wPlanned, text.Ability: wPossible | wAux, text.Aspect: wAux}

var wordClasses = map[string]uint32{"negation": wNegation, "planned": wPlanned, "possible": wPossible,
	"reported": wReported, "aux": wAux, "boundary": wBoundary, "control": wControl, "target": wTarget,
	"location": wLocation, "light": wLight, "pronoun": wPronoun, "both": wBoth,
	"determiner": wDeterminer, "agent": wAgent, "notname": wNotName, "deed": wDeed, "content": wContent, "office": wOffice, "sport": wSport, "speaker": wSpeaker, "member": wMember, "catenative": wCatenative, "plural": wPlural, "party": wParty, "case": wCase, "preposition": wPreposition}

// phrase is an entry of words.tsv: one word or several.
type phrase struct {
	words []string
	class uint32
}

// lexicon is the parsed content of data/.
type lexicon struct {
	// triggers maps a pattern's first word to its patterns, longest first.
	triggers map[string][]*trigger
	// phrases maps a phrase's first word to the phrases, longest first.
	phrases map[string][]phrase
	// starts joins the two maps by first word, so that a token costs one
	// look-up (see coder.start).
	starts      map[string]*start
	definitions []Definition
	traits      map[string]trait // by type
}

// start is what the lexicon has for a first word: its phrases and
// patterns, longest first.
type start struct {
	phrases  []phrase
	triggers []*trigger
}

// tables is the lexicon of data/, parsed on first use (see text.Tables).
var tables = text.NewTables(func() (*lexicon, error) {
	lx := &lexicon{triggers: map[string][]*trigger{}, phrases: map[string][]phrase{}}
	if err := lx.readTriggers("data/triggers.tsv"); err != nil {
		return nil, err
	}
	if err := lx.readWords("data/words.tsv"); err != nil {
		return nil, err
	}
	lx.starts = map[string]*start{}
	at := func(w string) *start {
		if lx.starts[w] == nil {
			lx.starts[w] = &start{}
		}
		return lx.starts[w]
	}
	for w, ps := range lx.phrases {
		at(w).phrases = ps
	}
	for w, ts := range lx.triggers {
		at(w).triggers = ts
	}
	return lx, nil
})

// Load parses the package's embedded tables, once, and reports a malformed
// row; Find and Definitions panic on one instead (see text.Tables).
func Load() error { return errors.Join(tables.Load(), person.Load()) }

// Definitions returns the 16 PLOVER types with the lexicon's definitions,
// modes and trigger counts.
func Definitions() []Definition {
	return slices.Clone(tables.Get().definitions)
}

// TriggerTypes returns the PLOVER types of the lexicon's one-word
// triggers for a lower-case word form (menangkap → COERCE), none for a word
// that is no trigger on its own or only blocks.
func TriggerTypes(word string) []string {
	var out []string
	for _, t := range tables.Get().triggers[word] {
		if len(t.elems) == 1 && t.typ != "" && !slices.Contains(out, t.typ) {
			out = append(out, t.typ)
		}
	}
	return out
}

// PatternTypes returns the PLOVER types of every trigger pattern of the
// lexicon that has the lower-case word form at one of its positions
// (mencapai: AGREE, for mencapai kesepakatan).
func PatternTypes(word string) []string {
	lx := tables.Get()
	var out []string
	for _, ts := range lx.triggers {
		for _, t := range ts {
			if t.typ == "" || slices.Contains(out, t.typ) {
				continue
			}
			for _, e := range t.elems {
				if slices.Contains(e, word) {
					out = append(out, t.typ)
					break
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// Forms returns every word form at a position of a trigger pattern of the
// lexicon, with the PLOVER types of the patterns it stands in (blocking
// phrases left out): what an evaluation reads to tell a trigger missing
// from the lexicon from one that is there in another form.
func Forms() map[string][]string {
	out := map[string][]string{}
	for _, ts := range tables.Get().triggers {
		for _, t := range ts {
			if t.typ == "" {
				continue
			}
			for _, e := range t.elems {
				for _, w := range e {
					if !slices.Contains(out[w], t.typ) {
						out[w] = append(out[w], t.typ)
					}
				}
			}
		}
	}
	return out
}

// GroupWord reports whether a lower-case word or phrase is one of the
// lexicon's actors without a name: a group (polisi, warga) or the members
// of a body (para elite, pengurus).
func GroupWord(w string) bool {
	ws := strings.Fields(w)
	if len(ws) == 0 {
		return false
	}
	for _, p := range tables.Get().phrases[ws[0]] {
		if p.class&(wAgent|wMember) != 0 && slices.Equal(p.words, ws) {
			return true
		}
	}
	return false
}

// embedded returns the content of a data file.
func embedded(name string) (string, error) {
	data, err := dataFS.ReadFile(name)
	if err != nil {
		return "", fmt.Errorf("event: %w", err)
	}
	return string(data), nil
}

// readDefinitions reads the "## TYPE<TAB>definition<TAB>modes<TAB>traits"
// lines of the trigger table, which text.Rows leaves out as comments, into
// the definitions and lx.traits.
func (lx *lexicon) readDefinitions(name, data string) (map[string]*Definition, error) {
	defs := map[string]*Definition{}
	lx.traits = map[string]trait{}
	n := 0
	for line := range strings.Lines(data) {
		n++
		rest, ok := strings.CutPrefix(strings.TrimRight(line, "\r\n"), "##")
		if !ok {
			continue
		}
		f := strings.Split(rest, "\t")
		if len(f) != 4 {
			return nil, &text.TableError{File: "event/" + name, Line: n, Err: fmt.Errorf("a type line needs 4 fields, has %d", len(f))}
		}
		typ := strings.TrimSpace(f[0])
		if typ == "-" {
			continue
		}
		if !slices.Contains(Types, typ) {
			return nil, &text.TableError{File: "event/" + name, Line: n, Err: fmt.Errorf("%q is not a PLOVER type", typ)}
		}
		d := &Definition{Type: typ, Definition: f[1]}
		if f[2] != "-" {
			for m := range strings.SplitSeq(f[2], ",") {
				d.Modes = append(d.Modes, strings.TrimSpace(m))
			}
		}
		if f[3] != "-" {
			for tn := range strings.SplitSeq(f[3], ",") {
				t, ok := traitNames[strings.TrimSpace(tn)]
				if !ok {
					return nil, &text.TableError{File: "event/" + name, Line: n, Err: fmt.Errorf("unknown trait %q", tn)}
				}
				lx.traits[typ] |= t
			}
		}
		defs[typ] = d
	}
	return defs, nil
}

func (lx *lexicon) readTriggers(name string) error {
	data, err := embedded(name)
	if err != nil {
		return err
	}
	defs, err := lx.readDefinitions(name, data)
	if err != nil {
		return err
	}
	err = text.ReadTable("event/"+name, data, 1, func(f []string) error {
		if len(f) != 4 {
			return fmt.Errorf("a trigger line needs 4 fields, has %d", len(f))
		}
		typ, mode := f[0], f[1]
		fr, ok := frameNames[f[2]]
		if !ok {
			return fmt.Errorf("unknown frame %q", f[2])
		}
		if typ == "-" {
			typ = ""
			if fr != frameBlock {
				return fmt.Errorf("a block needs frame -")
			}
		} else if d := defs[typ]; d == nil {
			return fmt.Errorf("type %q has no ## line", typ)
		} else if mode != "-" && !slices.Contains(d.Modes, mode) {
			return fmt.Errorf("%s has no mode %q", typ, mode)
		}
		if mode == "-" {
			mode = ""
		}
		for p := range strings.SplitSeq(f[3], ",") {
			t, err := parsePattern(strings.TrimSpace(p))
			if err != nil {
				return err
			}
			t.typ, t.mode, t.frame = typ, mode, fr
			for _, w := range t.elems[0] {
				lx.triggers[w] = append(lx.triggers[w], t)
			}
			if d := defs[typ]; d != nil {
				d.Triggers++
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, typ := range Types {
		d := defs[typ]
		if d == nil {
			return fmt.Errorf("no ## line for %s", typ)
		}
		lx.definitions = append(lx.definitions, *d)
	}
	for _, ts := range lx.triggers {
		slices.SortStableFunc(ts, func(a, b *trigger) int { return len(b.elems) - len(a.elems) })
	}
	return nil
}

// parsePattern reads "menjatuhkan|mengenakan sanksi", "menyebut ... pembunuh",
// "^tolak" (in the title only).
func parsePattern(p string) (*trigger, error) {
	t := &trigger{}
	p, t.headline = strings.CutPrefix(p, "^")
	for w := range strings.SplitSeq(p, " ") {
		switch {
		case w == "":
			return nil, fmt.Errorf("pattern %q: empty word", p)
		case w == "...":
			if len(t.elems) == 0 {
				return nil, fmt.Errorf("pattern %q starts with a gap", p)
			}
			t.elems = append(t.elems, nil)
		case w != strings.ToLower(w):
			return nil, fmt.Errorf("pattern %q: not lower case", p)
		default:
			t.elems = append(t.elems, strings.Split(w, "|"))
		}
	}
	if len(t.elems) == 0 || t.elems[len(t.elems)-1] == nil {
		return nil, fmt.Errorf("pattern %q is empty or ends with a gap", p)
	}
	return t, nil
}

// sportsPage reports whether an article's section, or a label of its
// address's host or a segment of its path, names a sport.
func (lx *lexicon) sportsPage(section, address string) bool {
	names := strings.Fields(strings.ToLower(section))
	if u, err := url.Parse(address); err == nil {
		names = append(names, strings.Split(strings.ToLower(u.Hostname()), ".")...)
		names = append(names, strings.Split(strings.ToLower(u.Path), "/")...)
	}
	for _, n := range names {
		for _, p := range lx.phrases[n] {
			if len(p.words) == 1 && p.class&wSport != 0 {
				return true
			}
		}
	}
	return false
}

func (lx *lexicon) readWords(name string) error {
	data, err := embedded(name)
	if err != nil {
		return err
	}
	err = text.ReadTable("event/"+name, data, 1, func(f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("a word needs a class")
		}
		var cls uint32
		for _, c := range f[1:] {
			bit, ok := wordClasses[c]
			if !ok {
				return fmt.Errorf("unknown class %q", c)
			}
			cls |= bit
		}
		words := strings.Fields(f[0])
		lx.phrases[words[0]] = append(lx.phrases[words[0]], phrase{words: words, class: cls})
		return nil
	})
	if err != nil {
		return err
	}
	for _, w := range text.Negations() {
		lx.phrases[w] = append(lx.phrases[w], phrase{words: []string{w}, class: wNegation})
	}
	for w, k := range text.Modals() {
		lx.phrases[w] = append(lx.phrases[w], phrase{words: []string{w}, class: modalClasses[k]})
	}
	for _, ps := range lx.phrases {
		slices.SortStableFunc(ps, func(a, b phrase) int { return len(b.words) - len(a.words) })
	}
	return nil
}
