package entity

import "testing"

func TestEditDistance1(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"blinken", "blinkin", true},  // replaced
		{"lavrov", "lavrof", true},    // replaced at the end
		{"navalny", "navalnyy", true}, // added
		{"ryabkov", "rybkov", true},   // dropped
		{"putin", "puitn", true},      // swapped
		{"biden", "bidne", true},      // swapped at the end
		{"biden", "biden", true},
		{"blinken", "blinkan", true},
		{"price", "prize", true},
		{"whelan", "whalen", false}, // two edits
		{"putin", "pupin", true},
		{"putin", "putinov", false},
		{"joko", "jokowi", false},
	} {
		if got := editDistance1(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance1(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestShapeOf(t *testing.T) {
	for _, tt := range []struct {
		word, same string
		flags      uint8
	}{
		{"Jakarta", "Bandung", shUpperFirst | shLower | shLetter},
		{"KPK", "PBB", shUpperFirst | shAllUpper | shLetter},
		{"1.500", "2.750", shDigit | shPunct},
		{"Al-Azhar", "Ad-Dhuha", shUpperFirst | shLower | shLetter | shPunct | shMixedCaps},
		{"iPhone", "iPad", shLower | shLetter | shMixedCaps},
	} {
		flags, h := shapeOf(tt.word)
		if flags != tt.flags {
			t.Errorf("shapeOf(%q) flags %07b, want %07b", tt.word, flags, tt.flags)
		}
		if _, h2 := shapeOf(tt.same); h2 != h {
			t.Errorf("%q and %q have different shapes", tt.word, tt.same)
		}
	}
}

func TestStem(t *testing.T) {
	for _, tt := range []struct{ word, want string }{
		{"menyatakan", "yata"},
		{"dinyatakan", "nyata"},
		{"pernyataan", "rnyata"},
		{"bukunya", "buku"},
		{"jakarta", "jakarta"},
	} {
		if got := string(stem([]byte(tt.word))); got != tt.want {
			t.Errorf("stem(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
