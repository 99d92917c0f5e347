package text_test

import (
	"fmt"

	"github.com/detente-project/detente/internal/text"
)

func Example() {
	doc := "The U.S. struck Iran's nuclear sites. Tehran vowed to respond."
	for _, s := range text.Sentences(doc) {
		toks := text.Tokenize(s.Text)
		text.Tag(toks)
		for i, t := range toks {
			if i > 0 {
				fmt.Print(" ")
			}
			fmt.Printf("%s/%s/%s", t.Text, t.Tag, text.Lemma(t.Lower, t.Tag))
		}
		fmt.Println()
	}
	// Output:
	// The/DT/the U.S./NNP/u.s. struck/VBD/strike Iran/NNP/iran 's/POS/'s nuclear/JJ/nuclear sites/NNS/site ././.
	// Tehran/NNP/tehran vowed/VBD/vow to/TO/to respond/VB/respond ././.
}
