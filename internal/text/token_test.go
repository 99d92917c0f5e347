package text

import (
	"reflect"
	"strings"
	"testing"
)

func tokenTexts(s string) []string {
	var out []string
	for _, t := range Tokenize(s) {
		out = append(out, t.Text)
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"   ", nil},
		{"The U.S. struck Iran.", []string{"The", "U.S.", "struck", "Iran", "."}},
		{"Iran's backing of Hamas", []string{"Iran", "'s", "backing", "of", "Hamas"}},
		{"Iran’s backing", []string{"Iran", "’s", "backing"}},
		{"They didn't attend.", []string{"They", "did", "n't", "attend", "."}},
		{"We can't and won't go", []string{"We", "ca", "n't", "and", "wo", "n't", "go"}},
		{"Tehran cannot accept", []string{"Tehran", "can", "not", "accept"}},
		{"they're, we've, I'll, he'd, I'm", []string{"they", "'re", ",", "we", "'ve", ",", "I", "'ll", ",", "he", "'d", ",", "I", "'m"}},
		{"the protesters' demands", []string{"the", "protesters", "'", "demands"}},
		{"a U.S.-led, Saudi-backed coalition", []string{"a", "U.S.-led", ",", "Saudi-backed", "coalition"}},
		{`"We will respond," he said.`, []string{`"`, "We", "will", "respond", ",", `"`, "he", "said", "."}},
		{"“We will respond,” he said.", []string{"“", "We", "will", "respond", ",", "”", "he", "said", "."}},
		{"‘No,’ she said", []string{"‘", "No", ",", "’", "she", "said"}},
		{"50,000 tonnes worth 11.8 million, or $3.5 billion", []string{"50,000", "tonnes", "worth", "11.8", "million", ",", "or", "$", "3.5", "billion"}},
		{"at 10:30 on Jan. 5 (local time)", []string{"at", "10:30", "on", "Jan.", "5", "(", "local", "time", ")"}},
		{"Gen. J. D. Vance and Mr. Smith", []string{"Gen.", "J.", "D.", "Vance", "and", "Mr.", "Smith"}},
		{"He waited... then left", []string{"He", "waited", "...", "then", "left"}},
		{"war—and peace -- again", []string{"war", "—", "and", "peace", "--", "again"}},
		{"Iran, Iraq; Syria: yes!", []string{"Iran", ",", "Iraq", ";", "Syria", ":", "yes", "!"}},
		{"O'Brien's plan", []string{"O'Brien", "'s", "plan"}},
		{"rose 5% in the 1990s", []string{"rose", "5", "%", "in", "the", "1990s"}},
		{"(Reuters) -", []string{"(", "Reuters", ")", "-"}},
		{"the U.S.", []string{"the", "U.S."}},
		{"end of sentence.", []string{"end", "of", "sentence", "."}},
		{"Is it?!", []string{"Is", "it", "?", "!"}},
		{"anti- and pro-government", []string{"anti-", "and", "pro-government"}},
		{"see https://example.com/a,b?x=1.", []string{"see", "https://example.com/a,b?x=1", "."}},
		{"(www.irna.ir) or press@un.org", []string{"(", "www.irna.ir", ")", "or", "press@un.org"}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := tokenTexts(tc.in); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Tokenize(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
			checkTokenInvariants(t, tc.in)
		})
	}
}

func TestTokenLower(t *testing.T) {
	tests := []struct{ in, lower string }{
		{"IRAN", "iran"},
		{"Iran’s", "iran 's"},
		{"Don’t", "do n't"},
		{"ÉLYSÉE Palace", "élysée palace"},
		{"ΑΘΗΝΑ", "ΑΘΗΝΑ"}, // non-Latin-1 letters are left alone
	}
	for _, tc := range tests {
		var got []string
		for _, tok := range Tokenize(tc.in) {
			got = append(got, tok.Lower)
		}
		if g := strings.Join(got, " "); g != tc.lower {
			t.Errorf("Lower(%q) = %q, want %q", tc.in, g, tc.lower)
		}
	}
}

// checkTokenInvariants asserts offsets are in range, ordered and Text == s[Start:End], and
// that tokens contain no white space.
func checkTokenInvariants(t *testing.T, s string) {
	t.Helper()
	prev := 0
	for i, tok := range Tokenize(s) {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) {
			t.Fatalf("token %d [%d,%d) out of order or range (prev end %d, len %d)", i, tok.Start, tok.End, prev, len(s))
		}
		if s[tok.Start:tok.End] != tok.Text {
			t.Fatalf("token %d text %q != s[%d:%d]", i, tok.Text, tok.Start, tok.End)
		}
		if len(tok.Lower) == 0 {
			t.Fatalf("token %d %q has empty Lower", i, tok.Text)
		}
		for k := 0; k < len(tok.Text); k++ {
			if isSpaceByte(tok.Text[k]) {
				t.Fatalf("token %d %q contains white space", i, tok.Text)
			}
		}
		prev = tok.End
	}
}

func TestTokenizeBadInput(t *testing.T) {
	tests := []string{
		"\xff\xfe\xfd",
		"Iran\xe2\x80 spoke\xc3",
		"'",
		"''''",
		"n't",
		"'s",
		"-",
		"....",
		string([]byte{0, 1, 2, 3, '\'', 's'}),
		strings.Repeat(",", 100),
		strings.Repeat("'s", 100),
		strings.Repeat("a.", 1000),
	}
	for _, in := range tests {
		checkTokenInvariants(t, in)
		toks := Tokenize(in)
		Tag(toks)
		for _, tok := range toks {
			if tok.Tag == "" {
				t.Errorf("Tokenize(%q): token %q untagged", in, tok.Text)
			}
		}
	}
}
