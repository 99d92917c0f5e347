package actors

import (
	"strings"
	"testing"
	"time"
)

// toks lower-cases and splits a sentence the way internal/text does for the
// cases used here: blanks separate tokens, "'s" is split off.
func toks(s string) []string {
	t := phraseTokens(s)
	for i := range t {
		t[i] = strings.ToLower(t[i])
	}
	return t
}

func origToks(s string) []string { return phraseTokens(s) }

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func mustDefault(t testing.TB) *Dict {
	t.Helper()
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// brief renders matches as "start-end:CODE/COUNTRY/kind".
func brief(ms []Match) string {
	var b []string
	for _, m := range ms {
		b = append(b, strings.Join([]string{itoa(m.Start) + "-" + itoa(m.End), m.Code, m.Country, m.Kind}, ":"))
	}
	return strings.Join(b, " ")
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func TestMatchMentions(t *testing.T) {
	d := mustDefault(t)
	tests := []struct {
		sent, date, want string
	}{
		{"The U.S. and Israel struck Iran", "2025-06-22", "1-2:USA:USA:state 3-4:ISR:ISR:state 5-6:IRN:IRN:state"},
		{"Iran's Foreign Minister Abbas Araghchi said on Monday", "2025-06-22", "0-6:IRNGOV:IRN:person"},
		{"Iranian Foreign Minister Aragchi rejected the offer", "2025-01-10", "0-4:IRNGOV:IRN:person"},
		{"Washington warned Tehran", "2020-01-05", "0-1:USA:USA:state 2-3:IRN:IRN:state"},
		{"An Iranian general said the drills would continue", "2024-01-01", "1-3:IRNMIL:IRN:agent"},
		{"Protesters clashed with Israeli police in Jerusalem", "2023-03-01", "0-1:OPP::agent 3-5:ISRCOP:ISR:agent 6-7:ISR:ISR:state"},
		{"the Iranian Foreign Ministry summoned the envoy", "2022-01-01", "1-4:IRNGOV:IRN:agent 6-7:GOV::agent"},
		{"President Trump spoke", "2018-05-08", "0-2:USAGOV:USA:person"},
		{"Trump spoke", "2023-01-01", "0-1:USAOPP:USA:person"},
		{"Trump spoke", "2025-06-01", "0-1:USAGOV:USA:person"},
		{"Biden spoke", "2019-06-01", "0-1:USAOPP:USA:person"},
		{"Biden spoke", "2022-06-01", "0-1:USAGOV:USA:person"},
		{"Biden spoke", "2026-01-01", "0-1:USAELI:USA:person"},
		{"Iran's Supreme Leader Ayatollah Ali Khamenei warned", "2025-01-01", "0-7:IRNGOV:IRN:person"},
		{"Khamanei warned", "2025-01-01", "0-1:IRNGOV:IRN:person"},
		{"Pezeshkiyan visited Baghdad", "2024-09-11", "0-1:IRNGOV:IRN:person 2-3:IRQ:IRQ:state"},
		{"Pezeshkian spoke in parliament", "2023-05-01", "0-1:IRNLEG:IRN:person 3-4:LEG::agent"},
		{"President Raeesi died", "2024-05-19", "0-2:IRNELI:IRN:person"},
		{"Raisi met Putin", "2023-01-19", "0-1:IRNGOV:IRN:person 2-3:RUSGOV:RUS:person"},
		{"Zarif met Kerry", "2015-07-14", "0-1:IRNGOV:IRN:person 2-3:USAGOV:USA:person"},
		{"Hamas fighters attacked", "2023-10-07", "0-2:HMS::nsa"},
		{"Hezbollah leader Hassan Nasrallah said", "2024-01-01", "0-4:HEZ::person"},
		{"Nasrullah said", "2024-01-01", "0-1:HEZ::person"},
		{"al-Houthi threatened ships", "2024-01-01", "0-1:HTH::person"},
		{"Houthi rebels fired missiles", "2024-01-01", "0-2:HTH::nsa"},
		{"the UN Security Council met", "2024-01-01", "1-4:IGOUNO::igo"},
		{"he told us that", "2024-01-01", ""},
		{"US forces left", "2024-01-01", "0-2:USAMIL:USA:agent"},
		{"sanctions imposed by the US", "2024-01-01", "4-5:USA:USA:state"},
		{"oil prices in the Persian Gulf and Latin America", "2024-01-01", ""},
		{"the foreign minister of Iran said", "2024-01-01", "1-5:IRNGOV:IRN:agent"},
		{"Iran's Araghchi said", "2025-01-01", "0-3:IRNGOV:IRN:person"},
		{"Israeli Prime Minister Benjamin Netanyahu said", "2025-01-01", "0-5:ISRGOV:ISR:person"},
		{"Netanyahu said", "2022-01-01", "0-1:ISROPP:ISR:person"},
		{"Saudi Crown Prince Mohammed bin Salman arrived", "2025-01-01", "0-6:SAUGOV:SAU:person"},
		{"the White House said", "2025-01-01", "1-3:USAGOV:USA:agent"},
		{"an IRGC commander said", "2025-01-01", "1-3:IRNMIL:IRN:agent"},
		{"Iranians and Americans", "2025-01-01", "0-1:IRN:IRN:state 2-3:USA:USA:state"},
		{"Theresa May may visit", "2017-01-01", "0-2:GBRGOV:GBR:person"},
		{"who said so", "2024-01-01", ""},
		{"IAEA inspectors visited Fordow", "2024-01-01", "0-2:IGOIAEA::igo"},
		{"Mr. Netanyahu replied", "2024-01-01", "0-2:ISRGOV:ISR:person"},
		{"Beijing and Moscow", "2024-01-01", "0-1:CHN:CHN:state 2-3:RUS:RUS:state"},
		{"the UK and Britain and the U.K.", "2024-01-01", "1-2:GBR:GBR:state 3-4:GBR:GBR:state 6-7:GBR:GBR:state"},
		{"Ahmed al-Sharaa met", "2024-06-01", "0-2:HTS::person"},
		{"Iran's Revolutionary Guards seized a tanker", "2024-01-01", "0-4:IRNMIL:IRN:agent"},
		{"Israel's Mossad", "2024-01-01", "0-3:ISRSPY:ISR:agent"},
		{"Iran's Mossad", "2024-01-01", "0-1:IRN:IRN:state 2-3:ISRSPY:ISR:agent"},
		{"the president of the United States said", "2018-01-01", "1-6:USAGOV:USA:agent"},
		{"U.S. Secretary of State Marco Rubio said", "2025-03-01", "0-6:USAGOV:USA:person"},
		{"Israeli Defense Minister Israel Katz said", "2025-03-01", "0-5:ISRGOV:ISR:person"},
		{"Israel struck Iran", "2025-06-13", "0-1:ISR:ISR:state 2-3:IRN:IRN:state"},
		{"the Trump administration imposed sanctions", "2025-03-01", "1-3:USAGOV:USA:agent"},
		{"Iranian-backed Houthis", "2025-03-01", "1-2:HTH::nsa"},
		{"Iranian commandos seized a British-flagged tanker", "2019-07-19", "0-2:IRNMIL:IRN:agent 4-5:GBR:GBR:state"},
		{"the U.S.-led coalition and a Greek-owned ship", "2019-07-19", "1-2:USA:USA:state 5-6:GRC:GRC:state"},
		{"US-Iran talks", "2019-07-19", ""},
		{"Muhammad bin Salman met Ahmad al-Sharaa", "2025-05-14", "0-3:SAUGOV:SAU:person 4-6:SYRGOV:SYR:person"},
		{"Mohammad Baqir Qalibaf said", "2024-05-14", "0-3:IRNLEG:IRN:person"},
		{"Jordan Bardella criticised Jordan", "2024-06-01", "0-2:FRAOPP:FRA:person 3-4:JOR:JOR:state"},
		{"former President Barack Obama said", "2024-06-01", "0-4:USAELI:USA:person"},
		{"the late Iranian President Ebrahim Raisi", "2024-06-01", "2-6:IRNELI:IRN:person"},
		{"the Assad regime shelled Idlib", "2019-07-19", "1-3:SYRGOV:SYR:agent"},
		{"the Netanyahu government fell", "2024-01-01", "1-3:ISRGOV:ISR:agent"},
		{"Trump aides said", "2023-01-01", "0-1:USAOPP:USA:person 1-2:GOV::agent"},
		{"Hamas leader Yahya Sinwar 's aides", "2024-01-01", "0-4:HMS::person 5-6:GOV::agent"},
		{"the Kurdistan Workers' Party", "2019-07-19", "1-5:PKK::nsa"},
		{"Maj. Gen. Hossein Salami said", "2019-07-19", "0-4:IRNMIL:IRN:person"},
		{"Islamic State militants attacked", "2015-03-01", "0-3:ISI::nsa"},
		{"a strict Islamic state in Nigeria", "2015-03-01", "5-6:NGA:NGA:state"},
		{"China 's UN ambassador said", "2015-03-01", "0-4:CHNGOV:CHN:agent"},
		{"government forces shelled the town", "2015-03-01", "0-2:MIL::agent"},
		{"a pole vaulter from Warsaw", "2015-03-01", "4-5:POL:POL:state"},
		{"Ahmed al-Sharaa met", "2025-06-01", "0-2:SYRGOV:SYR:person"},
	}
	for _, tt := range tests {
		got := brief(d.Match(toks(tt.sent), day(tt.date)))
		if got != tt.want {
			t.Errorf("Match(%q, %s) = %q, want %q", tt.sent, tt.date, got, tt.want)
		}
	}
}

func TestMatchCased(t *testing.T) {
	d := mustDefault(t)
	tests := []struct{ sent, want string }{
		{"the US said", "1-2:USA:USA:state"},
		{"sanctions by US allies", "2-3:USA:USA:state"},
		{"he told us", ""},
		{"WHO officials said", "0-2:IGOWHO::igo"},
		{"who officials said", "1-2:GOV::agent"},
		{"Prime Minister May said", "0-3:GBRGOV:GBR:person"},
		{"Islamic State said", "0-2:ISI::nsa"},
		{"Poles and Kiwis", "0-1:POL:POL:state 2-3:NZL:NZL:state"},
	}
	for _, tt := range tests {
		got := brief(d.MatchCased(toks(tt.sent), origToks(tt.sent), day("2018-01-01")))
		if got != tt.want {
			t.Errorf("MatchCased(%q) = %q, want %q", tt.sent, got, tt.want)
		}
	}
}

func TestMatchZeroDateIsToday(t *testing.T) {
	d := mustDefault(t)
	got := d.Match(toks("Trump"), time.Time{})
	want := d.Match(toks("Trump"), time.Now())
	if brief(got) != brief(want) {
		t.Fatalf("zero date = %s, today = %s", brief(got), brief(want))
	}
}

func TestMatchNoOverlapAndBounds(t *testing.T) {
	d := mustDefault(t)
	s := toks("The U.S. and Israeli forces struck Iran 's nuclear sites while Hamas and Hezbollah fighters watched and Iranian protesters marched in Tehran")
	ms := d.Match(s, day("2025-06-22"))
	if len(ms) < 6 {
		t.Fatalf("want at least 6 matches, got %s", brief(ms))
	}
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(s) {
			t.Fatalf("bad or overlapping span %d-%d in %s", m.Start, m.End, brief(ms))
		}
		prev = m.End
	}
}

func TestLookup(t *testing.T) {
	d := mustDefault(t)
	tests := []struct {
		code, country, kind string
		ok                  bool
	}{
		{"IRN", "IRN", KindState, true},
		{"PSE", "PSE", KindState, true},
		{"VAT", "VAT", KindState, true},
		{"TWN", "TWN", KindState, true},
		{"KSV", "KSV", KindState, true},
		{"HMS", "", KindNSA, true},
		{"HTH", "", KindNSA, true},
		{"IGOUNO", "", KindIGO, true},
		{"IGOEU", "", KindIGO, true},
		{"IRNMIL", "IRN", KindAgent, true},
		{"ISRCOP", "ISR", KindAgent, true},
		{"USAGOV", "USA", KindAgent, true},
		{"OPP", "", KindAgent, true},
		{"XYZ", "", "", false},
		{"IRNXYZ", "", "", false},
	}
	for _, tt := range tests {
		a, ok := d.Lookup(tt.code)
		if ok != tt.ok || a.Country != tt.country || a.Kind != tt.kind || (ok && a.Code != tt.code) {
			t.Errorf("Lookup(%q) = %+v, %v; want country %q kind %q ok %v", tt.code, a, ok, tt.country, tt.kind, tt.ok)
		}
	}
}

func TestAgreedCodesPresent(t *testing.T) {
	d := mustDefault(t)
	// Codes from the team's APIS.md that every consumer relies on.
	for _, c := range strings.Fields("USA IRN ISR CHN RUS GBR FRA DEU SAU PSE LBN YEM IRQ SYR EGY QAT TUR " +
		"IGOUNO IGOEU IGONATO IGOIAEA IGOARL IGOOPEC IGOAU IGOWHO IGOICC IGOGCC IGOSCO IGOBRICS IGOASEAN IGOOIC " +
		"HMS HEZ HTH PIJ ISI AQD TAL PKK HTS WAG RSF ALS " +
		"GOV MIL COP OPP REB SPY JUD LEG BUS MED EDU CVL REF HLH ELI LAB") {
		if _, ok := d.Lookup(c); !ok {
			t.Errorf("agreed code %s missing", c)
		}
	}
}

func TestCounts(t *testing.T) {
	d := mustDefault(t)
	st := d.Stats()
	if st[kindState] < 197 {
		t.Errorf("states = %d, want >= 197 (193 UN members + Palestine, Holy See, Taiwan, Kosovo)", st[kindState])
	}
	if st[kindPerson] < 200 {
		t.Errorf("people = %d, want >= 200", st[kindPerson])
	}
	if st[kindIGO] < 14 || st[kindNSA] < 12 {
		t.Errorf("igo = %d, nsa = %d", st[kindIGO], st[kindNSA])
	}
	t.Logf("dictionary: %v", st)
}

// TestEntriesConsistent checks every state has a name, a demonym and (but for
// city states) a capital, and that every role code of every person resolves.
func TestEntriesConsistent(t *testing.T) {
	d := mustDefault(t)
	noCapital := map[string]bool{"BEL": true, "DJI": true, "LUX": true, "MCO": true, "SGP": true, "SMR": true, "VAT": true, "SYC": true, "DMA": false}
	for _, e := range d.Entries() {
		switch e.Kind {
		case kindState:
			if len(e.Adj) == 0 && e.Code != "COG" && e.Code != "DMA" {
				t.Errorf("%s:%d state %s has no demonym", e.File, e.Line, e.Code)
			}
			if len(e.Capital) == 0 && !noCapital[e.Code] {
				t.Errorf("%s:%d state %s has no capital", e.File, e.Line, e.Code)
			}
		case kindPerson:
			for _, p := range e.Phrases {
				if strings.HasSuffix(p, "'s") {
					t.Errorf("%s:%d %s: phrase %q ends in 's (the matcher handles possessives)", e.File, e.Line, e.Name, p)
				}
			}
			for _, r := range e.Roles {
				if _, ok := d.Lookup(r.Code); !ok {
					t.Errorf("%s:%d %s: role code %s does not resolve", e.File, e.Line, e.Name, r.Code)
				}
			}
		}
	}
}

func TestRoleAt(t *testing.T) {
	roles := []Role{
		{Code: "AAAGOV", From: day("2017-01-20"), To: day("2021-01-20")},
		{Code: "AAAOPP", From: day("2021-01-20"), To: day("2025-01-20")},
		{Code: "AAAGOV", From: day("2025-01-20")},
	}
	tests := []struct{ date, want string }{
		{"2017-01-19", "AAAGOV"}, // nearest
		{"2017-01-20", "AAAGOV"},
		{"2021-01-19", "AAAGOV"},
		{"2021-01-20", "AAAOPP"},
		{"2025-01-20", "AAAGOV"},
		{"2030-01-01", "AAAGOV"},
	}
	for _, tt := range tests {
		if got := RoleAt(roles, day(tt.date)); got != tt.want {
			t.Errorf("RoleAt(%s) = %s, want %s", tt.date, got, tt.want)
		}
	}
	fb := []Role{{Code: "BBBGOV", From: day("2020-01-01"), To: day("2021-01-01")}, {Code: "BBBELI"}}
	if got := RoleAt(fb, day("2022-01-01")); got != "BBBELI" {
		t.Errorf("fallback role = %s, want BBBELI", got)
	}
}

// TestConcurrentMatch runs Match from several goroutines (run with -race).
func TestConcurrentMatch(t *testing.T) {
	d := mustDefault(t)
	done := make(chan string, 4)
	for g := 0; g < 4; g++ {
		go func() {
			var last string
			for i := 0; i < 200; i++ {
				last = brief(d.Match(toks("Iran's Foreign Minister Abbas Araghchi met Hamas leaders in Doha"), day("2025-01-01")))
			}
			done <- last
		}()
	}
	want := "0-6:IRNGOV:IRN:person 7-9:HMS::nsa 10-11:QAT:QAT:state"
	for g := 0; g < 4; g++ {
		if got := <-done; got != want {
			t.Errorf("concurrent Match = %q, want %q", got, want)
		}
	}
}
