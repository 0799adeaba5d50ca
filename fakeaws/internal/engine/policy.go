package engine

import (
	"sync"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
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

// AnyPrincipal names the policy of every principal that has none of its
// own.
const AnyPrincipal = "*"

// policyFor returns principal's policy (else AnyPrincipal's), or nil when
// the caller has no principal or there is no policy for it: such calls are
// not checked.
func (e *Engine) policyFor(principal string) *Policy {
	if principal == "" {
		return nil
	}
	m := e.pol.m.Load()
	if m == nil {
		return nil
	}
	if pol := (*m)[principal]; pol != nil {
		return pol
	}
	return (*m)[AnyPrincipal]
}

// authorize checks the resources a call of op needs against pol (an
// operation on no resource is checked against "*"), and returns AWS's
// AccessDeniedException for the first one refused.
func authorize(op Op, principal string, pol *Policy, res []core.Resource) error {
	if len(res) == 0 {
		// O: "ssm:DescribeParameters on resource: * because ..."; Secrets
		// Manager's messages have no resource part: "... to perform:
		// secretsmanager:ListSecrets because ...".
		shown := "*"
		if op.Prefix() == core.PrefixSM {
			shown = ""
		}
		res = []core.Resource{{ARN: "*", Shown: shown}}
	}
	for _, r := range res {
		if r.Action == "" {
			r.Action = op
		}
		if denied, explicit := pol.evaluate(r); denied {
			return core.AccessDenied(op, principal, r, explicit)
		}
	}
	return nil
}

// evaluate is IAM's evaluation of one request: an explicit Deny wins;
// otherwise an Allow is needed (without one, the implicit deny).
func (pol *Policy) evaluate(r core.Resource) (denied, explicit bool) {
	allow := false
	for _, s := range pol.Statement {
		if !matchAny(s.Action, string(r.Action), true) || !matchAny(s.Resource, r.ARN, false) {
			continue
		}
		switch s.Effect {
		case Deny:
			return true, true
		case Allow:
			allow = true
		}
	}
	return !allow, false
}

// authorizeResults applies pol to the parts of a successful answer that
// AWS authorizes one by one: BatchGetSecretValue needs
// secretsmanager:GetSecretValue on each secret, and a secret refused is
// left out of SecretValues and reported in Errors as AccessDeniedException
// (the SDK's doc of BatchGetSecretValue: "If Secrets Manager encounters
// errors such as AccessDeniedException while attempting to retrieve any of
// the secrets, you can see the errors in Errors in the response"). A secret
// that does not exist is refused the same way when the principal may not
// read it (IAM decides before the service looks).
func (e *Engine) authorizeResults(op Op, p *Partition, pol *Policy, in, out any) {
	bi, ok := in.(*secretsmanager.BatchGetSecretValueInput)
	bo, ok2 := out.(*secretsmanager.BatchGetSecretValueOutput)
	if !ok || !ok2 || bo == nil {
		return
	}
	const action = Op("secretsmanager:GetSecretValue")
	// The ID each secret was asked by, to name it as the caller did.
	asked := map[string]string{}
	for _, id := range bi.SecretIdList {
		if arn := e.secretARN(p, id); asked[arn] == "" {
			asked[arn] = id
		}
	}
	for i, er := range bo.Errors {
		if aws.ToString(er.ErrorCode) != "ResourceNotFoundException" || er.SecretId == nil {
			continue
		}
		r := core.Resource{Action: action, ARN: e.secretARN(p, *er.SecretId), Shown: *er.SecretId}
		if denied, explicit := pol.evaluate(r); denied {
			bo.Errors[i].ErrorCode = aws.String("AccessDeniedException")
			bo.Errors[i].Message = aws.String(core.DeniedMessage(p.Principal, r, explicit))
		}
	}
	kept := bo.SecretValues[:0]
	for _, v := range bo.SecretValues {
		arn := aws.ToString(v.ARN)
		shown := asked[arn]
		if shown == "" {
			shown = aws.ToString(v.Name)
		}
		r := core.Resource{Action: action, ARN: arn, Shown: shown}
		if denied, explicit := pol.evaluate(r); denied {
			bo.Errors = append(bo.Errors, smtypes.APIErrorType{
				SecretId:  aws.String(shown),
				ErrorCode: aws.String("AccessDeniedException"),
				Message:   aws.String(core.DeniedMessage(p.Principal, r, explicit)),
			})
			continue
		}
		kept = append(kept, v)
	}
	bo.SecretValues = kept
}

// secretARN is the ARN access policies match for the secret id names in p
// (secrets.State.ResourceARN).
func (e *Engine) secretARN(p *Partition, id string) string {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return p.SM.ResourceARN(id)
}

// matchAny reports whether value matches one of patterns (IAM wildcards:
// * any run, ? one character), without regard to ASCII case when fold.
func matchAny(patterns []string, value string, fold bool) bool {
	for _, pat := range patterns {
		if wildcardFold(pat, value, fold) {
			return true
		}
	}
	return false
}

// wildcard matches s against pattern with * and ?, iteratively (no
// backtracking blow-up).
func wildcard(pattern, s string) bool { return wildcardFold(pattern, s, false) }

// wildcardFold is wildcard, without regard to ASCII case when fold.
func wildcardFold(pattern, s string, fold bool) bool {
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
				if sx < len(s) && (s[sx] == c || fold && lower(s[sx]) == lower(c)) {
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

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
