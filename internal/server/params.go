package server

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/detente-project/detente/internal/store"
)

// Limits on query parameters.
const (
	defaultLimit = 100
	maxLimit     = 1000
	maxOffset    = 1_000_000
	maxCodeLen   = 32
	maxTextLen   = 200
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

// code reads an actor or country code: letters and digits only (upper-cased),
// at most maxCodeLen long. Empty is allowed.
func (p *params) code(name string) string {
	v := strings.ToUpper(p.get(name))
	if v == "" {
		return ""
	}
	if len(v) > maxCodeLen || !isAlnum(v) {
		p.fail("%s: %q is not an actor code (letters and digits, at most %d)", name, truncate(v), maxCodeLen)
		return ""
	}
	return v
}

// plover reads a PLOVER event type such as "ASSAULT" or "MATERIAL_COOPERATE".
func (p *params) plover(name string) string {
	v := strings.ToUpper(p.get(name))
	if v == "" {
		return ""
	}
	ok := len(v) <= maxCodeLen
	for _, r := range v {
		if !(r >= 'A' && r <= 'Z') && r != '_' && r != '-' {
			ok = false
		}
	}
	if !ok {
		p.fail("%s: %q is not a PLOVER type", name, truncate(v))
		return ""
	}
	return v
}

// root reads a CAMEO root code 1..20, normalised to two digits ("01").
func (p *params) root(name string) string {
	v := p.get(name)
	if v == "" {
		return ""
	}
	n, err := strconv.Atoi(v)
	if err != nil || len(v) > 2 || n < 1 || n > 20 {
		p.fail("%s: %q is not a CAMEO root (01-20)", name, truncate(v))
		return ""
	}
	return fmt.Sprintf("%02d", n)
}

// text reads free text (a search substring or a speaker name): valid UTF-8
// without control characters, at most maxTextLen bytes.
func (p *params) text(name string) string {
	v := p.get(name)
	if !utf8.ValidString(v) {
		p.fail("%s: not valid UTF-8", name)
		return ""
	}
	if len(v) > maxTextLen {
		p.fail("%s: longer than %d bytes", name, maxTextLen)
		return ""
	}
	for _, r := range v {
		if r < 0x20 || r == 0x7f {
			p.fail("%s: contains control characters", name)
			return ""
		}
	}
	return v
}

// date reads a YYYY-MM-DD date; empty gives the zero time.
func (p *params) date(name string) time.Time {
	v := p.get(name)
	if v == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil || t.Year() < 1800 || t.Year() > 2200 {
		p.fail("%s: %q is not a date (YYYY-MM-DD, years 1800-2200)", name, truncate(v))
		return time.Time{}
	}
	return t
}

// dateRange reads from (inclusive) and to (inclusive last day) and returns
// the store's half-open range [from, to+1day).
func (p *params) dateRange() (from, to time.Time) {
	from, to = p.date("from"), p.date("to")
	if !to.IsZero() {
		to = to.AddDate(0, 0, 1)
	}
	if !from.IsZero() && !to.IsZero() && !from.Before(to) {
		p.fail("from %s is after to %s", p.get("from"), p.get("to"))
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
		p.fail("%s: %q must be an integer from %d to %d", name, truncate(v), lo, hi)
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
		p.fail("%s: %q must be true or false", name, truncate(v))
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
	p.fail("%s: %q must be one of %s", name, truncate(v), strings.Join(allowed, ", "))
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

// isAlnum reports whether s is ASCII letters and digits only.
func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// truncate shortens a value echoed in an error message.
func truncate(s string) string {
	const n = 40
	if len(s) <= n {
		return s
	}
	for i := n; i > 0; i-- {
		if utf8.RuneStart(s[i]) {
			return s[:i] + "..."
		}
	}
	return "..."
}
