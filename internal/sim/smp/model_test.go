package smp

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/detente-project/detente/internal/sim/spatial"
)

var scale100 = spatial.Scale{Min: 0, Max: 100}

func simulate(t testing.TB, as []spatial.Actor, o Options) Result {
	t.Helper()
	r, err := Simulate(context.Background(), as, scale100, o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestTwoActorsByHand traces a run through by hand. A (capability 3) sits
// at 0, B (capability 1) at 100, both with salience 1.
//
// Round 0: capabilities rescale to 150 and 50; risk-neutrally A's position
// beats B's with P = 150/200 = 0.75, so R_A = 1, R_B = -0.5, and the
// outcome probabilities are (0.75, 0.25): forecast 25.
//
// Round 1: A sees B's attitude as (2 x 1 - 0.5)/3 = 0.5, but distances are
// 0 or 1, where every attitude gives 1 or 0. A backs itself with 150, B
// itself with 50: P = 0.75, and A's gain is 1 x (0.75 x 2) - 1 = 0.5. B's
// own challenge is worth 0.25 x 2 - 1 < 0. A proposes the S2P2 bargain:
// weights 0.75^2 and 0.25^2 put both at 0.0625/0.625 = 0.1 (10 on the
// scale). For A the bargain is worth (0.99 + 0.99)/2 against 0.5 for the
// status quo; for B (0.055 + 0.055)/2 against 0.5; the capability vote
// 150 x 0.49 vs 50 x 0.445 picks the bargain, so both move to 10.
//
// Round 2: everyone is at 10; nothing moves, and the run stops.
func TestTwoActorsByHand(t *testing.T) {
	as := []spatial.Actor{
		{Name: "A", Capability: 3, Position: 0, Salience: 1},
		{Name: "B", Capability: 1, Position: 100, Salience: 1},
	}
	r := simulate(t, as, DefaultOptions())
	if r.Played != 2 || !r.Converged || !near(r.Outcome, 10, 1e-9) || len(r.Rounds) != 3 {
		t.Fatalf("played %d, converged %v, outcome %g, %d rounds; want 2, true, 10, 3",
			r.Played, r.Converged, r.Outcome, len(r.Rounds))
	}
	r0, r1 := r.Rounds[0], r.Rounds[1]
	if !near(r0.Forecast, 25, 1e-6) || !near(r0.Probabilities[0], 0.75, 1e-8) ||
		!near(r0.Risk[0], 1, 1e-9) || !near(r0.Risk[1], -0.5, 1e-9) {
		t.Errorf("round 0: %+v", r0)
	}
	if len(r1.Challenges) != 1 {
		t.Fatalf("round 1 challenges: %+v", r1.Challenges)
	}
	c := r1.Challenges[0]
	if c.From != 0 || c.To != 1 || !near(c.Prob, 0.75, 1e-8) || !near(c.Gain, 0.5, 1e-8) ||
		!near(c.FromPosition, 10, 1e-9) || !near(c.ToPosition, 10, 1e-9) || !c.FromAccepted || !c.ToAccepted {
		t.Errorf("round 1 challenge %+v", c)
	}
	if !near(r1.Positions[0], 10, 1e-9) || !near(r1.Positions[1], 10, 1e-9) {
		t.Errorf("round 1 positions %v", r1.Positions)
	}

	mode := DefaultOptions()
	mode.Forecast = "mode"
	if r := simulate(t, as, mode); !near(r.Rounds[0].Forecast, 0, 1e-9) {
		t.Errorf("mode forecast of round 0 = %g, want A's position 0", r.Rounds[0].Forecast)
	}
}

func TestSingleActorStays(t *testing.T) {
	r := simulate(t, []spatial.Actor{{Name: "x", Capability: 1, Position: 42, Salience: 0.5}}, DefaultOptions())
	if !near(r.Outcome, 42, 1e-9) || !r.Converged {
		t.Errorf("one actor: outcome %g converged %v", r.Outcome, r.Converged)
	}
}

// randomActors draws 1-15 actors; half the cases put them on a coarse
// grid so that positions coincide.
func randomActors(rng *rand.Rand) []spatial.Actor {
	n := 1 + rng.IntN(15)
	grid := rng.IntN(2) == 0
	as := make([]spatial.Actor, n)
	for i := range as {
		x := rng.Float64() * 100
		if grid {
			x = float64(rng.IntN(5) * 25)
		}
		as[i] = spatial.Actor{Name: fmt.Sprintf("a%d", i), Capability: 0.1 + 10*rng.Float64(),
			Position: x, Salience: 0.05 + 0.95*rng.Float64()}
		if rng.IntN(4) == 0 {
			as[i].HasRisk, as[i].Risk = true, 2*rng.Float64()-1
		}
	}
	return as
}

func TestInvariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	o := DefaultOptions()
	for k := 0; k < 60; k++ {
		as := randomActors(rng)
		base := simulate(t, as, o)
		lo, hi := spatial.Bounds(as)
		for _, c := range []struct {
			name  string
			check func() error
		}{
			{"outcome within positions", func() error {
				if base.Outcome < lo-1e-9 || base.Outcome > hi+1e-9 {
					return fmt.Errorf("outcome %g outside [%g, %g]", base.Outcome, lo, hi)
				}
				for _, rd := range base.Rounds {
					for _, x := range rd.Positions {
						if x < lo-1e-9 || x > hi+1e-9 {
							return fmt.Errorf("position %g outside [%g, %g]", x, lo, hi)
						}
					}
				}
				return nil
			}},
			{"unanimity", func() error {
				same := append([]spatial.Actor(nil), as...)
				for i := range same {
					same[i].Position = as[0].Position
				}
				if got := simulate(t, same, o).Outcome; !near(got, as[0].Position, 1e-9) {
					return fmt.Errorf("all at %g, outcome %g", as[0].Position, got)
				}
				return nil
			}},
			{"order", func() error {
				shuffled := append([]spatial.Actor(nil), as...)
				rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
				if got := simulate(t, shuffled, o).Outcome; got != base.Outcome {
					return fmt.Errorf("outcome %g after shuffling, %g before", got, base.Outcome)
				}
				return nil
			}},
			{"doubled capabilities", func() error {
				doubled := append([]spatial.Actor(nil), as...)
				for i := range doubled {
					doubled[i].Capability *= 2
				}
				if got := simulate(t, doubled, o); !reflect.DeepEqual(got, base) {
					return fmt.Errorf("outcome %g with doubled capabilities, %g before", got.Outcome, base.Outcome)
				}
				return nil
			}},
			{"deterministic", func() error {
				if again := simulate(t, as, o); !reflect.DeepEqual(again, base) {
					return fmt.Errorf("second run differs: %g vs %g", again.Outcome, base.Outcome)
				}
				return nil
			}},
			{"recording changes nothing", func() error {
				quiet := o
				quiet.Record = false
				r := simulate(t, as, quiet)
				if r.Outcome != base.Outcome || r.Played != base.Played || r.Rounds != nil {
					return fmt.Errorf("unrecorded run: outcome %g played %d, recorded %g, %d", r.Outcome, r.Played, base.Outcome, base.Played)
				}
				return nil
			}},
			{"probabilities", func() error {
				for _, rd := range base.Rounds {
					for _, p := range rd.Probabilities {
						if !(p >= 0 && p <= 1+1e-12) {
							return fmt.Errorf("probability %g", p)
						}
					}
					for _, r := range rd.Risk {
						if !(r >= -1 && r <= 1) {
							return fmt.Errorf("risk attitude %g", r)
						}
					}
				}
				return nil
			}},
		} {
			if err := c.check(); err != nil {
				t.Errorf("case %d (%d actors) %s: %v", k, len(as), c.name, err)
			}
		}
	}
}

func TestStoppingRule(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	for k := 0; k < 20; k++ {
		as := randomActors(rng)
		o := DefaultOptions()
		r := simulate(t, as, o)
		if r.Played > o.MaxRounds || len(r.Rounds) != r.Played+1 {
			t.Fatalf("played %d with %d rounds recorded", r.Played, len(r.Rounds))
		}
		if r.Converged && r.Played < o.MinRounds {
			t.Errorf("case %d: converged after %d rounds, fewer than MinRounds", k, r.Played)
		}
		o.MaxRounds = 1
		if r1 := simulate(t, as, o); r1.Played != 1 || r1.Converged {
			t.Errorf("case %d: MaxRounds 1 played %d converged %v", k, r1.Played, r1.Converged)
		}
	}
}

func TestNeutralRisk(t *testing.T) {
	as := []spatial.Actor{
		{Name: "a", Capability: 3, Position: 10, Salience: 0.9},
		{Name: "b", Capability: 1, Position: 80, Salience: 0.5, HasRisk: true, Risk: 0.6},
		{Name: "c", Capability: 2, Position: 50, Salience: 0.7},
	}
	o := DefaultOptions()
	o.Risk = "neutral"
	rd := simulate(t, as, o).Rounds[0]
	// b's scenario risk attitude +0.6 (acceptant) is KTAB's R = -0.6.
	if rd.Risk[0] != 0 || rd.Risk[2] != 0 || !near(rd.Risk[1], -0.6, 1e-15) {
		t.Errorf("risk attitudes %v, want [0 -0.6 0]", rd.Risk)
	}
}

func TestSimulateRejects(t *testing.T) {
	ok := []spatial.Actor{{Name: "a", Capability: 1, Position: 1, Salience: 1}}
	for name, f := range map[string]func() error{
		"forecast": func() error {
			o := DefaultOptions()
			o.Forecast = "median"
			_, err := Simulate(context.Background(), ok, scale100, o)
			return err
		},
		"risk": func() error {
			o := DefaultOptions()
			o.Risk = "scholz"
			_, err := Simulate(context.Background(), ok, scale100, o)
			return err
		},
		"rounds": func() error {
			o := DefaultOptions()
			o.MaxRounds = 0
			_, err := Simulate(context.Background(), ok, scale100, o)
			return err
		},
		"no actors": func() error {
			_, err := Simulate(context.Background(), nil, scale100, DefaultOptions())
			return err
		},
		"cancelled": func() error {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			_, err := Simulate(ctx, ok, scale100, DefaultOptions())
			return err
		},
	} {
		if f() == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestScaleDoesNotMatter(t *testing.T) {
	// The same scenario on [0, 100] and on [-1, 1] gives the same forecast
	// up to the change of scale.
	as := []spatial.Actor{
		{Name: "a", Capability: 3, Position: 10, Salience: 0.9},
		{Name: "b", Capability: 1, Position: 80, Salience: 0.5},
		{Name: "c", Capability: 2, Position: 50, Salience: 0.7},
		{Name: "d", Capability: 2.5, Position: 35, Salience: 0.4},
	}
	want := simulate(t, as, DefaultOptions()).Outcome
	moved := append([]spatial.Actor(nil), as...)
	for i := range moved {
		moved[i].Position = moved[i].Position/50 - 1
	}
	r, err := Simulate(context.Background(), moved, spatial.Scale{Min: -1, Max: 1}, DefaultOptions())
	if err != nil || !near((r.Outcome+1)*50, want, 1e-6) {
		t.Errorf("on [-1, 1]: %g (%v), want %g", (r.Outcome+1)*50, err, want)
	}
}
