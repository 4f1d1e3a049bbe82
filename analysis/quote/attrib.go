package quote

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/warta-news/warta/analysis/person"
	"github.com/warta-news/warta/analysis/stem"
	"github.com/warta-news/warta/analysis/text"
)

// attributeMarked judges each quoted stretch and finds its speaker. A
// stretch is a direct quotation when it stands as speech (at the start of a
// sentence, after a colon, or after a cue and a comma) and ends as speech
// (at the end of the sentence, or before its attribution); otherwise it is
// partial. A partial stretch is kept only when its sentence reports
// someone's words: a scare-quoted term with no reporting verb is not a
// quotation. The names of programmes, events, books and slogans (webinar
// bertajuk “...”, gerakan “Jaga Pantai Kita”), and scare quotes in a headline,
// are never quotations.
func (f *finder) attributeMarked() {
	for ri, r := range f.raws {
		if f.isName(r) {
			continue
		}
		start, end := f.speechStart(r), f.speechEnd(r)
		c := cand{Quote: Quote{Text: f.byteSpan(r.inner), Kind: Partial, Continued: r.cont}, raw: ri}
		if start && end {
			c.Kind = Direct
		}
		if !start && f.isTitleCase(r) {
			continue
		}
		var found bool
		if c.Kind == Direct {
			found = f.attribAfter(&c, r) || f.attribBefore(&c, r)
		} else {
			found = f.attribGoverning(&c, r) || f.attribLater(&c, r)
			if !found {
				continue
			}
		}
		if r.unit == 0 && (c.Kind == Partial || !found) {
			continue // headline style: scare quotes and unattributed phrases
		}
		if !found && f.isFragmentList(r) {
			continue // an author bio or a tagline, not speech
		}
		if !c.who.empty() {
			f.addSaid(spoke{pos: r.inner.first, who: c.who, quoted: true, body: c.body})
		}
		f.quotes = append(f.quotes, c)
	}
}

// isName reports whether the quoted stretch names a programme, event, book,
// proverb or clause of law: it follows a title noun (webinar bertajuk
// “...”, buku “...”, kata kunci “...”, yang berbunyi, “...”).
func (f *finder) isName(r rawQuote) bool {
	if r.open < 1 {
		return false
	}
	p := r.open - 1
	if f.isPunct(p, ',') || f.isPunct(p, ':') {
		p--
	}
	if p < 0 || f.inQuote(p) {
		return false
	}
	if f.has(p, wTitleNoun) {
		return true
	}
	if p >= 1 && f.toks[p].Kind == text.Word && f.toks[p-1].Kind == text.Word {
		return lex().titles[strings.ToLower(f.tok(p-1)+" "+f.tok(p))]
	}
	return false
}

// isTitleCase reports whether a stretch inside a sentence is a title in
// capitals (dialog “Kota Hijau Bersama”, gerakan “Jaga Pantai Kita”): two words
// or more, every word capitalised but the short linking words.
func (f *finder) isTitleCase(r rawQuote) bool {
	words := 0
	for i := r.inner.first; i < r.inner.last; i++ {
		if f.toks[i].Kind != text.Word {
			continue
		}
		w := f.tok(i)
		if !person.IsUpperStart(w) {
			if f.has(i, wFunction|wParticle) && len(w) <= 6 {
				continue
			}
			return false
		}
		words++
	}
	return words >= 2
}

// speechStart reports whether a stretch begins as speech.
func (f *finder) speechStart(r rawQuote) bool {
	o := r.open
	if o < 0 || o == f.sentOf(o).First || f.startsUnit(o) {
		return true
	}
	switch {
	case f.isPunct(o-1, ':'), f.isTerminal(o - 1):
		return true
	case f.isPunct(o-1, ','):
		return f.cueBefore(o) >= 0
	}
	return false
}

// speechEnd reports whether a stretch ends as speech: at the end of its
// sentence or paragraph, or before its attribution (, kata X; , ujarnya;
// , Lavrov menambahkan).
func (f *finder) speechEnd(r rawQuote) bool {
	c := r.close
	if c < 0 {
		return true
	}
	st := f.sentOf(c)
	n := c + 1
	if n >= st.Last || f.isTerminal(n) && n+1 >= st.Last {
		return true
	}
	j := n
	if f.isPunct(j, ',') {
		j++
	}
	if j >= st.Last {
		return true
	}
	if f.has(j, wCueAfter|wCueNya|wCuePrep|wCuePassive) || f.isFold(j, "demikian") || f.gluedCue(j) != "" {
		return true
	}
	p := f.phraseAfter(j, st.Last)
	return p.ok() && f.has(f.skipAdverbs(p.all.last, st.Last), wCueVerb)
}

// skipAdverbs skips juga, pun, lalu ... from token i.
func (f *finder) skipAdverbs(i, end int) int {
	for i < end && f.has(i, wAdverb) {
		i++
	}
	return i
}

// cueBefore returns the cue nearest before the opening mark at token o in
// its sentence, outside quotations, or -1. A bare after-cue (kata, ujar)
// counts only where it opens the sentence or follows a comma or a closing
// mark, as in a split quotation: “...,” kata dia, “...”.
func (f *finder) cueBefore(o int) int {
	st := f.sentOf(o)
	for i := o - 1; i >= st.First && o-i <= cueWindow; i-- {
		if f.inQuote(i) {
			continue
		}
		cls := f.cls[i]
		switch {
		case cls&(wCueVerb|wCuePrep|wCueNya) != 0:
			return i
		case cls&(wCueAfter|wCuePassive) != 0 && f.afterCueStands(i, st.First):
			return i
		}
	}
	return -1
}

// afterCueStands reports whether the bare after-cue at token i stands as a
// cue: at the start of its sentence, after a comma or after a closing
// quotation mark.
func (f *finder) afterCueStands(i, first int) bool {
	if i == first {
		return true
	}
	p := i - 1
	if f.isFold(p, "demikian") {
		p--
		if p < first {
			return true
		}
	}
	return f.isPunct(p, ',') || f.markAt(p) != markNone && f.inQuote(p)
}

// attribAfter finds the attribution right after the closing mark: a -nya
// cue (ujarnya), a cue and its speaker (kata Lavrov; demikian kata dia;
// menurut dia), or a speaker and a reporting verb (Lavrov menambahkan).
// A cue starting the next sentence (“Kami siap.” Kata dia.) counts too.
func (f *finder) attribAfter(c *cand, r rawQuote) bool {
	if r.close < 0 {
		return false
	}
	j := r.close + 1
	if j < len(f.toks) && f.isPunct(j, ',') {
		j++
	}
	if j >= len(f.toks) || int(f.info[j].unit) != r.unit || f.inQuote(j) {
		return false
	}
	if f.isFold(j, "demikian") {
		j++
	}
	if j >= len(f.toks) || f.inQuote(j) {
		return false
	}
	pos := f.startOf(r)
	if f.has(j, wCue&^(wCueVerb|wCueSource)) {
		return f.speakerFromCue(c, j, pos)
	}
	if glued := f.gluedCue(j); glued != "" {
		// “...,” kataFaruk: the cue and the name lost the space between.
		c.Cue = f.byteSpan(span{j, j + 1})
		c.Ref, c.Via = c.Cue, ViaName
		if k := f.personByWord(glued, pos); k >= 0 {
			c.who = f.persons[k].name
		} else if p := f.phraseAfter(j+1, f.sentOf(j).Last); !p.name.empty() && !p.pronoun {
			// kataKapolrestabes Medan Kombes Jean ...: a role glued, the
			// name after it.
			c.who = f.persons[f.addPerson(named{name: p.name, entity: -1})].name
		}
		f.markSalient(c.who)
		return true
	}
	if !f.sameSentence(r.close, j) {
		return false
	}
	st := f.sentOf(j)
	p := f.phraseAfter(j, st.Last)
	if v := f.skipAdverbs(p.all.last, st.Last); p.ok() && f.has(v, wCueVerb) {
		return f.setSpeaker(c, v, p, pos)
	}
	return false
}

// gluedCue reads token j as an after-cue glued to the capitalised word
// that follows it (kataFaruk, kataKapolrestabes) and returns that word, or
// "" when it is no such cue.
func (f *finder) gluedCue(j int) string {
	if j >= len(f.toks) || f.toks[j].Kind != text.Word {
		return ""
	}
	w := f.tok(j)
	cut := strings.IndexFunc(w, unicode.IsUpper)
	if cut < 3 || lex().classOf(w[:cut])&wCueAfter == 0 {
		return ""
	}
	return w[cut:]
}

// personByWord returns the person whose name holds word w, or whose role
// opens with it, nearest before token pos (else after it), or -1.
func (f *finder) personByWord(w string, pos int) int {
	fits := func(k int) bool {
		p := f.persons[k]
		for i := p.name.first; i < p.name.last; i++ {
			if f.tok(i) == w {
				return true
			}
		}
		return !p.role.empty() && strings.EqualFold(f.tok(p.role.first), w)
	}
	return f.nearestPerson(pos, fits)
}

// attribBefore finds the attribution before an opening mark that follows a
// colon or a comma: Lavrov mengatakan, “...”; menurut dia, “...”; Jokowi:
// “...”.
func (f *finder) attribBefore(c *cand, r rawQuote) bool {
	o := r.open
	if o < 1 || !f.isPunct(o-1, ',') && !f.isPunct(o-1, ':') {
		return false
	}
	if cue := f.cueBefore(o); cue >= 0 {
		return f.speakerFromCue(c, cue, o)
	}
	if !f.isPunct(o-1, ':') {
		return false
	}
	st := f.sentOf(o)
	p := f.phraseBefore(o-2, st.First)
	if !p.ok() || p.all.first != st.First {
		return false
	}
	return f.setSpeaker(c, -1, p, o)
}

// attribGoverning finds the reporting word that governs a partial
// quotation: the first cue of its sentence before it (Lavrov memuji
// pembicaraan itu sebagai “konstruktif”; Blinken mengatakan Biden
// menginginkan “...”), whose subject is the speaker.
func (f *finder) attribGoverning(c *cand, r rawQuote) bool {
	o := r.inner.first
	if r.open >= 0 {
		o = r.open
	}
	st := f.sentOf(o)
	for i := max(st.First, o-cueWindow); i < o; i++ {
		if f.inQuote(i) {
			continue
		}
		cls := f.cls[i]
		if cls&(wCueVerb|wCuePrep|wCueNya) != 0 || cls&(wCueAfter|wCuePassive) != 0 && f.afterCueStands(i, st.First) {
			if f.speakerFromCue(c, i, o) {
				return true
			}
		}
	}
	return false
}

// attribLater finds a cue after a partial quotation in its sentence:
// Kebijakan “gas dan rem” itu, kata Anies, ...; ... “terlambat”, katanya.
func (f *finder) attribLater(c *cand, r rawQuote) bool {
	if r.close < 0 {
		return false
	}
	st := f.sentOf(r.close)
	for i := r.close + 1; i < st.Last && i-r.close <= cueWindow; i++ {
		if f.inQuote(i) {
			continue
		}
		cls := f.cls[i]
		if cls&(wCueNya|wCuePrep) != 0 || cls&(wCueAfter|wCuePassive) != 0 && f.isPunct(i-1, ',') {
			return f.speakerFromCue(c, i, f.startOf(r))
		}
	}
	return false
}

// cueWindow bounds how far from a quotation, in tokens, its cue is looked
// for: a reporting word further away in a run-on sentence governs other
// words, and the bound keeps a huge sentence linear.
const cueWindow = 60

// startOf returns the first token of a stretch, its opening mark included.
func (f *finder) startOf(r rawQuote) int {
	if r.open >= 0 {
		return r.open
	}
	return r.inner.first
}

// speakerFromCue sets c's cue and speaker from the cue at token cue; pos is
// where the quotation starts, for pronouns.
func (f *finder) speakerFromCue(c *cand, cue, pos int) bool {
	cls := f.cls[cue]
	switch {
	case cls&wCueNya != 0:
		c.Cue = f.byteSpan(span{cue, cue + 1})
		c.Ref = c.Cue
		c.Via = ViaNya
		c.who = f.nyaSpan(pos, c.Text)
		f.markSalient(c.who)
		return true
	case cls&wCueVerb != 0:
		p, ok := f.speakerOf(cue)
		return ok && f.setSpeaker(c, cue, p, pos)
	}
	k := cue + 1
	if f.isFold(k, "oleh") {
		k++
	}
	if k >= len(f.toks) {
		return false
	}
	if f.toks[k].Kind == text.Mention {
		// kata @name: a social-media account speaks by its handle.
		return f.setSpeaker(c, cue, phrase{all: span{k, k + 1}, name: span{k, k + 1}}, pos)
	}
	p := f.phraseAfter(k, f.sentOf(cue).Last)
	if name := f.nameAfterOffice(k, f.sentOf(cue).Last); !p.ok() && !name.empty() {
		// ungkap Kontributor CNN, Risal: a role the lexicon lacks, then
		// the name.
		p = phrase{all: span{k, name.last}, name: name, role: span{k, name.first - 1}}
	}
	if p.name.empty() && !p.pronoun {
		if c, name := f.nameAfterComma(k, f.sentOf(cue).Last); !name.empty() {
			// kata salah satu siswa, Nadia Rahma: a description the
			// reader does not read as a role, then the name set off.
			p = phrase{all: span{k, name.last}, name: name, role: span{k, c}}
		}
	}
	if body := f.bodyRun(k, f.sentOf(cue).Last); !p.ok() && !body.empty() {
		p = phrase{all: body, name: body, org: true} // ujar Dinas PU Kota Medan
	} else if p.all.empty() {
		p.all = span{k, k} // ungkap MOE: an organisation the reader does not read
	}
	return f.setSpeaker(c, cue, p, pos)
}

// setSpeaker sets c's cue (token cue, -1 for none) and speaker from phrase
// p; pos is where the quotation starts, for pronouns.
func (f *finder) setSpeaker(c *cand, cue int, p phrase, pos int) bool {
	p = f.orgSpeaker(p)
	if !p.ok() {
		return false
	}
	if cue >= 0 {
		c.Cue = f.byteSpan(span{cue, cue + 1})
	}
	c.Ref = f.byteSpan(p.all)
	switch {
	case p.org:
		c.Via, c.who, c.body = ViaName, p.name, true
		return true
	case p.pronoun:
		c.Via = ViaPronoun
		if !f.isFold(p.all.first, "mereka") {
			// From the pronoun when it comes first: a name inside a
			// description (mantan istri Ivan itu) is not its antecedent.
			c.who = f.antecedentSpan(min(pos, p.all.first), c.Text)
		}
	case f.titleAlone(p, pos) >= 0:
		// kata Kasintel; Menurut Karo: an office title the lexicon lacks,
		// read as a name, is the person the article gave that office.
		c.Via, c.role = ViaRole, p.name
		c.who = f.persons[f.titleAlone(p, pos)].name
	case !p.name.empty():
		c.Via = ViaName
		c.role = p.role
		if name := f.nameAfterRoleName(p); !name.empty() {
			// kata pelatih West Ham, Nuno Espirito Santo: the capitalised
			// words after the role name the body the role belongs to.
			c.role = span{p.role.first, p.name.last}
			p.name = name
		}
		c.who = f.persons[f.addPerson(named{name: p.name, role: c.role, entity: -1})].name
	default:
		c.role = p.role
		if name := f.nameAfterOffice(p.all.last, f.sentOf(max(0, p.all.last-1)).Last); !name.empty() {
			c.Via = ViaName
			c.who = f.persons[f.addPerson(named{name: name, role: p.role, entity: -1})].name
			break
		}
		if k := f.nameOfRole(p.role); k >= 0 {
			c.Via, c.role = ViaName, span{}
			c.who = f.persons[k].name
		} else {
			c.Via = ViaRole
			if k := f.holderOf(p.role, pos); k >= 0 {
				c.who = f.persons[k].name
			} else if f.demonstrativeAfter(p.all.last) {
				// kata peneliti tersebut: the person just spoken of.
				c.who = f.antecedentSpan(pos, c.Text)
			} else if k := f.runningSpeaker(pos); k >= 0 && !f.hasRole(k) && f.office(p.role) {
				// Kombes Susatyo menjelaskan ... “...,” kata Kapolres: an
				// office nobody else is given is the speaker's who has none
				// (a common noun, kata jaksa, is anyone).
				c.who = f.persons[k].name
			} else if body := f.bodyInRole(p.role); !body.empty() && body.last == p.role.last && !f.isPunct(p.all.last, ',') {
				// kata Ketua DKPP, whose holder the article never names:
				// the body speaks through its office. Words after the body
				// in the role, or a comma after it, are a name the reader
				// missed (Direktur PT X Budi SH; Ketua <body>, Kombes Dr.
				// ...).
				c.Via, c.who, c.body = ViaName, body, true
			}
		}
	}
	f.markSalient(c.who)
	return true
}

// nameAfterComma returns the comma within maxDescription (as for a
// description that points back) words from token
// i and the name alone set off by it, before token end (seorang warga,
// Rudi Hartono), or an empty name: also when other punctuation, a
// quotation or a cue comes first.
func (f *finder) nameAfterComma(i, end int) (int, span) {
	for j := i; j < end && j-i <= maxDescription; j++ {
		switch {
		case f.inQuote(j) || f.has(j, wCue) || f.isTerminal(j):
			return -1, span{}
		case f.isPunct(j, ','):
			if j == i {
				return -1, span{}
			}
			q := f.phraseAfter(j+1, end)
			if q.name.empty() || !q.role.empty() || q.pronoun || q.all.first != j+1 || !f.endsName(q.all.last, end) {
				return -1, span{}
			}
			return j, q.name
		case f.toks[j].Kind != text.Word && f.toks[j].Kind != text.Number:
			return -1, span{}
		}
	}
	return -1, span{}
}

// bodyInRole returns the longest words of role r, the first of them
// first, that name an organisation the entity stage tags there or where
// the article prints them elsewhere (DKPP in Ketua DKPP), or an empty span.
func (f *finder) bodyInRole(r span) span {
	if f.ents == nil {
		return span{}
	}
	for i := r.first; i < r.last; i++ {
		for j := r.last; j > i; j-- {
			if f.entityNamed(span{i, j}) >= 0 {
				return span{i, j}
			}
		}
	}
	return span{}
}

// bodyRun returns the capitalised words from token k, before end, when
// they open with an office word that is no role head or title (Dinas PU
// Kota, in ujar Dinas PU Kota medan), the name of a body; else an empty
// span.
func (f *finder) bodyRun(k, end int) span {
	j := k
	for j < end && f.toks[j].Kind == text.Word && person.IsUpperStart(f.tok(j)) && !f.inQuote(j) {
		j++
	}
	if j == k || !f.has(k, wOrg) || f.has(k, wRole|wRoleFirst|wHonorific) || person.IsAcronym(f.tok(k)) {
		return span{}
	}
	return span{k, j}
}

// orgSpeaker reads a phrase with no name as the organisation the entity
// stage tags at its start, when there is one: kata Kementerian Pendidikan
// di Singapura; Kementerian Keuangan (Kemenkeu) menjelaskan ...; ungkap
// MOE. A ministry, an agency or an outlet that states something speaks.
// A role with a body in it (kata Kepala Dinas Pendidikan Garut) starts
// with no organisation and stays a role.
func (f *finder) orgSpeaker(p phrase) phrase {
	if f.ents == nil || p.pronoun || !p.name.empty() {
		return p
	}
	first := p.all.first
	org := f.mentionFrom(first)
	if f.acronymOfPerson(org) {
		return phrase{all: span{first, max(p.all.last, org.last)}, name: org} // kata AHY
	}
	if org.empty() && first < len(f.toks) && person.IsAcronym(f.tok(first)) {
		org = span{first, first + 1} // ungkap MOE, an acronym tagged elsewhere
	}
	if org.empty() || f.entityNamed(org) < 0 || org.last < p.role.last || f.demonstrativeAfter(max(p.all.last, org.last)) {
		return p // Doktor Ilmu Politik UI tersebut: a role, the body inside it
	}
	return phrase{all: span{first, max(p.all.last, org.last)}, name: org, org: true}
}

// entityNamed returns the organisation tokens s name: the entity of the
// mention there, else the one the article prints the same elsewhere; -1
// when none is an organisation.
func (f *finder) entityNamed(s span) int {
	if f.ents == nil {
		return -1
	}
	e := f.entityAt(s)
	if e < 0 {
		e = f.bodyPrinted(f.spanText(s))
	}
	if e < 0 || f.typeOf(e) != "ORG" {
		return -1
	}
	return e
}

// bodyPrinted returns the organisation (else the place or other entity,
// never a person) the entity stage tags where the article prints w, or -1.
func (f *finder) bodyPrinted(w string) int {
	if f.bodies == nil {
		f.bodies = make(map[string]int)
		for _, m := range f.ents.Mentions {
			if m.Entity < 0 || m.Entity >= len(f.ents.List) || f.typeOf(m.Entity) == "PER" {
				continue
			}
			t := f.s[m.Start:m.End]
			if e, ok := f.bodies[t]; !ok || f.typeOf(e) != "ORG" {
				f.bodies[t] = m.Entity
			}
		}
	}
	if e, ok := f.bodies[w]; ok {
		return e
	}
	return -1
}

// mentionFrom returns the tokens of the entity mention starting at token
// i, or an empty span.
func (f *finder) mentionFrom(i int) span {
	if f.ents == nil || i < 0 || i >= len(f.toks) {
		return span{}
	}
	ms := f.ents.Mentions
	b := f.toks[i].Start
	k := sort.Search(len(ms), func(j int) bool { return ms[j].Start >= b })
	if k == len(ms) || ms[k].Start != b || ms[k].Entity < 0 || ms[k].Entity >= len(f.ents.List) {
		return span{}
	}
	return f.tokenSpan(ms[k].Start, ms[k].End)
}

// orgBefore returns the organisation the entity stage tags ending at
// token j, past an acronym in brackets after it (Kementerian Keuangan
// (Kemenkeu)), not before token lo, as the phrase of a subject, or the
// person an acronym there stands for (AHY mengatakan); not ok when there
// is none.
func (f *finder) orgBefore(j, lo int) phrase {
	if f.ents == nil || j < lo {
		return phrase{}
	}
	last := j + 1
	if f.is(j, ")") {
		if o := f.rd.OpenParen(j, lo); o > lo {
			j = o - 1
		}
	}
	e := f.entityAt(span{j, j + 1})
	if e < 0 && j >= lo && f.acronymOfPerson(span{j, j + 1}) {
		return phrase{all: span{j, last}, name: span{j, j + 1}} // HM mengaku, HM tagged only before
	}
	if e < 0 && j >= lo && person.IsAcronym(f.tok(j)) && f.entityNamed(span{j, j + 1}) >= 0 {
		// DKPP menilai ...: an acronym the entity stage tags as the
		// organisation elsewhere but not here.
		return phrase{all: span{j, last}, name: span{j, j + 1}, org: true}
	}
	if e < 0 || f.typeOf(e) != "ORG" && !f.acronymOfPerson(span{j, j + 1}) {
		return phrase{}
	}
	ms := f.ents.Mentions
	b := f.toks[j].Start
	k := sort.Search(len(ms), func(i int) bool { return ms[i].End > b })
	if k == len(ms) || ms[k].End != f.toks[j].End {
		return phrase{}
	}
	m := f.tokenSpan(ms[k].Start, ms[k].End)
	if m.first < lo {
		return phrase{}
	}
	return phrase{all: span{m.first, last}, name: m, org: f.typeOf(e) == "ORG"}
}

// acronymOfPerson reports whether tokens s are one acronym the entity
// stage gives as a mention of a person (AHY for Agus Harimurti
// Yudhoyono), which the reader, reading acronyms as bodies, reads as no
// name.
func (f *finder) acronymOfPerson(s span) bool {
	if s.last-s.first != 1 || !person.IsAcronym(f.tok(s.first)) {
		return false
	}
	if f.mentionFrom(s.first) != s {
		// Initials the entity stage tags where they are introduced
		// (berinisial HM) but not again: the same letters are that person.
		return f.ents != nil && f.entityAt(s) < 0 && f.personPrinted(f.tok(s.first)) >= 0
	}
	e := f.entityAt(s)
	return e >= 0 && f.typeOf(e) == "PER"
}

// personPrinted returns the person the entity stage tags where the article
// prints exactly w, or -1.
func (f *finder) personPrinted(w string) int {
	for _, m := range f.ents.Mentions {
		if m.Entity >= 0 && m.Entity < len(f.ents.List) && f.typeOf(m.Entity) == "PER" && f.s[m.Start:m.End] == w {
			return m.Entity
		}
	}
	return -1
}

// nameAfterRoleName returns the name set off by a comma after a role and
// what the reader took for a name (kata pelatih West Ham, Nuno Espirito
// Santo; ujar Kepala Dinas Pendidikan Garut, Ade Manadin): a name alone,
// without a role, ending the sentence or followed by a comma or a word in
// lower case. Empty otherwise.
func (f *finder) nameAfterRoleName(p phrase) span {
	if p.role.empty() || p.role.last != p.name.first || !f.isPunct(p.all.last, ',') {
		return span{}
	}
	end := f.sentOf(p.all.last).Last
	q := f.phraseAfter(p.all.last+1, end)
	if q.name.empty() || !q.role.empty() || q.pronoun || q.all.first != p.all.last+1 {
		return span{}
	}
	if !f.endsName(q.all.last, end) {
		return span{}
	}
	return q.name
}

// endsName reports whether a name alone may end before token n (end is
// its sentence's end): at the end, a comma, a stop or a word in lower
// case, not inside a longer run of capitals or signs (VP Sales &
// Marketing).
func (f *finder) endsName(n, end int) bool {
	if n >= end || f.isPunct(n, ',') || f.isTerminal(n) {
		return true
	}
	return f.toks[n].Kind == text.Word && !person.IsUpperStart(f.tok(n))
}

// demonstrativeAfter reports whether token i, or the one before it, is a
// demonstrative that makes a role before it point back (peneliti
// tersebut, pria itu).
func (f *finder) demonstrativeAfter(i int) bool {
	return f.demonstrativeAt(i-1) || f.demonstrativeAt(i)
}

// maxOfficeTail bounds the words of an office name that the role reader
// left unread before the comma and the name.
const maxOfficeTail = 16

// nameAfterOffice returns the name set off by a comma after a role whose
// office name the reader did not read to its end (kata Kepala Badan
// <office words> (<acronym>) Provinsi <province>, <name>, kepada
// wartawan): from token i, capitalised words, acronyms,
// numbers, parentheses and dan up to a comma, then a name alone, before
// token end; an office naming a list (<unit> A, B, dan C) runs over its
// commas. Empty when the words stop otherwise.
func (f *finder) nameAfterOffice(i, end int) span {
	for j := i; j < end && j-i <= maxOfficeTail; j++ {
		w := f.tok(j)
		switch {
		case w == ",":
			p := f.phraseAfter(j+1, end)
			alone := !p.name.empty() && p.role.empty() && !p.pronoun && f.endsName(p.all.last, end)
			listed := f.isPunct(p.all.last, ',') && f.isFold(p.all.last+1, "dan")
			switch {
			case alone && !listed && j == i:
				return span{}
			case alone && !listed:
				return p.name
			case j+1 < end && (f.isFold(j+1, "dan") || person.IsUpperStart(f.tok(j+1))):
				// Kasi <unit> A, B, dan C Kejati <province>, <name>:
				// the office names a list.
			default:
				return span{}
			}
		case w == "(" || w == ")" || w == "dan" || w == "/" || w == "-" || f.toks[j].Kind == text.Number:
		case f.toks[j].Kind == text.Word && person.IsUpperStart(w) && !f.inQuote(j):
		default:
			return span{}
		}
	}
	return span{}
}

// antecedentSpan returns the name a pronoun or -nya at token pos, the cue
// of the quoted or reported words, stands for; empty when none. A person
// the words name, or speak of as dia, ia or beliau before ever speaking, is
// not the one saying them: the running speaker is (“Kemarin itu dia kurang
// enak badan,” ungkapnya, of the client the lawyer speaks for).
func (f *finder) antecedentSpan(pos int, words text.Span) span {
	k := f.antecedent(pos)
	if k < 0 {
		return span{}
	}
	in := f.tokenSpan(words.Start, words.End)
	if f.namedIn(in, k) || f.speaksOfThird(in) && !f.hasSpoken(k, pos) {
		if j := f.runningSpeaker(pos); j >= 0 && !f.samePerson(j, k) {
			return f.persons[j].name
		}
	}
	return f.persons[k].name
}

// nyaSpan returns the speaker a -nya cue at token pos stands for: the
// running body (runningBody), else the person antecedentSpan gives.
func (f *finder) nyaSpan(pos int, words text.Span) span {
	if b := f.runningBody(pos); !b.empty() {
		return b
	}
	return f.antecedentSpan(pos, words)
}

// namedIn reports whether a word of person k's name is a word of tokens s.
func (f *finder) namedIn(s span, k int) bool {
	name := f.persons[k].name
	for i := s.first; i < s.last; i++ {
		if f.toks[i].Kind != text.Word || !person.IsUpperStart(f.tok(i)) {
			continue
		}
		for j := name.first; j < name.last; j++ {
			if f.tok(i) == f.tok(j) {
				return true
			}
		}
	}
	return false
}

// speaksOfThird reports whether tokens s speak of one person as a
// pronoun (dia, ia, beliau; not mereka).
func (f *finder) speaksOfThird(s span) bool {
	for i := s.first; i < s.last; i++ {
		if f.has(i, wPronoun) && !f.isFold(i, "mereka") {
			return true
		}
	}
	return false
}

// samePerson reports whether person mentions j and k name one person: the
// words of one name are all words of the other (Lavrov, Sergey Lavrov).
// The names index is not used: it is built only once every person is known.
func (f *finder) samePerson(j, k int) bool {
	a, b := f.persons[j].name, f.persons[k].name
	return f.holdsWords(a, b) || f.holdsWords(b, a)
}

// office reports whether role r is capitalised inside its sentence, the
// title of an office (Kapolres, Plt Deputi Penindakan) rather than a
// common noun (jaksa, kuasa hukum).
func (f *finder) office(r span) bool {
	return person.IsUpperStart(f.tok(r.first)) && r.first != f.sentOf(r.first).First
}

// hasRole reports whether the article gives person k a role anywhere.
func (f *finder) hasRole(k int) bool {
	for j, p := range f.persons {
		if !p.role.empty() && f.samePerson(j, k) {
			return true
		}
	}
	return false
}

// hasSpoken reports whether words of person k were quoted or reported
// before token pos.
func (f *finder) hasSpoken(k, pos int) bool {
	for _, s := range f.said {
		if j := f.personAt(s.who); s.quoted && s.pos < pos && j >= 0 && f.samePerson(j, k) {
			return true
		}
	}
	return false
}

// runningSpeaker returns the person whose words were quoted or reported
// last before token pos, in its paragraph or the two before it, or -1.
func (f *finder) runningSpeaker(pos int) int {
	last := f.lastSaid(pos)
	if last < 0 || int(f.info[f.said[last].pos].unit) < int(f.info[pos].unit)-2 {
		return -1
	}
	return f.personAt(f.said[last].who)
}

// runningBody returns the body whose words were quoted or reported last
// before token pos, in its paragraph or the two before it, when no person was
// named since (DKPP menilai ... “...,” katanya; ujar Dinas PU ... “...,”
// sebutnya): -nya follows it, as dia and ia, which stand for persons, do
// not. Empty when the running speaker is a
// person or there is none.
func (f *finder) runningBody(pos int) span {
	last := f.lastSaid(pos)
	if last < 0 {
		return span{}
	}
	s := f.said[last]
	if r := f.bodyReportBefore(pos); r >= 0 && f.bodyReports[r].pos > s.pos && f.bodyQuoted(f.bodyReports[r]) {
		// kata Ketua DKPP ... DKPP menilai ... “...,” katanya: the body
		// whose words were quoted before reports again, after its member
		// spoke; a body's report takes over -nya only then (BPS mencatat
		// ... “...,” ujarnya is the official's quoted before).
		s = f.bodyReports[r]
	}
	if !s.body || int(f.info[s.pos].unit) < int(f.info[pos].unit)-2 || f.reportedAt(s.who.first) {
		return span{} // Rizki mengungkapkan, ... Komdigi mencatat ...: Rizki's report
	}
	k := f.personBefore(pos)
	for k >= 0 && f.persons[k].name.first > s.who.first && f.reported(k) {
		k-- // DKPP menilai Betty tak ...: one the report speaks of
	}
	if k >= 0 && f.persons[k].name.last > s.who.first {
		return span{}
	}
	return s.who
}

// bodyReportBefore returns the index of the last of f.bodyReports before
// token pos, or -1.
func (f *finder) bodyReportBefore(pos int) int {
	return sort.Search(len(f.bodyReports), func(i int) bool { return f.bodyReports[i].pos >= pos }) - 1
}

// bodyQuoted reports whether the body of report s had its words quoted
// before it: a quotation attributed to the same organisation, or to a
// body printed the same where the entity stage tags neither.
func (f *finder) bodyQuoted(s spoke) bool {
	e := f.entityNamed(s.who)
	for _, o := range f.said {
		if !o.body || o.pos >= s.pos {
			continue
		}
		if oe := f.entityNamed(o.who); e >= 0 && oe == e || e < 0 && oe < 0 && f.spanText(o.who) == f.spanText(s.who) {
			return true
		}
	}
	return false
}

// addSaid records that someone spoke, starting a new run of f.said when
// s comes before the last entry.
func (f *finder) addSaid(s spoke) {
	if n := len(f.said); n > 0 && s.pos < f.said[n-1].pos {
		f.runs = append(f.runs, n)
	}
	f.said = append(f.said, s)
}

// lastSaid returns the index of the entry of f.said whose words were
// quoted or reported last before token pos (the first recorded of those
// at one position), or -1: a binary search in each run, so that an
// article of many quotations stays linear.
func (f *finder) lastSaid(pos int) int {
	best, start := -1, 0
	for r := 0; r <= len(f.runs); r++ {
		end := len(f.said)
		if r < len(f.runs) {
			end = f.runs[r]
		}
		run := f.said[start:end]
		i := sort.Search(len(run), func(i int) bool { return run[i].pos >= pos }) - 1
		for i >= 0 && !run[i].quoted {
			i--
		}
		for i > 0 && run[i-1].pos == run[i].pos && run[i-1].quoted {
			i--
		}
		if i >= 0 && (best < 0 || run[i].pos > f.said[best].pos) {
			best = start + i
		}
		start = end
	}
	return best
}

func (f *finder) markSalient(who span) {
	if who.empty() {
		return
	}
	if k := f.personAt(who); k >= 0 {
		f.persons[k].salient = true
	}
}

// isFragmentList reports whether a stretch is a list of three or more
// fragments of at most four words each (“Ninja budaya pop. Penggemar media
// sosial. Praktisi kopi.”): the shape of a content-farm author bio or a
// tagline rather than of speech, so such a stretch with no cue is dropped.
func (f *finder) isFragmentList(r rawQuote) bool {
	frags, words := 0, 0
	for i := r.inner.first; i < r.inner.last; i++ {
		switch {
		case f.isTerminal(i):
			if words == 0 || words > 4 {
				return false
			}
			frags++
			words = 0
		case f.toks[i].Kind == text.Word:
			words++
		}
	}
	if words > 4 {
		return false
	}
	if words > 0 {
		frags++
	}
	return frags >= 3
}

// fillContinuations gives a speaker to the quotations that have no cue of
// their own: the pieces of a quotation running over paragraphs share the
// speaker of the piece that has one, and a quotation standing alone takes
// the last speaker of its paragraph or the two before it.
func (f *finder) fillContinuations() {
	byRaw := make(map[int]int, len(f.quotes))
	for qi, c := range f.quotes {
		if c.raw >= 0 {
			byRaw[c.raw] = qi
		}
	}
	// Pieces of one quotation: a run of raws joined by cont.
	for a := 0; a < len(f.raws); {
		b := a + 1
		for b < len(f.raws) && f.raws[b].cont {
			b++
		}
		src := -1
		for ri := b - 1; ri >= a; ri-- {
			if qi, ok := byRaw[ri]; ok && f.quotes[qi].Via != ViaNone {
				src = qi
				break
			}
		}
		for ri := a; ri < b && src >= 0; ri++ {
			if qi, ok := byRaw[ri]; ok && f.quotes[qi].Via == ViaNone {
				f.continueFrom(&f.quotes[qi], f.quotes[src].who, f.quotes[src].role)
			}
		}
		a = b
	}
	slices.SortStableFunc(f.said, func(a, b spoke) int { return a.pos - b.pos })
	f.runs = nil
	for qi := range f.quotes {
		c := &f.quotes[qi]
		if c.Via != ViaNone || c.raw < 0 || c.Kind != Direct {
			continue
		}
		r := f.raws[c.raw]
		pos := f.startOf(r)
		k := sort.Search(len(f.said), func(i int) bool { return f.said[i].pos >= pos }) - 1
		if k >= 0 && int(f.info[f.said[k].pos].unit) >= r.unit-2 {
			f.continueFrom(c, f.said[k].who, span{})
		}
	}
}

func (f *finder) continueFrom(c *cand, who, role span) {
	if who.empty() && role.empty() {
		return
	}
	c.Via = ViaContinuation
	c.who, c.role = who, role
}

// resolveSpeaker fills the speaker's span, entity, name and role.
func (f *finder) resolveSpeaker(q *Quote, who, role span) {
	if who.empty() {
		if !role.empty() {
			q.Speaker = f.byteSpan(role)
			q.Role = f.spanText(role)
		}
		return
	}
	q.Speaker = f.byteSpan(who)
	k := f.personAt(who)
	ent := -1
	if k >= 0 {
		ent = f.persons[k].entity
	}
	if ent < 0 {
		ent = f.entityAt(who)
	}
	if ent < 0 && k >= 0 {
		ent = f.entityAt(f.fullName(k))
	}
	if ent < 0 && f.acronymOfPerson(who) {
		ent = f.personPrinted(f.tok(who.first)) // KDM, tagged only elsewhere
	}
	if ent < 0 && k < 0 {
		ent = f.entityNamed(who) // DKPP, tagged only elsewhere
	}
	if ent >= 0 && k >= 0 && f.misread(ent, k) {
		ent = -1
	}
	if ent < 0 && f.commonWord(who, k) {
		f.resolveSpeaker(q, span{}, role)
		return
	}
	if ent >= 0 {
		e := f.ents.List[ent]
		q.Entity, q.Name = e.ID, e.Name
	} else if k >= 0 {
		q.Name = f.spanText(f.fullName(k))
	} else {
		q.Name = f.spanText(who)
	}
	switch {
	case !role.empty():
		q.Role = f.spanText(role)
	case k >= 0 && !f.roleOf(k, who.first).empty():
		q.Role = f.spanText(f.roleOf(k, who.first))
	case ent >= 0 && len(f.ents.List[ent].Roles) > 0:
		q.Role = f.ents.List[ent].Roles[0]
	case ent >= 0 && !f.entityRole(ent).empty():
		q.Role = f.spanText(f.entityRole(ent)) // AHY: the role printed with Agus Harimurti Yudhoyono
	}
}

// entityRole returns the first role the article prints with a mention of
// entity ent, or an empty span.
func (f *finder) entityRole(ent int) span {
	for _, p := range f.persons {
		if p.entity == ent && !p.role.empty() {
			return p.role
		}
	}
	return span{}
}

// commonWord reports whether the speaker's mention s (person k, -1 when
// unknown) is one capitalised common word opening its sentence or clause
// (Polisi mengatakan ...; Jangan menyimpulkan ...; Menyoroti hal itu,
// ...): a word of the dictionary read as a name only for its capital,
// never a speaker. A name that is also a word (Arif) is printed in full
// somewhere (Arif Wicaksono) or again inside a sentence.
func (f *finder) commonWord(s span, k int) bool {
	if s.last-s.first != 1 {
		return false
	}
	i := s.first
	if st := f.sentOf(i); i != st.First && !f.isPunct(i-1, ',') && f.markAt(i-1) == markNone {
		return false
	}
	if k >= 0 && f.fullName(k).last-f.fullName(k).first > 1 {
		return false
	}
	if w := strings.ToLower(f.tok(i)); !stem.Known(w) && stem.Stem(w) == w {
		return false
	}
	return k < 0 || !f.namedTwice(k)
}

// misread reports whether the name of entity ent contradicts how the
// reader reads person k: it puts before the name as read only a body the
// article names on its own that the reader reads as part of the person's
// role (Partai Golkar Sarmuji for Sekretaris Jenderal (Sekjen) Partai
// Golkar Sarmuji). The speaker is then the name as read, with no entity:
// speaker_name repeats the entity's name, and that name is wrong. A name
// the reader reads longer than the entity's is left to the entity stage:
// the words it adds are as often a place or a body the role runs into
// (Wakil Gubernur Kaltim Seno Aji).
func (f *finder) misread(ent, k int) bool {
	e := f.ents.List[ent]
	if f.typeOf(ent) != "PER" {
		return false
	}
	full := f.fullName(k)
	var read []string
	for i := full.first; i < full.last; i++ {
		if f.toks[i].Kind == text.Word {
			read = append(read, f.tok(i))
		}
	}
	named := strings.Fields(e.Name)
	var extra []string
	for _, w := range named {
		if !slices.Contains(read, w) {
			extra = append(extra, w)
		}
	}
	if len(extra) == 0 {
		return false
	}
	for _, w := range read {
		if !slices.Contains(named, w) {
			return false // another reading altogether: the entity stage's call
		}
	}
	// Glued: the entity's name opens with a body the article names on its
	// own, and the reader reads that body as part of the role; or it opens
	// with the role itself, as the reader reads it right before the name
	// (Apoteker Rina Wicaksana: the role, then the name).
	r := f.roleOf(k, full.first)
	role := strings.Fields(f.spanText(r))
	for i, w := range extra {
		if w != named[i] || !slices.Contains(role, w) {
			return false
		}
	}
	if r.last == full.first && slices.Equal(extra, role[len(role)-len(extra):]) && f.has(r.last-len(extra), wRole|wRoleFirst) {
		return true
	}
	return f.bodyPrinted(strings.Join(extra, " ")) >= 0
}

// entityAt returns the entity whose mention overlaps tokens s, preferring a
// person, or -1.
func (f *finder) entityAt(s span) int {
	if f.ents == nil || s.empty() {
		return -1
	}
	b := f.byteSpan(s)
	ms := f.ents.Mentions
	k := sort.Search(len(ms), func(i int) bool { return ms[i].End > b.Start })
	best := -1
	for ; k < len(ms) && ms[k].Start < b.End; k++ {
		e := ms[k].Entity
		if e < 0 || e >= len(f.ents.List) {
			continue
		}
		if best < 0 || f.typeOf(e) == "PER" && f.typeOf(best) != "PER" {
			best = e
		}
	}
	return best
}
