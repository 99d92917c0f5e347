// Package verbs holds detente's own verb and noun patterns: the plain-text
// dictionary that maps English predicates ("strike", "impose sanctions on",
// "invitation to talks", "backing of") to CAMEO event codes, plus the word
// roles the coder needs to read clauses (speech verbs, future and aspect
// markers, light verbs).
//
// The dictionary lives in data/patterns.txt, embedded at build time; its
// header documents the format. Patterns were written for detente from the
// CAMEO 1.1b3 codebook's category descriptions and examples (Schrodt, Gerner
// et al., "CAMEO Conflict and Mediation Event Observations Event and Actor
// Codebook", 2012); the idea of lemma + following words + target slot
// follows PETRARCH's verb-pattern dictionaries (Schrodt, PETRARCH2 docs), but
// no pattern was copied from them.
package verbs

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
)

//go:embed data/patterns.txt
var patternsText string

// DefaultFile is the name used in error messages for the embedded data.
const DefaultFile = "internal/verbs/data/patterns.txt"

// Kind says what part of speech a pattern's head word is.
type Kind uint8

// Pattern kinds.
const (
	Verb Kind = iota + 1 // head is a verb lemma ("strike", "struck" -> strike)
	Noun                 // head is a noun lemma ("bombing", "invitations" -> invitation)
)

// String returns "V" or "N".
func (k Kind) String() string {
	if k == Noun {
		return "N"
	}
	return "V"
}

// Role is a grammatical role a word plays for the coder, independent of any
// CAMEO code.
type Role uint8

// Word roles, declared with "@" lines in the dictionary.
const (
	RoleNone   Role = iota
	RoleSay         // speech verbs: say, tell, announce ... (reported speech, quotes)
	RoleFuture      // intent markers passed through to the next verb: plan (to), intend (to)
	RoleAspect      // aspect verbs passed through: begin, start, continue, try
	RoleLight       // light verbs whose object noun carries the event: carry (out), launch, hold
)

var roleNames = map[string]Role{"say": RoleSay, "future": RoleFuture, "aspect": RoleAspect, "light": RoleLight}

// Elem is one element after the head: a set of alternative literal words,
// or the target slot.
type Elem struct {
	Words  []string // alternatives, lower-case lemmas; nil for the target slot
	Target bool     // "+" : the target actor stands here
}

// Pattern maps a head word and the words after it to a CAMEO code.
type Pattern struct {
	Code  string // CAMEO code; "-" suppresses any event (a blocking pattern)
	Kind  Kind
	Head  string // lemma of the head word ("a|b" in the file gives one pattern per head)
	Elems []Elem
	Recip bool   // !recip: coordinated subjects act on each other (exchange fire)
	Recv  bool   // !recv (nouns): the addressee is the subject of the verb that rejects/accepts it
	Self  bool   // !self: a domestic event; a target without country takes the source's
	Rev   bool   // !rev (verbs): the subject receives the event from the target ("received a call from X")
	File  string // where the pattern was defined
	Line  int
}

// Specificity ranks patterns: more literal words and an explicit target slot
// make a pattern more specific.
func (p *Pattern) Specificity() int {
	n := 0
	for _, e := range p.Elems {
		if e.Target {
			n++
		} else {
			n += 2
		}
	}
	return n
}

// HasTarget reports whether the pattern names the target position with "+".
func (p *Pattern) HasTarget() bool {
	for _, e := range p.Elems {
		if e.Target {
			return true
		}
	}
	return false
}

// String renders the pattern in dictionary syntax.
func (p *Pattern) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s", p.Code, p.Kind, p.Head)
	for _, e := range p.Elems {
		b.WriteByte(' ')
		if e.Target {
			b.WriteByte('+')
			continue
		}
		b.WriteString(strings.Join(e.Words, "|"))
	}
	return b.String()
}

// Dict is a parsed pattern dictionary. It is read-only after Parse and safe
// for concurrent use.
type Dict struct {
	verbs map[string][]Pattern
	nouns map[string][]Pattern
	roles map[string]Role
	n     int
}

// Verb returns the verb patterns whose head is lemma, most specific first.
func (d *Dict) Verb(lemma string) []Pattern { return d.verbs[lemma] }

// Noun returns the noun patterns whose head is lemma, most specific first.
func (d *Dict) Noun(lemma string) []Pattern { return d.nouns[lemma] }

// Role returns the role of a verb lemma (RoleNone if it has none).
func (d *Dict) Role(lemma string) Role { return d.roles[lemma] }

// Len returns the number of patterns.
func (d *Dict) Len() int { return d.n }

// Patterns returns every pattern, verbs then nouns, sorted by head.
func (d *Dict) Patterns() []Pattern {
	var out []Pattern
	for _, m := range []map[string][]Pattern{d.verbs, d.nouns} {
		heads := make([]string, 0, len(m))
		for h := range m {
			heads = append(heads, h)
		}
		sort.Strings(heads)
		for _, h := range heads {
			out = append(out, m[h]...)
		}
	}
	return out
}

var (
	defaultOnce sync.Once
	defaultDict *Dict
	defaultErr  error
)

// Default returns the embedded dictionary, parsed once.
func Default() (*Dict, error) {
	defaultOnce.Do(func() {
		defaultDict, defaultErr = Parse(DefaultFile, strings.NewReader(patternsText))
	})
	return defaultDict, defaultErr
}

// Parse reads a pattern dictionary. Errors name the file and line.
func Parse(name string, r io.Reader) (*Dict, error) {
	d := &Dict{verbs: map[string][]Pattern{}, nouns: map[string][]Pattern{}, roles: map[string]Role{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		if err := d.parseLine(sc.Text(), name, line); err != nil {
			return nil, fmt.Errorf("verbs %s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("verbs %s:%d: %w", name, line+1, err)
	}
	d.sort()
	return d, nil
}

func (d *Dict) sort() {
	for _, m := range []map[string][]Pattern{d.verbs, d.nouns} {
		for h, ps := range m {
			sort.SliceStable(ps, func(i, j int) bool { return ps[i].Specificity() > ps[j].Specificity() })
			m[h] = ps
		}
	}
}
