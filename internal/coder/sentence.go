package coder

import (
	"strings"

	"github.com/detente-project/detente/internal/actors"
	"github.com/detente-project/detente/internal/text"
	"github.com/detente-project/detente/internal/verbs"
)

// word is one token with the lemmas the coder compares patterns against.
type word struct {
	text.Token
	lemma string // lemma for the token's own tag
	vlem  string // base form if read as a verb
	nlem  string // base form if read as a noun
	arg   int    // index of the actor argument covering the token, -1 if none
}

// arg is an actor mention (or a place standing for its country) in a sentence.
type arg struct {
	start, end int    // token range [start, end)
	code       string // actor code (IRN, IRNMIL, HMS, OPP)
	country    string // 3-letter state part, "" for IGOs, groups and bare agents
	kind       string // actors kind, or "place"
	loc        bool   // inside a locative phrase ("in Tehran", "at Fordow")
	pron       bool   // a pronoun resolved to another actor
}

// sentence is the coder's working view of one sentence.
type sentence struct {
	index  int
	start  int // byte offset of the sentence in the document
	text   string
	words  []word
	args   []arg
	clause []int // clause id per token
	info   []clauseInfo
	lead   int // tokens of a wire dateline opening the sentence
	// dlCountry is the country of the dateline's place, the last resort
	// for a bare agent's country ("NAIROBI (Reuters) - Police fired ...")
	dlCountry string
}

// analyse tokenises, tags and lemmatises s and resolves its actors.
func (c *Coder) analyse(s text.Sentence, idx int, st *docState) *sentence {
	toks := c.splitPairs(text.Tokenize(s.Text), st)
	text.Tag(toks)
	sn := &sentence{index: idx, start: s.Start, text: s.Text}
	sn.words = st.scratch.words(len(toks))
	lower, orig := st.scratch.strings(len(toks))
	for i, t := range toks {
		w := &sn.words[i]
		w.Token = t
		w.arg = -1
		w.lemma = lemma(t.Lower, t.Tag)
		if strings.HasPrefix(t.Tag, "VB") {
			w.lemma = c.britishLemma(w.lemma)
		}
		w.vlem, w.nlem = w.lemma, w.lemma
		if strings.HasPrefix(t.Tag, "NN") || t.Tag == "JJ" {
			w.vlem = text.Lemma(t.Lower, "VBZ")
		}
		if strings.HasPrefix(t.Tag, "VB") || t.Tag == "JJ" {
			w.nlem = text.Lemma(t.Lower, "NNS")
		}
		lower[i], orig[i] = t.Lower, t.Text
	}
	sn.args = c.resolveActors(sn, lower, orig, st)
	sn.segment(c)
	return sn
}

// britishLemma undoes the British doubled final l ("travelled" ->
// "travell" -> "travel", "cancelled", "signalled") when only the single-l
// form is a known verb; "killed" -> "kill" stays.
func (c *Coder) britishLemma(l string) string {
	n := len(l)
	if n < 5 || l[n-1] != 'l' || l[n-2] != 'l' || c.verbs.Verb(l) != nil || c.verbs.Role(l) != verbs.RoleNone {
		return l
	}
	if c.verbs.Verb(l[:n-1]) != nil {
		return l[:n-1]
	}
	return l
}

// lemma is text.Lemma without the call for tags it leaves unchanged.
func lemma(lower, tag string) string {
	switch {
	case strings.HasPrefix(tag, "VB"), tag == "NNS", tag == "NNPS", tag == "MD":
		return text.Lemma(lower, tag)
	}
	return lower
}

// scratch holds buffers reused across the sentences of one document.
type scratch struct {
	w         []word
	low, orig []string
	flags     []bool
}

func (s *scratch) words(n int) []word {
	if cap(s.w) < n {
		s.w = make([]word, n, n+n/2)
	}
	s.w = s.w[:n]
	return s.w
}

func (s *scratch) strings(n int) ([]string, []string) {
	if cap(s.low) < n {
		s.low, s.orig = make([]string, n, n+n/2), make([]string, n, n+n/2)
	}
	return s.low[:n], s.orig[:n]
}

// bools returns two zeroed bool slices of length n.
func (s *scratch) bools(n int) ([]bool, []bool) {
	if cap(s.flags) < 2*n {
		s.flags = make([]bool, 2*n, 3*n)
	}
	f := s.flags[:2*n]
	clear(f)
	return f[:n:n], f[n:]
}

// resolveActors matches actors and places, merges country + bare agent pairs
// and marks locative arguments.
func (c *Coder) resolveActors(sn *sentence, lower, orig []string, st *docState) []arg {
	ms := c.actors.MatchCased(lower, orig, st.date)
	args := make([]arg, 0, len(ms)+2)
	for _, m := range ms {
		args = c.appendMatch(args, m, lower)
	}
	args = c.addPlaces(sn, lower, args)
	if dl := sn.dateline(); dl > 0 {
		for _, a := range args {
			if a.end <= dl && a.country != "" {
				sn.dlCountry = a.country // "NAIROBI (Reuters) -": where the story is
				break
			}
		}
		args = dropInside(args, 0, dl)
	}
	for i := range args {
		for k := args[i].start; k < args[i].end; k++ {
			sn.words[k].arg = i
		}
		args[i].loc = sn.locative(args[i].start)
		if s := args[i].start; !args[i].loc && i > 0 && args[i-1].loc && args[i-1].end == s-1 && (sn.words[s-1].Lower == "and" || sn.words[s-1].Lower == "or") &&
			placeOrState(args[i-1]) && placeOrState(args[i]) {
			args[i].loc = true // "peace in Ukraine and Gaza"
		}
	}
	sn.possessedAgents(args)
	sn.ledBy(args)
	return args
}

// placeOrState reports whether a is a place or a state.
func placeOrState(a arg) bool { return a.kind == "place" || a.kind == actors.KindState }

// ledBy gives a bare agent "led by" an actor that actor's identity:
// "Syrian rebels led by Hayat Tahrir al-Sham stormed ..." -> HTS.
func (sn *sentence) ledBy(args []arg) {
	for i := 0; i+1 < len(args); i++ {
		a, b := &args[i], args[i+1]
		e := a.end
		if a.kind != actors.KindAgent || e+2 >= len(sn.words) || sn.words[e].Lower != "led" || sn.words[e+1].Lower != "by" {
			continue
		}
		if s := b.start; s != e+2 && !(s == e+3 && sn.words[e+2].Tag == "DT") {
			continue
		}
		if b.kind == actors.KindNSA || b.kind == actors.KindIGO || b.kind == actors.KindState {
			a.code, a.country, a.kind = b.code, b.country, b.kind
		}
	}
}

// possessedAgents gives a bare agent after "its"/"their" the actor of the
// sentence's first subject: "Turkey acknowledged that its drones had
// struck ..." -> Turkish drones, "the Houthis said their fighters ..." ->
// Houthi fighters.
func (sn *sentence) possessedAgents(args []arg) {
	ref := -1
	for i, a := range args {
		if a.loc || a.kind == "place" || sn.prepBefore(a.start) != "" {
			continue
		}
		if a.country != "" || a.kind == actors.KindNSA || a.kind == actors.KindIGO {
			ref = i
		}
		break
	}
	if ref < 0 {
		return
	}
	r := args[ref]
	for i := range args {
		a := &args[i]
		if i <= ref || a.country != "" || a.kind != actors.KindAgent || a.start == 0 {
			continue
		}
		j := a.start - 1
		for j > 0 && sn.words[j].Tag == "JJ" {
			j-- // "its senior commanders"
		}
		if p := sn.words[j].Lower; p != "its" && p != "their" && p != "his" && p != "her" {
			continue
		}
		if r.country != "" {
			a.code, a.country = r.country+a.code, r.country
		} else {
			a.code, a.kind = r.code, r.kind
		}
	}
}

// possessiveBefore returns the index of a state argument whose possessive
// stands before group m with only patron modifiers between ("Yemen's
// Iran-aligned Houthis", "Lebanon's Iran-backed Hezbollah"), or -1.
func possessiveBefore(args []arg, m actors.Match, lower []string) int {
	if m.Kind != actors.KindNSA {
		return -1
	}
	for j := len(args) - 1; j >= 0 && j >= len(args)-2; j-- {
		p := args[j]
		if p.kind != actors.KindState || p.end+1 >= m.Start || m.Start-p.end > 5 || lower[p.end] != "'s" {
			continue
		}
		ok := false
		for k := p.end + 1; k < m.Start; k++ {
			w := lower[k]
			if j+1 < len(args) && k >= args[j+1].start && k < args[j+1].end || w == "-" {
				continue
			}
			if !patronWord(w) {
				return -1
			}
			ok = true
		}
		if ok {
			return j
		}
	}
	return -1
}

// patronWord reports whether w is "backed", "aligned" ... or a hyphenated
// word ending in one ("iran-backed").
func patronWord(w string) bool {
	if i := strings.LastIndexByte(w, '-'); i >= 0 {
		w = w[i+1:]
	}
	switch w {
	case "backed", "aligned", "allied", "supported", "funded", "sponsored", "linked", "affiliated", "powerful", "armed", "militant":
		return true
	}
	return false
}

// appendMatch adds m, merging it into the previous argument when it is a
// bare agent right after a country ("U.S. missiles and drones" aside, "Iranian
// ... forces") or a person in apposition to a title match of the same country.
func (c *Coder) appendMatch(args []arg, m actors.Match, lower []string) []arg {
	a := arg{start: m.Start, end: m.End, code: m.Code, country: m.Country, kind: m.Kind}
	if n := len(args); n > 0 && args[n-1].end+1 == m.Start && args[n-1].kind == actors.KindState &&
		(lower[m.Start-1] == "'s" || lower[m.Start-1] == "'") &&
		(m.Kind == actors.KindNSA || m.Kind == actors.KindIGO) {
		// "Sudan's Rapid Support Forces": the group is the head
		args[n-1] = arg{start: args[n-1].start, end: m.End, code: m.Code, country: m.Country, kind: m.Kind}
		return args
	}
	if j := possessiveBefore(args, m, lower); j >= 0 {
		// "Yemen's Iran-aligned Houthis": the group, with its patron
		// only a modifier
		return append(args[:j], arg{start: args[j].start, end: m.End, code: m.Code, country: m.Country, kind: m.Kind})
	}
	if n := len(args); n > 0 && args[n-1].end == m.Start {
		p := &args[n-1]
		switch {
		case m.Kind == actors.KindAgent && m.Country == "" && p.kind == actors.KindState:
			p.code, p.end, p.kind = p.country+m.Code, m.End, actors.KindAgent
			return args
		case m.Kind == actors.KindPerson && p.country != "" && p.country == m.Country:
			p.end = m.End
			return args
		case p.kind == actors.KindAgent && p.country == "" && m.Kind == actors.KindPerson:
			p.code, p.country, p.end, p.kind = m.Code, m.Country, m.End, m.Kind
			return args
		}
	}
	return append(args, a)
}

// addPlaces adds gazetteer places not already covered by actors.
func (c *Coder) addPlaces(sn *sentence, lower []string, args []arg) []arg {
	covered := make([]bool, len(lower))
	for _, a := range args {
		for k := a.start; k < a.end; k++ {
			covered[k] = true
		}
	}
	added := false
	for i := 0; i < len(lower); i++ {
		if covered[i] || !isCapitalised(sn.words[i].Text) {
			continue
		}
		end, code := c.places.longest(lower, i)
		if code == "" {
			continue
		}
		if anyCovered(covered, i, end) {
			if !placeWins(args, i, end) {
				continue
			}
			args = dropInside(args, i, end)
		}
		args = append(args, arg{start: i, end: end, code: code, country: code, kind: "place"})
		added = true
		i = end - 1
	}
	if added {
		sortArgs(args)
	}
	return args
}

// placeWins reports whether the place [i, end) covers every actor it
// overlaps ("Bandar Abbas" is a port, not Mahmoud Abbas).
func placeWins(args []arg, i, end int) bool {
	for _, a := range args {
		if a.start < end && a.end > i && (a.start < i || a.end > end) {
			return false
		}
	}
	return true
}

func dropInside(args []arg, i, end int) []arg {
	out := args[:0]
	for _, a := range args {
		if a.start >= i && a.end <= end {
			continue
		}
		out = append(out, a)
	}
	return out
}

func anyCovered(c []bool, a, b int) bool {
	for k := a; k < b; k++ {
		if c[k] {
			return true
		}
	}
	return false
}

func sortArgs(a []arg) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j].start < a[j-1].start; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func isCapitalised(s string) bool {
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

// locPreps introduce places rather than participants.
var locPreps = map[string]bool{"in": true, "at": true, "near": true, "inside": true, "across": true,
	"throughout": true, "around": true, "within": true, "outside": false,
	"sidelines": true, "margins": true} // "on the sidelines of the BRICS summit": a venue

// locModifiers may stand between a locative preposition and the place.
var locModifiers = map[string]bool{"the": true, "southern": true, "northern": true, "eastern": true,
	"western": true, "central": true, "south": true, "north": true, "east": true, "west": true,
	"occupied": true, "northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"city": true, "town": true, "of": true, "province": true, "capital": true, "coastal": true,
	"port": true, "border": true, "village": true, "region": true, "disputed": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true, "streets": true,
	"outskirts": true, "suburbs": true, "heart": true, "centre": true, "center": true, "parts": true,
	"rebel-held": true, "government-held": true, "besieged": true}

// locative reports whether the argument starting at token i is the object
// of a locative preposition.
func (sn *sentence) locative(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- { // "in the streets of northern Gaza"
		l := sn.words[k].Lower
		if v, ok := locPreps[l]; ok {
			return v
		}
		if !locModifiers[l] {
			return false
		}
	}
	return false
}

// dateline returns the number of tokens of a wire-story dateline opening
// the sentence ("WASHINGTON, May 8 (Reuters) -"), or 0. Its place names are
// not participants.
func (sn *sentence) dateline() int {
	if len(sn.words) < 3 || !allCaps(sn.words[0].Text) {
		return 0
	}
	comma := sn.words[1].Lower == ","
	for k := 1; k < len(sn.words) && k < 16; k++ {
		switch sn.words[k].Text {
		case "-", "--", "—", "–":
			// "WASHINGTON, May 8 (Reuters) -", "BEIRUT (Reuters) -",
			// "SAN FRANCISCO (AP) -"
			if comma || sn.words[k-1].Text == ")" {
				return k + 1
			}
			return 0
		}
	}
	return 0
}

func allCaps(s string) bool {
	if len(s) < 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return false
		}
	}
	return true
}

// span returns the document byte range of tokens [a, b).
func (sn *sentence) span(a, b int) (int, int) {
	if a >= b || b > len(sn.words) {
		return sn.start, sn.start
	}
	return sn.start + sn.words[a].Start, sn.start + sn.words[b-1].End
}

// textOf returns the sentence text of tokens [a, b).
func (sn *sentence) textOf(a, b int) string {
	if a >= b || b > len(sn.words) {
		return ""
	}
	return sn.text[sn.words[a].Start:sn.words[b-1].End]
}

// splitPairs splits a hyphenated pair of states ("U.S.-Iran", "Russia-
// Ukraine") into its two names around a "-" token, so that both are actors;
// names like "El-Sheikh" or "Al-Qaeda", whose halves are not both states,
// stay whole. Most tokens have no hyphen, so the common case allocates
// nothing.
func (c *Coder) splitPairs(toks []text.Token, st *docState) []text.Token {
	var out []text.Token
	for i, t := range toks {
		a, b, ok := c.statePair(t, st)
		if !ok {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]text.Token, 0, len(toks)+4), toks[:i]...)
		}
		h := t.Start + len(a)
		if tieSuffixes[b] {
			// "Greek-owned" -> "Greek" "-owned": no clause-breaking dash
			out = append(out,
				text.Token{Text: a, Lower: t.Lower[:len(a)], Start: t.Start, End: h},
				text.Token{Text: t.Text[len(a):], Lower: t.Lower[len(a):], Start: h, End: t.End})
			continue
		}
		out = append(out,
			text.Token{Text: a, Lower: t.Lower[:len(a)], Start: t.Start, End: h},
			text.Token{Text: "-", Lower: "-", Start: h, End: h + 1},
			text.Token{Text: b, Lower: t.Lower[len(a)+1:], Start: h + 1, End: t.End})
	}
	if out == nil {
		return toks
	}
	return out
}

// statePair reports whether t is "A-B" with both A and B capitalised names
// of states.
func (c *Coder) statePair(t text.Token, st *docState) (string, string, bool) {
	h := strings.IndexByte(t.Text, '-')
	if h <= 0 || h+1 >= len(t.Text) || len(t.Lower) != len(t.Text) || strings.IndexByte(t.Text[h+1:], '-') >= 0 {
		return "", "", false
	}
	a, b := t.Text[:h], t.Text[h+1:]
	if isCapitalised(a) && tieSuffixes[b] {
		// "an Israel-linked container ship", "a British-flagged tanker":
		// the state is the party
		return a, b, c.isState(a, st)
	}
	if !isCapitalised(a) || !isCapitalised(b) {
		return "", "", false
	}
	return a, b, c.isState(a, st) && c.isState(b, st)
}

// tieSuffixes tie a vessel or firm to a state ("Israel-linked",
// "British-flagged", "Iranian-owned").
var tieSuffixes = map[string]bool{"linked": true, "flagged": true, "owned": true, "registered": true, "operated": true}

// isState reports whether the single word w names a state.
func (c *Coder) isState(w string, st *docState) bool {
	ms := c.actors.MatchCased([]string{strings.ToLower(w)}, []string{w}, st.date)
	return len(ms) == 1 && ms[0].End == 1 && ms[0].Kind == actors.KindState
}
