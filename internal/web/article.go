package web

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/warta-news/warta/internal/lineage"
	"github.com/warta-news/warta/internal/store"
)

// readerRecord is what the reader shows of a record.
type readerRecord struct {
	Title     string  `json:"title"`
	Text      string  `json:"text"`
	Section   *string `json:"section"`
	Byline    *string `json:"byline"`
	Published *string `json:"published"`
	Source    struct {
		URL  string `json:"url"`
		Site string `json:"site"`
	} `json:"source"`
	Language struct {
		Code string `json:"code"`
	} `json:"language"`
	Boilerplate []struct {
		Kind string `json:"kind"`
		Text string `json:"text"`
	} `json:"boilerplate"`
	Entities []struct {
		ID       string `json:"id"`
		Name     string `json:"name"`
		Type     string `json:"type"`
		Country  string `json:"country"`
		Mentions []struct {
			Start int `json:"start"`
			End   int `json:"end"`
		} `json:"mentions"`
	} `json:"entities"`
	Quotes []struct {
		Start       int     `json:"start"`
		End         int     `json:"end"`
		Speaker     *string `json:"speaker"`
		SpeakerName *string `json:"speaker_name"`
	} `json:"quotes"`
	Dates []struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Value string `json:"value"`
	} `json:"dates"`
	Amounts []struct {
		Start int             `json:"start"`
		End   int             `json:"end"`
		Value json.RawMessage `json:"value"`
		Unit  string          `json:"unit"`
		Kind  string          `json:"kind"`
	} `json:"amounts"`
	Sentences []struct {
		Start int `json:"start"`
		End   int `json:"end"`
	} `json:"sentences"`
	Summary []int `json:"summary"`
	Topics  []struct {
		Label string `json:"label"`
	} `json:"topics"`
	Events []struct {
		Type     string      `json:"type"`
		Source   *eventActor `json:"source"`
		Target   *eventActor `json:"target"`
		Location *eventActor `json:"location"`
		Date     *string     `json:"date"`
		Negated  bool        `json:"negated"`
		Modality string      `json:"modality"`
		Trigger  string      `json:"trigger"`
	} `json:"events"`
}

type eventActor struct {
	Entity  *string `json:"entity"`
	Name    string  `json:"name"`
	Country string  `json:"country"`
}

type articleData struct {
	page
	Article    *store.Article
	Rec        readerRecord
	Paragraphs []template.HTML
	Summary    []string // the summary's sentences, in text order
	Refs       map[string]int64
	Diff       *lineage.Diff // against the version before the one shown
	Copies     *lineage.Copies
	// CopyOf is the relation to the article this one copies (its diff
	// against it), and Related every other relation.
	CopyOf  *lineage.CopyRelation
	Related []lineage.CopyRelation
}

// diffView is a diff with the page's labels, for the "diff" template.
type diffView struct {
	L    map[string]string
	Diff *lineage.Diff
}

// DiffView gives the "diff" template a diff of this page.
func (d articleData) DiffView(diff *lineage.Diff) diffView { return diffView{L: d.L, Diff: diff} }

// splitCopies picks out of an article's relations the one to the article
// it copies, if any: a copy relation whose original is the other article.
func splitCopies(id int64, c *lineage.Copies) (copyOf *lineage.CopyRelation, related []lineage.CopyRelation) {
	for i, r := range c.Relations {
		if copyOf == nil && r.Kind == lineage.Copy && r.Original == r.Article && r.Original != id {
			copyOf = &c.Relations[i]
			continue
		}
		related = append(related, r)
	}
	return copyOf, related
}

// RelationLabel says how a related article stands to this one: it copies
// or translates this one, is what this one copies or translates, copies
// the same original, or tells the same story.
func (d articleData) RelationLabel(r lineage.CopyRelation) string {
	switch {
	case r.Kind == lineage.SameStory:
		return d.L["rel.same_story"]
	case r.Original == d.Article.ID && r.Kind == lineage.Translation:
		return d.L["rel.translates"]
	case r.Original == d.Article.ID:
		return d.L["rel.copies"]
	case r.Original == r.Article && r.Kind == lineage.Translation:
		return d.L["rel.translated"]
	case r.Original == r.Article:
		return d.L["rel.copied"]
	}
	return d.L["rel.copy"]
}

// Ref is the store-wide id of the record's entity E1, 0 if unknown.
func (d articleData) Ref(local *string) int64 {
	if local == nil {
		return 0
	}
	return d.Refs[*local]
}

// summaryText returns the sentences of the record's summary in the order
// of the text; indices out of range (a damaged record) are skipped.
func summaryText(rec readerRecord) []string {
	idx := slices.Clone(rec.Summary)
	slices.Sort(idx)
	runes := []rune(rec.Text)
	var out []string
	for _, i := range idx {
		if i < 0 || i >= len(rec.Sentences) {
			continue
		}
		s := rec.Sentences[i]
		if 0 <= s.Start && s.Start <= s.End && s.End <= len(runes) {
			out = append(out, string(runes[s.Start:s.End]))
		}
	}
	return out
}

// articlePage serves /articles/{id}[?version=N]: the clean text with its
// entities, quotes, dates and amounts marked, the events, the removed
// furniture, the versions with the difference from the one before, and
// the lineage: the original it copies with the sentence diff, and its
// copies, stories and translations with the evidence.
func (ui *UI) articlePage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		ui.errorPage(w, r, http.StatusBadRequest, "the article id must be a positive whole number")
		return
	}
	var a *store.Article
	if v := r.URL.Query().Get("version"); v != "" {
		n, perr := strconv.Atoi(v)
		if perr != nil || n <= 0 {
			ui.errorPage(w, r, http.StatusBadRequest, "version must be a positive whole number")
			return
		}
		a, err = ui.cfg.Articles.Version(ctx, id, n)
	} else {
		a, err = ui.cfg.Articles.Article(ctx, id)
	}
	if errors.Is(err, store.ErrNotFound) || err == nil && a == nil {
		ui.errorPage(w, r, http.StatusNotFound, fmt.Sprintf("no article %d (or no such version)", id))
		return
	}
	if err != nil {
		ui.fail(w, r, err)
		return
	}
	d := articleData{page: ui.base(w, r, ""), Article: a, Refs: map[string]int64{}}
	if err := json.Unmarshal(a.Record, &d.Rec); err != nil {
		ui.fail(w, r, fmt.Errorf("article %d: read record: %w", id, err))
		return
	}
	if ui.cfg.Insights != nil && a.Version == len(a.Versions) {
		// The tables hold the newest version's entities only.
		if d.Refs, err = ui.cfg.Insights.EntityRefs(ctx, id); err != nil {
			ui.fail(w, r, err)
			return
		}
	}
	d.Paragraphs = markUp(d.Rec, d.Refs)
	d.Summary = summaryText(d.Rec)
	if a.Version > 1 {
		if prev, err := ui.cfg.Articles.Version(ctx, id, a.Version-1); err == nil {
			d.Diff, _ = lineage.DiffVersions(prev.Record, a.Record)
		}
	}
	if ui.cfg.Lineage != nil {
		if d.Copies, err = lineage.ReadCopies(ctx, ui.cfg.Lineage, id); err != nil {
			ui.fail(w, r, err)
			return
		}
		d.CopyOf, d.Related = splitCopies(id, d.Copies)
	}
	ui.render(w, r, http.StatusOK, "article.html", d)
}

// span is one marked range of the text, in code points.
type span struct {
	start, end int
	open       string // the opening tag, attributes escaped
	close      string
}

// markUp renders the record's body paragraphs as HTML with the layers
// marked: quotes as <q> around, and within them entity mentions, dates and
// amounts. Spans that cross a paragraph or each other are left unmarked.
func markUp(rec readerRecord, refs map[string]int64) []template.HTML {
	runes := []rune(rec.Text)
	esc := template.HTMLEscapeString
	var outer, inner []span
	names := map[string]string{}
	for _, e := range rec.Entities {
		names[e.ID] = e.Name
		ref := refs[e.ID]
		for _, m := range e.Mentions {
			open := fmt.Sprintf(`<mark class="ent %s" data-entity="%d" title="%s">`, strings.ToLower(esc(e.Type)), ref, esc(e.Name+" · "+e.Type+" "+e.Country))
			if ref != 0 {
				open = fmt.Sprintf(`<a class="ent %s" href="/entities/%d" data-entity="%d" title="%s">`, strings.ToLower(esc(e.Type)), ref, ref, esc(e.Name+" · "+e.Type+" "+e.Country))
				inner = append(inner, span{m.Start, m.End, open, "</a>"})
				continue
			}
			inner = append(inner, span{m.Start, m.End, open, "</mark>"})
		}
	}
	for _, dt := range rec.Dates {
		inner = append(inner, span{dt.Start, dt.End, fmt.Sprintf(`<time class="date" datetime="%s" title="%s">`, esc(dt.Value), esc(dt.Value)), "</time>"})
	}
	for _, am := range rec.Amounts {
		v := strings.Trim(string(am.Value), `"`)
		inner = append(inner, span{am.Start, am.End, fmt.Sprintf(`<data class="amount" value="%s" title="%s">`, esc(v), esc(strings.TrimSpace(v+" "+am.Unit+" "+am.Kind))), "</data>"})
	}
	for _, q := range rec.Quotes {
		speaker, ref := "", int64(0)
		if q.SpeakerName != nil {
			speaker = *q.SpeakerName
		}
		if q.Speaker != nil {
			ref = refs[*q.Speaker]
			speaker = cmp.Or(speaker, names[*q.Speaker])
		}
		outer = append(outer, span{q.Start, q.End, fmt.Sprintf(`<q class="quote" data-speaker="%d" title="%s">`, ref, esc(speaker)), "</q>"})
	}
	outer, inner = disjoint(outer, len(runes)), disjoint(inner, len(runes))
	// An inner span must lie inside one outer span or outside all.
	inner = slices.DeleteFunc(inner, func(s span) bool {
		return slices.ContainsFunc(outer, func(o span) bool {
			return s.start < o.end && o.start < s.end && (s.start < o.start || s.end > o.end)
		})
	})
	start := 0
	if rec.Title != "" {
		start = len([]rune(rec.Title)) + 2
	}
	var paras []template.HTML
	for start < len(runes) {
		end := start
		for end < len(runes) && !(runes[end] == '\n' && end+1 < len(runes) && runes[end+1] == '\n') {
			end++
		}
		paras = append(paras, renderRange(runes, start, end, outer, inner))
		start = end + 2
	}
	return paras
}

// disjoint sorts spans and drops those that overlap an earlier one or
// fall outside the text.
func disjoint(spans []span, n int) []span {
	slices.SortStableFunc(spans, func(a, b span) int { return cmp.Or(a.start-b.start, b.end-a.end) })
	var out []span
	last := 0
	for _, s := range spans {
		if s.start < last || s.start < 0 || s.end > n || s.start >= s.end {
			continue
		}
		out = append(out, s)
		last = s.end
	}
	return out
}

// renderRange writes runes[start:end] with the spans that lie wholly in
// it.
func renderRange(runes []rune, start, end int, outer, inner []span) template.HTML {
	type tag struct {
		at    int
		close bool
		depth int // outer 0, inner 1: outer opens first and closes last
		text  string
	}
	var tags []tag
	for depth, list := range [][]span{outer, inner} {
		for _, s := range list {
			if s.start >= start && s.end <= end {
				tags = append(tags, tag{s.start, false, depth, s.open}, tag{s.end, true, depth, s.close})
			}
		}
	}
	slices.SortStableFunc(tags, func(a, b tag) int {
		if a.at != b.at {
			return a.at - b.at
		}
		if a.close != b.close { // close before open at the same point
			if a.close {
				return -1
			}
			return 1
		}
		if a.close {
			return b.depth - a.depth
		}
		return a.depth - b.depth
	})
	var b strings.Builder
	pos := start
	for _, t := range tags {
		b.WriteString(template.HTMLEscapeString(string(runes[pos:t.at])))
		b.WriteString(t.text)
		pos = t.at
	}
	b.WriteString(template.HTMLEscapeString(string(runes[pos:end])))
	return template.HTML(b.String())
}
