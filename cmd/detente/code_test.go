package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/detente-project/detente/internal/event"
)

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func decodeEvents(t *testing.T, out string) []event.Event {
	t.Helper()
	var evs []event.Event
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var e event.Event
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("bad output line %q: %v", line, err)
		}
		evs = append(evs, e)
	}
	return evs
}

func TestCodeTextAndJSONL(t *testing.T) {
	dir := t.TempDir()
	txt := writeFile(t, dir, "a.txt", []byte("Iran categorically rejected the United States' invitation to talks in Sharm El-Sheikh.\n"))
	jsonl := writeFile(t, dir, "b.data", []byte(
		`{"id":"d1","date":"2025-06-22","text":"U.S. missiles and drones struck Fordow, Isfahan and Natanz."}`+"\n"+
			`{"id":"d2","date":"2025-06-23","text":"Iran fired missiles at the U.S. base at Al Udeid in Qatar."}`+"\n"))
	var out, errb bytes.Buffer
	err := runCode([]string{txt, jsonl}, codeOptions{format: "json", date: "2025-10-12", workers: 3}, nil, &out, &errb)
	if err != nil {
		t.Fatalf("runCode: %v (stderr %s)", err, errb.String())
	}
	evs := decodeEvents(t, out.String())
	var order []string
	for _, e := range evs {
		order = append(order, e.DocID+":"+e.SourceCountry+">"+e.TargetCountry)
	}
	want := []string{"a.txt:IRN>USA", "a.txt:USA>IRN", "d1:USA>IRN", "d2:IRN>USA"}
	if strings.Join(order, " ") != strings.Join(want, " ") {
		t.Errorf("events in order %v, want %v", order, want)
	}
	if evs[0].Date != "2025-10-12" || evs[2].Date != "2025-06-22" {
		t.Errorf("dates %q %q", evs[0].Date, evs[2].Date)
	}
	if errb.Len() != 0 {
		t.Errorf("unexpected warnings: %s", errb.String())
	}
}

func TestCodeBadInput(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.jsonl", []byte(
		`{"id":"ok","date":"2025-01-01","text":"Iran arrested two French citizens."}`+"\n"+
			`{"id":"broken", "text": }`+"\n"+
			`{"id":"bad-utf8","text":"Iran `+"\xff"+` attacked Israel."}`+"\n"+
			`{"id":"notext"}`+"\n"+
			`{"id":"big","text":"`+strings.Repeat("x", 10<<20)+`"}`+"\n"))
	bin := writeFile(t, dir, "bin.txt", []byte("Iran\x00attacked"))
	empty := writeFile(t, dir, "empty.txt", nil)
	inv := writeFile(t, dir, "inv.txt", []byte("line one\nIran \xfe attacked Israel.\n"))
	long := writeFile(t, dir, "long.txt", []byte(strings.Repeat("Iran attacked Israel ", 100000)))
	missing := filepath.Join(dir, "missing.txt")
	var out, errb bytes.Buffer
	err := runCode([]string{good, bin, empty, inv, long, missing}, codeOptions{format: "json", workers: 2}, nil, &out, &errb)
	if err != nil {
		t.Fatalf("runCode: %v", err)
	}
	warnings := errb.String()
	for _, w := range []string{"good.jsonl:2: invalid JSON", "good.jsonl:3: invalid UTF-8", "good.jsonl:4: document has no", "bin.txt:1: binary", "empty.txt: empty", "inv.txt:2: invalid UTF-8", "missing.txt"} {
		if !strings.Contains(warnings, w) {
			t.Errorf("no warning %q in:\n%s", w, warnings)
		}
	}
	evs := decodeEvents(t, out.String())
	if len(evs) == 0 || evs[0].DocID != "ok" {
		t.Errorf("good document not coded: %+v", evs)
	}
}

func TestCodeNothingReadFails(t *testing.T) {
	dir := t.TempDir()
	empty := writeFile(t, dir, "empty.txt", []byte("  \n"))
	var out, errb bytes.Buffer
	if err := runCode([]string{empty}, codeOptions{format: "json", workers: 1}, nil, &out, &errb); err == nil {
		t.Error("want an error when nothing could be read")
	}
	if err := runCode(nil, codeOptions{format: "xml", workers: 1}, nil, &out, &errb); err == nil {
		t.Error("want an error for --format xml")
	}
	if err := runCode(nil, codeOptions{format: "json", date: "yesterday", workers: 1}, nil, &out, &errb); err == nil {
		t.Error("want an error for a bad --date")
	}
}

func TestCodeStdinCSVAndQuotes(t *testing.T) {
	in := `"We will not negotiate under pressure," Araghchi said. Israel struck Iran's nuclear sites.`
	var out, errb bytes.Buffer
	if err := runCode([]string{"-"}, codeOptions{format: "csv", date: "2025-07-01", workers: 1}, strings.NewReader(in), &out, &errb); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0][0] != "GLOBALEVENTID" || rows[1][2] != "ISR" || rows[1][4] != "IRN" || rows[1][7] != "19" || rows[1][1] != "20250701" {
		t.Errorf("csv rows %v", rows)
	}
	out.Reset()
	if err := runCode([]string{"-"}, codeOptions{format: "json", quotes: true, date: "2025-07-01", workers: 1}, strings.NewReader(in), &out, &errb); err != nil {
		t.Fatal(err)
	}
	var q event.Quote
	if err := json.Unmarshal([]byte(strings.Split(out.String(), "\n")[0]), &q); err != nil {
		t.Fatal(err)
	}
	if q.Speaker != "Araghchi" || q.SpeakerCode != "IRNGOV" || q.Quote != "We will not negotiate under pressure" {
		t.Errorf("quote %+v", q)
	}
}
