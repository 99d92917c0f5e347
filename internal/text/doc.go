// Package text turns raw English news text into sentences, tokens, Penn Treebank part-of-speech
// tags and lemmas, in pure Go with embedded word lists and no downloaded models.
//
// The pipeline is Sentences -> Tokenize -> Tag, with Lemma for verb and noun base forms:
//
//	for _, s := range text.Sentences(doc) {
//		toks := text.Tokenize(s.Text)
//		text.Tag(toks)
//		for _, t := range toks {
//			fmt.Println(t.Text, t.Tag, text.Lemma(t.Lower, t.Tag))
//		}
//	}
//
// All offsets are byte offsets: Sentence offsets index the document given to Sentences, Token
// offsets index the string given to Tokenize (so a token's document offset is
// Sentence.Start + Token.Start).
//
// Bad input: the functions never panic. Input that is not valid UTF-8 is processed byte by byte:
// invalid bytes are treated as symbols (neither letters nor spaces) and are kept, never replaced,
// so Text == input[Start:End] always holds and offsets stay valid for the caller's bytes. Callers
// that want clean text should call strings.ToValidUTF8 before Sentences. All functions run in
// time linear in the input; a sentence longer than MaxSentenceBytes is cut at a space (or, with
// no space, at a UTF-8 boundary) so that downstream stages never see unbounded sentences.
//
// The tag set is the Penn Treebank's (Marcus, Santorini & Marcinkiewicz 1993; Santorini 1990,
// "Part-of-speech tagging guidelines for the Penn Treebank Project"). The tagger is a lexicon
// lookup with suffix and capitalisation rules for unknown words followed by hand-written
// contextual repair rules in the spirit of Brill (1995), "Transformation-based error-driven
// learning and natural language processing", Computational Linguistics 21(4).
//
// Quality and speed are measured by tests and benchmarks, not asserted in timed tests:
// TestPOSAccuracy (tag accuracy against the gold Treebank parses of the PETRARCH2 sample files,
// read from the shared folder beside the repository, never copied), TestPOSAccuracyOwn (our own
// hand-tagged sentences in testdata/), TestTokenizeAgainstGold, and BenchmarkPipeline
// (sentences per second for Sentences + Tokenize + Tag).
package text
