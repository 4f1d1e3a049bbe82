package entity

import (
	"slices"
	"testing"
)

func TestGazetteerLongest(t *testing.T) {
	g, err := sharedGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		words   []string
		at      int
		name    string // canonical name of the first entry, "" for no match
		kind    gazKind
		country string
		length  int
	}{
		{[]string{"Amerika", "Serikat", "dan", "Rusia"}, 0, "Amerika Serikat", gkCountry, "US", 2},
		{[]string{"diplomat", "AS", "dan"}, 1, "Amerika Serikat", gkCountry, "US", 1},
		{[]string{"as", "roda"}, 0, "", 0, "", 0}, // AS only as printed
		{[]string{"di", "Korea", "Utara"}, 1, "Korea Utara", gkCountry, "KP", 2},
		{[]string{"Jerman"}, 0, "Jerman", gkCountry, "DE", 1},
		{[]string{"Moskow"}, 0, "Moskow", gkPlace, "RU", 1},
		{[]string{"Reykjavik"}, 0, "Reykjavik", gkPlace, "IS", 1},
		{[]string{"Kemenkeu"}, 0, "Kementerian Keuangan", gkOrg, "ID", 1},
		{[]string{"Kementerian", "Keuangan", "RI"}, 0, "Kementerian Keuangan", gkOrg, "ID", 2},
		{[]string{"PBB"}, 0, "Perserikatan Bangsa-Bangsa", gkOrg, "", 1},
		{[]string{"Jabar"}, 0, "Jawa Barat", gkPlace, "ID", 1},
		{[]string{"Kota", "Bandung"}, 0, "Kota Bandung", gkPlace, "ID", 2},
		{[]string{"Ajun", "Komisaris", "Besar", "Budi"}, 0, "Ajun Komisaris Besar", gkHonorific, "", 3},
		{[]string{"Menteri", "Luar", "Negeri", "Rusia"}, 0, "menteri luar negeri", gkRole, "", 3},
	} {
		var buf []byte
		hashes := make([]uint64, len(tt.words))
		for i, w := range tt.words {
			hashes[i] = wordHash(&buf, w)
		}
		m, ok := g.longest(tt.words, hashes, tt.at)
		if tt.name == "" {
			if ok {
				t.Errorf("%q at %d: matched %+v, want nothing", tt.words, tt.at, g.entries[m.entries[0]])
			}
			continue
		}
		if !ok {
			t.Errorf("%q at %d: no match, want %s", tt.words, tt.at, tt.name)
			continue
		}
		i := slices.IndexFunc(m.entries, func(j int32) bool { return g.entries[j].kind == tt.kind })
		if i < 0 || m.end-m.start != tt.length {
			t.Errorf("%q at %d: %d tokens %+v, want %d tokens of kind %d", tt.words, tt.at, m.end-m.start, m.entries, tt.length, tt.kind)
			continue
		}
		if e := g.entries[m.entries[i]]; e.name != tt.name || e.country != tt.country {
			t.Errorf("%q at %d: %s (%s), want %s (%s)", tt.words, tt.at, e.name, e.country, tt.name, tt.country)
		}
	}
}

// TestGazetteerFiles checks that every country of the world and every
// Indonesian province is listed.
func TestGazetteerFiles(t *testing.T) {
	g, err := sharedGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	count := map[gazKind]int{}
	provinces := 0
	for _, e := range g.entries {
		count[e.kind]++
	}
	err = readTable("data/regions.tsv", func(f []string) error {
		if f[1] == "province" {
			provinces++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if count[gkCountry] < 240 || count[gkPlace] < 900 || count[gkOrg] < 150 || provinces != 38 {
		t.Errorf("entries per kind %v, %d provinces: a data file is short", count, provinces)
	}
}
