package fakeaws_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoWallClockOutsideClock keeps every timestamp on the Store's clock:
// time.Now may appear only in package clock, anywhere in the module.
func TestNoWallClockOutsideClock(t *testing.T) {
	t.Parallel()
	root := ".." // the module's root: this package is fakeaws/
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path == filepath.Join(root, "fakeaws", "clock") || strings.HasPrefix(d.Name(), ".") && path != root || d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(b), "\n") {
			if strings.Contains(line, "time.Now(") {
				t.Errorf("%s:%d uses time.Now(); read the Store's clock instead", path, i+1)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestNoMutablePackageState keeps the module free of state a caller could
// change under every Store: no init functions, and no exported package
// variables but sentinel errors (Err...) in the packages users import. The
// operation declarations of internal/paramstore and internal/secrets are
// package variables only the module's own packages can reach.
func TestNoMutablePackageState(t *testing.T) {
	t.Parallel()
	root := ".." // the module's root: this package is fakeaws/
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && path != root || d.Name() == "testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if decl.Recv == nil && decl.Name.Name == "init" {
					t.Errorf("%s: func init; pass what it sets up explicitly", fset.Position(decl.Pos()))
				}
			case *ast.GenDecl:
				if decl.Tok != token.VAR {
					continue
				}
				for _, spec := range decl.Specs {
					for _, name := range spec.(*ast.ValueSpec).Names {
						n := name.Name
						internal := strings.Contains(filepath.ToSlash(path), "/internal/")
						if ast.IsExported(n) && !strings.HasPrefix(n, "Err") && !internal {
							t.Errorf("%s: exported variable %s; make it a constant or a function", fset.Position(name.Pos()), n)
						}
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
