package dict

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// IssuePhrase is one expanded issue phrase.
type IssuePhrase struct {
	Phrase string // upper case, blank separated
	Code   string
	Ignore bool // "~" lines: any hit cancels issue coding for the sentence
	Line   int
}

// Issues is a loaded issue dictionary (Phoenix.IssueCoding.txt format).
type Issues struct {
	List       []IssuePhrase
	Categories []string
	byFirst    map[string][]int // first word -> indices into List
	Warnings   []string         // skipped lines (phrases without a code), with file:line
}

// LoadIssues reads an issue file: "<ISSUE CATEGORY=...>" sections holding
// lines "phrase [CODE]" and "~phrase" (ignore). Word prefixes expand:
// "n:" singular and plural noun, "v:" verb forms (-S, -ED, -ING), and "+"
// inside a word joins its parts with a blank and with a hyphen.
func LoadIssues(r io.Reader, name string) (*Issues, error) {
	lines, err := readLines("issues", name, r)
	if err != nil {
		return nil, err
	}
	is := &Issues{}
	for _, l := range lines {
		t := strings.TrimSpace(stripIssueComment(l.text))
		switch {
		case t == "":
			continue
		case strings.HasPrefix(t, "<ISSUE"):
			if _, v, ok := strings.Cut(t, "CATEGORY=\""); ok {
				c, _, _ := strings.Cut(v, "\"")
				is.Categories = append(is.Categories, c)
			}
			continue
		case strings.HasPrefix(t, "</ISSUE"):
			continue
		case strings.HasPrefix(t, "<"):
			return nil, lineErr("issues", name, l.n, "unknown tag %q", t)
		}
		ignore := strings.HasPrefix(t, "~")
		t = strings.TrimLeft(t, "~")
		code, rest, ok := bracket(t)
		if !ok && !ignore {
			is.Warnings = append(is.Warnings, warnf("issues", name, l.n, "phrase without [code]; line skipped"))
			continue
		}
		phrases := expandIssue(strings.Fields(strings.ToUpper(rest)))
		if len(phrases) == 0 {
			return nil, lineErr("issues", name, l.n, "empty issue phrase")
		}
		for _, p := range phrases {
			is.List = append(is.List, IssuePhrase{Phrase: p, Code: code, Ignore: ignore, Line: l.n})
		}
	}
	if len(is.List) == 0 {
		return nil, fmt.Errorf("load issues %s: %w", name, ErrEmpty)
	}
	is.byFirst = map[string][]int{}
	for i, p := range is.List {
		w, _, _ := strings.Cut(p.Phrase, " ")
		is.byFirst[w] = append(is.byFirst[w], i)
	}
	return is, nil
}

func stripIssueComment(s string) string {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		return s[:i]
	}
	return s
}

// expandIssue expands n:, v: and + markers word by word.
func expandIssue(words []string) []string {
	out := []string{""}
	for _, w := range words {
		var alts []string
		switch {
		case strings.HasPrefix(w, "N:"):
			w = w[2:]
			alts = []string{w, plural(w)}
		case strings.HasPrefix(w, "V:"):
			w = w[2:]
			alts = append([]string{w}, regularForms(w)...)
		default:
			alts = []string{w}
		}
		var exp []string
		for _, a := range alts {
			if strings.Contains(a, "+") {
				exp = append(exp, strings.ReplaceAll(a, "+", " "), strings.ReplaceAll(a, "+", "-"))
			} else {
				exp = append(exp, a)
			}
		}
		var next []string
		for _, o := range out {
			for _, e := range exp {
				next = append(next, strings.TrimSpace(o+" "+e))
			}
		}
		if len(next) > 4096 {
			next = next[:4096]
		}
		out = next
	}
	if len(out) == 1 && out[0] == "" {
		return nil
	}
	return out
}

// Count is an issue code and the number of phrases that matched.
type Count struct {
	Code string
	N    int
}

// Match returns the issue codes found in text with their counts, or nil if
// any ignore phrase occurs (PETRARCH get_issues).
func (is *Issues) Match(text string) []Count {
	if is == nil {
		return nil
	}
	words := strings.Fields(strings.ToUpper(text))
	counts := map[string]int{}
	for i, w := range words {
		for _, k := range is.byFirst[w] {
			p := is.List[k]
			if !hasWords(words[i:], p.Phrase) {
				continue
			}
			if p.Ignore {
				return nil
			}
			counts[p.Code]++
		}
	}
	out := make([]Count, 0, len(counts))
	for c, n := range counts {
		out = append(out, Count{Code: c, N: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// hasWords reports whether words starts with the blank-separated phrase.
func hasWords(words []string, phrase string) bool {
	for _, pw := range strings.Split(phrase, " ") {
		if len(words) == 0 || words[0] != pw {
			return false
		}
		words = words[1:]
	}
	return true
}
