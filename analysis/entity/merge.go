package entity

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/warta-news/warta/analysis/person"
	"github.com/warta-news/warta/analysis/text"
)

// group is one entity while the article is analysed: the mentions that
// refer to it.
type group struct {
	ms      []int // indices into article.ms, in text order
	class   string
	gaz     []int32 // gazetteer entries any mention matched
	roles   []string
	country string
	// roleSpans are token ranges of the roles, where the country of a
	// person is looked for.
	roleSpans [][2]int
	dropped   bool
	// name is the words of the group's first (longest) mention in lower
	// case, while mentions are merged.
	name []string
	// spellings are other spellings of name merged into the group
	// (nearSpelling), which its shorter mentions may follow.
	spellings [][]string
}

// merge gathers the mentions into entities: the same name, a part of a
// person's name (Blinken for Anthony Blinken), a near spelling (Blinkin),
// a gazetteer short form (AS for Amerika Serikat) or an acronym that
// spells a name's initials (KPK) are one entity. It then finds names the
// tagger missed where the article repeats a known name, and drops
// entities seen only in a title-case headline.
func (a *article) merge() {
	a.widenAdminPlaces()
	a.placesBeforeNames()
	a.roleBodies()
	a.glosses()
	a.joinUnits()
	a.trimHeadline()
	a.initialsOfPersons()
	a.placesAcrossNames()
	a.namesAfterBodies()
	a.joinAdjacentPersons()
	a.namesLeftOut()
	a.placesInNames()
	a.facilityNames()
	a.bodyWordsBack()
	a.openingCommonWords()
	a.widenFigures()
	a.widenNameOpeners()
	slices.SortStableFunc(a.ms, func(x, y mention) int { return x.first - y.first })
	a.tokenEnt = grow(a.tokenEnt, len(a.doc.Tokens))
	clear(a.tokenEnt)
	// Longest mentions first, so that full names found the groups.
	order := make([]int, len(a.ms))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int {
		return (a.ms[y].last - a.ms[y].first) - (a.ms[x].last - a.ms[x].first)
	})
	a.adminPlaces()
	byKey := map[string]int{}
	for _, i := range order {
		m := &a.ms[i]
		key := a.key(m)
		if gi, ok := byKey[key]; ok {
			a.join(i, gi)
			continue
		}
		if gi := a.partOf(m); gi >= 0 {
			a.join(i, gi)
			byKey[key] = gi
			continue
		}
		a.groups = append(a.groups, &group{})
		gi := len(a.groups) - 1
		a.join(i, gi)
		byKey[key] = gi
	}
	a.unitAcronyms()
	a.parentheses()
	a.repeats()
	a.bareUnits()
	for _, g := range a.groups {
		slices.Sort(g.ms)
		g.class = a.vote(g)
		strong := false
		for _, i := range g.ms {
			strong = strong || !a.ms[i].weak || a.ms[i].listed
		}
		g.dropped = !strong && len(g.gaz) == 0
	}
	a.assignRoles()
}

// trimHeadline cuts each mention of a title-case headline down to what
// the body supports, since its capitals are no evidence of a name: a unit
// the body names in any form (Pemkot Palembang for Pemerintah Kota
// Palembang), runs of its words that the body prints as a whole mention,
// runs of words of one body person's name (Prabowo Puji Jokowi gives Prabowo and Jokowi
// when the body names Prabowo Subianto and Jokowi), and listed leaders and
// figures (leaders.tsv, figures.tsv). A listed place or organisation
// stands on its own. What the body does not support goes.
func (a *article) trimHeadline() {
	strong := map[string]string{}    // lower-case text → class
	strongUnits := map[string]bool{} // unitKey
	// personNames maps a capitalised word of a body person's name, lower
	// case, to the names (lower case) it is a word of.
	personNames := map[string][]string{}
	weak := 0
	for i := range a.ms {
		m := &a.ms[i]
		if m.weak {
			weak++
			continue
		}
		strong[strings.ToLower(a.text(m.first, m.last))] = m.class
		if n, _ := a.unitAt(m.first); n > 0 && n < m.last-m.first {
			strongUnits[a.unitKey(m, n)] = true
		}
		if m.class == "PER" {
			name := strings.ToLower(a.text(m.first, m.last))
			for t := m.first; t < m.last; t++ {
				if w := a.word(t); isCapitalised(w) {
					lw := strings.ToLower(w)
					if !slices.Contains(personNames[lw], name) {
						personNames[lw] = append(personNames[lw], name)
					}
				}
			}
		}
	}
	if weak == 0 {
		return
	}
	// personRun returns the end of the run of words from token i, before
	// last, that are all words of one person's name in the body, in any
	// order and with words left out (Deddy Sitorus for Deddy Yevri
	// Sitorus; Prabowo Jokowi is two runs).
	personRun := func(i, last int) int {
		names := personNames[string(a.lowerKey(a.word(i)))]
		j := i
		for len(names) > 0 {
			j++
			if j == last {
				break
			}
			more := personNames[string(a.lowerKey(a.word(j)))]
			names = slices.DeleteFunc(slices.Clone(names), func(n string) bool { return !slices.Contains(more, n) })
		}
		return j
	}
	// listedPerson returns the end of the longest listed leader's or
	// figure's name from token i, before last (Elon Musk, Jokowi), or i.
	listedPerson := func(i, last int) int {
		if person.IsRoman(a.word(i)) {
			return i // Komisi XI is no Xi
		}
		for k := last; k > i; k-- {
			s := a.lowerKey(a.text(i, k))
			if _, ok := a.r.lists.leaders[string(s)]; ok {
				return k
			}
			if _, ok := a.r.lists.alias[string(s)]; ok {
				return k
			}
		}
		return i
	}
	out := a.ms[:0:0]
	for _, m := range a.ms {
		if !m.weak || len(m.gaz) > 0 {
			out = append(out, m)
			continue
		}
		if _, ok := strong[string(a.lowerKey(a.text(m.first, m.last)))]; ok {
			out = append(out, m)
			continue
		}
		if n, _ := a.unitAt(m.first); n > 0 && n < m.last-m.first && strongUnits[a.unitKey(&m, n)] {
			out = append(out, m) // Pemkot Palembang over Pemerintah Kota Palembang
			continue
		}
		for i, free := m.first, m.first; i < m.last; {
			j, class := i, ""
			for k := m.last; k > i; k-- {
				if c, ok := strong[string(a.lowerKey(a.text(i, k)))]; ok {
					j, class = k, c
					break
				}
			}
			// A listed person or a run of one body person's name words
			// beats a shorter body mention (Elon Musk over Musk).
			listed := listedPerson(i, m.last)
			if k := max(personRun(i, m.last), listed); k > j {
				j, class = k, "PER"
			}
			if j == i {
				i++
				continue
			}
			piece := mention{first: i, last: j, class: class, sentence: m.sentence, weak: true, listed: j == listed}
			// Listed given names right before a person's name the body
			// supports, which no body mention claims, are the name's
			// (Ahmad Luthfi Sebut ... when the body says Luthfi).
			for class == "PER" && piece.first > free && a.gazBits[piece.first-1]&gazBit(gkName, false) != 0 {
				piece.first--
			}
			if es, ok := a.listedWhole(piece.first, j); ok {
				piece.gaz = es
			}
			out = append(out, piece)
			i, free = j, j
		}
	}
	a.ms = out
}

// initialsOfPersons makes persons of the initials the press prints for
// suspects and witnesses (Saudara AS, tersangka berinisial MS): an
// acronym after such a word names a person, and so does every bare
// mention of that acronym in the article, not the country or body the
// gazetteer knows by those letters.
func (a *article) initialsOfPersons() {
	var initials []string
	for i := range a.ms {
		m := &a.ms[i]
		if m.last-m.first != 1 || m.first == 0 || !isAcronym(a.word(m.first)) || len(a.word(m.first)) > 4 {
			continue
		}
		if a.r.lists.initialsBefore[strings.ToLower(a.word(m.first-1))] {
			initials = append(initials, a.word(m.first))
		}
	}
	if len(initials) == 0 {
		return
	}
	for i := range a.ms {
		m := &a.ms[i]
		if m.last-m.first == 1 && slices.Contains(initials, a.word(m.first)) {
			m.class, m.gaz = "PER", nil
		}
	}
}

// placesAcrossNames gives back to a listed place or body the words the
// tagger glued to the front of the person named after it (Bupati Kuantan
// | Singingi Soenardi: the regency is Kuantan Singingi, the bupati
// Soenardi): where a gazetteer name that starts up to two words before a
// person's mention ends inside it, the person starts after it and the
// place's mention runs to there.
func (a *article) placesAcrossNames() {
	g := a.r.m.gaz
	for i := range a.ms {
		m := &a.ms[i]
		if m.class != "PER" || m.last-m.first < 2 {
			continue
		}
		for b := max(a.doc.Sentences[m.sentence].First, m.first-2); b < m.first; b++ {
			mt, ok := g.longest(a.wordsOf(b, m.last), a.hashes[b:m.last], 0)
			if !ok || b+mt.end <= m.first || b+mt.end >= m.last || len(g.placeOrOrg(mt.entries)) == 0 {
				continue
			}
			end := b + mt.end
			place := -1
			for k := range a.ms {
				if k != i && a.ms[k].first <= b && a.ms[k].last > b && a.ms[k].class != "PER" {
					place = k
				}
			}
			if place < 0 && a.covered(b) {
				break // the words before are some other person's
			}
			m.first = end
			if place >= 0 {
				a.ms[place].last = max(a.ms[place].last, end)
				a.ms[place].gaz = g.placeOrOrg(mt.entries)
			} else {
				class := "LOC"
				if g.hasKind(mt.entries, gkOrg) {
					class = "ORG"
				}
				a.ms = append(a.ms, mention{first: b, last: end, class: class, sentence: m.sentence, weak: m.weak, gaz: g.placeOrOrg(mt.entries)})
			}
			break
		}
	}
}

// listedBits are the gazetteer bits of a token in a listed country, place
// or body.
func listedBits() uint16 {
	var b uint16
	for _, k := range []gazKind{gkCountry, gkPlace, gkOrg} {
		b |= gazBit(k, false) | gazBit(k, true)
	}
	return b
}

// namesAfterBodies gives a person's mention back the first words of the
// name that the tagger ran into the organisation printed right before it
// (Direktur Eksekutif Poltracking Indonesia Hanta | Yuda Rasyid,
// Kementerian Dalam Negeri La Ode | Ahmad Bolombo): one or two
// capitalised words that end an organisation's mention after a listed
// country, place or body inside it, with the person's mention right
// after them.
func (a *article) namesAfterBodies() {
	listed := listedBits()
	starts := map[int]int{} // a person's first token → its mention
	for i, m := range a.ms {
		if m.class == "PER" {
			starts[m.first] = i
		}
	}
	for i := range a.ms {
		o := &a.ms[i]
		p, ok := starts[o.last]
		if !ok || o.class != "ORG" || len(o.gaz) > 0 {
			continue
		}
		end := o.last
		for end > o.first && end > o.last-3 && a.gazBits[end-1]&listed == 0 {
			end--
		}
		if end == o.last || end <= o.first || end < o.last-2 {
			continue
		}
		moved := true
		for k := end; k < o.last; k++ {
			w := a.word(k)
			moved = moved && a.doc.Tokens[k].Kind == text.Word && isCapitalised(w) && !isAcronym(w) && !a.roleWord(k)
		}
		if moved {
			a.ms[p].first, o.last = end, end
			if es, ok := a.listedWhole(o.first, o.last); ok {
				o.gaz = es // keyed as the body's other mentions
			}
		}
	}
}

// joinAdjacentPersons makes one name of two persons' mentions that the
// tagger cut with nothing between them (La Ode | Ahmad Bolombo): body
// text separates two persons with a comma or a word. A title-case
// headline's mentions stay apart (Prabowo Puji Jokowi).
func (a *article) joinAdjacentPersons() {
	next := map[int]int{} // a body person's first token → its mention
	for i, m := range a.ms {
		if m.class == "PER" && !m.weak {
			next[m.first] = i
		}
	}
	joined := false
	for i := range a.ms {
		m := &a.ms[i]
		if _, ok := next[m.last]; !ok || m.class != "PER" || m.weak || m.last <= m.first || !a.nameOnly(i) {
			continue
		}
		for {
			n, ok := next[m.last]
			if !ok || n == i || a.ms[n].last <= a.ms[n].first {
				break
			}
			m.last = a.ms[n].last
			a.ms[n].last = a.ms[n].first // emptied, removed below
			joined = true
		}
	}
	if joined {
		a.ms = slices.DeleteFunc(a.ms, func(m mention) bool { return m.last <= m.first })
	}
}

// nameOnly reports whether the mention ms[i] can only be part of a
// person's name: no word of it is in a listed place or body, an acronym, a
// role, or a word of an organisation's mention of the article (Foundation
// of Pertamina Foundation), and a lone word has four letters or more (not
// Inf, a rank).
func (a *article) nameOnly(i int) bool {
	m := a.ms[i]
	if m.last-m.first == 1 && utf8.RuneCountInString(a.word(m.first)) < 4 {
		return false
	}
	listed := listedBits()
	for t := m.first; t < m.last; t++ {
		if w := a.word(t); a.gazBits[t]&listed != 0 || isAcronym(w) || a.roleWord(t) {
			return false
		}
	}
	for k, o := range a.ms {
		if k == i || o.class == "PER" {
			continue
		}
		for t := o.first; t < o.last; t++ {
			if strings.EqualFold(a.word(t), a.word(m.first)) {
				return false
			}
		}
	}
	return true
}

// placePrepositions are the words before a place's name that say it is
// the place (di Vienna, ke Jakarta), lower case.
var placePrepositions = map[string]bool{"di": true, "ke": true, "dari": true, "asal": true, "kota": true}

// placesInNames makes a one-word place that opens a person's fuller name
// in the article a mention of that person (Vienna of Vienna Varella
// Angeli Parinussa), unless a preposition or Kota before it says it is
// the place: an Indonesian is called by the name he opens with, and a
// city's country would else be taken for the article's. A country stays
// what it is.
func (a *article) placesInNames() {
	var firsts map[string]bool
	for _, m := range a.ms {
		if m.class == "PER" && m.last-m.first >= 2 && len(m.gaz) == 0 {
			if firsts == nil {
				firsts = map[string]bool{}
			}
			firsts[a.word(m.first)] = true
		}
	}
	for i := range a.ms {
		m := &a.ms[i]
		if m.class != "LOC" || m.last-m.first != 1 || !firsts[a.word(m.first)] || a.r.m.gaz.hasKind(m.gaz, gkCountry) ||
			m.first > 0 && placePrepositions[strings.ToLower(a.word(m.first-1))] {
			continue
		}
		m.class, m.gaz = "PER", nil
	}
}

// facilityNames makes a built place one place of its own with its head
// word (data/facilities.txt): a place the tagger found right after the
// head takes it (Stasiun Bandung, no mention of Bandung), a listed town
// or region closing a longer facility's name is a place of its own
// (Benteng Rotterdam | Makassar; a country stays: Gedung Capitol AS), and
// a facility is never a person (Masjid Al Akbar).
func (a *article) facilityNames() {
	for k, n := 0, len(a.ms); k < n; k++ {
		m := &a.ms[k]
		if h := m.first - 1; m.class == "LOC" && h >= a.doc.Sentences[m.sentence].First && a.r.lists.facilities[a.word(h)] && !a.covered(h) {
			m.first, m.gaz = h, nil
			continue
		}
		if !a.r.lists.facilities[a.word(m.first)] {
			continue
		}
		m.class = "LOC"
		if m.last-m.first < 3 {
			continue
		}
		for s := m.first + 2; s < m.last; s++ {
			mt, ok := a.r.m.gaz.longest(a.wordsOf(s, m.last), a.hashes[s:m.last], 0)
			if !ok || mt.end != m.last-s || !a.r.m.gaz.hasKind(mt.entries, gkPlace) {
				continue
			}
			place := mention{first: s, last: m.last, class: "LOC", sentence: m.sentence, weak: m.weak, gaz: a.r.m.gaz.placeOrOrg(mt.entries)}
			m.last, m.gaz = s, nil
			a.ms = append(a.ms, place)
			break
		}
	}
}

// bodyWordsBack gives back to an organisation the first words of the
// person's name right after it that the tagger took from it, where the
// article prints the organisation with them elsewhere (PT Dhirga | Surya
// Ari Wibowo, with PT Dhirga Surya before, is PT Dhirga Surya | Ari
// Wibowo).
func (a *article) bodyWordsBack() {
	// printed holds the organisations' texts and their tails from a word
	// on (Kuantan Singingi of Pemkab Kuantan Singingi), by runKey.
	printed := map[uint64]bool{}
	for _, m := range a.ms {
		if m.class != "ORG" {
			continue
		}
		for i := m.first; i < m.last; i++ {
			printed[a.runKey(i, m.last)] = true
		}
	}
	if len(printed) == 0 {
		return
	}
	var bodies []mention
	for k := range a.ms {
		m := &a.ms[k]
		if m.class != "PER" || m.last-m.first < 2 || m.weak {
			continue
		}
		lo := max(a.doc.Sentences[m.sentence].First, m.first-3)
	search:
		for w := m.last - m.first - 1; w >= 1; w-- {
			for b := lo; b < m.first; b++ {
				if isCapitalised(a.word(b)) && printed[a.runKey(b, m.first+w)] {
					body := mention{first: b, last: m.first + w, class: "ORG", sentence: m.sentence, weak: m.weak}
					if es, ok := a.listedWhole(b, body.last); ok {
						if body.gaz = es; len(body.gaz) > 0 {
							body.class = kindClass(a.r.m.gaz.entries[body.gaz[0]].kind) // Kuantan Singingi of Pemkab Kuantan Singingi
						}
					}
					bodies = append(bodies, body)
					m.first, m.gaz = a.afterTitle(m.first+w, m.last), nil // Polsek Sako | Iptu Apriansyah
					break search
				}
			}
		}
	}
	for _, body := range bodies {
		a.ms = slices.DeleteFunc(a.ms, func(o mention) bool { return o.class == "ORG" && o.first >= body.first && o.last <= body.last })
		a.ms = append(a.ms, body)
	}
}

// openingCommonWords cuts from a body's or place's mention the word that
// opens its sentence when that word is usually written in lower case and
// the rest is printed elsewhere in the article as a mention of its own
// (Survei | Politrend Indonesia after Direktur Eksekutif Politrend
// Indonesia): the capital is the sentence's, not the name's.
func (a *article) openingCommonWords() {
	var printed map[uint64]bool
	for k := range a.ms {
		m := &a.ms[k]
		if m.class == "PER" || m.last-m.first < 2 || len(m.gaz) > 0 || !a.initial[m.first] {
			continue
		}
		if n, _ := a.unitAt(m.first); n > 0 {
			continue // Pemerintah of Pemerintah Provinsi Jawa Timur
		}
		switch a.r.m.lex.get(a.hashes[m.first]).caseBucket() {
		case caseNever, caseRarely:
		default:
			continue
		}
		if printed == nil {
			printed = map[uint64]bool{}
			for _, o := range a.ms {
				printed[a.runKey(o.first, o.last)] = true
			}
		}
		if printed[a.runKey(m.first+1, m.last)] {
			m.first++
		}
	}
}

// namesLeftOut gives back to a person's mention the capitalised word
// right before it that the tagger left out, when the article names a
// person by that word alone elsewhere ((INDEF) Tauhid | Ahmad, later kata
// Tauhid): the word is the name's first, not a common word (tauhid).
func (a *article) namesLeftOut() {
	var alone map[uint64]bool
	for _, m := range a.ms {
		if m.class == "PER" && m.last-m.first == 1 {
			if alone == nil {
				alone = map[uint64]bool{}
			}
			alone[a.runKey(m.first, m.last)] = true
		}
	}
	if alone == nil {
		return
	}
	for k := range a.ms {
		m := &a.ms[k]
		b := m.first - 1
		if m.class != "PER" || b < a.doc.Sentences[m.sentence].First || m.weak || !alone[a.runKey(b, m.first)] ||
			a.doc.Tokens[b].Kind != text.Word || !isCapitalised(a.word(b)) || a.covered(b) || a.roleWord(b) {
			continue
		}
		m.first = b
	}
}

// runKey keys tokens [first, last) by their lower-case hashes, with no
// text built.
func (a *article) runKey(first, last int) uint64 {
	k := fnvOffset
	for _, h := range a.hashes[first:last] {
		k = (k ^ h) * fnvPrime
	}
	return k
}

// key is what two mentions must share to be one entity at first sight:
// the gazetteer's canonical name, else the lower-case text.
func (a *article) key(m *mention) string {
	if m.class == "LOC" && m.last-m.first > 1 && adminWords[string(a.lowerKey(a.word(m.first)))] {
		// Provinsi Banten is Banten; but Kabupaten Bogor beside Kota
		// Bogor is a place of its own, and Bogor alone is then the city
		// (a listed kota), as the press calls a city by its name and a
		// regency by its title: Kota Gresik, no kota, is not Gresik.
		if a.adminAmbiguous(m.first+1, m.last) && !a.listedCity(m) {
			return "\x03" + strings.ToLower(a.text(m.first, m.last))
		}
		rest := mention{first: m.first + 1, last: m.last, class: m.class}
		if es, ok := a.listedWhole(rest.first, rest.last); ok {
			rest.gaz = es
		}
		return a.key(&rest)
	}
	if m.class == "ORG" && len(m.gaz) == 0 && m.last-m.first > 1 && a.word(m.last-1) == "RI" {
		// A body of the republic is the same body with its closing RI
		// (KPU RI, Kejaksaan Agung RI).
		rest := mention{first: m.first, last: m.last - 1, class: m.class}
		if es, ok := a.listedWhole(rest.first, rest.last); ok {
			if rest.gaz = es; len(rest.gaz) > 0 {
				return a.key(&rest)
			}
		}
	}
	if len(m.gaz) > 0 {
		e := a.r.m.gaz.entries[m.gaz[0]]
		return "\x00" + e.country + "\x00" + e.name
	}
	if k, ok := a.figureAt(m); ok {
		return "\x02" + a.r.lists.figures[k].Name // Jokowi, Joko Widodo
	}
	if n, _ := a.unitAt(m.first); n > 0 && n < m.last-m.first {
		return a.unitKey(m, n)
	}
	k := strings.ToLower(strings.ReplaceAll(a.text(m.first, m.last), "’", "'"))
	if m.class == "PER" {
		k = strings.ReplaceAll(k, ".", "") // M. Fauzi, M Fauzi
	}
	return k
}

// adminWords are the words that name a territory by the place after them
// (Provinsi Banten, Kecamatan Kuta), lower case.
var adminWords = map[string]bool{"provinsi": true, "kabupaten": true, "kota": true, "kecamatan": true, "kelurahan": true, "desa": true}

// adminPrefix reports whether token i is a capitalised territory word.
func (a *article) adminPrefix(i int) bool {
	w := a.word(i)
	return isCapitalised(w) && adminWords[strings.ToLower(w)]
}

// adminAmbiguous reports whether the article prints the place of tokens
// [first, last) after two different territory words (Kota Bogor and
// Kabupaten Bogor), which are then two places.
func (a *article) adminAmbiguous(first, last int) bool {
	w, ok := a.adminSeen[adminPlace{last - first, strings.ToLower(a.text(first, last))}]
	return ok && w == ""
}

// listedCity reports whether the mention is a city (Kota Bandung) that
// the gazetteer lists under that name.
func (a *article) listedCity(m *mention) bool {
	if !strings.EqualFold(a.word(m.first), "kota") {
		return false
	}
	es, ok := a.listedWhole(m.first, m.last)
	return ok && len(es) > 0
}

// adminPlace is a place printed after a territory word: its length in
// tokens and its lower-case text.
type adminPlace struct {
	tokens int
	name   string
}

// adminPlaces notes, once before the mentions are keyed, the territory
// word each place is printed after, or "" when it is printed after two.
func (a *article) adminPlaces() {
	a.adminSeen = map[adminPlace]string{}
	for _, m := range a.ms {
		if m.last-m.first < 2 {
			continue
		}
		if !adminWords[string(a.lowerKey(a.word(m.first)))] {
			continue
		}
		w := strings.ToLower(a.word(m.first))
		p := adminPlace{m.last - m.first - 1, strings.ToLower(a.text(m.first+1, m.last))}
		if seen, ok := a.adminSeen[p]; ok && seen != w {
			w = ""
		}
		a.adminSeen[p] = w
	}
}

// widenAdminPlaces gives a place's mention back the territory word the
// tagger left before it (Kota | Tangerang Selatan), so that the place is
// named as printed.
func (a *article) widenAdminPlaces() {
	for i := range a.ms {
		m := &a.ms[i]
		if m.class != "LOC" || m.first == 0 || !a.adminPrefix(m.first-1) || a.covered(m.first-1) {
			continue
		}
		m.first--
	}
}

// placesBeforeNames splits a place the tagger ran into the name after it
// (Kepala Dinas Pendidikan Kota Sukadana | Rahmat Hidayat): a place of a
// territory word and one word (Kota X, Kabupaten X) that is not listed
// whole with the words after it (Kabupaten Bandung Barat is), when the
// next word opens a person's mention elsewhere in the article (kata
// Rahmat) or is a listed given name or surname, is the place, and the
// rest a person.
func (a *article) placesBeforeNames() {
	for i, n := 0, len(a.ms); i < n; i++ {
		m := &a.ms[i]
		if m.class != "LOC" || m.last-m.first < 3 || !a.adminPrefix(m.first) || !isCapitalised(a.word(m.first+2)) ||
			adminWords[strings.ToLower(a.word(m.first+2))] ||
			a.gazBits[m.first+2]&gazBit(gkName, false) == 0 && !a.opensPerson(a.hashes[m.first+2]) {
			continue
		}
		if _, ok := a.listedWhole(m.first, m.last); ok {
			continue
		}
		if _, ok := a.listedWhole(m.first+1, m.last); ok {
			continue
		}
		a.ms = append(a.ms, mention{first: m.first + 2, last: m.last, class: "PER", sentence: m.sentence, weak: m.weak})
		m = &a.ms[i]
		m.last, m.gaz = m.first+2, nil
		if es, ok := a.listedWhole(m.first, m.last); ok {
			m.gaz = es
		}
	}
}

// opensPerson reports whether a person's mention opens with the word of
// lower-case hash h.
func (a *article) opensPerson(h uint64) bool {
	for _, m := range a.ms {
		if m.class == "PER" && a.hashes[m.first] == h {
			return true
		}
	}
	return false
}

// widenFigures gives a person's mention back the word before it when the
// two are a listed public figure's full name or alias that the tagger cut
// short (Saifullah | Yusuf), or whose title it cut off (Gus | Ipul, Cak |
// Imin: the title is part of the nickname).
func (a *article) widenFigures() {
	for i := range a.ms {
		m := &a.ms[i]
		if m.class != "PER" || m.first == 0 || a.covered(m.first-1) {
			continue
		}
		if _, ok := a.r.lists.alias[string(a.lowerKey(a.text(m.first-1, m.last)))]; ok {
			m.first--
		}
	}
}

// widenNameOpeners gives a person's mention back the Balinese or Sasak
// word that opens the name and that the tagger left before it (Ni |
// Nyoman Sudiani, Lalu | Samsul Adnan; data/name_openers.txt), up to two
// words (I Gusti). A word that is also a common one (Lalu, then) must not
// open its sentence, where it is that word, and none may follow a role,
// where I numbers it (Wakil Ketua I).
func (a *article) widenNameOpeners() {
	for i := range a.ms {
		m := &a.ms[i]
		if m.class != "PER" {
			continue
		}
		first := a.doc.Sentences[m.sentence].First
		for n := 2; n >= 1; n-- {
			k := m.first - n
			if k < first || a.covered(k) || !a.r.lists.nameOpeners[a.text(k, m.first)] ||
				k == first && person.Default().Classes(a.word(k))&person.Function != 0 || k > first && a.roleWord(k-1) {
				continue
			}
			m.first = k
			break
		}
	}
}

// figureAt returns the public figure (data/figures.tsv) that a mention
// names by a listed form: its text, or its text with the title the
// mention was cut from (Gus Ipul, whose Gus is an honorific). A one-word
// form that is no acronym must be a person's mention.
func (a *article) figureAt(m *mention) (int, bool) {
	if m.class != "PER" && m.last-m.first == 1 && !isAcronym(a.word(m.first)) {
		return 0, false
	}
	if k, ok := a.r.lists.alias[string(a.lowerKey(a.text(m.first, m.last)))]; ok {
		return k, true
	}
	if m.first > 0 {
		k, ok := a.r.lists.alias[string(a.lowerKey(a.text(m.first-1, m.last)))]
		return k, ok
	}
	return 0, false
}

// unitAcronyms joins a unit named after a place or body by its acronym to
// the same unit named after the acronym's long form (Otorita IKN and
// Otorita Ibu Kota Nusantara, Pemkab OKI and Pemkab Ogan Komering Ilir),
// when exactly one such unit's words after the head spell the acronym's
// letters.
func (a *article) unitAcronyms() {
	for gi, g := range a.groups {
		if len(g.ms) == 0 {
			continue
		}
		m := &a.ms[g.ms[0]]
		n, _ := a.unitAt(m.first)
		if n == 0 || m.class != "ORG" || m.last-m.first != n+1 || !isAcronym(a.word(m.first+n)) {
			continue
		}
		head, acr := a.unitHead(m.first, n), a.word(m.first+n)
		target := -1
		for gj, h := range a.groups {
			if gj == gi || len(h.ms) == 0 {
				continue
			}
			l := &a.ms[h.ms[0]]
			k, _ := a.unitAt(l.first)
			if k == 0 || l.class != "ORG" || l.last-l.first < k+2 || a.unitHead(l.first, k) != head || initials(a, l.first+k, l.last) != acr {
				continue
			}
			if target >= 0 {
				target = -2 // two: leave them
				break
			}
			target = gj
		}
		if target >= 0 {
			a.moveGroup(gi, target)
		}
	}
}

// unitKey is the key of a unit's mention whose first n words name the
// unit: its long form, then the canonical name of the place it serves
// (Pemprov Jatim and Pemerintah Provinsi Jawa Timur are one).
func (a *article) unitKey(m *mention, n int) string {
	head := a.unitHead(m.first, n)
	// Komisi XI DPR RI is Komisi XI DPR: RI after a body is Indonesia's.
	rest := strings.TrimSuffix(strings.ToLower(a.text(m.first+n, m.last)), " ri")
	g := a.r.m.gaz
	if es, _ := a.listedWhole(m.first+n, m.last); len(es) > 0 {
		rest = g.entries[es[0]].name
	}
	return "\x01" + head + " " + rest
}

func (a *article) join(i, gi int) {
	g := a.groups[gi]
	g.ms = append(g.ms, i)
	a.ms[i].group = gi
	for _, e := range a.ms[i].gaz {
		if !slices.Contains(g.gaz, e) {
			g.gaz = append(g.gaz, e)
		}
	}
	for t := a.ms[i].first; t < a.ms[i].last; t++ {
		a.tokenEnt[t] = int32(gi + 1)
	}
}

// partOf returns the group whose name contains the mention's words, in
// order, or is the same name spelt one letter apart, when exactly one
// group qualifies (or, for one word in several persons' names, exactly
// one name opens with it); else -1. Gazetteer names and acronyms are left to
// their own rules.
func (a *article) partOf(m *mention) int {
	if len(m.gaz) > 0 {
		return -1
	}
	words := a.lowerWords(m.first, m.last)
	found, fuzzy, opening, person, spelt := -1, -1, -1, -1, false
	nFound, nFuzzy, nOpening, nPerson := 0, 0, 0, 0
	for gi, g := range a.groups {
		long := &a.ms[g.ms[0]] // the longest mention came first
		if long.last-long.first < m.last-m.first {
			continue
		}
		if g.name == nil {
			g.name = a.lowerWords(long.first, long.last)
		}
		name := g.name
		if long.last-long.first == m.last-m.first {
			// The same name misspelt (Affifudin for Afifuddin) is only
			// fuzzy; a body's misspelt head may have been read as a
			// place (Puskesms Kairatu).
			if (long.class == m.class || long.class != "PER" && m.class != "PER") && nearSpelling(name, words) {
				fuzzy, nFuzzy, spelt = gi, nFuzzy+1, true
			}
			continue
		}
		if long.class != m.class && m.class != "PER" {
			continue
		}
		switch {
		case containsRun(name, words) || slices.ContainsFunc(g.spellings, func(n []string) bool { return containsRun(n, words) }) ||
			long.class == "PER" && m.class == "PER" && middleLeftOut(name, words):
			if a.parentUnit(m, long, words, name) {
				continue
			}
			found, nFound = gi, nFound+1
			if long.class == "PER" {
				person, nPerson = gi, nPerson+1
			}
			if long.class == "PER" && slices.Equal(name[:len(words)], words) {
				opening, nOpening = gi, nOpening+1
			}
		case len(words) == 1 && long.class == "PER" && utf8.RuneCountInString(words[0]) >= 5 &&
			(editDistance1(words[0], name[len(name)-1]) || SpeltAlike(words[0], name[len(name)-1])):
			fuzzy, nFuzzy = gi, nFuzzy+1
		}
	}
	switch {
	case nFound == 1:
		return found
	case nFound > 1 && nPerson == 1 && m.class == "PER":
		return person // Trump beside Donald Trump and rumah Trump
	case nFound > 1 && nOpening == 1 && len(words) == 1:
		// Prabowo beside Prabowo Subianto and Listyo Sigit Prabowo: an
		// Indonesian is called by the name he opens with, others by the
		// surname, so only the name opening with the word is a match.
		return opening
	case nFound == 0 && nFuzzy == 1:
		if spelt {
			a.groups[fuzzy].spellings = append(a.groups[fuzzy].spellings, words)
		}
		return fuzzy
	}
	return -1
}

// parentUnit reports whether mention m, of lower-case words, is a whole
// unit (a unit's head and what it names: Polres Serang) that ends the
// longer body long, of words name: the parent a sub-unit is named with
// (Satlantas Polres Serang), which is a body of its own where it stands
// alone (or after a role: Kasat Lantas Polres Serang): right after another
// capitalised word that does not open the sentence, or a closing
// bracket, it still names the sub-unit the tagger cut short
// (Direktorat Jenderal (Ditjen) X | Kementerian Y).
func (a *article) parentUnit(m, long *mention, words, name []string) bool {
	if m.class != "ORG" || long.class != "ORG" || len(words) >= len(name) || !slices.Equal(name[len(name)-len(words):], words) {
		return false
	}
	if p := m.first - 1; p >= 0 && (a.word(p) == ")" || isCapitalised(a.word(p)) && !a.initial[p] && !a.roleWord(p) && (p == 0 || !a.roleWord(p-1))) {
		return false
	}
	n, _ := a.unitAt(m.first)
	return n > 0 && n < m.last-m.first
}

// lowerWords returns the words and numbers of tokens [first, last) in
// lower case, as strings.ToLower gives them: lowered into one string that
// is then cut into the words, two allocations a name, not one a word.
func (a *article) lowerWords(first, last int) []string {
	b := a.keyBuf[:0]
	ends := make([]int, 0, 16) // on the stack for most names
	for i := first; i < last; i++ {
		if a.doc.Tokens[i].Kind == text.Word || a.doc.Tokens[i].Kind == text.Number {
			b = text.AppendLower(b, a.word(i))
			ends = append(ends, len(b))
		}
	}
	a.keyBuf = b
	all := string(b)
	out := make([]string, len(ends))
	start := 0
	for k, end := range ends {
		out[k], start = all[start:end], end
	}
	return out
}

// middleLeftOut reports whether short is name with some of its middle
// words left out (Deddy Sitorus for Deddy Yevri Sitorus): the same first
// and last word, the others in order.
func middleLeftOut(name, short []string) bool {
	if len(short) < 2 || len(short) >= len(name) || short[0] != name[0] || short[len(short)-1] != name[len(name)-1] {
		return false
	}
	k := 1
	for _, w := range name[1 : len(name)-1] {
		if k < len(short)-1 && w == short[k] {
			k++
		}
	}
	return k == len(short)-1
}

// containsRun reports whether run occurs in words as a contiguous run.
func containsRun(words, run []string) bool {
	if len(run) == 0 {
		return false
	}
	for i := 0; i+len(run) <= len(words); i++ {
		if slices.Equal(words[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

// nearSpelling reports whether two names of as many words are one name
// misspelt: all words alike but one, and that one SpeltAlike.
func nearSpelling(x, y []string) bool {
	if len(x) != len(y) {
		return false
	}
	diff := -1
	for i := range x {
		if x[i] != y[i] {
			if diff >= 0 {
				return false
			}
			diff = i
		}
	}
	return diff >= 0 && SpeltAlike(x[diff], y[diff])
}

// SpeltAlike reports whether two words, in one case, are one name
// misspelt: of five or more letters and the same with doubled letters
// single (Afifuddin, Affifudin), or of seven or more and one edit apart
// (Puskesms, Puskesmas). Shorter words are often two names (Andri, Andre).
// It is exported as the library's rule for one name spelt two ways, so
// that whoever joins entities across articles (warta's store-wide
// resolver, its splits-and-merges count) joins spellings as Find does.
func SpeltAlike(u, v string) bool {
	n := min(utf8.RuneCountInString(u), utf8.RuneCountInString(v))
	return n >= 5 && sameSpellingKey(u, v) || n >= 7 && editDistance1(u, v)
}

// sameSpellingKey reports whether SpellingKey(u) == SpellingKey(v),
// without building them: Find calls it for many pairs of words.
func sameSpellingKey(u, v string) bool {
	next := func(s string, last rune) (rune, string) {
		for s != "" {
			r, n := utf8.DecodeRuneInString(s)
			s = s[n:]
			if r != last {
				return r, s
			}
		}
		return -1, ""
	}
	var ru, rv rune = -1, -1
	for {
		ru, u = next(u, ru)
		rv, v = next(v, rv)
		if ru != rv {
			return false
		}
		if ru == -1 {
			return true
		}
	}
}

// SpellingKey returns s with each run of one letter written once, the key
// under which spellings of a name that double letters or not meet.
// Exported for the same reason as SpeltAlike: a store keys its aliases by
// it, so that a name's spellings Find merges meet across articles too.
func SpellingKey(s string) string {
	var b strings.Builder
	var last rune
	for i, r := range s {
		if i == 0 || r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

// editDistance1 reports whether a and b differ by at most one edit: a
// letter replaced, added, dropped, or two neighbours swapped.
func editDistance1(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb)-len(ra) > 1 {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if len(ra) == len(rb) {
		if slices.Equal(ra[i+1:], rb[i+1:]) {
			return true
		}
		return i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && slices.Equal(ra[i+2:], rb[i+2:])
	}
	return slices.Equal(ra[i:], rb[i+1:])
}

// parentheses merges an acronym or short form in brackets right after a
// name into the name's entity (Komisi Pemberantasan Korupsi (KPK)), and
// an all-capital mention that spells the initials of exactly one
// multi-word name elsewhere in the article.
func (a *article) parentheses() {
	a.glossedAcronyms()
	for i := range a.ms {
		m := &a.ms[i]
		if m.first < 2 || a.word(m.first-1) != "(" || m.last >= len(a.doc.Tokens) || a.word(m.last) != ")" {
			continue
		}
		prev := a.tokenEnt[m.first-2]
		if prev == 0 || int(prev-1) == m.group {
			continue
		}
		if len(m.gaz) > 0 {
			// A listed acronym keeps its entry; the long form before it
			// joins it when its initials spell it (Badan Pusat
			// Statistika (BPS)).
			g := a.groups[prev-1]
			if len(g.gaz) > 0 || m.last-m.first != 1 {
				continue
			}
			for _, k := range g.ms {
				if l := &a.ms[k]; l.last == m.first-1 {
					if _, ok := a.initialsFit(l.first, l.last, acronymLetters(a.word(m.first))); ok {
						a.moveGroup(int(prev-1), m.group)
					}
					break
				}
			}
			continue
		}
		a.moveGroup(m.group, int(prev-1))
	}
	a.bracketedShortForms()
	a.nicknames()
	// The initials of each group's first mention, noted once: moving a
	// group empties it and leaves the others' first mentions as they were.
	var byInitials map[string][]int
	for i := range a.ms {
		m := &a.ms[i]
		w := a.text(m.first, m.last)
		if m.last-m.first != 1 || len(m.gaz) > 0 || !isAcronym(w) || len(w) < 2 {
			continue
		}
		if byInitials == nil {
			byInitials = map[string][]int{}
			for gi, g := range a.groups {
				if len(g.ms) > 0 {
					long := &a.ms[g.ms[0]]
					k := initials(a, long.first, long.last)
					byInitials[k] = append(byInitials[k], gi)
					if strings.EqualFold(a.word(long.first), "Kementerian") {
						// A ministry's acronym leaves Kementerian out (ESDM).
						k := initials(a, long.first+1, long.last)
						byInitials[k] = append(byInitials[k], gi)
					}
				}
			}
		}
		target, n := -1, 0
		for _, gi := range byInitials[w] {
			if g := a.groups[gi]; gi != m.group && !g.dropped && len(g.ms) > 0 {
				target, n = gi, n+1
			}
		}
		if n == 1 {
			a.moveGroup(m.group, target)
		}
	}
}

// bracketedShortForms adds as a mention a capitalised word in brackets
// right after an entity's mention that the tagger left out, when its
// letters stand in the entity's name in order from its first letter
// (Kantor Kepresidenan (Kanpres), Andhyta F Utami (Afu)).
func (a *article) bracketedShortForms() {
	toks := a.doc.Tokens
	for i := 2; i+1 < len(toks); i++ {
		if a.word(i-1) != "(" || a.word(i+1) != ")" || toks[i].Kind != text.Word || a.tokenEnt[i] != 0 || !isCapitalised(a.word(i)) {
			continue
		}
		prev := a.tokenEnt[i-2]
		if prev == 0 {
			continue
		}
		var long *mention
		for _, k := range a.groups[prev-1].ms {
			if m := &a.ms[k]; m.last == i-1 {
				long = m
			}
		}
		if long == nil || !lettersInOrder(a.word(i), a.text(long.first, long.last)) {
			continue
		}
		a.ms = append(a.ms, mention{first: i, last: i + 1, class: long.class, sentence: long.sentence})
		a.join(len(a.ms)-1, int(prev-1))
	}
}

// lettersInOrder reports whether the letters of short stand in long in
// order, the first letters equal, in any case.
func lettersInOrder(short, long string) bool {
	s, l := []rune(strings.ToLower(short)), []rune(strings.ToLower(long))
	if len(s) < 2 || len(l) <= len(s) || s[0] != l[0] {
		return false
	}
	k := 0
	for _, r := range l {
		if k < len(s) && r == s[k] {
			k++
		}
	}
	return k == len(s)
}

// nicknameCues are the words that give the name a person goes by
// (Immanuel Ebenezer ... yang akrab disapa Noel), as printed in running
// text: a headline's Dipanggil is summoned.
var nicknameCues = map[string]bool{"disapa": true, "dipanggil": true, "sapaan": true}

// nicknames makes the capitalised word printed after a nickname cue a
// name of the person named last before it, in its sentence or the one
// before, wherever the article prints it (Immanuel Ebenezer ... yang akrab
// disapa Noel; penangkapan Noel).
func (a *article) nicknames() {
	toks := a.doc.Tokens
	for i := 1; i < len(toks); i++ {
		w := a.word(i)
		if toks[i].Kind != text.Word || !isCapitalised(w) || isAcronym(w) || !nicknameCues[a.word(i-1)] {
			continue
		}
		if gi := a.tokenEnt[i]; gi != 0 && (a.vote(a.groups[gi-1]) != "PER" || len(a.groups[gi-1].ms) > 0 && a.fullest(a.groups[gi-1]).last-a.fullest(a.groups[gi-1]).first > 1) {
			continue // a longer name of its own
		}
		si := a.sentenceOf(i)
		to := -1
		for k := i - 2; k >= 0 && a.sentenceOf(k) >= si-1; k-- {
			if gi := a.tokenEnt[k]; gi != 0 && a.vote(a.groups[gi-1]) == "PER" {
				to = int(gi - 1)
				break
			}
		}
		if to < 0 {
			continue
		}
		for j := range a.ms {
			if m := a.ms[j]; m.last-m.first == 1 && a.word(m.first) == w && m.group != to && a.vote(a.groups[m.group]) == "PER" {
				a.moveGroup(m.group, to)
			}
		}
		if a.tokenEnt[i] == 0 {
			a.ms = append(a.ms, mention{first: i, last: i + 1, class: "PER", sentence: si})
			a.join(len(a.ms)-1, to)
		}
	}
}

// initials returns the capitals that start the capitalised words of a
// name.
func initials(a *article, first, last int) string {
	var b strings.Builder
	for i := first; i < last; i++ {
		if w := a.word(i); isCapitalised(w) {
			r, _ := utf8.DecodeRuneInString(w)
			b.WriteRune(r)
		}
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// moveGroup moves every mention of group from into group to.
func (a *article) moveGroup(from, to int) {
	if from == to {
		return
	}
	for _, i := range a.groups[from].ms {
		a.join(i, to)
	}
	a.groups[from].ms = nil
	a.groups[from].gaz = nil
}

// repeats adds the mentions the tagger missed where the article repeats
// a name it has found: a person's surname or given name printed alone
// (Price after Ned Price, Dian after Dian Patria), or a surname spelt one
// letter apart (Blinkin), when no other person in the article shares it.
// A one-word name (Kusnadi), as many Indonesians have, counts once the
// tagger has found it twice.
func (a *article) repeats() {
	surname := map[string]int{}  // lower-case surname or given name → group, -1 if shared
	oneWord := map[string]bool{} // surnames that are a whole one-word name: never matched by spelling
	for gi, g := range a.groups {
		if len(g.ms) == 0 || a.vote(g) != "PER" {
			continue
		}
		long := &a.ms[g.ms[0]]
		if long.last-long.first < 2 && len(g.ms) < 2 {
			continue
		}
		for _, k := range [2]int{long.last - 1, long.first} {
			w := strings.ToLower(a.word(k))
			if utf8.RuneCountInString(w) < 3 || a.doc.Tokens[k].Kind != text.Word {
				continue
			}
			noteGroup(surname, w, gi)
			oneWord[w] = oneWord[w] || long.last-long.first == 1
		}
		// Initials the article gives in brackets after the name stand
		// for the person wherever it prints them (Ridwan Kamil (RK) ...
		// RK), as the tagger rarely tags two capitals.
		for _, k := range g.ms {
			if e := a.ms[k].last; e+2 < len(a.doc.Tokens) && a.word(e) == "(" && a.word(e+2) == ")" && a.tokenEnt[e+1] == 0 {
				if w := a.word(e + 1); isAcronym(w) && !person.IsRoman(w) && w == initials(a, long.first, long.last) {
					noteGroup(surname, strings.ToLower(w), gi)
				}
			}
		}
	}
	if len(surname) == 0 {
		return
	}
	for i, t := range a.doc.Tokens {
		if a.tokenEnt[i] != 0 || t.Kind != text.Word {
			continue
		}
		w := a.word(i)
		if !isCapitalised(w) || a.r.lists.notNames[w] {
			continue
		}
		// strings.ToLower, without a new string for an ASCII word.
		lower, ascii := a.lower[:0], true
		for k := 0; k < len(w) && ascii; k++ {
			c := w[k]
			ascii = c < utf8.RuneSelf
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			lower = append(lower, c)
		}
		a.lower = lower
		if !ascii {
			a.lower = append(a.lower[:0], strings.ToLower(w)...)
		}
		gi, ok := surname[string(a.lower)]
		if ok && a.initial[i] {
			switch a.r.m.lex.get(a.hashes[i]).caseBucket() {
			case caseNever, caseRarely:
				ok = false // a common word opening a sentence
			}
		}
		if !ok && utf8.RuneCount(a.lower) >= 5 && a.r.m.lex.get(a.hashes[i]).caseBucket() != caseNever && !a.roleWord(i) {
			// A role is no misspelt name (Ketua beside Ketut).
			gi, ok = a.nearSurname(surname, oneWord, string(a.lower))
		}
		if !ok || gi < 0 {
			continue
		}
		a.ms = append(a.ms, mention{first: i, last: i + 1, class: "PER", sentence: a.sentenceOf(i)})
		a.join(len(a.ms)-1, gi)
	}
}

// noteGroup notes that key names group gi, or -1 once two groups share
// it.
func noteGroup(byKey map[string]int, key string, gi int) {
	if prev, ok := byKey[key]; ok && prev != gi {
		byKey[key] = -1
	} else {
		byKey[key] = gi
	}
}

// nearSurname finds the one surname spelt one letter apart from w.
func (a *article) nearSurname(surname map[string]int, oneWord map[string]bool, w string) (int, bool) {
	found, n := -1, 0
	nw := utf8.RuneCountInString(w)
	for s, gi := range surname {
		if gi < 0 || oneWord[s] {
			continue
		}
		// Lengths more than one letter apart are no misspelling.
		if ns := utf8.RuneCountInString(s); ns >= 5 && ns-nw <= 1 && nw-ns <= 1 && editDistance1(s, w) {
			found, n = gi, n+1
		}
	}
	return found, n == 1
}

func (a *article) sentenceOf(tok int) int {
	i, _ := slices.BinarySearchFunc(a.doc.Sentences, tok, func(s text.Sentence, t int) int {
		switch {
		case s.Last <= t:
			return -1
		case s.First > t:
			return 1
		}
		return 0
	})
	return i
}

// vote decides an entity's type: the gazetteer's kind where a mention is a
// listed name, a person where a mention names a listed public figure (AHY,
// which the tagger takes for a body), else the class most of its mentions
// were tagged with.
func (a *article) vote(g *group) string {
	for _, e := range g.gaz {
		return kindClass(a.r.m.gaz.entries[e].kind)
	}
	for _, i := range g.ms {
		if _, ok := a.figureAt(&a.ms[i]); ok {
			return "PER"
		}
	}
	count := map[string]int{}
	best := ""
	for _, i := range g.ms {
		c := a.ms[i].class
		count[c]++
		if best == "" || count[c] > count[best] {
			best = c
		}
	}
	return best
}
