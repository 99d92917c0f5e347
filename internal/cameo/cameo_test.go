package cameo

import (
	"strings"
	"testing"
)

func TestCodebookInvariants(t *testing.T) {
	all := All()
	if len(all) < 300 {
		t.Fatalf("codebook has %d codes, want the full CAMEO 1.1b3 set (> 300)", len(all))
	}
	roots := 0
	for _, c := range all {
		if len(c.Code) == 2 {
			roots++
		}
		r, ok := Lookup(c.Root)
		if !ok || len(r.Code) != 2 {
			t.Errorf("%s: root %q missing", c.Code, c.Root)
		}
		if !strings.HasPrefix(c.Code, c.Root) {
			t.Errorf("%s: root %s is not its prefix", c.Code, c.Root)
		}
		if c.Goldstein < -10 || c.Goldstein > 10 {
			t.Errorf("%s: Goldstein %v outside [-10, 10]", c.Code, c.Goldstein)
		}
		if c.QuadClass != GDELTQuad(c.Root) {
			t.Errorf("%s: quad %d, root %s has GDELT quad %d", c.Code, c.QuadClass, c.Root, GDELTQuad(c.Root))
		}
		if c.Name == "" {
			t.Errorf("%s: empty name", c.Code)
		}
		switch {
		case c.PLOVER == "" && c.Root != "01":
			t.Errorf("%s: no PLOVER type (only CAMEO 01 statements are dropped)", c.Code)
		case c.PLOVER != "" && !IsPLOVERType(c.PLOVER):
			t.Errorf("%s: PLOVER %q is not one of the 16 types", c.Code, c.PLOVER)
		}
	}
	if roots != 20 {
		t.Errorf("%d roots, want 20", roots)
	}
}

// TestEverySubcodeHasParent checks the tree: 4-digit codes hang under an
// existing 3-digit code, 3-digit codes under their root.
func TestEverySubcodeHasParent(t *testing.T) {
	for _, c := range All() {
		if p := Parent(c.Code); len(c.Code) > 2 {
			if _, ok := Lookup(p); !ok || p != c.Code[:len(c.Code)-1] {
				t.Errorf("%s: parent %q missing", c.Code, p)
			}
		}
	}
}

// TestKnownValues checks entries against the sources: names from the CAMEO
// 1.1b3 manual, Goldstein from GDELT's CAMEO.goldsteinscale.txt, PLOVER from
// CAMEO2PLOVER-2021.txt (DEMAND renamed REQUEST).
func TestKnownValues(t *testing.T) {
	tests := []struct {
		code, name string
		gold       float64
		quad       int
		plover     string
		mode, ctx  string
	}{
		{"01", "Make public statement", 0, 1, "", "", ""},
		{"016", "Deny responsibility", -2.0, 1, "", "", ""},
		{"018", "Make empathetic comment", 3.4, 1, "", "", ""},
		{"022", "Appeal for diplomatic cooperation, such as policy support", 3.2, 1, "REQUEST", "assist", "diplomatic"},
		{"036", "Express intent to meet or negotiate", 4.0, 1, "AGREE", "", "diplomatic"},
		{"042", "Make a visit", 1.9, 1, "CONSULT", "visit", ""},
		{"043", "Host a visit", 2.8, 1, "CONSULT", "host", ""},
		{"046", "Engage in negotiation", 7.0, 1, "CONSULT", "", "diplomatic"},
		{"057", "Sign formal agreement", 8.0, 1, "SUPPORT", "", "diplomatic"},
		{"072", "Provide military aid", 8.3, 2, "AID", "", "military"},
		{"074", "Provide military protection or peacekeeping", 8.5, 2, "AID", "", "peacekeeping"},
		{"0831", "Accede to demands for change in leadership", 5.0, 2, "CONCEDE", "", "political_institutions"},
		{"0841", "Return, release person(s)", 7.0, 2, "RETREAT", "release", "legal"},
		{"0871", "Declare truce, ceasefire", 9.0, 2, "RETREAT", "ceasefire", "military"},
		{"0874", "Retreat or surrender militarily", 10.0, 2, "RETREAT", "disarm", "military"},
		{"094", "Investigate war crimes", -2.0, 3, "ACCUSE", "investigate", "military;legal"},
		{"106", "Demand meeting, negotiation", -5.0, 3, "REQUEST", "meet", "diplomatic"},
		{"112", "Accuse, not specified below", -2.0, 3, "ACCUSE", "disapprove", ""},
		{"1213", "Reject judicial cooperation", -4.0, 3, "REJECT", "assist", "legal"},
		{"125", "Reject proposal to meet, discuss, or negotiate", -5.0, 3, "REJECT", "meet", "diplomatic"},
		{"130", "Threaten, not specified below", -4.4, 3, "THREATEN", "", ""},
		{"1385", "Threaten attack with WMD", -7.0, 3, "THREATEN", "violence", "cbrn"},
		{"141", "Demonstrate or rally", -6.5, 4, "PROTEST", "demo", ""},
		{"145", "Protest violently, riot, not specified below", -7.5, 4, "PROTEST", "riot", ""},
		{"154", "Mobilize or increase armed forces", -7.2, 4, "MOBILIZE", "troops", "military"},
		{"163", "Impose embargo, boycott, or sanctions", -8.0, 4, "COERCE", "restrict", "diplomatic"},
		{"165", "Halt mediation", -6.5, 4, "SANCTION", "withdraw", "diplomatic"},
		{"171", "Seize or damage property, not specified below", -9.2, 4, "COERCE", "confiscate", "legal"},
		{"173", "Arrest, detain, or charge with legal action", -5.0, 4, "COERCE", "arrest", "legal"},
		{"182", "Physically assault, not specified below", -9.5, 4, "ASSAULT", "beat", ""},
		{"186", "Assassinate", -10.0, 4, "ASSAULT", "assassinate", ""},
		{"191", "Impose blockade, restrict movement", -9.5, 4, "COERCE", "restrict", "military"},
		{"195", "Employ aerial weapons", -10.0, 4, "ASSAULT", "heavy-weapons", "military"},
		{"201", "Engage in mass expulsion", -9.5, 4, "ASSAULT", "cleansing", "legal"},
		{"2042", "Detonate nuclear weapons", -10.0, 4, "ASSAULT", "unconventional", "cbrn"},
	}
	for _, tt := range tests {
		c, ok := Lookup(tt.code)
		if !ok {
			t.Errorf("%s missing", tt.code)
			continue
		}
		if c.Name != tt.name || c.Goldstein != tt.gold || c.QuadClass != tt.quad ||
			c.PLOVER != tt.plover || c.PLOVERMode != tt.mode || c.PLOVERContext != tt.ctx {
			t.Errorf("%s = %+v, want name %q gold %v quad %d plover %s/%s/%s",
				tt.code, c, tt.name, tt.gold, tt.quad, tt.plover, tt.mode, tt.ctx)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"10", "10"},   // root DEMAND, not 010
		{"010", "010"}, // make statement
		{" 0874 ", "0874"},
		{"1", "01"},
		{"40", "040"},   // leading zero lost by integer conversion
		{"874", "0874"}, // idem
		{"211", "0211"}, // idem
		{"", ""},
		{"abc", ""},
		{"99", ""},
		{"0000", ""},
		{"12345", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if Root("0874") != "08" || Root("190") != "19" || Root("xx") != "" {
		t.Errorf("Root wrong: %q %q %q", Root("0874"), Root("190"), Root("xx"))
	}
}

func TestQuadBoundaries(t *testing.T) {
	tests := []struct {
		root           string
		gdelt, phoenix int
	}{
		{"01", 1, 0}, {"02", 1, 0}, {"03", 1, 1}, {"05", 1, 1},
		{"06", 2, 2}, {"08", 2, 2}, {"09", 3, 3}, {"13", 3, 3},
		{"14", 4, 4}, {"15", 4, 4}, {"16", 4, 3}, {"17", 4, 4}, {"20", 4, 4},
		{"00", 0, -1}, {"21", 0, -1}, {"x", 0, -1},
	}
	for _, tt := range tests {
		if g, p := GDELTQuad(tt.root), PhoenixQuad(tt.root); g != tt.gdelt || p != tt.phoenix {
			t.Errorf("root %s: GDELT %d Phoenix %d, want %d %d", tt.root, g, p, tt.gdelt, tt.phoenix)
		}
	}
	if QuadName(3) != "verbal conflict" || QuadName(9) != "" {
		t.Error("QuadName")
	}
}

func TestChildren(t *testing.T) {
	got := []string{}
	for _, c := range Default().Children("14") {
		got = append(got, c.Code)
	}
	if strings.Join(got, ",") != "140,141,142,143,144,145" {
		t.Errorf("Children(14) = %v", got)
	}
	if n := len(Default().Children("0874")); n != 0 {
		t.Errorf("Children(0874) = %d codes, want 0", n)
	}
}

// TestEveryPLOVERTypeUsed makes sure the mapping reaches all 16 types.
func TestEveryPLOVERTypeUsed(t *testing.T) {
	used := map[string]bool{}
	for _, c := range All() {
		used[c.PLOVER] = true
	}
	for _, p := range PLOVERTypes {
		if !used[p] {
			t.Errorf("PLOVER type %s is never used", p)
		}
	}
	if len(PLOVERTypes) != 16 {
		t.Errorf("%d PLOVER types, want 16", len(PLOVERTypes))
	}
}

func TestAllIsACopy(t *testing.T) {
	a := All()
	a[0].Name = "changed"
	if c, _ := Lookup(a[0].Code); c.Name == "changed" {
		t.Error("All exposes internal storage")
	}
}
