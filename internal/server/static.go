package server

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/detente-project/detente/internal/store"
)

// startTime is the Last-Modified time of the embedded assets.
var startTime = time.Now()

// staticFiles serves the built dashboard from an fs.FS, gzip-compressing
// text assets once and caching the result.
type staticFiles struct {
	fsys fs.FS
	mu   sync.Mutex
	gz   map[string][]byte
}

// newStaticFiles serves fsys.
func newStaticFiles(fsys fs.FS) *staticFiles {
	return &staticFiles{fsys: fsys, gz: map[string][]byte{}}
}

// serve answers GET/HEAD for a dashboard file; "/" is index.html.
func (sf *staticFiles) serve(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	body, err := fs.ReadFile(sf.fsys, name)
	if err != nil {
		writeError(w, http.StatusNotFound, "not found: "+store.Clip(r.URL.Path))
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-cache")
	h.Add("Vary", "Accept-Encoding")
	if compressible(ctype) && acceptsGzip(r) {
		body = sf.gzipped(name, body)
		h.Set("Content-Encoding", "gzip")
	}
	http.ServeContent(w, r, "", startTime, bytes.NewReader(body))
}

// gzipped returns the cached gzip form of a file.
func (sf *staticFiles) gzipped(name string, body []byte) []byte {
	sf.mu.Lock()
	defer sf.mu.Unlock()
	if b, ok := sf.gz[name]; ok {
		return b
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = zw.Write(body)
	_ = zw.Close()
	sf.gz[name] = buf.Bytes()
	return sf.gz[name]
}

// compressible reports whether a content type is text worth compressing.
func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "javascript") ||
		strings.Contains(ctype, "json") || strings.Contains(ctype, "svg")
}

// acceptsGzip reports whether the client accepts gzip encoding.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, param, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(enc), "gzip") {
			continue
		}
		q, ok := strings.CutPrefix(strings.ReplaceAll(param, " ", ""), "q=")
		if !ok {
			return true
		}
		v, err := strconv.ParseFloat(q, 64)
		return err == nil && v > 0
	}
	return false
}
