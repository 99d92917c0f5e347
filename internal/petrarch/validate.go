package petrarch

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/detente-project/detente/internal/dict"
)

// LoadDictionaries loads the dictionaries an <Environment> names from dir.
func LoadDictionaries(env *Environment, dir string) (Dictionaries, error) {
	var d Dictionaries
	if env == nil {
		return d, fmt.Errorf("no <Environment> block")
	}
	if env.Verbfile == "" || len(env.Actorfiles) == 0 || env.Agentfile == "" {
		return d, fmt.Errorf("<Environment> must name <Verbfile>, <Actorfile> and <Agentfile>")
	}
	var err error
	if d.Verbs, err = LoadVerbsFile(filepath.Join(dir, env.Verbfile), dict.DialectAuto); err != nil {
		return d, err
	}
	if d.Actors, err = LoadActorFiles(dir, env.Actorfiles...); err != nil {
		return d, err
	}
	if d.Agents, err = loadFile(filepath.Join(dir, env.Agentfile), dict.LoadAgents); err != nil {
		return d, err
	}
	if env.Discardfile != "" {
		if d.Discards, err = loadFile(filepath.Join(dir, env.Discardfile), dict.LoadDiscards); err != nil {
			return d, err
		}
	}
	if env.Issuefile != "" {
		if d.Issues, err = loadFile(filepath.Join(dir, env.Issuefile), dict.LoadIssues); err != nil {
			return d, err
		}
	}
	return d, nil
}

func loadFile[T any](path string, load func(io.Reader, string) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	return load(f, path)
}

// LoadVerbsFile loads a verb dictionary file.
func LoadVerbsFile(path string, d dict.Dialect) (*dict.Verbs, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return dict.LoadVerbs(f, path, d)
}

// LoadActorFiles loads several actor files into one dictionary.
func LoadActorFiles(dir string, names ...string) (*dict.Actors, error) {
	a := dict.NewActors()
	for _, n := range names {
		f, err := os.Open(filepath.Join(dir, n))
		if err != nil {
			return nil, err
		}
		err = a.Load(f, filepath.Join(dir, n))
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return a, nil
}

// FindDictDir returns the first of the candidate folders that holds the
// named verb file: the file's own folder, then ../dictionaries.
func FindDictDir(xmlPath, verbfile string) (string, error) {
	base := filepath.Dir(xmlPath)
	for _, d := range []string{base, filepath.Join(base, "dictionaries"), filepath.Join(base, "..", "dictionaries")} {
		if _, err := os.Stat(filepath.Join(d, verbfile)); err == nil {
			return d, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
	}
	return "", fmt.Errorf("dictionary %s not found beside %s or in ../dictionaries (use --dict-dir)", verbfile, xmlPath)
}

// Result is the outcome of one unit-test record.
type Result struct {
	Record  Record
	Got     []Coded
	Missing []Coding // expected but not coded
	Extra   []Coding // coded but not expected
	Err     error    // parse or config error: the record fails
	Skipped bool     // <Skip> record
	// ErrorKind is the expected refusal that occurred (e.g. "sentencediscard").
	ErrorKind string
}

// OK reports whether the record was coded exactly.
func (r Result) OK() bool {
	return r.Err == nil && (r.Skipped || len(r.Missing) == 0 && len(r.Extra) == 0)
}

// Summary totals a validation run.
type Summary struct {
	Records, Passed, Failed int
	Uncoded                 int // records with expected events where nothing was coded
	ExtraRecords            int // records with at least one unexpected event
	Errors                  int // records that could not be coded
	Expected, Matched       int // events
	ExtraEvents             int
}

// Validate codes every record with the options changed by <Config>
// elements in file order, and compares with the expected codings.
func Validate(f *File, c *Coder) ([]Result, Summary) {
	return ValidateWith(f, c, false)
}

// ValidateWith is Validate; validOnly leaves out records marked
// sentence="false" (PETRARCH's "valid" include option).
func ValidateWith(f *File, c *Coder, validOnly bool) ([]Result, Summary) {
	o := c.Opts
	o.CheckDiscards = o.CheckDiscards || c.Dicts.Discards != nil
	var out []Result
	var sum Summary
	for _, rec := range f.Records {
		res := Result{Record: rec}
		for _, cfg := range rec.Config {
			if err := o.Apply(cfg); err != nil {
				res.Err = fmt.Errorf("line %d: %w", cfg.Line, err)
			}
		}
		if rec.Stop {
			break
		}
		if validOnly && rec.Invalid {
			continue
		}
		if rec.Skip {
			res.Skipped = true
		} else if res.Err == nil {
			res.Got, res.Err = c.CodeWith(rec, o)
			res.Missing, res.Extra = compare(rec.Expected, res.Got)
			var ce *CodeError
			if errors.As(res.Err, &ce) && ce.Kind == rec.ExpectedError {
				res.Err, res.ErrorKind = nil, ce.Kind
			} else if rec.ExpectedError != "" && res.Err == nil {
				res.Err = fmt.Errorf("expected error %q, coded normally", rec.ExpectedError)
			}
		}
		sum.add(res)
		out = append(out, res)
	}
	return out, sum
}

func (s *Summary) add(r Result) {
	s.Records++
	if r.OK() {
		s.Passed++
	} else {
		s.Failed++
	}
	if r.Err != nil {
		s.Errors++
		return
	}
	s.Expected += len(r.Record.Expected)
	s.Matched += len(r.Record.Expected) - len(r.Missing)
	s.ExtraEvents += len(r.Extra)
	if len(r.Record.Expected) > 0 && len(r.Got) == 0 {
		s.Uncoded++
	}
	if len(r.Extra) > 0 {
		s.ExtraRecords++
	}
}

// compare matches coded events against expected ones as multisets.
func compare(want []Coding, got []Coded) (missing, extra []Coding) {
	left := map[Coding]int{}
	for _, w := range want {
		left[w]++
	}
	for _, g := range got {
		k := Coding{Source: g.Source, Target: g.Target, Code: g.Code}
		if left[k] > 0 {
			left[k]--
			continue
		}
		extra = append(extra, k)
	}
	for _, w := range want {
		if left[w] > 0 {
			left[w]--
			missing = append(missing, w)
		}
	}
	sort.Slice(extra, func(i, j int) bool { return fmt.Sprint(extra[i]) < fmt.Sprint(extra[j]) })
	return missing, extra
}
