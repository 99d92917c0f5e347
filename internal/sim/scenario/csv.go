package scenario

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
)

// csvColumns are the recognised header names; the first four are the
// classic table of Bueno de Mesquita (1994, table 4.1).
// "faction" is another name for "group".
var csvColumns = []string{"actor", "capability", "position", "salience", "risk", "group", "faction", "notes"}

// parseCSV reads the classic table actor,capability,position,salience
// (optional header; optional risk, group or faction, and notes columns named in the
// header; lines starting with # are comments). The scenario has one issue
// whose scale is given by a comment line "# scale: MIN MAX", or else spans
// the positions.
func parseCSV(name string, data []byte) (*Scenario, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comment = '#'
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	cols := map[string]int{"actor": 0, "capability": 1, "position": 2, "salience": 3}
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	sc := &Scenario{Title: base, Issues: []Issue{{ID: "issue", Name: base}}}
	var lines []int
	first := true
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, errAt(name, pe.Line, "%v", pe.Err)
			}
			return nil, errAt(name, 1, "%v", err)
		}
		line, _ := r.FieldPos(0)
		if first && isHeader(rec) {
			first = false
			if cols, err = headerColumns(rec); err != nil {
				return nil, errAt(name, line, "%v", err)
			}
			continue
		}
		first = false
		a, err := csvActor(rec, cols)
		if err != nil {
			return nil, errAt(name, line, "%v", err)
		}
		sc.Actors = append(sc.Actors, a)
		lines = append(lines, line)
	}
	if len(sc.Actors) == 0 {
		return nil, errAt(name, 1, "empty scenario: no actors")
	}
	sc.Issues[0].Scale = csvScale(sc.Actors)
	if s, err := scaleDirective(name, data); err != nil || s != nil {
		if err != nil {
			return nil, err
		}
		sc.Issues[0].Scale = *s
	}
	if err := sc.normalize(fixedLines{name: name, lines: lines}); err != nil {
		return nil, err
	}
	return sc, nil
}

// isHeader is true when the capability column is not a number.
func isHeader(rec []string) bool {
	if len(rec) < 2 {
		return true
	}
	_, err := strconv.ParseFloat(strings.TrimSpace(rec[1]), 64)
	return err != nil
}

func headerColumns(rec []string) (map[string]int, error) {
	cols := map[string]int{}
	for i, h := range rec {
		h = strings.ToLower(strings.TrimSpace(h))
		known := false
		for _, c := range csvColumns {
			known = known || c == h
		}
		if !known {
			return nil, errors.New("unknown column " + strconv.Quote(h) + "; want " + strings.Join(csvColumns, ","))
		}
		cols[h] = i
	}
	for _, need := range csvColumns[:4] {
		if _, ok := cols[need]; !ok {
			return nil, errors.New("missing column " + strconv.Quote(need))
		}
	}
	return cols, nil
}

func csvActor(rec []string, cols map[string]int) (Actor, error) {
	get := func(c string) string {
		i, ok := cols[c]
		if !ok || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	num := func(c string) (float64, error) {
		v, err := strconv.ParseFloat(get(c), 64)
		if err != nil {
			return 0, errors.New(c + " " + strconv.Quote(get(c)) + " is not a number")
		}
		return v, nil
	}
	if len(rec) < 4 {
		return Actor{}, errors.New("want at least 4 fields actor,capability,position,salience")
	}
	a := Actor{Name: get("actor"), Group: get("group"), Faction: get("faction"), Notes: get("notes")}
	var err error
	if a.Capability, err = num("capability"); err != nil {
		return a, err
	}
	pos, err := num("position")
	if err != nil {
		return a, err
	}
	sal, err := num("salience")
	if err != nil {
		return a, err
	}
	a.Position, a.Salience = ptr(pos), ptr(sal)
	if get("risk") != "" {
		risk, err := num("risk")
		if err != nil {
			return a, err
		}
		a.Risk = ptr(risk)
	}
	return a, nil
}

// scaleDirective finds a "# scale: MIN MAX" comment line.
func scaleDirective(name string, data []byte) (*Scale, error) {
	for i, line := range strings.Split(string(data), "\n") {
		rest, ok := strings.CutPrefix(strings.TrimSpace(line), "#")
		if !ok {
			continue
		}
		rest, ok = strings.CutPrefix(strings.TrimSpace(rest), "scale:")
		if !ok {
			continue
		}
		var s Scale
		f := strings.Fields(rest)
		if len(f) != 2 {
			return nil, errAt(name, i+1, "want \"# scale: MIN MAX\"")
		}
		var err1, err2 error
		s.Min, err1 = strconv.ParseFloat(f[0], 64)
		s.Max, err2 = strconv.ParseFloat(f[1], 64)
		if err1 != nil || err2 != nil || !(s.Max > s.Min) || !finite(s.Max-s.Min) {
			return nil, errAt(name, i+1, "scale %q: want numbers MIN < MAX", rest)
		}
		return &s, nil
	}
	return nil, nil
}

// csvScale spans the positions given (widened by one if they coincide),
// as the replications of Scholz et al. normalise by the positions' range.
func csvScale(actors []Actor) Scale {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, a := range actors {
		lo, hi = math.Min(lo, *a.Position), math.Max(hi, *a.Position)
	}
	if !(hi > lo) {
		lo, hi = lo-1, hi+1
	}
	return Scale{Min: lo, Max: hi}
}
