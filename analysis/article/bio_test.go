package article

import (
	"strings"
	"testing"
)

func TestAuthorBio(t *testing.T) {
	const body = "Warga desa membersihkan saluran irigasi bersama aparat kecamatan pada Minggu pagi.\n" +
		"\"Kalau saluran bersih, sawah tidak kebanjiran lagi,\" kata kepala desa.\n"
	tests := []struct {
		name, tail string
		bio        bool
	}{
		{"three heads", "Pecinta alam. Penulis lepas. Ayah dua anak.", true},
		{"translated template", "Ahli internet. Pelopor bacon yang setia. Gamer jahat. Pembaca. Penyelenggara.", true},
		{"quoted", "“Penjelajah yang ramah. Kutu buku televisi. Fanatik media sosial. Pengacara perjalanan.”", true},
		{"one-word fragments", "\"Pemikir. Pencipta. Pakar musik. Pencinta zombie.\"", true},
		{"over two lines", "Penggemar kopi. Penulis.\nPelopor web yang tidak menyesal.", true},
		{"with separators", "Penggemar kopi | Pembaca buku | Spesialis perjalanan", true},
		{"short news sentences", "Polisi masih menyelidiki. Pelaku kabur. Korban dirawat.", false},
		{"match report", "Pertandingan berakhir imbang. Penonton kecewa. Pelatih diam.", false},
		{"two fragments only", "Penggemar kopi. Penulis lepas.", false},
		{"a quote", "“Kami siap. Kami kuat. Kami menang.”", false},
		{"long sentence", "Penulis adalah wartawan yang meliput isu lingkungan sejak 2010 di berbagai daerah.", false},
		{"a date", "Pecinta kopi. Penulis lepas sejak 2015. Ayah dua anak.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := FromText("Judul\n" + body + tt.tail)
			var bio []string
			for _, b := range a.Boilerplate {
				if b.Kind == AuthorBio {
					bio = append(bio, b.Text)
				}
			}
			if got := strings.Join(bio, "\n"); tt.bio && got != tt.tail || !tt.bio && got != "" {
				t.Errorf("bio %q, want %v", got, tt.bio)
			}
			if n := len(a.Paragraphs); n < 2 {
				t.Errorf("the article lost its body: %d paragraphs", n)
			}
		})
	}
}
