package sim

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/detente-project/detente/examples"
	"github.com/detente-project/detente/internal/sim/scenario"
)

func bundled(t testing.TB) *scenario.Scenario {
	t.Helper()
	sc, err := scenario.LoadFS(examples.FS, examples.Scenario)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// TestRunBundled checks the report's shape and that each model's outcome
// equals the model run directly on the scenario's actors.
func TestRunBundled(t *testing.T) {
	sc := bundled(t)
	rep, err := Run(context.Background(), sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Models) != len(Models) {
		t.Fatalf("got %d models, want %d", len(rep.Models), len(Models))
	}
	for _, m := range rep.Models {
		if len(m.Issues) != len(sc.Issues) {
			t.Fatalf("%s: %d issues", m.Model, len(m.Issues))
		}
		for _, is := range m.Issues {
			def, _ := sc.Issue(is.Issue)
			if is.Outcome < def.Scale.Min || is.Outcome > def.Scale.Max || is.Anchor == "" {
				t.Errorf("%s/%s: outcome %g anchor %q", m.Model, is.Issue, is.Outcome, is.Anchor)
			}
			if len(is.Rounds) == 0 || len(is.Rounds[0].Positions) != len(is.Actors) {
				t.Errorf("%s/%s: rounds missing", m.Model, is.Issue)
			}
			last := is.Rounds[len(is.Rounds)-1]
			if math.Abs(last.Outcome-is.Outcome) > 1e-12 {
				t.Errorf("%s/%s: last round outcome %g != outcome %g", m.Model, is.Issue, last.Outcome, is.Outcome)
			}
			for fn, f := range models {
				if fn != m.Model {
					continue
				}
				want, err := f(Actors(sc, is.Issue), scaleOf(def))
				if err != nil || math.Abs(want-is.Outcome) > 1e-9 {
					t.Errorf("%s/%s: Run gave %g, model directly %g (%v)", m.Model, is.Issue, is.Outcome, want, err)
				}
			}
		}
	}
	eum := rep.Models[0].Issues[0]
	if rep.Models[0].Model != "eum" || len(eum.Rounds) < 2 || len(eum.Rounds[1].Offers) == 0 {
		t.Fatalf("EUM should record rounds with offers")
	}
	if len(rep.WhatIf) != len(sc.Shocks) {
		t.Errorf("got %d what-ifs for %d scenario shocks", len(rep.WhatIf), len(sc.Shocks))
	}
}

// TestJSONShape checks the fields the dashboard and CLI users read.
func TestJSONShape(t *testing.T) {
	rep, err := Run(context.Background(), bundled(t), Options{Models: []string{"eum"}, Runs: 4, Noise: 0.05, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Models []struct {
			Model  string `json:"model"`
			Issues []struct {
				Issue   string   `json:"issue"`
				Outcome *float64 `json:"outcome"`
				Rounds  []struct {
					Positions map[string]float64 `json:"positions"`
					Offers    []struct {
						From, To, Type string
					} `json:"offers"`
				} `json:"rounds"`
			} `json:"issues"`
		} `json:"models"`
		MonteCarlo struct {
			Models []struct {
				Issues []struct{ P5, P50, P95, Mean *float64 } `json:"issues"`
			} `json:"models"`
		} `json:"monte_carlo"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	is := v.Models[0].Issues[0]
	if v.Models[0].Model != "eum" || is.Outcome == nil || len(is.Rounds) < 2 || len(is.Rounds[0].Positions) < 10 {
		t.Fatalf("JSON lacks model/outcome/rounds: %s", b[:300])
	}
	if len(is.Rounds[1].Offers) == 0 || is.Rounds[1].Offers[0].Type == "" {
		t.Error("JSON lacks EUM offers")
	}
	d := v.MonteCarlo.Models[0].Issues[0]
	if d.P5 == nil || d.P50 == nil || d.P95 == nil || d.Mean == nil || *d.P5 > *d.P50 || *d.P50 > *d.P95 {
		t.Errorf("Monte Carlo quantiles %+v", d)
	}
}

// TestMonteCarloDeterministic: same seed, same answer, whatever the
// number of workers; another seed, another answer.
func TestMonteCarloDeterministic(t *testing.T) {
	sc := bundled(t)
	run := func(seed uint64, workers int) *MonteCarlo {
		rep, err := Run(context.Background(), sc, Options{Runs: 40, Noise: 0.1, Seed: seed, Workers: workers, NoScenarioShocks: true})
		if err != nil {
			t.Fatal(err)
		}
		return rep.MonteCarlo
	}
	a, b, c := run(9, 1), run(9, 4), run(10, 2)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("1 worker %+v != 4 workers %+v", a, b)
	}
	if reflect.DeepEqual(a.Models, c.Models) {
		t.Error("different seeds gave identical distributions")
	}
	if a.Failed != 0 {
		t.Errorf("%d runs failed", a.Failed)
	}
}

func TestZeroNoiseMonteCarloIsTheBaseline(t *testing.T) {
	sc := bundled(t)
	rep, err := Run(context.Background(), sc, Options{Runs: 3, Noise: 0, NoScenarioShocks: true})
	if err != nil {
		t.Fatal(err)
	}
	for mi, m := range rep.MonteCarlo.Models {
		for ii, d := range m.Issues {
			want := rep.Models[mi].Issues[ii].Outcome
			if math.Abs(d.P5-want) > 1e-9 || math.Abs(d.P95-want) > 1e-9 || d.SD > 1e-9 {
				t.Errorf("%s/%s: noiseless distribution %+v, want all %g", m.Model, d.Issue, d, want)
			}
		}
	}
}

func TestQuantile(t *testing.T) {
	xs := []float64{1, 2, 3, 4, 5}
	for q, want := range map[float64]float64{0: 1, 0.5: 3, 1: 5, 0.25: 2, 0.1: 1.4} {
		if got := Quantile(xs, q); math.Abs(got-want) > 1e-12 {
			t.Errorf("Quantile(%g) = %g, want %g", q, got, want)
		}
	}
}

// TestWhatIf: a shock that moves every actor to one position must give
// that position under every model, side by side with the baseline.
func TestWhatIf(t *testing.T) {
	sc := bundled(t)
	v := &scenario.Variation{Name: "all at 40"}
	for _, a := range sc.Actors {
		v.Changes = append(v.Changes, scenario.Change{Actor: a.ID, Field: "position", Issue: "talks", Value: 40})
	}
	v.Remove = []string{"oman"}
	rep, err := Run(context.Background(), sc, Options{WhatIf: v, NoScenarioShocks: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.WhatIf) != 1 {
		t.Fatalf("got %d what-ifs", len(rep.WhatIf))
	}
	for _, c := range rep.WhatIf[0].Outcomes {
		base, _ := rep.Outcome(c.Model, c.Issue)
		if c.Baseline != base || math.Abs(c.Delta-(c.Outcome-c.Baseline)) > 1e-12 {
			t.Errorf("%+v: baseline/delta inconsistent", c)
		}
		if c.Issue == "talks" && math.Abs(c.Outcome-40) > 1e-9 {
			t.Errorf("%s: unanimous 40 gave %g", c.Model, c.Outcome)
		}
	}
	bad := &scenario.Variation{Name: "bad", Changes: []scenario.Change{{Actor: "nobody", Field: "position", Value: 1}}}
	if _, err := Run(context.Background(), sc, Options{WhatIf: bad}); err == nil {
		t.Error("shock on unknown actor accepted")
	}
}

func TestTable(t *testing.T) {
	rep, err := Run(context.Background(), bundled(t), Options{Runs: 5, Noise: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rep.WriteTable(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"Issue talks", "MODEL", "eum", "nbs", "EUM positions on talks", "SMP positions on enrichment", "smp", "Supreme Leader Khamenei", "Monte Carlo: 5 runs", "What-if", "analyst judgements"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q", want)
		}
	}
}

func TestRunRejectsBadOptions(t *testing.T) {
	sc := bundled(t)
	for name, o := range map[string]Options{
		"model": {Models: []string{"oracle"}},
		"runs":  {Runs: -1},
		"noise": {Runs: 2, Noise: math.NaN()},
	} {
		if _, err := Run(context.Background(), sc, o); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestSMPBundled pins the SMP forecasts of the bundled scenario (a
// regression guard: any change to the model's rules should show up here
// and be explained), and checks that the report carries SMP's rounds,
// challenges, probabilities and risk attitudes.
// TestRunLimitsMonteCarlo checks the limits on runs before anything is
// allocated or run (the context is cancelled, so nothing would finish).
// TestRunKeepsAcceptedOffers checks that the report keeps only accepted
// EUM offers by default, and every offer with AllOffers (the bundled
// scenario's first round has offers that are not accepted).
func TestRunKeepsAcceptedOffers(t *testing.T) {
	for _, all := range []bool{false, true} {
		rep, err := Run(context.Background(), bundled(t), Options{Models: []string{"eum"}, AllOffers: all, NoScenarioShocks: true})
		if err != nil {
			t.Fatal(err)
		}
		accepted, rejected := 0, 0
		for _, rd := range rep.Models[0].Issues[0].Rounds {
			for _, of := range rd.Offers {
				if of.Accepted {
					accepted++
				} else {
					rejected++
				}
			}
		}
		if accepted == 0 || (rejected > 0) != all {
			t.Errorf("AllOffers %v: %d accepted and %d other offers kept", all, accepted, rejected)
		}
	}
}

func TestRunLimitsMonteCarlo(t *testing.T) {
	three := bundled(t)
	three.Issues = append(three.Issues, three.Issues[0])
	three.Issues[2].ID = "talks2"
	for i, a := range three.Actors {
		three.Actors[i].Stances["talks2"] = a.Stances["talks"]
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		sc   *scenario.Scenario
		o    Options
		want string
	}{
		{"runs", bundled(t), Options{Models: []string{"mean"}, Runs: MaxRuns + 1}, "more than the limit of 1000000"},
		{"huge runs", bundled(t), Options{Models: []string{"mean"}, Runs: 100_000_000}, "more than the limit of 1000000"},
		{"outcomes", three, Options{Runs: MaxRuns}, "1000000 runs x 5 models x 3 issues is more than the limit"},
		{"at the limit", bundled(t), Options{Runs: MaxRuns}, context.Canceled.Error()},
	}
	for _, tt := range tests {
		_, err := Run(ctx, tt.sc, tt.o)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestSMPBundled(t *testing.T) {
	rep, err := Run(context.Background(), bundled(t), Options{Models: []string{"smp"}, NoScenarioShocks: true})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"talks": 37.8716, "enrichment": 8.3808}
	for _, is := range rep.Models[0].Issues {
		if math.Abs(is.Outcome-want[is.Issue]) > 5e-4 || !is.Converged {
			t.Errorf("smp/%s: outcome %.4f converged %v, want %.4f", is.Issue, is.Outcome, is.Converged, want[is.Issue])
		}
		if len(is.Rounds) < 3 {
			t.Fatalf("smp/%s: %d rounds", is.Issue, len(is.Rounds))
		}
		r1 := is.Rounds[1]
		if len(r1.Challenges) == 0 || len(r1.Probabilities) != len(is.Actors) || len(r1.Risk) != len(is.Actors) {
			t.Errorf("smp/%s round 1 lacks detail: %+v", is.Issue, r1)
		}
		for _, c := range r1.Challenges {
			if c.From == c.To || !(c.Prob > 0 && c.Prob < 1) || !(c.Gain > 0) {
				t.Errorf("smp/%s: odd challenge %+v", is.Issue, c)
			}
		}
	}
}
