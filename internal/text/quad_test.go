package text

import (
	"strings"
	"testing"
)

// TestPathologicalInputs runs inputs that would take minutes if any stage were quadratic
// (long runs of quotes, apostrophes, dots, no-break-space lines, adverbs, participles) and
// checks the offset invariants on them. Found by fuzzing and by review; see bench_test.go for
// the 10 MB line benchmark.
func TestPathologicalInputs(t *testing.T) {
	tests := map[string]string{
		"nbsp lines":         "a" + strings.Repeat("\n\u00a0", 100000),
		"leading spaces":     strings.Repeat(" ", 100000) + strings.Repeat("\nx", 1000),
		"nbsp and newlines":  strings.Repeat("\u00a0\n", 100000),
		"dots":               strings.Repeat(". ", 100000),
		"dashes":             strings.Repeat("-", 200000) + ".",
		"apostrophes":        strings.Repeat("'", 200000),
		"quotes":             strings.Repeat("\"", 200000),
		"digit commas":       strings.Repeat("1,", 100000),
		"acronym":            strings.Repeat("a.", 100000),
		"adverbs":            strings.Repeat("very ", 50000),
		"participles":        "The man " + strings.Repeat("attacked ", 50000),
		"question marks":     "Why" + strings.Repeat("?", 100000),
		"closing quotes":     "Yes." + strings.Repeat("”", 50000) + " No.",
		"nbsp abbrevs":       strings.Repeat("Gen.\u00a05\u00a0", 30000),
		"quote attributions": strings.Repeat(`"Why?" Trump `, 20000) + strings.Repeat("B", 100000),
	}
	for name, doc := range tests {
		t.Run(name, func(t *testing.T) {
			checkSentenceInvariants(t, doc)
			toks := Tokenize(doc)
			Tag(toks)
			for _, s := range Sentences(doc) {
				Tag(Tokenize(s.Text))
			}
		})
	}
}
