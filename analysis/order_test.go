package analysis

import "testing"

// replayOrdered returns when the last of jobs (their durations, in order)
// is written, when workers take them in order, at most window jobs are
// taken and not yet written (job i starts only once job i-window is
// written), and a job is written as soon as it and every job before it
// are done.
func replayOrdered(jobs []float64, workers, window int) float64 {
	free := make([]float64, workers) // when each worker is next idle
	written := make([]float64, len(jobs))
	last := 0.0
	for i, d := range jobs {
		k := 0
		for j := range free {
			if free[j] < free[k] {
				k = j
			}
		}
		start := free[k]
		if i >= window {
			start = max(start, written[i-window])
		}
		free[k] = start + d
		last = max(last, free[k])
		written[i] = last
	}
	return last
}

func TestReplayOrdered(t *testing.T) {
	for _, c := range []struct {
		jobs            []float64
		workers, window int
		want            float64
	}{
		{[]float64{1, 1, 1, 1}, 2, 8, 2},
		{[]float64{1, 1, 1, 1}, 1, 8, 4},
		// A long first job: a window of one runs the jobs one by one; of
		// three, the second worker does two short jobs and waits for the
		// long one to be written; of four, it does all three meanwhile.
		{[]float64{4, 1, 1, 1}, 2, 1, 7},
		{[]float64{4, 1, 1, 1}, 2, 3, 5},
		{[]float64{4, 1, 1, 1}, 2, 4, 4},
		{nil, 2, 4, 0},
	} {
		if got := replayOrdered(c.jobs, c.workers, c.window); got != c.want {
			t.Errorf("replayOrdered(%v, %d, %d) = %v, want %v", c.jobs, c.workers, c.window, got, c.want)
		}
	}
}
