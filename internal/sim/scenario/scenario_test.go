package scenario

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const good = `title: test
issues:
  - id: x
    name: X
    scale: {min: 0, max: 100}
    anchors:
      - {value: 0, label: none}
      - {value: 100, label: all}
actors:
  - name: Alpha
    capability: 2
    position: 10
    salience: 0.5
  - name: Beta Co.
    capability: 1
    risk: -0.5
    position: 90
    salience: 1
shocks:
  - name: beta moves
    set: ["beta-co.position=50"]
`

func TestParseGood(t *testing.T) {
	sc, err := Parse("good.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Actors) != 2 || sc.Actors[1].ID != "beta-co" || *sc.Actors[1].Risk != -0.5 {
		t.Fatalf("actors %+v", sc.Actors)
	}
	st := sc.Actors[0].Stances["x"]
	if *st.Position != 10 || *st.Salience != 0.5 || sc.Actors[0].Position != nil {
		t.Errorf("shorthand not folded into stances: %+v", sc.Actors[0])
	}
	is, _ := sc.Issue("x")
	if is.NearestAnchor(30) != "none" || is.NearestAnchor(70) != "all" {
		t.Error("nearest anchor wrong")
	}
}

func TestParseErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, edit, want string
		line             int
	}{
		{"unknown field", "    salience: 0.5\n", "    salince: 0.5\n", 13},
		{"salience range", "    salience: 1\n", "    salience: 1.5\n", 18},
		{"duplicate actor", "  - name: Beta Co.", "  - name: alpha", 14},
		{"position off scale", "    position: 10\n", "    position: 110\n", 12},
		{"risk range", "risk: -0.5", "risk: -2", 16},
		{"bad scale", "{min: 0, max: 100}", "{min: 100, max: 0}", 5},
		// Shock errors point at the entry under set or remove at fault.
		{"shock actor", "beta-co.position=50", "gamma.position=50", 21},
		{"shock field", "beta-co.position=50", "beta-co.mood=50", 21},
		{"type", "capability: 2", "capability: lots", 11},
	}
	for _, tt := range tests {
		src := strings.Replace(good, tt.edit, tt.want, 1)
		if src == good {
			t.Fatalf("%s: edit did not apply", tt.name)
		}
		_, err := Parse("s.yaml", []byte(src))
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		prefix := "s.yaml:" + strconv.Itoa(tt.line) + ":"
		if !strings.HasPrefix(err.Error(), prefix) {
			t.Errorf("%s: error %q, want prefix %q", tt.name, err, prefix)
		}
	}
}

func TestParseRejectsBadInput(t *testing.T) {
	tests := map[string]string{
		"empty":       "",
		"blank":       "  \n\n",
		"no actors":   "title: x\nissues:\n  - {id: a, scale: {min: 0, max: 1}}\n",
		"no issues":   "actors:\n  - {name: a, capability: 1, position: 0, salience: 1}\n",
		"binary":      "title: x\x00\n",
		"invalid utf": "title: \xff\xfe\n",
		"not a map":   "- 1\n- 2\n",
		"syntax":      "title: [unclosed\n",
	}
	for name, src := range tests {
		_, err := Parse("bad.yaml", []byte(src))
		if err == nil || !strings.HasPrefix(err.Error(), "bad.yaml:") {
			t.Errorf("%s: error %v, want one naming bad.yaml:LINE", name, err)
		}
	}
	big := strings.Repeat("x", MaxSize+1)
	if _, err := Parse("big.yaml", []byte(big)); err == nil {
		t.Error("oversized file accepted")
	}
	long := "title: " + strings.Repeat("x", 10<<20/2) + "\n"
	if _, err := Parse("long.yaml", []byte(long)); err == nil {
		t.Error("long single line without actors accepted")
	}
}

func TestCSV(t *testing.T) {
	src := "# comment\n# scale: 0 100\nactor,capability,position,salience\nA,1,10,0.5\nB,2,60,1\n\"C, Ltd\",1,90,0.25\n"
	sc, err := Parse("t.csv", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Actors) != 3 || sc.Actors[2].Name != "C, Ltd" || sc.Issues[0].Scale != (Scale{Min: 0, Max: 100}) {
		t.Fatalf("parsed %+v %+v", sc.Actors, sc.Issues)
	}
	noHeader := "A,1,1990,0.5\nB,2,2000,1\n"
	years, err := Parse("t.csv", []byte(noHeader))
	if err != nil {
		t.Fatalf("header-less CSV: %v", err)
	}
	if years.Issues[0].Scale != (Scale{Min: 1990, Max: 2000}) {
		t.Errorf("scale beyond 0-100 should span the positions: %+v", years.Issues[0].Scale)
	}
	bad := []struct{ want, src string }{
		{"t.csv:4:", "actor,capability,position,salience\nA,1,0,0.5\nB,2,60,1\nC,1,100,1.5\n"},
		{"t.csv:3:", "actor,capability,position,salience\nA,1,0,0.5\nA,2,60,1\n"},
		{"t.csv:2:", "actor,capability,position,salience\nA,one,0,0.5\n"},
		{"t.csv:1:", "actor,power,position,salience\nA,1,0,0.5\n"},
		{"t.csv:3:", "actor,capability,position,salience\nA,1,0,0.5\n# scale: 10\n"},
		{"t.csv:3:", "# scale: 0 50\nA,1,0,0.5\nB,1,70,0.5\n"},
	}
	for _, tt := range bad {
		_, err := Parse("t.csv", []byte(tt.src))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("error %v, want prefix %q", err, tt.want)
		}
	}
	if _, err := Parse("e.csv", []byte("actor,capability,position,salience\n")); err == nil || !strings.Contains(err.Error(), "empty scenario") {
		t.Errorf("empty CSV: %v", err)
	}
}

func TestChanges(t *testing.T) {
	c, err := ParseChange("U.S. (Trump).position@talks=30")
	if err != nil {
		t.Fatal(err)
	}
	if c.Actor != "U.S. (Trump)" || c.Field != "position" || c.Issue != "talks" || c.Value != 30 {
		t.Errorf("parsed %+v", c)
	}
	if c.String() != "U.S. (Trump).position@talks=30" {
		t.Errorf("String() = %q", c.String())
	}
	for _, bad := range []string{"nodot=3", "a.position", "a.position=x", "a.mood=1", "a.position=NaN"} {
		if _, err := ParseChange(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	sc, err := Parse("good.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	v := Variation{Name: "v", Changes: []Change{{Actor: "alpha", Field: "capability", Value: 7}, {Actor: "Beta Co.", Field: "salience", Value: 0.1}}, Remove: []string{}}
	out, err := sc.Apply(v)
	if err != nil {
		t.Fatal(err)
	}
	if out.Actors[0].Capability != 7 || *out.Actors[1].Stances["x"].Salience != 0.1 {
		t.Errorf("changes not applied: %+v", out.Actors)
	}
	if sc.Actors[0].Capability != 2 || *sc.Actors[1].Stances["x"].Salience != 1 {
		t.Error("Apply changed the original scenario")
	}
	if _, err := sc.Apply(Variation{Remove: []string{"alpha", "beta-co"}}); err == nil {
		t.Error("removing everyone accepted")
	}
	if _, err := sc.Apply(Variation{Changes: []Change{{Actor: "alpha", Field: "salience", Value: 2}}}); err == nil {
		t.Error("salience 2 accepted by Apply")
	}
}

func TestBundledExamples(t *testing.T) {
	files, _ := filepath.Glob("../../../examples/*.yaml")
	csvs, _ := filepath.Glob("../../../examples/*.csv")
	if len(files)+len(csvs) == 0 {
		t.Fatal("no bundled examples found")
	}
	for _, f := range append(files, csvs...) {
		sc, err := Load(f)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if sc.Notes == "" && strings.HasSuffix(f, ".yaml") {
			t.Errorf("%s: scenario should say where its values come from", f)
		}
	}
}

func TestLoadMissing(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "none.yaml")); err == nil || !os.IsNotExist(unwrapAll(err)) {
		t.Errorf("missing file: %v", err)
	}
}

func unwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok || u.Unwrap() == nil {
			return err
		}
		err = u.Unwrap()
	}
}

func TestFactionIsGroup(t *testing.T) {
	yamlWith := func(fields string) string {
		return strings.Replace(good, "  - name: Alpha\n", "  - name: Alpha\n"+fields, 1)
	}
	const head = "actor,capability,position,salience,"
	tests := []struct {
		name, file, src, group, err string
	}{
		{"yaml faction", "f.yaml", yamlWith("    faction: hardliners\n"), "hardliners", ""},
		{"yaml group", "f.yaml", yamlWith("    group: hardliners\n"), "hardliners", ""},
		{"yaml both, same", "f.yaml", yamlWith("    group: hardliners\n    faction: hardliners\n"), "hardliners", ""},
		{"yaml both, differ", "f.yaml", yamlWith("    group: hardliners\n    faction: reformists\n"), "", "f.yaml:12: "},
		{"csv faction", "f.csv", head + "faction\nA,1,0,0.5,hardliners\nB,1,9,1,\n", "hardliners", ""},
		{"csv group", "f.csv", head + "group\nA,1,0,0.5,hardliners\nB,1,9,1,\n", "hardliners", ""},
		{"csv both, differ", "f.csv", head + "group,faction\nB,1,9,1,,\nA,1,0,0.5,x,y\n", "", "f.csv:3: "},
	}
	for _, tt := range tests {
		sc, err := Parse(tt.file, []byte(tt.src))
		if tt.err != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tt.err) || !strings.Contains(err.Error(), "differ") {
				t.Errorf("%s: error %v, want %q ... differ", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if a := sc.Actors[0]; a.Group != tt.group || a.Faction != "" {
			t.Errorf("%s: group %q faction %q, want group %q", tt.name, a.Group, a.Faction, tt.group)
		}
	}
}

func TestParseErrorMessages(t *testing.T) {
	const set = `    set: ["beta-co.position=50"]`
	tests := []struct {
		name, edit, want string
		line             int
		msg              string
	}{
		{"shock value", set, `    set: ["beta-co.position=500"]`, 21,
			`shock "beta moves": set "beta-co.position=500": actor "Beta Co.": position 500 outside scale [0, 100]`},
		{"second shock entry", set, "    set:\n      - beta-co.position=50\n      - alpha.salience=2\n", 23,
			`shock "beta moves": set "alpha.salience=2": actor "Alpha": salience 2 outside [0, 1]`},
		{"shock removes unknown", set, "    remove: [alpha, gamma]", 21, `shock "beta moves": remove "gamma": no such actor "gamma"`},
		{"shock removes everyone", set, "    remove: [alpha, beta-co]", 20, `shock "beta moves": it removes every actor`},
		{"shock zeroes weights", set, `    set: ["alpha.salience=0", "beta-co.capability=0"]`, 20,
			`shock "beta moves": issue "x": every actor has capability x salience 0`},
		{"huge capability", "capability: 2", "capability: 1e400", 11, "number 1e400 is out of range"},
		{"huge integer", "capability: 2", "capability: 1" + strings.Repeat("0", 400), 11, "number 10000000000000000000... is out of range"},
		{"zero weights", "capability: 2\n", "capability: 0\n", 3, `issue "x": every actor has capability x salience 0`},
		{"weights overflow", "capability: 2", "capability: 1.7e308", 3, `issue "x": total capability x salience overflows`},
	}
	for _, tt := range tests {
		src := strings.Replace(good, tt.edit, tt.want, 1)
		if tt.name == "zero weights" || tt.name == "weights overflow" {
			src = strings.Replace(src, "capability: 1\n", "capability: 0\n", 1)
			if tt.name == "weights overflow" {
				src = strings.Replace(src, "capability: 0\n", "capability: 1.7e308\n", 1)
			}
		}
		if src == good {
			t.Fatalf("%s: edit did not apply", tt.name)
		}
		_, err := Parse("s.yaml", []byte(src))
		prefix := "s.yaml:" + strconv.Itoa(tt.line) + ": "
		if err == nil || !strings.HasPrefix(err.Error(), prefix+tt.msg) {
			t.Errorf("%s: error %v,\nwant %s%s...", tt.name, err, prefix, tt.msg)
		}
	}
}

func TestMaxActorsPerIssue(t *testing.T) {
	csvRows := func(n int) string {
		var b strings.Builder
		b.WriteString("actor,capability,position,salience\n")
		for i := 0; i < n; i++ {
			b.WriteString("a" + strconv.Itoa(i) + ",1," + strconv.Itoa(i%100) + ",0.5\n")
		}
		return b.String()
	}
	yamlActors := func(n int) string {
		var b strings.Builder
		b.WriteString("title: t\nissues: [{id: x, scale: {min: 0, max: 100}}, {id: y, scale: {min: 0, max: 1}}]\nactors:\n")
		b.WriteString("  - {name: only-y, capability: 1, issues: {y: {position: 0, salience: 1}}}\n")
		for i := 0; i < n; i++ {
			b.WriteString("  - {name: a" + strconv.Itoa(i) + ", capability: 1, issues: {x: {position: 5, salience: 1}}}\n")
		}
		return b.String()
	}
	tests := []struct {
		name, file, src, err string
	}{
		{"csv at the limit", "m.csv", csvRows(MaxActors), ""},
		{"csv over", "m.csv", csvRows(MaxActors + 1), `m.csv:202: issue "issue": more than 200 actors take a position on it (201 do)`},
		{"csv far over", "m.csv", csvRows(10000), `m.csv:202: issue "issue": more than 200 actors take a position on it (10000 do)`},
		{"yaml at the limit", "m.yaml", yamlActors(MaxActors), ""},
		{"yaml over", "m.yaml", yamlActors(MaxActors + 1), `m.yaml:205: issue "x": more than 200 actors take a position on it (201 do)`},
	}
	for _, tt := range tests {
		_, err := Parse(tt.file, []byte(tt.src))
		if tt.err == "" && err != nil || tt.err != "" && (err == nil || err.Error() != tt.err) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.err)
		}
	}
}
