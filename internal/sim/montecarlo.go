package sim

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sort"
	"sync"

	"github.com/detente-project/detente/internal/sim/scenario"
)

// MonteCarlo summarises outcomes over perturbed copies of the scenario.
type MonteCarlo struct {
	// Runs, Noise and Seed repeat the settings.
	Runs  int     `json:"runs"`
	Noise float64 `json:"noise"`
	Seed  uint64  `json:"seed"`
	// Failed counts runs whose perturbed scenario could not be simulated.
	Failed int `json:"failed"`
	// Models holds the distributions per model and issue.
	Models []MCModel `json:"models"`
}

// MCModel is one model's outcome distributions.
type MCModel struct {
	// Model names the model.
	Model string `json:"model"`
	// Issues holds one distribution per issue.
	Issues []Distribution `json:"issues"`
}

// Distribution summarises one model's outcomes on one issue.
type Distribution struct {
	// Issue is the issue ID.
	Issue string `json:"issue"`
	// N is the number of runs summarised (all zero when N is 0).
	N int `json:"n"`
	// Mean, P5, P50 and P95 summarise the outcomes.
	Mean float64 `json:"mean"`
	P5   float64 `json:"p5"`
	P50  float64 `json:"p50"`
	P95  float64 `json:"p95"`
	// SD is the standard deviation.
	SD float64 `json:"sd"`
}

// Perturb returns a copy of sc with every actor's inputs perturbed by
// Gaussian noise of size sigma: positions move by N(0, sigma x scale range)
// (clamped to the scale), saliences by N(0, sigma) (clamped to [0, 1]) and
// capabilities are multiplied by exp(N(0, sigma)). Stances are visited in
// issue order, so the result depends only on sc and rng's seed.
func Perturb(sc *scenario.Scenario, sigma float64, rng *rand.Rand) *scenario.Scenario {
	c := sc.Clone()
	for i := range c.Actors {
		a := &c.Actors[i]
		a.Capability *= math.Exp(sigma * rng.NormFloat64())
		for _, is := range c.Issues {
			st, ok := a.Stances[is.ID]
			if !ok {
				continue
			}
			p := *st.Position + sigma*is.Scale.Range()*rng.NormFloat64()
			s := *st.Salience + sigma*rng.NormFloat64()
			st.Position = fptr(clamp(p, is.Scale.Min, is.Scale.Max))
			st.Salience = fptr(clamp(s, 0, 1))
			a.Stances[is.ID] = st
		}
	}
	return c
}

// MaxRuns is the most Monte Carlo runs Run accepts: enough for stable 5%
// and 95% quantiles many times over, while the outcomes kept for them (8
// bytes per run, model and issue) stay within tens of megabytes.
const MaxRuns = 1_000_000

// MaxOutcomes bounds runs x models x issues, the outcomes a Monte Carlo
// keeps for its quantiles (80 MB): MaxRuns runs of all five models on two
// issues.
const MaxOutcomes = 10_000_000

// checkOutcomes refuses a Monte Carlo that would keep more than
// MaxOutcomes outcomes.
func checkOutcomes(sc *scenario.Scenario, models []string, runs int) error {
	if runs*len(models)*len(sc.Issues) > MaxOutcomes {
		return fmt.Errorf("monte carlo: %d runs x %d models x %d issues is more than the limit of %d outcomes; use fewer runs",
			runs, len(models), len(sc.Issues), MaxOutcomes)
	}
	return nil
}

// monteCarlo runs o.Runs perturbed simulations on all workers. Run k uses
// its own generator seeded with (Seed, k), and results are stored by k, so
// the answer does not depend on the number of workers.
func monteCarlo(ctx context.Context, sc *scenario.Scenario, models []string, mo modelOptions, o Options) (*MonteCarlo, error) {
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	cols := len(models) * len(sc.Issues)
	outcomes := make([]float64, o.Runs*cols) // run k's are [k*cols, (k+1)*cols)
	failed := make([]bool, o.Runs)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range jobs {
				failed[k] = !oneRun(ctx, sc, models, mo, o, k, outcomes[k*cols:(k+1)*cols])
			}
		}()
	}
	for k := 0; k < o.Runs && ctx.Err() == nil; k++ {
		jobs <- k
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return summarise(sc, models, o, outcomes, failed), nil
}

// oneRun simulates run k, writes its outcomes per model and issue to out
// and reports whether it succeeded.
func oneRun(ctx context.Context, sc *scenario.Scenario, models []string, mo modelOptions, o Options, k int, out []float64) bool {
	rng := rand.New(rand.NewPCG(o.Seed, uint64(k)))
	res, err := runModels(ctx, Perturb(sc, o.Noise, rng), models, mo, false)
	if err != nil {
		return false
	}
	i := 0
	for _, m := range res {
		for _, is := range m.Issues {
			out[i] = is.Outcome
			i++
		}
	}
	return true
}

// summarise describes each column of outcomes over the runs that did not
// fail.
func summarise(sc *scenario.Scenario, models []string, o Options, outcomes []float64, failed []bool) *MonteCarlo {
	mc := &MonteCarlo{Runs: o.Runs, Noise: o.Noise, Seed: o.Seed}
	for _, f := range failed {
		if f {
			mc.Failed++
		}
	}
	cols := len(models) * len(sc.Issues)
	xs := make([]float64, 0, len(failed)-mc.Failed)
	col := 0
	for _, m := range models {
		mm := MCModel{Model: m}
		for _, is := range sc.Issues {
			xs = xs[:0]
			for k, f := range failed {
				if !f {
					xs = append(xs, outcomes[k*cols+col])
				}
			}
			mm.Issues = append(mm.Issues, describe(is.ID, xs))
			col++
		}
		mc.Models = append(mc.Models, mm)
	}
	return mc
}

// describe computes mean, SD and quantiles (linear interpolation between
// order statistics, Hyndman & Fan 1996 type 7).
func describe(issue string, xs []float64) Distribution {
	d := Distribution{Issue: issue, N: len(xs)}
	if len(xs) == 0 {
		return d // JSON has no NaN; N = 0 says there is nothing here
	}
	sort.Float64s(xs)
	var sum, sq float64
	for _, x := range xs {
		sum += x
	}
	d.Mean = sum / float64(len(xs))
	for _, x := range xs {
		sq += (x - d.Mean) * (x - d.Mean)
	}
	if len(xs) > 1 {
		d.SD = math.Sqrt(sq / float64(len(xs)-1))
	}
	d.P5, d.P50, d.P95 = Quantile(xs, 0.05), Quantile(xs, 0.5), Quantile(xs, 0.95)
	return d
}

// Quantile returns the q-quantile of sorted xs (type 7).
func Quantile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	h := q * float64(len(sorted)-1)
	lo := int(math.Floor(h))
	if lo >= len(sorted)-1 {
		return sorted[len(sorted)-1]
	}
	return sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo])
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

func fptr(v float64) *float64 { return &v }
