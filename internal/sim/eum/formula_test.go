package eum

import (
	"math"
	"testing"
)

// The three-actor case used throughout, on a scale [0, 100] (R = 100):
//
//	A: x = 0,   c = 2, s = 0.5  -> w = 1
//	B: x = 50,  c = 1, s = 1    -> w = 1
//	C: x = 100, c = 5, s = 0.5  -> w = 2.5
var (
	threeX = []float64{0, 50, 100}
	threeW = []float64{1, 1, 2.5}
)

const eps = 1e-12

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.15g, want %.15g", what, got, want)
	}
}

func TestVotesByHand(t *testing.T) {
	// Votes for A (0) over B (50), normalised by R = 100:
	// A: 1 (0.5 - 0) = 0.5; B: 1 (0 - 0.5) = -0.5; C: 2.5 (0.5 - 1) = -1.25.
	want := []float64{0.5, -0.5, -1.25}
	for k := range threeX {
		near(t, "votes", Votes(threeW[k], threeX[k], threeX[0], threeX[1], 100), want[k], eps)
	}
}

func TestProbabilityByHand(t *testing.T) {
	tests := []struct {
		i, j int
		want float64
	}{
		// P_AB = 0.5 / (0.5 + 0.5 + 1.25) = 2/9, so P_BA = 7/9.
		{0, 1, 2.0 / 9}, {1, 0, 7.0 / 9},
		// A over C: A 1 (1 - 0) = 1, B 0.5 (0.5 - 0.5) = 0, C 2.5 (0 - 1) = -2.5:
		// P_AC = 1 / 3.5 = 2/7, P_CA = 5/7.
		{0, 2, 2.0 / 7}, {2, 0, 5.0 / 7},
		// B over C: A 1 (1 - 0.5) = 0.5, B 1 (0.5 - 0) = 0.5, C 2.5 (0 - 0.5) = -1.25:
		// P_BC = 1 / 2.25 = 4/9, P_CB = 5/9.
		{1, 2, 4.0 / 9}, {2, 1, 5.0 / 9},
	}
	for _, tt := range tests {
		near(t, "P", Probability(threeX, threeW, tt.i, tt.j, 100), tt.want, eps)
	}
	// Nobody cares: 0.5.
	near(t, "P no weight", Probability(threeX, []float64{0, 0, 0}, 0, 1, 100), 0.5, 0)
}

func TestBasicUtilitiesByHand(t *testing.T) {
	tests := []struct {
		name          string
		dij, dmu, r   float64
		s, f, b, w, q float64
	}{
		// r = 1 is linear: U_s = 2d, U_f = -2d, U_b = (dmu + d), U_w = -(dmu + d), U_sq = 0.
		{"neutral", 0.5, 0.25, 1, 1, -1, 0.75, -0.75, 0},
		// r = 2, d = dmu = 0.5: U_s = 2 - 4 (0.25)^2 = 1.75, U_f = 2 - 4 (0.75)^2 = -0.25,
		// U_b = 2 - 4 (0.5 - 0.25)^2 = 1.75, U_w = 2 - 4 (0.75)^2 = -0.25, U_sq = 2 - 4 (0.25) = 1.
		{"averse", 0.5, 0.5, 2, 1.75, -0.25, 1.75, -0.25, 1},
		// r = 0.5, d = 1, dmu = 0: U_s = 2 - 4 sqrt(0) = 2, U_f = 2 - 4 sqrt(1) = -2,
		// U_b = 2 - 4 sqrt(0.25) = 0, U_w = 2 - 4 sqrt(0.75) = 2 - 2 sqrt(3),
		// U_sq = 2 - 4 sqrt(0.5) = 2 - 2 sqrt(2).
		{"acceptant", 1, 0, 0.5, 2, -2, 0, 2 - 2*math.Sqrt(3), 2 - 2*math.Sqrt(2)},
	}
	for _, tt := range tests {
		u := BasicUtilities(tt.dij, tt.dmu, tt.r)
		near(t, tt.name+" U_s", u.Success, tt.s, eps)
		near(t, tt.name+" U_f", u.Failure, tt.f, eps)
		near(t, tt.name+" U_b", u.Better, tt.b, eps)
		near(t, tt.name+" U_w", u.Worse, tt.w, eps)
		near(t, tt.name+" U_sq", u.StatusQuo, tt.q, eps)
	}
}

func TestExpectedUtilityByHand(t *testing.T) {
	// With r = 1 and Q = 1: EU_i(ij) = 2d [1 - 2 s_j (1 - P_ij)].
	lin := func(d float64) Utilities { return BasicUtilities(d, 0, 1) }
	tests := []struct {
		name     string
		u        Utilities
		sj, p, q float64
		t, want  float64
	}{
		// EU_A(AB): d = 0.5, s_B = 1, P_AB = 2/9: 1 (1 - 2 (7/9)) = -5/9.
		{"A vs B", lin(0.5), 1, 2.0 / 9, 1, 1, -5.0 / 9},
		// EU_B(BA): d = 0.5, s_A = 0.5, P_BA = 7/9: 1 (1 - (2/9)) = 7/9.
		{"B vs A", lin(0.5), 0.5, 7.0 / 9, 1, 1, 7.0 / 9},
		// EU_A(AC): d = 1, s_C = 0.5, P_AC = 2/7: 2 (1 - 5/7) = 4/7.
		{"A vs C", lin(1), 0.5, 2.0 / 7, 1, 1, 4.0 / 7},
		// EU_C(CA): d = 1, s_A = 0.5, P_CA = 5/7: 2 (1 - 2/7) = 10/7.
		{"C vs A", lin(1), 0.5, 5.0 / 7, 1, 1, 10.0 / 7},
		// EU_B(BC): d = 0.5, s_C = 0.5, P_BC = 4/9: 1 - 5/9 = 4/9.
		{"B vs C", lin(0.5), 0.5, 4.0 / 9, 1, 1, 4.0 / 9},
		// EU_C(CB): d = 0.5, s_B = 1, P_CB = 5/9: 1 - 8/9 = 1/9.
		{"C vs B", lin(0.5), 1, 5.0 / 9, 1, 1, 1.0 / 9},
		// r = 2 utilities (1.75, -0.25, 1.75, -0.25, 1), s_j = 0.5, P = 0.25, Q = 0.5:
		// challenge = 0.5 (0.25*1.75 + 0.75*(-0.25)) + 0.5*1.75 = 0.125 + 0.875 = 1;
		// T = 1: no challenge = 0.5*1 + 0.5*1.75 = 1.375, EU = -0.375;
		// T = 0: no challenge = 0.5*1 + 0.5*(-0.25) = 0.375, EU = 0.625.
		{"Q T=1", BasicUtilities(0.5, 0.5, 2), 0.5, 0.25, 0.5, 1, -0.375},
		{"Q T=0", BasicUtilities(0.5, 0.5, 2), 0.5, 0.25, 0.5, 0, 0.625},
	}
	for _, tt := range tests {
		near(t, tt.name, ExpectedUtility(tt.u, tt.sj, tt.p, tt.q, tt.t), tt.want, eps)
	}
}

func TestRiskByHand(t *testing.T) {
	// r = (1 - R/3) / (1 + R/3): R = 1 -> (2/3)/(4/3) = 0.5, R = -1 -> 2, R = 0 -> 1.
	near(t, "r(1)", RiskExponent(1), 0.5, eps)
	near(t, "r(-1)", RiskExponent(-1), 2, eps)
	near(t, "r(0)", RiskExponent(0), 1, eps)
	// R = (2*3 - 4 - 1) / (4 - 1) = 1/3.
	near(t, "R", RiskAttitude(3, 1, 4), 1.0/3, eps)
	near(t, "R flat", RiskAttitude(3, 3, 3), 0, 0)
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name string
		a, b float64
		want OfferType
		pos  float64
		ok   bool
	}{
		{"conflict lost", 1, 2, Conflict, 100, true},
		{"conflict won", 2, 1, "", 0, false},
		// |a| = 1 < b = 4: move 1/4 of the way from 0 to 100.
		{"compromise", -1, 4, Compromise, 25, true},
		{"capitulation", -4, 1, Capitulation, 100, true},
		{"no challenge", -1, -1, "", 0, false},
		{"proposer gains nothing", 1, -1, "", 0, false},
	}
	for _, tt := range tests {
		got, pos, ok := Classify(tt.a, tt.b, 0, 100)
		if got != tt.want || ok != tt.ok || (ok && math.Abs(pos-tt.pos) > eps) {
			t.Errorf("%s: Classify(%g, %g) = %q %g %v, want %q %g %v", tt.name, tt.a, tt.b, got, pos, ok, tt.want, tt.pos, tt.ok)
		}
	}
}
