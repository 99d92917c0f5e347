package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/detente-project/detente/internal/event"
)

// DefaultDSN is the DuckDB file used when no DSN is given.
const DefaultDSN = "detente.db"

//go:embed migrations
var migrationFS embed.FS

// dialect holds what differs between the back ends: the driver, the
// migration files and the bulk-load path. SQL text is shared; both engines
// accept $n placeholders, ILIKE, date_trunc and ON CONFLICT.
type dialect struct {
	name   string // "duckdb" or "postgres"; also the migrations folder
	driver string
	// bulk appends the rows that rows returns, until nil, to table inside
	// the transaction open on conn.
	bulk func(ctx context.Context, conn *sql.Conn, table string, cols []string, rows func() []any) error
	// bandHits makes keys (distinct, sorted) available to the open
	// transaction and returns a query selecting the (key, doc_id) rows of
	// doc_bands with those keys, with its arguments.
	bandHits func(ctx context.Context, conn *sql.Conn, keys []int64) (string, []any, error)
}

var duckDialect = dialect{name: "duckdb", driver: "duckdb", bulk: duckAppend, bandHits: duckBandHits}

var pgDialect = dialect{name: "postgres", driver: "pgx", bulk: pgCopy, bandHits: pgBandHits}

// SQL is the store implementation shared by DuckDB and PostgreSQL.
type SQL struct {
	db *sql.DB
	d  dialect
	mu sync.Mutex // one writer at a time: near-duplicate linking reads what earlier writes stored
}

// Batcher is implemented by stores that add many results in one
// transaction (the bulk ingest path). added[i] reports whether rs[i] was new.
type Batcher interface {
	AddResults(ctx context.Context, rs []event.Result) (added []bool, err error)
}

var (
	_ Store   = (*SQL)(nil)
	_ Batcher = (*SQL)(nil)
)

// Open opens (creating and migrating when needed) the store named by dsn:
// "" means DefaultDSN, "postgres://..." or "postgresql://..." a PostgreSQL
// server (pgx connection string; "?search_path=x" selects a schema), and
// anything else a DuckDB database file (":memory:" for a temporary one).
func Open(ctx context.Context, dsn string) (*SQL, error) {
	d, src := duckDialect, dsn
	switch {
	case dsn == "":
		src = DefaultDSN
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		d = pgDialect
	case strings.HasPrefix(dsn, "duckdb:"):
		src = strings.TrimPrefix(dsn, "duckdb:")
	}
	if d.name == "duckdb" && src == ":memory:" {
		src = ""
	}
	db, err := sql.Open(d.driver, src)
	if err != nil {
		return nil, openError(d.name, src, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, openError(d.name, src, err)
	}
	if d.name == "duckdb" && src == "" {
		// One in-memory database per connection: keep a single connection.
		db.SetMaxOpenConns(1)
	}
	s := &SQL{db: db, d: d}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// ErrLocked means a DuckDB file is held by another process: DuckDB lets
// one process at a time open a database file.
var ErrLocked = errors.New("in use by another detente process (such as detente serve)")

var lockPID = regexp.MustCompile(`\(PID (\d+)\)`)

// openError explains DuckDB's "Could not set lock" (another process holds
// the file) and wraps other errors with the back end's name.
func openError(dialect, src string, err error) error {
	if dialect == "duckdb" && strings.Contains(err.Error(), "Could not set lock") {
		holder := ""
		if m := lockPID.FindStringSubmatch(err.Error()); m != nil {
			holder = " (PID " + m[1] + ")"
		}
		return fmt.Errorf("store %s is %w%s: stop that process, or work through its HTTP API "+
			"(POST /api/documents to add documents, GET /api/events and friends to query)", src, ErrLocked, holder)
	}
	return fmt.Errorf("open %s store: %w", dialect, err)
}

// Close closes the database.
func (s *SQL) Close() error { return s.db.Close() }

// Dialect names the back end: "duckdb" or "postgres".
func (s *SQL) Dialect() string { return s.d.name }

// DB exposes the database handle for tools and tests.
func (s *SQL) DB() *sql.DB { return s.db }

// migration is one embedded schema file, e.g. migrations/duckdb/0001_init.sql.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the dialect's schema files in version order.
func (d dialect) migrations() ([]migration, error) {
	dir := path.Join("migrations", d.name)
	ents, err := fs.ReadDir(migrationFS, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations %s: %w", dir, err)
	}
	var out []migration
	for _, e := range ents {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("migration %s/%s: name must be NNNN_name.sql", dir, e.Name())
		}
		b, err := migrationFS.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// migrate applies the migrations not yet recorded in schema_migrations,
// each in its own transaction together with its record.
func (s *SQL) migrate(ctx context.Context) error {
	const create = `CREATE TABLE IF NOT EXISTS schema_migrations (
		version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)`
	if _, err := s.db.ExecContext(ctx, create); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	ms, err := s.d.migrations()
	if err != nil {
		return err
	}
	var cur int
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&cur); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	for _, m := range ms {
		if m.version <= cur {
			continue
		}
		if err := s.apply(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// apply runs one migration file statement by statement in a transaction.
func (s *SQL) apply(ctx context.Context, m migration) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	defer tx.Rollback()
	for i, stmt := range splitStatements(m.sql) {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("migration %s statement %d: %w", m.name, i+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
		int64(m.version), m.name, time.Now().UTC()); err != nil {
		return fmt.Errorf("record migration %s: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit migration %s: %w", m.name, err)
	}
	return nil
}

// splitStatements drops comment lines and splits a migration file on
// semicolons. Migration files hold no semicolons in string literals.
func splitStatements(src string) []string {
	var lines []string
	for _, l := range strings.Split(src, "\n") {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "--") {
			lines = append(lines, l)
		}
	}
	var out []string
	for _, stmt := range strings.Split(strings.Join(lines, "\n"), ";") {
		if strings.TrimSpace(stmt) != "" {
			out = append(out, strings.TrimSpace(stmt))
		}
	}
	return out
}

// SchemaVersion returns the highest applied migration version.
func (s *SQL) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// duckAppend loads rows with DuckDB's Appender, which writes into the
// connection's open transaction.
func duckAppend(_ context.Context, conn *sql.Conn, table string, cols []string, rows func() []any) error {
	r := rows()
	if r == nil {
		return nil
	}
	return conn.Raw(func(dc any) error {
		dconn, ok := dc.(driver.Conn)
		if !ok {
			return errors.New("duckdb appender: unexpected driver connection")
		}
		a, err := duckdb.NewAppenderWithColumns(dconn, "", "", table, cols)
		if err != nil {
			return fmt.Errorf("appender %s: %w", table, err)
		}
		vals := make([]driver.Value, len(cols))
		for i := 0; r != nil; i, r = i+1, rows() {
			for j, v := range r {
				vals[j] = v
			}
			if err := a.AppendRow(vals...); err != nil {
				a.Close()
				return fmt.Errorf("append %s row %d: %w", table, i, err)
			}
		}
		if err := a.Close(); err != nil {
			return fmt.Errorf("flush %s: %w", table, err)
		}
		return nil
	})
}

// pgCopy loads rows with PostgreSQL's binary COPY FROM STDIN through pgx,
// which calls rows from the goroutine that encodes them.
func pgCopy(ctx context.Context, conn *sql.Conn, table string, cols []string, rows func() []any) error {
	first := rows()
	if first == nil {
		return nil
	}
	next := func() ([]any, error) {
		if r := first; r != nil {
			first = nil
			return r, nil
		}
		return rows(), nil
	}
	return conn.Raw(func(dc any) error {
		sc, ok := dc.(*stdlib.Conn)
		if !ok {
			return errors.New("postgres copy: unexpected driver connection")
		}
		if _, err := sc.Conn().CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromFunc(next)); err != nil {
			return fmt.Errorf("copy into %s: %w", table, err)
		}
		return nil
	})
}

// duckBandHits appends keys to a connection-local temporary table:
// binding a list parameter of 100,000 values, or parsing them from text,
// costs DuckDB far more than the Appender does.
func duckBandHits(ctx context.Context, conn *sql.Conn, keys []int64) (string, []any, error) {
	if _, err := conn.ExecContext(ctx, "CREATE TEMP TABLE IF NOT EXISTS probe_keys (key BIGINT)"); err != nil {
		return "", nil, fmt.Errorf("probe table: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "DELETE FROM probe_keys"); err != nil {
		return "", nil, fmt.Errorf("probe table: %w", err)
	}
	err := conn.Raw(func(dc any) error {
		dconn, ok := dc.(driver.Conn)
		if !ok {
			return errors.New("duckdb appender: unexpected driver connection")
		}
		a, err := duckdb.NewAppender(dconn, "temp", "main", "probe_keys")
		if err != nil {
			return fmt.Errorf("probe appender: %w", err)
		}
		for _, k := range keys {
			if err := a.AppendRow(k); err != nil {
				a.Close()
				return fmt.Errorf("probe append: %w", err)
			}
		}
		return a.Close()
	})
	return "SELECT key, doc_id FROM doc_bands WHERE key IN (SELECT key FROM probe_keys)", nil, err
}

// pgBandHits passes keys as one bigint[] parameter (binary-encoded by pgx)
// and probes the doc_bands_key index once per key, in key order. Planned
// freely, the 340,000 keys of a 10,000-document batch make PostgreSQL
// de-duplicate them with a hash aggregate that spills to disk, or hash all
// of doc_bands; the OFFSET 0 fence keeps the per-key index scan, which
// takes a third of the time. Its cost estimate also makes PostgreSQL
// JIT-compile the query, which takes longer than the compiled code saves;
// SET LOCAL turns JIT off for the look-up's transaction only.
func pgBandHits(ctx context.Context, conn *sql.Conn, keys []int64) (string, []any, error) {
	if _, err := conn.ExecContext(ctx, "SET LOCAL jit = off"); err != nil {
		return "", nil, fmt.Errorf("band look-up: %w", err)
	}
	return `SELECT p.key, b.doc_id FROM unnest($1::BIGINT[]) AS p (key)
		CROSS JOIN LATERAL (SELECT doc_id FROM doc_bands WHERE key = p.key OFFSET 0) AS b`, []any{keys}, nil
}
