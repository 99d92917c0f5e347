package store

import (
	"strings"
	"testing"
	"time"
)

func TestParseValues(t *testing.T) {
	tests := []struct {
		name, in, want string
		parse          func(string) (string, error)
		ok             bool
	}{
		{"code", " usagov ", "USAGOV", ParseCode, true},
		{"code empty", "", "", ParseCode, true},
		{"code quote", "USA'", "", ParseCode, false},
		{"code too long", strings.Repeat("A", MaxCodeLen+1), "", ParseCode, false},
		{"root one digit", "4", "04", ParseRoot, true},
		{"root 20", "20", "20", ParseRoot, true},
		{"root 0", "0", "", ParseRoot, false},
		{"root 99", "99", "", ParseRoot, false},
		{"root 004", "004", "", ParseRoot, false},
		{"plover", "assault", "ASSAULT", ParsePLOVER, true},
		{"plover with spaces", " Mobilize ", "MOBILIZE", ParsePLOVER, true},
		{"plover unknown", "NOPE", "", ParsePLOVER, false},
		{"text", "O'Brien 100%", "O'Brien 100%", ParseText, true},
		{"text control", "a\x00b", "", ParseText, false},
		{"text long", strings.Repeat("a", MaxTextLen+1), "", ParseText, false},
	}
	for _, tc := range tests {
		got, err := tc.parse(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("%s: %q -> %q, %v; want %q, ok=%v", tc.name, tc.in, got, err, tc.want, tc.ok)
		}
	}
}

// TestDayRange checks that both days are inclusive: the store's range ends
// the day after to.
func TestDayRange(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		from, to         string
		wantFrom, wantTo time.Time
		ok               bool
	}{
		{"2025-06-22", "2025-06-22", day("2025-06-22"), day("2025-06-23"), true},
		{"", "2025-12-31", time.Time{}, day("2026-01-01"), true},
		{"2025-01-01", "", day("2025-01-01"), time.Time{}, true},
		{"2025-06-23", "2025-06-22", time.Time{}, time.Time{}, false},
		{"2025-02-30", "", time.Time{}, time.Time{}, false},
		{"", "0001-01-01", time.Time{}, time.Time{}, false},
	}
	for _, tc := range tests {
		from, to, err := DayRange(tc.from, tc.to)
		if (err == nil) != tc.ok || (tc.ok && (!from.Equal(tc.wantFrom) || !to.Equal(tc.wantTo))) {
			t.Errorf("DayRange(%q, %q) = %v, %v, %v", tc.from, tc.to, from, to, err)
		}
	}
}
