package syntax

// The parser is arc-eager (Nivre 2003): a stack, a buffer and four
// transitions, read greedily left to right, one classifier choosing the
// transition and a second the label of each arc it makes.
const (
	shift = iota
	reduce
	leftArc  // the stack's top takes the buffer's front as head, and is popped
	rightArc // the buffer's front takes the stack's top as head, and is pushed
	transitions
)

var transitionNames = []string{"shift", "reduce", "left", "right"}

// state is a parse in progress over nodes 0 (the root) to n.
type state struct {
	stack []int
	next  int // the buffer's front; n+1 when the buffer is empty
	n     int
	heads []int // -1 while unattached
	rels  []int
	// leftmost and rightmost dependents so far, and how many each side
	left, right   []int
	nLeft, nRight []int
}

func newState(n int) *state {
	s := &state{}
	s.reset(n)
	return s
}

// reset makes s the initial state over n nodes, reusing its arrays.
func (s *state) reset(n int) {
	s.next, s.n = 1, n
	s.stack = append(resize(s.stack, 0), 0)
	s.heads, s.rels = resize(s.heads, n+1), resize(s.rels, n+1)
	s.left, s.right = resize(s.left, n+1), resize(s.right, n+1)
	s.nLeft, s.nRight = resize(s.nLeft, n+1), resize(s.nRight, n+1)
	for i := range s.heads {
		s.heads[i], s.rels[i], s.left[i], s.right[i] = -1, -1, -1, -1
	}
	clear(s.nLeft)
	clear(s.nRight)
}

func (s *state) done() bool { return s.next > s.n }

func (s *state) top() int { return s.stack[len(s.stack)-1] }

// legal reports whether transition t may be taken.
func (s *state) legal(t int) bool {
	top := s.top()
	switch t {
	case shift:
		return !s.done()
	case rightArc:
		return !s.done()
	case leftArc:
		return !s.done() && top != 0 && s.heads[top] < 0
	case reduce:
		return top != 0 && s.heads[top] >= 0
	}
	return false
}

func (s *state) apply(t, rel int) {
	switch t {
	case shift:
		s.stack = append(s.stack, s.next)
		s.next++
	case reduce:
		s.stack = s.stack[:len(s.stack)-1]
	case leftArc:
		s.attach(s.next, s.top(), rel)
		s.stack = s.stack[:len(s.stack)-1]
	case rightArc:
		s.attach(s.top(), s.next, rel)
		s.stack = append(s.stack, s.next)
		s.next++
	}
}

// arc is the head and dependent of the arc transition t makes, ok false
// for a transition that makes none.
func (s *state) arc(t int) (h, d int, ok bool) {
	switch t {
	case leftArc:
		return s.next, s.top(), true
	case rightArc:
		return s.top(), s.next, true
	}
	return 0, 0, false
}

func (s *state) attach(h, d, rel int) {
	s.heads[d], s.rels[d] = h, rel
	if d < h {
		if s.left[h] < 0 || d < s.left[h] {
			s.left[h] = d
		}
		s.nLeft[h]++
	} else {
		if s.right[h] < 0 || d > s.right[h] {
			s.right[h] = d
		}
		s.nRight[h]++
	}
}

// oracle is the static arc-eager oracle: the transition that leads to the
// gold tree heads (nodes 0..n; heads[0] unused) from s. For a
// non-projective tree it may lead elsewhere; training skips those trees.
func (s *state) oracle(heads []int) int {
	top, b := s.top(), s.next
	switch {
	case top != 0 && heads[top] == b && s.heads[top] < 0:
		return leftArc
	case heads[b] == top:
		return rightArc
	case s.heads[top] >= 0 && s.owes(heads, b):
		return reduce
	}
	return shift
}

// owes reports whether the buffer's front b has its head or a dependent
// below the stack's top: the top must be popped to reach it.
func (s *state) owes(heads []int, b int) bool {
	for _, k := range s.stack[:len(s.stack)-1] {
		if heads[b] == k || (k != 0 && heads[k] == b) {
			return true
		}
	}
	return false
}

// costs is the dynamic oracle of Goldberg and Nivre (2012): for each
// legal transition, how many arcs of the gold tree heads it makes
// unreachable from s (-1 for an illegal one). Any tree, projective or
// not, has a transition of least cost in every state, so that training
// can go on from the parser's own mistakes. A node left without a head
// becomes a root, so an arc from the root is lost only when its
// dependent takes another head.
func (s *state) costs(heads []int, inStack []bool) [transitions]int {
	clear(inStack)
	for _, k := range s.stack {
		inStack[k] = true
	}
	top, b := s.top(), s.next
	var c [transitions]int
	for t := range c {
		if !s.legal(t) {
			c[t] = -1
		}
	}
	// headless counts the headless stack nodes other than the root whose
	// gold head is b, and buffered counts the buffer nodes whose gold
	// head is top.
	var headless, buffered int
	for _, k := range s.stack {
		if k != 0 && s.heads[k] < 0 && heads[k] == b {
			headless++
		}
	}
	for k := b; k <= s.n; k++ {
		if heads[k] == top {
			buffered++
		}
	}
	inBuffer := func(k int) bool { return k >= b && k <= s.n }
	if c[leftArc] == 0 {
		h := heads[top]
		if h != b && (inBuffer(h) || h == 0) {
			c[leftArc]++
		}
		c[leftArc] += buffered
	}
	if c[rightArc] == 0 {
		if h := heads[b]; h != top && (inBuffer(h) || inStack[h]) {
			c[rightArc]++
		}
		c[rightArc] += headless
	}
	if c[reduce] == 0 {
		c[reduce] = buffered
	}
	if c[shift] == 0 {
		if h := heads[b]; h != 0 && inStack[h] {
			c[shift]++
		}
		c[shift] += headless
	}
	return c
}
