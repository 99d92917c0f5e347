package petrarch

import "unicode"

// Comma clauses: PETRARCH deletes short comma-delimited clauses before
// coding (check_commas, inherited from TABARI): an initial clause of
// CommaBMin..CommaBMax words, a terminal clause of CommaEMin..CommaEMax words
// and internal clauses of CommaMin..CommaMax words. Only complete phrases
// inside the clause are removed, so the list stays balanced.

const tagComma = "(,"

func indexOf(l []string, s string, from int) int {
	for i := max(from, 0); i < len(l); i++ {
		if l[i] == s {
			return i
		}
	}
	return -1
}

// countWords counts words (items starting with a letter) in pl[lo:hi].
func (s *sentence) countWords(lo, hi int) int {
	n := 0
	for k := max(lo, 0); k < hi && k < len(s.pl); k++ {
		it := s.pl[k]
		if it == tagNE {
			k++ // skip the code
			continue
		}
		if it == "" || it[0] == '(' || it[0] == '~' {
			continue
		}
		if unicode.IsLetter([]rune(it)[0]) {
			n++
		}
	}
	return n
}

// findEnd returns the index of the tag of the final punctuation.
func (s *sentence) findEnd() int {
	k := len(s.pl) - 1
	for k >= 2 && len(s.pl[k]) > 0 && s.pl[k][0] == '~' {
		k--
	}
	return k - 1
}

// deletePhrases removes the complete phrases inside pl[lo:hi].
func (s *sentence) deletePhrases(lo, hi int) {
	var stack []string
	for k := min(hi, len(s.pl)) - 1; k >= max(lo, 0); k-- {
		it := s.pl[k]
		if it == "" {
			continue
		}
		if it[0] == '~' {
			stack = append(stack, it[1:])
			continue
		}
		if len(stack) > 0 && it[0] == '(' && it[1:] == stack[len(stack)-1] {
			end := indexOf(s.pl, "~"+it[1:], k+1)
			if end < 0 {
				return
			}
			s.pl = append(s.pl[:k], s.pl[end+1:]...)
			stack = stack[:len(stack)-1]
		}
	}
}

// checkCommas applies the comma rules; false means the record is skipped.
func (s *sentence) checkCommas() bool {
	if indexOf(s.pl, tagComma, 0) < 0 {
		return true
	}
	o := s.o
	if o.CommaBMax != 0 {
		c := indexOf(s.pl, tagComma, 0)
		if n := s.countWords(2, c); n >= o.CommaBMin && n <= o.CommaBMax {
			s.deletePhrases(2, c)
		}
	}
	if o.CommaEMax != 0 {
		kend := s.findEnd()
		k := kend - 1
		for k >= 2 && s.pl[k] != tagComma {
			k--
		}
		if k >= 0 && s.pl[k] == tagComma {
			if n := s.countWords(k, len(s.pl)); n >= o.CommaEMin && n <= o.CommaEMax {
				s.deletePhrases(k+3, kend)
			}
		}
	}
	if o.CommaMax != 0 {
		a := indexOf(s.pl, tagComma, 0)
		for a >= 0 {
			b := indexOf(s.pl, tagComma, a+1)
			if b < 0 {
				break
			}
			if n := s.countWords(a+2, b); n >= o.CommaMin && n <= o.CommaMax {
				s.deletePhrases(a, b)
			}
			a = b // as in check_commas, the index is not adjusted after a deletion
		}
	}
	// dangling initial or terminal comma
	if a := indexOf(s.pl, tagComma, 0); a >= 0 && s.countWords(2, a) == 0 && a+3 <= len(s.pl) {
		s.pl = append(s.pl[:a], s.pl[a+3:]...)
	}
	kend := s.findEnd()
	k := kend - 1
	for k >= 2 && s.pl[k] != tagComma {
		k--
	}
	if k >= 0 && k < len(s.pl) && s.pl[k] == tagComma && s.countWords(k+1, kend) == 0 && k+3 <= len(s.pl) {
		s.pl = append(s.pl[:k], s.pl[k+3:]...)
	}
	return balanced(s.pl)
}

func balanced(pl []string) bool {
	depth := 0
	for _, it := range pl {
		if it == "" {
			continue
		}
		switch it[0] {
		case '(':
			depth++
		case '~':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}
