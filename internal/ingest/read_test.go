package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/detente-project/detente/internal/peers"
)

// collect reads name with content through ReadFile and returns documents,
// warnings and the error.
func collect(t *testing.T, name string, content []byte) ([]Item, []string, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	var items []Item
	var warns []string
	err := ReadFile(path, func(it Item) error { items = append(items, it); return nil },
		func(err error) { warns = append(warns, err.Error()) })
	return items, warns, err
}

// checkRead compares the documents read (by the base name of their ids)
// and the warnings (each must contain the wanted substring, in order).
func checkRead(t *testing.T, items []Item, warns, wantIDs, wantWarns []string) {
	t.Helper()
	var ids []string
	for _, it := range items {
		ids = append(ids, filepath.Base(it.Doc.ID))
	}
	if strings.Join(ids, ",") != strings.Join(wantIDs, ",") {
		t.Errorf("ids = %q, want %q", ids, wantIDs)
	}
	if len(warns) != len(wantWarns) {
		t.Fatalf("warnings = %q, want %q", warns, wantWarns)
	}
	for i, w := range wantWarns {
		if !strings.Contains(warns[i], w) {
			t.Errorf("warning %d = %q, want it to contain %q", i, warns[i], w)
		}
	}
}

func TestReadJSONL(t *testing.T) {
	big := `{"id":"big","text":"` + strings.Repeat("a", 10<<20) + `"}`
	tests := []struct {
		name    string
		content string
		ids     []string
		warns   []string // substrings, in order
	}{
		{"ok", `{"id":"a","date":"2025-06-22","title":"T","text":"Iran.","url":"u"}` + "\n\n" + `{"text":"no id"}`,
			[]string{"a", "ok.jsonl:3"}, nil},
		{"bad", "{\"id\":\"a\",\"text\":\"x\"}\n{broken\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"\xff\"}\n[1,2]\n",
			[]string{"a"}, []string{"bad.jsonl:2: not a JSON", "bad.jsonl:3: document has no text", "bad.jsonl:4: invalid UTF-8", "bad.jsonl:5: not a JSON"}},
		{"crlf", "{\"id\":\"a\",\"text\":\"x\"}\r\n{\"id\":\"b\",\"text\":\"y\",\"date\":\"June\"}", []string{"a", "b"},
			[]string{"crlf.jsonl:2: date \"June\""}},
		{"big", big + "\n" + `{"id":"after","text":"x"}`, []string{"big", "after"}, nil},
		{"empty", "", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			items, warns, err := collect(t, tc.name+".jsonl", []byte(tc.content))
			if err != nil {
				t.Fatal(err)
			}
			checkRead(t, items, warns, tc.ids, tc.warns)
		})
	}
}

func TestReadText(t *testing.T) {
	tests := []struct {
		name, content string
		err           string
		date, title   string
	}{
		{"2025-06-22-strikes.txt", "U.S. strikes hit Fordow\n\nThe United States struck Iran.", "", "2025-06-22", "U.S. strikes hit Fordow"},
		{"note.md", "Plain note without date.", "", "", "Plain note without date."},
		{"empty.txt", "  \n\n", "empty file", "", ""},
		{"bin.dat", "line one\nELF\x00\x01", "bin.dat:2: binary file", "", ""},
		{"latin1.txt", "ok\nok\ncaf\xe9\n", "latin1.txt:3: invalid UTF-8", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			items, _, err := collect(t, tc.name, []byte(tc.content))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || len(items) != 0 {
					t.Fatalf("err = %v, items %d; want %q", err, len(items), tc.err)
				}
				return
			}
			if err != nil || len(items) != 1 {
				t.Fatalf("err = %v, items %d", err, len(items))
			}
			d := items[0].Doc
			if d.Date != tc.date || d.Title != tc.title || !strings.HasSuffix(d.ID, tc.name) {
				t.Errorf("doc = %+v", d)
			}
		})
	}
}

func TestReadXML(t *testing.T) {
	xml := `<Sentences>
<Sentence date="20250622" id="NYT-1" source="NYT" sentence="True">
<Text>
The United States struck Iran's nuclear sites.
</Text>
<Parse>(ROOT (S (NP (NNP U.S.)) (VP (VBD struck))))</Parse>
</Sentence>
</Sentences>`
	items, _, err := collect(t, "recs.xml", []byte(xml))
	if err != nil || len(items) != 1 {
		t.Fatalf("err %v, items %d", err, len(items))
	}
	d := items[0].Doc
	if d.ID != "NYT-1" || d.Date != "2025-06-22" || d.Text != "The United States struck Iran's nuclear sites." {
		t.Errorf("doc = %+v", d)
	}
	if _, _, err := collect(t, "broken.xml", []byte("<Sentences>\n<Sentence id=\"x\">\n<Text>a</Text>\n")); err == nil ||
		!strings.Contains(err.Error(), "broken.xml") {
		t.Errorf("malformed XML: err = %v", err)
	}
}

// TestReadJSON reads .json files: an array (as POST /api/documents takes),
// one object pretty-printed or not, and JSON Lines.
func TestReadJSON(t *testing.T) {
	tests := []struct {
		name, content string
		ids           []string
		warns         []string
		err           string
	}{
		{"array", "[\n  {\"id\": \"a\", \"text\": \"Iran.\"},\n  {\"text\": \"no id\"}\n]\n", []string{"a", "array.json:3"}, nil, ""},
		{"array one line", `[{"id":"a","text":"x"},{"id":"b","text":"y"}]`, []string{"a", "b"}, nil, ""},
		{"array bad element", "[\n{\"id\":\"a\",\"text\":\"x\"},\n{\"id\":5,\"text\":\"y\"},\n{\"id\":\"c\"},\n{\"id\":\"d\",\"text\":\"z\"}\n]",
			[]string{"a", "d"}, []string{"array bad element.json:3: not a JSON document", "array bad element.json:4: document has no text"}, ""},
		{"array truncated", "[\n{\"id\":\"a\",\"text\":\"x\"},\n{\"id\":\"b\",\"te", []string{"a"},
			[]string{"array truncated.json:3: malformed JSON: unexpected EOF; the 1 documents before it are kept"}, ""},
		{"array syntax error", "[\n{\"id\":\"a\",\"text\":\"x\"},\n{\"id\" \"b\"}\n]", []string{"a"},
			[]string{"array syntax error.json:3: malformed JSON"}, ""},
		{"empty array", "[]", nil, nil, ""},
		{"object", "{\n  \"id\": \"a\",\n  \"text\": \"Iran.\"\n}\n", []string{"a"}, nil, ""},
		{"object one line", `{"id":"a","text":"Iran."}`, []string{"a"}, nil, ""},
		{"jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n{broken\n{\"id\":\"c\",\"text\":\"z\"}\n", []string{"a", "c"},
			[]string{"jsonl.json:2: not a JSON document"}, ""},
		{"garbage", "[nope", nil, nil, "garbage.json:1: malformed JSON"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			items, warns, err := collect(t, tc.name+".json", []byte(tc.content))
			if (tc.err == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.err)) {
				t.Fatalf("err = %v, want %q", err, tc.err)
			}
			checkRead(t, items, warns, tc.ids, tc.warns)
		})
	}
}

// TestReadXMLKeepsRecordsBeforeError checks that a PETRARCH XML file
// broken part way keeps the records before the break and warns with the
// file and line of the break; a bad record alone is skipped.
func TestReadXMLKeepsRecordsBeforeError(t *testing.T) {
	rec := func(id string) string {
		return `<Sentence date="20250622" id="` + id + `" source="NYT">` + "\n<Text>\nIran rejected talks " + id + ".\n</Text>\n</Sentence>\n"
	}
	head := "<Sentences>\n" + rec("a") + rec("b") // records on lines 2 and 7; line 12 follows
	tests := []struct {
		name, content string
		ids           []string
		warns         []string
		err           string
	}{
		{"whole", head + "</Sentences>\n", []string{"a", "b"}, nil, ""},
		{"truncated", head + `<Sentence id="c">` + "\n<Text>cut off", []string{"a", "b"}, []string{"truncated.xml:13: malformed XML: unexpected EOF; the 2 records before it are kept"}, ""},
		{"mismatched tag", head + "<Sentence id=\"c\">\n<Text>x</Txet>\n</Sentence>\n" + rec("d"), []string{"a", "b"},
			[]string{"mismatched tag.xml:13: malformed XML: element <Text> closed by </Txet>"}, ""},
		{"bad utf-8", head + "<Sentence id=\"c\">\n<Text>caf\xe9</Text>\n</Sentence>\n", []string{"a", "b"},
			[]string{"bad utf-8.xml:13: malformed XML: invalid UTF-8"}, ""},
		{"no text", "<Sentences>\n<Sentence id=\"x\">\n</Sentence>\n" + rec("b") + "</Sentences>", []string{"b"},
			[]string{"no text.xml:2: <Sentence id=\"x\"> has no <Text>, record skipped"}, ""},
		{"broken first", "<Sentences>\n<Sentence id=\"x\">\n<Text>a</Text>\n", nil, nil, "broken first.xml:4: malformed XML"},
		{"no records", "<Sentences>\n</Sentences>\n", nil, nil, "no <Sentence> records"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			items, warns, err := collect(t, tc.name+".xml", []byte(tc.content))
			if (tc.err == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.err)) {
				t.Fatalf("err = %v, want %q", err, tc.err)
			}
			checkRead(t, items, warns, tc.ids, tc.warns)
		})
	}
}

// TestReadSharedPETRARCH reads the PETRARCH2 unit-test records from the
// shared folder when present.
func TestReadSharedPETRARCH(t *testing.T) {
	dir := sharedDir(t)
	path := filepath.Join(dir, "text", "PETR.UnitTest.records.xml")
	var n int
	err := ReadFile(path, func(it Item) error {
		if it.Doc.ID == "" || it.Doc.Text == "" {
			t.Errorf("%s: empty document %+v", it.Where, it.Doc)
		}
		n++
		return nil
	}, func(err error) { t.Errorf("warning: %v", err) })
	if err != nil || n < 100 {
		t.Fatalf("read %d records, err %v", n, err)
	}
}

// sharedDir finds shared/peers/petrarch2 above the working directory.
func sharedDir(t *testing.T) string {
	t.Helper()
	return peers.Petrarch2(t)
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b/2.txt", "a/1.jsonl", ".git/x", "a/.hidden.txt", "c.xml"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), []byte("x"), 0o644)
	}
	got, err := Files([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, g := range got {
		r, _ := filepath.Rel(dir, g)
		rel = append(rel, filepath.ToSlash(r))
	}
	if strings.Join(rel, " ") != "a/1.jsonl b/2.txt c.xml" {
		t.Errorf("Files = %q", rel)
	}
	if _, err := Files([]string{filepath.Join(dir, "missing")}); err == nil {
		t.Error("missing path accepted")
	}
}

// FuzzReadJSONL checks that no input makes the JSONL reader panic, that
// every document it returns has text and an id, and that warnings name the
// file.
func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x"}` + "\n" + `{bad`))
	f.Add([]byte("\xff\xfe\n{\"text\":\"\x00\"}\r\n"))
	f.Add([]byte(`{"id":1,"text":["x"]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		err := ReadJSONL(bytes.NewReader(data), "f.jsonl", func(it Item) error {
			if it.Doc.ID == "" || strings.TrimSpace(it.Doc.Text) == "" {
				t.Fatalf("bad document %+v", it.Doc)
			}
			return nil
		}, func(err error) {
			if !strings.HasPrefix(err.Error(), "f.jsonl:") {
				t.Fatalf("warning without file:line: %v", err)
			}
		})
		if err != nil {
			t.Fatalf("ReadJSONL: %v", err)
		}
	})
}
