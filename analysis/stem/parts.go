package stem

import (
	"maps"
	"slices"

	"github.com/warta-news/warta/analysis/stem/internal/parts"
)

func init() {
	parts.NewDictionary = func() parts.Dictionary { return trainDict{newDictionary()} }
	parts.ValidRoot = validWord
	parts.IsClitic = func(w string) bool { return isClitic([]byte(w)) }
	parts.Derivations = derivations[:]
	parts.IsVowel = isVowel
}

// trainDict is a dictionary as analysis/stem/train builds it.
type trainDict struct{ d *dictionary }

func (t trainDict) Put(root string, closed bool) { t.d.put(entry{word: root, closed: closed}) }
func (t trainDict) Delete(root string)           { delete(t.d.words, root) }
func (t trainDict) Closed(root string) bool      { return t.d.words[root].closed }
func (t trainDict) Roots() []string              { return slices.Sorted(maps.Keys(t.d.words)) }
func (t trainDict) Stem(word string) string      { return t.d.stem(word) }
