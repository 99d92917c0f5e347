package dict

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// addSeeds adds the testdata dictionaries and a few hostile inputs. More
// seeds live in testdata/fuzz/<FuzzName>/ (go test -fuzz keeps new ones).
func addSeeds(f *testing.F, files ...string) {
	for _, n := range files {
		b, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(""))
	f.Add([]byte("\xff\xfe\x00"))
	f.Add([]byte("--- X [01] ---\nX {A\n- * [\n&\n+\n~ =\n"))
	f.Add([]byte("A [B >1]\n\t[C 1-2]\n+\n\t[\n"))
	f.Add([]byte("!A! = \n!A!!B [~X]\nY {} [~]\n"))
}

func FuzzVerbs(f *testing.F) {
	addSeeds(f, "tabari.verbs.txt", "cameo2.verbs.txt")
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, d := range []Dialect{DialectAuto, DialectTABARI, DialectCAMEO2} {
			v, err := LoadVerbs(bytes.NewReader(b), "fuzz.verbs", d)
			if err == nil && v == nil {
				t.Fatal("nil dictionary without error")
			}
		}
	})
}

func FuzzActors(f *testing.F) {
	addSeeds(f, "small.actors.txt")
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := LoadActors(bytes.NewReader(b), "fuzz.actors")
		if err != nil {
			return
		}
		for _, l := range a.Phrases {
			for _, np := range l {
				if np.Index < 0 || np.Index >= len(a.List) || len(np.Words) != len(np.Conns) {
					t.Fatalf("bad pattern %+v", np)
				}
				np.Match(np.Words)
				a.List[np.Index].CodeAt(20200101)
			}
		}
	})
}

func FuzzAgents(f *testing.F) {
	addSeeds(f, "small.agents.txt")
	f.Fuzz(func(t *testing.T, b []byte) {
		ag, err := LoadAgents(bytes.NewReader(b), "fuzz.agents")
		if err != nil {
			return
		}
		for _, l := range ag.Phrases {
			for _, np := range l {
				if _, ok := ag.Phrases.Find(np.Words); !ok {
					t.Fatalf("pattern %v does not match itself", np.Words)
				}
			}
		}
	})
}

func FuzzDiscards(f *testing.F) {
	addSeeds(f, "small.discards.txt")
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := LoadDiscards(bytes.NewReader(b), "fuzz.discards")
		if err != nil {
			return
		}
		for _, di := range d.List {
			if _, ok := d.Match(di.Phrase); !ok {
				t.Fatalf("discard %q does not match its own phrase", di.Phrase)
			}
		}
	})
}

func FuzzIssues(f *testing.F) {
	addSeeds(f, "small.issues.txt")
	f.Fuzz(func(t *testing.T, b []byte) {
		is, err := LoadIssues(bytes.NewReader(b), "fuzz.issues")
		if err != nil {
			return
		}
		is.Match(string(b))
	})
}
