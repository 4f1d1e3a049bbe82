package event

import (
	"slices"
	"strings"

	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/person"
	"github.com/warta-news/warta/analysis/stem"
	"github.com/warta-news/warta/analysis/text"
)

// actors finds a trigger's source and target, or its participants, as its
// frame places them.
func (c *coder) actors(cd *candidate, m match, s text.Sentence) {
	tr := m.tokens
	switch m.t.frame {
	case frameAct, frameActObj:
		cd.catenative = tr.last < s.Last && c.isVerb(tr.last)
		cd.Source = first(c.subject(tr.first, s, false))
		if m.gap.last > m.gap.first {
			cd.Target = c.object(m.gap.first, m.gap.last)
		}
		if cd.Target == nil && m.t.frame == frameActObj {
			cd.Target = c.nearObject(cd.Type, tr.last, s.Last)
		}
		if cd.Target == nil && m.t.frame == frameAct {
			cd.Target = c.object(tr.last, s.Last)
		}
		if cd.Target == nil && m.t.mode == "investigate" {
			cd.Target = c.caseOf(tr.last, s.Last)
		}
		if cd.Target == nil {
			cd.Target = c.withdrawnFrom(m, s)
		}
	case framePass:
		cd.Target = first(c.subject(tr.first, s, false))
		cd.Source = c.agent(tr.last, s.Last)
		if cd.Source == nil && typeHas(cd.Type, traitHeldBy) {
			cd.Source = c.heldBy(tr.last, s.Last)
		}
	case frameIntr:
		cd.Source = first(c.subject(tr.first, s, false))
		cd.Target = c.prepObject(tr.last, s.Last)
		if cd.Target == nil {
			cd.Target = c.withdrawnFrom(m, s)
		}
		if cd.Target == nil && typeHas(cd.Type, traitPromise) {
			cd.Target = c.promisedTo(tr.last, s)
		}
	case frameNom:
		if c.afterLight(tr.first, s) {
			cd.Source = first(c.subject(tr.first, s, true))
		}
		// penangkapan oleh polisi, bantuan dari Jepang: who does it.
		if tr.last < s.Last && (c.low[tr.last] == "oleh" || c.low[tr.last] == "dari") {
			cd.Source = c.agent(tr.last, s.Last)
		}
		cd.Target = c.prepObject(tr.last, s.Last)
		// demonstrasi mahasiswa, unjuk rasa buruh: who protests.
		if cd.Source == nil && typeHas(cd.Type, traitCrowd) && tr.last < s.Last && c.is(tr.last, wAgent) {
			cd.Source = c.group(c.phrase[tr.last], s.Last)
		}
	case frameGen:
		cd.Source = c.objectWithin(tr.last, s.Last, 0)
	case frameSym, frameSymNom:
		// antara X dan Y names both sides; dengan X the other side of the
		// subject.
		others := c.partners(tr.last, s.Last)
		// Jokowi bertemu Prabowo: a reciprocal verb's object is the partner.
		if len(others) == 0 && m.t.frame == frameSym {
			if a := c.object(tr.last, s.Last); a != nil {
				others = append(others, a)
			}
		}
		// pertemuan G20, KTT ASEAN: a name right after the noun.
		if len(others) == 0 && m.t.frame == frameSymNom && tr.last < s.Last {
			if e, _ := c.entityAt(tr.last); e != nil {
				others = append(others, actorOf(e))
			}
		}
		var subj []*Actor
		if len(others) < 2 {
			switch {
			case m.t.frame == frameSym, c.afterLight(tr.first, s):
				subj = c.subject(tr.first, s, false)
				// Y berbicara ... setelah menggelar rapat dengan X: the clause
				// of time shares the subject of the clause it follows.
				if len(subj) == 0 && len(others) == 1 && m.t.frame == frameSymNom {
					subj = c.timeClauseSubject(tr.first, s)
				}
			case len(others) == 1 && tr.first-1 == s.First && (c.low[s.First] == "dalam" || c.low[s.First] == "pada"):
				// Dalam rapat dengan X, Y meminta ...: the phrase opens the
				// sentence; the one who met is the subject of the clause
				// after it.
				subj = c.frontedSubject(tr.last, s)
			case tr.first > s.First && (c.low[tr.first-1] == "dalam" || c.low[tr.first-1] == "pada"):
				// Blinken dan Lavrov mengungkapkan optimisme dalam pertemuan
				// ...: the clause's subjects took part; a lone subject may
				// only announce what happened there, unless the noun names
				// whom it met (Y menjelaskan ... dalam rapat dengan X): then
				// the subject is the other side.
				if subj = c.subject(tr.first-1, s, true); len(subj) < 2 && len(others) != 1 {
					subj = nil
				}
			}
		}
		ps := distinct(append(subj, others...))
		cd.participants = ps
		switch {
		case len(subj) == 0 && len(ps) == 1:
			// Only the other side is named: pertemuan dengan Lavrov.
			cd.Target = ps[0]
		case len(ps) > 0:
			cd.Source = ps[0]
			if len(ps) > 1 {
				cd.Target = ps[1]
			}
		}
	}
	if cd.Target == nil && typeHas(cd.Type, traitMaterial) {
		cd.Target = c.beneficiary(tr.last, s)
	}
}

// caseOf is whom an investigation looks into when its object is a case
// (mengusut kasus dugaan pemalsuan yang merugikan anggota Koperasi X):
// the first body named in the
// case's words, before the clause ends; a body after a preposition of
// place (kasus korupsi di Kementerian X) is where, not whom.
func (c *coder) caseOf(from, to int) *Actor {
	if from >= to || !c.is(from, wCase) {
		return nil
	}
	for i := from + 1; i < to && i < from+objectReach; i++ {
		if c.isPunct(i) && c.low[i] != "(" || c.is(i, wBoundary|wControl|wReported) {
			return nil
		}
		if e, ms := c.entityAt(i); e != nil {
			if e.Type == "ORG" && !c.is(i-1, wLocation|wTarget) {
				return c.actorAt(e, ms)
			}
			i = ms.last - 1
		}
	}
	return nil
}

// beneficiary is whom aid is for when its frame names no target: the
// actor after untuk, kepada or bagi further on in the clause (menyalurkan
// bantuan langsung tunai (BLT) untuk 35 juta keluarga penerima manfaat),
// before another verb or clause begins. A purpose (untuk membangun ...) or
// a period (untuk periode Oktober) is no actor.
func (c *coder) beneficiary(from int, s text.Sentence) *Actor {
	for i := from; i < s.Last && i < from+2*objectReach; i++ {
		if c.is(i, wBoundary) || c.isVerb(i) || c.is(i, wReported) {
			return nil
		}
		if w := c.low[i]; w != "untuk" && w != "kepada" && w != "bagi" {
			continue
		}
		if a := c.object(i+1, s.Last); a != nil && (a.group || a.kind == "PER" || a.kind == "ORG" || a.state) {
			return a
		}
		return nil
	}
	return nil
}

// promisedTo is the target of a promise or an offer: the object of the
// verb it governs (berjanji akan memperbaiki layanan PLN, bersedia
// membantu Pemda), over auxiliaries and untuk.
func (c *coder) promisedTo(from int, s text.Sentence) *Actor {
	k := from
	for k < s.Last && c.is(k, wAux|wPlanned|wPossible|wControl) {
		k = c.phrase[k].last
	}
	if k < s.Last && (c.isVerb(k) || len(c.triggers(k)) > 0) {
		// A person, a body or a group, not a capitalised word (TPS).
		if a := c.object(k+1, s.Last); a != nil && (a.group || a.kind == "PER" || a.kind == "ORG" || a.state) {
			return a
		}
	}
	return nil
}

// withdrawnFrom is the target of a withdrawal: what it withdraws from
// (menarik duta besarnya dari Washington, menarik pasukan dari Gaza).
func (c *coder) withdrawnFrom(m match, s text.Sentence) *Actor {
	if i := m.tokens.last; m.t.mode == "withdraw" && i < s.Last && c.low[i] == "dari" {
		return c.object(i+1, s.Last)
	}
	return nil
}

func first(as []*Actor) *Actor {
	if len(as) == 0 {
		return nil
	}
	return as[0]
}

// distinct drops repeated actors: the same entity, or the same words.
func distinct(as []*Actor) []*Actor {
	var out []*Actor
	for _, a := range as {
		dup := false
		for _, b := range out {
			if a.Entity != "" && a.Entity == b.Entity || a.Entity == "" && b.Entity == "" && a.Name == b.Name {
				dup = true
			}
		}
		if !dup {
			out = append(out, a)
		}
	}
	return out
}

// subject looks left of a trigger for the actor that is its subject: the
// nearest entity, pronoun or acting group in the clause, over
// auxiliaries, dates and a few words (Amerika Serikat pada hari Rabu
// menjatuhkan ...). With untuk, agar or supaya right before the trigger it
// is the object of the verb before (mendorong Moskow untuk memanggil ...).
// Coordinated actors (Blinken dan Lavrov) are all returned. A noun's
// subject may stand before one verb of its clause (Blinken dan Lavrov
// mengungkapkan optimisme dalam pertemuan ...); a verb's may not.
func (c *coder) subject(from int, s text.Sentence, overVerb bool) []*Actor {
	return c.subjectFrom(from, s, overVerb, 0)
}

// carried is the subject a sentence that opens with its verb shares with
// the sentence before it in its paragraph (Pertamina meluncurkan program
// ... . Bekerja sama dengan ITB, ...): the subject of that sentence's first
// verb that has one, nil when none does. It looks back one sentence only.
func (c *coder) carried(s text.Sentence) []*Actor {
	if c.carrying || s.First == 0 {
		return nil
	}
	p := c.sentenceOf(s.First - 1)
	if p.First < 0 || strings.Contains(c.doc.Text[p.End:s.Start], "\n") {
		return nil
	}
	c.carrying = true
	defer func() { c.carrying = false }()
	for k := p.First + 1; k < p.Last; k++ {
		if !c.isVerb(k) {
			continue
		}
		if as := c.subject(k, p, false); len(as) > 0 {
			return as
		}
	}
	return nil
}

// verbalPrefix reports whether a lower-case word opens with a verbal
// prefix (meN-, di-, ber-, be-, ter-): an affixed verb, not a bare root.
func verbalPrefix(w string) bool {
	for _, p := range []string{"me", "di", "be", "ter"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// subjectFrom is subject, depth verbs away from the trigger along
// coordinated verbs.
func (c *coder) subjectFrom(from int, s text.Sentence, overVerb bool, depth int) []*Actor {
	// Polisi menangkap pelaku dan menyita ...: a second verb shares its
	// subject with the first.
	if k := c.coordinator(from, s.First); k >= 0 {
		if v := c.verbBefore(k, s); v >= 0 && depth < 2 {
			return c.subjectFrom(v, s, overVerb, depth+1)
		}
	}
	// ... ditangkap dan ditahan, with no verb found before: the subject
	// is further than this looks.
	if k := from - 1; k >= s.First && (c.low[k] == "dan" || c.low[k] == "serta") {
		return nil
	}
	// Universitas X (UX) yang didanai oleh ...: a relative
	// clause's subject is its head, whatever stands before the head.
	if a := c.relativeHead(from, s); a != nil {
		return []*Actor{a}
	}
	verbs, words := 0, 0
	// controlled: past untuk, the actor is the object of the verb before,
	// which may itself stand in a relative clause (yang mendorong Moskow
	// untuk memanggil ...).
	controlled := false
	i := from - 1
	for ; i >= s.First && words <= subjectReach; i-- {
		switch {
		case c.dateAt[i] != 0:
			continue
		case c.isQuoteMark(i):
			continue
		case c.low[i] == ")":
			// Senin (20/10): a date or a number in brackets.
			if j := c.bracketStart(i, s); j >= 0 {
				i = j
				continue
			}
			// Dewan Kehormatan Penyelenggara Pemilu (DKPP): a name's
			// abbreviation, bracketed after it.
			if j := i - 2; j > s.First && c.low[j] == "(" && c.in.Entities.At(i-1) != nil && c.in.Entities.At(i-1) == c.in.Entities.At(j-1) {
				i = j
				continue
			}
			return nil
		case c.isPunct(i):
			// Wakil Ketua Komisi IX DPR, Charles Honoris, mengusulkan ...:
			// the name in apposition right before the verb is its subject.
			if c.low[i] == "," && c.onlyAux(i+1, from) && i > s.First {
				if e, ms := c.entityAt(i - 1); e != nil && e.Type == "PER" && c.opensApposition(ms.first, s) {
					return []*Actor{c.actorAt(e, ms)}
				}
			}
			return nil
		}
		if e, ms := c.entityAt(i); e != nil {
			// di Istana, dari Jakarta: a place, not the subject.
			if ms.first > s.First && c.is(ms.first-1, wLocation|wTarget) || ms.first > s.First && c.low[ms.first-1] == "dari" {
				i = ms.first
				words++
				continue
			}
			// Wakil Ketua DPR ini: a role, which stands for the person
			// named in it, not for the body.
			if e.Type != "PER" {
				if st := c.roleEnding(ms.last, s.First); st >= 0 && st < ms.first {
					if a := c.rolePerson(st, ms.last); a != nil {
						return []*Actor{a}
					}
				}
			}
			// Polres X, Sulawesi Selatan (Sulsel) memeriksa ...:
			// the place of the name before the comma, not the subject.
			if e.Type == "LOC" && ms.first-1 > s.First && c.low[ms.first-1] == "," {
				if pe, _ := c.entityAt(ms.first - 2); pe != nil && pe.Type != "LOC" {
					i = ms.first - 1
					words++
					continue
				}
			}
			if e.Type == "LOC" && ms.first > s.First {
				// militer Rusia, warga Bekasi: a group of the place.
				if c.is(ms.first-1, wAgent) {
					return []*Actor{c.group(c.phrase[ms.first-1], s.Last)}
				}
				// di Palembang, terhadap dolar AS: a place or a word's
				// modifier, not the subject.
				if c.modifier(ms.first - 1) {
					i = ms.first
					words++
					continue
				}
			}
			if overVerb && e.Type != "PER" && !e.State {
				return nil
			}
			if y := c.relativeStart(ms.first, s); !controlled && y >= 0 {
				i = y
				continue
			}
			return c.coordinated(ms, s, c.actorAt(e, ms))
		}
		// Kapolri mengatakan: a role without a name.
		if c.isCapitalised(i) && c.cls[i]&wAgent == 0 {
			if st := c.roleEnding(i+1, s.First); st >= 0 {
				if a := c.rolePerson(st, i+1); a != nil {
					return []*Actor{a}
				}
			}
		}
		switch cls := c.cls[i]; {
		case cls&wBoth != 0:
			return c.both(c.phrase[i].first)
		case cls&wPronoun != 0:
			if a := c.pronoun(i); a != nil {
				return []*Actor{a}
			}
			return nil
		case cls&wSpeaker != 0:
			if a := c.speaker(i); a != nil {
				return []*Actor{a}
			}
			return nil
		case cls&wPlural != 0:
			if a := c.plural(i); a != nil && !c.quoteAt[i] {
				return []*Actor{a}
			}
			return nil
		case cls&wAgent != 0:
			if overVerb {
				return nil
			}
			if y := c.relativeStart(c.phrase[i].first, s); !controlled && y >= 0 {
				i = y
				continue
			}
			return []*Actor{c.group(c.phrase[i], from)}
		case cls&wControl != 0:
			// The controller is the verb's object, right before untuk; a
			// noun's clause ends there.
			if !overVerb && (i == from-1 || c.onlyAux(i+1, from)) {
				words, controlled = 0, true
				i = c.phrase[i].first
				continue
			}
			return nil
		case cls&wBoundary != 0:
			return nil
		case cls&wCatenative != 0 && c.governs(c.phrase[i].last, from):
			// berjanji akan memperbaiki: the subject of berjanji is the
			// subject of what it governs.
			i, words = c.phrase[i].first, 0
			continue
		case cls&(wAux|wNegation|wPlanned|wPossible|wDeterminer|wLight|wTarget|wLocation) != 0:
			i = c.phrase[i].first
			continue
		}
		if c.isVerb(i) || c.is(i, wReported) {
			if !overVerb || verbs > 0 {
				return nil
			}
			verbs++
		}
		words++
	}
	// Only function words stand before the verb: its subject is the
	// sentence before's. A bare root opening the sentence (Vonis itu ...)
	// is a noun there, no verb.
	if i < s.First && words == 0 && !controlled && depth == 0 && verbalPrefix(c.low[from]) {
		return c.carried(s)
	}
	return nil
}

// modifier reports whether the word at i makes the place after it part
// of a phrase rather than an actor: a preposition (di, terhadap, dengan) or
// a common noun (dolar AS, gas Rusia).
func (c *coder) modifier(i int) bool {
	if c.is(i, wTarget|wLocation) {
		return true
	}
	switch c.low[i] {
	case "dari", "dengan", "oleh", "untuk", "tentang", "dalam", "antara", "sejak", "seperti":
		return true
	}
	return c.commonWord(i) && !c.isVerb(i)
}

// relativeHead is the actor a relative clause opening right before token
// from stands after (Bank Indonesia yang telah menyalurkan ..., warga yang
// ditangkap): a name, with its bracketed abbreviation, or a group; nil
// when no yang opens the clause or no actor stands before it.
func (c *coder) relativeHead(from int, s text.Sentence) *Actor {
	y := from - 1
	for y >= s.First && c.is(y, wAux|wNegation|wPlanned|wPossible) {
		y = c.phrase[y].first - 1
	}
	if y <= s.First || c.low[y] != "yang" {
		return nil
	}
	h := y - 1
	if c.low[h] == ")" && h-2 >= s.First && c.low[h-2] == "(" {
		h -= 3
	}
	if h < s.First {
		return nil
	}
	if e, ms := c.entityAt(h); e != nil {
		return c.actorAt(e, ms)
	}
	if c.is(h, wAgent) {
		return c.group(c.phrase[h], from)
	}
	return nil
}

// relativeStart returns the yang that opens the relative clause whose
// object is the actor starting at token i (mahasiswa yang mencemooh korban
// dijatuhi sanksi, Bank Indonesia yang dipimpin Perry Warjiyo mengkritik
// ...): the subject is the clause's head, before it; -1 when the actor is
// no such object.
func (c *coder) relativeStart(i int, s text.Sentence) int {
	j := i - 1
	for j >= s.First && c.is(j, wDeterminer) {
		j--
	}
	if j < s.First || !c.isVerb(j) {
		return -1
	}
	for j--; j >= s.First && c.is(j, wAux|wNegation); j-- {
	}
	if j >= s.First && c.low[j] == "yang" {
		return j
	}
	return -1
}

// governs reports whether a verb ending before token end governs the verb
// at to: only auxiliaries, untuk or agar, or verbs that share its subject
// stand between.
func (c *coder) governs(end, to int) bool {
	for i := end; i < to; i++ {
		if !c.is(i, wAux|wNegation|wPlanned|wPossible|wControl|wCatenative) {
			return false
		}
	}
	return true
}

// coordinator returns the word that joins the verb at token v to a verb
// before it (dan, serta, lalu, kemudian), over auxiliaries, or -1.
func (c *coder) coordinator(v, lo int) int {
	for i := v - 1; i >= lo; i-- {
		switch c.low[i] {
		case "dan", "serta", "lalu", "kemudian", "lantas":
			return i
		}
		if !c.is(i, wAux|wNegation|wPlanned|wPossible) {
			return -1
		}
	}
	return -1
}

// verbBefore returns the nearest verb or trigger before the coordinator
// at token k in its clause (menangkap pelaku dan | menyita), or -1.
func (c *coder) verbBefore(k int, s text.Sentence) int {
	for j := k - 1; j >= s.First && j > k-objectReach; j-- {
		if c.isPunct(j) && c.low[j] != "," || c.is(j, wBoundary|wControl) || c.low[j] == "yang" {
			return -1
		}
		if c.isVerb(j) || len(c.triggers(j)) > 0 && c.in.Entities.At(j) == nil {
			return j
		}
	}
	return -1
}

// opensApposition reports whether the person mentioned from token i
// opens the sentence, or stands between commas after the phrase that
// opens it (Anggota Komisi X DPR dari Fraksi Y, Nama Orang, ...) with no
// verb before: the subject of the verb after its closing
// comma, not an object (meminta X, lalu ...).
func (c *coder) opensApposition(i int, s text.Sentence) bool {
	if i == s.First {
		return true
	}
	if c.low[i-1] != "," {
		return false
	}
	for j := s.First; j < i-1; j++ {
		if c.isVerb(j) || c.is(j, wReported|wBoundary) || c.isPunct(j) && !c.isQuoteMark(j) && c.low[j] != "," || len(c.triggers(j)) > 0 {
			return false
		}
	}
	return true
}

// onlyAux reports whether tokens [from, to) are all auxiliaries.
func (c *coder) onlyAux(from, to int) bool {
	for i := from; i < to; i++ {
		if !c.is(i, wAux|wNegation|wPlanned|wPossible) {
			return false
		}
	}
	return true
}

// bracketStart returns the "(" that opens the bracket closed at token i
// when it holds only a date or numbers, else -1.
func (c *coder) bracketStart(i int, s text.Sentence) int {
	for j := i - 1; j >= s.First && j > i-8; j-- {
		switch {
		case c.low[j] == "(":
			return j
		case c.dateAt[j] != 0, c.doc.Tokens[j].Kind == text.Number, c.doc.Tokens[j].Kind == text.Date:
		default:
			return -1
		}
	}
	return -1
}

// titleStart returns where the title before a person's mention ms
// starts: its capitalised words, a bracketed abbreviation, the office's
// country and the entity's own mention of the title (Presiden Amerika Serikat (AS) X
// dan Perdana Menteri (PM) Y), at most four words;
// ms.first for anyone else.
func (c *coder) titleStart(ms span, s text.Sentence) int {
	e, _ := c.entityAt(ms.first)
	if e == nil || e.Type != "PER" {
		return ms.first
	}
	i := ms.first
	for words := 0; i > s.First && words < 4; {
		k := i - 1
		if c.low[k] == ")" && k-2 >= s.First && c.low[k-2] == "(" {
			i = k - 2
			continue
		}
		// Australia in Perdana Menteri Australia: the office's country.
		if o, om := c.entityAt(k); o == e || o != nil && o.Type == "LOC" {
			i, words = om.first, words+1
			continue
		} else if o == nil && c.isCapitalised(k) && c.doc.Tokens[k].Kind == text.Word {
			i, words = k, words+1
			continue
		}
		break
	}
	return i
}

// coordinated returns the actor found at mention ms with the names and
// groups joined to it by dan or serta before it (Anthony Blinken dan Sergey
// Lavrov, Pemerintah dan DPR).
func (c *coder) coordinated(ms span, s text.Sentence, a *Actor) []*Actor {
	out := []*Actor{a}
	// A comma joins names only in a list that dan or serta closes (X, Y
	// dan Z); Setelah ... kantor Kejari, BA mendatangi ... names one.
	joined := false
	for j := c.titleStart(ms, s) - 1; j-1 >= s.First; {
		if c.low[j] == "dan" || c.low[j] == "serta" {
			joined = true
		} else if c.low[j] != "," || !joined {
			break
		}
		if e, prev := c.entityAt(j - 1); e != nil {
			out = append([]*Actor{c.actorAt(e, prev)}, out...)
			j = c.titleStart(prev, s) - 1
			continue
		}
		// Pemerintah dan DPR: a group joined to a name.
		if c.is(j-1, wAgent) {
			p := c.phrase[j-1]
			out = append([]*Actor{c.group(p, ms.first)}, out...)
			j = p.first - 1
			continue
		}
		break
	}
	return out
}

// object looks right of a trigger for its object: after a preposition
// (pada, kepada, terhadap), over determiners and up to three descriptive
// words, the first entity, pronoun, acting group or capitalised name before
// the clause ends. A place after di, or a place or group that modifies a
// common noun (gas Rusia, program pemerintah), is passed over; the doer of
// a deed is not (serangan Israel). A verb ends the object — right after
// the trigger it means the trigger governs a verb (membantu menormalkan
// ...) — unless a relative clause (yang ...) has opened.
func (c *coder) object(from, to int) *Actor { return c.objectWithin(from, to, 3) }

// objectWithin is object with at most words common words passed before
// the object outside a relative clause.
func (c *coder) objectWithin(from, to, words int) *Actor {
	// mendapat apresiasi dari X: X is where it comes from, not the target.
	if from < to && c.low[from] == "dari" {
		return nil
	}
	relative := false
	plain := 0 // common words passed outside a relative clause
	for i := from; i < to && i < from+objectReach; i++ {
		if c.isQuoteMark(i) {
			continue
		}
		if c.isPunct(i) {
			return nil
		}
		// bertemu Wakil Ketua DPR: a role without a name is its person.
		if c.isCapitalised(i) && c.in.Entities.At(i) == nil && c.cls[i]&wAgent == 0 {
			if end := c.rolePhrase(i, to); end > i {
				if a := c.rolePerson(i, end); a != nil {
					return a
				}
			}
		}
		if e, ms := c.entityAt(i); e != nil {
			// di Jakarta, gas Rusia, program KPK: a place or a modifier of
			// the object, not the object.
			// prestasi mereka yang mengharumkan nama bangsa seperti pada
			// Cannes: inside a relative clause, a name after a preposition
			// is where its verb happens, not the object.
			if i > from && (c.is(i-1, wLocation) || e.Type != "PER" && c.commonWord(i-1) && !relative || relative && c.is(i-1, wTarget)) {
				i = ms.last - 1
				continue
			}
			// warga AS Paul Whelan: the person rather than the country.
			if ms.last < to {
				if p, _ := c.entityAt(ms.last); p != nil && p.Type == "PER" {
					return actorOf(p)
				}
			}
			return c.actorAt(e, ms)
		}
		// meminta agar TPIP dan TPID bersinergi: who is asked is the
		// subject of what is asked.
		if i == from && (c.low[i] == "agar" || c.low[i] == "supaya") {
			continue
		}
		switch cls := c.cls[i]; {
		case cls&wBoth != 0:
			return first(c.both(c.phrase[i].first))
		case cls&wPronoun != 0:
			return c.pronoun(i)
		case cls&wSpeaker != 0:
			return c.speaker(i)
		case cls&wAgent != 0:
			if i > from && c.commonWord(i-1) && !relative {
				i = c.phrase[i].last - 1
				continue
			}
			return c.group(c.phrase[i], to)
		case cls&(wBoundary|wControl|wContent) != 0:
			return nil
		case cls&wPreposition != 0 && !relative:
			// mengirim bantuan melalui kapal X: the way it goes, not whom.
			return nil
		case cls&wDeed != 0:
			// mengecam serangan Israel: the deed's doer is the object.
			continue
		case cls&(wTarget|wLocation) != 0:
			if i == from {
				continue
			}
			// menuntut investigasi atas insiden X: another phrase begins.
			if plain > 0 && !relative {
				return nil
			}
		}
		if c.low[i] == "yang" {
			relative = true
			continue
		}
		// A verb ends the object, unless inside a relative clause (kapal
		// yang terlibat dalam ...).
		if (c.isVerb(i) || c.is(i, wLight|wReported)) && !relative {
			return nil
		}
		if a := c.properName(i, to); a != nil {
			return a
		}
		if c.commonWord(i) && !relative {
			if plain++; plain > words {
				return nil
			}
		}
	}
	return nil
}

// nearObject is the object of a broad verb (mendorong, mengingatkan,
// menyoroti), which is an event only when an actor stands right after it:
// mendorong Pemda untuk ..., not mendorong konektivitas antarwilayah seperti
// Soloraya. What is criticised may be the actor's (menyoroti gaya hidup
// anggota KPU): for a type with that trait (whose) two words may come
// first. A capitalised word the entities stage did not take (Raperda) is
// not enough.
func (c *coder) nearObject(typ string, from, to int) *Actor {
	words := 0
	if typeHas(typ, traitWhose) {
		words = 2
	}
	a := c.objectWithin(from, to, words)
	if a == nil || a.kind == "" && !a.group && a.Entity == "" {
		return nil
	}
	return a
}

// commonWord reports whether token i is a lower-case word of no class:
// a common noun or adjective (program, investigasi, transparan), or a
// preposition with a verb's prefix, which modifies as they do (melalui
// Kemensos).
func (c *coder) commonWord(i int) bool {
	switch c.low[i] {
	case "dan", "serta", "yang":
		return false
	}
	return !text.IsDemonstrative(c.low[i]) && c.cls[i]&^wPreposition == 0 && c.doc.Tokens[i].Kind == text.Word && !c.isCapitalised(i)
}

// prepObject is the actor after a target preposition (terhadap, kepada)
// right after the trigger, or nil.
func (c *coder) prepObject(from, to int) *Actor {
	if from < to && c.is(from, wTarget) {
		return c.object(from, to)
	}
	return nil
}

// agent is the actor that does a passive's or a noun's action: after
// oleh or dari, right after a passive verb (ditangkap polisi), or after
// oleh a few words on (digugat secara pidana oleh X).
func (c *coder) agent(from, to int) *Actor {
	if from >= to {
		return nil
	}
	if c.low[from] == "oleh" || c.low[from] == "dari" {
		return c.object(from+1, to)
	}
	// digugat secara pidana oleh X: oleh after a few words.
	for i := from + 1; i < to && i < from+4 && !c.isPunct(i); i++ {
		if c.low[i] == "oleh" {
			return c.object(i+1, to)
		}
	}
	if e, ms := c.entityAt(from); e != nil {
		return c.actorAt(e, ms)
	}
	if c.is(from, wAgent) {
		return c.group(c.phrase[from], to)
	}
	if end := c.rolePhrase(from, to); end > from {
		if a := c.rolePerson(from, end); a != nil {
			return a
		}
	}
	// dikritik Bu Endang, diminta Gus Nur: a title before the person the
	// entities stage named.
	if from+1 < to && c.isCapitalised(from) && c.in.Entities.At(from) == nil {
		if e, ms := c.entityAt(from + 1); e != nil && e.Type == "PER" && ms.first == from+1 {
			return actorOf(e)
		}
	}
	// a name the entities stage did not take.
	return c.properName(from, to)
}

// heldBy is who holds or examines someone where a passive names no doer:
// the body at whose office it happens (ditahan di Polres Metro Bekasi,
// diperiksa di Gedung KPK, dibawa ke Mapolres ...), over one common word
// (di rutan Polres ...). A place is no doer (ditangkap di Bekasi).
func (c *coder) heldBy(from, to int) *Actor {
	if from >= to || c.low[from] != "di" && c.low[from] != "ke" {
		return nil
	}
	for i := from + 1; i < to && i <= from+2; i++ {
		if e, ms := c.entityAt(i); e != nil {
			if a := c.actorAt(e, ms); a.kind == "ORG" {
				return a
			}
			return nil
		}
		if !c.isCapitalised(i) && !c.commonWord(i) {
			return nil
		}
	}
	return nil
}

// group is the actor named by a group word (polisi, militer) at p; a
// country, place or body right after it says whose (militer Rusia, warga
// Bekasi, pimpinan Universitas Indonesia, polisi dari Polsek Kuta), and a
// person named right after bernama is who it is.
func (c *coder) group(p span, to int) *Actor {
	a := &Actor{Name: c.doc.Text[c.doc.Tokens[p.first].Start:c.doc.Tokens[p.last-1].End], group: true}
	// Gubernur X, Menteri Keuangan RI Y: a
	// capitalised word is the title of the person it introduces, as the
	// shared person reader reads the phrase.
	if c.isCapitalised(p.first) {
		if ph := c.reader().After(p.first, to); !ph.Name.Empty() {
			if e, _ := c.entityAt(ph.Name.First); e != nil && e.Type == "PER" {
				return actorOf(e)
			}
		}
	}
	// Pelaku, alone: one person, named by the events (resolveParties).
	if c.is(p.first, wParty) && p.last-p.first == 1 && !c.counted(p.first) && (p.last >= to || c.in.Entities.At(p.last) == nil) {
		a.party = c.low[p.first]
	}
	// Gubernur Jawa Barat, menteri: one office, held by the person the
	// article names in it; para menteri are many.
	if p.first == 0 || !c.is(p.first-1, wDeterminer) {
		if end := c.rolePhrase(p.first, to); end > p.first {
			if a := c.rolePerson(p.first, end); a != nil {
				return a
			}
		}
	}
	// seorang perempuan bernama Suila Rohill: the person named;
	// polisi dari Polsek Kuta: the body they act for, still a group.
	if p.last+1 < to && (c.low[p.last] == "bernama" || c.low[p.last] == "dari") {
		if e, ms := c.entityAt(p.last + 1); e != nil && ms.first == p.last+1 {
			switch {
			case e.Type == "PER" && c.low[p.last] == "bernama":
				return actorOf(e)
			case e.Type == "ORG" && c.low[p.last] == "dari":
				a := c.actorAt(e, ms)
				a.group = true
				return a
			}
		}
	}
	if p.last < to {
		if e, ms := c.entityAt(p.last); e != nil && (e.Type == "LOC" || e.Type == "ORG") {
			// warga AS Paul Whelan: the person named after.
			if ms.last < to {
				if pe, _ := c.entityAt(ms.last); pe != nil && pe.Type == "PER" {
					return actorOf(pe)
				}
			}
			// para elite PDIP, pengurus PBNU: the members of a body act
			// for it; they stay a group, which can be arrested.
			if e.Type == "ORG" && c.is(p.first, wMember) {
				a := c.actorAt(e, ms)
				a.group = true
				return a
			}
			// warga Palestina, pimpinan Universitas Indonesia: the group
			// keeps its words and is of the place or body it names, as
			// the shared scorer reads an actor by its entity too.
			a.Name = c.doc.Text[c.doc.Tokens[p.first].Start:c.doc.Tokens[ms.last-1].End]
			a.Entity, a.Country = e.ID, e.Country
		}
	}
	return a
}

// counted reports whether a number or a determiner stands before token i
// (dua pelaku, para korban, tiga orang tersangka).
func (c *coder) counted(i int) bool {
	k := i - 1
	return k >= 0 && (c.is(k, wDeterminer) || c.doc.Tokens[k].Kind == text.Number)
}

// resolveParties gives a lone party word its person: pelaku, tersangka or
// terdakwa is the person the events before it arrest, charge, convict or
// see attack (Petugas mengamankan seorang pria bernama X ... . Pelaku
// kini ditahan ...), korban the person attacked.
// An article that speaks of several (para pelaku, dua korban) is left as
// it is: which one is meant is not told.
func (c *coder) resolveParties(cands []candidate) {
	var suspect, victim *Actor
	several := map[string]bool{}
	for i, w := range c.low {
		if c.is(i, wParty) && c.counted(i) {
			several[w] = true
		}
	}
	person := func(a *Actor) bool { return a != nil && a.kind == "PER" }
	for k := range cands {
		cd := &cands[k]
		for _, a := range []**Actor{&cd.Source, &cd.Target} {
			w := ""
			if *a != nil {
				w = (*a).party
			}
			switch {
			case w == "" || several[w]:
			case w == "korban" && victim != nil:
				*a = victim
			case w != "korban" && suspect != nil:
				*a = suspect
			}
		}
		// A headline's title case misleads the actors' reading
		// (Pembunuh Riky Saputra Ditangkap): only the body's events name.
		if cd.TriggerStart < c.doc.Title.End {
			continue
		}
		switch cd.Type {
		case "COERCE", "ACCUSE", "SANCTION":
			if suspect == nil && person(cd.Target) {
				suspect = cd.Target
			}
		case "ASSAULT":
			if suspect == nil && person(cd.Source) {
				suspect = cd.Source
			}
			if victim == nil && person(cd.Target) {
				victim = cd.Target
			}
		}
	}
}

// reader returns the person reader over the document, made on first use.
func (c *coder) reader() *person.Reader {
	if c.rd == nil {
		c.rd = person.NewReader(person.Default(), c.doc)
	}
	return c.rd
}

// afterLight reports whether a light verb (melakukan, menggelar) stands
// right before a noun trigger, over auxiliaries.
func (c *coder) afterLight(from int, s text.Sentence) bool {
	for i := from - 1; i >= s.First; i-- {
		if c.is(i, wLight) {
			return true
		}
		if !c.is(i, wAux|wNegation|wPlanned|wPossible) {
			return false
		}
	}
	return false
}

// timeClauseSubject is the subject of the clause that a clause of time
// or manner (setelah, usai, sambil: a boundary word, then a light verb and
// the noun at from) follows: the actor of that clause's verb.
func (c *coder) timeClauseSubject(from int, s text.Sentence) []*Actor {
	i := from - 1
	for i > s.First && !c.is(i, wLight) {
		i--
	}
	for i--; i > s.First && c.is(i, wAux|wNegation|wPlanned|wPossible); i-- {
	}
	if i <= s.First || !c.is(i, wBoundary) {
		return nil
	}
	return c.subject(i, s, true)
}

// frontedSubject is the subject of the clause after a phrase that opens
// the sentence and ends at a comma past token from: the subject of the
// first verb after the comma.
func (c *coder) frontedSubject(from int, s text.Sentence) []*Actor {
	comma := -1
	for i := from; i < s.Last && i < from+objectReach; i++ {
		if c.low[i] == "," {
			comma = i
			break
		}
		if c.isPunct(i) && !c.isQuoteMark(i) {
			return nil
		}
	}
	if comma < 0 {
		return nil
	}
	for k := comma + 2; k < s.Last && k < comma+2+subjectReach; k++ {
		if c.isVerb(k) {
			return c.subject(k, text.Sentence{First: comma + 1, Last: s.Last, Start: s.Start, End: s.End}, false)
		}
	}
	return nil
}

// partners finds the other side of a reciprocal event: dengan X (bersama
// X right after the trigger), or antara X dan Y, in the clause after it.
func (c *coder) partners(from, to int) []*Actor {
	for i := from; i < to && i < from+objectReach; i++ {
		if c.isPunct(i) && !c.isQuoteMark(i) || c.is(i, wBoundary|wControl) {
			return nil
		}
		// rapat bersama Komisi X: right after the noun, bersama names the
		// other side; further on it is an adjective (komitmen bersama) or
		// who came along (hadir ... bersama X).
		if i == from && c.low[i] == "bersama" {
			if a := c.object(i+1, to); a != nil {
				return []*Actor{a}
			}
			return nil
		}
		switch c.low[i] {
		case "dengan":
			if a := c.object(i+1, to); a != nil {
				return []*Actor{a}
			}
			return nil
		case "antara":
			if i+1 < to && c.is(i+1, wBoth) {
				return c.both(i + 1)
			}
			var out []*Actor
			for j := i + 1; j < to && j < i+objectReach && len(out) < 2; j++ {
				// antara BI, OJK, dan LPS: a list goes on over commas.
				if c.isPunct(j) && !c.isQuoteMark(j) && c.low[j] != "," {
					break
				}
				if c.is(j, wAgent) && len(out) < 2 {
					out = append(out, c.group(c.phrase[j], to))
					j = c.phrase[j].last - 1
					continue
				}
				if e, ms := c.entityAt(j); e != nil {
					// Presiden Rusia Vladimir Putin: the person after his country.
					if ms.last < to {
						if p, pm := c.entityAt(ms.last); p != nil && p.Type == "PER" {
							e, ms = p, pm
						}
					}
					out = append(out, c.actorAt(e, ms))
					j = ms.last - 1
				}
			}
			return out
		}
	}
	return nil
}

// properName reads a capitalised name that the entities stage did not
// make an entity (Nord Stream 2): capitalised words, then numbers,
// starting at token i; not a month or day, not inside a date.
func (c *coder) properName(i, to int) *Actor {
	// A headline capitalises every word.
	if c.doc.Tokens[i].Start < c.doc.Title.End {
		return nil
	}
	if !c.isCapitalised(i) || c.is(i, wNotName) || c.dateAt[i] != 0 || i == c.sentenceStart(i) ||
		c.isCapitalised(i-1) && !c.isPunct(i-1) {
		// Perjanjian Kerja Sama: the tail of a longer name.
		return nil
	}
	// USD 1 juta, Rp 5 miliar: money, not a name.
	if i+1 < to && c.doc.Tokens[i+1].Kind == text.Number && len(c.low[i]) <= 3 {
		return nil
	}
	j := i + 1
	for j < to && c.dateAt[j] == 0 && c.in.Entities.At(j) == nil {
		// Mercedes-Benz: a hyphen inside a name, written without spaces;
		// a letter before it is a prefix (E-TLE, e-KTP), no name.
		if c.low[j] == "-" && j+1 < to && c.isCapitalised(j+1) && len(c.low[j-1]) > 1 &&
			c.doc.Tokens[j-1].End == c.doc.Tokens[j].Start && c.doc.Tokens[j].End == c.doc.Tokens[j+1].Start {
			j += 2
			continue
		}
		if c.doc.Tokens[j].Kind == text.Punct || !c.isCapitalised(j) && c.doc.Tokens[j].Kind != text.Number {
			break
		}
		j++
	}
	// Menteri Luar Negeri Rusia Sergey Lavrov: a title before a name.
	if j < to && c.in.Entities.At(j) != nil {
		return nil
	}
	// Ton Cabai Merah, Ketua: common words in title case; a lone capital
	// is an abbreviation (Rp 2,3 T).
	name := false
	for k := i; k < j; k++ {
		w := c.doc.Text[c.doc.Tokens[k].Start:c.doc.Tokens[k].End]
		if c.doc.Tokens[k].Kind == text.Word && len(w) > 1 && !stem.Known(w) {
			name = true
		}
	}
	if !name {
		return nil
	}
	return &Actor{Name: c.doc.Text[c.doc.Tokens[i].Start:c.doc.Tokens[j-1].End]}
}

// sentenceStart returns the first token of the sentence holding token i.
func (c *coder) sentenceStart(i int) int { return c.sentenceOf(i).First }

// sentenceOf returns the sentence holding token i; First is -1 when none
// does.
func (c *coder) sentenceOf(i int) text.Sentence {
	ss := c.doc.Sentences
	lo, hi := 0, len(ss)
	for lo < hi {
		m := (lo + hi) / 2
		if ss[m].Last <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(ss) {
		return ss[lo]
	}
	return text.Sentence{First: -1, Last: -1}
}

// pronoun resolves dia, ia or beliau at token i to a person: the nearest
// person named before it in its sentence, else the nearest one in the two
// sentences before that stands as a subject (before a verb or an
// auxiliary), else the nearest one there.
func (c *coder) pronoun(i int) *Actor {
	start := c.sentenceStart(i)
	var nearest *Actor
	sentences := 0
	for j := i - 1; j >= 0; j-- {
		if j < start {
			if sentences++; sentences > 2 {
				break
			}
			start = c.sentenceStart(j)
		}
		e, ms := c.entityAt(j)
		if e == nil || e.Type != "PER" && (e.Type != "ORG" || c.low[i] != "pihaknya") {
			continue
		}
		a := actorOf(e)
		// Kabid Humas Polda Kalsel Kombes Adam ... . Pihaknya ...: his
		// side is the body his title names.
		if c.low[i] == "pihaknya" && e.Type == "PER" {
			if b := c.bodyOf(ms); b != nil {
				a = b
			}
		}
		if ms.first >= c.sentenceStart(i) {
			return a
		}
		if nearest == nil {
			nearest = a
		}
		if k := ms.last; k < len(c.low) && (c.is(k, wAux|wReported) || c.isVerb(k)) {
			return a
		}
		j = ms.first
	}
	return nearest
}

// plural resolves mereka at token i, a subject, to the body or group it
// stands for: the nearest one named as a subject (before a verb or an
// auxiliary) in its sentence or the one before (Massa aksi turun ke jalan
// ... . Mereka menuntut ...). A person is not they, a place is not a
// doer, and a body or group after a preposition (di KPK, kepada warga) is
// no subject.
func (c *coder) plural(i int) *Actor {
	lo := c.sentenceStart(i)
	if lo > 0 {
		lo = c.sentenceStart(lo - 1)
	}
	for j := i - 1; j >= lo; j-- {
		var a *Actor
		var at span
		if e, ms := c.entityAt(j); e != nil {
			if e.Type == "ORG" {
				a, at = c.actorAt(e, ms), ms
			}
			j = ms.first
		} else if c.is(j, wAgent) {
			at = c.phrase[j]
			a, j = c.group(at, at.last+2), at.first
		}
		// terdakwa read as the person on trial is one person.
		if a == nil || a.kind == "PER" || at.first > 0 && c.afterPreposition(at.first) {
			continue
		}
		if k := at.last; k < len(c.low) && k < i && (c.is(k, wAux|wReported|wNegation|wPlanned|wPossible) || c.isVerb(k) || len(c.triggers(k)) > 0) {
			return a
		}
	}
	return nil
}

// afterPreposition reports whether the phrase at token i follows a
// preposition (di, kepada, dari, dengan, untuk, oleh), past a determiner
// (untuk para korban).
func (c *coder) afterPreposition(i int) bool {
	if i > 0 && c.is(i-1, wDeterminer) {
		i = c.phrase[i-1].first
	}
	if i == 0 {
		return false
	}
	switch c.low[i-1] {
	case "dari", "dengan", "untuk", "bagi", "oleh", "antara":
		return true
	}
	return c.is(i-1, wTarget|wLocation)
}

// bodyOf is the body named in the title printed before a person's
// mention ms (Kabid Humas Polda Kalsel Kombes Adam Erwindi; Kepala Pusat
// BPSDM Komdigi, Rizki Ameliah): the nearest organisation among its
// capitalised words, or the office its head's title names (Kapolres
// Boyolali, AKBP Rosyid Hartanto: officeOf), over one comma; nil when
// none.
func (c *coder) bodyOf(ms span) *Actor {
	lo := c.sentenceStart(ms.first)
	k, comma := ms.first-1, false
	for n := 0; k >= lo && n < 8; n++ {
		if c.low[k] == "," && !comma {
			k, comma = k-1, true
			continue
		}
		if e, em := c.entityAt(k); e != nil {
			if e.Type == "ORG" {
				return c.actorAt(e, em)
			}
			k = em.first - 1
			continue
		}
		if !c.isCapitalised(k) && c.low[k] != "(" && c.low[k] != ")" {
			return nil
		}
		if b := c.officeOf(k); b != nil {
			return b
		}
		k--
	}
	return nil
}

// officeOf is the office whose head the title word at token k names, with
// the place after it: Kapolres Boyolali heads Polres Boyolali (ka- and an
// office named after its territory, words.tsv class office), the entity
// of that name where the article has one. nil for any other word.
func (c *coder) officeOf(k int) *Actor {
	w := c.low[k]
	if len(w) < 5 || !strings.HasPrefix(w, "ka") || k+1 >= len(c.low) {
		return nil
	}
	st := c.lx.starts[w[2:]]
	if st == nil || !slices.ContainsFunc(st.phrases, func(p phrase) bool { return len(p.words) == 1 && p.class&wOffice != 0 }) {
		return nil
	}
	place, pm := c.entityAt(k + 1)
	if place == nil || place.Type != "LOC" || pm.first != k+1 {
		return nil
	}
	// Kapolres Tasikmalaya Kota heads Polres Tasikmalaya Kota, the city's
	// force, not the regency's Polres Tasikmalaya.
	last := pm.last - 1
	if last+1 < len(c.low) && c.low[last+1] == "kota" && c.isCapitalised(last+1) {
		last++
	}
	word := c.doc.Text[c.doc.Tokens[k].Start+2 : c.doc.Tokens[k].End]
	name := strings.ToUpper(word[:1]) + word[1:] + " " + c.doc.Text[c.doc.Tokens[pm.first].Start:c.doc.Tokens[last].End]
	if e := c.entityNamed("ORG", name); e != nil {
		return actorOf(e)
	}
	return &Actor{Name: name, Country: place.Country, kind: "ORG"}
}

// speaker resolves saya or kami at token i to the speaker of the
// quotation it stands in, nil outside one or where the speaker is unknown;
// kami said by a person printed with a body's title is that body.
func (c *coder) speaker(i int) *Actor {
	k := c.speakerAt[i]
	if k == 0 || int(k) > len(c.in.Speakers) || c.in.Entities == nil {
		return nil
	}
	// "Kami di Komdigi ...": the body the speaker names for kami.
	if j := c.phrase[i].last; j+1 < len(c.low) && (c.low[j] == "di" || c.low[j] == "dari") {
		if e, ms := c.entityAt(j + 1); e != nil && e.Type == "ORG" && ms.first == j+1 {
			return c.actorAt(e, ms)
		}
	}
	e := c.in.Entities.ByID(c.in.Speakers[k-1])
	if e == nil {
		return nil
	}
	// "Kami sudah mendatangi TKP," kata Kabid Humas Polda Kalsel ...: we
	// are the body the speaker's title names where the article prints it.
	if e.Type == "PER" && c.low[i] == "kami" {
		for _, m := range e.Mentions {
			if b := c.bodyOf(span{m.First, m.Last}); b != nil {
				return b
			}
		}
	}
	return actorOf(e)
}

// both resolves kedua negara at token i to the two countries named most
// often before it (the more recent first on a tie), in order of first
// mention.
func (c *coder) both(i int) []*Actor {
	type seen struct {
		e           *entity.Entity
		n, at, from int
	}
	var cs []seen
	for j := 0; j < i; j++ {
		e, ms := c.entityAt(j)
		if e == nil {
			continue
		}
		j = ms.last - 1
		if !e.State {
			continue
		}
		k := slices.IndexFunc(cs, func(x seen) bool { return x.e == e })
		if k < 0 {
			cs = append(cs, seen{e: e, from: j})
			k = len(cs) - 1
		}
		cs[k].n++
		cs[k].at = j
	}
	if len(cs) < 2 {
		return nil
	}
	slices.SortStableFunc(cs, func(a, b seen) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return b.at - a.at
	})
	cs = cs[:2]
	slices.SortFunc(cs, func(a, b seen) int { return a.from - b.from })
	return []*Actor{actorOf(cs[0].e), actorOf(cs[1].e)}
}
