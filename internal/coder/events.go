package coder

import (
	"strings"

	"github.com/detente-project/detente/internal/actors"
	"github.com/detente-project/detente/internal/verbs"
)

// Modality values on event.Event.
const (
	modFuture       = "future"
	modHypothetical = "hypothetical"
	modReported     = "reported"
)

// found is one event before it becomes an event.Event.
type found struct {
	code      string
	head      int   // token of the verb or noun
	headEnd   int   // end of the predicate words for verb_text
	src, tgt  []int // argument indices; tgt may hold -1 for "the source's country"
	self      bool
	recip     bool
	negated   bool
	modality  string
	noun      bool
	clause    int
	recvNoun  bool
	recvSrc   int // recv nouns: the argument that made the offer
	consumesC bool
	impact    int // attack nouns: the impact verb whose event they replace ("strike ... killed"), else 0
}

// verbState carries per-sentence state while scanning verbs.
type verbState struct {
	future    []bool // token -> a future marker governs this verb
	consumed  []bool // noun tokens already coded through a light verb
	blocked   []int  // clauses whose later verbs are the content of an event verb
	blockedAt []int  // heads of the event verbs that block
	verbal    []bool // whether each blocking event is verbal (02, 03, 10-13): its content may run on in relative clauses
	content   []int  // verbs skipped as the content of an event verb
}

// codeSentence finds every event in sn.
func (c *Coder) codeSentence(sn *sentence, st *docState) []found {
	n := len(sn.words)
	vs := &verbState{}
	vs.future, vs.consumed = st.scratch.bools(n + 1)
	var out []found
	for i := 0; i < n; i++ {
		lemma, ok := c.verbHead(sn, i)
		if !ok {
			continue
		}
		if c.passThrough(sn, i, lemma, vs) {
			continue
		}
		if vs.isBlocked(sn, i) {
			vs.content = append(vs.content, i)
			continue
		}
		f, ok := c.verbEvent(sn, i, lemma, vs, st)
		if len(f.src) > 0 && len(f.tgt) == 0 && (!ok || f.recip && len(f.src) == 1) {
			ok = sn.borrowTarget(&f, out)
		}
		if len(f.src) > 0 && strings.HasPrefix(f.code, "045") && sn.passive(i) && len(out) > 0 {
			// "a deal brokered by China": the mediator acts on the
			// parties of the event before it
			f.tgt = sn.parties(out, f.src)
			ok = f.complete()
		}
		if f.consumesC {
			vs.blocked = append(vs.blocked, sn.clause[i])
			vs.blockedAt = append(vs.blockedAt, i)
			vs.verbal = append(vs.verbal, verbalCode(f.code))
		}
		if ok {
			out = append(out, f)
		}
	}
	out = append(out, c.nounEvents(sn, vs, out, st)...)
	out = append(out, sn.deniedCharge(out)...)
	if att := c.attackSubjects(sn, vs, out); len(att) > 0 {
		// "A U.S. air strike killed Iranian commander Soleimani": the
		// attack (195) is the event, not the killing of a commander (186)
		kept := out[:0]
		for _, f := range out {
			if !impactOf(att, f.head) && !sn.impactTail(att, f) {
				kept = append(kept, f)
			}
		}
		out = append(kept, att...)
	}
	return out
}

// verbHead reports whether token i heads a verb predicate and returns its lemma.
func (c *Coder) verbHead(sn *sentence, i int) (string, bool) {
	w := &sn.words[i]
	switch {
	case isVerbTag(w.Tag):
		if w.arg >= 0 || isAux(sn, i) || adjectival(sn, i) || nounInNP(sn, i) {
			return "", false
		}
		return w.lemma, true
	case w.Tag == "JJ" && i+1 < len(sn.words) && sn.words[i+1].Lower == "to":
		return w.Lower, c.verbs.Verb(w.Lower) != nil
	case (w.Tag == "NN" || w.Tag == "NNS") && w.arg < 0 && i > 0 && sn.words[i-1].arg >= 0 && strings.HasPrefix(sn.words[i-1].Tag, "NNP"):
		// tagger fallback: "the U.S. and Israel demand an end to ..."
		if c.verbs.Verb(w.vlem) == nil || i+1 >= len(sn.words) {
			return "", false
		}
		nx := sn.words[i+1]
		if nx.Tag == "DT" || nx.Lower == "that" || (nx.arg >= 0 && nx.Tag != "POS") {
			return w.vlem, true
		}
		if b := sn.words[i-1].arg; b > 0 && sn.args[b].end == i && sn.headlinePair(b-1, b) {
			return w.vlem, true // "Ghana, Ivory Coast sign cocoa pact"
		}
		if w.Tag == "NNS" && nx.Lower == "to" && i+2 < len(sn.words) && sn.words[i+2].arg >= 0 {
			return w.vlem, true // "Sarkozy heads to Beijing"
		}
	}
	return "", false
}

// adjectival reports whether participle i modifies a noun ("five detained
// U.S. citizens", "the disputed border").
func adjectival(sn *sentence, i int) bool {
	w := sn.words[i]
	if w.Tag != "VBN" && w.Tag != "VBG" || i == 0 || i+1 >= len(sn.words) {
		return false
	}
	switch sn.words[i-1].Tag {
	case "DT", "CD", "JJ", "PRP$", "POS":
	case "IN":
		if w.Tag != "VBN" {
			return false // "of killing civilians": a gerund
		}
		// "supporters of jailed former prime minister Imran Khan"
	default:
		return false
	}
	switch sn.words[i+1].Tag {
	case "NN", "NNS", "NNP", "NNPS", "JJ":
		return true
	}
	return false
}

// nounInNP reports whether a base-form "verb" sits inside a noun phrase, a
// tagging slip: "a French aid worker".
func nounInNP(sn *sentence, i int) bool {
	t := sn.words[i].Tag
	if (t != "VB" && t != "VBP") || i < 2 {
		return false
	}
	return sn.words[i-1].Tag == "JJ" && sn.words[i-2].Tag == "DT"
}

// isAux reports whether token i is an auxiliary (be/have/do/get before
// another verb).
func isAux(sn *sentence, i int) bool {
	switch sn.words[i].lemma {
	case "be", "have", "do", "get":
	default:
		return false
	}
	for k := i + 1; k < len(sn.words) && k <= i+3; k++ {
		t := sn.words[k].Tag
		if isVerbTag(t) {
			return true
		}
		if t != "RB" && t != "PRP" && sn.words[k].Lower != "not" && sn.words[k].Lower != "n't" {
			return false
		}
	}
	return false
}

// passThrough handles "plans to visit", "began supplying": the marker
// verb is skipped and the next verb inherits future modality.
func (c *Coder) passThrough(sn *sentence, i int, lemma string, vs *verbState) bool {
	if lemma == "help" && i+1 < len(sn.words) && sn.words[i+1].Tag == "VB" {
		return true // "officials who helped deport Ukrainian children": the deporting
	}
	r := c.verbs.Role(lemma)
	if r != verbs.RoleFuture && r != verbs.RoleAspect {
		return false
	}
	n := len(sn.words)
	switch {
	case i+2 < n && sn.words[i+1].Lower == "to" && isVerbTag(sn.words[i+2].Tag):
		vs.future[i+2] = vs.future[i+2] || r == verbs.RoleFuture || vs.future[i]
		return true
	case i+1 < n && sn.words[i+1].Tag == "VBG":
		vs.future[i+1] = vs.future[i]
		return true
	}
	return false
}

// isBlocked reports whether verb i is the content of an earlier event verb
// ("threatened to bomb", "accused X of assassinating", "demanded that Y halt").
func (vs *verbState) isBlocked(sn *sentence, i int) bool {
	cl := sn.clause[i]
	if w := sn.words[i]; (w.Tag == "VBN" || w.Tag == "VBD") && i > 0 && isNounTag(sn.words[i-1].Tag) && sn.words[i-1].arg < 0 && sn.byAgent(i) >= 0 {
		// "release an Iranian tanker seized by British marines", "a deal
		// brokered by China": a description
		return false
	}
	for j, b := range vs.blocked {
		if vs.blockedAt[j] >= i {
			continue
		}
		for k := cl; k >= 0; k = sn.info[k].parent {
			if k == b {
				return true
			}
			if sn.info[k].kind == clRel && (sn.info[k].antecedent < 0 || !vs.verbal[j] || denial[sn.words[i].lemma]) {
				// "the sanctions that Washington imposed", "annexed ... in a
				// ceremony that Kyiv denounced": a description, not content;
				// "..., which Kyiv denied": a reply to the event
				break
			}
			if sn.info[k].kind == clSub {
				// "asked NATO for warships after Russia seized ...": the
				// circumstances; ", accusing them of ...": a predication of
				// its own. Neither is the content of the event verb.
				break
			}
		}
	}
	return false
}

// verbEvent codes verb i, or the event noun a light verb carries.
func (c *Coder) verbEvent(sn *sentence, i int, lemma string, vs *verbState, st *docState) (found, bool) {
	f := found{head: i, headEnd: i + 1, clause: sn.clause[i]}
	var pm patMatch
	ok, light := false, false
	if c.verbs.Role(lemma) == verbs.RoleLight {
		if k, m, hit := c.lightNoun(sn, i); hit {
			pm, ok, light = m, true, true
			vs.consumed[k] = true
			f.headEnd = k + 1
		}
	}
	if !ok {
		if sn.passive(i) || sn.objectRelative(i) >= 0 {
			pm, ok = sn.matchPassive(c.verbs.Verb(lemma), i)
		} else {
			pm, ok = sn.matchPatterns(c.verbs.Verb(lemma), i)
		}
		if !ok {
			return f, false
		}
		if pm.end > f.headEnd {
			f.headEnd = pm.end
		}
	}
	if pm.p.Code == "-" || sportsVerbs[lemma] && sn.sports() {
		return f, false // "South Africa beat New Zealand 12-11 in the Rugby World Cup final"
	}
	f.code, f.self, f.recip = pm.p.Code, pm.p.Self, pm.p.Recip
	f.consumesC = true
	f.negated = sn.negated(i)
	f.modality = sn.modality(i, vs.future[i])
	c.roles(sn, &f, pm, st)
	if !f.complete() && sn.slotLimit(pm) == 0 {
		// The most specific pattern found no participants ("signed a
		// defence pact" with a coordinated subject and no "with"): a less
		// specific pattern of the same verb may ("sign pact !recip"), or
		// of the event noun a light verb carries ("held their first
		// summit ..., with both leaders" -> "hold summit !recip").
		ps, at := c.verbs.Verb(lemma), i
		if light {
			ps, at = c.verbs.Noun(sn.words[f.headEnd-1].nlem), f.headEnd-1
		}
		if alt, ok := c.fallback(sn, &f, ps, at, pm, st); ok {
			pm = alt
		} else if light {
			// "held their first summit": the light verb's own pattern
			// ("hold summit !recip")
			if alt, ok := c.fallback(sn, &f, c.verbs.Verb(lemma), i, patMatch{}, st); ok {
				pm = alt
			}
		}
	}
	for _, l := range c.eventNounLits(sn, pm.lits) {
		vs.consumed[l] = true
	}
	if f.code == "140" && len(f.src) > 0 && len(f.tgt) > 0 && sn.official(sn.args[f.src[0]]) {
		f.code, f.self = "114", false // "Vietnam protested against China's deployment": a diplomatic protest
	}
	return f, f.complete()
}

// official reports whether a is a state or its government ("Vietnam", "the
// foreign ministry"), whose protests are diplomatic, not demonstrations.
func (sn *sentence) official(a arg) bool {
	return a.kind == actors.KindState && a.end > a.start && a.end <= len(sn.words) && sn.words[a.end-1].Tag == "NNP" ||
		len(a.code) == 6 && a.code[3:] == "GOV"
}

// complete reports whether f has the participants an event needs.
func (f *found) complete() bool {
	return len(f.src) > 0 && (len(f.tgt) > 0 || f.recip || f.self)
}

// fallback tries the verb patterns less specific than pm, in order, and
// keeps the first whose roles are complete; a blocking pattern stops it.
func (c *Coder) fallback(sn *sentence, f *found, ps []verbs.Pattern, at int, pm patMatch, st *docState) (patMatch, bool) {
	k := -1
	if pm.p != nil {
		for k = 0; k < len(ps) && &ps[k] != pm.p; k++ {
		}
	}
	for k++; k < len(ps); k++ {
		m, ok := sn.matchOne(&ps[k], at)
		if !ok {
			continue
		}
		if m.p.Code == "-" {
			return pm, false
		}
		g := *f
		g.code, g.self, g.recip = m.p.Code, m.p.Self, m.p.Recip
		g.src, g.tgt = nil, nil
		c.roles(sn, &g, m, st)
		if pm.p != nil && placeless(pm.p.Code) && len(g.tgt) > 0 && sn.args[g.tgt[0]].loc {
			continue // "called for peace in Gaza": not a demand on Gaza
		}
		if g.complete() {
			g.headEnd = max(at+1, m.end)
			*f = g
			return m, true
		}
	}
	return pm, false
}

// lightNoun finds an event noun in the object of light verb i ("carried out
// a bombing", "held talks with").
func (c *Coder) lightNoun(sn *sentence, i int) (int, patMatch, bool) {
	for k := i + 1; k < len(sn.words) && k <= i+7; k++ { // "launched one of its largest air attacks on"
		w := &sn.words[k]
		if isVerbTag(w.Tag) && w.Tag != "VBG" || w.Tag == "." || w.Tag == "," {
			break
		}
		m, ok := sn.matchPatterns(c.verbs.Noun(w.nlem), k)
		compound := ok && len(m.lits) > 0 && m.lits[0] == k+1 // "chemical attack"
		if !compound && k+1 < len(sn.words) && isNounTag(sn.words[k+1].Tag) && sn.words[k+1].arg < 0 && c.verbs.Noun(sn.words[k+1].nlem) != nil {
			continue // the head of "genocide case" is "case"
		}
		if ok && m.p.Code != "-" {
			return k, m, true
		}
	}
	return 0, patMatch{}, false
}

// roles finds the source and target arguments of verb event f.
func (c *Coder) roles(sn *sentence, f *found, pm patMatch, st *docState) {
	i := f.head
	subj := c.subject(sn, i, st)
	tc := &tctx{excl: -1, self: pm.p.Self, lits: c.eventNounLits(sn, pm.lits), slot: pm.slot, recip: pm.p.Recip, head: i,
		coerce: arrestCode(pm.p.Code), verbal: placeless(pm.p.Code), limit: sn.slotLimit(pm),
		inquiry: strings.HasPrefix(pm.p.Code, "09")}
	if sn.passive(i) {
		by := sn.byAgent(i)
		if by >= 0 {
			f.src = sn.group(by)
			tc.excl, tc.country = by, sn.args[by].country
			if np := sn.modifiedNP(i); np >= 0 {
				subj = sn.group(np) // "an Iranian tanker seized by British marines"
			}
			f.tgt = sn.filter(subj, tc)
			if len(f.tgt) == 0 {
				f.tgt = sn.target(i+1, f.clause, i, tc)
			}
			if len(f.tgt) == 0 && len(subj) == 0 {
				f.tgt = sn.filter(sn.subjectPP(f.clause, i), tc)
			}
			if len(f.src) > 1 && len(f.tgt) > 0 && f.tgt[0] == f.src[1] {
				f.tgt = nil // "signed by Japan and Australia": one group, no target
			}
			return
		}
		if pm.p.Code[:2] != "15" {
			return
		}
	}
	f.src = subj
	sn.whoseAgent(f.clause, subj)
	from := i + 1
	if pm.slot >= 0 {
		from = pm.slot
	}
	if len(subj) > 0 {
		tc.excl, tc.country = subj[0], sn.args[subj[0]].country
	}
	f.tgt = sn.target(from, f.clause, i, tc)
	if len(f.tgt) == 0 && pm.slot >= 0 && pm.slot+1 < len(sn.words) && sn.words[pm.slot].Lower == "the" && sn.words[pm.slot+1].arg < 0 {
		// "an attack that Turkey blamed on the group": the armed group
		// (or state) named before
		if kind := anaphors[sn.words[pm.slot+1].Lower]; kind == "group" || kind == "state" {
			if a := sn.lastOfKind(f.clause, kind); a >= 0 && sn.eligible(a, tc) {
				f.tgt = []int{a}
			}
		}
	}
	if sn.objectPronoun(i) {
		f.tgt = nil // "accusing him of the deportation of Ukrainian children": him
	}
	if len(f.tgt) == 0 && len(f.src) > 1 && (sn.eachOther(i) || sn.pronounSubject(f.clause, i) == "pair") {
		// "India and Canada expelled each other's diplomats", "the two
		// countries agreed to ...": a reciprocal event
		f.recip = true
	}
	if pm.p.Recip && len(f.src) > 1 && len(f.tgt) > 0 && (pm.slot < 0 || sn.args[f.tgt[0]].kind == "place" || sn.sameCountry(f.src, f.tgt[0])) {
		// "Israeli troops and Hamas gunmen battled in the streets of
		// Gaza", "Russia and Ukraine signed a deal to reopen Ukraine's
		// ports": each other
		f.tgt = nil
	}
	if pm.p.Rev && len(f.src) > 0 && len(f.tgt) > 0 {
		if m := sn.eventSubjectMaker(f.clause, i); m >= 0 {
			f.src = []int{m} // "The arrest of X by Iran drew criticism from Paris": Iran
		}
		f.src, f.tgt = f.tgt, sn.filter(f.src, &tctx{excl: f.tgt[0], country: sn.args[f.tgt[0]].country, slot: -1, head: i})
		return
	}
	if inf := sn.info[f.clause]; len(f.tgt) == 0 && len(subj) > 0 && inf.kind == clRel && inf.antecedent >= 0 && sn.objectRelative(i) >= 0 && (pm.slot < 0 || pm.slot == i+1) {
		// "Ukraine, which Russia invaded": the antecedent is the object
		f.tgt = sn.filter(sn.group(inf.antecedent), tc)
	} else if len(f.tgt) == 0 && len(subj) > 0 && inf.kind == clRel && inf.antecedent < 0 && inf.parent >= 0 && pm.slot < 0 &&
		sn.objectRelative(i) >= 0 && sn.summaryApposition(f.clause) {
		// "Russia and China held joint drills, a show of force that Tokyo
		// condemned": the makers of what the apposition sums up
		if s := sn.clauseStart(f.clause); s > 0 {
			f.tgt = sn.filter(sn.subjectIn(inf.parent, s), tc)
		}
	}
}

// whoseAgent gives a bare agent subject of a "whose" clause the country of
// the antecedent: "Sudan, whose army ..." -> Sudan's military.
func (sn *sentence) whoseAgent(cl int, subj []int) {
	inf := sn.info[cl]
	if inf.kind != clRel || inf.antecedent < 0 || len(subj) != 1 {
		return
	}
	s := subj[0]
	a := sn.args[s]
	ant := sn.args[inf.antecedent]
	if a.country != "" || a.kind != actors.KindAgent || ant.country == "" || a.start < 1 || sn.words[a.start-1].Lower != "whose" {
		return
	}
	sn.args[s] = localise(a, ant.country)
}

// objectRelative returns the first token of the relative clause of verb i
// when the clause has a subject of its own ("the weapons that Iran
// supplied", "Ukraine, which Russia invaded"), or -1.
func (sn *sentence) objectRelative(i int) int {
	cl := sn.clause[i]
	if sn.info[cl].kind != clRel {
		return -1
	}
	s := i
	for s > 0 && sn.clause[s-1] == cl {
		s--
	}
	switch sn.words[s].Lower {
	case "that", "which", "whom":
	case "it", "they", "he", "she":
		if sn.info[cl].kind == clRel && s+1 == i {
			return s // a zero relative: "officials it accused of ..."
		}
		return -1
	default:
		return -1
	}
	for k := s + 1; k < i; k++ {
		if a := sn.words[k].arg; a >= 0 && !sn.args[a].loc && sn.prepBefore(sn.args[a].start) == "" {
			return s
		}
		if k == s+1 && sn.subjectPronoun(k) != "" && k+1 == i {
			return s // "officials whom it accused of ..."
		}
	}
	return -1
}

// tctx says which arguments may be a target.
type tctx struct {
	excl    int    // the source argument
	country string // the source's country: same-country targets are skipped
	self    bool   // domestic pattern: same-country and bare-agent targets allowed
	lits    []int  // tokens matched by pattern words: their pre-modifiers are skipped
	slot    int    // explicit target slot: a locative argument right there counts
	recip   bool   // reciprocal pattern: no place fallback (coordinated subjects meet)
	head    int    // the predicate's own token (its by/to phrases do count)
	limit   int    // the pattern word after the target slot ("accuse + of"): the target stands before it; 0 none
	coerce  bool   // 17x: a named person of the source's own country may be the target
	verbal  bool   // praise, appeals, comments (01, 02, 051): a place is where, never whom
	inquiry bool   // investigations (09): the agent of "crimes committed by X" is whom they are about
}

// eligible reports whether argument a may be the target.
func (sn *sentence) eligible(a int, tc *tctx) bool {
	g := sn.args[a]
	if a == tc.excl || g.pron && g.end <= g.start {
		return false
	}
	if g.country == "" && g.kind == actors.KindAgent && !(tc.self && tc.country != "") {
		return false
	}
	if !tc.self && tc.country != "" && g.country == tc.country && !(tc.coerce && g.kind == actors.KindPerson) {
		return false
	}
	if g.kind == "place" && g.end < len(sn.words) && isNounTag(sn.words[g.end].Tag) && sn.words[g.end].Tag != "POS" && !placeNouns[sn.words[g.end].Lower] {
		return false // "Sharm El-Sheikh talks", "Geneva accord": a city before a noun names the venue
	}
	if g.end > g.start && !tc.inquiry && sn.participleBy(g.start, tc.head) {
		return false // "a ceasefire brokered by the U.S.": an agent, not the target
	}
	for _, l := range tc.lits {
		if g.end == l || g.end+1 == l && sn.words[g.end].Tag != "POS" && isNounTag(sn.words[g.end].Tag) {
			return false // "UN sanctions": a modifier of the pattern's event noun
		}
	}
	return true
}

// placeNouns after a place name keep it a place ("Baluchistan province",
// "the Gaza Strip area"), unlike event nouns ("Sharm El-Sheikh talks").
var placeNouns = map[string]bool{"province": true, "region": true, "city": true, "town": true,
	"district": true, "governorate": true, "state": true, "area": true, "village": true,
	"county": true, "valley": true, "camp": true, "refugee": true}

func isNounTag(t string) bool { return len(t) >= 2 && t[:2] == "NN" }

// target returns the first non-locative argument group from token from on,
// in clause cl or a complement clause of verb head; failing that, the first
// locative one (a place is the target only when nothing else is).
func (sn *sentence) target(from, cl, head int, tc *tctx) []int {
	loc := -1
	object := false // a common-noun object before any complement clause
	for k := from; k < len(sn.words); k++ {
		if tc.limit > 0 && k >= tc.limit {
			break // "accusing the platform of censoring posts about Hamas": not Hamas
		}
		kc := sn.clause[k]
		if sn.info[kc].kind == clTail && kc != cl {
			break // ", South Korea's military said": the source of the report
		}
		if kc == cl && k-from <= 2 && sn.words[k].arg < 0 && (sn.words[k].Tag == "NNS" || sn.words[k].Tag == "NNPS") && sn.modifiersOnly(from, k) {
			object = true
		}
		if kc != cl && object && sn.info[kc].kind == clComp && sn.info[kc].verb == head {
			break // "warned Western nations that ...": the addressee is named, and is no actor
		}
		if kc != cl && sn.info[kc].verb != head && sn.info[kc].kind != clRel {
			if sn.words[k].Tag == "." || sn.clauseEnded(cl, k) {
				break
			}
			continue
		}
		if sn.info[kc].kind == clRel && kc != cl {
			continue
		}
		a := sn.words[k].arg
		if a < 0 || (sn.args[a].start != k && k != from) || !sn.eligible(a, tc) {
			continue
		}
		if sn.args[a].loc && !(tc.slot >= 0 && k-tc.slot <= 2) {
			if loc < 0 && k-from <= maxPlaceReach && !sn.borderOf(a) {
				loc = a
			}
			continue
		}
		return sn.filter(sn.group(a), tc)
	}
	if loc >= 0 && sn.placeLike(loc) && !tc.recip && !tc.verbal {
		return sn.filter(sn.group(loc), tc)
	}
	return nil
}

// maxPlaceReach bounds how far after the verb a place may stand and still
// be its last-resort target: "struck targets in Syria" codes Syria, but in
// "jailed a man for helping militants join a group in Lebanon" the place
// belongs to a later phrase.
const maxPlaceReach = 8

// borderOf reports whether argument a names the far side of a border the
// event happens at: "killed eight militants near the Afghan border".
func (sn *sentence) borderOf(a int) bool {
	e := sn.args[a].end
	return e < len(sn.words) && (sn.words[e].nlem == "border" || sn.words[e].nlem == "frontier")
}

// placeLike reports whether argument a can stand for its country as a last-
// resort target: a state or a place, not a venue like the UN or an embassy.
func (sn *sentence) placeLike(a int) bool {
	k := sn.args[a].kind
	return k == actors.KindState || k == "place"
}

// filter drops ineligible conjuncts.
func (sn *sentence) filter(g []int, tc *tctx) []int {
	out := g[:0]
	for _, a := range g {
		if sn.eligible(a, tc) {
			out = append(out, a)
		}
	}
	return out
}

// clauseEnded reports whether clause cl has no tokens at or after k.
func (sn *sentence) clauseEnded(cl, k int) bool {
	for j := k; j < len(sn.words); j++ {
		if sn.clause[j] == cl {
			return false
		}
	}
	return true
}

// subject returns the subject argument group of verb i.
func (c *Coder) subject(sn *sentence, i int, st *docState) []int {
	if a := sn.infinitiveSubject(i); a >= 0 {
		return sn.group(a)
	}
	if a := sn.absoluteSubject(i); a >= 0 {
		return []int{a}
	}
	cl := sn.clause[i]
	for depth := 0; cl >= 0 && depth < 4; depth++ {
		if g := sn.subjectIn(cl, i); len(g) > 0 {
			return g
		}
		if p := sn.pronounSubject(cl, i); p != "" {
			return c.resolvePronoun(sn, cl, p, st)
		}
		inf := sn.info[cl]
		switch {
		case inf.kind == clRel && inf.antecedent >= 0:
			return sn.group(inf.antecedent)
		case inf.kind == clRel && inf.parent >= 0 && sn.moveApposition(cl):
			cl = inf.parent // "..., a move that drew criticism from Canada": the mover
		case inf.inherit >= 0:
			cl = inf.inherit
		default:
			return nil
		}
	}
	return nil
}

// clauseStart returns the first token of clause cl, or -1.
func (sn *sentence) clauseStart(cl int) int {
	for k := range sn.words {
		if sn.clause[k] == cl {
			return k
		}
	}
	return -1
}

// summaryApposition reports whether relative clause cl hangs from a short
// noun phrase after a comma that sums up the clause before it (", a show
// of force that ...", ", a move which ...").
func (sn *sentence) summaryApposition(cl int) bool {
	s := sn.clauseStart(cl)
	if s < 3 || sn.words[s].Lower != "that" && sn.words[s].Lower != "which" {
		return false
	}
	for k := s - 1; k >= 1 && k >= s-5; k-- {
		w := sn.words[k]
		if w.arg >= 0 || isVerbTag(w.Tag) || w.Tag == "," {
			return false
		}
		if (w.Lower == "a" || w.Lower == "an") && sn.words[k-1].Lower == "," {
			return true
		}
	}
	return false
}

// moveApposition reports whether relative clause cl hangs from ", a move"
// or ", a decision" summing up the clause before it.
func (sn *sentence) moveApposition(cl int) bool {
	s := -1
	for k := range sn.words {
		if sn.clause[k] == cl {
			s = k
			break
		}
	}
	if s < 3 || sn.words[s].Lower != "that" && sn.words[s].Lower != "which" {
		return false
	}
	switch sn.words[s-1].nlem {
	case "move", "decision", "step":
	default:
		return false
	}
	d := sn.words[s-2].Lower
	return (d == "a" || d == "the") && sn.words[s-3].Lower == ","
}

// absoluteSubject returns the subject of an absolute construction "with
// NP VBG" / "and NP VBG" ("with Hamas blaming an Israeli air strike and
// Israel blaming a misfired rocket"), or -1.
func (sn *sentence) absoluteSubject(i int) int {
	if sn.words[i].Tag != "VBG" || i < 2 || sn.words[i-1].arg < 0 {
		return -1
	}
	a := sn.words[i-1].arg
	s := sn.args[a].start
	if s < 1 {
		return -1
	}
	switch sn.words[s-1].Lower {
	case "with":
		return a
	case "and":
		if s >= 2 && sn.words[s-2].arg < 0 && sn.words[s-2].Lower != "," {
			return a
		}
	}
	return -1
}

// infinitiveSubject returns the object of the verb governing "to VERB" at i
// ("Obama wants Putin to attack Switzerland" -> Putin), or -1.
func (sn *sentence) infinitiveSubject(i int) int {
	if i < 2 || sn.words[i-1].Lower != "to" {
		return -1
	}
	for k := i - 2; k >= 0 && k >= i-8; k-- {
		w := sn.words[k]
		if isVerbTag(w.Tag) {
			if k == i-2 {
				return -1
			}
			for j := k + 1; j < i-1; j++ {
				if a := sn.words[j].arg; a >= 0 && !sn.args[a].loc && sn.prepBefore(sn.args[a].start) == "" {
					return a
				}
			}
			return -1
		}
		if w.Tag == "," || w.Tag == "." || sn.clause[k] != sn.clause[i] {
			return -1
		}
	}
	return -1
}

// subjectIn finds the first argument group of clause cl before token i that
// is not the object of a preposition (falling back to one after "of").
func (sn *sentence) subjectIn(cl, i int) []int {
	of := -1
	for k := 0; k < i && k < len(sn.words); k++ {
		if sn.clause[k] != cl {
			continue
		}
		a := sn.words[k].arg
		if a < 0 || sn.args[a].start != k || sn.args[a].loc {
			continue
		}
		switch sn.prepBefore(k) {
		case "":
			return sn.group(a)
		case "of", "by":
			if of < 0 {
				of = a
			}
		default:
			if sn.opensClause(k, cl) {
				return sn.group(a) // "after Russia seized ...": a subordinator, not a preposition
			}
		}
	}
	if of >= 0 {
		return sn.group(of)
	}
	return nil
}

// modifiedNP returns the actor inside the noun phrase that participle i
// modifies ("an Iranian oil tanker seized by ..."), or -1 when i is not such
// a participle.
func (sn *sentence) modifiedNP(i int) int {
	if sn.words[i].Tag != "VBN" && sn.words[i].Tag != "VBD" || i < 2 || !isNounTag(sn.words[i-1].Tag) || sn.words[i-1].arg >= 0 {
		return -1
	}
	for k := i - 2; k >= 0 && k >= i-6; k-- {
		w := sn.words[k]
		if w.arg >= 0 {
			return w.arg
		}
		switch w.Tag {
		case "NN", "NNS", "JJ", "CD", "HYPH", "VBN":
			continue
		}
		return -1
	}
	return -1
}

// eventSubjectMaker returns the maker of an event noun heading the subject
// of verb i in clause cl ("The arrest of a French aid worker by Iranian
// authorities drew ..."), or -1.
func (sn *sentence) eventSubjectMaker(cl, i int) int {
	for k := 0; k < i; k++ {
		if sn.clause[k] != cl {
			continue
		}
		w := sn.words[k]
		if w.Tag == "DT" || w.Tag == "JJ" || w.Tag == "POS" {
			continue
		}
		if w.arg >= 0 && sn.possessor(w.arg) {
			k = sn.args[w.arg].end - 1 // "China's expulsion of ...": the maker precedes the noun
			continue
		}
		if !isNounTag(w.Tag) || w.arg >= 0 || k+1 >= i || sn.words[k+1].Lower != "of" {
			return -1
		}
		return sn.nounSource(k)
	}
	return -1
}

// borrowTarget completes event f, which has a source and no target, from
// the sentence: an object pronoun is the last event's target or else the
// actor named last ("accusing them of", "accusing it of"); a reciprocal
// verb coordinated with an event verb shares its partner ("spoke with
// Biden and agreed to strengthen the alliance").
func (sn *sentence) borrowTarget(f *found, out []found) bool {
	tc := &tctx{excl: f.src[0], country: sn.args[f.src[0]].country, slot: -1, head: f.head}
	switch {
	case sn.objectPronoun(f.head) && !strings.HasPrefix(f.code, "04"):
		if len(out) > 0 {
			f.tgt = sn.filter(append([]int(nil), out[len(out)-1].tgt...), tc)
		}
		if len(f.tgt) == 0 {
			for k := f.head - 1; k >= 0; k-- {
				if a := sn.words[k].arg; a >= 0 && !sn.args[a].loc && sn.eligible(a, tc) {
					f.tgt = []int{a}
					break
				}
			}
		}
	case f.recip && len(out) > 0 && sn.info[f.clause].inherit >= 0:
		prev := out[len(out)-1]
		if prev.clause == sn.info[f.clause].inherit && len(prev.src) > 0 && prev.src[0] == f.src[0] {
			f.tgt = sn.filter(append([]int(nil), prev.tgt...), tc)
		}
	}
	return f.complete()
}

// parties returns the parties of the events before a mediation, other than
// the mediator's arguments m: the sources of several events ("Hamas freed
// hostages and Israel released prisoners under a deal mediated by Qatar"),
// or the source and target of one ("Saudi Arabia restored relations with
// Iran under a deal brokered by China").
func (sn *sentence) parties(evs []found, m []int) []int {
	var cand []int
	if len(evs) > 1 {
		for _, e := range evs {
			cand = append(cand, e.src...)
		}
	} else {
		cand = append(append(cand, evs[0].src...), evs[0].tgt...)
	}
	var g []int
	for _, a := range cand {
		if a < 0 {
			continue
		}
		dup := false
		for _, x := range append(g, m...) {
			if x == a || sn.args[x].country != "" && sn.args[x].country == sn.args[a].country {
				dup = true
			}
		}
		if !dup {
			g = append(g, a)
		}
	}
	return g
}

// arrestCode reports whether code is an arrest, expulsion, restriction or
// repression (172-175), which a state inflicts on its own named citizens.
func arrestCode(code string) bool {
	return len(code) >= 3 && code[:2] == "17" && code[2] >= '2' && code[2] <= '5'
}

// slotLimit returns the preposition of "accuse + of", "blame + for",
// "criticise + over" after the target slot: the target is the object
// before it, not an actor in the charge. 0 when there is none.
func (sn *sentence) slotLimit(pm patMatch) int {
	if pm.slot < 0 {
		return 0
	}
	for _, l := range pm.lits {
		if l >= pm.slot {
			switch sn.words[l].Lower {
			case "of", "for", "over":
				return l
			}
			return 0
		}
	}
	return 0
}

// placeless reports whether an event of code can only be addressed to an
// actor: "hailed the extension of the truce in Gaza" praises no one in
// Gaza (comments 01, appeals 02, praise 051).
func placeless(code string) bool {
	return strings.HasPrefix(code, "01") || strings.HasPrefix(code, "02") || strings.HasPrefix(code, "051")
}

// deniedCharge codes the wire formulas "..., a charge Kigali denies" and
// "..., which Kyiv denied" after an accusation: the accused denies it
// (016), or rejects it (12x).
func (sn *sentence) deniedCharge(out []found) []found {
	var acc *found
	for i := range out {
		if strings.HasPrefix(out[i].code, "112") && len(out[i].src) > 0 {
			acc = &out[i]
		}
	}
	if acc == nil {
		return nil
	}
	for k := acc.head + 1; k+2 < len(sn.words); k++ {
		if sn.words[k].Lower != "," {
			continue
		}
		j := k + 1
		if sn.words[j].Tag == "DT" {
			j++
		}
		if j+2 >= len(sn.words) {
			return nil
		}
		switch sn.words[j].nlem {
		case "charge", "accusation", "allegation", "claim", "which": // ", which Kyiv denied"
		default:
			continue
		}
		a := sn.words[j+1].arg
		if a < 0 || sn.args[a].start != j+1 || sn.args[a].end >= len(sn.words) {
			continue
		}
		v := sn.args[a].end
		for v+1 < len(sn.words) && v < sn.args[a].end+3 && (sn.words[v].lemma == "have" || sn.words[v].Tag == "RB" && !negator(sn.words[v].Lower)) {
			v++ // "an allegation Kigali has repeatedly denied"
		}
		code := ""
		switch sn.words[v].lemma {
		case "deny":
			code = "016"
		case "reject", "dismiss":
			code = "120"
		default:
			continue
		}
		return []found{{code: code, head: v, headEnd: v + 1, clause: sn.clause[j], src: []int{a}, tgt: acc.src}}
	}
	return nil
}

// negator reports whether an adverb negates ("not", "never").
func negator(w string) bool { return w == "not" || w == "never" || w == "n't" }

// denial verbs answer an accusation from a relative clause.
var denial = map[string]bool{"deny": true, "reject": true, "dismiss": true, "refute": true}

// verbalCode reports whether an event code takes content (appeals, intents,
// demands, disapproval, rejections, threats).
func verbalCode(code string) bool {
	if len(code) < 2 {
		return true
	}
	switch code[:2] {
	case "02", "03", "10", "11", "12", "13":
		return true
	}
	return false
}

// impactTail reports whether verb event f is an impact in a participial
// tail of an attack-noun clause: "An Israeli air strike destroyed Iran's
// consulate, killing two Iranian generals" is one attack (195).
func (sn *sentence) impactTail(att []found, f found) bool {
	inf := sn.info[f.clause]
	if f.noun || inf.kind != clSub || inf.inherit < 0 || !impactVerbs[sn.words[f.head].lemma] {
		return false
	}
	for _, a := range att {
		if a.clause == inf.inherit {
			return true
		}
	}
	return false
}

// sportsVerbs are conflict verbs that sports reports use for results.
var sportsVerbs = map[string]bool{"beat": true, "defeat": true, "crush": true, "thrash": true, "rout": true,
	"stun": true, "edge": true, "down": true, "hammer": true, "overwhelm": true, "outplay": true,
	"attack": true, "sink": true, "topple": true, "upset": true, "humiliate": true, "trounce": true,
	"overpower": true, "demolish": true, "batter": true, "dominate": true}

// sportsWords mark a sports report (words that rarely occur in political
// news: "goal", "title" and "final" do).
var sportsWords = map[string]bool{"cup": true, "semi-final": true, "semifinal": true,
	"quarter-final": true, "quarterfinal": true, "league": true, "tournament": true,
	"championship": true, "championships": true, "olympics": true, "olympic": true, "medal": true,
	"qualifier": true, "penalties": true, "wicket": true, "wickets": true, "innings": true,
	"stadium": true, "derby": true, "rugby": true, "football": true, "soccer": true, "cricket": true,
	"tennis": true, "basketball": true, "striker": true, "halftime": true, "half-time": true}

// sports reports whether the sentence reports a game: a score ("2-1",
// "31-20") or a sports word.
func (sn *sentence) sports() bool {
	for _, w := range sn.words {
		if sportsWords[w.Lower] || isScore(w.Lower) {
			return true
		}
	}
	return false
}

func isScore(s string) bool {
	h := strings.IndexByte(s, '-')
	if h <= 0 || h+1 >= len(s) || h > 3 || len(s)-h-1 > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i != h && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// modifiersOnly reports whether tokens [a, b) are determiners and adjectives.
func (sn *sentence) modifiersOnly(a, b int) bool {
	for k := a; k < b; k++ {
		if t := sn.words[k].Tag; t != "DT" && t != "JJ" || sn.words[k].arg >= 0 {
			return false
		}
	}
	return true
}

func impactOf(att []found, v int) bool {
	for _, a := range att {
		if a.impact == v {
			return true
		}
	}
	return false
}

// sameCountry reports whether argument a shares a country with one of g.
func (sn *sentence) sameCountry(g []int, a int) bool {
	c := sn.args[a].country
	if c == "" {
		return false
	}
	for _, s := range g {
		if sn.args[s].country == c {
			return true
		}
	}
	return false
}

// objectPronoun reports whether an object pronoun follows verb i.
func (sn *sentence) objectPronoun(i int) bool {
	if i+1 >= len(sn.words) {
		return false
	}
	if i+2 < len(sn.words) {
		if t := sn.words[i+2].Tag; t == "MD" || t == "VBD" || t == "VBZ" || t == "VBP" {
			return false // "denied it had sent drones": the subject of a complement
		}
	}
	switch sn.words[i+1].Lower {
	case "them", "it", "him":
		return true
	case "its", "their":
		// "accusing its neighbour of", "calling its government fascist"
		if i+2 < len(sn.words) {
			switch sn.words[i+2].nlem {
			case "neighbour", "neighbor", "rival", "government", "leader", "leadership", "counterpart":
				return true
			}
		}
	case "her":
		return sn.words[i+1].Tag == "PRP" // not "meeting her counterpart"
	}
	return false
}

// opensClause reports whether the word before the noun phrase at k is the
// subordinator opening clause cl ("after", "as", "since").
func (sn *sentence) opensClause(k, cl int) bool {
	j := k - 1
	for j >= 0 && (sn.words[j].Tag == "DT" || sn.words[j].Tag == "JJ" || sn.words[j].Tag == "CD" || sn.words[j].Tag == "PRP$") {
		j--
	}
	if j < 0 || sn.clause[j] != cl || (j > 0 && sn.clause[j-1] == cl) {
		return false
	}
	return sn.info[cl].kind != clMain && sn.subordinator(j) != 0
}

// subjectPP finds the argument group in a prepositional modifier of a
// passive subject that names no actor itself: "Relations with Iran were
// severed by Bahrain", "Aid to Ethiopia was suspended by ..." (the target).
func (sn *sentence) subjectPP(cl, i int) []int {
	for k := 0; k < i && k < len(sn.words); k++ {
		if sn.clause[k] != cl {
			continue
		}
		a := sn.words[k].arg
		if a < 0 || sn.args[a].start != k || sn.args[a].loc {
			continue
		}
		switch sn.prepBefore(k) {
		case "with", "to", "on", "against", "for", "from":
			return sn.group(a)
		}
	}
	return nil
}

// participleBy reports whether the noun phrase at k follows a participle
// other than the predicate head: "brokered by X", "linked to X".
func (sn *sentence) participleBy(k, head int) bool {
	for j := k - 1; j >= 1 && j >= k-4; j-- {
		w := sn.words[j]
		if w.Lower == "by" || w.Lower == "to" || w.Lower == "with" {
			return sn.words[j-1].Tag == "VBN" && j-1 != head
		}
		if w.Tag != "DT" && w.Tag != "JJ" && w.Tag != "CD" {
			return false
		}
	}
	return false
}

// prepBefore returns the preposition governing the noun phrase starting at
// token k ("" if none).
func (sn *sentence) prepBefore(k int) string {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		w := sn.words[j]
		switch w.Tag {
		case "DT", "JJ", "CD", "PRP$", "JJS", "JJR", "RB":
			continue
		case "IN", "TO":
			if w.Lower == "that" {
				return ""
			}
			return w.Lower
		}
		return ""
	}
	return ""
}

// pronounSubject returns a subject pronoun of clause cl before verb i.
func (sn *sentence) pronounSubject(cl, i int) string {
	if i < len(sn.words) && sn.clause[i] != cl {
		// a clause whose subject i shares (", calling ..."): its subject
		// stands before its own first verb
		for k := 0; k < i; k++ {
			if sn.clause[k] != cl {
				continue
			}
			if isVerbTag(sn.words[k].Tag) || sn.words[k].Tag == "MD" {
				break
			}
			if p := sn.subjectPronoun(k); p != "" {
				return p
			}
		}
		return ""
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if sn.clause[k] != cl {
			break
		}
		if p := sn.subjectPronoun(k); p != "" {
			return p
		}
	}
	return ""
}

// subjectPronoun returns the pronoun at token k that can be a subject ("he",
// "his country" -> "he"), or "".
func (sn *sentence) subjectPronoun(k int) string {
	switch sn.words[k].Lower {
	case "he", "she", "it", "they", "we", "i":
		return sn.words[k].Lower
	case "country", "nation", "government":
		if k > 0 && (sn.words[k-1].Lower == "his" || sn.words[k-1].Lower == "her") {
			return "he" // "Petro said his country would break relations"
		}
	}
	if k > 1 && sn.words[k-1].Lower == "two" && sn.words[k-2].Lower == "the" && pairNouns[sn.words[k].Lower] {
		return "pair" // "Li met Chinh ..., and the two sides signed agreements"
	}
	if k > 0 && sn.words[k-1].Lower == "the" && sn.words[k].arg < 0 && anaphors[sn.words[k].Lower] != "" {
		return anaphors[sn.words[k].Lower] // "A Taliban spokesman said the movement wanted ..."
	}
	return ""
}

// anaphors are definite descriptions that wire copy uses for an actor
// named before ("the group", "the movement", "the kingdom"), with the kind
// of actor they prefer ("group": an armed group, "state": a state).
var anaphors = map[string]string{"group": "group", "movement": "group", "militia": "group", "organisation": "group",
	"organization": "group", "kingdom": "state", "republic": "state", "alliance": "it", "bloc": "it"}

// pairNouns are the heads of "the two countries", "the two sides": the two
// parties named before.
var pairNouns = map[string]bool{"countries": true, "sides": true, "nations": true, "governments": true,
	"leaders": true, "neighbours": true, "neighbors": true, "states": true, "presidents": true,
	"ministers": true, "delegations": true, "capitals": true, "rivals": true, "allies": true}

// eachOther reports whether "each other" or "one another" is the object of
// verb i ("India and Canada expelled each other's diplomats").
func (sn *sentence) eachOther(i int) bool {
	for k := i + 1; k+1 < len(sn.words) && k <= i+6 && sn.clause[k] == sn.clause[i]; k++ {
		w, nx := sn.words[k].Lower, sn.words[k+1].Lower
		if w == "each" && nx == "other" || w == "one" && nx == "another" {
			return true
		}
		if w == "." || w == ";" || isVerbTag(sn.words[k].Tag) && k > i+1 {
			return false
		}
	}
	return false
}

// group returns argument a with the arguments coordinated with it ("Britain,
// France and Germany"). A bare agent after a country-bearing conjunct is
// absorbed ("U.S. missiles and drones").
func (sn *sentence) group(a int) []int {
	if a >= len(sn.args) || sn.args[a].pron {
		return []int{a}
	}
	g := []int{a}
	closed := false
	for b := a + 1; b < len(sn.args); b++ {
		j := sn.coordinated(sn.args[b-1].end, sn.args[b].start)
		if j == 0 {
			break
		}
		if j == 2 && sn.finiteAfter(sn.args[b].end) && sn.verbBeforeArg(a) {
			break // "Israel attacked Gaza and Hamas fired rockets": a new clause
		}
		closed = j == 2
		if sn.args[b].country == "" && sn.args[b].kind == actors.KindAgent {
			continue
		}
		g = append(g, b)
		if closed {
			break
		}
	}
	if !closed {
		if len(g) == 2 && sn.headlinePair(g[0], g[1]) {
			return g // "Japan, South Korea agree to ...": a headline's list
		}
		return g[:1] // "A, B," is an apposition, not a list
	}
	return g
}

// headlinePair reports whether arguments a and b are a headline's subject
// list "A, B VERB" ("Seoul, Tokyo agree to ...", "Putin, Modi hold talks"):
// a opens the sentence, a comma alone joins them, a verb follows b, and
// they name different countries (so it is no apposition).
func (sn *sentence) headlinePair(a, b int) bool {
	x, y := sn.args[a], sn.args[b]
	if x.start != sn.lead || x.end+1 != y.start || sn.words[x.end].Lower != "," || y.end >= len(sn.words) {
		return false
	}
	if x.country == "" || y.country == "" || x.country == y.country || x.pron || y.pron {
		return false
	}
	switch sn.words[y.end].Tag {
	case "VBP", "VBZ", "VBD", "MD", "NN", "NNS":
		return true
	}
	return false
}

// finiteAfter reports whether a finite verb or modal starts at token k,
// after adverbs.
func (sn *sentence) finiteAfter(k int) bool {
	for ; k < len(sn.words) && sn.words[k].Tag == "RB"; k++ {
	}
	if k >= len(sn.words) {
		return false
	}
	switch sn.words[k].Tag {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// verbBeforeArg reports whether argument a follows a verb of its clause
// (it is an object, not a subject).
func (sn *sentence) verbBeforeArg(a int) bool {
	st := sn.args[a].start
	for k := st - 1; k >= 0 && k >= st-8 && sn.clause[k] == sn.clause[st]; k-- {
		if isVerbTag(sn.words[k].Tag) {
			return true
		}
	}
	return false
}

// coordinated reports whether tokens [a, b) join two conjuncts: 0 no, 1 by
// a comma, 2 by and/or.
func (sn *sentence) coordinated(a, b int) int {
	if b <= a || b-a > 4 {
		return 0
	}
	j := 0
	for k := a; k < b; k++ {
		w := sn.words[k]
		switch {
		case w.Lower == "and" || w.Lower == "or" || w.Lower == "&":
			j = 2
		case w.Lower == ",":
			if j == 0 {
				j = 1
			}
		case w.Lower == "with" && k > a && (sn.words[k-1].Lower == "along" || sn.words[k-1].Lower == "together"),
			w.Lower == "as" && k > a && sn.words[k-1].Lower == "well":
			j = 2 // "along with", "together with", "as well as"
		case w.Lower == "along" || w.Lower == "together" || w.Lower == "well" || w.Lower == "as":
		case w.Tag == "DT" || w.Tag == "JJ":
		default:
			return 0
		}
	}
	return j
}

// passive reports whether verb i is in the passive voice.
func (sn *sentence) passive(i int) bool {
	if sn.reducedRelative(i) {
		return true
	}
	if sn.words[i].Tag != "VBN" {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		w := sn.words[k]
		switch {
		case w.lemma == "be" || w.lemma == "get":
			return true
		case w.Tag == "RB" || w.Lower == "not" || w.Lower == "n't":
		default:
			return sn.byAgent(i) >= 0 && w.arg < 0 && w.Tag != "PRP"
		}
	}
	return false
}

// reducedRelative reports whether participle i (often tagged VBD) modifies
// the noun before it rather than predicating of it: "There were 10 Russian
// soldiers killed in Ukraine", "Two Iranian diplomats detained in Iraq were
// freed". Signs: an existential "there be" before the noun, or a finite
// be/have later in the same stretch of the sentence that the participle
// cannot be.
func (sn *sentence) reducedRelative(i int) bool {
	w := sn.words[i]
	if w.Tag != "VBN" && w.Tag != "VBD" || i < 2 || !isNounTag(sn.words[i-1].Tag) {
		return false
	}
	if w.Tag == "VBD" && strings.HasPrefix(sn.words[i-1].Tag, "NNP") {
		return false // "Poland demanded ...": a proper-noun subject
	}
	for k := i - 2; k >= 0 && k >= i-8; k-- {
		if isVerbTag(sn.words[k].Tag) {
			if sn.words[k].lemma == "be" && k > 0 && sn.words[k-1].Lower == "there" {
				return true
			}
			break
		}
	}
	for k := i + 1; k < len(sn.words); k++ {
		x := sn.words[k]
		if len(sn.clause) == len(sn.words) && sn.clause[k] != sn.clause[i] {
			return false // "... after a Polish aid worker was killed": another clause
		}
		switch {
		case x.Tag == "." || x.Tag == "," || x.Tag == ":" || x.Tag == "CC" || x.Tag == "WDT" || x.Tag == "WP" || x.Lower == "that":
			return false
		case x.Tag == "VBD" || x.Tag == "VBZ" || x.Tag == "VBP":
			return x.lemma == "be" || x.lemma == "have"
		}
	}
	return false
}

// byAgent returns the argument of a "by" phrase after verb i, or -1.
func (sn *sentence) byAgent(i int) int {
	for k := i + 1; k < len(sn.words) && k <= i+10; k++ {
		w := sn.words[k]
		if w.Tag == "." || isVerbTag(w.Tag) && w.Tag != "VBN" {
			return -1
		}
		if w.Lower != "by" {
			continue
		}
		for j := k + 1; j < len(sn.words) && j <= k+5; j++ {
			if a := sn.words[j].arg; a >= 0 {
				return a
			}
			if sn.words[j].Lower == "of" {
				return -1 // "backed by the profits of frozen Russian assets"
			}
		}
		return -1
	}
	return -1
}

// negated reports whether verb i is negated ("did not attack", "never
// threatened", "No Iranian missiles hit").
func (sn *sentence) negated(i int) bool {
	if i >= 2 && sn.words[i-1].Lower == "to" {
		// "will not allow anyone to attack Afghanistan": the complement of
		// a negated verb is not asserted
		for k := i - 2; k >= 0 && k >= i-6 && sn.clause[k] == sn.clause[i]; k-- {
			if isVerbTag(sn.words[k].Tag) {
				if sn.negatedHere(k) {
					return true
				}
				break
			}
		}
	}
	return sn.negatedHere(i)
}

// negatedHere reports whether verb i's own auxiliary chain or subject is
// negative.
func (sn *sentence) negatedHere(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		w := sn.words[k]
		switch {
		case w.Lower == "not" || w.Lower == "n't" || w.Lower == "never":
			return true
		case w.Tag == "MD" || w.Tag == "RB" || isVerbTag(w.Tag) || w.Lower == "to":
		default:
			return sn.noSubject(k)
		}
	}
	return false
}

// noSubject reports whether the subject ending at token k starts with "no".
func (sn *sentence) noSubject(k int) bool {
	for k >= 0 && sn.words[k].arg < 0 && isNounTag(sn.words[k].Tag) {
		k--
	}
	if k < 0 {
		return false
	}
	a := sn.words[k].arg
	if a < 0 {
		return false
	}
	for j := sn.args[a].start - 1; j >= 0 && j >= sn.args[a].start-3; j-- {
		switch sn.words[j].Lower {
		case "no", "neither":
			return true
		}
		if sn.words[j].Tag != "JJ" && sn.words[j].Tag != "CD" {
			return false
		}
	}
	return false
}

// modality returns the modality of verb i: hypothetical (conditional clause
// or would/could/might), future (will, "plans to"), reported (speech) or "".
func (sn *sentence) modality(i int, future bool) string {
	if sn.conditional(sn.clause[i]) {
		return modHypothetical
	}
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		w := sn.words[k]
		if w.Tag != "MD" && w.Tag != "RB" && !isVerbTag(w.Tag) && w.Lower != "to" && w.Lower != "not" && w.Lower != "n't" {
			break
		}
		switch w.Lower {
		case "would", "'d":
			if sn.info[sn.clause[i]].kind == clComp && !sn.hasConditional() {
				future = true // reported future: "announced it would send"
				continue
			}
			return modHypothetical
		case "could", "might", "may", "should":
			return modHypothetical
		case "will", "'ll", "shall", "wo":
			if sn.hasConditional() {
				return modHypothetical // "China will retaliate ... if Washington imposes new duties"
			}
			future = true
		}
	}
	if sn.hedgedInfinitive(i) {
		return modHypothetical // "proposed to set up a court to investigate ..."
	}
	if future {
		return modFuture
	}
	switch sn.info[sn.clause[i]].kind {
	case clComp, clQuote:
		return modReported
	}
	return ""
}

// hedgeVerbs govern infinitives that are only considered, not asserted.
var hedgeVerbs = map[string]bool{"propose": true, "suggest": true, "consider": true, "weigh": true,
	"mull": true, "contemplate": true, "debate": true}

// hedgedInfinitive reports whether verb i is (in a chain of) infinitives
// under a hedge verb: "proposed to set up a court to investigate".
func (sn *sentence) hedgedInfinitive(i int) bool {
	for k := i - 1; k >= 0 && k >= i-12 && sn.clause[k] == sn.clause[i]; k-- {
		if isVerbTag(sn.words[k].Tag) && hedgeVerbs[sn.words[k].lemma] {
			for j := k + 1; j < i && j <= k+4; j++ {
				if sn.words[j].Lower == "to" {
					return true // "proposed on Wednesday to set up a court"
				}
			}
		}
	}
	return false
}

// hasConditional reports whether the sentence has a conditional clause.
func (sn *sentence) hasConditional() bool {
	for _, inf := range sn.info {
		if inf.kind == clCond && !inf.hearsay {
			return true
		}
	}
	return false
}

// conditional reports whether clause cl is (inside) an if/unless clause.
func (sn *sentence) conditional(cl int) bool {
	for k := cl; k >= 0; k = sn.info[k].parent {
		if sn.info[k].kind == clCond {
			return true
		}
	}
	return false
}

// eventNounLits keeps the pattern words that name a measure taken against
// someone ("sanctions", "embargo", "ban"): an actor modifying them is not the
// target ("lifted U.S. sanctions on Syria").
func (c *Coder) eventNounLits(sn *sentence, lits []int) []int {
	var out []int
	for _, l := range lits {
		if isNounTag(sn.words[l].Tag) && c.measureNoun(sn.words[l].nlem) {
			out = append(out, l)
		}
	}
	return out
}

// measureNoun reports whether a noun's patterns are sanctions or restrictions
// (CAMEO 16x, 172x) or their easing (08x).
func (c *Coder) measureNoun(lemma string) bool {
	for _, p := range c.verbs.Noun(lemma) {
		if p.Recv || p.Code == "-" {
			return false
		}
		if strings.HasPrefix(p.Code, "16") || strings.HasPrefix(p.Code, "08") || strings.HasPrefix(p.Code, "172") {
			return true
		}
	}
	return false
}

// recvNoun reports whether a noun has !recv patterns (invitation, offer).
func (c *Coder) recvNoun(lemma string) bool {
	for _, p := range c.verbs.Noun(lemma) {
		if p.Recv {
			return true
		}
	}
	return false
}
