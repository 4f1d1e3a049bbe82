package store

import "sync"

// Stamped keeps values computed from a store while the store's stamp (a
// string that changes with its content) stays the same: a value put
// under another stamp, or past a bound, drops all of them. The zero value
// is empty and ready; it is safe for concurrent use.
type Stamped[V any] struct {
	mu     sync.Mutex
	stamp  string
	values map[string]V
}

// Get is the value of key kept under stamp.
func (c *Stamped[V]) Get(stamp, key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if stamp != c.stamp {
		var zero V
		return zero, false
	}
	v, ok := c.values[key]
	return v, ok
}

// Put keeps v as key's value under stamp, dropping every value kept under
// another stamp, or all of them when most are kept already.
func (c *Stamped[V]) Put(stamp, key string, v V, most int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if stamp != c.stamp || len(c.values) >= most {
		c.stamp, c.values = stamp, map[string]V{}
	}
	c.values[key] = v
}
