package store

import (
	"cmp"
	"slices"
)

// StoryArticle is what grouping reads of an article in a relation.
type StoryArticle struct {
	ID             int64
	Title, Site    string
	Published, Day string // as stored; "" when unknown
}

// StoryOrder orders two articles of a story by publication, as the
// stores' collapse conditions do: the earlier day, then the earlier
// publication time as stored, an unknown day last; then the one stored
// first.
func StoryOrder(a, b StoryArticle) int {
	day := func(d string) string {
		if d == "" {
			return "9999-99-99" // after every day
		}
		return d
	}
	return cmp.Or(cmp.Compare(day(a.Day), day(b.Day)), cmp.Compare(a.Published, b.Published), cmp.Compare(a.ID, b.ID))
}

// GroupStories groups the articles of rels into stories: two articles are
// in one story when a relation of any kind (copy, translation,
// same_story) joins them, directly or through other articles of the
// story. A story is named by its first publisher (StoryOrder) and its
// headline; its copies are the articles that copy or translate another,
// its reports the others: the independent tellings. articles gives every
// article of rels (one missing, deleted meanwhile, is left out). The
// largest stories come first, then the earliest.
func GroupStories(rels []Relation, articles map[int64]StoryArticle) []Story {
	parent := map[int64]int64{}
	var find func(int64) int64
	find = func(x int64) int64 {
		p, ok := parent[x]
		if !ok || p == x {
			parent[x] = x
			return x
		}
		root := find(p)
		parent[x] = root
		return root
	}
	copies := map[int64]bool{}
	for _, r := range rels {
		if _, ok := articles[r.A]; !ok {
			continue
		}
		if _, ok := articles[r.B]; !ok {
			continue
		}
		if ra, rb := find(r.A), find(r.B); ra != rb {
			parent[max(ra, rb)] = min(ra, rb)
		}
		if r.Kind != "same_story" && r.Original != 0 {
			copies[r.A+r.B-r.Original] = true
		}
	}
	members := map[int64][]StoryArticle{}
	for id := range parent {
		root := find(id)
		members[root] = append(members[root], articles[id])
	}
	out := make([]Story, 0, len(members))
	for _, m := range members {
		slices.SortFunc(m, StoryOrder)
		first := m[0]
		st := Story{Original: first.ID, Title: first.Title, Site: first.Site, Published: first.Published, Articles: []int64{}, Members: m}
		for _, a := range m {
			if copies[a.ID] {
				st.Copies++
			} else {
				st.Reports++
			}
			if a.ID != first.ID {
				st.Articles = append(st.Articles, a.ID)
			}
		}
		out = append(out, st)
	}
	slices.SortFunc(out, func(a, b Story) int {
		return cmp.Or(cmp.Compare(len(b.Articles), len(a.Articles)), StoryOrder(articles[a.Original], articles[b.Original]))
	})
	return out
}

// StoryOf groups rels (the relations of article's story and their
// articles) as GroupStories does and returns the story article is in, or
// nil when it is in none (deleted meanwhile).
func StoryOf(rels []Relation, articles map[int64]StoryArticle, article int64) *Story {
	for _, st := range GroupStories(rels, articles) {
		if st.Original == article || slices.Contains(st.Articles, article) {
			return &st
		}
	}
	return nil
}

// PageStories returns a page of stories.
func PageStories(all []Story, p Page) []Story {
	p = p.Norm()
	if p.Offset >= len(all) {
		return nil
	}
	return all[p.Offset:min(len(all), p.Offset+p.Limit)]
}
