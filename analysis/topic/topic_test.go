package topic

import (
	"testing"

	"github.com/warta-news/warta/analysis/text"
)

func document(title string, paragraphs ...string) *text.Document {
	doc := text.NewDocument(title, paragraphs)
	text.Tokenize(doc)
	return doc
}

func TestLexicon(t *testing.T) {
	lex, err := ParseLexicon(subjectsFile, lexiconFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(lex.Subjects) != 17 {
		t.Errorf("%d subjects, want IPTC's 17", len(lex.Subjects))
	}
	for _, bad := range [][2]string{
		{"arts\tmedtop:01000000\n", ""},
		{subjectsFile, "nosuch\tkata\n"},
		{subjectsFile, "arts\ttiga kata ini\n"},
		{subjectsFile, "arts\n"},
	} {
		if _, err := ParseLexicon(bad[0], bad[1]); err == nil {
			t.Errorf("ParseLexicon(%q, %q) gave no error", bad[0], bad[1])
		}
	}
}

func TestTag(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		title, body, want string
	}{
		{"Timnas Indonesia Menang 2-0", "Timnas Indonesia mengalahkan Vietnam 2-0 dalam laga kualifikasi Piala Dunia di stadion Gelora Bung Karno. Pelatih memuji para pemain.", "sport"},
		{"Polisi Tangkap Pelaku Pencurian", "Polisi menangkap dua tersangka pencurian sepeda motor. Kapolres mengatakan pelaku dijerat pasal pencurian dengan ancaman penjara tujuh tahun.", "crime, law and justice"},
		{"Rupiah Melemah, IHSG Turun", "Nilai tukar rupiah melemah terhadap dolar AS, sementara IHSG turun di bursa saham. Investor menunggu keputusan suku bunga Bank Indonesia.", "economy, business and finance"},
		{"Banjir Rendam Ratusan Rumah", "Banjir merendam ratusan rumah warga. BPBD mengevakuasi pengungsi setelah hujan lebat, dan tanah longsor menutup jalan desa.", "disaster, accident and emergency incident"},
	} {
		got := tg.Tag(document(tc.title, tc.body))
		if len(got) == 0 || got[0].Label != tc.want {
			t.Errorf("%s: %+v, want %s first", tc.title, got, tc.want)
		}
		for i := 1; i < len(got); i++ {
			if got[i].Score > got[i-1].Score || got[i].Score < MinScore {
				t.Errorf("%s: %+v not best first above %v", tc.title, got, MinScore)
			}
		}
	}
}

func TestTagEmpty(t *testing.T) {
	tg, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if got := tg.Tag(&text.Document{}); len(got) != 1 {
		t.Errorf("Tag(empty) = %+v, want the model's prior alone", got)
	}
}

func TestNewWithModelRejectsBadFiles(t *testing.T) {
	for _, data := range [][]byte{nil, modelFile[:100]} {
		if _, err := NewWithModel(data); err == nil {
			t.Errorf("a model of %d bytes was accepted", len(data))
		}
	}
}

func FuzzTag(f *testing.F) {
	f.Add("Polisi menangkap pelaku. Harga beras naik.")
	f.Add("tim sar tim")
	tg, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := tg.Tag(document("", text.Normalize(s)))
		if len(got) == 0 {
			t.Fatalf("%q: no topic", s)
		}
		for _, tp := range got {
			if tp.Score < 0 || tp.Score > 1 {
				t.Fatalf("%q: %+v", s, got)
			}
		}
	})
}

func TestLookup(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"medtop:11000000", "politics"},
		{"11000000", "politics"},
		{"Politics", "politics"},
		{" politik ", "politics"},
		{"crime, law and justice", "crime"},
		{"Kriminalitas, hukum dan keadilan", "crime"},
		{"olahraga", "sport"},
		{"bencana", "disaster"},
		{"Kriminalitas", "crime"},
		{"", ""},
		{"medtop:99000000", ""},
		{"hukum", ""},
	} {
		s, ok := Lookup(tc.in)
		if s.Key != tc.want || ok != (tc.want != "") {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tc.in, s.Key, ok, tc.want)
		}
	}
	seen := map[string]string{}
	for _, s := range DefaultLexicon().Subjects {
		for _, name := range s.names() {
			if k, ok := seen[name]; ok && k != s.Key {
				t.Errorf("%q names %s and %s", name, k, s.Key)
			}
			seen[name] = s.Key
		}
	}
}
