package batch

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/direct"

	"github.com/detente-project/detente/internal/event"
)

// TestPipelineDirect runs the Beam pipeline on the direct runner over a
// small JSONL file with one bad line, and checks that the events written are
// the coder's and that the bad line went to the error output.
func TestPipelineDirect(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "docs.jsonl")
	docs := []event.Document{
		{ID: "d1", Date: "2025-06-22", Text: "U.S. warplanes bombed Iran's nuclear site at Fordow on Sunday."},
		{ID: "d2", Date: "2025-10-12", Text: "Iran rejected the United States' invitation to talks in Sharm El-Sheikh."},
	}
	var sb strings.Builder
	for _, d := range docs {
		b, _ := json.Marshal(d)
		sb.Write(b)
		sb.WriteByte('\n')
	}
	sb.WriteString("{not json\n")
	if err := os.WriteFile(in, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	p, s := beam.NewPipelineWithRoot()
	Build(s, Options{Input: in, Output: filepath.Join(dir, "events.jsonl"), Errors: filepath.Join(dir, "errors.txt")})
	if _, err := direct.Execute(context.Background(), p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}

	events := readLines(t, filepath.Join(dir, "events.jsonl"))
	got := map[string]bool{}
	for _, l := range events {
		var e event.Event
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("bad event line %q: %v", l, err)
		}
		got[e.DocID+":"+e.SourceCountry+">"+e.TargetCountry+":"+e.Root] = true
	}
	for _, want := range []string{"d1:USA>IRN:19", "d2:IRN>USA:12"} {
		if !got[want] {
			t.Errorf("missing event %s; got %v", want, got)
		}
	}
	errs := readLines(t, filepath.Join(dir, "errors.txt"))
	if len(errs) != 1 || !strings.Contains(errs[0], "bad JSON") {
		t.Errorf("error output = %q, want one bad JSON line", errs)
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if sc.Text() != "" {
			out = append(out, sc.Text())
		}
	}
	return out
}
