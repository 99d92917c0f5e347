package petrarch

import (
	"fmt"
	"io"
)

// WriteReport writes a validation report: with verbose, every failing
// record with its expected and coded events (and the coded parse list when
// c is not nil); then the totals; the last line is exactly
// "N passed, M failed".
func WriteReport(w io.Writer, res []Result, sum Summary, verbose bool, c *Coder) error {
	ew := &errWriter{w: w}
	if verbose {
		for _, r := range res {
			if !r.OK() {
				writeFailure(ew, r, c)
			}
		}
	}
	ew.printf("records %d: correct %d, uncoded %d (expected events, none coded), extra %d (unexpected events), errors %d\n",
		sum.Records, sum.Passed, sum.Uncoded, sum.ExtraRecords, sum.Errors)
	ew.printf("events: %d of %d expected coded, %d unexpected\n", sum.Matched, sum.Expected, sum.ExtraEvents)
	ew.printf("%d passed, %d failed\n", sum.Passed, sum.Failed)
	return ew.err
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

func writeFailure(w *errWriter, r Result, c *Coder) {
	rec := r.Record
	w.printf("FAIL %s [%s] line %d\n  text: %s\n", rec.ID, rec.Category, rec.Line, rec.Text)
	for _, e := range rec.Expected {
		w.printf("  expected: %s %s %s\n", e.Source, e.Target, e.Code)
	}
	if rec.ExpectedError != "" {
		w.printf("  expected error: %s\n", rec.ExpectedError)
	}
	for _, e := range r.Got {
		w.printf("  coded:    %s %s %s (verb %s, pattern %q line %d)\n", e.Source, e.Target, e.Code, e.Verb, e.Pattern, e.PatternLine)
	}
	if r.Err != nil {
		w.printf("  error: %v\n", r.Err)
	}
	if c != nil {
		if pl, err := c.Explain(rec.Parse, rec.Date, c.Opts); err == nil {
			w.printf("  parse list: %s\n", pl)
		}
	}
}
