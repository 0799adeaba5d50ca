package sm

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestNameIndex checks the chunked index against a plain sorted slice
// through random inserts and deletes.
func TestNameIndex(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(1, 2))
	var x nameIndex
	var want []string
	for step := range 5000 {
		name := fmt.Sprintf("n%05d", r.IntN(3000))
		i, found := slices.BinarySearch(want, name)
		if found && r.IntN(2) == 0 {
			want = slices.Delete(want, i, i+1)
			x.Delete(name)
		} else if !found {
			want = slices.Insert(want, i, name)
			x.Insert(name)
		}
		if x.Len() != len(want) {
			t.Fatalf("step %d: Len %d, want %d", step, x.Len(), len(want))
		}
		if got := x.Search(name); got != i {
			t.Fatalf("step %d: Search(%s) = %d, want %d", step, name, got, i)
		}
	}
	for i, n := range want {
		if got := x.At(i); got != n {
			t.Fatalf("At(%d) = %s, want %s", i, got, n)
		}
	}
}
