package store

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/detente-project/detente/internal/event"
)

// maxParams bounds the placeholders of one statement (PostgreSQL allows
// 65535; smaller keeps statements cheap to plan).
const maxParams = 1000

var (
	docCols = []string{"id", "hash", "date", "source", "url", "title", "text",
		"near_duplicate_of", "similarity", "minhash", "added_at"}
	bandCols  = []string{"key", "doc_id"}
	eventCols = []string{"doc_id", "seq", "date", "sentence_index", "sentence", "source", "source_country",
		"target", "target_country", "cameo", "root", "event_name", "plover", "plover_mode", "goldstein",
		"quad_class", "evidence", "evidence_start", "evidence_end", "verb_text", "verb_start", "verb_end",
		"source_text", "source_start", "source_end", "target_text", "target_start", "target_end",
		"location", "negated", "modality", "issues", "dup"}
	quoteCols = []string{"doc_id", "seq", "date", "sentence_index", "speaker", "speaker_code", "quote",
		"sentence", "span_start", "span_end", "dup"}
	mentionCols = []string{"doc_id", "seq", "code", "text", "span_start", "span_end"}
)

// ContentHash is the hex SHA-256 of a document's text after UTF-8 clean-up:
// the key for exact-duplicate detection.
func ContentHash(text string) string {
	h := sha256.Sum256([]byte(clean(text)))
	return hex.EncodeToString(h[:])
}

// clean makes s storable in both back ends: invalid UTF-8 becomes U+FFFD
// and NUL bytes (refused by PostgreSQL text) are dropped.
func clean(s string) string {
	if utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "")
	}
	return s
}

// ParseDate reads YYYY-MM-DD (or the date part of an RFC 3339 time, or
// YYYYMMDD as in PETRARCH records).
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 10 {
		if t, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return t, true
		}
	}
	if len(s) == 8 {
		if t, err := time.Parse("20060102", s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// dateValue is a DATE column value: time.Time or NULL.
func dateValue(s, fallback string) any {
	if t, ok := ParseDate(s); ok {
		return t
	}
	if t, ok := ParseDate(fallback); ok {
		return t
	}
	return nil
}

// pending is one result on its way into the database.
type pending struct {
	r     event.Result
	hash  string
	id    string
	sig   Signature
	keys  []int64
	dupOf string
	sim   float64
}

// AddResult stores one coded document atomically. It reports added=false
// when a document with the same content hash is already stored.
func (s *SQL) AddResult(ctx context.Context, r event.Result) (bool, error) {
	added, err := s.AddResults(ctx, []event.Result{r})
	if err != nil {
		return false, err
	}
	return added[0], nil
}

// AddResults stores results in one transaction, in order: exact duplicates
// (by content hash, against the store and earlier results of the batch) are
// skipped, near duplicates are linked to the first story of their cluster
// and their events are kept but not counted by queries. Either all new
// results are stored or, on error, none.
func (s *SQL) AddResults(ctx context.Context, rs []event.Result) ([]bool, error) {
	added := make([]bool, len(rs))
	if len(rs) == 0 {
		return added, nil
	}
	ps := prepare(rs)
	s.mu.Lock()
	defer s.mu.Unlock()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: connect: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return nil, fmt.Errorf("store: begin: %w", err)
	}
	if err := s.write(ctx, conn, ps, added); err != nil {
		// Roll back even when ctx is cancelled.
		conn.ExecContext(context.Background(), "ROLLBACK")
		return nil, err
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		conn.ExecContext(context.Background(), "ROLLBACK")
		return nil, fmt.Errorf("store: commit: %w", err)
	}
	return added, nil
}

// prepare cleans text, hashes it and computes MinHash signatures (the CPU
// work, done on all cores before taking the write lock).
func prepare(rs []event.Result) []*pending {
	ps := make([]*pending, len(rs))
	workers := min(runtime.NumCPU(), 1+len(rs)/64)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(rs); i += workers {
				ps[i] = prepareOne(rs[i])
			}
		}()
	}
	wg.Wait()
	return ps
}

func prepareOne(r event.Result) *pending {
	r.Doc.Text = clean(r.Doc.Text)
	h := sha256.Sum256([]byte(r.Doc.Text))
	p := &pending{r: r, hash: hex.EncodeToString(h[:])}
	p.id = clean(strings.TrimSpace(r.Doc.ID))
	if p.id == "" {
		p.id = "sha256:" + p.hash[:16]
	}
	p.sig = MinHash(r.Doc.Text)
	p.keys = p.sig.BandKeys()
	return p
}

// write runs inside the transaction: dedup, id collisions, near-duplicate
// linking, then bulk inserts.
func (s *SQL) write(ctx context.Context, conn *sql.Conn, ps []*pending, added []bool) error {
	hashes := make([]string, len(ps))
	for i, p := range ps {
		hashes[i] = p.hash
	}
	stored, err := existing(ctx, conn, "SELECT hash FROM documents WHERE hash IN (SELECT unnest($1::TEXT[]))", hashes)
	if err != nil {
		return fmt.Errorf("store: look up content hashes: %w", err)
	}
	var keep []*pending
	for i, p := range ps {
		if stored[p.hash] {
			continue
		}
		stored[p.hash] = true
		added[i] = true
		keep = append(keep, p)
	}
	if len(keep) == 0 {
		return nil
	}
	if err := uniqueIDs(ctx, conn, keep); err != nil {
		return err
	}
	byKey, err := s.storedCandidates(ctx, conn, distinctKeys(keep))
	if err != nil {
		return fmt.Errorf("store: near-duplicate look-up: %w", err)
	}
	linkNearDuplicates(keep, byKey)
	if err := s.d.bulk(ctx, conn, "doc_bands", bandCols, bandRows(keep)); err != nil {
		return fmt.Errorf("store: insert doc_bands: %w", err)
	}
	return s.insert(ctx, conn, keep)
}

// distinctKeys returns the band keys of ps, distinct and sorted so that
// they walk the doc_bands index in order.
func distinctKeys(ps []*pending) []int64 {
	var keys []int64
	for _, p := range ps {
		keys = append(keys, p.keys...)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// existing returns which of vals the query finds; the query takes the
// values as one array parameter ($1::TEXT[]), which both engines unnest.
func existing(ctx context.Context, conn *sql.Conn, query string, vals []string) (map[string]bool, error) {
	found := make(map[string]bool, len(vals))
	rows, err := conn.QueryContext(ctx, query, vals)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		found[v] = true
	}
	return found, rows.Err()
}

// placeholders returns "($from, ..., $from+n-1)".
func placeholders(from, n int) string {
	var b strings.Builder
	b.WriteByte('(')
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d", from+i)
	}
	b.WriteByte(')')
	return b.String()
}

// uniqueIDs renames documents whose id is already taken by a different
// text (an updated article under the same id) to id#<hash prefix>.
func uniqueIDs(ctx context.Context, conn *sql.Conn, ps []*pending) error {
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.id
	}
	taken, err := existing(ctx, conn, "SELECT id FROM documents WHERE id IN (SELECT unnest($1::TEXT[]))", ids)
	if err != nil {
		return fmt.Errorf("store: look up document ids: %w", err)
	}
	for _, p := range ps {
		if taken[p.id] {
			p.id = p.id + "#" + p.hash[:12]
		}
		if taken[p.id] {
			p.id = p.id + p.hash[12:]
		}
		taken[p.id] = true
	}
	return nil
}

// candidate is a stored or earlier-in-batch document sharing an LSH band.
type candidate struct {
	id, root string
	sig      Signature
}

// linkNearDuplicates sets dupOf for each document whose best LSH candidate,
// stored (byKey, which it extends) or earlier in the batch, reaches
// NearDupThreshold, pointing at the candidate's cluster root. Candidates
// are cluster representatives (roots) only: a near duplicate is compared
// with the first copy of its story, not with every earlier copy, so that
// linking stays linear in a corpus of many copies.
func linkNearDuplicates(ps []*pending, byKey map[int64][]candidate) {
	for _, p := range ps {
		if p.sig == nil {
			continue
		}
		best, bestSim := candidate{}, 0.0
		seen := map[string]bool{}
		for _, k := range p.keys {
			for _, c := range byKey[k] {
				if seen[c.id] {
					continue
				}
				seen[c.id] = true
				sim := p.sig.Similarity(c.sig)
				if sim > bestSim || (sim == bestSim && c.id < best.id) {
					best, bestSim = c, sim
				}
			}
		}
		if bestSim >= NearDupThreshold {
			p.dupOf, p.sim = best.root, bestSim
			continue
		}
		for _, k := range p.keys {
			byKey[k] = append(byKey[k], candidate{id: p.id, root: p.id, sig: p.sig})
		}
	}
}

// storedCandidates loads the stored documents sharing any of keys
// (distinct), in two steps: band keys to document ids (an index probe per
// key), then the signatures of those few documents.
func (s *SQL) storedCandidates(ctx context.Context, conn *sql.Conn, keys []int64) (map[int64][]candidate, error) {
	out := map[int64][]candidate{}
	if len(keys) == 0 {
		return out, nil
	}
	q, args, err := s.d.bandHits(ctx, conn, keys)
	if err != nil {
		return nil, err
	}
	hits := map[string][]int64{}
	err = eachRow(ctx, conn, q, args,
		func(rows *sql.Rows) error {
			var k int64
			var id string
			if err := rows.Scan(&k, &id); err != nil {
				return err
			}
			hits[id] = append(hits[id], k)
			return nil
		})
	if err != nil || len(hits) == 0 {
		return out, err
	}
	ids := make([]string, 0, len(hits))
	for id := range hits {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	err = eachRow(ctx, conn, `SELECT id, COALESCE(near_duplicate_of, ''), minhash FROM documents
		WHERE id IN (SELECT unnest($1::TEXT[]))`, []any{ids}, func(rows *sql.Rows) error {
		var c candidate
		var sig []byte
		if err := rows.Scan(&c.id, &c.root, &sig); err != nil {
			return err
		}
		if c.root == "" {
			c.root = c.id
		}
		if c.sig = signatureFrom(sig); c.sig != nil {
			for _, k := range hits[c.id] {
				out[k] = append(out[k], c)
			}
		}
		return nil
	})
	for _, cs := range out {
		sort.Slice(cs, func(i, j int) bool { return cs[i].id < cs[j].id })
	}
	return out, err
}

// eachRow runs a query and calls fn for each row.
func eachRow(ctx context.Context, conn *sql.Conn, q string, args []any, fn func(*sql.Rows) error) error {
	rows, err := conn.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// insert bulk-loads the batch (but its doc_bands rows, see write) and
// records the actors it names. Rows are
// built as the loaders ask for them: PostgreSQL's loader asks from the
// goroutine in which pgx encodes, so building overlaps the server's work,
// and a batch's rows never all sit in memory at once.
func (s *SQL) insert(ctx context.Context, conn *sql.Conn, ps []*pending) error {
	now := time.Now().UTC()
	loads := []struct {
		table string
		cols  []string
		rows  func() []any
	}{
		{"documents", docCols, perDoc(ps, func(p *pending) [][]any { return [][]any{docRow(p, now)} })},
		{"events", eventCols, perDoc(ps, eventRows)},
		{"quotes", quoteCols, perDoc(ps, quoteRows)},
		{"mentions", mentionCols, perDoc(ps, mentionRows)},
	}
	for _, l := range loads {
		if err := s.d.bulk(ctx, conn, l.table, l.cols, l.rows); err != nil {
			return fmt.Errorf("store: insert %s: %w", l.table, err)
		}
	}
	return insertActors(ctx, conn, actorsOf(ps))
}

// perDoc returns the rows that rows makes of each document in turn, one
// per call, then nil.
func perDoc(ps []*pending, rows func(*pending) [][]any) func() []any {
	var cur [][]any
	return func() []any {
		for len(cur) == 0 {
			if len(ps) == 0 {
				return nil
			}
			cur, ps = rows(ps[0]), ps[1:]
		}
		r := cur[0]
		cur = cur[1:]
		return r
	}
}

// band is one doc_bands row.
type band struct {
	key   int64
	docID string
}

// bandRows returns the doc_bands rows of the cluster representatives of ps
// (documents that are no near duplicate) in key order, one per call, then
// nil. A near duplicate's bands are not stored: later copies are matched
// against the representative alone. In key order they reach the doc_bands index in order too: each
// leaf page is visited once per batch rather than at random.
func bandRows(ps []*pending) func() []any {
	var bs []band
	for _, p := range ps {
		if p.dupOf != "" {
			continue
		}
		for _, k := range p.keys {
			bs = append(bs, band{k, p.id})
		}
	}
	slices.SortFunc(bs, func(a, b band) int { return cmp.Compare(a.key, b.key) })
	return func() []any {
		if len(bs) == 0 {
			return nil
		}
		b := bs[0]
		bs = bs[1:]
		return []any{b.key, b.docID}
	}
}

// docRow is one documents row in docCols order.
func docRow(p *pending, now time.Time) []any {
	d := p.r.Doc
	var dupOf, sim, sig any
	if p.dupOf != "" {
		dupOf, sim = p.dupOf, p.sim
	}
	if p.sig != nil {
		sig = p.sig.bytes()
	}
	return []any{p.id, p.hash, dateValue(d.Date, ""), clean(d.Source), clean(d.URL),
		clean(d.Title), d.Text, dupOf, sim, sig, now}
}

// eventRows are a document's events rows.
func eventRows(p *pending) [][]any {
	rows := make([][]any, len(p.r.Events))
	for i, e := range p.r.Events {
		rows[i] = eventRow(p.id, i, e, p.r.Doc.Date, p.dupOf != "")
	}
	return rows
}

// quoteRows are a document's quotes rows.
func quoteRows(p *pending) [][]any {
	rows := make([][]any, len(p.r.Quotes))
	for i, q := range p.r.Quotes {
		rows[i] = []any{p.id, int64(i), dateValue(q.Date, p.r.Doc.Date), int64(q.SentenceIndex),
			clean(q.Speaker), clean(q.SpeakerCode), clean(q.Quote), clean(q.Sentence),
			int64(q.Span.Start), int64(q.Span.End), p.dupOf != ""}
	}
	return rows
}

// mentionRows are a document's mentions rows.
func mentionRows(p *pending) [][]any {
	rows := make([][]any, len(p.r.Mentions))
	for i, m := range p.r.Mentions {
		rows[i] = []any{p.id, int64(i), clean(m.Code), clean(m.Text), int64(m.Span.Start), int64(m.Span.End)}
	}
	return rows
}

// actorsOf maps the actor codes the batch names to their first name and
// country seen.
func actorsOf(ps []*pending) map[string][2]string {
	actors := map[string][2]string{}
	for _, p := range ps {
		for _, e := range p.r.Events {
			addActor(actors, e.Source, e.SourceCountry, e.SourceText)
			addActor(actors, e.Target, e.TargetCountry, e.TargetText)
		}
		for _, m := range p.r.Mentions {
			addActor(actors, m.Code, "", m.Text)
		}
	}
	return actors
}

// eventRow is one events row in eventCols order.
func eventRow(docID string, seq int, e event.Event, docDate string, dup bool) []any {
	return []any{docID, int64(seq), dateValue(e.Date, docDate), int64(e.SentenceIndex), clean(e.Sentence),
		clean(e.Source), clean(e.SourceCountry), clean(e.Target), clean(e.TargetCountry),
		clean(e.CAMEO), clean(e.Root), clean(e.EventName), clean(e.PLOVER), clean(e.PLOVERMode),
		e.Goldstein, int64(e.QuadClass), clean(e.Evidence), int64(e.EvidenceSpan.Start), int64(e.EvidenceSpan.End),
		clean(e.VerbText), int64(e.VerbSpan.Start), int64(e.VerbSpan.End),
		clean(e.SourceText), int64(e.SourceSpan.Start), int64(e.SourceSpan.End),
		clean(e.TargetText), int64(e.TargetSpan.Start), int64(e.TargetSpan.End),
		clean(e.Location), e.Negated, clean(e.Modality), clean(strings.Join(e.Issues, ";")), dup}
}

// addActor records the first name and country seen for a code, preferring
// one with a country.
func addActor(actors map[string][2]string, code, country, name string) {
	code = clean(strings.TrimSpace(code))
	if code == "" {
		return
	}
	if cur, ok := actors[code]; ok && (cur[0] != "" || country == "") {
		return
	}
	actors[code] = [2]string{clean(country), clean(name)}
}

// insertActors adds actor codes not yet stored.
func insertActors(ctx context.Context, conn *sql.Conn, actors map[string][2]string) error {
	codes := make([]string, 0, len(actors))
	for c := range actors {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	const perStmt = maxParams / 3
	for start := 0; start < len(codes); start += perStmt {
		chunk := codes[start:min(start+perStmt, len(codes))]
		var b strings.Builder
		b.WriteString("INSERT INTO actors (code, country, name) VALUES ")
		args := make([]any, 0, 3*len(chunk))
		for i, c := range chunk {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "($%d, $%d, $%d)", 3*i+1, 3*i+2, 3*i+3)
			args = append(args, c, actors[c][0], actors[c][1])
		}
		b.WriteString(" ON CONFLICT (code) DO NOTHING")
		if _, err := conn.ExecContext(ctx, b.String(), args...); err != nil {
			return fmt.Errorf("store: insert actors: %w", err)
		}
	}
	return nil
}

// HashChecker is implemented by stores that can tell which content hashes
// (ContentHash) they already hold, so ingest can skip coding them.
type HashChecker interface {
	Known(ctx context.Context, hashes []string) (map[string]bool, error)
}

var _ HashChecker = (*SQL)(nil)

// Known returns which of hashes are stored.
func (s *SQL) Known(ctx context.Context, hashes []string) (map[string]bool, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: connect: %w", err)
	}
	defer conn.Close()
	found, err := existing(ctx, conn, "SELECT hash FROM documents WHERE hash IN (SELECT unnest($1::TEXT[]))", hashes)
	if err != nil {
		return nil, fmt.Errorf("store: look up content hashes: %w", err)
	}
	return found, nil
}
