// Package peers locates the peer tools' data that tests and benchmarks
// compare against: PETRARCH2's dictionaries and unit-test suite, kept in
// shared/peers/petrarch2 beside the repository and never copied into it.
package peers

import (
	"os"
	"path/filepath"
	"testing"
)

// FindPetrarch2 walks up from the working directory to a folder holding
// shared/peers/petrarch2 and returns that path, or "" when there is none.
func FindPetrarch2() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, "shared", "peers", "petrarch2")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Petrarch2 returns the PETRARCH2 folder for a test. Without it the test is
// skipped, except under CI=true, where the data must be there and the test
// fails instead.
func Petrarch2(tb testing.TB) string {
	tb.Helper()
	p := FindPetrarch2()
	if p != "" {
		return p
	}
	if os.Getenv("CI") == "true" {
		tb.Fatal("shared/peers/petrarch2 not found above the working directory (CI=true)")
	}
	tb.Skip("shared/peers/petrarch2 not found above the working directory")
	return ""
}
