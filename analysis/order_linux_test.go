package analysis

import (
	"context"
	"fmt"
	"runtime"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/warta-news/warta/internal/shared"
)

// threadCPU is the CPU time of the calling thread, to the nanosecond
// (RUSAGE_THREAD counts in scheduler ticks, too coarse for one article).
func threadCPU() time.Duration {
	var ts syscall.Timespec
	const clockThreadCPUTime = 3 // CLOCK_THREAD_CPUTIME_ID
	if _, _, e := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0); e != 0 {
		return 0
	}
	return time.Duration(ts.Nano())
}

// BenchmarkOrderedOutput asks whether writing records in input order (as
// internal/pipeline's Runner does) idles a core: it takes each of the 700
// detik articles' analysis CPU on one locked thread (the least of b.N
// passes, so other processes' load counts little) and replays those times
// through two workers with a window of N jobs taken and not yet written
// (replayOrdered). The metrics are the replayed run's length for N = 2, 4,
// 8 against sum/2, the ideal; the Runner's window is 2×workers + 1 (its
// order channel and the job the writer waits for).
func BenchmarkOrderedOutput(b *testing.B) {
	arts := shared.DetikArticles(b)
	inputs := make([]Input, len(arts))
	for i, a := range arts {
		inputs[i] = Input{Title: a.Title, Body: a.Body, URL: a.URL, Published: a.Published}
	}
	ctx := context.Background()
	p := DefaultPipeline()
	if err := p.Load(ctx); err != nil {
		b.Fatal(err)
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu := make([]float64, len(inputs))
	for i := range cpu {
		cpu[i] = -1
	}
	for range b.N {
		for i, in := range inputs {
			t := threadCPU()
			if _, err := p.Analyze(ctx, in); err != nil {
				b.Fatal(err)
			}
			if d := float64(threadCPU()-t) / 1e6; cpu[i] < 0 || d < cpu[i] {
				cpu[i] = d
			}
		}
	}
	sum := 0.0
	for _, d := range cpu {
		sum += d
	}
	b.ReportMetric(sum/2, "ms-ideal")
	for _, window := range []int{2, 4, 8} {
		b.ReportMetric(replayOrdered(cpu, 2, window), fmt.Sprintf("ms-window%d", window))
	}
}
