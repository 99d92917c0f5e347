package cameo_test

import (
	"fmt"

	"github.com/detente-project/detente/internal/cameo"
)

func ExampleLookup() {
	c, ok := cameo.Lookup("874") // leading zero lost by an integer column
	fmt.Println(ok, c.Code, c.Root, c.Name)
	fmt.Println(c.Goldstein, c.QuadClass, c.PLOVER, c.PLOVERMode, c.PLOVERContext)
	// Output:
	// true 0874 08 Retreat or surrender militarily
	// 10 2 RETREAT disarm military
}
