package article

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestWalkParagraphs(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"paragraphs", "<p>Satu.</p><p>Dua.</p>", []string{"Satu.", "Dua."}},
		{"inline markup and white space", "<p>  Harga <b>naik</b>\n\t<a href=#>20 persen</a>. </p>", []string{"Harga naik 20 persen."}},
		{"words split by markup stay whole", "<p>Ja<b>karta</b></p>", []string{"Jakarta"}},
		{"line breaks split", "<div>Baris satu.<br><br>Baris dua.<br>Baris tiga.</div>", []string{"Baris satu.", "Baris dua.", "Baris tiga."}},
		{"text around blocks", "<div>Jakarta --<p>Isi.</p>Penutup.</div>", []string{"Jakarta --", "Isi.", "Penutup."}},
		{"list items", "<ul><li>Satu</li><li>Dua</li></ul>", []string{"Satu", "Dua"}},
		{"table cells in a row", "<table><tr><td>Provinsi</td><td>Jumlah</td></tr><tr><td>Bali</td><td>12</td></tr></table>", []string{"Provinsi | Jumlah", "Bali | 12"}},
		{"scripts, styles and forms skipped", "<p>Isi<script>var x = 1;</script><style>p{}</style><button>Kirim</button>.</p>", []string{"Isi."}},
		{"empty", "<div> <p> </p> </div>", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			walkParagraphs(doc, func(p string, _ *html.Node) { got = append(got, p) })
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestExtractorTags reads nodes built with a tag name and no atom, as an
// extractor may build its output.
func TestExtractorTags(t *testing.T) {
	list := &html.Node{Type: html.ElementNode, Data: "ul"}
	for _, s := range []string{"Satu", "Dua"} {
		li := &html.Node{Type: html.ElementNode, Data: "li"}
		li.AppendChild(&html.Node{Type: html.TextNode, Data: s})
		list.AppendChild(li)
	}
	var got []string
	walkParagraphs(list, func(p string, _ *html.Node) { got = append(got, p) })
	if !slices.Equal(got, []string{"Satu", "Dua"}) {
		t.Errorf("got %q", got)
	}
}
