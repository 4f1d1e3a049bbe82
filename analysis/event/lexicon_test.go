package event

import (
	"strings"
	"testing"
)

// TestReadDefinitions reads a type line's traits into the lexicon and
// refuses a line without them or with a trait it does not know.
func TestReadDefinitions(t *testing.T) {
	lx := &lexicon{}
	defs, err := lx.readDefinitions("t.tsv", "# c\n## PROTEST\tCivilians protest.\tdemo, riot\toneactor,crowd\n## AID\tAn actor helps.\t-\t-\n")
	if err != nil {
		t.Fatal(err)
	}
	if lx.traits["PROTEST"] != traitOneActor|traitCrowd || lx.traits["AID"] != 0 || len(defs["PROTEST"].Modes) != 2 {
		t.Errorf("traits %v, modes %v", lx.traits, defs["PROTEST"].Modes)
	}
	for _, bad := range []string{"## AID\tAn actor helps.\t-\n", "## AID\tAn actor helps.\t-\tgenerous\n"} {
		if _, err := lx.readDefinitions("t.tsv", bad); err == nil || !strings.Contains(err.Error(), "t.tsv:1") {
			t.Errorf("%q: error %v", bad, err)
		}
	}
}

// TestTraits checks the lexicon's traits for the types the coder reads
// them for.
func TestTraits(t *testing.T) {
	for _, tc := range []struct {
		typ  string
		t    trait
		want bool
	}{
		{"REQUEST", traitGoverns, true}, {"PROTEST", traitOneActor, true}, {"COERCE", traitHeldBy, true},
		{"AID", traitMaterial, true}, {"ACCUSE", traitWhose, true}, {"CONSULT", traitGoverns, false},
	} {
		if got := typeHas(tc.typ, tc.t); got != tc.want {
			t.Errorf("typeHas(%s, %d) = %v", tc.typ, tc.t, got)
		}
	}
}

// TestHeadlinePattern reads a pattern opening with ^ as one matched in the
// title only.
func TestHeadlinePattern(t *testing.T) {
	for p, want := range map[string]bool{"^tolak": true, "menolak": false} {
		tr, err := parsePattern(p)
		if err != nil || tr.headline != want || tr.elems[0][0] != strings.TrimPrefix(p, "^") {
			t.Errorf("parsePattern(%q) = %+v, %v", p, tr, err)
		}
	}
}
