package scenario

import (
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// MaxDepth is the deepest nesting of YAML collections accepted. A scenario
// needs 5 (actors, an actor, issues, an issue, a stance); the YAML parser
// takes time and memory quadratic in the depth, so a small file of
// brackets ("[[[[...") could otherwise use gigabytes.
const MaxDepth = 64

// MaxNodes bounds the YAML nodes a scenario expands to with every alias
// replaced by its anchor's value: about what an 8 MB file holds, so that
// aliases ("billion laughs") cannot make a small file decode as a huge one.
const MaxNodes = 4_000_000

// checkDepth rejects YAML whose collections nest deeper than MaxDepth,
// from the lexer's tokens, before the parser sees them. Flow collections
// ([ and {) count one level each until closed; block collections count
// by indentation: a sequence entry or a mapping key opens a level unless
// it continues a collection at the same column.
func checkDepth(name string, tokens token.Tokens) error {
	var blocks []blockLevel
	flow := 0
	for _, tk := range tokens {
		switch tk.Type {
		case token.SequenceStartType, token.MappingStartType:
			flow++
		case token.SequenceEndType, token.MappingEndType:
			flow = max(flow-1, 0)
		case token.SequenceEntryType, token.MappingValueType:
			if flow == 0 {
				blocks = openBlock(blocks, tk)
			}
		default:
			continue
		}
		if len(blocks)+flow > MaxDepth {
			return errAt(name, tk.Position.Line, "YAML nested more than %d levels deep", MaxDepth)
		}
	}
	return nil
}

// blockLevel is an open block collection: its column and whether it is a
// sequence.
type blockLevel struct {
	column int
	seq    bool
}

// openBlock closes the block collections tk ends and opens tk's: a
// mapping key closes everything at its column or right of it, a sequence
// entry everything right of it and a sequence at its column (a sequence
// may sit at its parent key's column).
func openBlock(blocks []blockLevel, tk *token.Token) []blockLevel {
	lv := blockLevel{column: tk.Position.Column, seq: tk.Type == token.SequenceEntryType}
	if !lv.seq && tk.Prev != nil && tk.Prev.Position.Line == tk.Position.Line {
		lv.column = tk.Prev.Position.Column // the key's column, not the colon's
	}
	for len(blocks) > 0 {
		top := blocks[len(blocks)-1]
		if top.column < lv.column || (top.column == lv.column && lv.seq && !top.seq) {
			break
		}
		blocks = blocks[:len(blocks)-1]
	}
	return append(blocks, lv)
}

// checkAliases rejects a document that expands to more than MaxNodes
// nodes once aliases are replaced by their anchors' values.
func checkAliases(name string, file *ast.File) error {
	s := &sizer{anchors: map[string]int{}}
	for _, doc := range file.Docs {
		ast.Walk(s, doc)
	}
	if s.over {
		return errAt(name, s.line, "aliases expand the scenario to more than %d YAML nodes", MaxNodes)
	}
	return nil
}

// sizer counts nodes with aliases expanded; over is set, with the line,
// where the count first passes MaxNodes.
type sizer struct {
	anchors map[string]int
	n       int
	over    bool
	line    int
}

// Visit counts n, expanding an alias to its anchor's size.
func (s *sizer) Visit(n ast.Node) ast.Visitor {
	if s.over {
		return nil
	}
	switch n := n.(type) {
	case *ast.AliasNode:
		s.add(s.anchors[nodeName(n.Value)], n)
		return nil
	case *ast.AnchorNode:
		sub := &sizer{anchors: s.anchors}
		if n.Value != nil {
			ast.Walk(sub, n.Value)
		}
		s.anchors[nodeName(n.Name)] = sub.n
		if s.over, s.line = sub.over, sub.line; !s.over {
			s.add(sub.n, n)
		}
		return nil
	}
	s.add(1, n)
	return s
}

// add counts k nodes at n.
func (s *sizer) add(k int, n ast.Node) {
	if s.n += k; s.n > MaxNodes && !s.over {
		s.over, s.line = true, 1
		if tk := n.GetToken(); tk != nil {
			s.line = tk.Position.Line
		}
	}
}

// nodeName is the text of an anchor's or alias's name.
func nodeName(n ast.Node) string {
	if n == nil || n.GetToken() == nil {
		return ""
	}
	return n.GetToken().Value
}
