package text

import (
	"reflect"
	"sync"
	"testing"
)

// TestConcurrentUse runs the pipeline from several goroutines at once (the coder does); run with
// -race. Every goroutine must get the same result as a sequential run.
func TestConcurrentUse(t *testing.T) {
	want := pipelineTags(benchDoc)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				if got := pipelineTags(benchDoc); !reflect.DeepEqual(got, want) {
					errs <- "concurrent result differs"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func pipelineTags(doc string) []string {
	var out []string
	for _, s := range Sentences(doc) {
		toks := Tokenize(s.Text)
		Tag(toks)
		for _, tok := range toks {
			out = append(out, tok.Text+"/"+tok.Tag+"/"+Lemma(tok.Lower, tok.Tag))
		}
	}
	return out
}
