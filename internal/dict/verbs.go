package dict

import (
	"fmt"
	"io"
	"strings"
)

// Dialect selects how a verb dictionary is read.
//
// Two dialects of the PETRARCH verb file are in use:
//
//   - DialectTABARI: the PETRARCH-1 format inherited from TABARI/KEDS and used
//     by PETR.Validate.verbs.txt. Patterns are flat word sequences around the
//     verb placeholder "*": "- SAID * TO ATTEND [082]". A blank between words
//     allows other words to intervene, "_" requires adjacency; "$" marks the
//     source, "+" the target, "%" a compound actor and "^" skips a noun phrase.
//     Codes may be WEIS-era codes. Patterns containing "{...}" were TABARI
//     disjunctions and are skipped, as PETRARCH-1 did.
//   - DialectCAMEO2: the PETRARCH2 format of CAMEO.2.0.txt. Patterns carry
//     syntactic annotation: "(FOR {FINANCIAL AID})" is a prepositional phrase
//     whose object is the noun phrase FINANCIAL AID (head last). The file also
//     holds verb-verb transformations ("~ a (a b ATTACK) SAY = a b 015").
//     detente keeps the structure as text and flattens the brackets into the
//     same open word sequence used by the TABARI dialect, so one matcher
//     serves both (an approximation of PETRARCH2's phrase-tree matching).
//
// Both share synsets ("&NAME" followed by "+phrase" lines), verb blocks
// ("--- NAME [code] ---"), irregular forms in "{...}" and multi-word verbs
// marked with "+" ("+BEEF_UP", "WIRE_+TAP").
type Dialect int

const (
	// DialectAuto detects the dialect: a pattern with "(" or a "~"
	// transformation line means CAMEO2, otherwise TABARI.
	DialectAuto Dialect = iota
	// DialectTABARI is the PETRARCH-1 / TABARI dialect.
	DialectTABARI
	// DialectCAMEO2 is the PETRARCH2 CAMEO.2.0 dialect.
	DialectCAMEO2
)

// String names the dialect.
func (d Dialect) String() string {
	switch d {
	case DialectTABARI:
		return "tabari"
	case DialectCAMEO2:
		return "cameo2"
	default:
		return "auto"
	}
}

// Tok is one element of a pattern side in matching order (outward from the
// verb). Conn is the connector between this element and the previous one
// (the verb for the first): '_' requires adjacency, ' ' allows a gap.
type Tok struct {
	Word string // upper-case word, "&SYNSET", or one of $ + % ^
	Conn byte
}

// Pattern is one "-" line of a verb block.
type Pattern struct {
	Upper []Tok  // words before the verb, nearest first
	Lower []Tok  // words after the verb, nearest first
	Code  string // event code, e.g. "064" or "032:033" (symmetric)
	Text  string // the pattern as written (without code and comment)
	Line  int
}

// Block is a verb synonym block: verbs sharing one pattern list.
type Block struct {
	Name     string // description from the "---" header
	Code     string // primary code, "---" if none
	Primary  string // first verb of the block
	Patterns []Pattern
	Line     int
}

// MultiWord is a multi-word verb stored under its verb word.
type MultiWord struct {
	Before []string // words preceding the verb, nearest first
	After  []string // words following the verb
	Code   string
	Block  *Block
}

// VerbForm is what a single verb word maps to.
type VerbForm struct {
	Block  *Block // nil if only multi-word verbs use this word
	Code   string // code for the isolated verb ("---": none)
	Multi  []MultiWord
	single bool
}

// Transform is a PETRARCH2 verb-verb transformation line (stored, not used
// by the PETRARCH-1 style coder).
type Transform struct {
	Pattern, Result string
	Line            int
}

// Verbs is a loaded verb dictionary.
type Verbs struct {
	Dialect    Dialect
	Synsets    map[string][]string // "&NAME" -> phrases (upper case, blank separated)
	SynIndex   map[string]*Synset  // the same, indexed for matching
	Forms      map[string]*VerbForm
	Blocks     []*Block
	Transforms []Transform
	Warnings   []string // skipped lines (e.g. undefined synsets), with file:line
}

// Synset is a synset indexed for matching: one-word members in a set,
// multi-word members split into words.
type Synset struct {
	Single map[string]struct{}
	Multi  [][]string
}

func (v *Verbs) index() {
	v.SynIndex = make(map[string]*Synset, len(v.Synsets))
	for name, members := range v.Synsets {
		sy := &Synset{Single: map[string]struct{}{}}
		for _, m := range members {
			if w := strings.Fields(m); len(w) > 1 {
				sy.Multi = append(sy.Multi, w)
			} else if len(w) == 1 {
				sy.Single[w[0]] = struct{}{}
			}
		}
		v.SynIndex[name] = sy
	}
}

// Lookup returns the entry for an upper-case verb word.
func (v *Verbs) Lookup(word string) (*VerbForm, bool) {
	f, ok := v.Forms[word]
	return f, ok
}

// LoadVerbs reads a verb dictionary; name is used in error messages.
func LoadVerbs(r io.Reader, name string, d Dialect) (*Verbs, error) {
	lines, err := readLines("verbs", name, r)
	if err != nil {
		return nil, err
	}
	if d == DialectAuto {
		d = detectDialect(lines)
	}
	p := &verbParser{name: name, v: &Verbs{
		Dialect: d, Synsets: map[string][]string{}, Forms: map[string]*VerbForm{},
	}}
	for i := 0; i < len(lines); i++ {
		next, err := p.line(lines, i)
		if err != nil {
			return nil, err
		}
		i = next
	}
	if len(p.v.Forms) == 0 && len(p.v.Synsets) == 0 {
		return nil, fmt.Errorf("load verbs %s: %w", name, ErrEmpty)
	}
	p.v.index()
	return p.v, nil
}

func detectDialect(lines []line) Dialect {
	for _, l := range lines {
		t := stripComment(l.text)
		if strings.HasPrefix(t, "~") {
			return DialectCAMEO2
		}
		if strings.HasPrefix(t, "-") && !strings.HasPrefix(t, "---") && strings.ContainsAny(t, "()") {
			return DialectCAMEO2
		}
	}
	return DialectTABARI
}

type verbParser struct {
	name  string
	v     *Verbs
	block *Block
	fresh bool // next verb line is the block's primary
}

func (p *verbParser) errf(n int, format string, args ...any) error {
	return lineErr("verbs", p.name, n, format, args...)
}

// line handles lines[i] and returns the index of the last line consumed.
func (p *verbParser) line(lines []line, i int) (int, error) {
	l := lines[i]
	t := strings.ToUpper(stripComment(l.text))
	switch {
	case t == "":
		return i, nil
	case strings.HasPrefix(t, "---"):
		return i, p.header(l.n, t)
	case strings.HasPrefix(t, "-"):
		return i, p.pattern(l.n, t)
	case strings.HasPrefix(t, "&"):
		return p.synset(lines, i, t)
	case strings.HasPrefix(t, "~"):
		return i, p.transform(l.n, t)
	default:
		return i, p.verb(l.n, t)
	}
}

func (p *verbParser) header(n int, t string) error {
	code, rest, ok := bracket(t)
	if !ok {
		code = "---"
	}
	if code == "" {
		return p.errf(n, "empty code in block header %q", t)
	}
	name := strings.TrimSpace(strings.Trim(strings.TrimSpace(rest), "-"))
	p.block = &Block{Name: name, Code: code, Line: n}
	p.v.Blocks = append(p.v.Blocks, p.block)
	p.fresh = true
	return nil
}

func (p *verbParser) synset(lines []line, i int, t string) (int, error) {
	name := strings.Fields(t)[0]
	noPlural := strings.HasSuffix(name, "_")
	name = strings.TrimSuffix(name, "_")
	if len(name) < 2 {
		return i, p.errf(lines[i].n, "empty synset name")
	}
	var members []string
	j := i + 1
	for ; j < len(lines); j++ {
		m := strings.ToUpper(stripComment(lines[j].text))
		if m == "" {
			continue
		}
		if !strings.HasPrefix(m, "+") {
			break
		}
		add, err := p.member(lines[j].n, m[1:], noPlural)
		if err != nil {
			return j, err
		}
		members = append(members, add...)
	}
	if len(members) == 0 {
		return i, p.errf(lines[i].n, "synset %s has no members", name)
	}
	p.v.Synsets[name] = members
	return j - 1, nil
}

// member expands one synset member; embedded synsets are flattened.
func (p *verbParser) member(n int, m string, noPlural bool) ([]string, error) {
	m = strings.TrimSpace(m)
	if strings.HasPrefix(m, "&") {
		sub, ok := p.v.Synsets[strings.TrimSuffix(m, "_")]
		if !ok {
			return nil, p.errf(n, "synset %s used before it is defined", m)
		}
		return sub, nil
	}
	stop := noPlural || strings.HasSuffix(m, "_")
	words, _ := splitPhrase(m)
	if len(words) == 0 {
		return nil, p.errf(n, "empty synset member")
	}
	ph := strings.Join(words, " ")
	if stop {
		return []string{ph}, nil
	}
	return []string{ph, plural(ph)}, nil
}

func (p *verbParser) transform(n int, t string) error {
	lhs, rhs, ok := strings.Cut(strings.TrimSpace(t[1:]), "=")
	if !ok {
		return p.errf(n, "transformation without '='")
	}
	p.v.Transforms = append(p.v.Transforms, Transform{Pattern: strings.TrimSpace(lhs), Result: strings.TrimSpace(rhs), Line: n})
	return nil
}

func (p *verbParser) pattern(n int, t string) error {
	if p.block == nil {
		return p.errf(n, "pattern outside a verb block")
	}
	code, rest, ok := bracket(t)
	if !ok || code == "" {
		return p.errf(n, "pattern without [code]")
	}
	body := strings.TrimSpace(rest[1:])
	if p.v.Dialect == DialectCAMEO2 {
		body = strings.NewReplacer("(", " ", ")", " ", "{", " ", "}", " ").Replace(body)
	} else if strings.Contains(body, "{") {
		return nil // TABARI disjunction: skipped, as PETRARCH-1 does
	}
	up, low, ok := strings.Cut(body+" ", "*")
	if !ok {
		return p.errf(n, "pattern without verb placeholder '*'")
	}
	pat := Pattern{Code: code, Text: strings.TrimSpace(body), Line: n}
	var err error
	if pat.Upper, err = p.side(n, up, true); err == nil {
		pat.Lower, err = p.side(n, low, false)
	}
	if err != nil { // PETRARCH: "pattern containing an undefined synset will be ignored"
		p.v.Warnings = append(p.v.Warnings, err.Error())
		return nil
	}
	p.block.Patterns = append(p.block.Patterns, pat)
	return nil
}

// side converts the text before (upper) or after (lower) the "*".
func (p *verbParser) side(n int, s string, upper bool) ([]Tok, error) {
	s = strings.ReplaceAll(s, "_ ", " ")
	words, conns := splitPhrase(strings.TrimLeft(s, " "))
	for _, w := range words {
		if strings.HasPrefix(w, "&") {
			if _, ok := p.v.Synsets[w]; !ok {
				return nil, p.errf(n, "undefined synset %s", w)
			}
		}
	}
	if len(words) == 0 {
		return nil, nil
	}
	toks := make([]Tok, len(words))
	if upper {
		// conns[i] follows words[i]: it links words[i] to the element nearer the verb.
		for i := range words {
			toks[len(words)-1-i] = Tok{Word: words[i], Conn: conns[i]}
		}
		return toks, nil
	}
	first := byte(' ')
	if len(s) > 0 && s[0] == '_' {
		first = '_'
	}
	for i := range words {
		c := first
		if i > 0 {
			c = conns[i-1]
		}
		toks[i] = Tok{Word: words[i], Conn: c}
	}
	return toks, nil
}

func (p *verbParser) verb(n int, t string) error {
	if p.block == nil {
		return p.errf(n, "verb %q outside a verb block", t)
	}
	code, rest, ok := bracket(t)
	if !ok {
		code = p.block.Code
	}
	if code == "" {
		return p.errf(n, "empty code")
	}
	base, forms, err := splitForms(rest)
	if err != nil {
		return p.errf(n, "%v", err)
	}
	if base == "" {
		return p.errf(n, "empty verb")
	}
	primary := p.fresh
	p.fresh = false
	if primary {
		p.block.Primary = strings.ReplaceAll(strings.ReplaceAll(base, "+", ""), "_", " ")
	}
	if strings.ContainsAny(base, "_ ") {
		return p.multi(n, base, forms, code)
	}
	if strings.ContainsAny(base, "+") {
		base = strings.Trim(base, "+")
	}
	all := []string{base}
	if forms == nil {
		all = append(all, regularForms(base)...)
	} else {
		all = append(all, forms...)
	}
	for _, f := range all {
		p.store(f, code, primary && f == base)
	}
	return nil
}

// splitForms separates "VERB {F1 F2}" into the verb and its listed forms
// (nil when there is no "{...}", empty when it is "{}").
func splitForms(s string) (string, []string, error) {
	i := strings.IndexByte(s, '{')
	if i < 0 {
		if strings.ContainsAny(s, "}") {
			return "", nil, fmt.Errorf("unbalanced '}' in %q", s)
		}
		return strings.Join(strings.Fields(s), " "), nil, nil
	}
	j := strings.IndexByte(s[i:], '}')
	if j < 0 {
		return "", nil, fmt.Errorf("missing '}' in %q", s)
	}
	forms := strings.Fields(s[i+1 : i+j])
	if forms == nil {
		forms = []string{}
	}
	return strings.Join(strings.Fields(s[:i]), " "), forms, nil
}

// regularForms builds -S, -ED/-D and -ING forms as PETRARCH does.
func regularForms(v string) []string {
	if strings.HasSuffix(v, "E") {
		return []string{v + "S", v + "D", v[:len(v)-1] + "ING"}
	}
	return []string{v + "S", v + "ED", v + "ING"}
}

func (p *verbParser) store(word, code string, primary bool) {
	f, ok := p.v.Forms[word]
	if !ok {
		f = &VerbForm{}
		p.v.Forms[word] = f
	}
	if f.single && !primary {
		return // first definition wins unless a block names it as primary
	}
	f.Block, f.Code, f.single = p.block, code, true
}

// multi stores a multi-word verb such as "+CORDON_OFF" or "WIRE_+TAP".
func (p *verbParser) multi(n int, base string, forms []string, code string) error {
	phrases := forms
	if forms == nil {
		phrases = multiRegular(base)
	}
	phrases = append([]string{base}, phrases...)
	for _, ph := range phrases {
		words := strings.FieldsFunc(ph, func(r rune) bool { return r == '_' || r == ' ' })
		vi := -1
		for k, w := range words {
			if strings.HasPrefix(w, "+") {
				vi = k
			}
		}
		if vi < 0 {
			vi = 0
		}
		if len(words) == 0 {
			return p.errf(n, "empty multi-word verb")
		}
		verb := strings.TrimPrefix(words[vi], "+")
		if verb == "" {
			return p.errf(n, "empty verb in %q", ph)
		}
		mw := MultiWord{After: words[vi+1:], Code: code, Block: p.block}
		for k := vi - 1; k >= 0; k-- {
			mw.Before = append(mw.Before, words[k])
		}
		f, ok := p.v.Forms[verb]
		if !ok {
			f = &VerbForm{Code: "---"}
			p.v.Forms[verb] = f
		}
		f.Multi = append(f.Multi, mw)
	}
	return nil
}

// multiRegular builds the regular forms of the '+'-marked word of a phrase.
func multiRegular(base string) []string {
	words := strings.Split(base, "_")
	vi := 0
	for k, w := range words {
		if strings.HasPrefix(w, "+") {
			vi = k
		}
	}
	root := strings.TrimPrefix(words[vi], "+")
	if root == "" {
		return nil
	}
	var out []string
	for _, f := range regularForms(root) {
		w := append([]string(nil), words...)
		w[vi] = "+" + f
		out = append(out, strings.Join(w, "_"))
	}
	return out
}
