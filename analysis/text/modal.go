package text

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed data/modals.tsv
var modalsFile string

// ModalKind says what a modal or aspect word adds to the predicate after
// it (see data/modals.tsv).
type ModalKind uint8

const (
	Future     ModalKind = iota + 1 // akan, bakal
	Obligation                      // harus, wajib, perlu, mesti
	Ability                         // bisa, dapat, boleh
	Aspect                          // sudah, telah, sedang, masih
)

var modalKinds = map[string]ModalKind{"future": Future, "obligation": Obligation, "ability": Ability, "aspect": Aspect}

// Modals returns the modal and aspect words, lower case, with their kinds:
// the one list that the quote and event stages read. It panics on a
// malformed row (see Tables); Load reports it.
func Modals() map[string]ModalKind { return tables.Get().modals }

func parseModals(data string) (map[string]ModalKind, error) {
	m := make(map[string]ModalKind)
	err := ReadTable("text/data/modals.tsv", data, 2, func(f []string) error {
		k, ok := modalKinds[f[1]]
		if !ok {
			return fmt.Errorf("kind %q is none of future, obligation, ability, aspect", f[1])
		}
		if f[0] != strings.ToLower(f[0]) || strings.TrimSpace(f[0]) != f[0] {
			return fmt.Errorf("word %q: one lower-case word", f[0])
		}
		m[f[0]] = k
		return nil
	})
	return m, err
}
