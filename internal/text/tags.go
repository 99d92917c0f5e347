package text

// Penn Treebank tags used by Tag, as an internal enumeration with their names.
const (
	tNone uint8 = iota
	tCC
	tCD
	tDT
	tEX
	tFW
	tIN
	tJJ
	tJJR
	tJJS
	tLS
	tMD
	tNN
	tNNS
	tNNP
	tNNPS
	tPDT
	tPOS
	tPRP
	tPRPS // PRP$
	tRB
	tRBR
	tRBS
	tRP
	tSYM
	tTO
	tUH
	tVB
	tVBD
	tVBG
	tVBN
	tVBP
	tVBZ
	tWDT
	tWP
	tWPS // WP$
	tWRB
	tComma  // ,
	tPeriod // .
	tColon  // :
	tOpenQ  // ``
	tCloseQ // ''
	tLRB    // -LRB-
	tRRB    // -RRB-
	tDollar // $
	tHash   // #
	numTags
)

var tagNames = [numTags]string{
	"", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP", "NNPS",
	"PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG",
	"VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", ",", ".", ":", "``", "''", "-LRB-", "-RRB-",
	"$", "#",
}

// tagID returns the enumeration value of a tag name, or tNone.
func tagID(name string) uint8 {
	for i, n := range tagNames {
		if n == name && i != 0 {
			return uint8(i)
		}
	}
	return tNone
}

// tagSet is a bit set of tags.
type tagSet uint64

func (s tagSet) has(t uint8) bool { return s&(1<<t) != 0 }

func setOf(ts ...uint8) tagSet {
	var s tagSet
	for _, t := range ts {
		s |= 1 << t
	}
	return s
}

func isVerbTag(t uint8) bool { return t >= tVB && t <= tVBZ }

func isFiniteVerb(t uint8) bool { return t == tVBD || t == tVBP || t == tVBZ || t == tMD }

func isNounTag(t uint8) bool { return t >= tNN && t <= tNNPS }
