package endpoint

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fakeaws/fakeaws-go/fakeaws"
)

// stub is a backend for the handler that serves every operation of the
// real SDK clients: it records the decoded input and answers with a canned
// output (or error). It lets the wire be tested on every shape of both
// services, independently of which operations the fakes serve.
type stub struct {
	mu     sync.Mutex
	inputs map[string]any       // "svc.Op" → last decoded input
	parts  map[string]partition // "svc.Op" → partition of the last call
	answer func(svc string, op operation, in any) (any, error)
}

// newStubHandler returns a handler whose services are those of *ssm.Client
// and *secretsmanager.Client and whose answers come from s.
func newStubHandler(st *fakeaws.Store, s *stub, opts ...Option) *handler {
	h := newHandler(st, opts...)
	h.ssm, h.sm = newServices(operations(reflect.TypeFor[*ssm.Client]()), operations(reflect.TypeFor[*secretsmanager.Client]()))
	h.newClients = func(p partition) *clientPair {
		inv := func(svc string) invoker {
			return func(ctx context.Context, op operation, in reflect.Value) (reflect.Value, error) {
				key := svc + "." + op.name
				s.mu.Lock()
				s.inputs[key] = in.Interface()
				s.parts[key] = p
				s.mu.Unlock()
				out, err := s.answer(svc, op, in.Interface())
				if err != nil {
					return reflect.Value{}, err
				}
				return reflect.ValueOf(out), nil
			}
		}
		return &clientPair{ssm: inv(ssmTarget), sm: inv(smTarget)}
	}
	return h
}

func newStub(answer func(svc string, op operation, in any) (any, error)) *stub {
	if answer == nil {
		answer = func(_ string, op operation, _ any) (any, error) {
			return fill(reflect.New(op.output).Interface()), nil
		}
	}
	return &stub{inputs: map[string]any{}, parts: map[string]partition{}, answer: answer}
}

func (s *stub) input(key string) (any, partition) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.inputs[key], s.parts[key]
}

// stubConfig returns an aws.Config over h in memory.
func stubConfig(st *fakeaws.Store, h http.Handler) aws.Config {
	return sdkConfig(st, "http://fakeaws.localhost", &inMemory{h: h})
}

// fill sets every exported member of the SDK struct v points to (nested
// structs, lists, maps, blobs, timestamps with milliseconds, strings that
// need escaping) to deterministic values, and returns v. Recursive members
// (a struct inside itself) and unions are left unset.
func fill(v any) any {
	n := 0
	fillValue(reflect.ValueOf(v).Elem(), &n, map[reflect.Type]bool{})
	return v
}

// structOf returns the struct type t holds, through pointers, slices and
// maps, or nil.
func structOf(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct && t != timeType {
		return t
	}
	return nil
}

func fillValue(v reflect.Value, n *int, path map[reflect.Type]bool) {
	*n++
	t := v.Type()
	if st := structOf(t); st != nil && path[st] && t.Kind() != reflect.Struct {
		return
	}
	switch {
	case t == timeType:
		v.Set(reflect.ValueOf(time.UnixMilli(1700000000000 + int64(*n)*1001).UTC()))
		return
	case t == bytesType:
		v.SetBytes([]byte{0, 1, 0xfe, 0xff, byte(*n)})
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		fillValue(p.Elem(), n, path)
		v.Set(p)
	case reflect.String:
		v.SetString(fmt.Sprintf("v%d \"q\" \\ / \n\t\x01 é 😀 \u2028 <&>", *n))
	case reflect.Bool:
		v.SetBool(*n%2 == 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(*n))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(*n) + 0.25)
	case reflect.Slice:
		s := reflect.MakeSlice(t, 2, 2)
		for i := range 2 {
			fillValue(s.Index(i), n, path)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(t)
		for i := range 2 {
			e := reflect.New(t.Elem()).Elem()
			fillValue(e, n, path)
			m.SetMapIndex(reflect.ValueOf(fmt.Sprintf("k%d-%d", *n, i)).Convert(t.Key()), e)
		}
		v.Set(m)
	case reflect.Struct:
		path[t] = true
		defer delete(path, t)
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || f.Anonymous || f.Name == "ResultMetadata" || f.Type.Kind() == reflect.Interface {
				continue
			}
			fillValue(v.Field(i), n, path)
		}
	}
}

// sdkCompare compares SDK structs: unexported fields and ResultMetadata
// ignored, times by instant, nil and empty lists and maps alike (JSON does
// not tell them apart).
var sdkCompare = cmp.Options{
	cmp.FilterPath(func(p cmp.Path) bool {
		sf, ok := p.Last().(cmp.StructField)
		if !ok {
			return false
		}
		name := sf.Name()
		return name == "" || name[0] < 'A' || name[0] > 'Z' || name == "ResultMetadata"
	}, cmp.Ignore()),
	cmpopts.EquateEmpty(),
}

// callSDK calls method op of client (a real SDK client) by reflection.
func callSDK(ctx context.Context, client any, op string, in any) (any, error) {
	m := reflect.ValueOf(client).MethodByName(op)
	if !m.IsValid() {
		return nil, fmt.Errorf("%T has no method %s", client, op)
	}
	res := m.Call([]reflect.Value{reflect.ValueOf(ctx), reflect.ValueOf(in)})
	if e := res[1].Interface(); e != nil {
		return nil, e.(error)
	}
	return res[0].Interface(), nil
}

// TestEveryShapeRoundTrips drives every operation of both real SDK clients
// through the wire with every member set: the SDK serialises the input, the
// endpoint decodes it (the decoded input must equal what was sent: JSON
// member names are the Go field names), the stub answers with every output
// member set, the endpoint encodes it with the SDK's own Serialize, and the
// SDK decodes it (the output must equal what was answered).
func TestEveryShapeRoundTrips(t *testing.T) {
	t.Parallel()
	st := fakeaws.New()
	s := newStub(nil)
	h := newStubHandler(st, s)
	cfg := stubConfig(st, h)
	clients := map[string]any{ssmTarget: ssm.NewFromConfig(cfg), smTarget: secretsmanager.NewFromConfig(cfg)}
	for _, svc := range []*service{h.ssm, h.sm} {
		for name, op := range svc.ops {
			t.Run(svc.target+"."+name, func(t *testing.T) {
				t.Parallel()
				if name == "CreateCloudConnector" {
					t.Skip("its required Configuration is a union, which fill leaves unset")
				}
				in := fill(reflect.New(op.input).Interface())
				got, err := callSDK(context.Background(), clients[svc.target], name, in)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				want := fill(reflect.New(op.output).Interface())
				if diff := cmp.Diff(want, got, sdkCompare); diff != "" {
					t.Errorf("output (-want +got):\n%s", diff)
				}
				gotIn, _ := s.input(svc.target + "." + name)
				if diff := cmp.Diff(in, gotIn, sdkCompare); diff != "" {
					t.Errorf("decoded input (-sent +decoded):\n%s", diff)
				}
			})
		}
	}
	if len(h.ssm.ops) < 100 || len(h.sm.ops) < 20 {
		t.Errorf("found %d SSM and %d Secrets Manager operations; the operation finder misses some", len(h.ssm.ops), len(h.sm.ops))
	}
}
