package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/detente-project/detente/internal/event"
)

// args collects positional parameters and hands out their $n placeholders.
// Every value from a caller goes through it: no user text is spliced into
// SQL.
type args struct {
	vals []any
	// tokens adds a look-up of the events_sides GIN index (sideTokens) to
	// source and dyad matches (PostgreSQL); DuckDB scans columns.
	tokens bool
}

func (a *args) add(v any) string {
	if s, ok := v.(string); ok {
		v = clean(s) // PostgreSQL refuses NUL and invalid UTF-8 in text parameters
	}
	a.vals = append(a.vals, v)
	return fmt.Sprintf("$%d", len(a.vals))
}

// likePattern escapes LIKE metacharacters and wraps s for a substring match
// (used with ESCAPE '\').
func likePattern(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(s) + "%"
}

// sideTokens is the expression of PostgreSQL's events_sides GIN index
// (migration 0003, which must hold the same text): an event's source>target
// pairs of actor and country codes and its source codes alone ("USA>").
const sideTokens = `ARRAY[source_country || '>' || target_country, source || '>' || target, ` +
	`source || '>' || target_country, source_country || '>' || target, source || '>', source_country || '>']`

// withToken prefixes the exact condition cond with a look-up of token in
// the events_sides index when a.tokens is set. The index finds the
// candidates in one scan; cond keeps the answer exact (a code containing
// '>' could make a token ambiguous).
func withToken(a *args, token, cond string) string {
	if !a.tokens {
		return cond
	}
	return "(" + sideTokens + " && ARRAY[" + a.add(token) + "::TEXT] AND " + cond + ")"
}

// sideCond matches an actor code or country code on one side of an event.
func sideCond(a *args, col, val string) string {
	p := a.add(val)
	return fmt.Sprintf("(%s = %s OR %s_country = %s)", col, p, col, p)
}

// side is sideCond, indexed for the source side.
func side(a *args, col, val string) string {
	if col == "source" {
		return withToken(a, val+">", sideCond(a, col, val))
	}
	return sideCond(a, col, val)
}

// pair matches source src and target tgt (either may be empty), each as an
// actor or a country code.
func pair(a *args, src, tgt string) string {
	switch {
	case src == "" && tgt == "":
		return "TRUE"
	case tgt == "":
		return side(a, "source", src)
	case src == "":
		return side(a, "target", tgt)
	}
	return withToken(a, src+">"+tgt, "("+sideCond(a, "source", src)+" AND "+sideCond(a, "target", tgt)+")")
}

// normRoot pads a one-digit CAMEO root ("4" -> "04").
func normRoot(r string) string {
	r = strings.TrimSpace(r)
	if len(r) == 1 {
		return "0" + r
	}
	return r
}

// dateRange adds [from, to) conditions on col.
func dateRange(a *args, conds []string, col string, from, to time.Time) []string {
	if !from.IsZero() {
		conds = append(conds, col+" >= "+a.add(dayOf(from)))
	}
	if !to.IsZero() {
		conds = append(conds, col+" < "+a.add(dayOf(to)))
	}
	return conds
}

// dayOf truncates t to its UTC calendar day (DATE columns compare by day).
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// eventWhere builds the WHERE clause of an event filter. Events of
// near-duplicate documents are never counted.
func eventWhere(a *args, f EventFilter) string {
	conds := []string{"NOT dup"}
	if f.Source != "" || f.Target != "" {
		conds = append(conds, pair(a, f.Source, f.Target))
	}
	if f.Actor != "" {
		conds = append(conds, "("+side(a, "source", f.Actor)+" OR "+side(a, "target", f.Actor)+")")
	}
	if f.Root != "" {
		conds = append(conds, "root = "+a.add(normRoot(f.Root)))
	}
	if f.PLOVER != "" {
		conds = append(conds, "upper(plover) = upper("+a.add(f.PLOVER)+")")
	}
	conds = dateRange(a, conds, "date", f.From, f.To)
	if f.Text != "" {
		conds = append(conds, "sentence ILIKE "+a.add(likePattern(f.Text))+` ESCAPE '\'`)
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// page adds LIMIT/OFFSET (0 = no limit).
func page(a *args, limit, offset int) string {
	s := ""
	if limit > 0 {
		s += " LIMIT " + a.add(int64(limit))
	}
	if offset > 0 {
		s += " OFFSET " + a.add(int64(offset))
	}
	return s
}

const eventSelect = `SELECT doc_id, date, sentence_index, sentence, source, source_country, target,
	target_country, cameo, root, event_name, plover, plover_mode, goldstein, quad_class, evidence,
	evidence_start, evidence_end, verb_text, verb_start, verb_end, source_text, source_start, source_end,
	target_text, target_start, target_end, location, negated, modality, issues FROM events`

// Events returns events matching f, newest first.
func (s *SQL) Events(ctx context.Context, f EventFilter) ([]event.Event, error) {
	a := s.newArgs()
	q := eventSelect + eventWhere(a, f) + " ORDER BY date DESC NULLS LAST, doc_id, seq" + page(a, f.Limit, f.Offset)
	rows, err := s.db.QueryContext(ctx, q, a.vals...)
	if err != nil {
		return nil, fmt.Errorf("query events: %w", err)
	}
	defer rows.Close()
	var out []event.Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, fmt.Errorf("query events: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query events: %w", err)
	}
	return out, nil
}

// scanEvent reads one row of eventSelect.
func scanEvent(rows *sql.Rows) (event.Event, error) {
	var e event.Event
	var date sql.NullTime
	var si, quad, es, ee, vs, ve, ss, se, ts, te int64
	var issues string
	err := rows.Scan(&e.DocID, &date, &si, &e.Sentence, &e.Source, &e.SourceCountry, &e.Target,
		&e.TargetCountry, &e.CAMEO, &e.Root, &e.EventName, &e.PLOVER, &e.PLOVERMode, &e.Goldstein, &quad,
		&e.Evidence, &es, &ee, &e.VerbText, &vs, &ve, &e.SourceText, &ss, &se,
		&e.TargetText, &ts, &te, &e.Location, &e.Negated, &e.Modality, &issues)
	if err != nil {
		return e, err
	}
	if date.Valid {
		e.Date = date.Time.Format(time.DateOnly)
	}
	e.SentenceIndex, e.QuadClass = int(si), int(quad)
	e.EvidenceSpan = event.Span{Start: int(es), End: int(ee)}
	e.VerbSpan = event.Span{Start: int(vs), End: int(ve)}
	e.SourceSpan = event.Span{Start: int(ss), End: int(se)}
	e.TargetSpan = event.Span{Start: int(ts), End: int(te)}
	if issues != "" {
		e.Issues = strings.Split(issues, ";")
	}
	return e, nil
}

// Dyad returns the source->target series per month or week (ISO weeks
// starting Monday): counts per quad class and the Goldstein sum and mean.
// Periods without events are omitted.
func (s *SQL) Dyad(ctx context.Context, q DyadQuery) ([]DyadPoint, error) {
	unit, ok := map[string]string{"": "month", "month": "month", "week": "week"}[q.Interval]
	if !ok {
		return nil, fmt.Errorf("dyad: interval %q: want month or week", q.Interval)
	}
	a := s.newArgs()
	match := pair(a, q.Source, q.Target)
	if q.Both {
		match = "(" + match + " OR " + pair(a, q.Target, q.Source) + ")"
	}
	conds := dateRange(a, []string{"NOT dup", "date IS NOT NULL", match}, "date", q.From, q.To)
	sqlText := `SELECT date_trunc('` + unit + `', CAST(date AS TIMESTAMP)) AS period, COUNT(*),
		SUM(CASE WHEN quad_class = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN quad_class = 2 THEN 1 ELSE 0 END),
		SUM(CASE WHEN quad_class = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN quad_class = 4 THEN 1 ELSE 0 END),
		SUM(goldstein) FROM events WHERE ` + strings.Join(conds, " AND ") + ` GROUP BY period ORDER BY period`
	rows, err := s.db.QueryContext(ctx, sqlText, a.vals...)
	if err != nil {
		return nil, fmt.Errorf("query dyad: %w", err)
	}
	defer rows.Close()
	var out []DyadPoint
	for rows.Next() {
		var p DyadPoint
		var n, q1, q2, q3, q4 int64
		if err := rows.Scan(&p.Period, &n, &q1, &q2, &q3, &q4, &p.GoldsteinSum); err != nil {
			return nil, fmt.Errorf("query dyad: %w", err)
		}
		p.Period = p.Period.UTC()
		p.Events, p.Quad = int(n), [5]int{0, int(q1), int(q2), int(q3), int(q4)}
		if n > 0 {
			p.GoldsteinMean = p.GoldsteinSum / float64(n)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query dyad: %w", err)
	}
	return out, nil
}

// TopActors returns the actor codes taking part in the most matching
// events, as source or target.
func (s *SQL) TopActors(ctx context.Context, f EventFilter, limit int) ([]ActorCount, error) {
	a := s.newArgs()
	where := eventWhere(a, f)
	q := `SELECT actor, MAX(country), SUM(src), SUM(tgt), SUM(src) + SUM(tgt) AS n FROM (
		SELECT source AS actor, source_country AS country, 1 AS src, 0 AS tgt FROM events` + where + `
		UNION ALL
		SELECT target, target_country, 0, 1 FROM events` + where + `) AS sides
		WHERE actor <> '' GROUP BY actor ORDER BY n DESC, actor` + page(a, limit, 0)
	rows, err := s.db.QueryContext(ctx, q, a.vals...)
	if err != nil {
		return nil, fmt.Errorf("query top actors: %w", err)
	}
	defer rows.Close()
	var out []ActorCount
	for rows.Next() {
		var c ActorCount
		var src, tgt, n int64
		if err := rows.Scan(&c.Actor, &c.Country, &src, &tgt, &n); err != nil {
			return nil, fmt.Errorf("query top actors: %w", err)
		}
		c.AsSrc, c.AsTgt, c.Events = int(src), int(tgt), int(n)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query top actors: %w", err)
	}
	return out, nil
}

// Network returns directed actor-pair edges of matching events with
// cooperation (quad classes 1-2) and conflict (3-4) counts, heaviest first.
func (s *SQL) Network(ctx context.Context, f EventFilter) ([]Edge, error) {
	a := s.newArgs()
	q := `SELECT source, target, COUNT(*),
		SUM(CASE WHEN quad_class IN (1, 2) THEN 1 ELSE 0 END),
		SUM(CASE WHEN quad_class IN (3, 4) THEN 1 ELSE 0 END), AVG(goldstein)
		FROM events` + eventWhere(a, f) + ` AND source <> '' AND target <> ''
		GROUP BY source, target ORDER BY COUNT(*) DESC, source, target` + page(a, f.Limit, f.Offset)
	rows, err := s.db.QueryContext(ctx, q, a.vals...)
	if err != nil {
		return nil, fmt.Errorf("query network: %w", err)
	}
	defer rows.Close()
	var out []Edge
	for rows.Next() {
		var e Edge
		var n, coop, conf int64
		if err := rows.Scan(&e.Source, &e.Target, &n, &coop, &conf, &e.GoldsteinMean); err != nil {
			return nil, fmt.Errorf("query network: %w", err)
		}
		e.Events, e.Cooperation, e.Conflict = int(n), int(coop), int(conf)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query network: %w", err)
	}
	return out, nil
}

// Quotes returns quotes whose speaker code equals f.Speaker (any case) or
// whose speaker name contains it, newest first.
func (s *SQL) Quotes(ctx context.Context, f QuoteFilter) ([]event.Quote, error) {
	a := s.newArgs()
	conds := []string{"NOT dup"}
	if f.Speaker != "" {
		conds = append(conds, "(upper(speaker_code) = upper("+a.add(f.Speaker)+") OR speaker ILIKE "+
			a.add(likePattern(f.Speaker))+` ESCAPE '\')`)
	}
	conds = dateRange(a, conds, "date", f.From, f.To)
	q := `SELECT doc_id, date, sentence_index, speaker, speaker_code, quote, sentence, span_start, span_end
		FROM quotes WHERE ` + strings.Join(conds, " AND ") + ` ORDER BY date DESC NULLS LAST, doc_id, seq` +
		page(a, f.Limit, f.Offset)
	rows, err := s.db.QueryContext(ctx, q, a.vals...)
	if err != nil {
		return nil, fmt.Errorf("query quotes: %w", err)
	}
	defer rows.Close()
	var out []event.Quote
	for rows.Next() {
		var qu event.Quote
		var date sql.NullTime
		var si, ss, se int64
		if err := rows.Scan(&qu.DocID, &date, &si, &qu.Speaker, &qu.SpeakerCode, &qu.Quote, &qu.Sentence, &ss, &se); err != nil {
			return nil, fmt.Errorf("query quotes: %w", err)
		}
		if date.Valid {
			qu.Date = date.Time.Format(time.DateOnly)
		}
		qu.SentenceIndex, qu.Span = int(si), event.Span{Start: int(ss), End: int(se)}
		out = append(out, qu)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query quotes: %w", err)
	}
	return out, nil
}

// Stats counts documents, near duplicates, counted events (those of
// near-duplicate documents excluded), quotes and mentions.
func (s *SQL) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	var docs, dups, evs, devs, qs, ms, actors int64
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM documents),
		(SELECT COUNT(*) FROM documents WHERE near_duplicate_of IS NOT NULL),
		(SELECT COUNT(*) FROM events WHERE NOT dup),
		(SELECT COUNT(*) FROM events WHERE dup),
		(SELECT COUNT(*) FROM quotes WHERE NOT dup),
		(SELECT COUNT(*) FROM mentions),
		(SELECT COUNT(*) FROM actors)`).Scan(&docs, &dups, &evs, &devs, &qs, &ms, &actors)
	if err != nil {
		return st, fmt.Errorf("query stats: %w", err)
	}
	st.Documents, st.Duplicates, st.Events, st.Quotes, st.Mentions = int(docs), int(dups), int(evs), int(qs), int(ms)
	st.DuplicateEvents, st.Actors = int(devs), int(actors)
	return st, nil
}

// newArgs starts a parameter list for this store's dialect.
func (s *SQL) newArgs() *args { return &args{tokens: s.d.name == "postgres"} }
