package web

import (
	"bytes"
	"io/fs"
	"os"
	"regexp"
	"testing"
)

// TestDistMatchesSources catches a dist/ that was not rebuilt after
// src/index.html or src/app.css changed (build.sh copies them verbatim).
func TestDistMatchesSources(t *testing.T) {
	for _, name := range []string{"index.html", "app.css"} {
		src, err := os.ReadFile("src/" + name)
		if err != nil {
			t.Fatal(err)
		}
		dist, err := fs.ReadFile(Dist(), name)
		if err != nil {
			t.Fatalf("embedded %s: %v", name, err)
		}
		if !bytes.Equal(src, dist) {
			t.Errorf("dist/%s differs from src/%s: run web/build.sh", name, name)
		}
	}
}

// TestIndexReferencesEmbeddedFiles checks every local src/href of the
// page is embedded and nothing points at another origin.
func TestIndexReferencesEmbeddedFiles(t *testing.T) {
	index, err := fs.ReadFile(Dist(), "index.html")
	if err != nil {
		t.Fatal(err)
	}
	refs := regexp.MustCompile(`(?:src|href)="([^"#]+)"`).FindAllSubmatch(index, -1)
	if len(refs) < 2 {
		t.Fatalf("index.html references %d files, want the script and the stylesheet", len(refs))
	}
	for _, m := range refs {
		ref := string(m[1])
		if ref == "data:," {
			continue
		}
		if regexp.MustCompile(`^[a-z]+:|^//`).MatchString(ref) {
			t.Errorf("index.html loads %q from another origin", ref)
			continue
		}
		if _, err := fs.Stat(Dist(), ref); err != nil {
			t.Errorf("index.html references %q, not embedded: %v", ref, err)
		}
	}
	js, err := fs.ReadFile(Dist(), "app.js")
	if err != nil || len(js) < 100_000 {
		t.Fatalf("app.js missing or too small (%d bytes): %v", len(js), err)
	}
}
