package dict

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
)

// NullCode is PETRARCH's code for "no code".
const NullCode = "---"

// Restriction is one coded period of an actor: Kind 0 is an unrestricted
// (default) code, '<' applies on or before From, '>' on or after From and
// '-' between From and To inclusive. Dates are YYYYMMDD integers.
type Restriction struct {
	Kind     byte
	From, To int
	Code     string
}

// Actor is one actor record: a primary phrase, its synonyms and its codes.
type Actor struct {
	Root  string // primary phrase, blank separated
	Codes []Restriction
	Line  int
}

// CodeAt resolves the actor's code on date (YYYYMMDD; 0 = unknown date,
// which uses the default code). Restrictions are tried in file order, then
// the first unrestricted code; "---" if nothing applies (PETRARCH
// get_actor_code).
func (a *Actor) CodeAt(date int) string {
	if date != 0 {
		for _, r := range a.Codes {
			switch {
			case r.Kind == '<' && date <= r.From,
				r.Kind == '>' && date >= r.From,
				r.Kind == '-' && date >= r.From && date <= r.To:
				return r.Code
			}
		}
	}
	for _, r := range a.Codes {
		if r.Kind == 0 {
			return r.Code
		}
	}
	return NullCode
}

// NounPattern is one phrase keyed by its first word. Conns[i] is the
// connector after Words[i] ('_' adjacent, ' ' gap allowed).
type NounPattern struct {
	Words []string
	Conns []byte
	Index int    // actor index (actors) or -1
	Code  string // agent code such as "~GOV" or "NGO~" (agents)
}

// Phrases indexes noun patterns by first word, longest first.
type Phrases map[string][]NounPattern

func (p Phrases) add(np NounPattern) { p[np.Words[0]] = append(p[np.Words[0]], np) }

func (p Phrases) sortAll() {
	for _, l := range p {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i].Words) > len(l[j].Words) })
	}
}

// Match reports whether pattern np matches the phrase starting at words[0]
// (which equals np.Words[0]). With a blank connector other words may
// intervene, with '_' the next word must follow (PETRARCH actor_phrase_match).
func (np *NounPattern) Match(words []string) bool {
	if len(np.Words) == 1 {
		return true
	}
	conn := np.Conns[0]
	k, f := 1, 1
	for f < len(words) {
		if words[f] == np.Words[k] {
			conn = np.Conns[k]
			k++
			f++
			if k == len(np.Words) {
				return true
			}
			continue
		}
		if conn == '_' {
			return false
		}
		f++
	}
	return false
}

// Find returns the first pattern matching the phrase at words[0].
func (p Phrases) Find(words []string) (*NounPattern, bool) {
	if len(words) == 0 {
		return nil, false
	}
	l := p[words[0]]
	for i := range l {
		if l[i].Match(words) {
			return &l[i], true
		}
	}
	return nil, false
}

// Actors is a loaded actor dictionary (one or more files).
type Actors struct {
	List     []Actor
	Phrases  Phrases
	Warnings []string // skipped date restrictions, with file:line
}

// NewActors returns an empty actor dictionary to load files into.
func NewActors() *Actors { return &Actors{Phrases: Phrases{}} }

// LoadActors reads one actor file; see (*Actors).Load.
func LoadActors(r io.Reader, name string) (*Actors, error) {
	a := NewActors()
	if err := a.Load(r, name); err != nil {
		return nil, err
	}
	return a, nil
}

// Load adds the actors of one PETRARCH actor file:
//
//	PHRASE_ [CODE]          primary phrase with optional default code
//	+SYNONYM_               synonym of the current actor
//	\t[CODE >20170120]      date restriction (also <date, date-date)
//
// ';' and '#' start comments. Dates are YYYYMMDD or YYMMDD (00-30 = 20YY).
func (a *Actors) Load(r io.Reader, name string) error {
	lines, err := readLines("actors", name, r)
	if err != nil {
		return err
	}
	before := len(a.List)
	cur := -1
	for _, l := range lines {
		raw := l.text
		if i := strings.IndexByte(raw, ';'); i >= 0 {
			raw = raw[:i]
		}
		if strings.Contains(raw, "---STOP---") {
			break
		}
		t := strings.ToUpper(stripComment(raw))
		if t == "" {
			continue
		}
		indented := raw[0] == ' ' || raw[0] == '\t'
		switch {
		case indented && strings.HasPrefix(t, "["):
			if cur < 0 {
				return lineErr("actors", name, l.n, "date restriction before any actor")
			}
			rs, err := parseRestriction(t)
			if errors.Is(err, errBadDate) { // PETRARCH skips the line
				a.Warnings = append(a.Warnings, warnf("actors", name, l.n, "%v; line skipped", err))
				continue
			}
			if err != nil {
				return lineErr("actors", name, l.n, "%v", err)
			}
			a.List[cur].Codes = append(a.List[cur].Codes, rs)
		case strings.HasPrefix(t, "+"):
			if cur < 0 {
				return lineErr("actors", name, l.n, "synonym before any actor")
			}
			if err := a.phrase(t[1:], cur); err != nil {
				return lineErr("actors", name, l.n, "%v", err)
			}
		default:
			a.List = append(a.List, Actor{Line: l.n})
			cur = len(a.List) - 1
			rest := t
			for { // primary lines may hold several codes: "X_ [IGOUNO 820101-911231] [ELI]"
				code, r, ok := bracket(rest)
				if !ok {
					break
				}
				rest = r
				rs, err := parseRestriction("[" + code + "]")
				if errors.Is(err, errBadDate) {
					a.Warnings = append(a.Warnings, warnf("actors", name, l.n, "%v; code skipped", err))
					continue
				}
				if err != nil {
					return lineErr("actors", name, l.n, "%v", err)
				}
				a.List[cur].Codes = append(a.List[cur].Codes, rs)
			}
			if err := a.phrase(rest, cur); err != nil {
				return lineErr("actors", name, l.n, "%v", err)
			}
			w, _ := splitPhrase(rest)
			a.List[cur].Root = strings.Join(w, " ")
		}
	}
	if len(a.List) == before {
		return fmt.Errorf("load actors %s: %w", name, ErrEmpty)
	}
	a.Phrases.sortAll()
	return nil
}

func (a *Actors) phrase(s string, idx int) error {
	if strings.ContainsAny(s, "[]") {
		if !strings.ContainsAny(s, "[") || !strings.ContainsAny(s, "]") {
			s = strings.NewReplacer("[", "", "]", "").Replace(s) // stray bracket typo ("FAEROYENE]_")
		} else {
			return fmt.Errorf("unexpected code in phrase %q", strings.TrimSpace(s))
		}
	}
	w, c := splitPhrase(strings.TrimSpace(s))
	if len(w) == 0 {
		return fmt.Errorf("empty actor phrase")
	}
	a.Phrases.add(NounPattern{Words: w, Conns: c, Index: idx})
	return nil
}

// parseRestriction parses "[CODE]", "[CODE <date]", "[CODE >date]" or
// "[CODE date-date]".
func parseRestriction(t string) (Restriction, error) {
	t = strings.TrimSpace(t)
	if !strings.HasPrefix(t, "[") || !strings.HasSuffix(t, "]") {
		return Restriction{}, fmt.Errorf("malformed code %q", t)
	}
	f := strings.Fields(t[1 : len(t)-1])
	if len(f) == 0 {
		return Restriction{}, fmt.Errorf("empty code %q", t)
	}
	r := Restriction{Code: f[0]}
	if len(f) == 1 {
		return r, nil
	}
	rest := strings.Join(f[1:], "")
	var err error
	switch rest[0] {
	case '<', '>':
		r.Kind = rest[0]
		r.From, err = parseDate(rest[1:])
	default:
		lo, hi, ok := strings.Cut(rest, "-")
		if !ok {
			return r, fmt.Errorf("%w: malformed date restriction %q", errBadDate, t)
		}
		r.Kind = '-'
		if r.From, err = parseDate(lo); err == nil {
			r.To, err = parseDate(hi)
		}
	}
	return r, err
}

var errBadDate = errors.New("bad date")

// parseDate reads YYYYMMDD or YYMMDD (YY <= 30 means 20YY, as in TABARI).
func parseDate(s string) (int, error) {
	s = strings.TrimSpace(s)
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%w %q", errBadDate, s)
	}
	var y, m, d int
	switch len(s) {
	case 6:
		y, m, d = n/10000, n/100%100, n%100
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
	case 8:
		y, m, d = n/10000, n/100%100, n%100
	default:
		return 0, fmt.Errorf("%w %q (want YYYYMMDD or YYMMDD)", errBadDate, s)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return 0, fmt.Errorf("%w %q (no such day)", errBadDate, s)
	}
	return y*10000 + m*100 + d, nil
}

// DateInt converts a PETRARCH sentence date (YYYYMMDD or YYMMDD) to the
// integer form used by CodeAt; 0 if it cannot be read.
func DateInt(s string) int {
	n, err := parseDate(s)
	if err != nil {
		return 0
	}
	return n
}

// Agents is a loaded agent dictionary.
type Agents struct {
	Phrases  Phrases
	Count    int
	Warnings []string // skipped lines (phrases without a code), with file:line
}

// LoadAgents reads a PETRARCH agent file:
//
//	!PERSON! = MAN, MEN, WOMAN        substitution set
//	PHRASE {PLURAL1 PLURAL2} [~CODE]  "~CODE" appends, "CODE~" prepends
//
// Regular plurals are generated unless "{...}" gives them ("{}" = none).
func LoadAgents(r io.Reader, name string) (*Agents, error) {
	lines, err := readLines("agents", name, r)
	if err != nil {
		return nil, err
	}
	ag := &Agents{Phrases: Phrases{}}
	subs := map[string][]string{}
	for _, l := range lines {
		t := strings.ToUpper(stripComment(l.text))
		if t == "" {
			continue
		}
		if strings.HasPrefix(t, "!") && strings.Contains(t, "=") {
			k, v, _ := strings.Cut(t, "=")
			var items []string
			for _, it := range strings.Split(v, ",") {
				if it = strings.TrimSpace(it); it != "" {
					items = append(items, it)
				}
			}
			subs[strings.TrimSpace(k)] = items
			continue
		}
		if !strings.Contains(t, "[") { // PETRARCH skips entries without a code
			ag.Warnings = append(ag.Warnings, warnf("agents", name, l.n, "no [code]; line skipped"))
			continue
		}
		if err := ag.entry(t, subs); err != nil {
			return nil, lineErr("agents", name, l.n, "%v", err)
		}
	}
	if ag.Count == 0 {
		return nil, fmt.Errorf("load agents %s: %w", name, ErrEmpty)
	}
	ag.Phrases.sortAll()
	return ag, nil
}

func (ag *Agents) entry(t string, subs map[string][]string) error {
	code, rest, ok := bracket(t)
	if !ok {
		return fmt.Errorf("agent without [code]: %q", t)
	}
	if !strings.HasPrefix(code, "~") && !strings.HasSuffix(code, "~") || len(code) < 2 {
		return fmt.Errorf("agent code %q needs a leading or trailing '~'", code)
	}
	phrase, forms, err := splitForms(rest)
	if err != nil {
		return err
	}
	if phrase == "" {
		return fmt.Errorf("empty agent phrase")
	}
	if i := strings.IndexByte(phrase, '!'); i >= 0 {
		j := strings.IndexByte(phrase[i+1:], '!')
		if j < 0 {
			return fmt.Errorf("unterminated substitution marker in %q", phrase)
		}
		items, ok := subs[phrase[i:i+j+2]]
		if !ok {
			return fmt.Errorf("undefined substitution marker %s", phrase[i:i+j+2])
		}
		for _, it := range items {
			ag.add(phrase[:i]+it+phrase[i+j+2:], code)
		}
		return nil
	}
	ag.add(phrase, code)
	if forms == nil {
		forms = []string{plural(strings.TrimRight(phrase, "_ "))}
	}
	for _, f := range forms {
		ag.add(f, code)
	}
	return nil
}

func (ag *Agents) add(phrase, code string) {
	w, c := splitPhrase(phrase)
	if len(w) == 0 {
		return
	}
	ag.Count++
	ag.Phrases.add(NounPattern{Words: w, Conns: c, Index: -1, Code: code})
}
