package petrarch

import (
	"strconv"
	"strings"

	"github.com/detente-project/detente/internal/dict"
)

// checkVerbs is the main coding loop (check_verbs): every verb phrase whose
// first child is a verb is looked up in the verb dictionary; the first
// pattern whose upper and lower parts match gives the event code, otherwise
// the verb's own code. Source and target come from the pattern's $ and +
// or from findSource/findTarget.
func (s *sentence) checkVerbs() {
	for k := s.start; k+2 < len(s.pl); k++ {
		if !strings.HasPrefix(s.pl[k], "(VP") || !strings.HasPrefix(s.pl[k+1], "(VB") {
			continue
		}
		endTag := "~" + s.pl[k][1:]
		end := indexOf(s.pl, endTag, k)
		if end < 0 {
			return
		}
		kv := k
		s.passive = false
		if pv := s.checkPassive(k, end); pv > 0 {
			s.passive = true
			kv = pv - 2
		}
		if s.codeVerb(kv+2, end) {
			k = end
		}
	}
}

// codeVerb tries the verb at pl[vi]; it reports whether an event code was
// found (even if no event could be made).
func (s *sentence) codeVerb(vi, end int) bool {
	form, ok := s.c.Dicts.Verbs.Lookup(s.pl[vi])
	if !ok {
		return false
	}
	s.makeSequences(vi, end)
	block, code := form.Block, form.Code
	if mw, ok := s.multiWord(form); ok {
		block, code = mw.Block, mw.Code
	} else if block == nil {
		return false
	}
	eventCode, patText, patLine := "", "", 0
	for i := range block.Patterns {
		p := &block.Patterns[i]
		s.srcLoc, s.tgtLoc = loc{i: -1}, loc{i: -1}
		if s.match(p.Upper, s.upper, true) && s.match(p.Lower, s.lower, false) {
			eventCode, patText, patLine = p.Code, p.Text, p.Line
			if len(p.Upper) > 0 {
				s.clauseLen = 0 // the pattern reaches before the verb: keep its sentence scope
			}
			break
		}
	}
	if eventCode == "" {
		s.srcLoc, s.tgtLoc = loc{i: -1}, loc{i: -1}
		if code == nullCode {
			return false
		}
		eventCode = code
	}
	if s.srcLoc.i < 0 {
		s.findSource()
	}
	if s.srcLoc.i >= 0 {
		if s.tgtLoc.i < 0 {
			s.findTarget()
		}
		if s.tgtLoc.i >= 0 {
			s.makeEvents(eventCode, s.pl[vi], patText, patLine)
		}
	}
	return true
}

// multiWord checks the multi-word verbs stored under this verb word against
// the adjacent words; on success the matched words are removed from the
// check sequences.
func (s *sentence) multiWord(form *dict.VerbForm) (dict.MultiWord, bool) {
	for _, mw := range form.Multi {
		if prefixWords(s.lower, mw.After) && prefixWords(s.upper, mw.Before) {
			if len(mw.After) > 0 && len(mw.After) <= len(s.lower) && !isNEMark(s.lower[0]) {
				s.lower = s.lower[len(mw.After):]
			}
			return mw, true
		}
	}
	return dict.MultiWord{}, false
}

// prefixWords reports whether seq starts with words, ignoring NE markers
// (the parser may put "wire" of "wire tapped" inside a noun phrase).
func prefixWords(seq, words []string) bool {
	k := 0
	for _, w := range words {
		for k < len(seq) && isNEMark(seq[k]) {
			k++
		}
		if k >= len(seq) || seq[k] != w {
			return false
		}
		k++
	}
	return true
}

func isNEMark(item string) bool {
	return strings.Contains(item, tagNE) || strings.Contains(item, tagNEEnd)
}

// checkPassive returns the index of the past participle of a passive verb
// phrase ("was attacked by"), or 0 (check_passive).
func (s *sentence) checkPassive(k, end int) int {
	if indexOf(s.pl[:end], "(VBN", k+3) < 0 {
		return 0
	}
	ppv := indexOf(s.pl, "~VBN", k+3)
	if ppv < 0 || indexOf(s.pl[:end], "BY", ppv+3) < 0 {
		return 0
	}
	for a := ppv - 3; a > k; a-- {
		if strings.HasPrefix(s.pl[a], "~VB") {
			switch s.pl[a-1] {
			case "WAS", "IS", "BEEN":
				return ppv - 1
			}
		}
	}
	return 0
}

// makeSequences builds the upper sequence (words before the verb back to the
// start or the nearest comma, in reverse order) and the lower sequence (the
// rest of the verb phrase). NE starts carry their list index and code:
// "(NE<12>ARN" (make_check_sequences).
func (s *sentence) makeSequences(vi, end int) {
	s.upper = s.upper[:0]
	s.clauseLen = 0
	depth := 0 // phrases closed while walking back; an open at depth 0 encloses the verb
	for k := vi - 1; k >= s.start; k-- {
		it := s.pl[k]
		if s.o.ClauseSource && s.clauseLen == 0 && it != "" {
			switch {
			case it[0] == '~':
				depth++
			case it[0] == '(' && depth > 0:
				depth--
			case it[0] == '(' && isClause(it) && s.hasNE():
				s.clauseLen = len(s.upper) // the verb's own clause ends here
			}
		}
		switch {
		case it == "~,":
			k = -1
		case it == tagNE:
			if n := len(s.upper); n > 0 {
				code := s.upper[n-1]
				s.upper[n-1] = tagNE + "<" + strconv.Itoa(k) + ">" + code
			}
		case strings.Contains(it, "NEC") || strings.Contains(it, tagNEEnd):
			s.upper = append(s.upper, it)
		case it != "" && it[0] != '(' && it[0] != '~':
			s.upper = append(s.upper, it)
		}
	}
	s.lower = s.lower[:0]
	for k := vi + 1; k < end; k++ {
		it := s.pl[k]
		switch {
		case it == tagNE && k+1 < len(s.pl):
			s.lower = append(s.lower, tagNE+"<"+strconv.Itoa(k)+">"+s.pl[k+1])
			k++
		case strings.Contains(it, "NEC") || strings.Contains(it, tagNEEnd):
			s.lower = append(s.lower, it)
		case it != "" && it[0] != '(' && it[0] != '~':
			s.lower = append(s.lower, it)
		}
	}
}

// match is verb_pattern_match: it walks the pattern and the sequence
// outward from the verb. A blank connector lets sequence words be skipped,
// '_' does not. Inside an NE, $ and + set the source and target, ^ skips
// the NE and % (compound) is accepted.
func (s *sentence) match(pat []dict.Tok, seq []string, upper bool) bool {
	if len(pat) == 0 {
		return true
	}
	if len(seq) == 0 {
		return false
	}
	inNE := false
	kp, ks := 0, 0
	// advance returns true when the sequence is exhausted.
	advance := func() bool { ks++; return ks >= len(seq) }
	noSkip := func() bool { // true: fail
		if pat[kp].Conn == ' ' {
			return advance()
		}
		return true
	}
	for kp < len(pat) {
		w := pat[kp].Word
		item := seq[ks]
		switch {
		case w == "%" && !inNE && isNECMark(item):
			// "%" marks a compound as the target; before the verb the
			// compound is then usually the source as well, so the events
			// link its members ("Gondor and Osgiliath have delayed ...")
			start, end := necBounds(seq, ks, upper)
			if start < 0 {
				return false
			}
			s.tgtLoc = loc{i: start, upper: upper}
			ks = end
			if kp++; kp >= len(pat) {
				return true
			}
			if advance() {
				return false
			}
		case strings.HasPrefix(item, tagNEEnd) || strings.HasPrefix(item, tagNE):
			if advance() {
				return false
			}
			inNE = !inNE
		case len(w) == 1:
			if inNE {
				if !s.token(w, seq, &ks, upper) {
					return false
				}
				inNE = inNE && w != "^"
				if kp++; kp >= len(pat) {
					return true
				}
				if advance() {
					return false
				}
			} else if pat[kp].Conn == ' ' {
				if advance() {
					return false
				}
			} else {
				return false
			}
		case w[0] == '&':
			if s.synMatch(w, seq, &ks, upper) {
				if kp++; kp >= len(pat) {
					return true
				}
				if advance() {
					return false
				}
			} else if noSkip() {
				return false
			}
		case w != item:
			if noSkip() {
				return false
			}
		default:
			if kp++; kp >= len(pat) {
				return true
			}
			if advance() {
				return false
			}
		}
	}
	return true
}

// token applies $, + or ^ at an NE; false if the NE start cannot be found.
func (s *sentence) token(w string, seq []string, ks *int, upper bool) bool {
	switch w {
	case "$", "+":
		i := findNE(seq, *ks, upper)
		if i < 0 {
			return false
		}
		if w == "$" {
			s.srcLoc = loc{i: i, upper: upper}
		} else {
			s.tgtLoc = loc{i: i, upper: upper}
		}
	case "^":
		for !strings.HasPrefix(seq[*ks], tagNEEnd) {
			if upper {
				*ks--
			} else {
				*ks++
			}
			if *ks < 0 || *ks >= len(seq) {
				return false
			}
		}
	}
	return true
}

// findNE returns the index of the NE start enclosing position k.
func findNE(seq []string, k int, upper bool) int {
	for k >= 0 && k < len(seq) {
		if strings.HasPrefix(seq[k], tagNE) {
			return k
		}
		if upper {
			k++
		} else {
			k--
		}
	}
	return -1
}

// synMatch matches a synset at seq[*ks]; multi-word members must be
// consecutive (reversed in the upper sequence).
func (s *sentence) synMatch(name string, seq []string, ks *int, upper bool) bool {
	sy := s.c.Dicts.Verbs.SynIndex[name]
	if sy == nil {
		return false
	}
	if _, ok := sy.Single[seq[*ks]]; ok {
		return true
	}
	for _, words := range sy.Multi {
		ok := true
		for i := range words {
			w := words[i]
			if upper {
				w = words[len(words)-1-i]
			}
			if *ks+i >= len(seq) || seq[*ks+i] != w {
				ok = false
				break
			}
		}
		if ok {
			*ks += len(words) - 1
			return true
		}
	}
	return false
}

// findSource takes the first compound or coded NE before the verb, else the
// first uncoded one (find_source).
func (s *sentence) findSource() {
	if s.clauseLen > 0 && s.findSourceIn(s.clauseLen, true) {
		return
	}
	s.findSourceIn(len(s.upper), false)
}

// findSourceIn searches the first n items of the upper sequence; codedOnly
// skips the fallback to uncoded noun phrases (pronouns such as "it").
func (s *sentence) findSourceIn(n int, codedOnly bool) bool {
	for k := n - 1; k >= 0; k-- {
		it := s.upper[k]
		if strings.Contains(it, tagNEC) || strings.Contains(it, tagNE) && !strings.Contains(it, ">"+nullCode) {
			s.srcLoc = loc{i: k, upper: true}
			return true
		}
	}
	if codedOnly {
		return false
	}
	for k := n - 1; k >= 0; k-- {
		if strings.Contains(s.upper[k], tagNE) {
			s.srcLoc = loc{i: k, upper: true}
			return true
		}
	}
	return false
}

// findTarget: the first coded NE after the verb whose code differs from a
// single source code, then an uncoded one after the verb, then the same
// two searches before the verb going away from it (find_target).
func (s *sentence) findTarget() {
	srcCode := ">>>>"
	if codes, _ := s.locCodes(s.srcLoc); len(codes) == 1 {
		srcCode = ">" + codes[0]
	}
	coded := func(it string) bool {
		return strings.Contains(it, tagNE) && !strings.Contains(it, ">"+nullCode)
	}
	for k, it := range s.lower {
		if coded(it) && !strings.Contains(it, srcCode) {
			s.tgtLoc = loc{i: k}
			return
		}
	}
	for k, it := range s.lower {
		if strings.Contains(it, tagNE) && strings.Contains(it, ">"+nullCode) {
			s.tgtLoc = loc{i: k}
			return
		}
	}
	for k, it := range s.upper {
		if coded(it) && !strings.Contains(it, srcCode) {
			s.tgtLoc = loc{i: k, upper: true}
			return
		}
	}
	for k, it := range s.upper {
		if strings.Contains(it, tagNE) && strings.Contains(it, ">"+nullCode) && k != s.srcLoc.i {
			s.tgtLoc = loc{i: k, upper: true}
			return
		}
	}
}

// locCodes returns the codes (and texts) of the NE or compound at l
// (get_loccodes). Uncoded NEs may become quoted phrases (new_actor_length).
func (s *sentence) locCodes(l loc) (codes, texts []string) {
	seq := s.lower
	step := 1
	if l.upper {
		seq, step = s.upper, -1
	}
	if l.i < 0 || l.i >= len(seq) {
		return nil, nil
	}
	add := func(it string) {
		c, t := s.neCodeText(it)
		codes, texts = append(codes, c), append(texts, t)
	}
	if !strings.Contains(seq[l.i], tagNEC) {
		add(seq[l.i])
		return codes, texts
	}
	for k := l.i + step; k >= 0 && k < len(seq) && !strings.Contains(seq[k], tagNECE); k += step {
		if strings.HasPrefix(seq[k], tagNE) {
			add(seq[k])
		}
	}
	// uncoded members of a compound are dropped when another member is
	// coded ("The lions and Gondor welcomed ..." codes Gondor only)
	var c2, t2 []string
	for i, c := range codes {
		if c != nullCode {
			c2, t2 = append(c2, c), append(t2, texts[i])
		}
	}
	if len(c2) > 0 {
		return c2, t2
	}
	return codes, texts
}

// neCodeText returns the code of an NE item and its words from the list.
func (s *sentence) neCodeText(item string) (string, string) {
	code := neCode(item)
	text := ""
	if i := neIndex(item); i >= 0 {
		j := indexOf(s.pl, tagNEEnd, i)
		if j > i+2 {
			text = strings.Join(s.pl[i+2:j], " ")
		}
	}
	if code == nullCode && s.o.NewActorLength > 0 && text != "" && strings.Count(text, " ") < s.o.NewActorLength {
		return `"` + text + `"`, text
	}
	return code, text
}

// makeEvents creates events for every source x target code pair, handling
// "A/B" compound codes, symmetric codes "032:033", passive voice, the dyad
// requirement and duplicates (make_event_strings).
func (s *sentence) makeEvents(code, verb, pat string, patLine int) {
	src, srcText := s.locCodes(s.srcLoc)
	tgt, tgtText := s.locCodes(s.tgtLoc)
	src, srcText = expandSlash(src, srcText)
	tgt, tgtText = expandSlash(tgt, tgtText)
	if len(src) == 0 || len(tgt) == 0 {
		return
	}
	mk := func(src, tgt, st, tt []string, code string) {
		if code == "" || code == nullCode {
			return // "[:173]" codes only the reverse direction (CAMEO.2.0)
		}
		for i, a := range src {
			for j, b := range tgt {
				if a == b {
					continue
				}
				ev := Coded{Source: a, Target: b, Code: code, Verb: verb, Pattern: pat, PatternLine: patLine,
					SourceText: st[i], TargetText: tt[j], Passive: s.passive}
				if s.passive {
					ev.Source, ev.Target, ev.SourceText, ev.TargetText = b, a, tt[j], st[i]
				}
				s.events = append(s.events, ev)
			}
		}
	}
	if c1, c2, ok := strings.Cut(code, ":"); ok {
		if src[0] == nullCode || tgt[0] == nullCode {
			if tgt[0] == nullCode {
				tgt, tgtText = src, srcText
			} else {
				src, srcText = tgt, tgtText
			}
		}
		mk(src, tgt, srcText, tgtText, c1)
		mk(tgt, src, tgtText, srcText, c2)
	} else {
		mk(src, tgt, srcText, tgtText, code)
	}
	s.cleanEvents()
}

// cleanEvents drops null-dyad events when required, then duplicates.
func (s *sentence) cleanEvents() {
	if s.o.RequireDyad {
		out := s.events[:0]
		for _, e := range s.events {
			if e.Source != nullCode && e.Target != nullCode {
				out = append(out, e)
			}
		}
		s.events = out
	}
	seen := map[[3]string]bool{}
	out := s.events[:0]
	for _, e := range s.events {
		k := [3]string{e.Source, e.Target, e.Code}
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	s.events = out
}

func expandSlash(codes, texts []string) ([]string, []string) {
	var c, t []string
	for i, code := range codes {
		for _, p := range strings.Split(code, "/") {
			c, t = append(c, p), append(t, texts[i])
		}
	}
	return c, t
}

func isNECMark(item string) bool { return item == tagNEC || item == tagNECE }

// necBounds returns the index of the compound's "(NEC" item and of its last
// item in matching direction, for a compound entered at k.
func necBounds(seq []string, k int, upper bool) (start, end int) {
	if !upper {
		if seq[k] != tagNEC {
			return -1, -1
		}
		for e := k; e < len(seq); e++ {
			if seq[e] == tagNECE {
				return k, e
			}
		}
		return -1, -1
	}
	if seq[k] != tagNECE {
		return -1, -1
	}
	for e := k; e < len(seq); e++ {
		if seq[e] == tagNEC {
			return e, e
		}
	}
	return -1, -1
}

// isClause reports whether a ParseList open tag starts a clause.
func isClause(it string) bool {
	switch it {
	case "(S", "(SBAR", "(SINV", "(SQ", "(SBARQ":
		return true
	}
	return false
}

// hasNE reports whether the upper sequence built so far holds a noun phrase.
func (s *sentence) hasNE() bool {
	for _, it := range s.upper {
		if strings.HasPrefix(it, tagNE) {
			return true
		}
	}
	return false
}
