package petrarch

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/detente-project/detente/internal/dict"
)

func TestParseTree(t *testing.T) {
	n, err := ParseTree("( (S (NP (NNP Arnor) (POS 's)) (VP (VBD left)) (. .)))")
	if err != nil {
		t.Fatal(err)
	}
	if n.Label != "ROOT" || n.Children[0].Label != "S" {
		t.Errorf("root %q child %q", n.Label, n.Children[0].Label)
	}
	if got := strings.Join(n.Words(), " "); got != "Arnor 's left ." {
		t.Errorf("words %q", got)
	}
	if n.Children[0].Children[0].Parent != n.Children[0] {
		t.Error("parent links not set")
	}
	bad := []struct{ in, want string }{
		{"", "empty parse"},
		{"(S (NP (NNP A))", "unbalanced"},
		{"(S (NP (NNP A))))", "after the tree"},
		{"(S (NP))", "empty constituent"},
		{"(S (NP a (NN b)))", "mixes a word"},
		{strings.Repeat("(A ", MaxDepth+5) + "x" + strings.Repeat(")", MaxDepth+5), "deeper than"},
	}
	for _, tt := range bad {
		if _, err := ParseTree(tt.in); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%.30q: err %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestReadFile(t *testing.T) {
	fh, err := os.Open("testdata/mini.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	f, err := ReadFile(fh, "mini.xml")
	if err != nil {
		t.Fatal(err)
	}
	if f.Env == nil || f.Env.Verbfile != "mini.verbs.txt" || !reflect.DeepEqual(f.Env.Actorfiles, []string{"mini.actors.txt"}) {
		t.Fatalf("environment %+v", f.Env)
	}
	if len(f.Records) != 2 {
		t.Fatalf("%d records", len(f.Records))
	}
	r := f.Records[0]
	if r.ID != "T-01" || r.Date != "20180101" || r.Text != "Arnor restored diplomatic ties with Gondor." || r.Line != 9 {
		t.Errorf("record 0: %+v", r)
	}
	if !reflect.DeepEqual(r.Expected, []Coding{{"ARN", "GON", "064"}}) {
		t.Errorf("expected %+v", r.Expected)
	}
	if !f.Records[1].NoEvents || len(f.Records[1].Config) != 1 || f.Records[1].Config[0].Option != "require_dyad" {
		t.Errorf("record 1: %+v", f.Records[1])
	}
}

func TestReadXMLErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "  \n", "x.xml: empty file"},
		{"bad utf8", "<Sentences>\n<Sentence>\xff</Sentence>", "x.xml:2: invalid UTF-8"},
		{"unclosed", "<Sentences>\n<Sentence id=\"a\">\n<Text>x</Text>\n", "x.xml:4"},
		{"mismatched", "<Sentences>\n<Sentence id=\"a\"><Text>x</Parse></Sentence>", "x.xml:2: malformed XML"},
		{"no text", "<Sentences>\n<Sentence id=\"a\">\n</Sentence></Sentences>", "x.xml:2: <Sentence id=\"a\"> has no <Text>"},
		{"no records", "<Sentences></Sentences>", "no <Sentence> records"},
		{"binary", "\x00\x01\x02", "x.xml:1"},
	}
	for _, tt := range tests {
		_, err := ReadXML(strings.NewReader(tt.in), "x.xml")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err %v, want %q", tt.name, err, tt.want)
		}
	}
}

func miniCoder(t testing.TB) (*Coder, *File) {
	t.Helper()
	fh, err := os.Open("testdata/mini.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	f, err := ReadFile(fh, "mini.xml")
	if err != nil {
		t.Fatal(err)
	}
	d, err := LoadDictionaries(f.Env, "testdata")
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewCoder(d, Defaults())
	if err != nil {
		t.Fatal(err)
	}
	return c, f
}

func TestCoder(t *testing.T) {
	c, _ := miniCoder(t)
	tests := []struct {
		name, date, parse string
		want              []Coding
	}{
		{"pattern with synset", "20180101",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (. .)))",
			[]Coding{{"ARN", "GON", "064"}}},
		{"verb code, upper-sequence pattern", "20180101",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD did) (RB not) (VP (VB restore) (NP (NNS relations)) (PP (IN with) (NP (NNP Gondor))))) (. .)))",
			[]Coding{{"ARN", "GON", "112"}}},
		{"passive voice swaps source and target", "20180101",
			"(ROOT (S (NP (NNP Gondor)) (VP (VBD was) (VP (VBN attacked) (PP (IN by) (NP (NNP Mordor))))) (. .)))",
			[]Coding{{"MOR", "GON", "190"}}},
		{"symmetric code", "20180101",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Gondor))) (. .)))",
			[]Coding{{"ARN", "GON", "031"}, {"GON", "ARN", "031"}}},
		{"compound source gives two events", "20180101",
			"(ROOT (S (NP (NP (NNP Arnor)) (CC and) (NP (NNP Gondor))) (VP (VBD attacked) (NP (NNP Mordor))) (. .)))",
			[]Coding{{"ARN", "MOR", "190"}, {"GON", "MOR", "190"}}},
		{"agent appended, possessive", "20180101",
			"(ROOT (S (NP (NP (NNP Gondor) (POS 's)) (NN police)) (VP (VBD attacked) (NP (NNP Mordor))) (. .)))",
			[]Coding{{"GONCOP", "MOR", "190"}}},
		{"date-restricted actor (in office)", "20180101",
			"(ROOT (S (NP (NNP Donald) (NNP Trump)) (VP (VBD attacked) (NP (NNP Mordor))) (. .)))",
			[]Coding{{"USAGOV", "MOR", "190"}}},
		{"date-restricted actor (out of office)", "20220101",
			"(ROOT (S (NP (NNP Donald) (NNP Trump)) (VP (VBD attacked) (NP (NNP Mordor))) (. .)))",
			[]Coding{{"USAELI", "MOR", "190"}}},
		{"$ and + in a pattern", "20180101",
			"(ROOT (S (NP (NNP Gondor)) (VP (VBD said) (SBAR (S (NP (NNP Arnor)) (VP (MD will) (VP (VB attack) (NP (NNP Mordor))))))) (. .)))",
			[]Coding{{"ARN", "MOR", "138"}}},
		{"no actor, no event", "20180101",
			"(ROOT (S (NP (DT The) (NN dog)) (VP (VBD attacked) (NP (DT the) (NN cat))) (. .)))",
			nil},
	}
	for _, tt := range tests {
		got, err := c.CodeParse(tt.parse, tt.date, c.Opts)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var g []Coding
		for _, e := range got {
			g = append(g, Coding{e.Source, e.Target, e.Code})
		}
		if !reflect.DeepEqual(g, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, g, tt.want)
		}
	}
	for _, bad := range []string{"(ROOT (S (NP x)", "(ROOT (S " + strings.Repeat("(NN x) ", MaxParseBytes/7+1) + "))"} {
		_, err := c.CodeParse(bad, "20180101", c.Opts)
		var ce *CodeError
		if !errors.As(err, &ce) || ce.Kind != ErrBadParse {
			t.Errorf("bad parse %.20q: %v", bad, err)
		}
	}
}

func TestValidateMini(t *testing.T) {
	c, f := miniCoder(t)
	res, sum := Validate(f, c)
	if sum.Records != 2 || sum.Passed != 2 || !res[0].OK() {
		t.Errorf("summary %+v, results %+v", sum, res)
	}
}

func TestEvents(t *testing.T) {
	c, f := miniCoder(t)
	rec := f.Records[0]
	coded, err := c.Code(rec)
	if err != nil || len(coded) != 1 {
		t.Fatalf("coded %v, %v", coded, err)
	}
	evs := c.Events(rec, coded)
	e := evs[0]
	if e.Source != "ARN" || e.SourceCountry != "ARN" || e.Date != "2018-01-01" || e.CAMEO != "064" || e.Root != "06" {
		t.Errorf("event %+v", e)
	}
	if e.QuadClass == 0 || e.PLOVER == "" {
		t.Errorf("CAMEO lookup not applied: %+v", e)
	}
	if rec.Text[e.VerbSpan.Start:e.VerbSpan.End] != "restored" || e.VerbText != "restored" {
		t.Errorf("verb span %+v", e.VerbSpan)
	}
	for code, want := range map[string]string{"USAGOV": "USA", "IGOUNO": "", "IMGMUSALQ": "", `"INJURY TOLL"`: "", "---": ""} {
		if got := Country(code); got != want {
			t.Errorf("Country(%s) = %q, want %q", code, got, want)
		}
	}
}

func TestFindDictDir(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "text")
	dicts := filepath.Join(dir, "dictionaries")
	for _, d := range []string{text, dicts} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dicts, "v.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := FindDictDir(filepath.Join(text, "f.xml"), "v.txt")
	if err != nil || filepath.Clean(got) != dicts {
		t.Errorf("got %q %v, want %q", got, err, dicts)
	}
	if _, err := FindDictDir(filepath.Join(text, "f.xml"), "missing.txt"); err == nil {
		t.Error("missing dictionary: no error")
	}
}

func TestExplain(t *testing.T) {
	c, _ := miniCoder(t)
	got, err := c.Explain("(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor) (POS 's) (NN police))) (. .)))", "20180101", c.Opts)
	if err != nil {
		t.Fatal(err)
	}
	want := "(ROOT (S (NE ARN ARNOR ~NE (VP1 (VBD ATTACKED ~VBD (NE GONCOP GONDOR POLICE ~NE ~VP1 (. . ~. ~S ~ROOT"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestConcurrent codes the unit-test suite from several goroutines and
// checks the results equal a sequential run (the Coder is shared).
func TestConcurrent(t *testing.T) {
	base := sharedDir(t)
	fh, err := os.Open(filepath.Join(base, "text", "PETR.UnitTest.records.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	f, err := ReadFile(fh, fh.Name())
	if err != nil {
		t.Fatal(err)
	}
	d, err := LoadDictionaries(f.Env, filepath.Join(base, "dictionaries"))
	if err != nil {
		t.Fatal(err)
	}
	c, _ := NewCoder(d, Defaults())
	want := make([][]Coded, len(f.Records))
	for i, r := range f.Records {
		want[i], _ = c.Code(r)
	}
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		go func() {
			for i, r := range f.Records {
				got, _ := c.Code(r)
				if !reflect.DeepEqual(got, want[i]) {
					errs <- r.ID
					return
				}
			}
			errs <- ""
		}()
	}
	for g := 0; g < 4; g++ {
		if id := <-errs; id != "" {
			t.Errorf("record %s coded differently when concurrent", id)
		}
	}
}

func TestWriteReport(t *testing.T) {
	c, f := miniCoder(t)
	f.Records[0].Expected = []Coding{{"ARN", "GON", "190"}} // make record 1 fail
	res, sum := Validate(f, c)
	var b strings.Builder
	if err := WriteReport(&b, res, sum, true, c); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if last := lines[len(lines)-1]; last != "1 passed, 1 failed" {
		t.Errorf("last line %q", last)
	}
	for _, want := range []string{"FAIL T-01", "expected: ARN GON 190", "coded:    ARN GON 064", "parse list: (ROOT"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestOptionsApply(t *testing.T) {
	o := Defaults()
	for _, c := range []ConfigOption{{"require_dyad", "FALSE", 1}, {"comma_emax", "0", 2}, {"new_actor_length", "4", 3}} {
		if err := o.Apply(c); err != nil {
			t.Fatal(err)
		}
	}
	if o.RequireDyad || o.CommaEMax != 0 || o.NewActorLength != 4 {
		t.Errorf("options %+v", o)
	}
	for _, bad := range []ConfigOption{{"comma_min", "x", 1}, {"bogus", "1", 2}} {
		if err := o.Apply(bad); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
}

func TestRefusals(t *testing.T) {
	c, _ := miniCoder(t)
	c.Dicts.Discards = mustDiscards(t, "+TYPHOON\nBASEBALL\n")
	o := c.Opts
	o.CheckDiscards = true
	parse := "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))"
	tests := []struct{ text, kind string }{
		{"A typhoon hit Arnor.", ErrStoryDiscard},
		{"Arnor played baseball.", ErrSentenceDiscard},
		{"CEBU CITY: -- Arnor attacked Gondor.", ErrDateline},
		{"Arnor attacked Gondor.", ""},
	}
	for _, tt := range tests {
		_, err := c.CodeWith(Record{Text: tt.text, Parse: parse, Date: "20180101"}, o)
		var ce *CodeError
		got := ""
		if errors.As(err, &ce) {
			got = ce.Kind
		}
		if got != tt.kind {
			t.Errorf("%q: refusal %q (%v), want %q", tt.text, got, err, tt.kind)
		}
	}
}

func mustDiscards(t *testing.T, s string) *dict.Discards {
	t.Helper()
	d, err := dict.LoadDiscards(strings.NewReader(s), "d.txt")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestRecordEvents(t *testing.T) {
	c, f := miniCoder(t)
	evs, err := c.RecordEvents(f.Records[0])
	if err != nil || len(evs) != 1 || evs[0].Target != "GON" {
		t.Errorf("events %+v, %v", evs, err)
	}
	_, err = c.RecordEvents(Record{ID: "x", Line: 7, Parse: "(S (NP", Text: "x"})
	if err == nil || !strings.Contains(err.Error(), "line 7") {
		t.Errorf("bad parse: %v", err)
	}
}

func TestStoryEvents(t *testing.T) {
	c, f := miniCoder(t)
	c.Dicts.Discards = mustDiscards(t, "+TYPHOON\n")
	c.Opts.CheckDiscards = true
	good := f.Records[0]
	good.ID = "S1-01"
	storm := good
	storm.ID, storm.Text = "S1-02", "A typhoon struck."
	other := good
	other.ID = "S2-01"
	stories := Stories([]Record{good, storm, other})
	if len(stories) != 2 || len(stories[0]) != 2 {
		t.Fatalf("stories %+v", stories)
	}
	if evs, errs := c.StoryEvents(stories[0]); len(evs) != 0 || len(errs) != 0 {
		t.Errorf("story discard kept %d events, %v", len(evs), errs)
	}
	if evs, errs := c.StoryEvents(stories[1]); len(evs) != 1 || len(errs) != 0 {
		t.Errorf("plain story: %d events, %v", len(evs), errs)
	}
}

func TestClauseSource(t *testing.T) {
	c, _ := miniCoder(t)
	parse := "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (IN that) (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Mordor)))))) (. .)))"
	infinitive := "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (VP (IN about) (S (VP (TO to) (VP (VB attack) (NP (NNP Mordor))))))) (. .)))"
	tests := []struct {
		parse  string
		clause bool
		want   []Coding
	}{
		{parse, false, []Coding{{"ARN", "MOR", "190"}}}, // PETRARCH-1: first NE of the sentence
		{parse, true, []Coding{{"GON", "MOR", "190"}}},  // PETRARCH2-like: clause subject
		{infinitive, true, []Coding{{"ARN", "MOR", "190"}}},
	}
	for _, tt := range tests {
		o := c.Opts
		o.ClauseSource = tt.clause
		got, err := c.CodeParse(tt.parse, "20180101", o)
		if err != nil {
			t.Fatal(err)
		}
		var g []Coding
		for _, e := range got {
			g = append(g, Coding{e.Source, e.Target, e.Code})
		}
		if !reflect.DeepEqual(g, tt.want) {
			t.Errorf("clause=%v %.50s: %v, want %v", tt.clause, tt.parse, g, tt.want)
		}
	}
}

func TestReverseOnlyCode(t *testing.T) {
	v, err := dict.LoadVerbs(strings.NewReader("--- FACE [---] ---\nFACE\n- * TRIAL [:173]\n"), "v.txt", dict.DialectAuto)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := miniCoder(t)
	c.Dicts.Verbs = v
	got, err := c.CodeParse("(ROOT (S (NP (NNP Arnor)) (VP (VBZ faces) (NP (NN trial)) (PP (IN in) (NP (NNP Gondor)))) (. .)))", "20180101", c.Opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Source != "GON" || got[0].Target != "ARN" || got[0].Code != "173" {
		t.Errorf("got %+v, want one GON ARN 173", got)
	}
}

func TestCodeStoriesOrder(t *testing.T) {
	c := phoenixCoder(t)
	fh, err := os.Open(filepath.Join(sharedDir(t), "text", "GigaWord.sample.PETR.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	recs, err := ReadXML(fh, fh.Name())
	if err != nil {
		t.Fatal(err)
	}
	stories := Stories(recs)
	par := c.CodeStories(stories)
	n := 0
	for i, st := range stories {
		evs, _ := c.StoryEvents(st)
		if !reflect.DeepEqual(evs, par[i].Events) {
			t.Fatalf("story %d differs between sequential and parallel coding", i)
		}
		n += len(evs)
	}
	if n == 0 {
		t.Error("no events coded from the GigaWord sample")
	}
}
