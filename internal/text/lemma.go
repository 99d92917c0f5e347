package text

import "strings"

// Lemma returns the base form of a verb or noun given its Penn Treebank tag: verbs (VB*) map to
// the infinitive ("struck" -> "strike", "met" -> "meet", "sought" -> "seek", "ties" -> "tie",
// "bombed" -> "bomb"), plural nouns (NNS, NNPS) to the singular ("talks" -> "talk",
// "crises" -> "crisis"). Irregular forms come from the embedded data/verbs.txt, data/nouns.txt
// and data/demonyms.txt; other words are de-inflected by rule. The result is lower case; words
// with other tags are returned lower-cased and otherwise unchanged.
func Lemma(word, tag string) string {
	w := lowerString(word)
	switch {
	case strings.HasPrefix(tag, "VB"):
		return verbLemma(w, tag)
	case tag == "NNS" || tag == "NNPS":
		return nounLemma(w)
	case tag == "MD":
		switch w {
		case "wo":
			return "will"
		case "ca":
			return "can"
		case "'ll":
			return "will"
		case "'d":
			return "would"
		}
	}
	return w
}

func verbLemma(w, tag string) string {
	switch w {
	case "'s", "is", "are", "was", "were", "am", "'m", "'re", "been", "being":
		if w == "'s" && tag != "VBZ" {
			return w
		}
		return "be"
	case "'ve", "has", "had", "having":
		return "have"
	case "'d":
		return "have"
	case "n't":
		return "not"
	}
	if p, ok := lex().lem[w]; ok {
		if p.base && (tag == "VB" || tag == "VBP") {
			return w // a base form, even if it is also another verb's past ("lay", "found", "wound")
		}
		return p.verb
	}
	return deinflectVerb(w)
}

// lemmaPair holds the precomputed lemmas of a lexicon word form, so Lemma needs one map lookup.
type lemmaPair struct {
	verb, noun string
	base       bool // the form is itself a verb's base form
}

// buildLemmas precomputes verb and noun lemmas for every word form in the lexicon.
func (l *lexicon) buildLemmas() {
	l.lem = make(map[string]lemmaPair, len(l.words))
	for w, e := range l.words {
		p := lemmaPair{base: e.set.has(tVB)}
		switch b, ok := l.lemmas[w]; {
		case ok:
			p.verb = b
		case e.set.has(tVB) || e.set.has(tVBP):
			p.verb = w
		default:
			p.verb = deinflectVerbWith(l, w)
		}
		p.noun = nounLemmaWith(l, w)
		l.lem[w] = p
	}
}

// deinflectVerb strips a regular verb ending, restoring a final "e" or undoubling a consonant
// when the stem looks like it needs it.
func deinflectVerb(w string) string { return deinflectVerbWith(lex(), w) }

func deinflectVerbWith(l *lexicon, w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 3 && strings.HasSuffix(w, "ies"):
		return w[:n-1] // "ties" -> "tie"
	case n > 4 && hasSuffixAny(w, "sses", "shes", "ches", "xes", "zzes"):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:n-1]
	case n > 4 && strings.HasSuffix(w, "ied"):
		return w[:n-3] + "y"
	case n > 3 && strings.HasSuffix(w, "ed"):
		return restoreStem(l, w[:n-2])
	case n > 5 && strings.HasSuffix(w, "ing"):
		return restoreStem(l, w[:n-3])
	}
	return w
}

// restoreStem repairs a stem left by removing "-ed" or "-ing": "stopp" -> "stop",
// "escalat" -> "escalate", "bomb" stays.
func restoreStem(l *lexicon, st string) string {
	n := len(st)
	if n >= 2 && st[n-1] == st[n-2] && !isVowel(st[n-1]) && !strings.ContainsRune("lsz", rune(st[n-1])) {
		return st[:n-1]
	}
	if _, ok := l.words[st]; ok {
		return st
	}
	if _, ok := l.words[st+"e"]; ok {
		return st + "e"
	}
	if n >= 2 && needsFinalE(st) {
		return st + "e"
	}
	return st
}

// needsFinalE guesses whether a stem lost a silent "e": "-at", "-iz", "-us", "-v", "-c",
// "-g" after a consonant, or a consonant-vowel-consonant ending after a single vowel in a
// short stem ("vot" -> "vote").
func needsFinalE(st string) bool {
	switch {
	case hasSuffixAny(st, "at", "iz", "is", "us", "v", "uc", "ag", "ur", "ir", "ut", "bl", "pl", "dl", "tl", "ce", "rg", "dg"):
		return true
	}
	return false
}

func nounLemma(w string) string {
	l := lex()
	if p, ok := l.lem[w]; ok {
		return p.noun
	}
	return nounLemmaWith(l, w)
}

func nounLemmaWith(l *lexicon, w string) string {
	if sg, ok := l.plurals[w]; ok {
		return sg
	}
	if e, ok := l.words[w]; ok && e.set.has(tNN) && !e.set.has(tNNS) {
		return w
	}
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 3 && strings.HasSuffix(w, "ies"):
		return w[:n-1]
	case n > 4 && hasSuffixAny(w, "sses", "shes", "ches", "xes", "zzes"):
		return w[:n-2]
	case n > 2 && strings.HasSuffix(w, "s") && !hasSuffixAny(w, "ss", "us", "is"):
		return w[:n-1]
	}
	return w
}
