// Package server is detente's HTTP API and embedded web dashboard. It reads
// coded events from a store.Store, accepts new documents over an
// authenticated POST, and serves the dashboard built into package web.
//
// Every response is JSON (or a static asset), every error is a JSON object
// {"error": "...", "status": N}, and no handler can take the process down:
// a recover middleware turns panics into 500s. Query parameters are
// validated here and handed to the store as typed values; the store binds
// them as SQL parameters.
//
// Endpoints (all GET unless noted; dates are YYYY-MM-DD, "to" is the
// inclusive last day; codes are letters and digits, case-insensitive):
//
//	/healthz                      {"status":"ok"}, 503 when the store does not answer
//	/api/events                   source, target, actor, root (1-20), plover, q, from, to, limit (1-1000, 100), offset
//	/api/dyad                     source, target (required), both, interval (month|week), from, to
//	/api/actors                   event filters plus limit (1-500, 50)
//	/api/network                  event filters plus min (events per edge) and limit (1-2000, 200)
//	/api/quotes                   speaker (code or name), from, to, limit, offset
//	/api/stats                    document, event and quote counts
//	/api/simulate                 the bundled scenario's result (501 without a simulator)
//	POST /api/documents           one JSON document, an array or JSON Lines; needs Bearer token
//
// Errors: 400 bad parameters or body, 401 missing or wrong token, 404
// unknown path, 405 wrong method, 413 body over the limit, 501 feature not
// wired, 503/504 store failure or timeout, 500 recovered panic.
package server

import (
	"context"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/detente-project/detente/internal/event"
	"github.com/detente-project/detente/internal/store"
	"github.com/detente-project/detente/web"
)

// DefaultMaxBody is the request body limit used when Options.MaxBody is 0.
const DefaultMaxBody = 10 << 20

// DefaultMaxDocuments caps how many documents one POST may carry.
const DefaultMaxDocuments = 1000

// Coder codes one document. It has the method set of ingest.Coder, so a
// *coder.Coder or any ingest.Coder can be passed as is.
type Coder interface {
	Code(doc event.Document) event.Result
}

// Options configures the handler returned by New.
type Options struct {
	// Token is the bearer token POST /api/documents requires. Empty means
	// ingest over HTTP is refused (401) for everyone.
	Token string
	// Coder codes documents posted to /api/documents; nil answers 501.
	Coder Coder
	// Simulate runs the simulator's bundled scenario for /api/simulate and
	// returns a JSON-serialisable result; nil answers 501. A successful
	// result is cached for the life of the handler.
	Simulate func(ctx context.Context) (any, error)
	// MaxBody limits request bodies in bytes (default DefaultMaxBody).
	MaxBody int64
	// MaxDocuments limits documents per POST (default DefaultMaxDocuments).
	MaxDocuments int
	// MaxDocumentBytes limits one document's text in bytes (default
	// store.DefaultMaxDocumentBytes); a POST with a larger one gets 413.
	MaxDocumentBytes int
	// Logger receives request errors and recovered panics; nil uses
	// slog.Default().
	Logger *slog.Logger
	// Assets overrides the embedded dashboard (tests); nil uses web.Dist().
	Assets fs.FS
}

// server holds the handler state.
type server struct {
	st     store.Store
	opts   Options
	log    *slog.Logger
	routes map[string]route
	static *staticFiles

	simMu     sync.Mutex
	simResult any
}

// route binds one API path to the methods it accepts.
type route struct {
	method string
	h      http.HandlerFunc
}

// New returns the HTTP handler for the API and the dashboard. st must be
// non-nil.
func New(st store.Store, opts Options) http.Handler {
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.MaxDocumentBytes <= 0 {
		opts.MaxDocumentBytes = store.DefaultMaxDocumentBytes
	}
	if opts.MaxDocuments <= 0 {
		opts.MaxDocuments = DefaultMaxDocuments
	}
	s := &server{st: st, opts: opts, log: opts.Logger}
	if s.log == nil {
		s.log = slog.Default()
	}
	assets := opts.Assets
	if assets == nil {
		assets = web.Dist()
	}
	s.static = newStaticFiles(assets)
	s.routes = map[string]route{
		"/healthz":       {http.MethodGet, s.handleHealth},
		"/api/events":    {http.MethodGet, s.handleEvents},
		"/api/dyad":      {http.MethodGet, s.handleDyad},
		"/api/actors":    {http.MethodGet, s.handleActors},
		"/api/network":   {http.MethodGet, s.handleNetwork},
		"/api/quotes":    {http.MethodGet, s.handleQuotes},
		"/api/stats":     {http.MethodGet, s.handleStats},
		"/api/simulate":  {http.MethodGet, s.handleSimulate},
		"/api/documents": {http.MethodPost, s.handleDocuments},
	}
	return s.recoverer(securityHeaders(http.HandlerFunc(s.dispatch)))
}

// dispatch routes a request to an API handler or the static dashboard,
// answering unknown paths with 404 and wrong methods with 405, both JSON.
func (s *server) dispatch(w http.ResponseWriter, r *http.Request) {
	if rt, ok := s.routes[r.URL.Path]; ok {
		if !methodAllowed(rt.method, r.Method) {
			allow := rt.method
			if rt.method == http.MethodGet {
				allow = "GET, HEAD"
			}
			w.Header().Set("Allow", allow)
			writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed; use "+allow)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		rt.h(w, r)
		return
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed; use GET, HEAD")
		return
	}
	s.static.serve(w, r)
}

// methodAllowed reports whether got may call a route registered for want
// (HEAD is allowed wherever GET is).
func methodAllowed(want, got string) bool {
	return got == want || (want == http.MethodGet && got == http.MethodHead)
}

// NewHTTPServer wraps h in an http.Server for addr with read, write and
// idle timeouts and a header size limit, so slow or idle clients cannot
// hold connections open forever.
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}
