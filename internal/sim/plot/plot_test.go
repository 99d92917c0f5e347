package plot

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/detente-project/detente/examples"
	"github.com/detente-project/detente/internal/sim"
	"github.com/detente-project/detente/internal/sim/scenario"
)

func report(t *testing.T) *sim.Report {
	t.Helper()
	sc, err := scenario.LoadFS(examples.FS, examples.Scenario)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := sim.Run(context.Background(), sc, sim.Options{Models: []string{"eum", "mean"}, NoScenarioShocks: true})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestSaveSVGAndPNG(t *testing.T) {
	rep := report(t)
	dir := t.TempDir()
	svg := filepath.Join(dir, "eum.svg")
	if err := Save(rep, "eum", svg); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(svg)
	for _, want := range []string{"<svg", "Supreme Leader Khamenei", "forecast", "round"} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	pngPath := filepath.Join(dir, "eum.png")
	if err := Save(rep, "eum", pngPath); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(pngPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Dx() < 500 || img.Bounds().Dy() < 500 {
		t.Errorf("PNG is only %v", img.Bounds())
	}
}

func TestSaveErrors(t *testing.T) {
	rep := report(t)
	if err := Save(rep, "eum", filepath.Join(t.TempDir(), "x.gif")); err == nil || !strings.Contains(err.Error(), ".svg or .png") {
		t.Errorf("gif: %v", err)
	}
	if err := Save(rep, "nbs", filepath.Join(t.TempDir(), "x.svg")); err == nil {
		t.Error("plotting a model that did not run succeeded")
	}
	if err := Save(rep, "eum", filepath.Join(t.TempDir(), "missing", "x.svg")); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
}
