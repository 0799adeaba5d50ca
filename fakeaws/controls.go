package fakeaws

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
)

// Op names one operation of one service. The client packages declare one
// for each operation they serve (ssmfake.OpGetParameter,
// smfake.OpGetSecretValue, ...); the test controls take them.
type Op = engine.Op

// Hook reacts to one operation before it reaches the state. It receives a
// deep copy of the input (a pointer to the SDK's input type, such as
// *ssm.GetParameterInput). It passes by returning handled == false;
// otherwise the call answers with err (wrapped as the SDK wraps service
// errors), or with out (a pointer to the operation's SDK output type, such
// as *ssm.GetParameterOutput) when err is nil.
type Hook = engine.Hook

// Call is one call recorded in the call log: the operation, a copy of its
// input, its output or error, and the Store's clock at the call.
type Call = engine.Call

// React registers h for op. Hooks run before any state change, outside the
// Store's lock, newest first; the first that handles a call decides its
// answer. They apply whichever way the Store is reached (fake clients, the
// endpoint, the server).
func (s *Store) React(op Op, h Hook) { s.eng.React(op, h) }

// FailNext makes the next call of op fail with err, once.
func (s *Store) FailNext(op Op, err error) {
	s.eng.ReactOnce(op, func(context.Context, any) (any, bool, error) { return nil, true, err })
}

// FailAlways makes every call of op fail with err until ClearFaults.
func (s *Store) FailAlways(op Op, err error) {
	s.eng.React(op, func(context.Context, any) (any, bool, error) { return nil, true, err })
}

// ClearFaults removes every hook registered with React, FailNext and
// FailAlways.
func (s *Store) ClearFaults() { s.eng.ClearHooks() }

// Calls returns copies of the calls made, oldest first (the most recent
// ones, up to the log's capacity: see WithCallLog). Each input's fields are
// copied when the call is made (reassigning a field of a reused input struct
// later does not show in the log; changing what a field points to does) and
// outputs are recorded as returned; Calls hands out deep copies of both.
func (s *Store) Calls() []Call { return s.eng.Calls() }

// ClearCalls empties the call log.
func (s *Store) ClearCalls() { s.eng.ClearCalls() }

// Throttling returns the error AWS answers when a caller exceeds the
// request rate: ThrottlingException "Rate exceeded" (typed as
// *types.ThrottlingException for Parameter Store; Secrets Manager models
// none). The real SDK client retries it.
func Throttling(op Op) error {
	const msg = "Rate exceeded"
	if op.Service() == core.ServiceSSM {
		return &ssmtypes.ThrottlingException{Message: aws.String(msg)}
	}
	return core.APIError("ThrottlingException", msg)
}

// InternalError returns the service's server fault: *types.InternalServerError
// for Parameter Store, *types.InternalServiceError for Secrets Manager
// (status 500 over the wire; the real SDK client retries it).
func InternalError(op Op) error {
	const msg = "An internal error occurred."
	if op.Service() == core.ServiceSSM {
		return &ssmtypes.InternalServerError{Message: aws.String(msg)}
	}
	return &smtypes.InternalServiceError{Message: aws.String(msg)}
}

// AccessDenied returns AWS's AccessDeniedException for op, in IAM's message
// shape: "User: <principal> is not authorized to perform: <action> on
// resource: <resource>" (the resource part is left out when resource is
// empty). principal is an ARN such as arn:aws:iam::123456789012:user/ci.
func AccessDenied(op Op, principal, resource string) error {
	prefix := "ssm"
	if op.Service() == core.ServiceSM {
		prefix = "secretsmanager"
	}
	msg := fmt.Sprintf("User: %s is not authorized to perform: %s:%s", principal, prefix, op.Name())
	if resource != "" {
		msg += " on resource: " + resource
	}
	msg += " because no identity-based policy allows the " + prefix + ":" + op.Name() + " action"
	if op.Service() == core.ServiceSSM {
		return &ssmtypes.AccessDeniedException{Message: aws.String(msg)}
	}
	return core.APIError("AccessDeniedException", msg)
}

// RotationEvent is what a rotation function receives for each step of a
// rotation: the step (createSecret, setSecret, testSecret, finishSecret),
// the secret's ARN and the token (version ID) of the AWSPENDING version.
type RotationEvent = engine.RotationEvent

// RotationFunc plays a rotation Lambda for RotateSecret. It is called once
// per step, outside the Store's lock, and may call the Store through a
// client of its own, as a Lambda calls Secrets Manager.
type RotationFunc = engine.RotationFunc

// SetRotationFunc registers fn as the rotation Lambda whose ARN is
// lambdaARN; RotateSecret with that RotationLambdaARN calls it. A nil fn
// removes it.
func (s *Store) SetRotationFunc(lambdaARN string, fn RotationFunc) {
	s.eng.SetRotationFunc(lambdaARN, fn)
}
