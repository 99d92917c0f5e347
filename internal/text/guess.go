package text

import "strings"

// guess returns candidate tags for a lower-case word that is not in the lexicon, from digits,
// hyphens and suffixes. Suffix classes follow English derivational morphology as used by
// standard unknown-word models (e.g. Brants 2000, "TnT: a statistical part-of-speech tagger").
func guess(w string) entry {
	var e entry
	switch {
	case w == "":
		e.add(tSYM)
	case isNumberLike(w):
		e.add(tCD)
	case strings.IndexByte(w, '-') > 0:
		guessHyphenated(w, &e)
	case !hasLetter(w):
		e.add(tSYM)
	default:
		guessSuffix(w, &e)
	}
	return e
}

// isNumberLike reports whether w is a number: digits with separators ("50,000", "11.8", "1990s",
// "10:30", "3/4", "1st", "-5", scores and ranges "2-1", "2019-2025").
func isNumberLike(w string) bool {
	digits := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case isDigit(c):
			digits++
		case c == ',' || c == '.' || c == ':' || c == '/' || c == '-' && (i == 0 || isDigit(w[i-1]) && i+1 < len(w) && isDigit(w[i+1])):
		case i > 0 && i >= len(w)-2 && isASCIILetter(c) && digits > 0: // "1990s", "1st", "5th"
		default:
			return false
		}
	}
	return digits > 0
}

func hasLetter(w string) bool {
	for i := 0; i < len(w); i++ {
		if isASCIILetter(w[i]) || w[i] >= 0x80 {
			return true
		}
	}
	return false
}

// guessHyphenated tags compounds: "12-year" and "war-torn" are adjectives, "anti-" prefixes make
// adjectives, "cease-fire"-like compounds ending in a known noun are nouns.
func guessHyphenated(w string, e *entry) {
	last := w[strings.LastIndexByte(w, '-')+1:]
	if last == "" {
		e.add(tJJ)
		return
	}
	le, ok := lex().words[last]
	switch {
	case ok && le.set.has(tVBD) && le.set.has(tVBN):
		e.add(tJJ) // "U.S.-led coalition", or a verb: "Iran test-fired a missile"
		e.add(tVBD)
		e.add(tVBN)
	case hasSuffixAny(last, "ed", "en", "ing") && !ok:
		e.add(tJJ)
	case ok && le.set.has(tNNS) && !le.set.has(tNN):
		e.add(tNNS)
		e.add(tJJ)
	case ok && (le.tags[0] == tVBN || le.tags[0] == tVBD || le.tags[0] == tVBG):
		e.add(tJJ)
	case ok && le.tags[0] == tNN && !startsWithDigit(w):
		e.add(tJJ)
		e.add(tNN)
	default:
		e.add(tJJ)
		e.add(tNN)
	}
}

func startsWithDigit(w string) bool { return w != "" && isDigit(w[0]) }

// suffixRules map word endings to tags, longest and most specific first.
var suffixRules = [...]struct {
	suffix string
	tags   [2]uint8
}{
	{"ness", [2]uint8{tNN}},
	{"ment", [2]uint8{tNN}},
	{"tion", [2]uint8{tNN}},
	{"sion", [2]uint8{tNN}},
	{"ship", [2]uint8{tNN}},
	{"hood", [2]uint8{tNN}},
	{"ism", [2]uint8{tNN}},
	{"ity", [2]uint8{tNN}},
	{"ance", [2]uint8{tNN}},
	{"ence", [2]uint8{tNN}},
	{"ist", [2]uint8{tNN}},
	{"ists", [2]uint8{tNNS}},
	{"ians", [2]uint8{tNNS}},
	{"ings", [2]uint8{tNNS}},
	{"ness", [2]uint8{tNN}},
	{"ing", [2]uint8{tVBG, tNN}},
	{"ed", [2]uint8{tVBD, tVBN}},
	{"ly", [2]uint8{tRB}},
	{"ous", [2]uint8{tJJ}},
	{"ful", [2]uint8{tJJ}},
	{"ive", [2]uint8{tJJ}},
	{"able", [2]uint8{tJJ}},
	{"ible", [2]uint8{tJJ}},
	{"ical", [2]uint8{tJJ}},
	{"less", [2]uint8{tJJ}},
	{"ary", [2]uint8{tJJ, tNN}},
	{"ish", [2]uint8{tJJ}},
	{"ian", [2]uint8{tJJ, tNN}},
	{"ic", [2]uint8{tJJ}},
	{"al", [2]uint8{tJJ, tNN}},
	{"ize", [2]uint8{tVB, tVBP}},
	{"ise", [2]uint8{tVB, tVBP}},
	{"ify", [2]uint8{tVB, tVBP}},
	{"izes", [2]uint8{tVBZ}},
	{"ises", [2]uint8{tVBZ}},
	{"ifies", [2]uint8{tVBZ}},
	{"est", [2]uint8{tJJS, tNN}},
	{"er", [2]uint8{tNN}},
	{"ss", [2]uint8{tNN}},
	{"us", [2]uint8{tNN}},
	{"is", [2]uint8{tNN}},
	{"s", [2]uint8{tNNS, tVBZ}},
}

func guessSuffix(w string, e *entry) {
	for _, r := range suffixRules {
		if len(w) > len(r.suffix)+1 && strings.HasSuffix(w, r.suffix) {
			for _, t := range r.tags {
				if t != tNone {
					e.add(t)
				}
			}
			if r.tags[0] == tVBD {
				e.add(tJJ)
			}
			if r.suffix == "er" && isComparative(w) {
				*e = entry{}
				e.add(tJJR)
			}
			if r.suffix == "est" && !isSuperlative(w) {
				*e = entry{}
				e.add(tNN)
			}
			return
		}
	}
	if isNegatedAdjective(w) {
		e.add(tJJ) // "indirect", "unpopular", "nonviolent"
		return
	}
	e.add(tNN)
}

// isNegatedAdjective reports whether w is a negative prefix on a known adjective.
func isNegatedAdjective(w string) bool {
	words := lex().words
	for _, p := range [...]string{"non-", "non", "un", "in", "im", "ir", "il", "dis"} {
		if len(w) > len(p)+3 && strings.HasPrefix(w, p) {
			if e, ok := words[w[len(p):]]; ok && e.tags[0] == tJJ {
				return true
			}
		}
	}
	return false
}

// isSuperlative reports whether an "-est" word is the superlative of a known adjective
// ("fiercest", "happiest", "largest") rather than a noun ("guest", "protest").
func isSuperlative(w string) bool {
	stem := w[:len(w)-3]
	words := lex().words
	for _, cand := range [...]string{stem, stem + "e", strings.TrimSuffix(stem, "i") + "y", undouble(stem)} {
		if e, ok := words[cand]; ok && e.set.has(tJJ) {
			return true
		}
	}
	return false
}

// isComparative reports whether an "-er" word is the comparative of a known adjective
// ("closer", "harder", "bigger") rather than a noun ("leader").
func isComparative(w string) bool {
	stem := w[:len(w)-2]
	words := lex().words
	for _, cand := range [...]string{stem, stem + "e", strings.TrimSuffix(stem, "i") + "y", undouble(stem)} {
		if e, ok := words[cand]; ok && e.set.has(tJJ) && len(cand) > 2 {
			return true
		}
	}
	return false
}

// undouble removes a doubled final consonant ("bigg" -> "big").
func undouble(s string) string {
	if n := len(s); n >= 2 && s[n-1] == s[n-2] {
		return s[:n-1]
	}
	return s
}
