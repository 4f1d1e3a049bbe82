package text

import (
	"errors"
	"testing"
)

func TestModals(t *testing.T) {
	for w, want := range map[string]ModalKind{"akan": Future, "harus": Obligation, "bisa": Ability, "sudah": Aspect} {
		if got := Modals()[w]; got != want {
			t.Errorf("Modals()[%q] = %d, want %d", w, got, want)
		}
	}
	if _, ok := Modals()["tidak"]; ok {
		t.Error("a negation is no modal: it is listed in negations.txt")
	}
	var te *TableError
	if _, err := parseModals("akan\tfuture\nbisa\tmaybe\n"); !errors.As(err, &te) || te.Line != 2 {
		t.Errorf("parseModals with an unknown kind = %v, want a TableError at line 2", err)
	}
}
