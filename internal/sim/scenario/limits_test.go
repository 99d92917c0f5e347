package scenario

import (
	"fmt"
	"strings"
	"testing"
)

// laughs is a "billion laughs" document: each anchor is a list of ten
// aliases of the previous one, so level k expands to 10^k nodes.
func laughs(levels int) string {
	var b strings.Builder
	b.WriteString("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n")
	for k := 1; k < levels; k++ {
		p := fmt.Sprintf("*l%d", k-1)
		fmt.Fprintf(&b, "l%d: &l%d [%s]\n", k, k, strings.TrimSuffix(strings.Repeat(p+", ", 10), ", "))
	}
	return b.String()
}

// deepMapping nests n block mappings by indentation.
func deepMapping(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%sk%d:\n", strings.Repeat(" ", i), i)
	}
	return b.String()
}

func TestParseLimitsNesting(t *testing.T) {
	shared := strings.Replace(good, "title: test\n", "title: test\nsources: &src [a, b]\n", 1)
	shared = strings.Replace(shared, "    position: 10\n", "    position: 10\n    sources: *src\n", 1)
	tests := []struct {
		name, src, want string
		line            int
	}{
		{"open brackets", "title: " + strings.Repeat("[", 100000), "nested more than 64", 1},
		{"closed brackets", "title: " + strings.Repeat("[", 2000) + strings.Repeat("]", 2000), "nested more than 64", 1},
		{"braces", "title: " + strings.Repeat("{a: ", 100), "nested more than 64", 1},
		{"block sequences", "title: " + strings.Repeat("- ", 2000) + "x", "nested more than 64", 1},
		{"block mappings", deepMapping(100), "nested more than 64", 65},
		{"billion laughs", laughs(9), "aliases expand", 7}, // l6 is 10^7 nodes
		{"flow at the limit", "title: t\nx: " + strings.Repeat("[", 63) + strings.Repeat("]", 63), "unknown field \"x\"", 2},
		{"mappings at the limit", deepMapping(64), "unknown field \"k0\"", 1},
		{"shared anchor", shared, "", 0},
		{"few laughs", laughs(6), "unknown field", 0}, // any line
	}
	for _, tt := range tests {
		sc, err := Parse("d.yaml", []byte(tt.src))
		if tt.want == "" {
			if err != nil || len(sc.Actors[0].Sources) != 2 {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		prefix := fmt.Sprintf("d.yaml:%d: ", tt.line)
		if tt.line == 0 {
			prefix = "d.yaml:"
		}
		if err == nil || !strings.HasPrefix(err.Error(), prefix) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %.200v, want %q ... %q", tt.name, err, prefix, tt.want)
		}
	}
}
