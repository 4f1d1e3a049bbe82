package entity

import (
	"slices"
	"strings"

	"github.com/warta-news/warta/analysis/person"
	"github.com/warta-news/warta/analysis/text"
)

// Office is a national office of the shipped table (data/offices.tsv) that
// one person holds at a time: its name (Menteri Keuangan) and the other
// titles and short forms the press prints for it (Menkeu, Menkeu RI).
type Office struct {
	Name   string
	Titles []string
}

// Offices returns the shipped table of Indonesian national offices, for
// resolving a bare office title to its holder across articles. The slices
// are copies.
func Offices() ([]Office, error) {
	l, err := sharedWordLists()
	if err != nil {
		return nil, err
	}
	out := make([]Office, len(l.offices))
	for i, o := range l.offices {
		out[i] = Office{Name: o.Name, Titles: slices.Clone(o.Titles)}
	}
	return out, nil
}

// readOffices fills the offices of l and the indexes of their titles.
func (l *wordLists) readOffices() error {
	l.officeOf, l.officeTitles = map[string]int{}, titleWords{}
	return readTable("data/offices.tsv", func(f []string) error {
		o := Office{Name: f[0]}
		if len(f) > 1 {
			o.Titles = splitList(f[1])
		}
		for _, t := range append([]string{o.Name}, o.Titles...) {
			l.officeOf[strings.ToLower(strings.Join(strings.Fields(t), " "))] = len(l.offices)
			l.officeTitles.add(t)
		}
		l.offices = append(l.offices, o)
		return nil
	})
}

// titleWords indexes titles by their first word: each title's words, in
// lower case.
type titleWords map[string][][]string

func (tw titleWords) add(title string) {
	words := strings.Fields(strings.ToLower(title))
	if len(words) == 0 || slices.ContainsFunc(tw[words[0]], func(x []string) bool { return slices.Equal(x, words) }) {
		return
	}
	tw[words[0]] = append(tw[words[0]], words)
}

// titleAt returns the end of the longest title of the lists printed from
// token i over tokens of no mention, or i.
func (a *article) titleAt(i int, national, roles titleWords) int {
	best := i
	// Both lists' titles in turn, the national ones first, without
	// lowering the word into a new string or joining the lists.
	lower := a.lowerKey(a.word(i))
	for _, titles := range [2][][]string{national[string(lower)], roles[string(lower)]} {
		for _, words := range titles {
			end := i + len(words)
			if end <= best || end > len(a.doc.Tokens) {
				continue
			}
			ok := true
			for k, w := range words {
				t := i + k
				if !strings.EqualFold(a.word(t), w) || a.tokenEnt[t] != 0 {
					ok = false
					break
				}
			}
			if ok {
				best = end
			}
		}
	}
	return best
}

// bareOffices makes mentions of the office titles an article prints alone
// for a person it names in that office (Menteri Sosial Saifullah Yusuf ...
// kata Mensos): the title is a mention of that person, so that quotes,
// events and the store-wide resolver see who is meant. A title is bare
// when no name follows it (Menteri Keuangan Purbaya and Kapolri Jenderal
// Listyo are roles). The person is one the article names with a role of
// that office (Menkeu and Menteri Keuangan are one, data/offices.tsv) or
// the same role as printed, the one named last before the title, else the
// first after it. A title whose holder the article does not name is left
// alone: within the article it names nobody the reader is told of.
func (a *article) bareOffices() {
	l := a.r.lists
	roles := titleWords{}
	held := map[string][]int{} // office key → groups of persons holding it
	for gi, g := range a.groups {
		if len(g.ms) == 0 || g.dropped || g.class != "PER" {
			continue
		}
		for _, role := range g.roles {
			if !isCapitalised(role) {
				continue
			}
			k := a.officeKey(role)
			if _, national := l.officeOf[k]; !national && !strings.Contains(k, " ") {
				continue // a bare Ketua or Direktur is nobody in particular
			}
			roles.add(role)
			if !slices.Contains(held[k], gi) {
				held[k] = append(held[k], gi)
			}
		}
	}
	var touched []int
	for i := 0; i < len(a.doc.Tokens); i++ {
		if a.tokenEnt[i] != 0 || a.doc.Tokens[i].Kind != text.Word || !isCapitalised(a.word(i)) {
			continue
		}
		end := a.titleAt(i, l.officeTitles, roles)
		if end == i || !a.bareTitle(i, end) {
			continue
		}
		k := a.officeKey(a.text(i, end))
		gi := a.holderOf(held[k], i)
		if gi < 0 {
			i = end - 1
			continue
		}
		si := a.sentenceOf(i)
		a.ms = append(a.ms, mention{first: i, last: end, class: "PER", sentence: si, weak: a.titleCase(si), title: true})
		a.join(len(a.ms)-1, gi)
		touched = append(touched, gi)
		i = end - 1
	}
	for _, gi := range touched {
		slices.SortFunc(a.groups[gi].ms, func(x, y int) int { return a.ms[x].first - a.ms[y].first })
	}
}

// officeKey is the key a title or role is known by: the office's name for
// a national office's title (Menkeu and Menteri Keuangan are one), else
// the role in lower case.
func (a *article) officeKey(title string) string {
	k := strings.ToLower(strings.Join(strings.Fields(title), " "))
	if o, ok := a.r.lists.officeOf[k]; ok {
		return strings.ToLower(a.r.lists.offices[o].Name)
	}
	return k
}

// holderOf returns the group among held mentioned last before token i,
// else the first mentioned after it, or -1.
func (a *article) holderOf(held []int, i int) int {
	best, bestAt, after := -1, -1, false
	for _, gi := range held {
		for _, mi := range a.groups[gi].ms {
			m := &a.ms[mi]
			switch {
			case m.last <= i && (after || m.first > bestAt):
				best, bestAt, after = gi, m.first, false
			case m.first >= i && (best < 0 || after && m.first < bestAt):
				best, bestAt, after = gi, m.first, true
			}
		}
	}
	return best
}

// bareTitle reports whether the title at tokens [i, end) stands alone: no
// name, honorific or rank follows it (in a title-case headline, any word
// of no mention may follow), and it is not inside brackets that gloss a
// role (Menteri Keuangan (Menkeu) Purbaya).
func (a *article) bareTitle(i, end int) bool {
	if i > 0 && a.word(i-1) == "(" || end < len(a.doc.Tokens) && a.word(end) == ")" {
		return false
	}
	if end >= len(a.doc.Tokens) || a.sentenceOf(end) != a.sentenceOf(i) {
		return true
	}
	next := a.word(end)
	if a.doc.Tokens[end].Kind != text.Word || !isCapitalised(next) {
		return true
	}
	if a.tokenEnt[end] != 0 || a.reader().Has(end, person.Honorific) {
		return false
	}
	return a.titleCase(a.sentenceOf(end))
}

// titleCase reports whether sentence si is a title-case headline.
func (a *article) titleCase(si int) bool {
	s := a.doc.Sentences[si]
	return s.Start < a.doc.Title.End && titleCased(a.doc, s)
}
