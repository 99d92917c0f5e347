package cameo

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxLine bounds one line of a codebook file; longer lines are an error.
const maxLine = 64 * 1024

// Parse reads a codebook in the format documented at the top of
// data/cameo.txt. name is used in errors ("file:line: ..."). It checks that
// every field is well formed, codes are unique, every code's root exists and
// every quad class matches its root's GDELT quad class.
func Parse(name string, r io.Reader) (*Codebook, error) {
	b := &Codebook{byCode: map[string]int{}}
	lines := map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	n := 0
	for sc.Scan() {
		n++
		c, ok, err := parseLine(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("cameo codebook %s:%d: %w", name, n, err)
		}
		if !ok {
			continue
		}
		if prev, dup := lines[c.Code]; dup {
			return nil, fmt.Errorf("cameo codebook %s:%d: duplicate code %s (first at line %d)", name, n, c.Code, prev)
		}
		lines[c.Code] = n
		b.codes = append(b.codes, c)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("cameo codebook %s:%d: line longer than %d bytes", name, n+1, maxLine)
		}
		return nil, fmt.Errorf("cameo codebook %s:%d: %w", name, n, err)
	}
	if len(b.codes) == 0 {
		return nil, fmt.Errorf("cameo codebook %s: no codes", name)
	}
	sortCodes(b.codes)
	for i, c := range b.codes {
		b.byCode[c.Code] = i
	}
	for _, c := range b.codes {
		if _, ok := b.byCode[c.Root]; !ok {
			return nil, fmt.Errorf("cameo codebook %s:%d: code %s has no root line %s", name, lines[c.Code], c.Code, c.Root)
		}
		if len(c.Code) == 4 {
			if _, ok := b.byCode[c.Code[:3]]; !ok {
				return nil, fmt.Errorf("cameo codebook %s:%d: code %s has no parent %s", name, lines[c.Code], c.Code, c.Code[:3])
			}
		}
	}
	return b, nil
}

// parseLine parses one line; ok is false for blank and comment lines.
func parseLine(line string) (c Code, ok bool, err error) {
	if !utf8.ValidString(line) {
		return c, false, errors.New("invalid UTF-8")
	}
	if i := strings.Index(line, "#"); i >= 0 {
		line = line[:i]
	}
	line = strings.TrimSpace(line)
	if line == "" {
		return c, false, nil
	}
	f := strings.Split(line, "|")
	if len(f) != 7 {
		return c, false, fmt.Errorf("want 7 |-separated fields (code|quad|goldstein|plover|mode|context|name), got %d", len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	if c.Code, err = parseCode(f[0]); err != nil {
		return c, false, err
	}
	c.Root = c.Code[:2]
	if c.QuadClass, err = parseQuad(f[1], c.Root); err != nil {
		return c, false, err
	}
	if c.Goldstein, err = parseGoldstein(f[2]); err != nil {
		return c, false, err
	}
	if c.PLOVER, err = parsePLOVER(f[3]); err != nil {
		return c, false, err
	}
	c.PLOVERMode, c.PLOVERContext = dash(f[4]), dash(f[5])
	if c.Name = f[6]; c.Name == "" {
		return c, false, errors.New("empty name")
	}
	return c, true, nil
}

func parseCode(s string) (string, error) {
	if len(s) < 2 || len(s) > 4 || !allDigits(s) {
		return "", fmt.Errorf("bad code %q: want 2 to 4 digits", s)
	}
	if rootNumber(s[:2]) < 1 || rootNumber(s[:2]) > 20 {
		return "", fmt.Errorf("bad code %q: root must be 01..20", s)
	}
	return s, nil
}

func parseQuad(s, root string) (int, error) {
	q, err := strconv.Atoi(s)
	if err != nil || q < 1 || q > 4 {
		return 0, fmt.Errorf("bad quad class %q: want 1..4", s)
	}
	if want := GDELTQuad(root); q != want {
		return 0, fmt.Errorf("quad class %d does not match root %s (GDELT quad %d)", q, root, want)
	}
	return q, nil
}

func parseGoldstein(s string) (float64, error) {
	g, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(g) || g < -10 || g > 10 {
		return 0, fmt.Errorf("bad Goldstein value %q: want a number in [-10, 10]", s)
	}
	return g, nil
}

func parsePLOVER(s string) (string, error) {
	if s == "none" {
		return "", nil
	}
	if !IsPLOVERType(s) {
		return "", fmt.Errorf("bad PLOVER type %q: want one of %s or none", s, strings.Join(PLOVERTypes, ","))
	}
	return s, nil
}

// dash maps the "-" placeholder to "".
func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}
