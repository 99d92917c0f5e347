package coder

import (
	"fmt"
	"strconv"
	"time"

	"github.com/detente-project/detente/internal/actors"
	"github.com/detente-project/detente/internal/cameo"
	"github.com/detente-project/detente/internal/event"
	"github.com/detente-project/detente/internal/verbs"
)

// Options configures a Coder.
type Options struct {
	// Date is the default document date (it decides which office a named
	// person holds) for documents without one; zero means today.
	Date time.Time
	// KeepNegated emits negated events ("did not attack") with Negated=true.
	KeepNegated bool
	// KeepHypothetical emits hypothetical events ("would strike if ...")
	// with Modality "hypothetical".
	KeepHypothetical bool
	// Actors and Verbs replace the embedded dictionaries when non-nil.
	Actors *actors.Dict
	Verbs  *verbs.Dict
}

// Coder turns documents into events. It is read-only after New and safe for
// concurrent use.
type Coder struct {
	opts   Options
	actors *actors.Dict
	verbs  *verbs.Dict
	places *places
}

// New returns a Coder with the embedded dictionaries (or those in opts).
func New(opts Options) (*Coder, error) {
	c := &Coder{opts: opts, actors: opts.Actors, verbs: opts.Verbs}
	var err error
	if c.actors == nil {
		if c.actors, err = actors.Default(); err != nil {
			return nil, fmt.Errorf("coder: load actors: %w", err)
		}
	}
	if c.verbs == nil {
		if c.verbs, err = verbs.Default(); err != nil {
			return nil, fmt.Errorf("coder: load verb patterns: %w", err)
		}
	}
	if c.places, err = parsePlaces(placesFile, placesText); err != nil {
		return nil, fmt.Errorf("coder: %w", err)
	}
	return c, nil
}

// docState is what the coder remembers across the sentences of a document.
type docState struct {
	doc     *event.Document
	date    time.Time
	dateStr string
	last    arg // last subject coded, for pronouns
	scratch scratch
}

// Code extracts events, quotes and mentions from doc. Text that is not valid
// UTF-8 is repaired first (invalid bytes become U+FFFD) and the repaired text
// is returned in Result.Doc, which all spans index. Code holds the whole
// document's output; CodeEach streams it.
func (c *Coder) Code(doc event.Document) event.Result {
	res := event.Result{Events: []event.Event{}, Quotes: []event.Quote{}, Mentions: []event.Mention{}}
	res.Doc = c.CodeEach(doc, Sink{
		Event:   func(e event.Event) { res.Events = append(res.Events, e) },
		Quote:   func(q event.Quote) { res.Quotes = append(res.Quotes, q) },
		Mention: func(m event.Mention) { res.Mentions = append(res.Mentions, m) },
	})
	return res
}

// docDate parses a YYYY-MM-DD (or RFC 3339) date, falling back to the
// default date.
func (c *Coder) docDate(s string) (time.Time, string) {
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t, s[:10]
		}
	}
	if c.opts.Date.IsZero() {
		return time.Time{}, ""
	}
	return c.opts.Date, c.opts.Date.Format("2006-01-02")
}

// events turns the sentence's findings into output events.
func (c *Coder) events(sn *sentence, st *docState) []event.Event {
	var out []event.Event
	seen := map[string]bool{}
	where := sn.placeCountry()
	if where == "" {
		where = sn.dlCountry
	}
	for _, f := range c.codeSentence(sn, st) {
		if f.negated && !c.opts.KeepNegated {
			continue
		}
		if f.modality == modHypothetical && !c.opts.KeepHypothetical {
			continue
		}
		if sn.protesters(f) {
			f.code = "145" // "Protesters attacked the French embassy": a violent protest (CAMEO 145)
		}
		for _, p := range pairs(sn, f) {
			p.src = localise(p.src, where)
			key := p.src.code + "|" + p.tgt.code + "|" + f.code[:2]
			if p.src.code == "" || p.tgt.code == "" || seen[key] {
				continue
			}
			if p.src.country == "" && p.src.kind == actors.KindAgent {
				continue // "Western leaders accused Putin": no known actor
			}
			if p.src.code == p.tgt.code && !(f.self && sn.people(p.src)) {
				continue
			}
			if !f.self && p.src.country != "" && p.src.country == p.tgt.country && !(arrestCode(f.code) && p.tgt.kind == actors.KindPerson) {
				continue // "the army pushed into Gaza City" with the army placed in Gaza
			}
			// "flew to Beirut for talks with Lebanese officials", "attacked
			// an army post, killing three Israeli soldiers": one clause
			// (with its participial tail), one pair of countries and one
			// root make one event; "downgraded ties and suspended trade"
			// are two
			cl := f.clause
			if !verbalCode(f.code) {
				cl = sn.mainClause(cl) // verbal acts in a tail are acts of their own: "berated X, accusing him of ..."
			}
			ckey := countryOf(p.src) + ">" + countryOf(p.tgt) + ":" + f.code[:2] + "@" + strconv.Itoa(cl)
			if seen[ckey] {
				continue
			}
			seen[key], seen[ckey] = true, true
			if e, ok := c.makeEvent(sn, st, f, p); ok {
				out = append(out, e)
			}
		}
		if len(f.src) > 0 && !f.noun {
			st.last = sn.args[f.src[0]]
		}
	}
	return out
}

// pair is one source/target combination; tgt.start < 0 means no target text.
type pair struct{ src, tgt arg }

// pairs expands coordinated sources and targets, reciprocal events and
// domestic (self) events into source/target pairs.
func pairs(sn *sentence, f found) []pair {
	var out []pair
	switch {
	case len(f.tgt) > 0:
		for _, s := range f.src {
			for _, t := range f.tgt {
				out = append(out, pair{sn.args[s], selfTarget(sn.args[s], sn.args[t], f.self)})
			}
		}
	case f.recip && len(f.src) > 1:
		for _, s := range f.src {
			for _, t := range f.src {
				if s != t {
					out = append(out, pair{sn.args[s], sn.args[t]})
				}
			}
		}
	case f.self:
		for _, s := range f.src {
			if a := sn.args[s]; a.country != "" {
				out = append(out, pair{a, arg{start: -1, code: a.country, country: a.country, kind: actors.KindState}})
			}
		}
	}
	return out
}

// mainClause follows participial clauses up to the clause they hang from.
func (sn *sentence) mainClause(cl int) int {
	for cl >= 0 && sn.info[cl].parent >= 0 && sn.info[cl].kind == clSub && sn.info[cl].inherit >= 0 {
		cl = sn.info[cl].parent
	}
	return cl
}

// protesters reports whether an assault or fight f is made by protesters,
// rioters or a mob: CAMEO codes that as a violent protest (145).
func (sn *sentence) protesters(f found) bool {
	if len(f.src) == 0 || len(f.code) < 2 || (f.code[:2] != "18" && f.code[:2] != "19") {
		return false
	}
	a := sn.args[f.src[0]]
	for k := a.start; k < a.end && k < len(sn.words); k++ {
		switch sn.words[k].nlem {
		case "protester", "protestor", "demonstrator", "rioter", "mob":
			return true
		}
	}
	return false
}

// countryOf is an argument's evaluation key: its country, else its code.
func countryOf(a arg) string {
	if a.country != "" {
		return a.country
	}
	return a.code
}

// people reports whether argument a names a country's people by a plural
// demonym ("Thousands of Kenyans demonstrated"): a domestic event of theirs
// has the state on both sides.
func (sn *sentence) people(a arg) bool {
	if a.kind != actors.KindState || a.end != a.start+1 || a.start < 0 {
		return false
	}
	t := sn.words[a.start].Tag
	return t == "NNPS" || t == "NNS"
}

// localise gives a bare agent source ("Protesters in Baghdad") the country
// of the place named in the sentence.
func localise(a arg, country string) arg {
	if a.country == "" && a.kind == actors.KindAgent && country != "" {
		a.code = country + a.code
		a.country = country
	}
	return a
}

// placeCountry returns the country of the first locative state or place in
// the sentence ("in Baghdad" -> IRQ), or "".
func (sn *sentence) placeCountry() string {
	for i, a := range sn.args {
		if a.loc && a.country != "" && sn.placeLike(i) {
			return a.country
		}
	}
	return ""
}

// selfTarget gives a bare agent target ("the government") the source's
// country in domestic events.
func selfTarget(src, tgt arg, self bool) arg {
	if self && tgt.country == "" && tgt.kind == actors.KindAgent && src.country != "" {
		tgt.code = src.country + tgt.code
		tgt.country = src.country
	}
	return tgt
}

// makeEvent fills an event.Event for one pair.
func (c *Coder) makeEvent(sn *sentence, st *docState, f found, p pair) (event.Event, bool) {
	cd, ok := cameo.Lookup(f.code)
	if !ok {
		return event.Event{}, false
	}
	e := event.Event{
		DocID: st.doc.ID, Date: st.dateStr, SentenceIndex: sn.index, Sentence: sn.text,
		Source: p.src.code, SourceCountry: p.src.country, Target: p.tgt.code, TargetCountry: p.tgt.country,
		CAMEO: cd.Code, Root: cd.Root, EventName: cd.Name, PLOVER: cd.PLOVER, PLOVERMode: cd.PLOVERMode,
		Goldstein: cd.Goldstein, QuadClass: cd.QuadClass,
		Negated: f.negated, Modality: f.modality,
	}
	lo, hi := evidenceRange(f, p)
	e.Evidence = sn.textOf(lo, hi)
	e.EvidenceSpan = mkSpan(sn.span(lo, hi))
	e.VerbSpan = mkSpan(sn.span(f.head, f.headEnd))
	e.VerbText = sn.textOf(f.head, f.headEnd)
	if !p.src.pron || p.src.end > p.src.start {
		e.SourceSpan = mkSpan(sn.span(p.src.start, p.src.end))
		e.SourceText = sn.textOf(p.src.start, p.src.end)
	}
	if p.tgt.start >= 0 {
		e.TargetSpan = mkSpan(sn.span(p.tgt.start, p.tgt.end))
		e.TargetText = sn.textOf(p.tgt.start, p.tgt.end)
	}
	e.Location = sn.location(f.head)
	return e, true
}

// evidenceRange is the smallest token range holding the event's source,
// predicate and target: the words that justify it ("Iran categorically
// rejected the United States' invitation to talks"), not the whole
// sentence with its dateline and attribution.
func evidenceRange(f found, p pair) (int, int) {
	lo, hi := f.head, f.headEnd
	for _, a := range [...]arg{p.src, p.tgt} {
		if a.start < 0 || a.end <= a.start {
			continue
		}
		lo, hi = min(lo, a.start), max(hi, a.end)
	}
	return lo, hi
}

func mkSpan(a, b int) event.Span { return event.Span{Start: a, End: b} }

// mentions lists every actor named in the sentence.
func (sn *sentence) mentions(docID string) []event.Mention {
	var out []event.Mention
	for _, a := range sn.args {
		if a.kind == "place" || a.pron || a.end <= a.start {
			continue
		}
		s, e := sn.span(a.start, a.end)
		out = append(out, event.Mention{DocID: docID, Code: a.code, Text: sn.textOf(a.start, a.end), Span: event.Span{Start: s, End: e}})
	}
	return out
}
