package cli

import (
	"github.com/warta-news/warta/internal/lineage"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/store"
)

// linkObservers links each stored article with its copies and stories,
// when the store keeps lineage.
func linkObservers(st any) []pipeline.Observer {
	lin, ok1 := st.(store.Lineage)
	recs, ok2 := st.(lineage.Records)
	if !ok1 || !ok2 {
		return nil
	}
	l := &lineage.Linker{Records: recs, Lineage: lin}
	return []pipeline.Observer{l.Observe}
}
