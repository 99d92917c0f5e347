package coder

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/detente-project/detente/internal/event"
	"github.com/detente-project/detente/internal/text"
)

// sharedDir walks up from the working directory to the folder holding
// shared/peers/petrarch2 (TEAM.md); "" when absent.
func sharedDir() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, "shared", "peers", "petrarch2")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

var textElem = regexp.MustCompile(`(?s)<Text>(.*?)</Text>`)

// benchDocs builds the benchmark input: the bundled example articles and,
// when ../shared is present, the <Text> sentences of the PETRARCH GigaWord
// sample (read at benchmark time, never copied into the repository).
func benchDocs(b *testing.B) ([]event.Document, int) {
	var docs []event.Document
	if f, err := os.Open("../../examples/news/iran-us.jsonl"); err == nil {
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		for sc.Scan() {
			var d event.Document
			if json.Unmarshal(sc.Bytes(), &d) == nil && d.Text != "" {
				docs = append(docs, d)
			}
		}
		f.Close()
	}
	if dir := sharedDir(); dir != "" {
		raw, err := os.ReadFile(filepath.Join(dir, "text", "GigaWord.sample.PETR.xml"))
		if err == nil {
			var sb strings.Builder
			for _, m := range textElem.FindAllSubmatch(raw, -1) {
				sb.WriteString(strings.Join(strings.Fields(string(m[1])), " "))
				sb.WriteString(" ")
			}
			docs = append(docs, event.Document{ID: "gigaword", Date: "2008-08-04", Text: sb.String()})
		}
	} else if os.Getenv("CI") == "true" {
		b.Fatal("shared/peers/petrarch2 not found")
	}
	if len(docs) == 0 {
		b.Skip("no benchmark input")
	}
	n := 0
	for _, d := range docs {
		n += len(text.Sentences(d.Text))
	}
	return docs, n
}

// BenchmarkCodeRawText codes raw news text end to end (sentences, tokens,
// tags, actors, patterns, events, quotes) on all cores and reports sentences/s.
func BenchmarkCodeRawText(b *testing.B) {
	docs, sents := benchDocs(b)
	c, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	var next, events atomic.Int64
	cpu0 := cpuSeconds()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			next.Add(1)
			for _, d := range docs {
				events.Add(int64(len(c.Code(d).Events)))
			}
		}
	})
	b.StopTimer()
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(sents)*float64(b.N)/secs, "sentences/s")
	// CPU time does not depend on other load on the machine: sentences per
	// CPU-second times the cores gives the throughput of an idle machine.
	b.ReportMetric(float64(sents)*float64(b.N)/(cpuSeconds()-cpu0), "sentences/cpu-s")
	b.ReportMetric(float64(events.Load())/float64(b.N), "events/op")
	b.ReportMetric(float64(sents), "sentences/op")
}

// cpuSeconds returns the user+system CPU time of this process.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// BenchmarkCodeSentence codes one typical sentence on one core.
func BenchmarkCodeSentence(b *testing.B) {
	c, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	d := event.Document{ID: "s", Date: "2025-10-12", Text: "Iran categorically rejected the United States' invitation to talks in Sharm El-Sheikh."}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		c.Code(d)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkCodeLargeDoc codes one 2.75 MB document (62,500 sentences, as
// many events) on one core and reports the bytes allocated per document:
// Code collects the whole document's output, CodeEach hands it on sentence
// by sentence (as `detente code` does with large documents).
func BenchmarkCodeLargeDoc(b *testing.B) {
	c, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	d := event.Document{ID: "big", Date: "2025-10-12", Text: strings.Repeat("Iran rejected talks with the United States. ", 62500)}
	sents := len(text.Sentences(d.Text))
	// live is the heap in use after a collection, in MB
	live := func() float64 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return float64(ms.HeapAlloc) / (1 << 20)
	}
	run := func(b *testing.B, code func() int, peak func() float64) {
		b.ReportAllocs()
		events := 0
		for i := 0; i < b.N; i++ {
			events = code()
		}
		b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
		b.ReportMetric(float64(events), "events/op")
		b.StopTimer()
		b.ReportMetric(peak(), "peak-live-MB")
	}
	b.Run("Code", func(b *testing.B) {
		run(b, func() int { return len(c.Code(d).Events) }, func() float64 {
			base := live()
			res := c.Code(d)
			held := live() - base
			runtime.KeepAlive(res)
			return held
		})
	})
	b.Run("CodeEach", func(b *testing.B) {
		run(b, func() int {
			n := 0
			c.CodeEach(d, Sink{Event: func(event.Event) { n++ }, Quote: func(event.Quote) {}})
			return n
		}, func() float64 {
			base, peak := live(), 0.0
			c.CodeEach(d, Sink{Event: func(event.Event) {}, Sentence: func(i int) {
				if i%10000 == 9999 {
					peak = max(peak, live()-base)
				}
			}})
			return peak
		})
	})
}
