package quote

import (
	"slices"
	"sort"
	"strings"

	"github.com/warta-news/warta/analysis/person"
	"github.com/warta-news/warta/analysis/stem"
	"github.com/warta-news/warta/analysis/text"
)

// phrase is a mention of a speaker: a pronoun, or a role and a name, either
// possibly missing, as the person reader gives it.
type phrase struct {
	all     span // every token of the phrase
	name    span
	role    span
	pronoun bool
	org     bool // name is an organisation the entity stage tags, no person
}

func (p phrase) ok() bool { return p.pronoun || !p.name.empty() || !p.role.empty() }

func phraseOf(p person.Phrase) phrase {
	return phrase{all: spanOf(p.All), name: spanOf(p.Name), role: spanOf(p.Role), pronoun: p.Pronoun}
}

func spanOf(s person.Span) span { return span{s.First, s.Last} }

// phraseAfter reads the mention of a speaker that starts at token i, before
// end (see person.Reader.After).
func (f *finder) phraseAfter(i, end int) phrase { return phraseOf(f.rd.After(i, end)) }

// phraseBefore reads the mention of a speaker that ends at token j, not
// before lo (see person.Reader.Before).
func (f *finder) phraseBefore(j, lo int) phrase { return phraseOf(f.rd.Before(j, lo)) }

// named is a mention of a person outside quotations.
type named struct {
	name    span // the name as printed here
	role    span // the role printed with it, empty when none
	salient bool // the subject of a reporting verb or a quotation's speaker
	entity  int  // index into Entities.List, -1 when unknown
}

// findPersons collects the people the article names outside quotations:
// names with a role or a title (Menteri Luar Negeri Rusia Sergey Lavrov,
// Irjen Rudi), full names of two words or more, the subjects of reporting
// verbs, then single words repeating a known name (Lavrov), and, when
// given, the entities of type PER.
func (f *finder) findPersons() {
	known := make(map[string]bool)
	for _, st := range f.sents {
		if f.titleCased(st) {
			f.headlineSpeaker(st)
			continue // a headline or subheading: every word is capitalised
		}
		for i := st.First; i < st.Last; i++ {
			if f.inQuote(i) || f.cls[i]&(wRole|wRoleFirst|wHonorific) == 0 && !f.rd.NameLike(i) {
				continue
			}
			p := f.phraseAfter(i, st.Last)
			if p.name.empty() || p.role.empty() && p.name.last-p.name.first < 2 && !f.has(p.name.first-1, wHonorific) {
				continue
			}
			f.addPerson(named{name: p.name, role: p.role, entity: -1})
			for k := p.name.first; k < p.name.last; k++ {
				known[f.tok(k)] = true
			}
			i = p.all.last - 1
		}
	}
	for v := range f.toks {
		if f.inQuote(v) || !f.has(v, wCueVerb) {
			continue
		}
		p, ok := f.subjectOf(v)
		if a := f.initialsBefore(v); !a.empty() && p.name.empty() && !p.pronoun {
			p, ok = phrase{all: a, name: a}, true // HM mengaku ...: a person known by initials
		}
		reports := lex().verbFlag(f.tok(v)) != verbMark && !f.negated(v) // not meminta, memuji
		if ok && !p.name.empty() {
			f.addPerson(named{name: p.name, role: p.role, salient: true, entity: -1})
			f.addSaid(spoke{pos: v, who: p.name, quoted: reports})
		} else if p.name.empty() && !p.pronoun && reports {
			// DKPP pun menilai ...: a body's report, before the quotations
			// after it are attributed; their -nya may be the body's
			// (runningBody).
			if org := f.orgBefore(f.skipAdverbsBack(v-1), f.sentOf(v).First); org.org {
				f.bodyReports = append(f.bodyReports, spoke{pos: v, who: org.name, quoted: true, body: true})
			}
		}
	}
	for _, st := range f.sents {
		if len(known) == 0 || f.titleCased(st) {
			continue
		}
		for i := st.First; i < st.Last; i++ {
			if f.rd.NameLike(i) && !f.inQuote(i) && known[f.tok(i)] {
				f.addPerson(named{name: span{i, i + 1}, entity: -1})
			}
		}
	}
	// The person a sentence opens with is its subject, the likeliest
	// antecedent of the next ia, dia or -nya.
	for _, st := range f.sents {
		if f.titleCased(st) {
			continue
		}
		p := f.sentenceSubject(st, st.Last)
		if p.name.empty() || f.passiveAt(f.skipAdverbs(p.all.last, st.Last)) {
			continue // Iriansyah dipanggil ...: one acted on, not a speaker
		}
		if k := f.personAt(p.name); k >= 0 {
			f.persons[k].salient = true
		}
	}
	if f.ents != nil {
		f.personNamed()
		for _, m := range f.ents.Mentions {
			if m.Entity < 0 || m.Entity >= len(f.ents.List) || f.typeOf(m.Entity) != "PER" {
				continue
			}
			sp := f.tokenSpan(m.Start, m.End)
			if sp.empty() || f.inQuote(sp.first) {
				continue
			}
			if k := f.personAt(sp); k >= 0 {
				f.persons[k].entity = m.Entity
				continue
			}
			f.addPerson(named{name: sp, entity: m.Entity})
		}
		// What the entity stage calls an organisation or a place is not a
		// person, however it is capitalised (Bank Nusantara Makmur).
		f.persons = slices.DeleteFunc(f.persons, func(p named) bool {
			e := f.entityAt(p.name)
			return p.entity < 0 && e >= 0 && f.typeOf(e) != "PER"
		})
	}
}

// initialsBefore returns the initials right before the verb at token v
// (past adverbs) that open its sentence or a clause after a comma and
// that the entity stage gives as a person (Kemarin, RK mengaku
// ...), else an empty span: the reader reads an acronym as a body.
func (f *finder) initialsBefore(v int) span {
	k := f.skipAdverbsBack(v - 1)
	st := f.sentOf(v)
	if k < st.First || k > st.First && !f.isPunct(k-1, ',') || f.inQuote(k) || !f.acronymOfPerson(span{k, k + 1}) {
		return span{}
	}
	return span{k, k + 1}
}

// skipAdverbsBack returns the last token at or before k that is no adverb.
func (f *finder) skipAdverbsBack(k int) int {
	for k >= 0 && f.has(k, wAdverb) {
		k--
	}
	return k
}

// headlineSpeaker adds the person a headline opens with when a cue
// follows the name (Rina Sari Sebut ...; Budi Akui ...), a salient
// person the body may speak of only as ia or -nya. Up to three
// capitalised words make the name; an office the reader knows is no name.
func (f *finder) headlineSpeaker(st text.Sentence) {
	if st.First >= len(f.info) || f.info[st.First].unit != 0 {
		return
	}
	for j := st.First + 1; j < st.Last && j-st.First <= 3; j++ {
		if f.toks[j-1].Kind != text.Word || !f.rd.NameLike(j-1) {
			return
		}
		if f.has(j, wCueAfter) {
			f.addPerson(named{name: span{st.First, j}, salient: true, entity: -1})
			return
		}
	}
}

// personNamed retypes as a person an organisation the entity stage tags
// on what the reader reads as a person's name after that person's role,
// when the organisation also goes by the initials of that name:
// Menteri Koordinator ... Agus Harimurti Yudhoyono (AHY), where the
// acronym made the entity stage call him an organisation. His other
// mentions (AHY) are then that person, a speaker that -nya and dia stand
// for. The name is two capitalised words or more, none of them an office
// or organisation word, an acronym or a place.
func (f *finder) personNamed() {
	for _, p := range f.persons {
		if p.role.empty() || !f.rightAfter(p.role, p.name.first) || p.name.last-p.name.first < 2 {
			continue
		}
		m := f.mentionFrom(p.name.first)
		if m != p.name {
			continue
		}
		e := f.entityAt(m)
		if e < 0 || f.typeOf(e) != "ORG" {
			continue
		}
		plain := true
		for i := m.first; i < m.last && plain; i++ {
			w := f.tok(i)
			plain = f.toks[i].Kind == text.Word && person.IsUpperStart(w) && !person.IsAcronym(w) && !f.has(i, wOrg|wPlace|wInstitution|wTerritory|wRole|wRoleFirst)
		}
		if plain && f.goesByInitials(e, m) {
			f.types[e] = "PER"
		}
	}
}

// goesByInitials reports whether entity e has a mention that is one
// acronym spelling the initials of the words of name (AHY for Agus
// Harimurti Yudhoyono).
func (f *finder) goesByInitials(e int, name span) bool {
	var b strings.Builder
	for i := name.first; i < name.last; i++ {
		b.WriteByte(f.tok(i)[0])
	}
	want := b.String()
	for _, m := range f.ents.Mentions {
		if m.Entity == e && f.s[m.Start:m.End] == want {
			return true
		}
	}
	return false
}

// rightAfter reports whether token i follows s directly or past the
// acronym of s in brackets (Menteri Koordinator ... (IPK) Agus).
func (f *finder) rightAfter(s span, i int) bool {
	return s.last == i || i-s.last == 3 && f.is(s.last, "(") && f.is(i-1, ")")
}

// passiveAt reports whether token i is a passive verb in di- (dipanggil,
// dimintai, diperiksa): the prefix on a root the stemmer knows.
func (f *finder) passiveAt(i int) bool {
	if i >= len(f.toks) || f.toks[i].Kind != text.Word {
		return false
	}
	w := f.tok(i)
	if len(w) < 5 || !strings.HasPrefix(w, "di") {
		return false
	}
	r := stem.Stem(w)
	return r != w && strings.HasPrefix(w[2:], r)
}

// titleCased reports whether sentence st is set in title case, as a
// headline or a subheading is (Proyeksi Inflasi Tahun Depan; Jaminan
// Kesehatan), where capitals do not mark names: nearly all its words are
// capitalised and it is the title or has no final stop (a sentence full of
// names and offices still ends with one).
func (f *finder) titleCased(st text.Sentence) bool {
	si := f.info[st.First].sent
	if f.caps == nil {
		f.caps = make([]int8, len(f.sents))
	}
	if c := f.caps[si]; c != 0 {
		return c > 0
	}
	f.caps[si] = -1
	if f.isTitleCased(st) {
		f.caps[si] = 1
	}
	return f.caps[si] > 0
}

func (f *finder) isTitleCased(st text.Sentence) bool {
	words, caps := 0, 0
	for i := st.First; i < st.Last; i++ {
		if f.toks[i].Kind != text.Word || f.has(i, wFunction) && !person.IsUpperStart(f.tok(i)) {
			continue
		}
		words++
		if person.IsUpperStart(f.tok(i)) {
			caps++
		}
	}
	return words >= 2 && caps*100 >= words*85 && (f.info[st.First].unit == 0 || !f.isTerminal(st.Last-1))
}

// addPerson inserts p in text order and returns its index. A mention
// overlapping one already known merges into it: a role, salience or an
// entity is added, the longer name kept.
func (f *finder) addPerson(p named) int {
	if k := f.personAt(p.name); k >= 0 {
		q := &f.persons[k]
		q.salient = q.salient || p.salient
		if q.role.empty() {
			q.role = p.role
		}
		if q.entity < 0 {
			q.entity = p.entity
		}
		if p.name.last-p.name.first > q.name.last-q.name.first && (k == 0 || f.persons[k-1].name.last <= p.name.first) &&
			(k+1 == len(f.persons) || p.name.last <= f.persons[k+1].name.first) {
			q.name = p.name // Sergey Lavrov over Lavrov
		}
		return k
	}
	k := sort.Search(len(f.persons), func(i int) bool { return f.persons[i].name.first >= p.name.first })
	f.persons = append(f.persons, named{})
	copy(f.persons[k+1:], f.persons[k:])
	f.persons[k] = p
	return k
}

// personAt returns the index of the person mention overlapping s, or -1.
func (f *finder) personAt(s span) int {
	k := sort.Search(len(f.persons), func(i int) bool { return f.persons[i].name.last > s.first })
	if k < len(f.persons) && f.persons[k].name.first < s.last {
		return k
	}
	return -1
}

// tokenSpan returns the tokens covering byte range [start, end).
func (f *finder) tokenSpan(start, end int) span {
	a := sort.Search(len(f.toks), func(i int) bool { return f.toks[i].End > start })
	b := a
	for b < len(f.toks) && f.toks[b].Start < end {
		b++
	}
	return span{a, b}
}

// lookBack bounds how many person mentions are searched around a
// position, so that a huge article stays linear.
const lookBack = 400

// antecedent returns the person a pronoun or -nya at token pos stands for:
// a person named earlier in the same sentence, else the last speaker or
// subject of a reporting verb, else the last person named; -1 when none.
//
// With an entity stage, a capitalised run named once that it tagged as
// nobody (Langkah ini ...; 50 Ton Cabai Merah; Personal Weather mencatat)
// is no antecedent.
func (f *finder) antecedent(pos int) int {
	k := f.personBefore(pos)
	for k >= 0 && (!f.known(k) || f.reported(k)) {
		k--
	}
	if k < 0 {
		return -1
	}
	if f.sameSentence(f.persons[k].name.first, pos) {
		return k
	}
	for j := k; j >= 0 && k-j < lookBack; j-- {
		if f.persons[j].salient && f.known(j) {
			return j
		}
	}
	return k
}

// reported reports whether person k is named inside what a verb of saying
// before it reports (Dia mengatakan, berdasarkan arahan Menkeu Purbaya
// ...): the one spoken of, not a speaker.
func (f *finder) reported(k int) bool { return f.reportedAt(f.persons[k].name.first) }

// reportedAt reports whether token n lies after the first verb of saying
// of its sentence, inside what it reports.
func (f *finder) reportedAt(n int) bool {
	if f.firstVerb == nil {
		f.firstVerb = make([]int, len(f.sents))
		for si, st := range f.sents {
			f.firstVerb[si] = -1
			for i := st.First; i < st.Last; i++ {
				if f.has(i, wCueVerb) && !f.inQuote(i) && lex().verbFlag(f.tok(i)) != verbMark {
					f.firstVerb[si] = i
					break
				}
			}
		}
	}
	v := f.firstVerb[f.info[n].sent]
	return v >= 0 && v < n
}

// known reports whether person k may stand behind a pronoun: without an
// entity stage every person the reader finds; with one, those it tags and
// those the body names twice inside a sentence (a person it missed: ungkap
// Atalarik ... Bagi Atalarik), where a capitalised common word does not
// stand.
func (f *finder) known(k int) bool {
	return f.ents == nil || f.persons[k].entity >= 0 || f.entityAt(f.persons[k].name) >= 0 || f.namedTwice(k)
}

// namedTwice reports whether the body prints person k's name twice or more
// inside a sentence (not as its first word).
func (f *finder) namedTwice(k int) bool {
	if f.inside == nil {
		// Where each capitalised word stands inside a body sentence.
		f.inside = make(map[string][]int)
		for i := range f.toks {
			if w := f.tok(i); f.info[i].unit > 0 && !f.inQuote(i) && i != f.sentOf(i).First && person.IsUpperStart(w) {
				f.inside[w] = append(f.inside[w], i)
			}
		}
	}
	name := f.persons[k].name
	n := 0
	for _, i := range f.inside[f.tok(name.first)] {
		same := i+name.last-name.first <= len(f.toks)
		for d := 1; d < name.last-name.first && same; d++ {
			same = f.tok(i+d) == f.tok(name.first+d)
		}
		if same {
			if n++; n >= 2 {
				return true
			}
		}
	}
	return false
}

// personBefore returns the index of the last person mention ending at or
// before token pos, or -1.
func (f *finder) personBefore(pos int) int {
	return sort.Search(len(f.persons), func(i int) bool { return f.persons[i].name.last > pos }) - 1
}

// holderOf returns the person the article gave role r, nearest before pos
// (else after it), or -1: kata Presiden after Presiden Joko Widodo.
//
// A title of one word also holds the role it abbreviates (Kasintel for
// Kasi Intel Kejari Sikka, Kapolres for Kepala Polres Barru, Wakasek for
// Wakil Kepala Sekolah) or prints in brackets (Kajari for Kepala
// Kejaksaan Negeri (Kajari) Sikka).
func (f *finder) holderOf(r span, pos int) int {
	want := f.spanText(r)
	short := ""
	if r.last-r.first == 1 {
		short = strings.ToLower(want)
	}
	holds := func(k int) bool {
		got := f.spanText(f.persons[k].role)
		return !f.persons[k].role.empty() && (strings.EqualFold(got, want) || hasPrefixFold(got, want+" ") || short != "" && abbreviates(short, f.persons[k].role, f))
	}
	return f.nearestPerson(pos, holds)
}

// nearestPerson returns the person that fits, nearest before token pos
// (else after it), within lookBack mentions; -1 when none does.
func (f *finder) nearestPerson(pos int, fits func(k int) bool) int {
	k := f.personBefore(pos)
	for j := k; j >= 0 && k-j < lookBack; j-- {
		if fits(j) {
			return j
		}
	}
	for j := k + 1; j < len(f.persons) && j-k <= lookBack; j++ {
		if fits(j) {
			return j
		}
	}
	return -1
}

// titleAlone returns the person holding the office whose title phrase p
// reads as a one-word name with no role (Kasintel, Karo, Wakasek; see
// holderOf), or -1: also when a longer name the article prints holds that
// word, which is then a name.
func (f *finder) titleAlone(p phrase, pos int) int {
	if !p.role.empty() || p.pronoun || p.name.last-p.name.first != 1 {
		return -1
	}
	w := f.tok(p.name.first)
	for _, q := range f.persons {
		if q.name.last-q.name.first < 2 {
			continue
		}
		for i := q.name.first; i < q.name.last; i++ {
			if f.tok(i) == w {
				return -1
			}
		}
	}
	return f.holderOf(p.name, pos)
}

// abbreviates reports whether the lower-case title w abbreviates role r:
// it is printed in r in brackets, or it is spelt by the starts of r's
// first words, two or more, in order (kas|intel, ka|polres, wa|ka|sek;
// kepala gives ka, and a unit after it drops its ke-: ka|jari).
func abbreviates(w string, r span, f *finder) bool {
	if len(w) < 4 {
		return false
	}
	var words []string
	for i := r.first; i < r.last; i++ {
		t := strings.ToLower(f.tok(i))
		if t == w && f.is(i-1, "(") {
			return true
		}
		if f.toks[i].Kind == text.Word {
			words = append(words, t)
		}
	}
	var spell func(rest string, i int) bool
	spell = func(rest string, i int) bool {
		if rest == "" {
			return i >= 2
		}
		if i == len(words) {
			return false
		}
		forms := []string{words[i]}
		if words[i] == "kepala" {
			forms = append(forms, "ka")
		}
		if w := words[i]; i > 0 && len(w) > 2 && strings.HasPrefix(w, "ke") {
			forms = append(forms, w[2:]) // ka|jari for Kepala Kejari
		}
		for _, word := range forms {
			for n := min(len(word), len(rest)); n >= 1; n-- {
				if rest[:n] == word[:n] && spell(rest[n:], i+1) {
					return true
				}
			}
		}
		return false
	}
	return spell(w, 0)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// nameOfRole reports whether a role word used alone is the name of a
// person named nearby (Imam for Imam Santoso) and returns that person's
// index, or -1.
func (f *finder) nameOfRole(r span) int {
	if r.last-r.first != 1 || !person.IsUpperStart(f.tok(r.first)) {
		return -1
	}
	w := f.tok(r.first)
	k := f.personBefore(r.first)
	for j := max(0, k-lookBack); j < len(f.persons) && j <= k+lookBack; j++ {
		p := f.persons[j]
		for i := p.name.first; i < p.name.last; i++ {
			if f.tok(i) == w {
				return j
			}
		}
	}
	return -1
}

// names indexes the person mentions once they are all known (when the
// quotations are resolved): the fullest form of each name and where each
// full name is given a role.
type names struct {
	full  map[string]span  // a name as printed → its fullest form
	multi []span           // one mention of each distinct name of two words or more
	roles map[string][]int // a fullest form → the persons with a role bearing it, in order
}

func (f *finder) names() *names {
	if f.index != nil {
		return f.index
	}
	n := &names{full: make(map[string]span), roles: make(map[string][]int)}
	seen := make(map[string]bool)
	for _, p := range f.persons {
		if t := f.spanText(p.name); p.name.last-p.name.first >= 2 && !seen[t] {
			seen[t] = true
			n.multi = append(n.multi, p.name)
		}
	}
	f.index = n
	for k, p := range f.persons {
		if !p.role.empty() {
			key := f.spanText(f.fullName(k))
			n.roles[key] = append(n.roles[key], k)
		}
	}
	return n
}

// fullName returns the fullest form of person k's name the article gives:
// the longest name holding all of its words (Sergey Lavrov for Lavrov).
func (f *finder) fullName(k int) span {
	n := f.names()
	name := f.persons[k].name
	key := f.spanText(name)
	if best, ok := n.full[key]; ok {
		return best
	}
	best := name
	for _, q := range n.multi {
		if q.last-q.first > best.last-best.first && f.holdsWords(q, name) {
			best = q
		}
	}
	n.full[key] = best
	return best
}

// holdsWords reports whether every word of b is a word of a.
func (f *finder) holdsWords(a, b span) bool {
	for i := b.first; i < b.last; i++ {
		found := false
		for j := a.first; j < a.last && !found; j++ {
			found = f.tok(i) == f.tok(j)
		}
		if !found {
			return false
		}
	}
	return true
}

// roleOf returns the role of person k at token pos: printed with this
// mention, else with the last mention of the same full name before pos,
// else with the first one after it.
func (f *finder) roleOf(k, pos int) span {
	if r := f.persons[k].role; !r.empty() {
		return r
	}
	withRole := f.names().roles[f.spanText(f.fullName(k))]
	if len(withRole) == 0 {
		return span{}
	}
	i := sort.Search(len(withRole), func(i int) bool { return f.persons[withRole[i]].name.first >= pos })
	return f.persons[withRole[max(i-1, 0)]].role
}

// subjectOf returns the subject of the reporting verb at token v: the
// phrase right before it (Lavrov | mengatakan), past an aside between
// dashes or brackets or a role in apposition, or for a verb coordinated
// with an earlier one (..., mengatakan; dan mengatakan) the sentence's
// subject.
func (f *finder) subjectOf(v int) (phrase, bool) {
	st := f.sentOf(v)
	lo := st.First
	k := v - 1
	for k >= lo && f.has(k, wAdverb) {
		k--
	}
	if k < lo || f.inQuote(k) {
		return phrase{}, false
	}
	var p phrase
	switch {
	case f.is(k, ")"):
		if o := f.rd.OpenParen(k, lo); o > lo {
			p = f.phraseBefore(o-1, lo)
		}
	case f.isDash(k):
		for d := k - 1; d > lo && k-d <= 20; d-- {
			if f.isDash(d) {
				p = f.phraseBefore(d-1, lo)
				break
			}
		}
	case f.isPunct(k, ','):
		c := k - 1
		for c >= lo && k-c <= 16 && !f.isPunct(c, ',') {
			c--
		}
		if c > lo && f.isPunct(c, ',') && f.rd.Appositive(c+1, k) == k {
			p = f.phraseBefore(c-1, lo)
			if !p.pronoun && !p.name.empty() && p.role.empty() {
				p.role = span{f.rd.SkipArticle(c + 1), k}
			}
		} else {
			p = f.sentenceSubject(st, v)
			if !p.ok() && c > lo {
				// Petugas <unit> Kecamatan (<acronym>) <place>, <name>,
				// mengatakan: a title the reader does not
				// read, from the sentence's first word.
				p.all = span{lo, lo}
			}
			if name := f.nameAfterOffice(p.all.first, k); c > lo && !p.pronoun && p.all.last <= c && name.last == k {
				// Wakasek Kesiswaan SMAN <n> <place>, <name>, menambahkan;
				// Petugas <unit> <place>, <name>, menyebut: the title and
				// its unit, then the name set off.
				first := p.all.first
				if f.isPunct(first+1, ',') && first+2 < c && f.nameAfterOffice(first+2, k) == name {
					first += 2 // Senada, <role> ..., <name>, ...: a fronted word
				}
				p = phrase{all: span{p.all.first, k}, name: name, role: span{first, c}}
			} else if q := f.phraseAfter(c+1, k); c > lo && p.name.empty() && !p.pronoun && !p.role.empty() && p.all.last <= c &&
				!q.name.empty() && q.role.empty() && !q.pronoun && q.all.first == c+1 && !strings.Contains(f.tok(q.name.first), ".") {
				// <role> asal <country>, <name> (<age>) alias <nickname>,
				// mengaku: a role, then the name and an aside; not a
				// degree after a name (…, M.Epid, mengatakan).
				p = phrase{all: span{p.all.first, k}, name: q.name, role: span{p.all.first, c}}
			}
		}
	case f.isFold(k, "dan"), f.isFold(k, "serta"), f.isFold(k, "sambil"), f.isFold(k, "sekaligus"):
		p = f.sentenceSubject(st, v)
	case f.demonstrativeAt(k):
		// Politikus PDIP ini menyatakan ...: a role that points back; a
		// name before the demonstrative is someone else (istri Ivan itu).
		if q := f.phraseBefore(k-1, lo); q.name.empty() && !q.pronoun && !q.role.empty() {
			p = q
			p.all.last = k + 1
		} else if first := f.pointsBack(k, lo); first >= 0 {
			// Ibu tiga anak itu mengaku ...; mantan istri Ivan Fadilla itu
			// menilai ...: a description of someone already named, read
			// as a pronoun from its first word.
			p = phrase{all: span{first, k + 1}, pronoun: true}
		}
	default:
		p = f.phraseBefore(k, lo)
		p = f.apposedLead(p, st)
		if !p.ok() {
			p = f.withCompany(k, lo)
		}
	}
	p = f.relationOf(p, lo)
	return p, p.ok()
}

// maxCompany bounds the words of the company named after bersama.
const maxCompany = 6

// withCompany reads a subject that names someone and the people with
// them, ending at token k (Rina bersama penasihat hukumnya menyatakan
// ...): the one named before bersama, beserta or a dan joining -nya's
// people (Rina dan penasihat hukumnya) speaks. Not ok when there
// is no such subject.
func (f *finder) withCompany(k, lo int) phrase {
	for b := k; b > lo && k-b < maxCompany; b-- {
		if f.inQuote(b) || f.isPunct(b, ',') || f.isTerminal(b) {
			break
		}
		// X dan penasihat hukumnya: dan joins only the speaker's own
		// people, a lower-case noun owned by -nya.
		own := f.isFold(b, "dan") && b+1 <= k && !person.IsUpperStart(f.tok(b+1)) && strings.HasSuffix(strings.ToLower(f.tok(k)), "nya")
		if f.isFold(b, "bersama") || f.isFold(b, "beserta") || own {
			q := f.phraseBefore(b-1, lo)
			if q.name.empty() || q.pronoun {
				break
			}
			q.all.last = k + 1
			return q
		}
	}
	return phrase{}
}

// apposedLead reads a subject that opens with a name and a comma, then
// the person's role running into the body the role belongs to (<name>,
// analis <field> di <company> mengatakan ...): phrase p,
// read back from the verb, names that body (an organisation the entity
// stage tags, or a name after di or dari); the speaker is the name before
// the comma. Other phrases come
// back as they are.
func (f *finder) apposedLead(p phrase, st text.Sentence) phrase {
	if p.name.empty() || p.pronoun || !f.has(p.name.first-1, wInnerPrep) && (f.ents == nil || f.entityNamed(p.name) < 0) {
		return p // a body, or a name after di: analis di Phillip Nova
	}
	q := f.sentenceSubject(st, p.all.first)
	if q.name.empty() || q.pronoun || !f.isPunct(q.name.last, ',') || q.name.last >= p.all.first {
		return p
	}
	if e := f.entityAt(q.name); e >= 0 && f.typeOf(e) != "PER" {
		return p
	}
	for i := q.name.last + 1; i < p.all.first; i++ {
		if f.inQuote(i) || f.isTerminal(i) || f.has(i, wCue) || !person.IsUpperStart(f.tok(i)) && affixedVerb(f.tok(i)) {
			return p
		}
	}
	return phrase{all: span{q.all.first, p.all.last}, name: q.name, role: span{f.rd.SkipArticle(q.name.last + 1), p.all.last}}
}

// maxDescription bounds the words of a description that points back.
const maxDescription = 7

// pointsBack returns the first token of a description of a person ending
// at the demonstrative at token k, not before lo, or -1: from the start of
// the sentence or a comma, at most maxDescription words and numbers, none
// a verb, a cue or yang, the first a role or a title (Ibu, mantan).
func (f *finder) pointsBack(k, lo int) int {
	first := k
	for first > lo && k-first < maxDescription && !f.isPunct(first-1, ',') {
		first--
	}
	if first > lo && !f.isPunct(first-1, ',') || first == k || !f.has(first, wRole|wRoleFirst|wHonorific) {
		return -1
	}
	for i := first; i < k; i++ {
		t := f.toks[i]
		if f.inQuote(i) || t.Kind != text.Word && t.Kind != text.Number || f.has(i, wCue) || f.isFold(i, "yang") ||
			!person.IsUpperStart(f.tok(i)) && affixedVerb(f.tok(i)) {
			return -1
		}
	}
	return first
}

// relationOf reads a phrase whose role names a relation to the person
// named after it, someone the article has already named (Albert Varela
// selaku manajer personal Martin; kuasa hukum Sahara): the speaker is not
// that person but the one named after it between commas or before selaku
// or sebagai, else the person the article gave that relation before, else
// nobody named (the role alone). Other phrases come back as they are.
func (f *finder) relationOf(p phrase, lo int) phrase {
	if p.pronoun || p.name.empty() {
		return p
	}
	if k := f.personAt(p.name); p.role.empty() && k >= 0 && f.persons[k].name == p.name {
		// Read back only to the name (Martin | mengklaim): the role read
		// forward before it.
		if r := f.persons[k].role; !r.empty() && r.last == p.name.first && r.first >= lo {
			p.role, p.all.first = r, min(p.all.first, r.first)
		}
	}
	if p.role.empty() || p.role.last != p.name.first {
		return p
	}
	rel := strings.ToLower(f.spanText(p.role))
	if !lex().relations[rel] {
		return p
	}
	earlier := false
	for j := range f.persons {
		if q := f.persons[j].name; q.last <= p.all.first && (f.holdsWords(q, p.name) || f.holdsWords(p.name, q)) {
			earlier = true
			break
		}
	}
	if !earlier {
		return p // kuasa hukum Budi Santoso: the lawyer is Budi Santoso
	}
	whole := span{p.role.first, p.name.last}
	if name := f.nameAfterRoleName(p); !name.empty() {
		// Pengacara <client>, <name>, ...: the lawyer
		return phrase{all: span{p.all.first, name.last}, name: name, role: whole}
	}
	if s := p.all.first - 1; s > lo && (f.isFold(s, "selaku") || f.isFold(s, "sebagai")) {
		if q := f.phraseBefore(s-1, lo); !q.name.empty() && !q.pronoun {
			return phrase{all: span{q.all.first, p.all.last}, name: q.name, role: whole}
		}
	}
	for j := len(f.persons) - 1; j >= 0; j-- {
		q := f.persons[j]
		if r := f.spanText(q.role); q.name.last <= p.all.first && len(r) > len(rel) && hasPrefixFold(r, rel) && !f.holdsWords(q.name, p.name) {
			return phrase{all: p.all, name: q.name, role: whole} // kuasa hukumnya Moh Zakki, earlier
		}
	}
	return phrase{all: p.all, role: whole}
}

// speakerOf returns the speaker of the reporting verb at token v: its
// subject, or where the subject names no person the organisation the
// entity stage tags there (Kementerian Keuangan (Kemenkeu) memastikan ...;
// BMKG menyebut ...). Only the verb's own words are the organisation's:
// it is no person a later pronoun stands for.
func (f *finder) speakerOf(v int) (phrase, bool) {
	p, ok := f.subjectOf(v)
	if p.pronoun || !p.name.empty() {
		return p, ok
	}
	k := v - 1
	for k >= 0 && f.has(k, wAdverb) {
		k--
	}
	if org := f.orgBefore(k, f.sentOf(v).First); org.ok() && (p.all.empty() || org.all.first <= p.all.first) {
		return org, true
	}
	if org := f.bodyPointedBack(k); org.ok() {
		return org, true
	}
	return p, ok
}

// bodyPointedBack reads a subject ending at token k that points back to an
// organisation named before: a head noun and a demonstrative opening the
// sentence or a clause after a comma (Kementerian tersebut menyatakan ...;
// Partai itu menilai ...) is the last organisation before it whose name
// opens with that noun; Perseroan, or a company noun with a demonstrative
// (Perusahaan tersebut, Emiten itu), is the last company named, or the
// last organisation that opened a sentence (STNM meresmikan ...
// Perseroan menyatakan, ...). Not ok when nothing fits.
func (f *finder) bodyPointedBack(k int) phrase {
	if f.ents == nil || k < 0 {
		return phrase{}
	}
	head, pointed := k, f.demonstrativeAt(k)
	if pointed {
		head = k - 1
	}
	st := f.sentOf(k)
	if head < st.First || head > st.First && !f.isPunct(head-1, ',') || f.inQuote(head) || f.toks[head].Kind != text.Word {
		return phrase{}
	}
	w := strings.ToLower(f.tok(head))
	company := lex().companies[w]
	if !pointed && !(company && person.IsUpperStart(f.tok(head))) {
		return phrase{} // Perseroan alone; Kementerian alone is any ministry
	}
	b := f.toks[head].Start
	ms := f.ents.Mentions
	for i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= b }) - 1; i >= 0; i-- {
		m := ms[i]
		if m.Entity < 0 || m.Entity >= len(f.ents.List) || f.typeOf(m.Entity) != "ORG" {
			continue
		}
		name := f.ents.List[m.Entity].Name
		first, _, _ := strings.Cut(name, " ")
		fits := strings.EqualFold(first, w) && first != name
		if company {
			ms := f.tokenSpan(m.Start, m.End)
			fits = lex().companies[strings.ToLower(first)] || strings.HasPrefix(name, "PT ") || strings.HasSuffix(name, " Tbk") ||
				!ms.empty() && ms.first == f.sentOf(ms.first).First
		}
		if fits {
			return phrase{all: span{head, k + 1}, name: f.tokenSpan(m.Start, m.End), org: true}
		}
	}
	return phrase{}
}

// sentenceSubject returns the phrase that opens sentence st, before token
// limit, past a fronted adverbial ending in a comma (Sebelum pengumuman,
// Wakil Menteri ... Sergey Ryabkov).
func (f *finder) sentenceSubject(st text.Sentence, limit int) phrase {
	i := st.First
	for i < limit && i-st.First < 3 && (f.markAt(i) != markNone || f.is(i, "(")) {
		i++
	}
	if i >= limit || f.inQuote(i) {
		return phrase{}
	}
	// Menanggapi hal itu, ...: a fronted verb clause (not Menurutnya,
	// Dikutip dari); lower-cased only past a cheap look at its prefix.
	w := f.tok(i)
	verb := f.toks[i].Kind == text.Word && !f.has(i, wFunction|wCuePrep|wCueNya|wCueSource) &&
		(hasPrefixFold(w, "me") || hasPrefixFold(w, "ber") || hasPrefixFold(w, "di") || hasPrefixFold(w, "ter")) && affixedVerb(strings.ToLower(w))
	if f.has(i, wFunction) && !f.has(i, wPronoun) || verb {
		c := i + 1
		for c < limit && c-i <= 12 && !f.isPunct(c, ',') && !f.inQuote(c) {
			c++
		}
		switch {
		case c < limit && f.isPunct(c, ','):
			i = c + 1 // Menanggapi hal itu, <role>, <name>, menyampaikan
		case !verb:
			i++ // Tapi Lavrov mengatakan
		}
	}
	p := f.phraseAfter(i, limit)
	if !p.ok() || p.all.first != i {
		return phrase{}
	}
	return f.relationOf(p, st.First)
}
