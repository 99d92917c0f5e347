package text

// Tag fills Token.Tag with Penn Treebank part-of-speech tags, in place. It looks words up in the
// embedded lexicon (data/*.txt), guesses unknown words from capitalisation, digits, hyphens and
// suffixes, and then repairs the most frequent ambiguities with contextual rules, left to right:
// "to"/modals/"do" + base verb, "has"/"be" + participle, determiners and possessives before
// nouns, noun/verb ambiguity of "-s" forms ("attacks", "talks", "strikes", "calls"), "-ing"
// nouns after determiners ("Iran's backing"), "that" as complementiser, determiner or relative
// pronoun, particles ("burned down") and "'s" as possessive or "is". Tag never panics.
func Tag(toks []Token) {
	if len(toks) == 0 {
		return
	}
	var buf [64]candidate
	var ebuf [64]lexHit
	cands, hits := buf[:0], ebuf[:0]
	if len(toks) > len(buf) {
		cands = make([]candidate, 0, len(toks))
		hits = make([]lexHit, 0, len(toks))
	}
	words := lex().words
	for i := range toks {
		e, ok := words[toks[i].Lower]
		hits = append(hits, lexHit{e, ok})
	}
	title := isTitleCase(toks, hits)
	for i := range toks {
		cands = append(cands, lookup(toks, i, hits[i], title))
	}
	tg := tagger{toks: toks, c: cands}
	tg.contextual()
	for i := range toks {
		toks[i].Tag = tagNames[cands[i].tag]
	}
}

// candidate is the tagger's working state for one token: the allowed tags and the chosen one.
type candidate struct {
	tag   uint8
	set   tagSet
	known bool // found in the lexicon (as opposed to guessed)
}

// lexHit is the lexicon entry of a token and whether it was found.
type lexHit struct {
	e  entry
	ok bool
}

// lookup returns the initial candidate tags of token i.
func lookup(toks []Token, i int, h lexHit, title bool) candidate {
	t := &toks[i]
	if p, ok := punctTag(t.Text); ok {
		if t.Text == "\"" && i > 0 && toks[i-1].End == t.Start && (i+1 == len(toks) || toks[i+1].Start > t.End) {
			p = tCloseQ // a straight quote attached to the previous word closes
		}
		return candidate{tag: p, set: 1 << p, known: true}
	}
	e, known := h.e, h.ok
	capital := isCapitalised(t.Text)
	if capital && !known && hyphenatedLowerTail(t.Text) {
		g := guess(t.Lower) // "U.S.-led", "Saudi-backed"
		return candidate{tag: g.tags[0], set: g.set}
	}
	if capital && !title && !sentenceInitial(toks, i) {
		c := properCandidate(t, e, known)
		if c.tag == tNNP && !known && isPluralName(toks, i) {
			c.tag, c.set = tNNPS, setOf(tNNPS) // "the Philippines", "the Emirates"
		}
		if c.tag == tJJ && e.demon && i+1 < len(toks) && isOrgHead(toks[i+1].Lower) && isCapitalised(toks[i+1].Text) {
			c.tag = tNNP // "European Union", "Arab League", "Islamic State"
		}
		return c
	}
	if capital && allUpper(t.Text) && len(t.Text) > 1 && !title {
		return properCandidate(t, e, known)
	}
	if known && capital && !title && e.set == setOf(tNN) && titleBeforeName(toks, i) {
		return candidate{tag: tNNP, set: setOf(tNNP), known: true} // "Secretary of State Rubio"
	}
	if !capital && isNameParticle(toks, i) {
		return candidate{tag: tNNP, set: setOf(tNNP), known: known} // "bin", "al-Sisi", "Dar es Salaam"
	}
	if known {
		return candidate{tag: e.tags[0], set: e.set, known: true}
	}
	if capital {
		return candidate{tag: tNNP, set: setOf(tNNP), known: false}
	}
	g := guess(t.Lower)
	return candidate{tag: g.tags[0], set: g.set}
}

// properCandidate tags a capitalised word inside a sentence: nationality adjectives stay JJ
// ("Iranian"), their plurals NNPS, closed-class words keep their lexicon tags, and everything
// else is a proper noun (NNPS for a capitalised plural of a known common noun: "States").
func properCandidate(t *Token, e entry, known bool) candidate {
	if known {
		if e.demon {
			return candidate{tag: e.tags[0], set: e.set, known: true}
		}
		if isClosedClass(e.tags[0]) && !allUpper(t.Text) {
			return candidate{tag: e.tags[0], set: e.set, known: true}
		}
		if e.set.has(tNNS) && !e.set.has(tNN) && len(t.Text) > 3 {
			return candidate{tag: tNNPS, set: setOf(tNNPS), known: true}
		}
	}
	return candidate{tag: tNNP, set: setOf(tNNP), known: known}
}

// hyphenatedLowerTail reports whether w has a hyphen followed by a lower-case letter.
func hyphenatedLowerTail(w string) bool {
	for i := len(w) - 2; i >= 0; i-- {
		if w[i] == '-' {
			return w[i+1] >= 'a' && w[i+1] <= 'z'
		}
	}
	return false
}

func isClosedClass(t uint8) bool {
	switch t {
	case tDT, tPRP, tPRPS, tCC, tIN, tWDT, tWP, tWPS, tWRB, tEX, tMD, tTO, tPDT, tPOS:
		return true
	}
	return false
}

// sentenceInitial reports whether token i starts the sentence or a quotation or follows a colon.
func sentenceInitial(toks []Token, i int) bool {
	for k := i - 1; k >= 0; k-- {
		if k < i-3 {
			return false // long runs of quotes and brackets
		}
		switch toks[k].Lower {
		case "\"", "“", "‘", "'", "`", "``", "(", "[", "-", "--", "—":
			continue
		case ":":
			return true
		}
		return false
	}
	return true
}

// isTitleCase reports whether the sentence is a headline in title case or all capitals, where
// capitals say nothing about proper nouns: at least two open-class words known to the lexicon
// (after the first token) and at least 80% of them capitalised.
func isTitleCase(toks []Token, hits []lexHit) bool {
	words, caps := 0, 0
	for i := 1; i < len(toks); i++ {
		t := &toks[i]
		if len(t.Text) < 2 || !isASCIILetter(t.Text[0]) {
			continue
		}
		e, ok := hits[i].e, hits[i].ok
		if !ok || isClosedClass(e.tags[0]) || e.demon {
			continue
		}
		words++
		if isCapitalised(t.Text) {
			caps++
		}
	}
	return words >= 2 && caps*10 >= words*8
}

func isCapitalised(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	return c >= 'A' && c <= 'Z' || c == 0xc3 && len(s) > 1 && isLatin1Upper(s[1])
}

func allUpper(s string) bool {
	letters := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			letters++
		}
	}
	return letters > 0
}

// punctTag returns the tag of a punctuation token.
func punctTag(text string) (uint8, bool) {
	switch text {
	case ",":
		return tComma, true
	case ".", "?", "!", "...", "…", "?!", "!!":
		return tPeriod, true
	case ":", ";", "--", "-", "—", "–", "---":
		return tColon, true
	case "\"", "“", "``", "`", "‘", "«":
		return tOpenQ, true
	case "”", "''", "»":
		return tCloseQ, true
	case "(", "[", "{":
		return tLRB, true
	case ")", "]", "}":
		return tRRB, true
	case "$", "US$", "€", "£":
		return tDollar, true
	case "#":
		return tHash, true
	case "'", "’":
		return tCloseQ, true // possessive "'" is fixed in context
	}
	if len(text) > 1 && text[0] == '.' && allDots(text) {
		return tColon, true
	}
	return tNone, false
}

func allDots(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '.' {
			return false
		}
	}
	return true
}

// isPluralName reports whether the unknown capitalised word at i looks like a plural name after
// "the": "the Philippines", "the Emirates", "the Olympics".
func isPluralName(toks []Token, i int) bool {
	w := toks[i].Lower
	if len(w) < 5 || w[len(w)-1] != 's' || hasSuffixAny(w, "ss", "us", "is", "as", "os") {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if toks[k].Lower == "the" {
			return true
		}
		if !isCapitalised(toks[k].Text) {
			return false
		}
	}
	return false
}

// isOrgHead reports head nouns that make a preceding nationality adjective part of a name.
func isOrgHead(w string) bool {
	switch w {
	case "union", "league", "republic", "state", "states", "council", "commission", "parliament",
		"emirates", "kingdom", "community", "court", "authority", "brotherhood", "jihad", "congress":
		return true
	}
	return false
}

// titleBeforeName reports whether the (sentence-initial) token i is followed by a capitalised
// word, directly or after "of": "President Trump", "Secretary of State".
func titleBeforeName(toks []Token, i int) bool {
	j := i + 1
	if j < len(toks) && toks[j].Lower == "of" {
		j++
	}
	return j < len(toks) && isCapitalised(toks[j].Text) && !allUpper(toks[i].Text)
}

// isNameParticle reports whether the lower-case token i is part of a name: an Arabic article
// prefix before a capital ("al-Sisi", "el-Sheikh") or a particle between two capitalised words
// ("Mohammed bin Salman", "Lula da Silva", "Dar es Salaam").
func isNameParticle(toks []Token, i int) bool {
	w := toks[i].Text
	if len(w) > 3 && (w[:3] == "al-" || w[:3] == "el-") && w[3] >= 'A' && w[3] <= 'Z' {
		return true
	}
	switch w {
	case "bin", "bint", "ibn", "da", "de", "del", "della", "der", "di", "du", "dos", "van", "von", "es", "al", "el", "abu", "ul":
	default:
		return false
	}
	return i > 0 && i+1 < len(toks) && isCapitalised(toks[i-1].Text) && isCapitalised(toks[i+1].Text)
}
