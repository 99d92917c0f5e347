package eum

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/detente-project/detente/internal/sim/spatial"
)

var (
	threeActors = []spatial.Actor{
		{Name: "A", Capability: 2, Position: 0, Salience: 0.5},
		{Name: "B", Capability: 1, Position: 50, Salience: 1},
		{Name: "C", Capability: 5, Position: 100, Salience: 0.5},
	}
	scale100 = spatial.Scale{Min: 0, Max: 100}
)

func oneRound(t *testing.T, o Options) Result {
	t.Helper()
	o.MaxRounds = 1
	o.Record, o.AllOffers = true, true
	res, err := Simulate(context.Background(), threeActors, scale100, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rounds) != 2 {
		t.Fatalf("got %d rounds, want round 0 and 1", len(res.Rounds))
	}
	return res
}

// TestRoundByHand plays one risk-neutral round of the three-actor case
// with the expected utilities of TestExpectedUtilityByHand:
//
//	A receives from B: a = -5/9, b = 7/9, |a| < b: compromise, A moves
//	  (5/9)/(7/9) = 5/7 of the way to 50: 250/7 = 35.714...
//	A receives from C: a = 4/7 < b = 10/7, both > 0: conflict lost, to 100.
//	  A takes the least move: 250/7.
//	B receives from A: b = -5/9 <= 0: no offer. From C: a = 4/9 > b = 1/9: B wins.
//	C receives from A: a = 10/7 > b = 4/7: C wins. From B: a = 1/9 < b = 4/9:
//	  conflict lost, C moves to 50.
//
// Round 0's forecast is the weighted median: weights 1, 1, 2.5 (total
// 4.5) put the median at C's 100. After the round, 2.25 is first reached
// at 50.
func TestRoundByHand(t *testing.T) {
	o := DefaultOptions()
	o.Risk = "neutral"
	res := oneRound(t, o)
	near(t, "forecast 0", res.Rounds[0].Forecast, 100, eps)
	want := []float64{250.0 / 7, 50, 50}
	for i, x := range res.Rounds[1].Positions {
		near(t, threeActors[i].Name+" position", x, want[i], 1e-9)
	}
	near(t, "forecast 1", res.Rounds[1].Forecast, 50, eps)
	types := map[[2]int]OfferType{}
	for _, of := range res.Rounds[1].Offers {
		types[[2]int{of.From, of.To}] = of.Type
	}
	wantTypes := map[[2]int]OfferType{{1, 0}: Compromise, {2, 0}: Conflict, {1, 2}: Conflict}
	if len(types) != len(wantTypes) {
		t.Errorf("offers %v, want %v", types, wantTypes)
	}
	for k, v := range wantTypes {
		if types[k] != v {
			t.Errorf("offer %d->%d = %q, want %q", k[0], k[1], types[k], v)
		}
	}
}

// TestRiskExponentsByHand checks Scholz et al.'s security-level risk on
// the three-actor case. Dangers (sum of others' EU of challenging, r = 1):
//
//	A: EU_B(BA) + EU_C(CA) = 7/9 + 10/7 = 139/63
//	B: EU_A(AB) + EU_C(CB) = -5/9 + 1/9 = -28/63
//	C: EU_A(AC) + EU_B(BC) = 4/7 + 4/9 = 64/63
//
// so R_A = 1 (r = 0.5), R_B = -1 (r = 2), R_C = (128 - 139 + 28)/167 =
// 17/167 and r_C = (1 - 17/501)/(1 + 17/501) = 484/518.
func TestRiskExponentsByHand(t *testing.T) {
	res := oneRound(t, DefaultOptions())
	want := []float64{0.5, 2, 484.0 / 518}
	for i, r := range res.Rounds[1].Risk {
		near(t, threeActors[i].Name+" r", r, want[i], 1e-12)
	}
	// A fixed attitude overrides the estimate: R = 0 -> r = 1.
	fixed := append([]spatial.Actor(nil), threeActors...)
	fixed[0].HasRisk, fixed[0].Risk = true, 0
	o := DefaultOptions()
	o.MaxRounds = 1
	r2, err := Simulate(context.Background(), fixed, scale100, o)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "fixed r", r2.Rounds[1].Risk[0], 1, 0)
}

func TestOptionsChangeTheAnswer(t *testing.T) {
	base := DefaultOptions()
	variants := map[string]func(*Options){
		"mean forecast": func(o *Options) { o.Forecast = "mean" },
	}
	res := oneRound(t, base)
	for name, f := range variants {
		o := base
		f(&o)
		alt := oneRound(t, o)
		if alt.Rounds[0].Forecast == res.Rounds[0].Forecast {
			t.Errorf("%s: forecast unchanged %g", name, alt.Rounds[0].Forecast)
		}
	}
	// The mean forecast of round 0 is (0*1 + 50*1 + 100*2.5)/4.5 = 66.67.
	o := base
	o.Forecast = "mean"
	near(t, "mean forecast", oneRound(t, o).Rounds[0].Forecast, 300/4.5, 1e-12)
}

func TestEveryOptionRuns(t *testing.T) {
	mods := []func(*Options){
		func(o *Options) { o.Q, o.T = 0.5, 0.5 },
		func(o *Options) { o.Risk = "positions" },
		func(o *Options) { o.Perspective = "perceiver" },
		func(o *Options) { o.Selection = "strongest" },
		func(o *Options) { o.Denominator = "all" },
		func(o *Options) { o.Stop = "positions" },
		func(o *Options) { o.Range = "positions" },
	}
	for k, f := range mods {
		o := DefaultOptions()
		f(&o)
		res, err := Simulate(context.Background(), threeActors, scale100, o)
		if err != nil {
			t.Fatalf("option %d: %v", k, err)
		}
		if res.Outcome < 0 || res.Outcome > 100 || math.IsNaN(res.Outcome) {
			t.Errorf("option %d: outcome %g outside the positions", k, res.Outcome)
		}
	}
}

func TestBadInput(t *testing.T) {
	o := DefaultOptions()
	o.Forecast = "mode"
	if _, err := Simulate(context.Background(), threeActors, scale100, o); err == nil {
		t.Error("bad option accepted")
	}
	if _, err := Simulate(context.Background(), nil, scale100, DefaultOptions()); err == nil {
		t.Error("no actors accepted")
	}
	bad := []spatial.Actor{{Name: "x", Capability: 1, Position: 150, Salience: 1}}
	if _, err := Simulate(context.Background(), bad, scale100, DefaultOptions()); err == nil {
		t.Error("position off the scale accepted")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Simulate(ctx, threeActors, scale100, DefaultOptions()); err == nil {
		t.Error("cancelled context ignored")
	}
}

// TestRecordedOffers checks that a recorded round keeps only the accepted
// offers unless AllOffers asks for every one (three-actor case of
// TestRoundByHand: B->A compromise and B->C conflict are accepted, C->A
// conflict is not).
func TestRecordedOffers(t *testing.T) {
	tests := []struct {
		all  bool
		want map[[2]int]bool // from, to -> accepted
	}{
		{false, map[[2]int]bool{{1, 0}: true, {1, 2}: true}},
		{true, map[[2]int]bool{{1, 0}: true, {1, 2}: true, {2, 0}: false}},
	}
	for _, tt := range tests {
		o := DefaultOptions()
		o.Risk, o.MaxRounds, o.AllOffers = "neutral", 1, tt.all
		res, err := Simulate(context.Background(), threeActors, scale100, o)
		if err != nil {
			t.Fatal(err)
		}
		got := map[[2]int]bool{}
		for _, of := range res.Rounds[1].Offers {
			got[[2]int{of.From, of.To}] = of.Accepted
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("AllOffers %v: offers %v, want %v", tt.all, got, tt.want)
		}
	}
}
