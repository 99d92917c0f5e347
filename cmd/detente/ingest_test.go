package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/detente-project/detente/internal/ingest"
	"github.com/detente-project/detente/internal/store"
)

// TestIngestExampleCorpus ingests the bundled corpus with the real coder
// twice: its README promises 51 documents, one exact duplicate and four
// near duplicates; the second run must add nothing.
func TestIngestExampleCorpus(t *testing.T) {
	corpus := filepath.Join("..", "..", "examples", "news", "iran-us.jsonl")
	db := filepath.Join(t.TempDir(), "ex.db")
	var runs []struct {
		Run   ingest.Summary `json:"run"`
		Store store.Stats    `json:"store"`
	}
	for range 2 {
		var out bytes.Buffer
		if err := runIngest(context.Background(), ingestOptions{dsn: db, jsonOut: true, quiet: true}, []string{corpus}, &out); err != nil {
			t.Fatal(err)
		}
		var r struct {
			Run   ingest.Summary `json:"run"`
			Store store.Stats    `json:"store"`
		}
		if err := json.Unmarshal(out.Bytes(), &r); err != nil {
			t.Fatalf("%v: %s", err, out.String())
		}
		runs = append(runs, r)
	}
	first, second := runs[0], runs[1]
	if first.Run.Documents != 51 || first.Run.Added != 50 || first.Run.Duplicates != 1 || first.Store.Duplicates != 4 {
		t.Errorf("first run %+v, store %+v", first.Run, first.Store)
	}
	if first.Store.Events == 0 || first.Store.DuplicateEvents == 0 {
		t.Errorf("no events counted or none in near duplicates: %+v", first.Store)
	}
	if second.Run.Added != 0 || second.Store != first.Store {
		t.Errorf("second run %+v changed the store %+v -> %+v", second.Run, first.Store, second.Store)
	}
}
