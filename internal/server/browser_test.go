package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/detente-project/detente/internal/store"
)

// chromiumPath is where Debian's chromium package puts the browser.
const chromiumPath = "/usr/bin/chromium"

// startServer serves h on a fresh loopback port and returns its base URL.
func startServer(t *testing.T, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := NewHTTPServer(ln.Addr().String(), h)
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	})
	return "http://" + ln.Addr().String()
}

// newBrowser starts headless Chromium with a fresh profile, skipping the
// test when Chromium is missing (failing under CI=true).
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	if _, err := exec.LookPath(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("chromium not installed at %s (apt-get install chromium)", chromiumPath)
		}
		t.Skipf("chromium not installed at %s", chromiumPath)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1200),
	)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	return ctx
}

// consoleLog collects the page's console errors and exceptions.
type consoleLog struct {
	mu   sync.Mutex
	msgs []string
}

// watch reads console messages until ctx ends.
func (c *consoleLog) watch(ctx context.Context) {
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				c.mu.Lock()
				where := fmt.Sprintf(" at %s:%d:%d", m.URL, m.Line, m.Column)
				if m.Stack != nil {
					for _, f := range m.Stack.CallFrames {
						where += fmt.Sprintf(" <- %s %s:%d:%d", f.FunctionName, f.URL, f.LineNumber, f.ColumnNumber)
					}
				}
				c.msgs = append(c.msgs, m.String()+where)
				c.mu.Unlock()
			}
		}
	}()
}

// errors returns the collected messages.
func (c *consoleLog) errors() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.msgs...)
}

// pageState is what the test reads back from the rendered dashboard.
type pageState struct {
	Dyad, Network, Timeline, Quotes int
	Marks                           int
	DyadPainted, DyadRed            int
	NetPainted, NetGreen, NetRed    int
	Title                           string
}

// stateJS reads data-count attributes set after rendering, counts
// highlighted words, and samples the chart canvases: painted pixels and
// pixels in the conflict red and cooperation green the charts use.
const stateJS = `(() => {
  const count = (id) => Number(document.getElementById(id).dataset.count || 0);
  const pixels = (id) => {
    const c = document.querySelector('#' + id + ' canvas');
    if (!c) return [0, 0, 0];
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let painted = 0, red = 0, green = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] === 0) continue;
      painted++;
      if (d[i] > 170 && d[i + 1] < 90 && d[i + 2] < 80) red++;
      if (d[i] < 90 && d[i + 1] > 130 && d[i + 2] < 120) green++;
    }
    return [painted, red, green];
  };
  const [dp, dr] = pixels('dyad-chart');
  const [np, nr, ng] = pixels('network-chart');
  return { Dyad: count('dyad-chart'), Network: count('network-chart'), Timeline: count('timeline'),
    Quotes: count('quotes'), Marks: document.querySelectorAll('#timeline mark').length,
    DyadPainted: dp, DyadRed: dr, NetPainted: np, NetRed: nr, NetGreen: ng,
    Title: document.getElementById('dyad-title').textContent };
})()`

// rendered is true once both charts finished drawing and the timeline and
// quotes are filled.
const renderedJS = `document.getElementById('dyad-chart').dataset.rendered === 'true' &&
  document.getElementById('network-chart').dataset.rendered === 'true' &&
  document.getElementById('timeline').dataset.count !== '0' &&
  document.getElementById('quotes').dataset.count !== '0'`

// simReport is the part of the simulator's report the test checks. The
// fixture testdata/simulate-report.json is the output of sim.Run on the
// bundled examples/iran-us.yaml (offers and risk maps removed for size).
type simReport struct {
	Scenario string `json:"scenario"`
	Models   []struct {
		Model  string `json:"model"`
		Issues []struct {
			Issue   string   `json:"issue"`
			Outcome float64  `json:"outcome"`
			Actors  []string `json:"actors"`
		} `json:"issues"`
	} `json:"models"`
	WhatIf []struct {
		Outcomes []json.RawMessage `json:"outcomes"`
	} `json:"what_if"`
}

// loadSimReport reads the fixture as raw JSON (served as is) and parsed.
func loadSimReport(t *testing.T) (json.RawMessage, simReport) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "simulate-report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rep simReport
	if err := json.Unmarshal(raw, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Models) == 0 || rep.Models[0].Model != "eum" || len(rep.Models[0].Issues) == 0 {
		t.Fatalf("fixture has no EUM result: %+v", rep)
	}
	return raw, rep
}

// expectations computes from the store what the dashboard must show for
// the default pair.
func expectations(t *testing.T, st store.Store, source, target string) (periods, edges, events int) {
	t.Helper()
	ctx := context.Background()
	pts, err := st.Dyad(ctx, store.DyadQuery{Source: source, Target: target, Interval: "month"})
	if err != nil {
		t.Fatal(err)
	}
	es, err := st.Network(ctx, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.Source != e.Target {
			edges++
		}
	}
	evs, err := st.Events(ctx, store.EventFilter{Source: source, Target: target, Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	return len(pts), edges, len(evs)
}

// screenshot saves a full-page PNG in dir and returns its path.
func screenshot(ctx context.Context, t *testing.T, dir, name string) string {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestDashboardInBrowser loads the embedded dashboard in headless Chromium
// against a store of sample events and checks that the charts, network,
// timeline, quotes and simulation render real data, with no console errors
// (a CSP violation would show up there).
func TestDashboardInBrowser(t *testing.T) {
	ctx := newBrowser(t)
	st := newMemStore()
	if err := loadSamples(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	simRaw, simRep := loadSimReport(t)
	simulate := func(context.Context) (any, error) { return simRaw, nil }
	base := startServer(t, New(st, Options{Simulate: simulate, Logger: quietLogger()}))
	wantPeriods, wantEdges, wantEvents := expectations(t, st, "USA", "IRN")
	var console consoleLog
	console.watch(ctx)

	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.Poll[chromedp.Void](renderedJS, chromedp.WithPollingTimeout(30*time.Second)),
	)
	if err != nil {
		t.Fatalf("dashboard did not render: %v (console: %v)", err, console.errors())
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[pageState](stateJS))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("overview: %+v", got)
	if got.Dyad != wantPeriods || got.Network != wantEdges || got.Timeline != wantEvents || got.Quotes != len(samples) {
		t.Errorf("rendered dyad %d periods, network %d edges, timeline %d, quotes %d; want %d, %d, %d, %d",
			got.Dyad, got.Network, got.Timeline, got.Quotes, wantPeriods, wantEdges, wantEvents, len(samples))
	}
	if got.Marks < 3*wantEvents {
		t.Errorf("%d highlighted words for %d events, want source, verb and target each", got.Marks, wantEvents)
	}
	// Material conflict bars are red; the network has red and green edges.
	if got.DyadPainted < 10000 || got.DyadRed < 50 || got.NetPainted < 5000 || got.NetRed < 20 || got.NetGreen < 20 {
		t.Errorf("canvases look empty: %+v", got)
	}
	dir := t.TempDir()
	shot := screenshot(ctx, t, dir, "dashboard.png")
	copyFile(t, shot, "/tmp/dashboard.png")

	// Picking another pair redraws the timeline for it.
	_, _, wantIsr := expectations(t, st, "ISR", "IRN")
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#source"), "ISR"),
		chromedp.Click(chromedp.CSS(`#controls button[type=submit]`)),
		chromedp.Poll[chromedp.Void](`document.getElementById('dyad-title').textContent.startsWith('ISR') &&
			document.getElementById('timeline').dataset.count === '`+itoa(wantIsr)+`'`, chromedp.WithPollingTimeout(15*time.Second)),
	)
	if err != nil {
		t.Fatalf("changing the pair to ISR->IRN: %v", err)
	}

	// The Simulate page draws one line per actor of the first (EUM) panel,
	// lists every model and issue, and the what-if table.
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/#simulate"),
		chromedp.Poll[chromedp.Void](`document.getElementById('sim-chart').dataset.rendered === 'true'`, chromedp.WithPollingTimeout(15*time.Second)),
	)
	if err != nil {
		t.Fatalf("simulate page did not render: %v (console: %v)", err, console.errors())
	}
	sim, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Count, Status, Title, WhatIf string
		Options                      int
	}](`({Count: document.getElementById('sim-chart').dataset.count, Status: document.getElementById('sim-status').textContent,
		Title: document.getElementById('sim-title').textContent, WhatIf: document.getElementById('sim-whatif').dataset.count,
		Options: document.querySelectorAll('#sim-pick option').length})`))
	if err != nil {
		t.Fatal(err)
	}
	first := simRep.Models[0].Issues[0]
	panels, whatIfs := 0, 0
	for _, m := range simRep.Models {
		panels += len(m.Issues)
	}
	for _, w := range simRep.WhatIf {
		whatIfs += len(w.Outcomes)
	}
	t.Logf("simulate: %+v", sim)
	if sim.Count != itoa(len(first.Actors)) || sim.Options != panels || sim.Title != simRep.Scenario ||
		!strings.HasPrefix(sim.Status, "eum / "+first.Issue) || !strings.Contains(sim.Status, fmt.Sprintf("%.2f", first.Outcome)) ||
		sim.WhatIf != itoa(whatIfs) {
		t.Errorf("simulate page: %+v; want %d actors, %d panels, EUM %s first with outcome %.2f, %d what-if rows",
			sim, len(first.Actors), panels, first.Issue, first.Outcome, whatIfs)
	}
	copyFile(t, screenshot(ctx, t, dir, "simulate.png"), "/tmp/dashboard-simulate.png")

	if errs := console.errors(); len(errs) > 0 {
		t.Errorf("console errors: %v", errs)
	}
}

// TestDashboardShowsSimulatorMissing opens the Simulate page first (the
// overview stays hidden) on a server without a simulator: the page must
// explain the 501, throw nothing, and draw the overview once shown.
func TestDashboardShowsSimulatorMissing(t *testing.T) {
	ctx := newBrowser(t)
	st := newMemStore()
	if err := loadSamples(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	base := startServer(t, New(st, Options{Logger: quietLogger()}))
	var console consoleLog
	console.watch(ctx)
	status, err := chromedp.Run(ctx, func(ctx context.Context, tg *chromedp.Target) (string, error) {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/#simulate")); err != nil {
			return "", err
		}
		return chromedp.Run(ctx, chromedp.Poll[string](`(() => { const s = document.getElementById('sim-status').textContent;
			return s.includes('not available') ? s : false; })()`, chromedp.WithPollingTimeout(15*time.Second)))
	})
	if err != nil {
		t.Fatalf("no 'not available' message: %v", err)
	}
	if !strings.Contains(status, "not available") {
		t.Fatalf("status %q", status)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#nav-overview")),
		chromedp.Poll[chromedp.Void](renderedJS, chromedp.WithPollingTimeout(15*time.Second)),
	)
	if err != nil {
		t.Fatalf("overview after simulate: %v", err)
	}
	for _, m := range console.errors() {
		if strings.HasPrefix(m, "exception") {
			t.Errorf("page threw: %s", m)
		}
	}
}

// copyFile copies a screenshot for people to look at; failure only logs.
func copyFile(t *testing.T, from, to string) {
	b, err := os.ReadFile(from)
	if err == nil {
		err = os.WriteFile(to, b, 0o644)
	}
	if err != nil && !errors.Is(err, os.ErrPermission) {
		t.Logf("copy %s to %s: %v", from, to, err)
	}
}

// itoa formats a small int without importing strconv for one call.
func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
