package person

import (
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis/text"
)

func reader(t *testing.T, s string) (*Reader, *text.Document) {
	t.Helper()
	doc := &text.Document{Text: s}
	text.Tokenize(doc)
	return NewReader(Default(), doc), doc
}

// tokenAt returns the index of the first token that is w.
func tokenAt(t *testing.T, doc *text.Document, w string) int {
	t.Helper()
	for i := range doc.Tokens {
		if doc.TokenText(i) == w {
			return i
		}
	}
	t.Fatalf("no token %q in %q", w, doc.Text)
	return -1
}

func spanText(doc *text.Document, s Span) string {
	if s.Empty() {
		return ""
	}
	return doc.Text[doc.Tokens[s.First].Start:doc.Tokens[s.Last-1].End]
}

func TestRoleBefore(t *testing.T) {
	for _, c := range []struct{ text, name, want string }{
		{"kata Menteri Dalam Negeri Tito Karnavian.", "Tito", "Menteri Dalam Negeri"},
		{"Menteri Riset dan Teknologi Bambang Brodjonegoro hadir.", "Bambang", "Menteri Riset dan Teknologi"},
		{"Direktur Jenderal Bea dan Cukai Askolani menjelaskan.", "Askolani", "Direktur Jenderal Bea dan Cukai"},
		{"Kepala Badan Pengawas Obat dan Makanan Taruna Ikrar menjelaskan.", "Taruna", "Kepala Badan Pengawas Obat dan Makanan"},
		{"Kapolda Metro Jaya Irjen Karyoto mengatakan.", "Karyoto", "Kapolda Metro Jaya"},
		{"Kepala Bidang Humas Polda Metro Jaya Komisaris Besar Yusri Yunus menjelaskan.", "Yusri", "Kepala Bidang Humas Polda Metro Jaya"},
		{"ujar juru bicara Departemen Luar Negeri Ned Price.", "Ned", "juru bicara Departemen Luar Negeri"},
		{"Menteri Koordinator Bidang Perekonomian (Menko Perekonomian) Sri Wahyuni datang.", "Sri", "Menteri Koordinator Bidang Perekonomian"},
		{"kata Kepala Dinas Kesehatan Jawa Barat, Vini Adiani.", "Vini", "Kepala Dinas Kesehatan Jawa Barat"},
		{"Kasatreskrim Polres Sikka AKP Reinhard Habi menjelaskan.", "Reinhard", "Kasatreskrim Polres Sikka"},
		{"Kemarin Tito Karnavian datang.", "Tito", ""},
		{"Prabowo dan Gibran datang.", "Gibran", ""},
	} {
		r, doc := reader(t, c.text)
		got := spanText(doc, r.RoleBefore(tokenAt(t, doc, c.name), 0))
		if got != c.want {
			t.Errorf("%q: role before %s = %q, want %q", c.text, c.name, got, c.want)
		}
	}
}

func TestAfter(t *testing.T) {
	for _, c := range []struct{ text, from, role, name string }{
		{"Menteri Dalam Negeri Tito Karnavian mengatakan.", "Menteri", "Menteri Dalam Negeri", "Tito Karnavian"},
		{"Kepala Polresta Denpasar Kombes Bambang Pramono menjelaskan.", "Kepala", "Kepala Polresta Denpasar", "Bambang Pramono"},
		{"Rahmat Hidayat, anggota tim kuasa hukum, menjelaskan.", "Rahmat", "anggota tim kuasa hukum", "Rahmat Hidayat"},
		{"juru bicara Gugus Tugas, Made Wirawan, menjelaskan.", "juru", "juru bicara Gugus Tugas", "Made Wirawan"},
		{"Rektor Universitas Gadjah Mada Ova Emilia menjelaskan.", "Rektor", "Rektor Universitas Gadjah Mada", "Ova Emilia"},
		// A title that also opens names: Ratu, Sultan, Raja.
		{"Wali Kota Palembang Ratu Dewa mengatakan.", "Wali", "Wali Kota Palembang", "Ratu Dewa"},
		{"Sultan Hamengku Buwono mengatakan.", "Sultan", "", "Sultan Hamengku Buwono"},
		{"Raja Yordania Abdullah mengatakan.", "Raja", "Raja Yordania", "Abdullah"},
		// A unit's Roman number and a common noun after dan stay in the office.
		{"Kepala Satuan Tugas Pencegahan dan Penindakan KPK Wilayah IV Dewi Lestari menjelaskan.", "Kepala", "Kepala Satuan Tugas Pencegahan dan Penindakan KPK Wilayah IV", "Dewi Lestari"},
		{"Wakil Ketua Komisi II DPR Budi Hartono menjelaskan.", "Wakil", "Wakil Ketua Komisi II DPR", "Budi Hartono"},
		// A lower-case function word after a body ends the office.
		{"kata Ketua DKPP dalam sidang itu.", "Ketua", "Ketua DKPP", ""},
		{"kata anggota tim kuasa hukum Rina Sari.", "anggota", "anggota tim kuasa hukum", "Rina Sari"},
	} {
		r, doc := reader(t, c.text)
		p := r.After(tokenAt(t, doc, c.from), len(doc.Tokens))
		if got := spanText(doc, p.Role); got != c.role {
			t.Errorf("%q: role %q, want %q", c.text, got, c.role)
		}
		if got := spanText(doc, p.Name); got != c.name {
			t.Errorf("%q: name %q, want %q", c.text, got, c.name)
		}
	}
}

func TestDomestic(t *testing.T) {
	lx := Default()
	for role, want := range map[string]bool{
		"Menteri Luar Negeri": true, "Kapolda Metro Jaya": true, "Gubernur Jawa Barat": true,
		"Menkeu": true, "juru bicara": false, "warga": false,
	} {
		if got := lx.Domestic(role); got != want {
			t.Errorf("Domestic(%q) = %v, want %v", role, got, want)
		}
	}
}

func TestRoleHead(t *testing.T) {
	lx := Default()
	for _, c := range []struct {
		words     string
		n         int
		territory bool
	}{
		{"juru bicara Polri", 2, false},
		{"Wali Kota Surabaya", 2, true},
		{"Menteri Dalam Negeri Tito", 3, false},
		{"Bupati Muna", 1, true},
		{"Lavrov", 0, false},
	} {
		n, territory := lx.RoleHead(strings.Fields(c.words))
		if n != c.n || territory != c.territory {
			t.Errorf("RoleHead(%q) = %d %v, want %d %v", c.words, n, territory, c.n, c.territory)
		}
	}
}
