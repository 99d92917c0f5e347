package main

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDemoEndToEnd runs the README's first command without the server on a
// temporary store, twice: the first run must store the example news and
// show a U.S.–Iran series and forecasts; the second must add nothing.
func TestDemoEndToEnd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	var out bytes.Buffer
	if err := runDemo(context.Background(), demoOptions{dsn: db}, &out); err != nil {
		t.Fatalf("demo: %v\n%s", err, out.String())
	}
	s := out.String()
	added := regexp.MustCompile(`(\d+) added`).FindStringSubmatch(s)
	if added == nil || added[1] == "0" {
		t.Fatalf("first demo run stored nothing:\n%s", s)
	}
	if n := len(regexp.MustCompile(`(?m)^20(19|2\d)-\d\d\s+\d+`).FindAllString(s, -1)); n < 5 {
		t.Errorf("dyad series has %d months, want at least 5:\n%s", n, s)
	}
	for _, want := range []string{"IRN", "USA", "eum", "median", "Khamenei"} {
		if !strings.Contains(s, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	out.Reset()
	if err := runDemo(context.Background(), demoOptions{dsn: db}, &out); err != nil {
		t.Fatalf("second demo: %v", err)
	}
	if !strings.Contains(out.String(), " 0 added") {
		t.Errorf("second demo run added documents:\n%s", out.String())
	}
}
