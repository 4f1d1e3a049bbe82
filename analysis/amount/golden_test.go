package amount

import (
	"testing"

	"github.com/warta-news/warta/internal/golden"
)

// TestGolden runs Find over the original example articles in
// testdata/golden/*.txt and compares the result with NAME.golden.json.
// go test -update rewrites the golden files, to be reviewed in the diff.
func TestGolden(t *testing.T) {
	for _, file := range golden.Inputs(t, "testdata/golden/*.txt") {
		golden.JSON(t, golden.JSONFor(file), Find(document(golden.Read(t, file))))
	}
}
