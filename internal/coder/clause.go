package coder

import "github.com/detente-project/detente/internal/verbs"

// clauseKind says how a clause relates to the rest of its sentence.
type clauseKind uint8

const (
	clMain  clauseKind = iota
	clRel              // relative clause: its subject may be the antecedent
	clCond             // if/unless clause or inverted conditional: hypothetical
	clSub              // other subordinate clause (after, because, while ...)
	clComp             // complement of a speech or event verb ("said (that) ...")
	clQuote            // inside quotation marks
	clTail             // trailing ", X said" / "according to X"
)

// clauseInfo describes one clause. Token membership is in sentence.clause.
type clauseInfo struct {
	kind       clauseKind
	antecedent int  // relative clauses: the argument the pronoun refers to, -1
	inherit    int  // clause whose subject this clause shares (VP coordination), -1
	parent     int  // the clause this one is embedded in, -1
	verb       int  // complement clauses: token of the governing verb, -1
	hearsay    bool // a clCond clause that is hearsay ("rumours that ..."), not a condition
}

var subordinators = map[string]clauseKind{
	"if": clCond, "unless": clCond, "whether": clCond,
	"because": clSub, "although": clSub, "though": clSub, "while": clSub, "whereas": clSub,
	"when": clSub, "whenever": clSub, "once": clSub, "until": clSub, "before": clSub,
	"after": clSub, "since": clSub, "as": clSub, "where": clSub,
}

// segment assigns every token to a clause.
func (sn *sentence) segment(c *Coder) {
	n := len(sn.words)
	sn.clause = make([]int, n)
	sn.info = sn.info[:0]
	cur := sn.newClause(clMain, -1)
	var saved []int // clauses to return to after a parenthetical
	inQuote := false
	sn.lead = sn.dateline()
	inverted := n > sn.lead+1 && isInversion(sn.words[sn.lead], sn.words[sn.lead+1])
	if inverted && sn.lead == 0 {
		sn.info[cur].kind = clCond
	}
	compAt, compVerb := -1, -1 // a speech complement after a time adjunct
	for i := 0; i < n; i++ {
		w := &sn.words[i]
		if i == compAt && !inQuote {
			nc := sn.newClause(clComp, cur)
			sn.info[nc].verb = compVerb
			cur = nc
		}
		sub := sn.subordinator(i)
		if sub == clSub && i+2 < n && sn.words[i+1].Lower == "long" && sn.words[i+2].Lower == "as" && (w.Lower == "as" || w.Lower == "so") {
			sub = clCond // "as long as Washington supports Israel": a condition
		}
		if inverted && i == sn.lead && i > 0 {
			// "BEIRUT (Reuters) - Should Israel attack ...": the inverted
			// conditional opens the sentence after the dateline
			cur = sn.newClause(clCond, -1)
		}
		switch {
		case isQuoteTok(w):
			if !inQuote {
				saved = append(saved, cur)
				cur = sn.newClause(clQuote, cur)
			} else {
				cur = sn.newClause(clMain, -1)
				saved = saved[:0]
			}
			inQuote = !inQuote
			sn.clause[i] = cur
			continue
		case w.Lower == ";" || w.Lower == ":" || w.Lower == "--" || w.Lower == "—" || w.Lower == "–" || w.Lower == "-":
			if !inQuote {
				cur = sn.newClause(clMain, -1)
			}
		case w.Lower == ",":
			cur, saved = sn.comma(c, i, cur, saved)
		case isRelPronoun(w, sn, i):
			cur = sn.relative(c, i, cur, &saved)
		case sn.zeroRelative(c, i, cur):
			// "sanctions on six Iranian officials it accused of plotting
			// attacks": an object relative without a pronoun
			nc := sn.newClause(clRel, cur)
			if a := sn.words[i-1].arg; a >= 0 && !sn.args[a].loc {
				sn.info[nc].antecedent = a
			}
			cur = nc
		case sub != 0:
			k := sub
			nc := sn.newClause(k, cur)
			if k == clSub && i+1 < n && sn.words[i+1].Tag == "VBG" {
				sn.info[nc].inherit = cur // "after meeting Wang Yi": the main subject met him
			}
			cur = nc
		case (w.Lower == "and" || w.Lower == "but") && sn.finiteBefore(i, cur) && sn.subjectVerbNext(i+1):
			// "Israel attacked Gaza and Hamas fired rockets": a new clause
			// with its own subject.
			if sn.info[cur].kind == clTail {
				// "..., the group said, and Israel responded with ...":
				// the report is over
				cur = sn.newClause(clMain, -1)
				break
			}
			cur = sn.newClause(sn.info[cur].kind, sn.info[cur].parent)
		case (w.Lower == "and" || w.Lower == "but") && sn.verbNext(i+1):
			if prev := sn.prevClause(i); prev >= 0 && sn.info[prev].kind == clSub && sn.info[prev].inherit < 0 && sn.info[prev].parent >= 0 {
				p := sn.info[prev].parent
				// "backed Azerbaijan after fighting erupted ..., and accused
				// Yerevan": the second verb coordinates with the main one
				nc := sn.newClause(sn.info[p].kind, sn.info[p].parent)
				sn.info[nc].inherit = p
				cur = nc
				break
			}
			nc := sn.newClause(sn.info[cur].kind, sn.info[cur].parent)
			sn.info[nc].inherit = cur
			cur = nc
		case w.Lower == "according" && i+1 < n && sn.words[i+1].Lower == "to":
			cur = sn.newClause(clTail, -1)
		}
		sn.clause[i] = cur
		say := c.isSayVerb(sn, i)
		if say && i+1 < n && startsComplement(sn.words[i+1]) {
			nc := sn.newClause(clComp, cur)
			sn.info[nc].verb = i
			cur = nc
		} else if say {
			// "said on Tuesday (that) it would ...": the complement
			// starts after the time adjunct
			if j := sn.timeAdjunct(i + 1); j > i+1 && j < n && startsComplement(sn.words[j]) {
				compAt, compVerb = j, i
			}
		}
	}
}

// prevClause returns the clause of the token before a comma right before
// token i, or -1.
func (sn *sentence) prevClause(i int) int {
	if i < 2 || sn.words[i-1].Lower != "," {
		return -1
	}
	return sn.clause[i-2]
}

func (sn *sentence) newClause(k clauseKind, parent int) int {
	sn.info = append(sn.info, clauseInfo{kind: k, antecedent: -1, inherit: -1, parent: parent, verb: -1})
	return len(sn.info) - 1
}

// comma handles a comma: it may end a parenthetical relative clause, start a
// trailing speech clause (", officials said"), or start a participial clause
// (", calling him ...").
func (sn *sentence) comma(c *Coder, i, cur int, saved []int) (int, []int) {
	if sn.info[cur].kind == clRel && len(saved) > 0 {
		back := saved[len(saved)-1]
		return back, saved[:len(saved)-1]
	}
	if sn.info[cur].kind == clQuote {
		return cur, saved
	}
	if c.speechTail(sn, i+1) {
		return sn.newClause(clTail, -1), saved
	}
	if i+1 < len(sn.words) && (sn.words[i+1].Tag == "VBG" || sn.words[i+1].Tag == "VBN" && sn.byAgent(i+1) >= 0) {
		// ", calling him ...", ", mediated by Oman": a participial clause
		nc := sn.newClause(clSub, cur)
		sn.info[nc].inherit = cur
		if inf := sn.info[cur]; inf.kind == clComp && inf.parent >= 0 && sn.words[i+1].Tag == "VBG" {
			// "X said that ..., accusing it of ...": the speaker accuses
			sn.info[nc].inherit = inf.parent
		}
		if inf := sn.info[cur]; inf.kind == clRel && inf.parent >= 0 && sn.words[i+1].Tag == "VBG" {
			// "denied any role in the bombing that killed 40 police,
			// calling ...": the tail hangs from the main clause
			sn.info[nc].inherit = inf.parent
		}
		return nc, saved
	}
	if sn.info[cur].kind == clCond && sn.clause[sn.lead] == cur {
		return sn.newClause(clMain, -1), saved
	}
	if (sn.info[cur].kind == clCond || sn.info[cur].kind == clSub) && sn.finiteBefore(i, cur) {
		return sn.newClause(clMain, -1), saved
	}
	return cur, saved
}

// relative starts a relative or complement clause at the pronoun i.
func (sn *sentence) relative(c *Coder, i, cur int, saved *[]int) int {
	if sn.words[i].Lower == "that" && i > 0 && hearsay[sn.words[i-1].nlem] {
		// "after rumours that France was sheltering ...": not asserted
		nc := sn.newClause(clCond, cur)
		sn.info[nc].hearsay = true
		return nc
	}
	prev := i - 1
	comma := prev >= 0 && sn.words[prev].Lower == ","
	if comma {
		prev--
	}
	if prev >= 0 && isVerbTag(sn.words[prev].Tag) {
		nc := sn.newClause(clComp, cur)
		sn.info[nc].verb = prev
		return nc
	}
	if sn.words[i].Lower == "that" && sn.words[i].Tag == "IN" {
		if v := sn.verbBefore(i, cur); v >= 0 && !sn.nounAntecedent(c, prev, v) {
			nc := sn.newClause(clComp, cur)
			sn.info[nc].verb = v
			return nc
		}
	}
	nc := sn.newClause(clRel, cur)
	if prev >= 0 && sn.words[prev].arg >= 0 && !sn.args[sn.words[prev].arg].loc {
		sn.info[nc].antecedent = sn.words[prev].arg
	} else if prev >= 1 && isNounTag(sn.words[prev].Tag) && sn.words[prev-1].arg >= 0 && sn.args[sn.words[prev-1].arg].kind != "place" && !sn.args[sn.words[prev-1].arg].loc {
		sn.info[nc].antecedent = sn.words[prev-1].arg // "Iranian forces that ...": the head is the actor
	}
	if comma {
		*saved = append(*saved, cur)
	}
	return nc
}

// zeroRelative reports whether the subject pronoun at i opens an object
// relative clause without "that" on the common noun before it ("officials
// it accused of ..."), not the complement of a speech or warn verb ("told
// reporters they would ...").
func (sn *sentence) zeroRelative(c *Coder, i, cur int) bool {
	switch sn.words[i].Lower {
	case "it", "they", "he", "she":
	default:
		return false
	}
	if i < 2 || i+1 >= len(sn.words) {
		return false
	}
	if t := sn.words[i-1].Tag; t != "NN" && t != "NNS" {
		return false
	}
	if t := sn.words[i+1].Tag; t != "VBD" && t != "VBZ" && t != "VBP" && t != "VBN" {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-10 && sn.clause[k] == cur; k-- {
		if isVerbTag(sn.words[k].Tag) && sn.words[k].Tag != "VBN" && sn.words[k].Tag != "VBG" {
			return !c.takesComplement(sn, k) && !isAux(sn, k)
		}
	}
	return false
}

// hearsay nouns introduce that-clauses that are not asserted.
var hearsay = map[string]bool{"rumour": true, "rumor": true, "speculation": true, "fear": true,
	"suspicion": true, "allegation": true, "accusation": true, "claim": true, "report": true, "hope": true}

// nounAntecedent reports whether "that" after the common noun at prev
// starts a relative clause on that noun ("denounced the sanctions that
// Washington imposed") rather than the complement of verb v ("told
// reporters that ...", "warned Iran that ...").
func (sn *sentence) nounAntecedent(c *Coder, prev, v int) bool {
	if prev < 0 || prev == v || sn.words[prev].arg >= 0 {
		return false
	}
	if t := sn.words[prev].Tag; t != "NN" && t != "NNS" {
		return false
	}
	return !c.takesComplement(sn, v)
}

// takesComplement reports whether verb v is a speech or warn/tell verb,
// whose object may be followed by a complement clause.
func (c *Coder) takesComplement(sn *sentence, v int) bool {
	if c.isSayVerb(sn, v) {
		return true
	}
	switch sn.words[v].lemma {
	case "tell", "warn", "assure", "inform", "remind", "notify", "convince", "persuade", "advise", "caution", "reassure", "promise", "accuse", "demand", "insist":
		return true
	}
	return false
}

// verbBefore returns the nearest verb of clause cl within 6 tokens before i.
func (sn *sentence) verbBefore(i, cl int) int {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if sn.clause[k] != cl {
			return -1
		}
		if isVerbTag(sn.words[k].Tag) && sn.words[k].Tag != "VBN" {
			return k
		}
	}
	return -1
}

// lastArgBefore returns the argument ending within max tokens before i.
func (sn *sentence) lastArgBefore(i, max int) int {
	for k := i - 1; k >= 0 && k >= i-max; k-- {
		if sn.words[k].arg >= 0 {
			return sn.words[k].arg
		}
		if isVerbTag(sn.words[k].Tag) {
			return -1
		}
	}
	return -1
}

func (sn *sentence) subordinator(i int) clauseKind {
	w := sn.words[i]
	k, ok := subordinators[w.Lower]
	if !ok || (w.Tag != "IN" && w.Tag != "WRB" && w.Tag != "RB") {
		return 0
	}
	if w.Lower == "as" && !sn.finiteAhead(i+1) {
		return 0
	}
	if w.Lower == "as" && i >= 2 && sn.words[i-1].Lower == "well" && sn.words[i-2].Lower == "as" {
		return 0 // "A as well as B": coordination
	}
	if w.Lower == "as" && i+1 < len(sn.words) && sn.words[i+1].Lower == "well" {
		return 0
	}
	return k
}

// verbNext reports whether a finite verb or modal starts at i (after adverbs).
func (sn *sentence) verbNext(i int) bool {
	for k := i; k < len(sn.words) && k < i+3; k++ {
		switch t := sn.words[k].Tag; {
		case t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD":
			return true
		case t != "RB":
			return false
		}
	}
	return false
}

// subjectVerbNext reports whether a noun phrase and then a finite verb
// start at token i.
func (sn *sentence) subjectVerbNext(i int) bool {
	k := i
	for k < len(sn.words) && k < i+6 {
		w := sn.words[k]
		switch {
		case w.arg >= 0:
			k = max(k+1, sn.args[w.arg].end) // a pronoun argument may be empty
			continue
		case w.Tag == "DT" || w.Tag == "JJ" || w.Tag == "CD" || w.Tag == "PRP$" || isNounTag(w.Tag):
			k++
			continue
		}
		break
	}
	return k > i && sn.verbNext(k)
}

// finiteAhead reports whether a finite verb follows within a few tokens
// before any punctuation.
func (sn *sentence) finiteAhead(i int) bool {
	for k := i; k < len(sn.words) && k < i+8; k++ {
		t := sn.words[k].Tag
		switch {
		case t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD":
			return true
		case t == "," || t == "." || t == ":":
			return false
		}
	}
	return false
}

func (sn *sentence) finiteBefore(i, cl int) bool {
	for k := i - 1; k >= 0 && sn.clause[k] == cl; k-- {
		t := sn.words[k].Tag
		if t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" {
			return true
		}
	}
	return false
}

// speechTail reports whether tokens from i to the end are a trailing speech
// clause: a noun phrase and a speech verb ("officials said", "said Trump").
func (c *Coder) speechTail(sn *sentence, i int) bool {
	if i < len(sn.words) && (sn.words[i].Lower == "and" || sn.words[i].Lower == "but") {
		return false // ", and Israel responded with air strikes": a new clause
	}
	say := false
	for k := i; k < len(sn.words); k++ {
		w := sn.words[k]
		switch {
		case isVerbTag(w.Tag) && c.verbs.Role(w.vlem) == verbs.RoleSay:
			say = true
		case isVerbTag(w.Tag) && (w.vlem == "be" || w.vlem == "have"):
		case w.Lower == "," && say:
			return true // ", South Korea's military said, a day after ..."
		case isVerbTag(w.Tag) || w.Lower == "that" || w.Lower == ",":
			return false
		}
		if k-i > 12 {
			return false
		}
	}
	return say
}

// weekdays name the days of wire copy's time adjuncts.
var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true}

// timeAdjunct returns the token after a time adjunct starting at i ("on
// Tuesday", "late on Monday", "earlier on Friday", "on Tuesday night"), or
// i when there is none.
func (sn *sentence) timeAdjunct(i int) int {
	n := len(sn.words)
	j := i
	if j < n {
		switch sn.words[j].Lower {
		case "late", "early", "earlier", "later":
			j++
		}
	}
	if j+1 < n && sn.words[j].Lower == "on" && weekdays[sn.words[j+1].Lower] {
		j += 2
		if j < n {
			switch sn.words[j].Lower {
			case "night", "evening", "morning", "afternoon":
				j++
			}
		}
		return j
	}
	return i
}

// isSayVerb reports whether token i is a speech verb heading a clause.
func (c *Coder) isSayVerb(sn *sentence, i int) bool {
	w := sn.words[i]
	return isVerbTag(w.Tag) && c.verbs.Role(w.vlem) == verbs.RoleSay
}

// startsComplement reports whether w can open the complement of a speech verb.
func startsComplement(w word) bool {
	switch w.Tag {
	case "DT", "NNP", "NNPS", "PRP", "PRP$", "JJ", "NN", "NNS", "CD":
		return w.Lower != "reporters" && w.Lower != "journalists"
	}
	return false
}

func isRelPronoun(w *word, sn *sentence, i int) bool {
	switch w.Lower {
	case "which", "who", "whom", "whose":
		return w.Tag == "WDT" || w.Tag == "WP" || w.Tag == "WP$"
	case "that":
		return w.Tag == "WDT" || w.Tag == "IN"
	}
	return false
}

func isQuoteTok(w *word) bool {
	switch w.Text {
	case "\"", "“", "”", "``", "''":
		return true
	}
	return false
}

// isInversion recognises sentence-initial conditional inversion: "Should
// Russia attack ...", "Had the talks succeeded ...", "Were the U.S. to ...".
func isInversion(a, b word) bool {
	switch a.Lower {
	case "should", "had", "were":
		return b.Tag == "DT" || b.Tag == "NNP" || b.Tag == "NNPS" || b.Tag == "PRP"
	}
	return false
}

func isVerbTag(t string) bool { return len(t) >= 2 && t[0] == 'V' && t[1] == 'B' }
