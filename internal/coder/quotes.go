package coder

import (
	"strings"

	"github.com/detente-project/detente/internal/event"
	"github.com/detente-project/detente/internal/verbs"
)

// speechEvents are verbs that introduce a quotation without being @say verbs.
var speechEvents = map[string]bool{"warn": true, "threaten": true, "demand": true, "urge": true,
	"vow": true, "pledge": true, "ask": true, "accuse": true, "promise": true, "call": true}

// quotes finds who said what in sn: direct quotations (`"...," Araghchi
// said`, `Araghchi said: "..."`), reported speech (`X said (that) ...`,
// `..., X said`) and attributions (`according to X, ...`).
func (c *Coder) quotes(sn *sentence, st *docState) []event.Quote {
	var out []event.Quote
	direct := false
	for _, q := range sn.quoteSpans() {
		if sp, v := c.quoteSpeaker(sn, q[0], q[1]); v >= 0 {
			out = append(out, c.mkQuote(sn, st, sp, v, q[0]+1, q[1]))
			direct = true
		}
	}
	if !direct {
		out = append(out, c.indirectQuotes(sn, st)...)
	}
	return dropAnonymous(out)
}

// dropAnonymous removes quotes whose speaker could not be named.
func dropAnonymous(qs []event.Quote) []event.Quote {
	out := qs[:0]
	for _, q := range qs {
		if q.Speaker != "" && q.Quote != "" {
			out = append(out, q)
		}
	}
	return out
}

// indirectQuotes finds reported speech and attributions.
func (c *Coder) indirectQuotes(sn *sentence, st *docState) []event.Quote {
	var out []event.Quote
	for i := range sn.words {
		switch {
		case sn.words[i].Lower == "according" && i+1 < len(sn.words) && sn.words[i+1].Lower == "to":
			if q, ok := c.according(sn, st, i); ok {
				out = append(out, q)
			}
		case c.isSayVerb(sn, i) && !isAux(sn, i):
			if q, ok := c.reported(sn, st, i); ok {
				out = append(out, q)
			}
		}
	}
	return out
}

// quoteSpans returns [open, close] token pairs of quotation marks.
func (sn *sentence) quoteSpans() [][2]int {
	var out [][2]int
	open := -1
	for k := range sn.words {
		if !isQuoteTok(&sn.words[k]) {
			continue
		}
		if open < 0 {
			open = k
			continue
		}
		if k > open+1 {
			out = append(out, [2]int{open, k})
		}
		open = -1
	}
	return out
}

// quoteSpeaker finds the speech verb and speaker of the quotation between
// tokens a and b: after it (`"...," X said` / `said X`) or before it
// (`X said: "..."`). It returns (speaker argument or -1, verb token or -1).
func (c *Coder) quoteSpeaker(sn *sentence, a, b int) (int, int) {
	for k := b + 1; k < len(sn.words) && k <= b+8; k++ {
		if c.speechVerb(sn, k) {
			return sn.argNear(b+1, k+5), k
		}
		if isQuoteTok(&sn.words[k]) {
			break
		}
	}
	for k := a - 1; k >= 0 && k >= a-4; k-- {
		if c.speechVerb(sn, k) {
			return sn.argNear(0, k), k
		}
	}
	return -1, -1
}

func (c *Coder) speechVerb(sn *sentence, k int) bool {
	w := sn.words[k]
	return isVerbTag(w.Tag) && (c.verbs.Role(w.vlem) == verbs.RoleSay || speechEvents[w.vlem])
}

// argNear returns the last non-place argument starting in [from, to), or -1.
func (sn *sentence) argNear(from, to int) int {
	best := -1
	for k := from; k < to && k < len(sn.words); k++ {
		a := sn.words[k].arg
		if a >= 0 && sn.args[a].start == k && sn.args[a].kind != "place" && !sn.args[a].loc {
			if best < 0 || from > 0 {
				best = a
				if from > 0 {
					return best
				}
			}
		}
	}
	return best
}

// reported codes `X said (that) CLAUSE` and `CLAUSE, X said`.
func (c *Coder) reported(sn *sentence, st *docState, v int) (event.Quote, bool) {
	cl := sn.info[sn.clause[v]]
	if cl.kind == clTail {
		end := v
		for end > 0 && sn.clause[end-1] == sn.clause[v] {
			end--
		}
		sp := sn.argNear(end, len(sn.words))
		for end > 0 && (sn.words[end-1].Lower == "," || isQuoteTok(&sn.words[end-1])) {
			end--
		}
		return c.mkQuote(sn, st, sp, v, 0, end), end > 0
	}
	from := v + 1
	if from < len(sn.words) && sn.words[from].Lower == "that" {
		from++
	}
	if from >= len(sn.words) || sn.info[sn.clause[from]].kind != clComp {
		return event.Quote{}, false
	}
	g := sn.subjectIn(sn.clause[v], v)
	sp := -1
	if len(g) > 0 {
		sp = g[0]
	}
	return c.mkQuote(sn, st, sp, v, from, sn.reportEnd(from)), true
}

// reportEnd is where reported speech starting at from ends: at the
// sentence's final punctuation, or before ", but", ", while" or ";" that
// joins the narrator's next clause ("Reformists say talks are needed, but
// hardliners accuse them ...").
func (sn *sentence) reportEnd(from int) int {
	end := sn.contentEnd()
	for j := from; j+1 < end; j++ {
		w := sn.words[j].Lower
		if w == ";" || w == "," && (sn.words[j+1].Lower == "but" || sn.words[j+1].Lower == "while" || sn.words[j+1].Lower == "whereas") {
			return j
		}
	}
	return end
}

// according codes `according to X, CLAUSE` and `CLAUSE, according to X`.
func (c *Coder) according(sn *sentence, st *docState, i int) (event.Quote, bool) {
	sp := sn.argNear(i+2, i+8)
	if sp < 0 {
		return event.Quote{}, false
	}
	if i == 0 {
		from := sn.args[sp].end
		for from < len(sn.words) && sn.words[from].Lower == "," {
			from++
		}
		return c.mkQuote(sn, st, sp, i, from, sn.contentEnd()), from < sn.contentEnd()
	}
	end := i
	for end > 0 && sn.words[end-1].Lower == "," {
		end--
	}
	return c.mkQuote(sn, st, sp, i, 0, end), end > 0
}

// contentEnd is the token index before final punctuation.
func (sn *sentence) contentEnd() int {
	e := len(sn.words)
	for e > 0 && (sn.words[e-1].Tag == "." || isQuoteTok(&sn.words[e-1])) {
		e--
	}
	return e
}

func (c *Coder) mkQuote(sn *sentence, st *docState, sp, v, from, to int) event.Quote {
	q := event.Quote{DocID: st.doc.ID, Date: st.dateStr, SentenceIndex: sn.index, Sentence: sn.text}
	// A wire dateline ("TEHRAN, Oct. 14 -") is the outlet's, not the speaker's words.
	if dl := sn.dateline(); from < dl && dl < to {
		from = dl
	}
	q.Quote = strings.Trim(sn.textOf(from, to), " ,")
	a, b := sn.span(from, to)
	q.Span = event.Span{Start: a, End: b}
	if sp >= 0 {
		q.Speaker = sn.textOf(sn.args[sp].start, sn.args[sp].end)
		q.SpeakerCode = sn.args[sp].code
	} else {
		q.Speaker = sn.nameNear(v)
	}
	return q
}

// nameNear returns a proper-noun run next to token v (a speaker the actor
// dictionary does not know).
func (sn *sentence) nameNear(v int) string {
	for _, dir := range []int{-1, 1} {
		k := v + dir
		for k >= 0 && k < len(sn.words) && sn.words[k].Tag != "NNP" && absInt(k-v) < 3 {
			k += dir
		}
		if k < 0 || k >= len(sn.words) || sn.words[k].Tag != "NNP" {
			continue
		}
		a, b := k, k+1
		for a > 0 && sn.words[a-1].Tag == "NNP" {
			a--
		}
		for b < len(sn.words) && sn.words[b].Tag == "NNP" {
			b++
		}
		return sn.textOf(a, b)
	}
	return ""
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
