package event

import (
	"slices"
	"strings"

	"github.com/warta-news/warta/analysis/entity"
)

// actorOf is the actor an entity names.
func actorOf(e *entity.Entity) *Actor {
	return &Actor{Entity: e.ID, Name: e.Name, Country: e.Country, state: e.State, kind: e.Type}
}

// actorAt is the actor of the entity mentioned at ms: the entity, or for a
// place after an office named by it (Polresta Denpasar, Pemkot Medan) the
// office, with the place's country.
func (c *coder) actorAt(e *entity.Entity, ms span) *Actor {
	if e.Type == "LOC" && ms.first > 0 && c.is(ms.first-1, wOffice) {
		p := c.phrase[ms.first-1]
		return &Actor{Name: c.doc.Text[c.doc.Tokens[p.first].Start:c.doc.Tokens[ms.last-1].End], Country: e.Country, kind: "ORG"}
	}
	return actorOf(e)
}

// merge gathers the mentions of one event across the article: a later
// mention of the same type, negation and modality whose actors agree
// (the same entities, or a state and a person or body of that state) and
// whose date and place do not differ is the same event, and fills in
// what the first mention lacked. A noun with no actors of its own
// (pertemuan itu, diskusi di Reykjavik) refers to the latest event of its
// type before it, else to the first of its type whose date and place
// agree; with none it is dropped. The headline's events (the candidates
// before titleEnd) are merged last, into the body's telling
// (mergeHeadline). An event whose source is not resolved is left out,
// unless its type is coded with one actor (a protest); one kept without
// a side its type takes is of low confidence.
func merge(cands []candidate, titleEnd int) []Event {
	var head, body []candidate
	for _, cd := range cands {
		if cd.TriggerStart < titleEnd {
			head = append(head, cd)
		} else {
			body = append(body, cd)
		}
	}
	body = mergeMentions(body)
	evs := append(mergeHeadline(mergeMentions(head), body), body...)
	out := make([]Event, 0, len(evs))
	for _, e := range evs {
		if e.Source == nil && !typeHas(e.Type, traitOneActor) {
			continue
		}
		if e.Date == "" {
			e.Date = e.setting
		}
		e.Confidence = High
		if e.Source == nil || e.Target == nil && !typeHas(e.Type, traitOneActor) {
			e.Confidence = Low
		}
		out = append(out, e.Event)
	}
	return out
}

// mergeMentions merges the mentions of each event, in text order.
func mergeMentions(cands []candidate) []candidate {
	var evs, bare []candidate
	for _, cd := range cands {
		if cd.bare() {
			if k := lastOf(evs, &cd); k >= 0 {
				evs[k].absorb(&cd, false)
			} else {
				bare = append(bare, cd)
			}
			continue
		}
		merged := false
		for k := len(evs) - 1; k >= 0; k-- {
			if rev, ok := evs[k].sameAs(&cd); ok {
				evs[k].absorb(&cd, rev)
				merged = true
				break
			}
		}
		if !merged {
			evs = append(evs, cd)
		}
	}
	var alone []candidate
	for _, b := range bare {
		k := slices.IndexFunc(evs, func(e candidate) bool { return e.kindOf(&b) && e.placedAs(&b) })
		switch {
		case k >= 0:
			evs[k].absorb(&b, false)
		case !typeHas(b.Type, traitOneActor) || b.Negated:
		case lastOf(alone, &b) >= 0:
			alone[lastOf(alone, &b)].absorb(&b, false)
		default:
			alone = append(alone, b)
		}
	}
	if len(alone) == 0 {
		return evs
	}
	evs = append(evs, alone...)
	slices.SortStableFunc(evs, func(a, b candidate) int { return a.TriggerStart - b.TriggerStart })
	return evs
}

// Split parts events into the complete ones, with every side their type
// takes, and the partial ones, of low confidence (a request whose addressee
// is not resolved, a demonstration with no one named). A record keeps the
// two apart: an event is a dyad — who did what to whom — and a reader
// counting events, as the shared scorer does, can match only one whose
// sides are both named, while the partial ones still tell what the
// article says happened.
func Split(evs []Event) (complete, partial []Event) {
	complete, partial = make([]Event, 0, len(evs)), []Event{}
	for _, e := range evs {
		if e.Confidence == Low {
			partial = append(partial, e)
		} else {
			complete = append(complete, e)
		}
	}
	return complete, partial
}

// leadSentences is how many sentences after the headline make the lead,
// where the body tells the headline's event first.
const leadSentences = 3

// mergeHeadline codes a headline's event once, as the body tells it: an
// event of the headline is the body's first event of its kind that shares
// an actor with it, or, since headlines shorten names and glue words to
// them (Kemenkeu Ingatkan Wajib Pajak), the first of its kind in the lead.
// The body's telling keeps its actors, trigger and sentence; a headline
// that names one side as the body does fills what the body lacks (body
// is changed in place). It returns the headline events the body does not
// tell.
func mergeHeadline(head, body []candidate) []candidate {
	var out []candidate
	for k := range head {
		h := &head[k]
		into, shared := -1, false
		for b := range body {
			if !body[b].kindOf(h) {
				continue
			}
			// A headline's demo that names no one is the body's first.
			if shared = h.sharesActor(&body[b]); shared || body[b].Sentence <= h.Sentence+leadSentences || h.bare() {
				into = b
				break
			}
		}
		if into < 0 {
			out = append(out, *h)
			continue
		}
		if !shared {
			continue
		}
		b := &body[into]
		if b.Source == nil && !sameActor(h.Source, b.Target) {
			b.Source = h.Source
		}
		if b.Target == nil && !sameActor(h.Target, b.Source) {
			b.Target = h.Target
		}
		if b.Date == "" {
			b.Date = h.Date
		}
		if b.setting == "" {
			b.setting = h.setting
		}
		if b.Location == nil {
			b.Location = h.Location
		}
	}
	return out
}

// sharesActor reports whether two mentions have an actor in common: the
// same actor (sameActor) or names one of which holds the other's words
// (Purbaya, Menkeu Purbaya Yudhi Sadewa).
func (cd *candidate) sharesActor(o *candidate) bool {
	for _, a := range cd.actors() {
		for _, b := range o.actors() {
			if sameActor(a, b) || nameWithin(a.Name, b.Name) || nameWithin(b.Name, a.Name) {
				return true
			}
		}
	}
	return false
}

// nameWithin reports whether every word of name a is a word of name b.
func nameWithin(a, b string) bool {
	aw, bw := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	if len(aw) == 0 {
		return false
	}
	for _, w := range aw {
		if !slices.Contains(bw, w) {
			return false
		}
	}
	return true
}

// lastOf returns the latest event that a bare mention can refer to, or -1.
func lastOf(evs []candidate, b *candidate) int {
	for k := len(evs) - 1; k >= 0; k-- {
		if evs[k].kindOf(b) {
			if evs[k].placedAs(b) {
				return k
			}
			return -1
		}
	}
	return -1
}

// kindOf reports whether two mentions are of the same type, mode where
// both have one (an arrest is not a seizure), negation and modality; an
// event asserted in one sentence may be reported in another.
func (cd *candidate) kindOf(o *candidate) bool {
	return cd.Type == o.Type && (cd.Mode == o.Mode || cd.Mode == "" || o.Mode == "") && cd.Negated == o.Negated &&
		(cd.Modality == o.Modality || factual(cd.Modality) && factual(o.Modality))
}

// factual reports whether a modality says the event happened.
func factual(m string) bool { return m == Asserted || m == Reported }

// placedAs reports whether two mentions' dates and places do not differ.
func (cd *candidate) placedAs(o *candidate) bool {
	if cd.Date != "" && o.Date != "" && cd.Date != o.Date {
		return false
	}
	return cd.Location == nil || o.Location == nil || sameActor(cd.Location, o.Location)
}

// sameAs reports whether o is a later mention of cd's event, and whether
// its source and target are the other way round (a reciprocal event).
func (cd *candidate) sameAs(o *candidate) (reversed, ok bool) {
	if !cd.kindOf(o) || !cd.placedAs(o) {
		return false, false
	}
	if agree(cd.Source, o.Source) && agree(cd.Target, o.Target) &&
		(cd.Source != nil && sameActor(cd.Source, o.Source) || cd.Target != nil && sameActor(cd.Target, o.Target)) {
		return false, true
	}
	if cd.trig.frame.symmetric() && agree(cd.Source, o.Target) && agree(cd.Target, o.Source) &&
		(cd.Source != nil && sameActor(cd.Source, o.Target) || cd.Target != nil && sameActor(cd.Target, o.Source)) {
		return true, true
	}
	return false, false
}

// agree reports whether two actors can be one side of an event: either is
// missing, or they are the same.
func agree(a, b *Actor) bool { return a == nil || b == nil || sameActor(a, b) }

// sameActor reports whether two actors are the same side: the same
// entity, the same words, or a state and someone of that state.
func sameActor(a, b *Actor) bool {
	switch {
	case a == nil || b == nil:
		return false
	case a.Entity != "" && a.Entity == b.Entity:
		return true
	case a.Entity == "" && b.Entity == "":
		return strings.EqualFold(a.Name, b.Name)
	}
	return (a.state || b.state) && a.Country != "" && a.Country == b.Country
}

// absorb fills in what the event lacks from a later mention of it.
func (cd *candidate) absorb(o *candidate, reversed bool) {
	src, tgt := o.Source, o.Target
	if reversed {
		src, tgt = tgt, src
	}
	if cd.Source == nil {
		cd.Source = src
	}
	if cd.Target == nil {
		cd.Target = tgt
	}
	if cd.Date == "" {
		cd.Date = o.Date
	}
	if cd.setting == "" {
		cd.setting = o.setting
	}
	if cd.Location == nil {
		cd.Location = o.Location
	}
	if o.Modality == Asserted {
		cd.Modality = Asserted
	}
}
