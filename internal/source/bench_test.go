package source

import (
	"context"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/fetch"
	"github.com/warta-news/warta/internal/fixtureweb"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store/sqlite"
)

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS is the process's high-water resident set (VmHWM), in MB.
func peakRSS() float64 {
	data, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkPoll200Sources polls 200 feed sources (20 outlets of 10 feeds
// of 5 articles: 1,000 article pages) through the scheduler into SQLite,
// and reports CPU time per fetched-and-analysed article (fetch, parse,
// analysis, store: the whole process, fixture server included) beside
// the CPU time of analysis alone over the same pages in the same run, the
// peak RSS, and the heap in use sampled while polling. The per-host
// delay is 20 ms, so that the run measures work, not waiting.
func BenchmarkPoll200Sources(b *testing.B) {
	for range b.N {
		web := fixtureweb.StartMany(20, 10, 5)
		ctx, cancel := context.WithCancel(context.Background())
		st, err := sqlite.Open(ctx, b.TempDir(), sqlite.Options{Analyzer: search.Indonesian()})
		if err != nil {
			b.Fatal(err)
		}
		w := pipeline.NewWriter(st, pipeline.WriterOptions{})
		ran := make(chan error, 1)
		go func() { ran <- w.Run(context.Background()) }()
		client := fetch.New(fetch.Config{Policy: fetch.Loopback, MinDelay: 20 * time.Millisecond, Validators: st})
		p := &Poller{Store: st, Client: client, Pipeline: &pipeline.Pipeline{Analyzer: analysis.DefaultPipeline(), Writer: w}}
		for _, u := range web.Feeds {
			s, _ := New(u, "", 0, time.Now())
			if _, err := st.AddSource(ctx, s); err != nil {
				b.Fatal(err)
			}
		}
		// The reference, in the same run: analysis alone of the same pages.
		ref0 := cpuTime()
		pages := 0
		for _, o := range web.Outlets {
			for path, body := range o.Pages() {
				if strings.HasPrefix(path, "/berita/") {
					if _, err := analysis.Analyze(ctx, analysis.Input{Format: analysis.FormatHTML, Body: string(body), URL: o.URL + path}); err != nil {
						b.Fatal(err)
					}
					pages++
				}
			}
		}
		analysisOnly := float64((cpuTime() - ref0).Microseconds()) / 1000 / float64(pages)
		var maxHeap atomic.Uint64
		sampled := make(chan struct{})
		go func() {
			defer close(sampled)
			var ms runtime.MemStats
			for ctx.Err() == nil {
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > maxHeap.Load() {
					maxHeap.Store(ms.HeapInuse)
				}
				time.Sleep(50 * time.Millisecond)
			}
		}()
		cpu0, t0 := cpuTime(), time.Now()
		polled := make(chan error, 1)
		go func() { polled <- p.Run(ctx, 8, 100*time.Millisecond) }()
		deadline := time.Now().Add(5 * time.Minute)
		for {
			stats, _ := st.Stats(ctx)
			if stats.Articles >= 1000 || time.Now().After(deadline) {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		cpu, wall := cpuTime()-cpu0, time.Since(t0)
		cancel()
		<-polled
		<-sampled
		stats, _ := st.Stats(context.Background())
		client.Close()
		w.Close()
		<-ran
		st.Close()
		web.Close()
		b.ReportMetric(float64(stats.Articles), "articles")
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(max(stats.Articles, 1)), "cpu-ms/article")
		b.ReportMetric(wall.Seconds(), "wall-s")
		b.ReportMetric(analysisOnly, "analysis-only-cpu-ms/article")
		b.ReportMetric(peakRSS(), "peak-RSS-MB")
		b.ReportMetric(float64(maxHeap.Load())/(1<<20), "max-heap-MB")
	}
}

// BenchmarkPolitePace fetches 20 pages of one host at the default
// politeness (1 s between requests) and reports the pages per minute.
func BenchmarkPolitePace(b *testing.B) {
	web := fixtureweb.StartMany(1, 1, 20)
	defer web.Close()
	for range b.N {
		client := fetch.New(fetch.Config{Policy: fetch.Loopback})
		t0 := time.Now()
		for i := range 20 {
			if _, err := client.Get(context.Background(), web.Outlets[0].URL+"/rss/0?n="+strconv.Itoa(i)); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(20/time.Since(t0).Minutes(), "pages/min")
		client.Close()
	}
}
