package server

import (
	"context"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/detente-project/detente/internal/store"
)

// openDuckDB opens a fresh DuckDB store in a temp dir.
func openDuckDB(tb testing.TB) store.Store {
	tb.Helper()
	st, err := store.Open(context.Background(), filepath.Join(tb.TempDir(), "api.db"))
	if err != nil {
		tb.Fatalf("open duckdb: %v", err)
	}
	tb.Cleanup(func() { _ = st.Close() })
	return st
}

// TestAPIOverDuckDB runs the API against the real DuckDB store loaded
// with the samples and checks its answers agree with the in-memory fake
// on the same data (counts per query), so the fake the other tests use
// behaves like the store.
func TestAPIOverDuckDB(t *testing.T) {
	ctx := context.Background()
	real, fake := openDuckDB(t), newMemStore()
	for _, st := range []store.Store{real, fake} {
		if err := loadSamples(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	hReal := New(real, Options{Logger: quietLogger()})
	hFake := New(fake, Options{Logger: quietLogger()})
	for _, q := range []string{
		"source=USA&target=IRN", "source=USA&target=IRN&from=2025-01-01&to=2025-06-22", "root=19", "plover=AID",
		"actor=HMS", "q=fordow", "limit=3", "q=" + "%27%3B%20DROP%20TABLE%20events%3B--",
	} {
		var got, want eventsResponse
		recReal := do(hReal, "GET", "/api/events?"+q, nil, nil)
		if recReal.Code != http.StatusOK {
			t.Fatalf("duckdb events?%s: %d %s", q, recReal.Code, recReal.Body)
		}
		decode(t, recReal, &got)
		decode(t, do(hFake, "GET", "/api/events?"+q, nil, nil), &want)
		if got.Count != want.Count {
			t.Errorf("events?%s: duckdb %d, fake %d", q, got.Count, want.Count)
		}
	}
	var got, want dyadResponse
	decode(t, do(hReal, "GET", "/api/dyad?source=USA&target=IRN&interval=month", nil, nil), &got)
	decode(t, do(hFake, "GET", "/api/dyad?source=USA&target=IRN&interval=month", nil, nil), &want)
	if len(got.Points) != len(want.Points) {
		t.Fatalf("dyad: duckdb %d periods, fake %d", len(got.Points), len(want.Points))
	}
	for i := range got.Points {
		g, w := got.Points[i], want.Points[i]
		if !g.Period.Equal(w.Period) || g.Events != w.Events || g.Quad != w.Quad {
			t.Errorf("dyad period %d: duckdb %+v, fake %+v", i, g, w)
		}
	}
	var stats store.Stats
	decode(t, do(hReal, "GET", "/api/stats", nil, nil), &stats)
	if stats.Events != len(samples) {
		t.Errorf("duckdb stats %+v, want %d events", stats, len(samples))
	}
}

// BenchmarkDyadEndpointDuckDB measures GET /api/dyad (month series) over
// HTTP against DuckDB holding 100,000 synthetic events (1,000 documents of
// 100 events, so loading stays quick) over 2015-2025.
func BenchmarkDyadEndpointDuckDB(b *testing.B) {
	st := openDuckDB(b)
	for _, r := range syntheticResults(100_000, 100) {
		if _, err := st.AddResult(context.Background(), r); err != nil {
			b.Fatal(err)
		}
	}
	benchDyad(b, st)
}
