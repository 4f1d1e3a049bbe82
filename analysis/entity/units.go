package entity

import (
	"slices"
	"strings"

	"github.com/warta-news/warta/analysis/person"
	"github.com/warta-news/warta/analysis/text"
)

// joinUnits makes one organisation of an Indonesian government unit and
// the place or body it is named after (data/units.tsv): Polresta
// Denpasar, Pemkab Sleman, Kejaksaan Tinggi Bali, Dinas Perindustrian dan
// Perdagangan Provinsi Riau, Komisi XI DPR RI. The mentions inside (the
// place, the parent body) give way to it; a mention as long or longer
// that it would cut is left as it is.
func (a *article) joinUnits() {
	toks := a.doc.Tokens
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind != text.Word || !isCapitalised(a.word(i)) {
			continue
		}
		n, kind := a.unitAt(i)
		if n == 0 || i > 0 && a.premisesAt(i-1) > 1 {
			continue // Pusat of Kantor Pusat Kejaksaan Agung
		}
		end := a.unitEnd(i+n, kind)
		if kind == "campus" {
			a.personAfterUnit(end)
		}
		if end <= i+n && kind == "place" {
			// A longer unit's last word may open the place's own name:
			// DPRD Kota Bogor and Pemerintah Kota Palembang, where the
			// place is Kota Bogor, Kota Palembang.
			for _, m := range a.ms {
				if m.first > i && m.first < i+n && m.last > i+n && m.class != "PER" {
					end = m.last
				}
			}
		}
		if end <= i+n {
			continue
		}
		inside := true
		for k := range a.ms {
			if m := &a.ms[k]; m.first == i && m.last == end && m.class != "PER" {
				m.class = "ORG" // the tagger's own span, taken for a place (Puskesmas Kairatu)
			}
		}
		for _, m := range a.ms {
			if m.first < end && i < m.last && (m.first <= i && m.last >= end || m.first < i || m.last > end || m.class == "PER" && kind != "school" && kind != "campus" && !a.officeWordInside(m.first)) {
				inside = false
				break
			}
		}
		if !inside {
			continue
		}
		a.ms = slices.DeleteFunc(a.ms, func(m mention) bool { return m.first >= i && m.last <= end })
		si := a.sentenceOf(i)
		s := a.doc.Sentences[si]
		unit := mention{first: i, last: end, class: "ORG", sentence: si, weak: s.Start < a.doc.Title.End && titleCased(a.doc, s)}
		if es, ok := a.listedWhole(i, end); ok {
			unit.gaz = es
		}
		a.ms = append(a.ms, unit)
		i = end - 1
	}
}

// bareUnits adds the mentions of a unit named by its head word alone
// (Pemkot, Polda, DPRD; only units named after a place, as Komisi or
// Badan alone is a common noun) where the article names exactly one unit of that
// head in full (Pemerintah Kota Palembang, Pemkot Palembang): the bare
// word refers back to it.
func (a *article) bareUnits() {
	byHead := map[string]int{} // a unit's long head → group, -1 if two
	for gi, g := range a.groups {
		for _, i := range g.ms {
			m := &a.ms[i]
			n, _ := a.unitAt(m.first)
			if n == 0 || n >= m.last-m.first {
				continue
			}
			noteGroup(byHead, a.unitHead(m.first, n), gi)
		}
	}
	if len(byHead) == 0 {
		return
	}
	for i := 0; i < len(a.doc.Tokens); i++ {
		if !isCapitalised(a.word(i)) {
			continue
		}
		if a.tokenEnt[i] != 0 {
			a.bareUnitGroup(i, byHead)
			continue
		}
		n, kind := a.unitAt(i)
		if n == 0 || kind != "place" || i+n < len(a.doc.Tokens) && a.tokenEnt[i+n] != 0 {
			continue // a unit of a place or body of its own
		}
		gi, ok := byHead[a.unitHead(i, n)]
		if !ok || gi < 0 {
			continue
		}
		a.ms = append(a.ms, mention{first: i, last: i + n, class: "ORG", sentence: a.sentenceOf(i), title: true})
		a.join(len(a.ms)-1, gi)
		i += n - 1
	}
}

// bareUnitGroup joins the group of the mention at token i, when it and
// every other mention of its group are a unit's head word alone (the
// tagger's own Timnas), to the one unit of that head the article names in
// full (Timnas Indonesia).
func (a *article) bareUnitGroup(i int, byHead map[string]int) {
	n, kind := a.unitAt(i)
	if n == 0 || kind != "place" {
		return
	}
	from := int(a.tokenEnt[i] - 1)
	to, ok := byHead[a.unitHead(i, n)]
	if !ok || to < 0 || to == from {
		return
	}
	for _, k := range a.groups[from].ms {
		m := &a.ms[k]
		if m.class == "PER" || m.last-m.first != n || a.unitHead(m.first, n) != a.unitHead(i, n) {
			return
		}
	}
	a.moveGroup(from, to)
}

// unitHead is the long form of the unit named by tokens [i, i+n), lower
// case: pemerintah kota for Pemkot and Pemerintah Kota.
func (a *article) unitHead(i, n int) string {
	if long, ok := a.r.lists.unitLong[string(a.lowerKey(a.text(i, i+n)))]; ok {
		return long
	}
	return strings.ToLower(a.text(i, i+n))
}

// unitAt returns how many words from token i name a unit, and what
// follows one; 0 for none.
func (a *article) unitAt(i int) (int, string) {
	if _, ok := a.r.lists.unitFirst.Get(a.word(i)); !ok {
		return 0, ""
	}
	for n := 2; n >= 1; n-- {
		if i+n > len(a.doc.Tokens) {
			continue
		}
		// The key is built in a reused buffer: the map look-up of a
		// converted []byte allocates nothing.
		a.unitBuf = a.unitBuf[:0]
		for k := i; k < i+n; k++ {
			if k > i {
				a.unitBuf = append(a.unitBuf, ' ')
			}
			a.unitBuf = lowerInto(a.unitBuf, a.word(k))
		}
		if kind, ok := a.r.lists.units[string(a.unitBuf)]; ok {
			return n, kind
		}
	}
	return 0, ""
}

// personAfterUnit starts at token end the person's mention that a
// unit's name ending there cuts (a campus up to the initial that opens
// the name of the person after it: UIN Syarif Hidayatullah | M <name>).
func (a *article) personAfterUnit(end int) {
	for x := range a.ms {
		if m := &a.ms[x]; m.class == "PER" && m.first < end && end < m.last {
			m.first = end
		}
	}
}

// unitEnd returns where the name of a unit that goes on at token j
// ends, as what follows it is: a place, an office name, or a body.
func (a *article) unitEnd(j int, kind string) int {
	switch kind {
	case "place":
		return a.placeEnd(j)
	case "office":
		e := j
		for e < len(a.doc.Tokens) && e-j < 8 && (!a.personStarts(e) || a.officeWordInside(e)) && !a.roleWord(e) {
			if w := a.word(e); a.doc.Tokens[e].Kind == text.Word && (isCapitalised(w) ||
				w == "dan" && e > j && a.listItem(e+1)) ||
				w == "," && e > j && a.listGoesOn(e) {
				e++
				continue
			}
			break
		}
		for e > j && (a.word(e-1) == "dan" || a.word(e-1) == ",") {
			e--
		}
		return e
	case "school":
		e := j
		if e < len(a.doc.Tokens) && (a.word(e) == "Negeri" || a.word(e) == "Swasta") {
			e++
		}
		if e < len(a.doc.Tokens) && a.doc.Tokens[e].Kind == text.Number {
			e++
		}
		if p := a.schoolPlaceEnd(e, e > j && a.doc.Tokens[e-1].Kind == text.Number); p > e {
			return p
		}
		if e > j && a.doc.Tokens[e-1].Kind == text.Number {
			return e // SMA Negeri 1
		}
		return j
	case "campus":
		e := j
		for _, w := range [...]string{"Islam", "Negeri"} {
			if e < len(a.doc.Tokens) && a.word(e) == w {
				e++
			}
		}
		// A person's name names a campus as often as a place does
		// (Universitas Gadjah Mada), so the tagger's person is taken, up
		// to a person's initial, which opens the name of the person
		// after the campus (UIN <name> | M <name>; the caller gives the
		// person its start back: personAfterUnit).
		p := a.schoolPlaceEnd(e, true)
		for k := e + 1; k < p; k++ {
			if !isInitial(a.word(k)) {
				continue
			}
			for _, m := range a.ms {
				if m.first == e && m.last == p && m.class == "PER" {
					return k
				}
			}
			break
		}
		return p
	case "body":
		if j >= len(a.doc.Tokens) || !isUnitNumber(a.word(j)) || j+1 >= len(a.doc.Tokens) {
			return j
		}
		switch a.word(j + 1) {
		case "DPR", "DPRD", "MPR":
		default:
			return j
		}
		e := j + 2
		if e < len(a.doc.Tokens) && a.word(e) == "RI" {
			return e + 1
		}
		if p := a.placeEnd(e); p > e && a.word(j+1) == "DPRD" {
			return p // a regional council's place: Komisi A DPRD Jawa Timur
		}
		return e
	}
	return j
}

// listItem reports whether token i can go on an office's name after dan
// or a comma: a capitalised word that opens no unit, acronym or role of
// its own (Kementerian Luar Negeri dan Kementerian Agama, Kementerian
// Kesehatan dan BPOM are two bodies).
func (a *article) listItem(i int) bool {
	if i >= len(a.doc.Tokens) || a.doc.Tokens[i].Kind != text.Word {
		return false
	}
	w := a.word(i)
	if n, _ := a.unitAt(i); n > 0 || !isCapitalised(w) || isAcronym(w) || a.r.lists.domesticHeads[strings.ToLower(w)] || a.roleWord(i) {
		return false
	}
	return true
}

// roleWord reports whether token i is a role or an honorific, which no
// office's name holds (Kementerian | Menteri Pendidikan).
func (a *article) roleWord(i int) bool {
	return a.plainReader().Has(i, person.Honorific|person.Role|person.RoleFirst)
}

// listGoesOn reports whether the comma at token i goes on with a list of
// capitalised words that ends in dan and one more (Badan Meteorologi,
// Klimatologi, dan Geofisika): the office's name is the whole list.
func (a *article) listGoesOn(i int) bool {
	toks := a.doc.Tokens
	for k := i; k < len(toks) && k-i < 8; {
		if a.word(k) != "," {
			return false
		}
		k++
		if k < len(toks) && a.word(k) == "dan" {
			return a.listItem(k + 1)
		}
		if !a.listItem(k) {
			return false
		}
		for k < len(toks) && toks[k].Kind == text.Word && isCapitalised(a.word(k)) {
			k++
		}
		if k < len(toks) && a.word(k) == "dan" {
			return a.listItem(k + 1)
		}
	}
	return false
}

// placeEnd returns the end of a place named at token j: a mention that
// is not a person, a unit named after a place, else one to three
// capitalised words in no mention; j when there is none. A person's
// mention that opens with a listed place gives the place up to the unit,
// as the tagger glues the unit's place to the name after it (Ketua DPRD
// Jatim Kusnadi).
func (a *article) placeEnd(j int) int {
	for k := range a.ms {
		if m := &a.ms[k]; m.first == j {
			if m.class == "PER" {
				g := a.r.m.gaz
				if mt, ok := g.longest(a.wordsOf(j, m.last), a.hashes[j:m.last], 0); ok && mt.end < m.last-j && len(g.placeOrOrg(mt.entries)) > 0 &&
					a.namedApart(j+mt.end, k) && !a.listedInto(j, m.last) {
					m.first = j + mt.end
					return m.first
				}
				return j
			}
			return a.placeGoesOn(m.last)
		}
	}
	for _, m := range a.ms {
		if m.first < j && j < m.last && m.class != "PER" {
			// The tagger's own span of the unit (RSUD Bari, Polres
			// Metro) gives the place's words.
			return a.placeGoesOn(m.last)
		}
	}
	if n, kind := a.unitAt(j); n > 0 && kind == "place" {
		// A unit of another unit: Ditlantas | Polda Jatim.
		if e := a.unitEnd(j+n, kind); e > j+n {
			return e
		}
	}
	e := j
	for e < len(a.doc.Tokens) && e-j < 3 && a.doc.Tokens[e].Kind == text.Word && isCapitalised(a.word(e)) &&
		!a.covered(e) && a.r.lists.units[strings.ToLower(a.word(e))] == "" {
		e++
	}
	if e > j {
		return a.placeGoesOn(e)
	}
	return e
}

// placeGoesOn returns the end of a place the tagger found right at token
// e, after the first words of a unit's place (Polres Metro | Depok: Metro
// Depok is the place the unit serves), or e when it found none there.
func (a *article) placeGoesOn(e int) int {
	for _, m := range a.ms {
		if m.first == e && m.class == "LOC" {
			return m.last
		}
	}
	return e
}

// listedInto reports whether a listed name that starts at one of the two
// tokens before j runs on past j, before last: Polda Metro Jaya is one
// name, not Polda, Metro and a person Jaya.
func (a *article) listedInto(j, last int) bool {
	g := a.r.m.gaz
	for b := max(0, j-2); b < j; b++ {
		if mt, ok := g.longest(a.wordsOf(b, last), a.hashes[b:last], 0); ok && b+mt.end > j {
			return true
		}
	}
	return false
}

// namedApart reports whether the word at token i is a person's name
// without what the tagger glued before it: a listed given name or
// surname, or a word of another person's mention of the article (Kusnadi
// after Ketua DPRD Jatim Kusnadi; not Jaya of Polda Metro Jaya).
func (a *article) namedApart(i, except int) bool {
	if a.gazBits[i]&gazBit(gkName, false) != 0 {
		return true
	}
	w := a.word(i)
	for k, m := range a.ms {
		if k == except || m.class != "PER" {
			continue
		}
		for t := m.first; t < m.last; t++ {
			if strings.EqualFold(a.word(t), w) {
				return true
			}
		}
	}
	return false
}

// schoolPlaceEnd returns the end of the place or name after a school's
// level and number: a place's mention, else up to three capitalised words
// in no person's mention (Inpres Talaga Ratu); j when there is none. After
// a number, a word the tagger took for a person is the place (SMA Negeri
// 1 Kairatu).
func (a *article) schoolPlaceEnd(j int, numbered bool) int {
	for _, m := range a.ms {
		if m.first == j {
			if m.class == "PER" && !numbered {
				return j
			}
			return a.placeGoesOn(m.last)
		}
	}
	e := j
	for e < len(a.doc.Tokens) && e-j < 3 && a.doc.Tokens[e].Kind == text.Word && isCapitalised(a.word(e)) && !a.personStarts(e) &&
		a.r.lists.units[strings.ToLower(a.word(e))] == "" {
		e++
	}
	return e
}

// personStarts reports whether a person's mention starts at token i.
func (a *article) personStarts(i int) bool {
	for _, m := range a.ms {
		if m.first == i && m.class == "PER" {
			return true
		}
	}
	return false
}

// officeWordInside reports whether token i opens a person's mention of
// one word that does not read as a person's name (no listed given name or
// surname, no word of another person's mention) inside an office's name:
// after dan, or between two of its words (Ditjen Pengelolaan Pembiayaan
// dan Risiko, Badan Kesatuan Bangsa dan Politik, Badan Penyelenggara
// Jaminan Produk). The tagger took the office's word for a person.
func (a *article) officeWordInside(i int) bool {
	if i == 0 || i+1 > len(a.doc.Tokens) {
		return false
	}
	inside := a.word(i-1) == "dan"
	if !inside && isCapitalised(a.word(i-1)) && i+1 < len(a.doc.Tokens) {
		next := a.word(i + 1)
		inside = (next == "dan" || isCapitalised(next)) && !a.personStarts(i+1)
	}
	if !inside {
		return false
	}
	for k, m := range a.ms {
		if m.first == i && m.class == "PER" {
			return m.last-m.first == 1 && !a.namedApart(i, k)
		}
	}
	return false
}

// covered reports whether a mention holds token i.
func (a *article) covered(i int) bool {
	for _, m := range a.ms {
		if m.first <= i && i < m.last {
			return true
		}
	}
	return false
}

// isUnitNumber reports whether w numbers a commission: a Roman numeral
// (XI), digits (11) or a letter (A, of a DPRD's commissions).
func isUnitNumber(w string) bool {
	if w == "" {
		return false
	}
	if len(w) == 1 && 'A' <= w[0] && w[0] <= 'E' {
		return true
	}
	roman, digits := true, true
	for i := 0; i < len(w); i++ {
		roman = roman && strings.IndexByte("IVX", w[i]) >= 0
		digits = digits && '0' <= w[i] && w[i] <= '9'
	}
	return roman || digits
}
