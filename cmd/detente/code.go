package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/schollz/progressbar/v3"

	"github.com/spf13/cobra"

	"github.com/detente-project/detente/internal/coder"
	"github.com/detente-project/detente/internal/event"
)

func init() { rootCmd.AddCommand(newCodeCmd()) }

// maxDocBytes bounds one input document (a plain-text file or a JSONL line).
const maxDocBytes = 64 << 20

// streamBytes is the text size from which a document's output is written
// sentence by sentence as it is coded instead of collected first, so that
// memory stays flat however many events one document holds.
const streamBytes = 1 << 20

// partSize is how many events and quotes of a streamed document are handed
// to the writer at a time.
const partSize = 512

// codeOptions are the flags of `detente code`.
type codeOptions struct {
	format           string
	quotes           bool
	date             string
	workers          int
	keepNegated      bool
	keepHypothetical bool
}

// newCodeCmd builds `detente code`.
func newCodeCmd() *cobra.Command {
	var o codeOptions
	cmd := &cobra.Command{
		Use:   "code [FILE|-]...",
		Short: "Code news text into CAMEO/PLOVER events (one JSON event per line)",
		Long: `code reads plain-text files or JSONL documents ({"id","date","title","text","url"}
per line; detected by a .jsonl/.json extension or a first non-space byte '{')
and writes one JSON event per line to stdout, in input order. "-" or no
argument reads standard input.

Bad input (invalid UTF-8, binary files, empty files, malformed JSON lines)
is reported on stderr with file and line and skipped; the exit status is
non-zero only if no document could be read.`,
		Example: `  detente code examples/news/iran-us.jsonl
  echo "Iran rejected the U.S. invitation to talks." | detente code --date 2025-10-10 -
  detente code --format csv article.txt
  detente code --quotes article.txt`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCode(args, o, cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "json", "output format: json or csv (GDELT-like columns)")
	f.BoolVar(&o.quotes, "quotes", false, "write quotes (who said what) instead of events")
	f.StringVar(&o.date, "date", "", "default document date YYYY-MM-DD for plain text and JSONL lines without one")
	f.IntVar(&o.workers, "workers", runtime.NumCPU(), "documents coded in parallel")
	f.BoolVar(&o.keepNegated, "keep-negated", false, "also emit negated events (negated=true)")
	f.BoolVar(&o.keepHypothetical, "keep-hypothetical", false, "also emit hypothetical events (modality=hypothetical)")
	return cmd
}

// runCode is the whole command, testable without a process.
func runCode(paths []string, o codeOptions, stdin io.Reader, stdout, stderr io.Writer) error {
	if o.format != "json" && o.format != "csv" {
		return fmt.Errorf("--format %q: want json or csv", o.format)
	}
	opts := coder.Options{KeepNegated: o.keepNegated, KeepHypothetical: o.keepHypothetical}
	if o.date != "" {
		d, err := time.Parse("2006-01-02", o.date)
		if err != nil {
			return fmt.Errorf("--date %q: want YYYY-MM-DD", o.date)
		}
		opts.Date = d
	}
	c, err := coder.New(opts)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	if o.workers < 1 {
		o.workers = 1
	}
	w := newCodeWriter(stdout, o)
	warn := func(format string, a ...any) { fmt.Fprintf(stderr, "detente code: warning: "+format+"\n", a...) }
	out, done := withProgress(stderr, docOutput{part: w.write, end: w.endDoc})
	n := codeParallel(c, o.workers, func(emit func(event.Document)) {
		for _, p := range paths {
			readDocs(p, stdin, o.date, emit, warn)
		}
	}, out, warn)
	done()
	if err := w.flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if n == 0 {
		return errors.New("no document could be read")
	}
	return nil
}

// part is some of one document's output, in document order.
type part struct {
	events []event.Event
	quotes []event.Quote
}

// docOutput receives the coded documents in input order: each document's
// output as one or more parts, then end.
type docOutput struct {
	part func(part)
	end  func()
}

// codeParallel codes the documents produced by read on workers goroutines
// and hands their output to out in input order. A document of streamBytes or
// more is coded sentence by sentence by its worker and its parts go to out
// as they come once the documents before it are written; the others are
// coded whole, later ones on the other workers meanwhile. It returns the
// number of documents read.
func codeParallel(c *coder.Coder, workers int, read func(func(event.Document)), out docOutput, warn func(string, ...any)) int {
	type job struct {
		seq int
		doc event.Document
	}
	type done struct {
		seq  int
		res  part
		ok   bool
		more chan part // a streamed document: its parts, closed at its end
	}
	jobs := make(chan job, workers*2)
	results := make(chan done, workers*2)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if len(j.doc.Text) >= streamBytes {
					more := make(chan part, 4)
					results <- done{seq: j.seq, ok: true, more: more}
					streamCode(c, j.doc, more, warn)
					continue
				}
				res, ok := safeCode(c, j.doc, warn)
				results <- done{j.seq, res, ok, nil}
			}
		}()
	}
	n := 0
	go func() {
		read(func(d event.Document) { jobs <- job{n, d}; n++ })
		close(jobs)
		wg.Wait()
		close(results)
	}()
	pending := map[int]done{}
	next := 0
	for d := range results {
		pending[d.seq] = d
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			switch {
			case p.more != nil:
				// its worker is still coding it; the other workers go
				// on until the results buffer is full
				for pt := range p.more {
					out.part(pt)
				}
				out.end()
			case p.ok:
				out.part(p.res)
				out.end()
			}
			next++
		}
	}
	return n
}

// safeCode codes one document; a panic in the coder is reported as a
// warning naming the document instead of killing the batch.
func safeCode(c *coder.Coder, d event.Document, warn func(string, ...any)) (res part, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			warn("%s: coder failed: %v (document skipped)", d.ID, r)
			ok = false
		}
	}()
	c.CodeEach(d, coder.Sink{
		Event: func(e event.Event) { res.events = append(res.events, e) },
		Quote: func(q event.Quote) { res.quotes = append(res.quotes, q) },
	})
	return res, true
}

// streamCode codes one large document sentence by sentence and sends its
// output to more in parts of about partSize, closing more at the end. A
// panic in the coder is reported like safeCode's: the sentences coded
// before it are written, the rest of the document is skipped.
func streamCode(c *coder.Coder, d event.Document, more chan<- part, warn func(string, ...any)) {
	var p part
	ne, nq := 0, 0 // events and quotes of p from whole sentences
	defer func() {
		if r := recover(); r != nil {
			warn("%s: coder failed: %v (rest of document skipped)", d.ID, r)
			p.events, p.quotes = p.events[:ne], p.quotes[:nq]
		}
		if len(p.events)+len(p.quotes) > 0 {
			more <- p
		}
		close(more)
	}()
	c.CodeEach(d, coder.Sink{
		Event: func(e event.Event) { p.events = append(p.events, e) },
		Quote: func(q event.Quote) { p.quotes = append(p.quotes, q) },
		Sentence: func(int) {
			if len(p.events)+len(p.quotes) >= partSize {
				more <- p
				p = part{}
			}
			ne, nq = len(p.events), len(p.quotes)
		},
	})
}

// readDocs reads one input (a path or "-") and emits its documents.
func readDocs(path string, stdin io.Reader, date string, emit func(event.Document), warn func(string, ...any)) {
	name := path
	var r io.Reader = stdin
	var size int64
	if path == "-" {
		name = "<stdin>"
	} else {
		f, err := os.Open(path)
		if err != nil {
			warn("%v", err)
			return
		}
		defer f.Close()
		r = f
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
	}
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(512)
	trimmed := bytes.TrimLeft(head, " \t\r\n\ufeff")
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".jsonl" || ext == ".json" || len(trimmed) > 0 && trimmed[0] == '{' {
		readJSONL(name, br, date, emit, warn)
		return
	}
	readText(name, path, br, size, date, emit, warn)
}

// readText reads a whole plain-text file as one document. size is the
// file's size if known (else 0): the text is read into a string of that
// capacity, with no copy, so a large file is held once.
func readText(name, path string, r io.Reader, size int64, date string, emit func(event.Document), warn func(string, ...any)) {
	var sb strings.Builder
	if size > 0 && size <= maxDocBytes {
		sb.Grow(int(size) + 1) // +1: the read that finds the end
	}
	_, err := io.Copy(&sb, io.LimitReader(r, maxDocBytes+1))
	b := sb.String()
	switch {
	case err != nil:
		warn("%s: %v", name, err)
		return
	case len(b) > maxDocBytes:
		warn("%s: larger than %d MB (skipped)", name, maxDocBytes>>20)
		return
	case len(strings.TrimSpace(b)) == 0:
		warn("%s: empty file (skipped)", name)
		return
	}
	if i := strings.IndexByte(b, 0); i >= 0 {
		warn("%s:%d: binary data (NUL byte at offset %d; file skipped)", name, lineAt(b, i), i)
		return
	}
	if !utf8.ValidString(b) {
		i := firstInvalid(b)
		warn("%s:%d: invalid UTF-8 at byte offset %d (file skipped)", name, lineAt(b, i), i)
		return
	}
	id := filepath.Base(path)
	if path == "-" {
		id = "stdin"
	}
	emit(event.Document{ID: id, Date: date, Text: b})
}

// readJSONL reads one document per line.
func readJSONL(name string, br *bufio.Reader, date string, emit func(event.Document), warn func(string, ...any)) {
	line := 0
	for {
		b, tooLong, err := readLine(br, maxDocBytes)
		if len(b) == 0 && !tooLong && err != nil {
			if !errors.Is(err, io.EOF) {
				warn("%s:%d: %v", name, line+1, err)
			}
			return
		}
		line++
		if tooLong {
			warn("%s:%d: line longer than %d MB (skipped)", name, line, maxDocBytes>>20)
			if err != nil {
				return
			}
			continue
		}
		if d, ok := parseDocLine(name, line, b, date, warn); ok {
			emit(d)
		}
		if err != nil {
			return
		}
	}
}

// parseDocLine decodes one JSONL document, warning about bad lines.
func parseDocLine(name string, line int, b []byte, date string, warn func(string, ...any)) (event.Document, bool) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return event.Document{}, false
	}
	if bytes.IndexByte(b, 0) >= 0 {
		warn("%s:%d: binary data (NUL byte; line skipped)", name, line)
		return event.Document{}, false
	}
	if !utf8.Valid(b) {
		warn("%s:%d: invalid UTF-8 (line skipped)", name, line)
		return event.Document{}, false
	}
	var d event.Document
	if err := json.Unmarshal(b, &d); err != nil {
		warn("%s:%d: invalid JSON document: %v (line skipped)", name, line, err)
		return d, false
	}
	if strings.TrimSpace(d.Text) == "" {
		warn("%s:%d: document has no \"text\" (line skipped)", name, line)
		return d, false
	}
	if d.ID == "" {
		d.ID = fmt.Sprintf("%s:%d", filepath.Base(name), line)
	}
	if d.Date == "" {
		d.Date = date
	}
	return d, true
}

// readLine reads one line without its newline, discarding (and flagging)
// lines longer than max bytes instead of buffering them.
func readLine(br *bufio.Reader, max int) ([]byte, bool, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > max {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == nil {
			buf = bytes.TrimRight(buf, "\r\n")
		}
		return buf, tooLong, err
	}
}

func lineAt(s string, off int) int { return strings.Count(s[:off], "\n") + 1 }

func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(s)
}

// codeWriter writes events or quotes as JSON lines or CSV.
type codeWriter struct {
	bw     *bufio.Writer
	cw     *csv.Writer
	enc    *json.Encoder
	o      codeOptions
	header bool
	n      int // events of the current document written so far
	err    error
}

func newCodeWriter(out io.Writer, o codeOptions) *codeWriter {
	bw := bufio.NewWriterSize(out, 64<<10)
	w := &codeWriter{bw: bw, o: o, enc: json.NewEncoder(bw)}
	w.enc.SetEscapeHTML(false)
	if o.format == "csv" {
		w.cw = csv.NewWriter(bw)
	}
	return w
}

// eventColumns are the CSV columns: GDELT 1.0 names first, then detente's.
var eventColumns = []string{"GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1CountryCode", "Actor2Code",
	"Actor2CountryCode", "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale", "PLOVER",
	"Negated", "Modality", "Location", "VerbText", "SourceText", "TargetText", "DocID", "SentenceIndex", "Evidence"}

var quoteColumns = []string{"doc_id", "sentence_index", "speaker", "speaker_code", "quote", "sentence"}

// write writes the next part of the current document.
func (w *codeWriter) write(p part) {
	if w.err != nil {
		return
	}
	if w.o.quotes {
		for _, q := range p.quotes {
			w.put(q, []string{q.DocID, strconv.Itoa(q.SentenceIndex), q.Speaker, q.SpeakerCode, q.Quote, q.Sentence}, quoteColumns)
		}
		return
	}
	for _, e := range p.events {
		w.put(e, eventRow(e, w.n), eventColumns)
		w.n++
	}
}

// endDoc ends the current document: event numbering starts again.
func (w *codeWriter) endDoc() { w.n = 0 }

// eventRow is an event's CSV row; i numbers the events of its document.
func eventRow(e event.Event, i int) []string {
	return []string{
		fmt.Sprintf("%s-%d-%d", e.DocID, e.SentenceIndex, i), strings.ReplaceAll(e.Date, "-", ""),
		e.Source, e.SourceCountry, e.Target, e.TargetCountry, e.CAMEO, e.Root, strconv.Itoa(e.QuadClass),
		strconv.FormatFloat(e.Goldstein, 'f', 1, 64), e.PLOVER, strconv.FormatBool(e.Negated), e.Modality,
		e.Location, e.VerbText, e.SourceText, e.TargetText, e.DocID, strconv.Itoa(e.SentenceIndex), e.Evidence,
	}
}

func (w *codeWriter) put(v any, row, header []string) {
	if w.cw == nil {
		w.err = w.enc.Encode(v)
		return
	}
	if !w.header {
		w.header = true
		if w.err = w.cw.Write(header); w.err != nil {
			return
		}
	}
	w.err = w.cw.Write(row)
}

func (w *codeWriter) flush() error {
	if w.cw != nil {
		w.cw.Flush()
		if err := w.cw.Error(); err != nil && w.err == nil {
			w.err = err
		}
	}
	if err := w.bw.Flush(); err != nil && w.err == nil {
		w.err = err
	}
	return w.err
}

// withProgress wraps out with a documents-coded counter on stderr when
// stderr is a terminal, so a long batch shows it is moving; done clears it.
func withProgress(stderr io.Writer, out docOutput) (docOutput, func()) {
	f, ok := stderr.(*os.File)
	if !ok || !isTerminal(f) {
		return out, func() {}
	}
	bar := progressbar.NewOptions(-1, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("code"),
		progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("docs"),
		progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
	end := out.end
	out.end = func() {
		end()
		_ = bar.Add(1)
	}
	return out, func() {
		_ = bar.Finish()
	}
}
