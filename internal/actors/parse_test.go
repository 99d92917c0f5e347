package actors

import (
	"os"
	"strings"
	"testing"
)

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"few fields", "state IRN | Iran", "x.txt:1: want"},
		{"bad kind", "country IRN | Iran | Iran", "x.txt:1: unknown kind"},
		{"bad code", "state irn | Iran | Iran", "x.txt:1: bad code"},
		{"state code length", "state IRNX | Iran | Iran", "x.txt:1: state code"},
		{"no phrases", "state IRN | Iran | ;", "x.txt:1: no phrases"},
		{"empty name", "state IRN |  | Iran", "x.txt:1: empty name"},
		{"unknown key", "state IRN | Iran | Iran | flag: x", "x.txt:1: unknown key"},
		{"adj on igo", "igo IGOX | X | X | adj: Xish", "x.txt:1: key not allowed"},
		{"person without roles", "person - | A B | A B", "x.txt:1: person without roles"},
		{"bad role date", "person - | A B | A B | roles: AAAGOV 2020-13..", "x.txt:1: role"},
		{"reversed role", "person - | A B | A B | roles: AAAGOV 2021..2020", "x.txt:1: role"},
		{"empty range", "person - | A B | A B | roles: AAAGOV ..", "x.txt:1: role"},
		{"title with code", "title GOV | t | mr.", "x.txt:1: title takes code -"},
		{"variant phrase", "variant - | v | Abd al", "x.txt:1: variant \"Abd al\": want single words"},
		{"invalid utf8", "state IRN | Ir\xffan | Iran", "x.txt:1: invalid UTF-8"},
		{"second line", "# ok\nstate IRN | Iran | Iran\nstate", "x.txt:3:"},
		{"long line", strings.Repeat("a", maxLine+10), "x.txt:1: line longer"},
	}
	for _, tt := range tests {
		_, err := Parse("x.txt", strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want containing %q", tt.name, err, tt.want)
		}
	}
}

func TestParseEmptyAndComments(t *testing.T) {
	for _, in := range []string{"", "\n\n", "# only a comment\n   # another\n"} {
		es, err := Parse("x.txt", strings.NewReader(in))
		if err != nil || len(es) != 0 {
			t.Errorf("Parse(%q) = %v, %v; want no entries, no error", in, es, err)
		}
	}
}

func TestBuildConflicts(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"phrase two codes", "state AAA | A | Alpha\nstate BBB | B | alpha", "x.txt:2: phrase \"alpha\""},
		{"state code twice", "state AAA | A | Alpha\nstate AAA | A2 | Beta", "x.txt:2: code AAA already defined at x.txt:1"},
		{"agent vs state phrase", "state AAA | A | Alpha\nagent GOV | gov | alpha", "conflicts with x.txt:1"},
		{"two people one name", "person - | A One | Smith | roles: AAAGOV\nperson - | B Two | Smith | roles: AAAGOV", "conflicts"},
	}
	for _, tt := range tests {
		es, err := Parse("x.txt", strings.NewReader(tt.in))
		if err != nil {
			t.Fatalf("%s: parse: %v", tt.name, err)
		}
		_, err = Build(es)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want containing %q", tt.name, err, tt.want)
		}
	}
	// The same phrase twice for the same actor is harmless.
	es, _ := Parse("x.txt", strings.NewReader("state AAA | A | Alpha; alpha | adj: Alpha"))
	if _, err := Build(es); err != nil {
		t.Errorf("repeated phrase for one actor: %v", err)
	}
}

func TestLoadFSEmptyDir(t *testing.T) {
	if _, err := LoadFS(os.DirFS(t.TempDir()), "."); err == nil || !strings.Contains(err.Error(), "no *.txt") {
		t.Fatalf("err = %v, want no dictionary files", err)
	}
}

func TestLoadFSBadFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(dir+"/a.txt", []byte("state AAA | A | Alpha\nbogus line\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := LoadFS(os.DirFS(dir), ".")
	if err == nil || !strings.Contains(err.Error(), "a.txt:2") {
		t.Fatalf("err = %v, want it to name a.txt:2", err)
	}
}

// FuzzParse checks that no input makes the parser, the builder or the
// matcher panic, and that errors name the file.
func FuzzParse(f *testing.F) {
	f.Add([]byte("state IRN | Iran | Iran; Islamic Republic | adj: Iranian | capital: Tehran\nagent MIL | military | general\n"))
	f.Add([]byte("person - | Abbas Araghchi | Araghchi; =ARA | roles: IRNGOV 2024-08..; IRNELI\ntitle - | t | mr.\n"))
	f.Add([]byte("stop - | s | Persian Gulf\nigo IGOUNO | UN | UN; U.N.\nnsa HMS | Hamas | Hamas | adj: x\n"))
	f.Add([]byte("# comment\n\n|||\nstate | | \n\xff\xfe"))
	f.Fuzz(func(t *testing.T, data []byte) {
		es, err := Parse("fuzz.txt", strings.NewReader(string(data)))
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.txt") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		d, err := Build(es)
		if err != nil {
			return
		}
		words := strings.Fields(strings.ToLower(string(data)))
		for _, m := range d.Match(words, day("2024-01-01")) {
			if m.Start < 0 || m.End > len(words) || m.Start >= m.End {
				t.Fatalf("bad span %+v", m)
			}
		}
		d.MatchCased(words, strings.Fields(string(data)), day("2024-01-01"))
	})
}
