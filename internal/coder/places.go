package coder

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"

	"github.com/detente-project/detente/internal/text"
)

//go:embed data/places.txt
var placesText string

const placesFile = "internal/coder/data/places.txt"

// places is a token trie from lower-cased place names to country codes.
type places struct {
	root map[string]*placeNode
}

type placeNode struct {
	next    map[string]*placeNode
	country string // non-empty when a name ends here
}

// parsePlaces reads the gazetteer format documented in data/places.txt.
func parsePlaces(name, src string) (*places, error) {
	p := &places{root: map[string]*placeNode{}}
	sc := bufio.NewScanner(strings.NewReader(src))
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
		if strings.TrimSpace(s) == "" {
			continue
		}
		code, list, ok := strings.Cut(s, "|")
		code = strings.TrimSpace(code)
		if !ok || len(code) != 3 || strings.ToUpper(code) != code {
			return nil, fmt.Errorf("places %s:%d: want CODE | place; place", name, line)
		}
		for _, pl := range strings.Split(list, ";") {
			if pl = strings.TrimSpace(pl); pl != "" {
				p.add(pl, code)
			}
		}
	}
	return p, sc.Err()
}

func (p *places) add(name, code string) {
	m := p.root
	var n *placeNode
	for _, t := range text.Tokenize(name) {
		n = m[t.Lower]
		if n == nil {
			n = &placeNode{next: map[string]*placeNode{}}
			m[t.Lower] = n
		}
		m = n.next
	}
	if n != nil {
		n.country = code
	}
}

// longest returns the end token index and country of the longest place name
// starting at token i, or (i, "") when none starts there.
func (p *places) longest(lower []string, i int) (int, string) {
	end, code := i, ""
	m := p.root
	for k := i; k < len(lower) && m != nil; k++ {
		n := m[lower[k]]
		if n == nil {
			break
		}
		if n.country != "" {
			end, code = k+1, n.country
		}
		m = n.next
	}
	return end, code
}
