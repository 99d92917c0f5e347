package actors

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// maxLine bounds one dictionary line; longer lines are an error.
const maxLine = 64 * 1024

// Entry kinds as written in the dictionary files.
const (
	kindState  = "state"   // a UN member or observer state: 3-letter code
	kindSector = "sector"  // a named state institution (White House -> USAGOV)
	kindIGO    = "igo"     // international organisation
	kindNSA    = "nsa"     // armed non-state group
	kindAgent  = "agent"   // sector agent combining with a country (MIL, COP, OPP...)
	kindTitle  = "title"   // honorific preceding a person (Mr., Ayatollah); no code
	kindPerson = "person"  // a person with date-bounded roles
	kindStop   = "stop"    // a non-actor phrase that blocks shorter matches inside it
	kindVar    = "variant" // interchangeable spellings of one name word (Mohammed, Mohammad...)
)

// Entry is one parsed dictionary line.
type Entry struct {
	Kind    string   // state, sector, igo, nsa, agent, title, person
	Code    string   // "IRN", "USAGOV", "IGOUNO", "HMS", "MIL"; "" for titles and people
	Name    string   // display name
	Phrases []string // surface forms, as written (names, aliases, plurals)
	Adj     []string // adjectives/demonyms (state, nsa)
	Capital []string // capitals used as metonyms (state)
	Roles   []Role   // person roles
	File    string
	Line    int
}

// Role is a person's code over a date range [From, To). A zero From or To
// is open; a role with both zero is the fallback used when no dated role
// covers the date.
type Role struct {
	Code     string
	From, To time.Time
}

// Covers reports whether the role's dated range contains t.
func (r Role) Covers(t time.Time) bool {
	if r.From.IsZero() && r.To.IsZero() {
		return false
	}
	return (r.From.IsZero() || !t.Before(r.From)) && (r.To.IsZero() || t.Before(r.To))
}

// Parse reads one dictionary file. Format (documented at the top of every
// file in data/):
//
//	KIND CODE | Name | phrase; phrase; ... [| key: value; value ...]...
//
// KIND is state, sector, igo, nsa, agent, title, person, stop or variant; CODE is "-" for
// titles, people, stops and variants. Keys: "adj" (state, nsa), "capital" (state), "roles"
// (person: "CODE FROM..TO" with dates YYYY, YYYY-MM or YYYY-MM-DD, either
// bound optional; a bare "CODE" is the fallback role). Text after "#" is a
// comment. Errors name the file and line.
func Parse(name string, r io.Reader) ([]Entry, error) {
	var out []Entry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	n := 0
	for sc.Scan() {
		n++
		e, ok, err := parseLine(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("load actors %s:%d: %w", name, n, err)
		}
		if ok {
			e.File, e.Line = name, n
			out = append(out, e)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("load actors %s:%d: line longer than %d bytes", name, n+1, maxLine)
		}
		return nil, fmt.Errorf("load actors %s:%d: %w", name, n, err)
	}
	return out, nil
}

func parseLine(line string) (e Entry, ok bool, err error) {
	if !utf8.ValidString(line) {
		return e, false, errors.New("invalid UTF-8")
	}
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	line = strings.TrimSpace(line)
	if line == "" {
		return e, false, nil
	}
	f := strings.Split(line, "|")
	if len(f) < 3 {
		return e, false, fmt.Errorf("want \"KIND CODE | Name | phrases\", got %d field(s)", len(f))
	}
	if e.Kind, e.Code, err = parseHead(f[0]); err != nil {
		return e, false, err
	}
	if e.Name = strings.TrimSpace(f[1]); e.Name == "" {
		return e, false, errors.New("empty name")
	}
	e.Phrases = splitList(f[2])
	for _, kv := range f[3:] {
		if err := e.setKey(kv); err != nil {
			return e, false, err
		}
	}
	return e, true, e.check()
}

func parseHead(s string) (kind, code string, err error) {
	w := strings.Fields(s)
	if len(w) != 2 {
		return "", "", fmt.Errorf("bad head %q: want \"KIND CODE\"", strings.TrimSpace(s))
	}
	kind, code = w[0], w[1]
	switch kind {
	case kindState, kindSector, kindIGO, kindNSA, kindAgent, kindTitle, kindPerson, kindStop, kindVar:
	default:
		return "", "", fmt.Errorf("unknown kind %q", kind)
	}
	if code == "-" {
		return kind, "", nil
	}
	if !validCode(code) {
		return "", "", fmt.Errorf("bad code %q: want 2 to 15 upper-case letters or digits", code)
	}
	return kind, code, nil
}

// validCode accepts CAMEO-style codes: 2 to 15 characters A-Z/0-9 (mostly
// 3-letter groups, but the agreed IGO codes include IGOEU and IGOAU).
func validCode(c string) bool {
	if len(c) < 2 || len(c) > 15 {
		return false
	}
	for i := 0; i < len(c); i++ {
		if (c[i] < 'A' || c[i] > 'Z') && (c[i] < '0' || c[i] > '9') {
			return false
		}
	}
	return true
}

func (e *Entry) setKey(kv string) error {
	k, v, found := strings.Cut(kv, ":")
	if !found {
		return fmt.Errorf("bad field %q: want key: values", strings.TrimSpace(kv))
	}
	switch strings.TrimSpace(k) {
	case "adj":
		e.Adj = append(e.Adj, splitList(v)...)
	case "capital":
		e.Capital = append(e.Capital, splitList(v)...)
	case "roles":
		for _, s := range splitList(v) {
			r, err := parseRole(s)
			if err != nil {
				return err
			}
			e.Roles = append(e.Roles, r)
		}
	default:
		return fmt.Errorf("unknown key %q", strings.TrimSpace(k))
	}
	return nil
}

// check enforces per-kind rules.
func (e *Entry) check() error {
	if len(e.Phrases) == 0 {
		return errors.New("no phrases")
	}
	switch e.Kind {
	case kindState:
		if len(e.Code) != 3 {
			return fmt.Errorf("state code %q: want 3 letters", e.Code)
		}
	case kindSector:
		if len(e.Code) != 6 {
			return fmt.Errorf("sector code %q: want country + sector, 6 letters", e.Code)
		}
	case kindAgent:
		if len(e.Code) != 3 {
			return fmt.Errorf("agent code %q: want 3 letters", e.Code)
		}
	case kindIGO, kindNSA:
		if e.Code == "" {
			return fmt.Errorf("%s needs a code", e.Kind)
		}
	case kindTitle, kindStop:
		if e.Code != "" {
			return fmt.Errorf("%s takes code -", e.Kind)
		}
	case kindVar:
		if e.Code != "" {
			return fmt.Errorf("%s takes code -", e.Kind)
		}
		for _, p := range e.Phrases {
			if strings.ContainsAny(p, " \t") {
				return fmt.Errorf("variant %q: want single words", p)
			}
		}
	case kindPerson:
		if e.Code != "" {
			return errors.New("person takes code - (codes come from roles)")
		}
		if len(e.Roles) == 0 {
			return errors.New("person without roles")
		}
	}
	if (len(e.Adj) > 0 && e.Kind != kindState && e.Kind != kindNSA) ||
		(len(e.Capital) > 0 && e.Kind != kindState) ||
		(len(e.Roles) > 0 && e.Kind != kindPerson) {
		return fmt.Errorf("key not allowed for kind %s", e.Kind)
	}
	return nil
}

// parseRole parses "CODE", "CODE FROM..", "CODE ..TO" or "CODE FROM..TO".
func parseRole(s string) (Role, error) {
	w := strings.Fields(s)
	if len(w) == 0 || len(w) > 2 || !validCode(w[0]) {
		return Role{}, fmt.Errorf("bad role %q: want CODE [FROM..TO]", s)
	}
	r := Role{Code: w[0]}
	if len(w) == 1 {
		return r, nil
	}
	from, to, ok := strings.Cut(w[1], "..")
	if !ok {
		return Role{}, fmt.Errorf("bad role range %q: want FROM..TO", w[1])
	}
	var err error
	if r.From, err = parseDate(from); err != nil {
		return Role{}, fmt.Errorf("role %q: %w", s, err)
	}
	if r.To, err = parseDate(to); err != nil {
		return Role{}, fmt.Errorf("role %q: %w", s, err)
	}
	if r.From.IsZero() && r.To.IsZero() {
		return Role{}, fmt.Errorf("role %q: empty range", s)
	}
	if !r.To.IsZero() && !r.To.After(r.From) {
		return Role{}, fmt.Errorf("role %q: range ends before it starts", s)
	}
	return r, nil
}

// parseDate accepts "", YYYY, YYYY-MM and YYYY-MM-DD.
func parseDate(s string) (time.Time, error) {
	var layout string
	switch len(s) {
	case 0:
		return time.Time{}, nil
	case 4:
		layout = "2006"
	case 7:
		layout = "2006-01"
	case 10:
		layout = "2006-01-02"
	default:
		return time.Time{}, fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	return t, nil
}

// splitList splits "a; b; c", dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}
