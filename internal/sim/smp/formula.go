package smp

import "math"

// Constants taken from KTAB, so that the model behaves as KTAB's does.
const (
	// minCoalition is the strength every side of a pairwise contest starts
	// with, so that probabilities are never 0/0 (KTAB kmodel.cpp,
	// Model::coalitions: 1e-8).
	minCoalition = 1e-8
	// minChallenge is the same guard in a challenge between two actors
	// (KTAB smpbcn.cpp, SMPState::probEduChlg: 1e-10).
	minChallenge = 1e-10
	// minGain is the least expected gain worth a challenge (KTAB
	// smpbcn.cpp, SMPState::bestChallenge: 1e-5).
	minGain = 1e-5
	// minBargainWeight keeps the bargain interpolation defined when neither
	// side has any weight (KTAB smp.cpp, SMPActor::interpBrgnSnPm: 1e-6).
	minBargainWeight = 1e-6
	// samePosition is the distance on the [0, 1] scale below which two
	// positions count as one option (KTAB smp.h, SMPModel::posTol: 1e-3).
	samePosition = 1e-3
)

// Utility is the value to an actor of a position at distance d (on the
// [0, 1] scale) from its ideal, given its normalised risk attitude r in
// [-1, 1]: (1 - d)(1 + d r). r = 0 is linear (risk neutral), r = 1 gives
// 1 - d^2 (concave: risk averse) and r = -1 gives (1 - d)^2 (convex: risk
// acceptant). A d slightly above 1 from round-off is handled as KTAB does,
// by (1 - d)(1 + r). Source: KTAB smp.cpp, SMPModel::bsUtil.
func Utility(d, r float64) float64 {
	if d > 1 {
		return (1 - d) * (1 + r)
	}
	return (1 - d) * (1 + d*r)
}

// Vote is the influence an actor of weight w exerts for option a over
// option b under KTAB's default "proportional" voting rule: w (u_a - u_b),
// positive for a, negative for b (KTAB kmodel.cpp, Model::vote). A weight
// of zero abstains (KTAB rejects non-positive weights instead).
func Vote(w, ua, ub float64) float64 { return w * (ua - ub) }

// ConditionalPCE is KTAB's "conditional" probabilistic Condorcet election
// (KTAB kmodel.cpp, Model::coalitions, Model::vProb with the linear
// victory-probability model, and Model::condPCE). Actor a has weight w[a]
// and values option o at u[a*nOpt+o]. For every pair of options the
// coalition for i over j is the sum of all positive votes for i (plus
// minCoalition), and P[i > j] = C(i:j) / (C(i:j) + C(j:i)). The
// probability that option i is the outcome is the probability that it
// beats every other option, normalised over options:
// P_i ~ prod_j P[i > j].
//
// The product is taken in logarithms: with a hundred options it
// underflows float64 otherwise. That changes no value, only the
// arithmetic.
func ConditionalPCE(w, u []float64, nOpt int) []float64 {
	logP := make([]float64, nOpt)
	for i := 0; i < nOpt; i++ {
		for j := 0; j < i; j++ {
			cij, cji := minCoalition, minCoalition
			for a, wa := range w {
				v := Vote(wa, u[a*nOpt+i], u[a*nOpt+j])
				if v > 0 {
					cij += v
				} else {
					cji -= v
				}
			}
			logP[i] += math.Log(cij / (cij + cji))
			logP[j] += math.Log(cji / (cij + cji))
		}
	}
	top := math.Inf(-1)
	for _, l := range logP {
		top = math.Max(top, l)
	}
	p := make([]float64, nOpt)
	sum := 0.0
	for i, l := range logP {
		p[i] = math.Exp(l - top)
		sum += p[i]
	}
	for i := range p {
		p[i] /= sum
	}
	return p
}

// RiskFromProbabilities maps the probability p_i that each actor's
// position prevails to its normalised risk attitude on KTAB's default
// "mid" range [-0.5, 1]: R_i = (3 p_i - (p_max + 2 p_min)) / (2 (p_max -
// p_min)). The actor most likely to prevail is the most risk averse
// (R = 1), the least likely the most risk acceptant (R = -0.5) (KTAB
// kmodel.cpp, Model::bigRfromProb with BigRRange::Mid). When all p_i are
// (nearly) equal, which KTAB leaves as 0/0, every actor is risk neutral.
func RiskFromProbabilities(p []float64) []float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range p {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	r := make([]float64, len(p))
	if !(hi-lo > 1e-9*hi) {
		return r
	}
	for i, x := range p {
		r[i] = clamp((3*x-(hi+2*lo))/(2*(hi-lo)), -0.5, 1) // clamp: round-off only
	}
	return r
}

// PerceivedRisk is h's estimate of i's risk attitude under KTAB's default
// "one third" adjustment: (2 R_h + R_i) / 3, i.e. h projects two thirds
// of its own attitude onto others (KTAB kmodel.cpp, Model::estNRA with
// BigRAdjust::OneThirdRA).
func PerceivedRisk(rh, ri float64) float64 { return (2*rh + ri) / 3 }

// Interpolate is the bargain i proposes after choosing to challenge j,
// KTAB's default "S2P2" rule (KTAB smp.cpp, SMPActor::interpBrgnSnPm with
// n = m = 2): each side is weighted by salience^2 x probability^2,
// w_i = s_i^2 p_i^2, and both move to the weighted mean of their
// positions, i keeping a tiny extra weight on its own position and j on
// its own. Results are rounded to 4 decimals of the [0, 1] scale as KTAB
// does; unlike KTAB we then clamp them to the segment between x_i and x_j,
// so that rounding cannot move a position outside the actors' range.
func Interpolate(xi, si, pi, xj, sj, pj float64) (bi, bj float64) {
	wi := si * si * pi * pi
	wj := sj * sj * pj * pj
	den := wi + wj + minBargainWeight
	lo, hi := math.Min(xi, xj), math.Max(xi, xj)
	bi = clamp(round4(((wi+minBargainWeight)*xi+wj*xj)/den), lo, hi)
	bj = clamp(round4((wi*xi+(wj+minBargainWeight)*xj)/den), lo, hi)
	return bi, bj
}

// round4 rounds half up to 4 decimals, as KTAB's round4 does for the
// non-negative positions it sees.
func round4(x float64) float64 { return math.Floor(x*1e4+0.5) / 1e4 }

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

// Contest holds one perceiver's view of the N actors for ChallengeValue:
// U[a*N+b] is the utility, as the perceiver estimates it, to actor a of
// actor b's position; W[a] = c_a s_a is a's weight in the contest and S[a]
// its salience.
type Contest struct {
	N int
	U []float64
	W []float64
	S []float64
}

// ChallengeValue is the perceiver's estimate of the probability that i
// beats j if i challenges j, and of the expected change in utility to
// actor k of that challenge over the status quo (KTAB smpbcn.cpp,
// SMPState::probEduChlg, with KTAB's default proportional voting and
// "semi-committed" third parties, kmodel.cpp Actor::vProbLittle and
// Actor::thirdPartyVoteSU):
//
//  1. i and j back themselves: i adds w_i (U(i,i) - U(i,j)) to its side,
//     j adds w_j (U(j,j) - U(j,i)) to its own (a negative contribution
//     would go to the other side). Both sides start at minChallenge.
//  2. Every third party n first looks at the little contest of i, j and
//     itself: p_n = P[i wins] once n's plain vote w_n (U(n,i) - U(n,j))
//     is added to the principals' strengths. It then votes
//     w_n [p_n (U(n,n) - U(n,i)) + (1 - p_n)(U(n,j) - U(n,n))], the gain
//     from joining i over joining j when a winning third party keeps its
//     own position and a losing one is pulled to the winner's (this is
//     KTAB's sum-of-utilities form of the semi-committed vote, simplified
//     by cancelling the terms common to both alternatives).
//  3. P = C(i:j) / (C(i:j) + C(j:i)).
//  4. With both positions valued by k, status quo = U(k,i) + U(k,j);
//     victory (j adopts x_i) = 2 U(k,i); defeat = 2 U(k,j). j resists with
//     probability s_j, so the challenge is worth
//     (1 - s_j) victory + s_j [P victory + (1 - P) defeat], and the gain
//     is that minus the status quo.
func ChallengeValue(c Contest, k, i, j int) (p, gain float64) {
	n, u := c.N, c.U
	onI, onJ := minChallenge, minChallenge
	add := func(v float64) {
		if v > 0 {
			onI += v
		} else {
			onJ -= v
		}
	}
	add(Vote(c.W[i], u[i*n+i], u[i*n+j]))
	add(Vote(c.W[j], u[j*n+i], u[j*n+j]))
	baseI, baseJ := onI, onJ
	for t, wt := range c.W[:n] {
		if t == i || t == j || wt == 0 {
			continue
		}
		uti, utj, utt := u[t*n+i], u[t*n+j], u[t*n+t]
		v0 := Vote(wt, uti, utj)
		li, lj := baseI, baseJ
		if v0 > 0 {
			li += v0
		} else {
			lj -= v0
		}
		pt := li / (li + lj)
		add(wt * (pt*(utt-uti) + (1-pt)*(utj-utt)))
	}
	p = onI / (onI + onJ)
	win, lose := 2*u[k*n+i], 2*u[k*n+j]
	sq := u[k*n+i] + u[k*n+j]
	sj := c.S[j]
	return p, (1-sj)*win + sj*(p*win+(1-p)*lose) - sq
}
