// Package ingest reads news documents from files and folders (plain text,
// JSON Lines, PETRARCH XML), codes them in parallel and stores the results
// with exact- and near-duplicate detection. Bad input is reported with file
// and line and skipped; it never stops a batch or reaches the store.
package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/detente-project/detente/internal/event"
	"github.com/detente-project/detente/internal/petrarch"
	"github.com/detente-project/detente/internal/store"
)

// MaxFileBytes bounds one text file; MaxLineBytes one JSONL line.
const (
	MaxFileBytes = 64 << 20
	MaxLineBytes = 32 << 20
)

// Item is one document read from input, with where it came from
// ("file:line") for messages and its share of the input size for progress.
type Item struct {
	Doc   event.Document
	Where string
	Size  int64
}

// Emit receives documents in input order; returning an error stops reading.
type Emit func(Item) error

// Warn receives a problem with one input (naming file and line) that was
// skipped.
type Warn func(error)

// Files expands paths into the files to read, in a stable order: folders
// are walked recursively in lexical order, hidden files and folders
// skipped. A path that does not exist is an error.
func Files(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", p, err)
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("walk %s: %w", p, err)
		}
	}
	return out, nil
}

// Kind is how a file is read, chosen by its extension: "jsonl" (.jsonl,
// .ndjson), "json" (.json: an array of documents, one document or JSON
// Lines), "xml" (PETRARCH XML) or "text" (anything else).
func Kind(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson":
		return "jsonl"
	case ".json":
		return "json"
	case ".xml":
		return "xml"
	}
	return "text"
}

// ReadFile reads one file by its Kind, emitting its documents. Problems
// with single documents go to warn; a file that cannot be read at all is
// returned as an error naming it.
func ReadFile(path string, emit Emit, warn Warn) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	switch Kind(path) {
	case "jsonl":
		return ReadJSONL(f, path, emit, warn)
	case "json":
		return ReadJSON(f, path, emit, warn)
	case "xml":
		return ReadXML(f, path, emit, warn)
	}
	return ReadText(f, path, emit)
}

var dateInName = regexp.MustCompile(`(\d{4})-?(\d{2})-?(\d{2})`)

// ReadText reads a whole plain-text file as one document. Its id is the
// path, its title the first line when short, and its date a YYYY-MM-DD (or
// YYYYMMDD) found in the file name. Binary files, invalid UTF-8 and empty
// files are errors naming the file and line.
func ReadText(r io.Reader, name string, emit Emit) error {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > MaxFileBytes {
		return fmt.Errorf("read %s: larger than %d bytes", name, MaxFileBytes)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("read %s:%d: binary file (NUL byte)", name, lineAt(data, i))
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("read %s:%d: invalid UTF-8", name, lineAt(data, badUTF8(data)))
	}
	text := strings.TrimSpace(string(data))
	if text == "" {
		return fmt.Errorf("read %s: empty file", name)
	}
	doc := event.Document{ID: filepath.ToSlash(name), Text: text}
	if first, _, _ := strings.Cut(text, "\n"); len(first) <= 200 {
		doc.Title = strings.TrimSpace(first)
	}
	if m := dateInName.FindStringSubmatch(filepath.Base(name)); m != nil {
		if t, ok := store.ParseDate(m[1] + "-" + m[2] + "-" + m[3]); ok {
			doc.Date = t.Format("2006-01-02")
		}
	}
	return emit(Item{Doc: doc, Where: name + ":1", Size: int64(len(data))})
}

// lineAt returns the 1-based line of byte offset i.
func lineAt(data []byte, i int) int { return 1 + bytes.Count(data[:i], []byte{'\n'}) }

// badUTF8 returns the offset of the first invalid UTF-8 sequence.
func badUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// ReadJSONL reads one JSON document per line ({"id","date","title","text",
// "url","source"}). Blank lines are skipped; malformed lines, lines without
// text and over-long lines are warned about with file:line and skipped.
// Documents without an id get "file:line".
func ReadJSONL(r io.Reader, name string, emit Emit, warn Warn) error {
	br := bufio.NewReaderSize(r, 1<<20)
	for line := 1; ; line++ {
		raw, err := readLine(br)
		if errors.Is(err, io.EOF) && len(raw) == 0 {
			return nil
		}
		if errors.Is(err, errLongLine) {
			warn(fmt.Errorf("%s:%d: line longer than %d bytes, skipped", name, line, MaxLineBytes))
		} else if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("read %s:%d: %w", name, line, err)
		} else if doc, ok := decodeLine(raw, name, line, warn); ok {
			if err := emit(Item{Doc: doc, Where: fmt.Sprintf("%s:%d", name, line), Size: int64(len(raw) + 1)}); err != nil {
				return err
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
	}
}

var errLongLine = errors.New("line too long")

// readLine reads one line without its newline; a line longer than
// MaxLineBytes is consumed and reported as errLongLine.
func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) <= MaxLineBytes {
			buf = append(buf, chunk...)
		} else {
			buf = buf[:0]
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			return nil, errLongLine
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(buf, "\r\n"), err
	}
}

// ReadJSON reads a .json file: a JSON array of documents (the body POST
// /api/documents takes), one document object, pretty-printed or not, or
// JSON Lines. Array elements and objects are streamed; a bad one is warned
// about with file and line and skipped, and malformed JSON ends the file
// with a warning, keeping the documents before it.
func ReadJSON(r io.Reader, name string, emit Emit, warn Warn) error {
	br := bufio.NewReaderSize(r, 1<<20)
	head, _ := br.Peek(1 << 20)
	body := bytes.TrimLeft(head, " \t\r\n")
	if len(body) == 0 || body[0] != '[' && !(body[0] == '{' && !firstLineJSON(body)) {
		return ReadJSONL(br, name, emit, warn)
	}
	return readJSONValues(br, name, body[0] == '[', emit, warn)
}

// firstLineJSON reports whether the first line of b is a whole JSON value
// (JSON Lines) or too long to tell; a multi-line object is neither.
func firstLineJSON(b []byte) bool {
	i := bytes.IndexByte(b, '\n')
	return i < 0 || json.Valid(b[:i])
}

// readJSONValues streams the elements of a JSON array (array) or a
// sequence of JSON objects, one document each.
func readJSONValues(r io.Reader, name string, array bool, emit Emit, warn Warn) error {
	t := &tape{r: r}
	dec := json.NewDecoder(t)
	if array {
		if _, err := dec.Token(); err != nil {
			return fmt.Errorf("read %s:%d: %v", name, t.lineAt(dec.InputOffset()), err)
		}
	}
	for n := 0; dec.More(); n++ {
		from := dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return jsonStop(name, t.lineAt(errOffset(dec, t, err)), err, n, warn)
		}
		seg := t.take(from, dec.InputOffset())
		skipped := seg[:len(seg)-len(bytes.TrimLeft(seg, " \t\r\n,"))]
		line := t.line - bytes.Count(seg, []byte{'\n'}) + bytes.Count(skipped, []byte{'\n'})
		if doc, ok := decodeLine(raw, name, line, warn); ok {
			if err := emit(Item{Doc: doc, Where: fmt.Sprintf("%s:%d", name, line), Size: int64(len(raw))}); err != nil {
				return err
			}
		}
	}
	return jsonEnd(dec, t, name, array, warn)
}

// errOffset is the input offset of a JSON decoding error: where the
// syntax error is, else where the value that could not be read begins.
func errOffset(dec *json.Decoder, t *tape, err error) int64 {
	var se *json.SyntaxError
	if errors.As(err, &se) && se.Offset > dec.InputOffset() {
		return se.Offset
	}
	off := dec.InputOffset()
	rest := t.buf[min(max(off-t.base, 0), int64(len(t.buf))):]
	return off + int64(len(rest)-len(bytes.TrimLeft(rest, " \t\r\n,")))
}

// jsonEnd checks that an array is closed and nothing follows it.
func jsonEnd(dec *json.Decoder, t *tape, name string, array bool, warn Warn) error {
	if array {
		if _, err := dec.Token(); err != nil {
			warn(fmt.Errorf("%s:%d: malformed JSON at the end of the array: %v", name, t.lineAt(dec.InputOffset()), err))
			return nil
		}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		warn(fmt.Errorf("%s:%d: data after the JSON value, ignored", name, t.lineAt(dec.InputOffset())))
	}
	return nil
}

// jsonStop reports malformed JSON: an error when no document came before
// it, else a warning (the documents read are kept).
func jsonStop(name string, line int, err error, n int, warn Warn) error {
	if n == 0 {
		return fmt.Errorf("read %s:%d: malformed JSON: %v", name, line, err)
	}
	warn(fmt.Errorf("%s:%d: malformed JSON: %v; the %d documents before it are kept, the rest of the file is skipped", name, line, err, n))
	return nil
}

// decodeLine parses one JSONL line into a document.
func decodeLine(raw []byte, name string, line int, warn Warn) (event.Document, bool) {
	var doc event.Document
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 {
		return doc, false
	}
	if !utf8.Valid(trimmed) {
		warn(fmt.Errorf("%s:%d: invalid UTF-8, skipped", name, line))
		return doc, false
	}
	if err := json.Unmarshal(trimmed, &doc); err != nil {
		warn(fmt.Errorf("%s:%d: not a JSON document: %v, skipped", name, line, err))
		return doc, false
	}
	if strings.TrimSpace(doc.Text) == "" {
		warn(fmt.Errorf("%s:%d: document has no text, skipped", name, line))
		return doc, false
	}
	if doc.ID == "" {
		doc.ID = fmt.Sprintf("%s:%d", filepath.ToSlash(name), line)
	}
	if doc.Date != "" {
		if t, ok := store.ParseDate(doc.Date); ok {
			doc.Date = t.Format("2006-01-02")
		} else {
			warn(fmt.Errorf("%s:%d: date %q is not YYYY-MM-DD, kept without date", name, line, doc.Date))
			doc.Date = ""
		}
	}
	return doc, true
}

// ReadXML streams the <Sentence> records of a PETRARCH XML file, one
// document each (id, date, source and text of the record), emitting each as
// it is read. A record petrarch refuses (no <Text>) is warned about and
// skipped; malformed XML ends the file with a warning naming its line, and
// the records before it are kept. A file with no record before the error,
// or none at all, is an error.
func ReadXML(r io.Reader, name string, emit Emit, warn Warn) error {
	t := &tape{r: r}
	dec := xml.NewDecoder(t)
	dec.Strict = true
	var n int
	for {
		start := dec.InputOffset()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return xmlStop(name, dec, err, n, warn)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Sentence" {
			t.take(dec.InputOffset(), dec.InputOffset())
			continue
		}
		line, _ := dec.InputPos()
		if err := dec.Skip(); err != nil {
			return xmlStop(name, dec, err, n, warn)
		}
		emitted, err := emitRecord(t.take(start, dec.InputOffset()), name, line, emit, warn)
		if err != nil {
			return err
		}
		n += emitted
	}
	if n == 0 {
		return fmt.Errorf("read %s: no <Sentence> records", name)
	}
	return nil
}

// xmlStop reports malformed XML at its line: an error when no record came
// before it, else a warning (the records read are kept).
func xmlStop(name string, dec *xml.Decoder, err error, n int, warn Warn) error {
	line, _ := dec.InputPos()
	msg := err.Error()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line, msg = se.Line, se.Msg
	}
	if n == 0 {
		return fmt.Errorf("read %s:%d: malformed XML: %s", name, line, msg)
	}
	warn(fmt.Errorf("%s:%d: malformed XML: %s; the %d records before it are kept, the rest of the file is skipped", name, line, msg, n))
	return nil
}

// petrarchPos is the "read NAME:LINE: " prefix of petrarch's errors, which
// count lines within one record here.
var petrarchPos = regexp.MustCompile(`^read .*?:\d+: `)

// emitRecord parses one <Sentence> element (raw, starting at line) with
// petrarch's reader and emits it; it returns how many documents it emitted.
func emitRecord(raw []byte, name string, line int, emit Emit, warn Warn) (int, error) {
	wrapped := append(append([]byte("<Sentences>"), raw...), "</Sentences>"...)
	recs, err := petrarch.ReadXML(bytes.NewReader(wrapped), name)
	if err != nil {
		warn(fmt.Errorf("%s:%d: %s, record skipped", name, line, petrarchPos.ReplaceAllString(err.Error(), "")))
		return 0, nil
	}
	for _, rec := range recs {
		doc := event.Document{ID: rec.ID, Text: rec.Text, Source: rec.Source}
		if t, ok := store.ParseDate(rec.Date); ok {
			doc.Date = t.Format("2006-01-02")
		}
		if doc.ID == "" {
			doc.ID = fmt.Sprintf("%s:%d", filepath.ToSlash(name), line)
		}
		if err := emit(Item{Doc: doc, Where: fmt.Sprintf("%s:%d", name, line), Size: int64(len(raw))}); err != nil {
			return 0, err
		}
	}
	return len(recs), nil
}

// tape keeps the bytes an xml.Decoder has read that are not yet taken, so
// that one element's raw text can be cut out while the file streams.
type tape struct {
	r    io.Reader
	buf  []byte
	base int64 // input offset of buf[0]
	line int   // 1-based line of buf[0], once counting (0 = 1)
}

// Read reads from the file, keeping a copy; one record may hold at most
// MaxFileBytes.
func (t *tape) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.buf = append(t.buf, p[:n]...)
	if len(t.buf) > MaxFileBytes {
		return n, fmt.Errorf("record larger than %d bytes", MaxFileBytes)
	}
	return n, err
}

// take returns the input from offset from to offset to and forgets
// everything before to.
func (t *tape) take(from, to int64) []byte {
	out := bytes.Clone(t.buf[from-t.base : to-t.base])
	t.line = t.lineAt(to)
	t.buf = append(t.buf[:0], t.buf[to-t.base:]...)
	t.base = to
	return out
}

// lineAt returns the 1-based line of input offset off (not yet taken).
func (t *tape) lineAt(off int64) int {
	end := min(max(off-t.base, 0), int64(len(t.buf)))
	return max(t.line, 1) + bytes.Count(t.buf[:end], []byte{'\n'})
}
