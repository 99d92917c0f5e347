package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/detente-project/detente/internal/coder"
	"github.com/detente-project/detente/internal/server"
	"github.com/detente-project/detente/internal/store"
)

func init() { rootCmd.AddCommand(newServeCmd()) }

// serveSimulate runs the simulator's bundled scenario for GET /api/simulate.
// It is nil until the simulator is wired in (the lead sets it from another
// file of this package); the endpoint then answers 501.
var serveSimulate func(ctx context.Context) (any, error)

// serveOptions are the flags of `detente serve`.
type serveOptions struct {
	dsn, addr, token string
	maxDocBytes      int
	allowRemote      bool
}

// newServeCmd builds `detente serve`.
func newServeCmd() *cobra.Command {
	var o serveOptions
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the JSON API and the web dashboard (loopback by default)",
		Long: `serve answers the JSON API (/healthz, /api/events, /api/dyad, /api/actors,
/api/network, /api/quotes, /api/stats, /api/simulate, POST /api/documents) and
the embedded dashboard at http://ADDR/.

POST /api/documents (ingest) needs "Authorization: Bearer TOKEN" with the token
from --token or the DETENTE_TOKEN environment variable; without one it is
refused for everyone. A body may hold up to 10 MB and each document up to
--max-doc-bytes of text (larger gets 413). The server listens on loopback
unless --allow-remote.`,
		Example: `  detente serve
  detente serve --db events.db --addr 127.0.0.1:9000
  DETENTE_TOKEN=$(openssl rand -hex 16) detente serve`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.token == "" {
				o.token = os.Getenv("DETENTE_TOKEN")
			}
			return runServe(cmd.Context(), o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.dsn, "db", "", `store: a DuckDB file (default "detente.db") or postgres://...`)
	f.StringVar(&o.addr, "addr", "127.0.0.1:8080", "listen address")
	f.StringVar(&o.token, "token", "", "bearer token for POST /api/documents (default $DETENTE_TOKEN)")
	f.IntVar(&o.maxDocBytes, "max-doc-bytes", store.DefaultMaxDocumentBytes, "refuse POSTed documents with more text than this many bytes (0 = default)")
	f.BoolVar(&o.allowRemote, "allow-remote", false, "allow listening on a non-loopback address")
	return cmd
}

// checkLoopback refuses addresses other machines could reach unless allowed.
func checkLoopback(addr string, allow bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip != nil && ip.IsLoopback() {
		return nil
	}
	if allow {
		fmt.Fprintf(os.Stderr, "detente serve: warning: listening on %s, reachable from other machines\n", addr)
		return nil
	}
	return fmt.Errorf("--addr %q is not a loopback address; add --allow-remote to serve other machines", addr)
}

// runServe opens the store, builds the coder and serves until SIGINT or
// SIGTERM, then shuts down gracefully.
func runServe(ctx context.Context, o serveOptions) error {
	if err := checkLoopback(o.addr, o.allowRemote); err != nil {
		return err
	}
	if o.maxDocBytes < 0 {
		return fmt.Errorf("--max-doc-bytes %d: want a positive number of bytes (0 for the default)", o.maxDocBytes)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	st, err := store.Open(ctx, o.dsn)
	if err != nil {
		return fmt.Errorf("open store %q: %w", o.dsn, err)
	}
	defer st.Close()

	opts := server.Options{Token: o.token, Simulate: serveSimulate, MaxDocumentBytes: o.maxDocBytes}
	if c, err := coder.New(coder.Options{}); err != nil {
		fmt.Fprintf(os.Stderr, "detente serve: ingest disabled, coder failed to load: %v\n", err)
	} else {
		opts.Coder = c
	}
	srv := server.NewHTTPServer(o.addr, server.New(st, opts))
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", o.addr, err)
	}
	fmt.Fprintf(os.Stderr, "detente serve: dashboard at http://%s/ (ingest %s)\n", ln.Addr(), ingestState(o.token))

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("serve %s: %w", o.addr, err)
		}
		return nil
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shut down %s: %w", o.addr, err)
	}
	return nil
}

// ingestState describes whether POST /api/documents can be used.
func ingestState(token string) string {
	if token == "" {
		return "disabled: no --token or DETENTE_TOKEN"
	}
	return "enabled with bearer token"
}
