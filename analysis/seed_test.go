package analysis_test

import (
	"context"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/shared"
)

// seedGold is the part of ../shared/fixtures/seed/gold.json that the
// stages built so far answer for.
type seedGold struct {
	Published      string `json:"published"`
	Title          string `json:"title"`
	Section        string `json:"section"`
	Lead           string `json:"lead"`
	ParagraphCount int    `json:"paragraph_count"`
	Boilerplate    []struct {
		Kind, Text string
	} `json:"boilerplate"`
}

// TestSeedArticle checks warta against the gold annotation of the founding
// article, read in place from ../shared.
func TestSeedArticle(t *testing.T) {
	var gold seedGold
	raw := shared.Seed(t, &gold)
	rec, err := analysis.Analyze(context.Background(), analysis.Input{Body: raw, Published: gold.Published, Path: "article.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if rec.Title != gold.Title {
		t.Errorf("title %q, want %q", rec.Title, gold.Title)
	}
	if rec.Section == nil || *rec.Section != gold.Section {
		t.Errorf("section %v, want %q", rec.Section, gold.Section)
	}
	if rec.Lead != gold.Lead {
		t.Errorf("lead %q, want %q", rec.Lead, gold.Lead)
	}
	if len(rec.Paragraphs) != gold.ParagraphCount {
		t.Errorf("%d paragraphs, want %d", len(rec.Paragraphs), gold.ParagraphCount)
	}
	if rec.Language.Code != "id" {
		t.Errorf("language %+v, want id", rec.Language)
	}
	if rec.Published == nil || *rec.Published != gold.Published {
		t.Errorf("published %v, want %s", rec.Published, gold.Published)
	}
	if len(rec.Boilerplate) != len(gold.Boilerplate) {
		t.Fatalf("boilerplate %+v, want %+v", rec.Boilerplate, gold.Boilerplate)
	}
	for i, g := range gold.Boilerplate {
		if string(rec.Boilerplate[i].Kind) != g.Kind || rec.Boilerplate[i].Text != g.Text {
			t.Errorf("boilerplate %d = %+v, want %+v", i, rec.Boilerplate[i], g)
		}
		if strings.Contains(rec.Text, strings.Trim(g.Text, "“”")) {
			t.Errorf("text keeps the %s", g.Kind)
		}
	}
	if len(rec.Warnings) != 0 {
		t.Errorf("warnings %q", rec.Warnings)
	}
	// "kedua negara. bekerja sama": a stray period before a lower-case word
	// does not end the sentence.
	stray := strings.Index(rec.Text, "kedua negara. bekerja")
	if stray < 0 {
		t.Fatal("text lost the stray period")
	}
	strayRunes := len([]rune(rec.Text[:stray]))
	for _, s := range rec.Sentences {
		if s.End > strayRunes && s.End < strayRunes+len("kedua negara. bekerja sama") {
			t.Errorf("a sentence ends inside %q", "kedua negara. bekerja sama")
		}
	}
}
