package store

import "testing"

// BenchmarkMinHash measures the signature of a 120-word document.
func BenchmarkMinHash(b *testing.B) {
	text := synthetic(10, 3)[0].Doc.Text
	for b.Loop() {
		MinHash(text)
	}
}
