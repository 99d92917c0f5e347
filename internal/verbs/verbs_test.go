package verbs

import (
	"strings"
	"testing"

	"github.com/detente-project/detente/internal/cameo"
)

func TestDefaultParses(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() < 400 {
		t.Errorf("only %d patterns", d.Len())
	}
}

// TestCodesExist checks every code in the dictionary against the CAMEO codebook.
func TestCodesExist(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range d.Patterns() {
		if p.Code == "-" {
			continue
		}
		if _, ok := cameo.Lookup(p.Code); !ok {
			t.Errorf("%s:%d: code %s not in the CAMEO codebook", p.File, p.Line, p.Code)
		}
	}
}

// TestAllRoots checks that every CAMEO root 01-20 has verb and noun coverage.
func TestAllRoots(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	roots := map[string]int{}
	for _, p := range d.Patterns() {
		if p.Code != "-" {
			roots[p.Code[:2]]++
		}
	}
	for r := 1; r <= 20; r++ {
		k := []string{"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"}[r-1]
		if roots[k] < 3 {
			t.Errorf("root %s has %d patterns", k, roots[k])
		}
	}
}

func TestLookup(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		kind Kind
		head string
		want string // a code that must be among the head's patterns
	}{
		{Verb, "strike", "195"},
		{Verb, "assassinate", "186"},
		{Noun, "assassination", "186"},
		{Noun, "bombing", "195"},
		{Noun, "invitation", "036"},
		{Noun, "backing", "050"},
		{Verb, "impose", "163"},
		{Verb, "accuse", "112"},
		{Verb, "threaten", "138"},
		{Verb, "arrest", "173"},
		{Verb, "visit", "042"},
		{Verb, "meet", "040"},
		{Verb, "reject", "125"},
		{Verb, "deepen", "062"},
		{Verb, "protest", "141"},
		{Verb, "expel", "166"},
		{Verb, "massacre", "202"},
	}
	for _, tt := range tests {
		ps := d.Verb(tt.head)
		if tt.kind == Noun {
			ps = d.Noun(tt.head)
		}
		found := false
		for _, p := range ps {
			found = found || p.Code == tt.want
		}
		if !found {
			t.Errorf("%s %s: no pattern with code %s (have %d)", tt.kind, tt.head, tt.want, len(ps))
		}
	}
	if d.Role("say") != RoleSay || d.Role("plan") != RoleFuture || d.Role("carry") != RoleLight {
		t.Error("roles not loaded")
	}
}

func TestSpecificityOrder(t *testing.T) {
	d, err := Parse("t.txt", strings.NewReader("120 V reject\n125 V reject + invitation\n127 V reject proposal\n"))
	if err != nil {
		t.Fatal(err)
	}
	ps := d.Verb("reject")
	if len(ps) != 3 || ps[0].Code != "125" || ps[2].Code != "120" {
		t.Errorf("order: %v", ps)
	}
	if got := ps[0].String(); got != "125 V reject + invitation" {
		t.Errorf("String = %q", got)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"195 V\n", "t.txt:1"},
		{"# ok\n19x V strike\n", "t.txt:2: code"},
		{"195 X strike\n", "kind"},
		{"195 V Strike\n", "lower-case"},
		{"195 V strike + +\n", "more than one target"},
		{"195 V strike !bogus\n", "unknown flag"},
		{"@nope say\n", "unknown role"},
		{"@say\n", "no words"},
		{"195 V a b c d e f g h i j\n", "max"},
		{"195 V stri\xffke\n", "UTF-8"},
		{"@say x\n@light x\n", "another role"},
	}
	for _, tt := range tests {
		_, err := Parse("t.txt", strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %v, want containing %q", tt.in, err, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("195 V strike\n")
	f.Add("036 N invitation to talk !recv\n@say say tell\n")
	f.Add("1312 V threaten + with sanction|tariff\n- V hit record\n")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse("fuzz.txt", strings.NewReader(s))
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.txt:") {
				t.Fatalf("error without file:line: %v", err)
			}
			return
		}
		for _, p := range d.Patterns() {
			if p.Head == "" || len(p.Elems) > maxElems {
				t.Fatalf("bad pattern %+v", p)
			}
			if _, err := Parse("again.txt", strings.NewReader(p.String()+"\n")); err != nil {
				t.Fatalf("String() does not re-parse: %q: %v", p.String(), err)
			}
		}
	})
}
