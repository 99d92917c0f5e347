package dict

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func open(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestVerbsTABARI(t *testing.T) {
	v, err := LoadVerbs(open(t, "tabari.verbs.txt"), "tabari.verbs.txt", DialectAuto)
	if err != nil {
		t.Fatal(err)
	}
	if v.Dialect != DialectTABARI {
		t.Errorf("dialect %v, want tabari", v.Dialect)
	}
	tests := []struct {
		word, block, code string
	}{
		{"RESTORE", "RESTORE", "064"},
		{"RESTORED", "RESTORE", "064"},
		{"RESTORING", "RESTORE", "064"},
		{"BROKE", "BREAK", "1717"},
		{"GAVE", "GIVE", "070"},
	}
	for _, tt := range tests {
		f, ok := v.Lookup(tt.word)
		if !ok || f.Block == nil {
			t.Errorf("%s: not found", tt.word)
			continue
		}
		if f.Block.Primary != tt.block || f.Code != tt.code {
			t.Errorf("%s: block %s code %s, want %s %s", tt.word, f.Block.Primary, f.Code, tt.block, tt.code)
		}
	}
	if _, ok := v.Lookup("GIVED"); ok {
		t.Error("irregular verb got a regular form")
	}
	// multi-word verbs: stored under the '+' word
	tap, ok := v.Lookup("TAPS")
	if !ok || len(tap.Multi) == 0 || !reflect.DeepEqual(tap.Multi[0].Before, []string{"WIRE"}) || tap.Multi[0].Code != "171" {
		t.Errorf("WIRE_+TAP forms: %+v", tap)
	}
	brk, _ := v.Lookup("BROKE")
	if len(brk.Multi) != 1 || !reflect.DeepEqual(brk.Multi[0].After, []string{"DOWN"}) {
		t.Errorf("+BROKE_DOWN: %+v", brk.Multi)
	}
	// patterns: upper side nearest-first, connectors kept
	res, _ := v.Lookup("RESTORE")
	p := res.Block.Patterns
	if len(p) != 3 {
		t.Fatalf("RESTORE has %d patterns, want 3", len(p))
	}
	if !reflect.DeepEqual(p[0].Upper, []Tok{{"NOT", ' '}}) || !reflect.DeepEqual(p[0].Lower, []Tok{{"RELATIONS", ' '}}) || p[0].Code != "112" {
		t.Errorf("pattern 0: %+v", p[0])
	}
	if !reflect.DeepEqual(p[2].Lower, []Tok{{"FULL", ' '}, {"DIPLOMATIC", '_'}}) {
		t.Errorf("pattern 2 lower: %+v", p[2].Lower)
	}
	// synsets: plurals, and embedded synsets flattened
	if got := v.Synsets["&CURRENCY"]; !reflect.DeepEqual(got, []string{"DOLLARS", "DOLLARSS", "SWISS FRANCS", "SWISS FRANCSS"}) && len(got) != 4 {
		t.Errorf("&CURRENCY = %v", got)
	}
	if got := v.Synsets["&MONEY"]; len(got) != 5 || got[len(got)-1] != "GOLD" {
		t.Errorf("&MONEY (no plurals, embeds &CURRENCY) = %v", got)
	}
}

func TestVerbsCAMEO2(t *testing.T) {
	v, err := LoadVerbs(open(t, "cameo2.verbs.txt"), "cameo2.verbs.txt", DialectAuto)
	if err != nil {
		t.Fatal(err)
	}
	if v.Dialect != DialectCAMEO2 || len(v.Transforms) != 1 {
		t.Fatalf("dialect %v, %d transforms", v.Dialect, len(v.Transforms))
	}
	f, ok := v.Lookup("HURRIED")
	if !ok || f.Code != "---" || f.Block.Primary != "ACCELERATE" {
		t.Fatalf("HURRIED: %+v", f)
	}
	p := f.Block.Patterns
	if len(p) != 4 || p[0].Code != "042:043" {
		t.Fatalf("patterns: %+v", p)
	}
	if !reflect.DeepEqual(p[3].Lower, []Tok{{"POLICE", ' '}, {"TO", ' '}, {"BORDER", ' '}}) {
		t.Errorf("flattened (TO BORDER): %+v", p[3].Lower)
	}
	if got := v.Synsets["&FOOD"]; !reflect.DeepEqual(got, []string{"FOOD", "FOODS", "RICE"}) {
		t.Errorf("&FOOD = %v", got)
	}
}

func TestVerbsErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"pattern outside block", "- * X [010]\n", "x.txt:1: pattern outside a verb block"},
		{"no code", "--- A [010] ---\nA\n- * X\n", "x.txt:3: pattern without [code]"},
		{"no star", "--- A [010] ---\nA\n- X [010]\n", "x.txt:3: pattern without verb placeholder"},
		{"empty", "# nothing\n", "no entries"},
		{"bad utf8", "--- A [010] ---\n\xff\n", "x.txt:2: invalid UTF-8"},
		{"binary", "--- A [010] ---\nA\x00B\n", "x.txt:2: NUL byte"},
		{"long line", "--- A [010] ---\n" + strings.Repeat("A", MaxLineBytes+10) + "\n", "x.txt:2: line too long"},
		{"unbalanced forms", "--- A [010] ---\nA {AS\n", "x.txt:2: missing '}'"},
	}
	for _, tt := range tests {
		_, err := LoadVerbs(strings.NewReader(tt.in), "x.txt", DialectTABARI)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err %v, want %q", tt.name, err, tt.want)
		}
	}
	v, err := LoadVerbs(strings.NewReader("--- A [010] ---\nA\n- * &NOPE [011]\n"), "x.txt", DialectTABARI)
	if err != nil || len(v.Warnings) != 1 || !strings.Contains(v.Warnings[0], "x.txt:3") {
		t.Errorf("undefined synset: want a warning naming x.txt:3, got %v %v", err, v)
	}
}

func TestActors(t *testing.T) {
	a, err := LoadActors(open(t, "small.actors.txt"), "small.actors.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		phrase string
		date   int
		want   string
	}{
		{"ARNOR", 0, "ARN"},
		{"ARNORIAN ARMY", 0, "ARN"},
		{"MINAS TIRITH", 0, "GONGOV"},
		{"DONALD TRUMP", 20100101, "USAELI"},
		{"DONALD TRUMP", 20170120, "USAGOV"},
		{"DONALD TRUMP", 20220101, "USAELI"},
		{"DONALD TRUMP", 20250301, "USAGOV"},
		{"ALBERT ARNOLD GORE", 19950101, "USAGOV"},
		{"ALBERT ARNOLD GORE", 20050101, "---"},
		{"JAVIER DE CUELLAR", 19900101, "IGOUNO"},
		{"JAVIER DE CUELLAR", 20000101, "ELI"},
	}
	for _, tt := range tests {
		w := strings.Fields(tt.phrase)
		np, ok := a.Phrases.Find(w)
		if !ok {
			t.Errorf("%s: no match", tt.phrase)
			continue
		}
		if got := a.List[np.Index].CodeAt(tt.date); got != tt.want {
			t.Errorf("%s @%d = %s, want %s", tt.phrase, tt.date, got, tt.want)
		}
	}
	if _, ok := a.Phrases.Find([]string{"MINAS", "X", "TIRITH"}); ok {
		t.Error("'_' connector allowed an intervening word")
	}
}

func TestActorsErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\t[USAGOV >20170120]\n", "a.txt:1: date restriction before any actor"},
		{"+SYNONYM\n", "a.txt:1: synonym before any actor"},
		{"X []\n", "a.txt:1: empty code"},
		{"", "no entries"},
	}
	for _, tt := range tests {
		_, err := LoadActors(strings.NewReader(tt.in), "a.txt")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err %v, want %q", tt.in, err, tt.want)
		}
	}
	a, err := LoadActors(strings.NewReader("X_ [XXX]\n\t[XXXGOV 9008223-911221]\n"), "a.txt")
	if err != nil || len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0], "a.txt:2") {
		t.Errorf("bad date: want a warning for a.txt:2, got %v %+v", err, a)
	}
}

func TestAgents(t *testing.T) {
	ag, err := LoadAgents(open(t, "small.agents.txt"), "small.agents.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ phrase, want string }{
		{"POLICE", "~COP"},
		{"FOREIGN MINISTERS", "~GOVFRM"},
		{"ATTORNEYS GENERAL", "~JUD"},
		{"CONGRESSES", "~LEG"},
		{"CONGRESSWOMAN", "~LEG"},
		{"HUMAN RIGHTS BODY", "NGO~"},
		{"ARMIES", "~MIL"},
	}
	for _, tt := range tests {
		np, ok := ag.Phrases.Find(strings.Fields(tt.phrase))
		if !ok || np.Code != tt.want {
			t.Errorf("%s: %v %v, want %s", tt.phrase, ok, np, tt.want)
		}
	}
	for _, no := range []string{"POLICES", "ATTORNEY GENERALS", "CONGRESSPERSON"} {
		if _, ok := ag.Phrases.Find(strings.Fields(no)); ok {
			t.Errorf("%s should not match", no)
		}
	}
	if _, err := LoadAgents(strings.NewReader("X [GOV]\n"), "g.txt"); err == nil || !strings.Contains(err.Error(), "g.txt:1") {
		t.Errorf("code without ~: %v", err)
	}
	if _, err := LoadAgents(strings.NewReader("!X!Y [~GOV]\n"), "g.txt"); err == nil || !strings.Contains(err.Error(), "g.txt:1") {
		t.Errorf("undefined marker: %v", err)
	}
}

func TestDiscards(t *testing.T) {
	d, err := LoadDiscards(open(t, "small.discards.txt"), "small.discards.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text  string
		hit   bool
		story bool
	}{
		{"A typhoon hit the coast.", true, true},
		{"The baseball game was cancelled.", true, false},
		{"Baseballs are round.", true, false},
		{"They won the World Cup.", true, false},
		{"The World Cups were held.", false, false},
		{"Arnor restored ties with Gondor.", false, false},
	}
	for _, tt := range tests {
		di, ok := d.Match(tt.text)
		if ok != tt.hit || ok && di.Story != tt.story {
			t.Errorf("%q: hit %v story %v, want %v %v", tt.text, ok, di.Story, tt.hit, tt.story)
		}
	}
}

func TestIssues(t *testing.T) {
	is, err := LoadIssues(open(t, "small.issues.txt"), "small.issues.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want []Count
	}{
		{"Iran installed new centrifuges.", []Count{{"NUCLEAR", 1}}},
		{"It said it would keep enriching uranium and add a centrifuge.", []Count{{"NUCLEAR", 1}}},
		{"They fear uranium enriched and a pre-emptive strike", []Count{{"NUCLEAR", 1}, {"PREEMPTION", 1}}},
		{"A nuclear family with a centrifuge", nil},
	}
	for _, tt := range tests {
		got := is.Match(strings.TrimRight(tt.text, "."))
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q = %v, want %v", tt.text, got, tt.want)
		}
	}
	if _, err := LoadIssues(strings.NewReader("<BOGUS>\n"), "i.txt"); err == nil || !strings.Contains(err.Error(), "i.txt:1") {
		t.Errorf("unknown tag: %v", err)
	}
	if _, err := LoadIssues(strings.NewReader(""), "i.txt"); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty: %v", err)
	}
}
