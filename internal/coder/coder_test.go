package coder

import (
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/detente-project/detente/internal/event"
)

var (
	testOnce  sync.Once
	testCoder *Coder
	testErr   error
)

func newTestCoder(t testing.TB) *Coder {
	t.Helper()
	testOnce.Do(func() { testCoder, testErr = New(Options{}) })
	if testErr != nil {
		t.Fatal(testErr)
	}
	return testCoder
}

// triple renders an event at the evaluation level of APIS.md.
func triple(e event.Event) string {
	return countryKey(e.Source, e.SourceCountry) + ">" + countryKey(e.Target, e.TargetCountry) + ":" + e.Root
}

func has(evs []event.Event, want string) (event.Event, bool) {
	for _, e := range evs {
		if triple(e) == want {
			return e, true
		}
	}
	return event.Event{}, false
}

// missionText is the article of issue 2 (Iran and the United States, autumn 2025).
const missionText = `Iran categorically rejected the United States' invitation to talks in Sharm El-Sheikh. ` +
	`U.S. missiles and drones struck Fordow, Isfahan and Natanz in June. ` +
	`Iran is deepening military ties with China and Russia. ` +
	`The U.S. and Israel demand an end to Iran's backing of Hamas and Hezbollah.`

func TestMission(t *testing.T) {
	c := newTestCoder(t)
	res := c.Code(event.Document{ID: "mission", Date: "2025-10-12", Text: missionText})
	tests := []struct {
		want, cameoPrefix, location string
		sentence                    int
	}{
		{"IRN>USA:12", "12", "Sharm El-Sheikh", 0},
		{"USA>IRN:03", "036", "", 0},
		{"USA>IRN:19", "19", "", 1},
		{"IRN>CHN:06", "06", "", 2},
		{"IRN>RUS:06", "06", "", 2},
		{"USA>IRN:10", "10", "", 3},
		{"ISR>IRN:10", "10", "", 3},
		{"IRN>HMS:05", "05", "", 3},
		{"IRN>HEZ:05", "05", "", 3},
	}
	for _, tt := range tests {
		e, ok := has(res.Events, tt.want)
		if !ok {
			t.Errorf("missing %s in %v", tt.want, triples(res.Events))
			continue
		}
		if !strings.HasPrefix(e.CAMEO, tt.cameoPrefix) {
			t.Errorf("%s: CAMEO %s, want %s*", tt.want, e.CAMEO, tt.cameoPrefix)
		}
		if tt.location != "" && e.Location != tt.location {
			t.Errorf("%s: location %q, want %q", tt.want, e.Location, tt.location)
		}
		if e.SentenceIndex != tt.sentence {
			t.Errorf("%s: sentence %d, want %d", tt.want, e.SentenceIndex, tt.sentence)
		}
		checkSpans(t, res.Doc.Text, e)
	}
	if len(res.Events) != len(tests) {
		t.Errorf("got %d events %v, want %d", len(res.Events), triples(res.Events), len(tests))
	}
	if e, ok := has(res.Events, "IRN>USA:12"); ok && e.Evidence != "Iran categorically rejected the United States' invitation to talks" {
		t.Errorf("evidence %q, want the clause without dateline and attribution", e.Evidence)
	}
}

func triples(evs []event.Event) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = triple(e) + "(" + e.CAMEO + ")"
	}
	return out
}

// checkSpans verifies that every span indexes the document text it quotes.
func checkSpans(t *testing.T, doc string, e event.Event) {
	t.Helper()
	spans := []struct {
		s    event.Span
		text string
	}{{e.EvidenceSpan, e.Evidence}, {e.VerbSpan, e.VerbText}, {e.SourceSpan, e.SourceText}, {e.TargetSpan, e.TargetText}}
	for _, sp := range spans {
		if sp.text == "" {
			continue
		}
		if sp.s.Start < 0 || sp.s.End > len(doc) || doc[sp.s.Start:sp.s.End] != sp.text {
			t.Errorf("span %+v does not hold %q", sp.s, sp.text)
		}
		if sp.s.Start < e.EvidenceSpan.Start || sp.s.End > e.EvidenceSpan.End {
			t.Errorf("span %+v of %q lies outside the evidence %+v", sp.s, sp.text, e.EvidenceSpan)
		}
	}
	if !strings.Contains(e.Sentence, e.Evidence) {
		t.Errorf("evidence %q is not in the sentence %q", e.Evidence, e.Sentence)
	}
}

func TestPhenomena(t *testing.T) {
	c := newTestCoder(t)
	tests := []struct {
		name, text string
		want       []string // expected triples (all of them, in any order)
	}{
		{"passive", "Iran was struck by the U.S. on Sunday.", []string{"USA>IRN:19"}},
		{"passive place", "Natanz was hit by Israeli missiles early on Friday.", []string{"ISR>IRN:19"}},
		{"coordination subjects", "The United States and Israel struck Iranian nuclear facilities.", []string{"USA>IRN:19", "ISR>IRN:19"}},
		{"coordination objects", "Iran condemned the United States and Israel.", []string{"IRN>USA:11", "IRN>ISR:11"}},
		{"apposition", "Iran's Foreign Minister Abbas Araghchi met Omani officials in Muscat.", []string{"IRN>OMN:04"}},
		{"nominalisation", "Russia condemned the U.S. bombing of Iranian nuclear sites.", []string{"RUS>USA:11", "USA>IRN:19"}},
		{"possessive backing", "Israel criticised Iran's backing of Hezbollah.", []string{"ISR>IRN:11", "IRN>HEZ:05"}},
		{"assassination", "Israel assassinated Hamas leader Ismail Haniyeh in Tehran.", []string{"ISR>HMS:18"}},
		{"sanctions", "The European Union imposed sanctions on Iran.", []string{"IGOEU>IRN:16"}},
		{"arrest", "Iran arrested two French citizens.", []string{"IRN>FRA:17"}},
		{"visit", "Modi visited Moscow on Monday.", []string{"IND>RUS:04"}},
		{"accuse", "Iran accused Israel of assassinating a scientist.", []string{"IRN>ISR:11"}},
		{"threaten", "North Korea threatened to attack South Korea.", []string{"PRK>KOR:13"}},
		{"negation", "Iran did not attack U.S. forces in Iraq.", nil},
		{"never", "Russia never threatened Ukraine.", nil},
		{"no subject", "No Iranian missiles hit the base in Qatar.", nil},
		{"hypothetical if", "If Iran attacks Israel, oil prices will rise.", nil},
		{"hypothetical would", "It would be great if the United States and Iran made a peace deal.", nil},
		{"modal could", "Israel could strike Iranian nuclear sites if diplomacy fails.", nil},
		{"inversion", "Should Russia attack Estonia, NATO would defend it.", nil},
		{"reported speech", "Ukrainian officials said Russian forces shelled Kharkiv.", []string{"RUS>UKR:19"}},
		{"quote first person", `"Israel has attacked our country," Pezeshkian said.`, []string{"ISR>IRN:19"}},
		{"relative clause", "Qatar, which hosts a U.S. base, condemned Iran's missile attack on its territory.", []string{"QAT>IRN:11", "IRN>QAT:19"}},
		{"reciprocal", "Thai and Cambodian troops exchanged fire along the border.", []string{"THA>KHM:19", "KHM>THA:19"}},
		{"domestic protest", "Iranian protesters demonstrated against the government in Tehran.", []string{"IRN>IRN:14"}},
		{"location not target", "Israeli jets struck Hezbollah positions in southern Lebanon.", []string{"ISR>HEZ:19"}},
		{"hyphenated pair", "Oman hosted U.S.-Iran nuclear talks in Muscat.", []string{"USA>IRN:04", "IRN>USA:04"}},
		{"hyphenated pair hedged", "Russia-Ukraine talks could resume next week.", nil},
		{"hyphenated name", "Al-Qaeda attacked Yemeni troops in Abyan.", []string{"AQD>YEM:19"}},
		{"clause coordination", "Israel attacked Gaza and Hamas fired rockets at Israel.", []string{"ISR>PSE:19", "HMS>ISR:19"}},
		{"existential participle", "There were 10 Russian soldiers killed in Ukraine today.", nil},
		{"reduced relative", "Two Iranian diplomats detained in Iraq were freed on Sunday.", nil},
		{"distant place", "A Tunisian court has jailed a man for two years for helping young militants join an armed group in Lebanon.", nil},
		{"venue modifier", "Iran rejects Sharm El-Sheikh talks as factions argue over Trump.", nil},
		{"venue modifier with partner", "Iran rejected Sharm El-Sheikh talks with the United States.", []string{"IRN>USA:12"}},
		{"sports", "Brazil beat Argentina 2-1 in a World Cup qualifier.", nil},
		{"dateline", "WASHINGTON, May 8 (Wire) - Iran seized a British tanker.", []string{"IRN>GBR:17"}},
		// the broker is no party to the ceasefire, but mediates between the
		// parties (045), as corpus c0056 labels "a deal brokered by China"
		{"agent by participle", "Israel and Hezbollah agreed to a ceasefire brokered by the United States.", []string{"ISR>HEZ:08", "HEZ>ISR:08", "USA>ISR:04", "USA>HEZ:04"}},
		{"agent located", "Protesters in Baghdad clashed with Iraqi security forces.", []string{"IRQ>IRQ:14"}},
		{"infinitive subject", "Obama wants Putin to attack Switzerland.", []string{"RUS>CHE:19"}},
		{"light verb noun", "PKK militants carried out a bombing at a Turkish defence company.", []string{"PKK>TUR:18"}},
		{"measure modifier", "Trump lifted U.S. sanctions on Syria.", []string{"USA>SYR:08"}},
		// wire-style constructions (testdata/corpus/dev2.jsonl)
		{"dateline without comma", "BEIRUT (Reuters) - Should Israel attack Lebanon, Hezbollah would respond.", nil},
		{"headline list", "Seoul, Tokyo agree to resume security talks", []string{"KOR>JPN:03", "JPN>KOR:03"}},
		{"attack noun subject", "GAZA (Reuters) - Israeli air strikes killed at least 30 people across the Gaza Strip overnight.", []string{"ISR>PSE:19"}},
		{"victims of an attack", "Hamas leader Ismail Haniyeh was killed in an Israeli strike in Tehran.", []string{"ISR>HMS:19"}},
		{"participle with pronoun", "Erdogan threatened to block Sweden and Finland from joining NATO, accusing them of harbouring militants.",
			[]string{"TUR>SWE:13", "TUR>FIN:13", "TUR>SWE:11", "TUR>FIN:11"}},
		{"after clause subject", "Ukraine asked NATO to send warships after Russia seized three Ukrainian vessels.", []string{"UKR>IGONATO:02", "RUS>UKR:17"}},
		{"speech after time adjunct", "Trump said on Tuesday he would lift all sanctions on Syria.", []string{"USA>SYR:08"}},
		{"denied charge", "Congo accused Rwanda of backing the rebels, a charge Kigali denies.", []string{"COD>RWA:11", "RWA>COD:01"}},
		{"sports score", "South Africa beat New Zealand 12-11 in the Rugby World Cup final.", nil},
		{"protesters storm", "Protesters in Baghdad attacked the Swedish embassy.", []string{"IRQ>SWE:14"}},
		// testdata/corpus/dev3.jsonl
		{"each other", "India and Canada expelled each other's top diplomats on Monday.", []string{"IND>CAN:16", "CAN>IND:16"}},
		{"the two countries", "Blinken met Xi Jinping in Beijing on Monday, and the two countries agreed to stabilise their rivalry.",
			[]string{"USA>CHN:04", "USA>CHN:03", "CHN>USA:03"}},
		{"double object", "Germany will send Ukraine a new package of air defence systems.", []string{"DEU>UKR:07"}},
		{"domestic arrest", "Venezuelan police arrested an opposition leader on Thursday.", []string{"VEN>VEN:17"}},
		{"denied allegation", "Congo accused Rwanda of backing the rebels, an allegation Kigali has repeatedly denied.", []string{"COD>RWA:11", "RWA>COD:01"}},
		{"diplomatic protest", "Vietnam protested against China's deployment of a survey ship.", []string{"VNM>CHN:11"}},
		{"farmers protest", "French farmers protested outside the European Parliament.", []string{"FRA>IGOEU:14"}},
		{"by-phrase of a misdeed", "The council opened an investigation into alleged abuses by Russian forces in Ukraine.", nil},
		{"approve ceasefire", "Israel's security cabinet approved a ceasefire deal with Hezbollah on Tuesday.", []string{"ISR>HEZ:08"}},
		{"strip citizenship", "Nicaraguan authorities stripped 94 opponents of their citizenship.", []string{"NIC>NIC:17"}},
		{"possessive with patron", "Yemen's Iran-aligned Houthis targeted a U.S. destroyer in the Red Sea.", []string{"HTH>USA:19"}},
		{"expulsion of a delegation", "Petro ordered the expulsion of Israel's diplomatic delegation.", []string{"COL>ISR:16"}},
		{"inquiry into crimes by", "The ICC opened an investigation into war crimes committed by Russian forces in Ukraine.", []string{"IGOICC>RUS:09"}},
		{"fighting erupted between", "Heavy fighting erupted between Israel and Hezbollah on Monday.", []string{"ISR>HEZ:19", "HEZ>ISR:19"}},
		{"a move that drew criticism", "India revoked the special status of Kashmir, a move that drew condemnation from Pakistan.", []string{"PAK>IND:11"}},
		{"a show of force that X condemned", "Russia and China held joint naval drills on Monday, a show of force that Tokyo condemned.",
			[]string{"RUS>CHN:06", "CHN>RUS:06", "JPN>RUS:11", "JPN>CHN:11"}},
		{"blamed on the group", "Turkish jets struck PKK targets after an attack near Ankara that Turkey blamed on the group.", []string{"TUR>PKK:19", "TUR>PKK:11"}},
		{"tail after a relative clause", "Pakistan denied any role in the bombing that killed 40 Indian police in Kashmir, calling New Delhi's accusations baseless.", []string{"PAK>IND:01"}},
		{"not denied", "Congo accused Rwanda of backing the rebels, an allegation Kigali has not denied.", []string{"COD>RWA:11"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.Code(event.Document{ID: "t", Date: "2025-07-01", Text: tt.text})
			got := map[string]int{}
			for _, e := range res.Events {
				got[triple(e)]++
				checkSpans(t, tt.text, e)
			}
			want := map[string]int{}
			for _, w := range tt.want {
				want[w]++
			}
			for k, n := range want {
				if got[k] != n {
					t.Errorf("%q: want %s, got %v", tt.text, k, triples(res.Events))
				}
			}
			for k := range got {
				if want[k] == 0 {
					t.Errorf("%q: unexpected %s (all: %v)", tt.text, k, triples(res.Events))
				}
			}
		})
	}
}

func TestModalityAndNegationFlags(t *testing.T) {
	c, err := New(Options{KeepNegated: true, KeepHypothetical: true})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text     string
		negated  bool
		modality string
	}{
		{"Iran did not attack U.S. forces.", true, ""},
		{"Netanyahu will visit Washington next week.", false, "future"},
		{"Erdogan plans to visit Cairo.", false, "future"},
		{"Israel could strike Iran.", false, "hypothetical"},
		{"Israel will not strike Iran.", true, "future"},
	}
	for _, tt := range tests {
		res := c.Code(event.Document{ID: "t", Date: "2025-07-01", Text: tt.text})
		if len(res.Events) == 0 {
			t.Errorf("%q: no event", tt.text)
			continue
		}
		e := res.Events[0]
		if e.Negated != tt.negated || e.Modality != tt.modality {
			t.Errorf("%q: negated=%v modality=%q, want %v %q", tt.text, e.Negated, e.Modality, tt.negated, tt.modality)
		}
	}
}

func TestQuotes(t *testing.T) {
	c := newTestCoder(t)
	tests := []struct {
		text, speaker, code, quote string
	}{
		{`"We will not negotiate under pressure," Araghchi said.`, "Araghchi", "IRNGOV", "We will not negotiate under pressure"},
		{`Trump said: "Iran must stop enrichment."`, "Trump", "USAGOV", "Iran must stop enrichment."},
		{`Iran's foreign ministry said that Tehran was ready to resume talks.`, "Iran's foreign ministry", "IRNGOV", "Tehran was ready to resume talks"},
		{`Tehran was ready to resume talks, the Iranian foreign ministry said.`, "Iranian foreign ministry", "IRNGOV", "Tehran was ready to resume talks"},
		{`According to Israeli officials, Iran supplied Hezbollah with rockets.`, "Israeli officials", "ISRGOV", "Iran supplied Hezbollah with rockets"},
		{`TEHRAN, Oct. 14 (Wire) - Iran rejected the invitation, Araghchi said.`, "Araghchi", "IRNGOV", "Iran rejected the invitation"},
		{`Reformists say talks are needed to ease sanctions, but hardliners accuse them of weakness.`, "Reformists", "OPP", "talks are needed to ease sanctions"},
	}
	for _, tt := range tests {
		res := c.Code(event.Document{ID: "q", Date: "2025-07-01", Text: tt.text})
		if len(res.Quotes) != 1 {
			t.Errorf("%q: %d quotes %+v", tt.text, len(res.Quotes), res.Quotes)
			continue
		}
		q := res.Quotes[0]
		if q.Speaker != tt.speaker || q.SpeakerCode != tt.code || q.Quote != tt.quote {
			t.Errorf("%q: got (%q, %q, %q), want (%q, %q, %q)", tt.text, q.Speaker, q.SpeakerCode, q.Quote, tt.speaker, tt.code, tt.quote)
		}
		if tt.text[q.Span.Start:q.Span.End] != q.Quote && !strings.Contains(tt.text[q.Span.Start:q.Span.End], q.Quote) {
			t.Errorf("%q: span %+v does not hold the quote", tt.text, q.Span)
		}
	}
}

func TestMentions(t *testing.T) {
	c := newTestCoder(t)
	text := "Iran's Foreign Minister Abbas Araghchi met Omani officials in Muscat."
	res := c.Code(event.Document{ID: "m", Date: "2025-07-01", Text: text})
	codes := map[string]bool{}
	for _, m := range res.Mentions {
		codes[m.Code] = true
		if text[m.Span.Start:m.Span.End] != m.Text {
			t.Errorf("mention span %+v does not hold %q", m.Span, m.Text)
		}
	}
	for _, w := range []string{"IRNGOV", "OMNGOV", "OMN"} {
		if !codes[w] {
			t.Errorf("no mention of %s in %+v", w, res.Mentions)
		}
	}
}

func TestDateResolvesRoles(t *testing.T) {
	c, err := New(Options{Date: time.Date(2019, 5, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	res := c.Code(event.Document{ID: "d", Text: "Trump threatened Iran."})
	if len(res.Events) != 1 || res.Events[0].SourceCountry != "USA" || res.Events[0].Date != "2019-05-01" {
		t.Errorf("got %+v", res.Events)
	}
}

func TestBadInputNeverPanics(t *testing.T) {
	c := newTestCoder(t)
	inputs := []string{
		"", " ", "\x00\x01\x02", "Iran \xff\xfe attacked Israel.", strings.Repeat("a", 1<<20),
		strings.Repeat("Iran attacked Israel and ", 5000), `"""""`, "Iran's 's 's", ", , , and and",
	}
	for _, in := range inputs {
		res := c.Code(event.Document{ID: "bad", Text: in})
		if !utf8.ValidString(res.Doc.Text) {
			t.Errorf("result text not valid UTF-8")
		}
		for _, e := range res.Events {
			checkSpans(t, res.Doc.Text, e)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	c := newTestCoder(t)
	want := len(c.Code(event.Document{ID: "x", Date: "2025-10-12", Text: missionText}).Events)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				if got := len(c.Code(event.Document{ID: "x", Date: "2025-10-12", Text: missionText}).Events); got != want {
					t.Errorf("concurrent run gave %d events, want %d", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func FuzzCode(f *testing.F) {
	f.Add(missionText)
	f.Add(`"We reject the American proposal," Araghchi told reporters in Tehran.`)
	f.Add("WASHINGTON, May 8 (Wire) - Should Russia attack Estonia, NATO would defend it.")
	f.Add("Qatar, which hosts a U.S. base, condemned Iran's missile attack on its territory.")
	c := newTestCoder(f)
	f.Fuzz(func(t *testing.T, s string) {
		res := c.Code(event.Document{ID: "f", Date: "2025-01-01", Text: s})
		for _, e := range res.Events {
			checkSpans(t, res.Doc.Text, e)
			if e.Source == "" || e.Target == "" || e.Source == e.Target {
				t.Fatalf("bad actors %+v", e)
			}
		}
		for _, q := range res.Quotes {
			if q.Span.Start < 0 || q.Span.End > len(res.Doc.Text) || q.Span.Start > q.Span.End {
				t.Fatalf("bad quote span %+v", q.Span)
			}
		}
	})
}
