package petrarch

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// BenchmarkGigaWord codes the GigaWord sample (76 Treebank-parsed AFP
// sentences) with the Phoenix dictionaries and reports sentences/s.
func BenchmarkGigaWord(b *testing.B) {
	base := sharedDir(b)
	fh, err := os.Open(filepath.Join(base, "text", "GigaWord.sample.PETR.xml"))
	if err != nil {
		b.Fatal(err)
	}
	recs, err := ReadXML(fh, fh.Name())
	fh.Close()
	if err != nil {
		b.Fatal(err)
	}
	d, err := LoadPhoenix(filepath.Join(base, "dictionaries"))
	if err != nil {
		b.Fatal(err)
	}
	o := Defaults()
	o.CheckDiscards = true
	c, err := NewCoder(d, o)
	if err != nil {
		b.Fatal(err)
	}
	events := 0
	for b.Loop() {
		events = 0
		for _, r := range recs {
			got, _ := c.Code(r)
			events += len(c.Events(r, got))
		}
	}
	b.ReportMetric(float64(b.N*len(recs))/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(events), "events")
}

// BenchmarkUnitTestSuite runs the 284-record PETRARCH unit-test suite.
func BenchmarkUnitTestSuite(b *testing.B) {
	for b.Loop() {
		runSuite(b)
	}
	b.ReportMetric(float64(284*b.N)/b.Elapsed().Seconds(), "records/s")
}

// BenchmarkLoadPhoenix loads the Phoenix dictionaries (actors, agents,
// discards, issues, CAMEO.2.0 verbs) and reports the heap they keep.
func BenchmarkLoadPhoenix(b *testing.B) {
	dir := filepath.Join(sharedDir(b), "dictionaries")
	var d Dictionaries
	var err error
	for b.Loop() {
		if d, err = LoadPhoenix(dir); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	d = Dictionaries{}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if d, err = LoadPhoenix(dir); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-heap")
	runtime.KeepAlive(d)
}

// BenchmarkReadXML reads the 284-record unit-test file (317 kB).
func BenchmarkReadXML(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(sharedDir(b), "text", "PETR.UnitTest.records.xml"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadXML(bytes.NewReader(data), "unit"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGigaWordParallel codes the GigaWord sample from GOMAXPROCS
// goroutines sharing one Coder.
func BenchmarkGigaWordParallel(b *testing.B) {
	base := sharedDir(b)
	fh, err := os.Open(filepath.Join(base, "text", "GigaWord.sample.PETR.xml"))
	if err != nil {
		b.Fatal(err)
	}
	recs, err := ReadXML(fh, fh.Name())
	fh.Close()
	if err != nil {
		b.Fatal(err)
	}
	d, err := LoadPhoenix(filepath.Join(base, "dictionaries"))
	if err != nil {
		b.Fatal(err)
	}
	o := Defaults()
	o.CheckDiscards, o.ClauseSource = true, true
	c, err := NewCoder(d, o)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			r := recs[i%len(recs)]
			got, _ := c.Code(r)
			c.Events(r, got)
			i++
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
