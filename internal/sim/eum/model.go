package eum

import (
	"context"
	"fmt"
	"math"

	"github.com/detente-project/detente/internal/sim/baseline"
	"github.com/detente-project/detente/internal/sim/spatial"
)

// Options are the model's settings. The zero value is not usable; start
// from DefaultOptions.
type Options struct {
	// Q is the probability that the status quo holds if i does not
	// challenge j. Scholz et al. (2011) and the public ports of their
	// replication use 1; Eftekhari & Rahimi (2014, "Preana", Natural
	// Science 6(13)) note that BDM's publications use Q = 1 in some
	// applications and Q = 0.5 in others.
	Q float64
	// T is the probability that, if the status quo does not hold, the
	// outcome moves towards i. Only matters when Q < 1. Default 1, as in
	// the public ports of Scholz et al.
	T float64
	// Forecast picks the per-round forecast mu: "median" (the median
	// voter, i.e. weighted median, of BDM 1994 and Scholz et al.) or
	// "mean" (the capability x salience weighted mean of positions, the
	// forecast of BDM's later model as described in The Predictioneer's
	// Game, 2009, appendix).
	Forecast string
	// Risk picks how risk exponents are set each round: "scholz" (an
	// actor's danger relative to the least and most threatened actors, as
	// Scholz et al. 2011 compute it), "positions" (relative to the danger
	// the actor would face at each position actors currently hold, the
	// reading of BDM 1985/1994's security levels that a public port argues
	// for; O(n^4) per round) or "neutral" (r = 1 for all). Actors with a
	// fixed risk attitude keep it in every mode.
	Risk string
	// Perspective picks whose risk exponent i uses for j's expected utility
	// EU_j(ji) when classifying offers: "own" (j's own, perceptions are
	// accurate) or "perceiver" (i's, as one public port reads BDM and
	// Scholz et al.: everything is computed from i's point of view).
	Perspective string
	// Selection picks the offer an actor accepts: "least-move" (the offer
	// that changes its position least, BDM 1994 as read by Scholz et al.;
	// between equal moves, the one whose proposer expects most from it)
	// or "strongest" (the offer whose proposer expects most from it, as
	// D. Masad's port chooses; between equals, the least move).
	Selection string
	// Denominator picks the denominator of P_ij: "pair" (all votes cast on
	// the pair i, j: BDM 1994, so P_ij + P_ji = 1) or "all" (all votes on
	// every pair of positions, which a public port reports Scholz et al.'s
	// own code to use; makes probabilities small).
	Denominator string
	// Stop picks the stopping rule: "outcome" (the forecast moves less
	// than Tolerance x range in each of Patience consecutive rounds: our
	// operational form of BDM's rule that bargaining ends once further
	// rounds no longer change the expected outcome) or "positions" (no
	// actor moves more than Tolerance x range; positions can creep towards
	// the forecast for hundreds of rounds, cf. Scholz et al. on convergence).
	Stop string
	// Range picks the length R that distances are divided by: "scale"
	// (the scale, so an actor's utility does not depend on who
	// else takes part) or "positions" (the spread of the initial
	// positions, as the public ports of Scholz et al. do). They agree when
	// the positions span the scale.
	Range string
	// Tolerance is the stopping threshold as a fraction of the scale.
	Tolerance float64
	// Patience is how many consecutive rounds the outcome rule needs the
	// forecast to stay within Tolerance before it stops.
	Patience int
	// MaxRounds bounds the number of rounds.
	MaxRounds int
	// Record keeps per-round positions and the offers actors accepted in
	// the Result.
	Record bool
	// AllOffers, with Record, keeps every offer made, accepted or not: up
	// to n(n-1) per round, against at most n accepted.
	AllOffers bool
}

// DefaultOptions follows Scholz et al. (2011).
func DefaultOptions() Options {
	return Options{Q: 1, T: 1, Forecast: "median", Risk: "scholz", Perspective: "own",
		Selection: "least-move", Denominator: "pair", Stop: "outcome", Range: "scale",
		Tolerance: 1e-4, Patience: 5, MaxRounds: 100, Record: true}
}

// Validate checks option values.
func (o Options) Validate() error {
	oneOf := func(name, v string, allowed ...string) error {
		for _, a := range allowed {
			if v == a {
				return nil
			}
		}
		return fmt.Errorf("eum option %s=%q: want one of %v", name, v, allowed)
	}
	for _, err := range []error{
		oneOf("forecast", o.Forecast, "median", "mean"),
		oneOf("risk", o.Risk, "scholz", "positions", "neutral"),
		oneOf("perspective", o.Perspective, "own", "perceiver"),
		oneOf("selection", o.Selection, "least-move", "strongest"),
		oneOf("denominator", o.Denominator, "pair", "all"),
		oneOf("stop", o.Stop, "positions", "outcome"),
		oneOf("range", o.Range, "scale", "positions"),
	} {
		if err != nil {
			return err
		}
	}
	if !(o.Q >= 0 && o.Q <= 1) || !(o.T >= 0 && o.T <= 1) {
		return fmt.Errorf("eum options Q=%g T=%g must lie in [0, 1]", o.Q, o.T)
	}
	if o.MaxRounds < 1 || !(o.Tolerance >= 0) || o.Patience < 1 {
		return fmt.Errorf("eum options need MaxRounds >= 1, Patience >= 1 and Tolerance >= 0")
	}
	return nil
}

// Offer is one accepted or proposed move in a round.
type Offer struct {
	// From is the proposer's index, To the receiver's.
	From, To int
	// Type is conflict, compromise or capitulation.
	Type OfferType
	// Position is where the receiver would move.
	Position float64
	// EUTo and EUFrom are EU_To(To,From) and EU_From(From,To) as the
	// receiver perceives them.
	EUTo, EUFrom float64
	// Accepted marks the offer the receiver took.
	Accepted bool
}

// Round is the state after one round (round 0 is the input).
type Round struct {
	// Positions holds every actor's position, in input order.
	Positions []float64
	// Risk holds the risk exponents r_i used in the round (nil for round 0).
	Risk []float64
	// Forecast is mu, the model's forecast given Positions.
	Forecast float64
	// Offers lists the offers accepted in the round, or every offer made
	// with Options.AllOffers.
	Offers []Offer
}

// Result is a finished simulation.
type Result struct {
	// Outcome is the forecast after the last round.
	Outcome float64
	// Rounds holds round 0 and every round played, if Options.Record.
	Rounds []Round
	// Played is the number of rounds played.
	Played int
	// Converged is true when the stopping rule, not MaxRounds, ended it.
	Converged bool
}

// Simulate runs the model on actors until the stopping rule holds.
func Simulate(ctx context.Context, actors []spatial.Actor, s spatial.Scale, o Options) (Result, error) {
	if err := o.Validate(); err != nil {
		return Result{}, err
	}
	if err := spatial.Validate(actors, s); err != nil {
		return Result{}, fmt.Errorf("eum: %w", err)
	}
	m := newModel(actors, s, o)
	res := Result{}
	mu := m.forecast()
	if o.Record {
		res.Rounds = append(res.Rounds, Round{Positions: clone(m.x), Forecast: mu})
	}
	calm := 0
	for res.Played < o.MaxRounds {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		offers, moved := m.round(mu)
		res.Played++
		next := m.forecast()
		if o.Record {
			res.Rounds = append(res.Rounds, Round{Positions: clone(m.x), Risk: clone(m.r), Forecast: next, Offers: kept(offers, o.AllOffers)})
		}
		need, change := 1, moved
		if o.Stop == "outcome" {
			need, change = o.Patience, math.Abs(next-mu)
		}
		mu = next
		calm++
		if change > o.Tolerance*m.rng {
			calm = 0
		}
		if calm >= need {
			res.Converged = true
			break
		}
	}
	res.Outcome = mu
	return res, nil
}

// model is the mutable state of one simulation.
type model struct {
	o      Options
	actors []spatial.Actor
	x, w   []float64   // positions, weights c*s
	r      []float64   // risk exponents
	p      [][]float64 // P_ij
	e      [][]float64 // EU_i(ij) with r_i
	sq     []float64   // U_sq per actor
	rng    float64
}

func newModel(actors []spatial.Actor, s spatial.Scale, o Options) *model {
	n := len(actors)
	m := &model{o: o, actors: actors, x: make([]float64, n), w: make([]float64, n),
		r: make([]float64, n), p: make([][]float64, n), e: make([][]float64, n), sq: make([]float64, n), rng: s.Range()}
	for i, a := range actors {
		m.x[i], m.w[i], m.r[i] = a.Position, a.Weight(), 1
		m.p[i] = make([]float64, n)
		m.e[i] = make([]float64, n)
	}
	if lo, hi := spatial.Bounds(actors); o.Range == "positions" && hi > lo {
		m.rng = hi - lo
	}
	return m
}

// forecast is mu for the current positions.
func (m *model) forecast() float64 {
	cur := m.current()
	if m.o.Forecast == "mean" {
		return baseline.Mean(cur)
	}
	return baseline.Median(cur)
}

// current returns the actors at their current positions.
func (m *model) current() []spatial.Actor {
	cur := make([]spatial.Actor, len(m.actors))
	for i, a := range m.actors {
		a.Position = m.x[i]
		cur[i] = a
	}
	return cur
}

// round plays one round given the forecast mu and returns the offers and
// the largest move.
func (m *model) round(mu float64) ([]Offer, float64) {
	m.probabilities()
	m.riskExponents(mu)
	offers := m.offers(mu)
	best := make([]int, len(m.x))
	for i := range best {
		best[i] = -1
	}
	for k, of := range offers {
		if b := best[of.To]; b < 0 || m.better(of, offers[b]) {
			best[of.To] = k
		}
	}
	moved := 0.0
	for i, k := range best {
		if k < 0 {
			continue
		}
		offers[k].Accepted = true
		moved = math.Max(moved, math.Abs(offers[k].Position-m.x[i]))
		m.x[i] = offers[k].Position
	}
	return offers, moved
}

// better reports whether offer a beats offer b for their receiver. Equal
// moves (least-move) go to the proposer that expects more from its offer,
// as the strongest rule would choose; only offers alike in both are told
// apart by position. Preferring the lower position outright, as before,
// made the forecast depend on which end of the scale is 0.
func (m *model) better(a, b Offer) bool {
	xi := m.x[a.To]
	da, db := math.Abs(a.Position-xi), math.Abs(b.Position-xi)
	if m.o.Selection == "strongest" && a.EUFrom != b.EUFrom {
		return a.EUFrom > b.EUFrom
	}
	if da != db {
		return da < db
	}
	if a.EUFrom != b.EUFrom {
		return a.EUFrom > b.EUFrom
	}
	return a.Position < b.Position // mirror-image offers: order-free
}

// probabilities fills m.p with P_ij for the current positions.
func (m *model) probabilities() {
	n := len(m.x)
	all := 0.0
	if m.o.Denominator == "all" {
		for k := 0; k < n; k++ {
			for a := 0; a < n; a++ {
				for b := 0; b < n; b++ {
					all += math.Abs(Votes(m.w[k], m.x[k], m.x[a], m.x[b], m.rng))
				}
			}
		}
	}
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i == j || m.x[i] == m.x[j] {
				m.p[i][j] = 0
				continue
			}
			m.p[i][j] = Probability(m.x, m.w, i, j, m.rng)
			if all > 0 {
				m.p[i][j] = m.pro(i, j) / all
			}
		}
	}
}

// pro is the sum of positive votes for i over j.
func (m *model) pro(i, j int) float64 {
	s := 0.0
	for k := range m.x {
		s += math.Max(0, Votes(m.w[k], m.x[k], m.x[i], m.x[j], m.rng))
	}
	return s
}

// eu is EU_i(ij) with risk exponent r, i standing at xi.
func (m *model) eu(i, j int, xi, p, r, mu float64) float64 {
	u := basicUtilities(math.Abs(xi-m.x[j])/m.rng, math.Abs(xi-mu)/m.rng, r, m.o.Q < 1)
	return ExpectedUtility(u, m.actors[j].Salience, p, m.o.Q, m.o.T)
}

// riskExponents sets m.r for the round.
func (m *model) riskExponents(mu float64) {
	n := len(m.x)
	danger := make([]float64, n)
	switch m.o.Risk {
	case "neutral":
		for i := range m.r {
			m.r[i] = 1
		}
	case "scholz":
		for i := 0; i < n; i++ {
			danger[i] = m.danger(i, m.x[i], mu)
		}
		lo, hi := minMax(danger)
		for i := range m.r {
			m.r[i] = RiskExponent(RiskAttitude(danger[i], lo, hi))
		}
	case "positions":
		for i := 0; i < n; i++ {
			here := m.danger(i, m.x[i], mu)
			alt := []float64{here}
			for _, p := range m.x {
				alt = append(alt, m.dangerAt(i, p, mu))
			}
			lo, hi := minMax(alt)
			m.r[i] = RiskExponent(RiskAttitude(here, lo, hi))
		}
	}
	for i, a := range m.actors {
		if a.HasRisk {
			m.r[i] = RiskExponent(a.Risk)
		}
	}
}

// danger is sum_{j != i} EU_j(ji) with r = 1: how much others expect to
// gain by challenging i at its current position xi.
func (m *model) danger(i int, xi, mu float64) float64 {
	d := 0.0
	for j := range m.x {
		if j == i || m.x[j] == xi {
			continue
		}
		u := basicUtilities(math.Abs(m.x[j]-xi)/m.rng, math.Abs(m.x[j]-mu)/m.rng, 1, m.o.Q < 1)
		d += ExpectedUtility(u, m.actors[i].Salience, m.p[j][i], m.o.Q, m.o.T)
	}
	return d
}

// dangerAt is i's danger if it stood at position p instead (votes and
// probabilities recomputed with i at p).
func (m *model) dangerAt(i int, p, mu float64) float64 {
	saved := m.x[i]
	m.x[i] = p
	defer func() { m.x[i] = saved }()
	d := 0.0
	for j := range m.x {
		if j == i || m.x[j] == p {
			continue
		}
		prob := Probability(m.x, m.w, j, i, m.rng)
		u := basicUtilities(math.Abs(m.x[j]-p)/m.rng, math.Abs(m.x[j]-mu)/m.rng, 1, m.o.Q < 1)
		d += ExpectedUtility(u, m.actors[i].Salience, prob, m.o.Q, m.o.T)
	}
	return d
}

// offers lists every offer made this round, receiver by receiver.
func (m *model) offers(mu float64) []Offer {
	m.expectedUtilities(mu)
	var out []Offer
	for i := range m.x {
		for j := range m.x {
			if i == j || m.x[i] == m.x[j] {
				continue
			}
			a, b := m.e[i][j], m.e[j][i]
			if m.o.Perspective == "perceiver" && m.r[i] != m.r[j] {
				b = m.eu(j, i, m.x[j], m.p[j][i], m.r[i], mu)
			}
			t, pos, ok := Classify(a, b, m.x[i], m.x[j])
			if !ok {
				continue
			}
			out = append(out, Offer{From: j, To: i, Type: t, Position: pos, EUTo: a, EUFrom: b})
		}
	}
	return out
}

// expectedUtilities fills m.e with EU_i(ij) using each actor's r_i. With
// Q = 1 the terms U_b and U_w drop out and the distance terms are shared
// by i and j, so logarithms are taken once per pair (the same numbers as
// m.eu, computed faster; see TestFastExpectedUtilities).
func (m *model) expectedUtilities(mu float64) {
	n := len(m.x)
	if m.o.Q < 1 {
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				if i != j && m.x[i] != m.x[j] {
					m.e[i][j] = m.eu(i, j, m.x[i], m.p[i][j], m.r[i], mu)
				}
			}
		}
		return
	}
	for i := range m.sq {
		m.sq[i] = utility(0.5, m.r[i])
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if m.x[i] == m.x[j] {
				continue
			}
			d := math.Abs(m.x[i]-m.x[j]) / m.rng
			v1, v2 := math.Max(0.5-0.5*d, 0), 0.5+0.5*d
			l1, l2 := math.Log(v1), math.Log(v2)
			m.e[i][j] = m.euQ1(i, j, v1, v2, l1, l2)
			m.e[j][i] = m.euQ1(j, i, v1, v2, l1, l2)
		}
	}
}

// euQ1 is EU_i(ij) for Q = 1 from the shared bases v1 = 0.5 - 0.5 d,
// v2 = 0.5 + 0.5 d and their logarithms.
func (m *model) euQ1(i, j int, v1, v2, l1, l2 float64) float64 {
	r := m.r[i]
	u := Utilities{Success: powUtility(v1, l1, r), Failure: powUtility(v2, l2, r), StatusQuo: m.sq[i]}
	return ExpectedUtility(u, m.actors[j].Salience, m.p[i][j], 1, m.o.T)
}

// powUtility is 2 - 4 v^r given log v.
func powUtility(v, logv, r float64) float64 {
	switch r {
	case 1:
		return 2 - 4*v
	case 2:
		return 2 - 4*v*v
	}
	return 2 - 4*math.Exp(r*logv)
}

// kept returns the offers to record: all of them, or only the accepted
// ones in a new, small slice.
func kept(offers []Offer, all bool) []Offer {
	if all {
		return offers
	}
	var out []Offer
	for _, of := range offers {
		if of.Accepted {
			out = append(out, of)
		}
	}
	return out
}

func minMax(v []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range v {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	return lo, hi
}

func clone(v []float64) []float64 { return append([]float64(nil), v...) }
