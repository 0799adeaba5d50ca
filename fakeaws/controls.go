package fakeaws

import (
	"context"
	"time"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
)

// Op names one operation of one service by its IAM action,
// "<service prefix>:<operation>" ("ssm:GetParameter",
// "secretsmanager:GetSecretValue"). The client packages declare a constant
// for each operation they serve (ssmfake.OpGetParameter,
// smfake.OpGetSecretValue, ...); the test controls take them.
type Op string

// Service returns the SDK's service ID: "SSM" or "Secrets Manager".
func (o Op) Service() string { return core.Op(o).Service() }

// Name returns the operation's name as the API spells it: "GetParameter".
func (o Op) Name() string { return core.Op(o).Name() }

// String returns "Service.Name", as in "SSM.GetParameter".
func (o Op) String() string { return core.Op(o).String() }

// Hook reacts to one operation before it reaches the state. It receives a
// deep copy of the input (a pointer to the SDK's input type, such as
// *ssm.GetParameterInput). It passes by returning handled == false;
// otherwise the call answers with err (wrapped as the SDK wraps service
// errors), or with out (a pointer to the operation's SDK output type, such
// as *ssm.GetParameterOutput) when err is nil.
type Hook func(ctx context.Context, in any) (out any, handled bool, err error)

// Call is one call recorded in the call log (see Store.Calls).
type Call struct {
	// Op is the operation called.
	Op Op
	// Input is a copy of the call's input: a pointer to the operation's SDK
	// input type, such as *ssm.GetParameterInput (a zero one when the
	// caller passed nil).
	Input any
	// Output is what the call returned: a pointer to the operation's SDK
	// output type, such as *ssm.GetParameterOutput; nil when Err is set.
	Output any
	// Err is the error the call returned, as the SDK's client returns it
	// (a *smithy.OperationError around the service's error), or nil.
	Err error
	// Time is the Store's clock at the call, in UTC, to the millisecond.
	Time time.Time
}

// React registers h for op. Hooks run before any state change, outside the
// Store's lock, newest first; the first that handles a call decides its
// answer. They apply whichever way the Store is reached (fake clients, the
// endpoint, the server).
func (s *Store) React(op Op, h Hook) { s.eng.React(core.Op(op), engine.Hook(h)) }

// FailNext makes the next call of op fail with err, once.
func (s *Store) FailNext(op Op, err error) {
	s.eng.ReactOnce(core.Op(op), func(context.Context, any) (any, bool, error) { return nil, true, err })
}

// FailAlways makes every call of op fail with err until ClearFaults.
func (s *Store) FailAlways(op Op, err error) {
	s.eng.React(core.Op(op), func(context.Context, any) (any, bool, error) { return nil, true, err })
}

// ClearFaults removes every hook registered with React, FailNext and
// FailAlways.
func (s *Store) ClearFaults() { s.eng.ClearHooks() }

// Calls returns copies of the calls made, oldest first (the most recent
// ones, up to the log's capacity: see WithCallLog). Each input's fields are
// copied when the call is made (reassigning a field of a reused input struct
// later does not show in the log; changing what a field points to does) and
// outputs are recorded as returned; Calls hands out deep copies of both.
func (s *Store) Calls() []Call {
	calls := s.eng.Calls()
	if calls == nil {
		return nil
	}
	out := make([]Call, len(calls))
	for i, c := range calls {
		out[i] = Call{Op: Op(c.Op), Input: c.Input, Output: c.Output, Err: c.Err, Time: c.Time()}
	}
	return out
}

// ClearCalls empties the call log.
func (s *Store) ClearCalls() { s.eng.ClearCalls() }

// Throttling returns the error AWS answers when a caller exceeds the
// request rate: ThrottlingException "Rate exceeded" (typed as
// *types.ThrottlingException for Parameter Store; Secrets Manager models
// none). The real SDK client retries it.
func Throttling(op Op) error { return core.Throttling(core.Op(op)) }

// InternalError returns the service's server fault: *types.InternalServerError
// for Parameter Store, *types.InternalServiceError for Secrets Manager
// (status 500 over the wire; the real SDK client retries it).
func InternalError(op Op) error { return core.InternalError(core.Op(op)) }

// AccessDenied returns AWS's AccessDeniedException for op, in IAM's message
// shape: "User: <principal> is not authorized to perform: <action> on
// resource: <resource> because no identity-based policy allows the <action>
// action" (the resource part is left out when resource is empty), the text
// an access policy's refusal has. principal is an ARN such as
// arn:aws:iam::123456789012:user/ci.
func AccessDenied(op Op, principal, resource string) error {
	return core.AccessDenied(core.Op(op), principal, core.Resource{Action: core.Op(op), ARN: resource, Shown: resource}, false)
}

// RotationEvent is what a rotation function receives for each step of a
// rotation, as a rotation Lambda receives Secrets Manager's event.
type RotationEvent struct {
	// Step is the step to run: createSecret, setSecret, testSecret or
	// finishSecret.
	Step string
	// SecretID is the secret's ARN.
	SecretID string
	// ClientRequestToken is the token (version ID) of the AWSPENDING
	// version the rotation makes.
	ClientRequestToken string
}

// RotationFunc plays a rotation Lambda for RotateSecret. It is called once
// per step, outside the Store's lock, and may call the Store through a
// client of its own, as a Lambda calls Secrets Manager. An error fails the
// rotation at that step.
type RotationFunc func(ctx context.Context, ev RotationEvent) error

// SetRotationFunc registers fn as the rotation Lambda whose ARN is
// lambdaARN; RotateSecret with that RotationLambdaARN calls it. A nil fn
// removes it.
func (s *Store) SetRotationFunc(lambdaARN string, fn RotationFunc) {
	if fn == nil {
		s.eng.SetRotationFunc(lambdaARN, nil)
		return
	}
	s.eng.SetRotationFunc(lambdaARN, func(ctx context.Context, ev engine.RotationEvent) error {
		return fn(ctx, RotationEvent(ev))
	})
}
