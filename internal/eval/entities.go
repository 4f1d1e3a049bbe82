package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode"

	"github.com/warta-news/warta/analysis/entity"
)

// EntityRecord is the part of a record that the in-article identity
// counts read.
type EntityRecord struct {
	ID       string               `json:"id"`
	Title    string               `json:"title"`
	Source   struct{ URL string } `json:"source"`
	Entities []struct {
		ID       string   `json:"id"`
		Name     string   `json:"name"`
		Type     string   `json:"type"`
		Country  string   `json:"country"`
		Roles    []string `json:"roles"`
		Mentions []struct {
			Text string `json:"text"`
		} `json:"mentions"`
	} `json:"entities"`
}

// IdentityCounts are the in-article splits and merges over a set of
// records (see CountIdentity for how they are counted).
type IdentityCounts struct {
	Articles, Entities, Persons int
	Splits, Merges              []string // one line per case: article, the names
	PersonsWithCountry          int

	figures []entity.Figure   // the shipped aliases, which are no merges
	office  map[string]string // an office's title, lower case → its name
}

// CountIdentity reads records as JSON Lines (the output of warta analyze
// --jsonl) and counts, within each article:
//
//   - a split: two entities that are one referent by their names alone —
//     the same name in any case; two persons where every word of one
//     name is a word of the other (Prabowo / Prabowo Subianto), unless the
//     shorter name fits two longer ones (Prabowo beside Prabowo Subianto
//     and Listyo Sigit Prabowo), which keeps it ambiguous; an acronym that
//     is the initials of another entity's name (KPK / Komisi Pemberantasan
//     Korupsi).
//   - a merge: one person with a mention that shares no word with its
//     name, nor the same word misspelt (Afifuddin / Affifudin), and is no
//     short form of it (Prabowo Subianto / Jokowi; but Joko
//     Widodo / Jokowi and Kang Dedi Mulyadi / KDM are short forms: the
//     short one's letters stand in the long one in order), or a person mention that holds the names of two other
//     persons of the article (Prabowo Puji Jokowi), or of one inside it,
//     neither at its start nor at its end (Trump Kecam Elon Musk Bikin).
//     A form the shipped table of public figures lists for the person
//     (Cak Imin for Muhaimin Iskandar) is no merge, nor is a title of an
//     office the person holds in the article, printed alone (Mensos for
//     Menteri Sosial Saifullah Yusuf).
func CountIdentity(r io.Reader) (*IdentityCounts, error) {
	figures, err := entity.Figures()
	if err != nil {
		return nil, err
	}
	offices, err := entity.Offices()
	if err != nil {
		return nil, err
	}
	c := &IdentityCounts{figures: figures, office: map[string]string{}}
	for _, o := range offices {
		for _, t := range append([]string{o.Name}, o.Titles...) {
			c.office[strings.ToLower(t)] = o.Name
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		var rec EntityRecord
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("record %d: %w", n, err)
		}
		c.Articles++
		c.count(&rec, n)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

// CountIdentityFile is CountIdentity over a file.
func CountIdentityFile(name string) (*IdentityCounts, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("eval entities: %w", err)
	}
	defer f.Close()
	c, err := CountIdentity(f)
	if err != nil {
		return nil, fmt.Errorf("eval entities: %s: %w", name, err)
	}
	return c, nil
}

func entityWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func subset(a, b []string) bool {
	for _, w := range a {
		if !slices.Contains(b, w) {
			return false
		}
	}
	return true
}

// disjoint reports whether no word of a is a word of b, or the same
// word misspelt (Affifudin, Afifuddin).
func disjoint(a, b []string) bool {
	for _, w := range a {
		if slices.ContainsFunc(b, func(x string) bool { return x == w || entity.SpeltAlike(x, w) }) {
			return false
		}
	}
	return true
}

// initialsOf reports whether acr (KPK) is the initials of the capitalised
// words of long (Komisi Pemberantasan Korupsi), or of all its words.
func initialsOf(acr, long string) bool {
	if len(acr) < 2 || strings.ToUpper(acr) != acr || strings.ContainsRune(acr, ' ') {
		return false
	}
	var caps, all strings.Builder
	for _, w := range strings.Fields(long) {
		r := []rune(w)
		all.WriteRune(unicode.ToUpper(r[0]))
		if unicode.IsUpper(r[0]) {
			caps.WriteRune(r[0])
		}
	}
	return len(strings.Fields(long)) > 1 && (caps.String() == acr || all.String() == acr)
}

func (c *IdentityCounts) count(rec *EntityRecord, n int) {
	where := rec.ID
	if len(where) > 12 {
		where = where[:12]
	}
	where = fmt.Sprintf("%d %s", n, where)
	es := rec.Entities
	c.Entities += len(es)
	words := make([][]string, len(es))
	for i, e := range es {
		words[i] = entityWords(e.Name)
		if e.Type == "PER" {
			c.Persons++
			if e.Country != "" {
				c.PersonsWithCountry++
			}
		}
	}
	for i := range es {
		for j := range es {
			if i == j || len(words[i]) == 0 || len(words[j]) == 0 {
				continue
			}
			a, b := es[i], es[j]
			split := false
			switch {
			case i < j && strings.EqualFold(strings.Join(words[i], " "), strings.Join(words[j], " ")):
				split = true
			case a.Type == "PER" && b.Type == "PER" && len(words[i]) < len(words[j]) && subset(words[i], words[j]):
				fits := 0
				for k := range es {
					if k != i && es[k].Type == "PER" && len(words[k]) > len(words[i]) && subset(words[i], words[k]) {
						fits++
					}
				}
				split = fits == 1
			case initialsOf(a.Name, b.Name):
				split = true
			}
			if split {
				c.Splits = append(c.Splits, fmt.Sprintf("%s\t%s %s / %s %s", where, a.Type, a.Name, b.Type, b.Name))
			}
		}
	}
	for i, e := range es {
		if e.Type != "PER" {
			continue
		}
		merged := ""
		for _, m := range e.Mentions {
			if disjoint(entityWords(m.Text), words[i]) && !shortFormOf(m.Text, e.Name) && !c.listedAlias(m.Text, e.Name) && !c.heldTitle(m.Text, e.Roles) {
				merged = e.Name + " + " + m.Text
				break
			}
		}
		for _, m := range e.Mentions {
			if merged != "" {
				break
			}
			mw := entityWords(m.Text)
			var inside []string
			for j, o := range es {
				if j == i || o.Type != "PER" || len(words[j]) >= len(mw) || !containsRun(mw, words[j]) {
					continue
				}
				if middle := !slices.Equal(mw[:len(words[j])], words[j]) && !slices.Equal(mw[len(mw)-len(words[j]):], words[j]); middle {
					inside = append(inside, o.Name, o.Name)
				} else if !slices.Contains(inside, o.Name) {
					inside = append(inside, o.Name)
				}
			}
			if len(inside) >= 2 {
				merged = m.Text + " ⊃ " + strings.Join(slices.Compact(inside), ", ")
			}
		}
		if merged != "" {
			c.Merges = append(c.Merges, fmt.Sprintf("%s\t%s %s: %s", where, e.Type, e.Name, merged))
		}
	}
}

// heldTitle reports whether mention is one of roles as printed, or a
// title of the office one of them names (Mensos, Menteri Sosial).
func (c *IdentityCounts) heldTitle(mention string, roles []string) bool {
	o := c.office[strings.ToLower(mention)]
	for _, r := range roles {
		if strings.EqualFold(r, mention) || o != "" && c.office[strings.ToLower(r)] == o {
			return true
		}
	}
	return false
}

// listedAlias reports whether the shipped table of public figures gives
// mention as a form of the person named name (Cak Imin, or Ipul of Gus
// Ipul, for Muhaimin Iskandar and Saifullah Yusuf).
func (c *IdentityCounts) listedAlias(mention, name string) bool {
	for _, f := range c.figures {
		if !strings.EqualFold(f.Name, name) {
			continue
		}
		for _, a := range f.Aliases {
			if strings.EqualFold(a, mention) || strings.HasSuffix(strings.ToLower(a), " "+strings.ToLower(mention)) {
				return true
			}
		}
	}
	return false
}

// shortFormOf reports whether one word (Kemenkeu, Sumut, Jokowi, KPK)
// can be a short form of the words long (Kementerian Keuangan, Sumatera
// Utara, Joko Widodo, Komisi Pemberantasan Korupsi): its letters are the
// initials of long, or stand in long in order, starting with its first
// letter.
func shortFormOf(short, long string) bool {
	if strings.ContainsRune(short, ' ') || len(strings.Fields(long)) < 2 {
		return false
	}
	if initialsOf(short, long) {
		return true
	}
	s, l := []rune(strings.ToLower(short)), []rune(strings.ToLower(long))
	if len(s) == 0 || s[0] != l[0] {
		return false
	}
	k := 0
	for _, r := range l {
		if k < len(s) && r == s[k] {
			k++
		}
	}
	return k == len(s)
}

// containsRun reports whether the words b stand in a, in order and
// together.
func containsRun(a, b []string) bool {
	for i := 0; i+len(b) <= len(a); i++ {
		if slices.Equal(a[i:i+len(b)], b) {
			return true
		}
	}
	return false
}

// WriteIdentityReport prints the counts, with every case when list is
// true.
func WriteIdentityReport(w io.Writer, c *IdentityCounts, list bool) error {
	fmt.Fprintf(w, "articles %d, entities %d, persons %d (%d with a country)\n", c.Articles, c.Entities, c.Persons, c.PersonsWithCountry)
	fmt.Fprintf(w, "in-article splits %d, merges %d\n", len(c.Splits), len(c.Merges))
	if list {
		for _, s := range c.Splits {
			fmt.Fprintf(w, "split\t%s\n", s)
		}
		for _, s := range c.Merges {
			fmt.Fprintf(w, "merge\t%s\n", s)
		}
	}
	_, err := fmt.Fprintln(w, `
A split is two entities of one article that are one referent by their
names alone: the same name in any case, two persons where one name's words
are all words of the other (unless the shorter fits two longer names), or
an acronym that is the initials of another entity's name. A merge is one
person with a mention that shares no word with its name (nor a word
misspelt) and is no short form of it (its letters in the name, in
order), or a person
mention holding the names of two other persons, or of one in its middle.`)
	return err
}
