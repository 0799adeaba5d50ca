package secrets

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
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

// TestHeadPattern checks the one-comparison prefix test on name heads
// against strings.HasPrefix: a name whose head fails it never has the
// prefix, and one that passes has the prefix's first 8 bytes.
func TestHeadPattern(t *testing.T) {
	t.Parallel()
	names := []string{"", "a", "ab", "app42/s1", "app42/s100", "app4", "app42", "prod/db", "prod/db/x", "Prod", "p", "12345678", "123456789"}
	prefixes := append([]string{"app42/", "app42/s", "app42/s1x", "1234567", "12345678", "123456789", "pro", "zzz"}, names...)
	for _, name := range names {
		for _, p := range prefixes {
			got := patternOf(p).mayHavePrefix(headOf(name))
			want := strings.HasPrefix(name, p[:min(len(p), 8)])
			if got != want {
				t.Errorf("patternOf(%q).mayHavePrefix(headOf(%q)) = %v, want %v", p, name, got, want)
			}
			if strings.HasPrefix(name, p) && !got {
				t.Errorf("%q has prefix %q but its head was refused", name, p)
			}
		}
	}
}
