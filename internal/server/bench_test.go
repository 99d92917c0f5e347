package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/detente-project/detente/internal/event"
	"github.com/detente-project/detente/internal/store"
)

// syntheticResults makes n events spread over 2015-2025 between a few
// actor pairs, perDoc events to a document.
func syntheticResults(n, perDoc int) []event.Result {
	pairs := [][2]string{{"USA", "IRN"}, {"IRN", "USA"}, {"ISR", "IRN"}, {"IRN", "HMS"}, {"CHN", "IRN"}, {"RUS", "UKR"}}
	codes := []struct {
		cameo     string
		goldstein float64
		quad      int
	}{{"036", 4, 1}, {"071", 7.4, 2}, {"112", -2, 3}, {"195", -10, 4}}
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	var out []event.Result
	for i := 0; i < n; i += perDoc {
		day := start.AddDate(0, 0, (i/perDoc)*4000/(n/perDoc+1)).Format(time.DateOnly)
		r := event.Result{Doc: event.Document{ID: fmt.Sprintf("syn-%d", i), Date: day, Text: fmt.Sprintf("synthetic document %d", i)}}
		for j := 0; j < perDoc && i+j < n; j++ {
			p, c := pairs[(i+j)%len(pairs)], codes[(i+j)%len(codes)]
			r.Events = append(r.Events, event.Event{DocID: r.Doc.ID, Date: day, Sentence: "synthetic",
				Source: p[0], SourceCountry: p[0], Target: p[1], TargetCountry: p[1],
				CAMEO: c.cameo, Root: c.cameo[:2], Goldstein: c.goldstein, QuadClass: c.quad})
		}
		out = append(out, r)
	}
	return out
}

// benchDyad measures GET /api/dyad over real HTTP on loopback and reports
// milliseconds per request.
func benchDyad(b *testing.B, st store.Store) {
	srv := httptest.NewServer(New(st, Options{Logger: quietLogger()}))
	defer srv.Close()
	url := srv.URL + "/api/dyad?source=USA&target=IRN&interval=month"
	client := srv.Client()
	get := func() {
		resp, err := client.Get(url)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("status %d", resp.StatusCode)
		}
	}
	get() // warm up connections and caches
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		get()
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/req")
}

// BenchmarkDyadEndpointMem measures the API's own cost for a dyad-month
// series over the in-memory fake store (10,000 events, scanned per call).
func BenchmarkDyadEndpointMem(b *testing.B) {
	st := newMemStore()
	for _, r := range syntheticResults(10_000, 10) {
		if _, err := st.AddResult(context.Background(), r); err != nil {
			b.Fatal(err)
		}
	}
	benchDyad(b, st)
}

// BenchmarkEventsEndpoint measures GET /api/events?limit=100 with evidence
// highlighting, through the handler without the network.
func BenchmarkEventsEndpoint(b *testing.B) {
	st := newMemStore()
	if err := loadSamples(context.Background(), st); err != nil {
		b.Fatal(err)
	}
	h := New(st, Options{Logger: quietLogger()})
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/events?limit=100", nil))
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}
