// Package summary picks the sentences that summarise an article:
// extractive, best first.
//
// Each body sentence is scored by how central its words are — the number
// of other sentences that share each of its content words (words that are
// neither stopwords nor numbers), summed and divided by the sentence's
// length to the power 0.7, so that long sentences do not win by length
// alone — plus its share of the title's content words, times a position
// prior of 1 + 1/i for the i-th sentence, since news puts what matters
// first. Sentences that quote someone in quotation marks are cut to a
// fifth: a summary reports, it does not quote. Sentences are then taken
// best first while they fit a budget of words, until it is nearly full.
//
// The weights were read on the first half of detik-news (articles sorted
// by id) against its reference summaries; internal/eval reports ROUGE on
// both halves beside LEAD-1, LEAD-2 and LEAD-3 (`warta eval summary`).
package summary

import (
	"math"
	"slices"
	"sync"

	"github.com/warta-news/warta/analysis/internal/linear"
	"github.com/warta-news/warta/analysis/internal/words"
	"github.com/warta-news/warta/analysis/text"
)

// Budget is the summary's length in words: the detik-news reference
// summaries have about 40 (median 43).
const Budget = 40

// Scoring constants (see the package documentation).
const (
	lengthPower  = 0.7
	titleWeight  = 2
	quoteFactor  = 0.2
	minWords     = 5    // shorter sentences are never picked
	overshoot    = 1.25 // a sentence may carry the summary this far past Budget
	nearlyFull   = 0.8  // stop once the summary has this share of Budget
	positionBase = 1
)

// freqPool keeps the word-count maps of earlier articles: a map sized for
// one article's words costs more to make than to clear.
var freqPool = sync.Pool{New: func() any { return map[linear.Hasher]int32{} }}

// Summarize returns the indices into doc.Sentences of the sentences that
// summarise the article, best first. The title (the sentence at
// doc.Title) is never one of them. quotes are the spans, in bytes, of the
// quotations in quotation marks (direct and partial quotes).
func Summarize(doc *text.Document, quotes []text.Span) []int {
	n := len(doc.Sentences)
	if n == 0 {
		return []int{}
	}
	// The content words of each sentence, as hashes, once each: the
	// sentences' lists are cut from one array, filled in order.
	content := make([][]linear.Hasher, n)
	all := make([]linear.Hasher, 0, len(doc.Tokens))
	lengths := make([]int, n)
	freq := freqPool.Get().(map[linear.Hasher]int32) // sentences holding each word
	defer func() {
		clear(freq)
		freqPool.Put(freq)
	}()
	for i, s := range doc.Sentences {
		first := min(max(s.First, 0), len(doc.Tokens))
		last := min(max(s.Last, first), len(doc.Tokens))
		start := len(all)
		for _, t := range doc.Tokens[first:last] {
			if t.Kind != text.Word && t.Kind != text.Number {
				continue
			}
			lengths[i]++
			if t.Kind == text.Number {
				continue
			}
			h := words.Key(doc.Text[t.Start:t.End])
			if words.IsStopword(h) {
				continue
			}
			if !slices.Contains(all[start:], h) {
				all = append(all, h)
				freq[h]++
			}
		}
		content[i] = all[start:len(all):len(all)]
	}
	title := -1
	if doc.Title.End > doc.Title.Start && doc.Sentences[0].Start < doc.Title.End {
		title = 0
	}
	type scored struct {
		i     int
		score float64
	}
	var cands []scored
	q := 0
	for i, s := range doc.Sentences {
		if i == title || lengths[i] < minWords {
			continue
		}
		central := 0.0
		for _, h := range content[i] {
			central += float64(freq[h] - 1)
		}
		score := central / math.Pow(float64(lengths[i]), lengthPower)
		if title >= 0 && len(content[title]) > 0 {
			shared := 0
			for _, h := range content[i] {
				if slices.Contains(content[title], h) {
					shared++
				}
			}
			score += titleWeight * float64(shared) / float64(len(content[title]))
		}
		pos := i
		if title < 0 {
			pos = i + 1
		}
		score *= 1 + positionBase/float64(pos)
		for q < len(quotes) && quotes[q].End <= s.Start {
			q++
		}
		if q < len(quotes) && quotes[q].Start < s.End {
			score *= quoteFactor
		}
		cands = append(cands, scored{i, score})
	}
	slices.SortStableFunc(cands, func(a, b scored) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return a.i - b.i
	})
	out := []int{}
	total := 0
	for _, c := range cands {
		if total > 0 && float64(total+lengths[c.i]) > overshoot*Budget {
			continue
		}
		out = append(out, c.i)
		total += lengths[c.i]
		if float64(total) >= nearlyFull*Budget {
			break
		}
	}
	return out
}
