package paramstore

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestIndex checks the block index against a sorted slice through inserts,
// removals and seeks across many block splits and merges.
func TestIndex(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	var x index
	var want []string
	for i := 0; i < 5000; i++ {
		k := fmt.Sprintf("/k/%05d", r.IntN(3000))
		j, found := slices.BinarySearch(want, k)
		if r.IntN(3) == 0 {
			if found {
				want = slices.Delete(want, j, j+1)
			}
			x.remove(k)
			continue
		}
		if !found {
			want = slices.Insert(want, j, k)
			x.insert(k)
		}
	}
	var got []string
	for p := x.seek(""); ; p = x.next(p) {
		k, ok := x.at(p)
		if !ok {
			break
		}
		got = append(got, k)
	}
	if !slices.Equal(got, want) || x.Len() != len(want) {
		t.Fatalf("index holds %d names (Len %d), want %d, or out of order", len(got), x.Len(), len(want))
	}
	for i := 0; i < 500; i++ {
		k := fmt.Sprintf("/k/%05d", r.IntN(3100))
		j, found := slices.BinarySearch(want, k)
		g, ok := x.at(x.seek(k))
		if ok != (j < len(want)) || ok && g != want[j] {
			t.Fatalf("seek(%q) = %q, %v; want %v", k, g, ok, want[j:min(j+1, len(want))])
		}
		if found {
			j++
		}
		g, ok = x.at(x.seekAfter(k))
		if ok != (j < len(want)) || ok && g != want[j] {
			t.Fatalf("seekAfter(%q) = %q, %v", k, g, ok)
		}
	}
}
