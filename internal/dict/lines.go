// Package dict reads dictionaries in the PETRARCH formats: verb patterns
// (both the TABARI-derived PETRARCH-1 dialect and the PETRARCH2 CAMEO.2.0
// dialect), actors with date-restricted codes, agents, discards and issues.
//
// The formats are described in PETRARCH's dictionaries.rst (Open Event Data
// Alliance, MIT licence) and in the TABARI manual (Schrodt 2014, chapter 5).
// Every parser reports malformed input as an error naming the file and line
// and never panics; the parsers are fuzzed (see fuzz_test.go).
package dict

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// MaxLineBytes is the longest dictionary line accepted. Real PETRARCH
// dictionaries have lines well under 1 kB; a longer line is almost certainly
// a binary or corrupted file.
const MaxLineBytes = 64 << 10

// ErrLineTooLong is wrapped by errors about lines longer than MaxLineBytes.
var ErrLineTooLong = errors.New("line too long")

// ErrEmpty is wrapped by errors about dictionaries without any entry.
var ErrEmpty = errors.New("no entries")

// line is one input line with its 1-based number.
type line struct {
	n    int
	text string // raw text without the trailing newline
}

// readLines splits r into lines, rejecting invalid UTF-8, NUL bytes and
// over-long lines with an error naming kind, file and line.
func readLines(kind, name string, r io.Reader) ([]line, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxLineBytes)
	var out []line
	n := 0
	for sc.Scan() {
		n++
		b := sc.Bytes()
		if !utf8.Valid(b) {
			return nil, fmt.Errorf("load %s %s:%d: invalid UTF-8", kind, name, n)
		}
		if bytes.IndexByte(b, 0) >= 0 {
			return nil, fmt.Errorf("load %s %s:%d: NUL byte (binary file?)", kind, name, n)
		}
		out = append(out, line{n: n, text: strings.TrimRight(string(b), "\r")})
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("load %s %s:%d: %w (max %d bytes)", kind, name, n+1, ErrLineTooLong, MaxLineBytes)
		}
		return nil, fmt.Errorf("load %s %s:%d: %w", kind, name, n+1, err)
	}
	return out, nil
}

// stripComment removes a '#' comment and surrounding blanks. Lines that are
// XML-style comments ("<!-- ... -->", used by the PETRARCH validation
// dictionaries) become empty.
func stripComment(s string) string {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			depth--
		case '#':
			if depth <= 0 {
				s = s[:i]
			}
		}
	}
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "<!") || strings.HasPrefix(t, "-->") {
		return ""
	}
	return t
}

// lineErr formats a parse error naming kind, file and line.
func lineErr(kind, name string, n int, format string, args ...any) error {
	return fmt.Errorf("load %s %s:%d: %s", kind, name, n, fmt.Sprintf(format, args...))
}

// splitPhrase splits a phrase on blanks and underscores. conns[i] is the
// separator that followed words[i]: '_' means the next word must follow
// immediately, ' ' means other words may intervene.
func splitPhrase(s string) (words []string, conns []byte) {
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != ' ' && s[i] != '_' && s[i] != '\t' {
			continue
		}
		w := s[start:i]
		sep := byte(' ')
		if i < len(s) && s[i] == '_' {
			sep = '_'
		}
		if w != "" {
			words = append(words, w)
			conns = append(conns, sep)
		} else if sep == '_' && len(conns) > 0 {
			conns[len(conns)-1] = '_'
		}
		start = i + 1
	}
	return words, conns
}

// bracket returns the text inside the first [...] of s and s without it.
func bracket(s string) (inside, rest string, ok bool) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return "", s, false
	}
	j := strings.IndexAny(s[i:], "]}")
	if j < 0 {
		return "", s, false
	}
	return strings.TrimSpace(s[i+1 : i+j]), s[:i] + " " + s[i+j+1:], true
}

// plural makes the regular plural used by PETRARCH for agents and synsets:
// Y -> IES, SS -> SSES, otherwise +S (dictionaries.rst, "Synsets").
func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "Y"):
		return w[:len(w)-1] + "IES"
	case strings.HasSuffix(w, "SS"):
		return w + "ES"
	default:
		return w + "S"
	}
}

// warnf formats a warning naming kind, file and line: PETRARCH skips such
// lines (undefined synsets, unreadable dates) instead of stopping.
func warnf(kind, name string, n int, format string, args ...any) string {
	return fmt.Sprintf("%s %s:%d: %s", kind, name, n, fmt.Sprintf(format, args...))
}
