package peers

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFindPetrarch2WalksUp(t *testing.T) {
	root := t.TempDir()
	want := filepath.Join(root, "shared", "peers", "petrarch2")
	deep := filepath.Join(root, "repo", "internal", "x")
	for _, d := range []string{want, deep} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(deep)
	if got := FindPetrarch2(); got != want {
		t.Fatalf("FindPetrarch2() = %q, want %q", got, want)
	}
}

func TestFindPetrarch2Absent(t *testing.T) {
	t.Chdir(t.TempDir())
	if got := FindPetrarch2(); got != "" {
		t.Fatalf("FindPetrarch2() = %q, want \"\"", got)
	}
}
