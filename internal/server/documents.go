package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/detente-project/detente/internal/event"
	"github.com/detente-project/detente/internal/store"
)

// ingestResponse is the body of a successful POST /api/documents.
type ingestResponse struct {
	Documents  int `json:"documents"`
	Added      int `json:"added"`
	Duplicates int `json:"duplicates"`
	Events     int `json:"events"`
	Quotes     int `json:"quotes"`
}

// authorized reports whether r carries "Authorization: Bearer <token>"
// with the configured token, compared in constant time. With no token
// configured nobody is authorized.
func (s *server) authorized(r *http.Request) bool {
	if s.opts.Token == "" {
		return false
	}
	h := r.Header.Get("Authorization")
	const prefix = "Bearer "
	if len(h) < len(prefix) || !strings.EqualFold(h[:len(prefix)], prefix) {
		return false
	}
	got := sha256.Sum256([]byte(strings.TrimSpace(h[len(prefix):])))
	want := sha256.Sum256([]byte(s.opts.Token))
	return subtle.ConstantTimeCompare(got[:], want[:]) == 1
}

// handleDocuments codes and stores one JSON document, a JSON array of
// documents, or JSON Lines. It needs the bearer token; the body is limited
// to Options.MaxBody bytes and Options.MaxDocuments documents, and each
// document to Options.MaxDocumentBytes of text (413 otherwise).
func (s *server) handleDocuments(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="detente"`)
		writeError(w, http.StatusUnauthorized, "a valid bearer token is required")
		return
	}
	if s.opts.Coder == nil {
		writeError(w, http.StatusNotImplemented, "no coder configured in this server")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("body larger than %d bytes", s.opts.MaxBody))
			return
		}
		writeError(w, http.StatusBadRequest, "cannot read body")
		return
	}
	docs, err := parseDocuments(body, s.opts.MaxDocuments)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if err := checkSizes(docs, s.opts.MaxDocumentBytes); err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, err.Error())
		return
	}
	results, err := codeAll(s.opts.Coder, docs)
	if err != nil {
		s.log.Error("coding failed", "err", err)
		var ce *codeError
		if errors.As(err, &ce) {
			writeError(w, http.StatusInternalServerError, fmt.Sprintf("document %d (%q) could not be coded", ce.index+1, store.Clip(ce.id)))
			return
		}
		writeError(w, http.StatusInternalServerError, "coding failed")
		return
	}
	resp, err := s.store(r.Context(), docs, results)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// checkSizes refuses a request in which a document has more than max
// bytes of text, before any is coded.
func checkSizes(docs []event.Document, max int) error {
	for i, d := range docs {
		if len(d.Text) > max {
			return fmt.Errorf("document %d (%q) has %d bytes of text, more than the limit of %d per document",
				i+1, store.Clip(d.ID), len(d.Text), max)
		}
	}
	return nil
}

// store saves coded documents in input order and counts what was added.
func (s *server) store(ctx context.Context, docs []event.Document, results []event.Result) (ingestResponse, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	resp := ingestResponse{Documents: len(docs)}
	for i, res := range results {
		res.Doc = docs[i]
		added, err := s.st.AddResult(ctx, res)
		if err != nil {
			return resp, fmt.Errorf("store document %d (%q): %w", i+1, docs[i].ID, err)
		}
		if !added {
			resp.Duplicates++
			continue
		}
		resp.Added++
		resp.Events += len(res.Events)
		resp.Quotes += len(res.Quotes)
	}
	return resp, nil
}

// codeAll codes docs on all cores. A panic in the coder is recovered in
// its goroutine (the handler's recoverer cannot see it) and reported as
// an error naming the document.
func codeAll(c Coder, docs []event.Document) ([]event.Result, error) {
	results := make([]event.Result, len(docs))
	errs := make([]error, len(docs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(docs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i], errs[i] = codeOne(c, docs[i])
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, &codeError{index: i, id: docs[i].ID, err: err}
		}
	}
	return results, nil
}

// codeError says which document the coder failed on.
type codeError struct {
	index int
	id    string
	err   error
}

// Error names the document and the cause.
func (e *codeError) Error() string {
	return fmt.Sprintf("code document %d (%q): %v", e.index+1, e.id, e.err)
}

// Unwrap returns the cause.
func (e *codeError) Unwrap() error { return e.err }

// codeOne codes one document, turning a panic into an error.
func codeOne(c Coder, d event.Document) (res event.Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("coder panic: %v", v)
		}
	}()
	return c.Code(d), nil
}

// parseDocuments reads a JSON object, a JSON array of objects, or JSON
// Lines (one object per line), then validates each document. Errors name
// the line of the body where the problem is.
func parseDocuments(body []byte, maxDocs int) ([]event.Document, error) {
	if !utf8.Valid(body) {
		return nil, fmt.Errorf("body line %d: invalid UTF-8", lineAt(body, firstInvalid(body)))
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return nil, errors.New("empty body: send a JSON document, an array of documents or JSON Lines")
	}
	var docs []event.Document
	var starts []int64
	var err error
	if trimmed[0] == '[' {
		docs, starts, err = decodeArray(body, maxDocs)
	} else {
		docs, starts, err = decodeStream(body, maxDocs)
	}
	if err != nil {
		return nil, err
	}
	for i := range docs {
		if err := checkDocument(&docs[i]); err != nil {
			return nil, fmt.Errorf("body line %d: document %d: %w", lineAt(body, starts[i]), i+1, err)
		}
	}
	return docs, nil
}

// decodeStream decodes concatenated JSON objects (one document or JSONL).
func decodeStream(body []byte, maxDocs int) ([]event.Document, []int64, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	var docs []event.Document
	var starts []int64
	for {
		start := dec.InputOffset()
		var d event.Document
		err := dec.Decode(&d)
		if err == io.EOF {
			return docs, starts, nil
		}
		if err != nil {
			return nil, nil, jsonError(body, start, err)
		}
		if len(docs) == maxDocs {
			return nil, nil, fmt.Errorf("more than %d documents in one request", maxDocs)
		}
		docs = append(docs, d)
		starts = append(starts, skipSpace(body, start))
	}
}

// decodeArray decodes a JSON array of document objects.
func decodeArray(body []byte, maxDocs int) ([]event.Document, []int64, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	if _, err := dec.Token(); err != nil {
		return nil, nil, jsonError(body, 0, err)
	}
	var docs []event.Document
	var starts []int64
	for dec.More() {
		start := dec.InputOffset()
		var d event.Document
		if err := dec.Decode(&d); err != nil {
			return nil, nil, jsonError(body, start, err)
		}
		if len(docs) == maxDocs {
			return nil, nil, fmt.Errorf("more than %d documents in one request", maxDocs)
		}
		docs = append(docs, d)
		starts = append(starts, skipSpace(body, start))
	}
	end := dec.InputOffset()
	if _, err := dec.Token(); err != nil {
		return nil, nil, jsonError(body, end, err)
	}
	if rest := bytes.TrimSpace(body[dec.InputOffset():]); len(rest) > 0 {
		return nil, nil, fmt.Errorf("body line %d: data after the closing ]", lineAt(body, dec.InputOffset()))
	}
	return docs, starts, nil
}

// jsonError names the body line of a JSON decoding error.
func jsonError(body []byte, start int64, err error) error {
	off := start
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		off = syn.Offset
	case errors.As(err, &typ):
		off = typ.Offset
	case errors.Is(err, io.ErrUnexpectedEOF):
		off = int64(len(body))
	}
	return fmt.Errorf("body line %d: bad JSON: %v", lineAt(body, off), err)
}

// checkDocument validates one document and fills a missing ID with a hash
// of its text.
func checkDocument(d *event.Document) error {
	if strings.TrimSpace(d.Text) == "" {
		return errors.New(`"text" is empty`)
	}
	if d.Date != "" {
		if _, err := time.Parse(time.DateOnly, d.Date); err != nil {
			return fmt.Errorf(`"date" %q is not YYYY-MM-DD`, store.Clip(d.Date))
		}
	}
	if len(d.ID) > 200 {
		return errors.New(`"id" longer than 200 bytes`)
	}
	if d.ID == "" {
		sum := sha256.Sum256([]byte(d.Text))
		d.ID = "sha256-" + hex.EncodeToString(sum[:8])
	}
	return nil
}

// lineAt returns the 1-based line of byte offset off in body.
func lineAt(body []byte, off int64) int {
	if off > int64(len(body)) {
		off = int64(len(body))
	}
	if off < 0 {
		off = 0
	}
	return bytes.Count(body[:off], []byte{'\n'}) + 1
}

// skipSpace advances off past JSON whitespace.
func skipSpace(body []byte, off int64) int64 {
	for off < int64(len(body)) {
		switch body[off] {
		case ' ', '\t', '\r', '\n', ',':
			off++
		default:
			return off
		}
	}
	return off
}

// firstInvalid returns the offset of the first invalid UTF-8 byte.
func firstInvalid(b []byte) int64 {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return int64(i)
		}
		i += n
	}
	return int64(len(b))
}
