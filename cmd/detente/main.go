// Command detente turns news about international politics into coded events,
// keeps them in a store, serves them over HTTP and runs bargaining models
// forward. Each subcommand lives in its own file and registers itself with
// rootCmd from an init function.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

var rootCmd = &cobra.Command{
	Use:   "detente",
	Short: "Code political news into events, store and explore them, and simulate bargaining",
	Long: `detente codes raw English news into CAMEO/PLOVER events with evidence,
keeps them in an embedded (DuckDB) or PostgreSQL store, serves an HTTP API and
dashboard, and runs expected-utility bargaining models.`,
	// main prints each error once; usage is not repeated for runtime errors.
	SilenceErrors: true,
	SilenceUsage:  true,
}

func main() {
	if err := rootCmd.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "detente:", err)
		os.Exit(1)
	}
}
