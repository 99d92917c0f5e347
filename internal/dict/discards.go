package dict

import (
	"fmt"
	"io"
	"strings"
)

// Discard is one discard phrase.
type Discard struct {
	Phrase string // upper case
	Story  bool   // "+" prefix: discard the whole story
	Whole  bool   // "_" suffix: must end at a blank or punctuation
	Line   int
}

// Discards is a loaded discard list.
type Discards struct {
	List  []Discard
	byKey map[string][]int // first (up to) 3 bytes of the phrase -> indices
}

const discardKey = 3

func (d *Discards) index() {
	d.byKey = map[string][]int{}
	for i, di := range d.List {
		k := di.Phrase[:min(discardKey, len(di.Phrase))]
		d.byKey[k] = append(d.byKey[k], i)
	}
}

// LoadDiscards reads a PETRARCH discard file (one phrase a line; "+" marks
// story-level discards, a final "_" requires a word end).
func LoadDiscards(r io.Reader, name string) (*Discards, error) {
	lines, err := readLines("discards", name, r)
	if err != nil {
		return nil, err
	}
	d := &Discards{}
	for _, l := range lines {
		t := strings.ToUpper(stripComment(l.text))
		if t == "" {
			continue
		}
		di := Discard{Line: l.n}
		if strings.HasPrefix(t, "+") {
			di.Story, t = true, strings.TrimSpace(t[1:])
		}
		if strings.HasSuffix(t, "_") {
			di.Whole, t = true, strings.TrimRight(t, "_")
		}
		t = strings.Join(strings.Fields(strings.ReplaceAll(t, "_", " ")), " ")
		if t == "" {
			return nil, lineErr("discards", name, l.n, "empty discard phrase")
		}
		di.Phrase = t
		d.List = append(d.List, di)
	}
	if len(d.List) == 0 {
		return nil, fmt.Errorf("load discards %s: %w", name, ErrEmpty)
	}
	d.index()
	return d, nil
}

// Match returns the first discard found in text: story-level ones first
// (PETRARCH check_discards). Matching is case-insensitive and starts at a
// word start (the phrase is prefixed with a blank, per dictionaries.rst).
func (d *Discards) Match(text string) (Discard, bool) {
	if d == nil {
		return Discard{}, false
	}
	if d.byKey == nil { // built by hand, not by LoadDiscards: index a copy
		c := *d
		c.index()
		d = &c
	}
	s := " " + strings.ToUpper(strings.Join(strings.Fields(text), " ")) + " "
	best := -1
	for i := 0; i+1 < len(s); i++ {
		if s[i] != ' ' {
			continue
		}
		for k := 1; k <= discardKey && i+1+k <= len(s); k++ {
			for _, j := range d.byKey[s[i+1:i+1+k]] {
				di := d.List[j]
				if !discardAt(s, i+1, di) {
					continue
				}
				if di.Story {
					return di, true
				}
				if best < 0 || j < best {
					best = j
				}
			}
		}
	}
	if best >= 0 {
		return d.List[best], true
	}
	return Discard{}, false
}

// discardAt reports whether di occurs in s at byte offset i.
func discardAt(s string, i int, di Discard) bool {
	if !strings.HasPrefix(s[i:], di.Phrase) {
		return false
	}
	end := i + len(di.Phrase)
	return !di.Whole || end >= len(s) || strings.IndexByte(" .,;:!?'\"", s[end]) >= 0
}
