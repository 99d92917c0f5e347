package text

import (
	"strings"
	"testing"
	"time"
)

// benchDoc is news-style text written for the benchmarks: sentences of about 25 tokens.
const benchDoc = `U.S. President Donald Trump said on Sunday that American forces had struck three Iranian nuclear sites, including Fordow, Natanz and Isfahan.
Iran's Foreign Minister Abbas Araghchi condemned the attacks as a grave violation of the U.N. Charter and vowed that Tehran would respond at a time of its choosing.
"We will not negotiate under threat," Araghchi told reporters in Istanbul, where he met Turkish officials on Monday.
The Israeli military said its warplanes had hit dozens of targets in western Iran overnight, killing at least 12 members of the Revolutionary Guards.
Oil prices rose 3.5 percent in early trading as investors weighed the risk of a wider conflict in the Gulf, analysts at several banks said.
Gen. Hossein Salami's successor warned that Iran could close the Strait of Hormuz if Washington did not halt its campaign against the Islamic Republic.
Qatar and Oman called for an immediate ceasefire and offered to host talks between the two sides, according to a joint statement released in Doha.
Protesters gathered outside the U.S. embassy in Baghdad, burning flags and chanting slogans against Israel and its Western backers.
`

func benchSentences(b *testing.B) []string {
	b.Helper()
	var out []string
	for _, s := range Sentences(benchDoc) {
		out = append(out, s.Text)
	}
	return out
}

// BenchmarkPipeline measures Sentences + Tokenize + Tag on news-style sentences.
func BenchmarkPipeline(b *testing.B) {
	doc := strings.Repeat(benchDoc, 16)
	n := len(Sentences(doc))
	toks := 0
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := processCPU()
	for i := 0; i < b.N; i++ {
		for _, s := range Sentences(doc) {
			t := Tokenize(s.Text)
			Tag(t)
			toks += len(t)
		}
	}
	reportThroughput(b, n*b.N, processCPU()-cpu0)
	b.ReportMetric(float64(toks)/float64(n*b.N), "tokens/sentence")
}

// reportThroughput reports sentences per wall-clock second and, where measurable, per second of
// process CPU time (the single-core rate, robust to other load on the machine; it includes the
// garbage collector's work on other threads).
func reportThroughput(b *testing.B, sentences int, cpu time.Duration) {
	b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
	if cpu > 0 {
		b.ReportMetric(float64(sentences)/cpu.Seconds(), "sentences/cpu-s")
	}
}

// BenchmarkSentences measures the sentence splitter alone.
func BenchmarkSentences(b *testing.B) {
	doc := strings.Repeat(benchDoc, 16)
	n := len(Sentences(doc))
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := processCPU()
	for i := 0; i < b.N; i++ {
		Sentences(doc)
	}
	reportThroughput(b, n*b.N, processCPU()-cpu0)
}

// BenchmarkTokenize measures the tokenizer alone.
func BenchmarkTokenize(b *testing.B) {
	ss := benchSentences(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := processCPU()
	for i := 0; i < b.N; i++ {
		for _, s := range ss {
			Tokenize(s)
		}
	}
	reportThroughput(b, len(ss)*b.N, processCPU()-cpu0)
}

// BenchmarkTag measures the tagger alone on pre-tokenized sentences.
func BenchmarkTag(b *testing.B) {
	var all [][]Token
	for _, s := range benchSentences(b) {
		all = append(all, Tokenize(s))
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := processCPU()
	for i := 0; i < b.N; i++ {
		for _, t := range all {
			Tag(t)
		}
	}
	reportThroughput(b, len(all)*b.N, processCPU()-cpu0)
}

// BenchmarkHugeLine measures a 10 MB single line (linear time check).
func BenchmarkHugeLine(b *testing.B) {
	doc := strings.Repeat("Iran and the U.S. said 3.5 percent of talks ", 10<<20/44)
	b.SetBytes(int64(len(doc)))
	for i := 0; i < b.N; i++ {
		for _, s := range Sentences(doc) {
			Tag(Tokenize(s.Text))
		}
	}
}

// BenchmarkLexiconLoad measures parsing the embedded word lists (done once per process); B/op
// approximates the lexicon's memory.
func BenchmarkLexiconLoad(b *testing.B) {
	b.ReportAllocs()
	n := 0
	for i := 0; i < b.N; i++ {
		l, err := loadLexicon()
		if err != nil {
			b.Fatal(err)
		}
		n = len(l.words)
	}
	b.ReportMetric(float64(n), "word-forms")
}

// BenchmarkLemma measures Lemma as the coder calls it: each token's own tag, then as a verb and
// as a noun.
func BenchmarkLemma(b *testing.B) {
	var toks []Token
	for _, s := range benchSentences(b) {
		t := Tokenize(s)
		Tag(t)
		toks = append(toks, t...)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range toks {
			Lemma(t.Lower, t.Tag)
			Lemma(t.Lower, "VBZ")
			Lemma(t.Lower, "NNS")
		}
	}
	b.ReportMetric(float64(3*len(toks)*b.N)/b.Elapsed().Seconds(), "lemmas/s")
}
