package entity_test

import (
	"syscall"
	"time"
)

// processCPU is the CPU time (user and system) of this process, all
// threads: on a shared, busy machine it measures the work a benchmark
// does where wall time measures the load too.
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
