package actors

import (
	"testing"
	"time"
)

// benchSentences are news-like sentences of about 25 tokens.
var benchSentences = [][]string{
	toks("Iran's Foreign Minister Abbas Araghchi said on Monday that Tehran would not negotiate with Washington while Israeli strikes on its nuclear sites continued ."),
	toks("The U.S. and Israel struck Iranian military targets overnight , and Hezbollah fighters fired rockets at northern Israel , the Israeli army said in a statement ."),
	toks("Protesters gathered outside the parliament in Baghdad as police fired tear gas , witnesses said , a day after the prime minister resigned over the crisis ."),
	toks("The company said its quarterly profit rose sharply on strong demand for its products , beating analysts ' expectations for the third straight quarter this year ."),
}

// BenchmarkMatch measures Match on ~25-token sentences (ns/op is per
// sentence; sentences/s is reported).
func BenchmarkMatch(b *testing.B) {
	d := mustDefault(b)
	date := time.Date(2025, 6, 22, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Match(benchSentences[i%len(benchSentences)], date)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkMatchParallel measures throughput on all cores.
func BenchmarkMatchParallel(b *testing.B) {
	d := mustDefault(b)
	date := time.Date(2025, 6, 22, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			d.Match(benchSentences[i%len(benchSentences)], date)
			i++
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkLoad measures parsing and indexing the embedded dictionaries.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := LoadFS(dataFS, "data"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAppendMatches reuses the result slice (the coder's hot path).
func BenchmarkAppendMatches(b *testing.B) {
	d := mustDefault(b)
	date := time.Date(2025, 6, 22, 0, 0, 0, 0, time.UTC)
	var buf []Match
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf = d.AppendMatches(buf[:0], benchSentences[i%len(benchSentences)], nil, date)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
