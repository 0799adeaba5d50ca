package paramstore

import (
	"slices"
	"sort"
)

// blockSize is the most names one block of the index holds before it splits.
const blockSize = 512

// index is a sorted set of strings kept in blocks of at most blockSize
// names, so that inserting or removing one name moves at most a block's
// worth of names plus one pointer per block: both stay cheap at a million
// names, and seeking to a name is two binary searches.
type index struct {
	blocks [][]string // each sorted and non-empty; blocks in order
	n      int
}

// pos is a position in the index: block b, element i.
type pos struct{ b, i int }

// Len returns the number of names.
func (x *index) Len() int { return x.n }

// blockFor returns the block that holds name or would hold it.
func (x *index) blockFor(name string) int {
	b := sort.Search(len(x.blocks), func(i int) bool {
		blk := x.blocks[i]
		return blk[len(blk)-1] >= name
	})
	if b == len(x.blocks) && b > 0 {
		b--
	}
	return b
}

// insert adds name (which must not be present).
func (x *index) insert(name string) {
	x.n++
	if len(x.blocks) == 0 {
		x.blocks = [][]string{{name}}
		return
	}
	b := x.blockFor(name)
	blk := x.blocks[b]
	i, _ := slices.BinarySearch(blk, name)
	blk = slices.Insert(blk, i, name)
	if len(blk) <= blockSize {
		x.blocks[b] = blk
		return
	}
	half := len(blk) / 2
	lo := slices.Clone(blk[:half])
	hi := slices.Clone(blk[half:])
	x.blocks[b] = lo
	x.blocks = slices.Insert(x.blocks, b+1, hi)
}

// remove deletes name if present.
func (x *index) remove(name string) {
	if len(x.blocks) == 0 {
		return
	}
	b := x.blockFor(name)
	blk := x.blocks[b]
	i, ok := slices.BinarySearch(blk, name)
	if !ok {
		return
	}
	x.n--
	blk = slices.Delete(blk, i, i+1)
	if len(blk) == 0 {
		x.blocks = slices.Delete(x.blocks, b, b+1)
		return
	}
	x.blocks[b] = blk
}

// seek returns the position of the first name >= name (which may be the end).
func (x *index) seek(name string) pos {
	if len(x.blocks) == 0 {
		return pos{}
	}
	b := x.blockFor(name)
	i, _ := slices.BinarySearch(x.blocks[b], name)
	p := pos{b, i}
	if i == len(x.blocks[b]) {
		p = pos{b + 1, 0}
	}
	return p
}

// seekAfter returns the position of the first name > name.
func (x *index) seekAfter(name string) pos {
	p := x.seek(name)
	if v, ok := x.at(p); ok && v == name {
		p = x.next(p)
	}
	return p
}

// at returns the name at p, or false at the end.
func (x *index) at(p pos) (string, bool) {
	if p.b >= len(x.blocks) {
		return "", false
	}
	return x.blocks[p.b][p.i], true
}

// next returns the position after p.
func (x *index) next(p pos) pos {
	p.i++
	if p.i >= len(x.blocks[p.b]) {
		p = pos{p.b + 1, 0}
	}
	return p
}
