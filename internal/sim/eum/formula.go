package eum

import "math"

// Votes returns the votes actor k (at xk, weight w = c_k s_k) casts for
// position xi over xj: w (|xk - xj| - |xk - xi|) / r, where r is the scale's
// range (Bueno de Mesquita 1994, eq. 1; Scholz et al. 2011, eq. 1).
func Votes(w, xk, xi, xj, r float64) float64 {
	return w * (math.Abs(xk-xj) - math.Abs(xk-xi)) / r
}

// Probability returns P_ij, the probability that i's position beats j's if
// i challenges j: the votes cast for i over j divided by all votes cast on
// the pair (Bueno de Mesquita 1994, eq. 2). xs and ws are all actors'
// positions and weights. It returns 0.5 when nobody cares either way.
func Probability(xs, ws []float64, i, j int, r float64) float64 {
	var pro, all float64
	for k := range xs {
		v := Votes(ws[k], xs[k], xs[i], xs[j], r)
		if v > 0 {
			pro += v
		}
		all += math.Abs(v)
	}
	if all == 0 {
		return 0.5
	}
	return pro / all
}

// Utilities holds the five basic utilities of a challenge by i against j.
type Utilities struct {
	// Success is U_s: i wins and j moves to x_i.
	Success float64
	// Failure is U_f: i loses and moves to x_j.
	Failure float64
	// Better is U_b: no challenge, and the outcome moves towards i.
	Better float64
	// Worse is U_w: no challenge, and the outcome moves away from i.
	Worse float64
	// StatusQuo is U_sq: nothing changes.
	StatusQuo float64
}

// BasicUtilities computes the utilities of Scholz et al. (2011, eqs. 5-9),
// after Bueno de Mesquita (1985, "The war trap revisited", APSR 79(1)) and
// 1994: dij = |x_i - x_j| / R and dmu = |x_i - mu| / R are normalised
// distances and r is i's risk exponent.
//
//	U_s  = 2 - 4 (0.5 - 0.5 dij)^r
//	U_f  = 2 - 4 (0.5 + 0.5 dij)^r
//	U_b  = 2 - 4 (0.5 - 0.25 (dmu + dij))^r
//	U_w  = 2 - 4 (0.5 + 0.25 (dmu + dij))^r
//	U_sq = 2 - 4 (0.5)^r
func BasicUtilities(dij, dmu, r float64) Utilities {
	return basicUtilities(dij, dmu, r, true)
}

// basicUtilities skips U_b and U_w (left 0) unless withBW; they only
// matter when Q < 1.
func basicUtilities(dij, dmu, r float64, withBW bool) Utilities {
	u := Utilities{
		Success:   utility(0.5-0.5*dij, r),
		Failure:   utility(0.5+0.5*dij, r),
		StatusQuo: utility(0.5, r),
	}
	if withBW {
		u.Better = utility(0.5-0.25*(dmu+dij), r)
		u.Worse = utility(0.5+0.25*(dmu+dij), r)
	}
	return u
}

// utility is 2 - 4 v^r for v >= 0, with the common exponents done exactly
// without math.Pow.
func utility(v, r float64) float64 {
	v = math.Max(v, 0)
	switch r {
	case 1:
		return 2 - 4*v
	case 2:
		return 2 - 4*v*v
	}
	return 2 - 4*math.Pow(v, r)
}

// ExpectedUtility is EU_i(ij), i's expected utility of challenging j
// (Bueno de Mesquita 1994, eq. 3; Scholz et al. 2011, eq. 4):
//
//	EU = sj [p U_s + (1-p) U_f] + (1-sj) U_s - Q U_sq - (1-Q) [T U_b + (1-T) U_w]
//
// sj is j's salience (the chance j resists), p is P_ij, q is Q (the chance
// the status quo holds without a challenge) and t is T (the chance that,
// if it does not, things get better for i).
func ExpectedUtility(u Utilities, sj, p, q, t float64) float64 {
	challenge := sj*(p*u.Success+(1-p)*u.Failure) + (1-sj)*u.Success
	noChallenge := q*u.StatusQuo + (1-q)*(t*u.Better+(1-t)*u.Worse)
	return challenge - noChallenge
}

// RiskExponent maps a risk attitude R in [-1, 1] to the exponent
// r = (1 - R/3) / (1 + R/3) in [0.5, 2] (Bueno de Mesquita 1985; Scholz
// et al. 2011, eq. 11). R = 0 gives r = 1 (risk neutral).
func RiskExponent(risk float64) float64 {
	return (1 - risk/3) / (1 + risk/3)
}

// RiskAttitude is R_i = (2 danger - max - min) / (max - min), placing an
// actor's danger (the sum of the expected utilities others get from
// challenging it) between the least and most threatened reference values
// (Scholz et al. 2011, eq. 10). It returns 0 when max == min.
func RiskAttitude(danger, lo, hi float64) float64 {
	if !(hi > lo) {
		return 0
	}
	return (2*danger - hi - lo) / (hi - lo)
}

// OfferType names the outcome of one dyad as the receiving actor sees it.
type OfferType string

// The offer types of Bueno de Mesquita (1994, fig. 4.2) that move an actor.
const (
	// Conflict: both want to challenge; the one with the smaller expected
	// utility loses and moves to the winner's position.
	Conflict OfferType = "conflict"
	// Compromise: the proposer gains more than the receiver loses; the
	// receiver moves part of the way, the fraction |EU_i| / EU_j.
	Compromise OfferType = "compromise"
	// Capitulation: the receiver stands to lose at least what the proposer
	// gains and gives in completely.
	Capitulation OfferType = "capitulation"
)

// Classify decides what receiver i does about proposer j, given
// a = EU_i(ij) and b = EU_j(ji) as i perceives them, and the positions. It
// returns the offer type and i's new position; ok is false when j makes i
// no offer (j does not want to challenge, or i would win a conflict).
func Classify(a, b, xi, xj float64) (t OfferType, pos float64, ok bool) {
	switch {
	case b <= 0:
		return "", xi, false
	case a > 0 && b > a:
		return Conflict, xj, true
	case a > 0:
		return "", xi, false
	case a < 0 && -a < b:
		return Compromise, xi + (xj-xi)*(-a/b), true
	case a < 0:
		return Capitulation, xj, true
	default: // a == 0: i is indifferent, j gains: i concedes nothing yet.
		return "", xi, false
	}
}
