package eval

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/analysis/event"
	"github.com/warta-news/warta/analysis/person"
	"github.com/warta-news/warta/analysis/stem"
)

// Why a gold event is missed, told by counts: the shared scorer's recall
// says how many, these buckets say where to work. Each gold event falls in
// one outcome, the first that holds, in this order.
const (
	outFound       = "found (the shared scorer's exact names)"
	outNoSide      = "the gold names no side (-): never matched"
	outSource      = "coded, type right: source wrong"
	outSourceNone  = "coded, type right: source missing"
	outTarget      = "coded, type right: target wrong"
	outTargetNone  = "coded, type right: target missing"
	outBoth        = "coded, type right: both sides wrong or missing"
	outType        = "coded at the trigger, other type"
	outDropped     = "no event: trigger form in the lexicon for the type"
	outOtherType   = "no event: trigger form in the lexicon for another type only"
	outRoot        = "no event: another form of its root in the lexicon for the type"
	outNotLexicon  = "no event: root not in the lexicon for the type"
	outNoArticle   = "the article is not in the data"
	sideNone       = "none named (-)"
	sideEntity     = "an entity named in the sentence"
	sideGroup      = "a group word in the sentence (polisi, warga)"
	sideWords      = "other words in the sentence, no entity"
	sideSpeaker    = "elsewhere; saya/kami/kita in the sentence"
	sidePronoun    = "elsewhere; dia/ia/mereka/pihaknya in the sentence"
	sideRole       = "elsewhere; a role word in the sentence (Kapolri)"
	sideElsewhere  = "named only in another sentence"
	sideNotInText  = "implicit: not in the text"
	sideUnresolved = "article not found"
)

var outcomes = []string{outFound, outNoSide, outSource, outSourceNone, outTarget, outTargetNone, outBoth,
	outType, outDropped, outOtherType, outRoot, outNotLexicon, outNoArticle}

// dropGates are the ways a dropped gold event's trigger went, in the
// order the coder meets them.
var dropGates = []string{dropNoMatch, string(event.GateInName), string(event.GateGoverned), string(event.GateActors),
	string(event.GateHelp), string(event.GateRelative), dropNoSource, dropMerged}

var sideClasses = []string{sideNone, sideEntity, sideGroup, sideWords, sideSpeaker, sidePronoun, sideRole,
	sideElsewhere, sideNotInText, sideUnresolved}

// Explanation counts the gold events of some golds by why they are found
// or missed, and their sides by where the text names them.
type Explanation struct {
	Gold     int
	Outcomes map[string]int
	// Sides maps a side class to the gold events' sources and targets of
	// that class: [0] sources, [1] targets, [2] and [3] those of events
	// not found.
	Sides map[string][4]int
	// ByType maps a gold type to its events by outcome.
	ByType map[string]map[string]int
	// Rows are the gold events missed, each with its outcome and the
	// classes of its sides, for --list.
	Rows []string
	// Dropped splits the outDropped events by where their trigger went
	// (event.Explain's gates), when the stats were made by EventsExplained.
	Dropped map[string]int
}

// Where a trigger of a dropped gold event went, beside event.Explain's
// gates.
const (
	dropNoMatch  = "no pattern of the type matched in the sentence"
	dropNoSource = "kept, made without a source and left out"
	dropMerged   = "kept, with a source, merged into another event"
)

// droppedGate says where the trigger of a gold event with no event went:
// the candidate of its type at its offset, else in its sentence.
func droppedGate(ge GoldEvent, rec *analysis.Record, cands []event.Candidate) string {
	sent := sentenceAt(rec, ge.Offset)
	best := -1
	for k, cd := range cands {
		if cd.Type != ge.Type || cd.Sentence != sent {
			continue
		}
		off := len([]rune(rec.Text[:cd.TriggerStart]))
		if d := off - ge.Offset; d >= -2 && d <= 2 {
			best = k
			break
		}
		if best < 0 {
			best = k
		}
	}
	if best < 0 {
		return dropNoMatch
	}
	cd := cands[best]
	switch {
	case cd.Gate != event.GateKept:
		return string(cd.Gate)
	case cd.Source == nil:
		return dropNoSource
	}
	return dropMerged
}

// ExplainGolds reads each gold event against the records Events made for
// st: whether an event of its type was coded in its sentence and which side
// fails, else whether the lexicon holds its trigger; and where each of its
// sides is named.
func ExplainGolds(st *EventStats, golds ...string) (*Explanation, error) {
	x := &Explanation{Outcomes: map[string]int{}, Sides: map[string][4]int{}, ByType: map[string]map[string]int{}, Dropped: map[string]int{}}
	forms := event.Forms()
	roots := map[string][]string{}
	for w, ts := range forms {
		r := stem.Stem(w)
		for _, t := range ts {
			if !slices.Contains(roots[r], t) {
				roots[r] = append(roots[r], t)
			}
		}
	}
	for _, gold := range golds {
		_, evs, err := ReadGold(gold)
		if err != nil {
			return nil, err
		}
		for _, ge := range evs {
			x.Gold++
			rec := st.records[ge.Article]
			out := outNoArticle
			srcClass, tgtClass := sideUnresolved, sideUnresolved
			if rec != nil {
				out = explainOutcome(ge, rec, forms, roots)
				srcClass, tgtClass = sideClass(ge.Source, ge.Offset, rec), sideClass(ge.Target, ge.Offset, rec)
			}
			x.Outcomes[out]++
			if out == outDropped && len(st.traced) > 0 {
				x.Dropped[droppedGate(ge, rec, st.traced[ge.Article])]++
			}
			if x.ByType[ge.Type] == nil {
				x.ByType[ge.Type] = map[string]int{}
			}
			x.ByType[ge.Type][out]++
			missed := btoi(out != outFound)
			if missed == 1 {
				x.Rows = append(x.Rows, fmt.Sprintf("%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s", ge.Article, ge.Offset, ge.Type, ge.Source, ge.Target, out, srcClass, tgtClass))
			}
			s := x.Sides[srcClass]
			s[0], s[2] = s[0]+1, s[2]+missed
			x.Sides[srcClass] = s
			t := x.Sides[tgtClass]
			t[1], t[3] = t[1]+1, t[3]+missed
			x.Sides[tgtClass] = t
		}
	}
	return x, nil
}

// explainOutcome is the first outcome (see outcomes) that holds for ge.
func explainOutcome(ge GoldEvent, rec *analysis.Record, forms, roots map[string][]string) string {
	complete := func(e event.Event) codedEvent { return codedEvent{id: ge.Article, rec: rec, ev: e} }
	for _, e := range rec.Events {
		if exactMatch(ge, complete(e)) {
			return outFound
		}
	}
	if ge.Source == "-" || ge.Target == "-" {
		return outNoSide
	}
	sent := sentenceAt(rec, ge.Offset)
	all := append(slices.Clone(rec.Events), rec.Partial...)
	// The best coded event of the type: in the gold's sentence, or
	// anywhere with a side right (a mention merged into another sentence).
	best, bestScore := -1, -1
	for k, e := range all {
		if e.Type != ge.Type {
			continue
		}
		src, tgt := sidesRight(ge, e, rec)
		if e.Sentence != sent && !src && !tgt {
			continue
		}
		if n := btoi(src) + btoi(tgt); n > bestScore {
			best, bestScore = k, n
		}
	}
	if best >= 0 {
		e := all[best]
		src, tgt := sidesRight(ge, e, rec)
		switch {
		case src && !tgt && e.Target == nil:
			return outTargetNone
		case src && !tgt:
			return outTarget
		case !src && tgt && e.Source == nil:
			return outSourceNone
		case !src && tgt:
			return outSource
		}
		return outBoth
	}
	runes := []rune(rec.Text)
	for _, e := range all {
		start := len([]rune(rec.Text[:e.TriggerStart]))
		if start <= ge.Offset && ge.Offset < start+len([]rune(e.Trigger)) {
			return outType
		}
	}
	w := wordAt(runes, ge.Offset)
	if slices.Contains(forms[w], ge.Type) {
		return outDropped
	}
	if len(forms[w]) > 0 {
		return outOtherType
	}
	if slices.Contains(roots[stem.Stem(w)], ge.Type) {
		return outRoot
	}
	return outNotLexicon
}

// sidesRight reports whether a coded event's source and target are the
// gold's, read as the shared scorer reads names (either way round for a
// mutual type).
func sidesRight(ge GoldEvent, e event.Event, rec *analysis.Record) (src, tgt bool) {
	src, tgt = exactSide(ge.Source, e.Source, rec), exactSide(ge.Target, e.Target, rec)
	if mutual[ge.Type] && !(src && tgt) {
		rs, rt := exactSide(ge.Source, e.Target, rec), exactSide(ge.Target, e.Source, rec)
		if btoi(rs)+btoi(rt) > btoi(src)+btoi(tgt) {
			return rs, rt
		}
	}
	return src, tgt
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// wordAt is the lower-case word starting at a code-point offset.
func wordAt(runes []rune, off int) string {
	if off < 0 || off >= len(runes) {
		return ""
	}
	end := off
	for end < len(runes) && (unicode.IsLetter(runes[end]) || unicode.IsDigit(runes[end]) || runes[end] == '-') {
		end++
	}
	return strings.ToLower(string(runes[off:end]))
}

// sideClass says where the text names a gold side (one name or several
// joined by "/") with respect to the sentence at off: an entity or a
// group word there, else, where the name is not in the sentence, a
// first-person word, a pronoun or a role word in the sentence that may
// stand for it, else another sentence, else nowhere.
func sideClass(name string, off int, rec *analysis.Record) string {
	if name == "-" || name == "" {
		return sideNone
	}
	si := sentenceAt(rec, off)
	if si < 0 {
		return sideUnresolved
	}
	runes := []rune(rec.Text)
	s := rec.Sentences[si]
	sentence := strings.ToLower(string(runes[s.Start:s.End]))
	// byteStart and byteEnd are the sentence's span in bytes, as mentions
	// are given.
	byteStart, byteEnd := len(string(runes[:s.Start])), len(string(runes[:s.End]))
	named, elsewhere := false, false
	for n := range strings.SplitSeq(name, "/") {
		n = scoreNorm(n)
		for _, e := range rec.Entities {
			is := scoreNorm(e.Name) == n
			for _, m := range e.Mentions {
				is = is || scoreNorm(m.Text) == n
			}
			if !is {
				continue
			}
			for _, m := range e.Mentions {
				if m.Start >= byteStart && m.End <= byteEnd {
					return sideEntity
				}
			}
			elsewhere = true
		}
		if strings.Contains(sentence, n) {
			named = true
			if event.GroupWord(n) || event.GroupWord(strings.Fields(n)[0]) {
				return sideGroup
			}
		} else if strings.Contains(strings.ToLower(rec.Text), n) {
			elsewhere = true
		}
	}
	if named {
		return sideWords
	}
	lx := person.Default()
	speaker, pronoun, role := false, false, false
	for _, w := range strings.FieldsFunc(string(runes[s.Start:s.End]), func(r rune) bool { return !unicode.IsLetter(r) }) {
		lw := strings.ToLower(w)
		switch lw {
		case "saya", "kami", "kita", "aku":
			speaker = true
		case "dia", "ia", "beliau", "mereka", "pihaknya":
			pronoun = true
		}
		if unicode.IsUpper([]rune(w)[0]) && lx.Classes(lw)&(person.Role|person.RoleFirst) != 0 && !event.GroupWord(lw) {
			role = true
		}
	}
	switch {
	case speaker:
		return sideSpeaker
	case pronoun:
		return sidePronoun
	case role:
		return sideRole
	case elsewhere:
		return sideElsewhere
	}
	return sideNotInText
}

// WriteExplanation prints an Explanation as tables; with list, each gold
// event missed too — never to be read for a held-out gold one tunes beside.
func WriteExplanation(w io.Writer, x *Explanation, list bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "\nwhy each gold event is found or missed (%d gold events; the first that holds)\n", x.Gold)
	for _, o := range outcomes {
		fmt.Fprintf(&b, "  %-66s %4d  %5.1f%%\n", o, x.Outcomes[o], pct0(x.Outcomes[o], x.Gold))
		if o != outDropped {
			continue
		}
		for _, g := range dropGates {
			if n := x.Dropped[g]; n > 0 {
				fmt.Fprintf(&b, "    %-64s %4d\n", g, n)
			}
		}
	}
	fmt.Fprintf(&b, "\nby gold type: %s\n", strings.Join(shortOutcomes, " "))
	for _, t := range event.Types {
		if x.ByType[t] == nil {
			continue
		}
		fmt.Fprintf(&b, "  %-10s", t)
		for _, o := range outcomes {
			fmt.Fprintf(&b, " %4d", x.ByType[t][o])
		}
		b.WriteString("\n")
	}
	b.WriteString("\nwhere the gold's sides are named   sources  targets  (of events missed: sources  targets)\n")
	for _, c := range sideClasses {
		if n := x.Sides[c]; n != [4]int{} {
			fmt.Fprintf(&b, "  %-50s %5d  %7d  %8d  %7d\n", c, n[0], n[1], n[2], n[3])
		}
	}
	if list {
		for _, r := range x.Rows {
			fmt.Fprintf(&b, "  missed: %s\n", r)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// shortOutcomes head the columns of the table by type, in outcomes' order.
var shortOutcomes = []string{"found", "no-side", "src", "src-", "tgt", "tgt-", "both", "type", "dropped", "lex-other", "root", "no-lex", "no-article"}
