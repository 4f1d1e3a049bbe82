package worker

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/fetch"
	"github.com/warta-news/warta/internal/queue"
)

// PageFetcher is the fetch stage's Fetcher over warta's polite client.
// Several workers each pace their own requests: the per-host delay holds
// per worker, not across them.
type PageFetcher struct {
	Client *fetch.Client
}

var _ Fetcher = PageFetcher{}

// Fetch implements Fetcher. A page that is not modified, gone or refused
// by robots.txt or the network guard gives nothing to analyse; a failure
// that may pass (a network error, a 5xx, a 429, a host backing off) is an
// error, retried by the queue.
func (f PageFetcher) Fetch(ctx context.Context, job queue.FetchJob) (*analysis.Input, string, error) {
	resp, err := f.Client.Get(ctx, job.URL)
	var se *fetch.StatusError
	switch {
	case errors.As(err, &se):
		status := strconv.Itoa(se.Status)
		if se.Status == http.StatusTooManyRequests || se.Status >= 500 {
			return nil, status, err
		}
		return nil, status, nil
	case errors.Is(err, fetch.ErrDisallowed):
		return nil, "robots", nil
	case errors.Is(err, fetch.ErrPrivateAddress) || errors.Is(err, fetch.ErrForbiddenURL):
		return nil, "refused", nil
	case errors.Is(err, fetch.ErrTooLarge):
		return nil, "too_large", nil
	case err != nil:
		return nil, "error", err
	case resp.NotModified:
		return nil, "304", nil
	}
	return &analysis.Input{Body: string(resp.Body), Format: analysis.FormatHTML, ContentType: resp.ContentType(), URL: resp.URL},
		strconv.Itoa(resp.Status), nil
}
