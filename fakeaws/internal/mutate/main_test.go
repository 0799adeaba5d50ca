package main

import (
	"go/parser"
	"go/token"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const src = `package p

func f(a, b int) int {
	if a < b && b != 0 {
		g()
		return a + 1
	} else {
		a++
	}
	return b
}

func g() {}
`

func parse(t *testing.T, s string) []mutant {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", s, 0)
	if err != nil {
		t.Fatal(err)
	}
	return fileMutants(fset, f, "/x/p.go", "p/p.go", []byte(s))
}

// TestMutants lists each mutant of a small function, applied.
func TestMutants(t *testing.T) {
	t.Parallel()
	var got []string
	for _, m := range parse(t, src) {
		mutated := src[:m.Start] + m.Repl + src[m.End:]
		line := strings.Split(mutated, "\n")[m.Line-1]
		got = append(got, m.ID+" | "+strings.TrimSpace(line))
	}
	want := []string{
		"p/p.go:f:negate[a < b && b != 0]#1 | if !(a < b && b != 0) {",
		"p/p.go:f:dropif[a < b && b != 0]#1 | if a < b && b != 0 {} else {",
		"p/p.go:f:dropelse[a < b && b != 0]#1 | }", // the else and its block gone
		"p/p.go:f:logic[a < b && b != 0]#1 | if a < b || b != 0 {",
		"p/p.go:f:cmp[a < b]#1 | if a <= b && b != 0 {",
		"p/p.go:f:cmp[b != 0]#1 | if a < b && b == 0 {",
		"p/p.go:f:const[0+1]#1 | if a < b && b != 1 {",
		"p/p.go:f:stmt[g()]#1 | ",
		"p/p.go:f:arith[a + 1]#1 | return a - 1",
		"p/p.go:f:const[1+1]#1 | return a + 2",
		"p/p.go:f:const[1-1]#1 | return a + 0",
		"p/p.go:f:stmt[a++]#1 | ",
	}
	slices.Sort(got)
	slices.Sort(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mutants (-want +got):\n%s", diff)
	}
}

// TestMutantIDsSurviveUnrelatedEdits: an ID names the function, kind and
// text, not the line, so that the equivalents file stays valid when code
// above moves.
func TestMutantIDsSurviveUnrelatedEdits(t *testing.T) {
	t.Parallel()
	ids := func(ms []mutant) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.ID)
		}
		return out
	}
	moved := strings.Replace(src, "package p\n", "package p\n\n// A comment.\nconst c = 1\n", 1)
	if diff := cmp.Diff(ids(parse(t, src)), ids(parse(t, moved))); diff != "" {
		t.Errorf("IDs changed when lines moved (-before +after):\n%s", diff)
	}
}

// TestReadEquivalents: an ID holds spaces; a tab ends it.
func TestReadEquivalents(t *testing.T) {
	t.Parallel()
	path := t.TempDir() + "/eq.txt"
	if err := os.WriteFile(path, []byte("# comment\n\np/p.go:f:cmp[a < b]#1\tbecause\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := readEquivalents(path)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{"p/p.go:f:cmp[a < b]#1": "because"}, got); diff != "" {
		t.Errorf("equivalents (-want +got):\n%s", diff)
	}
}
