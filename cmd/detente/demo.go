package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/detente-project/detente/examples"
	"github.com/detente-project/detente/internal/sim/eum"
	"github.com/detente-project/detente/internal/sim/smp"
)

func init() { rootCmd.AddCommand(newDemoCmd()) }

// demoOptions are the flags of `detente demo`.
type demoOptions struct {
	dsn, addr string
	serve     bool
}

// newDemoCmd builds `detente demo`: the README's first command.
func newDemoCmd() *cobra.Command {
	var o demoOptions
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Code and store the bundled Iran–U.S. news, show the trend and forecast, serve the dashboard",
		Long: `demo runs the whole pipeline on the bundled examples: it codes and stores the
example news corpus (examples/news, written by the detente team for
demonstration), prints the U.S.–Iran dyad per month and the most active actors,
runs every bargaining model on examples/iran-us.yaml, and then serves the
dashboard on loopback until Ctrl-C. Running it again adds nothing to the store.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runDemo(cmd.Context(), o, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.dsn, "db", "detente.db", `store: a DuckDB file or postgres://...`)
	f.StringVar(&o.addr, "addr", "127.0.0.1:8080", "dashboard address")
	f.BoolVar(&o.serve, "serve", true, "serve the dashboard after the summary (--serve=false to stop)")
	return cmd
}

// runDemo ingests the embedded news, prints the summary and serves.
func runDemo(ctx context.Context, o demoOptions, w io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	dir, err := os.MkdirTemp("", "detente-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := extractNews(dir); err != nil {
		return err
	}
	fmt.Fprintf(w, "== 1. Code and store the bundled news (%s)\n", o.dsn)
	if err := runIngest(ctx, ingestOptions{dsn: o.dsn}, []string{dir}, w); err != nil {
		return err
	}
	steps := []struct {
		title string
		args  []string
	}{
		{"U.S.–Iran relations per month (both directions; Goldstein −10 conflict … +10 cooperation)",
			[]string{"dyad", "--source", "USA", "--target", "IRN", "--both"}},
		{"Most active actors", []string{"actors", "--limit", "10"}},
	}
	for i, s := range steps {
		fmt.Fprintf(w, "\n== %d. %s\n", i+2, s.title)
		q := newQueryCmd()
		q.SetArgs(append(s.args, "--db", o.dsn))
		q.SetOut(w)
		if err := q.ExecuteContext(ctx); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\n== 4. What happens next: bargaining models on examples/%s\n", examples.Scenario)
	so := simulateOptions{model: "all", format: "table", eum: eum.DefaultOptions(), smp: smp.DefaultOptions()}
	if err := runSimulate(ctx, nil, so, w); err != nil {
		return err
	}
	if !o.serve {
		return nil
	}
	fmt.Fprintf(w, "\n== 5. Dashboard: open http://%s/ (Ctrl-C to stop)\n", o.addr)
	return runServe(ctx, serveOptions{dsn: o.dsn, addr: o.addr, token: os.Getenv("DETENTE_TOKEN")})
}

// extractNews copies the embedded example news corpus into dir, so that it
// goes through the same reader as any user's files.
func extractNews(dir string) error {
	return fs.WalkDir(examples.FS, "news", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".jsonl" {
			return err
		}
		b, err := examples.FS.ReadFile(path)
		if err != nil {
			return fmt.Errorf("read embedded %s: %w", path, err)
		}
		return os.WriteFile(filepath.Join(dir, filepath.Base(path)), b, 0o644)
	})
}
