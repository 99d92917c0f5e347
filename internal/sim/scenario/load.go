package scenario

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// MaxSize is the largest scenario file accepted (bytes).
const MaxSize = 8 << 20

// Load reads a scenario from a file: CSV if the name ends in .csv, YAML
// otherwise.
func Load(path string) (*Scenario, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load scenario: %w", err)
	}
	return Parse(path, data)
}

// LoadFS reads a scenario from a file system, such as an embedded one.
func LoadFS(fsys fs.FS, name string) (*Scenario, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("load scenario: %w", err)
	}
	return Parse(name, data)
}

// Parse decodes and validates a scenario; name is used in error messages
// and picks the format (.csv or YAML).
func Parse(name string, data []byte) (sc *Scenario, err error) {
	defer func() {
		if r := recover(); r != nil { // a decoder bug must not crash the caller
			sc, err = nil, fmt.Errorf("%s:1: cannot parse scenario: %v", name, r)
		}
	}()
	if err := checkText(name, data); err != nil {
		return nil, err
	}
	if strings.EqualFold(filepath.Ext(name), ".csv") {
		sc, err = parseCSV(name, data)
	} else {
		sc, err = parseYAML(name, data)
	}
	if err != nil {
		return nil, err
	}
	sc.File = name
	return sc, nil
}

// checkText rejects input that is not a text file.
func checkText(name string, data []byte) error {
	if len(data) > MaxSize {
		return fmt.Errorf("%s:1: file is %d bytes, larger than the %d-byte limit", name, len(data), MaxSize)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return errAt(name, lineAt(data, i), "binary data (NUL byte) in scenario")
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		return errAt(name, lineAt(data, i), "invalid UTF-8")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return errAt(name, 1, "empty scenario")
	}
	return nil
}

// lineAt is the 1-based line holding byte offset i.
func lineAt(data []byte, i int) int { return bytes.Count(data[:i], []byte{'\n'}) + 1 }

// parseYAML decodes strictly (unknown fields are errors) and validates.
func parseYAML(name string, data []byte) (*Scenario, error) {
	file, err := parseLimited(name, data)
	if err != nil {
		return nil, err
	}
	var sc Scenario
	if err := yaml.UnmarshalWithOptions(data, &sc, yaml.DisallowUnknownField()); err != nil {
		return nil, yamlError(name, err)
	}
	loc := locator{name: name, file: file}
	if err := sc.normalize(loc); err != nil {
		return nil, err
	}
	return &sc, nil
}

// parseLimited parses YAML after checking its nesting depth, then checks
// what its aliases expand to, so that decoding stays linear in the input.
func parseLimited(name string, data []byte) (*ast.File, error) {
	tokens := lexer.Tokenize(string(data))
	if err := checkDepth(name, tokens); err != nil {
		return nil, err
	}
	file, err := parser.Parse(tokens, 0)
	if err != nil {
		return nil, yamlError(name, err)
	}
	if err := checkAliases(name, file); err != nil {
		return nil, err
	}
	return file, nil
}

// yamlError rewrites a go-yaml error as "file:line: message".
func yamlError(name string, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		tk := ye.GetToken()
		if f, perr := strconv.ParseFloat(tk.Value, 64); tk.Type == token.StringType && math.IsInf(f, 0) && errors.Is(perr, strconv.ErrRange) {
			return errAt(name, tk.Position.Line, "number %s is out of range (beyond ±%g)", abbreviate(tk.Value), math.MaxFloat64)
		}
		return errAt(name, tk.Position.Line, "%s", ye.GetMessage())
	}
	return fmt.Errorf("%s:1: %w", name, err)
}

// abbreviate shortens s to about 24 bytes for an error message.
func abbreviate(s string) string {
	if len(s) <= 24 {
		return s
	}
	return s[:20] + "..."
}

// locator finds the line of a YAML path, for validation errors.
type locator struct {
	name string
	file *ast.File
}

// errAt returns an error at the first of paths that exists in the file.
func (l locator) errAt(paths []string, format string, args ...any) error {
	return errAt(l.name, l.line(paths...), format, args...)
}

// line returns the line of the first path found, else 1.
func (l locator) line(paths ...string) int {
	if l.file == nil {
		return 1
	}
	for _, p := range paths {
		yp, err := yaml.PathString(p)
		if err != nil {
			continue
		}
		n, err := yp.FilterFile(l.file)
		if err != nil || n == nil || n.GetToken() == nil {
			continue
		}
		return n.GetToken().Position.Line
	}
	return 1
}
