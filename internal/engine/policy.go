package engine

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/internal/core"
)

// Effect is a policy statement's effect.
type Effect string

// The two effects, as IAM spells them.
const (
	Allow Effect = "Allow"
	Deny  Effect = "Deny"
)

// Statement allows or denies actions ("ssm:GetParameter", "ssm:Get*",
// "secretsmanager:*", "*"; matched without regard to case) on resources
// (ARNs, with IAM's wildcards * and ?; "*" is every resource).
type Statement struct {
	Effect   Effect   `json:"Effect"`
	Action   []string `json:"Action"`
	Resource []string `json:"Resource"`
}

// Policy is an identity-based policy: its statements, evaluated as IAM
// evaluates them (an explicit Deny wins; otherwise an Allow is needed).
type Policy struct {
	Statement []Statement `json:"Statement"`
}

// policies is the Store's policies by principal. Reads are one atomic load;
// writes copy the map.
type policies struct {
	mu sync.Mutex
	m  atomic.Pointer[map[string]*Policy]
}

// SetPolicy gives principal a copy of p; a nil p removes principal's policy.
func (e *Engine) SetPolicy(principal string, p *Policy) {
	e.pol.mu.Lock()
	defer e.pol.mu.Unlock()
	next := map[string]*Policy{}
	if cur := e.pol.m.Load(); cur != nil {
		for k, v := range *cur {
			next[k] = v
		}
	}
	if p == nil {
		delete(next, principal)
	} else {
		cp := &Policy{Statement: make([]Statement, len(p.Statement))}
		for i, s := range p.Statement {
			cp.Statement[i] = Statement{Effect: s.Effect, Action: append([]string(nil), s.Action...), Resource: append([]string(nil), s.Resource...)}
		}
		next[principal] = cp
	}
	e.pol.m.Store(&next)
}

// ClearPolicies removes every policy.
func (e *Engine) ClearPolicies() { e.pol.m.Store(nil) }

// policyFor returns principal's policy, or nil when the caller has no
// principal or the principal no policy: such calls are not checked.
func (e *Engine) policyFor(principal string) *Policy {
	if principal == "" {
		return nil
	}
	m := e.pol.m.Load()
	if m == nil {
		return nil
	}
	return (*m)[principal]
}

// request is one action on one resource a call needs.
type request struct{ action, resource string }

// authorize checks every action on every resource the call of op with in
// needs against pol, and returns AWS's AccessDeniedException for the first
// one refused.
func (e *Engine) authorize(op Op, p *Partition, pol *Policy, in any) error {
	for _, r := range e.requests(op, p, in) {
		deny, allow := false, false
		for _, s := range pol.Statement {
			if !matchAny(s.Action, r.action, true) || !matchAny(s.Resource, r.resource, false) {
				continue
			}
			switch s.Effect {
			case Deny:
				deny = true
			case Allow:
				allow = true
			}
		}
		if deny || !allow {
			return accessDenied(op, p.Principal, r, deny)
		}
	}
	return nil
}

// accessDenied is AWS's AccessDeniedException in IAM's message shape (O:
// the texts AWS returns, e.g. "User: arn:aws:iam::123456789012:user/ci is
// not authorized to perform: ssm:GetParameter on resource:
// arn:aws:ssm:us-east-1:123456789012:parameter/x because no identity-based
// policy allows the ssm:GetParameter action").
func accessDenied(op Op, principal string, r request, explicit bool) error {
	msg := fmt.Sprintf("User: %s is not authorized to perform: %s on resource: %s ", principal, r.action, r.resource)
	if explicit {
		msg += "with an explicit deny in an identity-based policy"
	} else {
		msg += "because no identity-based policy allows the " + r.action + " action"
	}
	if op.service == core.ServiceSSM {
		return &ssmtypes.AccessDeniedException{Message: aws.String(msg)}
	}
	return core.APIError("AccessDeniedException", msg)
}

// referencePrefix names Secrets Manager secrets through Parameter Store.
const referencePrefix = "/aws/reference/secretsmanager/"

// requests lists what a call needs: its action on each resource its input
// names (the parameters of Name, Names and Path; the secrets of SecretId and
// SecretIdList, by their ARNs; "*" for calls that name none, as IAM does for
// list operations). A Parameter Store reference to a secret also needs
// secretsmanager:GetSecretValue on the secret (D: "Referencing AWS Secrets
// Manager secrets from Parameter Store parameters").
func (e *Engine) requests(op Op, p *Partition, in any) []request {
	action := "ssm:" + op.name
	if op.service == core.ServiceSM {
		action = "secretsmanager:" + op.name
	}
	v := reflect.ValueOf(in)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	var out []request
	str := func(name string) (string, bool) {
		f := v.FieldByName(name)
		if !f.IsValid() || f.Kind() != reflect.Pointer || f.IsNil() || f.Elem().Kind() != reflect.String {
			return "", false
		}
		return f.Elem().String(), true
	}
	list := func(name string) []string {
		f := v.FieldByName(name)
		if !f.IsValid() || f.Kind() != reflect.Slice || f.Type().Elem().Kind() != reflect.String {
			return nil
		}
		return f.Interface().([]string)
	}
	if v.Kind() == reflect.Struct {
		if op.service == core.ServiceSSM {
			var names []string
			if n, ok := str("Name"); ok {
				names = append(names, n)
			}
			names = append(names, list("Names")...)
			if n, ok := str("Path"); ok {
				names = append(names, n)
			}
			for _, n := range names {
				out = append(out, request{action, parameterARN(p, n)})
				if id, ok := strings.CutPrefix(n, referencePrefix); ok && (op.name == "GetParameter" || op.name == "GetParameters") {
					out = append(out, request{"secretsmanager:GetSecretValue", e.secretARN(p, referenceID(id))})
				}
			}
		} else {
			var ids []string
			if id, ok := str("SecretId"); ok {
				ids = append(ids, id)
			}
			ids = append(ids, list("SecretIdList")...)
			for _, id := range ids {
				out = append(out, request{action, e.secretARN(p, id)})
			}
		}
	}
	if out == nil {
		out = []request{{action, "*"}}
	}
	return out
}

// parameterARN is the ARN of parameter name in p (without a :selector).
func parameterARN(p *Partition, name string) string {
	if strings.HasPrefix(name, "arn:") {
		return name
	}
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		name = name[:i]
	}
	return "arn:" + core.Partition(p.Region) + ":ssm:" + p.Region + ":" + p.Account + ":parameter/" + strings.TrimPrefix(name, "/")
}

// referenceID is the secret ID of a reference, without its :selector.
func referenceID(id string) string {
	if strings.HasPrefix(id, "arn:") {
		if parts := strings.SplitN(id, ":", 8); len(parts) == 8 {
			return strings.Join(parts[:7], ":")
		}
		return id
	}
	if i := strings.IndexByte(id, ':'); i >= 0 {
		return id[:i]
	}
	return id
}

// secretARN is the full ARN of the secret id names in p, or the ARN it
// would have without its suffix when there is none.
func (e *Engine) secretARN(p *Partition, id string) string {
	e.mu.RLock()
	arn, ok := p.SM.ARNOf(id)
	e.mu.RUnlock()
	if ok {
		return arn
	}
	if strings.HasPrefix(id, "arn:") {
		return id
	}
	return "arn:" + core.Partition(p.Region) + ":secretsmanager:" + p.Region + ":" + p.Account + ":secret:" + id
}

// matchAny reports whether value matches one of patterns (IAM wildcards:
// * any run, ? one character).
func matchAny(patterns []string, value string, fold bool) bool {
	if fold {
		value = strings.ToLower(value)
	}
	for _, pat := range patterns {
		if fold {
			pat = strings.ToLower(pat)
		}
		if wildcard(pat, value) {
			return true
		}
	}
	return false
}

// wildcard matches s against pattern with * and ?, iteratively (no
// backtracking blow-up).
func wildcard(pattern, s string) bool {
	px, sx := 0, 0
	nextPx, nextSx := -1, -1
	for px < len(pattern) || sx < len(s) {
		if px < len(pattern) {
			switch c := pattern[px]; c {
			case '*':
				nextPx, nextSx = px, sx+1
				px++
				continue
			case '?':
				if sx < len(s) {
					px++
					sx++
					continue
				}
			default:
				if sx < len(s) && s[sx] == c {
					px++
					sx++
					continue
				}
			}
		}
		if nextSx > 0 && nextSx <= len(s) {
			px, sx = nextPx, nextSx
			continue
		}
		return false
	}
	return true
}
