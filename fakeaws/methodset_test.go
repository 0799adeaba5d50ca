package fakeaws_test

import (
	"reflect"
	"sort"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// parameterStoreOps are the Parameter Store operations of *ssm.Client that
// ssmfake serves: parameters, tags, the service settings of Parameter Store
// and parameter resource policies (the rest of SSM, documents, commands,
// patching, is out of scope).
var parameterStoreOps = []string{
	"AddTagsToResource", "DeleteParameter", "DeleteParameters", "DescribeParameters",
	"GetParameter", "GetParameterHistory", "GetParameters", "GetParametersByPath",
	"LabelParameterVersion", "ListTagsForResource", "PutParameter",
	"RemoveTagsFromResource", "UnlabelParameterVersion",
	"GetServiceSetting", "UpdateServiceSetting", "ResetServiceSetting",
	"PutResourcePolicy", "GetResourcePolicies", "DeleteResourcePolicy",
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

func TestParameterStoreMethodSet(t *testing.T) {
	t.Parallel()
	sameMethods(t, reflect.TypeFor[*ssm.Client](), reflect.TypeFor[*ssmfake.Client](), parameterStoreOps)
}

// TestSecretsManagerMethodSubset checks that every operation smfake serves
// has the SDK's exact signature and that it serves no method the SDK lacks.
func TestSecretsManagerMethodSubset(t *testing.T) {
	t.Parallel()
	real, fake := reflect.TypeFor[*secretsmanager.Client](), reflect.TypeFor[*smfake.Client]()
	ops := operations(fake)
	if len(ops) == 0 {
		t.Fatal("smfake.Client serves no operation")
	}
	sameMethods(t, real, fake, ops)
}

func TestParameterStoreServesNoStrangers(t *testing.T) {
	t.Parallel()
	real, fake := reflect.TypeFor[*ssm.Client](), reflect.TypeFor[*ssmfake.Client]()
	sameMethods(t, real, fake, operations(fake))
}

// TestSecretsManagerMethodSet: every operation of *secretsmanager.Client is
// a method of *smfake.Client with the same signature, so a new SDK release
// that adds one is noticed here.
func TestSecretsManagerMethodSet(t *testing.T) {
	t.Parallel()
	real, fake := reflect.TypeFor[*secretsmanager.Client](), reflect.TypeFor[*smfake.Client]()
	sameMethods(t, real, fake, operations(real))
}
