package sim

import (
	"context"
	"fmt"

	"github.com/detente-project/detente/internal/sim/scenario"
)

// WhatIf compares one variation with the baseline.
type WhatIf struct {
	// Name labels the variation; Changes and Remove say what it does.
	Name    string   `json:"name"`
	Changes []string `json:"changes,omitempty"`
	Remove  []string `json:"remove,omitempty"`
	// Outcomes hold baseline and variation outcomes side by side.
	Outcomes []Comparison `json:"outcomes"`
}

// Comparison is one model's outcome on one issue, baseline vs what-if.
type Comparison struct {
	// Model and Issue identify the forecast.
	Model string `json:"model"`
	Issue string `json:"issue"`
	// Baseline and Outcome are the two forecasts, Delta their difference.
	Baseline float64 `json:"baseline"`
	Outcome  float64 `json:"outcome"`
	Delta    float64 `json:"delta"`
}

// whatIfs runs the scenario's shocks and the command-line variation.
func whatIfs(ctx context.Context, sc *scenario.Scenario, base []ModelResult, models []string, mo modelOptions, o Options) ([]WhatIf, error) {
	var vars []scenario.Variation
	if !o.NoScenarioShocks {
		for _, sh := range sc.Shocks {
			v, err := sc.ParseShock(sh)
			if err != nil {
				return nil, fmt.Errorf("shock %q: %w", sh.Name, err)
			}
			vars = append(vars, v)
		}
	}
	if o.WhatIf != nil {
		vars = append(vars, *o.WhatIf)
	}
	var out []WhatIf
	for _, v := range vars {
		w, err := compare(ctx, sc, base, models, mo, v)
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, nil
}

func compare(ctx context.Context, sc *scenario.Scenario, base []ModelResult, models []string, mo modelOptions, v scenario.Variation) (WhatIf, error) {
	w := WhatIf{Name: v.Name, Remove: v.Remove}
	for _, c := range v.Changes {
		w.Changes = append(w.Changes, c.String())
	}
	shocked, err := sc.Apply(v)
	if err != nil {
		return w, err
	}
	res, err := runModels(ctx, shocked, models, mo, false)
	if err != nil {
		return w, fmt.Errorf("what-if %q: %w", v.Name, err)
	}
	for mi, m := range res {
		for ii, is := range m.Issues {
			b := base[mi].Issues[ii].Outcome
			w.Outcomes = append(w.Outcomes, Comparison{Model: m.Model, Issue: is.Issue, Baseline: b, Outcome: is.Outcome, Delta: is.Outcome - b})
		}
	}
	return w, nil
}
