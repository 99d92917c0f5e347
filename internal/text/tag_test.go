package text

import (
	"strings"
	"testing"
)

// tagged returns "word/TAG" pairs for a sentence.
func tagged(s string) string {
	toks := Tokenize(s)
	Tag(toks)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Text + "/" + t.Tag
	}
	return strings.Join(parts, " ")
}

// TestTagContext checks the contextual rules: each case names the tokens whose tags matter.
func TestTagContext(t *testing.T) {
	tests := []struct {
		sentence string
		want     []string // "word/TAG" that must appear in the tagged sentence
	}{
		{"Iran attacks Israel.", []string{"attacks/VBZ"}},
		{"The attacks killed ten people.", []string{"attacks/NNS", "killed/VBD"}},
		{"Iran calls for talks with the U.S.", []string{"calls/VBZ", "talks/NNS", "U.S./NNP"}},
		{"The peace talks resumed in Oman.", []string{"talks/NNS", "resumed/VBD"}},
		{"U.S. strikes on Iran continued.", []string{"strikes/NNS"}},
		{"Israel strikes Iranian nuclear sites.", []string{"strikes/VBZ", "Iranian/JJ"}},
		{"Iran's backing of Hamas angered Israel.", []string{"'s/POS", "backing/NN", "angered/VBD"}},
		{"Iran is backing Hamas.", []string{"is/VBZ", "backing/VBG"}},
		{"Iran wants to attack Israel.", []string{"to/TO", "attack/VB"}},
		{"Iran will attack Israel.", []string{"will/MD", "attack/VB"}},
		{"Iran will not attack Israel.", []string{"not/RB", "attack/VB"}},
		{"They attack at night.", []string{"attack/VBP"}},
		{"The attack killed two.", []string{"attack/NN"}},
		{"Iran has attacked Israel.", []string{"has/VBZ", "attacked/VBN"}},
		{"Israel was attacked by Iran.", []string{"was/VBD", "attacked/VBN"}},
		{"Iran attacked Israel.", []string{"attacked/VBD"}},
		{"Two men sought in the killing were arrested.", []string{"sought/VBN", "killing/NN", "arrested/VBN"}},
		{"Officials said the group fled.", []string{"said/VBD", "fled/VBD"}},
		{"He said that the talks failed.", []string{"that/IN"}},
		{"That group yielded ground.", []string{"That/DT", "yielded/VBD"}},
		{"The deal that was signed collapsed.", []string{"that/WDT", "signed/VBN", "collapsed/VBD"}},
		{"Crowds burned down the embassy.", []string{"burned/VBD", "down/RP"}},
		{"It's over.", []string{"'s/VBZ"}},
		{"Iran didn't attend.", []string{"did/VBD", "n't/RB", "attend/VB"}},
		{"Tehran can't accept the plan.", []string{"ca/MD", "n't/RB", "accept/VB", "plan/NN"}},
		{"Iran plans to enrich uranium.", []string{"plans/VBZ", "enrich/VB", "uranium/NN"}},
		{"The plans were leaked.", []string{"plans/NNS", "leaked/VBN"}},
		{"Iran Vows Revenge After Strikes", []string{"Iran/NNP", "Vows/VBZ", "Strikes/NNS"}},
		{"Iranian officials met in Geneva.", []string{"Iranian/JJ", "officials/NNS", "met/VBD", "Geneva/NNP"}},
		{"The United States and Iranians met.", []string{"United/NNP", "States/NNPS", "Iranians/NNPS"}},
		{"the armed forces", []string{"armed/JJ", "forces/NNS"}},
		{"in the past 50,000 years", []string{"50,000/CD"}},
		{"a U.S.-led coalition", []string{"U.S.-led/JJ", "coalition/NN"}},
		{`"We will respond," he said.`, []string{`"/` + "``", `"/''`, "respond/VB"}},
		{"Protesters gathered outside the embassy.", []string{"Protesters/NNS", "gathered/VBD"}},
		{"Iran and Israel agree to talks.", []string{"agree/VBP", "talks/NNS"}},
		{"Soldiers will meet and discuss the plan.", []string{"meet/VB", "discuss/VB"}},
		{"The minister's visit angered Beijing.", []string{"'s/POS", "visit/NN"}},
		{"He said Iran had been warned.", []string{"had/VBD", "been/VBN", "warned/VBN"}},
		{"The quickly escalating crisis worried Cairo.", []string{"quickly/RB", "escalating/VBG"}},
		{"China demanded that Iran halt all enrichment.", []string{"demanded/VBD", "halt/VBP"}},
		{"The IAEA found traces at sites found near Qom.", []string{"found/VBD", "sites/NNS found/VBN"}},
		{"Crown Prince Mohammed bin Salman met Abdel Fattah al-Sisi.", []string{"bin/NNP", "al-Sisi/NNP"}},
		{"They spoke at a board meeting in Vienna.", []string{"meeting/NN"}},
		{"Egypt built a pipeline that crosses Jordan.", []string{"that/WDT", "crosses/VBZ"}},
		{"Seoul protested over the propaganda broadcasts.", []string{"broadcasts/NNS"}},
		{"Iran test-fired a missile.", []string{"test-fired/VBD"}},
		{"Troops entered Kabul after floods killed 200 people.", []string{"floods/NNS", "killed/VBD"}},
		{"Washington steps up pressure on Tehran.", []string{"steps/VBZ", "up/RP"}},
		{"Should Russia attack Estonia, NATO would respond.", []string{"Should/MD", "attack/VB", "respond/VB"}},
		{"Stocks rallied after the central banks cut rates.", []string{"cut/VBD", "rates/NNS"}},
		{"Brazil beat Argentina 2-1 in 2019-2020.", []string{"2-1/CD", "2019-2020/CD"}},
		{"It was his first since June.", []string{"first/JJ"}},
		{"He met exiled dissidents from military-ruled Myanmar.", []string{"exiled/JJ", "military-ruled/JJ"}},
	}
	for _, tc := range tests {
		got := " " + tagged(tc.sentence) + " "
		for _, w := range tc.want {
			if !strings.Contains(got, " "+w+" ") {
				t.Errorf("%q: want %s in\n%s", tc.sentence, w, got)
			}
		}
	}
}

func TestTagEveryTokenTagged(t *testing.T) {
	toks := Tokenize("Zyxq blorfed the quibbly frobnicators — 42 % (maybe) #1 $5 @x ~")
	Tag(toks)
	for _, tok := range toks {
		if tok.Tag == "" {
			t.Errorf("token %q untagged", tok.Text)
		}
	}
	Tag(nil) // must not panic
}

func TestTagLongSentence(t *testing.T) {
	s := strings.Repeat("Iran attacked Israel and ", 40) + "stopped."
	toks := Tokenize(s)
	Tag(toks)
	if toks[len(toks)-2].Tag != "VBD" {
		t.Errorf("last verb tagged %s", toks[len(toks)-2].Tag)
	}
}

func TestLexiconLoads(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if len(l.words) < 3000 {
		t.Errorf("lexicon has only %d word forms", len(l.words))
	}
	for _, w := range []string{"the", "struck", "talks", "iranian", "attacks", "negotiated"} {
		if _, ok := l.words[w]; !ok {
			t.Errorf("lexicon lacks %q", w)
		}
	}
}
