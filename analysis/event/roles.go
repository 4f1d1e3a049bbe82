package event

import (
	"slices"
	"strings"
	"unicode"

	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/person"
	"github.com/warta-news/warta/analysis/text"
)

// A role named without a name stands for the person the article names in
// that role: Kapolri for the police chief named before, Wakil Ketua DPR ini
// for the deputy speaker just quoted, Gubernur Jawa Barat for Dedi
// Mulyadi. The roles are those the entities stage read before each
// person's name (Entity.Roles), through the shared person reader.

// rolePhrase returns the end of a role phrase that starts at token i,
// before end, and names no one after it: a role head (Kapolri, Wakil
// Ketua), then capitalised words and the mentions of places and bodies
// (Wakil Ketua DPR, Gubernur Jawa Barat). It returns i where there is no
// role head, or where a person's name follows the role (Menteri Keuangan
// Purbaya Yudhi Sadewa), whom the entities stage has named.
func (c *coder) rolePhrase(i, end int) int {
	if i < 0 || c.in.Entities.At(i) != nil {
		return i
	}
	rd := c.reader()
	n, _ := rd.RoleHeadLen(i, end)
	if n == 0 {
		return i
	}
	j := i + n
	for j < end {
		if e, ms := c.entityAt(j); e != nil {
			if e.Type == "PER" {
				return i
			}
			j = ms.last
			continue
		}
		if c.doc.Tokens[j].Kind != text.Word || !c.isCapitalised(j) || rd.Has(j, person.Function) {
			break
		}
		j++
	}
	if j < end {
		if e, _ := c.entityAt(j); e != nil && e.Type == "PER" {
			return i
		}
	}
	return j
}

// roleEnding returns the start of a role phrase that ends at token end
// (exclusive) and starts at most four tokens before it, or -1.
func (c *coder) roleEnding(end, lo int) int {
	for s := end - 1; s >= lo && s >= end-4; s-- {
		if c.rolePhrase(s, end) == end {
			return s
		}
	}
	return -1
}

// heldRole is a role the article prints with a person's name in its body:
// right before it (Kepala Dikbud Kendari Saemina) or after it between
// commas (Saemina, Kepala Dikbud Kendari), as the person reader reads it.
// Headlines are left out: their title case glues words to roles.
type heldRole struct {
	e     *entity.Entity
	words []string
	// bracket marks a role that gives its abbreviation in brackets
	// (Menteri Dalam Negeri (Mendagri)).
	bracket bool
	at      int // the byte offset of the name
}

// heldRoles lists the article's printed roles, read on first use.
func (c *coder) heldRoles() []heldRole {
	if c.held != nil || c.entities() == 0 {
		return c.held
	}
	c.held = []heldRole{}
	rd := c.reader()
	add := func(e *entity.Entity, sp person.Span, at int) {
		if sp.Empty() {
			return
		}
		role := c.doc.Text[c.doc.Tokens[sp.First].Start:c.doc.Tokens[sp.Last-1].End]
		c.held = append(c.held, heldRole{e: e, words: roleWords(role), bracket: strings.Contains(role, "("), at: at})
	}
	for k := range c.in.Entities.Entities {
		e := &c.in.Entities.Entities[k]
		if e.Type != "PER" {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start < c.doc.Title.End {
				continue
			}
			lo := c.sentenceStart(m.First)
			add(e, rd.RoleBefore(m.First, lo), m.Start)
			if m.Last+1 < len(c.doc.Tokens) && c.low[m.Last] == "," {
				end := len(c.doc.Tokens)
				if ap := rd.Appositive(m.Last+1, end); ap > m.Last+1 {
					add(e, person.Span{First: m.Last + 1, Last: ap}, m.Start)
				}
			}
		}
	}
	return c.held
}

// rolePerson returns the person whom the role phrase in tokens [first,
// last) stands for: a person printed with that role — the same head
// (Wakil Ketua is not Ketua) and every other word of the phrase in the
// role, or the phrase an abbreviation the role gives in brackets (Mendagri
// for Menteri Dalam Negeri (Mendagri)). Of several, the one named last
// before the phrase wins, else the first after it (a headline's role is
// named in the body). It is nil when none matches.
func (c *coder) rolePerson(first, last int) *Actor {
	n, _ := c.reader().RoleHeadLen(first, last)
	if n == 0 {
		return nil
	}
	var pw []string
	for k := first; k < last; k++ {
		pw = append(pw, roleWords(c.doc.Text[c.doc.Tokens[k].Start:c.doc.Tokens[k].End])...)
	}
	if len(pw) < n {
		return nil
	}
	return c.holder(c.doc.Tokens[first].Start, func(h heldRole) bool { return roleMatches(h, pw, n) })
}

// holder is the person printed with a role that match accepts: the one
// named last before the byte offset at, else the first after; nil when none
// is.
func (c *coder) holder(at int, match func(heldRole) bool) *Actor {
	var before, after *entity.Entity
	beforeAt, afterAt := -1, len(c.doc.Text)
	for _, h := range c.heldRoles() {
		if !match(h) {
			continue
		}
		switch {
		case h.at < at && h.at > beforeAt:
			before, beforeAt = h.e, h.at
		case h.at >= at && h.at < afterAt:
			after, afterAt = h.e, h.at
		}
	}
	switch {
	case before != nil:
		return actorOf(before)
	case after != nil:
		return actorOf(after)
	}
	return nil
}

// roleMatches reports whether a role printed with a name (Wakil Ketua DPR
// RI) is the one that the phrase words pw, whose first n words are the
// role head, name.
func roleMatches(h heldRole, pw []string, n int) bool {
	rw := h.words
	if len(pw) == 1 && h.bracket && slices.Contains(rw[1:], pw[0]) {
		return true
	}
	if len(rw) < n || !slices.Equal(rw[:n], pw[:n]) {
		return false
	}
	for _, w := range pw[n:] {
		if !slices.Contains(rw, w) {
			return false
		}
	}
	return true
}

// roleWords splits a role into its words in lower case, without brackets
// and punctuation; the demonstratives that follow a role in the text (ini,
// itu, tersebut) are not words of it.
func roleWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !text.IsDemonstrative(w) {
			out = append(out, w)
		}
	}
	return out
}

// bareRole is the person that a lone role word read as a person's name
// stands for (Pak Wali, for the mayor the article prints as Wali Kota Bogor
// X): the holder of a role that opens with that word, nearest the byte
// offset at; nil when the article prints no such role, since the word alone
// names no one. Any other actor is returned as it is.
func (c *coder) bareRole(a *Actor, at int) *Actor {
	if a == nil || a.kind != "PER" || strings.ContainsAny(a.Name, " -") {
		return a
	}
	w := strings.ToLower(a.Name)
	cls := person.Default().Classes(w)
	if cls&(person.Role|person.RoleFirst) == 0 || cls&person.NameStart != 0 {
		return a
	}
	return c.holder(at, func(h heldRole) bool { return len(h.words) > 0 && h.words[0] == w && h.e.ID != a.Entity })
}
