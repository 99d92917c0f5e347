package cameo

import (
	"strings"
	"testing"
)

const good = "01 | 1 | 0.0 | none | - | - | Make public statement\n010 | 1 | 0.0 | none | - | - | Make statement\n"

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"fields", "01 | 1 | 0.0 | none | - | Make public statement", "c.txt:1: want 7"},
		{"code letters", "0a | 1 | 0 | none | - | - | x", "c.txt:1: bad code"},
		{"code long", "01234 | 1 | 0 | none | - | - | x", "c.txt:1: bad code"},
		{"root range", "21 | 4 | 0 | none | - | - | x", "c.txt:1: bad code"},
		{"quad range", "01 | 5 | 0 | none | - | - | x", "c.txt:1: bad quad"},
		{"quad mismatch", "01 | 2 | 0 | none | - | - | x", "c.txt:1: quad class 2 does not match root 01"},
		{"goldstein", "01 | 1 | 11 | none | - | - | x", "c.txt:1: bad Goldstein"},
		{"goldstein nan", "01 | 1 | NaN | none | - | - | x", "c.txt:1: bad Goldstein"},
		{"plover", "01 | 1 | 0 | DEMAND | - | - | x", "c.txt:1: bad PLOVER"},
		{"name", "01 | 1 | 0 | none | - | - |  ", "c.txt:1: empty name"},
		{"dup", good + "010 | 1 | 0.0 | none | - | - | again", "c.txt:3: duplicate code 010 (first at line 2)"},
		{"no root", "010 | 1 | 0.0 | none | - | - | x", "c.txt:1: code 010 has no root line 01"},
		{"no parent", "01 | 1 | 0 | none | - | - | x\n0111 | 1 | 0 | none | - | - | x", "c.txt:2: code 0111 has no parent 011"},
		{"utf8", "01 | 1 | 0 | none | - | - | \xff", "c.txt:1: invalid UTF-8"},
		{"empty", "# nothing\n", "c.txt: no codes"},
		{"long line", strings.Repeat("9", maxLine+1), "c.txt:1: line longer"},
	}
	for _, tt := range tests {
		_, err := Parse("c.txt", strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want containing %q", tt.name, err, tt.want)
		}
	}
}

func TestParseGood(t *testing.T) {
	b, err := Parse("c.txt", strings.NewReader("# header\n"+good+"  # trailing comment line\n"))
	if err != nil {
		t.Fatal(err)
	}
	c, ok := b.Lookup("10")
	if ok {
		t.Errorf("root 10 should be absent, got %+v", c)
	}
	c, ok = b.Lookup("010")
	if !ok || c.Root != "01" || c.PLOVER != "" || b.Len() != 2 {
		t.Errorf("Lookup(010) = %+v %v, len %d", c, ok, b.Len())
	}
}

// FuzzParse checks that no input panics and that errors name the file.
func FuzzParse(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte("14 | 4 | -6.5 | PROTEST | - | - | Protest\n141 | 4 | -6.5 | PROTEST | demo | - | Demonstrate # c\n"))
	f.Add([]byte("||||||\n\xff\n01|1|1e309|none|-|-|x"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Parse("fuzz.txt", strings.NewReader(string(data)))
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.txt") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, c := range b.All() {
			if c.Goldstein < -10 || c.Goldstein > 10 || c.QuadClass != GDELTQuad(c.Root) {
				t.Fatalf("invalid code accepted: %+v", c)
			}
			if _, ok := b.Lookup(c.Code); !ok {
				t.Fatalf("accepted code %s not found", c.Code)
			}
		}
	})
}
