package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/detente-project/detente/internal/event"
	"github.com/detente-project/detente/internal/store"
)

func TestSparklineAndBar(t *testing.T) {
	tests := []struct {
		vs   []float64
		want string
	}{
		{[]float64{-10, 0, 10}, "▁▅█"},
		{[]float64{-20, 20}, "▁█"},
		{nil, ""},
	}
	for _, tc := range tests {
		if got := Sparkline(tc.vs, -10, 10); got != tc.want {
			t.Errorf("Sparkline(%v) = %q, want %q", tc.vs, got, tc.want)
		}
	}
	if got := goldsteinBar(-10, 4); got != "████│    " {
		t.Errorf("goldsteinBar(-10) = %q", got)
	}
	if got := goldsteinBar(5, 4); got != "    │██  " {
		t.Errorf("goldsteinBar(5) = %q", got)
	}
}

// queryDB builds a DuckDB store with a USA->IRN conflict and cooperation.
func queryDB(t *testing.T) string {
	t.Helper()
	dsn := filepath.Join(t.TempDir(), "q.db")
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	evs := []struct {
		id, date, root, plover string
		quad                   int
		gold                   float64
	}{{"a", "2025-06-22", "19", "ASSAULT", 4, -10}, {"b", "2025-06-25", "04", "CONSULT", 1, 1}, {"c", "2025-07-02", "11", "ACCUSE", 3, -2}}
	for _, e := range evs {
		text := map[string]string{"a": "U.S. bombers struck Fordow at night.",
			"b": "Envoys from Washington and Tehran met in Muscat, with O'Brien's \"quote\", 100% sure.",
			"c": "The State Department accused Iran of lying."}[e.id]
		r := event.Result{Doc: event.Document{ID: e.id, Date: e.date, Text: text},
			Events: []event.Event{{DocID: e.id, Date: e.date, Source: "USA", SourceCountry: "USA", Target: "IRN",
				TargetCountry: "IRN", Root: e.root, CAMEO: e.root + "0", PLOVER: e.plover, QuadClass: e.quad, Goldstein: e.gold,
				Sentence: text}},
			Quotes: []event.Quote{{DocID: e.id, Speaker: "Abbas Araghchi", SpeakerCode: "IRNGOV", Quote: "We will respond, " + e.id}}}
		if _, err := st.AddResult(context.Background(), r); err != nil {
			t.Fatal(err)
		}
	}
	return dsn
}

func runQuery(t *testing.T, args ...string) string {
	t.Helper()
	cmd := newQueryCmd()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(args)
	if err := cmd.Execute(); err != nil {
		t.Fatalf("query %v: %v\n%s", args, err, out.String())
	}
	return out.String()
}

func TestQueryCommands(t *testing.T) {
	db := queryDB(t)
	out := runQuery(t, "dyad", "--db", db, "--source", "USA", "--target", "IRN", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 3 || rows[1][0] != "2025-06" || rows[1][1] != "2" || rows[1][6] != "-9.00" || rows[2][0] != "2025-07" {
		t.Errorf("dyad csv = %q (%v)", rows, err)
	}
	var evs []event.Event
	out = runQuery(t, "events", "--db", db, "--plover", "assault", "--format", "json")
	if err := json.Unmarshal([]byte(out), &evs); err != nil || len(evs) != 1 || evs[0].DocID != "a" {
		t.Errorf("events json = %s (%v)", out, err)
	}
	out = runQuery(t, "events", "--db", db, "--text", "O'Brien's \"quote\", 100%", "--from", "2025-06-23")
	if strings.Count(out, "\n") != 2 || !strings.Contains(out, "CONSULT") {
		t.Errorf("events text filter table:\n%s", out)
	}
	out = runQuery(t, "quotes", "--db", db, "--speaker", "araghchi", "--format", "csv", "--limit", "2")
	if rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll(); len(rows) != 3 {
		t.Errorf("quotes csv:\n%s", out)
	}
	out = runQuery(t, "network", "--db", db, "--format", "json")
	var edges []store.Edge
	if err := json.Unmarshal([]byte(out), &edges); err != nil || len(edges) != 1 || edges[0].Conflict != 2 || edges[0].Cooperation != 1 {
		t.Errorf("network = %s (%v)", out, err)
	}
	out = runQuery(t, "stats", "--db", db, "--format", "json")
	var st store.Stats
	if err := json.Unmarshal([]byte(out), &st); err != nil || st.Documents != 3 || st.Events != 3 || st.Quotes != 3 {
		t.Errorf("stats = %s (%v)", out, err)
	}
	out = runQuery(t, "actors", "--db", db)
	if !strings.Contains(out, "IRN") || !strings.Contains(out, "USA") {
		t.Errorf("actors:\n%s", out)
	}
}

func TestQueryBadFlags(t *testing.T) {
	db := queryDB(t)
	for _, args := range [][]string{
		{"events", "--db", db, "--format", "xml"},
		{"events", "--db", db, "--from", "June"},
		{"dyad", "--db", db, "--source", "USA"},
		{"dyad", "--db", db, "--source", "USA", "--target", "IRN", "--interval", "day"},
		{"dyad", "--db", db, "--source", "US'A", "--target", "IRN"},
		{"events", "--db", db, "--limit", "-1"},
		{"events", "--db", db, "--offset", "-3"},
		{"events", "--db", db, "--root", "99"},
		{"events", "--db", db, "--plover", "NOPE"},
		{"events", "--db", db, "--source", "USA;--"},
		{"events", "--db", db, "--from", "2025-07-01", "--to", "2025-06-01"},
		{"events", "--db", db, "--to", "2025-02-30"},
		{"actors", "--db", db, "--limit", "-5"},
		{"network", "--db", db, "--root", "0"},
		{"quotes", "--db", db, "--offset", "-1"},
		{"quotes", "--db", db, "--from", "2025-07-01", "--to", "2025-06-01"},
	} {
		cmd := newQueryCmd()
		cmd.SetOut(&bytes.Buffer{})
		cmd.SetErr(&bytes.Buffer{})
		cmd.SetArgs(args)
		if err := cmd.Execute(); err == nil {
			t.Errorf("query %v succeeded", args)
		}
	}
}

// TestQueryDateRange checks that --from and --to are both inclusive days,
// as in the HTTP API: the events are dated 2025-06-22, 06-25 and 07-02.
func TestQueryDateRange(t *testing.T) {
	db := queryDB(t)
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"--from", "2025-06-22", "--to", "2025-06-22"}, 1},
		{[]string{"--to", "2025-06-25"}, 2},
		{[]string{"--from", "2025-06-23", "--to", "2025-07-02"}, 2},
		{[]string{"--from", "2025-07-03"}, 0},
		{[]string{"--root", "4", "--plover", "consult", "--source", "usa"}, 1},
	}
	for _, tc := range tests {
		var evs []event.Event
		out := runQuery(t, append([]string{"events", "--db", db, "--format", "json"}, tc.args...)...)
		if err := json.Unmarshal([]byte(out), &evs); err != nil || len(evs) != tc.want {
			t.Errorf("events %v: %d events, want %d (%v)", tc.args, len(evs), tc.want, err)
		}
	}
	out := runQuery(t, "dyad", "--db", db, "--source", "USA", "--target", "IRN", "--from", "2025-06-22", "--to", "2025-06-22", "--format", "csv")
	if rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll(); len(rows) != 2 || rows[1][1] != "1" {
		t.Errorf("dyad one day:\n%s", out)
	}
}

// TestQueryMissingStore checks that a mistyped --db is an error and that
// the query does not leave an empty store behind.
func TestQueryMissingStore(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "typo.db")
	cmd := newQueryCmd()
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	cmd.SetArgs([]string{"events", "--db", missing})
	err := cmd.Execute()
	if err == nil || !strings.Contains(err.Error(), "no store at "+missing) {
		t.Fatalf("err = %v, want no store at %s", err, missing)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("query created %s (stat: %v)", missing, err)
	}
}
