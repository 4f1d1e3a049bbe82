package article

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// charsetScanBytes is how much of a page is searched for a charset
// declaration. The HTML standard looks at the first 1,024 bytes only, but
// pages with long heads (scripts, JSON-LD, dozens of meta tags) often declare
// it later, and browsers still honour it.
const charsetScanBytes = 16 << 10

// DecodeHTML returns a page as UTF-8 text, and warnings about its encoding.
// The encoding is taken from a byte-order mark, else the Content-Type (when
// contentType is given), else a <meta charset> or <meta http-equiv> in the
// head. A declaration is not trusted blindly: a page that is valid UTF-8 and
// holds multi-byte sequences is UTF-8 whatever it declares (the
// iso-8859-1-declared UTF-8 page is common: templates keep an old meta tag
// after the site moved to UTF-8), and an undeclared page that is not UTF-8
// is read as Windows-1252, the superset browsers use for Latin-1.
func DecodeHTML(page string, contentType string) (string, []string) {
	switch {
	case strings.HasPrefix(page, "\xef\xbb\xbf"):
		return validUTF8(page[3:])
	case strings.HasPrefix(page, "\xff\xfe"), strings.HasPrefix(page, "\xfe\xff"):
		s, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().String(page[:len(page)&^1])
		if err != nil {
			return validUTF8(page)
		}
		return s, nil
	}
	name, enc := declaredCharset(page, contentType)
	if utf8.ValidString(page) {
		if name != "" && name != "utf-8" && hasMultibyte(page) {
			return page, []string{fmt.Sprintf("page declares charset %s but is UTF-8: read as UTF-8", name)}
		}
		return page, nil
	}
	if enc != nil && name != "utf-8" {
		if s, err := enc.NewDecoder().String(page); err == nil {
			return s, nil
		}
	}
	if !hasMultibyte(page) {
		if s, err := charmap.Windows1252.NewDecoder().String(page); err == nil {
			return s, []string{"page is not UTF-8 and declares no other charset: read as Windows-1252"}
		}
	}
	return validUTF8(page)
}

// validUTF8 replaces the invalid bytes of s, with a warning when there were
// any.
func validUTF8(s string) (string, []string) {
	if utf8.ValidString(s) {
		return s, nil
	}
	return strings.ToValidUTF8(s, "\uFFFD"), []string{"invalid UTF-8 in the page replaced with U+FFFD"}
}

// hasMultibyte reports whether s holds at least one valid multi-byte UTF-8
// sequence.
func hasMultibyte(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError {
			return true
		}
		i += size
	}
	return false
}

// declaredCharset returns the canonical name and the decoder of the charset
// a page declares in contentType or in its head, or "" and nil. A page that
// declares UTF-16 without a byte-order mark is ASCII-compatible and so read
// as UTF-8, as the HTML standard says.
func declaredCharset(page, contentType string) (string, encoding.Encoding) {
	label := charsetParam(contentType)
	if label == "" {
		label = metaCharset(page[:min(len(page), charsetScanBytes)])
	}
	if label == "" {
		return "", nil
	}
	enc, name := charset.Lookup(label)
	if enc == nil {
		return "", nil
	}
	if strings.HasPrefix(name, "utf-16") {
		return "utf-8", nil
	}
	return name, enc
}

// metaCharset returns the charset label of the first <meta charset> or
// <meta http-equiv="Content-Type" content="...; charset=..."> in head, or "".
func metaCharset(head string) string {
	z := html.NewTokenizer(strings.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if bytes.Equal(name, []byte("body")) {
				return ""
			}
			if !bytes.Equal(name, []byte("meta")) {
				continue
			}
			var content string
			pragma := false
			for hasAttr {
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				switch string(key) {
				case "charset":
					return strings.TrimSpace(string(val))
				case "http-equiv":
					pragma = strings.EqualFold(strings.TrimSpace(string(val)), "content-type")
				case "content":
					content = string(val)
				}
			}
			if pragma {
				if label := charsetParam(content); label != "" {
					return label
				}
			}
		}
	}
}

// charsetParam returns the charset parameter of a Content-Type value
// ("text/html; charset=iso-8859-1"), or "". It is lenient, as browsers are,
// with quotes, spaces and stray semicolons.
func charsetParam(s string) string {
	i := strings.Index(strings.ToLower(s), "charset")
	if i < 0 {
		return ""
	}
	s = strings.TrimLeft(s[i+len("charset"):], " \t")
	if !strings.HasPrefix(s, "=") {
		return ""
	}
	s = strings.TrimLeft(s[1:], " \t")
	s = strings.TrimLeft(s, `"'`)
	if end := strings.IndexAny(s, "\"'; \t"); end >= 0 {
		s = s[:end]
	}
	return s
}
