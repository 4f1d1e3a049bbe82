package cli

import (
	"github.com/warta-news/warta/internal/lineage"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/store"
)

// linkObservers links each stored article with its copies and stories,
// when the store keeps lineage: inside the transaction that stores it when
// the store can, else after its commit.
func linkObservers(st any) ([]pipeline.TxObserver, []pipeline.Observer) {
	if _, ok := st.(store.TxWriter); ok {
		return []pipeline.TxObserver{(&lineage.Linker{}).ObserveTx}, nil
	}
	lin, ok1 := st.(store.Lineage)
	recs, ok2 := st.(lineage.Records)
	if !ok1 || !ok2 {
		return nil, nil
	}
	l := &lineage.Linker{Records: recs, Lineage: lin}
	return nil, []pipeline.Observer{l.Observe}
}
