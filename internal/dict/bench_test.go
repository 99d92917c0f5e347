package dict

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/detente-project/detente/internal/peers"
)

// phoenixDir finds shared/peers/petrarch2/dictionaries above the working
// directory (TEAM.md); skipped when absent unless CI=true.
func phoenixDir(tb testing.TB) string {
	tb.Helper()
	return filepath.Join(peers.Petrarch2(tb), "dictionaries")
}

type phoenix struct {
	verbs  *Verbs
	actors *Actors
	agents *Agents
	issues *Issues
}

func loadPhoenix(tb testing.TB, dir string) phoenix {
	tb.Helper()
	rd := func(n string) *os.File {
		f, err := os.Open(filepath.Join(dir, n))
		if err != nil {
			tb.Fatal(err)
		}
		return f
	}
	var p phoenix
	var err error
	f := rd("CAMEO.2.0.txt")
	if p.verbs, err = LoadVerbs(f, f.Name(), DialectAuto); err != nil {
		tb.Fatal(err)
	}
	f.Close()
	p.actors = NewActors()
	for _, n := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		f := rd(n)
		if err := p.actors.Load(f, f.Name()); err != nil {
			tb.Fatal(err)
		}
		f.Close()
	}
	f = rd("Phoenix.agents.txt")
	if p.agents, err = LoadAgents(f, f.Name()); err != nil {
		tb.Fatal(err)
	}
	f.Close()
	f = rd("Phoenix.IssueCoding.txt")
	if p.issues, err = LoadIssues(f, f.Name()); err != nil {
		tb.Fatal(err)
	}
	f.Close()
	return p
}

// TestPhoenixLoads checks that the full Phoenix/PETRARCH2 dictionaries and
// the validation dictionaries load, with plausible sizes.
func TestPhoenixLoads(t *testing.T) {
	dir := phoenixDir(t)
	p := loadPhoenix(t, dir)
	if p.verbs.Dialect != DialectCAMEO2 || len(p.verbs.Blocks) < 300 || len(p.verbs.Forms) < 5000 {
		t.Errorf("CAMEO.2.0: dialect %v, %d blocks, %d forms", p.verbs.Dialect, len(p.verbs.Blocks), len(p.verbs.Forms))
	}
	if len(p.actors.List) < 25000 || p.agents.Count < 4000 || len(p.issues.List) < 3000 {
		t.Errorf("actors %d, agents %d, issues %d", len(p.actors.List), p.agents.Count, len(p.issues.List))
	}
	f, err := os.Open(filepath.Join(dir, "PETR.Validate.verbs.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := LoadVerbs(f, f.Name(), DialectAuto)
	if err != nil || v.Dialect != DialectTABARI {
		t.Fatalf("PETR.Validate.verbs.txt: %v %v", err, v)
	}
	// A date-restricted Phoenix actor resolves by date.
	np, ok := p.actors.Phrases.Find([]string{"HAMID", "KARZAI"})
	if !ok {
		t.Fatal("HAMID KARZAI not found")
	}
	if got := p.actors.List[np.Index].CodeAt(20050101); got != "AFGGOV" {
		t.Errorf("Karzai 2005 = %s, want AFGGOV", got)
	}
}

// BenchmarkLoadPhoenix measures loading the Phoenix actors
// (Countries, International, MilNonState), agents, issues and the CAMEO.2.0
// verbs, and reports the live heap they occupy (MB-heap) after a GC.
func BenchmarkLoadPhoenix(b *testing.B) {
	dir := phoenixDir(b)
	var keep phoenix
	for b.Loop() {
		keep = loadPhoenix(b, dir)
	}
	b.StopTimer()
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	keep = phoenix{}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	keep = loadPhoenix(b, dir)
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-ms.HeapAlloc)/(1<<20), "MB-heap")
	b.ReportMetric(float64(after.Sys)/(1<<20), "MB-sys")
	runtime.KeepAlive(keep)
}
