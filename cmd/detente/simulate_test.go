package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runSimulateCLI runs `detente simulate` with args and returns stdout.
func runSimulateCLI(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := newSimulateCmd()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(context.Background())
	return out.String(), err
}

func TestSimulateCLI(t *testing.T) {
	dir := t.TempDir()
	plotPath := filepath.Join(dir, "eum.svg")
	out, err := runSimulateCLI(t, "../../examples/iran-us.yaml", "--plot", plotPath, "--runs", "20", "--seed", "3",
		"--shock", "khamenei.position@talks=60", "--remove", "israel")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Issue talks", "eum", "median", "Monte Carlo: 20 runs", `What-if "command line"`, "remove israel"} {
		if !strings.Contains(out, want) {
			t.Errorf("table output lacks %q:\n%s", want, out)
		}
	}
	if fi, err := os.Stat(plotPath); err != nil || fi.Size() == 0 {
		t.Errorf("plot not written: %v", err)
	}

	out, err = runSimulateCLI(t, "../../examples/iran-us-talks.csv", "--model", "eum,nbs", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Models []struct {
			Model  string
			Issues []struct {
				Outcome float64
				Rounds  []json.RawMessage
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("JSON output: %v\n%s", err, out)
	}
	if len(rep.Models) != 2 || rep.Models[0].Model != "eum" || rep.Models[1].Model != "nbs" || len(rep.Models[0].Issues[0].Rounds) < 2 {
		t.Errorf("unexpected JSON report %+v", rep)
	}
}

func TestSimulateCLIBundledAndErrors(t *testing.T) {
	if out, err := runSimulateCLI(t, "--model", "median"); err != nil || !strings.Contains(out, "Iran-U.S.") {
		t.Errorf("bundled run: %v\n%s", err, out)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("title: x\nactors:\n  - name: a\n    salience: 7\n"), 0o644)
	for name, args := range map[string][]string{
		"missing file": {"/nonexistent/x.yaml"},
		"bad file":     {bad},
		"bad model":    {"--model", "oracle"},
		"bad format":   {"--format", "xml"},
		"bad shock":    {"--shock", "khamenei=3"},
		"bad plot":     {"--plot", "x.gif"},
	} {
		if _, err := runSimulateCLI(t, args...); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := runSimulateCLI(t, bad); err == nil || !strings.Contains(err.Error(), "bad.yaml:") {
		t.Errorf("bad file error should name file and line: %v", err)
	}
}

func TestSimulateCLIWhatIfErrorsNameTheFlag(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--shock", "khamenei.position@talks=160"},
			`--shock "khamenei.position@talks=160": actor "Supreme Leader Khamenei": position 160 outside scale [0, 100]`},
		{[]string{"--shock", "khamenei.position@talks=60", "--shock", "us.salience@talks=2"},
			`--shock "us.salience@talks=2": actor "U.S. (Trump administration)": salience 2 outside [0, 1]`},
		{[]string{"--shock", "nobody.position@talks=60"}, `--shock "nobody.position@talks=60": no such actor "nobody"`},
		{[]string{"--remove", "nobody"}, `--remove "nobody": no such actor "nobody"`},
		{[]string{"--shock", "khamenei.position=60"}, `--shock "khamenei.position=60": scenario has 2 issues; name one with position@ISSUE`},
	}
	for _, tt := range tests {
		_, err := runSimulateCLI(t, append([]string{"--model", "mean"}, tt.args...)...)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%v: error %v,\nwant %s...", tt.args, err, tt.want)
		}
	}
}

func TestSimulateHelpDocumentsCSVScale(t *testing.T) {
	out, err := runSimulateCLI(t, "--help")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"# scale: MIN MAX"`, "without it the scale\nis taken from the data", "group (or faction)"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

func TestServeSimulateWired(t *testing.T) {
	if serveSimulate == nil {
		t.Fatal("serveSimulate not set")
	}
	v, err := serveSimulate(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(v)
	if !bytes.Contains(b, []byte(`"rounds"`)) || !bytes.Contains(b, []byte(`"positions"`)) {
		t.Error("dashboard result lacks rounds/positions")
	}
}

// TestSimulateCLISMP runs `detente simulate examples/iran-us.yaml --model
// smp` in every output mode: table, JSON, plot, Monte Carlo and what-if.
func TestSimulateCLISMP(t *testing.T) {
	out, err := runSimulateCLI(t, "../../examples/iran-us.yaml", "--model", "smp")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Issue talks", "smp", "SMP positions on talks", "SMP positions on enrichment", "Supreme Leader Khamenei"} {
		if !strings.Contains(out, want) {
			t.Errorf("table output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "eum ") || strings.Contains(out, "median") {
		t.Errorf("--model smp ran other models:\n%s", out)
	}

	out, err = runSimulateCLI(t, "../../examples/iran-us.yaml", "--model", "smp", "--format", "json", "--no-scenario-shocks")
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Models []struct {
			Model  string
			Issues []struct {
				Issue     string
				Outcome   float64
				Converged bool
				Rounds    []struct {
					Positions     map[string]float64
					Probabilities map[string]float64
					Challenges    []struct{ From, To string }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("JSON output: %v\n%s", err, out)
	}
	if len(rep.Models) != 1 || rep.Models[0].Model != "smp" || len(rep.Models[0].Issues) != 2 {
		t.Fatalf("unexpected JSON report %+v", rep)
	}
	for _, is := range rep.Models[0].Issues {
		if len(is.Rounds) < 2 || len(is.Rounds[1].Challenges) == 0 || len(is.Rounds[0].Probabilities) == 0 || !is.Converged {
			t.Errorf("smp/%s: rounds, challenges or probabilities missing: %+v", is.Issue, is)
		}
	}

	plotPath := filepath.Join(t.TempDir(), "smp.svg")
	out, err = runSimulateCLI(t, "../../examples/iran-us.yaml", "--model", "smp,median", "--plot", plotPath, "--runs", "8", "--seed", "2",
		"--shock", "khamenei.position@talks=60", "--smp-forecast", "mode", "--smp-max-rounds", "50")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Monte Carlo: 8 runs", `What-if "command line"`, "smp     talks"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if b, err := os.ReadFile(plotPath); err != nil || !bytes.Contains(b, []byte("SMP")) {
		t.Errorf("SMP plot not written: %v", err)
	}
	for name, args := range map[string][]string{
		"bad forecast": {"--model", "smp", "--smp-forecast", "median"},
		"bad risk":     {"--model", "smp", "--smp-risk", "scholz"},
		"bad rounds":   {"--model", "smp", "--smp-max-rounds", "0"},
	} {
		if _, err := runSimulateCLI(t, args...); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
