package eval

import (
	stdcontext "context"
	"os"
	"strconv"
	"testing"
)

func TestZZTune(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("ZZN"))
	if n == 0 {
		t.Skip()
	}
	_, coded, err := Events(stdcontext.Background(), "../../../shared/data/detik-news/articles.jsonl", "")
	if err != nil {
		t.Fatal(err)
	}
	var first []codedEvent
	for _, c := range coded {
		if c.article < 350 {
			first = append(first, c)
		}
	}
	seed, _ := strconv.Atoi(os.Getenv("ZZSEED"))
	WriteSample(os.Stdout, first, 0, n, uint64(seed))
}
