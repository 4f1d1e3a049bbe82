package lineage_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis"
	langidtrain "github.com/warta-news/warta/analysis/langid/train"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/internal/lineage"
	"github.com/warta-news/warta/internal/shared"
)

// alignScore counts a set's alignment decisions: a pair found right or
// wrong, a gold pair missed, a quote rightly left alone.
type alignScore struct {
	right, wrong, missed, alone int
}

func (s *alignScore) add(o alignScore) {
	s.right += o.right
	s.wrong += o.wrong
	s.missed += o.missed
	s.alone += o.alone
}

func (s alignScore) String() string {
	return fmt.Sprintf("precision %d/%d, recall %d/%d, quotes rendering none left alone %d",
		s.right, s.right+s.wrong, s.right, s.right+s.missed, s.alone)
}

// scoreAlignment scores the alignment of translation's quotes with
// source's against gold (a translation quote's start → its source quote's
// start; absent: it renders none). Quotes outside scored (nil: all) are
// not counted.
func scoreAlignment(t *testing.T, translation, source []lineage.Quote, gold map[string]string, scored func(string) bool) alignScore {
	t.Helper()
	got := map[string]string{}
	for _, a := range lineage.AlignQuotes(translation, source) {
		got[a.Quote] = a.Source
		t.Logf("aligned %q → %q (words %.2f, speaker %v, names %v, score %.2f)", a.Quote, a.Source, a.Words, a.SameSpeaker, a.SharedNames, a.Score)
	}
	var s alignScore
	for _, q := range translation {
		if scored != nil && !scored(q.Text) {
			continue
		}
		want, hasWant := "", false
		for prefix, src := range gold {
			if strings.HasPrefix(q.Text, prefix) {
				want, hasWant = src, true
			}
		}
		src, aligned := got[q.Text]
		switch {
		case aligned && hasWant && strings.HasPrefix(src, want):
			s.right++
		case aligned:
			s.wrong++
			if hasWant {
				s.missed++
			}
		case hasWant:
			s.missed++
		default:
			s.alone++
		}
	}
	return s
}

// quotesOfText analyses a text as the pipeline does and reads its quotes;
// every span in quotation marks, without speakers, when spans is set.
func quotesOfText(t *testing.T, body, published string, spans bool) []lineage.Quote {
	t.Helper()
	raw := analysedJSON(t, analysis.Input{Body: body, Published: published})
	if spans {
		var rec map[string]any
		if err := json.Unmarshal(raw, &rec); err != nil {
			t.Fatal(err)
		}
		rec["quotes"] = []any{}
		raw, _ = json.Marshal(rec)
	}
	a, err := lineage.FromRecord(1, raw)
	if err != nil {
		t.Fatal(err)
	}
	return a.Quotes
}

// The founding article's quotes and a known translation's, aligned with
// their English sources' (testdata/align-gold.tsv, labelled by reading);
// then SIB-200's human translations, whose quotes pair by sentence: dev
// set the weights, test is reported.
func TestQuoteAlignment(t *testing.T) {
	var gold map[string]any
	texts := map[string]string{
		"seed":   shared.Seed(t, &gold),
		"geneva": readFile(t, "../eval/testdata/translations/geneva.txt"),
	}
	published := map[string]string{"seed": "2021-05-20", "geneva": "2022-01-21", "reykjavik-1": "2021-05-19", "reykjavik-2": "2021-05-19", "geneva-2022": "2022-01-21"}
	want := map[[2]string]map[string]string{}
	for _, row := range text.Rows(readFile(t, "testdata/align-gold.tsv")) {
		k := [2]string{row[0], row[1]}
		if want[k] == nil {
			want[k] = map[string]string{}
		}
		want[k][row[2]] = row[3]
	}
	var articles alignScore
	for _, pair := range [][2]string{{"seed", "reykjavik-1"}, {"seed", "reykjavik-2"}, {"geneva", "geneva-2022"}} {
		s := scoreAlignment(t, quotesOfText(t, texts[pair[0]], published[pair[0]], false), quotesOfText(t, wire(t, pair[1]), published[pair[1]], false), want[pair], nil)
		t.Logf("%s ← %s: %v", pair[0], pair[1], s)
		articles.add(s)
	}
	t.Logf("articles: %v", articles)
	if articles.wrong > 0 || articles.missed > 0 {
		t.Errorf("articles: %v, want every gold pair and no other", articles)
	}

	for _, split := range []string{"dev", "test"} {
		s := alignSIB(t, split)
		t.Logf("SIB-200 %s: %v", split, s)
		if s.right == 0 || 4*s.right < 3*(s.right+s.wrong) || 2*s.right < s.right+s.missed {
			t.Errorf("SIB-200 %s: %v, want precision ≥ 0.75 and recall ≥ 0.5", split, s)
		}
	}
}

// alignSIB aligns the quotes of a SIB-200 split's sentence pairs that both
// quote: each language's sentences make one article, a sentence a
// paragraph, and a quote renders the quote of the same rank in the same
// sentence when both sentences quote as often.
func alignSIB(t *testing.T, split string) alignScore {
	t.Helper()
	en, err := langidtrain.ReadSplit(shared.Path(t, filepath.Join("data/sib200/eng_Latn", split+".tsv")))
	if err != nil {
		t.Fatal(err)
	}
	id, err := langidtrain.ReadSplit(shared.Path(t, filepath.Join("data/sib200/ind_Latn", split+".tsv")))
	if err != nil {
		t.Fatal(err)
	}
	quoted := regexp.MustCompile(`["“]([^"“”]+)["”]`)
	gold := map[string]string{}
	inGold := map[string]bool{}
	var enBody, idBody []string
	for i := range en {
		id[i] = unwrap(strings.TrimSpace(id[i]), strings.TrimSpace(en[i]))
		qe, qi := quoted.FindAllStringSubmatch(en[i], -1), quoted.FindAllStringSubmatch(id[i], -1)
		if len(qe) == 0 || len(qi) == 0 {
			continue
		}
		enBody, idBody = append(enBody, en[i]), append(idBody, id[i])
		if len(qe) != len(qi) {
			continue
		}
		for k := range qi {
			gold[strings.TrimSpace(qi[k][1])] = strings.TrimSpace(qe[k][1])
			inGold[strings.TrimSpace(qi[k][1])] = true
		}
	}
	if len(gold) == 0 {
		t.Fatalf("SIB-200 %s: no quotes", split)
	}
	// The quote stage finds the quotes that have a speaker; the
	// alignment is scored on every quotation, scare quotes too.
	// The first line is the headline.
	translation := quotesOfText(t, "Kutipan FLORES-200\n"+strings.Join(idBody, "\n\n"), "", true)
	source := quotesOfText(t, "FLORES-200 quotes\n"+strings.Join(enBody, "\n\n"), "", true)
	return scoreAlignment(t, translation, source, gold, func(q string) bool { return inGold[q] })
}

// unwrap takes off the quotation marks the Indonesian file adds around
// some sentences, or at one end (an odd one), where the English sentence
// has none, so that the quotes pair again.
func unwrap(id, en string) string {
	if strings.HasPrefix(id, `"`) && strings.HasSuffix(id, `"`) && !strings.HasPrefix(en, `"`) && len(id) > 1 {
		id = id[1 : len(id)-1]
	}
	if strings.Count(id, `"`)%2 == 0 {
		return id
	}
	if strings.HasPrefix(id, `"`) && !strings.HasPrefix(en, `"`) {
		return id[1:]
	}
	if strings.HasSuffix(id, `"`) && !strings.HasSuffix(en, `"`) {
		return id[:len(id)-1]
	}
	return id
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
