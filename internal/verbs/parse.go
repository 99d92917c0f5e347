package verbs

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// maxElems bounds the words after a head; longer patterns are typos.
const maxElems = 8

func (d *Dict) parseLine(raw, file string, line int) error {
	if !utf8.ValidString(raw) {
		return errors.New("invalid UTF-8")
	}
	s := raw
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	f := strings.Fields(s)
	if len(f) == 0 {
		return nil
	}
	if strings.HasPrefix(f[0], "@") {
		return d.parseRole(f)
	}
	p, err := parsePattern(f)
	if err != nil {
		return err
	}
	p.File, p.Line = file, line
	for _, h := range strings.Split(p.Head, "|") {
		q := p
		q.Head = h
		if p.Kind == Noun {
			d.nouns[h] = append(d.nouns[h], q)
		} else {
			d.verbs[h] = append(d.verbs[h], q)
		}
		d.n++
	}
	return nil
}

func (d *Dict) parseRole(f []string) error {
	r, ok := roleNames[f[0][1:]]
	if !ok {
		return fmt.Errorf("unknown role %q (want @say, @future, @aspect or @light)", f[0])
	}
	if len(f) < 2 {
		return fmt.Errorf("role %s lists no words", f[0])
	}
	for _, w := range f[1:] {
		if err := checkWord(w); err != nil {
			return err
		}
		if old, dup := d.roles[w]; dup && old != r {
			return fmt.Errorf("word %q already has another role", w)
		}
		d.roles[w] = r
	}
	return nil
}

func parsePattern(f []string) (Pattern, error) {
	if len(f) < 3 {
		return Pattern{}, fmt.Errorf("want CODE KIND HEAD [WORDS...], got %q", strings.Join(f, " "))
	}
	p := Pattern{Code: f[0]}
	if err := checkCode(p.Code); err != nil {
		return p, err
	}
	switch f[1] {
	case "V":
		p.Kind = Verb
	case "N":
		p.Kind = Noun
	default:
		return p, fmt.Errorf("kind %q: want V or N", f[1])
	}
	for _, h := range strings.Split(f[2], "|") {
		if err := checkWord(h); err != nil {
			return p, fmt.Errorf("head: %w", err)
		}
	}
	p.Head = f[2]
	for _, w := range f[3:] {
		if err := p.addElem(w); err != nil {
			return p, err
		}
	}
	if len(p.Elems) > maxElems {
		return p, fmt.Errorf("pattern has %d words after the head (max %d)", len(p.Elems), maxElems)
	}
	return p, nil
}

func (p *Pattern) addElem(w string) error {
	switch {
	case w == "+":
		if p.HasTarget() {
			return errors.New("more than one target slot '+'")
		}
		p.Elems = append(p.Elems, Elem{Target: true})
	case strings.HasPrefix(w, "!"):
		return p.setFlag(w)
	default:
		alts := strings.Split(w, "|")
		for _, a := range alts {
			if err := checkWord(a); err != nil {
				return err
			}
		}
		p.Elems = append(p.Elems, Elem{Words: alts})
	}
	return nil
}

func (p *Pattern) setFlag(w string) error {
	switch w {
	case "!recip":
		p.Recip = true
	case "!recv":
		p.Recv = true
	case "!self":
		p.Self = true
	case "!rev":
		p.Rev = true
	default:
		return fmt.Errorf("unknown flag %q (want !recip, !recv, !rev or !self)", w)
	}
	return nil
}

// checkCode accepts "-" or a 2-4 digit CAMEO code.
func checkCode(c string) error {
	if c == "-" {
		return nil
	}
	if len(c) < 2 || len(c) > 4 {
		return fmt.Errorf("code %q: want 2-4 digits or -", c)
	}
	for i := 0; i < len(c); i++ {
		if c[i] < '0' || c[i] > '9' {
			return fmt.Errorf("code %q: want 2-4 digits or -", c)
		}
	}
	return nil
}

// checkWord accepts lower-case words with letters, digits, hyphens, periods
// and apostrophes.
func checkWord(w string) error {
	if w == "" {
		return errors.New("empty word")
	}
	for _, r := range w {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '.', r == '\'':
		case r > 127 && !isUpperRune(r):
		default:
			return fmt.Errorf("word %q: only lower-case letters, digits, - . ' allowed", w)
		}
	}
	return nil
}

func isUpperRune(r rune) bool { return strings.ToLower(string(r)) != string(r) }
