package article

import (
	"testing"
)

func TestCreditLabelsIn(t *testing.T) {
	tests := []struct {
		in    string
		roles []creditRole
	}{
		{"Reporter: Dina Mirayanti Hutauruk | Editor: Tendi Mahadi", []creditRole{roleWriter, roleEditor}},
		{"Rep: Fuji Eka Permana/ Red: Muhammad Hafil", []creditRole{roleWriter, roleEditor}},
		{"Jumat, 16 Januari 2026 07:45Reporter : Yunita Amalia", []creditRole{roleWriter}},
		{"Written by: Mara Ellison", []creditRole{roleWriter}},
		{"Pukul 10:30 warga berkumpul: semua datang.", nil},
		{":::", nil},
		{"Fotografer:", []creditRole{rolePhoto}},
	}
	for _, tt := range tests {
		var got []creditRole
		for _, l := range creditLabelsIn(tt.in) {
			got = append(got, l.role)
		}
		if len(got) != len(tt.roles) {
			t.Errorf("%q: roles %v, want %v", tt.in, got, tt.roles)
			continue
		}
		for i := range got {
			if got[i] != tt.roles[i] {
				t.Errorf("%q: roles %v, want %v", tt.in, got, tt.roles)
			}
		}
	}
}

func TestNotAnAuthor(t *testing.T) {
	tests := []struct {
		name, site, host string
		org, code        bool
	}{
		{"PT VIVA Media Baru", "VIVA.co.id", "www.viva.co.id", true, false},
		{"Tribun Jogja", "Tribunjogja.com", "jogja.tribunnews.com", true, false},
		{"Sindonews", "SINDOnews.com", "ekbis.sindonews.com", true, false},
		{"Redaksi Radar Semeru", "Jawa Pos Radar Semeru", "radarsemeru.jawapos.com", true, false},
		{"Kontan", "", "investasi.kontan.co.id", true, false},
		{"Muhammad Yasir", "suara.com", "www.suara.com", false, false},
		{"Tim Cook", "", "example.com", false, false},
		{"fat", "JPNN.com", "www.jpnn.com", false, true},
		{"mcr8", "JPNN.com", "www.jpnn.com", false, true},
		{"Natalia", "JPNN.com", "www.jpnn.com", false, false},
		{"林晓", "晨报网", "", false, false},
	}
	for _, tt := range tests {
		if got := isOrganization(tt.name, tt.site, tt.host); got != tt.org {
			t.Errorf("isOrganization(%q) = %v, want %v", tt.name, got, tt.org)
		}
		if got := isShortCode(tt.name); got != tt.code {
			t.Errorf("isShortCode(%q) = %v, want %v", tt.name, got, tt.code)
		}
	}
}

func TestTextWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"Warga berkumpul di balai desa.", 5},
		{"入冬以后学生用上了热水。", 6},
		{"ปีนี้ชาวบ้านเก็บเมล็ดกาแฟได้มาก", 16},
		{"Harga 入冬 naik", 3},
		{"", 0},
	}
	for _, tt := range tests {
		if got := textWords(tt.in); got != tt.want {
			t.Errorf("textWords(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
