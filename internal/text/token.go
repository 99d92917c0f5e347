package text

import "strings"

// Token is one word or punctuation mark with byte offsets [Start,End) into the string given to
// Tokenize: Text == s[Start:End]. Lower is Text in lower case (ASCII and Latin-1 letters; curly
// apostrophes in clitics are normalised, so "’s" has Lower "'s"). Tag is the Penn Treebank
// part-of-speech tag set by Tag.
type Token struct {
	Text, Lower string
	Start, End  int
	Tag         string
}

// Tokenize splits a sentence into tokens in the style of the Penn Treebank: white space separates
// words; punctuation, quotes (straight and curly) and brackets are tokens of their own;
// possessives and contractions are split ("Iran's" -> "Iran" "'s", "didn't" -> "did" "n't",
// "can't" -> "ca" "n't", "won't" -> "wo" "n't", "cannot" -> "can" "not"); abbreviations and
// dotted acronyms keep their period ("U.S.", "Gen.", "J."), also at the end of a sentence, where
// no separate "." token follows; hyphenated words ("U.S.-led"), numbers with commas and decimals
// ("50,000", "11.8"), times ("10:30"), web and e-mail addresses stay whole. Tokenize never panics
// and runs in linear time; invalid UTF-8 bytes become part of words.
func Tokenize(s string) []Token {
	tz := tokenizer{s: s, lower: lowerString(s), toks: make([]Token, 0, len(s)/5+2)}
	tz.run()
	return tz.toks
}

type tokenizer struct {
	s, lower string
	toks     []Token
}

func (tz *tokenizer) run() {
	s := tz.s
	for i := 0; i < len(s); {
		if n := spaceLen(s, i); n > 0 {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			if c := s[j]; c > ' ' && c < 0x80 {
				j++ // fast path: printable ASCII
				continue
			}
			if spaceLen(s, j) > 0 {
				break
			}
			j++
		}
		tz.chunk(i, j)
		i = j
	}
}

func (tz *tokenizer) emit(a, b int) {
	if a >= b {
		return
	}
	tz.toks = append(tz.toks, Token{Text: tz.s[a:b], Lower: tz.lower[a:b], Start: a, End: b})
}

// emitLower emits a token whose Lower form is given (normalised clitics).
func (tz *tokenizer) emitLower(a, b int, lower string) {
	tz.toks = append(tz.toks, Token{Text: tz.s[a:b], Lower: lower, Start: a, End: b})
}

// chunk tokenizes the white-space-free run s[a:b].
func (tz *tokenizer) chunk(a, b int) {
	s := tz.s
	// leading punctuation
	for a < b {
		n := leadPunctLen(s, a, b)
		if n == 0 {
			break
		}
		tz.emit(a, a+n)
		a += n
	}
	// trailing punctuation, emitted after the core
	var trail [16]int // start offsets of trailing tokens, innermost last
	nt := 0
	end := b
	for end > a && nt < len(trail) {
		n := trailPunctLen(s, a, end)
		if n == 0 {
			break
		}
		end -= n
		trail[nt] = end
		nt++
	}
	if isURLStart(s[a:end]) {
		tz.emit(a, end) // "https://example.com/a,b" stays one token
	} else {
		tz.core(a, end)
	}
	for k := nt - 1; k >= 0; k-- {
		e := b
		if k > 0 {
			e = trail[k-1]
		}
		tz.emit(trail[k], e)
	}
}

// isURLStart reports whether w begins like a web address or contains an e-mail "@" between
// word characters.
func isURLStart(w string) bool {
	if len(w) > 7 && (equalFoldASCII(w[:7], "http://") || len(w) > 8 && equalFoldASCII(w[:8], "https://")) {
		return true
	}
	if len(w) > 4 && equalFoldASCII(w[:4], "www.") {
		return true
	}
	at := strings.IndexByte(w, '@')
	return at > 0 && at < len(w)-3 && strings.IndexByte(w[at:], '.') > 0
}

// leadPunctLen returns the length of a punctuation token at the start of s[a:b], or 0.
func leadPunctLen(s string, a, b int) int {
	c := s[a]
	switch c {
	case '"', '(', '[', '{', '$', '#', '<', '>', '*', '|', '~', '@', '+', '=', '^', '\\':
		return 1
	case '`':
		return runOf(s, a, min(b, a+2), '`') // "``" is one opening quote
	case '\'':
		if cliticLen(s, a, b) == b-a { // a bare "'s" chunk
			return 0
		}
		return runOf(s, a, min(b, a+2), '\'') // "''" is one closing quote
	case '-':
		if a+1 < b && s[a+1] >= '0' && s[a+1] <= '9' {
			return 0 // negative number
		}
		return dashRun(s, a, b)
	case '.':
		if a+1 < b && s[a+1] >= '0' && s[a+1] <= '9' {
			return 0 // ".5"
		}
		return dotRun(s, a, b)
	case ',', ';', ':', '!', '?', ')', ']', '}', '%', '&', '/':
		return 1
	}
	if c >= 0x80 {
		if n := multiPunctLen(s, a); n > 0 && a+n <= b {
			return n
		}
	}
	return 0
}

// trailPunctLen returns the length of a punctuation token at the end of s[a:end], or 0.
func trailPunctLen(s string, a, end int) int {
	c := s[end-1]
	switch c {
	case '"', ')', ']', '}', ',', ';', ':', '!', '?', '%', '*', '|':
		return 1
	case '\'':
		if end-a >= 2 && s[end-2] == '\'' {
			return 2 // "''" closing quote
		}
		return 1 // closing quote or plural possessive "protesters'"
	case '-':
		k := end
		for k > a && s[k-1] == '-' {
			k--
		}
		if end-k >= 2 || k == a {
			return end - k
		}
		return 0 // "anti-" stays a word
	case '.':
		k := end
		for k > a && s[k-1] == '.' {
			k--
		}
		if end-k >= 2 {
			return end - k // ellipsis
		}
		if k == a || abbrevClass(s[a:end]) != abbrNone {
			return 0
		}
		return 1
	}
	if c >= 0x80 && end-a >= 3 {
		for _, p := range trailMulti {
			if hasAt(s, end-len(p), p) && end-len(p) >= a {
				return len(p)
			}
		}
	}
	return 0
}

var trailMulti = [...]string{"”", "’", "…", "»", "—", "–", "›"}

// multiPunctLen returns the length of a multi-byte punctuation token at i, or 0.
func multiPunctLen(s string, i int) int {
	for _, p := range [...]string{"“", "”", "‘", "’", "…", "«", "»", "—", "–", "‹", "›", "•"} {
		if hasAt(s, i, p) {
			return len(p)
		}
	}
	return 0
}

// runOf returns the length of the run of byte c starting at a, within [a,b).
func runOf(s string, a, b int, c byte) int {
	k := a
	for k < b && s[k] == c {
		k++
	}
	return k - a
}

func dashRun(s string, a, b int) int {
	k := a
	for k < b && s[k] == '-' {
		k++
	}
	return k - a
}

func dotRun(s string, a, b int) int {
	k := a
	for k < b && s[k] == '.' {
		k++
	}
	return k - a
}

// core tokenizes a chunk without its leading and trailing punctuation: it splits at internal
// separators (em dashes, "--", ellipses, quotes, commas not between digits) and then splits
// clitics off each piece.
func (tz *tokenizer) core(a, b int) {
	s := tz.s
	start := a
	for i := a; i < b; {
		if c := s[i]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			i++ // fast path: letters never separate
			continue
		}
		n := internalSepLen(s, i, a, b)
		if n == 0 {
			i++
			continue
		}
		tz.piece(start, i)
		tz.emit(i, i+n)
		i += n
		start = i
	}
	tz.piece(start, b)
}

// internalSepLen returns the length of a separator token inside a word at i, or 0.
func internalSepLen(s string, i, a, b int) int {
	c := s[i]
	switch c {
	case ',':
		if i > a && i+1 < b && isDigit(s[i-1]) && isDigit(s[i+1]) {
			return 0
		}
		return 1
	case '"', '(', ')', '[', ']', ';', '!', '?':
		return 1
	case ':':
		if i > a && i+1 < b && isDigit(s[i-1]) && isDigit(s[i+1]) {
			return 0 // "10:30"
		}
		return 1
	case '`':
		return runOf(s, i, min(b, i+2), '`')
	case '\'':
		if i+1 < b && s[i+1] == '\'' {
			return 2 // "''" inside a chunk: giant``Free Tibet''banners
		}
	case '-':
		if i+1 < b && s[i+1] == '-' {
			return dashRun(s, i, b)
		}
	case '.':
		if i+2 < b && s[i+1] == '.' && s[i+2] == '.' {
			return dotRun(s, i, b)
		}
	case 0xe2:
		for _, p := range [...]string{"—", "…", "“", "”"} {
			if hasAt(s, i, p) && i+len(p) <= b {
				return len(p)
			}
		}
	}
	return 0
}

// piece emits s[a:b], splitting off a final clitic.
func (tz *tokenizer) piece(a, b int) {
	if a >= b {
		return
	}
	n := cliticLen(tz.s, a, b)
	if n == 0 || n == b-a {
		if n == b-a && n > 0 {
			tz.emitLower(a, b, normClitic(tz.lower[a:b]))
			return
		}
		tz.emitWord(a, b)
		return
	}
	tz.emitWord(a, b-n)
	tz.emitLower(b-n, b, normClitic(tz.lower[b-n:b]))
}

// emitWord emits a word, splitting "cannot" into "can" "not" as the Penn Treebank does.
func (tz *tokenizer) emitWord(a, b int) {
	if b-a == 6 && tz.lower[a:b] == "cannot" {
		tz.emit(a, a+3)
		tz.emit(a+3, b)
		return
	}
	tz.emit(a, b)
}

// cliticLen returns the byte length of a contraction or possessive clitic ending s[a:b]
// ("'s", "n't", "'re", "'ve", "'ll", "'d", "'m", with straight or curly apostrophes), or 0.
func cliticLen(s string, a, b int) int {
	if b-a < 2 || !hasApostropheNear(s, a, b) {
		return 0
	}
	for _, apo := range [...]string{"'", "’"} {
		for _, suf := range [...]string{"s", "re", "ve", "ll", "d", "m", "t"} {
			n := len(apo) + len(suf)
			k := b - n
			if k < a || !hasAt(s, k, apo) || !equalFoldASCII(s[k+len(apo):b], suf) {
				continue
			}
			if suf == "t" {
				if k-1 > a && (s[k-1] == 'n' || s[k-1] == 'N') {
					return n + 1 // "n't"
				}
				return 0
			}
			if k == a || isASCIILetter(s[k-1]) || isDigit(s[k-1]) || s[k-1] >= 0x80 {
				return n
			}
		}
	}
	return 0
}

// hasApostropheNear reports whether one of the last five bytes of s[a:b] is an apostrophe byte
// (straight, or the last byte of the curly U+2019).
func hasApostropheNear(s string, a, b int) bool {
	for k := b - 1; k >= a && k >= b-5; k-- {
		if s[k] == '\'' || s[k] == 0x99 {
			return true
		}
	}
	return false
}

// normClitic maps a lower-cased clitic to its straight-apostrophe form.
func normClitic(l string) string {
	switch l {
	case "'s", "’s":
		return "'s"
	case "n't", "n’t":
		return "n't"
	case "'re", "’re":
		return "'re"
	case "'ve", "’ve":
		return "'ve"
	case "'ll", "’ll":
		return "'ll"
	case "'d", "’d":
		return "'d"
	case "'m", "’m":
		return "'m"
	}
	return l
}

func equalFoldASCII(x, y string) bool {
	if len(x) != len(y) {
		return false
	}
	for i := 0; i < len(x); i++ {
		if lowerByte(x[i]) != lowerByte(y[i]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// lowerString lower-cases ASCII letters and the Latin-1 capitals U+00C0-U+00DE (except U+00D7)
// without changing any byte length, so offsets into s are offsets into the result. It returns
// s itself when nothing changes.
func lowerString(s string) string {
	k := 0
	for ; k < len(s); k++ {
		c := s[k]
		if c >= 'A' && c <= 'Z' || c == 0xc3 && k+1 < len(s) && isLatin1Upper(s[k+1]) {
			break
		}
	}
	if k == len(s) {
		return s
	}
	buf := []byte(s)
	for i := k; i < len(buf); i++ {
		c := buf[i]
		if c >= 'A' && c <= 'Z' {
			buf[i] = c + 'a' - 'A'
		} else if c == 0xc3 && i+1 < len(buf) && isLatin1Upper(buf[i+1]) {
			buf[i+1] += 0x20
			i++
		}
	}
	return string(buf)
}

func isLatin1Upper(c byte) bool { return c >= 0x80 && c <= 0x9e && c != 0x97 }
