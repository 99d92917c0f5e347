package petrarch

import (
	"bytes"
	"os"
	"testing"
)

func FuzzReadXML(f *testing.F) {
	b, err := os.ReadFile("testdata/mini.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("<Sentences><Sentence id='a' date='1'><Text>x</Text><Parse>(S (NP (NN x)))</Parse></Sentence></Sentences>"))
	f.Add([]byte("<Sentences><Sentence><Text>"))
	f.Add([]byte("<!-- x --><Environment><Actorfile>a, b</Actorfile></Environment>"))
	f.Add([]byte("\xff\x00<"))
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := ReadXML(bytes.NewReader(b), "fuzz.xml")
		if err == nil && len(recs) == 0 {
			t.Fatal("no records and no error")
		}
	})
}

func FuzzParseTree(f *testing.F) {
	f.Add("(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (JJ diplomatic) (NNS ties)))))")
	f.Add("( (S (NP (NP (NNP A) (POS 's)) (CC and) (NP (NNP B))) (VP (VBN was) (PP (IN by) (NP (NN c))))))")
	f.Add("(((")
	f.Add(")")
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseTree(s)
		if err != nil {
			return
		}
		if _, err := ParseTree(n.String()); err != nil {
			t.Fatalf("re-parse of %q: %v", n.String(), err)
		}
	})
}

// FuzzCode codes arbitrary trees with the mini dictionaries: no panics, and
// every event has a source, target and code.
func FuzzCode(f *testing.F) {
	c, _ := miniCoder(f)
	f.Add("(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (. .)))")
	f.Add("(ROOT (S (NP (NP (NNP Arnor)) (CC and) (NP (NNP Gondor))) (, ,) (VP (VBD was) (VP (VBN attacked) (PP (IN by) (NP (NNP Mordor))))) (, ,) (. .)))")
	f.Add("(ROOT (S (NP (NNP Gondor)) (VP (VBD said) (SBAR (S (NP (NNP Arnor)) (VP (MD will) (VP (VB attack) (NP (NNP Mordor))))))) (. .)))")
	f.Add("(ROOT (S (, ,) (, ,) (VP (VB attack)) (, ,)))")
	f.Fuzz(func(t *testing.T, s string) {
		o := c.Opts
		o.CommaBMax, o.NewActorLength = 5, 3
		evs, err := c.CodeParse(s, "20180101", o)
		if err != nil {
			return
		}
		for _, e := range evs {
			if e.Source == "" || e.Target == "" || e.Code == "" {
				t.Fatalf("incomplete event %+v", e)
			}
		}
	})
}
