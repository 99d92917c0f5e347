package sim

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/detente-project/detente/internal/sim/scenario"
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

// heapMB is the live heap after a collection, in megabytes: what a report
// still held keeps.
func heapMB() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / (1 << 20)
}

// randomScenario has n random actors on one issue [0, 100].
func randomScenario(n int) *scenario.Scenario {
	rng := rand.New(rand.NewPCG(1, 2))
	sc := &scenario.Scenario{Title: "random", Issues: []scenario.Issue{{ID: "x", Name: "x", Scale: scenario.Scale{Max: 100}}}}
	for i := 0; i < n; i++ {
		pos, sal := 100*rng.Float64(), 0.1+0.9*rng.Float64()
		sc.Actors = append(sc.Actors, scenario.Actor{Name: fmt.Sprint("a", i), Capability: 1 + 99*rng.Float64(),
			Stances: map[string]scenario.Stance{"x": {Position: &pos, Salience: &sal}}})
	}
	return sc
}

// BenchmarkRunActors runs EUM and SMP as `detente simulate` does (rounds
// recorded for the table report) on 100 and 200 (scenario.MaxActors)
// random actors, and, when DETENTE_BENCH_LARGE is set, on 500 and 1,000,
// which scenarios may not have but Run does not refuse (minutes each); run
// those with -benchmem -benchtime 1x to see the time and memory they need.
func BenchmarkRunActors(b *testing.B) {
	for _, model := range []string{"eum", "smp"} {
		for _, n := range benchActorCounts() {
			b.Run(fmt.Sprintf("%s/%d", model, n), func(b *testing.B) {
				sc := randomScenario(n)
				start := cpuTime()
				var rep *Report
				for b.Loop() {
					var err error
					if rep, err = Run(context.Background(), sc, Options{Models: []string{model}}); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
				b.ReportMetric(heapMB(), "report-MB")
				runtime.KeepAlive(rep)
			})
		}
	}
}

// benchActorCounts keeps `go test -bench .` to seconds unless the large
// sizes are asked for.
func benchActorCounts() []int {
	if os.Getenv("DETENTE_BENCH_LARGE") == "" {
		return []int{100, scenario.MaxActors}
	}
	return []int{100, scenario.MaxActors, 500, 1000}
}
