package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/warta-news/warta/analysis/quote"
	"github.com/warta-news/warta/analysis/text"
)

// PFSA-ID (Purnomo W.P. et al. 2022) is read in place from
// ../shared/data/quotes/pfsa-id; it is CC BY-NC-SA and used for evaluation
// only: nothing is trained or tuned on it and none of its text is copied.
//
// The conversion, step by step:
//
//  1. The file is one token a line with a BILOU tag (STATEMENT, PERSON,
//     PERSONCOREF, ROLE, AFFILIATION, CUE, CUECOREF, ISSUE, ...); a blank
//     line ends a sentence. There are no paragraphs and no article markers.
//  2. Articles: one starts at a dateline sentence (JAKARTA , KOMPAS —), and
//     at a sentence opening an ISSUE span when the article so far already
//     has its ISSUE or has no dateline (features have no dateline; each
//     annotated article has one ISSUE). A segment with neither an ISSUE nor
//     a STATEMENT is an unannotated article glued to the file and is
//     skipped. Unannotated articles glued after an annotated one without a
//     dateline cannot be told apart and stay in (see the report notes).
//  3. Text: tokens are joined with spaces, except before closing
//     punctuation and after opening brackets; hyphens and slashes between
//     letters or digits are glued back (Covid-19, 13/04/2020). A ” closes a
//     quotation when what follows is punctuation, a lower-case word or the
//     end; it opens one after a word, a comma or a colon; otherwise
//     (after a sentence end, before a capital) it opens when no quotation
//     is open. The corpus's sentence splitter leaves an opening ” at the end
//     of the sentence before; it is moved to the sentence it opens. No tag
//     is read to build the text.
//  4. Paragraphs: each corpus sentence is a paragraph, except that a
//     sentence inside an open quotation continues the paragraph.
//  5. Gold: a STATEMENT is a quotation; its span is its words without the
//     quotation marks. Its speaker is the PERSON after its CUE (”...,” kata
//     Rina Astuti); a PERSONCOREF (kata Presiden, kata dia, kata Rina)
//     stands for the last PERSON sharing a word with it, else for the last
//     PERSON named, else for itself; a CUECOREF (katanya, ujarnya) stands
//     for the last person named. Without an attribution after the
//     statement, one before it in the same sentence is used.

// QuoteScore is how analysis/quote compares with PFSA-ID.
type QuoteScore struct {
	File     string
	Articles int // annotated articles scored
	Skipped  int // unannotated segments skipped

	Gold int // gold statements
	// Detection compares predicted direct and partial quotations with gold
	// statements: a prediction matches when it overlaps a statement by at
	// least half of the longer of the two (one to one, in text order).
	Detection PRF
	// Direct is Detection for direct quotations only (PFSA-ID annotates
	// whole statements; embedded partial quotations are not in it).
	Direct PRF
	Exact  int // matches with the same words, punctuation at the ends aside
	// Attributed counts matched quotations whose speaker is right;
	// Attributable those whose gold speaker could be read from the tags.
	Attributed, Attributable int
	// EndToEnd counts a prediction right when it matches a statement and
	// its speaker is right.
	EndToEnd PRF
	Indirect int // indirect reports found; PFSA-ID does not annotate them

	// Routes tallies predicted quotations by how their speaker was found
	// (quote.Via): how many, how many matched a statement, how many of
	// those had the right speaker.
	Routes map[string]*Route
	// GoldRefs tallies matched statements by how the corpus gives their
	// speaker (PERSON, PERSONCOREF, CUECOREF).
	GoldRefs map[string]*Route

	Missed, Spurious, WrongSpeaker []string
}

// Route is one row of QuoteScore.Routes or GoldRefs.
type Route struct {
	Count, Matched, Right int
}

// Quotes scores analysis/quote on PFSA-ID's dev-20.txt in dir.
func Quotes(dir string) (*QuoteScore, error) {
	path := filepath.Join(dir, "dev-20.txt")
	toks, err := readPFSA(path)
	if err != nil {
		return nil, fmt.Errorf("eval: quotes: %w", err)
	}
	s := &QuoteScore{File: filepath.Base(path), Routes: map[string]*Route{}, GoldRefs: map[string]*Route{}}
	for _, art := range splitPFSA(toks) {
		if !art.annotated {
			s.Skipped++
			continue
		}
		s.Articles++
		s.add(buildPFSA(art))
	}
	return s, nil
}

// pfsaToken is one line of the corpus.
type pfsaToken struct {
	form, label string
	begin       bool // B- or U-: the label's span starts here
	end         bool // L- or U-: the label's span ends here
	sentEnd     bool // a blank line follows
}

func readPFSA(path string) ([]pfsaToken, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var toks []pfsaToken
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			if len(toks) > 0 {
				toks[len(toks)-1].sentEnd = true
			}
			continue
		}
		form, tag, ok := strings.Cut(line, "\t")
		if !ok || form == "" {
			return nil, fmt.Errorf("%s:%d: want TOKEN<TAB>TAG, got %q", path, n, line)
		}
		t := pfsaToken{form: form}
		if tag != "O" {
			prefix, label, ok := strings.Cut(tag, "-")
			if !ok || len(prefix) != 1 || !strings.Contains("BILU", prefix) {
				return nil, fmt.Errorf("%s:%d: bad tag %q", path, n, tag)
			}
			t.label = label
			t.begin = prefix == "B" || prefix == "U"
			t.end = prefix == "L" || prefix == "U"
		}
		toks = append(toks, t)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(toks) > 0 {
		toks[len(toks)-1].sentEnd = true
	}
	return toks, nil
}

// pfsaArticle is a run of corpus sentences.
type pfsaArticle struct {
	toks      []pfsaToken
	annotated bool
}

// splitPFSA cuts the corpus into articles (step 2 of the conversion).
func splitPFSA(toks []pfsaToken) []pfsaArticle {
	var arts []pfsaArticle
	var cur *pfsaArticle
	hasIssue, hasDateline := false, false
	for start := 0; start < len(toks); {
		end := start
		for end < len(toks) && !toks[end].sentEnd {
			end++
		}
		end = min(end+1, len(toks))
		sent := toks[start:end]
		dateline := isDateline(sent)
		issue := false
		for _, t := range sent {
			issue = issue || t.label == "ISSUE" && t.begin
		}
		if cur == nil || dateline || issue && (hasIssue || !hasDateline) {
			arts = append(arts, pfsaArticle{})
			cur = &arts[len(arts)-1]
			hasIssue, hasDateline = false, dateline
		}
		cur.toks = append(cur.toks, sent...)
		hasIssue = hasIssue || issue
		for _, t := range sent {
			if t.label == "ISSUE" || t.label == "STATEMENT" {
				cur.annotated = true
			}
		}
		start = end
	}
	return arts
}

// isDateline reports whether a sentence opens with PLACE , KOMPAS —.
func isDateline(sent []pfsaToken) bool {
	for k := 1; k+1 < len(sent) && k < 8; k++ {
		if sent[k].form == "KOMPAS" && sent[k-1].form == "," {
			switch sent[k+1].form {
			case "—", "-", "–":
				return true
			}
		}
	}
	return false
}

// goldQuote is one STATEMENT in the text built from an article.
type goldQuote struct {
	span    text.Span
	words   string
	speaker []string // accepted speaker names; empty when the tags give none
	ref     string   // PERSON, PERSONCOREF or CUECOREF
}

// pfsaDoc is an article as text with its gold quotations.
type pfsaDoc struct {
	doc  *text.Document
	gold []goldQuote
}

// buildPFSA lays an article out as text (steps 3 and 4) and reads its gold
// quotations (step 5).
func buildPFSA(a pfsaArticle) pfsaDoc {
	toks := a.toks
	opens := quoteSides(toks)
	// An opening ” left at the end of a sentence belongs to the next one.
	for i := range toks {
		if opens[i] && toks[i].sentEnd && i+1 < len(toks) {
			toks[i].sentEnd = false
			if i > 0 {
				toks[i-1].sentEnd = true
			}
		}
	}
	var b strings.Builder
	doc := &text.Document{}
	offs := make([]text.Span, len(toks))
	paraStart := 0
	open := false
	for i, t := range toks {
		if i > 0 && toks[i-1].sentEnd && !open {
			doc.Paragraphs = append(doc.Paragraphs, text.Span{Start: paraStart, End: b.Len()})
			b.WriteString("\n\n")
			paraStart = b.Len()
		} else if i > 0 && b.Len() > paraStart && spaceBetween(toks[i-1], t, opens[i-1], opens[i]) {
			b.WriteByte(' ')
		}
		offs[i] = text.Span{Start: b.Len(), End: b.Len() + len(t.form)}
		b.WriteString(t.form)
		if isQuoteMark(t.form) {
			open = opens[i]
		}
	}
	doc.Paragraphs = append(doc.Paragraphs, text.Span{Start: paraStart, End: b.Len()})
	doc.Text = b.String()
	text.Tokenize(doc)
	text.SplitSentences(doc)
	return pfsaDoc{doc: doc, gold: goldQuotes(toks, offs, doc.Text)}
}

func isQuoteMark(s string) bool {
	switch s {
	case "”", "“", "\"":
		return true
	}
	return false
}

// quoteSides decides for every quotation mark whether it opens (step 3);
// other tokens get false.
func quoteSides(toks []pfsaToken) []bool {
	opens := make([]bool, len(toks))
	open := false
	for i, t := range toks {
		if !isQuoteMark(t.form) {
			continue
		}
		var prev, next string
		if i > 0 {
			prev = toks[i-1].form
		}
		if i+1 < len(toks) {
			next = toks[i+1].form
		}
		switch {
		case t.form == "“":
			opens[i] = true
		case next == "" || isClosingPunct(next) || startsLower(next):
			opens[i] = false
		case prev == "," || prev == ":" || prev != "" && !isPunctForm(prev):
			opens[i] = true
		default:
			opens[i] = !open
		}
		open = opens[i]
	}
	return opens
}

func isClosingPunct(s string) bool {
	switch s {
	case ",", ".", ";", ":", "?", "!", ")", "...", "…":
		return true
	}
	return false
}

func isPunctForm(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// spaceBetween says whether a space goes between two corpus tokens.
func spaceBetween(a, b pfsaToken, aOpens, bOpens bool) bool {
	switch {
	case isQuoteMark(a.form) && aOpens, a.form == "(", a.form == "[":
		return false
	case isQuoteMark(b.form) && !bOpens, isClosingPunct(b.form), b.form == "]":
		return false
	case (a.form == "-" || a.form == "/") && isAlnumEnd(b.form, true):
		return false
	case (b.form == "-" || b.form == "/") && isAlnumEnd(a.form, false):
		return false
	}
	return true
}

// isAlnumEnd reports whether s starts (first) or ends with a letter or
// digit.
func isAlnumEnd(s string, first bool) bool {
	var r rune
	if first {
		r, _ = utf8.DecodeRuneInString(s)
	} else {
		r, _ = utf8.DecodeLastRuneInString(s)
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// goldQuotes reads the STATEMENT spans and their speakers (step 5).
func goldQuotes(toks []pfsaToken, offs []text.Span, doc string) []goldQuote {
	var out []goldQuote
	var persons []string // PERSON texts in order, and what corefs resolved to
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case t.label == "PERSON" && t.begin:
			persons = append(persons, spanForms(toks, i, "PERSON"))
		case t.label == "PERSONCOREF" && t.begin:
			persons = append(persons, resolveCoref(spanForms(toks, i, "PERSONCOREF"), persons)...)
		case t.label == "STATEMENT" && t.begin:
			j := i
			for j < len(toks) && !(toks[j].label == "STATEMENT" && toks[j].end) {
				j++
			}
			j = min(j, len(toks)-1)
			a, b := i, j+1
			for a < b && isQuoteMark(toks[a].form) {
				a++
			}
			for b > a && isQuoteMark(toks[b-1].form) {
				b--
			}
			if a < b {
				g := goldQuote{span: text.Span{Start: offs[a].Start, End: offs[b-1].End}}
				g.words = doc[g.span.Start:g.span.End]
				g.speaker, g.ref = statementSpeaker(toks, i, j, persons)
				out = append(out, g)
			}
			i = j
		}
	}
	return out
}

// spanForms returns the words of the label span starting at i.
func spanForms(toks []pfsaToken, i int, label string) string {
	var parts []string
	for j := i; j < len(toks) && toks[j].label == label; j++ {
		parts = append(parts, toks[j].form)
		if toks[j].end {
			break
		}
	}
	return strings.Join(parts, " ")
}

// resolveCoref returns what a PERSONCOREF stands for: the last person
// sharing a name word with it, else the last person, and itself.
func resolveCoref(coref string, persons []string) []string {
	for k := len(persons) - 1; k >= 0; k-- {
		if sharesName(coref, persons[k]) {
			return []string{persons[k], coref}
		}
	}
	if len(persons) > 0 && !hasNameWord(coref) {
		return []string{persons[len(persons)-1], coref}
	}
	return []string{coref}
}

// statementSpeaker finds the speaker tags of the statement [i, j]: after
// it in its sentence (CUE + PERSON or PERSONCOREF, or CUECOREF), else before
// it.
func statementSpeaker(toks []pfsaToken, i, j int, persons []string) ([]string, string) {
	last := func() []string {
		if len(persons) == 0 {
			return nil
		}
		return []string{persons[len(persons)-1]}
	}
after:
	for k := j + 1; k < len(toks) && k <= j+40; k++ {
		t := toks[k]
		switch {
		case t.label == "STATEMENT":
			break after
		case t.label == "PERSON" && t.begin:
			return []string{spanForms(toks, k, "PERSON")}, "PERSON"
		case t.label == "PERSONCOREF" && t.begin:
			return resolveCoref(spanForms(toks, k, "PERSONCOREF"), persons), "PERSONCOREF"
		case t.label == "CUECOREF":
			return last(), "CUECOREF"
		}
		if t.sentEnd {
			break
		}
	}
	for k := i - 1; k >= 0 && k >= i-40; k-- {
		t := toks[k]
		if t.sentEnd || t.label == "STATEMENT" {
			break
		}
		switch {
		case t.label == "PERSON" && t.begin:
			return []string{spanForms(toks, k, "PERSON")}, "PERSON"
		case t.label == "PERSONCOREF" && t.begin:
			return resolveCoref(spanForms(toks, k, "PERSONCOREF"), persons), "PERSONCOREF"
		}
	}
	return nil, "none"
}

// titleWords are words of roles and forms of address, which do not make
// two names the same person (Presiden Joko Widodo, Wakil Presiden Ma'ruf
// Amin).
var titleWords = map[string]bool{
	"presiden": true, "wakil": true, "menteri": true, "kepala": true, "ketua": true, "direktur": true,
	"utama": true, "gubernur": true, "bupati": true, "wali": true, "kota": true, "jenderal": true,
	"juru": true, "bicara": true, "sekretaris": true, "komisaris": true, "anggota": true, "bapak": true,
	"ibu": true, "pak": true, "dr": true, "prof": true, "irjen": true, "kombes": true, "akbp": true,
	"brigjen": true, "kapolda": true, "kapolres": true, "kapolri": true, "camat": true, "lurah": true,
	"dinas": true, "badan": true, "daerah": true, "umum": true, "dan": true, "haji": true, "kh": true,
}

// nameWords returns the words of s that can identify a person: capitalised,
// three letters or more, not a role word; or, when s has none, all its
// capitalised words (a role standing for a person: Presiden).
func nameWords(s string) []string {
	var names, all []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			continue
		}
		lw := strings.ToLower(w)
		all = append(all, lw)
		if utf8.RuneCountInString(w) >= 3 && !titleWords[lw] {
			names = append(names, lw)
		}
	}
	if len(names) == 0 {
		return all
	}
	return names
}

func hasNameWord(s string) bool {
	for _, w := range nameWords(s) {
		if !titleWords[w] {
			return true
		}
	}
	return false
}

// sharesName reports whether two names have a name word in common.
func sharesName(a, b string) bool {
	for _, x := range nameWords(a) {
		for _, y := range nameWords(b) {
			if x == y {
				return true
			}
		}
	}
	return false
}

// add runs the quote stage on one article and counts agreement.
func (s *QuoteScore) add(d pfsaDoc) {
	preds := quote.Find(d.doc, nil)
	s.Gold += len(d.gold)
	s.Detection.Gold += len(d.gold)
	s.Direct.Gold += len(d.gold)
	s.EndToEnd.Gold += len(d.gold)
	used := make([]bool, len(d.gold))
	for _, p := range preds {
		if p.Kind == quote.Indirect {
			s.Indirect++
			continue
		}
		route := s.Routes[p.Via.String()]
		if route == nil {
			route = &Route{}
			s.Routes[p.Via.String()] = route
		}
		route.Count++
		s.Detection.Pred++
		s.EndToEnd.Pred++
		if p.Kind == quote.Direct {
			s.Direct.Pred++
		}
		g := matchGold(d.gold, used, p.Text)
		if g < 0 {
			s.example(&s.Spurious, fmt.Sprintf("%s %q", p.Kind, d.doc.Text[p.Text.Start:p.Text.End]))
			continue
		}
		used[g] = true
		gold := d.gold[g]
		route.Matched++
		s.Detection.Match++
		if p.Kind == quote.Direct {
			s.Direct.Match++
		}
		if trimEnds(d.doc.Text[p.Text.Start:p.Text.End]) == trimEnds(gold.words) {
			s.Exact++
		}
		ref := s.GoldRefs[gold.ref]
		if ref == nil {
			ref = &Route{}
			s.GoldRefs[gold.ref] = ref
		}
		ref.Count++
		if len(gold.speaker) == 0 {
			continue
		}
		s.Attributable++
		ref.Matched++
		if speakerRight(p, d.doc.Text, gold.speaker) {
			s.Attributed++
			s.EndToEnd.Match++
			route.Right++
			ref.Right++
		} else {
			s.example(&s.WrongSpeaker, fmt.Sprintf("%s %q (said %q via %s) for %q", gold.ref, strings.Join(gold.speaker, " | "),
				p.Name+" / "+d.doc.Text[p.Ref.Start:p.Ref.End], p.Via, clip(gold.words, 60)))
		}
	}
	for g, ok := range used {
		if !ok {
			s.example(&s.Missed, fmt.Sprintf("%q", clip(d.gold[g].words, 100)))
		}
	}
}

// matchGold returns the unused gold quotation that span overlaps by at
// least half of the longer of the two, or -1.
func matchGold(gold []goldQuote, used []bool, p text.Span) int {
	k := sort.Search(len(gold), func(i int) bool { return gold[i].span.End > p.Start })
	for ; k < len(gold) && gold[k].span.Start < p.End; k++ {
		if used[k] {
			continue
		}
		g := gold[k].span
		overlap := min(g.End, p.End) - max(g.Start, p.Start)
		if 2*overlap >= max(g.End-g.Start, p.End-p.Start) {
			return k
		}
	}
	return -1
}

// speakerRight reports whether the predicted speaker (its name, or for a
// role standing alone the role at the cue too) shares a name word with one
// of the accepted gold names.
func speakerRight(p quote.Quote, doc string, gold []string) bool {
	said := []string{p.Name}
	if p.Via == quote.ViaRole {
		said = append(said, doc[p.Ref.Start:p.Ref.End])
	}
	for _, s := range said {
		for _, g := range gold {
			if s != "" && sharesName(s, g) {
				return true
			}
		}
	}
	return false
}

func trimEnds(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

func (s *QuoteScore) example(list *[]string, e string) {
	if len(*list) < maxExamples {
		*list = append(*list, e)
	}
}

// WriteQuotesReport writes the scores with notes on how to read them.
func WriteQuotesReport(w io.Writer, s *QuoteScore, examples int) error {
	var b strings.Builder
	fmt.Fprintf(&b, "PFSA-ID %s: %d annotated articles (%d unannotated segments skipped), %d gold statements\n\n",
		s.File, s.Articles, s.Skipped, s.Gold)
	fmt.Fprintf(&b, "%-34s %7s %7s %7s %6s %6s\n", "", "P", "R", "F1", "match", "pred")
	row := func(name string, p PRF) {
		fmt.Fprintf(&b, "%-34s %7.3f %7.3f %7.3f %6d %6d\n", name, p.Precision(), p.Recall(), p.F1(), p.Match, p.Pred)
	}
	row("quote detection (direct+partial)", s.Detection)
	row("quote detection (direct only)", s.Direct)
	row("end to end (quote and speaker)", s.EndToEnd)
	fmt.Fprintf(&b, "\nspeaker attribution accuracy: %.3f (%d of %d matched quotations with a speaker in the tags)\n",
		ratio(s.Attributed, s.Attributable), s.Attributed, s.Attributable)
	fmt.Fprintf(&b, "same words as the statement: %d of %d matches\n", s.Exact, s.Detection.Match)
	fmt.Fprintf(&b, "indirect reports found (not annotated, not scored): %d\n", s.Indirect)
	fmt.Fprintf(&b, "\nspeaker found via   %6s %8s %6s %9s\n", "quotes", "matched", "right", "accuracy")
	for _, v := range []string{"name", "role", "pronoun", "nya", "continuation", "none"} {
		if r := s.Routes[v]; r != nil {
			fmt.Fprintf(&b, "%-19s %6d %8d %6d %9.3f\n", v, r.Count, r.Matched, r.Right, ratio(r.Right, r.Matched))
		}
	}
	fmt.Fprintf(&b, "\ngold speaker given by  %7s %12s %6s %9s\n", "matched", "attributable", "right", "accuracy")
	for _, v := range []string{"PERSON", "PERSONCOREF", "CUECOREF", "none"} {
		if r := s.GoldRefs[v]; r != nil {
			fmt.Fprintf(&b, "%-22s %7d %12d %6d %9.3f\n", v, r.Count, r.Matched, r.Right, ratio(r.Right, r.Matched))
		}
	}
	for _, ex := range []struct {
		name string
		list []string
	}{{"missed", s.Missed}, {"spurious", s.Spurious}, {"wrong speaker", s.WrongSpeaker}} {
		if examples <= 0 || len(ex.list) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\nfirst %s:\n", ex.name)
		for _, e := range ex.list[:min(examples, len(ex.list))] {
			fmt.Fprintf(&b, "  %s\n", e)
		}
	}
	b.WriteString(quotesReportNotes)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("eval: writing quotes report: %w", err)
	}
	return nil
}

const quotesReportNotes = `
How to read it:
- PFSA-ID annotates the statements of public figures. Quotations of
  ordinary people (residents, traders) and of some officials are not
  annotated, nor are partial quotations inside a sentence, so a correct
  prediction there counts as spurious: precision is a lower bound.
- A match needs an overlap of half the longer span; "same words" counts the
  matches whose words equal the statement's, punctuation at the ends aside.
- A speaker is right when the predicted name shares a name word (not a
  role word) with the person the tags give; a role standing alone (kata
  Presiden) may match the role the tags give when they name nobody.
- The corpus's published figures (82.0 F for its baseline tagger, 90.1%
  annotator agreement) are label-level tagging scores, not end-to-end
  quotation and speaker scores: they are context, not the same metric.
- The text is rebuilt from tokens without paragraphs (one sentence a
  paragraph, or a whole quotation), so rules that read paragraphs see less
  than in a real article. Evaluation only: nothing is tuned on this set.
`
