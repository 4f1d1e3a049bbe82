package syntax

import (
	"strings"
	"testing"
)

// line builds one CoNLL-U word line from its id, form, tag, head and
// relation.
func line(id, form, tag, head, rel string) string {
	return strings.Join([]string{id, form, "_", tag, "_", "_", head, rel, "_", "_"}, "\t")
}

func TestReadCoNLLU(t *testing.T) {
	in := strings.Join([]string{
		"# sent_id = s1",
		"# text = Menurutnya harga naik.",
		line("1-2", "Menurutnya", "_", "_", "_"),
		line("1", "Menurut", "ADP", "2", "case"),
		line("2", "nya", "PRON", "4", "obl"),
		line("3", "harga", "NOUN", "4", "nsubj"),
		line("4", "naik", "VERB", "0", "root"),
		line("4.1", "naik", "VERB", "_", "_"),
		line("5", ".", "PUNCT", "4", "punct"),
		"",
		"",
		"# sent_id = s2",
		line("1", "Ya", "INTJ", "0", "root"),
	}, "\n")
	got, err := ReadCoNLLU(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{ID: "s1", Folded: 1, Words: []Word{
			{Form: "Menurutnya", UPOS: "PRON", Rel: "obl", Head: 3},
			{Form: "harga", UPOS: "NOUN", Rel: "nsubj", Head: 3},
			{Form: "naik", UPOS: "VERB", Rel: "root", Head: 0},
			{Form: ".", UPOS: "PUNCT", Rel: "punct", Head: 3},
		}},
		{ID: "s2", Words: []Word{{Form: "Ya", UPOS: "INTJ", Rel: "root", Head: 0}}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d sentences, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i].ID != want[i].ID || got[i].Folded != want[i].Folded || len(got[i].Words) != len(want[i].Words) {
			t.Fatalf("sentence %d: got %+v, want %+v", i, got[i], want[i])
		}
		for k := range want[i].Words {
			if got[i].Words[k] != want[i].Words[k] {
				t.Errorf("sentence %d word %d: got %+v, want %+v", i, k, got[i].Words[k], want[i].Words[k])
			}
		}
	}
}

func TestReadCoNLLUErrors(t *testing.T) {
	for name, in := range map[string]string{
		"short line":      "1\tA\t_\tNOUN",
		"bad head":        line("1", "A", "NOUN", "x", "root"),
		"head past end":   line("1", "A", "NOUN", "3", "root"),
		"id out of order": line("2", "A", "NOUN", "0", "root"),
		"range past end":  line("1-2", "Ab", "_", "_", "_") + "\n" + line("1", "A", "NOUN", "0", "root"),
		"range backwards": line("2-1", "Ab", "_", "_", "_"),
		"self head":       line("1", "A", "NOUN", "1", "root"),
		"empty relation":  line("1", "A", "NOUN", "0", ""),
	} {
		if _, err := ReadCoNLLU(strings.NewReader(in)); err == nil {
			t.Errorf("%s: no error for %q", name, in)
		}
	}
}

// FuzzReadCoNLLU checks that the reader never panics and that what it
// reads is a well-formed forest: every head a node of the sentence.
func FuzzReadCoNLLU(f *testing.F) {
	f.Add(strings.Join([]string{line("1-2", "Ab", "_", "_", "_"), line("1", "A", "ADP", "2", "case"), line("2", "b", "PRON", "0", "root")}, "\n"))
	f.Add(line("1", "A", "NOUN", "0", "root") + "\n\n" + line("1", "B", "NOUN", "2", "nsubj") + "\n" + line("2", "C", "VERB", "0", "root"))
	f.Add("# sent_id = x\n" + line("1.1", "A", "NOUN", "_", "_") + "\n" + line("1", "A", "NOUN", "0", "root"))
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadCoNLLU(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range sents {
			if len(s.Words) == 0 {
				t.Fatalf("an empty sentence from %q", in)
			}
			for i, w := range s.Words {
				if w.Head < 0 || w.Head > len(s.Words) || w.Head == i+1 {
					t.Fatalf("word %d has head %d in a sentence of %d from %q", i+1, w.Head, len(s.Words), in)
				}
			}
		}
	})
}
