// Command mutate measures how many small, plausible bugs the test suite
// catches. It plants one bug at a time (a mutant) in a package's source,
// runs the tests of every package whose test binary depends on the mutated
// package, and reports the mutants no test caught.
//
// It never edits the tree: each mutant is handed to the go command through
// -overlay. Run it from the module's root, niced, as TESTING.md says:
//
//	nice go run ./fakeaws/internal/mutate -n 20 -seed 1 ./fakeaws/internal/paramstore
//
// Mutations (go/ast, no type information; those that do not compile are
// counted as not viable and left out of the score):
//
//	cmp     a comparison flipped: == and != swapped, < to <=, <= to <, > to >=, >= to >
//	logic   && and || swapped
//	arith   + and - swapped
//	const   an integer literal n made n+1, or n-1
//	bool    true and false swapped
//	negate  an if's condition negated
//	dropif  an if's body emptied (the else, if any, stays)
//	dropelse an if's else removed
//	stmt    a call statement, defer, assignment (=) or ++/-- removed
//
// A mutant is killed when any test fails (or the run times out); it
// survives when every test passes. Mutants listed in the equivalents file
// (-equivalent, one ID and a reason per line) are reported but left out of
// the score: they change the code but not what it does.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
)

// mutant is one planted bug: the bytes [start,end) of file replaced by repl.
type mutant struct {
	ID    string // stable across unrelated edits: file, function, kind, text, occurrence
	File  string // absolute
	Line  int
	Start int
	End   int
	Repl  string
	Desc  string
}

// result is what the suite made of one mutant.
type result struct {
	Mutant   mutant
	Status   string // killed, survived, timeout, notviable, equivalent
	KilledBy string // the test package that failed
	Took     time.Duration
}

func main() {
	n := flag.Int("n", 0, "mutants sampled per package (0: all)")
	seed := flag.Uint64("seed", 1, "seed of the sample")
	race := flag.Bool("race", false, "run the tests with the race detector")
	timeout := flag.Duration("timeout", 0, "time limit of one package's tests under one mutant (0: 3× its unmutated run, at least 60s)")
	equiv := flag.String("equivalent", "fakeaws/internal/mutate/equivalent.txt", "file of equivalent mutants: an ID, a tab, the reason, a line each")
	only := flag.String("only", "", "run only the mutants whose ID contains this")
	list := flag.Bool("list", false, "list the mutants and stop")
	out := flag.String("o", "", "also write the results here, as JSON lines")
	rerun := flag.String("rerun", "", "run again the mutants that survived in this results file (from -o), instead of sampling")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: mutate [flags] package...\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Args(), *n, *seed, *race, *timeout, *equiv, *only, *list, *out, *rerun); err != nil {
		fmt.Fprintln(os.Stderr, "mutate:", err)
		os.Exit(1)
	}
}

type goPkg struct {
	ImportPath string
	Dir        string
	GoFiles    []string
	Deps       []string
	ForTest    string
}

func goList(args ...string) ([]goPkg, error) {
	cmd := exec.Command("go", append([]string{"list", "-e", "-json"}, args...)...)
	cmd.Stderr = os.Stderr
	b, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w", err)
	}
	var pkgs []goPkg
	dec := json.NewDecoder(bytes.NewReader(b))
	for {
		var p goPkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		pkgs = append(pkgs, p)
	}
	return pkgs, nil
}

func run(patterns []string, n int, seed uint64, race bool, timeout time.Duration, equivFile, only string, list bool, outFile, rerunFile string) error {
	targets, err := goList(patterns...)
	if err != nil {
		return err
	}
	equivalent, err := readEquivalents(equivFile)
	if err != nil {
		return err
	}
	// Every test binary of the module, with what it links: a mutant in P
	// is run against each package whose test binary depends on P.
	all, err := goList("-test", "-deps=false", "./...")
	if err != nil {
		return err
	}
	var again map[string]bool
	if rerunFile != "" {
		if again, err = survivors(rerunFile); err != nil {
			return err
		}
	}
	var w *os.File
	if outFile != "" {
		if w, err = os.Create(outFile); err != nil {
			return err
		}
		defer w.Close()
	}
	tmp, err := os.MkdirTemp("", "mutate")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	base := map[string]time.Duration{}
	var summary []string
	for _, tp := range targets {
		ms, err := mutants(tp)
		if err != nil {
			return err
		}
		total := len(ms)
		if only != "" {
			ms = slices.DeleteFunc(ms, func(m mutant) bool { return !strings.Contains(m.ID, only) })
		}
		if again != nil {
			ms = slices.DeleteFunc(ms, func(m mutant) bool { return !again[m.ID] })
		} else {
			r := rand.New(rand.NewPCG(seed, 0x6d757461))
			r.Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
			if n > 0 && len(ms) > n {
				ms = ms[:n]
			}
		}
		if len(ms) == 0 {
			continue
		}
		if list {
			for _, m := range ms {
				fmt.Printf("%s\t%s:%d\t%s\n", m.ID, rel(m.File), m.Line, m.Desc)
			}
			continue
		}
		tests := testPackages(tp.ImportPath, all)
		fmt.Printf("# %s: %d mutants, running %d against %d test packages: %s\n", tp.ImportPath, total, len(ms), len(tests), strings.Join(tests, " "))
		for _, p := range tests {
			if _, ok := base[p]; ok {
				continue
			}
			t0 := clock.Real().Now()
			if out, err := goTest(context.Background(), p, "", race); err != nil {
				return fmt.Errorf("the unmutated tests of %s fail; fix them first:\n%s", p, out)
			}
			base[p] = clock.Real().Now().Sub(t0)
		}
		slices.SortStableFunc(tests, func(a, b string) int { // own package first, then the quickest
			if (a == tp.ImportPath) != (b == tp.ImportPath) {
				if a == tp.ImportPath {
					return -1
				}
				return 1
			}
			return int(base[a] - base[b])
		})
		count := map[string]int{}
		for i, m := range ms {
			res := try(m, tests, tmp, race, timeout, base)
			if res.Status == "survived" && equivalent[m.ID] != "" {
				res.Status = "equivalent"
			}
			count[res.Status]++
			fmt.Printf("%3d/%d %-10s %s  (%s:%d: %s) %s %s\n", i+1, len(ms), res.Status, m.ID, rel(m.File), m.Line, m.Desc, res.KilledBy, res.Took.Round(time.Second))
			if w != nil {
				b, _ := json.Marshal(res)
				fmt.Fprintf(w, "%s\n", b)
			}
		}
		killed := count["killed"] + count["timeout"]
		scored := killed + count["survived"]
		score := "n/a"
		if scored > 0 {
			score = fmt.Sprintf("%.0f%%", 100*float64(killed)/float64(scored))
		}
		summary = append(summary, fmt.Sprintf("%-55s %4d %4d %6d %7d %7d %6d %7s", tp.ImportPath, total, len(ms), killed, count["survived"], count["equivalent"], count["notviable"], score))
	}
	if !list {
		fmt.Printf("\n%-55s %4s %4s %6s %7s %7s %6s %7s\n", "package", "all", "run", "killed", "survive", "equiv", "notviab", "score")
		for _, s := range summary {
			fmt.Println(s)
		}
	}
	return nil
}

// testPackages returns the packages whose test binary links pkg.
func testPackages(pkg string, all []goPkg) []string {
	var out []string
	for _, p := range all {
		name, ok := strings.CutSuffix(p.ImportPath, ".test")
		if !ok || p.ForTest != "" {
			continue
		}
		if name == pkg || slices.Contains(p.Deps, pkg) || slices.ContainsFunc(p.Deps, func(d string) bool {
			return strings.HasPrefix(d, pkg+" [") // the package recompiled for a test
		}) {
			out = append(out, name)
		}
	}
	return out
}

func goTest(ctx context.Context, pkg, overlay string, race bool) (string, error) {
	args := []string{"test", "-count=1", "-failfast", "-vet=off"}
	if race {
		args = append(args, "-race")
	}
	if overlay != "" {
		args = append(args, "-overlay", overlay)
	}
	cmd := exec.CommandContext(ctx, "go", append(args, pkg)...)
	cmd.WaitDelay = 5 * time.Second
	b, err := cmd.CombinedOutput()
	return string(b), err
}

// try runs the tests against m, package by package, and stops at the first
// failure.
func try(m mutant, tests []string, tmp string, race bool, timeout time.Duration, base map[string]time.Duration) result {
	t0 := clock.Real().Now()
	res := result{Mutant: m}
	src, err := os.ReadFile(m.File)
	if err != nil {
		res.Status = "notviable"
		return res
	}
	mutated := append(append(append([]byte(nil), src[:m.Start]...), m.Repl...), src[m.End:]...)
	mf := filepath.Join(tmp, "mutant.go")
	ov := filepath.Join(tmp, "overlay.json")
	b, _ := json.Marshal(map[string]any{"Replace": map[string]string{m.File: mf}})
	if os.WriteFile(mf, mutated, 0o644) != nil || os.WriteFile(ov, b, 0o644) != nil {
		res.Status = "notviable"
		return res
	}
	build := exec.Command("go", "build", "-overlay", ov, "./"+rel(filepath.Dir(m.File)))
	if out, err := build.CombinedOutput(); err != nil {
		_ = out
		res.Status, res.Took = "notviable", clock.Real().Now().Sub(t0)
		return res
	}
	for _, p := range tests {
		limit := timeout
		if limit == 0 {
			limit = max(3*base[p], 60*time.Second)
		}
		ctx, cancel := context.WithTimeout(context.Background(), limit)
		out, err := goTest(ctx, p, ov, race)
		cerr := ctx.Err()
		cancel()
		switch {
		case cerr != nil:
			res.Status, res.KilledBy = "timeout", p
		case err == nil:
			continue
		case strings.Contains(out, "[build failed]") || strings.Contains(out, "[setup failed]"):
			res.Status = "notviable"
		default:
			res.Status, res.KilledBy = "killed", p
		}
		res.Took = clock.Real().Now().Sub(t0)
		return res
	}
	res.Status, res.Took = "survived", clock.Real().Now().Sub(t0)
	return res
}

// survivors reads the IDs of the mutants that survived (or were set aside
// as equivalent) in a results file written with -o.
func survivors(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for line := range strings.Lines(string(b)) {
		var r result
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if r.Status == "survived" || r.Status == "equivalent" {
			ids[r.Mutant.ID] = true
		}
	}
	return ids, nil
}

func rel(path string) string {
	wd, _ := os.Getwd()
	if r, err := filepath.Rel(wd, path); err == nil {
		return r
	}
	return path
}

func readEquivalents(path string) (map[string]string, error) {
	m := map[string]string{}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return m, nil
	} else if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, reason, _ := strings.Cut(line, "\t") // IDs hold spaces: a tab ends them
		m[id] = strings.TrimSpace(reason)
		if m[id] == "" {
			m[id] = "equivalent"
		}
	}
	return m, sc.Err()
}

// mutants returns every mutant of p's non-test Go files.
func mutants(p goPkg) ([]mutant, error) {
	var ms []mutant
	for _, name := range p.GoFiles {
		path := filepath.Join(p.Dir, name)
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		ms = append(ms, fileMutants(fset, f, path, filepath.Base(p.Dir)+"/"+name, src)...)
	}
	return ms, nil
}

func fileMutants(fset *token.FileSet, f *ast.File, path, short string, src []byte) []mutant {
	var ms []mutant
	seen := map[string]int{}
	off := func(p token.Pos) int { return fset.Position(p).Offset }
	text := func(a, b token.Pos) string { return string(src[off(a):off(b)]) }
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Body == nil {
			continue
		}
		fname := fn.Name.Name
		if fn.Recv != nil && len(fn.Recv.List) == 1 {
			fname = strings.NewReplacer(" ", "", "\t", "").Replace(string(src[off(fn.Recv.List[0].Type.Pos()):off(fn.Recv.List[0].Type.End())])) + "." + fname
		}
		add := func(kind string, start, end int, repl, what string, at token.Pos) {
			key := short + ":" + fname + ":" + kind + "[" + what + "]"
			seen[key]++
			ms = append(ms, mutant{
				ID:   fmt.Sprintf("%s#%d", key, seen[key]),
				File: path, Line: fset.Position(at).Line, Start: start, End: end, Repl: repl,
				Desc: fmt.Sprintf("%s: %q → %q", kind, string(src[start:end]), repl),
			})
		}
		oneLine := func(s string) string {
			s = strings.Join(strings.Fields(s), " ")
			if len(s) > 40 {
				s = s[:40]
			}
			return s
		}
		// dropStmts adds a mutant removing each statement of list that has an
		// effect of its own (a call, defer, ++/--, an assignment).
		dropStmts := func(list []ast.Stmt) {
			for _, s := range list {
				var drop bool
				switch s := s.(type) {
				case *ast.ExprStmt:
					_, drop = s.X.(*ast.CallExpr)
				case *ast.DeferStmt, *ast.IncDecStmt:
					drop = true
				case *ast.AssignStmt:
					drop = s.Tok != token.DEFINE
				}
				if drop {
					add("stmt", off(s.Pos()), off(s.End()), "", oneLine(text(s.Pos(), s.End())), s.Pos())
				}
			}
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BinaryExpr:
				o := off(n.OpPos)
				l := len(n.Op.String())
				what := oneLine(text(n.Pos(), n.End()))
				swap := map[token.Token][]token.Token{
					token.EQL: {token.NEQ}, token.NEQ: {token.EQL},
					token.LSS: {token.LEQ}, token.LEQ: {token.LSS},
					token.GTR: {token.GEQ}, token.GEQ: {token.GTR},
				}
				if to, ok := swap[n.Op]; ok {
					add("cmp", o, o+l, to[0].String(), what, n.OpPos)
				}
				switch n.Op {
				case token.LAND:
					add("logic", o, o+l, "||", what, n.OpPos)
				case token.LOR:
					add("logic", o, o+l, "&&", what, n.OpPos)
				case token.ADD:
					add("arith", o, o+l, "-", what, n.OpPos)
				case token.SUB:
					add("arith", o, o+l, "+", what, n.OpPos)
				}
			case *ast.BasicLit:
				if n.Kind == token.INT {
					if v, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
						add("const", off(n.Pos()), off(n.End()), strconv.FormatInt(v+1, 10), n.Value+"+1", n.Pos())
						if v > 0 {
							add("const", off(n.Pos()), off(n.End()), strconv.FormatInt(v-1, 10), n.Value+"-1", n.Pos())
						}
					}
				}
			case *ast.Ident:
				if n.Name == "true" {
					add("bool", off(n.Pos()), off(n.End()), "false", "true", n.Pos())
				} else if n.Name == "false" {
					add("bool", off(n.Pos()), off(n.End()), "true", "false", n.Pos())
				}
			case *ast.IfStmt:
				cond := oneLine(text(n.Cond.Pos(), n.Cond.End()))
				add("negate", off(n.Cond.Pos()), off(n.Cond.End()), "!("+text(n.Cond.Pos(), n.Cond.End())+")", cond, n.Cond.Pos())
				if len(n.Body.List) > 0 {
					add("dropif", off(n.Body.Lbrace)+1, off(n.Body.Rbrace), "", cond, n.Body.Pos())
				}
				if n.Else != nil {
					add("dropelse", off(n.Body.End()), off(n.Else.End()), "", cond, n.Else.Pos())
				}
			case *ast.BlockStmt:
				dropStmts(n.List)
			case *ast.CaseClause:
				dropStmts(n.Body)
			}
			return true
		})
	}
	return ms
}
