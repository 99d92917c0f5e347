package spatial

import (
	"math"
	"testing"
)

func TestValidate(t *testing.T) {
	ok := []Actor{{Name: "a", Capability: 1, Position: 0, Salience: 1}, {Name: "b", Capability: 2, Position: 10, Salience: 0.5}}
	s := Scale{Min: 0, Max: 10}
	if err := Validate(ok, s); err != nil {
		t.Fatal(err)
	}
	if lo, hi := Bounds(ok); lo != 0 || hi != 10 {
		t.Errorf("Bounds = %g, %g", lo, hi)
	}
	if ok[1].Weight() != 1 {
		t.Errorf("Weight = %g, want 2 x 0.5 = 1", ok[1].Weight())
	}
	bad := map[string]func([]Actor) ([]Actor, Scale){
		"empty scale":    func(a []Actor) ([]Actor, Scale) { return a, Scale{Min: 1, Max: 1} },
		"no actors":      func([]Actor) ([]Actor, Scale) { return nil, s },
		"negative power": func(a []Actor) ([]Actor, Scale) { a[0].Capability = -1; return a, s },
		"NaN power":      func(a []Actor) ([]Actor, Scale) { a[0].Capability = math.NaN(); return a, s },
		"salience":       func(a []Actor) ([]Actor, Scale) { a[0].Salience = 1.1; return a, s },
		"off scale":      func(a []Actor) ([]Actor, Scale) { a[0].Position = -1; return a, s },
		"no weight":      func(a []Actor) ([]Actor, Scale) { a[0].Salience, a[1].Salience = 0, 0; return a, s },
	}
	for name, f := range bad {
		as, sc := f(append([]Actor(nil), ok...))
		if err := Validate(as, sc); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
