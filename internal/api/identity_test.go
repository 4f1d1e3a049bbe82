package api

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestWithRefs(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"id":"x","entities":[{"id":"E1","name":"A"},{"id":"E2"}],"quotes":[]}`,
			`{"id":"x","entities":[{"ref":7,"id":"E1","name":"A"},{"ref":9,"id":"E2"}],"quotes":[]}`},
		{`{"entities" : [ {"id":"E3"} , {} ] , "t":1}`, `{"entities" : [{"id":"E3"},{}] , "t":1}`},
		{`{"text":"\"entities\": [{\"id\":\"E1\"}]","entities":[{"id":"E1"}]}`,
			`{"text":"\"entities\": [{\"id\":\"E1\"}]","entities":[{"ref":7,"id":"E1"}]}`},
		{`{"id":"x"}`, `{"id":"x"}`},
	} {
		got, err := withRefs(json.RawMessage(c.in), map[string]int64{"E1": 7, "E2": 9})
		if err != nil || string(got) != c.want {
			t.Errorf("withRefs(%s) = %s, %v\nwant %s", c.in, got, err, c.want)
		}
	}
	if _, err := withRefs(json.RawMessage(`[1]`), map[string]int64{"E1": 1}); err == nil {
		t.Error("withRefs of an array: no error")
	}
}

// withRefs never panics, and from a JSON object it makes a JSON object
// with the same members.
func FuzzWithRefs(f *testing.F) {
	f.Add(`{"entities":[{"id":"E1"}]}`)
	f.Add(`{"a":{"entities":[]},"entities":[{"id":"E2","x":[1,2]},{}]}`)
	f.Add(`{"entities":null}`)
	f.Fuzz(func(t *testing.T, in string) {
		out, err := withRefs(json.RawMessage(in), map[string]int64{"E1": 1, "E2": 2})
		var before map[string]any
		if err != nil || json.Unmarshal([]byte(in), &before) != nil {
			return
		}
		var after map[string]any
		if err := json.Unmarshal(out, &after); err != nil {
			t.Fatalf("withRefs(%s) = %s: not JSON: %v", in, out, err)
		}
		for k := range before {
			if _, ok := after[k]; !ok && !strings.Contains(k, "entities") {
				t.Fatalf("withRefs(%s) = %s: lost %q", in, out, k)
			}
		}
	})
}
