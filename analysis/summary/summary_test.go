package summary

import (
	"slices"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis/text"
)

func document(title string, paragraphs ...string) *text.Document {
	doc := text.NewDocument(title, paragraphs)
	text.Tokenize(doc)
	text.SplitSentences(doc)
	return doc
}

func sentence(doc *text.Document, i int) string {
	return doc.Text[doc.Sentences[i].Start:doc.Sentences[i].End]
}

func TestSummarize(t *testing.T) {
	doc := document("Harga Beras Naik di Pasar Jakarta",
		"Harga beras di pasar tradisional Jakarta naik sepuluh persen pekan ini menurut pedagang beras.",
		"Cuaca pagi itu cerah.",
		"Pedagang beras mengatakan kenaikan harga beras terjadi karena pasokan beras dari daerah berkurang.",
		"\"Kami terpaksa menaikkan harga beras karena pasokan berkurang,\" kata Budi, pedagang di pasar itu.",
		"Pemerintah berjanji menambah pasokan beras ke pasar Jakarta dalam dua minggu agar harga beras turun.",
		"Sementara itu, sebuah festival musik digelar di taman kota pada malam harinya.")
	q := strings.Index(doc.Text, "Kami")
	quote := text.Span{Start: q, End: strings.Index(doc.Text, "berkurang,\"") + len("berkurang,")}
	got := Summarize(doc, []text.Span{quote})
	if len(got) == 0 {
		t.Fatal("no summary")
	}
	words := 0
	for _, i := range got {
		if i == 0 {
			t.Errorf("the title is in the summary %v", got)
		}
		s := sentence(doc, i)
		words += len(strings.Fields(s))
		if strings.Contains(s, "Cuaca") || strings.Contains(s, "festival") {
			t.Errorf("off-topic sentence %d in the summary: %q", i, s)
		}
		if strings.Contains(s, "Kami terpaksa") {
			t.Errorf("the quote is in the summary: %q", s)
		}
	}
	if got[0] != 1 {
		t.Errorf("best sentence %d (%q), want the lead", got[0], sentence(doc, got[0]))
	}
	if words > Budget*overshoot && len(got) > 1 {
		t.Errorf("%d words in %v, over the budget", words, got)
	}
	sorted := slices.Clone(got)
	slices.Sort(sorted)
	if len(slices.Compact(sorted)) != len(got) {
		t.Errorf("a sentence twice: %v", got)
	}
}

func TestSummarizeWithoutQuotesStillReports(t *testing.T) {
	// Without the quotes layer, the quote is just a sentence.
	doc := document("Banjir", "Banjir merendam ratusan rumah warga di Bekasi sejak Senin pagi.", "Warga mengungsi ke masjid.")
	if got := Summarize(doc, nil); len(got) == 0 || got[0] != 1 {
		t.Errorf("Summarize = %v, want the lead first", got)
	}
}

func TestSummarizeEmpty(t *testing.T) {
	for _, doc := range []*text.Document{{}, document("Judul Saja"), document("", "Pendek.")} {
		if got := Summarize(doc, nil); got == nil || slices.Contains(got, 0) && doc.Title.End > 0 {
			t.Errorf("Summarize(%q) = %v", doc.Text, got)
		}
	}
}

func FuzzSummarize(f *testing.F) {
	f.Add("Judul\n\nKalimat pertama yang cukup panjang untuk dipilih. Kalimat kedua juga cukup panjang di sini.")
	f.Add("\"kutipan\" \"kutipan\"")
	f.Fuzz(func(t *testing.T, s string) {
		s = text.Normalize(s)
		title, body, _ := strings.Cut(s, "\n")
		doc := document(title, body)
		quotes := []text.Span{{Start: 0, End: len(doc.Text) / 2}}
		got := Summarize(doc, quotes)
		seen := map[int]bool{}
		for _, i := range got {
			if i < 0 || i >= len(doc.Sentences) || seen[i] {
				t.Fatalf("%q: summary %v of %d sentences", s, got, len(doc.Sentences))
			}
			seen[i] = true
		}
	})
}
