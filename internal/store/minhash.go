package store

import (
	"encoding/binary"
	"hash/fnv"
	"slices"
	"unicode"
)

// Near-duplicate detection: the same wire story republished by many sites
// with different headers, footers or small edits. Documents are compared by
// the Jaccard resemblance of their sets of word 3-shingles, estimated with
// MinHash (Broder 1997, "On the resemblance and containment of documents")
// and found without pairwise comparison by locality-sensitive hashing over
// signature bands (Leskovec, Rajaraman & Ullman, "Mining of Massive
// Datasets", ch. 3.4). With b bands of r rows a pair of resemblance s
// becomes a candidate with probability 1-(1-s^r)^b; for b=34, r=3 that is
// 0.99 at s=0.5 and 0.24 at s=0.2, and candidates are then confirmed by
// the full 102-entry signature estimate against NearDupThreshold. Short
// news items republished with a new dateline, one sentence added or
// dropped and an edited attribution measure 0.6-0.75; different reports of
// the same event by different writers share few 3-shingles (below 0.1).
const (
	shingleWords = 3
	minhashBands = 34
	minhashRows  = 3
	minhashSize  = minhashBands * minhashRows
	// NearDupThreshold is the estimated Jaccard resemblance of word
	// 3-shingles at or above which a document is linked as a near duplicate
	// of an earlier one.
	NearDupThreshold = 0.5
	// minShingles is the fewest shingles (about words) a document needs to
	// take part. Single sentences are left out: two one-sentence records
	// that differ in their verb ("attacked" / "praised") share most of
	// their shingles yet report different events (PETRARCH's sentence-level
	// records are like this), whereas a republished wire story is several
	// sentences long.
	minShingles = 40
)

// minhashMul and minhashAdd define the hash family h_i(x) = (a_i*x + b_i)
// >> 32 over 64-bit shingle hashes, with a_i odd: multiply-shift hashing
// (Dietzfelbinger et al. 1997), cheap enough to apply 102 times per
// shingle. They are fixed so signatures are stable across processes (they
// are stored in the database).
var minhashMul, minhashAdd = func() (m, a [minhashSize]uint64) {
	x := uint64(0x9e3779b97f4a7c15)
	for i := range m {
		x = splitmix(x + uint64(i))
		m[i] = x | 1
		x = splitmix(x)
		a[i] = x
	}
	return m, a
}()

// splitmix is the SplitMix64 finaliser, a fast bijective 64-bit mixer.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// wordHashes returns the FNV-1a hash of each lower-cased run of letters
// and digits in text, without allocating per word.
func wordHashes(text string) []uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	var out []uint64
	h, in := uint64(offset), false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			r = unicode.ToLower(r)
			for r > 0 {
				h = (h ^ uint64(r&0xff)) * prime
				r >>= 8
			}
			in = true
			continue
		}
		if in {
			out = append(out, h)
			h, in = offset, false
		}
	}
	if in {
		out = append(out, h)
	}
	return out
}

// shingles returns the distinct 64-bit hashes of the document's word
// 3-shingles, sorted.
func shingles(text string) []uint64 {
	wh := wordHashes(text)
	if len(wh) < shingleWords {
		return nil
	}
	out := make([]uint64, 0, len(wh))
	for i := 0; i+shingleWords <= len(wh); i++ {
		v := uint64(0)
		for _, h := range wh[i : i+shingleWords] {
			v = splitmix(v ^ h)
		}
		out = append(out, v)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Signature is a MinHash signature: for each of minhashSize hash functions
// the low 32 bits of the minimum hash over the document's shingles.
type Signature []uint32

// MinHash returns the signature of text, or nil when the text has fewer
// than minShingles shingles.
func MinHash(text string) Signature {
	sh := shingles(text)
	if len(sh) < minShingles {
		return nil
	}
	sig := make(Signature, minhashSize)
	for i, m := range minhashMul {
		a, lo := minhashAdd[i], ^uint32(0)
		for _, s := range sh {
			if v := uint32((s*m + a) >> 32); v < lo {
				lo = v
			}
		}
		sig[i] = lo
	}
	return sig
}

// Similarity estimates the Jaccard resemblance of the two documents as the
// fraction of equal signature entries.
func (s Signature) Similarity(o Signature) float64 {
	if len(s) != minhashSize || len(o) != minhashSize {
		return 0
	}
	eq := 0
	for i := range s {
		if s[i] == o[i] {
			eq++
		}
	}
	return float64(eq) / minhashSize
}

// BandKeys returns one LSH bucket key per band: a hash of the band's index
// and rows. Two documents sharing any key are candidate near duplicates.
func (s Signature) BandKeys() []int64 {
	if len(s) != minhashSize {
		return nil
	}
	keys := make([]int64, minhashBands)
	buf := make([]byte, 4*minhashRows+1)
	for b := range keys {
		buf[0] = byte(b)
		for r := 0; r < minhashRows; r++ {
			binary.LittleEndian.PutUint32(buf[1+4*r:], s[b*minhashRows+r])
		}
		h := fnv.New64a()
		h.Write(buf)
		keys[b] = int64(h.Sum64())
	}
	return keys
}

// bytes encodes the signature for storage.
func (s Signature) bytes() []byte {
	if s == nil {
		return nil
	}
	out := make([]byte, 4*len(s))
	for i, v := range s {
		binary.LittleEndian.PutUint32(out[4*i:], v)
	}
	return out
}

// signatureFrom decodes a stored signature; malformed input gives nil.
func signatureFrom(b []byte) Signature {
	if len(b) != 4*minhashSize {
		return nil
	}
	s := make(Signature, minhashSize)
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s
}
