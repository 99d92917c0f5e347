package petrarch

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Coding is one expected event of a unit-test record.
type Coding struct {
	Source, Target, Code string
}

// ConfigOption is a PETRARCH <Config option=".." value=".."> element.
type ConfigOption struct {
	Option, Value string
	Line          int
}

// Record is one <Sentence> of a PETRARCH XML file.
type Record struct {
	ID, Date, Category, Place, Source string
	Text                              string // sentence text, whitespace collapsed
	Parse                             string // Penn Treebank parse as written
	Line                              int    // line of the <Sentence> tag
	Expected                          []Coding
	NoEvents                          bool           // <EventCoding noevents="True">
	ExpectedError                     string         // <EventCoding error="..."> (e.g. "bad_input_parse", "sentencediscard")
	Config                            []ConfigOption // <Config> elements read since the previous record
	Skip, Stop                        bool           // <Skip> / <Stop> inside the record
	// Invalid is set by sentence="false" (or valid="false"): PETRARCH's
	// marker for records testing features it does not implement; its
	// validation skips them when <Include> names "valid".
	Invalid bool
}

// Environment is the <Environment> block of a unit-test file.
type Environment struct {
	Verbfile    string
	Actorfiles  []string
	Agentfile   string
	Discardfile string
	Issuefile   string
	Include     []string
	Exclude     []string
}

// File is a parsed PETRARCH XML file.
type File struct {
	Env     *Environment // nil when the file has none
	Records []Record
	Trailer []ConfigOption // <Config> elements after the last record
}

// MaxXMLBytes bounds the input read by ReadXML and ReadFile.
const MaxXMLBytes = 256 << 20

// ReadXML reads the <Sentence> records of a PETRARCH XML file; name is used
// in errors, which give the line. Malformed XML, invalid UTF-8 and records
// without text are errors.
func ReadXML(r io.Reader, name string) ([]Record, error) {
	f, err := ReadFile(r, name)
	if err != nil {
		return nil, err
	}
	return f.Records, nil
}

// ReadFile reads a PETRARCH XML file including its <Environment> and
// <Config> elements.
func ReadFile(r io.Reader, name string) (*File, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxXMLBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > MaxXMLBytes {
		return nil, fmt.Errorf("read %s: larger than %d bytes", name, MaxXMLBytes)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("read %s: empty file", name)
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("read %s:%d: invalid UTF-8", name, badUTF8Line(data))
	}
	rd := &xmlReader{name: name, data: data, dec: xml.NewDecoder(bytes.NewReader(data)), f: &File{}}
	rd.dec.Strict = true
	if err := rd.run(); err != nil {
		return nil, err
	}
	if len(rd.f.Records) == 0 {
		return nil, fmt.Errorf("read %s: no <Sentence> records", name)
	}
	return rd.f, nil
}

func badUTF8Line(b []byte) int {
	n := 1
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			return n
		}
		if r == '\n' {
			n++
		}
		b = b[size:]
	}
	return n
}

type xmlReader struct {
	name    string
	data    []byte
	dec     *xml.Decoder
	f       *File
	pending []ConfigOption
}

func (x *xmlReader) line() int {
	l, _ := x.dec.InputPos()
	return l
}

func (x *xmlReader) errf(format string, args ...any) error {
	return fmt.Errorf("read %s:%d: %s", x.name, x.line(), fmt.Sprintf(format, args...))
}

func (x *xmlReader) run() error {
	depth := 0
	for {
		tok, err := x.dec.Token()
		if errors.Is(err, io.EOF) {
			if depth != 0 {
				return x.errf("unexpected end of file inside an element")
			}
			x.f.Trailer = x.pending
			return nil
		}
		if err != nil {
			return x.wrap(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := x.start(t); err != nil {
				return err
			}
			if t.Name.Local != "Sentence" && t.Name.Local != "Environment" && t.Name.Local != "Config" {
				depth++
			}
		case xml.EndElement:
			depth--
		}
	}
}

func (x *xmlReader) wrap(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("read %s:%d: malformed XML: %s", x.name, se.Line, se.Msg)
	}
	return fmt.Errorf("read %s:%d: %w", x.name, x.line(), err)
}

func (x *xmlReader) start(t xml.StartElement) error {
	switch t.Name.Local {
	case "Environment":
		env, err := x.environment()
		if err != nil {
			return err
		}
		x.f.Env = env
	case "Config":
		c := ConfigOption{Option: attr(t, "option"), Value: attr(t, "value"), Line: x.line()}
		if err := x.dec.Skip(); err != nil {
			return x.wrap(err)
		}
		x.pending = append(x.pending, c)
	case "Sentence":
		rec, err := x.sentence(t)
		if err != nil {
			return err
		}
		rec.Config, x.pending = x.pending, nil
		x.f.Records = append(x.f.Records, rec)
	}
	return nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if strings.EqualFold(a.Name.Local, name) {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// text reads the character data of the current element up to its end.
func (x *xmlReader) text() (string, error) {
	var b strings.Builder
	for {
		tok, err := x.dec.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return "", x.errf("unexpected end of file")
			}
			return "", x.wrap(err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if err := x.dec.Skip(); err != nil {
				return "", x.wrap(err)
			}
		case xml.EndElement:
			return b.String(), nil
		}
	}
}

func (x *xmlReader) environment() (*Environment, error) {
	env := &Environment{}
	for {
		tok, err := x.dec.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, x.errf("unterminated <Environment>")
			}
			return nil, x.wrap(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return env, nil
		case xml.StartElement:
			if t.Name.Local == "Config" {
				x.pending = append(x.pending, ConfigOption{Option: attr(t, "option"), Value: attr(t, "value"), Line: x.line()})
			}
			v, err := x.text()
			if err != nil {
				return nil, err
			}
			v = strings.TrimSpace(v)
			switch t.Name.Local {
			case "Verbfile":
				env.Verbfile = v
			case "Actorfile":
				for _, a := range strings.Split(v, ",") {
					if a = strings.TrimSpace(a); a != "" {
						env.Actorfiles = append(env.Actorfiles, a)
					}
				}
			case "Agentfile":
				env.Agentfile = v
			case "Discardfile":
				env.Discardfile = v
			case "Issuefile":
				env.Issuefile = v
			case "Include":
				env.Include = strings.Fields(v)
			case "Exclude":
				env.Exclude = strings.Fields(v)
			}
		}
	}
}

func (x *xmlReader) sentence(t xml.StartElement) (Record, error) {
	rec := Record{
		ID: attr(t, "id"), Date: attr(t, "date"), Category: attr(t, "category"),
		Place: attr(t, "place"), Source: attr(t, "source"), Line: x.line(),
		Invalid: strings.EqualFold(attr(t, "sentence"), "false") || strings.EqualFold(attr(t, "valid"), "false"),
	}
	var hasText bool
	for {
		tok, err := x.dec.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return rec, x.errf("unterminated <Sentence> begun at line %d", rec.Line)
			}
			return rec, x.wrap(err)
		}
		switch e := tok.(type) {
		case xml.EndElement:
			if !hasText {
				return rec, fmt.Errorf("read %s:%d: <Sentence id=%q> has no <Text>", x.name, rec.Line, rec.ID)
			}
			return rec, nil
		case xml.StartElement:
			if err := x.child(&rec, e, &hasText); err != nil {
				return rec, err
			}
		}
	}
}

func (x *xmlReader) child(rec *Record, e xml.StartElement, hasText *bool) error {
	switch e.Name.Local {
	case "EventCoding":
		if strings.EqualFold(attr(e, "noevents"), "true") {
			rec.NoEvents = true
		} else if er := attr(e, "error"); er != "" {
			rec.ExpectedError = er
		} else {
			rec.Expected = append(rec.Expected, Coding{
				Source: attr(e, "sourcecode"), Target: attr(e, "targetcode"), Code: attr(e, "eventcode"),
			})
		}
	case "Skip":
		rec.Skip = true
	case "Stop":
		rec.Stop = true
	}
	v, err := x.text()
	if err != nil {
		return err
	}
	switch e.Name.Local {
	case "Text":
		rec.Text = strings.Join(strings.Fields(v), " ")
		*hasText = true
	case "Parse":
		rec.Parse = strings.TrimSpace(v)
	}
	return nil
}
