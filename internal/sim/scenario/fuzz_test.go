package scenario

import (
	"os"
	"testing"
)

// FuzzParse checks that no input makes the parser panic, that accepted
// scenarios are valid, and that errors name the file.
func FuzzParse(f *testing.F) {
	f.Add([]byte(good), false)
	f.Add([]byte("actor,capability,position,salience\nA,1,0,0.5\nB,2,60,1\n"), true)
	if b, err := os.ReadFile("../../../examples/iran-us.yaml"); err == nil {
		f.Add(b, false)
	}
	f.Fuzz(func(t *testing.T, data []byte, csv bool) {
		name := "f.yaml"
		if csv {
			name = "f.csv"
		}
		sc, err := Parse(name, data)
		if err != nil {
			if len(err.Error()) < len(name) || err.Error()[:len(name)] != name {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		if len(sc.Actors) == 0 || len(sc.Issues) == 0 {
			t.Fatal("accepted an empty scenario")
		}
		if err := sc.Validate(); err != nil {
			t.Fatalf("accepted scenario fails re-validation: %v", err)
		}
	})
}
