package endpoint

import (
	"context"
	"fmt"
	"reflect"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/smithy-go"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// service is one of the two services as the wire sees it.
type service struct {
	// target is the X-Amz-Target prefix: the model's service name.
	target string
	// id is the SDK's service ID, as errors name it.
	id string
	// signingName is the service a request's SigV4 credential scope must
	// name (the model's sigv4 name).
	signingName string
	// messageKey is the member an error body carries its message under for
	// the errors the model does not type: "message" for Parameter Store,
	// "Message" for Secrets Manager, as their models' error shapes spell it
	// (ssm/schemas: ParameterNotFound_message; secretsmanager/schemas:
	// ResourceNotFoundException_Message).
	messageKey string
	// registry holds the service's modelled errors, by code.
	registry *smithy.TypeRegistry
	// ops are the operations the fake client serves, by API name.
	ops map[string]operation
	// sdkOps are the operations of the real SDK client, served or not.
	sdkOps map[string]bool
}

// operation is one method of a fake client: (ctx, *XInput, ...func(*Options))
// (*XOutput, error).
type operation struct {
	name   string
	method int          // index in the client's method set
	input  reflect.Type // the input struct type (not the pointer)
	output reflect.Type // the output struct type (not the pointer)
}

const (
	ssmTarget = "AmazonSSM"
	smTarget  = "secretsmanager"
)

// newServices describes the two services, served by the operations given
// (routes of the declared operations; every SDK operation in a test).
func newServices(ssmOps, smOps map[string]operation) (ssmSvc, smSvc *service) {
	ssmSvc = &service{
		target:      ssmTarget,
		id:          core.ServiceSSM,
		signingName: "ssm",
		messageKey:  "message",
		registry:    ssm.TypeRegistry,
		ops:         ssmOps,
		sdkOps:      names(operations(reflect.TypeFor[*ssm.Client]())),
	}
	smSvc = &service{
		target:      smTarget,
		id:          core.ServiceSM,
		signingName: "secretsmanager",
		messageKey:  "Message",
		registry:    secretsmanager.TypeRegistry,
		ops:         smOps,
		sdkOps:      names(operations(reflect.TypeFor[*secretsmanager.Client]())),
	}
	return ssmSvc, smSvc
}

var (
	ctxType = reflect.TypeFor[context.Context]()
	errType = reflect.TypeFor[error]()
)

// routes is the route table of a service: each declared operation, served
// by the fake client's method of its name (the method-set test checks that
// there is one for each, with the SDK's signature).
func routes(client reflect.Type, declared []core.Declared) map[string]operation {
	ops := map[string]operation{}
	for _, d := range declared {
		decl := d.Declaration()
		name := decl.Op.Name()
		m, ok := client.MethodByName(name)
		if !ok {
			panic(fmt.Sprintf("endpoint: %v has no method %s for the declared operation", client, name))
		}
		ops[name] = operation{name: name, method: m.Index, input: decl.Input, output: decl.Output}
	}
	return ops
}

// operations finds the service operations among the methods of a client
// type, by their shape: Op(ctx, *OpInput, ...func(*Options)) (*OpOutput,
// error): the operations of the real SDK clients, to tell an operation the
// fake does not serve from one that does not exist.
func operations(client reflect.Type) map[string]operation {
	ops := map[string]operation{}
	for i := range client.NumMethod() {
		m := client.Method(i)
		t := m.Type // the receiver is In(0)
		if t.NumIn() != 4 || !t.IsVariadic() || t.NumOut() != 2 {
			continue
		}
		in, out := t.In(2), t.Out(0)
		if t.In(1) != ctxType || t.Out(1) != errType ||
			in.Kind() != reflect.Pointer || in.Elem().Kind() != reflect.Struct ||
			out.Kind() != reflect.Pointer || out.Elem().Kind() != reflect.Struct ||
			in.Elem().Name() != m.Name+"Input" || out.Elem().Name() != m.Name+"Output" {
			continue
		}
		ops[m.Name] = operation{name: m.Name, method: i, input: in.Elem(), output: out.Elem()}
	}
	return ops
}

func names(ops map[string]operation) map[string]bool {
	set := make(map[string]bool, len(ops))
	for n := range ops {
		set[n] = true
	}
	return set
}

// lowerFirst turns a Go member name into the camelCase name AWS's
// server-side validation messages use ("SecretId" → "secretId").
func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// typedError returns the service's modelled error for code with message
// set, or nil when the model has no such error. An error answered with a
// bare code and message (a test's fault, a server-side validation) is thus
// written with the member names the model gives it, which is where the SDK
// reads the message from.
func (s *service) typedError(code, message string) serializableError {
	se, _ := core.TypedError(s.id, code, message).(serializableError)
	return se
}
