package core

import (
	"reflect"
	"strings"
)

// Op names one operation by its IAM action: "ssm:GetParameter",
// "secretsmanager:GetSecretValue". Its zero value names nothing.
type Op string

// The IAM service prefixes of the two services.
const (
	PrefixSSM = "ssm"
	PrefixSM  = "secretsmanager"
)

// Prefix returns the IAM service prefix ("ssm" or "secretsmanager").
func (o Op) Prefix() string { p, _, _ := strings.Cut(string(o), ":"); return p }

// Name returns the operation's name as the API spells it ("GetParameter").
func (o Op) Name() string { _, n, _ := strings.Cut(string(o), ":"); return n }

// Service returns the SDK's service ID ("SSM" or "Secrets Manager").
func (o Op) Service() string {
	if o.Prefix() == PrefixSM {
		return ServiceSM
	}
	return ServiceSSM
}

// String returns "Service.Name", as in "SSM.GetParameter".
func (o Op) String() string { return o.Service() + "." + o.Name() }

// Resource is one action on one resource a call needs, as IAM checks it:
// ARN is what policies are matched against; Shown names the resource in a
// denial ("" for none: the message then has no "on resource:" part).
// Action is empty for the operation's own action.
type Resource struct {
	Action Op
	ARN    string
	Shown  string
}

// Operation declares one operation of a service, in the package that owns
// its state S: everything every way in needs of it. The fake clients run
// it, the wire routes to it by Op, access policies check the Resources it
// reports, and the method-set test and the README's table are checked
// against the list of declarations.
type Operation[S, I, O any] struct {
	// Op is the operation's IAM action, which also names it.
	Op Op
	// Write says whether it changes state: it then runs under the write
	// lock, the others under the read lock.
	Write bool
	// Validate makes the SDK's client-side checks (required members), or
	// is nil when the SDK makes none.
	Validate func(*I) error
	// Resources reports the resources the call touches, resolved as the
	// operation resolves them (names trimmed, ARNs and selectors resolved,
	// references followed), under the same lock as Run and before it. Nil
	// for an operation on no resource: it is checked against "*".
	Resources func(s *S, env Env, in *I) []Resource
	// Run runs the operation on s under the lock.
	Run func(s *S, env Env, in *I) (*O, error)
	// Alloc, when set, allocates the answer before the lock is taken, and
	// RunInto (instead of Run) fills it under the lock.
	Alloc   func() any
	RunInto func(s *S, env Env, in *I, answer any) (*O, error)
	// Logged, when set, allocates the answer for a Store that keeps a call
	// log, with the call's log record in the same block (LogInBlock), so a
	// logged call allocates no more than another.
	Logged *BlockLog[I, O]
}

// Declared is what a list of operations holds: each operation's name,
// whether it writes, and its SDK input and output types.
type Declared interface {
	Declaration() Declaration
}

// Declaration describes a declared operation.
type Declaration struct {
	Op     Op
	Write  bool
	Input  reflect.Type // the SDK's input struct type (not the pointer)
	Output reflect.Type // the SDK's output struct type
}

// Declaration describes o.
func (o *Operation[S, I, O]) Declaration() Declaration {
	return Declaration{Op: o.Op, Write: o.Write, Input: reflect.TypeFor[I](), Output: reflect.TypeFor[O]()}
}
