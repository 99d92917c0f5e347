package petrarch

import (
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
)

var phoenixCache struct {
	sync.Mutex
	d *Dictionaries
}

// phoenixCoder loads the Phoenix dictionaries once per test binary.
func phoenixCoder(t testing.TB) *Coder {
	t.Helper()
	dir := filepath.Join(sharedDir(t), "dictionaries")
	phoenixCache.Lock()
	defer phoenixCache.Unlock()
	if phoenixCache.d == nil {
		d, err := LoadPhoenix(dir)
		if err != nil {
			t.Fatal(err)
		}
		phoenixCache.d = &d
	}
	c, err := NewCoder(*phoenixCache.d, Defaults())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestPhoenixActors checks actor and agent resolution with the Phoenix
// dictionaries on the noun phrases of PETRARCH2's own unit tests
// (openeventdata/petrarch2 tests/test_petrarch.py), including date-bounded
// roles and compounds.
func TestPhoenixActors(t *testing.T) {
	c := phoenixCoder(t)
	tests := []struct {
		np, date string
		want     []string
	}{
		{"(NP (DT THE) (JJ ISLAMIC) (NN STATE))", "20150813", []string{"IMGMUSISI"}},
		{"(NP (DT THE) (JJ NORTH) (NN ATLANTIC) (NN TREATY) (NN ORGANIZATION))", "20150813", []string{"IGOWSTNAT"}},
		{"(NP (NP (NNP BARACK) (NNP OBAMA)) (CC AND) (NP (NNP VLADIMIR) (NNP PUTIN)))", "20150813", []string{"RUSGOV", "USAGOV"}},
		{"(NP (DT THE) (NNP REBELS) (PP (IN FROM) (NP (NNP SYRIA))))", "20150813", []string{"SYRREB"}},
		{"(NP (NP (DT THE) (NNP US) (NN COMMANDER)) (PP (IN IN) (NP (NNP IRAQ))))", "20150813", []string{"USAMIL"}},
		{"(NP (NNP CARL) (NN XVI) (NNP GUSTAF))", "20150813", []string{"SWEGOV"}},
		{"(NP (NNP CARL) (NN XVI) (NNP GUSTAF))", "19720813", []string{"SWEELI"}},
	}
	for _, tt := range tests {
		pl, err := c.Explain("(ROOT (S "+tt.np+" (VP (VBD slept))))", tt.date, c.Opts)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		f := strings.Fields(pl)
		for i := 0; i+1 < len(f); i++ {
			if f[i] == tagNE {
				got = append(got, f[i+1])
			}
		}
		sort.Strings(got)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s @%s: %v, want %v\n  %s", tt.np, tt.date, got, tt.want, pl)
		}
	}
}

// TestPhoenixSentences codes the full-sentence tests of PETRARCH2's suite.
func TestPhoenixSentences(t *testing.T) {
	c := phoenixCoder(t)
	tests := []struct {
		parse string
		want  []Coding
	}{
		{"(ROOT (S (NP (NNP Germany)) (VP (VBD invaded) (NP (NNP France)))))", []Coding{{"DEU", "FRA", "192"}}},
		{"(ROOT (S (NP (NNP Germany)) (VP (VBD arrested) (NP (NNP France)))))", []Coding{{"DEU", "FRA", "173"}}},
		{`( (S (S (NP (DT A) (NNP Tunisian) (NN court)) (VP (AUXZ has) (VP (VBN jailed) (NP (DT a) (JJ Nigerian) (NN student))
		 (PP (IN for) (NP (CD two) (NNS years))) (PP (IN for) (S (VP (VBG helping) (S (NP (JJ young) (NNS militants))
		 (VP (VB join) (NP (NP (DT an) (JJ armed) (JJ Islamic) (NN group)) (PP (IN in) (NP (NNP Lebanon)))))))))))) (, ,)
		 (NP (PRP$ his) (NN lawyer)) (VP (VBD said) (NP (NNP Wednesday))) (. .)))`, []Coding{{"TUNJUD", "NGAEDU", "173"}}},
	}
	for _, tt := range tests {
		got, err := c.CodeParse(tt.parse, "20010101", c.Opts)
		if err != nil {
			t.Fatal(err)
		}
		var g []Coding
		for _, e := range got {
			g = append(g, Coding{e.Source, e.Target, e.Code})
		}
		if !reflect.DeepEqual(g, tt.want) {
			t.Errorf("%.60s: %v, want %v", tt.parse, g, tt.want)
		}
	}
}
