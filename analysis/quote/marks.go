package quote

import "github.com/warta-news/warta/analysis/person"

// rawQuote is a stretch of text between quotation marks in one unit (the
// title or a paragraph), before it is judged a quotation.
type rawQuote struct {
	open, close int // token indexes of the marks; -1 when that side has none
	inner       span
	unit        int
	// cont marks a piece continuing the previous unit's quotation (a
	// quotation over several paragraphs); runsOn marks a piece whose
	// quotation goes on in the next unit.
	cont, runsOn bool
}

// pairMarks finds the quoted stretches. The straight " and ” serve as
// both opening and closing marks (some outlets print ”...”), so a mark's
// side is read from its spacing first: glued to the word after it and not
// to the one before, it opens; the other way round, it closes. Otherwise
// its shape decides, and for an ambiguous mark whether a quotation is open.
// A quotation running over paragraphs opens again at the start of each and
// closes only at the end.
func (f *finder) pairMarks() {
	var pending *rawQuote // open at the end of the previous paragraph
	i := 0
	for i < len(f.toks) {
		unit := int(f.info[i].unit)
		end := i
		for end < len(f.toks) && int(f.info[end].unit) == unit {
			end++
		}
		pending = f.pairUnit(i, end, unit, pending)
		i = end
	}
	if pending != nil {
		f.closeUnfinished(pending)
	}
	for qi, r := range f.raws {
		lo, hi := r.inner.first, r.inner.last
		if r.open >= 0 {
			lo = r.open
		}
		if r.close >= 0 {
			hi = r.close + 1
		}
		for k := lo; k < hi; k++ {
			f.info[k].quote = int32(qi + 1)
			f.cls[k] |= person.Blocked
		}
	}
}

// pairUnit pairs the marks of tokens [a, b) of one unit and returns the
// quotation still open at its end.
func (f *finder) pairUnit(a, b, unit int, pending *rawQuote) *rawQuote {
	if unit <= 0 && pending != nil { // the title never continues a quotation
		f.closeUnfinished(pending)
		pending = nil
	}
	open := -1
	first := true
	for i := a; i < b; i++ {
		m := f.markAt(i)
		if m == markNone {
			continue
		}
		opens := f.opens(i, a, b, m, open >= 0)
		if pending != nil && first {
			first = false
			switch {
			case opens && i == a: // “ at the paragraph start: the quotation goes on
				pending.runsOn = true
				f.addRaw(*pending)
				pending = nil
				open = i
				f.contNext = true
				continue
			case !opens: // closed here without opening again
				pending.runsOn = true
				f.addRaw(*pending)
				pending = nil
				f.addRaw(rawQuote{open: -1, close: i, inner: span{a, i}, unit: unit, cont: true})
				continue
			}
			f.closeUnfinished(pending)
			pending = nil
		}
		first = false
		if opens {
			open = i // an earlier opener never closed is dropped
			continue
		}
		if open >= 0 {
			f.addRaw(rawQuote{open: open, close: i, inner: span{open + 1, i}, unit: unit, cont: f.contNext})
			f.contNext = false
			open = -1
		} else if f.lostOpening(i, a, unit) {
			f.addRaw(rawQuote{open: -1, close: i, inner: span{a, i}, unit: unit})
		}
	}
	if pending != nil {
		f.closeUnfinished(pending)
	}
	if open >= 0 {
		r := &rawQuote{open: open, close: -1, inner: span{open + 1, b}, unit: unit, cont: f.contNext}
		f.contNext = false
		return r
	}
	f.contNext = false
	return nil
}

// lostOpening reports whether the closing mark at token i, the first mark
// of paragraph [a, ...), ends a quotation whose opening mark the cleaner
// lost with the words before it (ekarang untuk mengikuti proses ...
// siapa?" terang dia.): a cue follows it, after a comma or not, so the
// paragraph's words up to it are the quotation.
func (f *finder) lostOpening(i, a, unit int) bool {
	if unit <= 0 || i == a {
		return false
	}
	for k := a; k < i; k++ {
		if f.markAt(k) != markNone {
			return false
		}
	}
	j := i + 1
	if f.isPunct(j, ',') {
		j++
	}
	return j < len(f.toks) && int(f.info[j].unit) == unit && f.has(j, wCueAfter|wCueNya)
}

// opens decides the side of the mark at token i in unit [a, b).
func (f *finder) opens(i, a, b, shape int, isOpen bool) bool {
	spaceBefore := i == a || f.toks[i-1].End < f.toks[i].Start
	spaceAfter := i+1 == b || f.toks[i+1].Start > f.toks[i].End
	switch {
	case spaceBefore && !spaceAfter:
		return true
	case !spaceBefore && spaceAfter:
		return false
	}
	switch shape {
	case markOpen:
		return true
	case markClose:
		return false
	}
	return !isOpen
}

// closeUnfinished keeps a quotation whose closing mark is missing when it
// stands where speech begins (at the start of its paragraph or after a
// colon or comma), running to the end of the paragraph; otherwise the lone
// mark is a typo or a stray and is dropped.
func (f *finder) closeUnfinished(r *rawQuote) {
	if r.cont || r.runsOn || r.open < 0 || f.startsUnit(r.open) || f.isPunct(r.open-1, ':') || f.isPunct(r.open-1, ',') {
		f.addRaw(*r)
	}
}

func (f *finder) addRaw(r rawQuote) {
	for r.inner.last > r.inner.first && f.markAt(r.inner.last-1) != markNone {
		r.inner.last-- // an unclosed quotation ending in a stray mark
	}
	if r.inner.empty() {
		return
	}
	f.raws = append(f.raws, r)
}

// startsUnit reports whether token i is the first of its unit.
func (f *finder) startsUnit(i int) bool {
	return i == 0 || f.info[i-1].unit != f.info[i].unit
}
