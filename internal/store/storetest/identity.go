package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// Identifying is a store with store-wide identity, opened with the
// resolver (internal/identity) as its Linker.
type Identifying interface {
	store.Store
	store.Identities
}

// RunIdentity is the conformance suite of store.Identities and of the
// filters that match by identity.
func RunIdentity(t *testing.T, open func(t *testing.T) Identifying) {
	suite(t, open, []test[Identifying]{
		{"AliasesLearnt", testAliasesLearnt},
		{"OfficeHolders", testOfficeHolders},
		{"FiltersByIdentity", testFiltersByIdentity},
		{"Reindex", testReindex},
		{"EntityPagePastTheBounds", testEntityPagePastTheBounds},
	})
}

// withRoles is entity with the roles the article gives it.
func withRoles(e map[string]any, roles ...string) map[string]any {
	e["roles"] = roles
	return e
}

// identityArticles are four articles of October 2025: the first links
// Purbaya Yudhi Sadewa to Purbaya, Badan Anggaran to Banggar, and gives
// Purbaya and Listyo Sigit Prabowo their offices; the others name them by
// short forms and titles alone, and Prabowo Subianto, who shares a name
// part with Listyo Sigit Prabowo.
func identityArticles() []Article {
	return []Article{{
		Title: "Menkeu Purbaya Rapat dengan Banggar", URL: "https://contoh.example/id/1", Published: "2025-10-01",
		Body: "Menteri Keuangan Purbaya Yudhi Sadewa rapat dengan Badan Anggaran (Banggar) DPR. Kapolri Listyo Sigit Prabowo hadir.",
		Extra: map[string]any{
			"entities": []any{
				withRoles(entity("E1", "Purbaya Yudhi Sadewa", "PER", "ID", "Purbaya Yudhi Sadewa", "Purbaya"), "Menteri Keuangan"),
				entity("E2", "Badan Anggaran", "ORG", "ID", "Badan Anggaran", "Banggar"),
				withRoles(entity("E3", "Listyo Sigit Prabowo", "PER", "ID", "Listyo Sigit Prabowo", "Listyo"), "Kapolri"),
			},
			"quotes": []any{quote("Keamanan terjaga.", "E3", "Listyo Sigit Prabowo", "Kapolri")},
		},
	}, {
		Title: "Purbaya: Banggar Setuju", URL: "https://contoh.example/id/2", Published: "2025-10-05",
		Body: "Purbaya mengatakan Banggar setuju. Menkeu juga menyebut anggaran cukup.",
		Extra: map[string]any{
			"entities": []any{
				entity("E1", "Purbaya", "PER", "ID", "Purbaya"),
				entity("E2", "Banggar", "ORG", "ID", "Banggar"),
				entity("E3", "Menkeu", "PER", "ID", "Menkeu"),
			},
			"quotes": []any{quote("Anggaran cukup.", "E1", "Purbaya", "")},
		},
	}, {
		Title: "Prabowo Subianto Resmikan Sekolah", URL: "https://contoh.example/id/3", Published: "2025-10-07",
		Body: "Presiden Prabowo Subianto meresmikan sekolah. Prabowo berpesan agar murid rajin.",
		Extra: map[string]any{
			"entities": []any{entity("E1", "Prabowo Subianto", "PER", "ID", "Prabowo Subianto", "Prabowo")},
			"quotes":   []any{quote("Belajarlah dengan rajin.", "E1", "Prabowo Subianto", "Presiden")},
		},
	}, {
		Title: "Prabowo Tinjau Sawah", URL: "https://contoh.example/id/4", Published: "2025-10-08",
		Body: "Prabowo meninjau sawah di Karawang.",
		Extra: map[string]any{
			"entities": []any{entity("E1", "Prabowo", "PER", "ID", "Prabowo")},
			"quotes":   []any{quote("Panen harus naik.", "E1", "Prabowo", "")},
		},
	}}
}

func putIdentityArticles(t *testing.T, s Identifying) {
	t.Helper()
	for _, a := range identityArticles() {
		put(t, s, a)
	}
}

// speakerOf returns the speaker entity id of the quote with text.
func speakerOf(t *testing.T, s Identifying, text string) int64 {
	t.Helper()
	quotes, err := s.Quotes(context.Background(), store.QuoteFilter{Text: text})
	if err != nil || len(quotes) != 1 || quotes[0].SpeakerID == 0 {
		t.Fatalf("Quotes(text %q) = %+v, %v: want one with a speaker", text, quotes, err)
	}
	return quotes[0].SpeakerID
}

func testAliasesLearnt(t *testing.T, s Identifying) {
	ctx := context.Background()
	putIdentityArticles(t, s)
	// Purbaya alone in the second article is the ref of Purbaya Yudhi
	// Sadewa, learnt from the first.
	id, err := s.Identity(ctx, speakerOf(t, s, "Anggaran cukup."))
	if err != nil {
		t.Fatal(err)
	}
	if id.Name != "Purbaya Yudhi Sadewa" || id.Type != "PER" || id.Articles != 2 || id.Quotes != 1 {
		t.Errorf("identity of Purbaya = %+v, want Purbaya Yudhi Sadewa in 2 articles with 1 quote", id)
	}
	var names []string
	for _, a := range id.Aliases {
		names = append(names, a.Name)
	}
	for _, want := range []string{"Purbaya", "Purbaya Yudhi Sadewa"} {
		if !slices.Contains(names, want) {
			t.Errorf("aliases %v, want %s among them", names, want)
		}
	}
	if len(id.Roles) != 1 || id.Roles[0].Role != "Menteri Keuangan" || id.Roles[0].From != "2025-10-01" {
		t.Errorf("roles %+v, want Menteri Keuangan from 2025-10-01", id.Roles)
	}
	// The same ref from either id, and the list has it once.
	again, err := s.Identity(ctx, id.Ref)
	if err != nil || again.Ref != id.Ref || again.Articles != 2 {
		t.Errorf("Identity(ref %d) = %+v, %v", id.Ref, again, err)
	}
	list, err := s.Entities(ctx, store.EntityFilter{Name: "purbaya"})
	if err != nil || len(list) != 1 || list[0].ID != id.Ref {
		t.Errorf("Entities(purbaya) = %+v, %v: want the one ref %d", list, err, id.Ref)
	}
	// Banggar, an acronym the first article gives in brackets.
	orgs, err := s.Entities(ctx, store.EntityFilter{Name: "anggaran", Type: "ORG"})
	if err != nil || len(orgs) != 1 || orgs[0].Articles != 2 {
		t.Errorf("Entities(anggaran) = %+v, %v: want Badan Anggaran in 2 articles", orgs, err)
	}
	banggar, err := s.Entities(ctx, store.EntityFilter{Name: "banggar"})
	if err != nil || len(banggar) != 0 {
		t.Errorf("Entities(banggar) = %+v, %v: want none apart from Badan Anggaran", banggar, err)
	}
}

func testOfficeHolders(t *testing.T, s Identifying) {
	ctx := context.Background()
	putIdentityArticles(t, s)
	offices, err := s.Offices(ctx)
	if err != nil {
		t.Fatal(err)
	}
	holders := map[string]string{}
	for _, o := range offices {
		for _, h := range o.Holders {
			holders[o.Name] = fmt.Sprintf("%s %s..%s %d", h.Name, h.From, h.To, h.Articles)
		}
	}
	want := map[string]string{
		"Menteri Keuangan": "Purbaya Yudhi Sadewa 2025-10..2025-10 1",
		"Kepala Kepolisian Negara Republik Indonesia": "Listyo Sigit Prabowo 2025-10..2025-10 1",
	}
	for office, h := range want {
		if holders[office] != h {
			t.Errorf("office %s: holder %q, want %q (all: %v)", office, holders[office], h, holders)
		}
	}
	// A bare Menkeu in the second article is the holder then.
	list, err := s.EntityArticles(ctx, speakerOf(t, s, "Keamanan terjaga."), store.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Errorf("Listyo Sigit Prabowo's articles: %+v, want 1", list)
	}
	ref, err := s.Identity(ctx, speakerOf(t, s, "Anggaran cukup."))
	if err != nil {
		t.Fatal(err)
	}
	arts, err := s.EntityArticles(ctx, ref.Ref, store.Page{})
	if err != nil || len(arts) != 2 || arts[1].Mentions != 2 {
		t.Errorf("Purbaya's articles = %+v, %v: want 2, the second with Purbaya and Menkeu (2 mentions)", arts, err)
	}
}

func testFiltersByIdentity(t *testing.T, s Identifying) {
	ctx := context.Background()
	putIdentityArticles(t, s)
	quotes, err := s.Quotes(ctx, store.QuoteFilter{Speaker: "Prabowo"})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, q := range quotes {
		texts = append(texts, q.Text)
	}
	if want := []string{"Belajarlah dengan rajin.", "Panen harus naik."}; !slices.Equal(texts, want) {
		t.Errorf("Quotes(speaker Prabowo) = %q, want %q: Prabowo Subianto's, never Listyo Sigit Prabowo's", texts, want)
	}
	ref, err := s.Identity(ctx, speakerOf(t, s, "Panen harus naik."))
	if err != nil {
		t.Fatal(err)
	}
	byRef, err := s.Quotes(ctx, store.QuoteFilter{Speaker: fmt.Sprint(ref.Ref)})
	if err != nil || len(byRef) != 2 {
		t.Errorf("Quotes(speaker %d) = %+v, %v: want Prabowo Subianto's 2", ref.Ref, byRef, err)
	}
	for query, want := range map[string][]string{
		"speaker:Prabowo":  {"Prabowo Tinjau Sawah", "Prabowo Subianto Resmikan Sekolah"},
		"entity:Prabowo":   {"Prabowo Tinjau Sawah", "Prabowo Subianto Resmikan Sekolah"},
		"entity:Listyo":    {"Menkeu Purbaya Rapat dengan Banggar"},
		"speaker:Sigit":    {},
		"entity:Purbaya":   {"Purbaya: Banggar Setuju", "Menkeu Purbaya Rapat dengan Banggar"},
		"entity:Anggaran":  {},
		"entity:Banggar":   {"Purbaya: Banggar Setuju", "Menkeu Purbaya Rapat dengan Banggar"},
		"speaker:Purbaya":  {"Purbaya: Banggar Setuju"},
		"entity:Subianto":  {},
		"entity:kapolri":   {},
		"speaker:Listyo S": {},
	} {
		q, err := search.Parse(query)
		if err != nil {
			t.Fatal(err)
		}
		q.Sort = search.ByDate
		res, err := s.Search(ctx, q)
		if err != nil {
			t.Fatalf("Search(%q): %v", query, err)
		}
		got := []string{}
		for _, h := range res.Hits {
			got = append(got, h.Title)
		}
		if !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %q, want %q", query, got, want)
		}
	}
}

func testReindex(t *testing.T, s Identifying) {
	ctx := context.Background()
	// An article that names Hendra alone is stored before the one that
	// says who Hendra is: only a reindex links it.
	early := Article{Title: "Hendra Datang", URL: "https://contoh.example/id/5", Published: "2025-09-01",
		Body: "Hendra datang ke Bandung.",
		Extra: map[string]any{
			"entities": []any{entity("E1", "Hendra", "PER", "ID", "Hendra")},
			"quotes":   []any{quote("Saya datang.", "E1", "Hendra", "")},
		}}
	late := Article{Title: "Hendra Wijaya Pulang", URL: "https://contoh.example/id/6", Published: "2025-10-01",
		Body: "Hendra Wijaya pulang ke Jakarta. Hendra senang.",
		Extra: map[string]any{
			"entities": []any{entity("E1", "Hendra Wijaya", "PER", "ID", "Hendra Wijaya", "Hendra")},
			"quotes":   []any{quote("Saya pulang.", "E1", "Hendra Wijaya", "")},
		}}
	put(t, s, early)
	put(t, s, late)
	hendra := speakerOf(t, s, "Saya datang.")
	before, err := s.Identity(ctx, hendra)
	if err != nil {
		t.Fatal(err)
	}
	if before.Name != "Hendra" {
		t.Fatalf("before reindex, Hendra is %q", before.Name)
	}
	st, err := s.Reindex(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.Entities != 2 || st.Changed != 1 {
		t.Errorf("Reindex = %+v, want 2 articles, 2 entities, 1 changed", st)
	}
	after, err := s.Identity(ctx, hendra)
	if err != nil || after.Name != "Hendra Wijaya" || after.Articles != 2 || after.Quotes != 2 {
		t.Errorf("after reindex, Hendra is %+v, %v: want Hendra Wijaya in 2 articles with 2 quotes", after, err)
	}
	quotes, err := s.Quotes(ctx, store.QuoteFilter{Speaker: "Hendra Wijaya"})
	if err != nil || len(quotes) != 2 {
		t.Errorf("Quotes(Hendra Wijaya) = %+v, %v: want both", quotes, err)
	}
	// Nothing new to learn: a second reindex changes nothing.
	if st, err := s.Reindex(ctx); err != nil || st.Changed != 0 {
		t.Errorf("second Reindex = %+v, %v: want nothing changed", st, err)
	}
}
