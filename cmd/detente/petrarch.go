package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/detente-project/detente/internal/petrarch"
)

func init() {
	rootCmd.AddCommand(newPetrarchValidateCmd(), newPetrarchCodeCmd())
}

func newPetrarchValidateCmd() *cobra.Command {
	var dictDir string
	var verbose, validOnly bool
	cmd := &cobra.Command{
		Use:   "petrarch-validate FILE.xml",
		Short: "Code a PETRARCH unit-test file and compare with its expected events",
		Long: `petrarch-validate codes every <Sentence> of a PETRARCH unit-test file
(such as PETR.UnitTest.records.xml) with the dictionaries named in its
<Environment> block, applying <Config> options in file order, and compares the
result with the <EventCoding> elements. Dictionaries are looked up in
--dict-dir, by default beside the file, then in ../dictionaries.
The last line is "N passed, M failed".`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPetrarchValidate(cmd.OutOrStdout(), args[0], dictDir, verbose, validOnly)
		},
	}
	cmd.SilenceErrors = true // main prints the error once
	cmd.Flags().StringVar(&dictDir, "dict-dir", "", "folder holding the dictionaries (default: beside the file, then ../dictionaries)")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "print every failing record")
	cmd.Flags().BoolVar(&validOnly, "valid-only", false, `leave out records marked sentence="false" (features PETRARCH does not implement)`)
	return cmd
}

func readPetrarchFile(path string) (*petrarch.File, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return petrarch.ReadFile(fh, path)
}

func runPetrarchValidate(w io.Writer, path, dictDir string, verbose, validOnly bool) error {
	f, err := readPetrarchFile(path)
	if err != nil {
		return err
	}
	if f.Env == nil {
		return fmt.Errorf("%s: no <Environment> block naming the dictionaries", path)
	}
	if dictDir == "" {
		if dictDir, err = petrarch.FindDictDir(path, f.Env.Verbfile); err != nil {
			return err
		}
	}
	d, err := petrarch.LoadDictionaries(f.Env, dictDir)
	if err != nil {
		return err
	}
	c, err := petrarch.NewCoder(d, petrarch.Defaults())
	if err != nil {
		return err
	}
	res, sum := petrarch.ValidateWith(f, c, validOnly)
	bw := bufio.NewWriter(w)
	if err := petrarch.WriteReport(bw, res, sum, verbose, c); err != nil {
		return err
	}
	return bw.Flush()
}

func newPetrarchCodeCmd() *cobra.Command {
	var dictDir string
	var p1Source bool
	cmd := &cobra.Command{
		Use:   "petrarch-code FILE.xml...",
		Short: "Code Treebank-parsed PETRARCH XML with the Phoenix dictionaries and write event JSONL",
		Long: `petrarch-code reads PETRARCH XML (<Sentences><Sentence date= id=><Text>..</Text>
<Parse>(ROOT ...)</Parse>) and writes one JSON event per line (the detente event
contract) to stdout. It uses the Phoenix dictionaries in --dict-dir
(CAMEO.2.0.txt, Phoenix.{Countries,International,MilNonState}.actors.txt,
Phoenix.agents.txt, and Phoenix.discards.txt / Phoenix.IssueCoding.txt when
present). The default source is the subject of the verb's own clause, as in
PETRARCH2 ("X said Y attacked Z" codes Y -> Z); --petrarch1-source takes the
first actor of the sentence instead, as PETRARCH-1 does. A story-level discard
drops the whole story. Sentences that cannot be coded are reported on stderr
and skipped.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPetrarchCode(cmd.OutOrStdout(), cmd.ErrOrStderr(), args, dictDir, !p1Source)
		},
	}
	cmd.SilenceErrors = true // main prints the error once
	cmd.Flags().StringVar(&dictDir, "dict-dir", "", "folder holding the Phoenix dictionaries (required)")
	cmd.Flags().BoolVar(&p1Source, "petrarch1-source", false, "take the first actor of the sentence as source (PETRARCH-1)")
	_ = cmd.MarkFlagRequired("dict-dir")
	return cmd
}

func runPetrarchCode(w, errw io.Writer, paths []string, dictDir string, clauseSource bool) error {
	d, err := petrarch.LoadPhoenix(dictDir)
	if err != nil {
		return err
	}
	o := petrarch.Defaults()
	o.CheckDiscards, o.ClauseSource = true, clauseSource
	c, err := petrarch.NewCoder(d, o)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	var nSent, nEv, nSkip, badFiles int
	for _, p := range paths {
		recs, err := readPetrarchRecords(p)
		if err != nil {
			badFiles++
			fmt.Fprintf(errw, "warning: %v (file skipped)\n", err)
			continue
		}
		stories := petrarch.Stories(recs)
		for _, res := range c.CodeStories(stories) {
			for _, err := range res.Errs {
				nSkip++
				fmt.Fprintf(errw, "warning: %s: %v (skipped)\n", p, err)
			}
			for _, ev := range res.Events {
				nEv++
				if err := enc.Encode(ev); err != nil {
					return fmt.Errorf("write events: %w", err)
				}
			}
		}
		nSent += len(recs)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(errw, "%d sentences, %d events, %d skipped\n", nSent, nEv, nSkip)
	if badFiles > 0 {
		return fmt.Errorf("%d of %d files could not be read", badFiles, len(paths))
	}
	return nil
}

func readPetrarchRecords(path string) ([]petrarch.Record, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return petrarch.ReadXML(fh, path)
}
