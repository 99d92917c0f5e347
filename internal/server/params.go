package server

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/detente-project/detente/internal/store"
)

// Limits on query parameters.
const (
	defaultLimit = 100
	maxLimit     = 1000
	maxOffset    = 1_000_000
)

// params reads and validates query parameters, keeping the first error so
// handlers can parse everything and check once.
type params struct {
	q   url.Values
	err error
}

// newParams rejects repeated parameters, which are ambiguous.
func newParams(q url.Values) *params {
	p := &params{q: q}
	for k, v := range q {
		if len(v) > 1 {
			p.fail("parameter %q given %d times", k, len(v))
		}
	}
	return p
}

// fail records the first validation error.
func (p *params) fail(format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf(format, args...)
	}
}

// get returns the trimmed value of name.
func (p *params) get(name string) string {
	return strings.TrimSpace(p.q.Get(name))
}

// code reads an actor or country code (store.ParseCode). Empty is allowed.
func (p *params) code(name string) string {
	return p.check(name, store.ParseCode)
}

// plover reads one of the 16 PLOVER event types (store.ParsePLOVER).
func (p *params) plover(name string) string {
	return p.check(name, store.ParsePLOVER)
}

// root reads a CAMEO root code 1..20, normalised to two digits ("01").
func (p *params) root(name string) string {
	return p.check(name, store.ParseRoot)
}

// check reads name with parse, recording its error under the name.
func (p *params) check(name string, parse func(string) (string, error)) string {
	v, err := parse(p.get(name))
	if err != nil {
		p.fail("%s: %v", name, err)
	}
	return v
}

// text reads free text (a search substring or a speaker name): valid UTF-8
// without control characters, at most store.MaxTextLen bytes.
func (p *params) text(name string) string {
	return p.check(name, store.ParseText)
}

// dateRange reads from and to, both inclusive days, and returns the
// store's half-open range [from, to+1day).
func (p *params) dateRange() (from, to time.Time) {
	from, to, err := store.DayRange(p.get("from"), p.get("to"))
	if err != nil {
		p.fail("%v", err)
	}
	return from, to
}

// integer reads a non-negative integer in [lo, hi], def when empty.
func (p *params) integer(name string, def, lo, hi int) int {
	v := p.get(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		p.fail("%s: %q must be an integer from %d to %d", name, store.Clip(v), lo, hi)
		return def
	}
	return n
}

// boolean reads true/false/1/0; empty gives false.
func (p *params) boolean(name string) bool {
	v := p.get(name)
	if v == "" {
		return false
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		p.fail("%s: %q must be true or false", name, store.Clip(v))
	}
	return b
}

// oneOf reads a value from a fixed set, def when empty.
func (p *params) oneOf(name, def string, allowed ...string) string {
	v := strings.ToLower(p.get(name))
	if v == "" {
		return def
	}
	for _, a := range allowed {
		if v == a {
			return v
		}
	}
	p.fail("%s: %q must be one of %s", name, store.Clip(v), strings.Join(allowed, ", "))
	return def
}

// eventFilter reads the filters shared by events, actors and network.
func (p *params) eventFilter() store.EventFilter {
	f := store.EventFilter{
		Source: p.code("source"),
		Target: p.code("target"),
		Actor:  p.code("actor"),
		Root:   p.root("root"),
		PLOVER: p.plover("plover"),
		Text:   p.text("q"),
	}
	f.From, f.To = p.dateRange()
	return f
}
