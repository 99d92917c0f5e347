package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode"

	"github.com/detente-project/detente/internal/event"
	"github.com/detente-project/detente/internal/store"
	"github.com/detente-project/detente/internal/store/storetest"
)

// fakeCoder codes "AAA attacked BBB." style sentences: the first two
// all-capital three-letter words are source and target, the verb picks the
// root. It sleeps per document when asked, to make runs slow enough to kill.
type fakeCoder struct {
	delay   time.Duration
	panicOn string
}

var fakeVerbs = map[string]struct {
	root string
	quad int
	gold float64
}{"attacked": {"19", 4, -10}, "met": {"04", 1, 1}, "accused": {"11", 3, -2}, "aided": {"07", 2, 7}}

func (f fakeCoder) Code(d event.Document) event.Result {
	if f.delay > 0 {
		time.Sleep(f.delay)
	}
	if f.panicOn != "" && strings.Contains(d.Text, f.panicOn) {
		panic("fake coder told to panic")
	}
	r := event.Result{Doc: d}
	for i, sent := range strings.Split(d.Text, ".") {
		var codes []string
		root := ""
		for _, w := range strings.Fields(sent) {
			if len(w) == 3 && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsUpper(r) }) < 0 {
				codes = append(codes, w)
			}
			if _, ok := fakeVerbs[w]; ok && root == "" {
				root = w
			}
		}
		if len(codes) < 2 || root == "" {
			continue
		}
		v := fakeVerbs[root]
		r.Events = append(r.Events, event.Event{DocID: d.ID, Date: d.Date, SentenceIndex: i, Sentence: strings.TrimSpace(sent),
			Source: codes[0], SourceCountry: codes[0], Target: codes[1], TargetCountry: codes[1], Root: v.root,
			CAMEO: v.root + "0", QuadClass: v.quad, Goldstein: v.gold, VerbText: root})
	}
	return r
}

// story is a long wire story about a dyad; site > 0 adds a republisher's
// header and footer (a near duplicate of site 0).
func story(n, site int) string {
	codes := []string{"USA", "IRN", "ISR", "CHN", "RUS", "SAU"}
	verbs := []string{"attacked", "met", "accused", "aided"}
	a, b := codes[n%len(codes)], codes[(n/len(codes)+1+n)%len(codes)]
	if a == b {
		b = "QAT"
	}
	rng := rand.New(rand.NewPCG(uint64(n), 99))
	filler := make([]string, 60)
	for i := range filler {
		filler[i] = vocabulary[rng.IntN(len(vocabulary))]
	}
	body := fmt.Sprintf("In story number %d officials said %s %s %s near the border on day %d. %s.",
		n, a, verbs[n%len(verbs)], b, n%28+1, strings.Join(filler, " "))
	if site == 0 {
		return body
	}
	return fmt.Sprintf("Site %d News. %s Copyright site %d.", site, body, site)
}

var vocabulary = strings.Fields(`sanctions talks envoy minister border drone strike oil tanker
port ceasefire ministry spokesman parliament election rally protest court embargo uranium enrichment
inspectors agency council resolution vote summit capital province militia convoy aid hospital refugees
camp airport missile launch radar navy frigate strait pipeline gas deal bank currency inflation market
exports imports wheat fertiliser shipping insurance satellite cyber hackers leak report newspaper editor
journalist arrest release prisoner exchange mediator Oman Qatar Geneva Vienna Muscat Doha weekend morning
evening statement warning deadline proposal framework guarantee verification`)

// writeCorpus writes a JSONL file and a folder of text files with exact
// duplicates, near duplicates and one malformed line, and returns the
// paths to ingest.
func writeCorpus(t testing.TB, dir string, n int) []string {
	t.Helper()
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for i := range n {
		date := time.Date(2024, time.Month(1+i%12), 1+i%27, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		enc.Encode(event.Document{ID: fmt.Sprintf("wire-%d", i), Date: date, Text: story(i, 0)})
		switch {
		case i%10 == 3: // the same story republished with a header: near duplicate
			enc.Encode(event.Document{ID: fmt.Sprintf("site-%d", i), Date: date, Text: story(i, 1+i%3)})
		case i%10 == 7: // exact copy under another id
			enc.Encode(event.Document{ID: fmt.Sprintf("copy-%d", i), Date: date, Text: story(i, 0)})
		}
		if i == n/2 {
			b.WriteString("{this is not json\n")
		}
	}
	jsonl := filepath.Join(dir, "wire.jsonl")
	if err := os.WriteFile(jsonl, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	texts := filepath.Join(dir, "texts")
	os.MkdirAll(filepath.Join(texts, "sub"), 0o755)
	for i := range n / 5 {
		name := filepath.Join(texts, "sub", fmt.Sprintf("2025-03-%02d-note%d.txt", 1+i%28, i))
		words := strings.Fields(story(1000+i, 0))[20:45] // distinct filler per note
		text := fmt.Sprintf("Note %d\nUSA met IRN in Oman for note %d. ISR accused IRN of delays in round %d. %s.",
			i, i, i, strings.Join(words, " "))
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(texts, "binary.txt"), []byte{0x7f, 'E', 'L', 'F', 0, 0, 1}, 0o644)
	return []string{jsonl, texts}
}

func openStore(t testing.TB, dsn string) *store.SQL {
	t.Helper()
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("open %s: %v", dsn, err)
	}
	return st
}

// snapshot is what two equivalent stores must agree on.
type snapshot struct {
	Stats store.Stats
	Docs  map[string]string // id -> near_duplicate_of
}

func snap(t testing.TB, dsn string) snapshot {
	t.Helper()
	st := openStore(t, dsn)
	defer st.Close()
	ctx := context.Background()
	s, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := st.DB().QueryContext(ctx, "SELECT id, COALESCE(near_duplicate_of, '') FROM documents")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	docs := map[string]string{}
	for rows.Next() {
		var id, of string
		rows.Scan(&id, &of)
		docs[id] = of
	}
	return snapshot{Stats: s, Docs: docs}
}

func TestRunCountsDedupAndIdempotence(t *testing.T) {
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			paths := writeCorpus(t, t.TempDir(), 60)
			dsn := b.DSN(t)
			var warnings []string
			opts := Options{Workers: 3, Batch: 7, Warn: func(err error) { warnings = append(warnings, err.Error()) }}
			st := openStore(t, dsn)
			sum, err := Run(context.Background(), st, fakeCoder{}, paths, opts)
			st.Close()
			if err != nil {
				t.Fatal(err)
			}
			// 60 wire + 6 near duplicates + 6 exact copies + 12 notes read; copies dropped.
			want := Summary{Files: 14, Documents: 84, Added: 78, Duplicates: 6, Warnings: 2}
			got := sum
			got.Events, got.Quotes = 0, 0
			if got != want {
				t.Errorf("summary = %+v, want %+v", sum, want)
			}
			if len(warnings) != 2 || !strings.Contains(warnings[0], "wire.jsonl:") || !strings.Contains(warnings[1], "binary.txt:1") {
				t.Errorf("warnings = %q", warnings)
			}
			first := snap(t, dsn)
			if first.Stats.Documents != 78 || first.Stats.Duplicates != 6 || first.Stats.Events != 60+12*2 {
				t.Errorf("stats = %+v", first.Stats)
			}
			for id, of := range first.Docs {
				if strings.HasPrefix(id, "site-") != (of != "") || (of != "" && of != "wire-"+strings.TrimPrefix(id, "site-")) {
					t.Errorf("document %s linked to %q", id, of)
				}
			}
			st = openStore(t, dsn)
			again, err := Run(context.Background(), st, fakeCoder{}, paths, Options{Warn: func(error) {}})
			st.Close()
			if err != nil || again.Added != 0 || again.Duplicates != 84 {
				t.Fatalf("second run: %+v, %v", again, err)
			}
			if second := snap(t, dsn); !reflect.DeepEqual(second, first) {
				t.Errorf("second run changed the store: %+v -> %+v", first.Stats, second.Stats)
			}
		})
	}
}

func TestRunCoderPanicIsSkipped(t *testing.T) {
	paths := writeCorpus(t, t.TempDir(), 20)
	st := openStore(t, storetest.DuckDSN(t))
	defer st.Close()
	var warnings []string
	sum, err := Run(context.Background(), st, fakeCoder{panicOn: "story number 5 "}, paths,
		Options{Warn: func(err error) { warnings = append(warnings, err.Error()) }})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range warnings {
		found = found || (strings.Contains(w, "wire.jsonl:") && strings.Contains(w, "coder failed"))
	}
	if !found || sum.Documents != 20+2+2+4-1 {
		t.Errorf("summary %+v, warnings %q", sum, warnings)
	}
}

// TestRunSkipsOversizedDocuments skips, with a warning naming file and
// line, documents whose text is over MaxDocBytes; the others are stored.
func TestRunSkipsOversizedDocuments(t *testing.T) {
	big := strings.Repeat("Israel attacked Iran. ", 100_000) // 2.2 MB
	tests := []struct {
		name      string
		max       int
		docs, bad int
		warn      string
	}{
		{"default limit", 0, 2, 1, "big.jsonl:2: document \"big\" has 2200000 bytes of text, more than the limit of 2097152"},
		{"raised limit", 3 << 20, 3, 0, ""},
		{"small limit", 30, 1, 2, "big.jsonl:3: document \"c\" has 31 bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "big.jsonl")
			body := `{"id":"a","text":"Iran rejected talks."}` + "\n" + `{"id":"big","text":"` + big + `"}` + "\n" +
				`{"id":"c","text":"The U.S. imposed new sanctions."}` + "\n"
			if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			st := openStore(t, storetest.DuckDSN(t))
			defer st.Close()
			var warnings []string
			sum, err := Run(context.Background(), st, fakeCoder{}, []string{path},
				Options{MaxDocBytes: tc.max, Warn: func(err error) { warnings = append(warnings, err.Error()) }})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Documents != tc.docs || len(warnings) != tc.bad || (tc.warn != "" && !strings.Contains(strings.Join(warnings, "\n"), tc.warn)) {
				t.Errorf("summary %+v, warnings %q; want %d documents, %d warnings with %q", sum, warnings, tc.docs, tc.bad, tc.warn)
			}
		})
	}
}

// Crash safety: a child process (this test binary re-executed) ingests
// slowly and is killed with SIGKILL after some transactions; running the
// same ingest again must end with exactly the store of one clean run.
const childEnv = "DETENTE_INGEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		os.Exit(child())
	}
	os.Exit(m.Run())
}

// child runs one ingest from the environment and prints "committed N"
// after each transaction.
func child() int {
	var paths []string
	json.Unmarshal([]byte(os.Getenv(childEnv+"_PATHS")), &paths)
	st, err := store.Open(context.Background(), os.Getenv(childEnv+"_DSN"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer st.Close()
	delay, _ := time.ParseDuration(os.Getenv(childEnv + "_DELAY"))
	_, err = Run(context.Background(), st, fakeCoder{delay: delay}, paths, Options{
		Workers: 2, Batch: 5, FlushEvery: 20 * time.Millisecond, Warn: func(error) {},
		OnCommit: func(s Summary) { fmt.Printf("committed %d\n", s.Added) },
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

func childCmd(t *testing.T, dsn string, paths []string, delay time.Duration) *exec.Cmd {
	p, _ := json.Marshal(paths)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=1", childEnv+"_DSN="+dsn, childEnv+"_PATHS="+string(p),
		childEnv+"_DELAY="+delay.String())
	return cmd
}

func TestCrashSafety(t *testing.T) {
	for _, b := range storetest.Backends(t) {
		t.Run(b.Name, func(t *testing.T) {
			paths := writeCorpus(t, t.TempDir(), 150)
			clean, crashed := b.DSN(t), b.DSN(t)
			if out, err := childCmd(t, clean, paths, 0).CombinedOutput(); err != nil {
				t.Fatalf("clean run: %v\n%s", err, out)
			}
			want := snap(t, clean)

			cmd := childCmd(t, crashed, paths, 3*time.Millisecond)
			cmd.Stderr = os.Stderr
			out, _ := cmd.StdoutPipe()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(out)
			killedAt := -1
			for sc.Scan() {
				var n int
				if _, err := fmt.Sscanf(sc.Text(), "committed %d", &n); err == nil && n >= 40 {
					// Land anywhere in the next transaction, not just after a commit.
					time.Sleep(time.Duration(rand.IntN(20)) * time.Millisecond)
					cmd.Process.Signal(syscall.SIGKILL)
					killedAt = n
					break
				}
			}
			err := cmd.Wait()
			var exit *exec.ExitError
			if killedAt < 0 || !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
				t.Fatalf("child was not killed mid-run (killed at %d, wait: %v)", killedAt, err)
			}
			partial := snap(t, crashed)
			if partial.Stats.Documents < killedAt || partial.Stats.Documents >= want.Stats.Documents {
				t.Fatalf("after kill at %d: %d documents stored, clean run has %d", killedAt,
					partial.Stats.Documents, want.Stats.Documents)
			}
			t.Logf("killed after %d committed documents; %d of %d stored", killedAt, partial.Stats.Documents, want.Stats.Documents)
			if out, err := childCmd(t, crashed, paths, 0).CombinedOutput(); err != nil {
				t.Fatalf("resumed run: %v\n%s", err, out)
			}
			if got := snap(t, crashed); !reflect.DeepEqual(got, want) {
				t.Fatalf("after crash and rerun: %+v\nclean run: %+v", got.Stats, want.Stats)
			}
		})
	}
}
