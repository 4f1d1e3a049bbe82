// Package ingest reads articles from files and streams: plain text, JSON
// Lines (one article per line, the shape of the detik-news set), a JSON
// object or array of objects, and HTML pages. The format is told from the
// content, with the file name's extension as a hint. Reading streams:
// memory is bounded by the largest article, not by the input.
//
// An HTML page is handed on as read, in whatever charset it is in: the
// analysis decodes it (article.DecodeHTML), so that pages given to the
// library directly read the same.
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/warta-news/warta/analysis"
)

// MaxArticleBytes bounds one article: a plain-text file or an HTML page is
// cut there (with a warning in its record), a longer JSON line is an error
// for that line.
const MaxArticleBytes = 8 << 20

// sniffBytes is how much of an input is looked at to tell its format.
const sniffBytes = 4096

// Errors callers may branch on.
var (
	ErrEmpty    = errors.New("empty input")
	ErrBinary   = errors.New("binary data, not text")
	ErrTooLarge = fmt.Errorf("article larger than %d MiB", MaxArticleBytes>>20)

	// ErrHTML was returned for HTML pages before they could be read.
	//
	// Deprecated: HTML pages are read now and Read never returns it; it
	// stays while internal/server still names it.
	ErrHTML = errors.New("HTML pages are not supported")
)

// Item is one article read from an input, or the error that stopped one
// article from being read; the articles after it are still read.
type Item struct {
	Input analysis.Input
	Err   error
}

// ReadFile reads the articles of the file at path, or of stdin when path is
// "-", and calls emit for each in order. It returns an error when the input
// as a whole cannot be read, or when emit returns one.
func ReadFile(ctx context.Context, path string, stdin io.Reader, emit func(Item) error) error {
	if path == "-" {
		return Read(ctx, "-", stdin, emit)
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return fmt.Errorf("%s is a directory", path)
	}
	return Read(ctx, path, f, emit)
}

// format is an input's layout.
type format int

const (
	formatText format = iota
	formatJSONL
	formatJSON // one object, or an array of objects, over many lines
)

// Read reads the articles in r; name is the input's path (for the record's
// source and for the extension hint).
func Read(ctx context.Context, name string, r io.Reader, emit func(Item) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(sniffBytes)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return fmt.Errorf("read %s: %w", name, err)
	}
	src, head := decodeBOM(br, head)
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	switch {
	case len(trimmed) == 0:
		return ErrEmpty
	case isBinary(head):
		return ErrBinary
	case isHTML(name, trimmed):
		in, err := readPage(name, src)
		return emit(Item{Input: in, Err: err})
	}
	switch detect(name, trimmed) {
	case formatJSONL:
		return readJSONL(ctx, name, src, emit)
	case formatJSON:
		return readJSON(ctx, name, src, emit)
	}
	in, err := readText(name, src)
	return emit(Item{Input: in, Err: err})
}

// decodeBOM skips a UTF-8 byte-order mark and decodes UTF-16 text that
// starts with one, as Windows editors save it.
func decodeBOM(br *bufio.Reader, head []byte) (io.Reader, []byte) {
	switch {
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		br.Discard(3)
		return br, head[3:]
	case bytes.HasPrefix(head, []byte("\xff\xfe")), bytes.HasPrefix(head, []byte("\xfe\xff")):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		utf8Head, _ := dec.Bytes(head[:len(head)&^1])
		dec.Reset()
		return bufio.NewReader(dec.Reader(br)), utf8Head
	}
	return br, head
}

// isBinary reports whether data looks like a binary file: a NUL byte, or
// many control characters.
func isBinary(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range data {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return ctrl*20 > len(data)
}

// htmlSniffBytes is how much of an input is searched for the tags that
// tell an HTML page: an XML declaration or a comment may come first.
const htmlSniffBytes = 1024

// isHTML reports whether an input is an HTML page: it starts with a tag
// and an HTML tag comes early, or it starts with a tag and its name ends in
// .html or .htm.
func isHTML(name string, trimmed []byte) bool {
	if len(trimmed) == 0 || trimmed[0] != '<' {
		return false
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return true
	}
	l := bytes.ToLower(trimmed[:min(len(trimmed), htmlSniffBytes)])
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<article", "<div", "<p>", "<p ", "<title", "<h1", "<table", "<script"} {
		if bytes.Contains(l, []byte(tag)) {
			return true
		}
	}
	return false
}

// readPage reads an HTML page, cut at MaxArticleBytes. Its bytes are kept
// as they are: the analysis finds the charset.
func readPage(name string, r io.Reader) (analysis.Input, error) {
	in := analysis.Input{Path: name, Format: analysis.FormatHTML}
	data, err := io.ReadAll(io.LimitReader(r, MaxArticleBytes+1))
	if err != nil {
		return in, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > MaxArticleBytes {
		data = data[:MaxArticleBytes]
		in.Warnings = append(in.Warnings, fmt.Sprintf("page cut at the size limit (%d MiB)", MaxArticleBytes>>20))
	}
	in.Body = string(data)
	return in, nil
}

// detect tells the format from the extension, then from the content: JSON
// starts with "{" or "["; a "{" or "[" alone on the first line is a
// pretty-printed document rather than JSON Lines.
func detect(name string, trimmed []byte) format {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".txt" || ext == ".text" {
		return formatText
	}
	if trimmed[0] != '{' && trimmed[0] != '[' {
		if ext == ".jsonl" || ext == ".ndjson" {
			return formatJSONL // its lines will say what is wrong
		}
		return formatText
	}
	first, _, _ := bytes.Cut(trimmed, []byte("\n"))
	first = bytes.TrimSpace(first)
	if trimmed[0] == '[' || bytes.Equal(first, []byte("{")) {
		return formatJSON
	}
	return formatJSONL
}

// readText reads a plain-text article, cut at MaxArticleBytes.
func readText(name string, r io.Reader) (analysis.Input, error) {
	in := analysis.Input{Path: name}
	data, err := io.ReadAll(io.LimitReader(r, MaxArticleBytes+1))
	if err != nil {
		return in, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > MaxArticleBytes {
		data = data[:MaxArticleBytes]
		if i := bytes.LastIndexByte(data, '\n'); i > 0 {
			data = data[:i]
		}
		in.Warnings = append(in.Warnings, fmt.Sprintf("text cut at the size limit (%d MiB)", MaxArticleBytes>>20))
	}
	text, warning := toUTF8(data)
	if warning != "" {
		in.Warnings = append(in.Warnings, warning)
	}
	in.Body = text
	return in, nil
}

// toUTF8 returns data as a string. Text that is not valid UTF-8 is read as
// Windows-1252 (the usual encoding of older Indonesian pages and files)
// when it has no UTF-8 sequences at all; otherwise bad bytes become U+FFFD.
func toUTF8(data []byte) (string, string) {
	if utf8.Valid(data) {
		return string(data), ""
	}
	if !hasMultibyteUTF8(data) {
		if s, err := charmap.Windows1252.NewDecoder().Bytes(data); err == nil {
			return string(s), "text is not UTF-8: read as Windows-1252"
		}
	}
	return strings.ToValidUTF8(string(data), "\uFFFD"), "invalid UTF-8 replaced with U+FFFD"
}

// hasMultibyteUTF8 reports whether data holds at least one valid multi-byte
// UTF-8 sequence.
func hasMultibyteUTF8(data []byte) bool {
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if size > 1 && r != utf8.RuneError {
			return true
		}
		data = data[size:]
	}
	return false
}

// jsonArticle is the shape of one JSON article. Body may also be called
// text, content or isi_berita; URL may be link.
type jsonArticle struct {
	Title     string `json:"title"`
	Body      string `json:"body"`
	Text      string `json:"text"`
	Content   string `json:"content"`
	Isi       string `json:"isi_berita"`
	URL       string `json:"url"`
	Link      string `json:"link"`
	Published string `json:"published"`
}

func (j jsonArticle) input(name string, line int) (analysis.Input, error) {
	in := analysis.Input{
		Title:     strings.TrimSpace(j.Title),
		Body:      cmpOr(j.Body, j.Text, j.Content, j.Isi),
		URL:       cmpOr(j.URL, j.Link),
		Published: j.Published,
		Path:      name,
		Line:      line,
	}
	if in.Title == "" && strings.TrimSpace(in.Body) == "" {
		return in, errors.New("no title and no body")
	}
	return in, nil
}

func cmpOr(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// readJSONL reads one JSON object per line. A bad or over-long line is an
// error for that line only.
func readJSONL(ctx context.Context, name string, r io.Reader, emit func(Item) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var line []byte
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		line, err = readLine(br, line[:0])
		if errors.Is(err, ErrTooLarge) {
			if e := emit(Item{Input: analysis.Input{Path: name, Line: n}, Err: fmt.Errorf("%s:%d: %w", name, n, err)}); e != nil {
				return e
			}
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("read %s: %w", name, err)
		}
		if t := bytes.TrimSpace(line); len(t) > 0 {
			var j jsonArticle
			item := Item{Input: analysis.Input{Path: name, Line: n}}
			if e := json.Unmarshal(t, &j); e != nil {
				item.Err = fmt.Errorf("%s:%d: invalid JSON: %w", name, n, e)
			} else if item.Input, e = j.input(name, n); e != nil {
				item.Err = fmt.Errorf("%s:%d: %w", name, n, e)
			}
			if e := emit(item); e != nil {
				return e
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
	}
}

// readLine appends the next line of br (without its newline) to buf. A line
// longer than MaxArticleBytes is skipped whole and reported as ErrTooLarge,
// keeping memory bounded.
func readLine(br *bufio.Reader, buf []byte) ([]byte, error) {
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > MaxArticleBytes+1 {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLong && (err == nil || errors.Is(err, io.EOF)) {
			return buf, ErrTooLarge
		}
		return bytes.TrimRight(buf, "\r\n"), err
	}
}

// readJSON reads a pretty-printed JSON object, or an array of objects, one
// element at a time.
func readJSON(ctx context.Context, name string, r io.Reader, emit func(Item) error) error {
	dec := json.NewDecoder(r)
	tok, err := dec.Token()
	if err != nil {
		return fmt.Errorf("%s: invalid JSON: %w", name, err)
	}
	if tok == json.Delim('{') {
		// One object: read it again whole, from a reader that replays "{".
		dec = json.NewDecoder(io.MultiReader(strings.NewReader("{"), dec.Buffered(), r))
		return decodeOne(name, 1, dec, emit)
	}
	if tok != json.Delim('[') {
		return fmt.Errorf("%s: expected a JSON object or array", name)
	}
	for n := 1; dec.More(); n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := decodeOne(name, n, dec, emit); err != nil {
			return err
		}
	}
	return nil
}

// decodeOne decodes one article object; n is its position in the input.
func decodeOne(name string, n int, dec *json.Decoder, emit func(Item) error) error {
	var j jsonArticle
	if err := dec.Decode(&j); err != nil {
		var typeErr *json.UnmarshalTypeError
		if !errors.As(err, &typeErr) {
			return fmt.Errorf("%s: article %d: invalid JSON: %w", name, n, err)
		}
		return emit(Item{Input: analysis.Input{Path: name, Line: n}, Err: fmt.Errorf("%s: article %d: %w", name, n, err)})
	}
	in, err := j.input(name, n)
	if err != nil {
		err = fmt.Errorf("%s: article %d: %w", name, n, err)
	}
	return emit(Item{Input: in, Err: err})
}
