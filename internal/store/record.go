package store

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
)

// Doc is what a store reads from a record to file it: the fields it
// indexes and the entities, quotes and events it keeps in tables. It is
// decoded from the record's JSON (the contract, docs/record.md) rather than
// taken from analysis.Record, so that a store files every field the
// contract defines, whichever stages the running binary has.
type Doc struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Text      string  `json:"text"`
	Lead      string  `json:"lead"`
	Section   *string `json:"section"`
	Published *string `json:"published"`
	Source    struct {
		URL  string `json:"url"`
		Site string `json:"site"`
	} `json:"source"`
	Entities []DocEntity `json:"entities"`
	Quotes   []DocQuote  `json:"quotes"`
	Events   []DocEvent  `json:"events"`
	Topics   []DocTopic  `json:"topics"`
	Tone     *DocTone    `json:"tone"`
}

// DocTopic is one IPTC subject of a record, best first.
type DocTopic struct {
	Label string  `json:"label"`
	Code  string  `json:"code"`
	Score float64 `json:"score"`
}

// DocTone is a record's tone: the article's score and each entity's.
type DocTone struct {
	Score    float64         `json:"score"`
	Entities []DocEntityTone `json:"entities"`
}

// DocEntityTone is the tone of the sentences about one entity.
type DocEntityTone struct {
	Entity    string  `json:"entity"` // entity id within the record
	Score     float64 `json:"score"`
	Positive  float64 `json:"positive"`
	Negative  float64 `json:"negative"`
	Sentences int     `json:"sentences"`
}

// DocEntity is an entity of one record.
type DocEntity struct {
	ID       string       `json:"id"` // within the record: E1
	Name     string       `json:"name"`
	Type     string       `json:"type"`
	Mentions []DocMention `json:"mentions"`
	Roles    []string     `json:"roles"`
	Country  string       `json:"country"`
	Salience float64      `json:"salience"`
}

// DocMention is one surface form of an entity in the text.
type DocMention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// DocQuote is a quote of one record.
type DocQuote struct {
	Text        string  `json:"text"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Kind        string  `json:"kind"`
	Speaker     *string `json:"speaker"` // entity id within the record
	SpeakerName string  `json:"speaker_name"`
	SpeakerRole string  `json:"speaker_role"`
	Cue         string  `json:"cue"`
}

// DocEvent is an event of one record.
type DocEvent struct {
	Type     string    `json:"type"`
	Mode     string    `json:"mode"`
	Source   *DocActor `json:"source"`
	Target   *DocActor `json:"target"`
	Location *DocActor `json:"location"`
	Date     *string   `json:"date"`
	Negated  bool      `json:"negated"`
	Modality string    `json:"modality"`
	Sentence int       `json:"sentence"`
	Trigger  string    `json:"trigger"`
}

// DocActor is an event's source, target or location.
type DocActor struct {
	Entity  *string `json:"entity"`
	Name    string  `json:"name"`
	Country string  `json:"country"`
}

// Decode reads the record JSON a store is given and checks what it needs:
// an id and some text.
func Decode(record []byte) (*Doc, error) {
	var d Doc
	if err := json.Unmarshal(record, &d); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalidRecord, err)
	}
	if d.ID == "" || strings.TrimSpace(d.Text) == "" {
		return nil, fmt.Errorf("%w: no id or no text", ErrInvalidRecord)
	}
	seen := make(map[string]bool, len(d.Entities))
	for _, e := range d.Entities {
		if e.ID == "" || e.Name == "" || e.Type == "" {
			return nil, fmt.Errorf("%w: entity without id, name or type", ErrInvalidRecord)
		}
		if seen[e.ID] {
			return nil, fmt.Errorf("%w: two entities with id %s", ErrInvalidRecord, e.ID)
		}
		seen[e.ID] = true
	}
	return &d, nil
}

// Key is the article's identity: its URL, or for an article without one
// its text (the record id is a hash of it).
func (d *Doc) Key() string {
	if d.Source.URL != "" {
		return d.Source.URL
	}
	return "text:" + d.ID
}

// Day is the publication date, YYYY-MM-DD, or "" when unknown.
func (d *Doc) Day() string { return day(d.Published) }

func day(s *string) string {
	if s == nil || len(*s) < 10 {
		return ""
	}
	return (*s)[:10]
}

// EventDay is the event's own date, YYYY-MM-DD or YYYY-MM, when the record
// resolves it to a month or a day, else the article's publication date.
func (d *Doc) EventDay(e DocEvent) string {
	if e.Date != nil && len(*e.Date) >= len("2006-01") {
		return (*e.Date)[:min(len(*e.Date), len("2006-01-02"))]
	}
	return d.Day()
}

// Resolver decides which entities of different articles are the same
// real-world entity: those with the same key. It is the seam for a smarter
// resolver (aliases, a knowledge base); the default is NameType.
type Resolver interface {
	Key(e DocEntity) string
}

// NameType is the default Resolver: an entity is the same when its
// normalised name and its type agree.
type NameType struct{}

// Key implements Resolver.
func (NameType) Key(e DocEntity) string { return e.Type + ":" + NormalizeName(e.Name) }

// NormalizeName folds a name for comparison: lower case, punctuation
// dropped, spaces collapsed ("Prabowo  Subianto," and "prabowo subianto"
// agree).
func NormalizeName(name string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(name) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '-':
			space = true
		}
	}
	return b.String()
}
