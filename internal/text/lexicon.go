package text

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed data/*.txt
var dataFS embed.FS

// entry is what the lexicon knows about one lower-case word form.
type entry struct {
	tags  [4]uint8 // candidate tags, most likely first; tNone-padded
	set   tagSet   // the same tags as a set
	demon bool     // a nationality adjective or its plural ("Iranian", "Iranians")
}

func (e *entry) add(t uint8) {
	if e.set.has(t) {
		return
	}
	e.set |= 1 << t
	for i := range e.tags {
		if e.tags[i] == tNone {
			e.tags[i] = t
			return
		}
	}
}

// lexicon holds every embedded word list, parsed once.
type lexicon struct {
	words   map[string]entry
	abbrevs map[string]byte      // "u.s." -> 'A', "gen." -> 'T', "jan." -> 'N'
	openers map[string]struct{}  // closed-class words that open sentences
	lemmas  map[string]string    // inflected verb form -> base ("struck" -> "strike")
	plurals map[string]string    // irregular or listed noun plural -> singular
	lem     map[string]lemmaPair // precomputed lemmas of every word form above
}

var (
	lexOnce sync.Once
	theLex  *lexicon
)

// lex returns the parsed embedded lexicon. The embedded files are part of the package, so a
// malformed line is a programming error caught by the tests: it panics with file and line.
func lex() *lexicon {
	lexOnce.Do(func() {
		l, err := loadLexicon()
		if err != nil {
			panic(err)
		}
		theLex = l
	})
	return theLex
}

func loadLexicon() (*lexicon, error) {
	l := &lexicon{
		words:   make(map[string]entry, 8192),
		abbrevs: make(map[string]byte, 256),
		openers: make(map[string]struct{}, 256),
		lemmas:  make(map[string]string, 8192),
		plurals: make(map[string]string, 2048),
	}
	steps := []struct {
		file string
		fn   func(fields []string) error
	}{
		{"lexicon.txt", l.addLexiconLine},
		{"closed.txt", l.addClosedLine},
		{"demonyms.txt", l.addDemonymLine},
		{"nouns.txt", l.addNounLine},
		{"verbs.txt", l.addVerbLine},
		{"adjectives.txt", l.addAdjectiveLine},
		{"adverbs.txt", l.addAdverbLine},
		{"abbrev.txt", l.addAbbrevLine},
	}
	for _, st := range steps {
		if err := eachLine(st.file, st.fn); err != nil {
			return nil, err
		}
	}
	l.buildLemmas()
	return l, nil
}

// eachLine calls fn with the fields of every non-blank, non-comment line of an embedded file.
func eachLine(file string, fn func([]string) error) error {
	data, err := dataFS.ReadFile("data/" + file)
	if err != nil {
		return fmt.Errorf("read %s: %w", file, err)
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		fields := strings.Fields(line)
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		if err := fn(fields); err != nil {
			return fmt.Errorf("data/%s:%d: %w", file, n, err)
		}
	}
	return sc.Err()
}

func (l *lexicon) addTag(word string, t uint8) {
	e := l.words[word]
	e.add(t)
	l.words[word] = e
}

func (l *lexicon) addTags(fields []string) error {
	if len(fields) < 2 {
		return fmt.Errorf("want: word TAG [TAG...], got %q", strings.Join(fields, " "))
	}
	for _, name := range fields[1:] {
		t := tagID(name)
		if t == tNone {
			return fmt.Errorf("unknown tag %q", name)
		}
		l.addTag(fields[0], t)
	}
	return nil
}

func (l *lexicon) addLexiconLine(fields []string) error { return l.addTags(fields) }

func (l *lexicon) addClosedLine(fields []string) error {
	if err := l.addTags(fields); err != nil {
		return err
	}
	switch fields[1] {
	case "DT", "PRP", "PRP$", "CC", "IN", "WDT", "WP", "WRB", "EX", "RB", "MD", "PDT":
		l.openers[fields[0]] = struct{}{}
	}
	return nil
}

func (l *lexicon) addDemonymLine(fields []string) error {
	w := fields[0]
	e := l.words[w]
	e.add(tJJ)
	e.demon = true
	l.words[w] = e
	if len(fields) > 1 && fields[1] == "-" {
		return nil
	}
	pl := w + "s"
	if len(fields) > 1 {
		pl = fields[1]
	}
	p := l.words[pl]
	p.add(tNNPS)
	p.demon = true
	l.words[pl] = p
	l.plurals[pl] = w
	return nil
}

func (l *lexicon) addNounLine(fields []string) error {
	if len(fields) > 2 {
		return fmt.Errorf("want: singular [plural], got %q", strings.Join(fields, " "))
	}
	sg := fields[0]
	l.addTag(sg, tNN)
	if len(fields) == 2 && fields[1] == "-" {
		return nil
	}
	pl := nounPlural(sg)
	if len(fields) == 2 {
		pl = fields[1]
	}
	if pl == sg {
		return nil
	}
	l.addTag(pl, tNNS)
	l.plurals[pl] = sg
	return nil
}

func (l *lexicon) addVerbLine(fields []string) error {
	if len(fields) > 3 {
		return fmt.Errorf("want: base [past [participle]], got %q", strings.Join(fields, " "))
	}
	base := fields[0]
	past, part := regularPast(base), ""
	if len(fields) >= 2 {
		past = fields[1]
	}
	part = past
	if len(fields) == 3 {
		part = fields[2]
	}
	ing := presentParticiple(base, past)
	third := thirdPerson(base)
	l.addTag(base, tVB)
	l.addTag(base, tVBP)
	l.addTag(third, tVBZ)
	l.addTag(ing, tVBG)
	l.addTag(past, tVBD)
	l.addTag(part, tVBN)
	for _, f := range [...]string{third, ing, past, part} {
		if f != base {
			if _, ok := l.lemmas[f]; !ok {
				l.lemmas[f] = base
			}
		}
	}
	return nil
}

func (l *lexicon) addAdjectiveLine(fields []string) error {
	for _, w := range fields {
		l.addTag(w, tJJ)
	}
	return nil
}

func (l *lexicon) addAdverbLine(fields []string) error {
	for _, w := range fields {
		l.addTag(w, tRB)
	}
	return nil
}

func (l *lexicon) addAbbrevLine(fields []string) error {
	if len(fields) != 2 || len(fields[1]) != 1 || !strings.Contains("TNA", fields[1]) {
		return fmt.Errorf("want: abbreviation T|N|A, got %q", strings.Join(fields, " "))
	}
	if !strings.HasSuffix(fields[0], ".") {
		return fmt.Errorf("abbreviation %q must end in a period", fields[0])
	}
	l.abbrevs[fields[0]] = fields[1][0]
	return nil
}

// nounPlural forms the regular plural of a noun.
func nounPlural(sg string) string {
	switch {
	case hasSuffixAny(sg, "s", "x", "z", "ch", "sh"):
		return sg + "es"
	case strings.HasSuffix(sg, "y") && len(sg) > 1 && !isVowel(sg[len(sg)-2]):
		return sg[:len(sg)-1] + "ies"
	}
	return sg + "s"
}

// thirdPerson forms the third person singular present of a verb.
func thirdPerson(base string) string {
	switch {
	case hasSuffixAny(base, "s", "x", "z", "ch", "sh", "o"):
		return base + "es"
	case strings.HasSuffix(base, "y") && len(base) > 1 && !isVowel(base[len(base)-2]):
		return base[:len(base)-1] + "ies"
	}
	return base + "s"
}

// regularPast forms the regular past tense (no consonant doubling; verbs that double list their
// past form in verbs.txt).
func regularPast(base string) string {
	switch {
	case strings.HasSuffix(base, "e"):
		return base + "d"
	case strings.HasSuffix(base, "y") && len(base) > 1 && !isVowel(base[len(base)-2]):
		return base[:len(base)-1] + "ied"
	}
	return base + "ed"
}

// presentParticiple forms the -ing form, doubling the final consonant when the past form does.
func presentParticiple(base, past string) string {
	n := len(base)
	switch {
	case strings.HasSuffix(base, "ie"):
		return base[:n-2] + "ying"
	case hasSuffixAny(base, "ee", "ye", "oe"):
		return base + "ing"
	case strings.HasSuffix(base, "e") && n > 2:
		return base[:n-1] + "ing"
	case len(past) == n+3 && strings.HasSuffix(past, "ed") && past[n] == base[n-1]:
		return past[:n+1] + "ing" // plan planned -> planning
	}
	return base + "ing"
}

func hasSuffixAny(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// Abbreviation classes (see data/abbrev.txt).
const (
	abbrNone  = 0
	abbrTitle = 'T'
	abbrNum   = 'N'
	abbrAmbig = 'A'
)

// abbrevClass classifies a word ending in '.' as an abbreviation class, recognising listed
// abbreviations (case-insensitively), single-letter initials ("J.") and dotted acronyms
// ("U.S.", "N.A.T.O.").
func abbrevClass(w string) byte {
	if len(w) < 2 || w[len(w)-1] != '.' {
		return abbrNone
	}
	if len(w) <= 12 {
		var buf [12]byte
		for k := 0; k < len(w); k++ {
			buf[k] = lowerByte(w[k])
		}
		if c, ok := lex().abbrevs[string(buf[:len(w)])]; ok {
			return c
		}
	}
	if len(w) == 2 && w[0] >= 'A' && w[0] <= 'Z' {
		return abbrAmbig // initial
	}
	if isDottedAcronym(w) {
		return abbrAmbig
	}
	return abbrNone
}

// isDottedAcronym reports whether w has the shape letter '.' letter '.' ... ("U.S.", "a.m.").
func isDottedAcronym(w string) bool {
	if len(w) < 4 || len(w)%2 != 0 {
		return false
	}
	for k := 0; k < len(w); k += 2 {
		if !isASCIILetter(w[k]) || w[k+1] != '.' {
			return false
		}
	}
	return true
}
