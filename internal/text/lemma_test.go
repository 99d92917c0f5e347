package text

import "testing"

func TestLemma(t *testing.T) {
	tests := []struct{ word, tag, want string }{
		{"struck", "VBD", "strike"},
		{"struck", "VBN", "strike"},
		{"met", "VBD", "meet"},
		{"sought", "VBD", "seek"},
		{"held", "VBN", "hold"},
		{"fled", "VBD", "flee"},
		{"bombed", "VBD", "bomb"},
		{"ties", "VBZ", "tie"},
		{"ties", "NNS", "tie"},
		{"talks", "NNS", "talk"},
		{"talks", "VBZ", "talk"},
		{"invitations", "NNS", "invitation"},
		{"crises", "NNS", "crisis"},
		{"men", "NNS", "man"},
		{"Iranians", "NNPS", "iranian"},
		{"was", "VBD", "be"},
		{"'s", "VBZ", "be"},
		{"'s", "POS", "'s"},
		{"has", "VBZ", "have"},
		{"wo", "MD", "will"},
		{"ca", "MD", "can"},
		{"n't", "RB", "n't"},
		{"planning", "VBG", "plan"},
		{"stopped", "VBD", "stop"},
		{"escalated", "VBD", "escalate"},
		{"fleeing", "VBG", "flee"},
		{"dying", "VBG", "die"},
		{"vetoes", "VBZ", "veto"},
		{"withdrew", "VBD", "withdraw"},
		{"Attacked", "VBD", "attack"},
		{"retaliated", "VBD", "retaliate"},
		{"pounded", "VBD", "pound"},
		{"Iran", "NNP", "iran"},
		// unknown words fall back to rules
		{"ousted", "VBN", "oust"},
		{"blurbed", "VBD", "blurb"},
		{"demonized", "VBD", "demonize"},
		{"skirmishes", "NNS", "skirmish"},
		{"militaries", "NNS", "military"},
		{"rallies", "VBZ", "rally"},
		{"crisis", "NN", "crisis"},
		{"news", "NNS", "news"},
	}
	for _, tc := range tests {
		if got := Lemma(tc.word, tc.tag); got != tc.want {
			t.Errorf("Lemma(%q, %q) = %q, want %q", tc.word, tc.tag, got, tc.want)
		}
	}
}

// TestLemmaAllVerbForms checks that every inflected form the lexicon derives from data/verbs.txt
// lemmatises back to its base, except forms shared by two verbs ("found": find/found).
func TestLemmaAllVerbForms(t *testing.T) {
	owners := map[string]map[string]bool{} // form -> bases that produce it
	type form struct{ word, tag, base string }
	var forms []form
	err := eachLine("verbs.txt", func(f []string) error {
		base := f[0]
		past := regularPast(base)
		if len(f) >= 2 {
			past = f[1]
		}
		part := past
		if len(f) == 3 {
			part = f[2]
		}
		for _, fm := range []form{
			{base, "VB", base}, {thirdPerson(base), "VBZ", base}, {presentParticiple(base, past), "VBG", base},
			{past, "VBD", base}, {part, "VBN", base},
		} {
			if owners[fm.word] == nil {
				owners[fm.word] = map[string]bool{}
			}
			owners[fm.word][base] = true
			forms = append(forms, fm)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, fm := range forms {
		if len(owners[fm.word]) > 1 && fm.tag != "VB" {
			continue
		}
		checked++
		if got := Lemma(fm.word, fm.tag); got != fm.base {
			t.Errorf("Lemma(%q, %s) = %q, want %q", fm.word, fm.tag, got, fm.base)
		}
	}
	if checked < 4000 {
		t.Errorf("only %d verb forms checked", checked)
	}
}
