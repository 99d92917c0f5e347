package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/detente-project/detente/internal/event"
	"github.com/detente-project/detente/internal/store"
)

const testToken = "s3cret-token"

// quietLogger drops the logs of deliberately failing requests.
func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// fakeCoder codes any document mentioning "sanction" as USA -> IRN 163.
type fakeCoder struct{}

func (fakeCoder) Code(d event.Document) event.Result {
	r := event.Result{Doc: d}
	if strings.Contains(strings.ToLower(d.Text), "sanction") {
		r.Events = append(r.Events, event.Event{DocID: d.ID, Date: d.Date, Sentence: d.Text, Source: "USA",
			SourceCountry: "USA", Target: "IRN", TargetCountry: "IRN", CAMEO: "163", Root: "16",
			PLOVER: "SANCTION", Goldstein: -8, QuadClass: 4})
	}
	return r
}

// newTestServer returns a handler over a memStore holding the samples.
func newTestServer(t testing.TB, opts Options) (http.Handler, *memStore) {
	t.Helper()
	st := newMemStore()
	if err := loadSamples(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	if opts.Logger == nil {
		opts.Logger = quietLogger()
	}
	return New(st, opts), st
}

// do sends one request to h.
func do(h http.Handler, method, target string, body io.Reader, hdr map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, body)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// decode parses a JSON response body into v, failing on bad JSON or a
// wrong content type.
func decode(t *testing.T, rec *httptest.ResponseRecorder, v any) {
	t.Helper()
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("content type %q, want JSON; body %s", ct, rec.Body.String())
	}
	if err := json.Unmarshal(rec.Body.Bytes(), v); err != nil {
		t.Fatalf("bad JSON body %q: %v", rec.Body.String(), err)
	}
}

// wantError checks an error status and a JSON error body.
func wantError(t *testing.T, rec *httptest.ResponseRecorder, status int) apiError {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status %d, want %d; body %s", rec.Code, status, rec.Body.String())
	}
	var e apiError
	decode(t, rec, &e)
	if e.Error == "" || e.Status != status {
		t.Fatalf("error body %+v, want message and status %d", e, status)
	}
	return e
}

func TestEventsFilters(t *testing.T) {
	h, _ := newTestServer(t, Options{})
	tests := []struct {
		name, query string
		want        int
		check       func(event.Event) bool
	}{
		{"dyad by country", "source=USA&target=IRN", 9, func(e event.Event) bool { return e.SourceCountry == "USA" && e.TargetCountry == "IRN" }},
		{"lower-case codes", "source=usa&target=irn", 9, nil},
		{"date range inclusive", "source=USA&target=IRN&from=2025-01-01&to=2025-06-22", 2, func(e event.Event) bool { return e.Date >= "2025-01-01" && e.Date <= "2025-06-22" }},
		{"root", "root=19", 8, func(e event.Event) bool { return e.Root == "19" }},
		{"root one digit", "root=5&actor=IRN", 3, func(e event.Event) bool { return e.Root == "05" }},
		{"plover", "plover=aid", 3, func(e event.Event) bool { return e.PLOVER == "AID" }},
		{"actor either side", "actor=HMS", 1, nil},
		{"text", "q=fordow", 1, func(e event.Event) bool { return strings.Contains(e.Sentence, "Fordow") }},
		{"limit", "limit=3", 3, nil},
		{"offset past end", "offset=1000", 0, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(h, "GET", "/api/events?"+tc.query, nil, nil)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			var got eventsResponse
			decode(t, rec, &got)
			if got.Count != tc.want || len(got.Events) != tc.want {
				t.Fatalf("got %d events (count %d), want %d", len(got.Events), got.Count, tc.want)
			}
			for _, e := range got.Events {
				if tc.check != nil && !tc.check(e.Event) {
					t.Errorf("event %s %s->%s %s does not match filter", e.Date, e.Source, e.Target, e.Root)
				}
				if joined := joinSegments(e.Segments); joined != e.Sentence {
					t.Errorf("segments join to %q, want sentence %q", joined, e.Sentence)
				}
			}
		})
	}
}

// joinSegments concatenates segment texts.
func joinSegments(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	return b.String()
}

func TestEventsPassesFiltersToStore(t *testing.T) {
	h, st := newTestServer(t, Options{})
	rec := do(h, "GET", "/api/events?source=USAGOV&target=IRN&actor=ISR&root=19&plover=ASSAULT&from=2020-01-01&to=2020-12-31&q=strike&limit=5&offset=2", nil, nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	want := store.EventFilter{Source: "USAGOV", Target: "IRN", Actor: "ISR", Root: "19", PLOVER: "ASSAULT",
		From: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC),
		Text: "strike", Limit: 5, Offset: 2}
	if st.lastEF != want {
		t.Fatalf("store got %+v\nwant %+v", st.lastEF, want)
	}
}

func TestDyad(t *testing.T) {
	h, st := newTestServer(t, Options{})
	rec := do(h, "GET", "/api/dyad?source=USA&target=IRN&interval=month", nil, nil)
	var got dyadResponse
	decode(t, rec, &got)
	if rec.Code != http.StatusOK || got.Interval != "month" || got.Source != "USA" || got.Target != "IRN" {
		t.Fatalf("status %d, response %+v", rec.Code, got)
	}
	total := 0
	for _, p := range got.Points {
		total += p.Events
		if q := p.Quad[1] + p.Quad[2] + p.Quad[3] + p.Quad[4]; q != p.Events {
			t.Errorf("period %s: quad counts sum to %d, events %d", p.Period, q, p.Events)
		}
	}
	if total != 9 {
		t.Fatalf("dyad USA->IRN has %d events, want 9", total)
	}
	rec = do(h, "GET", "/api/dyad?source=USA&target=IRN&both=true&interval=week&from=2025-06-01&to=2025-06-30", nil, nil)
	decode(t, rec, &got)
	if !st.lastDQ.Both || st.lastDQ.Interval != "week" || len(got.Points) != 2 {
		t.Fatalf("both/week: query %+v, %d points, want both, week and 2 points", st.lastDQ, len(got.Points))
	}
}

func TestListEndpoints(t *testing.T) {
	h, _ := newTestServer(t, Options{})
	t.Run("actors", func(t *testing.T) {
		var got struct{ Actors []store.ActorCount }
		decode(t, do(h, "GET", "/api/actors?limit=2", nil, nil), &got)
		if len(got.Actors) != 2 || got.Actors[0].Actor != "IRN" {
			t.Fatalf("actors %+v, want 2 with IRN first", got.Actors)
		}
	})
	t.Run("network", func(t *testing.T) {
		var got networkResponse
		decode(t, do(h, "GET", "/api/network?min=2", nil, nil), &got)
		if len(got.Edges) == 0 || got.Total <= len(got.Edges) {
			t.Fatalf("network %+v: want some edges with >= 2 events out of more", got)
		}
		for i, e := range got.Edges {
			if e.Events < 2 || (i > 0 && e.Events > got.Edges[i-1].Events) {
				t.Fatalf("edge %d %+v: not filtered or not sorted", i, e)
			}
		}
	})
	t.Run("quotes", func(t *testing.T) {
		var got struct {
			Quotes []event.Quote
			Count  int
		}
		decode(t, do(h, "GET", "/api/quotes?speaker=israel", nil, nil), &got)
		if got.Count != 2 || len(got.Quotes) != 2 {
			t.Fatalf("quotes by Israel: %d, want 2", got.Count)
		}
	})
	t.Run("stats", func(t *testing.T) {
		var got store.Stats
		decode(t, do(h, "GET", "/api/stats", nil, nil), &got)
		if got.Events != len(samples) || got.Documents != len(samples) {
			t.Fatalf("stats %+v, want %d events and documents", got, len(samples))
		}
	})
	t.Run("healthz", func(t *testing.T) {
		rec := do(h, "GET", "/healthz", nil, nil)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"ok"`) {
			t.Fatalf("healthz %d %s", rec.Code, rec.Body)
		}
	})
}

func TestBadParameters(t *testing.T) {
	h, _ := newTestServer(t, Options{})
	long := strings.Repeat("a", store.MaxTextLen+1)
	tests := []struct{ name, target string }{
		{"bad month", "/api/events?from=2025-13-01"},
		{"words as date", "/api/events?to=yesterday"},
		{"sql in date", "/api/events?from=" + url.QueryEscape("2025-01-01' OR '1'='1")},
		{"from after to", "/api/events?from=2025-02-01&to=2025-01-01"},
		{"year out of range", "/api/events?from=0001-01-01"},
		{"negative limit", "/api/events?limit=-1"},
		{"huge limit", "/api/events?limit=1000000"},
		{"limit not a number", "/api/events?limit=ten"},
		{"offset overflow", "/api/events?offset=99999999999999999999999"},
		{"root 99", "/api/events?root=99"},
		{"root text", "/api/events?root=" + url.QueryEscape("19 OR 1=1")},
		{"sql in source", "/api/events?source=" + url.QueryEscape("USA'; DROP TABLE events;--")},
		{"code too long", "/api/events?actor=" + strings.Repeat("A", 33)},
		{"plover with quote", "/api/events?plover=" + url.QueryEscape("ASSAULT'--")},
		{"plover not a type", "/api/events?plover=NOPE"},
		{"network plover not a type", "/api/network?plover=nope"},
		{"text too long", "/api/events?q=" + long},
		{"control char in text", "/api/events?q=" + url.QueryEscape("a\x00b")},
		{"invalid utf-8", "/api/events?q=%ff%fe"},
		{"repeated parameter", "/api/events?source=USA&source=IRN"},
		{"dyad missing target", "/api/dyad?source=USA"},
		{"dyad bad interval", "/api/dyad?source=USA&target=IRN&interval=year"},
		{"dyad bad both", "/api/dyad?source=USA&target=IRN&both=maybe"},
		{"actors limit zero", "/api/actors?limit=0"},
		{"network bad min", "/api/network?min=0"},
		{"quotes bad date", "/api/quotes?from=2025-02-30"},
		{"stats repeated", "/api/stats?a=1&a=2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantError(t, do(h, "GET", tc.target, nil, nil), http.StatusBadRequest)
		})
	}
}

func TestSQLMetacharactersReachStoreAsData(t *testing.T) {
	h, st := newTestServer(t, Options{})
	for _, q := range []string{"'; DROP TABLE events; --", `" OR 1=1 --`, "100%_\\", "Iran's"} {
		rec := do(h, "GET", "/api/events?q="+url.QueryEscape(q), nil, nil)
		if rec.Code != http.StatusOK {
			t.Fatalf("q=%q: status %d %s", q, rec.Code, rec.Body)
		}
		if st.lastEF.Text != q {
			t.Fatalf("store got text %q, want %q verbatim", st.lastEF.Text, q)
		}
		rec = do(h, "GET", "/api/quotes?speaker="+url.QueryEscape(q), nil, nil)
		if rec.Code != http.StatusOK || st.lastQF.Speaker != q {
			t.Fatalf("speaker=%q: status %d, store got %q", q, rec.Code, st.lastQF.Speaker)
		}
	}
	var stats store.Stats
	decode(t, do(h, "GET", "/api/stats", nil, nil), &stats)
	if stats.Events != len(samples) {
		t.Fatalf("events after hostile queries: %d, want %d", stats.Events, len(samples))
	}
}

func TestUnknownPathsAndMethods(t *testing.T) {
	h, _ := newTestServer(t, Options{Token: testToken, Coder: fakeCoder{}})
	tests := []struct {
		method, target string
		status         int
		allow          string
	}{
		{"GET", "/api/nope", 404, ""},
		{"GET", "/api/events/1", 404, ""},
		{"GET", "/nope.html", 404, ""},
		{"GET", "/../../etc/passwd", 404, ""},
		{"GET", "/%2e%2e/%2e%2e/etc/passwd", 404, ""},
		{"POST", "/api/events", 405, "GET, HEAD"},
		{"DELETE", "/api/dyad", 405, "GET, HEAD"},
		{"GET", "/api/documents", 405, "POST"},
		{"PUT", "/api/documents", 405, "POST"},
		{"POST", "/", 405, "GET, HEAD"},
	}
	for _, tc := range tests {
		t.Run(tc.method+" "+tc.target, func(t *testing.T) {
			rec := do(h, tc.method, tc.target, nil, map[string]string{"Authorization": "Bearer " + testToken})
			wantError(t, rec, tc.status)
			if got := rec.Header().Get("Allow"); got != tc.allow {
				t.Fatalf("Allow %q, want %q", got, tc.allow)
			}
		})
	}
	if rec := do(h, "HEAD", "/api/stats", nil, nil); rec.Code != http.StatusOK {
		t.Fatalf("HEAD /api/stats: %d", rec.Code)
	}
}

func TestDocumentsAuth(t *testing.T) {
	body := `{"id":"a","text":"Washington imposed sanctions on Tehran."}`
	tests := []struct {
		name, token, header string
		status              int
	}{
		{"no token configured, none sent", "", "", 401},
		{"no token configured, empty bearer", "", "Bearer ", 401},
		{"no token configured, some bearer", "", "Bearer anything", 401},
		{"missing header", testToken, "", 401},
		{"wrong token", testToken, "Bearer wrong", 401},
		{"token prefix only", testToken, "Bearer " + testToken[:5], 401},
		{"token plus suffix", testToken, "Bearer " + testToken + "x", 401},
		{"basic scheme", testToken, "Basic " + testToken, 401},
		{"bare token", testToken, testToken, 401},
		{"right token", testToken, "Bearer " + testToken, 200},
		{"scheme case-insensitive", testToken, "bearer " + testToken, 200},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, st := newTestServer(t, Options{Token: tc.token, Coder: fakeCoder{}})
			hdr := map[string]string{}
			if tc.header != "" {
				hdr["Authorization"] = tc.header
			}
			rec := do(h, "POST", "/api/documents", strings.NewReader(body), hdr)
			if tc.status != 200 {
				wantError(t, rec, tc.status)
				if !strings.HasPrefix(rec.Header().Get("WWW-Authenticate"), "Bearer") {
					t.Fatal("401 without WWW-Authenticate: Bearer")
				}
				if len(st.docs) != len(samples) {
					t.Fatal("unauthorized request stored a document")
				}
				return
			}
			if rec.Code != 200 || len(st.docs) != len(samples)+1 {
				t.Fatalf("status %d, %d docs: %s", rec.Code, len(st.docs), rec.Body)
			}
		})
	}
}

func TestDocumentsBodies(t *testing.T) {
	auth := map[string]string{"Authorization": "Bearer " + testToken}
	tests := []struct {
		name, body string
		status     int
		want       ingestResponse
		errHas     string
	}{
		{"one document", `{"id":"a","date":"2025-06-01","text":"The U.S. imposed sanctions on Iran."}`, 200,
			ingestResponse{Documents: 1, Added: 1, Events: 1}, ""},
		{"array", `[{"id":"a","text":"New sanctions."},{"id":"b","text":"Talks resumed."}]`, 200,
			ingestResponse{Documents: 2, Added: 2, Events: 1}, ""},
		{"jsonl with blank line", "{\"id\":\"a\",\"text\":\"One sanction.\"}\n\n{\"id\":\"b\",\"text\":\"Two sanctions.\"}\n", 200,
			ingestResponse{Documents: 2, Added: 2, Events: 2}, ""},
		{"duplicate text", `[{"id":"a","text":"Same."},{"id":"b","text":"Same."}]`, 200,
			ingestResponse{Documents: 2, Added: 1, Duplicates: 1}, ""},
		{"no id gets a hash id", `{"text":"Untitled."}`, 200, ingestResponse{Documents: 1, Added: 1}, ""},
		{"empty body", "", 400, ingestResponse{}, "empty body"},
		{"whitespace body", " \n\t ", 400, ingestResponse{}, "empty body"},
		{"bad json line 2", "{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\": \"b\", text}\n", 400, ingestResponse{}, "line 2"},
		{"truncated", `{"id":"a","text":"ok"`, 400, ingestResponse{}, "bad JSON"},
		{"wrong type", `{"id":5,"text":"ok"}`, 400, ingestResponse{}, "bad JSON"},
		{"string not object", `"hello"`, 400, ingestResponse{}, "bad JSON"},
		{"null", `null`, 400, ingestResponse{}, `"text" is empty`},
		{"missing text line 3", "[\n{\"id\":\"a\",\"text\":\"ok\"},\n{\"id\":\"b\"}\n]", 400, ingestResponse{}, "line 3"},
		{"bad date", `{"id":"a","date":"June 2025","text":"ok"}`, 400, ingestResponse{}, "YYYY-MM-DD"},
		{"garbage after array", `[{"id":"a","text":"ok"}] trailing`, 400, ingestResponse{}, "after the closing"},
		{"unclosed array", `[{"id":"a","text":"ok"}`, 400, ingestResponse{}, "bad JSON"},
		{"invalid utf-8", "{\"id\":\"a\",\n\"text\":\"\xff\xfe\"}", 400, ingestResponse{}, "line 2: invalid UTF-8"},
		{"binary", "\x00\x01\x02\x03", 400, ingestResponse{}, "bad JSON"},
		{"too many documents", `[{"text":"1"},{"text":"2"},{"text":"3"},{"text":"4"}]`, 400, ingestResponse{}, "more than 3"},
		{"id too long", `{"id":"` + strings.Repeat("x", 201) + `","text":"ok"}`, 400, ingestResponse{}, "longer than 200"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, st := newTestServer(t, Options{Token: testToken, Coder: fakeCoder{}, MaxDocuments: 3})
			rec := do(h, "POST", "/api/documents", strings.NewReader(tc.body), auth)
			if tc.status != 200 {
				e := wantError(t, rec, tc.status)
				if !strings.Contains(e.Error, tc.errHas) {
					t.Fatalf("error %q does not mention %q", e.Error, tc.errHas)
				}
				if len(st.docs) != len(samples) {
					t.Fatal("rejected body stored documents")
				}
				return
			}
			var got ingestResponse
			decode(t, rec, &got)
			if rec.Code != 200 || got != tc.want {
				t.Fatalf("status %d, response %+v, want %+v", rec.Code, got, tc.want)
			}
		})
	}
}

func TestDocumentsIngestedAreQueryable(t *testing.T) {
	h, _ := newTestServer(t, Options{Token: testToken, Coder: fakeCoder{}})
	body := `{"id":"new","date":"2026-01-05","text":"Washington announced sanctions on Tehran's oil exports."}`
	rec := do(h, "POST", "/api/documents", strings.NewReader(body), map[string]string{"Authorization": "Bearer " + testToken})
	if rec.Code != 200 {
		t.Fatalf("ingest: %d %s", rec.Code, rec.Body)
	}
	var got eventsResponse
	decode(t, do(h, "GET", "/api/events?from=2026-01-01", nil, nil), &got)
	if got.Count != 1 || got.Events[0].DocID != "new" {
		t.Fatalf("events from 2026: %+v, want the ingested one", got.Events)
	}
}

func TestDocumentsBodyLimit(t *testing.T) {
	h, st := newTestServer(t, Options{Token: testToken, Coder: fakeCoder{}})
	// An 11 MB single-line document: over the 10 MB default limit.
	big := `{"id":"big","text":"` + strings.Repeat("a", 11<<20) + `"}`
	rec := do(h, "POST", "/api/documents", strings.NewReader(big), map[string]string{"Authorization": "Bearer " + testToken})
	wantError(t, rec, http.StatusRequestEntityTooLarge)
	if len(st.docs) != len(samples) {
		t.Fatal("oversized body stored a document")
	}
	// The check happens after authentication: no token, no reading.
	rec = do(h, "POST", "/api/documents", strings.NewReader(big), nil)
	wantError(t, rec, http.StatusUnauthorized)
}

// TestDocumentsSizeLimit refuses, with 413 and before coding anything, a
// request in which one document's text is over the per-document limit.
func TestDocumentsSizeLimit(t *testing.T) {
	small := `{"id":"a","text":"Iran rejected talks."}`
	doc := func(id string, n int) string {
		return `{"id":"` + id + `","text":"` + strings.Repeat("Israel attacked Iran. ", n/22+1)[:n] + `"}`
	}
	tests := []struct {
		name   string
		max    int
		body   string
		status int
		errHas string
	}{
		{"default limit, 3 MB", 0, "[" + small + "," + doc("big", 3<<20) + "]", 413, `document 2 ("big") has 3145728 bytes`},
		{"default limit, 2 MB", 0, doc("ok", store.DefaultMaxDocumentBytes), 200, ""},
		{"small limit", 100, small + "\n" + doc("b", 101), 413, "more than the limit of 100"},
		{"small limit, at it", 100, doc("b", 100), 200, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, st := newTestServer(t, Options{Token: testToken, Coder: fakeCoder{}, MaxDocumentBytes: tc.max})
			rec := do(h, "POST", "/api/documents", strings.NewReader(tc.body), map[string]string{"Authorization": "Bearer " + testToken})
			if tc.status == 200 {
				if rec.Code != 200 {
					t.Fatalf("status %d: %s", rec.Code, rec.Body)
				}
				return
			}
			if e := wantError(t, rec, tc.status); !strings.Contains(e.Error, tc.errHas) {
				t.Errorf("error %q does not say %q", e.Error, tc.errHas)
			}
			if len(st.docs) != len(samples) {
				t.Error("a refused request stored documents")
			}
		})
	}
}

// panickyCoder panics on documents that mention "boom".
type panickyCoder struct{ fakeCoder }

func (p panickyCoder) Code(d event.Document) event.Result {
	if strings.Contains(d.Text, "boom") {
		panic("coder exploded")
	}
	return p.fakeCoder.Code(d)
}

func TestDocumentsCoderPanic(t *testing.T) {
	h, st := newTestServer(t, Options{Token: testToken, Coder: panickyCoder{}})
	body := `[{"id":"a","text":"sanctions"},{"id":"b","text":"boom"},{"id":"c","text":"fine"}]`
	rec := do(h, "POST", "/api/documents", strings.NewReader(body), map[string]string{"Authorization": "Bearer " + testToken})
	e := wantError(t, rec, http.StatusInternalServerError)
	if !strings.Contains(e.Error, `document 2 ("b")`) || strings.Contains(e.Error, "exploded") {
		t.Fatalf("error %q: want the document named and the panic kept internal", e.Error)
	}
	if len(st.docs) != len(samples) {
		t.Fatal("a batch whose coding failed stored documents")
	}
	// The server still works.
	body = `[{"id":"a","text":"sanctions"},{"id":"c","text":"fine"}]`
	rec = do(h, "POST", "/api/documents", strings.NewReader(body), map[string]string{"Authorization": "Bearer " + testToken})
	if rec.Code != http.StatusOK || len(st.docs) != len(samples)+2 {
		t.Fatalf("after a coder panic: %d, %d docs", rec.Code, len(st.docs))
	}
}

func TestDocumentsWithoutCoder(t *testing.T) {
	h, _ := newTestServer(t, Options{Token: testToken})
	rec := do(h, "POST", "/api/documents", strings.NewReader(`{"text":"x"}`), map[string]string{"Authorization": "Bearer " + testToken})
	wantError(t, rec, http.StatusNotImplemented)
}

func TestSimulate(t *testing.T) {
	h, _ := newTestServer(t, Options{})
	wantError(t, do(h, "GET", "/api/simulate", nil, nil), http.StatusNotImplemented)

	var calls atomic.Int32
	h, _ = newTestServer(t, Options{Simulate: func(context.Context) (any, error) {
		calls.Add(1)
		return map[string]any{"outcome": 42.5}, nil
	}})
	for range 3 {
		var got map[string]float64
		decode(t, do(h, "GET", "/api/simulate", nil, nil), &got)
		if got["outcome"] != 42.5 {
			t.Fatalf("simulate result %v", got)
		}
	}
	if calls.Load() != 1 {
		t.Fatalf("simulator ran %d times, want once (cached)", calls.Load())
	}

	calls.Store(0)
	h, _ = newTestServer(t, Options{Simulate: func(context.Context) (any, error) {
		calls.Add(1)
		return nil, errors.New("scenario examples/iran-us.yaml:3: bad salience")
	}})
	for range 2 {
		e := wantError(t, do(h, "GET", "/api/simulate", nil, nil), http.StatusInternalServerError)
		if !strings.Contains(e.Error, "bad salience") {
			t.Fatalf("error %q does not explain", e.Error)
		}
	}
	if calls.Load() != 2 {
		t.Fatalf("failed simulation ran %d times, want a retry each request", calls.Load())
	}
}

func TestStoreFailures(t *testing.T) {
	h, st := newTestServer(t, Options{Token: testToken, Coder: fakeCoder{}})
	st.failErr = errors.New("duckdb: secret internal path /var/db")
	for _, p := range []string{"/api/events", "/api/dyad?source=USA&target=IRN", "/api/actors", "/api/network", "/api/quotes", "/api/stats"} {
		e := wantError(t, do(h, "GET", p, nil, nil), http.StatusServiceUnavailable)
		if strings.Contains(e.Error, "secret") {
			t.Fatalf("%s leaks the store error: %q", p, e.Error)
		}
	}
	if rec := do(h, "GET", "/healthz", nil, nil); rec.Code != http.StatusServiceUnavailable {
		t.Fatalf("healthz with failing store: %d", rec.Code)
	}
	rec := do(h, "POST", "/api/documents", strings.NewReader(`{"text":"x"}`), map[string]string{"Authorization": "Bearer " + testToken})
	wantError(t, rec, http.StatusServiceUnavailable)
	st.failErr = context.DeadlineExceeded
	wantError(t, do(h, "GET", "/api/events", nil, nil), http.StatusGatewayTimeout)
}

func TestRecoverFromPanic(t *testing.T) {
	h, st := newTestServer(t, Options{})
	st.panicky = true
	wantError(t, do(h, "GET", "/api/events", nil, nil), http.StatusInternalServerError)
	st.panicky = false
	if rec := do(h, "GET", "/api/events", nil, nil); rec.Code != http.StatusOK {
		t.Fatalf("after a panic: %d", rec.Code)
	}
}

func TestSecurityHeaders(t *testing.T) {
	h, _ := newTestServer(t, Options{})
	for _, p := range []string{"/", "/api/events", "/api/nope"} {
		rec := do(h, "GET", p, nil, nil)
		csp := rec.Header().Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "script-src 'self'") ||
			strings.Contains(csp, "http") || strings.Contains(csp, "*") {
			t.Fatalf("%s: CSP %q allows outside sources or lacks defaults", p, csp)
		}
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"} {
			if got := rec.Header().Get(k); got != v {
				t.Fatalf("%s: %s = %q, want %q", p, k, got, v)
			}
		}
	}
}

func TestStaticDashboard(t *testing.T) {
	h, _ := newTestServer(t, Options{})
	rec := do(h, "GET", "/", nil, nil)
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") ||
		!strings.Contains(rec.Body.String(), `src="app.js"`) {
		t.Fatalf("GET /: %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	if strings.Contains(rec.Body.String(), "http://") || strings.Contains(rec.Body.String(), "https://") {
		t.Fatal("index.html references an outside URL")
	}
	plain := do(h, "GET", "/app.js", nil, nil)
	if plain.Code != 200 || !strings.Contains(plain.Header().Get("Content-Type"), "javascript") || plain.Body.Len() < 1000 {
		t.Fatalf("GET /app.js: %d %q %d bytes", plain.Code, plain.Header().Get("Content-Type"), plain.Body.Len())
	}
	gz := do(h, "GET", "/app.js", nil, map[string]string{"Accept-Encoding": "br, gzip;q=0.8"})
	if gz.Header().Get("Content-Encoding") != "gzip" || gz.Body.Len() >= plain.Body.Len() {
		t.Fatalf("gzip: encoding %q, %d bytes vs %d plain", gz.Header().Get("Content-Encoding"), gz.Body.Len(), plain.Body.Len())
	}
	zr, err := gzip.NewReader(gz.Body)
	if err != nil {
		t.Fatal(err)
	}
	unz, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(unz, plain.Body.Bytes()) {
		t.Fatalf("gzip body does not decompress to the plain file (err %v)", err)
	}
	if no := do(h, "GET", "/app.js", nil, map[string]string{"Accept-Encoding": "gzip;q=0"}); no.Header().Get("Content-Encoding") != "" {
		t.Fatal("gzip sent although q=0")
	}
}

func TestNewHTTPServerTimeouts(t *testing.T) {
	s := NewHTTPServer("127.0.0.1:0", http.NotFoundHandler())
	if s.ReadHeaderTimeout <= 0 || s.ReadTimeout <= 0 || s.WriteTimeout <= 0 || s.IdleTimeout <= 0 || s.MaxHeaderBytes <= 0 {
		t.Fatalf("server without limits: %+v", s)
	}
}

func TestTopEdges(t *testing.T) {
	edges := []store.Edge{{Source: "B", Target: "A", Events: 2}, {Source: "A", Target: "B", Events: 2}, {Source: "C", Target: "A", Events: 5}, {Source: "D", Target: "A", Events: 1}}
	got := topEdges(edges, 2, 2)
	if len(got) != 2 || got[0].Source != "C" || got[1].Source != "A" {
		t.Fatalf("topEdges = %+v, want C->A then A->B", got)
	}
}

func TestHostileBodiesOverHTTP(t *testing.T) {
	h, st := newTestServer(t, Options{Token: testToken, Coder: fakeCoder{}})
	base := startServer(t, h)
	post := func(body io.Reader) *http.Response {
		t.Helper()
		req, err := http.NewRequest("POST", base+"/api/documents", body)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+testToken)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	// Deeply nested arrays: the decoder's depth limit answers, no crash.
	if resp := post(strings.NewReader(strings.Repeat("[", 200_000))); resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("deep nesting: %d, want 400", resp.StatusCode)
	}
	// A streamed 12 MB body without Content-Length is cut at the limit.
	pr, pw := io.Pipe()
	go func() {
		chunk := bytes.Repeat([]byte("a"), 1<<20)
		_, _ = pw.Write([]byte(`{"text":"`))
		for range 12 {
			if _, err := pw.Write(chunk); err != nil {
				return
			}
		}
		_ = pw.Close()
	}()
	if resp := post(pr); resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("streamed 12 MB: %d, want 413", resp.StatusCode)
	}
	_ = pr.Close()
	// A 100 KB URL exceeds the header limit.
	resp, err := http.Get(base + "/api/events?q=" + strings.Repeat("x", 100<<10))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Fatalf("100 KB URL: %d, want 431", resp.StatusCode)
	}
	if len(st.docs) != len(samples) {
		t.Fatal("hostile bodies stored documents")
	}
}
