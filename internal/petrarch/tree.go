// Package petrarch reads PETRARCH XML input (sentences with Penn Treebank
// parses, and PETRARCH unit-test files) and codes events from the parses with
// PETRARCH-format dictionaries (internal/dict).
//
// The coder follows the PETRARCH-1 algorithm of the Open Event Data
// Alliance's petrarch.py (read_TreeBank, check_commas, assign_NEcodes,
// check_verbs), the program that PETR.UnitTest.records.xml was written for:
// noun phrases of the parse become named-entity (NE) spans that carry actor
// and agent codes, compound noun phrases become NEC groups, and each verb
// phrase is matched against the verb dictionary's patterns with the words
// before the verb (the "upper" sequence, up to a comma) and inside the verb
// phrase (the "lower" sequence). Source and target default to the first coded
// NE before and after the verb; passive "by" phrases swap them. The code is
// detente's own Go; no PETRARCH code is copied.
//
// Where petrarch.py left a feature unfinished, detente follows what the unit
// tests expect and PETRARCH2 does:
//   - "%" in a pattern makes a compound (NEC) the target, so "Gondor and
//     Osgiliath have delayed ..." links the two members (COMPOUND-39..42);
//   - uncoded members of a compound are dropped when another is coded;
//   - words of a matched agent phrase are not searched again ("main
//     opposition group" is MOP, not MOP+OPP);
//   - multi-word verbs ("+BREAK_DOWN", "WIRE_+TAP") are matched;
//   - a flat noun phrase with a prepositional phrase, "(NP (DT the) (NNS
//     rebels) (PP from Syria))", is read like "(NP (NP ..) (PP ..))"
//     (PETRARCH2's test_noun_meaning4);
//   - discards ("+" story, plain sentence) and wire datelines are refused
//     with a CodeError kind named as in the unit tests.
//
// With the PETRARCH2 dictionaries (CAMEO.2.0.txt), whose patterns are
// phrase-structured, the same matcher runs on flattened patterns (see
// dict.DialectCAMEO2); PETRARCH2's verb-verb code combination and
// transformations are not applied.
package petrarch

import (
	"fmt"
	"strings"
)

// Node is a Penn Treebank constituent: a phrase (Label with Children) or a
// leaf (Label is the part-of-speech tag, Word the token).
type Node struct {
	Label    string
	Word     string
	Children []*Node
	Parent   *Node
}

// Leaf reports whether n is a part-of-speech leaf.
func (n *Node) Leaf() bool { return len(n.Children) == 0 }

// Words returns the leaf words under n in order.
func (n *Node) Words() []string {
	var out []string
	n.walk(func(m *Node) bool {
		if m.Leaf() {
			out = append(out, m.Word)
		}
		return true
	})
	return out
}

// walk visits n and its descendants in pre-order; f returning false skips
// the children of that node.
func (n *Node) walk(f func(*Node) bool) {
	if !f(n) {
		return
	}
	for _, c := range n.Children {
		c.walk(f)
	}
}

// String renders n in bracket notation.
func (n *Node) String() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

func (n *Node) write(b *strings.Builder) {
	b.WriteByte('(')
	b.WriteString(n.Label)
	if n.Leaf() {
		b.WriteByte(' ')
		b.WriteString(n.Word)
	}
	for _, c := range n.Children {
		b.WriteByte(' ')
		c.write(b)
	}
	b.WriteByte(')')
}

// MaxDepth bounds tree nesting so hostile input cannot exhaust the stack.
const MaxDepth = 500

// ParseTree parses one Penn Treebank bracketed tree such as
// "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is))))". An unlabelled outer bracket
// "( (S ...))" is labelled ROOT. Errors give the byte offset.
func ParseTree(s string) (*Node, error) {
	toks := tokenizeTree(s)
	if len(toks) == 0 {
		return nil, fmt.Errorf("empty parse")
	}
	p := &treeParser{toks: toks}
	n, err := p.node(0)
	if err != nil {
		return nil, err
	}
	if p.i != len(toks) {
		return nil, fmt.Errorf("unexpected %q after the tree at offset %d", toks[p.i].s, toks[p.i].off)
	}
	if n.Label == "" {
		n.Label = "ROOT"
	}
	return n, nil
}

type treeTok struct {
	s   string
	off int
}

func tokenizeTree(s string) []treeTok {
	var toks []treeTok
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '(' || c == ')':
			toks = append(toks, treeTok{s[i : i+1], i})
			i++
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		default:
			j := i
			for j < len(s) && !strings.ContainsRune("() \t\n\r", rune(s[j])) {
				j++
			}
			toks = append(toks, treeTok{s[i:j], i})
			i = j
		}
	}
	return toks
}

type treeParser struct {
	toks []treeTok
	i    int
}

func (p *treeParser) node(depth int) (*Node, error) {
	if depth > MaxDepth {
		return nil, fmt.Errorf("tree deeper than %d levels", MaxDepth)
	}
	if p.i >= len(p.toks) || p.toks[p.i].s != "(" {
		return nil, p.errf("expected '('")
	}
	p.i++
	n := &Node{}
	if p.i < len(p.toks) && p.toks[p.i].s != "(" && p.toks[p.i].s != ")" {
		n.Label = p.toks[p.i].s
		p.i++
	}
	for {
		if p.i >= len(p.toks) {
			return nil, fmt.Errorf("unbalanced parse: missing ')' for (%s", n.Label)
		}
		t := p.toks[p.i]
		switch t.s {
		case ")":
			p.i++
			if n.Leaf() && n.Word == "" {
				return nil, fmt.Errorf("empty constituent (%s) at offset %d", n.Label, t.off)
			}
			return n, nil
		case "(":
			if n.Word != "" {
				return nil, p.errf("phrase mixes a word and sub-phrases")
			}
			c, err := p.node(depth + 1)
			if err != nil {
				return nil, err
			}
			c.Parent = n
			n.Children = append(n.Children, c)
		default:
			if len(n.Children) > 0 || n.Word != "" {
				return nil, p.errf("unexpected word")
			}
			n.Word = t.s
			p.i++
		}
	}
}

func (p *treeParser) errf(msg string) error {
	if p.i >= len(p.toks) {
		return fmt.Errorf("%s at end of parse", msg)
	}
	return fmt.Errorf("%s at offset %d (%q)", msg, p.toks[p.i].off, p.toks[p.i].s)
}
