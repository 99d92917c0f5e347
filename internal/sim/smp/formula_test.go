package smp

import (
	"math"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestUtility(t *testing.T) {
	for _, c := range []struct{ d, r, want float64 }{
		{0, 0.7, 1},            // own position is worth 1 whatever the attitude
		{1, 0.7, 0},            // the far end is worth 0
		{0.5, 0, 0.5},          // neutral: 1 - d
		{0.5, 1, 0.75},         // averse: 1 - d^2
		{0.5, -1, 0.25},        // acceptant: (1 - d)^2
		{0.2, 0.5, 0.8 * 1.1},  // (1 - 0.2)(1 + 0.2 x 0.5)
		{1.1, 0.5, -0.1 * 1.5}, // round-off past 1: (1 - d)(1 + r)
	} {
		if got := Utility(c.d, c.r); !near(got, c.want, 1e-15) {
			t.Errorf("Utility(%g, %g) = %g, want %g", c.d, c.r, got, c.want)
		}
	}
}

func TestConditionalPCE(t *testing.T) {
	for _, c := range []struct {
		name string
		w    []float64
		u    []float64 // actor-major
		nOpt int
		want []float64
	}{
		{
			// Actor 0 (w 1) votes 1 x (1 - 0.5) = 0.5 for option 0,
			// actor 1 (w 3) votes 3 x (1 - 0.6) = 1.2 for option 1:
			// P[0 > 1] = 0.5 / 1.7.
			name: "two options", w: []float64{1, 3}, u: []float64{1, 0.5, 0.6, 1}, nOpt: 2,
			want: []float64{0.5 / 1.7, 1.2 / 1.7},
		},
		{
			// Actors at 0, 0.5, 1 with weights 1, 1, 2, valuing u = 1 - d.
			// C(0:1) = 0.5, C(1:0) = 0.5 + 1 -> P[0>1] = 1/4;
			// C(0:2) = 1, C(2:0) = 2 -> P[0>2] = 1/3;
			// C(1:2) = 0.5 + 0.5, C(2:1) = 1 -> P[1>2] = 1/2.
			// P0 ~ 1/4 x 1/3 = 2/24, P1 ~ 3/4 x 1/2 = 9/24, P2 ~ 2/3 x 1/2 = 8/24.
			name: "three actors", w: []float64{1, 1, 2},
			u: []float64{1, 0.5, 0, 0.5, 1, 0.5, 0, 0.5, 1}, nOpt: 3,
			want: []float64{2.0 / 19, 9.0 / 19, 8.0 / 19},
		},
		{
			// Nobody cares: every pair is 50:50 and all options equally likely.
			name: "indifferent", w: []float64{5, 5}, u: []float64{1, 1, 1, 1, 1, 1}, nOpt: 3,
			want: []float64{1.0 / 3, 1.0 / 3, 1.0 / 3},
		},
		{
			// A zero-weight actor abstains.
			name: "abstainer", w: []float64{0, 2}, u: []float64{1, 0, 0, 1}, nOpt: 2,
			want: []float64{0, 1},
		},
	} {
		got := ConditionalPCE(c.w, c.u, c.nOpt)
		for i := range c.want {
			if !near(got[i], c.want[i], 1e-7) {
				t.Errorf("%s: P = %v, want %v", c.name, got, c.want)
				break
			}
		}
	}
}

func TestConditionalPCEDoesNotUnderflow(t *testing.T) {
	// 150 options each losing to the favourite with P ~ 1e-8: the plain
	// product would be 0 for all of them.
	n := 150
	w := make([]float64, n)
	u := make([]float64, n*n)
	for a := range w {
		w[a] = 1
		u[a*n] = 1 // everyone prefers option 0 to all others, all of which are worth 0
	}
	p := ConditionalPCE(w, u, n)
	sum := 0.0
	for _, x := range p {
		sum += x
	}
	if !near(sum, 1, 1e-12) || !(p[0] > 0.99) || math.IsNaN(p[1]) {
		t.Errorf("P[0] = %g, sum %g", p[0], sum)
	}
}

func TestRiskFromProbabilities(t *testing.T) {
	for _, c := range []struct{ p, want []float64 }{
		// The three-actor example above: (3p x 19 - 13) / 14.
		{[]float64{2.0 / 19, 9.0 / 19, 8.0 / 19}, []float64{-0.5, 1, 11.0 / 14}},
		{[]float64{0.25, 0.75}, []float64{-0.5, 1}},
		{[]float64{0.5, 0.5}, []float64{0, 0}}, // KTAB's 0/0: neutral
		{[]float64{1}, []float64{0}},
	} {
		got := RiskFromProbabilities(c.p)
		for i := range c.want {
			if !near(got[i], c.want[i], 1e-12) {
				t.Errorf("R(%v) = %v, want %v", c.p, got, c.want)
				break
			}
		}
	}
}

func TestPerceivedRisk(t *testing.T) {
	if got := PerceivedRisk(1, -0.5); !near(got, 0.5, 1e-15) {
		t.Errorf("PerceivedRisk(1, -0.5) = %g, want 0.5", got)
	}
	if got := PerceivedRisk(0.3, 0.3); !near(got, 0.3, 1e-15) {
		t.Errorf("own attitude should be seen as it is, got %g", got)
	}
}

func TestInterpolate(t *testing.T) {
	for _, c := range []struct {
		name                   string
		xi, si, pi, xj, sj, pj float64
		bi, bj                 float64
	}{
		// w_i = 1 x 0.64, w_j = 0.25 x 0.04 = 0.01:
		// (0.64 x 0.2 + 0.01 x 0.6) / 0.65 = 0.20615 -> 0.2062.
		{"weighted", 0.2, 1, 0.8, 0.6, 0.5, 0.2, 0.2062, 0.2062},
		// Equal weights meet half way.
		{"even", 0, 1, 0.5, 1, 1, 0.5, 0.5, 0.5},
		// Nobody has weight: each keeps its own position.
		{"no weight", 0.2, 0, 0.5, 0.6, 0, 0.5, 0.2, 0.6},
		// Rounding would give 0.1235; clamping keeps both at 0.12345.
		{"clamped", 0.12345, 1, 0.5, 0.12345, 1, 0.5, 0.12345, 0.12345},
	} {
		bi, bj := Interpolate(c.xi, c.si, c.pi, c.xj, c.sj, c.pj)
		if !near(bi, c.bi, 1e-12) || !near(bj, c.bj, 1e-12) {
			t.Errorf("%s: bargain (%g, %g), want (%g, %g)", c.name, bi, bj, c.bi, c.bj)
		}
	}
}

// neutral is the risk-neutral utility matrix u = 1 - d of positions x.
func neutral(x []float64) []float64 {
	u := make([]float64, len(x)*len(x))
	for a := range x {
		for b := range x {
			u[a*len(x)+b] = 1 - math.Abs(x[a]-x[b])
		}
	}
	return u
}

func TestChallengeValue(t *testing.T) {
	// Three actors at 0, 1 and 0.25, valuing u = 1 - d, weights 2, 1, 1,
	// saliences 1, 0.5, 0.8; actor 0 challenges actor 1.
	//   i backs itself with 2 x (1 - 0) = 2, j with 1 x (1 - 0) = 1.
	//   Third party 2 leans to i: 1 x (0.75 - 0.25) = 0.5, so in the little
	//   contest p = 2.5 / 3.5 = 5/7; its vote is
	//   5/7 (1 - 0.75) + 2/7 (0.25 - 1) = -1/28, i.e. for j.
	//   P = 2 / (2 + 1 + 1/28) = 56/85.
	//   Actor 0: sq 1, win 2, lose 0: 0.5 x 2 + 0.5 x 2P - 1 = P.
	//   Actor 2: sq 1, win 1.5, lose 0.5: 0.75 + 0.5 (0.5 + P) - 1 = P/2.
	//   Actor 1: sq 1, win 0, lose 2: 0.5 x 2 (1 - P) - 1 = -P.
	x := []float64{0, 1, 0.25}
	c := Contest{N: 3, U: neutral(x), W: []float64{2, 1, 1}, S: []float64{1, 0.5, 0.8}}
	P := 56.0 / 85
	for _, tc := range []struct {
		k    int
		gain float64
	}{{0, P}, {2, P / 2}, {1, -P}} {
		p, g := ChallengeValue(c, tc.k, 0, 1)
		if !near(p, P, 1e-9) || !near(g, tc.gain, 1e-9) {
			t.Errorf("k=%d: P = %g, gain %g; want %g, %g", tc.k, p, g, P, tc.gain)
		}
	}

	// Two equal actors: a fair fight the challenger gains nothing from.
	x2 := []float64{0, 1}
	c2 := Contest{N: 2, U: neutral(x2), W: []float64{1, 1}, S: []float64{1, 1}}
	if p, g := ChallengeValue(c2, 0, 0, 1); !near(p, 0.5, 1e-12) || !near(g, 0, 1e-12) {
		t.Errorf("equal pair: P = %g, gain %g; want 0.5, 0", p, g)
	}
	// A target that does not care (s_j = 0) gives in: the gain is the full
	// victory, 2 - 1.
	c2.S = []float64{1, 0}
	if _, g := ChallengeValue(c2, 0, 0, 1); !near(g, 1, 1e-12) {
		t.Errorf("indifferent target: gain %g, want 1", g)
	}
}
