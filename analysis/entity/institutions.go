package entity

import "github.com/warta-news/warta/analysis/text"

// Institutions returns the shipped table of state bodies, parties and
// international organisations (data/organisations.tsv) as Figures: the
// official name, its short forms (KPK, Kemenkeu, Polri) and the country
// ("" for international ones), for resolving names across articles.
func Institutions() ([]Figure, error) {
	const file = "data/organisations.tsv"
	data, err := dataFS.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var out []Figure
	err = text.ReadTable(file, string(data), 3, func(f []string) error {
		out = append(out, Figure{Name: f[0], Aliases: splitList(f[1]), Country: f[2]})
		return nil
	})
	return out, err
}
