package coder

import (
	"strings"
	"unicode/utf8"

	"github.com/detente-project/detente/internal/event"
	"github.com/detente-project/detente/internal/text"
)

// Sink receives what CodeEach finds. Each field may be nil; a nil Mention
// also spares the coder listing mentions at all.
type Sink struct {
	Event   func(event.Event)
	Quote   func(event.Quote)
	Mention func(event.Mention)
	// Sentence, when set, is called after the last event of each sentence
	// with the sentence's index: a point where a consumer can flush.
	Sentence func(index int)
}

// CodeEach codes doc sentence by sentence and hands each sentence's
// mentions, then quotes, then events to sink as soon as the sentence is
// coded, in document order. Only what pronoun resolution carries from one
// sentence to the next is kept, so memory does not grow with the number of
// events of a document: Code collects the same output into a Result. Text
// that is not valid UTF-8 is repaired first (invalid bytes become U+FFFD);
// the repaired document, which all spans index, is returned.
func (c *Coder) CodeEach(doc event.Document, sink Sink) event.Document {
	if !utf8.ValidString(doc.Text) {
		doc.Text = strings.ToValidUTF8(doc.Text, "\uFFFD")
	}
	st := &docState{doc: &doc}
	st.date, st.dateStr = c.docDate(doc.Date)
	for i, s := range text.Sentences(doc.Text) {
		sn := c.analyse(s, i, st)
		sn.firstPersonArgs()
		if sink.Mention != nil {
			for _, m := range sn.mentions(doc.ID) {
				sink.Mention(m)
			}
		}
		// quotes before events: events moves the pronoun antecedent on
		qs := c.quotes(sn, st)
		if sink.Quote != nil {
			for _, q := range qs {
				sink.Quote(q)
			}
		}
		evs := c.events(sn, st)
		if sink.Event != nil {
			for _, e := range evs {
				sink.Event(e)
			}
		}
		if sink.Sentence != nil {
			sink.Sentence(i)
		}
	}
	return doc
}
