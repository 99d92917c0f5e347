// Package scenario reads and validates bargaining scenarios: issues with a
// scale and labelled anchors, actors with capability, positions and
// salience, and what-if shocks. Scenarios are YAML files or the classic
// four-column CSV table actor,capability,position,salience. Errors name
// the file and line.
//
// The YAML format, with every field (unknown fields are errors):
//
//	title: Iran-U.S. standoff (2025)
//	description: free text
//	notes: where the values come from (say if they are judgements)
//	sources: ["outlet, date: what it reported", ...]
//	issues:
//	  - id: talks                       # short key, default: slug of name
//	    name: Iran's engagement with U.S.-led talks
//	    description: free text
//	    scale: {min: 0, max: 100, unit: ""}
//	    anchors:
//	      - {value: 0, label: refuse all talks}
//	actors:
//	  - id: khamenei                    # short key, default: slug of name
//	    name: Supreme Leader Khamenei   # unique (case-insensitive)
//	    group: faction or camp          # or faction: (same field)
//	    capability: 100                 # >= 0, any unit
//	    risk: 0                         # optional, in [-1, 1]
//	    issues:                         # one entry per issue the actor is in
//	      talks: {position: 20, salience: 0.9}   # salience in [0, 1]
//	    # or, in single-issue scenarios: position: 20, salience: 0.9
//	    notes: why these values
//	    sources: [...]
//	shocks:                             # what-ifs compared with the baseline
//	  - name: Khamenei authorises direct talks
//	    set: ["khamenei.position@talks=60"]   # ACTOR.FIELD[@ISSUE]=VALUE
//	    remove: ["israel"]
//
// Limits: files up to MaxSize bytes, YAML nested at most MaxDepth levels
// and expanding to at most MaxNodes nodes through aliases, and at most
// MaxActors actors taking a position on any one issue.
//
// The CSV format is the classic table actor,capability,position,salience
// (header optional; optional columns risk, group (or faction), notes when
// named in the header; # starts a comment line). Its single issue, "issue", is on the
// scale a comment line "# scale: MIN MAX" gives, or spans the positions.
package scenario

import (
	"fmt"
	"math"
	"strings"
)

// Scenario is a complete bargaining situation.
type Scenario struct {
	// Title names the scenario.
	Title string `yaml:"title" json:"title"`
	// Description says what it is about.
	Description string `yaml:"description" json:"description,omitempty"`
	// Notes carry caveats, e.g. that values are analyst judgements.
	Notes string `yaml:"notes" json:"notes,omitempty"`
	// Sources lists the public reporting the values rest on.
	Sources []string `yaml:"sources" json:"sources,omitempty"`
	// Issues are the dimensions bargained over.
	Issues []Issue `yaml:"issues" json:"issues"`
	// Actors are the stakeholders.
	Actors []Actor `yaml:"actors" json:"actors"`
	// Shocks are named what-if variations run beside the baseline.
	Shocks []Shock `yaml:"shocks" json:"shocks,omitempty"`
	// File is where the scenario was read from.
	File string `yaml:"-" json:"file,omitempty"`
}

// Issue is one dimension of the bargaining.
type Issue struct {
	// ID is a short key used in actors' stances and in shocks.
	ID string `yaml:"id" json:"id"`
	// Name is the human-readable question.
	Name string `yaml:"name" json:"name"`
	// Description explains the scale.
	Description string `yaml:"description" json:"description,omitempty"`
	// Scale bounds the positions.
	Scale Scale `yaml:"scale" json:"scale"`
	// Anchors label points on the scale.
	Anchors []Anchor `yaml:"anchors" json:"anchors,omitempty"`
}

// Scale is the interval positions live on.
type Scale struct {
	// Min and Max bound the scale.
	Min float64 `yaml:"min" json:"min"`
	Max float64 `yaml:"max" json:"max"`
	// Unit names what the numbers measure, if anything.
	Unit string `yaml:"unit" json:"unit,omitempty"`
}

// Anchor labels one point of a scale.
type Anchor struct {
	// Value is the point.
	Value float64 `yaml:"value" json:"value"`
	// Label says what the point means.
	Label string `yaml:"label" json:"label"`
}

// Actor is one stakeholder.
type Actor struct {
	// ID is a short key for shocks; defaults to a slug of Name.
	ID string `yaml:"id" json:"id"`
	// Name is the display name.
	Name string `yaml:"name" json:"name"`
	// Group is the faction or camp the actor belongs to.
	Group string `yaml:"group" json:"group,omitempty"`
	// Faction is another name for Group in input files; loading moves it
	// into Group (it is an error to give both, differently).
	Faction string `yaml:"faction" json:"-"`
	// Capability is the actor's power to influence outcomes (>= 0).
	Capability float64 `yaml:"capability" json:"capability"`
	// Risk, if set, fixes the actor's risk attitude in [-1, 1]
	// (-1 risk averse, 0 neutral, 1 risk acceptant).
	Risk *float64 `yaml:"risk" json:"risk,omitempty"`
	// Position and Salience are shorthand for single-issue scenarios.
	Position *float64 `yaml:"position" json:"-"`
	Salience *float64 `yaml:"salience" json:"-"`
	// Stances map issue IDs to the actor's position and salience.
	Stances map[string]Stance `yaml:"issues" json:"issues"`
	// Notes justify the values.
	Notes string `yaml:"notes" json:"notes,omitempty"`
	// Sources back the notes.
	Sources []string `yaml:"sources" json:"sources,omitempty"`
}

// Stance is an actor's view on one issue.
type Stance struct {
	// Position is the preferred outcome on the issue's scale.
	Position *float64 `yaml:"position" json:"position"`
	// Salience in [0, 1] is how much the issue matters to the actor.
	Salience *float64 `yaml:"salience" json:"salience"`
	// Notes justify the values.
	Notes string `yaml:"notes" json:"notes,omitempty"`
}

// Shock is a named what-if: changes to apply to the baseline.
type Shock struct {
	// Name labels the shock in reports.
	Name string `yaml:"name" json:"name"`
	// Description says what the shock represents.
	Description string `yaml:"description" json:"description,omitempty"`
	// Set lists changes "ACTOR.FIELD[@ISSUE]=VALUE".
	Set []string `yaml:"set" json:"set,omitempty"`
	// Remove lists actors to drop.
	Remove []string `yaml:"remove" json:"remove,omitempty"`
}

// Issue returns the issue with the given ID.
func (s *Scenario) Issue(id string) (Issue, bool) {
	for _, is := range s.Issues {
		if is.ID == id {
			return is, true
		}
	}
	return Issue{}, false
}

// FindActor returns the index of the actor whose ID or name matches key
// (case-insensitive), or -1.
func (s *Scenario) FindActor(key string) int {
	k := strings.TrimSpace(key)
	for i, a := range s.Actors {
		if strings.EqualFold(a.ID, k) || strings.EqualFold(a.Name, k) {
			return i
		}
	}
	return -1
}

// Clone returns a deep copy.
func (s *Scenario) Clone() *Scenario {
	c := *s
	c.Sources = append([]string(nil), s.Sources...)
	c.Issues = append([]Issue(nil), s.Issues...)
	c.Shocks = append([]Shock(nil), s.Shocks...)
	c.Actors = make([]Actor, len(s.Actors))
	for i, a := range s.Actors {
		a.Risk = clonePtr(a.Risk)
		a.Position, a.Salience = clonePtr(a.Position), clonePtr(a.Salience)
		st := make(map[string]Stance, len(a.Stances))
		for k, v := range a.Stances {
			st[k] = Stance{Position: clonePtr(v.Position), Salience: clonePtr(v.Salience), Notes: v.Notes}
		}
		a.Stances = st
		c.Actors[i] = a
	}
	return &c
}

// NearestAnchor returns the label of the anchor closest to x, or "".
func (is Issue) NearestAnchor(x float64) string {
	best, label := math.Inf(1), ""
	for _, a := range is.Anchors {
		if d := math.Abs(a.Value - x); d < best {
			best, label = d, a.Label
		}
	}
	return label
}

// Slug turns a name into a lower-case ID of letters, digits and dashes.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		ok := (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9')
		if ok {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func clonePtr(p *float64) *float64 {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// ptr returns a pointer to v.
func ptr(v float64) *float64 { return &v }

// errAt formats an error naming file and line.
func errAt(file string, line int, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, args...))
}

// Range is Max - Min.
func (s Scale) Range() float64 { return s.Max - s.Min }
