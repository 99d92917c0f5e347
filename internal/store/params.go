package store

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/detente-project/detente/internal/cameo"
)

// Limits on filter values, shared by the command line and the HTTP API.
const (
	// MaxCodeLen bounds an actor or country code.
	MaxCodeLen = 32
	// MaxTextLen bounds a free-text filter (sentence substring, speaker).
	MaxTextLen = 200
	// DefaultMaxDocumentBytes is the default limit on one document's text,
	// which ingest and POST /api/documents refuse beyond (their
	// --max-doc-bytes flag changes it). News articles are well under 1 MB;
	// coding holds a document's events in memory, and a 10 MB document
	// of repeated sentences took over a gigabyte.
	DefaultMaxDocumentBytes = 2 << 20
)

// The checks below are the one validator of query values that both `detente
// query` and the HTTP API use, so that both accept and refuse the same
// values. Errors describe the value; callers name the flag or parameter.

// ParseCode reads an actor or country code: ASCII letters and digits, at
// most MaxCodeLen, returned upper-cased. Empty is allowed (no filter).
func ParseCode(s string) (string, error) {
	v := strings.ToUpper(strings.TrimSpace(s))
	for i := 0; i < len(v); i++ {
		if c := v[i]; !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') {
			return "", fmt.Errorf("%q is not an actor code (letters and digits, at most %d)", Clip(v), MaxCodeLen)
		}
	}
	if len(v) > MaxCodeLen {
		return "", fmt.Errorf("%q is not an actor code (letters and digits, at most %d)", Clip(v), MaxCodeLen)
	}
	return v, nil
}

// ParseRoot reads a CAMEO root code 1..20 ("4" or "04"), returned with two
// digits. Empty is allowed.
func ParseRoot(s string) (string, error) {
	v := strings.TrimSpace(s)
	if v == "" {
		return "", nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || len(v) > 2 || n < 1 || n > 20 {
		return "", fmt.Errorf("%q is not a CAMEO root (01-20)", Clip(v))
	}
	return fmt.Sprintf("%02d", n), nil
}

// ParsePLOVER reads one of the 16 PLOVER event types (cameo.PLOVERTypes),
// case-insensitive, returned upper-cased. Empty is allowed.
func ParsePLOVER(s string) (string, error) {
	v := strings.ToUpper(strings.TrimSpace(s))
	if v == "" || cameo.IsPLOVERType(v) {
		return v, nil
	}
	return "", fmt.Errorf("%q is not a PLOVER type (one of %s)", Clip(v), strings.Join(cameo.PLOVERTypes, ", "))
}

// ParseText reads a free-text filter: valid UTF-8 without control
// characters, at most MaxTextLen bytes.
func ParseText(s string) (string, error) {
	v := strings.TrimSpace(s)
	switch {
	case !utf8.ValidString(v):
		return "", errors.New("not valid UTF-8")
	case len(v) > MaxTextLen:
		return "", fmt.Errorf("longer than %d bytes", MaxTextLen)
	case strings.ContainsFunc(v, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		return "", errors.New("contains control characters")
	}
	return v, nil
}

// ParseDay reads a YYYY-MM-DD date in the years 1800-2200; empty gives the
// zero time (no bound).
func ParseDay(s string) (time.Time, error) {
	v := strings.TrimSpace(s)
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil || t.Year() < 1800 || t.Year() > 2200 {
		return time.Time{}, fmt.Errorf("%q is not a date (YYYY-MM-DD, years 1800-2200)", Clip(v))
	}
	return t, nil
}

// DayRange reads a first and a last day, both inclusive and either empty,
// and returns the half-open range [from, to+1 day) that filters take. A
// first day after the last is an error.
func DayRange(from, to string) (time.Time, time.Time, error) {
	f, err := ParseDay(from)
	if err != nil {
		return f, f, fmt.Errorf("from: %w", err)
	}
	t, err := ParseDay(to)
	if err != nil {
		return f, t, fmt.Errorf("to: %w", err)
	}
	if !f.IsZero() && !t.IsZero() && t.Before(f) {
		return f, t, fmt.Errorf("from %s is after to %s", strings.TrimSpace(from), strings.TrimSpace(to))
	}
	if !t.IsZero() {
		t = t.AddDate(0, 0, 1)
	}
	return f, t, nil
}

// Clip shortens a value echoed in an error message to at most 40 bytes
// without splitting a character; the API's errors use it too.
func Clip(s string) string {
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
