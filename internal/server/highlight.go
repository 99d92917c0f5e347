package server

import (
	"sort"
	"strings"

	"github.com/detente-project/detente/internal/event"
)

// apiEvent is an event as the API returns it: the stored event plus the
// evidence sentence cut into segments for highlighting.
type apiEvent struct {
	event.Event
	Segments []Segment `json:"segments"`
}

// Segment is a piece of an event's sentence. Kind is "" for plain text, or
// "source", "verb" or "target" for the words the coder matched. The
// segments of an event concatenate to its sentence.
type Segment struct {
	Text string `json:"text"`
	Kind string `json:"kind,omitempty"`
}

// mark is a byte range of the sentence with a kind.
type mark struct {
	start, end int
	kind       string
}

// highlight cuts ev.Sentence into segments marking the source, verb and
// target words. Spans are offsets into the document, so the sentence's own
// offset is inferred from where the evidence sits; a span that does not
// line up with its text falls back to the text's first free occurrence in
// the sentence. Source and target are marked first; a verb phrase that
// wraps one ("accused Washington of") is marked around it.
func highlight(ev event.Event) []Segment {
	sent := ev.Sentence
	base, baseOK := sentenceOffset(ev)
	var marks []mark
	add := func(kind, text string, sp event.Span) {
		if text == "" {
			return
		}
		m, ok := spanMark(sent, base, baseOK, kind, text, sp)
		if !ok {
			m, ok = searchMark(sent, kind, text, marks)
		}
		if !ok {
			i := strings.Index(sent, text)
			m, ok = mark{i, i + len(text), kind}, i >= 0
		}
		if ok {
			marks = append(marks, uncovered(sent, m, marks)...)
		}
	}
	add("source", ev.SourceText, ev.SourceSpan)
	add("target", ev.TargetText, ev.TargetSpan)
	add("verb", ev.VerbText, ev.VerbSpan)
	return segments(sent, marks)
}

// uncovered returns the parts of m that no existing mark covers, trimmed of
// surrounding spaces; blank parts are dropped.
func uncovered(sent string, m mark, marks []mark) []mark {
	parts := []mark{m}
	for _, o := range marks {
		var next []mark
		for _, p := range parts {
			if o.end <= p.start || p.end <= o.start {
				next = append(next, p)
				continue
			}
			if p.start < o.start {
				next = append(next, mark{p.start, o.start, p.kind})
			}
			if o.end < p.end {
				next = append(next, mark{o.end, p.end, p.kind})
			}
		}
		parts = next
	}
	out := parts[:0]
	for _, p := range parts {
		for p.start < p.end && sent[p.start] == ' ' {
			p.start++
		}
		for p.end > p.start && sent[p.end-1] == ' ' {
			p.end--
		}
		if p.start < p.end {
			out = append(out, p)
		}
	}
	return out
}

// sentenceOffset infers the document offset of ev.Sentence from the
// evidence span when the evidence text occurs in the sentence.
func sentenceOffset(ev event.Event) (int, bool) {
	if ev.Evidence == "" || ev.EvidenceSpan.End-ev.EvidenceSpan.Start != len(ev.Evidence) {
		return 0, false
	}
	i := strings.Index(ev.Sentence, ev.Evidence)
	if i < 0 {
		return 0, false
	}
	return ev.EvidenceSpan.Start - i, true
}

// spanMark turns a document span into a sentence mark if it is in range and
// covers exactly text.
func spanMark(sent string, base int, ok bool, kind, text string, sp event.Span) (mark, bool) {
	if !ok {
		return mark{}, false
	}
	s, e := sp.Start-base, sp.End-base
	if s < 0 || e > len(sent) || s >= e || sent[s:e] != text {
		return mark{}, false
	}
	return mark{s, e, kind}, true
}

// searchMark finds the first occurrence of text in sent that overlaps no
// existing mark.
func searchMark(sent, kind, text string, marks []mark) (mark, bool) {
	for from := 0; from < len(sent); {
		i := strings.Index(sent[from:], text)
		if i < 0 {
			return mark{}, false
		}
		m := mark{from + i, from + i + len(text), kind}
		if free(marks, m) {
			return m, true
		}
		from = m.start + 1
	}
	return mark{}, false
}

// free reports whether m overlaps none of marks.
func free(marks []mark, m mark) bool {
	for _, o := range marks {
		if m.start < o.end && o.start < m.end {
			return false
		}
	}
	return true
}

// segments cuts sent at the (non-overlapping) marks.
func segments(sent string, marks []mark) []Segment {
	sort.Slice(marks, func(i, j int) bool { return marks[i].start < marks[j].start })
	out := make([]Segment, 0, 2*len(marks)+1)
	pos := 0
	for _, m := range marks {
		if m.start > pos {
			out = append(out, Segment{Text: sent[pos:m.start]})
		}
		out = append(out, Segment{Text: sent[m.start:m.end], Kind: m.kind})
		pos = m.end
	}
	if pos < len(sent) || len(out) == 0 {
		out = append(out, Segment{Text: sent[pos:]})
	}
	return out
}
