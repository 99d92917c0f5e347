package text

// tagger applies contextual repair rules to the initial lexicon tags, left to right. Tags to the
// left are final; tags to the right are the initial (most likely) ones.
type tagger struct {
	toks   []Token
	c      []candidate
	finite bool // a finite verb has been seen in the current clause
}

// contextual applies, for each token in order, the first rule that claims it: closed-class word
// rules ("that", "'s", "her", particles), unknown words after "to" ("to mend"), and nominal
// contexts for verb-only or unknown words; other ambiguous tokens go to resolve. (A plain if-chain
// rather than a table of functions keeps the working slices on the stack.)
func (tg *tagger) contextual() {
	for i := range tg.c {
		if t, ok := tg.wordRule(i); ok {
			tg.c[i].tag = t
		} else if t, ok := tg.unknownAfterTo(i); ok {
			tg.c[i].tag = t
		} else if t, ok := tg.nominal(i); ok {
			tg.c[i].tag = t
		} else if tg.ambiguous(i) {
			tg.c[i].tag = tg.resolve(i)
		}
		tg.updateClause(i)
	}
}

func (tg *tagger) ambiguous(i int) bool {
	s := tg.c[i].set
	return s&(s-1) != 0
}

// prev returns the index of the closest token before i that is not an adverb (looking back at
// most four tokens, to stay linear), or -1.
func (tg *tagger) prev(i int) int {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if t := tg.c[k].tag; t != tRB && t != tRBR {
			return k
		}
	}
	return -1
}

func (tg *tagger) tagAt(k int) uint8 {
	if k < 0 || k >= len(tg.c) {
		return tNone
	}
	return tg.c[k].tag
}

func (tg *tagger) lowerAt(k int) string {
	if k < 0 || k >= len(tg.toks) {
		return ""
	}
	return tg.toks[k].Lower
}

// wordRule handles frequent closed-class words whose tag depends on their neighbours.
func (tg *tagger) wordRule(i int) (uint8, bool) {
	p := tg.prev(i)
	pt, nt := tg.tagAt(p), tg.tagAt(i+1)
	switch tg.toks[i].Lower {
	case "'s":
		switch pt {
		case tPRP, tEX, tWP, tWDT:
			return tVBZ, true
		}
		if pl := tg.lowerAt(i - 1); pl == "that" || pl == "there" || pl == "here" || pl == "what" {
			return tVBZ, true
		}
		return tPOS, true
	case "'", "’":
		if i > 0 && tg.toks[i-1].End == tg.toks[i].Start && endsInS(tg.toks[i-1].Lower) &&
			isNounTag(pt) && (isNounTag(nt) || nt == tJJ || nt == tCD || nt == tVBG) {
			return tPOS, true
		}
		return tCloseQ, true
	case "that":
		switch {
		case isVerbTag(pt) || pt == tJJ || pt == tRB:
			return tIN, true
		case isNounTag(pt) && (isFiniteVerb(nt) || nt == tRB || tg.canBeFinite(i+1)):
			return tWDT, true
		case nt == tNN || nt == tJJ && tg.tagAt(i+2) == tNN:
			return tDT, true // "that group" (a determiner needs a singular noun)
		}
		return tIN, true
	case "up", "down", "off", "out", "back", "away":
		return tg.particle(i)
	case "over":
		if isVerbTag(pt) && (nt == tPeriod || nt == tComma || nt == tNone) {
			return tRP, true
		}
		return tIN, true
	case "most", "least":
		if nt == tJJ || nt == tRB || nt == tVBN {
			return tRBS, true
		}
		return tJJS, true
	case "more", "less":
		if nt == tNN || nt == tNNS {
			return tJJR, true
		}
		if nt == tJJ || nt == tRB || nt == tVBN {
			return tRBR, true
		}
	case "her":
		if isNounTag(nt) || nt == tJJ || nt == tCD || nt == tJJS {
			return tPRPS, true
		}
		return tPRP, true
	case "there":
		if nl := tg.lowerAt(i + 1); isBeForm(nl) || nt == tMD || nl == "seems" || nl == "appears" || nl == "remain" || nl == "remains" {
			return tEX, true
		}
		return tRB, true
	case "do", "have":
		if pt == tMD || pt == tTO {
			return tVB, true
		}
		return tVBP, true
	case "had":
		if isHaveForm(tg.lowerAt(p)) {
			return tVBN, true
		}
		return tVBD, true
	case "as", "before", "after", "since":
		return tIN, true
	case "such":
		if nt == tDT {
			return tPDT, true
		}
		return tJJ, true
	case "all", "both", "half":
		if nt == tDT || nt == tPRPS {
			return tPDT, true
		}
	}
	return tNone, false
}

// nominal turns verb-only and unknown words into nouns or adjectives where only a noun phrase
// can continue: "his remarks", "the pass", "the start" (verbs in the lexicon that are also
// nouns), "the forthcoming talks", "the golf course" (unknown words before a noun).
func (tg *tagger) nominal(i int) (uint8, bool) {
	c := tg.c[i]
	pt := tg.tagAt(i - 1)
	strong := pt == tDT || pt == tPRPS || pt == tPOS || pt == tJJ || pt == tJJS || pt == tCD || pt == tWPS
	if c.known && c.set == setOf(tVBZ) && tg.finite && isNounTag(pt) {
		return tNNS, true // "threatened ... over the propaganda broadcasts"
	}
	if !strong && pt != tIN {
		return tNone, false
	}
	if pt == tIN && isSubordinator(tg.lowerAt(i-1)) {
		return tNone, false
	}
	nt := tg.tagAt(i + 1)
	if c.known && c.set == setOf(tVBZ) {
		return tNNS, true
	}
	return tg.nominalRest(i, c, strong, pt, nt)
}

// nominalRest handles the remaining nominal contexts of nominal.
func (tg *tagger) nominalRest(i int, c candidate, strong bool, pt, nt uint8) (uint8, bool) {
	switch {
	case c.known && c.set == setOf(tVBG) && strong && pt != tCD:
		return tNN, true // "a televised briefing", "its biggest trading partner"
	case c.known && c.set == setOf(tVB, tVBP) && tg.lowerAt(i-1) != "that":
		return tNN, true
	case !c.known && strong && (nt == tNN || nt == tNNS) && c.tag == tVBG:
		return tJJ, true // unknown -ing modifier: "the forthcoming talks"
	case !c.known && strong && c.tag == tVBG:
		return tNN, true
	}
	return tNone, false
}

// unknownAfterTo tags an unknown lower-case word without a noun suffix after "to", a modal or
// "do" as a base verb ("to mend ties", "would not tolerate").
func (tg *tagger) unknownAfterTo(i int) (uint8, bool) {
	c := tg.c[i]
	if c.known || c.set != setOf(tNN) {
		return tNone, false
	}
	p := tg.prev(i)
	switch pt := tg.tagAt(p); {
	case pt == tTO && (npStart(tg.tagAt(i+1)) || tg.tagAt(i+1) == tNN || tg.tagAt(i+1) == tNNS):
	case pt == tMD || isDoForm(tg.lowerAt(p)):
	default:
		return tNone, false
	}
	w := tg.toks[i].Lower
	if w == "" || !isASCIILetter(w[0]) || hasSuffixAny(w, "tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ship") {
		return tNone, false
	}
	return tVB, true
}

// canBeFinite reports whether token k can be a finite verb.
func (tg *tagger) canBeFinite(k int) bool {
	if k >= len(tg.c) {
		return false
	}
	st := tg.c[k].set
	return st.has(tVBZ) || st.has(tVBD) || st.has(tVBP) || st.has(tMD)
}

// particle tags up/down/off/out/... : RP right after a verb (not before "of"), else the lexicon
// tag.
func (tg *tagger) particle(i int) (uint8, bool) {
	c := tg.c[i]
	if isVerbTag(tg.tagAt(i-1)) && c.set.has(tRP) && tg.lowerAt(i+1) != "of" {
		return tRP, true
	}
	if c.set.has(tIN) && (c.tag == tRP || c.tag == tRB) {
		switch tg.tagAt(i + 1) {
		case tDT, tNNP, tPRPS, tCD, tNN, tNNS:
			return tIN, true
		}
	}
	if c.tag == tRP {
		return tRB, true
	}
	return tNone, false
}

func endsInS(w string) bool { return w != "" && w[len(w)-1] == 's' }

// resolve chooses among the candidate tags of an ambiguous token.
func (tg *tagger) resolve(i int) uint8 {
	c := tg.c[i]
	s := c.set
	p := tg.prev(i)
	if s.has(tVBN) && (isHaveForm(tg.lowerAt(p)) || tg.isBe(p)) {
		return tVBN // "had hit", "was cut"
	}
	if s.has(tVBD) && subjectLike(tg.tagAt(p)) && !tg.finite && npStart(tg.tagAt(i+1)) && tg.tagAt(i+1) != tTO {
		return tVBD // "a rocket hit their base"
	}
	if pt := tg.tagAt(p); s.has(tVBD) && (pt == tNNS || pt == tNNPS || pt == tNNP) && !tg.finite && isNounTag(tg.tagAt(i+1)) {
		return tVBD // "the central banks cut rates"
	}
	if s.has(tVB) && tg.invertedModal(i) {
		return tVB // "Should Russia attack Estonia"
	}
	switch {
	case s.has(tVBZ) && s.has(tNNS):
		return tg.resolveS(i)
	case tg.c[i].tag == tVBD || tg.c[i].tag == tVBN:
		return tg.resolvePast(i) // "found", "put", "set": past forms first
	case s.has(tVB) || s.has(tVBP):
		return tg.resolveBase(i)
	case s.has(tVBD) || s.has(tVBN):
		return tg.resolvePast(i)
	case s.has(tVBG):
		return tg.resolveIng(i)
	case s.has(tJJ) && s.has(tNN):
		return tg.resolveAdjNoun(i)
	case s.has(tJJ) && s.has(tRB):
		if isNounTag(tg.tagAt(i+1)) || tg.tagAt(p) == tDT || tg.tagAt(p) == tPRPS {
			return tJJ // "the first", "further talks"
		}
		return tRB
	}
	return c.tag
}

// npStart reports whether tag t (the initial tag of the next token) can begin a noun phrase
// object.
func npStart(t uint8) bool {
	switch t {
	case tDT, tPRPS, tPRP, tNNP, tNNPS, tCD, tJJ, tJJR, tJJS, tPDT, tTO:
		return true
	}
	return false
}

// subjectLike reports whether a token tagged t can end a subject noun phrase.
func subjectLike(t uint8) bool {
	return t == tNN || t == tNNS || t == tNNP || t == tNNPS || t == tPRP
}

// modifierBefore reports whether a token tagged t makes the next word nominal (determiners,
// possessives, adjectives, numbers, prepositions).
func modifierBefore(t uint8) bool {
	switch t {
	case tDT, tPRPS, tPOS, tJJ, tJJR, tJJS, tCD, tIN, tPDT, tWPS:
		return true
	}
	return false
}

// resolveS handles "-s" forms that are plural nouns or third-person verbs ("attacks", "talks").
func (tg *tagger) resolveS(i int) uint8 {
	c := tg.c[i]
	p := tg.prev(i)
	pt, nt := tg.tagAt(p), tg.tagAt(i+1)
	switch {
	case p < 0:
		return tNNS
	case modifierBefore(pt) || pt == tTO || isVerbTag(pt) || pt == tMD:
		return tNNS
	case pt == tPRP || pt == tWDT || pt == tWP:
		return tVBZ // "it crosses", "a pipeline that crosses Jordan"
	case pt == tCC:
		if isVerbTag(tg.tagAt(tg.prev(p))) {
			return tVBZ
		}
		return tNNS
	case subjectLike(pt) && tg.reportingClause(i):
		return tVBZ
	case subjectLike(pt) && !tg.finite:
		if npStart(nt) || nt == tRB || nt == tRP || c.tag == tVBZ && (nt == tIN || nt == tTO || nt == tNN || nt == tNNS) {
			return tVBZ
		}
		return tNNS
	}
	if c.tag == tVBZ && !tg.finite {
		return tVBZ
	}
	return tNNS
}

// resolveBase handles base forms that may be VB, VBP, NN or JJ ("attack", "meet", "talk").
func (tg *tagger) resolveBase(i int) uint8 {
	c := tg.c[i]
	s := c.set
	p := tg.prev(i)
	pt, pw := tg.tagAt(p), tg.lowerAt(p)
	noun := tNone
	if s.has(tNN) {
		noun = tNN
	} else if s.has(tJJ) {
		noun = tJJ
	}
	verb := func(t uint8) uint8 {
		if s.has(t) {
			return t
		}
		if noun != tNone {
			return noun
		}
		return c.tag
	}
	switch {
	case pt == tTO, pt == tMD, isDoForm(pw), pw == "let", pw == "help", pw == "make", pw == "please":
		return verb(tVB)
	case pt == tPRP && isSubjectPronoun(pw):
		return verb(tVBP)
	case pt == tCC:
		if q := tg.prev(p); q >= 0 && isVerbTag(tg.tagAt(q)) {
			return verb(tg.tagAt(q))
		}
		switch tg.tagAt(i + 1) {
		case tDT, tPRPS, tTO, tNNP, tPRP:
			if tg.baseVerbBefore(p) {
				return verb(tVB) // "to exercise restraint and return to talks"
			}
		}
		if noun != tNone {
			return noun
		}
	case (pt == tNNS || pt == tNNPS) && !tg.finite:
		if noun != tNone && c.tag == noun && !npStart(tg.tagAt(i+1)) && tg.lowerAt(i+1) != "that" {
			return noun // "an arms embargo against ..."
		}
		return verb(tVBP)
	case (pt == tNNP || pt == tNNPS) && !tg.finite && s.has(tVBP) && tg.objectNext(i):
		return tVBP // "demanded that Iran halt all enrichment"
	case modifierBefore(pt) || isNounTag(pt) || isVerbTag(pt) || pt == tPOS:
		if noun != tNone {
			return noun
		}
		if pt == tNNP && !tg.finite {
			return verb(tVBP)
		}
	case p < 0:
		if noun != tNone {
			return noun
		}
		return verb(tVB)
	}
	if noun != tNone && c.tag == noun {
		return noun
	}
	if c.tag == tVB || c.tag == tVBP {
		if subjectLike(pt) && !tg.finite {
			return verb(tVBP)
		}
		return verb(tVB)
	}
	return c.tag
}

// baseVerbBefore reports whether a base-form verb (VB) occurs within eight tokens before k in the
// same sentence.
func (tg *tagger) baseVerbBefore(k int) bool {
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		switch tg.c[j].tag {
		case tVB:
			return true
		case tPeriod, tColon:
			return false
		}
	}
	return false
}

// invertedModal reports whether a modal opens the clause and only a short noun phrase stands
// between it and token i ("Should Russia attack", "Will the talks resume").
func (tg *tagger) invertedModal(i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		switch t := tg.c[k].tag; {
		case t == tDT || t == tJJ || t == tNN || t == tNNS || t == tNNP || t == tNNPS || t == tPRPS || t == tPOS || t == tCD:
			continue
		case t == tMD:
			if k == i-1 {
				return false // a plain modal + verb is handled elsewhere
			}
			pk := tg.tagAt(k - 1)
			return k == 0 || pk == tComma || pk == tOpenQ || pk == tCC || pk == tWRB
		default:
			return false
		}
	}
	return false
}

// clauseSubjectOnly reports whether the tokens before i, back to a subordinator or relative
// pronoun ("that", "which", "after", ...), form only a short noun phrase: the word at i is then
// that clause's verb.
func (tg *tagger) clauseSubjectOnly(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		switch t := tg.c[k].tag; {
		case t == tDT || t == tJJ || t == tNN || t == tNNS || t == tNNP || t == tNNPS || t == tCD || t == tPRPS || t == tPOS:
			continue
		case t == tWDT || t == tWP || t == tIN && isSubordinator(tg.toks[k].Lower):
			return k < i-1
		default:
			return false
		}
	}
	return false
}

// objectNext reports whether the token after i starts an object noun phrase or an -ing
// complement (not "to", which would also follow a noun: "a visit to Beijing").
func (tg *tagger) objectNext(i int) bool {
	switch tg.tagAt(i + 1) {
	case tDT, tPRPS, tPDT, tCD, tVBG, tPRP:
		return true
	}
	return false
}

// resolvePast handles past forms that may be VBD, VBN or JJ ("attacked", "said", "armed").
func (tg *tagger) resolvePast(i int) uint8 {
	c := tg.c[i]
	s := c.set
	p := tg.prev(i)
	pt, pw := tg.tagAt(p), tg.lowerAt(p)
	nt, nw := tg.tagAt(i+1), tg.lowerAt(i+1)
	pick := func(t uint8) uint8 {
		if s.has(t) {
			return t
		}
		return c.tag
	}
	switch {
	case isHaveForm(pw) || tg.isBe(p) || isGetForm(pw):
		return pick(tVBN)
	case !c.known && s.has(tJJ) && (isNounTag(nt) || nt == tJJ):
		return tJJ // "from military-ruled Myanmar", "a U.S.-led coalition"
	case s.has(tJJ) && (modifierBefore(pt) && pt != tIN || pt == tNone) && (isNounTag(nt) || nt == tJJ):
		return tJJ
	case nw == "by":
		return pick(tVBN)
	case pt == tPRP && isSubjectPronoun(pw):
		return pick(tVBD)
	case modifierBefore(pt) && pt != tIN && pt != tCD:
		if s.has(tJJ) {
			return tJJ
		}
		return pick(tVBN)
	case pt == tCC:
		if q := tg.prev(p); q >= 0 && isVerbTag(tg.tagAt(q)) {
			return pick(tg.tagAt(q))
		}
	case tg.finite && (!npStart(nt) || nt == tTO) && isNounTag(pt):
		return pick(tVBN) // reduced relative: "two men sought in ..."
	case tg.clauseSubjectOnly(i):
		return pick(tVBD) // "the ship that Iranian forces seized near Hormuz is ..."
	case isNounTag(pt) && nt != tDT && nt != tPRPS && nt != tPRP && tg.finiteAhead(i+1):
		return pick(tVBN) // "men sought in the killing were arrested"
	case (pt == tIN || isVerbTag(pt)) && (nt == tNNS || nt == tNN || nt == tJJ):
		if s.has(tJJ) {
			return tJJ
		}
		return pick(tVBN) // "met with exiled dissidents"
	case isNounTag(pt) && nt == tIN && tg.byAhead(i+1):
		return pick(tVBN) // "an agreement forced on the state by Riyadh"
	}
	return pick(tVBD)
}

// finiteAhead reports whether a token from k to the end of the clause (at most 15 tokens ahead)
// has a finite-verb tag that is not itself ambiguous with a participle.
func (tg *tagger) finiteAhead(k int) bool {
	for end := min(len(tg.c), k+15); k < end; k++ {
		c := tg.c[k]
		switch {
		case c.tag == tComma || c.tag == tColon || c.tag == tCC || c.tag == tPeriod || c.tag == tWDT || c.tag == tWP || c.tag == tTO:
			return false
		case c.tag == tIN && isSubordinator(tg.toks[k].Lower):
			return false
		case isFiniteVerb(c.tag) && !c.set.has(tVBN) && !c.set.has(tNNS) && !c.set.has(tNN):
			return true
		case c.tag == tVBD && k+1 < len(tg.c) && tg.toks[k+1].Lower == "that":
			return true // "a report released Tuesday alleged that ..."
		}
	}
	return false
}

// byAhead reports whether "by" follows within a few tokens in the same clause (a passive agent).
func (tg *tagger) byAhead(k int) bool {
	for end := min(len(tg.c), k+7); k < end; k++ {
		c := tg.c[k]
		if c.tag == tComma || c.tag == tPeriod || c.tag == tCC || isFiniteVerb(c.tag) && !c.set.has(tVBN) {
			return false
		}
		if tg.toks[k].Lower == "by" {
			return true
		}
	}
	return false
}

// reportingClause reports whether token i ends a short clause that follows a comma and is only a
// noun phrase so far ("..., Reuters reports."), so an "-s" word there is the verb.
func (tg *tagger) reportingClause(i int) bool {
	switch tg.tagAt(i + 1) {
	case tPeriod, tNone:
	default:
		return false
	}
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		switch tg.c[k].tag {
		case tComma, tCloseQ:
			return k < i-1
		case tNNP, tNNPS, tNN, tDT, tJJ, tPOS:
			continue
		}
		return false
	}
	return false
}

// resolveIng handles "-ing" forms: nouns after determiners and possessives ("Iran's backing").
func (tg *tagger) resolveIng(i int) uint8 {
	c := tg.c[i]
	pt := tg.tagAt(tg.prev(i))
	switch pt {
	case tDT, tPRPS, tPOS, tJJ, tJJS, tJJR, tCD:
		if c.set.has(tNN) {
			return tNN
		}
		if c.set.has(tJJ) {
			return tJJ
		}
	}
	if c.tag == tNN && (pt == tNN || pt == tNNP) {
		return tNN // "a board meeting", "the Gaza bombing"
	}
	if tg.lowerAt(i+1) == "of" && c.set.has(tNN) && !isBeForm(tg.lowerAt(i-1)) {
		return tNN // "the opening of", "the bombing of"
	}
	switch pt {
	case tIN:
		switch tg.tagAt(i + 1) {
		case tPeriod, tComma, tIN, tCC, tColon, tNone:
			if c.set.has(tNN) && c.known {
				return tNN // "six days of fighting."
			}
		}
	}
	return tVBG
}

// resolveAdjNoun handles words that are adjectives or nouns ("official", "military").
func (tg *tagger) resolveAdjNoun(i int) uint8 {
	nt := tg.tagAt(i + 1)
	if nt == tNN || nt == tNNS || nt == tNNP || nt == tNNPS || nt == tJJ {
		return tJJ
	}
	return tNN
}

// updateClause tracks whether the current clause already has a finite verb.
func (tg *tagger) updateClause(i int) {
	t := tg.c[i].tag
	switch {
	case isFiniteVerb(t):
		tg.finite = !isSayingVerb(tg.toks[i].Lower)
	case t == tComma, t == tColon, t == tCC, t == tWDT, t == tWP, t == tWRB, t == tOpenQ, t == tCloseQ:
		tg.finite = false
	case t == tIN && isSubordinator(tg.toks[i].Lower):
		tg.finite = false
	}
}

// isBe reports whether token k is a form of "be" (not the possessive "'s").
func (tg *tagger) isBe(k int) bool {
	return isBeForm(tg.lowerAt(k)) && tg.tagAt(k) != tPOS
}

func isBeForm(w string) bool {
	switch w {
	case "be", "is", "are", "was", "were", "been", "being", "am", "'m", "'re", "'s":
		return true
	}
	return false
}

func isHaveForm(w string) bool {
	switch w {
	case "have", "has", "had", "having", "'ve":
		return true
	}
	return false
}

func isGetForm(w string) bool {
	switch w {
	case "get", "gets", "got", "gotten", "getting", "become", "became", "becomes":
		return true
	}
	return false
}

func isDoForm(w string) bool {
	switch w {
	case "do", "does", "did":
		return true
	}
	return false
}

func isSubjectPronoun(w string) bool {
	switch w {
	case "i", "we", "you", "they", "he", "she", "it", "who":
		return true
	}
	return false
}

// isSayingVerb reports verbs that take a clause as object, so a finite verb can follow.
func isSayingVerb(w string) bool {
	switch w {
	case "said", "says", "say", "told", "tells", "tell", "added", "adds", "believe", "believes",
		"believed", "claimed", "claims", "claim", "stated", "noted", "warned", "warns", "insisted",
		"reported", "announced", "confirmed", "denied", "argued", "thinks", "think", "thought",
		"hopes", "hoped", "hope", "feared", "fear", "fears", "knew", "know", "knows", "felt",
		"suggested", "indicated", "explained", "acknowledged", "admitted", "alleged", "asserted",
		"declared", "estimated", "expected":
		return true
	}
	return false
}

func isSubordinator(w string) bool {
	switch w {
	case "that", "because", "after", "as", "while", "when", "if", "since", "before", "until",
		"although", "though", "whether", "once", "unless", "whereas":
		return true
	}
	return false
}
