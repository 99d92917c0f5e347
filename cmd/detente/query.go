package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/detente-project/detente/internal/store"
)

func init() { rootCmd.AddCommand(newQueryCmd()) }

// queryOptions are the flags shared by the query subcommands.
type queryOptions struct {
	dsn, format string
	filter      store.EventFilter
	from, to    string
}

// newQueryCmd builds `detente query` and its subcommands.
func newQueryCmd() *cobra.Command {
	o := &queryOptions{}
	cmd := &cobra.Command{
		Use:   "query",
		Short: "Query stored events: events, dyad series, top actors, network, quotes, stats",
		Long: `query reads the event store written by "detente ingest". Actor filters match an
actor code (USAGOV, HMS) or a country code (USA). Dates are YYYY-MM-DD; --from
and --to are both inclusive (--from 2025-06-22 --to 2025-06-22 is that one
day), as in the HTTP API, which validates values the same way. Events of
near-duplicate documents are never counted.`,
		Example: `  detente query events --source USA --target IRN --from 2025-01-01
  detente query dyad --source USA --target IRN --interval month
  detente query actors --limit 10 --format csv
  detente query quotes --speaker Araghchi --format json`,
	}
	p := cmd.PersistentFlags()
	p.StringVar(&o.dsn, "db", "", `store: a DuckDB file (default "detente.db") or postgres://...`)
	p.StringVar(&o.format, "format", "table", "output format: table, json or csv")
	cmd.AddCommand(queryEventsCmd(o), queryDyadCmd(o), queryActorsCmd(o), queryNetworkCmd(o),
		queryQuotesCmd(o), queryStatsCmd(o))
	return cmd
}

// addFilterFlags registers the event filter flags on cmd.
func addFilterFlags(cmd *cobra.Command, o *queryOptions, limit int) {
	f := cmd.Flags()
	f.StringVar(&o.filter.Actor, "actor", "", "actor or country on either side")
	f.StringVar(&o.filter.Source, "source", "", "source actor or country")
	f.StringVar(&o.filter.Target, "target", "", "target actor or country")
	f.StringVar(&o.filter.Root, "root", "", "CAMEO root code (1..20)")
	f.StringVar(&o.filter.PLOVER, "plover", "", "PLOVER event type (e.g. ASSAULT; one of the 16 types)")
	f.StringVar(&o.from, "from", "", "first date (inclusive), YYYY-MM-DD")
	f.StringVar(&o.to, "to", "", "last date (inclusive), YYYY-MM-DD")
	f.StringVar(&o.filter.Text, "text", "", "substring of the sentence")
	f.IntVar(&o.filter.Limit, "limit", limit, "at most this many rows (0 = all)")
	f.IntVar(&o.filter.Offset, "offset", 0, "skip this many rows")
}

// validate checks the filter flags with the store's validator, the one
// the HTTP API uses, normalises codes and sets the filter's date range
// (--to inclusive).
func (o *queryOptions) validate() error {
	f := &o.filter
	from, to, err := store.DayRange(o.from, o.to)
	if err != nil {
		return fmt.Errorf("--%w", err)
	}
	f.From, f.To = from, to
	checks := []struct {
		flag  string
		v     *string
		parse func(string) (string, error)
	}{{"actor", &f.Actor, store.ParseCode}, {"source", &f.Source, store.ParseCode}, {"target", &f.Target, store.ParseCode},
		{"root", &f.Root, store.ParseRoot}, {"plover", &f.PLOVER, store.ParsePLOVER}, {"text", &f.Text, store.ParseText}}
	for _, c := range checks {
		if *c.v, err = c.parse(*c.v); err != nil {
			return fmt.Errorf("--%s: %w", c.flag, err)
		}
	}
	return checkPage(f.Limit, f.Offset)
}

// checkPage refuses a negative --limit or --offset.
func checkPage(limit, offset int) error {
	if limit < 0 {
		return fmt.Errorf("--limit %d: want 0 (all rows) or more", limit)
	}
	if offset < 0 {
		return fmt.Errorf("--offset %d: want 0 or more", offset)
	}
	return nil
}

// withStore checks the format, opens the store, runs fn and closes it.
func (o *queryOptions) withStore(cmd *cobra.Command, fn func(ctx context.Context, st store.Store) error) error {
	switch o.format {
	case "table", "json", "csv":
	default:
		return fmt.Errorf("--format %q: want table, json or csv", o.format)
	}
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	if err := o.validate(); err != nil {
		return err
	}
	if err := storeExists(o.dsn); err != nil {
		return err
	}
	st, err := store.Open(ctx, o.dsn)
	if err != nil {
		return fmt.Errorf("open store %q: %w", o.dsn, err)
	}
	defer st.Close()
	return fn(ctx, st)
}

// storeExists refuses to query a DuckDB file that does not exist, which
// opening would silently create empty (a mistyped --db would then show "no
// events" rather than an error).
func storeExists(dsn string) error {
	path := strings.TrimPrefix(dsn, "duckdb:")
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"), path == ":memory:":
		return nil
	case path == "":
		path = store.DefaultDSN
	}
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("no store at %s: run `detente ingest --db %s PATH...` first, or point --db at an existing store", path, path)
	}
	return nil
}

// table is rows of cells with a header, printed in the chosen format.
type table struct {
	header []string
	rows   [][]string
}

// write prints t as an aligned table or CSV; JSON output prints v instead.
func (o *queryOptions) write(w io.Writer, t table, v any) error {
	switch o.format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(t.header)
		cw.WriteAll(t.rows)
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(t.header, "\t"))
	for _, r := range t.rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	return tw.Flush()
}

// clip shortens s to n runes for table cells; CSV and JSON keep it whole.
func (o *queryOptions) clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if o.format != "table" {
		return s
	}
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }

func queryEventsCmd(o *queryOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "events",
		Short: "List events, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return o.withStore(cmd, func(ctx context.Context, st store.Store) error {
				evs, err := st.Events(ctx, o.filter)
				if err != nil {
					return err
				}
				t := table{header: []string{"date", "source", "target", "cameo", "root", "plover", "goldstein", "quad", "doc_id", "sentence"}}
				for _, e := range evs {
					t.rows = append(t.rows, []string{e.Date, e.Source, e.Target, e.CAMEO, e.Root, e.PLOVER, ftoa(e.Goldstein),
						strconv.Itoa(e.QuadClass), o.clip(e.DocID, 24), o.clip(e.Sentence, 90)})
				}
				return o.write(cmd.OutOrStdout(), t, nonNil(evs))
			})
		},
	}
	addFilterFlags(cmd, o, 50)
	return cmd
}

// nonNil makes JSON print [] rather than null for an empty result.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func queryDyadCmd(o *queryOptions) *cobra.Command {
	var q store.DyadQuery
	cmd := &cobra.Command{
		Use:   "dyad --source A --target B",
		Short: "Dyad time series per month or week: quad-class counts, Goldstein sum and mean",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkDyad(&q); err != nil {
				return err
			}
			return o.withStore(cmd, func(ctx context.Context, st store.Store) error {
				q.From, q.To = o.filter.From, o.filter.To
				pts, err := st.Dyad(ctx, q)
				if err != nil {
					return err
				}
				return o.writeDyad(cmd.OutOrStdout(), q, pts)
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&q.Source, "source", "", "source actor or country")
	f.StringVar(&q.Target, "target", "", "target actor or country")
	f.BoolVar(&q.Both, "both", false, "count both directions")
	f.StringVar(&q.Interval, "interval", "month", "month or week")
	f.StringVar(&o.from, "from", "", "first date (inclusive), YYYY-MM-DD")
	f.StringVar(&o.to, "to", "", "last date (inclusive), YYYY-MM-DD")
	return cmd
}

// checkDyad validates and normalises the dyad flags as the HTTP API does.
func checkDyad(q *store.DyadQuery) (err error) {
	if q.Source, err = store.ParseCode(q.Source); err != nil {
		return fmt.Errorf("--source: %w", err)
	}
	if q.Target, err = store.ParseCode(q.Target); err != nil {
		return fmt.Errorf("--target: %w", err)
	}
	if q.Source == "" || q.Target == "" {
		return fmt.Errorf("dyad needs --source and --target")
	}
	if q.Interval != "month" && q.Interval != "week" {
		return fmt.Errorf("--interval %q: want month or week", q.Interval)
	}
	return nil
}

// writeDyad prints the series; in a terminal the table gets a Goldstein
// bar per period and a sparkline under it.
func (o *queryOptions) writeDyad(w io.Writer, q store.DyadQuery, pts []store.DyadPoint) error {
	layout := "2006-01"
	if q.Interval == "week" {
		layout = "2006-01-02"
	}
	chart := o.format == "table" && w == io.Writer(os.Stdout) && isTerminal(os.Stdout)
	t := table{header: []string{"period", "events", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
		"goldstein_sum", "goldstein_mean"}}
	if chart {
		t.header = append(t.header, "goldstein (-10 … +10)")
	}
	for _, p := range pts {
		row := []string{p.Period.Format(layout), strconv.Itoa(p.Events), strconv.Itoa(p.Quad[1]), strconv.Itoa(p.Quad[2]),
			strconv.Itoa(p.Quad[3]), strconv.Itoa(p.Quad[4]), ftoa(p.GoldsteinSum), ftoa(p.GoldsteinMean)}
		if chart {
			row = append(row, goldsteinBar(p.GoldsteinMean, 10))
		}
		t.rows = append(t.rows, row)
	}
	if err := o.write(w, t, nonNil(pts)); err != nil {
		return err
	}
	if chart && len(pts) > 0 {
		means := make([]float64, len(pts))
		for i, p := range pts {
			means[i] = p.GoldsteinMean
		}
		fmt.Fprintf(w, "\n%s→%s Goldstein mean per %s: %s\n", q.Source, q.Target, q.Interval, Sparkline(means, -10, 10))
	}
	return nil
}

// goldsteinBar draws v in [-10, 10] as a bar of up to half cells either
// side of a centre line: conflict to the left, cooperation to the right.
func goldsteinBar(v float64, half int) string {
	n := int(math.Round(math.Min(math.Abs(v), 10) / 10 * float64(half)))
	left, right := strings.Repeat(" ", half), strings.Repeat(" ", half)
	if v < 0 {
		left = strings.Repeat(" ", half-n) + strings.Repeat("█", n)
	} else {
		right = strings.Repeat("█", n) + strings.Repeat(" ", half-n)
	}
	return left + "│" + right
}

// Sparkline draws vs scaled from lo to hi with the eight block heights.
func Sparkline(vs []float64, lo, hi float64) string {
	blocks := []rune("▁▂▃▄▅▆▇█")
	var b strings.Builder
	for _, v := range vs {
		x := (math.Max(lo, math.Min(hi, v)) - lo) / (hi - lo)
		b.WriteRune(blocks[int(math.Round(x*float64(len(blocks)-1)))])
	}
	return b.String()
}

func queryActorsCmd(o *queryOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "actors",
		Short: "Top actors by number of events (as source or target)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return o.withStore(cmd, func(ctx context.Context, st store.Store) error {
				f := o.filter
				f.Limit = 0
				as, err := st.TopActors(ctx, f, o.filter.Limit)
				if err != nil {
					return err
				}
				t := table{header: []string{"actor", "country", "events", "as_source", "as_target"}}
				for _, a := range as {
					t.rows = append(t.rows, []string{a.Actor, a.Country, strconv.Itoa(a.Events), strconv.Itoa(a.AsSrc), strconv.Itoa(a.AsTgt)})
				}
				return o.write(cmd.OutOrStdout(), t, nonNil(as))
			})
		},
	}
	addFilterFlags(cmd, o, 20)
	return cmd
}

func queryNetworkCmd(o *queryOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "network",
		Short: "Actor network: directed edges weighted by cooperation and conflict",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return o.withStore(cmd, func(ctx context.Context, st store.Store) error {
				es, err := st.Network(ctx, o.filter)
				if err != nil {
					return err
				}
				t := table{header: []string{"source", "target", "events", "cooperation", "conflict", "goldstein_mean"}}
				for _, e := range es {
					t.rows = append(t.rows, []string{e.Source, e.Target, strconv.Itoa(e.Events), strconv.Itoa(e.Cooperation),
						strconv.Itoa(e.Conflict), ftoa(e.GoldsteinMean)})
				}
				return o.write(cmd.OutOrStdout(), t, nonNil(es))
			})
		},
	}
	addFilterFlags(cmd, o, 50)
	return cmd
}

func queryQuotesCmd(o *queryOptions) *cobra.Command {
	var qf store.QuoteFilter
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "Who said what, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkQuotes(&qf); err != nil {
				return err
			}
			return o.withStore(cmd, func(ctx context.Context, st store.Store) error {
				qf.From, qf.To = o.filter.From, o.filter.To
				qs, err := st.Quotes(ctx, qf)
				if err != nil {
					return err
				}
				t := table{header: []string{"date", "speaker", "speaker_code", "quote", "doc_id"}}
				for _, q := range qs {
					t.rows = append(t.rows, []string{q.Date, o.clip(q.Speaker, 30), q.SpeakerCode, o.clip(q.Quote, 90), o.clip(q.DocID, 24)})
				}
				return o.write(cmd.OutOrStdout(), t, nonNil(qs))
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&qf.Speaker, "speaker", "", "speaker code (IRNGOV) or part of the name")
	f.StringVar(&o.from, "from", "", "first date (inclusive), YYYY-MM-DD")
	f.StringVar(&o.to, "to", "", "last date (inclusive), YYYY-MM-DD")
	f.IntVar(&qf.Limit, "limit", 50, "at most this many quotes (0 = all)")
	f.IntVar(&qf.Offset, "offset", 0, "skip this many quotes")
	return cmd
}

// checkQuotes validates the quote flags as the HTTP API does.
func checkQuotes(qf *store.QuoteFilter) (err error) {
	if qf.Speaker, err = store.ParseText(qf.Speaker); err != nil {
		return fmt.Errorf("--speaker: %w", err)
	}
	return checkPage(qf.Limit, qf.Offset)
}

func queryStatsCmd(o *queryOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "stats",
		Short: "Count what the store holds",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return o.withStore(cmd, func(ctx context.Context, st store.Store) error {
				s, err := st.Stats(ctx)
				if err != nil {
					return err
				}
				t := table{header: []string{"documents", "near_duplicates", "events", "duplicate_events", "quotes", "mentions", "actors"},
					rows: [][]string{{strconv.Itoa(s.Documents), strconv.Itoa(s.Duplicates), strconv.Itoa(s.Events),
						strconv.Itoa(s.DuplicateEvents), strconv.Itoa(s.Quotes), strconv.Itoa(s.Mentions), strconv.Itoa(s.Actors)}}}
				return o.write(cmd.OutOrStdout(), t, s)
			})
		},
	}
}
