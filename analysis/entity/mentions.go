package entity

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/warta-news/warta/analysis/person"
	"github.com/warta-news/warta/analysis/text"
)

// wordLists are the plain word lists the entity stage reads besides the
// gazetteers.
type wordLists struct {
	notNames    map[string]bool // data/not_names.txt, as printed
	roleBreaks  map[string]bool // data/role_breaks.txt, lower case
	appositives map[string]bool // data/appositive_openers.txt, lower case
	// initialsBefore: data/initials_openers.txt, lower case
	initialsBefore map[string]bool
	domesticHeads  map[string]bool       // data/domestic_heads.txt, lower case
	roleQualifiers map[string]bool       // data/role_qualifiers.txt, lower case
	nameOpeners    map[string]bool       // data/name_openers.txt, as printed
	degrees        map[string]bool       // data/degrees.txt, as printed without periods
	legalForms     map[string]bool       // data/legal_forms.txt, as printed
	premises       [][]string            // data/premises.txt, lower case, in its order, then data/channels.txt
	facilities     map[string]bool       // data/facilities.txt, as printed
	leaders        map[string]string     // data/leaders.tsv: a form, lower case → country
	places         map[string]worldPlace // data/places.tsv: a world place, lower case
	outlets        map[string]outlet     // data/outlets.tsv: an outlet's name or other form, lower case
	outletCues     map[string]bool       // data/outlet_cues.txt, lower case
	outletFirst    map[string]bool       // the outlets' leading words (leadingWord), lower case
	units          map[string]string     // data/units.tsv: a unit, lower case → what follows it
	unitLong       map[string]string     // data/units.tsv: a short unit, lower case → its long form
	unitFirst      *text.Lexicon[bool]   // the first words of the units, to turn most words away at once
	figures        []Figure              // data/figures.tsv
	alias          map[string]int        // a figure's name or alias, lower case → index into figures
	offices        []Office              // data/offices.tsv
	officeOf       map[string]int        // an office's name or title, lower case → index into offices
	officeTitles   titleWords            // the offices' names and titles
}

var sharedWordLists = sync.OnceValues(func() (*wordLists, error) {
	l := &wordLists{notNames: map[string]bool{}, roleBreaks: map[string]bool{}, appositives: map[string]bool{},
		initialsBefore: map[string]bool{}, domesticHeads: map[string]bool{}, roleQualifiers: map[string]bool{}, nameOpeners: map[string]bool{}, degrees: map[string]bool{}, legalForms: map[string]bool{}, facilities: map[string]bool{}, leaders: map[string]string{},
		places: map[string]worldPlace{}, outlets: map[string]outlet{}, outletCues: map[string]bool{}, outletFirst: map[string]bool{}, units: map[string]string{}, unitLong: map[string]string{}, alias: map[string]int{}}
	for _, f := range []struct {
		name  string
		set   map[string]bool
		lower bool
	}{
		{"data/not_names.txt", l.notNames, false},
		{"data/role_breaks.txt", l.roleBreaks, true},
		{"data/appositive_openers.txt", l.appositives, true},
		{"data/initials_openers.txt", l.initialsBefore, true},
		{"data/domestic_heads.txt", l.domesticHeads, true},
		{"data/role_qualifiers.txt", l.roleQualifiers, true},
		{"data/name_openers.txt", l.nameOpeners, false},
		{"data/degrees.txt", l.degrees, false},
		{"data/legal_forms.txt", l.legalForms, false},
		{"data/facilities.txt", l.facilities, false},
		{"data/outlet_cues.txt", l.outletCues, true},
	} {
		err := readTable(f.name, func(fields []string) error {
			w := strings.TrimSpace(fields[0])
			if f.lower {
				w = strings.ToLower(w)
			}
			f.set[w] = true
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	for _, name := range []string{"data/premises.txt", "data/channels.txt"} {
		err := readTable(name, func(f []string) error {
			l.premises = append(l.premises, strings.Fields(strings.ToLower(f[0])))
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	first := map[string]bool{}
	err := readTable("data/units.tsv", func(f []string) error {
		switch {
		case len(f) < 2 || len(f) > 3:
			return fmt.Errorf("want a unit, what follows it and its long form, got %q", strings.Join(f, "\t"))
		case f[1] != "place" && f[1] != "office" && f[1] != "body" && f[1] != "school" && f[1] != "campus":
			return fmt.Errorf("unknown kind %q", f[1])
		}
		l.units[strings.ToLower(f[0])] = f[1]
		first[strings.Fields(strings.ToLower(f[0]))[0]] = true
		if len(f) == 3 && f[2] != "" {
			l.unitLong[strings.ToLower(f[0])] = f[2]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	l.unitFirst = text.NewLexicon(first)
	err = readTable("data/figures.tsv", func(f []string) error {
		if len(f) != 3 || len(f[2]) != 2 {
			return fmt.Errorf("want name, aliases and a country code, got %q", strings.Join(f, "\t"))
		}
		fig := Figure{Name: f[0], Country: f[2]}
		for _, a := range strings.Split(f[1], ";") {
			if a = strings.TrimSpace(a); a != "" {
				fig.Aliases = append(fig.Aliases, a)
			}
		}
		for _, form := range append([]string{fig.Name}, fig.Aliases...) {
			l.alias[strings.ToLower(form)] = len(l.figures)
		}
		l.figures = append(l.figures, fig)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := l.readOffices(); err != nil {
		return nil, err
	}
	err = readTable("data/places.tsv", func(f []string) error {
		people, err := strconv.Atoi(f[len(f)-1])
		if len(f) != 3 || len(f[1]) != 2 || err != nil {
			return fmt.Errorf("want a place, a country code and its people, got %q", strings.Join(f, "\t"))
		}
		l.places[strings.ToLower(f[0])] = worldPlace{country: f[1], big: people >= bigPlace}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTable("data/outlets.tsv", func(f []string) error {
		if len(f) < 3 || len(f) > 4 || len(f[2]) != 2 || len(f) == 4 && f[3] != "cue" && f[3] != "" {
			return fmt.Errorf("want an outlet, other forms, a country code and maybe cue, got %q", strings.Join(f, "\t"))
		}
		o := outlet{country: f[2], cue: len(f) == 4 && f[3] == "cue"}
		for _, form := range append([]string{f[0]}, splitList(f[1])...) {
			form = strings.ToLower(form)
			l.outlets[form] = o
			l.outletFirst[string(leadingWord([]byte(form)))] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTable("data/leaders.tsv", func(f []string) error {
		if len(f) != 3 || len(f[2]) != 2 {
			return fmt.Errorf("want name, other forms and a country code, got %q", strings.Join(f, "\t"))
		}
		for _, form := range append([]string{f[0]}, strings.Split(f[1], ";")...) {
			if form = strings.ToLower(strings.TrimSpace(form)); form != "" {
				l.leaders[form] = f[2]
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return l, nil
})

// mention is a candidate mention while the article is analysed.
type mention struct {
	first, last int    // tokens [first, last)
	class       string // PER, ORG, LOC, EVT, FNB
	gaz         []int32
	sentence    int
	// weak mentions come from a headline in title case, where capitals
	// say little: they are kept only if the body names the same entity.
	weak bool
	// listed weak mentions are a listed leader's or figure's name
	// (trimHeadline): they need no support from the body.
	listed bool
	// title mentions are an office's title printed alone for a person
	// (bareOffices) or a unit's head word alone (bareUnits): they never
	// name the entity.
	title bool
	group int // index into article.groups
}

// article is the working state of Find for one document. Its buffers
// belong to the tagger Find holds, and are reused from one article to the
// next: nothing in a Result points into them.
type article struct {
	doc      *text.Document
	r        *Recognizer
	words    []string
	hashes   []uint64 // lower-case hashes of all tokens
	gazBits  []uint16 // gazetteer bits of all tokens
	initial  []bool   // token opens its sentence (or a quotation)
	ms       []mention
	groups   []*group
	tokenEnt []int32
	lower    []byte         // scratch
	keyBuf   []byte         // lowerKey's scratch
	unitBuf  []byte         // unitAt's scratch
	rd       *person.Reader // person phrases, made on first use (reader)
	plain    *person.Reader // person phrases with no token blocked, made on first use (plainReader)
	// adminSeen is the territory word each place is printed after, ""
	// when two (adminPlaces).
	adminSeen map[adminPlace]string
	// glossed are the acronyms in brackets after a long form that
	// glosses names (claimLongForm), as token indices.
	glossed []int
}

// article returns the tagger's article state, reset for doc.
func (t *tagger) article(doc *text.Document, r *Recognizer) *article {
	a := &t.art
	*a = article{doc: doc, r: r, words: a.words[:0], hashes: a.hashes, gazBits: a.gazBits,
		initial: a.initial, ms: a.ms[:0], groups: a.groups[:0], tokenEnt: a.tokenEnt, lower: a.lower, keyBuf: a.keyBuf, unitBuf: a.unitBuf, glossed: a.glossed[:0]}
	return a
}

// release lets go of the document and its groups, keeping the buffers.
func (a *article) release() {
	clear(a.words[:cap(a.words)])
	clear(a.groups)
	a.doc, a.r = nil, nil
}

func (a *article) text(first, last int) string {
	return a.doc.Text[a.doc.Tokens[first].Start:a.doc.Tokens[last-1].End]
}

func (a *article) word(i int) string { return a.doc.TokenText(i) }

// lowerKey lowers s exactly as strings.ToLower does, into a buffer that
// the next call overwrites, for a look-up of string(a.lowerKey(s)) in a
// map keyed by lower-case text: that index does not allocate, where
// strings.ToLower allocates for every word with a capital.
func (a *article) lowerKey(s string) []byte {
	a.keyBuf = text.AppendLower(a.keyBuf[:0], s)
	return a.keyBuf
}

// mentions tags every sentence and collects the candidate mentions: the
// model's entity spans, cleaned, and the gazetteer's names of countries,
// places and organisations that the model missed.
func (a *article) mentions(t *tagger) {
	doc := a.doc
	n := len(doc.Tokens)
	a.hashes, a.gazBits, a.initial = grow(a.hashes, n), grow(a.gazBits, n), grow(a.initial, n)
	clear(a.hashes)
	clear(a.gazBits)
	clear(a.initial)
	m := a.r.m
	for si, s := range doc.Sentences {
		a.words = a.words[:0]
		for i := s.First; i < s.Last; i++ {
			a.words = append(a.words, doc.TokenText(i))
		}
		path := m.tag(t, a.words, a.r.domain)
		copy(a.hashes[s.First:s.Last], t.hashes)
		copy(a.gazBits[s.First:s.Last], t.gaz)
		copy(a.initial[s.First:s.Last], t.initial)
		weak := s.Start < doc.Title.End && titleCased(doc, s)
		covered := len(a.ms)
		for i := 0; i < len(path); {
			l := path[i]
			if l == 0 {
				i++
				continue
			}
			j := i + 1
			for j < len(path) && isInside(path[j]) && labelClass(path[j]) == labelClass(l) {
				j++
			}
			a.addModelSpan(si, s.First+i, s.First+j, m.classes[labelClass(l)], weak)
			i = j
		}
		a.addGazetteerNames(si, s.First, covered, weak, t.matches)
	}
	a.addWorldPlaces()
	a.addOutlets()
}

// outlet is one news outlet of outlets.tsv.
type outlet struct {
	country string
	cue     bool // a common word: an outlet only after a citing word
}

// outletWords is the most words of an outlet's name looked up.
const outletWords = 5

// addOutlets makes the foreign news outlets the article names (outlets.tsv)
// organisations: a mention that spans one whole becomes an ORG (the
// tagger reads Smithsonian Magazine as a person), and an outlet no
// mention covers is added, one that is also a common word only after a
// citing word (dikutip dari Express).
func (a *article) addOutlets() {
	n := len(a.ms)
	for si, s := range a.doc.Sentences {
		for i := s.First; i < s.Last; i++ {
			if w := a.word(i); !isCapitalised(w) || !a.r.lists.outletFirst[string(leadingWord(a.lowerKey(w)))] {
				continue
			}
			for k := min(outletWords, s.Last-i); k >= 1; k-- {
				o, ok := a.outletAt(i, i+k)
				if !ok || o.cue && (i == s.First || !a.r.lists.outletCues[strings.ToLower(a.word(i-1))]) {
					continue
				}
				if j := a.mentionAt(i, i+k, n); j >= 0 {
					a.ms[j].class = "ORG"
				} else if overlapsAny(a.ms[:n], i, i+k) {
					continue
				} else {
					a.ms = append(a.ms, mention{first: i, last: i + k, class: "ORG", sentence: si})
				}
				i += k - 1
				break
			}
		}
	}
}

// leadingWord returns the run of letters and digits that opens s (l of
// l'equipe): the same for an outlet's name and the token it starts with,
// however the tokeniser cuts the name.
func leadingWord(s []byte) []byte {
	for i, r := range string(s) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return s[:i]
		}
	}
	return s
}

// mentionAt returns the index of the mention among ms[:n] that spans
// tokens [first, last) exactly, or -1.
func (a *article) mentionAt(first, last, n int) int {
	for j := range a.ms[:n] {
		if a.ms[j].first == first && a.ms[j].last == last {
			return j
		}
	}
	return -1
}

// outletAt returns the outlet that tokens [first, last) name whole, as
// printed (Mail Online, ScienceAlert), in lower case.
func (a *article) outletAt(first, last int) (outlet, bool) {
	a.lower = lowerInto(a.lower[:0], a.text(first, last))
	o, ok := a.r.lists.outlets[string(a.lower)]
	return o, ok
}

// worldPlace is one place of places.tsv.
type worldPlace struct {
	country string
	// big places (bigPlace people or more) are taken for the world place
	// in an article set abroad (namedCountries.foreign); a smaller one
	// only in an article that names its own country (Dubrovnik beside
	// Kroasia: Florida and Flores are also a US state and an Indonesian
	// island). Guntur beside Mranggen is in Demak, not India.
	big bool
}

// namedCountries are the countries an article names as countries
// (Kroasia, AS), and whether it is set abroad: foreign countries and
// places are at least foreignShare of its listed mentions of known
// country, as for domesticDefault.
type namedCountries struct {
	set     map[string]bool
	foreign bool
}

// admits reports whether the article's countries let a name be the world
// place p (worldPlace.big).
func (c namedCountries) admits(p worldPlace) bool {
	return c.set[p.country] || p.big && c.foreign
}

const bigPlace = 100000

// placeWords is the most words of a world place's name looked up.
const placeWords = 3

// addWorldPlaces adds as places the runs of capitalised words that no
// mention covers and that name a world place (places.tsv): the model and
// the gazetteers know countries, capitals and the time zones' cities, not
// Dubrovnik or Tyre. Every word must be unknown to the model's lexicon
// (Natal is Christmas, Anda you, Mercedes a car) and no listed given name
// or surname (Reno), the article's countries must admit the place
// (worldPlace.big), and the run a name of its own: not glued to a
// capitalised word (Simpang Kulim, Busan Film Festival, Nanik S Deyang)
// nor alone in brackets, where a short form stands (mahasiswa baru
// (Maba)).
func (a *article) addWorldPlaces() {
	named := a.namedCountries()
	n := len(a.ms)
	for si, s := range a.doc.Sentences {
		weak := s.Start < a.doc.Title.End && titleCased(a.doc, s)
		for i := s.First; i < s.Last; i++ {
			if !a.placeWords(i, i+1) {
				continue // fails for every run that starts here
			}
			for k := min(placeWords, s.Last-i); k >= 1; k-- {
				if !a.placeWords(i+1, i+k) || overlapsAny(a.ms[:n], i, i+k) || a.glued(s, i, i+k) {
					continue
				}
				if p, ok := a.worldPlace(i, i+k); ok && named.admits(p) {
					a.ms = append(a.ms, mention{first: i, last: i + k, class: "LOC", sentence: si, weak: weak})
					i += k - 1
					break
				}
			}
		}
	}
}

// placeWords reports whether tokens [first, last) may be a world place's
// name: capitalised words that are no acronym, no role word, no listed
// given name or surname and none the model's lexicon knows.
func (a *article) placeWords(first, last int) bool {
	for i := first; i < last; i++ {
		w := a.word(i)
		if a.doc.Tokens[i].Kind != text.Word || !isCapitalised(w) || isAcronym(w) ||
			a.r.m.lex.get(a.hashes[i]).caseBucket() != caseUnknown ||
			a.gazBits[i]&gazBit(gkName, false) != 0 || a.roleWord(i) {
			return false
		}
	}
	return true
}

// glued reports whether tokens [first, last) of sentence s are part of a
// longer name (a capitalised word right before, not the sentence's first,
// or right after) or stand alone in brackets.
func (a *article) glued(s text.Sentence, first, last int) bool {
	capital := func(i int) bool {
		return i >= s.First && i < s.Last && a.doc.Tokens[i].Kind == text.Word && isCapitalised(a.word(i))
	}
	if capital(first-1) && !a.initial[first-1] || capital(last) {
		return true
	}
	return first > s.First && last < s.Last && a.word(first-1) == "(" && a.word(last) == ")"
}

// namedCountries returns the countries the article's mentions name as
// countries.
func (a *article) namedCountries() namedCountries {
	named := namedCountries{set: map[string]bool{}}
	g := a.r.m.gaz
	known, foreign := 0, 0
	for _, m := range a.ms {
		for _, j := range m.gaz {
			e := g.entries[j]
			if e.country == "" || e.kind != gkCountry && e.kind != gkPlace {
				continue
			}
			if e.kind == gkCountry {
				named.set[e.country] = true
			}
			known++
			if e.country != "ID" {
				foreign++
			}
			break
		}
	}
	named.foreign = foreign > 0 && float64(foreign) >= foreignShare*float64(known)
	return named
}

// worldPlace returns the world place that tokens [first, last) name whole
// (places.tsv), looked up in lower case.
func (a *article) worldPlace(first, last int) (worldPlace, bool) {
	a.lower = a.lower[:0]
	for i := first; i < last; i++ {
		if i > first {
			a.lower = append(a.lower, ' ')
		}
		a.lower = lowerInto(a.lower, a.word(i))
	}
	p, ok := a.r.lists.places[string(a.lower)]
	return p, ok
}

// titleCased reports whether a headline capitalises most of its words, as
// some outlets do (Warga Bantul Panen Raya Padi).
func titleCased(doc *text.Document, s text.Sentence) bool {
	words, caps := 0, 0
	for i := s.First; i < s.Last; i++ {
		w := doc.TokenText(i)
		if doc.Tokens[i].Kind != text.Word || len(w) < 4 {
			continue
		}
		words++
		if isCapitalised(w) {
			caps++
		}
	}
	return words >= 3 && caps*10 >= words*7
}

// addModelSpan cleans one span the model tagged and adds it as a mention:
// honorifics, ranks and role words at its start are cut (they belong to
// the role, not the name), and spans that cannot be names in cased text
// are dropped.
func (a *article) addModelSpan(si, first, last int, class string, weak bool) {
	g := a.r.m.gaz
	for first < last {
		if a.doc.Tokens[first].Kind == text.Punct || last-first > 1 && a.commonNoun(first) {
			first++
			continue
		}
		if class != "PER" {
			break
		}
		n := a.afterTitle(first, last)
		if n == first {
			break
		}
		first = n
	}
	for last > first && a.doc.Tokens[last-1].Kind == text.Punct && !strings.HasSuffix(a.word(last-1), ".") {
		last--
	}
	if n := a.premisesBefore(first, last); n > first {
		first, class = n, "ORG"
	}
	if class == "PER" && last-first > 1 {
		// No person's name opens with a unit's head word (Otorita IKN,
		// Universitas Udayana): the tagger's span is the unit's.
		if n, kind := a.unitAt(first); n > 0 && kind != "school" {
			class = "ORG"
		}
	}
	if first >= last || a.r.lists.legalForms[a.word(first)] {
		return // a legal form the tagger cut from its company (Persero) Tbk)
	}
	if class == "PER" {
		last = a.beforeDegrees(first, last)
	} else {
		last = a.withLegalForm(si, last)
	}
	if class == "PER" && last-first > 1 {
		if n := a.nameInRole(si, first, last); n > first {
			first = n
		}
	}
	if class != "PER" {
		first = a.afterRoleQualifiers(first, last)
		// A role the tagger took for a name (Menteri Luar Negeri Rusia
		// before Sergey Ryabkov) is not an entity: cut every role phrase
		// that starts in or runs into the span, keeping what follows
		// (Rusia).
		for cut := true; cut && first < last; {
			cut = false
			for k := max(0, first-3); k <= first; k++ {
				end, ok := a.roleMatch(k, last)
				if ok && end > first && !a.orgAt(k, last) && (!a.bodyAt(first, last) || a.pointsBack(last)) {
					first, cut = end, true
					break
				}
			}
		}
		if first >= last {
			return
		}
		if split := a.nameInRole(si, first, last); split > first {
			a.addModelSpan(si, split, last, "PER", weak)
			last = split
			// What stays is the office in the role: keep only the listed
			// body it starts with (KPK of KPK Wilayah V).
			if head, ok := g.longest(a.wordsOf(first, last), a.hashes[first:last], 0); ok && len(g.placeOrOrg(head.entries)) > 0 {
				last = first + head.end
			}
		} else if split := a.personTail(first, last); split > first {
			a.addModelSpan(si, split, last, "PER", weak)
			last = split
		}
	}
	if k := a.coordinatedBodies(first, last); k > 0 {
		a.addModelSpan(si, first, k, class, weak)
		a.addModelSpan(si, k+1, last, class, weak)
		return
	}
	if !a.nameLike(first, last) {
		return
	}
	mt := mention{first: first, last: last, class: class, sentence: si, weak: weak}
	if m, ok := g.longest(a.wordsOf(first, last), a.hashes[first:last], 0); ok && m.end == last-first {
		mt.gaz = g.placeOrOrg(m.entries)
	}
	a.ms = append(a.ms, mt)
}

// afterTitle returns where a person's name in tokens [first, last)
// starts after the honorific, rank or role word it opens with (Ajun
// Komisaris Besar), or first; it keeps one word at least.
func (a *article) afterTitle(first, last int) int {
	g := a.r.m.gaz
	mt, ok := g.longest(a.wordsOf(first, last), a.hashes[first:last], 0)
	if !ok || mt.end >= last-first || !g.hasKind(mt.entries, gkHonorific, gkRole) {
		return first
	}
	return first + mt.end
}

// premisesBefore returns where a body's name starts in tokens [first,
// last) after the words for its premises (Kantor Kementerian Keuangan;
// data/premises.txt), read from before the span too, as a lower-case
// kantor is cut from it (kantor Pusat Kemenkeu); first when no listed body
// or unit follows them.
func (a *article) premisesBefore(first, last int) int {
	for k := max(0, first-1); k <= first; k++ {
		if e := k + a.premisesAt(k); e > first && e < last && a.bodyAt(e, last) {
			return e
		}
	}
	return first
}

// premisesAt returns how many words from token k are words for premises
// or a channel (data/premises.txt, data/channels.txt), 0 for none.
func (a *article) premisesAt(k int) int {
	for _, p := range a.r.lists.premises {
		if k+len(p) > len(a.doc.Tokens) {
			continue
		}
		match := true
		for i, w := range p {
			match = match && strings.EqualFold(a.word(k+i), w)
		}
		if match {
			return len(p)
		}
	}
	return 0
}

// withLegalForm returns the end of a company's name that ends at token
// last with the legal forms printed after it, in brackets or not (PT
// Pertamina (Persero), PT Bank Mandiri (Persero) Tbk; data/legal_forms.txt),
// as the tagger may stop inside the brackets or before them.
func (a *article) withLegalForm(si, last int) int {
	end := a.doc.Sentences[si].Last
	if last < end && last >= 2 && a.word(last-2) == "(" && a.r.lists.legalForms[a.word(last-1)] && a.word(last) == ")" {
		last++
	}
	for {
		switch {
		case last+2 < end && a.word(last) == "(" && a.r.lists.legalForms[a.word(last+1)] && a.word(last+2) == ")":
			last += 3
		case last < end && a.r.lists.legalForms[a.word(last)]:
			last++
		default:
			return last
		}
	}
}

// beforeDegrees returns the end of a person's name in tokens [first,
// last) without the academic degrees printed after it (Ari Wibowo SH,
// Rina M.Si; data/degrees.txt), keeping at least one word.
func (a *article) beforeDegrees(first, last int) int {
	for last-first > 1 {
		n := 0
		for k := 2; k >= 1 && n == 0; k-- {
			if last-k > first && a.r.lists.degrees[strings.ReplaceAll(a.text(last-k, last), ".", "")] {
				n = k
			}
		}
		if n == 0 {
			break
		}
		last -= n
	}
	return last
}

// nameInRole returns where the shared person reader starts the name that
// ends at token last, reading the role phrase from the nearest role head
// before token first in the sentence (Kepala Satgas KPK Wilayah V Dian
// Patria, Kapuspen TNI Brigjen Marinir Freddy Ardianzah): the tagger may
// run office words and unit numbers into a name, or take an office and the
// name after it for one organisation. It returns -1 when the reader reads
// no such name.
func (a *article) nameInRole(si, first, last int) int {
	lo := max(a.doc.Sentences[si].First, first-maxRoleTokens)
	for k := first - 1; k >= lo; k-- {
		if w := a.word(k); a.doc.Tokens[k].Kind == text.Punct && w != "(" && w != ")" {
			return -1
		}
		if n, _ := a.plainReader().RoleHeadLen(k, last); n == 0 {
			continue
		}
		p := a.plainReader().After(k, last)
		if p.Name.Last != last || p.Name.First < first {
			return -1
		}
		// Only listed words and numbers go to the role: a plain
		// capitalised word after Bupati is read as the territory's, but
		// in a name it is the name's (Bupati Joko Santoso).
		for i := first; i < p.Name.First; i++ {
			if a.plainReader().NameLike(i) && !person.IsRoman(a.word(i)) {
				return -1
			}
		}
		return p.Name.First
	}
	return -1
}

// orgAt reports whether a listed organisation or place starts at token k,
// as Presiden University starts with a role word.
func (a *article) orgAt(k, last int) bool {
	g := a.r.m.gaz
	m, ok := g.longest(a.wordsOf(k, last), a.hashes[k:last], 0)
	return ok && len(g.placeOrOrg(m.entries)) > 0
}

// bodyAt reports whether a listed organisation or place, or a unit
// (data/units.tsv), starts at token k: a role head that names its body
// (Ketua DPRD, Ketua KPK) is cut from a name, but the body the tagger
// found inside it stays (Ketua DPRD Jatim Kusnadi gives DPRD Jatim).
func (a *article) bodyAt(k, last int) bool {
	n, _ := a.unitAt(k)
	return n > 0 || a.orgAt(k, last)
}

// pointsBack reports whether a demonstrative follows token i-1, so that
// the role before it stands for a person named earlier (Wakil Ketua DPR
// ini): the body in it is then no mention of its own.
func (a *article) pointsBack(i int) bool {
	if i >= len(a.doc.Tokens) {
		return false
	}
	return text.IsDemonstrative(a.word(i))
}

// commonNoun reports whether token i is a word in lower case that opens
// a span but no name: a common noun the tagger ran into the name after it
// (gedung KPK, kantor Kemenkeu, pandemi Covid-19). Particles that open
// names (bin, van, de) stay.
func (a *article) commonNoun(i int) bool {
	w := a.word(i)
	if a.doc.Tokens[i].Kind != text.Word || w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return person.Default().Classes(w)&person.Particle == 0
}

// roleBodies adds the bodies that the roles before persons' names name by
// an acronym the tagger missed (Ketua Umum ISSC Budi Harta Winata, Ketua
// Umum ISSC Budi Harta Winata, anggota DKPP, Sekjen UCLG ASPAC): an
// acronym of three or more letters that is no rank, title, office word,
// Roman numeral or common acronym (data/not_names.txt), with the acronyms
// in no mention after it. A plain capitalised word after it may be the
// name's own (UCLG ASPAC Bernadia Irawati), so it stays out.
func (a *article) roleBodies() {
	for k, n := 0, len(a.ms); k < n; k++ {
		m := a.ms[k]
		if m.class != "PER" {
			continue
		}
		sp := a.plainReader().RoleBefore(m.first, a.doc.Sentences[m.sentence].First)
		for i := sp.First; i < sp.Last; i++ {
			if !a.bodyAcronym(i) {
				continue
			}
			e := i + 1
			for e < sp.Last && e-i < 3 && a.bodyAcronym(e) {
				e++
			}
			body := mention{first: i, last: e, class: "ORG", sentence: m.sentence, weak: m.weak}
			if es, ok := a.listedWhole(i, e); ok {
				body.gaz = es // keyed as the body's other mentions
			}
			a.ms = append(a.ms, body)
			i = e - 1
		}
	}
}

// bodyAcronym reports whether token i can be a body's acronym in a role
// (roleBodies).
func (a *article) bodyAcronym(i int) bool {
	w := a.word(i)
	return len(w) >= 3 && isAcronym(w) && !person.IsRoman(w) && !a.r.lists.notNames[w] && !a.covered(i) &&
		!a.plainReader().Has(i, person.Honorific|person.Role|person.RoleFirst|person.Office)
}

// personTail returns where a person's name starts inside a span tagged as
// an organisation or place that runs on from a listed organisation or
// place into a name (juru bicara Departemen Luar Negeri Ned Price), or
// first when it does not: the rest must be one to four capitalised words
// that the gazetteers do not list as places or organisations, with a
// listed given name or surname among them or a role word before the span.
func (a *article) personTail(first, last int) int {
	g := a.r.m.gaz
	head, ok := g.longest(a.wordsOf(first, last), a.hashes[first:last], 0)
	if !ok || len(g.placeOrOrg(head.entries)) == 0 {
		return first
	}
	split := first + head.end
	if n := last - split; n < 1 || n > 4 {
		return first
	}
	named := false
	for i := split; i < last; i++ {
		if a.doc.Tokens[i].Kind != text.Word || !isCapitalised(a.word(i)) ||
			a.gazBits[i]&(gazBit(gkCountry, false)|gazBit(gkPlace, false)|gazBit(gkOrg, false)) != 0 {
			return first
		}
		named = named || a.gazBits[i]&gazBit(gkName, false) != 0
	}
	if !named && !a.roleEndsAt(first) {
		return first
	}
	return split
}

// isInitial reports whether w is one capital letter, with or without its
// period: a given name abbreviated (M Rizal, R. Soeprapto).
func isInitial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return len(w) == 1 && 'A' <= w[0] && w[0] <= 'Z'
}

// coordinatedBodies returns the token of the dan that joins two listed
// bodies or places in one span the tagger took for one name (TNI dan
// Polri, KPK dan Kejaksaan Agung), or 0: each is an entity of its own.
func (a *article) coordinatedBodies(first, last int) int {
	for k := first + 1; k < last-1; k++ {
		if a.word(k) != "dan" {
			continue
		}
		if es, _ := a.listedWhole(first, k); len(es) == 0 {
			return 0
		}
		if es, _ := a.listedWhole(k+1, last); len(es) > 0 {
			return k
		}
		return 0
	}
	return 0
}

// afterRoleQualifiers returns where a body's name starts in tokens
// [first, last) after the words that qualify a role head printed before
// the span (Direktur | Eksekutif Poltracking Indonesia, Direktur Keuangan
// dan | Operasional PT Timah; data/role_qualifiers.txt), which the tagger
// ran into the body when it left the head out; first when no role head
// comes before them. It keeps one word at least.
func (a *article) afterRoleQualifiers(first, last int) int {
	q := a.r.lists.roleQualifiers
	e := first
	for e < last-1 && q[strings.ToLower(a.word(e))] {
		e++
	}
	if e == first {
		return first
	}
	b := first
	for b > 0 && (q[strings.ToLower(a.word(b-1))] || a.word(b-1) == "&" || a.word(b-1) == "dan") {
		b--
	}
	if !a.roleEndsAt(b) {
		return first
	}
	return e
}

// roleEndsAt reports whether a role word or phrase ends right before
// token i.
func (a *article) roleEndsAt(i int) bool {
	for k := max(0, i-3); k < i; k++ {
		if end, ok := a.roleMatch(k, i); ok && end == i {
			return true
		}
	}
	return false
}

// wordsOf returns the texts of tokens [first, last), in a reused buffer.
func (a *article) wordsOf(first, last int) []string {
	a.words = a.words[:0]
	for i := first; i < last; i++ {
		a.words = append(a.words, a.word(i))
	}
	return a.words
}

// nameLike reports whether tokens [first, last) can be a name in cased
// text: some word is capitalised or holds a digit, the whole is not a
// listed common acronym or word, and a lone word that opens a sentence is
// not one that is usually written in lower case (Dalam, Tapi, Setengah).
func (a *article) nameLike(first, last int) bool {
	text := a.text(first, last)
	if a.r.lists.notNames[text] {
		return false
	}
	caps := false
	for i := first; i < last; i++ {
		w := a.word(i)
		if isCapitalised(w) || strings.ContainsAny(w, "0123456789") {
			caps = true
			break
		}
	}
	if !caps {
		return false
	}
	if last-first == 1 && a.initial[first] {
		switch a.r.m.lex.get(a.hashes[first]).caseBucket() {
		case caseNever, caseRarely:
			return a.gazBits[first]&(gazBit(gkCountry, false)|gazBit(gkPlace, false)|gazBit(gkOrg, false)) != 0
		}
	}
	return true
}

// addGazetteerNames adds the countries, places and organisations among
// the gazetteer's names in the sentence that starts at token first (as
// the tagger found them) that no mention from the model covers, when they
// are printed as names (capitalised, or an acronym as listed). ms[from:]
// are the sentence's model mentions.
func (a *article) addGazetteerNames(si, first, from int, weak bool, names []match) {
	g := a.r.m.gaz
	for _, m := range names {
		es := g.placeOrOrg(m.entries)
		if len(es) == 0 || !isCapitalised(a.word(first+m.start)) {
			continue
		}
		s, e := first+m.start, first+m.end
		if overlapsAny(a.ms[from:], s, e) || a.r.lists.notNames[a.text(s, e)] {
			continue
		}
		a.ms = append(a.ms, mention{first: s, last: e, class: kindClass(g.entries[es[0]].kind), gaz: es, sentence: si, weak: weak})
	}
}

func overlapsAny(ms []mention, s, e int) bool {
	for _, m := range ms {
		if m.first < e && s < m.last {
			return true
		}
	}
	return false
}

// kindClass is the entity class of a gazetteer kind.
func kindClass(k gazKind) string {
	if k == gkOrg {
		return "ORG"
	}
	return "LOC"
}

// hasKind reports whether any of the entries is of one of the kinds.
func (g *gazetteer) hasKind(es []int32, kinds ...gazKind) bool {
	for _, j := range es {
		for _, k := range kinds {
			if g.entries[j].kind == k {
				return true
			}
		}
	}
	return false
}

// placeOrOrg keeps the entries that name a country, a place or an
// organisation.
// listedWhole returns the gazetteer's place and organisation entries
// (placeOrOrg) for tokens [first, last) when one of its names spans them
// whole; ok is false when none does.
func (a *article) listedWhole(first, last int) (es []int32, ok bool) {
	mt, ok := a.r.m.gaz.longest(a.wordsOf(first, last), a.hashes[first:last], 0)
	if !ok || mt.end != last-first {
		return nil, false
	}
	return a.r.m.gaz.placeOrOrg(mt.entries), true
}

func (g *gazetteer) placeOrOrg(es []int32) []int32 {
	var out []int32
	for _, j := range es {
		switch g.entries[j].kind {
		case gkCountry, gkPlace, gkOrg:
			out = append(out, j)
		}
	}
	return out
}
