package smp

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/detente-project/detente/internal/sim/spatial"
)

// Options are the model's settings. Start from DefaultOptions.
type Options struct {
	// Forecast picks how a state's outcome probabilities become one
	// number: "mean" (their expected position) or "mode" (the most likely
	// position). KTAB reports only the probabilities; both are ours.
	Forecast string
	// Risk picks the actors' risk attitudes: "inferred" (KTAB: recomputed
	// every round from how likely each actor's position is to prevail) or
	// "neutral" (R = 0 for all). Actors with a fixed risk attitude keep it
	// in both modes, mapped as R = -risk (the scenario's +1 is risk
	// acceptant, KTAB's +1 risk averse).
	Risk string
	// MaxRounds bounds the rounds played (KTAB's configExec: 100).
	MaxRounds int
	// MinRounds is the fewest rounds before the stopping rule may end the
	// run (KTAB: 2).
	MinRounds int
	// DeltaRatio stops the run once the total movement of all actors in a
	// round falls below this fraction of the movement in round 1 (KTAB
	// smp.cpp, smpStopFn: 0.02).
	DeltaRatio float64
	// Record keeps every round in the Result.
	Record bool
}

// DefaultOptions are KTAB's defaults for its command-line SMP.
func DefaultOptions() Options {
	return Options{Forecast: "mean", Risk: "inferred", MaxRounds: 100, MinRounds: 2, DeltaRatio: 0.02, Record: true}
}

// Validate checks option values.
func (o Options) Validate() error {
	if o.Forecast != "mean" && o.Forecast != "mode" {
		return fmt.Errorf("smp option forecast=%q: want mean or mode", o.Forecast)
	}
	if o.Risk != "inferred" && o.Risk != "neutral" {
		return fmt.Errorf("smp option risk=%q: want inferred or neutral", o.Risk)
	}
	if o.MaxRounds < 1 || o.MinRounds < 1 || !(o.DeltaRatio >= 0) {
		return fmt.Errorf("smp options need MaxRounds >= 1, MinRounds >= 1 and DeltaRatio >= 0")
	}
	return nil
}

// Challenge is one actor's best challenge in a round and the bargain it
// proposed.
type Challenge struct {
	// From challenges To (indices into the input actors).
	From, To int
	// Prob is From's estimate that it would win; Gain its expected gain
	// in utility over the status quo.
	Prob, Gain float64
	// FromPosition and ToPosition are the bargain: where each would move.
	FromPosition, ToPosition float64
	// FromAccepted and ToAccepted mark who chose this bargain.
	FromAccepted, ToAccepted bool
}

// Round is one state of the model (round 0 is the input).
type Round struct {
	// Positions holds every actor's position, in input order.
	Positions []float64
	// Risk holds each actor's normalised risk attitude R_i in this state
	// (KTAB's convention: -1 risk acceptant, +1 risk averse).
	Risk []float64
	// Probabilities holds the probability that each actor's position is
	// the outcome (actors sharing a position share it).
	Probabilities []float64
	// Forecast is the state's outcome (see Options.Forecast).
	Forecast float64
	// Challenges lists the challenges made in the round leading here.
	Challenges []Challenge
}

// Result is a finished simulation.
type Result struct {
	// Outcome is the forecast of the last state.
	Outcome float64
	// Rounds holds round 0 and every round played, if Options.Record.
	Rounds []Round
	// Played is the number of rounds played.
	Played int
	// Converged is true when the stopping rule, not MaxRounds, ended it.
	Converged bool
}

// Simulate runs the model on actors until positions settle.
func Simulate(ctx context.Context, actors []spatial.Actor, s spatial.Scale, o Options) (Result, error) {
	if err := o.Validate(); err != nil {
		return Result{}, err
	}
	if err := spatial.Validate(actors, s); err != nil {
		return Result{}, fmt.Errorf("smp: %w", err)
	}
	m := newModel(actors, s, o)
	res := Result{}
	m.setRisk()
	probs, mu := m.distribution()
	if o.Record {
		res.Rounds = append(res.Rounds, m.record(probs, mu, nil))
	}
	first := 0.0
	for res.Played < o.MaxRounds {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		chals, moved := m.round()
		res.Played++
		m.setRisk()
		probs, mu = m.distribution()
		if o.Record {
			res.Rounds = append(res.Rounds, m.record(probs, mu, chals))
		}
		// KTAB smp.cpp, smpStopFn: compare this round's total movement
		// with round 1's (plus 1e-4, KTAB's guard against 0/0).
		if res.Played == 1 {
			first = moved + 1e-4
		}
		if res.Played >= o.MinRounds && moved/first < o.DeltaRatio {
			res.Converged = true
			break
		}
	}
	res.Outcome = mu
	return res, nil
}

// model is the state of one simulation. Actors are kept in a canonical
// order (by position, then salience, capability, risk and name) so that
// the result does not depend on the order they were given in; order maps
// a canonical index back to the caller's.
type model struct {
	o     Options
	scale spatial.Scale
	n     int
	order []int
	x     []float64 // positions on [0, 1]
	s     []float64 // saliences
	c     []float64 // capabilities, rescaled to mean 100
	w     []float64 // c x s, the weight in a challenge
	fixed []bool    // risk attitude given
	fixR  []float64
	r     []float64 // current risk attitudes R_i
	u     []float64 // scratch n x n utility matrix
}

func newModel(actors []spatial.Actor, s spatial.Scale, o Options) *model {
	n := len(actors)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		x, y := actors[a], actors[b]
		return cmp.Or(cmp.Compare(x.Position, y.Position), cmp.Compare(x.Salience, y.Salience),
			cmp.Compare(x.Capability, y.Capability), cmp.Compare(boolInt(x.HasRisk), boolInt(y.HasRisk)),
			cmp.Compare(x.Risk, y.Risk), cmp.Compare(x.Name, y.Name))
	})
	m := &model{o: o, scale: s, n: n, order: order, x: make([]float64, n), s: make([]float64, n),
		c: make([]float64, n), w: make([]float64, n), fixed: make([]bool, n), fixR: make([]float64, n),
		r: make([]float64, n), u: make([]float64, n*n)}
	total := 0.0
	for k, i := range order {
		a := actors[i]
		m.x[k] = clamp((a.Position-s.Min)/s.Range(), 0, 1)
		m.s[k] = a.Salience
		total += a.Capability
		if a.HasRisk {
			m.fixed[k], m.fixR[k] = true, clamp(-a.Risk, -1, 1)
		}
	}
	// Capabilities only matter relative to each other, but KTAB's small
	// constants assume magnitudes like its sample data (10-200). Rescaling
	// to mean 100 keeps them in that range, and doubling every capability
	// gives bit-identical weights.
	f := 100 * float64(n) / total
	for k, i := range order {
		m.c[k] = actors[i].Capability * f
		m.w[k] = m.c[k] * m.s[k]
	}
	return m
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// setRisk sets every actor's risk attitude for the current positions
// (KTAB smp.cpp, SMPState::setAllAUtil): a conditional PCE over all
// actors' positions, valued risk-neutrally (u = 1 - d) and voted with
// capabilities, gives each position's chance to prevail; those become R_i.
func (m *model) setRisk() {
	if m.o.Risk == "inferred" {
		n := m.n
		for a := 0; a < n; a++ {
			for b := 0; b < n; b++ {
				m.u[a*n+b] = Utility(math.Abs(m.x[a]-m.x[b]), 0)
			}
		}
		copy(m.r, RiskFromProbabilities(ConditionalPCE(m.c, m.u, n)))
	} else {
		clear(m.r)
	}
	for k, f := range m.fixed {
		if f {
			m.r[k] = m.fixR[k]
		}
	}
}

// distribution returns each actor's probability that its position is the
// outcome, and the forecast (KTAB smp.cpp, SMPState::pDist with
// perspective -1: every actor values the distinct positions with its own
// risk attitude; positions closer than samePosition are one option).
func (m *model) distribution() ([]float64, float64) {
	n := m.n
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(m.x[a], m.x[b]) })
	group := make([]int, n) // actor -> option
	var opts []float64      // option positions: each group's first member
	for _, i := range idx {
		if len(opts) == 0 || m.x[i]-opts[len(opts)-1] >= samePosition {
			opts = append(opts, m.x[i])
		}
		group[i] = len(opts) - 1
	}
	no := len(opts)
	u := make([]float64, n*no)
	for a := 0; a < n; a++ {
		for o, y := range opts {
			u[a*no+o] = Utility(math.Abs(m.x[a]-y), m.r[a])
		}
	}
	p := ConditionalPCE(m.c, u, no)
	mu, best := 0.0, 0
	for o, y := range opts {
		mu += p[o] * y
		if p[o] > p[best] {
			best = o
		}
	}
	if m.o.Forecast == "mode" {
		mu = opts[best]
	}
	probs := make([]float64, n)
	for i := range probs {
		probs[i] = p[group[i]]
	}
	return probs, m.unscale(clamp(mu, opts[0], opts[no-1]))
}

func (m *model) unscale(x float64) float64 { return m.scale.Min + x*m.scale.Range() }

// bargain is a proposed pair of moves: init to bi, rcvr to br.
type bargain struct {
	init, rcvr int
	bi, br     float64
	chal       int // index into the round's challenges
}

// round plays one round (KTAB smpbcn.cpp, SMPState::doBCN): every actor
// picks its best challenge and proposes a bargain; every actor then
// chooses, among the status quo and the bargains it is party to, the one
// a capability-weighted vote of all actors most likely prefers; all move
// at once. It returns the challenges (in input indices) and the total
// distance moved on the [0, 1] scale.
func (m *model) round() ([]Challenge, float64) {
	n := m.n
	var chals []Challenge
	var bargains []bargain
	queue := make([][]int, n) // actor -> bargains it is party to
	for i := 0; i < n; i++ {
		// i's view: U(a, b) is a's utility of b's position with the risk
		// attitude i attributes to a.
		for a := 0; a < n; a++ {
			ra := PerceivedRisk(m.r[i], m.r[a])
			for b := 0; b < n; b++ {
				m.u[a*n+b] = Utility(math.Abs(m.x[a]-m.x[b]), ra)
			}
		}
		c := Contest{N: n, U: m.u, W: m.w, S: m.s}
		// KTAB smpbcn.cpp, SMPState::bestChallenge: the target with the
		// largest expected gain, if any gain exceeds minGain.
		best, bestP, bestGain := -1, 0.0, minGain
		for j := 0; j < n; j++ {
			if j == i {
				continue
			}
			if p, g := ChallengeValue(c, i, i, j); g > bestGain {
				best, bestP, bestGain = j, p, g
			}
		}
		if best < 0 {
			continue
		}
		// KTAB's default bargain model (InitOnlyInterp): the challenger's
		// interpolation is offered to both sides.
		bi, br := Interpolate(m.x[i], m.s[i], bestP, m.x[best], m.s[best], 1-bestP)
		queue[i] = append(queue[i], len(bargains))
		queue[best] = append(queue[best], len(bargains))
		bargains = append(bargains, bargain{init: i, rcvr: best, bi: bi, br: br, chal: len(chals)})
		chals = append(chals, Challenge{From: m.order[i], To: m.order[best], Prob: bestP, Gain: bestGain,
			FromPosition: m.unscale(bi), ToPosition: m.unscale(br)})
	}

	// Every actor's own valuation of every current position, and its sum.
	own := func(a int, y float64) float64 { return Utility(math.Abs(m.x[a]-y), m.r[a]) }
	sum := make([]float64, n)
	for a := 0; a < n; a++ {
		for b := 0; b < n; b++ {
			sum[a] += own(a, m.x[b])
		}
	}
	next := append([]float64(nil), m.x...)
	for k := 0; k < n; k++ {
		if len(queue[k]) == 0 {
			continue
		}
		// Options: the status quo, then k's bargains. An option's value
		// to actor a is its mean utility over all positions once the
		// bargain is carried out (KTAB's brgnUtil).
		no := 1 + len(queue[k])
		u := make([]float64, n*no)
		for a := 0; a < n; a++ {
			u[a*no] = sum[a] / float64(n)
			for q, bk := range queue[k] {
				b := bargains[bk]
				v := sum[a] - own(a, m.x[b.init]) - own(a, m.x[b.rcvr]) + own(a, b.bi) + own(a, b.br)
				u[a*no+q+1] = v / float64(n)
			}
		}
		p := ConditionalPCE(m.c, u, no)
		pick := 0 // KTAB's deterministic mode: the most likely option
		for q := range p {
			if p[q] > p[pick] {
				pick = q
			}
		}
		if pick == 0 {
			continue
		}
		b := bargains[queue[k][pick-1]]
		if b.init == k {
			next[k] = b.bi
			chals[b.chal].FromAccepted = true
		} else {
			next[k] = b.br
			chals[b.chal].ToAccepted = true
		}
	}
	moved := 0.0
	for k := range next {
		moved += math.Abs(next[k] - m.x[k])
	}
	m.x = next
	return chals, moved
}

// record returns the state in input order.
func (m *model) record(probs []float64, mu float64, chals []Challenge) Round {
	rd := Round{Positions: make([]float64, m.n), Risk: make([]float64, m.n), Probabilities: make([]float64, m.n),
		Forecast: mu, Challenges: chals}
	for k, i := range m.order {
		rd.Positions[i] = m.unscale(m.x[k])
		rd.Risk[i] = m.r[k]
		rd.Probabilities[i] = probs[k]
	}
	slices.SortStableFunc(rd.Challenges, func(a, b Challenge) int { return cmp.Compare(a.From, b.From) })
	return rd
}
