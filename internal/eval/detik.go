package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/text"
)

// detikArticle is one article of detik-news with the labels the tone,
// topic and summary evaluations read.
type detikArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Body      string `json:"body"`
	Topic     string `json:"topic"`
	Summary   string `json:"summary"`
}

// readDetik reads detik-news/articles.jsonl under the shared data folder.
func readDetik(data string) ([]detikArticle, error) {
	return readDetikFile(filepath.Join(data, "detik-news", "articles.jsonl"))
}

// readDetikFile reads a detik-news JSON Lines file.
func readDetikFile(path string) ([]detikArticle, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read detik-news: %w", err)
	}
	defer f.Close()
	var out []detikArticle
	dec := json.NewDecoder(bufio.NewReader(f))
	for dec.More() {
		var a detikArticle
		if err := dec.Decode(&a); err != nil {
			return nil, fmt.Errorf("read detik-news %s: article %d: %w", path, len(out)+1, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// document lays out an article as the pipeline does for a title and a
// body, tokenised and split into sentences.
func (a detikArticle) document() *text.Document {
	art := article.FromParts(text.Normalize(a.Title), text.Normalize(a.Body))
	doc := text.NewDocument(art.Title, art.Paragraphs)
	text.Tokenize(doc)
	text.SplitSentences(doc)
	return doc
}

// half says which half of detik-news an article belongs to: articles are
// sorted by id, and rules are read and tuned on the first 350 only.
func half(i int) int {
	if i < 350 {
		return 0
	}
	return 1
}

// byteOffsets converts sorted code-point offsets of doc.Text into bytes.
func byteOffsets(doc *text.Document, runes []int) []int {
	out := make([]int, len(runes))
	r, k := 0, 0
	for b := range doc.Text {
		for k < len(runes) && runes[k] == r {
			out[k] = b
			k++
		}
		r++
	}
	for ; k < len(runes); k++ {
		out[k] = len(doc.Text)
		if runes[k] != r {
			out[k] = -1
		}
	}
	return out
}

// atoiFields parses integer fields of a fixture line.
func atoiFields(fields []string) ([]int, error) {
	out := make([]int, len(fields))
	for i, f := range fields {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}
