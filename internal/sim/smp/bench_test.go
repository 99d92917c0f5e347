package smp

import (
	"context"
	"fmt"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"github.com/detente-project/detente/internal/sim/spatial"
)

// cpuTime is the process's user+system CPU time (the machine is shared, so
// wall time can be inflated by other load).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSMP100 runs the model with 100 random actors on one issue until
// positions settle (or MaxRounds), reporting rounds played and CPU time.
// A round costs O(n^3): every actor weighs a challenge to every other,
// counting every third party's vote.
func BenchmarkSMP100(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	actors := make([]spatial.Actor, 100)
	for i := range actors {
		actors[i] = spatial.Actor{Name: fmt.Sprint(i), Capability: 1 + 99*rng.Float64(),
			Position: 100 * rng.Float64(), Salience: 0.1 + 0.9*rng.Float64()}
	}
	o := DefaultOptions()
	o.Record = false
	var res Result
	start := cpuTime()
	for b.Loop() {
		var err error
		if res, err = Simulate(context.Background(), actors, spatial.Scale{Min: 0, Max: 100}, o); err != nil {
			b.Fatal(err)
		}
	}
	cpu := (cpuTime() - start).Seconds() / float64(b.N)
	b.ReportMetric(float64(res.Played), "rounds")
	b.ReportMetric(cpu*1e3, "cpu-ms/op")
	b.ReportMetric(cpu*1e3/float64(res.Played), "cpu-ms/round")
}
