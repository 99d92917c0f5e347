package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/detente-project/detente/internal/event"
	"github.com/detente-project/detente/internal/store/storetest"
)

// benchEvents is the size of the synthetic corpus (DETENTE_BENCH_EVENTS,
// default one million), in documents of benchPerDoc events each.
func benchEvents() int {
	if n, err := strconv.Atoi(os.Getenv("DETENTE_BENCH_EVENTS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

const benchPerDoc = 10

var benchWords = strings.Fields(`sanctions talks envoy minister border drone strike oil tanker port
ceasefire ministry spokesman parliament election rally protest court embargo uranium enrichment inspectors
agency council resolution vote summit capital province militia convoy aid hospital refugees camp airport
missile launch radar navy frigate strait pipeline gas deal bank currency inflation market exports imports
wheat shipping insurance satellite cyber leak report newspaper editor arrest release prisoner exchange
mediator weekend morning evening statement warning deadline proposal framework guarantee verification`)

var benchCountries = strings.Fields(`USA IRN ISR CHN RUS SAU GBR FRA DEU TUR QAT EGY IRQ SYR LBN YEM PSE JOR
ARE OMN IND PAK JPN KOR UKR BLR AFG AZE ARM KWT`)

var benchAgents = []string{"", "", "GOV", "MIL", "COP", "OPP"}

// synthetic builds the documents of an n-event corpus, half the events
// among six "hot" countries so that dyads like USA-IRN are dense.
func synthetic(n int, seed uint64) []event.Result {
	rng := rand.New(rand.NewPCG(seed, 1))
	pick := func() string {
		if rng.IntN(2) == 0 {
			return benchCountries[rng.IntN(6)]
		}
		return benchCountries[rng.IntN(len(benchCountries))]
	}
	base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]event.Result, 0, n/benchPerDoc)
	for d := 0; d*benchPerDoc < n; d++ {
		date := base.AddDate(0, 0, rng.IntN(3650)).Format(time.DateOnly)
		words := make([]string, 120)
		for i := range words {
			words[i] = benchWords[rng.IntN(len(benchWords))]
		}
		doc := event.Document{ID: fmt.Sprintf("syn-%d-%d", seed, d), Date: date, Source: "Synthetic Wire",
			Text: fmt.Sprintf("Report %d. %s.", d, strings.Join(words, " "))}
		r := event.Result{Doc: doc, Events: make([]event.Event, 0, benchPerDoc)}
		for i := 0; i < benchPerDoc && d*benchPerDoc+i < n; i++ {
			sc, tc := pick(), pick()
			ro := fixtureRoots[rng.IntN(len(fixtureRoots))]
			src, tgt := sc+benchAgents[rng.IntN(len(benchAgents))], tc+benchAgents[rng.IntN(len(benchAgents))]
			sent := src + " " + ro.plover + " " + tgt + " in sentence " + strconv.Itoa(i)
			r.Events = append(r.Events, event.Event{DocID: doc.ID, Date: date, SentenceIndex: i, Sentence: sent,
				Source: src, SourceCountry: sc, Target: tgt, TargetCountry: tc, CAMEO: ro.root + "0", Root: ro.root,
				PLOVER: ro.plover, Goldstein: ro.gold, QuadClass: ro.quad, Evidence: sent,
				EvidenceSpan: event.Span{End: len(sent)}, VerbText: ro.plover, SourceText: src, TargetText: tgt})
		}
		out = append(out, r)
	}
	return out
}

// load stores rs in transactions of batch documents.
func load(tb testing.TB, s *SQL, rs []event.Result, batch int) {
	for i := 0; i < len(rs); i += batch {
		if _, err := s.AddResults(context.Background(), rs[i:min(i+batch, len(rs))]); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkIngest stores the synthetic corpus (1M events by default) into
// a fresh store per iteration, 10,000 documents (100,000 events) per
// transaction, through the bulk path (DuckDB Appender / PostgreSQL COPY).
func BenchmarkIngest(b *testing.B) {
	n := benchEvents()
	rs := synthetic(n, 1)
	for _, be := range storetest.Backends(b) {
		b.Run(be.Name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				s := openTest(b, be.DSN(b))
				b.StartTimer()
				load(b, s, rs, 10000)
				b.StopTimer()
				if st, err := s.Stats(context.Background()); err != nil || st.Events != n {
					b.Fatalf("stored %d events, want %d (%v)", st.Events, n, err)
				}
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

var dyadQuery = DyadQuery{Source: "USA", Target: "IRN", Interval: "month"}

// BenchmarkDyadMonth measures the USA->IRN monthly series over a store of
// the synthetic corpus (1M events by default). With b.Loop the function
// body runs once, so the store is loaded once per back end.
func BenchmarkDyadMonth(b *testing.B) {
	for _, be := range storetest.Backends(b) {
		b.Run(be.Name, func(b *testing.B) {
			s := openTest(b, be.DSN(b))
			load(b, s, synthetic(benchEvents(), 2), 5000)
			if s.Dialect() == "postgres" {
				s.db.Exec("ANALYZE")
			}
			ctx := context.Background()
			pts, err := s.Dyad(ctx, dyadQuery)
			if err != nil || len(pts) < 100 {
				b.Fatalf("dyad: %d periods, %v", len(pts), err)
			}
			for b.Loop() {
				if _, err := s.Dyad(ctx, dyadQuery); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/query")
		})
	}
}

// nearDupCorpus builds n documents that are all near duplicates of one of
// a few wire stories: each copy has its own dateline and one word of the
// story replaced, as when many sites republish the same report.
func nearDupCorpus(n int) []event.Result {
	const stories = 5
	rng := rand.New(rand.NewPCG(3, 3))
	bodies := make([][]string, stories)
	for s := range bodies {
		bodies[s] = make([]string, 120)
		for i := range bodies[s] {
			bodies[s][i] = benchWords[rng.IntN(len(benchWords))]
		}
	}
	out := make([]event.Result, n)
	for d := range out {
		words := slices.Clone(bodies[d%stories])
		words[rng.IntN(len(words))] = benchWords[rng.IntN(len(benchWords))]
		id := fmt.Sprintf("copy-%d", d)
		out[d] = event.Result{Doc: event.Document{ID: id, Date: "2025-06-22",
			Text: fmt.Sprintf("Site %d, copy %d. %s.", d%97, d, strings.Join(words, " "))}}
	}
	return out
}

// BenchmarkIngestNearDuplicates stores a corpus of near duplicates
// (DETENTE_BENCH_NEARDUPS documents, default 15,000) in transactions of
// 256 documents, as ingest does. Linking each copy must not read back
// every earlier copy of its story, or the time grows with the square of
// the corpus.
func BenchmarkIngestNearDuplicates(b *testing.B) {
	n := 15_000
	if v, err := strconv.Atoi(os.Getenv("DETENTE_BENCH_NEARDUPS")); err == nil && v > 0 {
		n = v
	}
	rs := nearDupCorpus(n)
	for _, be := range storetest.Backends(b) {
		b.Run(be.Name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				s := openTest(b, be.DSN(b))
				b.StartTimer()
				load(b, s, rs, 256)
				b.StopTimer()
				if st, err := s.Stats(context.Background()); err != nil || st.Documents != n || st.Duplicates < n*9/10 {
					b.Fatalf("stored %+v, want %d documents, most near duplicates (%v)", st, n, err)
				}
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
