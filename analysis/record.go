package analysis

import (
	"github.com/warta-news/warta/analysis/amount"
	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/event"
	"github.com/warta-news/warta/analysis/fingerprint"
	"github.com/warta-news/warta/analysis/quality"
	"github.com/warta-news/warta/analysis/timex"
	"github.com/warta-news/warta/analysis/tone"
	"github.com/warta-news/warta/analysis/topic"
)

// Record is the analysis of one article, the JSON object described in the
// record contract (docs/record.md). Fields of stages that are not built yet
// are absent; nullable fields are pointers so that they print as null.
type Record struct {
	ID          string                   `json:"id"`
	Source      Source                   `json:"source"`
	Language    Language                 `json:"language"`
	Title       string                   `json:"title"`
	Section     *string                  `json:"section"`
	Byline      *string                  `json:"byline"`
	Dateline    *article.Dateline        `json:"dateline"`
	Published   *string                  `json:"published"`
	Lead        string                   `json:"lead"`
	Warnings    []string                 `json:"warnings"`
	Paragraphs  []string                 `json:"paragraphs"`
	Text        string                   `json:"text"`
	Boilerplate []article.Boilerplate    `json:"boilerplate"`
	Sentences   []Span                   `json:"sentences"`
	Entities    []entity.Entity          `json:"entities"`
	Quotes      []Quote                  `json:"quotes"`
	Events      []event.Event            `json:"events"`
	Partial     []event.Event            `json:"partial_events"` // events without a side their type takes (event.Split)
	Dates       []timex.Date             `json:"dates"`
	Amounts     []amount.Amount          `json:"amounts"`
	Durations   []timex.Duration         `json:"durations"`
	Fingerprint *fingerprint.Fingerprint `json:"fingerprint,omitempty"`
	Quality     *quality.Quality         `json:"quality,omitempty"`
	Topics      []topic.Topic            `json:"topics"`
	Tone        *tone.Result             `json:"tone"`
	Summary     []int                    `json:"summary"`
}

// Source says where an article came from, as far as it is known.
type Source struct {
	URL     string `json:"url,omitempty"`
	Site    string `json:"site,omitempty"`
	Path    string `json:"path,omitempty"`
	Line    int    `json:"line,omitempty"` // line in JSON Lines, position in a JSON array
	Fetched string `json:"fetched,omitempty"`
}

// Language is the language of the article's text: an ISO 639-1 code, or
// "und" when it cannot be told, with a confidence from 0 to 1.
type Language struct {
	Code       string  `json:"code"`
	Confidence float64 `json:"confidence"`
}

// Quote is one quotation: its text (without the quotation marks) and span
// in code points, its kind (direct, partial or indirect), and its speaker:
// an entity id, the entity's name, the role the article gives it, and the
// reporting cue; each is null where none is found.
type Quote struct {
	Text        string  `json:"text"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Kind        string  `json:"kind"`
	Speaker     *string `json:"speaker"`
	SpeakerName *string `json:"speaker_name"`
	SpeakerRole *string `json:"speaker_role"`
	Cue         *string `json:"cue"`
}

// Span is a range of Record.Text in Unicode code points, end exclusive.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}
