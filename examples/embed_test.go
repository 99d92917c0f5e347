package examples

import (
	"io/fs"
	"strings"
	"testing"
)

func TestFSHoldsTheBundledFiles(t *testing.T) {
	b, err := fs.ReadFile(FS, Scenario)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "analyst judgements") && !strings.Contains(string(b), "ANALYST JUDGEMENTS") {
		t.Error("bundled scenario should say its values are analyst judgements")
	}
	csvs, _ := fs.Glob(FS, "*.csv")
	if len(csvs) == 0 {
		t.Error("no CSV scenario embedded")
	}
	if _, err := fs.Stat(FS, "news"); err != nil {
		t.Errorf("news corpus not embedded: %v", err)
	}
}
