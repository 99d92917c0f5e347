package sim

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteTable writes the report as aligned plain-text tables: outcomes per
// model and issue, EUM and SMP start and end positions per actor, the Monte
// Carlo distribution and the what-if comparisons.
func (r *Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Scenario: %s\n", r.Scenario)
	if r.Notes != "" {
		fmt.Fprintf(tw, "Note: %s\n", strings.TrimSpace(r.Notes))
	}
	for _, is := range r.Issues {
		fmt.Fprintf(tw, "\nIssue %s: %s [%g..%g]\n", is.ID, is.Name, is.Scale.Min, is.Scale.Max)
		fmt.Fprintln(tw, "MODEL\tOUTCOME\tNEAREST ANCHOR\tROUNDS\tCONVERGED")
		for _, m := range r.Models {
			for _, res := range m.Issues {
				if res.Issue != is.ID {
					continue
				}
				rounds, conv := "-", "-"
				if iterative(m.Model) {
					rounds, conv = fmt.Sprint(max(len(res.Rounds)-1, 0)), fmt.Sprint(res.Converged)
				}
				fmt.Fprintf(tw, "%s\t%.1f\t%s\t%s\t%s\n", m.Model, res.Outcome, res.Anchor, rounds, conv)
			}
		}
	}
	r.writePositions(tw)
	r.writeMonteCarlo(tw)
	r.writeWhatIf(tw)
	return tw.Flush()
}

// writePositions lists each actor's first and last position under each
// model that plays rounds (EUM, SMP).
func (r *Report) writePositions(tw io.Writer) {
	for _, m := range r.Models {
		if !iterative(m.Model) {
			continue
		}
		for _, res := range m.Issues {
			if len(res.Rounds) == 0 {
				continue
			}
			first, last := res.Rounds[0], res.Rounds[len(res.Rounds)-1]
			fmt.Fprintf(tw, "\n%s positions on %s (round 0 -> round %d)\n", strings.ToUpper(m.Model), res.Issue, last.Round)
			fmt.Fprintln(tw, "ACTOR\tSTART\tEND\tMOVE")
			for _, a := range res.Actors {
				fmt.Fprintf(tw, "%s\t%.1f\t%.1f\t%+.1f\n", a, first.Positions[a], last.Positions[a], last.Positions[a]-first.Positions[a])
			}
		}
	}
}

func (r *Report) writeMonteCarlo(tw io.Writer) {
	mc := r.MonteCarlo
	if mc == nil {
		return
	}
	fmt.Fprintf(tw, "\nMonte Carlo: %d runs, noise %g, seed %d, %d failed\n", mc.Runs, mc.Noise, mc.Seed, mc.Failed)
	fmt.Fprintln(tw, "MODEL\tISSUE\tMEAN\tP5\tP50\tP95\tSD")
	for _, m := range mc.Models {
		for _, d := range m.Issues {
			fmt.Fprintf(tw, "%s\t%s\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\n", m.Model, d.Issue, d.Mean, d.P5, d.P50, d.P95, d.SD)
		}
	}
}

func (r *Report) writeWhatIf(tw io.Writer) {
	for _, wi := range r.WhatIf {
		what := append(append([]string(nil), wi.Changes...), prefixed("remove ", wi.Remove)...)
		fmt.Fprintf(tw, "\nWhat-if %q: %s\n", wi.Name, strings.Join(what, ", "))
		fmt.Fprintln(tw, "MODEL\tISSUE\tBASELINE\tWHAT-IF\tDELTA")
		for _, c := range wi.Outcomes {
			fmt.Fprintf(tw, "%s\t%s\t%.1f\t%.1f\t%+.1f\n", c.Model, c.Issue, c.Baseline, c.Outcome, c.Delta)
		}
	}
}

func prefixed(p string, xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = p + x
	}
	return out
}
