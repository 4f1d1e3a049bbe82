package langid

import (
	"testing"

	"github.com/warta-news/warta/analysis/text"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"indonesian", "Pemerintah akan menaikkan anggaran subsidi pupuk pada tahun depan karena harga gabah di tingkat petani terus turun, kata menteri.", "id"},
		{"indonesian with a Chinese surname", "Dokter Wang mengatakan bahwa pasien yang menderita batu ginjal harus banyak minum air. Menurut Wang, kondisi itu bisa dicegah.", "id"},
		{"malay", "Kerajaan berkata bahawa wang itu akan diberikan kepada rakyat selepas mesyuarat kerana ekonomi semakin pulih, iaitu pada bulan depan.", "ms"},
		{"english", "The government said on Monday that it will raise the fertiliser subsidy next year because the price of rice has fallen.", "en"},
		{"too short", "Jakarta banjir", "und"},
		{"numbers only", "12 34 56 78 90 11 12 13", "und"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &text.Document{Text: tt.text}
			text.Tokenize(doc)
			if got, conf := Detect(doc); got != tt.want {
				t.Errorf("Detect = %s (%.2f), want %s", got, conf, tt.want)
			}
		})
	}
}
