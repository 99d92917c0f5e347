package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/detente-project/detente/internal/event"
	"github.com/detente-project/detente/internal/store/storetest"
)

// forEachBackend runs fn against a fresh store on every available back end.
func forEachBackend(t *testing.T, fn func(t *testing.T, s *SQL)) {
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			s := openTest(t, b.DSN(t))
			fn(t, s)
		})
	}
}

func openTest(t testing.TB, dsn string) *SQL {
	t.Helper()
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("Open(%q): %v", dsn, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

type actorDef struct{ code, country string }

var fixtureActors = []actorDef{{"USA", "USA"}, {"USAGOV", "USA"}, {"IRN", "IRN"}, {"IRNMIL", "IRN"},
	{"ISR", "ISR"}, {"HMS", ""}, {"IGOUNO", ""}}

var fixtureRoots = []struct {
	root, plover string
	quad         int
	gold         float64
}{{"01", "AGREE", 1, 1}, {"04", "CONSULT", 1, 1}, {"06", "COOPERATE", 2, 6}, {"11", "ACCUSE", 3, -2},
	{"13", "THREATEN", 3, -4.4}, {"19", "ASSAULT", 4, -10}, {"14", "PROTEST", 4, -6.5}}

// fixture builds n documents of a few events each with seeded randomness.
// Sentence texts contain LIKE metacharacters on purpose.
func fixture(n int, seed uint64) []event.Result {
	rng := rand.New(rand.NewPCG(seed, 7))
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var out []event.Result
	for i := range n {
		date := base.AddDate(0, 0, rng.IntN(500)).Format(time.DateOnly)
		doc := event.Document{ID: fmt.Sprintf("doc-%04d", i), Date: date, Source: "Wire", URL: "https://example.org/" + fmt.Sprint(i),
			Text: fmt.Sprintf("Story %d: unique body %d about diplomacy.", i, rng.Int64())}
		r := event.Result{Doc: doc}
		for j := range 1 + rng.IntN(3) {
			s, tg := fixtureActors[rng.IntN(len(fixtureActors))], fixtureActors[rng.IntN(len(fixtureActors))]
			ro := fixtureRoots[rng.IntN(len(fixtureRoots))]
			sent := fmt.Sprintf("%s did %s to %s (%d%% of_it) in sentence %d.", s.code, ro.plover, tg.code, rng.IntN(100), j)
			r.Events = append(r.Events, event.Event{DocID: doc.ID, Date: date, SentenceIndex: j, Sentence: sent,
				Source: s.code, SourceCountry: s.country, Target: tg.code, TargetCountry: tg.country,
				CAMEO: ro.root + "0", Root: ro.root, PLOVER: ro.plover, Goldstein: ro.gold, QuadClass: ro.quad,
				Evidence: sent, EvidenceSpan: event.Span{Start: 0, End: len(sent)}, VerbText: "did",
				VerbSpan: event.Span{Start: 4, End: 7}, SourceText: s.code, TargetText: tg.code,
				Issues: []string{"NUCLEAR"}[:rng.IntN(2)]})
		}
		if rng.IntN(3) == 0 {
			sp := fixtureActors[rng.IntN(len(fixtureActors))]
			r.Quotes = append(r.Quotes, event.Quote{DocID: doc.ID, Date: date, Speaker: "Spokesman of " + sp.code,
				SpeakerCode: sp.code, Quote: "We will respond.", Sentence: "\"We will respond,\" he said.", Span: event.Span{Start: 1, End: 17}})
		}
		r.Mentions = []event.Mention{{DocID: doc.ID, Code: r.Events[0].Source, Text: r.Events[0].SourceText}}
		out = append(out, r)
	}
	return out
}

func allEvents(rs []event.Result) []event.Event {
	var out []event.Event
	for _, r := range rs {
		out = append(out, r.Events...)
	}
	return out
}

func sideOK(want, code, country string) bool { return want == "" || want == code || want == country }

func inRange(date string, from, to time.Time) bool {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return from.IsZero() && to.IsZero()
	}
	return (from.IsZero() || !d.Before(from)) && (to.IsZero() || d.Before(to))
}

// refMatch is the reference semantics of EventFilter.
func refMatch(f EventFilter, e event.Event) bool {
	actor := f.Actor == "" || sideOK(f.Actor, e.Source, e.SourceCountry) || sideOK(f.Actor, e.Target, e.TargetCountry)
	return actor && sideOK(f.Source, e.Source, e.SourceCountry) && sideOK(f.Target, e.Target, e.TargetCountry) &&
		(f.Root == "" || normRoot(f.Root) == e.Root) && (f.PLOVER == "" || strings.EqualFold(f.PLOVER, e.PLOVER)) &&
		inRange(e.Date, f.From, f.To) &&
		(f.Text == "" || strings.Contains(strings.ToLower(e.Sentence), strings.ToLower(f.Text)))
}

func eventKeys(es []event.Event) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = fmt.Sprintf("%s/%d/%s", e.DocID, e.SentenceIndex, e.Sentence)
	}
	sort.Strings(out)
	return out
}

func day(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

func addAll(t *testing.T, s *SQL, rs []event.Result) {
	t.Helper()
	added, err := s.AddResults(context.Background(), rs)
	if err != nil {
		t.Fatalf("AddResults: %v", err)
	}
	for i, a := range added {
		if !a {
			t.Fatalf("result %d (%s) not added", i, rs[i].Doc.ID)
		}
	}
}

func TestMigrations(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *SQL) {
		ctx := context.Background()
		ms, err := s.d.migrations()
		if err != nil {
			t.Fatal(err)
		}
		v, err := s.SchemaVersion(ctx)
		if err != nil || v != ms[len(ms)-1].version {
			t.Fatalf("schema version = %d, %v; want %d", v, err, ms[len(ms)-1].version)
		}
		// Migrating again applies nothing and keeps one record per version.
		if err := s.migrate(ctx); err != nil {
			t.Fatalf("second migrate: %v", err)
		}
		var n int
		if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations").Scan(&n); err != nil || n != len(ms) {
			t.Fatalf("schema_migrations rows = %d, %v; want %d", n, err, len(ms))
		}
	})
}

func TestEventFilters(t *testing.T) {
	rs := fixture(120, 1)
	evs := allEvents(rs)
	filters := []EventFilter{
		{},
		{Source: "USA"},
		{Source: "USAGOV"},
		{Target: "IRN"},
		{Source: "USA", Target: "IRN"},
		{Actor: "HMS"},
		{Actor: "ISR", Root: "19"},
		{Root: "4"},
		{PLOVER: "assault"},
		{From: day("2024-06-01"), To: day("2024-09-01")},
		{Source: "IRN", From: day("2025-01-01")},
		{Text: "% of_it"},
		{Text: "did ACCUSE to"},
		{Text: "100%"},
	}
	forEachBackend(t, func(t *testing.T, s *SQL) {
		addAll(t, s, rs)
		for _, f := range filters {
			got, err := s.Events(context.Background(), f)
			if err != nil {
				t.Fatalf("Events(%+v): %v", f, err)
			}
			var want []event.Event
			for _, e := range evs {
				if refMatch(f, e) {
					want = append(want, e)
				}
			}
			if g, w := eventKeys(got), eventKeys(want); !reflect.DeepEqual(g, w) {
				t.Errorf("Events(%+v): got %d events, want %d", f, len(g), len(w))
			}
			for i := 1; i < len(got); i++ {
				if got[i-1].Date < got[i].Date {
					t.Fatalf("Events(%+v) not newest first: %s before %s", f, got[i-1].Date, got[i].Date)
				}
			}
		}
	})
}

func TestEventRoundTripAndPaging(t *testing.T) {
	rs := fixture(30, 2)
	forEachBackend(t, func(t *testing.T, s *SQL) {
		addAll(t, s, rs)
		ctx := context.Background()
		byKey := map[string]event.Event{}
		for _, e := range allEvents(rs) {
			byKey[eventKeys([]event.Event{e})[0]] = e
		}
		got, err := s.Events(ctx, EventFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range got {
			want := byKey[eventKeys([]event.Event{g})[0]]
			if len(want.Issues) == 0 {
				want.Issues = nil
			}
			if !reflect.DeepEqual(g, want) {
				t.Fatalf("round trip:\n got %+v\nwant %+v", g, want)
			}
		}
		var paged []event.Event
		for off := 0; ; off += 7 {
			p, err := s.Events(ctx, EventFilter{Limit: 7, Offset: off})
			if err != nil {
				t.Fatal(err)
			}
			if len(p) > 7 {
				t.Fatalf("page of %d > limit 7", len(p))
			}
			if len(p) == 0 {
				break
			}
			paged = append(paged, p...)
		}
		if !reflect.DeepEqual(eventKeys(paged), eventKeys(got)) {
			t.Errorf("paging: %d events over pages, %d in one query", len(paged), len(got))
		}
	})
}

// refDyad computes the dyad series in Go.
func refDyad(evs []event.Event, q DyadQuery) []DyadPoint {
	by := map[time.Time]*DyadPoint{}
	for _, e := range evs {
		fwd := sideOK(q.Source, e.Source, e.SourceCountry) && sideOK(q.Target, e.Target, e.TargetCountry)
		back := q.Both && sideOK(q.Target, e.Source, e.SourceCountry) && sideOK(q.Source, e.Target, e.TargetCountry)
		d, err := time.Parse(time.DateOnly, e.Date)
		if (!fwd && !back) || err != nil || !inRange(e.Date, q.From, q.To) {
			continue
		}
		p := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		if q.Interval == "week" {
			p = d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
		}
		if by[p] == nil {
			by[p] = &DyadPoint{Period: p}
		}
		pt := by[p]
		pt.Events++
		pt.Quad[e.QuadClass]++
		pt.GoldsteinSum += e.Goldstein
		pt.GoldsteinMean = pt.GoldsteinSum / float64(pt.Events)
	}
	var out []DyadPoint
	for _, p := range by {
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Period.Before(out[j].Period) })
	return out
}

func closePoints(a, b []DyadPoint) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Period.Equal(b[i].Period) || a[i].Events != b[i].Events || a[i].Quad != b[i].Quad ||
			math.Abs(a[i].GoldsteinSum-b[i].GoldsteinSum) > 1e-9 || math.Abs(a[i].GoldsteinMean-b[i].GoldsteinMean) > 1e-9 {
			return false
		}
	}
	return true
}

func TestDyad(t *testing.T) {
	rs := fixture(200, 3)
	evs := allEvents(rs)
	qs := []DyadQuery{
		{Source: "USA", Target: "IRN", Interval: "month"},
		{Source: "USA", Target: "IRN", Interval: "week"},
		{Source: "IRN", Target: "USA", Both: true, Interval: "month"},
		{Source: "HMS", Target: "ISR", Interval: "month", From: day("2024-03-01"), To: day("2025-01-01")},
		{Source: "USAGOV", Interval: "month"},
	}
	forEachBackend(t, func(t *testing.T, s *SQL) {
		addAll(t, s, rs)
		for _, q := range qs {
			got, err := s.Dyad(context.Background(), q)
			if err != nil {
				t.Fatalf("Dyad(%+v): %v", q, err)
			}
			if want := refDyad(evs, q); !closePoints(got, want) || len(want) == 0 {
				t.Errorf("Dyad(%+v):\n got %v\nwant %v", q, got, want)
			}
		}
		if _, err := s.Dyad(context.Background(), DyadQuery{Interval: "day'; DROP TABLE events; --"}); err == nil {
			t.Error("Dyad accepted an unknown interval")
		}
	})
}

func TestTopActorsAndNetwork(t *testing.T) {
	rs := fixture(150, 4)
	evs := allEvents(rs)
	forEachBackend(t, func(t *testing.T, s *SQL) {
		addAll(t, s, rs)
		ctx := context.Background()
		f := EventFilter{From: day("2024-03-01")}
		counts := map[string]*ActorCount{}
		edges := map[[2]string]*Edge{}
		sums := map[[2]string]float64{}
		for _, e := range evs {
			if !refMatch(f, e) {
				continue
			}
			for i, c := range []string{e.Source, e.Target} {
				if counts[c] == nil {
					counts[c] = &ActorCount{Actor: c}
				}
				counts[c].Events++
				if i == 0 {
					counts[c].AsSrc++
				} else {
					counts[c].AsTgt++
				}
			}
			k := [2]string{e.Source, e.Target}
			if edges[k] == nil {
				edges[k] = &Edge{Source: e.Source, Target: e.Target}
			}
			edges[k].Events++
			if e.QuadClass <= 2 {
				edges[k].Cooperation++
			} else {
				edges[k].Conflict++
			}
			sums[k] += e.Goldstein
		}
		top, err := s.TopActors(ctx, f, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(top) != 3 {
			t.Fatalf("TopActors limit 3 gave %d", len(top))
		}
		for i, a := range top {
			w := counts[a.Actor]
			if w == nil || a.Events != w.Events || a.AsSrc != w.AsSrc || a.AsTgt != w.AsTgt {
				t.Errorf("TopActors[%d] = %+v, want %+v", i, a, w)
			}
			for _, c := range counts {
				if c.Events > top[len(top)-1].Events && !containsActor(top, c.Actor) {
					t.Errorf("actor %s with %d events missing from top 3", c.Actor, c.Events)
				}
			}
		}
		net, err := s.Network(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(net) != len(edges) {
			t.Fatalf("Network: %d edges, want %d", len(net), len(edges))
		}
		for _, e := range net {
			k := [2]string{e.Source, e.Target}
			w := edges[k]
			if w == nil || e.Events != w.Events || e.Cooperation != w.Cooperation || e.Conflict != w.Conflict ||
				math.Abs(e.GoldsteinMean-sums[k]/float64(w.Events)) > 1e-9 {
				t.Errorf("edge %v = %+v, want %+v", k, e, w)
			}
		}
	})
}

func containsActor(as []ActorCount, code string) bool {
	for _, a := range as {
		if a.Actor == code {
			return true
		}
	}
	return false
}

func TestQuotes(t *testing.T) {
	rs := fixture(90, 5)
	forEachBackend(t, func(t *testing.T, s *SQL) {
		addAll(t, s, rs)
		for _, sp := range []string{"", "IRN", "irnmil", "spokesman of is", "nobody", "%", "_"} {
			got, err := s.Quotes(context.Background(), QuoteFilter{Speaker: sp})
			if err != nil {
				t.Fatalf("Quotes(%q): %v", sp, err)
			}
			want := 0
			for _, r := range rs {
				for _, q := range r.Quotes {
					if sp == "" || strings.EqualFold(q.SpeakerCode, sp) || strings.Contains(strings.ToLower(q.Speaker), strings.ToLower(sp)) {
						want++
					}
				}
			}
			if len(got) != want {
				t.Errorf("Quotes(%q) = %d, want %d", sp, len(got), want)
			}
		}
	})
}

// TestHostileFilters passes SQL metacharacters and injection attempts
// through every filter: no error, nothing matched that should not be, and
// the tables are intact afterwards.
func TestHostileFilters(t *testing.T) {
	rs := fixture(40, 6)
	hostile := []string{`' OR '1'='1`, `"; DROP TABLE events; --`, `USA' --`, `%`, `_`, `\`, `\%`, `$1`, `?`,
		"IRN\x00", `'); DELETE FROM documents; --`, strings.Repeat("A", 10000), "ИРН", "\xff\xfe"}
	forEachBackend(t, func(t *testing.T, s *SQL) {
		addAll(t, s, rs)
		ctx := context.Background()
		before, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		evs := allEvents(rs)
		for _, h := range hostile {
			for _, f := range []EventFilter{{Source: h}, {Target: h}, {Actor: h}, {Root: h}, {PLOVER: h}, {Text: h}} {
				got, err := s.Events(ctx, f)
				if err != nil {
					t.Errorf("Events(%q): %v", h, err)
				}
				ref := f
				ref.Source, ref.Target, ref.Actor, ref.Root, ref.PLOVER, ref.Text =
					clean(f.Source), clean(f.Target), clean(f.Actor), clean(f.Root), clean(f.PLOVER), clean(f.Text)
				want := 0
				for _, e := range evs {
					if refMatch(ref, e) {
						want++
					}
				}
				if len(got) != want {
					t.Errorf("Events(%q) matched %d events, want %d", h, len(got), want)
				}
			}
			if _, err := s.Quotes(ctx, QuoteFilter{Speaker: h}); err != nil {
				t.Errorf("Quotes(%q): %v", h, err)
			}
			if _, err := s.Dyad(ctx, DyadQuery{Source: h, Target: h, Interval: "month"}); err != nil {
				t.Errorf("Dyad(%q): %v", h, err)
			}
			if _, err := s.Network(ctx, EventFilter{Actor: h}); err != nil {
				t.Errorf("Network(%q): %v", h, err)
			}
		}
		after, err := s.Stats(ctx)
		if err != nil || after != before {
			t.Fatalf("stats changed after hostile queries: %+v -> %+v (%v)", before, after, err)
		}
	})
}

func TestAddResultIdempotentAndDedup(t *testing.T) {
	rs := fixture(10, 7)
	forEachBackend(t, func(t *testing.T, s *SQL) {
		ctx := context.Background()
		addAll(t, s, rs)
		want, _ := s.Stats(ctx)
		for _, r := range rs {
			r.Doc.ID += "-copy" // same text under another id is still a duplicate
			if added, err := s.AddResult(ctx, r); err != nil || added {
				t.Fatalf("re-adding %s: added=%v err=%v", r.Doc.ID, added, err)
			}
		}
		// Duplicates inside one batch: only the first is stored.
		added, err := s.AddResults(ctx, []event.Result{rs[0], rs[0]})
		if err != nil || added[0] || added[1] {
			t.Fatalf("batch of stored duplicates: %v %v", added, err)
		}
		got, _ := s.Stats(ctx)
		if got != want {
			t.Fatalf("stats after duplicates = %+v, want %+v", got, want)
		}
		fresh := fixture(12, 8)[10:]
		fresh[1].Doc.Text = fresh[0].Doc.Text
		added, err = s.AddResults(ctx, fresh)
		if err != nil || !added[0] || added[1] {
			t.Fatalf("in-batch duplicate: added=%v err=%v", added, err)
		}
	})
}

func TestIDCollisionAndDirtyText(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *SQL) {
		ctx := context.Background()
		a := event.Result{Doc: event.Document{ID: "same", Text: "First text."}}
		b := event.Result{Doc: event.Document{ID: "same", Date: "not a date", Text: "Second text with NUL \x00 and bad \xff UTF-8."},
			Events: []event.Event{{Source: "USA", SourceCountry: "USA", Target: "IRN", TargetCountry: "IRN", Root: "01",
				Sentence: "bad \xff here", Date: "garbage", QuadClass: 1}}}
		for _, r := range []event.Result{a, b} {
			if added, err := s.AddResult(ctx, r); err != nil || !added {
				t.Fatalf("AddResult(%s): added=%v err=%v", r.Doc.ID, added, err)
			}
		}
		evs, err := s.Events(ctx, EventFilter{Source: "USA"})
		if err != nil || len(evs) != 1 {
			t.Fatalf("Events = %v, %v", evs, err)
		}
		if !strings.HasPrefix(evs[0].DocID, "same#") || evs[0].Date != "" || evs[0].Sentence != "bad \uFFFD here" {
			t.Errorf("stored event = doc %q date %q sentence %q", evs[0].DocID, evs[0].Date, evs[0].Sentence)
		}
		if pts, _ := s.Dyad(ctx, DyadQuery{Source: "USA", Interval: "month"}); len(pts) != 0 {
			t.Errorf("undated event appears in dyad series: %v", pts)
		}
	})
}

// wire makes a long story; variant adds a site header and footer and edits
// a few words, as republishers do.
func wire(variant int) string {
	body := `Tehran said on Monday it would resume indirect talks with Washington over its nuclear programme
after weeks of pressure from European governments, the foreign ministry spokesman told reporters in the capital.
The announcement followed a meeting between the foreign minister and the European Union envoy in Muscat,
where officials discussed sanctions relief, inspections by the International Atomic Energy Agency and the
exchange of prisoners held in both countries. Diplomats cautioned that no date had been set for the next round.`
	switch variant {
	case 0:
		return body
	case 1:
		return "GULF LEDGER — " + strings.Replace(body, "on Monday", "on Monday evening", 1) + " Read more at gulfledger.example."
	default:
		return "Harbor Times staff report. " + strings.Replace(body, "cautioned", "warned", 1) + " (c) Harbor Times."
	}
}

func TestNearDuplicates(t *testing.T) {
	ev := func(id string) []event.Event {
		return []event.Event{{DocID: id, Date: "2025-04-12", Source: "IRN", SourceCountry: "IRN", Target: "USA",
			TargetCountry: "USA", Root: "04", QuadClass: 1, Goldstein: 1, Sentence: "Tehran said it would resume talks"}}
	}
	docs := []event.Result{
		{Doc: event.Document{ID: "wire", Date: "2025-04-12", Text: wire(0)}, Events: ev("wire")},
		{Doc: event.Document{ID: "ledger", Date: "2025-04-12", Text: wire(1)}, Events: ev("ledger")},
		{Doc: event.Document{ID: "other", Date: "2025-04-12", Text: "Israel and Hamas agreed to a ceasefire in Gaza " +
			"brokered by Egypt and Qatar after weeks of fighting, officials in Cairo said on Tuesday evening."}, Events: ev("other")},
	}
	forEachBackend(t, func(t *testing.T, s *SQL) {
		ctx := context.Background()
		addAll(t, s, docs[:2]) // linked within one batch
		if _, err := s.AddResult(ctx, docs[2]); err != nil {
			t.Fatal(err)
		}
		// A third copy in a later transaction links to the cluster root.
		if _, err := s.AddResult(ctx, event.Result{Doc: event.Document{ID: "harbor", Text: wire(2)}, Events: ev("harbor")}); err != nil {
			t.Fatal(err)
		}
		rows, err := s.db.QueryContext(ctx, "SELECT id, COALESCE(near_duplicate_of, '') FROM documents ORDER BY id")
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for rows.Next() {
			var id, of string
			rows.Scan(&id, &of)
			got[id] = of
		}
		rows.Close()
		want := map[string]string{"wire": "", "ledger": "wire", "harbor": "wire", "other": ""}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("near_duplicate_of = %v, want %v", got, want)
		}
		st, _ := s.Stats(ctx)
		if st.Documents != 4 || st.Duplicates != 2 || st.Events != 2 || st.DuplicateEvents != 2 {
			t.Errorf("stats = %+v", st)
		}
		pts, err := s.Dyad(ctx, DyadQuery{Source: "IRN", Target: "USA", Interval: "month"})
		if err != nil || len(pts) != 1 || pts[0].Events != 2 {
			t.Errorf("dyad counts near duplicates: %+v %v", pts, err)
		}
	})
}

// TestAddResultsAtomic makes the events load fail halfway through a batch
// and checks that nothing of the batch remains.
func TestAddResultsAtomic(t *testing.T) {
	forEachBackend(t, func(t *testing.T, s *SQL) {
		ctx := context.Background()
		addAll(t, s, fixture(5, 9))
		before, _ := s.Stats(ctx)
		bulk := s.d.bulk
		s.d.bulk = func(ctx context.Context, c *sql.Conn, table string, cols []string, rows func() []any) error {
			if table == "events" {
				return fmt.Errorf("injected failure")
			}
			return bulk(ctx, c, table, cols, rows)
		}
		if _, err := s.AddResults(ctx, fixture(20, 10)); err == nil {
			t.Fatal("AddResults succeeded despite the injected failure")
		}
		s.d.bulk = bulk
		after, _ := s.Stats(ctx)
		if after != before {
			t.Fatalf("failed batch left data: %+v -> %+v", before, after)
		}
		addAll(t, s, fixture(20, 10)) // and the same batch goes in afterwards
	})
}

func TestMinHash(t *testing.T) {
	tests := []struct {
		a, b   string
		linked bool
	}{
		{wire(0), wire(1), true},
		{wire(0), wire(2), true},
		{wire(0), strings.Repeat("completely different words about trade and tariffs in Asia ", 5), false},
	}
	for i, tc := range tests {
		sa, sb := MinHash(tc.a), MinHash(tc.b)
		sim := sa.Similarity(sb)
		if (sim >= NearDupThreshold) != tc.linked {
			t.Errorf("case %d: similarity %.2f, linked want %v", i, sim, tc.linked)
		}
		if tc.linked && !shareKey(sa.BandKeys(), sb.BandKeys()) {
			t.Errorf("case %d: near duplicates share no LSH band", i)
		}
	}
	if MinHash("too short to shingle") != nil {
		t.Error("short text got a signature")
	}
	if s := MinHash(wire(0)); !reflect.DeepEqual(signatureFrom(s.bytes()), s) {
		t.Error("signature encoding does not round-trip")
	}
}

func shareKey(a, b []int64) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// TestSideTokensIndex checks that the events_sides index expression of the
// PostgreSQL migration is the one queries use (sideTokens), so that dyad
// and source filters are answered from the index.
func TestSideTokensIndex(t *testing.T) {
	ms, err := pgDialect.migrations()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range ms {
		found = found || strings.Contains(m.sql, "USING gin (("+sideTokens+"))")
	}
	if !found {
		t.Fatal("no PostgreSQL migration creates the GIN index on sideTokens")
	}
	forEachBackend(t, func(t *testing.T, s *SQL) {
		if s.Dialect() != "postgres" {
			t.Skip("PostgreSQL only")
		}
		ctx := context.Background()
		conn, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		// The tables are empty: forbid sequential scans to see the index used.
		if _, err := conn.ExecContext(ctx, "SET enable_seqscan = off"); err != nil {
			t.Fatal(err)
		}
		for _, f := range []EventFilter{{Source: "USA", Target: "IRN"}, {Source: "USAGOV"}} {
			a := s.newArgs()
			var plan strings.Builder
			err := eachRow(ctx, conn, "EXPLAIN SELECT COUNT(*) FROM events"+eventWhere(a, f), a.vals, func(rows *sql.Rows) error {
				var line string
				err := rows.Scan(&line)
				plan.WriteString(line + "\n")
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(plan.String(), "events_sides") {
				t.Errorf("filter %+v does not use events_sides:\n%s", f, plan.String())
			}
		}
	})
}

// TestNearDuplicateBands checks that only a cluster's representative keeps
// MinHash bands, however many copies of the story arrive and however they
// are batched, so that linking a copy reads one candidate, not the cluster.
func TestNearDuplicateBands(t *testing.T) {
	rs := nearDupCorpus(60)
	for _, batch := range []int{1, 7, 60} {
		t.Run(fmt.Sprint("batch=", batch), func(t *testing.T) {
			forEachBackend(t, func(t *testing.T, s *SQL) {
				ctx := context.Background()
				for i := 0; i < len(rs); i += batch {
					if _, err := s.AddResults(ctx, rs[i:min(i+batch, len(rs))]); err != nil {
						t.Fatal(err)
					}
				}
				var docs, reps int
				q := `SELECT COUNT(DISTINCT b.doc_id), COUNT(DISTINCT d.id) FILTER (WHERE d.near_duplicate_of IS NULL)
					FROM doc_bands b JOIN documents d ON d.id = b.doc_id`
				if err := s.db.QueryRowContext(ctx, q).Scan(&docs, &reps); err != nil {
					t.Fatal(err)
				}
				st, _ := s.Stats(ctx)
				if docs != 5 || reps != 5 || st.Documents != 60 || st.Duplicates != 55 {
					t.Errorf("documents with bands = %d (%d representatives), stats %+v; want 5, 5 and 55 of 60 near duplicates", docs, reps, st)
				}
			})
		})
	}
}
