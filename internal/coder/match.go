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
// the head token h, or ok=false.
func (sn *sentence) matchPatterns(ps []verbs.Pattern, h int) (patMatch, bool) {
	for i := range ps {
		if m, ok := sn.matchOne(&ps[i], h); ok {
			return m, true
		}
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
