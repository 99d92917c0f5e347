// Package actors is detente's own actor dictionary and matcher: UN member
// and observer states (names, demonyms, capitals used as metonyms, aliases),
// named state institutions, international organisations, armed non-state
// groups, sector agents that combine with a country ("Iranian general" ->
// IRNMIL), and heads of state/government, foreign ministers and other leaders
// with date-bounded roles.
//
// The dictionaries are plain-text files in data/, embedded at build time;
// the format is documented at the top of each file and in Parse. Matching is
// token based (a trie keyed by lower-cased tokens), longest match first,
// without overlaps.
package actors

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"time"
)

//go:embed data/*.txt
var dataFS embed.FS

// Actor is one dictionary entry. Kind is "state", "igo", "nsa", "person" or
// "agent" (a sector agent, alone or combined with a country, and named state
// institutions such as the White House -> USAGOV).
type Actor struct{ Code, Country, Name, Kind string }

// Match is an actor found in a token sequence: token indices [Start,End).
type Match struct {
	Start, End int
	Code       string // IRN, IRNMIL, USAGOV, IGOUNO, HMS, OPP
	Country    string // 3-letter state part, "" for IGOs, non-state groups and bare agents
	Name       string // display name of the resolved actor ("Iran", "Abbas Araghchi")
	Kind       string // state, igo, nsa, person or agent
}

// Actor kinds reported in Actor.Kind and Match.Kind.
const (
	KindState  = "state"
	KindIGO    = "igo"
	KindNSA    = "nsa"
	KindPerson = "person"
	KindAgent  = "agent"
)

// Dict matches actor names; longest match wins, matches do not overlap.
// A Dict is read-only after construction and safe for concurrent use.
type Dict struct {
	first   [firstBits / 64]uint64 // bitset of hashes of phrase-initial tokens
	root    map[string]*node
	targets []target
	entries []Entry
	byCode  map[string]int // code -> first entry with that code
	states  map[string]int // state code -> entry
	agents  map[string]int // agent code -> entry
	people  int

	// Precomputed "State agent" display names, so that matching does not
	// allocate: combo[stateNo[e]*len(agentList)+agentNo[a]].
	stateNo, agentNo map[int]int
	nAgents          int
	combo, comboCd   []string
}

type node struct {
	next map[string]*node
	t    int32 // index into Dict.targets, -1 if no phrase ends here
}

// target is what a phrase resolves to.
type target struct {
	entry int32
	kind  string
	cased []string // original-case tokens of a case-sensitive phrase ("=US"), else nil
}

var (
	defaultOnce sync.Once
	defaultDict *Dict
	defaultErr  error
)

// Default returns detente's embedded dictionaries, loaded once.
func Default() (*Dict, error) {
	defaultOnce.Do(func() { defaultDict, defaultErr = LoadFS(dataFS, "data") })
	return defaultDict, defaultErr
}

// LoadFS parses every *.txt file of dir in fsys (in name order) and builds
// a Dict.
func LoadFS(fsys fs.FS, dir string) (*Dict, error) {
	names, err := fs.Glob(fsys, dir+"/*.txt")
	if err != nil {
		return nil, fmt.Errorf("load actors %s: %w", dir, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("load actors %s: no *.txt dictionary files", dir)
	}
	sort.Strings(names)
	var all []Entry
	for _, n := range names {
		f, err := fsys.Open(n)
		if err != nil {
			return nil, fmt.Errorf("load actors %s: %w", n, err)
		}
		es, err := Parse(n, f)
		f.Close()
		if err != nil {
			return nil, err
		}
		all = append(all, es...)
	}
	return Build(all)
}

// Build indexes entries. It fails when two entries claim the same phrase
// with different meanings, or two state lines share a code; the error names
// both files and lines.
func Build(entries []Entry) (*Dict, error) {
	d := &Dict{
		root:    map[string]*node{},
		entries: entries,
		byCode:  map[string]int{},
		states:  map[string]int{},
		agents:  map[string]int{},
	}
	for i := range entries {
		if err := d.add(i); err != nil {
			return nil, err
		}
	}
	d.addVariants()
	d.buildCombos()
	return d, nil
}

// maxVariants bounds the spellings generated for one phrase.
const maxVariants = 32

// addVariants adds, for every multi-word person phrase, the spellings
// obtained by swapping words listed together on a "variant" line
// ("Mohammed bin Salman" -> "Muhammad bin Salman"). A generated spelling
// never overrides an explicit phrase and is dropped if it is taken.
func (d *Dict) addVariants() {
	alt := map[string][]string{}
	for i := range d.entries {
		e := &d.entries[i]
		if e.Kind != kindVar {
			continue
		}
		for _, w := range e.Phrases {
			alt[strings.ToLower(w)] = lowerAll(e.Phrases)
		}
	}
	if len(alt) == 0 {
		return
	}
	for i := range d.entries {
		e := &d.entries[i]
		if e.Kind != kindPerson {
			continue
		}
		for _, p := range e.Phrases {
			if strings.HasPrefix(p, "=") {
				continue
			}
			toks := phraseTokens(strings.ToLower(p))
			if len(toks) < 2 {
				continue
			}
			for _, v := range spellings(toks, alt) {
				if n := d.walkCreate(v); n.t < 0 {
					d.markFirst(v[0])
					n.t = int32(len(d.targets))
					d.targets = append(d.targets, target{entry: int32(i), kind: e.Kind})
				}
			}
		}
	}
}

// spellings returns the variants of toks (itself excluded), at most
// maxVariants.
func spellings(toks []string, alt map[string][]string) [][]string {
	out := [][]string{nil}
	for _, w := range toks {
		opts := alt[w]
		if opts == nil {
			opts = []string{w}
		}
		var next [][]string
		for _, pre := range out {
			for _, o := range opts {
				if len(next) == maxVariants {
					break
				}
				next = append(next, append(append([]string(nil), pre...), o))
			}
		}
		out = next
	}
	var res [][]string
	for _, v := range out {
		if strings.Join(v, " ") != strings.Join(toks, " ") {
			res = append(res, v)
		}
	}
	return res
}

func lowerAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToLower(w)
	}
	return out
}

// markFirst records a phrase-initial token in the first-token filter.
func (d *Dict) markFirst(w string) {
	h := tokenHash(strings.ToLower(w))
	d.first[h/64] |= 1 << (h % 64)
}

// buildCombos precomputes the names of state+agent combinations.
func (d *Dict) buildCombos() {
	d.stateNo, d.agentNo = map[int]int{}, map[int]int{}
	var ss, as []int
	for i := range d.entries {
		switch d.entries[i].Kind {
		case kindState:
			d.stateNo[i] = len(ss)
			ss = append(ss, i)
		case kindAgent:
			d.agentNo[i] = len(as)
			as = append(as, i)
		}
	}
	d.nAgents = len(as)
	d.combo = make([]string, len(ss)*len(as))
	d.comboCd = make([]string, len(ss)*len(as))
	for si, s := range ss {
		for ai, a := range as {
			d.combo[si*len(as)+ai] = d.entries[s].Name + " " + d.entries[a].Name
			d.comboCd[si*len(as)+ai] = d.entries[s].Code + d.entries[a].Code
		}
	}
}

// comboCode is the code of state entry s combined with agent a ("IRNMIL").
func (d *Dict) comboCode(s, a int) string {
	return d.comboCd[d.stateNo[s]*d.nAgents+d.agentNo[a]]
}

// comboName is the display name of state entry s combined with agent a.
func (d *Dict) comboName(s, a int) string {
	return d.combo[d.stateNo[s]*d.nAgents+d.agentNo[a]]
}

func (d *Dict) add(i int) error {
	e := &d.entries[i]
	if err := d.indexCode(i); err != nil {
		return err
	}
	if e.Kind == kindPerson {
		d.people++
	}
	if e.Kind == kindVar {
		return nil // spellings, applied by addVariants
	}
	for _, list := range [][]string{e.Phrases, e.Adj, e.Capital} {
		for _, p := range list {
			if err := d.insert(p, i); err != nil {
				return err
			}
		}
	}
	return nil
}

func (d *Dict) indexCode(i int) error {
	e := &d.entries[i]
	if e.Code == "" {
		return nil
	}
	if j, ok := d.byCode[e.Code]; ok {
		o := &d.entries[j]
		if o.Kind != e.Kind || e.Kind == kindState || e.Kind == kindAgent {
			return fmt.Errorf("load actors %s:%d: code %s already defined at %s:%d", e.File, e.Line, e.Code, o.File, o.Line)
		}
		return nil
	}
	d.byCode[e.Code] = i
	switch e.Kind {
	case kindState:
		d.states[e.Code] = i
	case kindAgent:
		d.agents[e.Code] = i
	}
	return nil
}

// insert adds one phrase for entry i to the trie.
func (d *Dict) insert(phrase string, i int) error {
	e := &d.entries[i]
	cased := strings.HasPrefix(phrase, "=")
	orig := phraseTokens(strings.TrimPrefix(phrase, "="))
	if len(orig) == 0 {
		return fmt.Errorf("load actors %s:%d: empty phrase %q", e.File, e.Line, phrase)
	}
	d.markFirst(orig[0])
	n := d.walkCreate(orig)
	if n.t >= 0 {
		return d.conflict(n.t, i, phrase)
	}
	t := target{entry: int32(i), kind: e.Kind}
	if cased {
		t.cased = orig
	}
	n.t = int32(len(d.targets))
	d.targets = append(d.targets, t)
	return nil
}

func (d *Dict) walkCreate(toks []string) *node {
	m := d.root
	var n *node
	for _, w := range toks {
		lw := strings.ToLower(w)
		n = m[lw]
		if n == nil {
			n = &node{t: -1}
			m[lw] = n
		}
		if n.next == nil {
			n.next = map[string]*node{}
		}
		m = n.next
	}
	return n
}

// conflict decides whether a repeated phrase is harmless (same meaning).
func (d *Dict) conflict(t int32, i int, phrase string) error {
	o := &d.entries[d.targets[t].entry]
	e := &d.entries[i]
	if o.Kind == e.Kind && o.Code == e.Code && (e.Kind != kindPerson || o.Name == e.Name) {
		return nil
	}
	return fmt.Errorf("load actors %s:%d: phrase %q (%s %s %s) conflicts with %s:%d (%s %s %s)",
		e.File, e.Line, phrase, e.Kind, e.Code, e.Name, o.File, o.Line, o.Kind, o.Code, o.Name)
}

// phraseTokens splits a dictionary phrase like the text tokenizer splits
// a sentence, for the cases that occur in names: blanks separate tokens and a
// possessive "'s" is its own token.
func phraseTokens(p string) []string {
	var out []string
	for _, w := range strings.Fields(p) {
		w = strings.ReplaceAll(w, "’", "'")
		switch {
		case len(w) > 2 && strings.HasSuffix(w, "'s"):
			out = append(out, w[:len(w)-2], "'s")
		case len(w) > 1 && strings.HasSuffix(w, "'"):
			out = append(out, w[:len(w)-1], "'") // plural possessive "Workers'"
		default:
			out = append(out, w)
		}
	}
	return out
}

// Lookup returns the actor for a code: a state ("IRN"), a named sector
// ("USAGOV"), an IGO ("IGOUNO"), a non-state group ("HMS"), a bare agent
// ("OPP") or a state+agent combination ("IRNMIL").
func (d *Dict) Lookup(code string) (Actor, bool) {
	if i, ok := d.byCode[code]; ok {
		return d.actorOf(&d.entries[i]), true
	}
	if len(code) != 6 {
		return Actor{}, false
	}
	s, ok1 := d.states[code[:3]]
	a, ok2 := d.agents[code[3:]]
	if !ok1 || !ok2 {
		return Actor{}, false
	}
	return Actor{Code: code, Country: code[:3], Name: d.entries[s].Name + " " + d.entries[a].Name, Kind: KindAgent}, true
}

func (d *Dict) actorOf(e *Entry) Actor {
	a := Actor{Code: e.Code, Name: e.Name, Kind: publicKind(e.Kind)}
	switch e.Kind {
	case kindState:
		a.Country = e.Code
	case kindSector:
		a.Country = e.Code[:3]
	}
	return a
}

func publicKind(k string) string {
	switch k {
	case kindSector:
		return KindAgent
	case kindTitle:
		return ""
	}
	return k
}

// Actors returns every coded entry (states, sectors, IGOs, non-state
// groups, agents; not people or titles) as Actors, in file order.
func (d *Dict) Actors() []Actor {
	var out []Actor
	for i := range d.entries {
		e := &d.entries[i]
		if e.Code != "" {
			out = append(out, d.actorOf(e))
		}
	}
	return out
}

// Entries returns a copy of the parsed entries (for tests and tools).
func (d *Dict) Entries() []Entry {
	out := make([]Entry, len(d.entries))
	copy(out, d.entries)
	return out
}

// Stats counts entries by kind ("state", "person", ...) and phrases ("phrases").
func (d *Dict) Stats() map[string]int {
	s := map[string]int{"phrases": len(d.targets)}
	for i := range d.entries {
		s[d.entries[i].Kind]++
	}
	return s
}

// RoleAt returns the code a person entry holds at t: the first dated role
// covering t, else the fallback role (no dates), else the dated role nearest
// to t.
func RoleAt(roles []Role, t time.Time) string {
	fallback := ""
	for _, r := range roles {
		if r.Covers(t) {
			return r.Code
		}
		if r.From.IsZero() && r.To.IsZero() && fallback == "" {
			fallback = r.Code
		}
	}
	if fallback != "" {
		return fallback
	}
	best, dist := "", time.Duration(1<<63-1)
	for _, r := range roles {
		if dd := distance(r, t); dd < dist {
			best, dist = r.Code, dd
		}
	}
	return best
}

// distance is how far t lies outside r's range.
func distance(r Role, t time.Time) time.Duration {
	if !r.From.IsZero() && t.Before(r.From) {
		return r.From.Sub(t)
	}
	if !r.To.IsZero() && !t.Before(r.To) {
		return t.Sub(r.To)
	}
	return 0
}

// firstBits is the size of the first-token filter: most tokens of a sentence
// start no phrase, and one probe of this 8 KB bitset is cheaper than a lookup
// in the root map of a few thousand entries.
const firstBits = 1 << 16

// tokenHash mixes the length and up to four bytes of a token (first,
// second, middle, last): constant time, good enough for a filter.
func tokenHash(s string) uint32 {
	n := len(s)
	if n == 0 {
		return 0
	}
	h := uint32(n) * 0x9E3779B1
	h ^= uint32(s[0]) | uint32(s[n-1])<<8 | uint32(s[n/2])<<16 | uint32(s[(n-1)/3])<<24
	h *= 0x85EBCA6B
	return (h ^ h>>15 ^ h>>26) & (firstBits - 1)
}

// mayStart reports whether some phrase may start with token w.
func (d *Dict) mayStart(w string) bool {
	h := tokenHash(w)
	return d.first[h/64]&(1<<(h%64)) != 0
}
