package store

import "context"

// Store-wide identity. Each entity of an article (article_entities) gets a
// ref: the id of the entities row of the real-world entity it is, so that
// Joko Widodo and Jokowi, or KPK and Komisi Pemberantasan Korupsi, are one
// ref in every article. A Linker (internal/identity) decides the refs when
// an article is stored, from what the store has learnt from the articles
// before it (aliases, office-holders); Reindex decides them again for every
// article once more is known.

// Linker decides the store-wide identity of a record's entities. Link is
// called in the write transaction with what the store has learnt so far;
// what the record teaches comes back in Learnt, and the store keeps it for
// the records after it.
type Linker interface {
	Link(ctx context.Context, lk Learnt, d *Doc) ([]EntityLink, Lessons, error)
}

// Learnt is what a store has learnt from the articles stored, as a Linker
// asks for it.
type Learnt interface {
	// Aliases returns the refs a normalised name has been seen for as the
	// name or a mention of an entity of the type, each with the number of
	// articles.
	Aliases(ctx context.Context, typ, norm string) ([]RefCount, error)
	// Holders returns who held an office in the months around month
	// (YYYY-MM), with the number of articles that say so.
	Holders(ctx context.Context, office, month string) ([]OfficeTerm, error)
}

// RefCount is a ref key (TYPE:normalised name, as NameType gives it) and
// how many articles support it.
type RefCount struct {
	Ref      string
	Articles int
}

// EntityLink is the identity of one entity of a record: the ref key and
// the name to give the ref when it is new; Office is set when the entity
// is an office title (Menkeu) resolved to the person holding it.
type EntityLink struct {
	Ref    string
	Name   string
	Type   string
	Office string
}

// Lessons are what one record teaches: names and mentions of refs, and
// office-holders in a month.
type Lessons struct {
	Aliases []Alias
	Terms   []OfficeTerm
}

// SpellingType is the Alias type under which a Linker keeps persons'
// names by their spelling key (doubled letters single: Affifudin and
// Afifuddin agree); such aliases name no entity of their own.
const SpellingType = "PER~"

// Alias is a name (normalised) of a ref key, as written (Name), of an
// entity of type Type.
type Alias struct {
	Type, Norm, Name, Ref string
}

// OfficeTerm is a ref key holding an office in a month (YYYY-MM),
// supported by Articles articles.
type OfficeTerm struct {
	Office   string `json:"office"`
	Month    string `json:"month"`
	Ref      string `json:"-"`
	Articles int    `json:"articles"`
}

// Identities reads and revises the store-wide identity.
type Identities interface {
	// Identity returns the ref that entity id is (itself, or the ref it
	// was merged into) with its aliases and roles over time.
	Identity(ctx context.Context, id int64) (*Identity, error)
	// Offices lists the offices learnt, each with its holders over time.
	Offices(ctx context.Context) ([]Office, error)
	// Reindex forgets what was learnt, learns it again from every article
	// in publication order, and links every article again with all of it.
	Reindex(ctx context.Context) (ReindexStats, error)
}

// Identity is one store-wide entity: the ref, its names and roles.
type Identity struct {
	Entity
	Ref     int64       `json:"ref"`
	Aliases []AliasInfo `json:"aliases"`
	Roles   []RoleSpan  `json:"roles"`
	// Sampled, when set, says that the aliases and roles were counted
	// over the ref's newest Sampled articles only.
	Sampled int `json:"sampled,omitempty"`
}

// AliasInfo is one name of a ref and the articles that use it.
type AliasInfo struct {
	Name     string `json:"name"`
	Articles int    `json:"articles"`
}

// RoleSpan is a role an entity was given from one month to another.
type RoleSpan struct {
	Role     string `json:"role"`
	From     string `json:"from,omitempty"` // YYYY-MM-DD, the first article
	To       string `json:"to,omitempty"`   // the last article
	Articles int    `json:"articles"`
}

// Office is one office with its holders over time.
type Office struct {
	Name    string         `json:"name"`
	Holders []OfficeHolder `json:"holders"`
}

// OfficeHolder is a ref holding an office from one month to another.
type OfficeHolder struct {
	Ref      int64  `json:"ref"`
	Name     string `json:"name"`
	From     string `json:"from"` // YYYY-MM
	To       string `json:"to"`
	Articles int    `json:"articles"`
}

// ReindexStats says what a Reindex did.
type ReindexStats struct {
	Articles int `json:"articles"`
	Entities int `json:"entities"`
	Changed  int `json:"changed"` // article entities whose ref changed
}

// OfficeHolding is one holder of one office, a row of a store's Offices.
type OfficeHolding struct {
	Office string
	Holder OfficeHolder
}

// GroupOffices gathers holdings sorted by office into one Office each,
// its holders in the order given.
func GroupOffices(list []OfficeHolding) []Office {
	out := []Office{}
	for _, h := range list {
		if len(out) == 0 || out[len(out)-1].Name != h.Office {
			out = append(out, Office{Name: h.Office})
		}
		out[len(out)-1].Holders = append(out[len(out)-1].Holders, h.Holder)
	}
	return out
}
