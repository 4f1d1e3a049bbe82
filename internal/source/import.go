package source

import (
	"context"
	"errors"
	"time"

	"github.com/warta-news/warta/internal/opml"
	"github.com/warta-news/warta/internal/store"
)

// Imported counts what Import did with an OPML document's outlines.
type Imported struct {
	Added, Known, Skipped int
	// Errors says why each skipped outline was skipped.
	Errors []error
}

// Import follows every outline not followed yet. An outline that is not a
// followable URL is skipped; a store failure stops the import.
func Import(ctx context.Context, st store.Sources, outlines []opml.Outline, now time.Time) (Imported, error) {
	var res Imported
	for _, o := range outlines {
		s, err := New(o.URL(), o.Title, o.Interval, now)
		if err != nil {
			res.Skipped++
			res.Errors = append(res.Errors, err)
			continue
		}
		switch _, err := st.AddSource(ctx, s); {
		case errors.Is(err, store.ErrSourceExists):
			res.Known++
		case err != nil:
			return res, err
		default:
			res.Added++
		}
	}
	return res, nil
}
