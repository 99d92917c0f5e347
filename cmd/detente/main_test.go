package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestErrorsPrintedOnce checks that cobra prints neither the error nor the
// usage: main prints each error once, as "detente: ...".
func TestErrorsPrintedOnce(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "none.db")
	for _, args := range [][]string{
		{"query", "stats", "--db", missing},
		{"query", "events", "--no-such-flag"},
		{"ingest", "--db", missing, filepath.Join(t.TempDir(), "no-such-file")},
	} {
		var out bytes.Buffer
		rootCmd.SetOut(&out)
		rootCmd.SetErr(&out)
		rootCmd.SetArgs(args)
		err := rootCmd.Execute()
		if err == nil {
			t.Errorf("%v: no error", args)
		}
		if strings.Contains(out.String(), "Error:") || strings.Contains(out.String(), "Usage:") {
			t.Errorf("%v: cobra printed\n%s", args, out.String())
		}
	}
	rootCmd.SetArgs(nil)
}
