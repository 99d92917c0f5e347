// Package spatial holds the one-dimensional bargaining space shared by the
// simulator's models: actors with capability, position and salience on a
// bounded issue scale.
package spatial

import (
	"fmt"
	"math"
)

// Actor is one stakeholder on one issue.
type Actor struct {
	// Name identifies the actor in reports.
	Name string
	// Capability is the actor's power to influence the issue (c_i >= 0).
	Capability float64
	// Position is the outcome the actor prefers, on the scale (x_i).
	Position float64
	// Salience is how much the issue matters to the actor, in [0, 1] (s_i).
	Salience float64
	// Risk, when HasRisk is set, is a fixed risk attitude R_i in [-1, 1]
	// (-1 most risk averse, 0 neutral, 1 most risk acceptant) that replaces
	// the security-level estimate of the expected utility model.
	Risk float64
	// HasRisk marks Risk as given.
	HasRisk bool
}

// Weight is the actor's effective influence c_i * s_i, the weight every
// model here gives an actor's preference (Bueno de Mesquita 1994).
func (a Actor) Weight() float64 { return a.Capability * a.Salience }

// Scale is the closed interval [Min, Max] an issue's positions live on.
type Scale struct {
	Min, Max float64
}

// Range is Max - Min.
func (s Scale) Range() float64 { return s.Max - s.Min }

// Validate reports whether the scale and actors can be simulated.
func Validate(actors []Actor, s Scale) error {
	if !(s.Max > s.Min) || math.IsInf(s.Range(), 0) || math.IsNaN(s.Range()) {
		return fmt.Errorf("scale [%g, %g] is empty", s.Min, s.Max)
	}
	if len(actors) == 0 {
		return fmt.Errorf("no actors")
	}
	total := 0.0
	for _, a := range actors {
		if !finite(a.Capability) || a.Capability < 0 {
			return fmt.Errorf("actor %q: capability %g must be finite and >= 0", a.Name, a.Capability)
		}
		if !(a.Salience >= 0 && a.Salience <= 1) {
			return fmt.Errorf("actor %q: salience %g outside [0, 1]", a.Name, a.Salience)
		}
		if !(a.Position >= s.Min && a.Position <= s.Max) {
			return fmt.Errorf("actor %q: position %g outside scale [%g, %g]", a.Name, a.Position, s.Min, s.Max)
		}
		total += a.Weight()
	}
	if !(total > 0) || math.IsInf(total, 0) {
		return fmt.Errorf("total weight (capability x salience) %g must be positive and finite", total)
	}
	return nil
}

// Bounds returns the smallest and largest position held by an actor.
func Bounds(actors []Actor) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, a := range actors {
		lo = math.Min(lo, a.Position)
		hi = math.Max(hi, a.Position)
	}
	return lo, hi
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
