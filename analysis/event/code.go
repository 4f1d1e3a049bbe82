package event

import (
	"slices"
	"strings"

	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/analysis/timex"
)

// candidate is one trigger with what was found around it, before the
// mentions of one event are merged.
type candidate struct {
	Event
	trig   *trigger
	tokens span
	// participants are the actors of a reciprocal event, in text order.
	participants []*Actor
	// catenative marks a verb followed by another (membantu menormalkan
	// ...): it says how the second happens, it is no event of its own.
	catenative bool
	// setting is the date of the trigger's setting (its sentence, cue,
	// paragraph or lead; see coder.settingDate), taken where no mention
	// has a date of its own: weaker than Date, it never keeps mentions
	// apart.
	setting string
}

// match is a trigger found in a sentence: its pattern and tokens, with
// the gap's tokens (where the object of menyebut ... pembunuh is).
type match struct {
	t      *trigger
	tokens span
	gap    span
}

// Search limits, in tokens: how far from its trigger an actor, a date or a
// place is looked for.
const (
	subjectReach = 8
	objectReach  = 12
	dateReach    = 16
	// leadParagraphs are the paragraphs of an article's lead.
	leadParagraphs = 2
)

// sentence codes the triggers of sentence si and appends the candidates.
func (c *coder) sentence(si int, s text.Sentence, out []candidate) []candidate {
	// kept are the triggers coded so far: only what one of them requests
	// or threatens is governed (kecaman ..., yang mendorong Moskow untuk
	// menarik ...: a reaction prompts the withdrawal, it asks nothing).
	var kept []match
	for _, m := range c.matches(s) {
		// A trigger inside a name (a title-case headline the entities
		// stage read as one name) is not one.
		if m.t.frame == frameBlock || c.governed(kept, m) || c.in.Entities.At(m.tokens.first) != nil {
			if c.explained != nil && m.t.frame != frameBlock {
				gate := GateInName
				if c.governed(kept, m) {
					gate = GateGoverned
				}
				c.explain(m, gate, nil, nil)
			}
			continue
		}
		cd := candidate{trig: m.t, tokens: m.tokens}
		cd.Type, cd.Mode, cd.Sentence = m.t.typ, m.t.mode, si
		cd.TriggerStart, cd.TriggerEnd = c.doc.Tokens[m.tokens.first].Start, c.doc.Tokens[m.tokens.last-1].End
		cd.Trigger = c.doc.Text[cd.TriggerStart:cd.TriggerEnd]
		c.actors(&cd, m, s)
		c.fromTree(&cd, m, s)
		cd.Source, cd.Target = c.bareRole(cd.Source, cd.TriggerStart), c.bareRole(cd.Target, cd.TriggerStart)
		// Prabowo Puji Prabowo: one actor read on both sides is known
		// on neither for sure; the object is the nearer reading.
		if cd.Source != nil && cd.Target != nil && !cd.trig.frame.symmetric() && cd.Source.Entity != "" && cd.Source.Entity == cd.Target.Entity {
			cd.Source = nil
		}
		if !cd.plausible() || c.helpsToDo(&cd, m) || c.relative(m.tokens, s) && (cd.Source == nil || cd.Target == nil) {
			if c.explained != nil {
				gate := GateActors
				if cd.plausible() {
					gate = GateHelp
					if !c.helpsToDo(&cd, m) {
						gate = GateRelative
					}
				}
				c.explain(m, gate, cd.Source, cd.Target)
			}
			continue
		}
		if c.explained != nil {
			c.explain(m, GateKept, cd.Source, cd.Target)
		}
		cd.Negated = c.negated(m.tokens, s)
		cd.Modality = c.modality(m.tokens, s)
		if cd.Date = c.date(m.tokens, s); cd.Date == "" {
			cd.setting = c.settingDate(m.tokens, s)
		}
		cd.Location = c.location(m.tokens, s, &cd)
		out = append(out, cd)
		kept = append(kept, m)
	}
	return out
}

// plausible reports whether a candidate has the actors its frame needs:
// a verb's object (the subject of a passive), anyone for the others. An
// arrest takes a person or a group (mengamankan kejaksaan is guarding it);
// a visit someone to visit, not a place (wisatawan berkunjung ke desa). A
// noun without actors is kept, to be merged into the event it refers back
// to.
func (cd *candidate) plausible() bool {
	t := cd.Target
	if cd.Mode == "arrest" && t != nil && t.kind != "" && t.kind != "PER" && !t.group {
		return false
	}
	if cd.Mode == "visit" && cd.trig.frame != framePass &&
		(t == nil || t.kind == "" && !t.group || t.kind == "LOC" && !t.state) {
		return false
	}
	switch cd.trig.frame {
	case frameAct:
		// Polres Boyolali mengusut kasus ..., warga memprotes kebijakan
		// ...: a named actor or a group acts even when what it acts on is
		// no actor.
		return t != nil || cd.Source != nil && (cd.Source.kind != "" || cd.Source.group) && !cd.catenative
	case frameActObj:
		// mendorong, mengingatkan: someone urges someone.
		return t != nil && cd.Source != nil
	case framePass:
		return t != nil
	case frameGen:
		return cd.Source != nil
	case frameSymNom, frameNom, frameRef:
		return true
	}
	return cd.Source != nil || t != nil
}

// helpsToDo reports whether an AID trigger's object is followed by what
// it is helped to do (membantu pemerintah daerah mengatasi ...): help, not
// material aid.
func (c *coder) helpsToDo(cd *candidate, m match) bool {
	if !typeHas(cd.Type, traitMaterial) || cd.Target == nil {
		return false
	}
	for i := m.tokens.last; i < len(c.low) && i < m.tokens.last+objectReach; i++ {
		if e, ms := c.entityAt(i); e != nil && e.ID == cd.Target.Entity {
			return ms.last < len(c.low) && c.isVerb(ms.last)
		}
		if c.is(i, wAgent) && c.phrase[i].first == i {
			p := c.phrase[i]
			return p.last < len(c.low) && c.isVerb(p.last)
		}
	}
	return false
}

// relative reports whether the trigger opens a relative clause (Navalny
// yang ditahan): a description of someone, an event only when it names both
// sides (pelaku yang ditangkap polisi).
func (c *coder) relative(tr span, s text.Sentence) bool {
	for i := tr.first - 1; i >= s.First; i-- {
		if c.low[i] == "yang" {
			return true
		}
		if !c.is(i, wAux|wNegation|wPlanned|wPossible) {
			return false
		}
	}
	return false
}

// bare reports whether a candidate names no actor: a noun that refers back
// to an event (pertemuan itu).
func (cd *candidate) bare() bool { return cd.Source == nil && cd.Target == nil }

// matches finds the triggers of sentence s, longest first and without
// overlap, in text order.
func (c *coder) matches(s text.Sentence) []match {
	var ms []match
	title := s.First < s.Last && c.doc.Tokens[s.First].Start < c.doc.Title.End
	for i := s.First; i < s.Last; {
		best := match{}
		for _, t := range c.triggers(i) {
			if t.headline && !title {
				continue
			}
			if m, ok := c.matchAt(t, i, s.Last); ok && m.tokens.last-m.tokens.first > best.tokens.last-best.tokens.first {
				best = m
			}
		}
		if best.t == nil {
			i++
			continue
		}
		ms = append(ms, best)
		i = best.tokens.last
	}
	return ms
}

// matchAt matches pattern t at token i, reading through quotation marks;
// a gap takes as few tokens as it can.
func (c *coder) matchAt(t *trigger, i, end int) (match, bool) {
	m := match{t: t, tokens: span{i, i}}
	var try func(e, j int) bool
	try = func(e, j int) bool {
		if e == len(t.elems) {
			m.tokens.last = j
			return true
		}
		for j < end && c.isQuoteMark(j) && e > 0 {
			j++
		}
		if t.elems[e] == nil {
			// A name is one word of the gap, with the abbreviation
			// bracketed after it (melaporkan Koperasi Bahana Lintas
			// Nusantara (BLN) ke Polres ...).
			for g, words := 0, 0; words < maxGap && j+g < end; words++ {
				k := j + g
				if next := c.nameEnd(k, end); next > k {
					g = next - j
				} else {
					// A negation in the gap undoes the pattern (menilai
					// Betty tidak terbukti melanggar ...).
					if c.isPunct(k) && !c.isQuoteMark(k) || c.is(k, wNegation) {
						return false
					}
					g++
				}
				if try(e+1, j+g) {
					m.gap = span{j, j + g}
					return true
				}
			}
			return false
		}
		if j >= end || !slices.Contains(t.elems[e], c.low[j]) {
			return false
		}
		return try(e+1, j+1)
	}
	return m, try(0, i)
}

// governed reports whether m is the content of an earlier trigger that
// requests, threatens, refuses or agrees to it: linked by untuk, agar or
// akan (mendesak Rusia untuk membebaskan ...), or following its object in
// the same clause (menuntut majelis hakim menjatuhkan pidana ...). A new
// clause (a comma, karena, dan, lalu) ends what it governs.
func (c *coder) governed(before []match, m match) bool {
	for k := len(before) - 1; k >= 0; k-- {
		b := before[k]
		if !typeHas(b.t.typ, traitGoverns) || m.tokens.first-b.tokens.last > objectReach {
			continue
		}
		linked := true
		for i := b.tokens.last; i < m.tokens.first; i++ {
			if c.isPunct(i) && !c.isQuoteMark(i) || c.is(i, wBoundary) {
				linked = false
				break
			}
			if c.is(i, wControl|wPlanned) {
				return true
			}
			switch c.low[i] {
			case "dan", "lalu", "kemudian", "serta":
				linked = false
			}
		}
		if linked {
			return true
		}
	}
	return false
}

// negated reports whether a negation stands right before the trigger,
// with only auxiliaries or an existential verb between (tidak akan
// menyerang, belum ditangkap, tidak ada demo),
// or a noun trigger is called off after it (pertemuan itu batal).
func (c *coder) negated(tr span, s text.Sentence) bool {
	for i, n := tr.first-1, 0; i >= s.First && n < 4; i, n = i-1, n+1 {
		if c.is(i, wNegation) {
			return true
		}
		// tidak ada demo, tidak terjadi kerusuhan: nothing happened.
		if !c.is(i, wAux|wPlanned|wPossible) && c.low[i] != "ada" && c.low[i] != "terjadi" {
			break
		}
	}
	for i := tr.last; i < s.Last && i < tr.last+3; i++ {
		if c.low[i] == "batal" || c.low[i] == "dibatalkan" || c.low[i] == "ditunda" {
			return true
		}
		if !text.IsDemonstrative(c.low[i]) {
			break
		}
	}
	return false
}

// modality tells whether the event is asserted, or only planned, possible
// or reported. A condition or a modal word in the trigger's clause makes it
// possible, an intention planned; the most hypothetical wins. An event in
// quoted or reported words, or in a sentence with a reporting verb, is
// reported.
func (c *coder) modality(tr span, s text.Sentence) string {
	var cls uint32
	for i := tr.first - 1; i >= s.First; i-- {
		if c.isPunct(i) && !c.isQuoteMark(i) && c.low[i] != "-" && c.low[i] != "–" {
			break
		}
		if c.is(i, wPossible|wPlanned) {
			cls |= c.cls[i] & (wPossible | wPlanned)
		}
		if c.is(i, wBoundary) && !c.is(i, wPossible) {
			break
		}
	}
	switch {
	case cls&wPossible != 0:
		return Possible
	case cls&wPlanned != 0:
		return Planned
	}
	if c.quoteAt[tr.first] || c.reportedAround(tr, s) {
		return Reported
	}
	return Asserted
}

// reportedAround reports whether the trigger's sentence attributes it to
// someone: a reporting verb before it that opens a clause (X mengatakan
// bahwa ..., Blinken mengatakan Biden ...; not X mengungkapkan optimisme),
// a reporting adverb before it (dilaporkan, diduga, kabarnya), or an
// attribution after a comma or a quotation mark (..., kata X; ujarnya).
func (c *coder) reportedAround(tr span, s text.Sentence) bool {
	for i := s.First; i < s.Last; i++ {
		if !c.is(i, wReported) || tr.first <= i && i < tr.last {
			continue
		}
		w := c.low[i]
		adverb := strings.HasPrefix(w, "di") || strings.HasSuffix(w, "nya") || w == "konon" || w == "menurut"
		switch {
		case i > tr.first:
			// An attribution after the words: ", kata X", "” ujar X",
			// "..., ujarnya"; not a relative clause's yang diduga.
			if p := i - 1; p >= s.First && c.isPunct(p) {
				return true
			}
		case adverb:
			return true
		default:
			if c.opensClause(c.phrase[i].last, s.Last) {
				return true
			}
		}
	}
	return false
}

// opensClause reports whether a reporting verb ending before token i is
// followed by a clause rather than a noun: bahwa, a comma or colon, or a
// subject (a name, a pronoun, a group, para ...).
func (c *coder) opensClause(i, end int) bool {
	if i >= end {
		return false
	}
	if c.isPunct(i) || c.low[i] == "bahwa" || c.in.Entities.At(i) != nil {
		return true
	}
	return c.is(i, wPronoun|wBoth|wDeterminer|wAgent)
}

// date returns the value of the date nearest the trigger in its clause,
// at most dateReach tokens away, cut to the day.
func (c *coder) date(tr span, s text.Sentence) string {
	best, bestDist := "", dateReach+1
	look := func(from, to, step int) {
		for i, d := from, 1; i != to && d < bestDist; i, d = i+step, d+1 {
			if k := c.dateAt[i]; k != 0 {
				if v := c.in.Dates[k-1].Value; v != "" && c.datesEvent(int(k-1)) {
					best, bestDist = v[:min(len(v), len("2006-01-02"))], d
				}
				return
			}
			// ..., Senin (20/10/2025): commas and brackets stand before
			// the dates news puts at the end of a clause.
			if c.isPunct(i) && !c.isQuoteMark(i) && c.low[i] != "," && c.low[i] != "(" && c.low[i] != ")" || c.is(i, wBoundary) {
				return
			}
		}
	}
	look(tr.last, s.Last, 1)
	look(tr.first-1, s.First-1, -1)
	return best
}

// settingDate returns the date of the setting of a trigger whose clause
// has none, cut to the day, or "". First the date that opens the sentence
// (Pada Senin, usai rapat, Prabowo meminta ...; one after the trigger
// mostly dates another clause: menuntut ... atas kasus ... pada Jumat),
// else for quoted words the date at their cue (...," kata Prabowo, Senin
// (20/10)): when the words were said.
func (c *coder) settingDate(tr span, s text.Sentence) string {
	if best := c.dayWithin(s.First, tr.first, tr.first, span{}); best != "" {
		return best
	}
	if k := c.speakerAt[tr.first]; k != 0 {
		i := c.tokenAt(c.in.Quotes[k-1].End)
		if i < len(c.doc.Tokens) {
			if best := c.dayWithin(i, c.sentenceOf(i).Last, i, span{}); best != "" {
				return best
			}
		}
	}
	// Else the paragraph's other sentences': news dates an occasion once,
	// in the paragraph that tells it (Hal itu diungkapkan ... saat
	// menerima Bupati ..., Selasa (15/7/2025)).
	at := c.doc.Tokens[tr.first].Start
	ps := c.doc.Paragraphs
	for k, p := range ps {
		if p.Start <= at && at < p.End {
			if best := c.dayWithin(c.tokenAt(p.Start), c.tokenAt(p.End), tr.first, span{s.First, s.Last}); best != "" || k > 0 {
				return best
			}
			break
		}
	}
	// Else, in the headline and the first paragraph, the day the lead
	// gives: they tell one occasion, dated once (Menteri HAM berjanji ...
	// . || Hal itu diungkapkan ..., Selasa (15/7/2025).).
	if len(ps) > 0 {
		lead := ps[min(len(ps), leadParagraphs)-1]
		return c.dayWithin(0, c.tokenAt(lead.End), 0, span{s.First, s.Last})
	}
	return ""
}

// tokenAt returns the index of the first token starting at or after byte
// offset b.
func (c *coder) tokenAt(b int) int {
	i, _ := slices.BinarySearchFunc(c.doc.Tokens, b, func(t text.Token, b int) int { return t.Start - b })
	return i
}

// dayWithin returns the day of the date that can date an event nearest
// token at among tokens from to to, leaving out those of skip, or "". A
// setting is a day: a year or a month there mostly dates something else
// (mengingatkan ... sebelum tahun depan).
func (c *coder) dayWithin(from, to, at int, skip span) string {
	best, bestDist := "", len(c.low)
	for i := from; i < to; i++ {
		k := c.dateAt[i]
		if k == 0 || i > from && c.dateAt[i-1] == k || skip.first <= i && i < skip.last {
			continue
		}
		if v := c.in.Dates[k-1].Value; len(v) >= len("2006-01-02") && c.datesEvent(int(k-1)) && abs(i-at) < bestDist {
			best, bestDist = v[:len("2006-01-02")], abs(i-at)
		}
	}
	return best
}

// datesEvent reports whether date k can date an event: a year is more
// often part of a name or a period (Expo 2025, Masa Sidang I Tahun 2025,
// periode 2006-2023) than the time of an event, unless a preposition says
// so (pada tahun 2020, sejak 2019).
func (c *coder) datesEvent(k int) bool {
	d := c.in.Dates[k]
	if d.Granularity != timex.Year {
		return true
	}
	i, _ := slices.BinarySearchFunc(c.doc.Tokens, d.Start, func(t text.Token, s int) int { return t.Start - s })
	return i > 0 && (c.low[i-1] == "pada" || c.low[i-1] == "sejak" || c.low[i-1] == "hingga")
}

// location returns the place of the event: the place named after di in
// the trigger's sentence nearest to it, else the dateline's place when
// no actor belongs to another country.
func (c *coder) location(tr span, s text.Sentence, cd *candidate) *Actor {
	from, to := c.clause(tr, s)
	var best *Actor
	bestDist := len(c.doc.Tokens)
	for i := from; i < to; i++ {
		if !c.is(i, wLocation) {
			continue
		}
		// di depan Gedung DPR, di kota Solo: a word or two may come first.
		for j := i + 1; j < to && j <= i+3; j++ {
			e, ms := c.entityAt(j)
			if e == nil {
				if c.isPunct(j) || c.isVerb(j) {
					break
				}
				continue
			}
			if e.Type == "LOC" && !cd.hasActor(e.ID) {
				d := abs(i - tr.first)
				if d < bestDist {
					best, bestDist = &Actor{Entity: e.ID, Name: e.Name, Country: e.Country}, d
				}
			}
			i = ms.last - 1
			break
		}
	}
	if best != nil || c.in.Place == "" {
		return best
	}
	return c.datelinePlace(cd)
}

// clause returns the tokens of the trigger's clause: out to a clause
// boundary or a linking word (untuk, agar) on either side. Commas do not
// end it, since dates and places sit between them (Senin (20/10), di
// Jakarta).
func (c *coder) clause(tr span, s text.Sentence) (from, to int) {
	from, to = tr.first, tr.last
	for from > s.First && !c.is(from-1, wBoundary|wControl) && c.low[from-1] != ";" {
		from--
	}
	for to < s.Last && !c.is(to, wBoundary|wControl) && c.low[to] != ";" {
		to++
	}
	return from, to
}

// datelinePlace is the dateline's place, for an event none of whose
// actors belongs to a country other than the place's: a national desk's
// JAKARTA says nothing about where a meeting abroad took place.
func (c *coder) datelinePlace(cd *candidate) *Actor {
	place := &Actor{Name: c.in.Place}
	if e := c.entityNamed("LOC", c.in.Place); e != nil {
		place = &Actor{Entity: e.ID, Name: e.Name, Country: e.Country}
	}
	home := place.Country
	if home == "" {
		home = "ID" // the datelines of Indonesian outlets name Indonesian places
	}
	for _, a := range cd.actors() {
		if a.Country != "" && a.Country != home {
			return nil
		}
	}
	if place.Entity == "" {
		place.Name = titleCase(place.Name)
	}
	return place
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// titleCase writes an all-capital dateline place as a name: JAKARTA →
// Jakarta.
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// actors lists a candidate's source and target and its participants.
func (cd *candidate) actors() []*Actor {
	out := make([]*Actor, 0, 2+len(cd.participants))
	for _, a := range append([]*Actor{cd.Source, cd.Target}, cd.participants...) {
		if a != nil {
			out = append(out, a)
		}
	}
	return out
}

// hasActor reports whether the entity is one of the candidate's actors.
func (cd *candidate) hasActor(id string) bool {
	for _, a := range cd.actors() {
		if a.Entity == id {
			return true
		}
	}
	return false
}

// entities returns the number of the article's entities.
func (c *coder) entities() int {
	if c.in.Entities == nil {
		return 0
	}
	return len(c.in.Entities.Entities)
}

// entityNamed returns the article's entity of type typ named name, in any
// case, or nil.
func (c *coder) entityNamed(typ, name string) *entity.Entity {
	for i := range c.entities() {
		if e := &c.in.Entities.Entities[i]; e.Type == typ && strings.EqualFold(e.Name, name) {
			return e
		}
	}
	return nil
}

// nameEnd returns the end of the entity mention that starts at token i,
// past an abbreviation of it in brackets right after (Koperasi Bahana
// Lintas Nusantara (BLN)), before end; i where no mention starts.
func (c *coder) nameEnd(i, end int) int {
	e, ms := c.entityAt(i)
	if e == nil || ms.first != i || ms.last > end {
		return i
	}
	if k := ms.last; k+2 < end && c.low[k] == "(" && c.low[k+2] == ")" && c.in.Entities.At(k+1) == e {
		return k + 3
	}
	return ms.last
}

// entityAt returns the entity mentioned at token i and the mention's
// tokens.
func (c *coder) entityAt(i int) (*entity.Entity, span) {
	e := c.in.Entities.At(i)
	if e == nil {
		return nil, span{}
	}
	for _, m := range e.Mentions {
		if m.First <= i && i < m.Last {
			return e, span{m.First, m.Last}
		}
	}
	return nil, span{}
}
