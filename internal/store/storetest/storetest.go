// Package storetest gives tests fresh, empty store DSNs on every back end
// available: a DuckDB file in a temporary folder always, and a private
// schema on the PostgreSQL server named by DETENTE_PG_DSN when it is set.
// With CI=true an unset DETENTE_PG_DSN fails the test instead of skipping.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// EnvDSN names the environment variable holding the PostgreSQL test server.
const EnvDSN = "DETENTE_PG_DSN"

// Backend is one store back end to test against.
type Backend struct {
	Name string // "duckdb" or "postgres"
	DSN  func(t testing.TB) string
}

// Backends lists DuckDB and, when configured, PostgreSQL. When PostgreSQL
// is not configured it logs so (or fails when CI=true).
func Backends(t testing.TB) []Backend {
	bs := []Backend{{Name: "duckdb", DSN: DuckDSN}}
	if os.Getenv(EnvDSN) == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set on CI: run eval \"$(scripts/pg-test.sh)\" first", EnvDSN)
		}
		t.Logf("%s not set: PostgreSQL store tests skipped (eval \"$(scripts/pg-test.sh)\" to run them)", EnvDSN)
		return bs
	}
	return append(bs, Backend{Name: "postgres", DSN: PostgresDSN})
}

// DuckDSN returns the path of a new DuckDB file in t's temporary folder.
func DuckDSN(t testing.TB) string {
	return filepath.Join(t.TempDir(), "detente.db")
}

// PostgresDSN creates a fresh schema on the DETENTE_PG_DSN server, dropped
// when t ends, and returns a DSN whose search_path selects it. It skips
// (or fails on CI) when the variable is unset.
func PostgresDSN(t testing.TB) string {
	base := os.Getenv(EnvDSN)
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set on CI", EnvDSN)
		}
		t.Skipf("%s not set", EnvDSN)
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open %s: %v", EnvDSN, err)
	}
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		db.Close()
		t.Fatalf("create schema on %s: %v", EnvDSN, err)
	}
	t.Cleanup(func() {
		db.ExecContext(ctx, "DROP SCHEMA "+schema+" CASCADE")
		db.Close()
	})
	dsn, err := withSearchPath(base, schema)
	if err != nil {
		t.Fatal(err)
	}
	return dsn
}

func withSearchPath(base, schema string) (string, error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", fmt.Errorf("parse %s: %w", EnvDSN, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), nil
}
