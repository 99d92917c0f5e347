package scenario

import (
	"fmt"
	"strconv"
	"strings"
)

// Change sets one field of one actor: ACTOR.FIELD[@ISSUE]=VALUE, where
// FIELD is position, salience, capability or risk and ACTOR is an actor's
// id or name.
type Change struct {
	// Actor is the actor's id or name as written.
	Actor string `json:"actor"`
	// Field is position, salience, capability or risk.
	Field string `json:"field"`
	// Issue names the issue for position and salience ("" when the
	// scenario has a single issue).
	Issue string `json:"issue,omitempty"`
	// Value is the new value.
	Value float64 `json:"value"`
}

// String writes the change back in flag syntax.
func (c Change) String() string {
	s := c.Actor + "." + c.Field
	if c.Issue != "" {
		s += "@" + c.Issue
	}
	return s + "=" + strconv.FormatFloat(c.Value, 'g', -1, 64)
}

// ParseChange parses "ACTOR.FIELD[@ISSUE]=VALUE". Actor names may contain
// dots ("U.S."): the field is what follows the last dot.
func ParseChange(s string) (Change, error) {
	eq := strings.LastIndexByte(s, '=')
	if eq < 0 {
		return Change{}, fmt.Errorf("change %q: want ACTOR.FIELD[@ISSUE]=VALUE", s)
	}
	lhs, rhs := strings.TrimSpace(s[:eq]), strings.TrimSpace(s[eq+1:])
	v, err := strconv.ParseFloat(rhs, 64)
	if err != nil || !finite(v) {
		return Change{}, fmt.Errorf("change %q: value %q is not a finite number", s, rhs)
	}
	c := Change{Value: v}
	if at := strings.LastIndexByte(lhs, '@'); at >= 0 {
		lhs, c.Issue = strings.TrimSpace(lhs[:at]), strings.TrimSpace(lhs[at+1:])
	}
	dot := strings.LastIndexByte(lhs, '.')
	if dot <= 0 {
		return Change{}, fmt.Errorf("change %q: want ACTOR.FIELD[@ISSUE]=VALUE", s)
	}
	c.Actor, c.Field = strings.TrimSpace(lhs[:dot]), strings.ToLower(strings.TrimSpace(lhs[dot+1:]))
	switch c.Field {
	case "position", "salience", "capability", "risk":
	default:
		return Change{}, fmt.Errorf("change %q: unknown field %q (want position, salience, capability or risk)", s, c.Field)
	}
	return c, nil
}

// Variation is a parsed what-if: changes and removals.
type Variation struct {
	// Name labels the variation.
	Name string `json:"name"`
	// Changes set fields.
	Changes []Change `json:"changes,omitempty"`
	// Remove drops actors.
	Remove []string `json:"remove,omitempty"`
}

// ParseShock parses a scenario shock and checks it against the scenario.
func (sc *Scenario) ParseShock(sh Shock) (Variation, error) {
	v := Variation{Name: sh.Name, Remove: sh.Remove}
	for _, s := range sh.Set {
		c, err := ParseChange(s)
		if err != nil {
			return v, err
		}
		v.Changes = append(v.Changes, c)
	}
	_, err := sc.Apply(v)
	return v, err
}

// Apply returns a copy of the scenario with the variation applied, shocks
// cleared, validated.
func (sc *Scenario) Apply(v Variation) (*Scenario, error) {
	c, err := sc.apply(v)
	if err != nil {
		return nil, fmt.Errorf("variation %q: %w", v.Name, err)
	}
	return c, nil
}

// Culprit says which part of a variation an error is about: Field "set"
// is Changes[Index], "remove" is Remove[Index], "" the whole variation.
type Culprit struct {
	Field string
	Index int
}

// Check applies each change and removal of v on its own, then all of v,
// and returns the first error with the part at fault, so that callers can
// point at the flag or the line that wrote it.
func (sc *Scenario) Check(v Variation) (Culprit, error) {
	for j, ch := range v.Changes {
		if _, err := sc.apply(Variation{Changes: []Change{ch}}); err != nil {
			return Culprit{Field: "set", Index: j}, err
		}
	}
	for j, r := range v.Remove {
		if _, err := sc.apply(Variation{Remove: []string{r}}); err != nil {
			return Culprit{Field: "remove", Index: j}, err
		}
	}
	_, err := sc.apply(v)
	return Culprit{}, err
}

// apply is Apply with errors that do not name the variation.
func (sc *Scenario) apply(v Variation) (*Scenario, error) {
	c := sc.Clone()
	c.Shocks = nil
	for _, ch := range v.Changes {
		if err := c.applyChange(ch); err != nil {
			return nil, err
		}
	}
	for _, r := range v.Remove {
		i := c.FindActor(r)
		if i < 0 {
			return nil, fmt.Errorf("no such actor %q", r)
		}
		c.Actors = append(c.Actors[:i], c.Actors[i+1:]...)
	}
	if len(c.Actors) == 0 {
		return nil, fmt.Errorf("it removes every actor")
	}
	if err := c.normalize(unplaced{}); err != nil {
		return nil, err
	}
	return c, nil
}

func (sc *Scenario) applyChange(ch Change) error {
	i := sc.FindActor(ch.Actor)
	if i < 0 {
		return fmt.Errorf("no such actor %q", ch.Actor)
	}
	a := &sc.Actors[i]
	switch ch.Field {
	case "capability":
		a.Capability = ch.Value
		return nil
	case "risk":
		a.Risk = ptr(ch.Value)
		return nil
	}
	id := ch.Issue
	if id == "" {
		if len(sc.Issues) != 1 {
			return fmt.Errorf("scenario has %d issues; name one with %s@ISSUE", len(sc.Issues), ch.Field)
		}
		id = sc.Issues[0].ID
	}
	st, ok := a.Stances[id]
	if !ok {
		return fmt.Errorf("actor %q takes no position on issue %q", a.Name, id)
	}
	if ch.Field == "position" {
		st.Position = ptr(ch.Value)
	} else {
		st.Salience = ptr(ch.Value)
	}
	a.Stances[id] = st
	return nil
}
