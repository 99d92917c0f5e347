package petrarch

import (
	"strconv"
	"strings"
)

// Linearisation: PETRARCH-1 codes a flat list of the parse ("ParseList")
// rather than the tree. Phrases open with "(TAG" and close with "~TAG"
// (verb and complex noun phrases are numbered: "(VP3" ... "~VP3"); noun
// phrases simple enough to name an actor become "(NE" CODE words... "~NE";
// compound noun phrases ("Mordor and the Shire") become "(NEC" with one
// "(NE" per conjunct and "~NEC". See read_TreeBank in petrarch.py.

const (
	tagNE    = "(NE"
	tagNEEnd = "~NE"
	tagNEC   = "(NEC"
	tagNECE  = "~NEC"
)

// linearize builds the ParseList of a tree. The tree is modified: compound
// noun phrases are relabelled NEC and clauses inside noun phrases are
// flattened (relabelled SBR), as PETRARCH does.
func linearize(root *Node) []string {
	upperWords(root)
	markCompounds(root)
	l := &linear{}
	l.emit(root)
	return l.out
}

type linear struct {
	out    []string
	vp, np int
}

func upperWords(n *Node) {
	n.walk(func(m *Node) bool {
		if m.Leaf() {
			m.Word = strings.ToUpper(m.Word)
		}
		return true
	})
}

// markCompounds relabels a noun phrase holding exactly one conjunction (CC)
// and at least three noun tags (itself included), and no clause or verb
// phrase, as NEC (petrarch.py mark_compounds).
func markCompounds(root *Node) {
	root.walk(func(p *Node) bool {
		hasCC := false
		for _, c := range p.Children {
			if c.Label == "CC" {
				hasCC = true
			}
		}
		if !hasCC || p.Label != "NP" {
			return true
		}
		var clause bool
		var ccs, nouns int
		p.walk(func(m *Node) bool {
			switch {
			case strings.HasPrefix(m.Label, "VP") || strings.HasPrefix(m.Label, "S"):
				clause = true
			case m.Label == "CC":
				ccs++
			}
			if strings.HasPrefix(m.Label, "N") {
				nouns++
			}
			return true
		})
		if !clause && ccs == 1 && nouns >= 3 {
			p.Label = "NEC"
		}
		return true
	})
}

func (l *linear) put(s ...string) { l.out = append(l.out, s...) }

func (l *linear) emit(n *Node) {
	if n.Leaf() {
		l.put("("+n.Label, n.Word, "~"+n.Label)
		return
	}
	switch n.Label {
	case "NP":
		reduceSBAR(n)
		if items, ok := nePhrase(n); ok {
			l.emitNE(items)
			return
		}
		l.np++
		l.phrase(n, "NP"+strconv.Itoa(l.np))
	case "NEC":
		l.put(tagNEC)
		for _, el := range necElements(n, true) {
			l.emitNE(el)
		}
		l.put(tagNECE)
	case "VP":
		l.vp++
		l.phrase(n, "VP"+strconv.Itoa(l.vp))
	case "SBR":
		l.put("(SBR")
		l.put(n.Words()...)
		l.put("~SBR")
	default:
		l.phrase(n, n.Label)
	}
}

func (l *linear) phrase(n *Node, tag string) {
	l.put("(" + tag)
	for _, c := range n.Children {
		l.emit(c)
	}
	l.put("~" + tag)
}

// neItem is a word or a nested compound inside a noun phrase.
type neItem struct {
	word string
	nec  *Node
}

// emitNE writes one NE, expanding a nested compound into an NEC whose
// members share the surrounding words (assign_NEcodes /
// expand_compound_NEPhrase).
func (l *linear) emitNE(items []neItem) {
	exp := expandNE(items)
	if len(exp) == 1 {
		l.put(tagNE, nullCode)
		l.put(exp[0]...)
		l.put(tagNEEnd)
		return
	}
	l.put(tagNEC)
	for _, ws := range exp {
		l.put(tagNE, nullCode)
		l.put(ws...)
		l.put(tagNEEnd)
	}
	l.put(tagNECE)
}

// expandNE turns items into one word list per compound member.
func expandNE(items []neItem) [][]string {
	for i, it := range items {
		if it.nec == nil {
			continue
		}
		pre := words(items[:i])
		var out [][]string
		for _, el := range necElements(it.nec, false) {
			for _, post := range expandNE(items[i+1:]) {
				w := append(append(append([]string(nil), pre...), words(el)...), post...)
				out = append(out, w)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return [][]string{words(items)}
}

func words(items []neItem) []string {
	var out []string
	for _, it := range items {
		if it.nec != nil {
			out = append(out, it.nec.Words()...)
			continue
		}
		out = append(out, it.word)
	}
	return out
}

// necElements lists the members of a compound: each NP or noun child (or
// noun phrases found below other children). At top level, adjectives before
// the first noun are shared by bare noun members (resolve_compounds).
func necElements(n *Node, top bool) [][]neItem {
	var adj []string
	if top {
	scan:
		for _, c := range n.Children {
			stop := false
			c.walk(func(m *Node) bool {
				if stop {
					return false
				}
				if m.Label == "NP" || strings.HasPrefix(m.Label, "NN") {
					stop = true
					return false
				}
				if strings.HasPrefix(m.Label, "JJ") && m.Leaf() {
					adj = append(adj, m.Word)
				}
				return true
			})
			if stop {
				break scan
			}
		}
	}
	var out [][]neItem
	var visit func(c *Node)
	visit = func(c *Node) {
		switch {
		case strings.HasPrefix(c.Label, "NN") && c.Leaf():
			var it []neItem
			for _, a := range adj {
				it = append(it, neItem{word: a})
			}
			out = append(out, append(it, neItem{word: c.Word}))
		case c.Label == "NP":
			out = append(out, plainItems(c))
		case c.Label == "NEC":
			out = append(out, necElements(c, false)...)
		default:
			for _, g := range c.Children {
				visit(g)
			}
		}
	}
	for _, c := range n.Children {
		visit(c)
	}
	return out
}

// plainItems lists the words of n, keeping nested compounds as items.
func plainItems(n *Node) []neItem {
	var out []neItem
	n.walk(func(m *Node) bool {
		if m != n && m.Label == "NEC" {
			out = append(out, neItem{nec: m})
			return false
		}
		if m.Leaf() {
			out = append(out, neItem{word: m.Word})
		}
		return true
	})
	return out
}

// reduceSBAR flattens every clause inside a noun phrase into an SBR holding
// only words, so verbs in relative clauses are not coded (reduce_SBAR).
func reduceSBAR(n *Node) {
	n.walk(func(m *Node) bool {
		if m.Label == "SBAR" {
			leaves := m.Words()
			m.Label = "SBR"
			m.Children = nil
			for _, w := range leaves {
				m.Children = append(m.Children, &Node{Label: "W", Word: w, Parent: m})
			}
			return false
		}
		return true
	})
}

func has(n *Node, pred func(*Node) bool) bool {
	found := false
	n.walk(func(m *Node) bool {
		if found {
			return false
		}
		if m != n && pred(m) {
			found = true
			return false
		}
		return true
	})
	return found
}

func first(n *Node, pred func(*Node) bool) *Node {
	var f *Node
	n.walk(func(m *Node) bool {
		if f != nil {
			return false
		}
		if m != n && pred(m) {
			f = m
			return false
		}
		return true
	})
	return f
}

func label(l string) func(*Node) bool { return func(m *Node) bool { return m.Label == l } }

// nePhrase decides whether NP n becomes an NE and returns its items:
// possessives drop the 's; "X of Y" keeps head, preposition and object; a
// noun phrase without inner noun phrases is taken whole.
func nePhrase(n *Node) ([]neItem, bool) {
	if pos := first(n, label("POS")); pos != nil {
		var out []neItem
		dropped := false
		for _, it := range plainItems(n) {
			if !dropped && it.nec == nil && it.word == pos.Word {
				dropped = true
				continue
			}
			out = append(out, it)
		}
		return out, true
	}
	if pp := first(n, label("PP")); pp != nil {
		items := prepPhrase(pp)
		return items, items != nil
	}
	if has(n, func(m *Node) bool { return m.Label == "NP" || m.Label == "NEC" }) {
		return nil, false
	}
	return plainItems(n), true
}

// prepPhrase handles (NP (NP head) (PP (IN prep) (NP object))): the NE is
// head + prep + object, unless the object holds a further PP
// (process_preposition).
func prepPhrase(pp *Node) []neItem {
	par := pp.Parent
	if par == nil || par.Label != "NP" || len(par.Children) == 0 {
		return nil
	}
	head := par.Children[0]
	rest := par.Children[1:]
	if head.Label != "NP" && head.Label != "NEC" {
		// detente extension (PETRARCH2 reads such phrases too): a flat
		// "(NP (DT the) (NNS rebels) (PP from ...))" takes the leaves
		// before the PP as its head
		head, rest = flatHead(par, pp)
		if head == nil {
			return nil
		}
	}
	var prep, obj *Node
	for _, c := range rest {
		c.walk(func(m *Node) bool {
			if obj != nil {
				return false
			}
			if prep == nil {
				if m.Label == "IN" && m.Leaf() {
					prep = m
				}
				return true
			}
			if m.Label == "NP" || m.Label == "NEC" {
				obj = m
				return false
			}
			return true
		})
		if obj != nil {
			break
		}
	}
	if prep == nil || obj == nil || has(obj, label("PP")) {
		return nil
	}
	var items []neItem
	if head.Label == "NEC" {
		items = append(items, neItem{nec: head})
	} else {
		items = plainItems(head)
	}
	items = append(items, neItem{word: prep.Word})
	if obj.Label == "NEC" {
		return append(items, neItem{nec: obj})
	}
	return append(items, plainItems(obj)...)
}

// flatHead wraps the leaf children of par that precede pp into a head
// phrase; nil if any of them is a phrase.
func flatHead(par, pp *Node) (*Node, []*Node) {
	head := &Node{Label: "NP"}
	for i, c := range par.Children {
		if c == pp {
			if len(head.Children) == 0 {
				return nil, nil
			}
			return head, par.Children[i:]
		}
		if !c.Leaf() {
			return nil, nil
		}
		head.Children = append(head.Children, c)
	}
	return nil, nil
}
