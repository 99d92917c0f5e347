package baseline

import (
	"math"
	"testing"

	"github.com/detente-project/detente/internal/sim/spatial"
)

// threeActors: weights (c x s) 1, 1 and 2.5 at 0, 50 and 100.
var threeActors = []spatial.Actor{
	{Name: "A", Capability: 2, Position: 0, Salience: 0.5},
	{Name: "B", Capability: 1, Position: 50, Salience: 1},
	{Name: "C", Capability: 5, Position: 100, Salience: 0.5},
}

func TestMeanByHand(t *testing.T) {
	// (0*1 + 50*1 + 100*2.5) / 4.5 = 300/4.5 = 66.67.
	if got := Mean(threeActors); math.Abs(got-300/4.5) > 1e-12 {
		t.Errorf("Mean = %g, want %g", got, 300/4.5)
	}
}

func TestMedianByHand(t *testing.T) {
	tests := []struct {
		name string
		w    []float64 // salience with capability 1
		want float64
	}{
		// Cumulative 1, 2, 4.5 of 4.5: half (2.25) first reached at 100.
		{"heavy right", []float64{1, 1, 2.5}, 100},
		// 0.5, 1.5 of 2: half reached at 50.
		{"middle", []float64{0.5, 1, 0.5}, 50},
		// 1, 2 of 4: cumulative hits exactly half at 50; 50 and 100 tie in
		// the pairwise vote (A+B: 0.5+0.5 votes for 50, C: 2*0.5 for 100), midpoint 75.
		{"tie", []float64{0.25, 0.25, 0.5}, 75},
	}
	for _, tt := range tests {
		as := make([]spatial.Actor, 3)
		for i := range as {
			as[i] = spatial.Actor{Name: threeActors[i].Name, Capability: 4, Position: threeActors[i].Position, Salience: tt.w[i]}
		}
		if got := Median(as); got != tt.want {
			t.Errorf("%s: Median = %g, want %g", tt.name, got, tt.want)
		}
	}
}

// TestNBSByHand: on [50, 100] with u = x/100 the objective is
// log(1-u) + log(1.5-u) + 2.5 log(u) (up to the factor 1/4.5). Setting the
// derivative -1/(1-u) - 1/(1.5-u) + 2.5/u to zero gives
// 4.5u^2 - 8.75u + 3.75 = 0, u = (8.75 - sqrt(9.0625)) / 9 = 0.637734.
func TestNBSByHand(t *testing.T) {
	want := 100 * (8.75 - math.Sqrt(9.0625)) / 9
	got := NBS(threeActors, spatial.Scale{Min: 0, Max: 100})
	if math.Abs(got-want) > 1e-6 {
		t.Errorf("NBS = %.9g, want %.9g", got, want)
	}
	// Two equal actors at the ends of the scale meet in the middle.
	two := []spatial.Actor{{Name: "a", Capability: 1, Position: 0, Salience: 1}, {Name: "b", Capability: 1, Position: 100, Salience: 1}}
	if got := NBS(two, spatial.Scale{Min: 0, Max: 100}); math.Abs(got-50) > 1e-6 {
		t.Errorf("NBS symmetric = %g, want 50", got)
	}
}

func TestNoWeight(t *testing.T) {
	as := []spatial.Actor{{Name: "a", Capability: 0, Position: 10, Salience: 1}, {Name: "b", Capability: 1, Position: 30, Salience: 0}}
	for name, got := range map[string]float64{"mean": Mean(as), "median": Median(as), "nbs": NBS(as, spatial.Scale{Max: 100})} {
		if got != 20 {
			t.Errorf("%s with no weight = %g, want the plain mean 20", name, got)
		}
	}
	if !math.IsNaN(Mean(nil)) || !math.IsNaN(Median(nil)) {
		t.Error("empty input should give NaN")
	}
}
