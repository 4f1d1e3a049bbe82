package store

import "testing"

func TestStamped(t *testing.T) {
	var c Stamped[int]
	if _, ok := c.Get("", "a"); ok {
		t.Fatal("a value in an empty cache")
	}
	c.Put("s1", "a", 1, 2)
	c.Put("s1", "b", 2, 2)
	if v, ok := c.Get("s1", "a"); !ok || v != 1 {
		t.Errorf("a under s1 = %d, %v; want 1", v, ok)
	}
	if _, ok := c.Get("s2", "a"); ok {
		t.Error("a value kept under s1 given for s2")
	}
	c.Put("s1", "c", 3, 2) // past the bound: a and b go
	if _, ok := c.Get("s1", "a"); ok {
		t.Error("a kept past the bound")
	}
	c.Put("s2", "d", 4, 2) // a new stamp: c goes
	if _, ok := c.Get("s2", "c"); ok {
		t.Error("c kept under a new stamp")
	}
	if v, ok := c.Get("s2", "d"); !ok || v != 4 {
		t.Errorf("d under s2 = %d, %v; want 4", v, ok)
	}
}
