package syntax

import (
	"slices"
	"testing"
)

// clone copies a state, for a search over transition sequences.
func (s *state) clone() *state {
	c := *s
	for _, p := range []*[]int{&c.stack, &c.heads, &c.rels, &c.left, &c.right, &c.nLeft, &c.nRight} {
		*p = slices.Clone(*p)
	}
	return &c
}

// reachable is how many gold arcs the best parse from s gets right,
// searching every transition sequence, and checks on the way that each
// legal transition's cost is what it loses of that best.
func reachable(t *testing.T, s *state, heads []int, inStack []bool) int {
	if s.done() {
		right := 0
		for k := 1; k <= s.n; k++ {
			if s.heads[k] == heads[k] || s.heads[k] < 0 && heads[k] == 0 {
				right++
			}
		}
		return right
	}
	costs := s.costs(heads, inStack)
	best := -1
	var after [transitions]int
	for tr := range after {
		if !s.legal(tr) {
			if costs[tr] != -1 {
				t.Fatalf("heads %v, stack %v, next %d: illegal %s costs %d", heads, s.stack, s.next, transitionNames[tr], costs[tr])
			}
			continue
		}
		c := s.clone()
		c.apply(tr, 0)
		after[tr] = reachable(t, c, heads, inStack)
		best = max(best, after[tr])
	}
	for tr, c := range costs {
		if c >= 0 && c != best-after[tr] {
			t.Fatalf("heads %v, stack %v, next %d, heads so far %v: %s costs %d, loses %d", heads, s.stack, s.next, s.heads, transitionNames[tr], c, best-after[tr])
		}
	}
	return best
}

// projective reports whether heads (nodes 0..n, heads[0] unused) form a
// tree under the root with no crossing arcs.
func projective(heads []int) bool {
	n := len(heads) - 1
	for k := 1; k <= n; k++ {
		seen := 0
		for a := k; a != 0; a = heads[a] {
			if seen++; seen > n {
				return false // a cycle
			}
		}
	}
	for k := 1; k <= n; k++ {
		lo, hi := min(k, heads[k]), max(k, heads[k])
		for j := lo + 1; j < hi; j++ {
			for a := j; a != heads[k] && a != 0; a = heads[a] {
				if a == lo || a == hi {
					break
				}
				if heads[a] == 0 && heads[k] != 0 {
					return false // j hangs outside the arc
				}
			}
		}
	}
	return true
}

// TestCostsExact checks the dynamic oracle against an exhaustive search
// on every projective tree (one root or several) of four tokens: in
// every reachable state, each transition costs exactly the gold arcs
// the best parse loses by taking it.
func TestCostsExact(t *testing.T) {
	const n = 4
	heads := make([]int, n+1)
	inStack := make([]bool, n+1)
	trees := 0
	var each func(k int)
	each = func(k int) {
		if k > n {
			if projective(heads) {
				trees++
				if got := reachable(t, newState(n), heads, inStack); got != n {
					t.Fatalf("heads %v: the best parse gets %d of %d arcs", heads, got, n)
				}
			}
			return
		}
		for h := 0; h <= n; h++ {
			if h != k {
				heads[k] = h
				each(k + 1)
			}
		}
	}
	each(1)
	if trees < 50 {
		t.Fatalf("only %d trees searched", trees)
	}
}
