package secrets

import (
	"slices"
	"sort"
)

// chunkSize is the size of a nameIndex chunk after a split; chunks hold up
// to twice as many.
const chunkSize = 512

// nameIndex is a sorted set of names kept in chunks, so that an insert or a
// delete moves at most a chunk, not the whole index (1e6 secrets created in
// any order stay cheap), while position i is still found by binary search.
type nameIndex struct {
	chunks [][]string
	starts []int // starts[k]: how many names come before chunks[k]
	n      int
}

// Len returns the number of names.
func (x *nameIndex) Len() int { return x.n }

// At returns the i-th name in sorted order.
func (x *nameIndex) At(i int) string {
	k := sort.Search(len(x.starts), func(k int) bool { return x.starts[k] > i }) - 1
	return x.chunks[k][i-x.starts[k]]
}

// Search returns the position of the first name not below name.
func (x *nameIndex) Search(name string) int {
	k := x.chunkFor(name)
	if k < 0 {
		return 0
	}
	i, _ := slices.BinarySearch(x.chunks[k], name)
	return x.starts[k] + i
}

// chunkFor returns the chunk name belongs in: the first whose last name is
// not below name, else the last; -1 when there are none.
func (x *nameIndex) chunkFor(name string) int {
	k := sort.Search(len(x.chunks), func(k int) bool {
		c := x.chunks[k]
		return c[len(c)-1] >= name
	})
	if k == len(x.chunks) {
		k--
	}
	return k
}

// Insert adds name (not already present).
func (x *nameIndex) Insert(name string) {
	k := x.chunkFor(name)
	if k < 0 {
		x.chunks = [][]string{{name}}
		x.reindex()
		return
	}
	c := x.chunks[k]
	i, _ := slices.BinarySearch(c, name)
	c = slices.Insert(c, i, name)
	if len(c) > 2*chunkSize {
		right := slices.Clone(c[chunkSize:])
		c = slices.Clip(c[:chunkSize])
		x.chunks = slices.Insert(x.chunks, k+1, right)
	}
	x.chunks[k] = c
	x.reindex()
}

// Delete removes name if present.
func (x *nameIndex) Delete(name string) {
	k := x.chunkFor(name)
	if k < 0 {
		return
	}
	c := x.chunks[k]
	i, ok := slices.BinarySearch(c, name)
	if !ok {
		return
	}
	c = slices.Delete(c, i, i+1)
	if len(c) == 0 {
		x.chunks = slices.Delete(x.chunks, k, k+1)
	} else {
		x.chunks[k] = c
	}
	x.reindex()
}

func (x *nameIndex) reindex() {
	x.starts = x.starts[:0]
	x.n = 0
	for _, c := range x.chunks {
		x.starts = append(x.starts, x.n)
		x.n += len(c)
	}
}
