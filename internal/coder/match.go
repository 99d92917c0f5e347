package coder

import (
	"github.com/detente-project/detente/internal/verbs"
)

// maxGap is how many other tokens may precede each literal word of a pattern.
const maxGap = 5

// patMatch is a matched pattern: where its words ended and where its target
// slot is (-1 when the pattern has none).
type patMatch struct {
	p    *verbs.Pattern
	slot int
	end  int
	lits []int // tokens matched by the pattern's words
}

// matchPatterns returns the most specific pattern of ps that matches after
// the head token h, or ok=false. Among equally specific patterns the one
// whose words end nearest the head wins: in "Russia's war in Ukraine in a
// declaration on Tuesday", "war in +" and not "war on +".
func (sn *sentence) matchPatterns(ps []verbs.Pattern, h int) (patMatch, bool) {
	for i := range ps {
		m, ok := sn.matchOne(&ps[i], h)
		if !ok {
			continue
		}
		if m.end-h-1 == len(m.lits) {
			return m, true // no gap: nothing ends nearer
		}
		spec := ps[i].Specificity()
		for j := i + 1; j < len(ps) && ps[j].Specificity() == spec; j++ {
			if n, ok := sn.matchOne(&ps[j], h); ok && n.end < m.end {
				m = n
			}
		}
		return m, true
	}
	return patMatch{}, false
}

func (sn *sentence) matchOne(p *verbs.Pattern, h int) (patMatch, bool) {
	m := patMatch{p: p, slot: -1, end: h + 1}
	pos := h + 1
	for _, e := range p.Elems {
		if e.Target {
			m.slot = pos
			continue
		}
		k := sn.findWord(pos, e.Words)
		if k < 0 {
			return m, false
		}
		m.lits = append(m.lits, k)
		pos = k + 1
	}
	m.end = pos
	return m, true
}

// findWord finds one of ws at or within maxGap tokens after pos, stopping at
// sentence punctuation and quotation marks.
func (sn *sentence) findWord(pos int, ws []string) int {
	for k := pos; k < len(sn.words) && k <= pos+maxGap; k++ {
		w := &sn.words[k]
		if w.Tag == "." || w.Lower == ";" || isQuoteTok(w) {
			return -1
		}
		for _, x := range ws {
			if x == w.Lower || x == w.lemma || x == w.nlem || x == w.vlem {
				return k
			}
		}
	}
	return -1
}

// matchPassive is matchPatterns for a passive verb, whose pattern object
// may stand in the subject before it: "Diplomatic ties with Iran were
// severed by Bahrain" matches "sever tie", "Aid to Ethiopia was suspended"
// matches "suspend aid". A word not found after the verb may be found in
// the clause before it.
func (sn *sentence) matchPassive(ps []verbs.Pattern, h int) (patMatch, bool) {
	for i := range ps {
		if m, ok := sn.matchOne(&ps[i], h); ok {
			return m, true
		}
		if m, ok := sn.matchBefore(&ps[i], h); ok {
			return m, true
		}
	}
	return patMatch{}, false
}

// passiveReach is how far before a passive verb its subject's words are
// looked for.
const passiveReach = 8

func (sn *sentence) matchBefore(p *verbs.Pattern, h int) (patMatch, bool) {
	m := patMatch{p: p, slot: -1, end: h + 1}
	pos := h + 1
	before := false
	for _, e := range p.Elems {
		if e.Target {
			m.slot = pos
			continue
		}
		if k := sn.findWord(pos, e.Words); k >= 0 {
			m.lits = append(m.lits, k)
			pos = k + 1
			continue
		}
		k := sn.findBefore(h, e.Words)
		if k < 0 {
			return m, false
		}
		before = true
		m.lits = append(m.lits, k)
	}
	m.end = pos
	return m, before
}

// findBefore finds one of ws in the clause of h within passiveReach tokens
// before it.
func (sn *sentence) findBefore(h int, ws []string) int {
	for k := h - 1; k >= 0 && k >= h-passiveReach; k-- {
		w := &sn.words[k]
		if sn.clause[k] != sn.clause[h] {
			// an object relative clause: its antecedent noun ("the aid
			// that Egypt sent", "the weapons, which Iran supplied")
			if s := sn.objectRelative(h); s >= 1 {
				a := s - 1
				if sn.words[a].Lower == "," && a >= 1 {
					a--
				}
				return sn.matchAt(a, ws)
			}
			return -1
		}
		if w.Tag == "." || w.Lower == ";" || isQuoteTok(w) {
			return -1
		}
		for _, x := range ws {
			if x == w.Lower || x == w.lemma || x == w.nlem || x == w.vlem {
				return k
			}
		}
	}
	return -1
}

// matchAt returns k when token k is one of ws, else -1.
func (sn *sentence) matchAt(k int, ws []string) int {
	w := &sn.words[k]
	for _, x := range ws {
		if x == w.Lower || x == w.lemma || x == w.nlem || x == w.vlem {
			return k
		}
	}
	return -1
}
