package server

import (
	"context"
	"errors"
	"net/http"
	"sort"
	"time"

	"github.com/detente-project/detente/internal/event"
	"github.com/detente-project/detente/internal/store"
)

// queryTimeout bounds each store query made for one request.
const queryTimeout = 20 * time.Second

// Defaults and limits of the list endpoints.
const (
	defaultActors = 50
	maxActors     = 500
	defaultEdges  = 200
	maxEdges      = 2000
)

// storeFailed logs a store error and answers 503 (or 504 on timeout)
// without echoing internals to the client.
func (s *server) storeFailed(w http.ResponseWriter, r *http.Request, err error) {
	s.log.Error("store query failed", "path", r.URL.Path, "err", err)
	if errors.Is(err, context.DeadlineExceeded) {
		writeError(w, http.StatusGatewayTimeout, "store query timed out")
		return
	}
	writeError(w, http.StatusServiceUnavailable, "store query failed")
}

// badParams answers 400 with the first validation error.
func badParams(w http.ResponseWriter, p *params) bool {
	if p.err == nil {
		return false
	}
	writeError(w, http.StatusBadRequest, p.err.Error())
	return true
}

// handleHealth answers 200 when the store answers a stats query.
func (s *server) handleHealth(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	if _, err := s.st.Stats(ctx); err != nil {
		s.log.Error("health check failed", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "store unavailable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// eventsResponse is the body of GET /api/events.
type eventsResponse struct {
	Events []apiEvent `json:"events"`
	Count  int        `json:"count"`
	Limit  int        `json:"limit"`
	Offset int        `json:"offset"`
}

// handleEvents lists events matching source, target, actor, root, plover,
// q (evidence substring), from, to (inclusive), limit and offset.
func (s *server) handleEvents(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query())
	f := p.eventFilter()
	f.Limit = p.integer("limit", defaultLimit, 1, maxLimit)
	f.Offset = p.integer("offset", 0, 0, maxOffset)
	if badParams(w, p) {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), queryTimeout)
	defer cancel()
	evs, err := s.st.Events(ctx, f)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	out := eventsResponse{Events: make([]apiEvent, 0, len(evs)), Limit: f.Limit, Offset: f.Offset}
	for _, ev := range evs {
		out.Events = append(out.Events, apiEvent{Event: ev, Segments: highlight(ev)})
	}
	out.Count = len(out.Events)
	writeJSON(w, http.StatusOK, out)
}

// dyadResponse is the body of GET /api/dyad.
type dyadResponse struct {
	Source   string            `json:"source"`
	Target   string            `json:"target"`
	Both     bool              `json:"both"`
	Interval string            `json:"interval"`
	Points   []store.DyadPoint `json:"points"`
}

// handleDyad returns the per-period series of events from source to target
// (both directions with both=true): counts per quad class, Goldstein sum
// and mean.
func (s *server) handleDyad(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query())
	q := store.DyadQuery{
		Source:   p.code("source"),
		Target:   p.code("target"),
		Both:     p.boolean("both"),
		Interval: p.oneOf("interval", "month", "month", "week"),
	}
	q.From, q.To = p.dateRange()
	if p.err == nil && (q.Source == "" || q.Target == "") {
		p.fail("source and target are required")
	}
	if badParams(w, p) {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), queryTimeout)
	defer cancel()
	pts, err := s.st.Dyad(ctx, q)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	if pts == nil {
		pts = []store.DyadPoint{}
	}
	writeJSON(w, http.StatusOK, dyadResponse{Source: q.Source, Target: q.Target, Both: q.Both, Interval: q.Interval, Points: pts})
}

// handleActors returns the most active actors under the event filters.
func (s *server) handleActors(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query())
	f := p.eventFilter()
	limit := p.integer("limit", defaultActors, 1, maxActors)
	if badParams(w, p) {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), queryTimeout)
	defer cancel()
	actors, err := s.st.TopActors(ctx, f, limit)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	if actors == nil {
		actors = []store.ActorCount{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"actors": actors})
}

// networkResponse is the body of GET /api/network.
type networkResponse struct {
	Edges []store.Edge `json:"edges"`
	Total int          `json:"total"` // edges before min/limit were applied
}

// handleNetwork returns directed actor edges weighted by cooperation and
// conflict, the heaviest first, keeping edges with at least min events and
// at most limit of them.
func (s *server) handleNetwork(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query())
	f := p.eventFilter()
	limit := p.integer("limit", defaultEdges, 1, maxEdges)
	minEvents := p.integer("min", 1, 1, 1_000_000)
	if badParams(w, p) {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), queryTimeout)
	defer cancel()
	edges, err := s.st.Network(ctx, f)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, networkResponse{Edges: topEdges(edges, minEvents, limit), Total: len(edges)})
}

// topEdges keeps edges with at least minEvents events, heaviest first
// (ties by source then target, so the answer is stable), at most limit.
func topEdges(edges []store.Edge, minEvents, limit int) []store.Edge {
	out := make([]store.Edge, 0, len(edges))
	for _, e := range edges {
		if e.Events >= minEvents {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Events != b.Events {
			return a.Events > b.Events
		}
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Target < b.Target
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// handleQuotes returns quotes, optionally by speaker code or name.
func (s *server) handleQuotes(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL.Query())
	f := store.QuoteFilter{Speaker: p.text("speaker")}
	f.From, f.To = p.dateRange()
	f.Limit = p.integer("limit", defaultLimit, 1, maxLimit)
	f.Offset = p.integer("offset", 0, 0, maxOffset)
	if badParams(w, p) {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), queryTimeout)
	defer cancel()
	qs, err := s.st.Quotes(ctx, f)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	if qs == nil {
		qs = []event.Quote{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"quotes": qs, "count": len(qs)})
}

// handleStats returns what the store holds.
func (s *server) handleStats(w http.ResponseWriter, r *http.Request) {
	if badParams(w, newParams(r.URL.Query())) {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), queryTimeout)
	defer cancel()
	st, err := s.st.Stats(ctx)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// handleSimulate runs the bundled simulator scenario once and serves the
// cached result afterwards.
func (s *server) handleSimulate(w http.ResponseWriter, r *http.Request) {
	if s.opts.Simulate == nil {
		writeError(w, http.StatusNotImplemented, "simulator not available in this server")
		return
	}
	s.simMu.Lock()
	defer s.simMu.Unlock()
	if s.simResult == nil {
		ctx, cancel := context.WithTimeout(r.Context(), time.Minute)
		defer cancel()
		res, err := s.opts.Simulate(ctx)
		if err != nil {
			s.log.Error("simulate failed", "err", err)
			writeError(w, http.StatusInternalServerError, "simulation failed: "+truncateErr(err))
			return
		}
		s.simResult = res
	}
	writeJSON(w, http.StatusOK, s.simResult)
}

// truncateErr shortens an error message for a response.
func truncateErr(err error) string {
	msg := err.Error()
	if len(msg) > 300 {
		msg = msg[:300] + "..."
	}
	return msg
}
