// Package cameo is detente's CAMEO event codebook: every CAMEO 1.1b3 event
// code (20 roots and their 3- and 4-digit sub-codes) with its name, Goldstein
// weight, GDELT quad class and PLOVER mapping (type, mode, context).
//
// The data lives in the plain-text file data/cameo.txt, embedded at build
// time; its header documents the format and cites the sources (CAMEO manual
// 1.1b3, GDELT's CAMEO.goldsteinscale.txt, PLOVER's CAMEO2PLOVER-2021.txt).
package cameo

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
)

//go:embed data/cameo.txt
var codebookText string

// codebookFile is the name used in error messages for the embedded data.
const codebookFile = "internal/cameo/data/cameo.txt"

// Code describes one CAMEO event code.
type Code struct {
	Code          string  // "0874"
	Name          string  // "Retreat or surrender militarily"
	Root          string  // "08"
	Goldstein     float64 // Goldstein weight in [-10, 10] (GDELT table)
	QuadClass     int     // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict (GDELT)
	PLOVER        string  // one of PLOVERTypes, or "" where PLOVER drops the category (CAMEO 01)
	PLOVERMode    string  // PLOVER mode, "" if none
	PLOVERContext string  // PLOVER context(s), ";"-separated, "" if none
}

// Quad class values (GDELT Event Codebook V2.0).
const (
	VerbalCooperation   = 1
	MaterialCooperation = 2
	VerbalConflict      = 3
	MaterialConflict    = 4
)

// PLOVERTypes lists the 16 PLOVER event types, cooperative to conflictual.
var PLOVERTypes = []string{
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
	"REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
	"MOBILIZE", "COERCE", "ASSAULT",
}

// IsPLOVERType reports whether t is one of the 16 PLOVER event types.
func IsPLOVERType(t string) bool {
	for _, p := range PLOVERTypes {
		if p == t {
			return true
		}
	}
	return false
}

// Codebook is a parsed, validated CAMEO codebook.
type Codebook struct {
	codes  []Code
	byCode map[string]int
}

var (
	defaultOnce sync.Once
	defaultBook *Codebook
)

// Default returns the embedded codebook. The embedded file is validated by
// the package tests, so a parse failure here is a build defect and panics.
func Default() *Codebook {
	defaultOnce.Do(func() {
		b, err := Parse(codebookFile, strings.NewReader(codebookText))
		if err != nil {
			panic(fmt.Sprintf("cameo: embedded codebook is invalid: %v", err))
		}
		defaultBook = b
	})
	return defaultBook
}

// Lookup returns the embedded codebook entry for a code. The code is
// normalised first (see Normalize), so "10", " 010 ", "1" and "40" work.
func Lookup(code string) (Code, bool) { return Default().Lookup(code) }

// All returns every code of the embedded codebook in code order.
func All() []Code { return Default().All() }

// Normalize returns the canonical form of a CAMEO code as found in the
// embedded codebook, or "" if it is unknown. See (*Codebook).Normalize.
func Normalize(code string) string { return Default().Normalize(code) }

// Root returns the 2-digit root of a code ("0874" -> "08", "10" -> "10"),
// or "" if the code is unknown.
func Root(code string) string {
	c, ok := Lookup(code)
	if !ok {
		return ""
	}
	return c.Root
}

// Lookup returns the entry for a code after normalisation.
func (b *Codebook) Lookup(code string) (Code, bool) {
	i, ok := b.byCode[b.Normalize(code)]
	if !ok {
		return Code{}, false
	}
	return b.codes[i], true
}

// All returns a copy of all codes, sorted by code.
func (b *Codebook) All() []Code {
	out := make([]Code, len(b.codes))
	copy(out, b.codes)
	return out
}

// Len returns the number of codes.
func (b *Codebook) Len() int { return len(b.codes) }

// Normalize maps the spellings found in event data to a code of the book:
// surrounding blanks are trimmed; a single digit "1" is root "01"; a code
// that is not in the book is retried with a leading zero, which recovers
// codes whose leading zero was lost by integer conversion ("40" -> "040",
// "211" -> "0211"). Roots win over such repairs: "10" is root 10 (DEMAND),
// never 010. It returns "" for unknown codes.
func (b *Codebook) Normalize(code string) string {
	s := strings.TrimSpace(code)
	if s == "" || !allDigits(s) {
		return ""
	}
	if _, ok := b.byCode[s]; ok {
		return s
	}
	if len(s) == 2 && rootNumber(s) >= 1 && rootNumber(s) <= 20 {
		return "" // a root name is never repaired into a 3-digit code
	}
	if len(s) < 4 {
		if _, ok := b.byCode["0"+s]; ok {
			return "0" + s
		}
	}
	return ""
}

// Children returns the direct sub-codes of a code ("14" -> 140..145,
// "141" -> 1411..1414), sorted.
func (b *Codebook) Children(code string) []Code {
	n := b.Normalize(code)
	if n == "" {
		return nil
	}
	var out []Code
	for _, c := range b.codes {
		if len(c.Code) == len(n)+1 && strings.HasPrefix(c.Code, n) {
			out = append(out, c)
		}
	}
	return out
}

// Parent returns the code one level up ("1411" -> "141", "141" -> "14"),
// or "" for a root or an unknown code.
func Parent(code string) string {
	c, ok := Lookup(code)
	if !ok || len(c.Code) == 2 {
		return ""
	}
	return c.Code[:len(c.Code)-1]
}

// GDELTQuad returns the GDELT quad class of a root "01".."20": 1 for 01-05,
// 2 for 06-08, 3 for 09-13, 4 for 14-20; 0 for anything else.
func GDELTQuad(root string) int {
	r := rootNumber(root)
	switch {
	case r >= 1 && r <= 5:
		return VerbalCooperation
	case r >= 6 && r <= 8:
		return MaterialCooperation
	case r >= 9 && r <= 13:
		return VerbalConflict
	case r >= 14 && r <= 20:
		return MaterialConflict
	}
	return 0
}

// PhoenixQuad returns the quad class the Phoenix data set (OEDA
// phoenix_pipeline, postprocess.py) assigns to a root: 0 "neutral" for 01-02,
// 1 for 03-05, 2 for 06-08, 3 for 09-13 and 16, 4 for 14, 15 and 17-20.
// It returns -1 for an invalid root.
func PhoenixQuad(root string) int {
	r := rootNumber(root)
	switch {
	case r == 1 || r == 2:
		return 0
	case r >= 3 && r <= 5:
		return 1
	case r >= 6 && r <= 8:
		return 2
	case (r >= 9 && r <= 13) || r == 16:
		return 3
	case r >= 14 && r <= 20:
		return 4
	}
	return -1
}

// QuadName returns a label for a quad class ("verbal cooperation", ...).
func QuadName(q int) string {
	switch q {
	case VerbalCooperation:
		return "verbal cooperation"
	case MaterialCooperation:
		return "material cooperation"
	case VerbalConflict:
		return "verbal conflict"
	case MaterialConflict:
		return "material conflict"
	}
	return ""
}

// rootNumber parses a 2-digit root "01".."20"; it returns 0 otherwise.
func rootNumber(root string) int {
	if len(root) != 2 || !allDigits(root) {
		return 0
	}
	return int(root[0]-'0')*10 + int(root[1]-'0')
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// sortCodes orders codes lexically, which for CAMEO is tree order
// ("01" < "010" < "011" < ... < "02").
func sortCodes(codes []Code) {
	sort.Slice(codes, func(i, j int) bool { return codes[i].Code < codes[j].Code })
}
