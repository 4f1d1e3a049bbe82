package text

import (
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"clean ASCII", "Harga beras naik 5 persen.\n\nPemerintah bereaksi.", "Harga beras naik 5 persen.\n\nPemerintah bereaksi."},
		{"curly quotes kept", "“Kami siap,” kata Menteri.", "“Kami siap,” kata Menteri."},
		{"dashes and ellipsis kept", "Jakarta – Harga naik… lagi", "Jakarta – Harga naik… lagi"},
		{"no-break space", "Rp\u00a01,5\u00a0triliun", "Rp 1,5 triliun"},
		{"narrow and thin spaces", "10\u202f000 dan 5\u2009km\u3000lagi", "10 000 dan 5 km lagi"},
		{"zero-width characters", "Pres\u200biden Jo\u200dko\ufeff Wi\u2060dodo\u200c", "Presiden Joko Widodo"},
		{"soft hyphen", "pem\u00adbangunan", "pembangunan"},
		{"bidi marks", "\u200fJakarta\u200e \u202aBandung\u202c", "Jakarta Bandung"},
		{"CRLF and CR", "Satu.\r\nDua.\rTiga.\r\n\r\nEmpat.", "Satu.\nDua.\nTiga.\n\nEmpat."},
		{"tab", "Kolom\tsatu", "Kolom satu"},
		{"vertical tab and form feed", "Satu\vdua\fTiga", "Satu\ndua\nTiga"},
		{"C0 controls", "Ber\x00ita\x07 ha\x1bri ini\x7f", "Berita hari ini"},
		{"C1 controls", "Ber\u0080ita\u009f", "Berita"},
		{"next line and separators", "Satu\u0085dua\u2028tiga\u2029empat", "Satu\ndua\ntiga\n\nempat"},
		{"mojibake letter", "Sekjen PBB AntÃ³nio Guterres", "Sekjen PBB António Guterres"},
		{"mojibake quotes", "â€œKami siap,â€\u009d kata dia.", "“Kami siap,” kata dia."},
		{"mojibake apostrophe and dash", "Jumâ€™at â€“ Sabtu", "Jum’at – Sabtu"},
		{"mojibake no-break space", "Rp\u00c2\u00a05 juta", "Rp 5 juta"},
		{"mojibake degree", "Suhu 30Â°C", "Suhu 30°C"},
		{"mojibake emoji", "Mantap ðŸ‘\u008d", "Mantap 👍"},
		{"mojibake twice", "Ã¢â‚¬Å“Siap", "“Siap"},
		{"mojibake missing its last byte is left", "siapâ€ kata", "siapâ€ kata"},
		{"Latin-1 letters left alone", "São Tomé, Ångström, Ñandú", "São Tomé, Ångström, Ñandú"},
		{"lone Â left alone", "Âge d'or", "Âge d'or"},
		{"invalid bytes read as Windows-1252", "Caf\xe9 \x93Siap\x94", "Café “Siap”"},
		{"decomposed to NFC", "Jose\u0301 Ange\u0300le", "José Angèle"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeUnchangedDoesNotAllocate(t *testing.T) {
	for _, s := range []string{
		"Harga beras naik 5 persen.\n\nPemerintah bereaksi.",
		"“Kami siap,” kata António Guterres – Jum’at…",
		"",
	} {
		if got := Normalize(s); unsafe.StringData(got) != unsafe.StringData(s) {
			t.Errorf("Normalize(%q) returned a copy", s)
		}
		if n := testing.AllocsPerRun(100, func() { Normalize(s) }); n != 0 {
			t.Errorf("Normalize(%q) allocates %v times", s, n)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"Harga beras naik 5 persen.",
		"AntÃ³nio â€œKamiâ€\u009d Ã¢â‚¬Å“",
		"a\u00a0b\u200bc\u00adde\r\nf\rg\th\x00i\u0085j\u2029",
		"Caf\xe9 \xff\xfe Jose\u0301",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Normalize(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Normalize(%q) = %q is not valid UTF-8", s, got)
		}
		if !norm.NFC.IsNormalString(got) {
			t.Fatalf("Normalize(%q) = %q is not NFC", s, got)
		}
		if again := Normalize(got); again != got {
			t.Fatalf("Normalize is not idempotent: %q → %q → %q", s, got, again)
		}
		if i := strings.IndexFunc(got, func(r rune) bool {
			return r < ' ' && r != '\n' || r == 0x7f || r == 0xA0 || r == 0xAD || r == 0xFEFF || 0x200B <= r && r <= 0x200D
		}); i >= 0 {
			t.Fatalf("Normalize(%q) = %q keeps %q", s, got, got[i:])
		}
		if isCleanASCII(s) && got != s {
			t.Fatalf("Normalize changed clean ASCII %q to %q", s, got)
		}
	})
}

func isCleanASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c < ' ' && c != '\n' || c == 0x7f {
			return false
		}
	}
	return true
}
