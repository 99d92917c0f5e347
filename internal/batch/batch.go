// Package batch codes large document collections on Apache Beam, so that a
// corpus too big for one machine runs on an existing distributed engine
// (Flink, Spark or Google Dataflow through Beam's portable runners) instead
// of a home-made one. Locally the same pipeline runs on Beam's direct runner.
//
// Input is JSONL documents ({"id","date","title","text","url"}), one per
// line; output is JSONL events in the event.Event contract. Lines that are
// not valid documents are counted and written to a side output of errors,
// never dropped silently.
package batch

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	// Filesystems a distributed run reads and writes: local paths for the
	// direct runner, gs:// for Dataflow and s3:// for Flink or Spark clusters.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/detente-project/detente/internal/coder"
	"github.com/detente-project/detente/internal/event"
)

func init() {
	register.DoFn4x1[context.Context, string, func(string), func(string), error](&codeFn{})
	register.Emitter1[string]()
	beam.RegisterType(reflect.TypeOf((*codeFn)(nil)).Elem())
}

// Options configures a batch coding pipeline.
type Options struct {
	Input  string // file glob of JSONL documents, local or on a Beam filesystem (gs://, s3://)
	Output string // path prefix for JSONL events
	Errors string // path prefix for rejected input lines; "" drops them after counting
}

// Build adds the read-code-write pipeline to scope s.
func Build(s beam.Scope, o Options) {
	s = s.Scope("detente.code")
	lines := textio.Read(s, o.Input)
	events, rejects := beam.ParDo2(s, &codeFn{}, lines)
	textio.Write(s, o.Output, events)
	if o.Errors != "" {
		textio.Write(s, o.Errors, rejects)
	}
}

// codeFn codes one JSONL document per element. The coder is built once per
// worker in Setup and shared by the bundle's goroutines; *coder.Coder is safe
// for concurrent use.
type codeFn struct {
	once sync.Once
	c    *coder.Coder
	err  error
}

// Setup builds the coder with its embedded dictionaries.
func (f *codeFn) Setup() error {
	f.once.Do(func() { f.c, f.err = coder.New(coder.Options{}) })
	return f.err
}

// ProcessElement codes one line and emits one JSON event per line to events,
// or the line with the reason to rejects.
func (f *codeFn) ProcessElement(ctx context.Context, line string, events, rejects func(string)) error {
	docs, err := decodeDoc(line)
	if err != nil {
		rejects(fmt.Sprintf("%v\t%.200s", err, line))
		return nil
	}
	for _, e := range f.c.Code(docs).Events {
		b, err := json.Marshal(e)
		if err != nil {
			return fmt.Errorf("encode event of %s: %w", e.DocID, err)
		}
		events(string(b))
	}
	return nil
}

// decodeDoc parses one JSONL document line.
func decodeDoc(line string) (event.Document, error) {
	var d event.Document
	if err := json.Unmarshal([]byte(line), &d); err != nil {
		return d, fmt.Errorf("bad JSON document: %w", err)
	}
	if d.Text == "" {
		return d, fmt.Errorf("document %q has no text", d.ID)
	}
	return d, nil
}
