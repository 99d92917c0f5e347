package server

import (
	"context"
	"crypto/sha256"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/detente-project/detente/internal/event"
	"github.com/detente-project/detente/internal/store"
)

// memStore is an in-memory store.Store for tests. It records the last
// filters it was given, and can be told to fail or panic.
type memStore struct {
	mu      sync.Mutex
	hashes  map[[32]byte]bool
	docs    []event.Document
	events  []event.Event
	quotes  []event.Quote
	lastEF  store.EventFilter
	lastDQ  store.DyadQuery
	lastQF  store.QuoteFilter
	failErr error
	panicky bool
}

func newMemStore() *memStore { return &memStore{hashes: map[[32]byte]bool{}} }

// check makes the store fail or panic when told to.
func (m *memStore) check() error {
	if m.panicky {
		panic("memStore: told to panic")
	}
	return m.failErr
}

func (m *memStore) AddResult(_ context.Context, r event.Result) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(); err != nil {
		return false, err
	}
	h := sha256.Sum256([]byte(r.Doc.Text))
	if m.hashes[h] {
		return false, nil
	}
	m.hashes[h] = true
	m.docs = append(m.docs, r.Doc)
	m.events = append(m.events, r.Events...)
	m.quotes = append(m.quotes, r.Quotes...)
	return true, nil
}

// sideMatches reports whether an actor filter matches a code or country.
func sideMatches(want, code, country string) bool {
	return want == "" || want == code || want == country
}

// inRange reports whether date (YYYY-MM-DD) is in [from, to).
func inRange(date string, from, to time.Time) bool {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return from.IsZero() && to.IsZero()
	}
	return (from.IsZero() || !d.Before(from)) && (to.IsZero() || d.Before(to))
}

// match applies an EventFilter to one event.
func match(f store.EventFilter, e event.Event) bool {
	actorOK := f.Actor == "" || sideMatches(f.Actor, e.Source, e.SourceCountry) || sideMatches(f.Actor, e.Target, e.TargetCountry)
	return sideMatches(f.Source, e.Source, e.SourceCountry) && sideMatches(f.Target, e.Target, e.TargetCountry) &&
		actorOK && (f.Root == "" || f.Root == e.Root) && (f.PLOVER == "" || f.PLOVER == e.PLOVER) &&
		inRange(e.Date, f.From, f.To) &&
		(f.Text == "" || strings.Contains(strings.ToLower(e.Sentence), strings.ToLower(f.Text)))
}

func (m *memStore) filtered(f store.EventFilter) []event.Event {
	var out []event.Event
	for _, e := range m.events {
		if match(f, e) {
			out = append(out, e)
		}
	}
	return out
}

func (m *memStore) Events(_ context.Context, f store.EventFilter) ([]event.Event, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.lastEF = f
	if err := m.check(); err != nil {
		return nil, err
	}
	out := m.filtered(f)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date > out[j].Date })
	if f.Offset >= len(out) {
		return nil, nil
	}
	out = out[f.Offset:]
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

// periodStart truncates a date to its month or ISO week (Monday).
func periodStart(d time.Time, interval string) time.Time {
	if interval == "week" {
		wd := (int(d.Weekday()) + 6) % 7
		return d.AddDate(0, 0, -wd)
	}
	return time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
}

func (m *memStore) Dyad(_ context.Context, q store.DyadQuery) ([]store.DyadPoint, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.lastDQ = q
	if err := m.check(); err != nil {
		return nil, err
	}
	byPeriod := map[time.Time]*store.DyadPoint{}
	for _, e := range m.events {
		fwd := sideMatches(q.Source, e.Source, e.SourceCountry) && sideMatches(q.Target, e.Target, e.TargetCountry)
		back := q.Both && sideMatches(q.Target, e.Source, e.SourceCountry) && sideMatches(q.Source, e.Target, e.TargetCountry)
		d, err := time.Parse(time.DateOnly, e.Date)
		if (!fwd && !back) || err != nil || !inRange(e.Date, q.From, q.To) {
			continue
		}
		p := periodStart(d, q.Interval)
		pt := byPeriod[p]
		if pt == nil {
			pt = &store.DyadPoint{Period: p}
			byPeriod[p] = pt
		}
		pt.Events++
		pt.Quad[e.QuadClass]++
		pt.GoldsteinSum += e.Goldstein
		pt.GoldsteinMean = pt.GoldsteinSum / float64(pt.Events)
	}
	out := make([]store.DyadPoint, 0, len(byPeriod))
	for _, p := range byPeriod {
		out = append(out, *p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Period.Before(out[j].Period) })
	return out, nil
}

func (m *memStore) TopActors(_ context.Context, f store.EventFilter, limit int) ([]store.ActorCount, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.lastEF = f
	if err := m.check(); err != nil {
		return nil, err
	}
	counts := map[string]*store.ActorCount{}
	get := func(code, country string) *store.ActorCount {
		if counts[code] == nil {
			counts[code] = &store.ActorCount{Actor: code, Country: country}
		}
		return counts[code]
	}
	for _, e := range m.filtered(f) {
		s, t := get(e.Source, e.SourceCountry), get(e.Target, e.TargetCountry)
		s.Events++
		s.AsSrc++
		t.Events++
		t.AsTgt++
	}
	out := make([]store.ActorCount, 0, len(counts))
	for _, c := range counts {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Events != out[j].Events {
			return out[i].Events > out[j].Events
		}
		return out[i].Actor < out[j].Actor
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func (m *memStore) Network(_ context.Context, f store.EventFilter) ([]store.Edge, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.lastEF = f
	if err := m.check(); err != nil {
		return nil, err
	}
	edges := map[[2]string]*store.Edge{}
	sums := map[[2]string]float64{}
	for _, e := range m.filtered(f) {
		k := [2]string{e.Source, e.Target}
		if edges[k] == nil {
			edges[k] = &store.Edge{Source: e.Source, Target: e.Target}
		}
		ed := edges[k]
		ed.Events++
		if e.QuadClass <= 2 {
			ed.Cooperation++
		} else {
			ed.Conflict++
		}
		sums[k] += e.Goldstein
		ed.GoldsteinMean = sums[k] / float64(ed.Events)
	}
	out := make([]store.Edge, 0, len(edges))
	for _, e := range edges {
		out = append(out, *e)
	}
	return out, nil
}

func (m *memStore) Quotes(_ context.Context, f store.QuoteFilter) ([]event.Quote, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.lastQF = f
	if err := m.check(); err != nil {
		return nil, err
	}
	var out []event.Quote
	for _, q := range m.quotes {
		sp := f.Speaker == "" || strings.EqualFold(q.SpeakerCode, f.Speaker) ||
			strings.Contains(strings.ToLower(q.Speaker), strings.ToLower(f.Speaker))
		if sp && inRange(q.Date, f.From, f.To) {
			out = append(out, q)
		}
	}
	if f.Offset >= len(out) {
		return nil, nil
	}
	out = out[f.Offset:]
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
	}
	return out, nil
}

func (m *memStore) Stats(context.Context) (store.Stats, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.check(); err != nil {
		return store.Stats{}, err
	}
	return store.Stats{Documents: len(m.docs), Events: len(m.events), Quotes: len(m.quotes)}, nil
}

func (m *memStore) Close() error { return nil }

// sampleEvent describes one synthetic news sentence.
type sampleEvent struct {
	date, src, srcCountry, srcText, verb, tgt, tgtCountry, tgtText, cameo, plover string
	goldstein                                                                     float64
	quad                                                                          int
}

// samples is a small U.S.-Iran style history (2019-2025) for tests and
// the browser check. Texts are written for these tests.
var samples = []sampleEvent{
	{"2019-05-08", "USA", "USA", "The United States", "imposed new sanctions on", "IRN", "IRN", "Iran", "163", "SANCTION", -8, 4},
	{"2019-06-20", "IRNMIL", "IRN", "Iranian forces", "shot down", "USA", "USA", "an American drone", "190", "ASSAULT", -10, 4},
	{"2019-09-16", "USAGOV", "USA", "Washington", "accused", "IRN", "IRN", "Tehran", "112", "ACCUSE", -2, 3},
	{"2020-01-03", "USAMIL", "USA", "U.S. forces", "killed a general of", "IRNMIL", "IRN", "the Revolutionary Guards", "186", "ASSAULT", -10, 4},
	{"2020-01-08", "IRNMIL", "IRN", "Iran", "fired missiles at", "USAMIL", "USA", "U.S. troops", "195", "ASSAULT", -10, 4},
	{"2020-01-09", "IRNGOV", "IRN", "Tehran", "threatened", "USA", "USA", "Washington", "138", "THREATEN", -7, 3},
	{"2021-04-06", "USAGOV", "USA", "American envoys", "met", "IRNGOV", "IRN", "Iranian diplomats", "036", "CONSULT", 4, 1},
	{"2021-06-20", "IRNGOV", "IRN", "Iran", "expressed intent to cooperate with", "USA", "USA", "the United States", "030", "AGREE", 4, 1},
	{"2022-08-15", "USA", "USA", "The U.S.", "rejected the proposal of", "IRN", "IRN", "Iran", "125", "REJECT", -5, 3},
	{"2023-09-18", "USA", "USA", "Washington", "released frozen funds to", "IRN", "IRN", "Tehran", "071", "AID", 7.4, 2},
	{"2024-04-14", "IRN", "IRN", "Iran", "launched drones at", "ISR", "ISR", "Israel", "195", "ASSAULT", -10, 4},
	{"2024-10-01", "IRN", "IRN", "Iran", "fired missiles at", "ISR", "ISR", "Israel", "195", "ASSAULT", -10, 4},
	{"2024-10-26", "ISR", "ISR", "Israel", "struck", "IRN", "IRN", "Iran", "195", "ASSAULT", -10, 4},
	{"2025-04-12", "USAGOV", "USA", "U.S. envoy Witkoff", "met", "IRNGOV", "IRN", "Araghchi", "036", "CONSULT", 4, 1},
	{"2025-04-26", "IRNGOV", "IRN", "Tehran", "praised", "USAGOV", "USA", "the American delegation", "051", "COOPERATE", 3.4, 1},
	{"2025-06-13", "ISR", "ISR", "Israel", "bombed", "IRN", "IRN", "Iranian nuclear sites", "195", "ASSAULT", -10, 4},
	{"2025-06-22", "USA", "USA", "The United States", "struck", "IRN", "IRN", "Fordow, Natanz and Isfahan", "195", "ASSAULT", -10, 4},
	{"2025-06-23", "IRN", "IRN", "Iran", "fired missiles at", "USAMIL", "USA", "a U.S. base in Qatar", "195", "ASSAULT", -10, 4},
	{"2025-06-24", "USAGOV", "USA", "Trump", "announced a ceasefire between", "IRN", "IRN", "Iran", "074", "RETREAT", 5, 2},
	{"2025-10-13", "IRNGOV", "IRN", "Iran", "declined an invitation from", "EGY", "EGY", "Egypt", "125", "REJECT", -5, 3},
	{"2025-03-02", "IRN", "IRN", "Iran", "sent weapons to", "HEZ", "", "Hezbollah", "073", "AID", 7.4, 2},
	{"2024-02-10", "IRN", "IRN", "Tehran", "funded", "HMS", "", "Hamas", "073", "AID", 7.4, 2},
	{"2025-05-20", "CHN", "CHN", "China", "signed an energy deal with", "IRN", "IRN", "Iran", "057", "AGREE", 8, 1},
	{"2025-01-17", "RUS", "RUS", "Russia", "signed a partnership treaty with", "IRN", "IRN", "Iran", "057", "AGREE", 8, 1},
}

// sampleResults turns samples into coded documents (one per event, with
// correct document spans) plus one quote per document.
func sampleResults() []event.Result {
	out := make([]event.Result, 0, len(samples))
	for i, s := range samples {
		sent := fmt.Sprintf("%s %s %s on %s.", s.srcText, s.verb, s.tgtText, s.date)
		text := "Dateline. " + sent
		off := strings.Index(text, sent)
		span := func(part string) event.Span {
			j := strings.Index(sent, part)
			return event.Span{Start: off + j, End: off + j + len(part)}
		}
		doc := event.Document{ID: fmt.Sprintf("doc-%02d", i), Date: s.date, Title: "Sample " + s.cameo, Text: text}
		ev := event.Event{
			DocID: doc.ID, Date: s.date, SentenceIndex: 1, Sentence: sent,
			Source: s.src, SourceCountry: s.srcCountry, Target: s.tgt, TargetCountry: s.tgtCountry,
			CAMEO: s.cameo, Root: s.cameo[:2], PLOVER: s.plover, Goldstein: s.goldstein, QuadClass: s.quad,
			Evidence: sent, EvidenceSpan: span(sent), VerbText: s.verb, VerbSpan: span(s.verb),
			SourceText: s.srcText, SourceSpan: span(s.srcText), TargetText: s.tgtText, TargetSpan: span(s.tgtText),
		}
		q := event.Quote{DocID: doc.ID, Date: s.date, Speaker: s.srcText, SpeakerCode: s.src,
			Quote: "We will answer " + s.tgtText + ".", Sentence: sent}
		out = append(out, event.Result{Doc: doc, Events: []event.Event{ev}, Quotes: []event.Quote{q}})
	}
	return out
}

// loadSamples fills a store with sampleResults.
func loadSamples(ctx context.Context, st store.Store) error {
	for _, r := range sampleResults() {
		if _, err := st.AddResult(ctx, r); err != nil {
			return fmt.Errorf("add %s: %w", r.Doc.ID, err)
		}
	}
	return nil
}
