// Package baseline implements the simple forecasting baselines the expected
// utility model is compared against: the weighted mean (compromise model),
// the weighted median (median voter) and the weighted Nash bargaining
// solution. Each actor's weight is capability x salience.
package baseline

import (
	"math"
	"sort"

	"github.com/detente-project/detente/internal/sim/spatial"
)

// Mean is the compromise model: the mean of positions weighted by
// capability x salience, sum(c_i s_i x_i) / sum(c_i s_i) (Bueno de Mesquita
// 1994, "Political forecasting: an expected utility method", p. 80; Achen
// 2006, "Evaluating political decision-making models", in The European Union
// Decides). With no positive weight it returns the plain mean.
func Mean(actors []spatial.Actor) float64 {
	var num, den, plain float64
	for _, a := range actors {
		w := a.Weight()
		num += w * a.Position
		den += w
		plain += a.Position
	}
	if den > 0 {
		return num / den
	}
	if len(actors) == 0 {
		return math.NaN()
	}
	return plain / float64(len(actors))
}

// Median is the median voter position: the position that no other position
// beats in a pairwise vote where actor k casts c_k s_k (|x_k - b| - |x_k - a|)
// votes for a over b (Black 1948; Bueno de Mesquita 1994, eq. 1). With
// linear distance utilities on one dimension this is the weighted median of
// positions. When the cumulative weight reaches exactly one half between two
// positions, both tie in the vote and the midpoint is returned, so the
// answer does not depend on the order actors are listed in.
func Median(actors []spatial.Actor) float64 {
	if len(actors) == 0 {
		return math.NaN()
	}
	idx := make([]int, len(actors))
	total := 0.0
	for i, a := range actors {
		idx[i] = i
		total += a.Weight()
	}
	if !(total > 0) {
		return Mean(actors)
	}
	sort.Slice(idx, func(p, q int) bool { return actors[idx[p]].Position < actors[idx[q]].Position })
	half := total / 2
	cum := 0.0
	for p, i := range idx {
		cum += actors[i].Weight()
		if cum < half {
			continue
		}
		x := actors[i].Position
		if cum == half {
			for _, j := range idx[p+1:] {
				if actors[j].Weight() > 0 {
					return (x + actors[j].Position) / 2
				}
			}
		}
		return x
	}
	return actors[idx[len(idx)-1]].Position
}

// NBS is the weighted (asymmetric) Nash bargaining solution on the issue:
// the x in [min x_i, max x_i] maximising sum_i w_i log u_i(x), with
// u_i(x) = 1 - |x - x_i| / (scale range) and the disagreement point at
// utility 0, the worst outcome on the scale (Nash 1950, "The bargaining
// problem", Econometrica 18(2); Kalai 1977 for the weighted form). Weights
// are w_i = c_i s_i. The objective is concave, so its maximum is where the
// right derivative turns non-positive; bisection finds it to float
// precision, independent of the order of actors up to rounding.
func NBS(actors []spatial.Actor, s spatial.Scale) float64 {
	total := 0.0
	for _, a := range actors {
		total += a.Weight()
	}
	if !(total > 0) {
		return Mean(actors)
	}
	r := s.Range()
	// slope is the right derivative of sum_i w_i log u_i at x.
	slope := func(x float64) float64 {
		d := 0.0
		for _, a := range actors {
			w := a.Weight()
			if w == 0 {
				continue
			}
			if x >= a.Position {
				d -= w / (r - (x - a.Position))
			} else {
				d += w / (r - (a.Position - x))
			}
		}
		return d
	}
	lo, hi := spatial.Bounds(actors)
	for i := 0; i < 200 && hi-lo > 0; i++ {
		mid := lo + (hi-lo)/2
		if mid == lo || mid == hi {
			break
		}
		if slope(mid) > 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	if slope(lo) <= 0 {
		return lo
	}
	return hi
}
