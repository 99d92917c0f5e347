package text

import (
	"reflect"
	"strings"
	"testing"
)

func sentenceTexts(doc string) []string {
	var out []string
	for _, s := range Sentences(doc) {
		out = append(out, s.Text)
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{"empty", "", nil},
		{"spaces only", " \n\t \n", nil},
		{"one without period", "Iran vows revenge", []string{"Iran vows revenge"}},
		{"two", "Iran fired missiles. Israel responded.", []string{"Iran fired missiles.", "Israel responded."}},
		{"U.S. mid-sentence", "The U.S. Navy seized a tanker. Iran protested.",
			[]string{"The U.S. Navy seized a tanker.", "Iran protested."}},
		{"U.S. at end then opener", "Iran blamed the U.S. The move angered Tehran.",
			[]string{"Iran blamed the U.S.", "The move angered Tehran."}},
		{"U.S. then name", "He met U.S. President Joe Biden.", []string{"He met U.S. President Joe Biden."}},
		{"U.N. then Security", "The U.N. Security Council met.", []string{"The U.N. Security Council met."}},
		{"titles", "Gen. Hossein Salami met Mr. Smith and Dr. Jones. They talked.",
			[]string{"Gen. Hossein Salami met Mr. Smith and Dr. Jones.", "They talked."}},
		{"month and number", "Talks resume on Jan. 5 in Oman. No. 2 official attended.",
			[]string{"Talks resume on Jan. 5 in Oman.", "No. 2 official attended."}},
		{"initials", "J. D. Vance met Netanyahu. He left.", []string{"J. D. Vance met Netanyahu.", "He left."}},
		{"decimal", "Oil rose 3.5 percent. Stocks fell.", []string{"Oil rose 3.5 percent.", "Stocks fell."}},
		{"question and exclamation", "Will Iran attend? No! It refused.", []string{"Will Iran attend?", "No!", "It refused."}},
		{"ellipsis", "He hesitated... Then he signed.", []string{"He hesitated...", "Then he signed."}},
		{"unicode ellipsis", "He hesitated… Then he signed.", []string{"He hesitated…", "Then he signed."}},
		{"closing quote stays", `"We will respond." Iran fired back.`, []string{`"We will respond."`, "Iran fired back."}},
		{"curly closing quote stays", "“We will respond.” Iran fired back.", []string{"“We will respond.”", "Iran fired back."}},
		{"quote then lower case", `"Why?" he asked. "Because," she said.`, []string{`"Why?" he asked.`, `"Because," she said.`}},
		{"quote spanning sentences", `"We will respond. Iran will pay," he said.`,
			[]string{`"We will respond.`, `Iran will pay," he said.`}},
		{"paren after period", "Iran protested. (It later relented.) Talks resumed.",
			[]string{"Iran protested.", "(It later relented.)", "Talks resumed."}},
		{"paragraphs without punctuation", "First paragraph\n\nSecond paragraph", []string{"First paragraph", "Second paragraph"}},
		{"headline line", "Iran Vows Revenge After Strikes\nTehran said on Sunday it would respond.",
			[]string{"Iran Vows Revenge After Strikes", "Tehran said on Sunday it would respond."}},
		{"wrapped line lower", "Brazil and the United States are seeking to deepen a partnership in\nenergy, officials said.",
			[]string{"Brazil and the United States are seeking to deepen a partnership in\nenergy, officials said."}},
		{"wrapped line upper mid-sentence", "The court heard that US Deputy\nSecretary Jeffrey Kupfer said so.",
			[]string{"The court heard that US Deputy\nSecretary Jeffrey Kupfer said so."}},
		{"wrapped line ending in function word", "Talks between Iran and the\nUnited States resumed.",
			[]string{"Talks between Iran and the\nUnited States resumed."}},
		{"hyphen after abbreviation", "The U.S.-led coalition struck. Iran fled.", []string{"The U.S.-led coalition struck.", "Iran fled."}},
		{"e.g. comma", "Allies, e.g., France, objected. Iran did not.", []string{"Allies, e.g., France, objected.", "Iran did not."}},
		{"a.m. then opener", "The blast hit at 5 a.m. The army said so.", []string{"The blast hit at 5 a.m.", "The army said so."}},
		{"crlf paragraphs", "One.\r\n\r\nTwo", []string{"One.", "Two"}},
		{"abbrev then quote", `He lives in the U.S. "It is home," he said.`, []string{"He lives in the U.S.", `"It is home," he said.`}},
		{"bom", "\ufeffIran spoke.", []string{"Iran spoke."}},
		{"quote then speaker", `"Is this a joke?" Trump asked. Nobody answered.`,
			[]string{`"Is this a joke?" Trump asked.`, "Nobody answered."}},
		{"quote then long speaker", "“We will respond.” Foreign Minister Abbas Araghchi said on Sunday.",
			[]string{"“We will respond.” Foreign Minister Abbas Araghchi said on Sunday."}},
		{"quote then new sentence", `"We will respond." Iran fired missiles later.`,
			[]string{`"We will respond."`, "Iran fired missiles later."}},
		{"bullets", "Demands include:\n- an end to strikes\n- release of prisoners\n• new talks",
			[]string{"Demands include:", "- an end to strikes", "- release of prisoners", "• new talks"}},
		{"url", "See https://example.com/a.b. Then leave.", []string{"See https://example.com/a.b.", "Then leave."}},
		{"no-break spaces", "Iran spoke.\u00a0Israel listened.", []string{"Iran spoke.", "Israel listened."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := sentenceTexts(tc.doc)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tc.doc, got, tc.want)
			}
			checkSentenceInvariants(t, tc.doc)
		})
	}
}

// checkSentenceInvariants asserts offsets are in range, ordered, non-overlapping, trimmed and
// that Text == doc[Start:End].
func checkSentenceInvariants(t *testing.T, doc string) {
	t.Helper()
	prev := 0
	for i, s := range Sentences(doc) {
		if s.Start < prev || s.End <= s.Start || s.End > len(doc) {
			t.Fatalf("sentence %d [%d,%d) out of order or range (prev end %d, len %d)", i, s.Start, s.End, prev, len(doc))
		}
		if doc[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d text %q != doc[%d:%d] %q", i, s.Text, s.Start, s.End, doc[s.Start:s.End])
		}
		if s.End-s.Start > MaxSentenceBytes {
			t.Fatalf("sentence %d is %d bytes, above MaxSentenceBytes", i, s.End-s.Start)
		}
		if a, b := trimSpace(doc, s.Start, s.End); a != s.Start || b != s.End {
			t.Fatalf("sentence %d %q not trimmed", i, s.Text)
		}
		prev = s.End
	}
}

func TestSentencesOffsets(t *testing.T) {
	doc := "  Iran spoke.  Israel listened.\n\nEnd"
	want := []Sentence{{"Iran spoke.", 2, 13}, {"Israel listened.", 15, 31}, {"End", 33, 36}}
	if got := Sentences(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v want %+v", got, want)
	}
}

func TestSentencesBadInput(t *testing.T) {
	tests := []struct {
		name string
		doc  string
	}{
		{"invalid utf8", "Iran \xff\xfe spoke. Israel \xc3 listened.\xe2\x80"},
		{"binary", string([]byte{0, 1, 2, 0xff, '.', ' ', 'A', 0x80, '\n', '\n', 0xe2, 0x80, 0xa6})},
		{"lone multibyte prefix at end", "Iran spoke\xe2"},
		{"only dots", "...... . . ."},
		{"only quotes", `"""''' ”“`},
		{"long line no space", strings.Repeat("x", 3*MaxSentenceBytes+7)},
		{"long multibyte line", strings.Repeat("é", 2*MaxSentenceBytes)},
		{"long line with spaces", strings.Repeat("word ", 3*MaxSentenceBytes)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkSentenceInvariants(t, tc.doc)
		})
	}
}

// TestSentencesHugeLine checks a 10 MB single line finishes (linear time) with bounded sentences.
func TestSentencesHugeLine(t *testing.T) {
	doc := strings.Repeat("Iran and the U.S. said 3.5 percent of talks ", 10<<20/44)
	ss := Sentences(doc)
	if len(ss) < len(doc)/MaxSentenceBytes {
		t.Fatalf("got %d sentences for %d bytes", len(ss), len(doc))
	}
	checkSentenceInvariants(t, doc)
	n := 0
	for _, s := range ss {
		n += len(Tokenize(s.Text))
	}
	if n == 0 {
		t.Fatal("no tokens")
	}
}
