package article

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func TestDecodeHTML(t *testing.T) {
	latin1 := func(s string) string {
		b, err := charmap.Windows1252.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	const body = "<p>“Kafé di Braga ramai,” kata Ujang. Suhu 19°C.</p>"
	tests := []struct {
		name, page, contentType, want, warning string
	}{
		{"UTF-8 declared", `<meta charset="utf-8">` + body, "", `<meta charset="utf-8">` + body, ""},
		{"UTF-8 undeclared", body, "", body, ""},
		{"UTF-8 declared iso-8859-1", `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">` + body, "", `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">` + body, "declares charset windows-1252 but is UTF-8"},
		{"Windows-1252 declared", latin1(`<meta charset="windows-1252">` + body), "", `<meta charset="windows-1252">` + body, ""},
		{"Latin-1 declared late in a long head", latin1(`<head>` + strings.Repeat(`<meta name="x" content="y">`, 60) + `<meta charset="iso-8859-1"></head>` + body), "", `<head>` + strings.Repeat(`<meta name="x" content="y">`, 60) + `<meta charset="iso-8859-1"></head>` + body, ""},
		{"Windows-1252 undeclared", latin1(body), "", body, "read as Windows-1252"},
		{"Content-Type wins over meta", latin1(`<meta charset="utf-8">` + body), "text/html; charset=ISO-8859-1", `<meta charset="utf-8">` + body, ""},
		{"UTF-8 BOM", "\xef\xbb\xbf" + body, "", body, ""},
		{"UTF-16 LE BOM", "\xff\xfe<\x00p\x00>\x00x\x00", "", "<p>x", ""},
		{"UTF-16 declared without BOM is UTF-8", `<meta charset="utf-16">` + body, "", `<meta charset="utf-16">` + body, ""},
		{"broken UTF-8", "<p>Jalan \xe2\x80 rusak, café</p>", "", "<p>Jalan \uFFFD rusak, café</p>", "U+FFFD"},
		{"unknown charset label", `<meta charset="x-klingon">` + body, "", `<meta charset="x-klingon">` + body, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warnings := DecodeHTML(tt.page, tt.contentType)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			w := strings.Join(warnings, "; ")
			if tt.warning == "" && w != "" || !strings.Contains(w, tt.warning) {
				t.Errorf("warnings %q, want one with %q", w, tt.warning)
			}
		})
	}
}

func TestCharsetParam(t *testing.T) {
	for in, want := range map[string]string{
		"text/html; charset=iso-8859-1":     "iso-8859-1",
		"text/html;charset=UTF-8;":          "UTF-8",
		`text/html; charset="windows-1252"`: "windows-1252",
		"text/html":                         "",
		"charset = utf-8":                   "utf-8",
	} {
		if got := charsetParam(in); got != want {
			t.Errorf("charsetParam(%q) = %q, want %q", in, got, want)
		}
	}
}
