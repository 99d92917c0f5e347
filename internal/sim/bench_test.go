package sim

import (
	"context"
	"syscall"
	"testing"
	"time"
)

// cpuTime is the process's user+system CPU time. This machine is shared,
// so wall time per op can be inflated by other load; CPU time divided by
// the cores used is what an idle machine would take.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkMonteCarlo1000 runs 1,000 perturbed simulations of the bundled
// scenario (all four models, both issues) on all cores.
func BenchmarkMonteCarlo1000(b *testing.B) {
	sc := bundled(b)
	o := Options{Runs: 1000, Noise: 0.1, Seed: 1, NoScenarioShocks: true}
	start := cpuTime()
	for b.Loop() {
		if _, err := Run(context.Background(), sc, o); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
}
