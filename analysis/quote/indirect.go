package quote

import "github.com/warta-news/warta/analysis/text"

// findIndirect finds reported speech without quotation marks, one report
// a sentence at most, outside the title:
//
//   - a speaker and a reporting verb, then the reported clause (X mengatakan
//     bahwa ...; X menilai ...), where verbs that often take a noun object
//     need bahwa or a comma (X mengungkapkan, ...);
//   - menurut X, then the clause (or the clause, then menurut X);
//   - the clause, then a comma and an after-cue (..., kata dia.).
//
// A denied report (tidak menyebutkan ...) is not speech, and a clause
// opening with a quotation mark is a direct quotation, found elsewhere.
func (f *finder) findIndirect() {
	for _, st := range f.sents {
		if st.First >= st.Last || f.info[st.First].unit == 0 {
			continue
		}
		if c, ok := f.indirectIn(st); ok {
			if !c.who.empty() {
				f.said = append(f.said, spoke{pos: c.cue, who: c.who})
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
			if flag != verbClause && flag != verbBahwa || f.negated(v) {
				continue
			}
			j := v + 1
			marked := false
			if f.isPunct(j, ',') {
				j++
				marked = true
			}
			if f.isFold(j, "bahwa") {
				j++
				marked = true
			}
			if flag == verbBahwa && !marked {
				continue
			}
			var ok bool
			if p, ok = f.subjectOf(v); !ok {
				continue
			}
			clause = span{j, f.clauseEnd(j, st)}
		case cls&wCuePrep != 0:
			k := v + 1
			if cls&wCueNya != 0 {
				p = phrase{all: span{v, v + 1}, pronoun: true} // menurutnya
			} else {
				p = f.phraseAfter(k, st.Last)
				if !p.ok() {
					continue
				}
				k = p.all.last
			}
			switch {
			case f.isPunct(k, ',') && k+1 < st.Last:
				clause = span{k + 1, f.clauseEnd(k+1, st)}
			case v > st.First && f.isPunct(v-1, ',') && f.endsAt(k, st):
				clause = span{st.First, v - 1}
			default:
				continue
			}
		case cls&(wCueAfter|wCueNya) != 0 && f.isPunct(v-1, ',') && v-2 >= st.First && f.markAt(v-2) == markNone:
			// ..., kata dia. / ..., katanya.
			k := v + 1
			if cls&wCueNya != 0 {
				p = phrase{all: span{v, v + 1}, pronoun: true}
			} else {
				p = f.phraseAfter(k, st.Last)
				if !p.ok() {
					continue
				}
				k = p.all.last
			}
			if !f.endsAt(k, st) {
				continue
			}
			clause = span{st.First, v - 1}
		default:
			continue
		}
		if clause.last-clause.first < 3 || f.markAt(clause.first) != markNone || f.isPunct(clause.first, ':') {
			continue
		}
		c := report{cand: cand{Quote: Quote{Text: f.byteSpan(clause), Kind: Indirect}, raw: -1}, cue: cue}
		if f.cls[cue]&wCueNya != 0 {
			c.Cue = f.byteSpan(span{cue, cue + 1})
			c.Ref, c.Via = c.Cue, ViaNya
			c.who = f.antecedentSpan(cue)
			f.markSalient(c.who)
		} else if !f.setSpeaker(&c.cand, cue, p, cue) {
			continue
		}
		return c, true
	}
	return report{}, false
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
