package petrarch

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/detente-project/detente/internal/dict"
)

const nullCode = dict.NullCode

// Dictionaries are the dictionaries a Coder uses. Verbs, Actors and Agents
// are required; Discards and Issues are optional.
type Dictionaries struct {
	Verbs    *dict.Verbs
	Actors   *dict.Actors
	Agents   *dict.Agents
	Discards *dict.Discards
	Issues   *dict.Issues
}

// Options are PETRARCH's coding options (PETR_config.ini); Defaults gives
// PETRARCH's defaults.
type Options struct {
	NewActorLength int  // >0: uncoded noun phrases of fewer words become quoted actors
	RequireDyad    bool // drop events whose source or target is "---"
	CommaMin       int  // internal comma clause length bounds (words); max 0 disables
	CommaMax       int
	CommaBMin      int // initial clause
	CommaBMax      int
	CommaEMin      int // terminal clause
	CommaEMax      int
	// CheckDiscards skips sentences containing a discard phrase. PETRARCH
	// does this when coding, not in validation mode.
	CheckDiscards bool
	// ClauseSource limits the default source search to the verb's own
	// clause when that clause has a noun phrase before the verb, as
	// PETRARCH2 takes the clause subject: "Arnor said Gondor attacked
	// Mordor" codes Gondor -> Mordor (reported speech codes the embedded
	// event, APIS.md). PETRARCH-1 (the default, used by the unit tests)
	// searches back to the sentence start or the nearest comma and takes
	// the first coded noun phrase, which gives Arnor.
	ClauseSource bool
}

// Defaults returns PETRARCH's default options.
func Defaults() Options {
	return Options{RequireDyad: true, CommaMin: 2, CommaMax: 8, CommaEMin: 2, CommaEMax: 8}
}

// Apply sets one <Config> option; unknown options are an error.
func (o *Options) Apply(c ConfigOption) error {
	v := strings.ToLower(strings.TrimSpace(c.Value))
	switch opt := strings.ToLower(c.Option); opt {
	case "require_dyad":
		o.RequireDyad = !strings.Contains(v, "false")
	case "stop_on_error":
	case "new_actor_length", "comma_min", "comma_max", "comma_bmin", "comma_bmax", "comma_emin", "comma_emax":
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("config %s: %q is not an integer", opt, c.Value)
		}
		*map[string]*int{
			"new_actor_length": &o.NewActorLength, "comma_min": &o.CommaMin, "comma_max": &o.CommaMax,
			"comma_bmin": &o.CommaBMin, "comma_bmax": &o.CommaBMax, "comma_emin": &o.CommaEMin, "comma_emax": &o.CommaEMax,
		}[opt] = n
	default:
		return fmt.Errorf("config: unknown option %q", c.Option)
	}
	return nil
}

// Coded is one coded event of a sentence.
type Coded struct {
	Source, Target, Code string
	Verb                 string // the verb word as in the text (upper case)
	Pattern              string // matched pattern text, "" for the verb's own code
	PatternLine          int
	SourceText           string
	TargetText           string
	Passive              bool
}

// Coder codes parsed sentences. It holds no per-sentence state and is safe
// for concurrent use.
type Coder struct {
	Dicts Dictionaries
	Opts  Options
}

// NewCoder checks the dictionaries and returns a coder.
func NewCoder(d Dictionaries, o Options) (*Coder, error) {
	if d.Verbs == nil || d.Actors == nil || d.Agents == nil {
		return nil, fmt.Errorf("petrarch: verbs, actors and agents dictionaries are required")
	}
	return &Coder{Dicts: d, Opts: o}, nil
}

// Error kinds reported by the coder, named as in PETRARCH's unit tests.
const (
	ErrBadParse        = "bad_input_parse"
	ErrStoryDiscard    = "storydiscard"
	ErrSentenceDiscard = "sentencediscard"
	ErrDateline        = "dateline"
)

// CodeError is a sentence the coder refused, with its PETRARCH error kind.
type CodeError struct {
	Kind string
	Msg  string
}

// Error implements error.
func (e *CodeError) Error() string { return e.Kind + ": " + e.Msg }

// Code codes one record with the coder's options.
func (c *Coder) Code(rec Record) ([]Coded, error) {
	return c.CodeWith(rec, c.Opts)
}

// CodeWith codes a record with explicit options (unit-test files change
// options between records with <Config>). Discards and datelines are
// checked on the text, then the parse is coded. Refusals are *CodeError.
func (c *Coder) CodeWith(rec Record, o Options) ([]Coded, error) {
	if o.CheckDiscards {
		if d, ok := c.Dicts.Discards.Match(rec.Text); ok {
			kind := ErrSentenceDiscard
			if d.Story {
				kind = ErrStoryDiscard
			}
			return nil, &CodeError{Kind: kind, Msg: d.Phrase}
		}
	}
	if isDateline(rec.Text) {
		return nil, &CodeError{Kind: ErrDateline, Msg: "sentence starts with a dateline"}
	}
	return c.CodeParse(rec.Parse, rec.Date, o)
}

// isDateline spots a wire-story dateline such as "CEBU CITY: --" at the
// start of a sentence (PETRARCH check_irregulars).
func isDateline(text string) bool {
	i := strings.IndexAny(text, ":")
	if j := strings.Index(text, "--"); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i <= 0 || i > 40 {
		return false
	}
	head := strings.TrimSpace(text[:i])
	return head != "" && head == strings.ToUpper(head) && strings.ContainsFunc(head, unicode.IsLetter) && len(strings.Fields(head)) <= 4
}

// MaxParseBytes bounds one sentence's parse: real parses are a few kB, and
// comma-clause deletion is quadratic in the worst case.
const MaxParseBytes = 256 << 10

// CodeParse codes one sentence given its Treebank parse and date (YYYYMMDD).
func (c *Coder) CodeParse(parse, date string, o Options) ([]Coded, error) {
	if len(parse) > MaxParseBytes {
		return nil, &CodeError{Kind: ErrBadParse, Msg: fmt.Sprintf("parse longer than %d bytes", MaxParseBytes)}
	}
	tree, err := ParseTree(parse)
	if err != nil {
		return nil, &CodeError{Kind: ErrBadParse, Msg: err.Error()}
	}
	s := &sentence{c: c, o: o, date: dict.DateInt(date), pl: linearize(tree), start: 2}
	if !s.checkCommas() {
		return nil, nil
	}
	s.assignCodes()
	s.checkVerbs()
	return s.events, nil
}

// sentence is the per-sentence coding state (PETRARCH's globals).
type sentence struct {
	c      *Coder
	o      Options
	date   int
	pl     []string
	start  int
	events []Coded

	upper, lower []string // check sequences; upper in reverse order
	srcLoc       loc
	tgtLoc       loc
	clauseLen    int // ClauseSource: upper items inside the verb's clause (0: none)
	passive      bool
}

// loc points at an NE in the upper or lower sequence; i < 0 means unset.
type loc struct {
	i     int
	upper bool
}

// neCode reads the code from a sequence item "(NE<idx>CODE".
func neCode(item string) string {
	if i := strings.IndexByte(item, '>'); i >= 0 {
		return item[i+1:]
	}
	return nullCode
}

func neIndex(item string) int {
	a := strings.IndexByte(item, '<')
	b := strings.IndexByte(item, '>')
	if a < 0 || b < a {
		return -1
	}
	n, err := strconv.Atoi(item[a+1 : b])
	if err != nil {
		return -1
	}
	return n
}

// assignCodes resolves actor and agent codes of every NE (assign_NEcodes).
func (s *sentence) assignCodes() {
	for i := s.start; i < len(s.pl); i++ {
		if s.pl[i] != tagNE || i+1 >= len(s.pl) {
			continue
		}
		j := i + 2
		for j < len(s.pl) && s.pl[j] != tagNEEnd {
			j++
		}
		if code, ok := s.c.phraseCode(s.pl[i+2:j], s.date); ok {
			s.pl[i+1] = code
		}
		i = j
	}
}

// phraseCode finds the first actor in the phrase and appends every agent
// found (check_NEphrase). Agent codes "~XXX" are appended to the actor code,
// "XXX~" prepended; a code already present ends agent assembly.
func (c *Coder) phraseCode(words []string, date int) (string, bool) {
	actor := ""
	for k := range words {
		if np, ok := c.Dicts.Actors.Phrases.Find(words[k:]); ok {
			actor = c.Dicts.Actors.List[np.Index].CodeAt(date)
			break
		}
	}
	var agents []string
	for k := 0; k < len(words); k++ {
		if np, ok := c.Dicts.Agents.Phrases.Find(words[k:]); ok {
			agents = append(agents, np.Code)
			k += len(np.Words) - 1 // words of a matched agent are not searched again
		}
	}
	if len(agents) == 0 {
		return actor, actor != ""
	}
	if actor == "" {
		actor = nullCode
	}
	for _, ag := range agents {
		agc := strings.Trim(ag, "~")
		if agc == "" || hasCodeBlock(actor, agc) {
			break
		}
		if strings.HasPrefix(ag, "~") {
			actor += agc
		} else {
			actor = agc + actor
		}
	}
	return actor, true
}

// hasCodeBlock reports whether agc occurs in code at a multiple of 3.
func hasCodeBlock(code, agc string) bool {
	for k := 0; k+len(agc) <= len(code); k += 3 {
		if code[k:k+len(agc)] == agc {
			return true
		}
	}
	return false
}

// Explain returns the coded ParseList of a parse (after comma-clause
// deletion and actor coding) for debugging dictionaries: noun phrases
// appear as "(NE CODE words ~NE", verb phrases as "(VPn ... ~VPn".
func (c *Coder) Explain(parse, date string, o Options) (string, error) {
	tree, err := ParseTree(parse)
	if err != nil {
		return "", err
	}
	s := &sentence{c: c, o: o, date: dict.DateInt(date), pl: linearize(tree), start: 2}
	s.checkCommas()
	s.assignCodes()
	return strings.Join(s.pl, " "), nil
}
