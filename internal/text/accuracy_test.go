package text

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/detente-project/detente/internal/peers"
)

// The PETRARCH2 sample files carry gold Penn Treebank parses (MIT licence). They are read from
// the shared folder beside the repository and only used to measure; nothing derived from them
// is stored in this package.
var petrarchTexts = []string{"PETR.UnitTest.records.xml", "GigaWord.sample.PETR.xml"}

// posFloor is the accuracy below which TestPOSAccuracy fails; set a little under the measured
// value so regressions are caught.
const posFloor = 0.96

// sharedDir walks up from the working directory to the folder that holds shared/peers/petrarch2.
func sharedDir(t testing.TB) string {
	t.Helper()
	return peers.Petrarch2(t)
}

// goldLeaf is one (TAG word) leaf of a Treebank parse.
type goldLeaf struct{ tag, word string }

// readGold returns the leaves of every <Parse> in a PETRARCH XML file, one slice per sentence.
func readGold(t testing.TB, path string) [][]goldLeaf {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	var out [][]goldLeaf
	rest := string(data)
	for {
		i := strings.Index(rest, "<Parse>")
		if i < 0 {
			return out
		}
		rest = rest[i+len("<Parse>"):]
		j := strings.Index(rest, "</Parse>")
		if j < 0 {
			t.Fatalf("%s: unterminated <Parse>", path)
		}
		out = append(out, parseLeaves(rest[:j]))
		rest = rest[j:]
	}
}

// parseLeaves extracts "(TAG word)" leaves from a bracketed parse.
func parseLeaves(p string) []goldLeaf {
	var leaves []goldLeaf
	for i := 0; i < len(p); i++ {
		if p[i] != '(' {
			continue
		}
		j := i + 1
		for j < len(p) && p[j] != ' ' && p[j] != '(' && p[j] != ')' {
			j++
		}
		if j >= len(p) || p[j] != ' ' || j == i+1 {
			continue
		}
		k := j + 1
		for k < len(p) && p[k] != ')' && p[k] != '(' {
			k++
		}
		if k >= len(p) || p[k] != ')' {
			continue
		}
		word := strings.TrimSpace(p[j+1 : k])
		if word == "" || strings.ContainsAny(word, " \n") {
			continue
		}
		leaves = append(leaves, goldLeaf{tag: normGoldTag(p[i+1 : j]), word: word})
		i = k
	}
	return leaves
}

// normGoldTag maps PETRARCH's auxiliary tags (AUXZ, AUXD, ...) to standard Penn tags.
func normGoldTag(t string) string {
	switch t {
	case "AUXZ":
		return "VBZ"
	case "AUXD":
		return "VBD"
	case "AUXP":
		return "VBP"
	case "AUXB":
		return "VB"
	case "AUXN":
		return "VBN"
	case "AUXG":
		return "VBG"
	}
	return t
}

// tokensFromGold builds tokens from gold words (measuring the tagger on gold tokenisation).
func tokensFromGold(leaves []goldLeaf) []Token {
	toks := make([]Token, len(leaves))
	off := 0
	for i, l := range leaves {
		w := l.word
		switch w {
		case "-LRB-":
			w = "("
		case "-RRB-":
			w = ")"
		}
		if i > 0 && (strings.HasPrefix(w, "'") || w == "n't") {
			off-- // clitics and closing apostrophes attach to the previous word
		}
		toks[i] = Token{Text: w, Lower: normClitic(lowerString(w)), Start: off, End: off + len(w)}
		off += len(w) + 1
	}
	// quotes: `` opens, '' closes (the gold tokens carry no spacing)
	return toks
}

func TestPOSAccuracy(t *testing.T) {
	dir := sharedDir(t)
	total, right := 0, 0
	confusion := map[string]int{}
	for _, name := range petrarchTexts {
		if f := os.Getenv("POS_FILE"); f != "" && !strings.Contains(name, f) {
			continue
		}
		n, r := 0, 0
		for _, leaves := range readGold(t, filepath.Join(dir, "text", name)) {
			toks := tokensFromGold(leaves)
			Tag(toks)
			for i, l := range leaves {
				if l.tag == "-NONE-" {
					continue
				}
				n++
				if toks[i].Tag == l.tag {
					r++
				} else {
					confusion[fmt.Sprintf("%s->%s %s", l.tag, toks[i].Tag, toks[i].Lower)]++
					if w := os.Getenv("POS_WORD"); w != "" && w == toks[i].Lower {
						var sb strings.Builder
						for k, tk := range toks {
							fmt.Fprintf(&sb, "%s/%s", tk.Text, tk.Tag)
							if tk.Tag != leaves[k].tag {
								fmt.Fprintf(&sb, "(%s)", leaves[k].tag)
							}
							sb.WriteByte(' ')
						}
						t.Log(sb.String())
					}
				}
			}
		}
		t.Logf("%s: %d/%d tokens = %.2f%%", name, r, n, 100*float64(r)/float64(n))
		total += n
		right += r
	}
	acc := float64(right) / float64(total)
	t.Logf("POS accuracy (gold tokens, both files): %d/%d = %.2f%%", right, total, 100*acc)
	if testing.Verbose() && os.Getenv("POS_ERRORS") != "" {
		type kv struct {
			k string
			v int
		}
		var errs []kv
		for k, v := range confusion {
			errs = append(errs, kv{k, v})
		}
		sort.Slice(errs, func(i, j int) bool { return errs[i].v > errs[j].v })
		for i := 0; i < len(errs) && i < 150; i++ {
			t.Logf("%4d %s", errs[i].v, errs[i].k)
		}
	}
	if acc < posFloor {
		t.Fatalf("POS accuracy %.2f%% below floor %.2f%%", 100*acc, 100*posFloor)
	}
}

// TestPOSAccuracyOwn measures the tagger on our own hand-tagged news sentences:
// testdata/pos_gold.txt (its first measurement, before the rules were adjusted to its errors,
// was 97.76%) and testdata/pos_heldout.txt (never used to tune anything).
func TestPOSAccuracyOwn(t *testing.T) {
	tests := []struct {
		file  string
		floor float64
	}{
		{"pos_gold.txt", 0.98},
		{"pos_heldout.txt", 0.97},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			measureOwnPOS(t, tc.file, tc.floor)
		})
	}
}

func measureOwnPOS(t *testing.T, file string, floor float64) {
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	total, right := 0, 0
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var leaves []goldLeaf
		for _, wt := range strings.Fields(line) {
			k := strings.LastIndexByte(wt, '/')
			if k <= 0 {
				t.Fatalf("testdata/%s:%d: bad token %q", file, n+1, wt)
			}
			leaves = append(leaves, goldLeaf{word: wt[:k], tag: wt[k+1:]})
		}
		toks := tokensFromGold(leaves)
		Tag(toks)
		for i, l := range leaves {
			total++
			if toks[i].Tag == l.tag {
				right++
			} else {
				t.Logf("line %d: %s tagged %s, want %s", n+1, l.word, toks[i].Tag, l.tag)
			}
		}
	}
	acc := float64(right) / float64(total)
	t.Logf("POS accuracy (%s, gold tokens): %d/%d = %.2f%%", file, right, total, 100*acc)
	if acc < floor {
		t.Fatalf("accuracy %.2f%% below floor %.2f%%", 100*acc, 100*floor)
	}
}
