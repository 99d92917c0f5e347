package scenario

import (
	"fmt"
	"math"
	"strings"
)

// position reports where a field lives, for error messages: YAML paths
// tried in order, or a fixed line (CSV).
type position interface {
	errAt(paths []string, format string, args ...any) error
}

// unplaced reports errors without a location, for scenarios changed in
// code, whose errors the caller places.
type unplaced struct{}

func (unplaced) errAt(_ []string, format string, args ...any) error {
	return fmt.Errorf(format, args...)
}

// fixedLines maps actor index to a CSV line.
type fixedLines struct {
	name  string
	lines []int
}

func (f fixedLines) errAt(paths []string, format string, args ...any) error {
	line := 1
	var i int
	if len(paths) > 0 {
		if _, err := fmt.Sscanf(paths[len(paths)-1], "$.actors[%d]", &i); err == nil && i < len(f.lines) {
			line = f.lines[i]
		}
	}
	return errAt(f.name, line, format, args...)
}

// normalize fills defaults, folds the single-issue shorthand into stances
// and validates everything, reporting the line of the first problem.
func (sc *Scenario) normalize(p position) error {
	if len(sc.Actors) == 0 {
		return p.errAt([]string{"$.actors", "$"}, "empty scenario: no actors")
	}
	if len(sc.Issues) == 0 {
		return p.errAt([]string{"$.issues", "$"}, "scenario has no issues")
	}
	if err := sc.checkIssues(p); err != nil {
		return err
	}
	seen := map[string]int{}
	for i := range sc.Actors {
		if err := sc.checkActor(p, i, seen); err != nil {
			return err
		}
	}
	for k, is := range sc.Issues {
		if err := sc.checkWeights(p, k, is.ID); err != nil {
			return err
		}
	}
	for k, sh := range sc.Shocks {
		if err := sc.checkShock(p, k, sh); err != nil {
			return err
		}
	}
	return nil
}

// checkShock parses and applies shock k, reporting the line of the entry
// under set or remove at fault, else the shock's.
func (sc *Scenario) checkShock(p position, k int, sh Shock) error {
	at := fmt.Sprintf("$.shocks[%d]", k)
	v := Variation{Name: sh.Name, Remove: sh.Remove}
	for j, s := range sh.Set {
		c, err := ParseChange(s)
		if err != nil {
			return p.errAt([]string{fmt.Sprintf("%s.set[%d]", at, j), at}, "shock %q: %v", sh.Name, err)
		}
		v.Changes = append(v.Changes, c)
	}
	cul, err := sc.Check(v)
	if err == nil {
		return nil
	}
	if cul.Field == "" {
		return p.errAt([]string{at}, "shock %q: %v", sh.Name, err)
	}
	part := sh.Set
	if cul.Field == "remove" {
		part = sh.Remove
	}
	return p.errAt([]string{fmt.Sprintf("%s.%s[%d]", at, cul.Field, cul.Index), at},
		"shock %q: %s %q: %v", sh.Name, cul.Field, part[cul.Index], err)
}

func (sc *Scenario) checkIssues(p position) error {
	ids := map[string]bool{}
	for k := range sc.Issues {
		is := &sc.Issues[k]
		at := []string{fmt.Sprintf("$.issues[%d]", k)}
		if is.ID == "" {
			is.ID = Slug(is.Name)
		}
		if is.ID == "" {
			return p.errAt(at, "issue %d has neither id nor name", k+1)
		}
		if ids[is.ID] {
			return p.errAt(at, "duplicate issue %q", is.ID)
		}
		ids[is.ID] = true
		if !(is.Scale.Max > is.Scale.Min) || !finite(is.Scale.Max-is.Scale.Min) {
			return p.errAt(append([]string{fmt.Sprintf("$.issues[%d].scale", k)}, at...),
				"issue %q: scale needs finite min < max, got [%g, %g]", is.ID, is.Scale.Min, is.Scale.Max)
		}
		for a, an := range is.Anchors {
			if !is.contains(an.Value) {
				return p.errAt([]string{fmt.Sprintf("$.issues[%d].anchors[%d]", k, a)},
					"issue %q: anchor %g outside scale [%g, %g]", is.ID, an.Value, is.Scale.Min, is.Scale.Max)
			}
		}
	}
	return nil
}

func (sc *Scenario) checkActor(p position, i int, seen map[string]int) error {
	a := &sc.Actors[i]
	at := fmt.Sprintf("$.actors[%d]", i)
	a.Name = strings.TrimSpace(a.Name)
	if a.Name == "" {
		return p.errAt([]string{at}, "actor %d has no name", i+1)
	}
	if a.ID == "" {
		a.ID = Slug(a.Name)
	}
	for _, key := range []string{"name:" + strings.ToLower(a.Name), "id:" + strings.ToLower(a.ID)} {
		if j, dup := seen[key]; dup {
			return p.errAt([]string{at + ".name", at}, "duplicate actor %q (also actor %d)", a.Name, j+1)
		}
		seen[key] = i
	}
	if err := foldFaction(a); err != nil {
		return p.errAt([]string{at + ".faction", at}, "%v", err)
	}
	if !finite(a.Capability) || a.Capability < 0 {
		return p.errAt([]string{at + ".capability", at}, "actor %q: capability %g must be a finite number >= 0", a.Name, a.Capability)
	}
	if a.Risk != nil && !(*a.Risk >= -1 && *a.Risk <= 1) {
		return p.errAt([]string{at + ".risk", at}, "actor %q: risk %g outside [-1, 1]", a.Name, *a.Risk)
	}
	if err := sc.foldShorthand(p, i); err != nil {
		return err
	}
	for id, st := range a.Stances {
		if err := sc.checkStance(p, i, id, st); err != nil {
			return err
		}
	}
	return nil
}

// foldFaction moves Faction, the alias of Group, into Group.
func foldFaction(a *Actor) error {
	g, f := strings.TrimSpace(a.Group), strings.TrimSpace(a.Faction)
	if g != "" && f != "" && g != f {
		return fmt.Errorf("actor %q: group %q and faction %q differ (they are the same field; give one)", a.Name, g, f)
	}
	if g == "" {
		g = f
	}
	a.Group, a.Faction = g, ""
	return nil
}

// foldShorthand moves actor-level position/salience into Stances.
func (sc *Scenario) foldShorthand(p position, i int) error {
	a := &sc.Actors[i]
	at := fmt.Sprintf("$.actors[%d]", i)
	if a.Position == nil && a.Salience == nil {
		if len(a.Stances) == 0 {
			return p.errAt([]string{at}, "actor %q takes no position on any issue", a.Name)
		}
		return nil
	}
	if len(sc.Issues) != 1 {
		return p.errAt([]string{at + ".position", at}, "actor %q: position/salience shorthand needs exactly one issue; use issues: {ID: {position, salience}}", a.Name)
	}
	if len(a.Stances) > 0 {
		return p.errAt([]string{at + ".issues", at}, "actor %q: give position/salience either directly or under issues, not both", a.Name)
	}
	a.Stances = map[string]Stance{sc.Issues[0].ID: {Position: a.Position, Salience: a.Salience}}
	a.Position, a.Salience = nil, nil
	return nil
}

func (sc *Scenario) checkStance(p position, i int, id string, st Stance) error {
	a := sc.Actors[i]
	at := fmt.Sprintf("$.actors[%d]", i)
	here := []string{fmt.Sprintf("%s.issues.%s", at, id), at + ".position", at}
	is, ok := sc.Issue(id)
	if !ok {
		return p.errAt(here, "actor %q: unknown issue %q", a.Name, id)
	}
	if st.Position == nil {
		return p.errAt(here, "actor %q: no position on issue %q", a.Name, id)
	}
	if st.Salience == nil {
		return p.errAt(here, "actor %q: no salience on issue %q", a.Name, id)
	}
	if !is.contains(*st.Position) {
		return p.errAt(append([]string{fmt.Sprintf("%s.issues.%s.position", at, id), at + ".position"}, here...),
			"actor %q: position %g outside scale [%g, %g] of issue %q", a.Name, *st.Position, is.Scale.Min, is.Scale.Max, id)
	}
	if !(*st.Salience >= 0 && *st.Salience <= 1) {
		return p.errAt(append([]string{fmt.Sprintf("%s.issues.%s.salience", at, id), at + ".salience"}, here...),
			"actor %q: salience %g outside [0, 1] on issue %q", a.Name, *st.Salience, id)
	}
	return nil
}

// Validate re-checks a scenario built or changed in code.
func (sc *Scenario) Validate() error {
	return sc.normalize(fixedLines{name: sc.File})
}

// MaxActors is the most actors that may take a position on one issue. The
// models' rounds cost O(n^3) (every actor weighs every rival against every
// third party's vote), so 200 actors take about 1 s with EUM and 5 s with
// SMP on one core, 500 actors 15 s and minutes, 1,000 two minutes and more.
const MaxActors = 200

// checkWeights reports issue k at its line if no actor takes a position
// on it, or more than MaxActors do (at the first one too many), or the
// actors' weights (capability x salience) add up to zero,
// leaving the models nothing to weigh, or overflow.
func (sc *Scenario) checkWeights(p position, k int, id string) error {
	at := []string{fmt.Sprintf("$.issues[%d]", k)}
	if sc.count(id) == 0 {
		return p.errAt(at, "issue %q: no actor takes a position on it", id)
	}
	total, n := 0.0, 0
	for i, a := range sc.Actors {
		st, ok := a.Stances[id]
		if !ok || st.Salience == nil {
			continue
		}
		if n++; n > MaxActors {
			return p.errAt([]string{fmt.Sprintf("$.actors[%d]", i)}, "issue %q: more than %d actors take a position on it (%d do)",
				id, MaxActors, sc.count(id))
		}
		total += a.Capability * *st.Salience
	}
	if total == 0 {
		return p.errAt(at, "issue %q: every actor has capability x salience 0, so no position carries any weight", id)
	}
	if math.IsInf(total, 0) {
		return p.errAt(at, "issue %q: total capability x salience overflows; use smaller capabilities", id)
	}
	return nil
}

// count is the number of actors with a stance on issue id.
func (sc *Scenario) count(id string) int {
	n := 0
	for _, a := range sc.Actors {
		if _, ok := a.Stances[id]; ok {
			n++
		}
	}
	return n
}

func (is Issue) contains(x float64) bool { return x >= is.Scale.Min && x <= is.Scale.Max }

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
