package server

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/detente-project/detente/internal/event"
)

func TestHighlight(t *testing.T) {
	sent := "Iran's Foreign Minister said Israel struck Iran near Isfahan."
	doc := "Headline here. " + sent
	base := strings.Index(doc, sent)
	at := func(s string) event.Span {
		i := strings.Index(sent, s)
		return event.Span{Start: base + i, End: base + i + len(s)}
	}
	// "Iran" occurs twice: the span must pick the second one.
	second := strings.LastIndex(sent, "Iran near")
	target := event.Span{Start: base + second, End: base + second + 4}
	tests := []struct {
		name string
		ev   event.Event
		want string // segments rendered as [kind:text]
	}{
		{"spans", event.Event{Sentence: sent, Evidence: sent, EvidenceSpan: at(sent),
			SourceText: "Israel", SourceSpan: at("Israel"), VerbText: "struck", VerbSpan: at("struck"),
			TargetText: "Iran", TargetSpan: target},
			"Iran's Foreign Minister said [source:Israel] [verb:struck] [target:Iran] near Isfahan."},
		{"evidence is a clause", event.Event{Sentence: sent, Evidence: "Israel struck Iran", EvidenceSpan: at("Israel struck Iran"),
			SourceText: "Israel", SourceSpan: at("Israel"), VerbText: "struck", VerbSpan: at("struck"),
			TargetText: "Iran", TargetSpan: target},
			"Iran's Foreign Minister said [source:Israel] [verb:struck] [target:Iran] near Isfahan."},
		{"no spans: first free occurrence", event.Event{Sentence: sent, SourceText: "Israel", VerbText: "struck", TargetText: "Iran"},
			"[target:Iran]'s Foreign Minister said [source:Israel] [verb:struck] Iran near Isfahan."},
		{"wrong spans fall back", event.Event{Sentence: sent, Evidence: sent, EvidenceSpan: at(sent),
			SourceText: "Israel", SourceSpan: event.Span{Start: 999, End: 1005}, VerbText: "struck", VerbSpan: event.Span{Start: -5, End: 2}},
			"Iran's Foreign Minister said [source:Israel] [verb:struck] Iran near Isfahan."},
		{"missing words stay plain", event.Event{Sentence: sent, SourceText: "Hamas", VerbText: "bombed"}, sent},
		{"overlap is skipped", event.Event{Sentence: "Iran Iran", SourceText: "Iran Iran", TargetText: "Iran"},
			"[source:Iran Iran]"},
		{"verb wraps target", event.Event{Sentence: "Tehran accused Washington of aggression.", SourceText: "Tehran",
			VerbText: "accused Washington of", TargetText: "Washington"},
			"[source:Tehran] [verb:accused] [target:Washington] [verb:of] aggression."},
		{"verb wraps source", event.Event{Sentence: "Talks between Iran and the U.S. resumed.", SourceText: "Iran",
			VerbText: "Talks between Iran", TargetText: "the U.S."},
			"[verb:Talks between] [source:Iran] and [target:the U.S.] resumed."},
		{"empty sentence", event.Event{}, ""},
		{"utf-8", event.Event{Sentence: "Le Président a rencontré l'émir.", SourceText: "Président", VerbText: "rencontré", TargetText: "émir"},
			"Le [source:Président] a [verb:rencontré] l'[target:émir]."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			segs := highlight(tc.ev)
			var b strings.Builder
			for _, s := range segs {
				if s.Kind == "" {
					b.WriteString(s.Text)
					continue
				}
				b.WriteString("[" + s.Kind + ":" + s.Text + "]")
			}
			if got := b.String(); got != tc.want {
				t.Fatalf("got  %q\nwant %q", got, tc.want)
			}
			if joinSegments(segs) != tc.ev.Sentence {
				t.Fatal("segments do not join to the sentence")
			}
		})
	}
}

func TestParseDocumentsLines(t *testing.T) {
	body := []byte("{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two\",\"date\":\"2025-06-22\"}\n{\"id\":\"c\",\"text\":\"\"}\n")
	_, err := parseDocuments(body, 10)
	if err == nil || !strings.Contains(err.Error(), "line 3") || !strings.Contains(err.Error(), "document 3") {
		t.Fatalf("error %v, want one naming line 3, document 3", err)
	}
	docs, err := parseDocuments(body[:afterLine(body, 2)], 10)
	if err != nil || len(docs) != 2 || docs[1].Date != "2025-06-22" {
		t.Fatalf("two good lines: %v %+v", err, docs)
	}
}

// afterLine returns the offset just past the n-th newline.
func afterLine(b []byte, n int) int {
	for i, c := range b {
		if c == '\n' {
			n--
			if n == 0 {
				return i + 1
			}
		}
	}
	return len(b)
}

// FuzzParseDocuments checks that any body either parses into documents
// with text and an ID, or fails with an error naming a body line; never a
// panic.
func FuzzParseDocuments(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"x"}`, `[{"text":"x"},{"text":"y"}]`, "{\"text\":\"a\"}\n{\"text\":\"b\"}",
		`[`, `]`, `{"text":1}`, "\xff", `[{"text":"x"}] 1`, `{"date":"2025-01-01","text":" "}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		docs, err := parseDocuments(body, 50)
		if err != nil {
			if !strings.Contains(err.Error(), "line ") && !strings.Contains(err.Error(), "empty body") &&
				!strings.Contains(err.Error(), "more than") {
				t.Fatalf("error without a line: %v", err)
			}
			return
		}
		for _, d := range docs {
			if strings.TrimSpace(d.Text) == "" || d.ID == "" || !utf8.ValidString(d.Text) {
				t.Fatalf("accepted bad document %+v", d)
			}
		}
	})
}

// FuzzHighlight checks that segments always join back to the sentence.
func FuzzHighlight(f *testing.F) {
	f.Add("Israel struck Iran.", "Israel", "struck", "Iran", 0, 6, 50, 56)
	f.Add("é", "é", "", "x", -1, 100, 0, 1)
	f.Fuzz(func(t *testing.T, sent, src, verb, tgt string, s0, s1, v0, v1 int) {
		ev := event.Event{Sentence: sent, Evidence: sent, EvidenceSpan: event.Span{Start: s0, End: s0 + len(sent)},
			SourceText: src, SourceSpan: event.Span{Start: s0, End: s1}, VerbText: verb, VerbSpan: event.Span{Start: v0, End: v1}, TargetText: tgt}
		if got := joinSegments(highlight(ev)); got != sent {
			t.Fatalf("segments join to %q, want %q", got, sent)
		}
	})
}
