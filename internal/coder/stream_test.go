package coder

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/detente-project/detente/internal/event"
	"github.com/detente-project/detente/internal/text"
)

// codeWhole is Code as it was before CodeEach: the whole document's output
// collected in one loop. CodeEach must give the same, in the same order.
func codeWhole(c *Coder, doc event.Document) event.Result {
	if !utf8.ValidString(doc.Text) {
		doc.Text = strings.ToValidUTF8(doc.Text, "\uFFFD")
	}
	res := event.Result{Doc: doc, Events: []event.Event{}, Quotes: []event.Quote{}, Mentions: []event.Mention{}}
	st := &docState{doc: &res.Doc}
	st.date, st.dateStr = c.docDate(doc.Date)
	for i, s := range text.Sentences(doc.Text) {
		sn := c.analyse(s, i, st)
		sn.firstPersonArgs()
		res.Mentions = append(res.Mentions, sn.mentions(doc.ID)...)
		res.Quotes = append(res.Quotes, c.quotes(sn, st)...)
		res.Events = append(res.Events, c.events(sn, st)...)
	}
	return res
}

// streamDocs reads the regression corpora and the example news as
// documents, and adds each file joined into one document so that pronouns
// and the last subject carry across sentences of different lines.
func streamDocs(t *testing.T) []event.Document {
	t.Helper()
	files, _ := filepath.Glob("../../testdata/corpus/*.jsonl")
	news, _ := filepath.Glob("../../examples/news/*.jsonl")
	files = append(files, news...)
	if len(files) < 2 {
		t.Fatalf("corpora not found: %v", files)
	}
	var docs []event.Document
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		var all strings.Builder
		for sc.Scan() {
			var d event.Document
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil || d.Text == "" {
				continue
			}
			docs = append(docs, d)
			all.WriteString(d.Text)
			all.WriteString("\n\n")
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		docs = append(docs, event.Document{ID: filepath.Base(name), Date: "2025-10-12", Text: all.String()})
	}
	docs = append(docs, event.Document{ID: "bad-utf8", Date: "2025-10-12", Text: "Iran \xff rejected talks with the United States. It later accepted them."})
	return docs
}

func TestCodeEachMatchesCode(t *testing.T) {
	for _, opts := range []Options{{}, {KeepNegated: true, KeepHypothetical: true}} {
		c, err := New(opts)
		if err != nil {
			t.Fatal(err)
		}
		events := 0
		for _, d := range streamDocs(t) {
			want := codeWhole(c, d)
			got := event.Result{Events: []event.Event{}, Quotes: []event.Quote{}, Mentions: []event.Mention{}}
			sent := -1
			got.Doc = c.CodeEach(d, Sink{
				Event:   func(e event.Event) { got.Events = append(got.Events, e) },
				Quote:   func(q event.Quote) { got.Quotes = append(got.Quotes, q) },
				Mention: func(m event.Mention) { got.Mentions = append(got.Mentions, m) },
				Sentence: func(i int) {
					if i != sent+1 {
						t.Errorf("%s: sentence %d after %d", d.ID, i, sent)
					}
					sent = i
				},
			})
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: CodeEach differs from the whole-document loop:\n got %d events %d quotes %d mentions\nwant %d events %d quotes %d mentions",
					d.ID, len(got.Events), len(got.Quotes), len(got.Mentions), len(want.Events), len(want.Quotes), len(want.Mentions))
			}
			if res := c.Code(d); !reflect.DeepEqual(res, want) {
				t.Errorf("%s: Code differs from the whole-document loop", d.ID)
			}
			// only events and quotes: mentions are skipped, the rest is unchanged
			var evs []event.Event
			var qs []event.Quote
			c.CodeEach(d, Sink{Event: func(e event.Event) { evs = append(evs, e) }, Quote: func(q event.Quote) { qs = append(qs, q) }})
			if len(evs) != len(want.Events) || len(evs) > 0 && !reflect.DeepEqual(evs, want.Events) || len(qs) != len(want.Quotes) || len(qs) > 0 && !reflect.DeepEqual(qs, want.Quotes) {
				t.Errorf("%s: CodeEach without mentions differs", d.ID)
			}
			events += len(want.Events)
		}
		if events < 100 {
			t.Errorf("only %d events over the corpora", events)
		}
	}
}
