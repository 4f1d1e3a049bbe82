package quote

import (
	"strings"

	"github.com/warta-news/warta/analysis/person"
	"github.com/warta-news/warta/analysis/stem"
	"github.com/warta-news/warta/analysis/text"
)

// findIndirect finds reported speech without quotation marks, one report
// a sentence at most, outside the title:
//
//   - a speaker and a reporting verb, then the reported clause (X mengatakan
//     bahwa ...; X menilai ...), where verbs that often take a noun object
//     need bahwa or a comma (X mengungkapkan, ...) or, for most of them,
//     words that read as a clause (X menyebut harga CPO bisa naik);
//   - menurut X, then the clause (or the clause, then menurut X), with a
//     role and a name set off by commas (Menurut <role> di <place>,
//     <name>, ...); a bare menurutnya opening the sentence, or
//     inside it with no commas, or a passive -nya cue inside it
//     (Kota itu disebutnya baru mampu ...), reports the sentence;
//   - a cited source opening the sentence, then the clause (Dikutip dari
//     Times of India, ...);
//   - the clause, then a comma and an after-cue (..., kata dia.);
//   - a passive cue opening the sentence, its speaker, then bahwa and the
//     clause (Dijelaskan oleh peneliti BRIN Erma Yulihastin bahwa ...).
//
// A denied report (tidak menyebutkan ...) is not speech, and a clause
// opening with a quotation mark is a direct quotation, found elsewhere.
func (f *finder) findIndirect() {
	for _, st := range f.sents {
		if st.First >= st.Last || f.info[st.First].unit == 0 {
			continue
		}
		if c, ok := f.indirectIn(st); ok {
			if !c.who.empty() && !c.source {
				f.addSaid(spoke{pos: c.cue, who: c.who, quoted: true, body: c.body})
			}
			f.quotes = append(f.quotes, c.cand)
		}
	}
}

// report is an indirect report and the token of its cue.
type report struct {
	cand
	cue int
}

func (f *finder) indirectIn(st text.Sentence) (report, bool) {
	for v := st.First; v < st.Last; v++ {
		if f.inQuote(v) || f.toks[v].Kind != text.Word {
			continue
		}
		cls := f.cls[v]
		var clause span
		var p phrase
		cue := v
		switch {
		case cls&wCueVerb != 0:
			flag := lex().verbFlag(f.tok(v))
			if flag == 0 || flag == verbMark || f.negated(v) {
				continue
			}
			j := v + 1
			marked := false
			if f.isPunct(j, ',') {
				j++
				marked = true
			}
			if !marked && f.has(j, wAdverb) && f.isFold(j+1, "bahwa") {
				j++ // menyatakan pula bahwa, menekankan lagi bahwa
			}
			if f.isFold(j, "bahwa") {
				j++
				marked = true
			}
			if !marked && (flag == verbBahwa || flag == verbShape && !f.clauseShaped(j, st.Last) || f.has(j, wObjectNoun)) {
				b := f.bahwaNear(j, st.Last)
				if b < 0 {
					continue
				}
				// mengingatkan lagi warga desa bahwa ...: a short object,
				// then the clause.
				j = b + 1
			}
			var ok bool
			if p, ok = f.speakerOf(v); !ok && v > st.First && (f.isFold(v-1, "seraya") || f.isFold(v-1, "sambil")) {
				// ..., seraya menambahkan bahwa ...: no subject of its
				// own, the verb shares the one speaking.
				p, ok = phrase{all: span{v - 1, v}, pronoun: true}, true
			}
			if !ok {
				continue
			}
			clause = span{j, f.clauseEnd(j, st)}
		case cls&wCuePrep != 0:
			k := v + 1
			if cls&wCueNya != 0 {
				p = phrase{all: span{v, v + 1}, pronoun: true} // menurutnya
			} else {
				p = f.speakerAfter(k, st.Last)
				if !p.ok() && !p.org {
					continue
				}
				k = p.all.last
				if p.name.empty() {
					// Menurut <role> di <place>, <name>, ...
					if name, after := f.nameSetOff(k, st.Last); !name.empty() {
						p, k = phrase{all: span{p.all.first, after}, name: name, role: p.role}, after
					}
				} else if !p.pronoun {
					k = f.citedAuthors(k, st.Last)
				}
			}
			bare := cls&wCueNya != 0 && k < st.Last && !f.isPunct(k, ',') && !f.endsAt(k, st) && !f.isFold(v-1, "yang")
			switch {
			case f.isPunct(k, ',') && k+1 < st.Last && v > st.First && f.subjectFronted(st.First, v):
				// Tangkapan nelayan menurut Wijaya (2015), turun ...: the
				// cue set inside the sentence it reports.
				clause = span{st.First, f.clauseEnd(k+1, st)}
			case f.isPunct(k, ',') && k+1 < st.Last:
				clause = span{k + 1, f.clauseEnd(k+1, st)}
			case v > st.First && f.isPunct(v-1, ',') && f.endsAt(k, st):
				clause = span{st.First, v - 1}
			case bare && v == st.First:
				clause = span{k, f.clauseEnd(k, st)} // Menurutnya kini <clause>.
			case cls&wCueNya == 0 && v == st.First && !p.name.empty() && k < st.Last && f.toks[k].Kind == text.Word && !person.IsUpperStart(f.tok(k)) && f.clauseShaped(k, st.Last):
				// Menurut Rina tanggul itu bisa ...: no comma after the
				// name, a clause right after it.
				clause = span{k, f.clauseEnd(k, st)}
			case bare && !f.isPunct(v-1, ','):
				// Soal ini menurutnya perlu dibahas, ...: the
				// sentence is the report.
				clause = span{st.First, f.clauseEnd(st.First, st)}
			default:
				continue
			}
		case cls&wCuePassive != 0 && cls&wCueNya != 0 && v > st.First && !f.isPunct(v-1, ',') && !f.isFold(v-1, "yang") && !f.isFold(v+1, "sebagai"):
			// Kota itu disebutnya baru mampu menanggung separuh: the sentence
			// is the report of the person -nya stands for.
			clause = span{st.First, f.clauseEnd(st.First, st)}
		case cls&wCueAfter != 0 && v == st.First && f.isFold(v, "kata"):
			// Kata Dewi, pasar itu akan dibuka ...: the cue opens the
			// sentence, the speaker and a comma, then the report.
			p = f.speakerAfter(v+1, st.Last)
			k := p.all.last
			if !p.ok() && !p.org || p.all.first != v+1 || !f.isPunct(k, ',') || k+1 >= st.Last {
				continue
			}
			clause = span{k + 1, f.clauseEnd(k+1, st)}
		case cls&(wCueAfter|wCueNya) != 0 && f.isPunct(v-1, ',') && v-2 >= st.First && f.markAt(v-2) == markNone:
			// ..., kata dia. / ..., katanya.
			k := v + 1
			if cls&wCueNya != 0 {
				p = phrase{all: span{v, v + 1}, pronoun: true}
			} else {
				p = f.speakerAfter(k, st.Last)
				if !p.ok() && !p.org {
					continue
				}
				k = p.all.last
			}
			switch {
			case f.endsAt(k, st):
				clause = span{st.First, v - 1}
			case f.isPunct(k, ',') && k+1 < st.Last && v-2 == st.First:
				// Pasalnya, kata Agus, proyek ini ...: a sentence adverb,
				// then the cue set off; the words after it are the report.
				clause = span{k + 1, f.clauseEnd(k+1, st)}
			case f.isPunct(k, ',') && k+1 < st.Last:
				// Kondisi ini, kata dia, sangat merugikan ...: the cue set
				// off inside the sentence it reports.
				clause = span{st.First, f.clauseEnd(k+1, st)}
			default:
				continue
			}
		case cls&wCuePassive != 0 && v == st.First:
			// Dijelaskan oleh <role>, <body>, Prof Erma Yulihastin bahwa
			// ...: the speaker is named right before bahwa.
			b := f.bahwaAfter(v, st)
			if b < 0 {
				continue
			}
			if p = f.phraseBefore(b-1, v+1); p.name.empty() || p.pronoun {
				continue
			}
			clause = span{b + 1, f.clauseEnd(b+1, st)}
		case cls&wCueSource != 0:
			src, after := f.sourceAt(v, st)
			if src.empty() {
				continue
			}
			clause = span{after, f.clauseEnd(after, st)}
			if clause.last-clause.first < 3 || f.markAt(clause.first) != markNone || f.cueIn(clause) {
				continue // a speaker reported inside is the one who speaks
			}
			// The outlet speaks for this report only: it is no person a
			// later pronoun could stand for.
			c := report{cand: cand{Quote: Quote{Text: f.byteSpan(clause), Kind: Indirect, Cue: f.byteSpan(span{v, v + 1}),
				Ref: f.byteSpan(src), Via: ViaName}, who: src, raw: -1, source: true}, cue: v}
			return c, true
		default:
			continue
		}
		if f.tooShort(clause) || f.markAt(clause.first) != markNone || f.isPunct(clause.first, ':') {
			continue
		}
		c := report{cand: cand{Quote: Quote{Text: f.byteSpan(clause), Kind: Indirect}, raw: -1}, cue: cue}
		if f.cls[cue]&wCueNya != 0 {
			c.Cue = f.byteSpan(span{cue, cue + 1})
			c.Ref, c.Via = c.Cue, ViaNya
			c.who = f.nyaSpan(cue, c.Text)
			f.markSalient(c.who)
		} else if !f.setSpeaker(&c.cand, cue, p, cue) {
			continue
		}
		return c, true
	}
	return report{}, false
}

// speakerAfter reads the speaker named from token i, before end, after a
// cue (menurut ..., kata ...): the reader's phrase, else an organisation
// or a person's acronym the entity stage tags there, which the reader
// reads as no name (Menurut Kementerian Perikanan Chad, ...; kata AHY,
// ...): its phrase holds only the words, the speaker is set from the
// entity (orgSpeaker); org marks it.
func (f *finder) speakerAfter(i, end int) phrase {
	p := f.phraseAfter(i, end)
	if p.ok() {
		return p
	}
	m := f.mentionFrom(i)
	if m.empty() || m.last > end || f.entityNamed(m) < 0 && !f.acronymOfPerson(m) {
		return p
	}
	return phrase{all: span{i, max(p.all.last, m.last)}, org: true}
}

// subjectFronted reports whether tokens [i, v) before a cue are words of
// the sentence's own subject (Tangkapan nelayan | menurut ...), not an
// adverbial set off by a comma (Selain itu, | menurut ...), a
// conjunction (Namun menurut ...) or a quotation.
func (f *finder) subjectFronted(i, v int) bool {
	if v-i < 2 || f.has(i, wFunction) {
		return false
	}
	for k := i; k < v; k++ {
		if f.inQuote(k) || f.toks[k].Kind != text.Word || f.has(k, wCue) {
			return false
		}
	}
	return true
}

// citedAuthors returns the token after the citation that follows an
// author's name read up to token k, before end (menurut Putri (2015), ...;
// menurut Hasan dkk (2019) dan Lubis (2020), ...): dkk or et al., a year
// in brackets (which the reader may already have read as an aside), and
// further authors after dan, with their own. The report is the first
// author's. It returns k when no year or dkk follows the first name.
func (f *finder) citedAuthors(k, end int) int {
	orig := k
	cited := f.yearClosesAt(k - 1)
	for {
		n := k
		if f.isFold(n, "dkk") {
			n++
		} else if f.isFold(n, "et") && f.isFold(n+1, "al") {
			n += 2
		}
		if f.isPunct(n, '.') && n > k {
			n++ // dkk., et al.
		}
		if c := f.yearInBrackets(n, end); c > 0 {
			n = c
		}
		if n > k {
			cited, k = true, n
		}
		if !cited {
			return orig
		}
		if !f.isFold(k, "dan") && !f.is(k, "&") {
			return k
		}
		q := f.phraseAfter(k+1, end)
		if q.name.empty() || q.pronoun || q.all.first != k+1 {
			return k
		}
		k = q.all.last
	}
}

// yearInBrackets returns the token after a bracket opening at token i that
// closes within a few tokens on a year ((2015), (IMO, 2022)), or -1.
func (f *finder) yearInBrackets(i, end int) int {
	if !f.is(i, "(") {
		return -1
	}
	for c := i + 1; c < end && c-i <= 6; c++ {
		if f.is(c, ")") {
			if f.yearClosesAt(c) {
				return c + 1
			}
			return -1
		}
	}
	return -1
}

// yearClosesAt reports whether token c is a closing bracket right after a
// year (1900-2099).
func (f *finder) yearClosesAt(c int) bool {
	if c < 1 || c >= len(f.toks) || !f.is(c, ")") || f.toks[c-1].Kind != text.Number {
		return false
	}
	y := f.tok(c - 1)
	return len(y) == 4 && (y[:2] == "19" || y[:2] == "20")
}

// tooShort reports whether a reported clause is too short to be one: under
// three tokens, or two after a cue that marks what follows as a clause
// (meyakini bahwa Polri profesional; menyatakan masih pikir-pikir).
func (f *finder) tooShort(clause span) bool {
	n := clause.last - clause.first
	if n >= 3 {
		return false
	}
	return n < 2 || !f.has(clause.first, wOpener|wNegation) && !f.isFold(clause.first-1, "bahwa")
}

// bahwaAfter returns the first bahwa outside quotations after token v in
// sentence st, within maxSpeakerRun tokens, or -1.
func (f *finder) bahwaAfter(v int, st text.Sentence) int {
	for b := v + 1; b < st.Last && b-v <= maxSpeakerRun; b++ {
		if f.inQuote(b) || f.isTerminal(b) {
			return -1
		}
		if f.isFold(b, "bahwa") {
			return b
		}
	}
	return -1
}

// bahwaNear returns the bahwa within maxObject words from token j, before
// end, with no punctuation or cue before it, or -1.
func (f *finder) bahwaNear(j, end int) int {
	for b := j; b < end && b-j <= maxObject; b++ {
		switch {
		case f.inQuote(b) || f.toks[b].Kind != text.Word || f.has(b, wCue):
			return -1
		case f.isFold(b, "bahwa"):
			return b
		}
	}
	return -1
}

// maxObject bounds the words of an object between a reporting verb and
// bahwa (mengingatkan lagi warga desa bahwa ...).
const maxObject = 5

// maxSpeakerRun bounds the words of a speaker's name and role chain between
// a passive cue and bahwa.
const maxSpeakerRun = 40

// maxSubject bounds the words of the subject of a clause reported without
// bahwa (X menyebut harga CPO dunia bisa naik).
const maxSubject = 8

// clauseShaped reports whether the words from token j, right after a
// reporting verb, read as a clause rather than a noun object: an opener
// (a modal, aspect word, copula or negation) first, or after a short
// subject an opener, an affixed verb, or a word after a demonstrative; a
// preposition or conjunction (stop) before any of these ends the object.
// The subject may hold a relative clause (lokasi yang terkena paparan
// berada ...; video yang beredar merupakan ...), a place or body after di,
// ke or dari (kondisi di Sulsel diperkirakan masih ...) or a name in
// apposition (Kota Makassar, Sulawesi Selatan sudah ...): past one of
// these, only a predicate word that no noun phrase holds (an opener, a
// copula, a negation; after a relative clause also an affixed verb after
// a noun) opens the clause. A relative clause whose predicate is an
// affixed verb runs on over its complement (yang membuatnya semakin
// terharu): only a copula, an opener after a word, or an affixed verb
// after two, ends it.
func (f *finder) clauseShaped(j, end int) bool {
	if j >= end || f.inQuote(j) {
		return false
	}
	if f.has(j, wOpener|wNegation) {
		return true
	}
	if f.has(j, wObjectStop) {
		return false
	}
	weak := false     // past a place, a body or an apposition
	relative := false // past a relative clause: an affixed verb counts after a noun
	runsOn := false   // the relative clause's predicate is an affixed verb
	place := false    // past a place or body after di, ke or dari
	noun := 0         // words read since the relative clause's predicate
	for k := j + 1; k < end && k-j <= maxSubject+4*b2i(weak || relative); k++ {
		if f.inQuote(k) {
			return false
		}
		t := f.toks[k]
		switch {
		case f.isPunct(k, ','):
			// menyebut JPU, lebih pandai ...; menyebut Kota Makassar,
			// Sulawesi Selatan (Sulsel) sudah ...
			if f.has(k+1, wOpener|wNegation) {
				return true
			}
			if k+1 >= end || f.toks[k+1].Kind != text.Word || !person.IsUpperStart(f.tok(k+1)) {
				return false
			}
			weak = true
		case t.Kind == text.Punct:
			if f.isTerminal(k) || f.isPunct(k, ':') || f.isPunct(k, ';') || f.markAt(k) != markNone {
				return false
			}
		case t.Kind != text.Word:
		case f.has(k, wOpener|wNegation) && (!runsOn || noun > 0 || f.has(k, wCopula)):
			return true
		case relative && f.has(k, wOpener|wNegation|wAdverb):
			// semakin in yang membuatnya semakin terharu: no noun
		case f.isFold(k, "yang") && !relative:
			// The relative clause's own predicate: its openers and one word.
			k++
			for k < end && f.has(k, wOpener|wNegation|wAdverb) {
				k++
			}
			relative, noun = true, 0
			runsOn = k < end && f.toks[k].Kind == text.Word && affixedVerb(strings.ToLower(f.tok(k)))
		case f.has(k, wInnerPrep) && k+1 < end && f.toks[k+1].Kind == text.Word && person.IsUpperStart(f.tok(k+1)):
			weak, place = true, true // di Sulsel, ke KPK
		case f.has(k, wObjectStop):
			return false
		case person.IsUpperStart(f.tok(k)) || f.demonstrativeAt(k):
			noun++
		case place && !relative && person.IsUpperStart(f.tok(k-1)) && activeVerb(f.tok(k)):
			// rombongan pelajar dari Bandung bertambah ...: a place after
			// di, ke or dari closes the subject, an active verb right after
			// it is the predicate.
			return true
		case weak:
		case relative:
			// gudang yang terkena banjir rob berada: a verb after the
			// relative clause's object; not its complement (membuatnya
			// makin sedih).
			if noun > b2i(runsOn) && affixedVerb(f.tok(k)) {
				return true
			}
			noun++
		case f.demonstrativeAt(k-1) || affixedVerb(f.tok(k)):
			return true
		}
	}
	return false
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// demonstrativeAt reports whether token i is tersebut, itu or ini.
func (f *finder) demonstrativeAt(i int) bool {
	return i >= 0 && i < len(f.toks) && text.IsDemonstrative(f.tok(i))
}

// affixedVerb reports whether a lower-case word is a verb by its form: a
// verbal prefix (me-, ber-, ter-, di-) that the stemmer's dictionary takes
// off (mengalami, tersebar, dinilai; not menteri, berita, dinas).
func affixedVerb(w string) bool {
	return person.HasVerbPrefix(w) && stem.Stem(w) != w
}

// activeVerb reports whether a lower-case word is an active verb by its
// form: me- or ber- that the stemmer takes off (meningkat, berkurang).
func activeVerb(w string) bool {
	return (strings.HasPrefix(w, "me") || strings.HasPrefix(w, "ber")) && affixedVerb(w)
}

// nameSetOff returns the name set off by commas after a role the reader did
// not read to its end (menurut <role> di <place>, <name>, ...): from
// token i, words up to a comma, then a name alone and a comma.
// It also returns the token of that second comma; empty when the words
// stop otherwise.
func (f *finder) nameSetOff(i, end int) (span, int) {
	for c := i; c < end && c-i <= maxOfficeTail; c++ {
		if f.inQuote(c) || f.isTerminal(c) {
			return span{}, 0
		}
		if !f.isPunct(c, ',') {
			continue
		}
		p := f.phraseAfter(c+1, end)
		if p.name.empty() || !p.role.empty() || p.pronoun || p.all.first != c+1 || !f.isPunct(p.all.last, ',') {
			return span{}, 0
		}
		return p.name, p.all.last
	}
	return span{}, 0
}

// maxSource bounds the words of a cited source's name.
const maxSource = 6

// sourceAt reads the source cited by the cue at token v when it opens
// sentence st (after seperti or sebagaimana): Dikutip dari Times of India,
// ...; Mengutip data Bloomberg, .... It returns the source's name, without
// the lower-case nouns before it (data, laman), and the token after its
// comma; an empty span when the cue does not open the sentence or no comma
// ends the name.
func (f *finder) sourceAt(v int, st text.Sentence) (span, int) {
	first := st.First
	if f.isFold(first, "seperti") || f.isFold(first, "sebagaimana") {
		first++
	}
	if v != first {
		return span{}, 0
	}
	k := v + 1
	if f.isFold(k, "dari") {
		k++
	}
	end := -1 // the name's end: the comma, or a bracket before it (Saudi Gazette (18/10/2025),)
	for c := k; c < st.Last && c-k <= maxSource; c++ {
		if f.isTerminal(c) || f.inQuote(c) {
			return span{}, 0
		}
		if f.is(c, "(") && end < 0 {
			end = c
		}
		if !f.isPunct(c, ',') {
			continue
		}
		if end < 0 {
			end = c
		}
		for k < end && f.toks[k].Kind == text.Word && strings.ToLower(f.tok(k)) == f.tok(k) {
			k++ // data Bloomberg, laman resmi Kemenkes
		}
		for end > k && f.has(end-1, wFunction) {
			end-- // detikSepakbola Rabu (22/10/2025),
		}
		if k == end {
			return span{}, 0
		}
		return span{k, end}, c + 1
	}
	return span{}, 0
}

// cueIn reports whether a reporting word outside quotations lies in s (a
// verb that needs bahwa counts only with bahwa or a comma after it).
func (f *finder) cueIn(s span) bool {
	for i := s.first; i < s.last; i++ {
		if f.inQuote(i) || !f.has(i, wCueVerb|wCuePrep|wCueNya|wCueAfter) {
			continue
		}
		if f.has(i, wCueVerb) && lex().verbFlag(f.tok(i)) == verbBahwa && !f.isPunct(i+1, ',') && !f.isFold(i+1, "bahwa") {
			continue // data ... menunjukkan jumlah ...: a noun object, no report
		}
		return true
	}
	return false
}

// negated reports whether the reporting verb at token v is denied: tidak
// menyebutkan, belum mengatakan.
func (f *finder) negated(v int) bool {
	k := v - 1
	for k >= 0 && f.has(k, wAdverb) {
		k--
	}
	return f.has(k, wNegation)
}

// maxClause bounds a reported clause in tokens; a longer run is not one
// clause but an unpunctuated stretch of text.
const maxClause = 120

// clauseEnd returns where a reported clause starting at token j ends: at
// the end of its sentence less the final mark, or before a trailing
// attribution (..., menurut media pemerintah Rusia.).
func (f *finder) clauseEnd(j int, st text.Sentence) int {
	end := min(st.Last, j+maxClause)
	for end > j && (f.isTerminal(end-1) || f.is(end-1, ")") && f.rd.OpenParen(end-1, j) < 0) {
		end--
	}
	for k := j + 1; k+1 < end; k++ {
		if f.isPunct(k, ',') && !f.inQuote(k) && f.has(k+1, wCueAfter|wCueNya|wCuePrep) {
			return k
		}
	}
	return end
}

// endsAt reports whether token k ends sentence st (or holds its last mark).
func (f *finder) endsAt(k int, st text.Sentence) bool {
	return k >= st.Last || f.isTerminal(k) && k+1 >= st.Last
}
