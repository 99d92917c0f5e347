package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/detente-project/detente/internal/coder"
	"github.com/detente-project/detente/internal/ingest"
	"github.com/detente-project/detente/internal/store"
)

func init() { rootCmd.AddCommand(newIngestCmd()) }

// ingestOptions are the flags of `detente ingest`.
type ingestOptions struct {
	dsn            string
	workers, batch int
	maxDocBytes    int
	jsonOut, quiet bool
}

// newIngestCmd builds `detente ingest`.
func newIngestCmd() *cobra.Command {
	var o ingestOptions
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Code news files and folders in parallel and store the events",
		Long: `ingest reads plain-text files, folders (recursively), JSON Lines documents
({"id","date","title","text","url","source"}, files ending .jsonl/.ndjson),
JSON files (.json: an array of such documents, one document, or JSON Lines)
and PETRARCH XML (.xml), codes them on all cores and stores documents, events,
quotes and actor mentions.

Exact duplicates (same text) are dropped; near duplicates (the same wire story
on many sites, by MinHash over word 3-shingles) are stored, linked to the first
copy and not counted by queries. Running the same ingest twice adds nothing,
and an ingest killed at any point can simply be run again. Bad input, and
documents with more than --max-doc-bytes of text (news articles are well
under 1 MB), are reported with file and line and skipped.`,
		Example: `  detente ingest examples/news/iran-us.jsonl
  detente ingest corpus/ --db postgres://user@localhost/detente --workers 8`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIngest(cmd.Context(), o, args, cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.dsn, "db", "", `store: a DuckDB file (default "detente.db") or postgres://...`)
	f.IntVar(&o.workers, "workers", 0, "coding goroutines (default: all cores)")
	f.IntVar(&o.batch, "batch", 256, "documents per store transaction")
	f.IntVar(&o.maxDocBytes, "max-doc-bytes", store.DefaultMaxDocumentBytes, "skip documents with more text than this many bytes (0 = default)")
	f.BoolVar(&o.jsonOut, "json", false, "print the summary as JSON")
	f.BoolVar(&o.quiet, "quiet", false, "no progress bar")
	return cmd
}

// isTerminal reports whether f is a character device (a terminal).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func runIngest(ctx context.Context, o ingestOptions, paths []string, out io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	c, err := coder.New(coder.Options{})
	if err != nil {
		return fmt.Errorf("load coder: %w", err)
	}
	st, err := store.Open(ctx, o.dsn)
	if err != nil {
		return fmt.Errorf("open store %q: %w", o.dsn, err)
	}
	defer st.Close()
	if o.maxDocBytes < 0 {
		return fmt.Errorf("--max-doc-bytes %d: want a positive number of bytes (0 for the default)", o.maxDocBytes)
	}
	opts := ingest.Options{Workers: o.workers, Batch: o.batch, MaxDocBytes: o.maxDocBytes}
	if !o.quiet && isTerminal(os.Stderr) {
		opts.Progress = os.Stderr
	}
	sum, err := ingest.Run(ctx, st, c, paths, opts)
	if err != nil {
		return fmt.Errorf("ingest: %w (stored work is kept; run the same command again to resume)", err)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if o.jsonOut {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"run": sum, "store": stats})
	}
	fmt.Fprintf(out, "read %d documents from %d files: %d added, %d exact duplicates, %d events, %d quotes, %d warnings\n",
		sum.Documents, sum.Files, sum.Added, sum.Duplicates, sum.Events, sum.Quotes, sum.Warnings)
	fmt.Fprintf(out, "store now holds %d documents (%d near duplicates), %d events counted (%d in near duplicates), %d quotes\n",
		stats.Documents, stats.Duplicates, stats.Events, stats.DuplicateEvents, stats.Quotes)
	return nil
}
