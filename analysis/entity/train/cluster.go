package train

import (
	"math"
	"runtime"
	"slices"
	"sync"
)

// exchangeClusters groups words by the words that follow them, with the
// predictive exchange algorithm (Uszkoreit and Brants 2008): each word in
// turn moves to the class that most raises the likelihood of the corpus
// under P(next word | class of this word). It runs once per granularity in
// clusterSizes and returns, for each word seen at least minClusterCount
// times, its class at each granularity. Clusters let the tagger generalise
// from a name it has seen to one it has not that is used alike (names of
// cities, of ministries, given names).
// clusterSizes are the cluster counts at each granularity, coarse to fine;
// each must fit its bit field of the entity lexicon (7, 8 and 10 bits).
var clusterSizes = [3]int{100, 250, 1000}

func exchangeClusters(corpus [][]string, logf func(string, ...any)) map[string][3]int {
	const minClusterCount = 2
	freq := map[string]int{}
	for _, s := range corpus {
		for _, w := range s {
			freq[w]++
		}
	}
	// Words to cluster, most frequent first; rarer words share one
	// successor id.
	var vocab []string
	for w, n := range freq {
		if n >= minClusterCount {
			vocab = append(vocab, w)
		}
	}
	slices.SortFunc(vocab, func(a, b string) int {
		if freq[a] != freq[b] {
			return freq[b] - freq[a]
		}
		if a < b {
			return -1
		}
		return 1
	})
	id := make(map[string]int32, len(vocab))
	for i, w := range vocab {
		id[w] = int32(i)
	}
	V := len(vocab)
	start, end, rare := int32(V), int32(V+1), int32(V+2) // <s>, </s>, rare words
	nSucc := V + 3
	// successors[v] lists (next word, count) for each predecessor v
	// (including <s> and rare words as predecessors, which stay in class 0).
	bigrams := map[[2]int32]int32{}
	for _, s := range corpus {
		prev := start
		for _, w := range s {
			cur, ok := id[w]
			if !ok {
				cur = rare
			}
			bigrams[[2]int32{prev, cur}]++
			prev = cur
		}
		bigrams[[2]int32{prev, end}]++
	}
	type succ struct{ w, n int32 }
	succs := make([][]succ, nSucc)
	total := int64(0)
	for k, n := range bigrams {
		succs[k[0]] = append(succs[k[0]], succ{k[1], n})
		total += int64(n)
	}
	// Map order is random: sort, so that sums (and ties) come out the same
	// on every run and training is reproducible.
	for _, ss := range succs {
		slices.SortFunc(ss, func(x, y succ) int { return int(x.w - y.w) })
	}
	out := make(map[string][3]int, V)
	for _, w := range vocab {
		out[w] = [3]int{-1, -1, -1}
	}
	if V == 0 {
		return out
	}
	flog := make([]float64, total+1) // x log x, by table
	for i := 1; i < len(flog); i++ {
		flog[i] = float64(i) * math.Log(float64(i))
	}
	nOf := make([]int32, nSucc) // count of each word as a predecessor
	for v, ss := range succs {
		for _, s := range ss {
			nOf[v] += s.n
		}
	}
	for g, K := range clusterSizes {
		K = min(K, V)
		class := make([]int32, nSucc)
		for v := range V {
			class[v] = int32(v % K)
		}
		class[start], class[end], class[rare] = int32(K), int32(K), int32(K) // fixed, not moved
		KK := K + 1
		// counts[c*nSucc+w]: how often w follows a word of class c.
		counts := make([]int32, KK*nSucc)
		classN := make([]int64, KK)
		for v, ss := range succs {
			c := int(class[v])
			for _, s := range ss {
				counts[c*nSucc+int(s.w)] += s.n
			}
			classN[c] += int64(nOf[v])
		}
		workers := runtime.GOMAXPROCS(0)
		gain := make([]float64, K)
		for iter := range 8 {
			moved := 0
			for v := range V {
				ss := succs[v]
				if len(ss) == 0 {
					continue
				}
				a := int(class[v])
				nv := int64(nOf[v])
				// Take v out of its class.
				for _, s := range ss {
					counts[a*nSucc+int(s.w)] -= s.n
				}
				classN[a] -= nv
				// Score every class for v, in parallel stripes.
				var wg sync.WaitGroup
				stripe := (K + workers - 1) / workers
				for w0 := 0; w0 < K; w0 += stripe {
					wg.Add(1)
					go func(lo, hi int) {
						defer wg.Done()
						for b := lo; b < hi; b++ {
							row := counts[b*nSucc : (b+1)*nSucc]
							d := 0.0
							for _, s := range ss {
								c := row[s.w]
								d += flog[c+s.n] - flog[c]
							}
							gain[b] = d - (flog[classN[b]+nv] - flog[classN[b]])
						}
					}(w0, min(w0+stripe, K))
				}
				wg.Wait()
				best := a
				for b := range K {
					if gain[b] > gain[best]+1e-9 {
						best = b
					}
				}
				if best != a {
					moved++
				}
				for _, s := range ss {
					counts[best*nSucc+int(s.w)] += s.n
				}
				classN[best] += nv
				class[v] = int32(best)
			}
			logf("clusters K=%d: pass %d moved %d of %d words", K, iter+1, moved, V)
			if moved < V/200 {
				break
			}
		}
		for v, w := range vocab {
			c := out[w]
			c[g] = int(class[v])
			out[w] = c
		}
	}
	return out
}
