//go:build beam

// The batch subcommand is built only with `go build -tags beam`: Apache
// Beam and its cloud filesystems add about 100 MB to the binary, which most
// users never need.

package main

import (
	"context"
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/spf13/cobra"

	"github.com/detente-project/detente/internal/batch"
)

func init() { rootCmd.AddCommand(newBatchCmd()) }

func newBatchCmd() *cobra.Command {
	var o batch.Options
	var runner, endpoint string
	cmd := &cobra.Command{
		Use:   "batch --input GLOB --output PREFIX",
		Short: "Code a large JSONL corpus on Apache Beam (direct, Flink, Spark or Dataflow runner)",
		Long: `batch codes JSONL documents with an Apache Beam pipeline. With --runner direct
it runs in this process; with --runner universal --endpoint HOST:PORT it submits
to a Beam job server in front of Flink or Spark; with --runner dataflow it runs
on Google Cloud Dataflow (Beam's own flags, such as --project and
--staging_location, are passed through after --).`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.Input == "" || o.Output == "" {
				return fmt.Errorf("batch: --input and --output are required")
			}
			beamArgs := append([]string{"--runner=" + runner}, args...)
			if endpoint != "" {
				beamArgs = append(beamArgs, "--endpoint="+endpoint)
			}
			if err := beamFlags(beamArgs); err != nil {
				return err
			}
			beam.Init()
			p, s := beam.NewPipelineWithRoot()
			batch.Build(s, o)
			return beamx.Run(context.Background(), p)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Input, "input", "", "JSONL documents: a file or glob, local, gs:// or s3://")
	f.StringVar(&o.Output, "output", "", "path prefix for JSONL events")
	f.StringVar(&o.Errors, "errors", "", "path prefix for rejected input lines (default: count only)")
	f.StringVar(&runner, "runner", "direct", "Beam runner: direct, universal (Flink/Spark job server), dataflow")
	f.StringVar(&endpoint, "endpoint", "", "job server address for --runner universal")
	return cmd
}
