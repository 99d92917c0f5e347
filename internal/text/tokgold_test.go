package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tokFloor is the share of PETRARCH sample sentences whose tokenisation must match the gold
// Treebank leaves exactly; set a little under the measured value.
const tokFloor = 0.97

// readTexts returns the <Text> of every sentence in a PETRARCH XML file, in order.
func readTexts(t testing.TB, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	var out []string
	rest := string(data)
	for {
		i := strings.Index(rest, "<Text>")
		if i < 0 {
			return out
		}
		rest = rest[i+len("<Text>"):]
		j := strings.Index(rest, "</Text>")
		if j < 0 {
			t.Fatalf("%s: unterminated <Text>", path)
		}
		out = append(out, strings.Join(strings.Fields(rest[:j]), " "))
		rest = rest[j:]
	}
}

// normTokenForCompare maps quote and bracket spellings to one form.
func normTokenForCompare(w string) string {
	switch w {
	case "``", "''", "\"", "“", "”":
		return "QUOTE"
	case "’":
		return "'"
	case "-LRB-":
		return "("
	case "-RRB-":
		return ")"
	}
	return w
}

// TestTokenizeAgainstGold compares Tokenize on the raw <Text> with the gold Treebank leaves.
func TestTokenizeAgainstGold(t *testing.T) {
	dir := sharedDir(t)
	same, total, skipped := 0, 0, 0
	for _, name := range petrarchTexts {
		path := filepath.Join(dir, "text", name)
		texts, golds := readTexts(t, path), readGold(t, path)
		if len(texts) != len(golds) {
			t.Fatalf("%s: %d texts but %d parses", name, len(texts), len(golds))
		}
		for k, txt := range texts {
			var got, want []string
			for _, tok := range Tokenize(txt) {
				got = append(got, normTokenForCompare(tok.Text))
			}
			for _, l := range golds[k] {
				want = append(want, normTokenForCompare(l.word))
			}
			if strings.Join(got, "") != strings.Join(want, "") {
				skipped++ // the parse is of a different wording than the text: not comparable
				continue
			}
			total++
			if strings.Join(got, " ") == strings.Join(want, " ") {
				same++
			} else if os.Getenv("TOK_DIFF") != "" {
				t.Logf("got  %s\nwant %s", strings.Join(got, " "), strings.Join(want, " "))
			}
		}
	}
	rate := float64(same) / float64(total)
	t.Logf("tokenisation identical to gold: %d/%d sentences = %.1f%% (%d sentences skipped: parse and text differ in wording)", same, total, 100*rate, skipped)
	if rate < tokFloor {
		t.Fatalf("tokenisation agreement %.1f%% below floor %.1f%%", 100*rate, 100*tokFloor)
	}
}

// TestSentencesOnPetrarchTexts checks that each <Text> of the PETRARCH samples, which holds one
// hard-wrapped sentence, comes out of Sentences as exactly one sentence.
func TestSentencesOnPetrarchTexts(t *testing.T) {
	dir := sharedDir(t)
	one, total := 0, 0
	for _, name := range petrarchTexts {
		data, err := os.ReadFile(filepath.Join(dir, "text", name))
		if err != nil {
			t.Fatal(err)
		}
		rest := string(data)
		for {
			i := strings.Index(rest, "<Text>")
			if i < 0 {
				break
			}
			rest = rest[i+len("<Text>"):]
			j := strings.Index(rest, "</Text>")
			if j < 0 {
				t.Fatalf("%s: unterminated <Text>", name)
			}
			if strings.TrimSpace(rest[:j]) == "" {
				rest = rest[j:]
				continue // some records have an empty <Text>
			}
			total++
			if ss := Sentences(rest[:j]); len(ss) == 1 {
				one++
			} else if os.Getenv("SPLIT_DIFF") != "" {
				t.Logf("--- %d sentences", len(ss))
				for _, s := range ss {
					t.Logf("%q", s.Text)
				}
			}
			rest = rest[j:]
		}
	}
	rate := float64(one) / float64(total)
	t.Logf("single-sentence texts kept whole: %d/%d = %.1f%%", one, total, 100*rate)
	if rate < 0.99 {
		t.Fatalf("only %.1f%% of one-sentence texts kept whole", 100*rate)
	}
}

// TestSentencesJoinedPetrarchTexts joins the one-sentence PETRARCH texts that end in final
// punctuation into one paragraph and checks that Sentences recovers them: this measures missed
// boundaries as well as false splits.
func TestSentencesJoinedPetrarchTexts(t *testing.T) {
	dir := sharedDir(t)
	var want []string
	for _, name := range petrarchTexts {
		for _, txt := range readTexts(t, filepath.Join(dir, "text", name)) {
			if txt == "" || !strings.ContainsAny(txt[len(txt)-1:], ".?!\"") {
				continue
			}
			want = append(want, txt)
		}
	}
	got := map[string]bool{}
	for _, s := range Sentences(strings.Join(want, " ")) {
		got[s.Text] = true
	}
	found := 0
	for _, w := range want {
		if got[w] {
			found++
		} else if os.Getenv("SPLIT_DIFF") != "" {
			t.Logf("missed %q", w)
		}
	}
	rate := float64(found) / float64(len(want))
	t.Logf("sentences recovered exactly from the joined texts: %d/%d = %.1f%%", found, len(want), 100*rate)
	if rate < 0.97 {
		t.Fatalf("only %.1f%% recovered", 100*rate)
	}
}
