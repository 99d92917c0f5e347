// Package store keeps coded news in DuckDB (the embedded default) or
// PostgreSQL, behind one interface with the same schema and queries.
package store

import (
	"context"
	"time"

	"github.com/detente-project/detente/internal/event"
)

// Store keeps documents, events, quotes and actor mentions. The DuckDB and
// PostgreSQL back ends implement it with the same schema and queries.
type Store interface {
	// AddResult stores one coded document atomically. It reports added=false
	// when a document with the same content hash is already stored.
	AddResult(ctx context.Context, r event.Result) (added bool, err error)
	Events(ctx context.Context, f EventFilter) ([]event.Event, error)
	Dyad(ctx context.Context, q DyadQuery) ([]DyadPoint, error)
	TopActors(ctx context.Context, f EventFilter, limit int) ([]ActorCount, error)
	Network(ctx context.Context, f EventFilter) ([]Edge, error)
	Quotes(ctx context.Context, f QuoteFilter) ([]event.Quote, error)
	Stats(ctx context.Context) (Stats, error)
	Close() error
}

// EventFilter selects events. Empty fields match everything. Actor matches
// either side; Source/Target match actor codes or country codes.
type EventFilter struct {
	Source, Target string
	Actor          string
	Root           string // CAMEO root, "01".."20"
	PLOVER         string
	From, To       time.Time // inclusive from, exclusive to; zero = open
	Text           string    // substring of the evidence sentence
	Limit, Offset  int
}

// DyadQuery asks for a time series of events from Source to Target
// (both directions when Both is set).
type DyadQuery struct {
	Source, Target string
	Both           bool
	Interval       string // "month" or "week"
	From, To       time.Time
}

// DyadPoint is one period of a dyad series: counts per quad class (index
// 1..4; index 0 unused) and Goldstein sum and mean.
type DyadPoint struct {
	Period        time.Time `json:"period"`
	Events        int       `json:"events"`
	Quad          [5]int    `json:"quad"`
	GoldsteinSum  float64   `json:"goldstein_sum"`
	GoldsteinMean float64   `json:"goldstein_mean"`
}

// ActorCount is an actor code with how many events it took part in.
type ActorCount struct {
	Actor   string `json:"actor"`
	Country string `json:"country"`
	Events  int    `json:"events"`
	AsSrc   int    `json:"as_source"`
	AsTgt   int    `json:"as_target"`
}

// Edge is a directed actor pair with cooperation and conflict weights
// (event counts in quad classes 1-2 and 3-4) and mean Goldstein.
type Edge struct {
	Source        string  `json:"source"`
	Target        string  `json:"target"`
	Events        int     `json:"events"`
	Cooperation   int     `json:"cooperation"`
	Conflict      int     `json:"conflict"`
	GoldsteinMean float64 `json:"goldstein_mean"`
}

// QuoteFilter selects quotes by speaker code or name substring.
type QuoteFilter struct {
	Speaker       string
	From, To      time.Time
	Limit, Offset int
}

// Stats counts what the store holds.
type Stats struct {
	Documents  int `json:"documents"`
	Duplicates int `json:"near_duplicates"`
	Events     int `json:"events"`
	Quotes     int `json:"quotes"`
	Mentions   int `json:"mentions"`
	// DuplicateEvents are events of near-duplicate documents: stored but
	// not counted in Events or by any query.
	DuplicateEvents int `json:"duplicate_events"`
	// Actors is the number of distinct actor codes seen.
	Actors int `json:"actors"`
}
