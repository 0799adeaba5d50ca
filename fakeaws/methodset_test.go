package fakeaws_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"sort"
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// declaredNames are the names of the declared operations of a service.
func declaredNames(ops []core.Declared) []string {
	var names []string
	for _, d := range ops {
		names = append(names, d.Declaration().Op.Name())
	}
	sort.Strings(names)
	return names
}

// sameMethods checks that fake has each named method of real with the same
// signature.
func sameMethods(t *testing.T, real, fake reflect.Type, names []string) {
	t.Helper()
	for _, name := range names {
		rm, ok := real.MethodByName(name)
		if !ok {
			t.Errorf("%v has no method %s (the SDK dropped it?)", real, name)
			continue
		}
		fm, ok := fake.MethodByName(name)
		if !ok {
			t.Errorf("%v lacks %s%s", fake, name, signature(rm.Type))
			continue
		}
		if got, want := signature(fm.Type), signature(rm.Type); got != want {
			t.Errorf("%v.%s has signature %s, want %s", fake, name, got, want)
		}
	}
}

// signature renders a method type without its receiver.
func signature(m reflect.Type) string {
	s := "("
	for i := 1; i < m.NumIn(); i++ {
		if i > 1 {
			s += ", "
		}
		if m.IsVariadic() && i == m.NumIn()-1 {
			s += "..." + m.In(i).Elem().String()
		} else {
			s += m.In(i).String()
		}
	}
	s += ") ("
	for i := range m.NumOut() {
		if i > 0 {
			s += ", "
		}
		s += m.Out(i).String()
	}
	return s + ")"
}

// operations lists the exported methods of client that take a context and
// an input and return an output and an error: the service operations.
func operations(client reflect.Type) []string {
	var ops []string
	for i := range client.NumMethod() {
		m := client.Method(i)
		if m.Type.NumIn() == 4 && m.Type.NumOut() == 2 && m.Type.In(1).String() == "context.Context" {
			ops = append(ops, m.Name)
		}
	}
	sort.Strings(ops)
	return ops
}

// TestParameterStoreMethodSet: every declared Parameter Store operation is
// a method of *ssmfake.Client with the SDK's exact signature, and the fake
// serves no other operation.
func TestParameterStoreMethodSet(t *testing.T) {
	t.Parallel()
	real, fake := reflect.TypeFor[*ssm.Client](), reflect.TypeFor[*ssmfake.Client]()
	declared := declaredNames(paramstore.Operations)
	sameMethods(t, real, fake, declared)
	if diff := cmp.Diff(declared, operations(fake)); diff != "" {
		t.Errorf("ssmfake.Client's operations differ from paramstore.Operations (-declared +methods):\n%s", diff)
	}
}

// TestSecretsManagerMethodSet: every operation of *secretsmanager.Client is
// declared and is a method of *smfake.Client with the same signature, so a
// new SDK release that adds one is noticed here; the fake serves no other.
func TestSecretsManagerMethodSet(t *testing.T) {
	t.Parallel()
	real, fake := reflect.TypeFor[*secretsmanager.Client](), reflect.TypeFor[*smfake.Client]()
	declared := declaredNames(secrets.Operations)
	if diff := cmp.Diff(operations(real), declared); diff != "" {
		t.Errorf("secrets.Operations differ from *secretsmanager.Client's operations (-SDK +declared):\n%s", diff)
	}
	sameMethods(t, real, fake, declared)
	if diff := cmp.Diff(declared, operations(fake)); diff != "" {
		t.Errorf("smfake.Client's operations differ from secrets.Operations (-declared +methods):\n%s", diff)
	}
}

// TestOpConstants: ssmfake and smfake name every declared operation, and
// nothing else, by its IAM action (read from their ops.go, since constants
// cannot be listed by reflection).
func TestOpConstants(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		file     string
		declared []core.Declared
	}{{"ssmfake/ops.go", paramstore.Operations}, {"smfake/ops.go", secrets.Operations}} {
		f, err := parser.ParseFile(token.NewFileSet(), tc.file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, n := range vs.Names {
					lit, _ := vs.Values[i].(*ast.BasicLit)
					if lit != nil {
						got[n.Name], _ = strconv.Unquote(lit.Value)
					}
				}
			}
		}
		want := map[string]string{}
		for _, d := range tc.declared {
			op := d.Declaration().Op
			want["Op"+op.Name()] = string(op)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: constants (-declared +got):\n%s", tc.file, diff)
		}
	}
}
