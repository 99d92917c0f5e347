package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/detente-project/detente/internal/coder"
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

// TestCodeStreamsLargeDocuments mixes documents over streamBytes, coded and
// written sentence by sentence, with small ones coded whole on the other
// workers: the output must be each document's events, whole, in input order,
// with CSV event numbers running on across the parts of a document.
func TestCodeStreamsLargeDocuments(t *testing.T) {
	c, err := coder.New(coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	big := func(id, s string) event.Document {
		return event.Document{ID: id, Date: "2025-10-12", Text: strings.Repeat(s, streamBytes/len(s)+1)}
	}
	small := func(id, s string) event.Document { return event.Document{ID: id, Date: "2025-10-12", Text: s} }
	docs := []event.Document{
		big("b1", "Iran rejected talks with the United States. "),
		big("b2", "Israel struck Iran's nuclear sites. It later accused Tehran of lying. "),
		small("s1", "Iran arrested two French citizens."),
		small("s2", "U.S. missiles and drones struck Fordow, Isfahan and Natanz."),
		big("b3", `"We will not negotiate under pressure," Araghchi said. Iran fired missiles at the U.S. base at Al Udeid in Qatar. `),
		small("s3", "Iran fired missiles at the U.S. base at Al Udeid in Qatar."),
	}
	var want []event.Event
	var wantQ []event.Quote
	for _, d := range docs {
		res := c.Code(d)
		want = append(want, res.Events...)
		wantQ = append(wantQ, res.Quotes...)
	}
	var in bytes.Buffer
	for _, d := range docs {
		b, _ := json.Marshal(d)
		in.Write(b)
		in.WriteByte('\n')
	}
	for _, workers := range []int{1, 2, 3} {
		var out, errb bytes.Buffer
		if err := runCode([]string{"-"}, codeOptions{format: "json", workers: workers}, bytes.NewReader(in.Bytes()), &out, &errb); err != nil {
			t.Fatalf("workers %d: %v (stderr %s)", workers, err, errb.String())
		}
		got := decodeEvents(t, out.String())
		if !reflect.DeepEqual(got, want) {
			t.Errorf("workers %d: %d events, want %d (or not in the same order)", workers, len(got), len(want))
		}
		out.Reset()
		if err := runCode([]string{"-"}, codeOptions{format: "json", quotes: true, workers: workers}, bytes.NewReader(in.Bytes()), &out, &errb); err != nil {
			t.Fatal(err)
		}
		var gotQ []event.Quote
		for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			var q event.Quote
			if err := json.Unmarshal([]byte(line), &q); err != nil {
				t.Fatal(err)
			}
			gotQ = append(gotQ, q)
		}
		if len(wantQ) == 0 || !reflect.DeepEqual(gotQ, wantQ) {
			t.Errorf("workers %d: %d quotes, want %d (or not in the same order)", workers, len(gotQ), len(wantQ))
		}
	}
	var out, errb bytes.Buffer
	if err := runCode([]string{"-"}, codeOptions{format: "csv", workers: 2}, bytes.NewReader(in.Bytes()), &out, &errb); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(want)+1 {
		t.Fatalf("%d CSV rows, want %d", len(rows), len(want)+1)
	}
	n := map[string]int{}
	for _, r := range rows[1:] {
		doc := r[17]
		if wantID := fmt.Sprintf("%s-%s-%d", doc, r[18], n[doc]); r[0] != wantID {
			t.Fatalf("GLOBALEVENTID %s, want %s", r[0], wantID)
		}
		n[doc]++
	}
	if n["b1"] <= partSize {
		t.Errorf("b1 has %d events: too few to span several parts", n["b1"])
	}
}
