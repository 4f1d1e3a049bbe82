package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/warta-news/warta/internal/api"
	"github.com/warta-news/warta/internal/identity"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/server"
	"github.com/warta-news/warta/internal/store/sqlite"
	"github.com/warta-news/warta/internal/web"
)

// BenchmarkProbes serves the probes of a `warta bench search --json`
// report (WARTA_PROBES) through the server's handler, in-process, on the
// SQLite store in WARTA_PROBE_DATA (a copy: opening it may migrate it):
// one sub-benchmark a class, its probes in turn. Beside the time and the
// allocations (-benchmem) it reports reads/op, the read calls the process
// made (/proc/self/io syscr: the store's pages the operating system gave
// it), and for the web entity page kept-B/op, the memory one page's data
// holds while the page is kept (a class named "(no-cache)" asks for the
// page made anew, as the bench does). Steadier than HTTP latencies on a
// loaded machine:
//
//	WARTA_PROBE_DATA=COPY WARTA_PROBES=bench.json go test -run '^$' -bench Probes -benchmem ./internal/server
func BenchmarkProbes(b *testing.B) {
	data, list := os.Getenv("WARTA_PROBE_DATA"), os.Getenv("WARTA_PROBES")
	if data == "" || list == "" {
		b.Skip("set WARTA_PROBE_DATA (a store) and WARTA_PROBES (a warta bench search --json report)")
	}
	raw, err := os.ReadFile(list)
	if err != nil {
		b.Fatal(err)
	}
	var rep struct {
		Probes []struct{ Class, Path string }
	}
	if err := json.Unmarshal(raw, &rep); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	linker, err := identity.New()
	if err != nil {
		b.Fatal(err)
	}
	st, err := sqlite.Open(ctx, data, sqlite.Options{Analyzer: search.Indonesian(), Linker: linker})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ui, err := web.New(web.FromStore(st))
	if err != nil {
		b.Fatal(err)
	}
	h := server.New(server.Config{API: api.New(api.FromStore(st, nil)), Web: ui})
	get := func(b *testing.B, path string, fresh bool) {
		w := httptest.NewRecorder()
		r := httptest.NewRequest(http.MethodGet, "http://localhost"+path, nil)
		if fresh {
			r.Header.Set("Cache-Control", "no-cache")
		}
		h.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			b.Fatalf("%s: %d %.200s", path, w.Code, w.Body.String())
		}
	}
	var classes []string
	paths := map[string][]string{}
	for _, p := range rep.Probes {
		if paths[p.Class] == nil {
			classes = append(classes, p.Class)
		}
		paths[p.Class] = append(paths[p.Class], p.Path)
	}
	for _, class := range classes {
		ps := paths[class]
		b.Run(strings.NewReplacer(" ", "_", "/", "", ":", "", ",", "").Replace(class), func(b *testing.B) {
			// The bench's first views of the entity page ask for it made
			// anew, as it does.
			fresh := strings.Contains(class, "(no-cache)")
			kept := strings.HasPrefix(class, "page: /entities/") && !fresh
			var keptBytes float64
			if kept {
				// The heap before and after the class's pages in English
				// are kept: the store's caches have been filled by the
				// classes before (the same entities), so what grows is
				// the pages' data.
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				for _, p := range ps {
					get(b, p+"?lang=en", false)
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				keptBytes = float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(len(ps))
			}
			for _, p := range ps {
				get(b, p, fresh) // first views: caches filled, pages kept
			}
			reads := syscr(b)
			for i := 0; b.Loop(); i++ {
				get(b, ps[i%len(ps)], fresh)
			}
			b.ReportMetric(float64(syscr(b)-reads)/float64(b.N), "reads/op")
			if kept {
				b.ReportMetric(keptBytes, "kept-B/op")
			}
		})
	}
}

// syscr is the read calls the process has made so far.
func syscr(b *testing.B) int64 {
	raw, err := os.ReadFile("/proc/self/io")
	if err != nil {
		b.Skip("no /proc/self/io:", err)
	}
	for line := range strings.SplitSeq(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "syscr: "); ok {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				b.Fatal(err)
			}
			return n
		}
	}
	b.Skip("no syscr in /proc/self/io")
	return 0
}
