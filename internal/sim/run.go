// Package sim runs bargaining models on scenarios: the expected utility
// model, KTAB's spatial model of politics and the baselines, Monte Carlo
// over perturbed inputs and what-if shocks, returning one
// JSON-serialisable Report. Run is the library entry
// point used by `detente simulate` and the web dashboard.
package sim

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/detente-project/detente/internal/sim/baseline"
	"github.com/detente-project/detente/internal/sim/eum"
	"github.com/detente-project/detente/internal/sim/scenario"
	"github.com/detente-project/detente/internal/sim/smp"
	"github.com/detente-project/detente/internal/sim/spatial"
)

// Models lists the model names Run knows, in report order.
var Models = []string{"eum", "smp", "mean", "median", "nbs"}

// Options configure Run.
type Options struct {
	// Models to run (see Models); empty means all.
	Models []string
	// EUM configures the expected utility model; zero means
	// eum.DefaultOptions().
	EUM *eum.Options
	// SMP configures KTAB's spatial model of politics; zero means
	// smp.DefaultOptions().
	SMP *smp.Options
	// Runs > 0 adds a Monte Carlo over perturbed inputs; at most MaxRuns.
	Runs int
	// Noise is the Monte Carlo perturbation size (see Perturb).
	Noise float64
	// Seed makes the Monte Carlo reproducible.
	Seed uint64
	// Workers bounds Monte Carlo parallelism; 0 means all cores.
	Workers int
	// WhatIf is an extra variation (from command-line flags) compared
	// side by side with the baseline.
	WhatIf *scenario.Variation
	// NoScenarioShocks skips the shocks written in the scenario.
	NoScenarioShocks bool
	// AllOffers keeps every EUM offer in the rounds, not only the accepted
	// ones: up to n(n-1) per round for n actors, for the JSON output.
	AllOffers bool
}

// Report is the full answer for one scenario.
type Report struct {
	// Scenario is the scenario's title.
	Scenario string `json:"scenario"`
	// File is where it was read from.
	File string `json:"file,omitempty"`
	// Notes repeats the scenario's caveats.
	Notes string `json:"notes,omitempty"`
	// Issues describes each issue's scale.
	Issues []scenario.Issue `json:"issue_defs"`
	// Models holds each model's result per issue.
	Models []ModelResult `json:"models"`
	// MonteCarlo summarises the outcome distributions, if requested.
	MonteCarlo *MonteCarlo `json:"monte_carlo,omitempty"`
	// WhatIf compares each variation with the baseline.
	WhatIf []WhatIf `json:"what_if,omitempty"`
}

// ModelResult is one model's forecast for every issue.
type ModelResult struct {
	// Model is eum, smp, mean, median or nbs.
	Model string `json:"model"`
	// Issues holds one result per issue.
	Issues []IssueResult `json:"issues"`
}

// IssueResult is one model's forecast on one issue.
type IssueResult struct {
	// Issue is the issue's ID; Name its question.
	Issue string `json:"issue"`
	Name  string `json:"name"`
	// Outcome is the forecast on the issue's scale.
	Outcome float64 `json:"outcome"`
	// Anchor is the label of the nearest anchor.
	Anchor string `json:"anchor,omitempty"`
	// Actors lists the actors in the issue, in scenario order.
	Actors []string `json:"actors"`
	// Rounds holds positions per actor per round (round 0 is the input;
	// baselines have only round 0).
	Rounds []Round `json:"rounds"`
	// Converged reports whether EUM or SMP met its stopping rule.
	Converged bool `json:"converged"`
}

// Round is one round of a model.
type Round struct {
	// Round numbers rounds from 0.
	Round int `json:"round"`
	// Positions maps actor name to position.
	Positions map[string]float64 `json:"positions"`
	// Outcome is the model's forecast after this round.
	Outcome float64 `json:"outcome"`
	// Risk maps actor name to its risk attitude: for EUM the risk exponent
	// used in the round, for SMP KTAB's normalised attitude R in [-1, 1]
	// (+1 risk averse) in this state.
	Risk map[string]float64 `json:"risk,omitempty"`
	// Offers lists the offers accepted (EUM), or every offer made with
	// Options.AllOffers.
	Offers []Offer `json:"offers,omitempty"`
	// Probabilities maps actor name to the probability that its position
	// is the outcome (SMP).
	Probabilities map[string]float64 `json:"probabilities,omitempty"`
	// Challenges lists each actor's best challenge and the bargain it
	// proposed (SMP).
	Challenges []Challenge `json:"challenges,omitempty"`
}

// Challenge is one SMP challenge and its bargain.
type Challenge struct {
	// From challenges To.
	From string `json:"from"`
	To   string `json:"to"`
	// Prob is From's estimate that it wins; Gain its expected utility gain.
	Prob float64 `json:"prob"`
	Gain float64 `json:"gain"`
	// FromPosition and ToPosition are where the bargain moves each.
	FromPosition float64 `json:"from_position"`
	ToPosition   float64 `json:"to_position"`
	// FromAccepted and ToAccepted mark who took the bargain.
	FromAccepted bool `json:"from_accepted"`
	ToAccepted   bool `json:"to_accepted"`
}

// Offer is one EUM offer.
type Offer struct {
	// From proposes, To receives.
	From string `json:"from"`
	To   string `json:"to"`
	// Type is conflict, compromise or capitulation.
	Type string `json:"type"`
	// Position is where To would move.
	Position float64 `json:"position"`
	// EUTo and EUFrom are the two expected utilities as To perceives them.
	EUTo   float64 `json:"eu_to"`
	EUFrom float64 `json:"eu_from"`
	// Accepted marks the offer To took.
	Accepted bool `json:"accepted"`
}

// Run simulates every selected model on every issue, then the Monte Carlo
// and what-if comparisons the options ask for.
func Run(ctx context.Context, sc *scenario.Scenario, o Options) (*Report, error) {
	models, mo, err := o.resolve()
	if err != nil {
		return nil, err
	}
	if err := checkOutcomes(sc, models, o.Runs); err != nil {
		return nil, err
	}
	rep := &Report{Scenario: sc.Title, File: sc.File, Notes: sc.Notes, Issues: sc.Issues}
	if rep.Models, err = runModels(ctx, sc, models, mo, true); err != nil {
		return nil, err
	}
	if o.Runs > 0 {
		if rep.MonteCarlo, err = monteCarlo(ctx, sc, models, mo, o); err != nil {
			return nil, err
		}
	}
	if rep.WhatIf, err = whatIfs(ctx, sc, rep.Models, models, mo, o); err != nil {
		return nil, err
	}
	return rep, nil
}

// modelOptions are the settings of the iterative models.
type modelOptions struct {
	eum eum.Options
	smp smp.Options
}

// resolve validates model names and model options.
func (o Options) resolve() ([]string, modelOptions, error) {
	mo := modelOptions{eum: eum.DefaultOptions(), smp: smp.DefaultOptions()}
	if o.EUM != nil {
		mo.eum = *o.EUM
	}
	if o.SMP != nil {
		mo.smp = *o.SMP
	}
	mo.eum.AllOffers = o.AllOffers
	if err := mo.eum.Validate(); err != nil {
		return nil, mo, err
	}
	if err := mo.smp.Validate(); err != nil {
		return nil, mo, err
	}
	if o.Runs < 0 || !(o.Noise >= 0) {
		return nil, mo, fmt.Errorf("monte carlo needs runs >= 0 and noise >= 0")
	}
	if o.Runs > MaxRuns {
		return nil, mo, fmt.Errorf("monte carlo: %d runs is more than the limit of %d", o.Runs, MaxRuns)
	}
	if len(o.Models) == 0 {
		return Models, mo, nil
	}
	var out []string
	for _, want := range Models {
		for _, m := range o.Models {
			if m == want {
				out = append(out, m)
				break
			}
		}
	}
	for _, m := range o.Models {
		if !contains(Models, m) {
			return nil, mo, fmt.Errorf("unknown model %q (want %s)", m, strings.Join(Models, ", "))
		}
	}
	return out, mo, nil
}

// runModels runs each model on each issue.
func runModels(ctx context.Context, sc *scenario.Scenario, models []string, mo modelOptions, record bool) ([]ModelResult, error) {
	mo.eum.Record, mo.smp.Record = record, record
	var out []ModelResult
	for _, m := range models {
		mr := ModelResult{Model: m}
		for _, is := range sc.Issues {
			r, err := runIssue(ctx, sc, is, m, mo)
			if err != nil {
				return nil, fmt.Errorf("%s on issue %q: %w", m, is.ID, err)
			}
			mr.Issues = append(mr.Issues, r)
		}
		out = append(out, mr)
	}
	return out, nil
}

// runIssue runs one model on one issue.
func runIssue(ctx context.Context, sc *scenario.Scenario, is scenario.Issue, model string, mo modelOptions) (IssueResult, error) {
	actors := Actors(sc, is.ID)
	scale := spatial.Scale{Min: is.Scale.Min, Max: is.Scale.Max}
	res := IssueResult{Issue: is.ID, Name: is.Name, Converged: true}
	for _, a := range actors {
		res.Actors = append(res.Actors, a.Name)
	}
	if err := spatial.Validate(actors, scale); err != nil {
		return res, err
	}
	switch model {
	case "eum":
		r, err := eum.Simulate(ctx, actors, scale, mo.eum)
		if err != nil {
			return res, err
		}
		res.Outcome, res.Converged = r.Outcome, r.Converged
		for k, rd := range r.Rounds {
			res.Rounds = append(res.Rounds, eumRound(k, rd, res.Actors))
		}
	case "smp":
		r, err := smp.Simulate(ctx, actors, scale, mo.smp)
		if err != nil {
			return res, err
		}
		res.Outcome, res.Converged = r.Outcome, r.Converged
		for k, rd := range r.Rounds {
			res.Rounds = append(res.Rounds, smpRound(k, rd, res.Actors))
		}
	case "mean":
		res.Outcome = baseline.Mean(actors)
	case "median":
		res.Outcome = baseline.Median(actors)
	case "nbs":
		res.Outcome = baseline.NBS(actors, scale)
	}
	if !iterative(model) && mo.eum.Record {
		res.Rounds = []Round{{Positions: positions(actors), Outcome: res.Outcome}}
	}
	res.Anchor = is.NearestAnchor(res.Outcome)
	return res, nil
}

func eumRound(k int, rd eum.Round, names []string) Round {
	out := Round{Round: k, Positions: map[string]float64{}, Outcome: rd.Forecast}
	for i, x := range rd.Positions {
		out.Positions[names[i]] = x
	}
	if rd.Risk != nil {
		out.Risk = map[string]float64{}
		for i, r := range rd.Risk {
			out.Risk[names[i]] = r
		}
	}
	for _, of := range rd.Offers {
		out.Offers = append(out.Offers, Offer{From: names[of.From], To: names[of.To], Type: string(of.Type),
			Position: of.Position, EUTo: of.EUTo, EUFrom: of.EUFrom, Accepted: of.Accepted})
	}
	sort.SliceStable(out.Offers, func(a, b int) bool { return out.Offers[a].To < out.Offers[b].To })
	return out
}

// iterative reports whether a model plays rounds (and has a stopping rule).
func iterative(model string) bool { return model == "eum" || model == "smp" }

func smpRound(k int, rd smp.Round, names []string) Round {
	out := Round{Round: k, Positions: map[string]float64{}, Outcome: rd.Forecast,
		Risk: map[string]float64{}, Probabilities: map[string]float64{}}
	for i, name := range names {
		out.Positions[name] = rd.Positions[i]
		out.Risk[name] = rd.Risk[i]
		out.Probabilities[name] = rd.Probabilities[i]
	}
	for _, c := range rd.Challenges {
		out.Challenges = append(out.Challenges, Challenge{From: names[c.From], To: names[c.To], Prob: c.Prob, Gain: c.Gain,
			FromPosition: c.FromPosition, ToPosition: c.ToPosition, FromAccepted: c.FromAccepted, ToAccepted: c.ToAccepted})
	}
	return out
}

// Actors returns the actors with a stance on issue id, in scenario order.
func Actors(sc *scenario.Scenario, id string) []spatial.Actor {
	var out []spatial.Actor
	for _, a := range sc.Actors {
		st, ok := a.Stances[id]
		if !ok || st.Position == nil || st.Salience == nil {
			continue
		}
		sa := spatial.Actor{Name: a.Name, Capability: a.Capability, Position: *st.Position, Salience: *st.Salience}
		if a.Risk != nil {
			sa.Risk, sa.HasRisk = *a.Risk, true
		}
		out = append(out, sa)
	}
	return out
}

func positions(actors []spatial.Actor) map[string]float64 {
	m := make(map[string]float64, len(actors))
	for _, a := range actors {
		m[a.Name] = a.Position
	}
	return m
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Outcome returns a model's outcome on an issue from a report.
func (r *Report) Outcome(model, issue string) (float64, bool) {
	for _, m := range r.Models {
		if m.Model != model {
			continue
		}
		for _, is := range m.Issues {
			if is.Issue == issue {
				return is.Outcome, true
			}
		}
	}
	return 0, false
}
