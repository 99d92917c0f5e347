package coder

import "github.com/detente-project/detente/internal/actors"

// resolvePronoun resolves a subject pronoun of clause cl: "we"/"I" in a
// quotation -> the speaker; "he"/"she"/"it"/"they" in the complement of a
// speech verb -> that verb's subject ("Trump said he was willing ...");
// otherwise the last subject coded in the document. It returns a synthetic
// argument appended to sn.args.
func (c *Coder) resolvePronoun(sn *sentence, cl int, p string, st *docState) []int {
	var a = -1
	if p == "group" || p == "state" {
		// "the group blamed Israel": the armed group (or state) named
		// last before the clause
		if g := sn.lastOfKind(cl, p); g >= 0 {
			return []int{g}
		}
		p = "it"
	}
	if p == "pair" {
		return sn.pairBeforeClause(cl)
	}
	if inf := sn.info[cl]; inf.kind == clRel && inf.parent >= 0 && p != "we" && p != "i" {
		// "Britain imposed sanctions on officials it accused of ...": the
		// subject of the clause the relative hangs from
		// (only in an object relative opened by the pronoun itself or by
		// "whom"/"which": after "that" it may be a complement)
		for k := range sn.words {
			if sn.clause[k] == cl {
				w := sn.words[k].Lower
				if w == p || (w == "whom" || w == "which") && k+1 < len(sn.words) && sn.words[k+1].Lower == p {
					if g := sn.subjectIn(inf.parent, k); len(g) > 0 {
						return g
					}
				}
				break
			}
		}
	}
	switch {
	case (p == "we" || p == "i") && sn.inQuote(cl):
		a = sn.speakerArg(cl)
	case sn.info[cl].kind == clComp && sn.info[cl].verb >= 0:
		v := sn.info[cl].verb
		if g := sn.subjectIn(sn.clause[v], v); len(g) > 0 {
			a = g[0]
		}
	case p != "we" && p != "i" && st.last.code != "":
		a := st.last
		a.start, a.end, a.pron, a.loc = 0, 0, true, false
		sn.args = append(sn.args, a)
		return []int{len(sn.args) - 1}
	}
	if a < 0 {
		return nil
	}
	return []int{a}
}

// lastOfKind returns the last argument before clause cl that is an armed
// group (kind "group") or a state ("state"), or -1.
func (sn *sentence) lastOfKind(cl int, kind string) int {
	first := len(sn.words)
	for k := range sn.words {
		if sn.clause[k] == cl {
			first = k
			break
		}
	}
	for k := first - 1; k >= 0; k-- {
		a := sn.words[k].arg
		if a < 0 || sn.args[a].pron {
			continue
		}
		switch x := sn.args[a]; {
		case kind == "group" && x.kind == actors.KindNSA, kind == "state" && x.kind == actors.KindState && !x.loc:
			return a
		}
	}
	return -1
}

func (sn *sentence) inQuote(cl int) bool {
	for k := cl; k >= 0; k = sn.info[k].parent {
		if sn.info[k].kind == clQuote {
			return true
		}
	}
	return false
}

// speakerArg returns the argument that speaks quotation clause cl: the first
// actor after the closing quote ("..., " Araghchi said) or else the last one
// before the opening quote (Araghchi said: "...").
func (sn *sentence) speakerArg(cl int) int {
	first, last := -1, -1
	for k := range sn.words {
		if sn.clause[k] == cl || sn.clauseIn(k, cl) {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	if first < 0 {
		return -1
	}
	for k := last + 1; k < len(sn.words); k++ {
		if a := sn.words[k].arg; a >= 0 && sn.args[a].kind != "place" {
			return a
		}
	}
	for k := first - 1; k >= 0; k-- {
		if a := sn.words[k].arg; a >= 0 && sn.args[a].kind != "place" {
			return a
		}
	}
	return -1
}

// clauseIn reports whether token k is in a clause nested inside cl.
func (sn *sentence) clauseIn(k, cl int) bool {
	for c := sn.info[sn.clause[k]].parent; c >= 0; c = sn.info[c].parent {
		if c == cl {
			return true
		}
	}
	return false
}

// firstPersonArgs makes "us", "our country" and "our nation" inside
// quotations arguments standing for the speaker, so that `"Israel has
// attacked our country," Pezeshkian said` codes ISR->IRN.
func (sn *sentence) firstPersonArgs() {
	added := false
	for k := range sn.words {
		w := sn.words[k]
		if w.arg >= 0 || !sn.inQuote(sn.clause[k]) {
			continue
		}
		end := k + 1
		switch {
		case w.Lower == "us":
		case w.Lower == "our" && k+1 < len(sn.words) && isHomeland(sn.words[k+1].Lower):
			end = k + 2
		default:
			continue
		}
		sp := sn.speakerArg(sn.clause[k])
		if sp < 0 {
			continue
		}
		s := sn.args[sp]
		sn.args = append(sn.args, arg{start: k, end: end, code: s.code, country: s.country, kind: s.kind, pron: true})
		added = true
	}
	if !added {
		return
	}
	old := make([]int, len(sn.info))
	for i, inf := range sn.info {
		old[i] = -1
		if inf.antecedent >= 0 {
			old[i] = sn.args[inf.antecedent].start
		}
	}
	sortArgs(sn.args)
	for i := range sn.info {
		sn.info[i].antecedent = -1
		for j, a := range sn.args {
			if old[i] >= 0 && a.start == old[i] {
				sn.info[i].antecedent = j
			}
		}
	}
	for k := range sn.words {
		sn.words[k].arg = -1
	}
	for i, a := range sn.args {
		for k := a.start; k < a.end; k++ {
			sn.words[k].arg = i
		}
	}
}

func isHomeland(w string) bool {
	return w == "country" || w == "nation" || w == "territory" || w == "people" || w == "soil"
}

// pairBeforeClause returns the two actors of different countries named
// before clause cl, which "the two countries" or "the two sides" refers
// to, or nil when there are not exactly two.
func (sn *sentence) pairBeforeClause(cl int) []int {
	var out []int
	for k := sn.lead; k < len(sn.words) && sn.clause[k] != cl; k++ {
		a := sn.words[k].arg
		if a < 0 || sn.args[a].start != k || sn.args[a].loc || sn.args[a].pron || sn.args[a].kind == "place" {
			continue
		}
		c := countryOf(sn.args[a])
		dup := false
		for _, b := range out {
			dup = dup || countryOf(sn.args[b]) == c
		}
		if !dup {
			out = append(out, a)
		}
	}
	if len(out) != 2 {
		return nil
	}
	return out
}
