package entity

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/warta-news/warta/analysis/person"
	"github.com/warta-news/warta/analysis/text"
)

// maxRoleTokens bounds how far a role may reach from the name.
const maxRoleTokens = 10

// assignRoles finds the roles of persons and the countries of all
// entities. A role is read from the phrase before a name that starts with
// a role word (Menteri Luar Negeri Rusia Sergey Lavrov, juru bicara
// Departemen Luar Negeri Ned Price), from an appositive after it (Sergey
// Lavrov, seorang diplomat veteran,) or from a predicate (Joe Biden
// menjadi presiden Amerika Serikat). A person's country is the first
// country that a role names, directly (Rusia, AS) or through an
// organisation or place of known country (Kremlin); a person listed after
// another with "dan" shares that person's role country (warga AS Paul
// Whelan dan Trevor Reid). A place's or organisation's country comes from
// the gazetteers, or from a country or place inside its name.
func (a *article) assignRoles() {
	inherit := map[int]int{} // mention → mention whose role country it shares
	for i := range a.ms {
		m := &a.ms[i]
		g := a.groups[m.group]
		if g.class != "PER" {
			continue
		}
		if s, e, ok := a.roleBefore(m); ok {
			a.addRole(g, s, e)
		} else if prev := a.coordinated(m); prev >= 0 {
			inherit[i] = prev
		}
		if s, e, ok := a.roleAfter(m); ok {
			a.addRole(g, s, e)
		}
	}
	named := a.namedCountries()
	for _, g := range a.groups {
		if len(g.ms) == 0 || g.class == "PER" {
			continue
		}
		g.country = a.ownCountry(g, named)
	}
	for _, g := range a.groups {
		if len(g.ms) == 0 || g.class != "PER" {
			continue
		}
		if c := a.leaderCountry(g); c != "" {
			g.country = c
			continue
		}
		if c := a.statedNationality(g); c != "" {
			g.country = c
			continue
		}
		for _, sp := range g.roleSpans {
			if c := a.countryIn(sp[0], sp[1]); c != "" {
				g.country = c
				break
			}
		}
		if g.country == "" && (a.domesticRole(g) || a.domesticBodyInRole(g)) {
			g.country = "ID"
		}
	}
	for i, from := range inherit {
		g := a.groups[a.ms[i].group]
		if g.country == "" {
			g.country = a.groups[a.ms[from].group].country
		}
	}
	a.domesticDefault()
	a.bareOffices()
}

// leaderCountry returns the country of a person the leaders gazetteer
// lists (Presiden Trump is of the US although the article names only the
// office): the fullest name is a listed form, or, for a one-word name, a
// listed one-word form (Putin).
func (a *article) leaderCountry(g *group) string {
	long := a.fullest(g)
	name := strings.ToLower(a.text(long.first, long.last))
	if k, ok := a.r.lists.alias[name]; ok {
		return a.r.lists.figures[k].Country
	}
	return a.r.lists.leaders[name]
}

// statedNationality returns the country of a person's origin or
// citizenship as the article states it next to one of its mentions,
// which beats the country of a club or a company in its roles (pelatih
// West Ham, Nuno Espirito Santo, asal Portugal): after the name
// (Frederic Docquier, asal Belgia; Abdullah al-Derazi, seorang warga
// negara Saudi) or before it (pelatih asal Uzbekistan, Timur Kapadze;
// model asal Belarusia bernama Vera Kravtsova), the place of known
// country right after the cue.
func (a *article) statedNationality(g *group) string {
	n := len(a.doc.Tokens)
	for _, i := range g.ms {
		m := &a.ms[i]
		j := m.last
		if j < n && a.word(j) == "," {
			j++
		}
		if j < n && strings.EqualFold(a.word(j), "seorang") {
			j++
		}
		if k := a.nationalityCue(j); k > j {
			if c := a.placeCountryAt(k); c != "" {
				return c
			}
		}
		j = m.first - 1
		if j > 0 && (a.word(j) == "," || strings.EqualFold(a.word(j), "bernama")) {
			j--
		}
		if j < 1 || a.tokenEnt[j] == 0 {
			continue
		}
		pg := a.tokenEnt[j]
		s := j
		for s > 0 && a.tokenEnt[s-1] == pg {
			s--
		}
		for k := max(0, s-2); k < s; k++ {
			if a.nationalityCue(k) == s {
				if c := a.placeCountryAt(s); c != "" {
					return c
				}
			}
		}
	}
	return ""
}

// nationalityCue returns the end of a word or phrase that states where a
// person is from or whose citizen it is (asal, berkebangsaan, warga
// negara, WNA) at token i, or i when there is none.
func (a *article) nationalityCue(i int) int {
	if i >= len(a.doc.Tokens) {
		return i
	}
	switch strings.ToLower(a.word(i)) {
	case "asal", "berkebangsaan", "kewarganegaraan", "berkewarganegaraan":
		return i + 1
	case "wn", "wna":
		if isAcronym(a.word(i)) {
			return i + 1
		}
	case "warga":
		if i+1 < len(a.doc.Tokens) && strings.EqualFold(a.word(i+1), "negara") {
			return i + 2
		}
	}
	return i
}

// placeCountryAt returns the country of the place or country whose
// mention starts at token i, or "".
func (a *article) placeCountryAt(i int) string {
	if i >= len(a.doc.Tokens) || a.tokenEnt[i] == 0 || i > 0 && a.tokenEnt[i-1] == a.tokenEnt[i] {
		return ""
	}
	if g := a.groups[a.tokenEnt[i]-1]; g.class == "LOC" {
		return g.country
	}
	return ""
}

// fullest returns the group's longest mention.
func (a *article) fullest(g *group) *mention {
	long := &a.ms[g.ms[0]]
	for _, i := range g.ms {
		if m := &a.ms[i]; m.last-m.first > long.last-long.first {
			long = m
		}
	}
	return long
}

// foreignShare bounds the share of an article's mentions of entities of
// known country that may be foreign in an article about Indonesia only:
// dolar AS or a trade partner named in passing is no foreign story.
const foreignShare = 0.2

// domesticDefault gives Indonesia to the entities of unknown country that
// are Indonesian by their name's head word (PT, Yayasan, Kabupaten,
// Polres), and gives the article's home country to every person,
// organisation and place of unknown country that no gazetteer lists as
// international: Indonesia in an article with no foreign signal — no
// foreign person, and foreign places and bodies under foreignShare of the
// mentions of known country — else the country most of its places and
// bodies are in (homeCountry).
func (a *article) domesticDefault() {
	foreign, known, foreignPerson := 0, 0, false
	for _, g := range a.groups {
		if len(g.ms) == 0 || g.dropped || g.country == "" || a.cited(g) {
			continue
		}
		known += len(g.ms)
		if g.country != "ID" {
			foreign += len(g.ms)
			foreignPerson = foreignPerson || g.class == "PER"
		}
	}
	home := ""
	if !foreignPerson && float64(foreign) < foreignShare*float64(known) {
		home = "ID"
	} else {
		home = a.homeCountry()
	}
	for _, g := range a.groups {
		if len(g.ms) == 0 || g.dropped || g.country != "" {
			continue
		}
		switch g.class {
		case "ORG", "LOC":
			long := a.fullest(g)
			if a.r.lists.domesticHeads[strings.ToLower(strings.TrimSuffix(a.word(long.first), "."))] ||
				a.r.lists.domesticHeads[strings.ToLower(a.word(long.first))] {
				g.country = "ID"
				continue
			}
			if home != "" && !a.international(g) {
				g.country = home
			}
		case "PER":
			if long := a.fullest(g); home != "ID" && long.last-long.first == 1 && isAcronym(a.word(long.first)) {
				continue // initials (Saudara AS) say nothing of a foreign story's persons
			}
			g.country = home
		}
	}
}

// homeShare is the share of the mentions of places and bodies of known
// country that one country must hold for the article to be set there.
const homeShare = 0.5

// homeCountry returns the country where an article with a foreign signal
// is set: the country of most of its mentions of places and bodies of
// known country, when it holds over homeShare of them (Jawa Tengah and
// Semarang beside a passing Presiden AS; Islandia and Reykjavik in a story
// from Iceland); where none does, Indonesia when it does once the
// mentions of Indonesian officials (a domestic office: Menteri Lingkungan
// Hidup Hanif) are counted too; else "". The persons, bodies and places
// of unknown country are taken to be of that country.
func (a *article) homeCountry() string {
	count := map[string]int{}
	known, officials := 0, 0
	for _, g := range a.groups {
		if len(g.ms) == 0 || g.dropped || g.country == "" || a.cited(g) {
			continue
		}
		if g.class == "PER" {
			if g.country == "ID" && a.domesticRole(g) {
				officials += len(g.ms)
			}
			continue
		}
		count[g.country] += len(g.ms)
		known += len(g.ms)
	}
	for c, n := range count {
		if float64(n) > homeShare*float64(known) {
			return c
		}
	}
	if float64(count["ID"]+officials) > homeShare*float64(known+officials) {
		return "ID"
	}
	return ""
}

// cited reports whether the entity is a news outlet (outlets.tsv): the
// outlet a story is quoted from says nothing of where it is set.
func (a *article) cited(g *group) bool {
	if g.class != "ORG" {
		return false
	}
	long := a.fullest(g)
	_, ok := a.outletAt(long.first, long.last)
	return ok
}

// international reports whether a gazetteer lists the entity as a body
// or place of no one country (PBB, ASEAN, Kutub Utara).
func (a *article) international(g *group) bool {
	for _, j := range g.gaz {
		if a.r.m.gaz.entries[j].country == "" {
			return true
		}
	}
	return false
}

// domesticBodyInRole reports whether one of the person's roles names a
// body by an Indonesian head word (Direktur Utama PT Sinar Jaya Tbk,
// Kepala Dinas ...; data/domestic_heads.txt): its people are Indonesia's,
// even in a story set abroad.
func (a *article) domesticBodyInRole(g *group) bool {
	for _, sp := range g.roleSpans {
		for k := sp[0]; k+1 < sp[1]; k++ {
			if w := a.word(k); isCapitalised(w) && a.r.lists.domesticHeads[string(a.lowerKey(strings.TrimSuffix(w, ".")))] && isCapitalised(a.word(k+1)) {
				return true
			}
		}
	}
	return false
}

// domesticRole reports whether one of the person's roles is an office that
// Indonesian news names without a country only for Indonesians (Menteri
// Luar Negeri Retno Marsudi, Gubernur, Kapolda).
func (a *article) domesticRole(g *group) bool {
	for _, role := range g.roles {
		if person.Default().Domestic(role) {
			return true
		}
	}
	return false
}

func (a *article) addRole(g *group, s, e int) {
	role := a.text(s, e)
	g.roles = uniqueFold(g.roles, role)
	g.roleSpans = append(g.roleSpans, [2]int{s, e})
}

// roleMatch returns the end of a role word or phrase starting at token i.
func (a *article) roleMatch(i, limit int) (int, bool) {
	g := a.r.m.gaz
	m, ok := g.longest(a.wordsOf(i, limit), a.hashes[i:limit], 0)
	if !ok || !g.hasKind(m.entries, gkRole) {
		return 0, false
	}
	return i + m.end, true
}

// breaksRole reports whether token i cannot be inside a role phrase:
// punctuation (other than an abbreviation's period), a listed function
// word, or a lower-case word with a verb prefix (mengatakan, disampaikan).
func (a *article) breaksRole(i int) bool {
	t := a.doc.Tokens[i]
	w := a.word(i)
	if t.Kind == text.Punct {
		return true
	}
	if t.Kind != text.Word && t.Kind != text.Number {
		return true
	}
	lw := strings.ToLower(w)
	if a.r.lists.roleBreaks[lw] {
		return true
	}
	if !isCapitalised(w) {
		for _, p := range [...]string{"me", "di", "ber", "ter"} {
			if strings.HasPrefix(lw, p) && len(lw) > len(p)+3 {
				return true
			}
		}
	}
	return false
}

// roleBefore finds the role phrase printed right before the mention
// (Menteri Dalam Negeri Tito Karnavian, Kapolda Metro Jaya Irjen Karyoto,
// Kepala Dinas Kesehatan Jawa Barat, Vini Adiani) with the shared person
// reader, which leaves out the ranks before the name and never reads over
// another person's name.
func (a *article) roleBefore(m *mention) (int, int, bool) {
	sp := a.reader().RoleBefore(m.first, a.doc.Sentences[m.sentence].First)
	return sp.First, sp.Last, !sp.Empty()
}

// reader returns the person reader over the article, the tokens of its
// persons blocked, made on first use.
// plainReader returns the article's person reader with no token blocked,
// made on first use.
func (a *article) plainReader() *person.Reader {
	if a.plain == nil {
		a.plain = person.NewReader(person.Default(), a.doc)
	}
	return a.plain
}

func (a *article) reader() *person.Reader {
	if a.rd == nil {
		a.rd = person.NewReader(person.Default(), a.doc)
		for i, g := range a.tokenEnt {
			if g != 0 && a.groups[g-1].class == "PER" {
				a.rd.Classes[i] |= person.Blocked
			}
		}
	}
	return a.rd
}

// coordinated returns the mention of a person listed right before this
// one with "dan" or "serta", or -1.
func (a *article) coordinated(m *mention) int {
	i := m.first - 1
	if i < 1 {
		return -1
	}
	if w := strings.ToLower(a.word(i)); w != "dan" && w != "serta" {
		return -1
	}
	prev := a.tokenEnt[i-1]
	if prev == 0 || a.groups[prev-1].class != "PER" {
		return -1
	}
	for j := range a.ms {
		if a.ms[j].last == i && a.ms[j].group == int(prev-1) {
			return j
		}
	}
	return -1
}

// roleAfter finds an appositive role (", seorang diplomat veteran,") or a
// predicate role ("menjadi presiden Amerika Serikat") after the mention.
func (a *article) roleAfter(m *mention) (int, int, bool) {
	s := a.doc.Sentences[m.sentence]
	i := m.last
	if i >= s.Last {
		return 0, 0, false
	}
	comma := a.word(i) == ","
	if !comma && !a.r.lists.appositives[strings.ToLower(a.word(i))] {
		return 0, 0, false
	}
	i++
	for i < s.Last && a.r.lists.appositives[strings.ToLower(a.word(i))] {
		i++
	}
	if i >= s.Last {
		return 0, 0, false
	}
	end, ok := a.roleMatch(i, min(s.Last, i+maxRoleTokens))
	if !ok {
		return 0, 0, false
	}
	start := i
	if comma {
		// An appositive runs to the next comma or the sentence's end.
		for end < s.Last && end-start < maxRoleTokens && a.word(end) != "," && !a.breaksRole(end) {
			end++
		}
		if end < s.Last && a.word(end) != "," && a.doc.Tokens[end].Kind != text.Punct {
			return 0, 0, false
		}
		return start, end, true
	}
	// A predicate role goes on over the capitalised words that qualify it.
	for end < s.Last && end-start < maxRoleTokens && isCapitalised(a.word(end)) && a.doc.Tokens[end].Kind == text.Word &&
		(a.tokenEnt[end] == 0 || a.groups[a.tokenEnt[end]-1].class != "PER") {
		end++
	}
	return start, end, true
}

// countryIn returns the country of the first country, place or
// organisation of known country named in tokens [s, e).
func (a *article) countryIn(s, e int) string {
	for i := s; i < e; i++ {
		if gi := a.tokenEnt[i]; gi != 0 {
			if g := a.groups[gi-1]; g.class != "PER" && g.country != "" {
				return g.country
			}
		}
		if c := a.gazCountryAt(i, e); c != "" {
			return c
		}
	}
	return ""
}

// gazCountryAt returns the country of a gazetteer country, place or
// organisation printed as a name at token i, ending by e.
func (a *article) gazCountryAt(i, e int) string {
	g := a.r.m.gaz
	if !isCapitalised(a.word(i)) {
		return ""
	}
	mt, ok := g.longest(a.wordsOf(i, e), a.hashes[i:e], 0)
	if !ok {
		return ""
	}
	for _, j := range g.placeOrOrg(mt.entries) {
		if c := g.entries[j].country; c != "" {
			return c
		}
	}
	return ""
}

// ownCountry is the country of a place or organisation: the gazetteer's,
// else a world place's for a place named by one whole (Trieste; see
// worldPlace.big), else
// that of a country or place named inside its fullest name (Kedutaan
// Besar Rusia).
func (a *article) ownCountry(g *group, named namedCountries) string {
	for _, j := range g.gaz {
		if c := a.r.m.gaz.entries[j].country; c != "" {
			return c
		}
	}
	long := a.fullest(g)
	if o, ok := a.outletAt(long.first, long.last); ok && g.class == "ORG" {
		return o.country
	}
	if g.class == "LOC" {
		if p, ok := a.worldPlace(long.first, long.last); ok && named.admits(p) {
			return p.country
		}
	}
	for i := long.first; i < long.last; i++ {
		switch a.r.m.lex.get(a.hashes[i]).caseBucket() {
		case caseNever, caseRarely:
			continue // a common word is no place inside a name: Lima (five) of Simpang Lima
		}
		if c := a.gazCountryAt(i, long.last); c != "" {
			return c
		}
	}
	return ""
}

// result builds the entities: numbered in order of first mention, named
// by their fullest mention, with salience the share of the article's
// attention each gets.
func (a *article) result() *Result {
	type ranked struct {
		g     *group
		first int
	}
	var live []ranked
	for _, g := range a.groups {
		if len(g.ms) == 0 || g.dropped {
			continue
		}
		live = append(live, ranked{g, a.ms[g.ms[0]].first})
	}
	slices.SortFunc(live, func(x, y ranked) int { return x.first - y.first })
	res := &Result{Entities: make([]Entity, 0, len(live)), byToken: make([]int32, len(a.doc.Tokens))}
	weights := make([]float64, len(live))
	total := 0.0
	for k, r := range live {
		g := r.g
		e := Entity{ID: fmt.Sprintf("E%d", k+1), Type: recordType(g.class), Country: g.country, Roles: g.roles,
			State: g.class == "LOC" && a.r.m.gaz.hasKind(g.gaz, gkCountry)}
		if e.Roles == nil {
			e.Roles = []string{}
		}
		bestLen := -1
		for _, i := range g.ms {
			m := &a.ms[i]
			tok := a.doc.Tokens
			mt := Mention{Text: a.text(m.first, m.last), Start: tok[m.first].Start, End: tok[m.last-1].End, First: m.first, Last: m.last}
			e.Mentions = append(e.Mentions, mt)
			if n := len(mt.Text); !m.title && (m.last-m.first > bestLen || m.last-m.first == bestLen && n > len(e.Name)) {
				bestLen, e.Name = m.last-m.first, mt.Text
			}
			for t := m.first; t < m.last; t++ {
				res.byToken[t] = int32(k + 1)
			}
			weights[k] += a.attention(m)
		}
		if g.class == "PER" {
			e.Name = a.figureName(e)
		}
		total += weights[k]
		res.Entities = append(res.Entities, e)
	}
	for k := range res.Entities {
		res.Entities[k].Salience = math.Round(1000*weights[k]/total) / 1000
	}
	return res
}

// attention is what one mention adds to its entity's salience: more in
// the headline and the lead, less the further into the article.
func (a *article) attention(m *mention) float64 {
	tok := a.doc.Tokens[m.first]
	w := 1.0
	switch {
	case tok.Start < a.doc.Title.End:
		w = 3
	case len(a.doc.Paragraphs) > 0 && tok.Start < a.doc.Paragraphs[0].End:
		w = 2
	}
	pos := float64(tok.Start) / float64(max(len(a.doc.Text), 1))
	return w * (1 - 0.5*pos)
}

// figureName is the name of a person: a listed public figure's full name
// where a mention prints it (Soeharto beside Pak Harto), else its name.
func (a *article) figureName(e Entity) string {
	l := a.r.lists
	for _, m := range e.Mentions {
		if k, ok := l.alias[string(a.lowerKey(m.Text))]; ok && strings.EqualFold(l.figures[k].Name, m.Text) {
			return m.Text
		}
	}
	return e.Name
}
