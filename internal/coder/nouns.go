package coder

import (
	"strings"

	"github.com/detente-project/detente/internal/actors"
)

// maxNounReach bounds how far after an event noun its target may stand.
const maxNounReach = 10

// nounEvents codes nominalisations ("Iran's backing of Hamas", "the U.S.
// bombing of Iranian sites", "the United States' invitation to talks"). A
// noun event needs a maker (possessor, pre-modifier or by-phrase) and an
// addressee; it is coded even inside a negated clause (the nominalised
// event itself is asserted) but not inside a conditional one.
func (c *Coder) nounEvents(sn *sentence, vs *verbState, verbEvents []found, st *docState) []found {
	var out []found
	for k := range sn.words {
		w := &sn.words[k]
		if vs.consumed[k] || w.arg >= 0 || !isNounish(w.Tag) || vs.afterContent(sn, k) || sn.demandObject(c, verbEvents, k) {
			continue
		}
		ps := c.verbs.Noun(w.nlem)
		if ps == nil {
			ps = c.verbs.Noun(w.Lower)
		}
		if ps == nil || sn.conditional(sn.clause[k]) {
			continue
		}
		pm, ok := sn.matchPatterns(ps, k)
		if !ok || pm.p.Code == "-" || sn.modifierNoun(k, pm) {
			continue
		}
		if g := sn.pairBefore(k); g != nil {
			// "U.S.-Iran talks", "the Iran-Israel war": the pair acts on
			// each other.
			out = append(out, found{code: pm.p.Code, head: k, headEnd: k + 1, noun: true, clause: sn.clause[k], src: g, recip: true})
			continue
		}
		src := sn.nounSource(k)
		if src >= 0 && c.byOtherNoun(sn, k, src) {
			continue
		}
		if src < 0 {
			if g := sn.betweenGroup(k, pm); len(g) > 1 {
				// "talks between Sudan and South Sudan": a reciprocal
				// event noun whose participants are listed after it.
				out = append(out, found{code: pm.p.Code, head: k, headEnd: k + 1, noun: true, clause: sn.clause[k], src: g, recip: true})
			}
			continue
		}
		f := found{code: pm.p.Code, head: k, headEnd: k + 1, noun: true, clause: sn.clause[k], self: pm.p.Self}
		f.src = []int{src}
		from := k + 1
		if pm.slot >= 0 {
			from = pm.slot
		}
		tc := &tctx{excl: src, country: sn.args[src].country, self: pm.p.Self, slot: pm.slot, head: k}
		tgt, loc := sn.nounTarget(from, k, tc)
		f.tgt = tgt
		if len(f.tgt) == 0 && pm.p.Recv {
			f.tgt = recvTarget(verbEvents, src)
		}
		if len(f.tgt) == 0 && loc >= 0 && sn.placeLike(loc) && (!pm.p.Recip || sn.possessor(src)) {
			f.tgt = sn.filter(sn.group(loc), tc)
		}
		if len(f.tgt) == 0 && !f.self {
			continue
		}
		out = append(out, f)
	}
	return out
}

// byOtherNoun reports whether the maker src of event noun k is the by-phrase
// of another event noun between them ("an investigation into alleged
// abuses by Russian forces": the abuses are Russia's, not the inquiry).
func (c *Coder) byOtherNoun(sn *sentence, k, src int) bool {
	s := sn.args[src].start
	if s <= k || s < 2 || sn.words[s-1].Lower != "by" && (s < 3 || sn.words[s-2].Lower != "by") {
		return false
	}
	for j := k + 1; j < s-1; j++ {
		if w := sn.words[j]; isNounTag(w.Tag) && w.arg < 0 && misdeeds[w.nlem] && !isNounTag(sn.words[j+1].Tag) {
			return true
		}
	}
	return false
}

// misdeeds are nouns an inquiry or a charge is about, whose by-phrase names
// who committed them.
var misdeeds = map[string]bool{"abuse": true, "violation": true, "crime": true, "atrocity": true, "attack": true,
	"killing": true, "massacre": true, "wrongdoing": true, "misconduct": true, "irregularity": true, "torture": true}

// possessor reports whether argument a is a possessive ("Russia's war").
func (sn *sentence) possessor(a int) bool {
	e := sn.args[a].end
	return e < len(sn.words) && sn.words[e].Tag == "POS"
}

// byPhraseEnd returns the end of the argument of the by-phrase at j, or j.
func (sn *sentence) byPhraseEnd(j int) int {
	for m := j + 1; m < len(sn.words) && m <= j+4; m++ {
		if a := sn.words[m].arg; a >= 0 {
			return sn.args[a].end
		}
	}
	return j
}

// attackNouns are the weapons and attacks that stand as the subject of an
// impact verb in wire copy ("Israeli air strikes killed 30 people in Gaza",
// "Russian artillery pounded Avdiivka"), with the CAMEO code of the attack
// they name (19x: 190 conventional force, 194 artillery and tanks, 195
// aerial weapons).
var attackNouns = map[string]string{
	"strike": "195", "airstrike": "195", "missile": "195", "bombardment": "195", "barrage": "195",
	"shelling": "194", "artillery": "194", "rocket": "194", "shell": "194",
	"attack": "190", "raid": "190", "offensive": "190", "assault": "190",
}

// impactVerbs say what an attack did to its target.
var impactVerbs = map[string]bool{
	"kill": true, "hit": true, "strike": true, "destroy": true, "damage": true, "wound": true,
	"injure": true, "pound": true, "target": true, "slam": true, "level": true, "flatten": true,
	"rock": true, "devastate": true, "smash": true, "set": true, "put": true,
}

// attackSubjects codes an attack noun that is the subject of an impact
// verb, with its maker before it ("Israeli air strikes", "an Israeli drone
// strike") or in a by-phrase ("air strikes by the Saudi-led coalition"),
// and the verb's object or place as the target: "Israeli air strikes
// killed 30 people across the Gaza Strip" -> ISR->PSE 195. Following the
// CAMEO codebook, the attack is the event (19x); the casualties name no
// target of their own.
func (c *Coder) attackSubjects(sn *sentence, vs *verbState, done []found) []found {
	var out []found
	for k := range sn.words {
		w := &sn.words[k]
		if w.arg >= 0 || !isNounTag(w.Tag) || vs.consumed[k] {
			continue
		}
		code, ok := attackNouns[w.nlem]
		if !ok || sn.conditional(sn.clause[k]) || vs.afterContent(sn, k) {
			continue
		}
		v := sn.impactVerb(k)
		if v < 0 || sn.negated(v) {
			continue
		}
		src := sn.nounSource(k)
		if src < 0 || coded(done, k) {
			continue
		}
		tc := &tctx{excl: src, country: sn.args[src].country, slot: -1, head: v}
		tgt := sn.target(v+1, sn.clause[v], v, tc)
		if len(tgt) == 0 {
			continue
		}
		f := found{code: code, head: k, headEnd: v + 1, noun: true, clause: sn.clause[v], src: []int{src}, tgt: tgt, impact: v}
		f.modality = sn.modality(v, vs.future[v])
		out = append(out, f)
	}
	return append(out, c.attackVictims(sn, vs, done)...)
}

// attackVictims codes a passive impact verb without a by-phrase whose
// means is an attack with a maker: "Haniyeh was killed in an Israeli strike
// in Tehran" -> ISR->HMS 195, "three soldiers were wounded in a Russian
// drone attack" (the subject is the target).
func (c *Coder) attackVictims(sn *sentence, vs *verbState, done []found) []found {
	var out []found
	for v := range sn.words {
		w := &sn.words[v]
		if w.Tag != "VBN" || !impactVerbs[w.lemma] || !sn.passive(v) || sn.byAgent(v) >= 0 || sn.negated(v) || sn.conditional(sn.clause[v]) {
			continue
		}
		k := sn.attackMeans(v)
		if k < 0 {
			continue
		}
		src := sn.nounSource(k)
		if src < 0 {
			continue
		}
		tc := &tctx{excl: src, country: sn.args[src].country, slot: -1, head: v}
		subj := sn.subjectIn(sn.clause[v], v)
		if m := sn.modifiedNP(v); m >= 0 {
			subj = sn.group(m)
		}
		tgt := sn.filter(subj, tc)
		if len(tgt) == 0 {
			continue
		}
		f := found{code: attackNouns[sn.words[k].nlem], head: k, headEnd: k + 1, noun: true, clause: sn.clause[v], src: []int{src}, tgt: tgt, impact: v}
		f.modality = sn.modality(v, vs.future[v])
		out = append(out, f)
	}
	return out
}

// attackMeans returns the attack noun of "in a(n) [maker] [air] strike"
// after passive verb v, or -1.
func (sn *sentence) attackMeans(v int) int {
	j := v + 1
	for j < len(sn.words) && sn.words[j].Tag == "RB" {
		j++
	}
	if j >= len(sn.words) || sn.words[j].Lower != "in" {
		return -1
	}
	for k := j + 1; k < len(sn.words) && k <= j+5; k++ {
		w := sn.words[k]
		if _, ok := attackNouns[w.nlem]; ok && isNounTag(w.Tag) && w.arg < 0 {
			if k+1 < len(sn.words) && isNounTag(sn.words[k+1].Tag) {
				continue // "missile strike": the head is later
			}
			return k
		}
		switch w.Tag {
		case "DT", "JJ", "NN", "NNS", "NNP", "CD", "HYPH":
			continue
		}
		return -1
	}
	return -1
}

// impactVerb returns the finite impact verb whose subject noun phrase ends
// with attack noun k (after a short locative or by-phrase), or -1.
func (sn *sentence) impactVerb(k int) int {
	for j := k + 1; j < len(sn.words) && j <= k+7; j++ {
		w := sn.words[j]
		switch {
		case w.Tag == "VBD" || w.Tag == "VBZ" || w.Tag == "VBP":
			if impactVerbs[w.lemma] && (sn.clause[j] == sn.clause[k] || sn.info[sn.clause[j]].kind == clRel) {
				return j
			}
			return -1
		case (w.Lower == "that" || w.Lower == "which") && j == k+1:
			// "an Israeli strike that killed one of its commanders"
		case w.Tag == "VBN" && j+1 < len(sn.words) && sn.words[j+1].Lower == "by":
			// "Drone attacks claimed by Yemen's Houthi group set fire to ..."
		case w.Tag == "," || w.Tag == "." || w.Tag == ":" || w.Tag == "CC" || w.Tag == "MD" || isVerbTag(w.Tag) || w.Tag == "WDT":
			return -1
		}
	}
	return -1
}

func coded(fs []found, k int) bool {
	for _, f := range fs {
		if f.head == k {
			return true
		}
	}
	return false
}

// demandObject reports whether noun k names a concession (08x: withdrawal,
// release, lifting) in the object of a demand, threat or accusation verb
// event, and so its content: "Hamas demanded ... a full Israeli withdrawal
// from Gaza" codes the demand only (convention 5). A standing fact named
// there is still coded ("demanded an end to Iran's backing of Hamas").
func (sn *sentence) demandObject(c *Coder, evs []found, k int) bool {
	ps := c.verbs.Noun(sn.words[k].nlem)
	if len(ps) == 0 || !strings.HasPrefix(ps[0].Code, "08") {
		return false
	}
	for _, e := range evs {
		if e.noun || e.head >= k || sn.clause[e.head] != sn.clause[k] || len(e.code) < 3 {
			continue
		}
		if r := e.code[:2]; r != "10" && r != "13" && e.code[:3] != "112" {
			continue
		}
		between := false
		for j := e.head + 1; j < k; j++ {
			if t := sn.words[j].Tag; t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" {
				between = true
				break
			}
		}
		if !between {
			return true
		}
	}
	return false
}

// modifierNoun reports whether noun k only modifies the noun after it ("a
// French aid worker") and the pattern does not continue into that noun.
func (sn *sentence) modifierNoun(k int, pm patMatch) bool {
	if k+1 >= len(sn.words) || !isNounTag(sn.words[k+1].Tag) {
		return false
	}
	return len(pm.lits) == 0 || pm.lits[0] != k+1
}

func isNounish(t string) bool {
	return t == "NN" || t == "NNS" || t == "VBG" || t == "NNP"
}

// nounSource finds the maker of event noun k: a possessor or pre-modifier
// actor ("Iran's backing", "the U.S. bombing", "Israeli demand") or a
// by-phrase after it ("the arrest of X by Iranian authorities").
func (sn *sentence) nounSource(k int) int {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		w := sn.words[j]
		if w.arg >= 0 {
			a := sn.args[w.arg]
			if a.country == "" && a.kind == actors.KindAgent {
				return -1
			}
			if a.kind == "place" && a.end < len(sn.words) && sn.words[a.end].Tag != "POS" {
				return -1 // "the Sharm El-Sheikh talks": the venue, not the maker
			}
			return w.arg
		}
		if w.Lower == "its" || w.Lower == "their" || w.Lower == "his" || w.Lower == "her" {
			return sn.lastArgBefore(j, 12) // "Faisal bin Farhan, on his first visit to Tehran"
		}
		switch w.Tag {
		case "JJ", "NN", "NNS", "CD", "POS", "VBN", "JJS", "HYPH":
			continue
		}
		break
	}
	for j := k + 1; j < len(sn.words) && j <= k+maxNounReach; j++ {
		w := sn.words[j]
		if isVerbTag(w.Tag) && w.Tag != "VBG" && w.Tag != "VBN" || w.Tag == "." {
			return -1
		}
		if w.Lower == "by" {
			for m := j + 1; m < len(sn.words) && m <= j+4; m++ {
				if a := sn.words[m].arg; a >= 0 {
					return a
				}
			}
			return -1
		}
	}
	return -1
}

// nounTarget finds the addressee of event noun k from token from on; a
// locative argument is returned apart as a last resort.
func (sn *sentence) nounTarget(from, k int, tc *tctx) ([]int, int) {
	loc := -1
	cl := sn.clause[k]
	for j := from; j < len(sn.words) && j <= k+maxNounReach; j++ {
		w := sn.words[j]
		if sn.clause[j] != cl || w.Tag == "." || (isVerbTag(w.Tag) && w.Tag != "VBG" && w.Tag != "VBN") {
			break
		}
		if w.Lower == "by" {
			// "a visit by Indian Foreign Minister Jaishankar to Colombo":
			// skip the maker and look on
			if e := sn.byPhraseEnd(j); e > j && tc.excl >= 0 && sn.words[e-1].arg == tc.excl {
				j = e - 1
				continue
			}
			break
		}
		if (w.Lower == "its" || w.Lower == "their") && j+1 < len(sn.words) {
			if g := sn.subjectIn(cl, k); len(g) > 0 && sn.eligible(g[0], tc) {
				return g[:1], -1
			}
		}
		a := w.arg
		if a < 0 || sn.args[a].start != j || !sn.eligible(a, tc) {
			continue
		}
		if sn.args[a].loc && !(tc.slot >= 0 && j-tc.slot <= 2) {
			if loc < 0 {
				loc = a
			}
			continue
		}
		return sn.filter(sn.group(a), tc), -1
	}
	return nil, loc
}

// afterContent reports whether noun k follows a verb skipped as the content
// of an event verb in its clause ("threatened to reimpose UN sanctions").
func (vs *verbState) afterContent(sn *sentence, k int) bool {
	for _, v := range vs.content {
		if disapproval[sn.words[v].lemma] {
			continue // "summoned the envoy to protest against U.S. air strikes": the strikes happened
		}
		if v < k && (sn.clause[v] == sn.clause[k] || sn.clauseIn(k, sn.clause[v])) {
			return true
		}
	}
	return false
}

// disapproval verbs name facts as their objects, even as an event verb's
// content.
var disapproval = map[string]bool{"protest": true, "condemn": true, "denounce": true, "criticise": true,
	"criticize": true, "deplore": true, "decry": true, "slam": true}

// recvTarget gives the addressee of an invitation/offer/demand: the source
// of the rejecting verb event whose target is the noun's maker ("Iran
// rejected the U.S. invitation" -> the invitation is addressed to Iran).
func recvTarget(evs []found, src int) []int {
	for _, e := range evs {
		if e.noun || len(e.code) < 2 || e.code[:2] != "12" {
			continue
		}
		for _, t := range e.tgt {
			if t == src {
				return e.src
			}
		}
	}
	return nil
}

// betweenGroup returns the coordinated actors of "NOUN between A and B" for a
// reciprocal noun pattern, or nil.
func (sn *sentence) betweenGroup(k int, pm patMatch) []int {
	b := k + 1
	if b < len(sn.words) && outbreak[sn.words[b].lemma] {
		b++ // "fighting erupted between A and B", "clashes broke out between"
		if b < len(sn.words) && sn.words[b].Lower == "out" {
			b++
		}
	}
	if !pm.p.Recip || b+1 >= len(sn.words) || sn.words[b].Lower != "between" {
		return nil
	}
	if sn.hedged(sn.clause[k]) {
		return nil // "talks between A and B could resume": not asserted
	}
	for j := b + 1; j < len(sn.words) && j <= b+4; j++ {
		w := sn.words[j]
		if w.Tag == "." || isVerbTag(w.Tag) {
			return nil
		}
		if w.arg < 0 {
			continue
		}
		var g []int
		for _, a := range sn.group(w.arg) {
			if x := sn.args[a]; x.country != "" || x.kind != actors.KindAgent {
				g = append(g, a)
			}
		}
		return g
	}
	return nil
}

// outbreak verbs may stand between a reciprocal event noun and "between".
var outbreak = map[string]bool{"erupt": true, "break": true, "rage": true, "flare": true}

// pairBefore returns the two states of a hyphenated pair right before event
// noun k, allowing adjectives and nouns between ("U.S.-Iran nuclear talks"),
// or nil.
func (sn *sentence) pairBefore(k int) []int {
	j := k - 1
	for j >= 0 && sn.words[j].arg < 0 && (sn.words[j].Tag == "JJ" || isNounTag(sn.words[j].Tag)) && k-j <= 3 {
		j--
	}
	if j < 2 || sn.words[j].arg < 0 {
		return nil
	}
	b := sn.words[j].arg
	h := sn.args[b].start - 1
	if h < 1 || sn.words[h].Text != "-" || sn.words[h-1].arg < 0 {
		return nil
	}
	a := sn.words[h-1].arg
	if sn.hedged(sn.clause[k]) {
		return nil // "U.S.-Iran talks could resume"
	}
	if sn.args[a].kind != actors.KindState || sn.args[b].kind != actors.KindState || sn.args[a].country == sn.args[b].country {
		return nil
	}
	return []int{a, b}
}

// hedged reports whether a modal other than "will" governs clause cl, so
// that an event noun with no maker in it is not asserted.
func (sn *sentence) hedged(cl int) bool {
	for j := range sn.words {
		if sn.clause[j] == cl && sn.words[j].Tag == "MD" && sn.words[j].Lower != "will" {
			return true
		}
	}
	return false
}
