package actors

import (
	"strings"
	"time"
)

// maxChain bounds the titles/agents allowed between a prefix and a person
// ("Iran's Supreme Leader Ayatollah Ali Khamenei": agent, title, person).
const maxChain = 3

// Match finds actor mentions in lower-cased tokens as of date (zero date =
// today's roles). It is MatchCased without the original-case tokens: a
// case-sensitive phrase such as "=US" (which would also match the pronoun
// "us") then only matches after "the" or when it combines with a following
// agent or person ("US forces", "US President Trump").
func (d *Dict) Match(lower []string, date time.Time) []Match {
	return d.MatchCased(lower, nil, date)
}

// MatchCased is Match with the original tokens (same length as lower, or
// nil), which lets case-sensitive phrases ("=US", "=WHO") match exactly.
//
// Composition rules, applied at each position from left to right:
//   - state [ 's ] agent            -> state+agent code ("Iranian general" IRNMIL)
//   - state [ 's ] own institution  -> the institution ("Iran's IRGC" IRNMIL)
//   - agent of [the] state          -> state+agent ("foreign minister of Iran" IRNGOV)
//   - igo/nsa/sector [ 's ] agent   -> the organisation's code ("Hamas fighters" HMS)
//   - any of the above [ 's ] [titles/agents] person -> the person, whose code
//     is the role held at date ("Iran's Foreign Minister Abbas Araghchi" IRNGOV)
//   - title(s) person               -> the person ("Ayatollah Khamenei")
//   - person + government agent     -> the person's state government
//     ("Assad regime" SYRGOV, "Netanyahu government" ISRGOV)
//   - a bare agent                  -> the agent code ("protesters" OPP)
//   - one hyphenated token "X-flagged", "X-owned", "X-led"... whose X is a
//     state or organisation -> X ("British-flagged" GBR); see compoundSuffixes
func (d *Dict) MatchCased(lower, orig []string, date time.Time) []Match {
	return d.AppendMatches(nil, lower, orig, date)
}

// AppendMatches is MatchCased appending to dst, so that a caller coding many
// sentences can reuse one slice (dst[:0]) and match without allocating.
func (d *Dict) AppendMatches(dst []Match, lower, orig []string, date time.Time) []Match {
	if len(orig) != len(lower) {
		orig = nil
	}
	if date.IsZero() {
		date = time.Now()
	}
	out := dst
	for i := 0; i < len(lower); {
		m, ok, skip := d.matchAt(lower, orig, i, date)
		if !ok {
			m, ok = d.compoundAt(lower, i)
		}
		if !ok {
			i += skip
			continue
		}
		if m.Kind == KindPerson {
			m = d.personGov(lower, orig, m)
		}
		if out == nil {
			out = make([]Match, 0, 4)
		}
		out = append(out, m)
		i = m.End
	}
	return out
}

// longest returns the end and target of the longest phrase starting at i.
// unverified is true when the target is case-sensitive and orig is nil.
func (d *Dict) longest(lower, orig []string, i int) (end int, t int32, unverified bool) {
	t = -1
	if i >= len(lower) || !d.mayStart(lower[i]) {
		return 0, -1, false
	}
	m := d.root
	for k := i; k < len(lower) && m != nil; k++ {
		n := m[lower[k]]
		if n == nil {
			break
		}
		if n.t >= 0 {
			if ok, unv := d.caseOK(n.t, orig, i); ok {
				end, t, unverified = k+1, n.t, unv
			}
		}
		m = n.next
	}
	return end, t, unverified
}

// caseOK checks a case-sensitive target against the original tokens.
func (d *Dict) caseOK(t int32, orig []string, i int) (ok, unverified bool) {
	c := d.targets[t].cased
	if c == nil {
		return true, false
	}
	if orig == nil {
		return true, true
	}
	for k, w := range c {
		if orig[i+k] != w {
			return false, false
		}
	}
	return true, false
}

// kindAt returns the target kind of the longest phrase at i ("" if none).
func (d *Dict) kindAt(lower, orig []string, i int) (end int, t int32, kind string) {
	end, t, unv := d.longest(lower, orig, i)
	if t < 0 || unv {
		return 0, -1, ""
	}
	return end, t, d.targets[t].kind
}

// matchAt tries a match at i; when there is none, skip is how far to move
// on (past a stop phrase, else one token).
func (d *Dict) matchAt(lower, orig []string, i int, date time.Time) (m Match, ok bool, skip int) {
	end, t, unverified := d.longest(lower, orig, i)
	if t < 0 {
		return Match{}, false, 1
	}
	tg := d.targets[t]
	e := &d.entries[tg.entry]
	if unverified && !isOrg(tg.kind) {
		return Match{}, false, 1
	}
	switch tg.kind {
	case kindStop:
		return Match{}, false, end - i
	case kindPerson:
		return d.personMatch(e, i, end, date), true, 0
	case kindTitle:
		m, ok = d.personAfter(lower, orig, i, end, date)
		return m, ok, 1
	case kindAgent:
		return d.agentMatch(lower, orig, int(tg.entry), i, end, date), true, 0
	}
	m, grew := d.orgMatch(lower, orig, int(tg.entry), i, end, date)
	if unverified && !grew && (i == 0 || lower[i-1] != "the") {
		return Match{}, false, 1
	}
	return m, true, 0
}

// orgMatch handles states, sectors, IGOs and non-state groups with their
// optional possessive, agent and person extensions.
func (d *Dict) orgMatch(lower, orig []string, ei, i, end int, date time.Time) (Match, bool) {
	e := &d.entries[ei]
	a := d.actorOf(e)
	m := Match{Start: i, End: end, Code: a.Code, Country: a.Country, Name: a.Name, Kind: a.Kind}
	k := end
	poss := k < len(lower) && lower[k] == "'s"
	if poss {
		k++
	}
	ae, at, kind := d.kindAt(lower, orig, k)
	switch {
	case kind == kindAgent:
		ai := int(d.targets[at].entry)
		if e.Kind == kindState {
			m.Code, m.Kind = d.comboCode(ei, ai), KindAgent
			m.Name = d.comboName(ei, ai)
		}
		m.End = ae
	case kind == kindSector && e.Kind == kindState:
		// "Iran's Revolutionary Guards", "Israel's Mossad": the named
		// institution of the same state absorbs the state.
		if sec := &d.entries[d.targets[at].entry]; sec.Code[:3] == e.Code {
			m.Code, m.Name, m.Kind, m.End = sec.Code, sec.Name, KindAgent, ae
		}
	}
	p := m.End
	if p == end && poss {
		p = k
	}
	if pm, ok := d.personAfter(lower, orig, i, p, date); ok {
		return pm, true
	}
	return m, m.End > end
}

// agentMatch handles a bare agent, "agent of state" and agent + person.
func (d *Dict) agentMatch(lower, orig []string, ai, i, end int, date time.Time) Match {
	e := &d.entries[ai]
	m := Match{Start: i, End: end, Code: e.Code, Name: e.Name, Kind: KindAgent}
	if end+1 < len(lower) && lower[end] == "of" {
		k := end + 1
		if k+1 < len(lower) && lower[k] == "the" {
			k++ // "the president of the United States"
		}
		if se, st, kind := d.kindAt(lower, orig, k); kind == kindState {
			si := int(d.targets[st].entry)
			s := &d.entries[si]
			m.Code, m.Country, m.End = d.comboCode(si, ai), s.Code, se
			m.Name = d.comboName(si, ai)
		}
	}
	if pm, ok := d.personAfter(lower, orig, i, m.End, date); ok {
		return pm
	}
	return m
}

// personAfter looks for a person at p, allowing up to maxChain titles or
// agents before the name. The match starts at start.
func (d *Dict) personAfter(lower, orig []string, start, p int, date time.Time) (Match, bool) {
	for n := 0; n <= maxChain && p < len(lower); n++ {
		end, t, kind := d.kindAt(lower, orig, p)
		switch kind {
		case kindPerson:
			return d.personMatch(&d.entries[d.targets[t].entry], start, end, date), true
		case kindTitle, kindAgent:
			p = end
		default:
			return Match{}, false
		}
	}
	return Match{}, false
}

func (d *Dict) personMatch(e *Entry, start, end int, date time.Time) Match {
	code := RoleAt(e.Roles, date)
	m := Match{Start: start, End: end, Code: code, Name: e.Name, Kind: KindPerson}
	if len(code) >= 3 {
		if _, ok := d.states[code[:3]]; ok {
			m.Country = code[:3]
		}
	}
	return m
}

// isOrg reports whether a target kind is a state, sector, IGO or group.
func isOrg(kind string) bool {
	return kind == kindState || kind == kindSector || kind == kindIGO || kind == kindNSA
}

// compoundSuffixes are the second halves of hyphenated modifiers whose first
// half names the actor concerned: a "British-flagged tanker" is British, a
// "Saudi-led coalition" is led by Saudi Arabia. Suffixes that describe a
// different actor ("Iran-backed Houthis": the Houthis act) are left out.
var compoundSuffixes = map[string]bool{
	"flagged": true, "owned": true, "registered": true, "operated": true,
	"made": true, "built": true, "led": true, "run": true, "controlled": true,
	"held": true, "based": true,
}

// compoundAt matches one hyphenated token such as "british-flagged" or
// "u.s.-led" whose first part is a single-token state, IGO or group name.
func (d *Dict) compoundAt(lower []string, i int) (Match, bool) {
	w := lower[i]
	k := strings.LastIndexByte(w, '-')
	if k <= 0 || !compoundSuffixes[w[k+1:]] || !d.mayStart(w[:k]) {
		return Match{}, false
	}
	n := d.root[w[:k]]
	if n == nil || n.t < 0 || d.targets[n.t].cased != nil || !isOrg(d.targets[n.t].kind) {
		return Match{}, false
	}
	a := d.actorOf(&d.entries[d.targets[n.t].entry])
	return Match{Start: i, End: i + 1, Code: a.Code, Country: a.Country, Name: a.Name, Kind: a.Kind}, true
}

// personGov extends a person match over a following government agent
// ("Assad regime", "Netanyahu government", "Trump officials") when the person
// is in government at the date: the mention is then that state's government.
func (d *Dict) personGov(lower, orig []string, m Match) Match {
	if m.Country == "" || !strings.HasSuffix(m.Code, "GOV") {
		return m
	}
	end, t, kind := d.kindAt(lower, orig, m.End)
	if kind != kindAgent {
		return m
	}
	ai := int(d.targets[t].entry)
	if d.entries[ai].Code != "GOV" {
		return m
	}
	si := d.states[m.Country]
	m.Code, m.Name, m.Kind, m.End = d.comboCode(si, ai), d.comboName(si, ai), KindAgent, end
	return m
}
