package entity

import "slices"

// Figure is a public figure of the shipped table (data/figures.tsv): the
// full name, the aliases the press calls the person by, and the country.
type Figure struct {
	Name    string
	Aliases []string
	Country string
}

// Figures returns the shipped table of Indonesian public figures and
// their aliases (Jokowi, SBY, AHY, Cak Imin, Gus Ipul), for resolving
// names across articles. The slices are copies.
func Figures() ([]Figure, error) {
	l, err := sharedWordLists()
	if err != nil {
		return nil, err
	}
	out := make([]Figure, len(l.figures))
	for i, f := range l.figures {
		out[i] = Figure{Name: f.Name, Aliases: slices.Clone(f.Aliases), Country: f.Country}
	}
	return out, nil
}
