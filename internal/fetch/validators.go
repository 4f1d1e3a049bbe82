package fetch

import (
	"context"
	"sync"
)

// Validators keep the ETag and Last-Modified of each URL fetched, so that
// the next request for it is conditional.
type Validators interface {
	// Validators returns what was stored for url; empty when nothing was.
	Validators(ctx context.Context, url string) (etag, lastModified string, err error)
	// SetValidators stores them; both empty forgets the URL.
	SetValidators(ctx context.Context, url, etag, lastModified string) error
}

// MemoryValidators keeps validators in memory, for one process's life.
type MemoryValidators struct {
	mu sync.Mutex
	m  map[string][2]string
}

// NewMemoryValidators returns an empty MemoryValidators.
func NewMemoryValidators() *MemoryValidators { return &MemoryValidators{m: map[string][2]string{}} }

func (v *MemoryValidators) Validators(_ context.Context, url string) (string, string, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	e := v.m[url]
	return e[0], e[1], nil
}

func (v *MemoryValidators) SetValidators(_ context.Context, url, etag, lastModified string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if etag == "" && lastModified == "" {
		delete(v.m, url)
		return nil
	}
	v.m[url] = [2]string{etag, lastModified}
	return nil
}
