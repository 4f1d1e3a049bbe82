package eval

import (
	"hash/crc32"
	"testing"
)

// The split keeps each story in one half: every article of a story, and
// every pair of it, labelled or not, is in the half its smallest article's
// CRC-32 names.
func TestCopySplit(t *testing.T) {
	labels := []CopyLabel{
		{A: 5, B: 9, Label: "copy"},
		{A: 9, B: 12, Label: "same_story"},
		{A: 3, B: 12, Label: "unrelated"}, // joins nothing
		{A: 3, B: 40, Label: "related"},
	}
	half := CopySplit(labels)
	want := func(root int) string {
		if crc32.ChecksumIEEE([]byte{byte('0' + root)})%2 == 0 {
			return Dev
		}
		return Test
	}
	for _, c := range []struct {
		a    int64
		root int
	}{{5, 5}, {9, 5}, {12, 5}, {3, 3}, {40, 3}, {7, 7}} {
		if got := half(c.a); got != want(c.root) {
			t.Errorf("article %d in %s, want %s (the half of story %d)", c.a, got, want(c.root), c.root)
		}
	}
	for _, l := range labels {
		if l.Split != half(l.A) {
			t.Errorf("pair %d-%d labelled %s, its smaller id's story is %s", l.A, l.B, l.Split, half(l.A))
		}
	}
}

// Both halves of the fixture hold copies and stories, and no story is in
// both.
func TestCopyFixtureSplit(t *testing.T) {
	labels, err := ReadCopyLabels("testdata/copies-detik.tsv")
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]map[string]int{Dev: {}, Test: {}}
	half := map[int64]string{}
	for _, l := range labels {
		count[l.Split][l.Label]++
		if l.Label == "unrelated" {
			continue
		}
		for _, id := range []int64{l.A, l.B} {
			if h, ok := half[id]; ok && h != l.Split {
				t.Errorf("article %d is in both halves (pair %d-%d)", id, l.A, l.B)
			}
			half[id] = l.Split
		}
	}
	for _, h := range []string{Dev, Test} {
		for _, label := range []string{"copy", "same_story", "related", "unrelated"} {
			if count[h][label] < 15 {
				t.Errorf("%s has %d %s pairs, want at least 15", h, count[h][label], label)
			}
		}
	}
	t.Logf("dev %v, test %v", count[Dev], count[Test])
}
