package lineage

import "testing"

// The kept articles are the last n put, each found only under the record
// it was put with.
func TestRecentArticles(t *testing.T) {
	r := newRecentArticles(3)
	arts := map[int64]*Article{}
	for id := int64(1); id <= 5; id++ {
		arts[id] = &Article{ID: id}
		r.put(id, "v1", arts[id])
	}
	r.put(4, "v2", &Article{ID: 4, Title: "new"})
	for id, want := range map[int64]bool{1: false, 2: false, 3: true, 5: true} {
		if a, ok := r.get(id, "v1"); ok != want || ok && a != arts[id] {
			t.Errorf("article %d: %v, %v; want kept %v", id, a, ok, want)
		}
	}
	if _, ok := r.get(4, "v1"); ok {
		t.Error("article 4's old record is given for its new one")
	}
	if a, ok := r.get(4, "v2"); !ok || a.Title != "new" {
		t.Errorf("article 4's new record: %v, %v", a, ok)
	}
	if len(r.byID) != 3 {
		t.Errorf("%d kept, want 3", len(r.byID))
	}
}
