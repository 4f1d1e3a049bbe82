package cli

import (
	"syscall"
	"time"
)

// threadCPU is the CPU time of the calling OS thread: with the goroutine
// locked to its thread, the difference over a call is that call's own CPU
// time, unaffected by other processes on a busy machine.
func threadCPU() (time.Duration, bool) {
	const rusageThread = 1 // RUSAGE_THREAD
	return cpuTime(rusageThread)
}

// processCPU is the CPU time of this process, all threads.
func processCPU() (time.Duration, bool) { return cpuTime(syscall.RUSAGE_SELF) }

func cpuTime(who int) (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
