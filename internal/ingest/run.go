package ingest

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/detente-project/detente/internal/event"
	"github.com/detente-project/detente/internal/store"
)

// Coder is what ingest needs from the coder (satisfied by *coder.Coder).
// It must be safe for concurrent use.
type Coder interface {
	Code(event.Document) event.Result
}

// Options tunes Run. Zero values pick the defaults.
type Options struct {
	Workers    int           // coding goroutines; default runtime.NumCPU()
	Batch      int           // documents per store transaction; default 256
	FlushEvery time.Duration // commit a partial batch after this long; default 1s
	Progress   io.Writer     // progress bar destination (a terminal); nil for none
	Warn       Warn          // skipped input; default prints to stderr
	OnCommit   func(Summary) // called after each committed transaction
	// MaxDocBytes is the largest document text, in bytes, that is coded;
	// larger documents are skipped with a warning naming file and line.
	// Default store.DefaultMaxDocumentBytes.
	MaxDocBytes int
}

// Summary counts what a run did.
type Summary struct {
	Files      int `json:"files"`
	Documents  int `json:"documents"`  // documents read and coded
	Added      int `json:"added"`      // new documents stored
	Duplicates int `json:"duplicates"` // exact duplicates (same text) dropped
	Events     int `json:"events"`     // events of the added documents
	Quotes     int `json:"quotes"`     // quotes of the added documents
	Warnings   int `json:"warnings"`   // inputs skipped with a warning
}

// job is one read item in input order; fill-only jobs carry progress
// bytes and no document; known jobs hold a document already stored.
type job struct {
	seq   int
	item  Item
	fill  bool
	known bool
	res   event.Result
	ok    bool
}

// Run reads paths, codes their documents with c on opts.Workers goroutines
// and stores them in input order, opts.Batch documents per transaction.
// Because results are committed in input order and each transaction is
// atomic, a run killed at any point and started again ends with the same
// store as one uninterrupted run: stored documents are recognised by their
// content hash and skipped.
func Run(ctx context.Context, st store.Store, c Coder, paths []string, opts Options) (Summary, error) {
	opts = opts.withDefaults()
	files, err := Files(paths)
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{Files: len(files)}
	var warnMu sync.Mutex
	var warnings atomic.Int64
	warn := func(err error) {
		warnMu.Lock()
		defer warnMu.Unlock()
		warnings.Add(1)
		opts.Warn(err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job, 4*opts.Workers)
	done := make(chan job, 4*opts.Workers)
	readErr := make(chan error, 1)
	read := make(chan job, 4*opts.Workers)
	go func() { readErr <- readAll(ctx, files, opts.MaxDocBytes, read, warn); close(read) }()
	go func() { skipKnown(ctx, st, read, jobs, opts.Batch); close(jobs) }()
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Add(1)
		go func() { defer wg.Done(); code(ctx, c, jobs, done, warn) }()
	}
	go func() { wg.Wait(); close(done) }()
	w := &writer{st: st, opts: opts, sum: &sum, warnings: &warnings, bar: newBar(opts.Progress, totalSize(files))}
	err = w.run(ctx, done)
	sum.Warnings = int(warnings.Load())
	if err != nil {
		cancel()
		for range done { // let workers finish
		}
		return sum, err
	}
	if err := <-readErr; err != nil {
		return sum, err
	}
	if w.bar != nil {
		w.bar.Finish()
		fmt.Fprintln(opts.Progress)
	}
	return sum, ctx.Err()
}

func (o Options) withDefaults() Options {
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.Batch <= 0 {
		o.Batch = 256
	}
	if o.MaxDocBytes <= 0 {
		o.MaxDocBytes = store.DefaultMaxDocumentBytes
	}
	if o.FlushEvery <= 0 {
		o.FlushEvery = time.Second
	}
	if o.Warn == nil {
		o.Warn = func(err error) { fmt.Fprintln(os.Stderr, "detente ingest: warning:", err) }
	}
	return o
}

// totalSize sums file sizes for the progress bar.
func totalSize(files []string) int64 {
	var n int64
	for _, f := range files {
		if info, err := os.Stat(f); err == nil {
			n += info.Size()
		}
	}
	return n
}

func newBar(w io.Writer, total int64) *progressbar.ProgressBar {
	if w == nil {
		return nil
	}
	return progressbar.NewOptions64(total, progressbar.OptionSetWriter(w), progressbar.OptionShowBytes(true),
		progressbar.OptionSetDescription("ingest"), progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionShowCount(), progressbar.OptionSetPredictTime(true), progressbar.OptionFullWidth())
}

// readAll sends every document of files to jobs in order. A file that cannot
// be read, and a document with more than maxDoc bytes of text, are warned
// about and skipped; after each file a fill job tops the progress up to the
// file's size.
func readAll(ctx context.Context, files []string, maxDoc int, jobs chan<- job, warn Warn) error {
	seq := 0
	send := func(j job) error {
		j.seq = seq
		seq++
		select {
		case jobs <- j:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	for _, f := range files {
		var used int64
		err := ReadFile(f, func(it Item) error {
			used += it.Size
			if n := len(it.Doc.Text); n > maxDoc {
				warn(fmt.Errorf("%s: document %q has %d bytes of text, more than the limit of %d (--max-doc-bytes), skipped",
					it.Where, it.Doc.ID, n, maxDoc))
				return nil
			}
			return send(job{item: it})
		}, warn)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			warn(fmt.Errorf("%w (file skipped)", err))
		}
		if info, err := os.Stat(f); err == nil && info.Size() > used {
			if err := send(job{fill: true, item: Item{Size: info.Size() - used}}); err != nil {
				return err
			}
		}
	}
	return nil
}

// skipKnown passes jobs on, in groups of up to n, marking documents whose
// content hash the store already holds (when it can tell) so that a rerun
// does not code them again. Look-up errors only disable the skipping: the
// store's own check at commit time stays authoritative.
func skipKnown(ctx context.Context, st store.Store, in <-chan job, out chan<- job, n int) {
	hc, _ := st.(store.HashChecker)
	var group []job
	flush := func() bool {
		if hc != nil && len(group) > 0 {
			hashes := make([]string, 0, len(group))
			for _, j := range group {
				if !j.fill {
					hashes = append(hashes, store.ContentHash(j.item.Doc.Text))
				}
			}
			known, err := hc.Known(ctx, hashes)
			for i, k := 0, 0; err == nil && i < len(group); i++ {
				if !group[i].fill {
					group[i].known = known[hashes[k]]
					k++
				}
			}
		}
		for _, j := range group {
			select {
			case out <- j:
			case <-ctx.Done():
				return false
			}
		}
		group = group[:0]
		return true
	}
	// Flush a group when it is full, or when the reader has been idle for a
	// moment, so that a slow reader does not hold documents back and a
	// fast one is not slowed by one look-up per document.
	idle := time.NewTimer(time.Hour)
	defer idle.Stop()
	for {
		idle.Reset(50 * time.Millisecond)
		select {
		case j, open := <-in:
			if !open {
				flush()
				return
			}
			group = append(group, j)
			if len(group) < n {
				continue
			}
		case <-idle.C:
		case <-ctx.Done():
			return
		}
		if !flush() {
			return
		}
	}
}

// code codes jobs until the channel closes. A coder panic on one document
// is turned into a warning naming its file and line.
func code(ctx context.Context, c Coder, jobs <-chan job, done chan<- job, warn Warn) {
	for j := range jobs {
		if !j.fill && !j.known {
			j.res, j.ok = codeOne(c, j.item, warn)
		}
		select {
		case done <- j:
		case <-ctx.Done():
			return
		}
	}
}

func codeOne(c Coder, it Item, warn Warn) (res event.Result, ok bool) {
	defer func() {
		if p := recover(); p != nil {
			warn(fmt.Errorf("%s: coder failed on document %q: %v (skipped)", it.Where, it.Doc.ID, p))
			ok = false
		}
	}()
	res = c.Code(it.Doc)
	res.Doc = it.Doc
	return res, true
}

// writer puts coded jobs back in input order and commits them in batches.
type writer struct {
	st    store.Store
	opts  Options
	sum   *Summary
	bar   *progressbar.ProgressBar
	batch []job
	// warnings counts skipped inputs; the reader and coders add to it.
	warnings *atomic.Int64
}

func (w *writer) run(ctx context.Context, done <-chan job) error {
	pending := map[int]job{}
	next := 0
	tick := time.NewTicker(w.opts.FlushEvery)
	defer tick.Stop()
	for {
		select {
		case j, open := <-done:
			if !open {
				return w.flush(ctx)
			}
			pending[j.seq] = j
			for {
				j, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				w.batch = append(w.batch, j)
				if len(w.batch) >= w.opts.Batch {
					if err := w.flush(ctx); err != nil {
						return err
					}
				}
			}
		case <-tick.C:
			if err := w.flush(ctx); err != nil {
				return err
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// flush commits the batch in one transaction (when the store supports it).
func (w *writer) flush(ctx context.Context) error {
	if len(w.batch) == 0 {
		return nil
	}
	var rs []event.Result
	var progress int64
	for _, j := range w.batch {
		progress += j.item.Size
		if j.known {
			w.sum.Documents++
			w.sum.Duplicates++
		}
		if !j.fill && !j.known && j.ok {
			rs = append(rs, j.res)
		}
	}
	added, err := w.store(ctx, rs)
	if err != nil {
		return fmt.Errorf("store batch ending at %s: %w", w.batch[len(w.batch)-1].item.Where, err)
	}
	for i, r := range rs {
		w.sum.Documents++
		if !added[i] {
			w.sum.Duplicates++
			continue
		}
		w.sum.Added++
		w.sum.Events += len(r.Events)
		w.sum.Quotes += len(r.Quotes)
	}
	w.batch = w.batch[:0]
	if w.bar != nil {
		w.bar.Add64(progress)
	}
	if w.opts.OnCommit != nil {
		w.sum.Warnings = int(w.warnings.Load())
		w.opts.OnCommit(*w.sum)
	}
	return nil
}

func (w *writer) store(ctx context.Context, rs []event.Result) ([]bool, error) {
	if b, ok := w.st.(store.Batcher); ok {
		return b.AddResults(ctx, rs)
	}
	added := make([]bool, len(rs))
	for i, r := range rs {
		a, err := w.st.AddResult(ctx, r)
		if err != nil {
			return nil, err
		}
		added[i] = a
	}
	return added, nil
}
