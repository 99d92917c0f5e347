package eum

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/detente-project/detente/internal/sim/spatial"
)

// TestFastExpectedUtilities checks the shared-logarithm path against the
// documented formula for random actors, positions and risk exponents.
func TestFastExpectedUtilities(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for k := 0; k < 50; k++ {
		n := 2 + rng.IntN(10)
		as := make([]spatial.Actor, n)
		for i := range as {
			as[i] = spatial.Actor{Capability: rng.Float64(), Position: float64(rng.IntN(5)) * 25, Salience: rng.Float64()}
		}
		m := newModel(as, scale100, DefaultOptions())
		for i := range m.r {
			m.r[i] = []float64{0.5, 1, 2, 0.5 + 1.5*rng.Float64()}[rng.IntN(4)]
		}
		m.probabilities()
		mu := 50.0
		m.expectedUtilities(mu)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				if i == j || m.x[i] == m.x[j] {
					continue
				}
				want := m.eu(i, j, m.x[i], m.p[i][j], m.r[i], mu)
				if math.Abs(m.e[i][j]-want) > 1e-12 {
					t.Fatalf("EU[%d][%d] fast %g, formula %g", i, j, m.e[i][j], want)
				}
			}
		}
	}
}
