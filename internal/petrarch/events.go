package petrarch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/detente-project/detente/internal/cameo"
	"github.com/detente-project/detente/internal/dict"
	"github.com/detente-project/detente/internal/event"
)

// PhoenixFiles are the dictionary files of the Phoenix/PETRARCH2 release,
// used by LoadPhoenix.
var PhoenixFiles = struct {
	Verbs    string
	Actors   []string
	Agents   string
	Discards string
	Issues   string
}{
	Verbs:    "CAMEO.2.0.txt",
	Actors:   []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"},
	Agents:   "Phoenix.agents.txt",
	Discards: "Phoenix.discards.txt",
	Issues:   "Phoenix.IssueCoding.txt",
}

// LoadPhoenix loads the Phoenix dictionaries from dir. Discards and issues
// are optional: they are loaded when present.
func LoadPhoenix(dir string) (Dictionaries, error) {
	env := &Environment{
		Verbfile: PhoenixFiles.Verbs, Actorfiles: PhoenixFiles.Actors, Agentfile: PhoenixFiles.Agents,
	}
	if exists(filepath.Join(dir, PhoenixFiles.Discards)) {
		env.Discardfile = PhoenixFiles.Discards
	}
	if exists(filepath.Join(dir, PhoenixFiles.Issues)) {
		env.Issuefile = PhoenixFiles.Issues
	}
	return LoadDictionaries(env, dir)
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// nonStatePrefixes are CAMEO actor-code prefixes that are not countries
// (CAMEO manual ch. 3: IGO, NGO, NGM, IMG, MNC, UIS).
var nonStatePrefixes = map[string]bool{"IGO": true, "NGO": true, "NGM": true, "IMG": true, "MNC": true, "UIS": true, "---": true}

// Country returns the country part of a CAMEO actor code ("USAGOV" ->
// "USA"), or "" for international and non-state codes and quoted phrases.
func Country(code string) string {
	if len(code) < 3 || nonStatePrefixes[code[:3]] {
		return ""
	}
	for _, r := range code[:3] {
		if r < 'A' || r > 'Z' {
			return ""
		}
	}
	return code[:3]
}

// Events turns the coded events of a record into detente events, filling
// CAMEO name, root, Goldstein, quad class and PLOVER from internal/cameo
// and issues from the issue dictionary.
func (c *Coder) Events(rec Record, coded []Coded) []event.Event {
	var issues []string
	for _, ic := range c.Dicts.Issues.Match(rec.Text) {
		issues = append(issues, ic.Code)
	}
	out := make([]event.Event, 0, len(coded))
	for _, e := range coded {
		ev := event.Event{
			DocID: docID(rec.ID), Date: isoDate(rec.Date), SentenceIndex: sentenceIndex(rec.ID),
			Sentence: rec.Text, Source: e.Source, SourceCountry: Country(e.Source),
			Target: e.Target, TargetCountry: Country(e.Target), CAMEO: e.Code,
			Evidence: rec.Text, EvidenceSpan: event.Span{Start: 0, End: len(rec.Text)},
			VerbText: strings.ToLower(e.Verb), SourceText: e.SourceText, TargetText: e.TargetText,
			Location: rec.Place, Issues: issues,
		}
		ev.VerbSpan = findSpan(rec.Text, e.Verb)
		ev.SourceSpan = findSpan(rec.Text, e.SourceText)
		ev.TargetSpan = findSpan(rec.Text, e.TargetText)
		if len(e.Code) >= 2 {
			ev.Root = e.Code[:2]
		}
		if cc, ok := cameo.Lookup(e.Code); ok {
			ev.CAMEO, ev.Root, ev.EventName = cc.Code, cc.Root, cc.Name
			ev.Goldstein, ev.QuadClass, ev.PLOVER, ev.PLOVERMode = cc.Goldstein, cc.QuadClass, cc.PLOVER, cc.PLOVERMode
		}
		out = append(out, ev)
	}
	return out
}

// findSpan locates words (upper case, blank separated) in text,
// case-insensitively; zero span if absent.
func findSpan(text, words string) event.Span {
	if words == "" {
		return event.Span{}
	}
	i := strings.Index(strings.ToUpper(text), words)
	if i < 0 {
		first, _, _ := strings.Cut(words, " ")
		if i = strings.Index(strings.ToUpper(text), first); i < 0 {
			return event.Span{}
		}
		return event.Span{Start: i, End: i + len(first)}
	}
	return event.Span{Start: i, End: i + len(words)}
}

// docID strips a trailing sentence number ("AFP0808020625_4" or "...-02").
func docID(id string) string {
	if i := strings.LastIndexAny(id, "_-"); i > 0 {
		if _, err := strconv.Atoi(id[i+1:]); err == nil {
			return id[:i]
		}
	}
	return id
}

func sentenceIndex(id string) int {
	if i := strings.LastIndexAny(id, "_-"); i > 0 {
		if n, err := strconv.Atoi(id[i+1:]); err == nil {
			return n
		}
	}
	return 0
}

// isoDate turns YYYYMMDD into YYYY-MM-DD.
func isoDate(d string) string {
	n := dict.DateInt(d)
	if n == 0 {
		return d
	}
	s := strconv.Itoa(n)
	return s[:4] + "-" + s[4:6] + "-" + s[6:]
}

// RecordEvents codes one record and returns its events (the detente event
// contract). Discarded sentences give no events and no error; other
// refusals (bad parse, dateline) are returned as *CodeError.
func (c *Coder) RecordEvents(rec Record) ([]event.Event, error) {
	coded, err := c.Code(rec)
	var ce *CodeError
	if errors.As(err, &ce) && (ce.Kind == ErrSentenceDiscard || ce.Kind == ErrStoryDiscard) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("sentence %s (line %d): %w", rec.ID, rec.Line, err)
	}
	return c.Events(rec, coded), nil
}

// Stories groups consecutive records of the same story: PETRARCH takes the
// story from the sentence id ("AFP0808020625_4" and "AFP0808020625_5" are
// sentences 4 and 5 of story AFP0808020625).
func Stories(recs []Record) [][]Record {
	var out [][]Record
	for i, r := range recs {
		if i > 0 && docID(r.ID) == docID(recs[i-1].ID) {
			out[len(out)-1] = append(out[len(out)-1], r)
			continue
		}
		out = append(out, []Record{r})
	}
	return out
}

// StoryEvents codes the sentences of one story. A story-level discard
// ("+" in the discard file) drops every event of the story; sentences that
// cannot be coded are returned as errors and skipped.
func (c *Coder) StoryEvents(story []Record) ([]event.Event, []error) {
	var evs []event.Event
	var errs []error
	for _, rec := range story {
		coded, err := c.Code(rec)
		var ce *CodeError
		if errors.As(err, &ce) {
			switch ce.Kind {
			case ErrStoryDiscard:
				return nil, nil
			case ErrSentenceDiscard:
				continue
			}
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("sentence %s (line %d): %w", rec.ID, rec.Line, err))
			continue
		}
		evs = append(evs, c.Events(rec, coded)...)
	}
	return evs, errs
}

// StoryResult is the outcome of coding one story.
type StoryResult struct {
	Events []event.Event
	Errs   []error
}

// CodeStories codes stories on all cores (the Coder is safe for concurrent
// use); results are in input order.
func (c *Coder) CodeStories(stories [][]Record) []StoryResult {
	out := make([]StoryResult, len(stories))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i].Events, out[i].Errs = c.StoryEvents(stories[i])
			}
		}()
	}
	for i := range stories {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
