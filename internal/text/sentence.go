package text

import "strings"

// Sentence is a sentence with byte offsets [Start,End) into the document: Text == doc[Start:End].
type Sentence struct {
	Text       string
	Start, End int
}

// MaxSentenceBytes bounds the length of one sentence. Longer runs of text without a sentence
// boundary (tables, binary noise, a 10 MB line) are cut at the last space before the limit.
const MaxSentenceBytes = 4096

// Sentences splits a document into sentences. It knows abbreviations ("U.S.", "Gen.", "Mr.",
// "Jan. 5", "No. 2"), initials ("J. D. Vance"), decimals ("3.5"), ellipses, "?" and "!",
// closing quotes and brackets after the final punctuation (kept with their sentence), quoted
// sentences followed by a lower-case word or by their attribution ("'Why?' he asked." and
// "'Why?' Trump asked." each stay one sentence), blank lines
// between paragraphs, list items ("- ", "* ", "• ") and headlines on a line of their own without
// final punctuation (in hard-wrapped text only short or title-case lines count). Leading and
// trailing white space is not part of a sentence. Sentences never panics and runs in linear time.
func Sentences(doc string) []Sentence {
	sp := splitter{doc: doc, out: make([]Sentence, 0, len(doc)/120+1)}
	sp.run()
	return sp.out
}

type splitter struct {
	doc       string
	out       []Sentence
	start     int // start of the current sentence (may point at white space)
	lineStart int // start of the current line
	lastSpace int // last white-space byte seen in the current sentence, -1 if none
	wrapWidth int // longest line if the document looks hard-wrapped (all lines <= 100 bytes), else 0
}

func (sp *splitter) run() {
	doc := sp.doc
	sp.lastSpace = -1
	sp.wrapWidth = wrapWidth(doc)
	if len(doc) >= 3 && doc[:3] == "\xef\xbb\xbf" { // byte-order mark
		sp.start = 3
	}
	for i := sp.start; i < len(doc); {
		if i-sp.start >= MaxSentenceBytes {
			i = sp.cutLong(i)
			continue
		}
		c := doc[i]
		if c > '!' && c < 0x80 && c != '.' && c != '?' {
			i++ // fast path: ordinary printable ASCII
			continue
		}
		switch {
		case c == '\n':
			i = sp.newline(i)
			continue
		case c == ' ' || c == '\t' || c == '\r':
			sp.lastSpace = i
		case c == '.' || c == '?' || c == '!':
			i = sp.terminal(i, i+1)
			continue
		case c == 0xe2 && i+2 < len(doc) && doc[i+1] == 0x80 && doc[i+2] == 0xa6: // "…"
			i = sp.terminal(i, i+3)
			continue
		}
		i++
	}
	sp.emit(len(doc))
}

// emit appends doc[sp.start:end] trimmed of white space, if not empty, and starts a new sentence
// at end.
func (sp *splitter) emit(end int) {
	s, e := trimSpace(sp.doc, sp.start, end)
	if s < e {
		sp.out = append(sp.out, Sentence{Text: sp.doc[s:e], Start: s, End: e})
	}
	sp.start = end
	sp.lastSpace = -1
}

// cutLong ends an over-long sentence at its last space, or at a UTF-8 boundary near i.
func (sp *splitter) cutLong(i int) int {
	if sp.lastSpace > sp.start {
		cut := sp.lastSpace
		sp.emit(cut)
		return cut
	}
	cut := i
	for k := 0; k < 3 && cut > sp.start+1 && isContinuation(sp.doc[cut]); k++ {
		cut--
	}
	sp.emit(cut)
	return cut
}

// newline handles a '\n' at i: blank lines end a paragraph, and a line standing alone as a
// headline ends its sentence. It returns where scanning continues.
func (sp *splitter) newline(i int) int {
	doc := sp.doc
	j := i + 1
	for j < len(doc) && (doc[j] == ' ' || doc[j] == '\t' || doc[j] == '\r') {
		j++
	}
	if j < len(doc) && doc[j] == '\n' { // blank line: paragraph break
		sp.emit(i)
		sp.lineStart = j
		return j
	}
	if sp.isHeadline(i, j) || isBullet(doc, j) {
		sp.emit(i)
	} else {
		sp.lastSpace = i
	}
	sp.lineStart = i + 1
	return i + 1
}

// isBullet reports whether a list item marker ("- ", "* ", "• ") starts at i.
func isBullet(doc string, i int) bool {
	if i+1 < len(doc) && (doc[i] == '-' || doc[i] == '*') && (doc[i+1] == ' ' || doc[i+1] == '\t') {
		return true
	}
	return hasAt(doc, i, "• ")
}

// isHeadline reports whether the line ending at nl is a complete sentence by itself: the current
// sentence began on this line, the line does not end like an unfinished clause, and the next
// line (starting at next) begins with a capital, digit or quote.
func (sp *splitter) isHeadline(nl, next int) bool {
	doc := sp.doc
	// Drop leading white space from the current sentence once (start only moves forward, so
	// this stays linear); then look only at this line.
	sp.start = skipSpaceTo(doc, sp.start, nl)
	if sp.start >= nl || next >= len(doc) || sp.start != skipSpaceTo(doc, sp.lineStart, nl) {
		return false
	}
	s, e := trimSpace(doc, sp.start, nl)
	if s >= e {
		return false
	}
	if !startsSentenceLike(doc, next) {
		return false
	}
	switch doc[e-1] {
	case ',', ';', '-', '(', '&', '/':
		return false
	}
	if isContinuationWord(lastWord(doc, s, e)) {
		return false
	}
	// In a hard-wrapped document a line starting a sentence and followed by a capital is
	// usually just wrapped; only short or title-case lines count as headlines there.
	return sp.wrapWidth == 0 || isTitleLine(doc[s:e]) || (e-s)*10 < sp.wrapWidth*6
}

// wrapWidth returns the longest line length of doc if no line exceeds 100 bytes (the document
// looks hard-wrapped), else 0.
func wrapWidth(doc string) int {
	longest := 0
	for rest := doc; ; {
		i := strings.IndexByte(rest, '\n')
		if i < 0 {
			longest = max(longest, len(rest))
			break
		}
		longest = max(longest, i)
		rest = rest[i+1:]
	}
	if longest > 100 {
		return 0
	}
	return longest
}

// isTitleLine reports whether every word of four or more letters in line is capitalised and
// there are at least two of them ("Iran Vows Revenge After Strikes").
func isTitleLine(line string) bool {
	n := 0
	for i := 0; i < len(line); {
		if !isASCIILetter(line[i]) {
			i++
			continue
		}
		j := i
		for j < len(line) && isASCIILetter(line[j]) {
			j++
		}
		if j-i >= 4 {
			if line[i] < 'A' || line[i] > 'Z' {
				return false
			}
			n++
		}
		i = j
	}
	return n >= 2
}

// terminal handles sentence-final punctuation starting at i whose first mark ends at j.
func (sp *splitter) terminal(i, j int) int {
	doc := sp.doc
	limit := min(len(doc), sp.start+MaxSentenceBytes)
	// absorb a run of terminal marks
	for j < limit {
		if c := doc[j]; c == '.' || c == '?' || c == '!' {
			j++
			continue
		}
		if hasAt(doc, j, "…") {
			j += 3
			continue
		}
		break
	}
	// absorb closing quotes and brackets
	for j < limit {
		if n := closerLen(doc, j); n > 0 {
			j += n
			continue
		}
		break
	}
	if j > limit {
		j = limit // a multi-byte mark straddled the limit
	}
	if j < len(doc) && !isSpaceAt(doc, j) {
		return j // "3.5", "U.S.-led", "e.g.,"
	}
	next := skipSpace(doc, j)
	if next >= len(doc) {
		sp.emit(j)
		return j
	}
	if !sp.breaksBefore(i, j, next) {
		return j
	}
	sp.emit(j)
	return j
}

// breaksBefore decides whether the terminal punctuation doc[i:j] ends a sentence, given the first
// non-space byte after it at next.
func (sp *splitter) breaksBefore(i, j, next int) bool {
	doc := sp.doc
	w := next
	for w < len(doc) {
		n := openerLen(doc, w)
		if n == 0 {
			break
		}
		w += n
	}
	if w < len(doc) {
		c := doc[w]
		if c >= 'a' && c <= 'z' {
			return false // a lower-case word continues the sentence
		}
		switch c {
		case ',', ';', ':', ')', ']', '}', '%':
			return false
		}
	}
	if endsInQuote(doc, i, j) && w == next && speakerFollows(doc, w) {
		return false // `"Is this a joke?" Trump asked.`
	}
	if doc[i] != '.' || j-i > 1 && doc[i+1] == '.' || hasAt(doc, i, "…") {
		return true // "?", "!", ellipsis: break before a non-lower-case word
	}
	word := wordBefore(doc, sp.start, i+1)
	class := abbrevClass(word)
	switch class {
	case abbrNone:
		return true
	case abbrTitle:
		return false
	}
	if w < len(doc) && doc[w] >= '0' && doc[w] <= '9' {
		return false // "Jan. 20", "No. 5", "U.S. 5th Fleet"
	}
	if w > next {
		return true // an opening quote after an abbreviation starts a new sentence
	}
	return isOpener(doc, w)
}

// endsInQuote reports whether the terminal cluster doc[i:j] ends in a closing quotation mark.
func endsInQuote(doc string, i, j int) bool {
	return j > i && (doc[j-1] == '"' || doc[j-1] == '\'' || hasAt(doc, j-3, "”") || hasAt(doc, j-3, "’") || hasAt(doc, j-2, "»"))
}

// speakerFollows reports whether doc[w:] is a short capitalised name followed by a verb of
// saying ("Trump asked", "Foreign Minister Abbas Araghchi said"): the attribution of the quote
// that precedes it, which belongs to the same sentence.
func speakerFollows(doc string, w int) bool {
	for words := 0; words < 5 && w < len(doc); words++ {
		e := w
		for e < len(doc) && (isASCIILetter(doc[e]) || doc[e] == '.' || doc[e] == '-' || doc[e] == '\'') {
			e++
		}
		if e == w {
			return false
		}
		word := doc[w:e]
		if word[0] >= 'a' && word[0] <= 'z' {
			return words > 0 && isSpeechVerb(strings.TrimRight(word, "."))
		}
		w = skipSpace(doc, e)
	}
	return false
}

// isSpeechVerb reports verbs that attribute a quotation.
func isSpeechVerb(w string) bool {
	switch w {
	case "said", "says", "asked", "asks", "told", "tells", "added", "adds", "wrote", "writes",
		"tweeted", "posted", "insisted", "warned", "replied", "declared", "stressed", "noted",
		"continued", "explained", "argued", "claimed", "shouted", "vowed", "quipped", "responded":
		return true
	}
	return false
}

// isOpener reports whether the word at w is a capitalised closed-class word that typically opens
// a sentence ("The", "He", "But", "In").
func isOpener(doc string, w int) bool {
	e := w
	for e < len(doc) && e-w < 16 && isASCIILetter(doc[e]) {
		e++
	}
	if e == w || doc[w] < 'A' || doc[w] > 'Z' {
		return false
	}
	var buf [16]byte
	n := copy(buf[:], doc[w:e])
	for k := 0; k < n; k++ {
		buf[k] = lowerByte(buf[k])
	}
	_, ok := lex().openers[string(buf[:n])]
	return ok
}

// wordBefore returns the white-space-delimited word ending at end (exclusive), without leading
// quotes or brackets, and not starting before from.
func wordBefore(doc string, from, end int) string {
	s := end
	for s > from && end-s < 32 && !isSpaceByte(doc[s-1]) && doc[s-1] < 0x80 {
		s-- // abbreviations are short ASCII words, so look back at most 32 bytes
	}
	for s < end {
		n := openerLen(doc, s)
		if n == 0 {
			break
		}
		s += n
	}
	return doc[s:end]
}

// lastWord returns the last run of letters in doc[s:e] (lower-cased by the caller if needed).
func lastWord(doc string, s, e int) string {
	k := e
	for k > s && isASCIILetter(doc[k-1]) {
		k--
	}
	return doc[k:e]
}

// isContinuationWord reports whether a line ending in w cannot be a complete headline
// (function words such as "the", "of", "and").
func isContinuationWord(w string) bool {
	if len(w) == 0 || len(w) > 5 {
		return false
	}
	var buf [5]byte
	for k := 0; k < len(w); k++ {
		buf[k] = lowerByte(w[k])
	}
	switch string(buf[:len(w)]) {
	case "the", "a", "an", "of", "and", "or", "but", "to", "in", "on", "at", "by", "for", "with",
		"from", "as", "that", "its", "his", "her", "their", "our", "is", "are", "was", "were",
		"has", "have", "had", "will", "would", "than", "into", "this", "these", "those", "said":
		return true
	}
	return false
}

// startsSentenceLike reports whether doc[i:] begins with an upper-case letter, a digit or an
// opening quote or bracket.
func startsSentenceLike(doc string, i int) bool {
	if i >= len(doc) {
		return false
	}
	c := doc[i]
	if c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
		return true
	}
	if openerLen(doc, i) > 0 {
		return true
	}
	return c >= 0xc3 && c <= 0xc5 // Latin capitals such as "É" (approximation)
}

// trimSpace narrows [s,e) to exclude leading and trailing white space.
func trimSpace(doc string, s, e int) (int, int) {
	for s < e {
		if n := spaceLen(doc, s); n > 0 && s+n <= e {
			s += n
			continue
		}
		break
	}
	for e > s {
		if isSpaceByte(doc[e-1]) {
			e--
			continue
		}
		if e-2 >= s && doc[e-2] == 0xc2 && doc[e-1] == 0xa0 { // no-break space
			e -= 2
			continue
		}
		break
	}
	return s, e
}

// skipSpace returns the first index at or after i that is not white space.
func skipSpace(doc string, i int) int {
	for i < len(doc) {
		n := spaceLen(doc, i)
		if n == 0 {
			return i
		}
		i += n
	}
	return i
}

// skipSpaceTo returns the first index in [i,limit) that is not white space, or limit.
func skipSpaceTo(doc string, i, limit int) int {
	for i < limit {
		n := spaceLen(doc, i)
		if n == 0 {
			return i
		}
		i += n
	}
	return min(i, limit)
}

// isSpaceAt reports whether doc[i:] begins with white space.
func isSpaceAt(doc string, i int) bool { return spaceLen(doc, i) > 0 }

// spaceLen returns the byte length of the white-space character at i, or 0. It knows ASCII white
// space, the no-break space U+00A0 and the Unicode spaces U+2000-U+200A, U+202F and U+3000.
func spaceLen(doc string, i int) int {
	c := doc[i]
	if isSpaceByte(c) {
		return 1
	}
	if c == 0xc2 && i+1 < len(doc) && doc[i+1] == 0xa0 {
		return 2
	}
	if c == 0xe2 && i+2 < len(doc) && doc[i+1] == 0x80 && (doc[i+2] >= 0x80 && doc[i+2] <= 0x8a || doc[i+2] == 0xaf) {
		return 3
	}
	if c == 0xe3 && i+2 < len(doc) && doc[i+1] == 0x80 && doc[i+2] == 0x80 {
		return 3
	}
	return 0
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

// closerLen returns the byte length of a closing quote or bracket at i, or 0.
func closerLen(doc string, i int) int {
	switch doc[i] {
	case '"', '\'', ')', ']', '}':
		return 1
	case 0xe2:
		if hasAt(doc, i, "”") || hasAt(doc, i, "’") || hasAt(doc, i, "›") {
			return 3
		}
	case 0xc2:
		if hasAt(doc, i, "»") {
			return 2
		}
	}
	return 0
}

// openerLen returns the byte length of an opening quote or bracket at i, or 0.
func openerLen(doc string, i int) int {
	switch doc[i] {
	case '"', '\'', '(', '[', '{', '`':
		return 1
	case 0xe2:
		if hasAt(doc, i, "“") || hasAt(doc, i, "‘") || hasAt(doc, i, "‹") {
			return 3
		}
	case 0xc2:
		if hasAt(doc, i, "«") {
			return 2
		}
	}
	return 0
}

func hasAt(doc string, i int, p string) bool {
	return i >= 0 && i+len(p) <= len(doc) && doc[i:i+len(p)] == p
}

func isContinuation(c byte) bool { return c&0xc0 == 0x80 }

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
