package coder

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/detente-project/detente/internal/event"
)

// corpora are the labelled sentence sets written by the team, with floors
// set a little under measured values. corpus.jsonl was used while building
// the coder (a development set); heldout.jsonl was written afterwards by a
// writer who had not seen the coder, and was not used for tuning (its
// per-sentence differences were looked at while the dev2 changes were
// checked for regressions, so it is no longer fully blind).
// heldout2.jsonl (wire-style, written blind by another writer) was scored
// for the first time with the coder as of commit 79b2a88: P 0.870, R 0.508;
// after the dev2 work (commit 242e914) its totals are P 0.939, R 0.657. Its
// sentences are not read while changing the coder, so it stays the
// honest estimate of accuracy on unseen news. dev2.jsonl (543 wire-style
// sentences, each labelled before the coder was run on it) is the
// development set for wire-style recall: the coder of commit 468d79b scores
// P 0.843, R 0.597 on it. dev3.jsonl (112 wire-style sentences from many
// regions, written in four batches, each labelled before the coder was
// run on it) is the next development set: the first batch scored P 0.912,
// R 0.620 with the coder of commit 8c35507, the later batches P 0.872,
// R 0.773, P 0.923, R 0.857 and P 0.923, R 0.800 with the coder as it
// stood then.
var corpora = []struct {
	file                        string
	floorPrecision, floorRecall float64
}{
	{"../../testdata/corpus/corpus.jsonl", 0.99, 0.96},
	{"../../testdata/corpus/heldout.jsonl", 0.96, 0.83},
	{"../../testdata/corpus/heldout2.jsonl", 0.92, 0.63},
	{"../../testdata/corpus/dev2.jsonl", 0.94, 0.86},
	{"../../testdata/corpus/dev3.jsonl", 0.93, 0.89},
}

type corpusLine struct {
	ID     string   `json:"id"`
	Date   string   `json:"date"`
	Text   string   `json:"text"`
	Tags   []string `json:"tags"`
	Events []struct {
		Source string `json:"source"`
		Target string `json:"target"`
		Root   string `json:"root"`
	} `json:"events"`
}

type score struct{ tp, fp, fn int }

func (s score) p() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s score) r() float64 { return ratio(s.tp, s.tp+s.fn) }
func (s score) f1() float64 {
	p, r := s.p(), s.r()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// countryKey is the evaluation key of APIS.md: the country if any, else the code.
func countryKey(code, country string) string {
	if country != "" {
		return country
	}
	return code
}

func loadCorpus(t testing.TB, corpusFile string) []corpusLine {
	f, err := os.Open(corpusFile)
	if err != nil {
		t.Fatalf("corpus not available: %v", err)
	}
	defer f.Close()
	var out []corpusLine
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		var c corpusLine
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("%s:%d: %v", corpusFile, line, err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", corpusFile, err)
	}
	return out
}

// scoreLine compares emitted and expected (source, target, root) multisets.
func scoreLine(got []event.Event, c corpusLine) (score, []string) {
	want := map[string]int{}
	for _, e := range c.Events {
		want[e.Source+">"+e.Target+":"+e.Root]++
	}
	var s score
	var diffs []string
	for _, e := range got {
		k := countryKey(e.Source, e.SourceCountry) + ">" + countryKey(e.Target, e.TargetCountry) + ":" + e.Root
		if want[k] > 0 {
			want[k]--
			s.tp++
			continue
		}
		s.fp++
		diffs = append(diffs, "+"+k+"("+e.CAMEO+" "+e.VerbText+")")
	}
	for k, n := range want {
		for ; n > 0; n-- {
			s.fn++
			diffs = append(diffs, "-"+k)
		}
	}
	return s, diffs
}

func TestCorpus(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, cp := range corpora {
		t.Run(filepath.Base(cp.file), func(t *testing.T) {
			scoreCorpus(t, c, cp.file, cp.floorPrecision, cp.floorRecall)
		})
	}
}

// scoreCorpus codes every sentence of file and reports precision and recall
// overall and per tag, failing below the floors.
func scoreCorpus(t *testing.T, c *Coder, corpusFile string, floorPrecision, floorRecall float64) {
	lines := loadCorpus(t, corpusFile)
	var all score
	byTag := map[string]*score{}
	for _, l := range lines {
		res := c.Code(event.Document{ID: l.ID, Date: l.Date, Text: l.Text})
		s, diffs := scoreLine(res.Events, l)
		all.tp, all.fp, all.fn = all.tp+s.tp, all.fp+s.fp, all.fn+s.fn
		for _, tag := range l.Tags {
			if byTag[tag] == nil {
				byTag[tag] = &score{}
			}
			b := byTag[tag]
			b.tp, b.fp, b.fn = b.tp+s.tp, b.fp+s.fp, b.fn+s.fn
		}
		if len(diffs) > 0 && testing.Verbose() && os.Getenv("CORPUS_DIFF") != "" {
			t.Logf("%s %s\n    %s", l.ID, l.Text, strings.Join(diffs, " "))
		}
	}
	tags := make([]string, 0, len(byTag))
	for k := range byTag {
		tags = append(tags, k)
	}
	sort.Strings(tags)
	var b strings.Builder
	fmt.Fprintf(&b, "%-16s %5s %5s %5s %6s %6s %6s\n", "tag", "tp", "fp", "fn", "prec", "recall", "f1")
	fmt.Fprintf(&b, "%-16s %5d %5d %5d %6.3f %6.3f %6.3f\n", "ALL", all.tp, all.fp, all.fn, all.p(), all.r(), all.f1())
	for _, k := range tags {
		s := byTag[k]
		fmt.Fprintf(&b, "%-16s %5d %5d %5d %6.3f %6.3f %6.3f\n", k, s.tp, s.fp, s.fn, s.p(), s.r(), s.f1())
	}
	t.Logf("regression corpus %s (%d sentences), (source country, target country, root):\n%s",
		filepath.Base(corpusFile), len(lines), b.String())
	if all.p() < floorPrecision {
		t.Errorf("precision %.3f below floor %.3f", all.p(), floorPrecision)
	}
	if all.r() < floorRecall {
		t.Errorf("recall %.3f below floor %.3f", all.r(), floorRecall)
	}
}
