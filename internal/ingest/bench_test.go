package ingest

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/detente-project/detente/internal/store/storetest"
)

// BenchmarkRun measures the ingest pipeline itself (read JSONL and text
// files, code with the trivial fake coder, dedup, near-duplicate linking,
// batched commits) into a fresh DuckDB store per iteration.
func BenchmarkRun(b *testing.B) {
	benchBatch := 0 // the default
	if n, err := strconv.Atoi(os.Getenv("DETENTE_BENCH_BATCH")); err == nil {
		benchBatch = n
	}
	paths := writeCorpus(b, b.TempDir(), 20000)
	var docs int
	for b.Loop() {
		b.StopTimer()
		st := openStore(b, storetest.DuckDSN(b))
		b.StartTimer()
		sum, err := Run(context.Background(), st, fakeCoder{}, paths, Options{Batch: benchBatch, Warn: func(error) {}})
		if err != nil {
			b.Fatal(err)
		}
		docs += sum.Documents
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
}
