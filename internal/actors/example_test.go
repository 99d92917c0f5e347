package actors_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/detente-project/detente/internal/actors"
)

func ExampleDict_Match() {
	d, err := actors.Default()
	if err != nil {
		panic(err)
	}
	// Tokens as internal/text produces them, lower-cased.
	toks := strings.Fields("iran 's foreign minister abbas araghchi told israeli police and protesters in washington")
	for _, m := range d.Match(toks, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)) {
		fmt.Println(strings.Join(toks[m.Start:m.End], " "), "->", m.Code, m.Country, m.Kind)
	}
	// Output:
	// iran 's foreign minister abbas araghchi -> IRNGOV IRN person
	// israeli police -> ISRCOP ISR agent
	// protesters -> OPP  agent
	// washington -> USA USA state
}
