package search

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// trimBer is a toy stemmer for the tests of this package: it only shows
// where stemming happens. The real one is analysis/stem.
func trimBer(w string) string { return strings.TrimPrefix(w, "ber") }

func TestTokens(t *testing.T) {
	a := NewAnalyzer(trimBer)
	type tok struct {
		term       string
		start, end int
	}
	tests := []struct {
		name, text string
		want       []tok
	}{
		{"stopwords dropped, case folded, stemmed", "Menteri itu Bertemu di Jakarta",
			[]tok{{"menteri", 0, 7}, {"temu", 12, 19}, {"jakarta", 23, 30}}},
		{"reduplication split", "anak-anak sekolah", []tok{{"anak", 0, 4}, {"anak", 5, 9}, {"sekolah", 10, 17}}},
		{"hyphenated stopword dropped whole", "masing-masing warga", []tok{{"warga", 14, 19}}},
		{"numbers keep their separators", "Rp1,5 triliun, 10.000 bibit.", []tok{{"rp1,5", 0, 5}, {"triliun", 6, 13}, {"10.000", 15, 21}, {"bibit", 22, 27}}},
		{"digits are not stemmed", "ber20", []tok{{"ber20", 0, 5}}},
		{"apostrophe inside a word", "Jum’at", []tok{{"jum'at", 0, 8}}},
		{"punctuation and dates split", "Senin (20/10/2025).", []tok{{"senin", 0, 5}, {"20", 7, 9}, {"10", 10, 12}, {"2025", 13, 17}}},
		{"non-ASCII letters", "Pelé BERLARI", []tok{{"pelé", 0, 5}, {"lari", 6, 13}}},
		{"only stopwords", "yang dan di", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []tok
			a.Tokens(tt.text, func(term string, start, end int) error {
				got = append(got, tok{term, start, end})
				return nil
			})
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tokens(%q)\n got %v\nwant %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestTokensStopsOnError(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := NewAnalyzer(nil).Tokens("banjir bekasi surut", func(string, int, int) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err %v after %d tokens, want stop after 1", err, n)
	}
}

func TestFingerprint(t *testing.T) {
	plain, stemmed := NewAnalyzer(nil), NewAnalyzer(trimBer)
	if plain.Fingerprint() == stemmed.Fingerprint() {
		t.Error("a different stemmer gives the same fingerprint")
	}
	if stemmed.Fingerprint() != NewAnalyzer(trimBer).Fingerprint() {
		t.Error("the same stemmer gives different fingerprints")
	}
}

func TestQueryBounds(t *testing.T) {
	for _, q := range []string{
		strings.Repeat("banjir ", 200),
		strings.Repeat("kata ", MaxWords+1),
		"banjir" + strings.Repeat(" OR longsor", MaxOr+1),
		strings.Repeat("entity:DPR ", MaxNames+1),
		"banjir\x00",
		"from:2025-13", "to:2025-02-30", "from:2025-99",
		"entity:" + strings.Repeat("a", MaxNameBytes+1),
	} {
		if _, err := Parse(q); !errors.Is(err, ErrBadQuery) {
			t.Errorf("Parse(%.40q...) = %v, want ErrBadQuery", q, err)
		}
	}
	if _, err := Parse(strings.TrimSpace(strings.Repeat("kata ", MaxWords))); err != nil {
		t.Errorf("a query at the bound: %v", err)
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Query
	}{
		{"banjir bekasi", Query{Clauses: []Clause{{Text: "banjir"}, {Text: "bekasi"}}}},
		{`"rapat kerja" Senayan`, Query{Clauses: []Clause{{Text: "rapat kerja", Phrase: true}, {Text: "Senayan"}}}},
		{`“subsidi pupuk”`, Query{Clauses: []Clause{{Text: "subsidi pupuk", Phrase: true}}}},
		{"banjir OR longsor -jakarta", Query{Clauses: []Clause{{Text: "banjir"}, {Text: "longsor", Or: true}, {Text: "jakarta", Exclude: true}}}},
		{`banjir entity:"Purbaya Yudhi Sadewa" speaker:Purbaya site:detik.com section:Berita from:2025-10 to:2025-10-31`,
			Query{Clauses: []Clause{{Text: "banjir"}}, Entities: []string{"Purbaya Yudhi Sadewa"}, Speakers: []string{"Purbaya"},
				Site: "detik.com", Section: "Berita", From: "2025-10", To: "2025-10-31"}},
		{"entity:DPR entity:KPK", Query{Entities: []string{"DPR", "KPK"}}},
		{`korupsi topic:politik topic:"crime, law and justice" topic:medtop:11000000`,
			Query{Clauses: []Clause{{Text: "korupsi"}}, Topics: []string{"medtop:11000000", "medtop:02000000"}}},
		{"pukul 14:30 OR", Query{Clauses: []Clause{{Text: "pukul"}, {Text: "14:30"}}}},
		{`"tanpa akhir`, Query{Clauses: []Clause{{Text: "tanpa akhir", Phrase: true}},
			Warnings: []string{"a quote is not closed: the phrase runs to the end of the query"}}},
		{"   ", Query{}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Limit = DefaultLimit
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"-banjir", "banjir from:kemarin", "to:2025/10/01", "topic:hukum", `topic:"sport and more"`} {
		if _, err := Parse(in); !errors.Is(err, ErrBadQuery) {
			t.Errorf("Parse(%q): err %v, want ErrBadQuery", in, err)
		}
	}
	q := Query{Limit: MaxLimit + 1}
	if err := q.Validate(); !errors.Is(err, ErrBadQuery) {
		t.Errorf("limit over the maximum: err %v", err)
	}
}

func TestSnippet(t *testing.T) {
	a := NewAnalyzer(trimBer)
	text := "Rapat dimulai pagi.\n\nPara menteri bertemu di <Istana> & membahas anggaran banjir. Hasilnya diumumkan sore harinya kepada wartawan yang menunggu di luar gedung."
	tests := []struct {
		name  string
		terms []string
		width int
		want  string
	}{
		{"match near the start, punctuation kept", []string{"temu"}, 5,
			"Rapat dimulai pagi. Para menteri <mark>bertemu</mark> di &lt;Istana&gt;…"},
		{"the window with most distinct terms wins", []string{"rapat", "anggaran", "banjir"}, 4,
			"…&lt;Istana&gt; &amp; membahas <mark>anggaran</mark> <mark>banjir</mark>.…"},
		{"no match: the start", []string{"gempa"}, 3, "Rapat dimulai pagi. Para menteri…"},
		{"window moved left at the end", []string{"gedung"}, 4, "…harinya kepada wartawan yang menunggu di luar <mark>gedung</mark>."},
		{"whole text when it fits", []string{"wartawan"}, 100, "Rapat dimulai pagi. Para menteri bertemu di &lt;Istana&gt; &amp; membahas anggaran banjir. Hasilnya diumumkan sore harinya kepada <mark>wartawan</mark> yang menunggu di luar gedung."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			terms := map[string]bool{}
			for _, term := range tt.terms {
				terms[term] = true
			}
			if got := a.Snippet(text, terms, tt.width); got != tt.want {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
	if got := a.Snippet("yang <dan>\n di", nil, 5); got != "yang &lt;dan&gt; di" {
		t.Errorf("stopwords only: %q", got)
	}
}

func TestIndonesian(t *testing.T) {
	a := Indonesian()
	tests := []struct{ query, text string }{
		{"bertemu", "pertemuan"},
		{"pembangunan", "membangun"},
		{"kementerian", "Menteri"},
	}
	for _, tt := range tests {
		q, d := a.Terms(tt.query), a.Terms(tt.text)
		if len(q) != 1 || !reflect.DeepEqual(q, d) {
			t.Errorf("%q gives %q, %q gives %q: want the same stem", tt.query, q, tt.text, d)
		}
	}
}
