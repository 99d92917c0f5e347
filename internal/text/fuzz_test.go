package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"",
	"Iran fired missiles. Israel responded.",
	"The U.S. Navy seized a tanker on Jan. 5. Gen. Smith said 3.5% of \"ships\" fled...",
	"“We will respond,” Iran’s Foreign Minister said. ‘No!’ they shouted\n\nNext paragraph",
	"Iran Vows Revenge\nTehran said it can't and won't yield.",
	"\xff\xfe\xc3 . \xe2\x80 . \xe2\x80\xa6\x00",
	"J. D. Vance met U.S.-led forces' chiefs (e.g., Mr. O'Brien's) -- at 10:30 a.m. The end",
}

// FuzzSentences checks that Sentences never panics and that its offsets are valid, ordered,
// trimmed and consistent with Text, for any input.
func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		checkSentenceInvariants(t, doc)
	})
}

// FuzzTokenize checks that Tokenize and Tag never panic, that token offsets are valid and ordered
// with Text == s[Start:End], that every token is tagged, and that valid UTF-8 input gives valid
// UTF-8 tokens.
func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkTokenInvariants(t, s)
		toks := Tokenize(s)
		Tag(toks)
		valid := utf8.ValidString(s)
		for _, tok := range toks {
			if tok.Tag == "" {
				t.Fatalf("token %q untagged", tok.Text)
			}
			if valid && !utf8.ValidString(tok.Text) {
				t.Fatalf("token %q splits a UTF-8 character", tok.Text)
			}
			_ = Lemma(tok.Text, tok.Tag)
		}
	})
}

// FuzzTag checks that Tag and Lemma never panic on tokens built by a careless caller: arbitrary
// Text, a Lower that is not the lower-case of Text (or empty), and offsets that mean nothing.
func FuzzTag(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var toks []Token
		for i, w := range strings.Fields(s) {
			lower := w
			if i%3 == 2 {
				lower = ""
			}
			toks = append(toks, Token{Text: w, Lower: lower, Start: -i, End: i})
		}
		Tag(toks)
		for _, tok := range toks {
			if tok.Tag == "" {
				t.Fatalf("token %q untagged", tok.Text)
			}
			_ = Lemma(tok.Lower, tok.Tag)
			_ = Lemma(tok.Text, "VBZ")
			_ = Lemma(tok.Text, "NNS")
		}
	})
}
