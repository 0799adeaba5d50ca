package engine

import (
	"reflect"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

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
	mu     sync.Mutex
	m      atomic.Pointer[map[string]*Policy]
	fields sync.Map // reflect.Type of an input → its exported fields' indices by name
}

// fieldsOf returns the indices of struct type t's exported fields by name,
// made once per type (reflect's FieldByName allocates on every miss).
func (p *policies) fieldsOf(t reflect.Type) map[string]int {
	if m, ok := p.fields.Load(t); ok {
		return m.(map[string]int)
	}
	m := map[string]int{}
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() {
			m[f.Name] = i
		}
	}
	p.fields.Store(t, m)
	return m
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

// request is one action on one resource a call needs. resource is what
// policies are matched against; shown is the resource as the denial names
// it ("" for none: the message then has no "on resource:" part).
type request struct{ action, resource, shown string }

// authorize checks every action on every resource the call of op with in
// needs against pol, and returns AWS's AccessDeniedException for the first
// one refused.
func (e *Engine) authorize(op Op, p *Partition, pol *Policy, in any) error {
	for _, r := range e.requests(op, p, in) {
		if denied, explicit := pol.evaluate(r); denied {
			return accessDenied(op, p.Principal, r, explicit)
		}
	}
	return nil
}

// evaluate is IAM's evaluation of one request: an explicit Deny wins;
// otherwise an Allow is needed (without one, the implicit deny).
func (pol *Policy) evaluate(r request) (denied, explicit bool) {
	allow := false
	for _, s := range pol.Statement {
		if !matchAny(s.Action, r.action, true) || !matchAny(s.Resource, r.resource, false) {
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

// deniedMessage is IAM's text for a refused request (O: the texts AWS
// returns, e.g. "User: arn:aws:iam::123456789012:user/ci is not authorized
// to perform: ssm:GetParameter on resource:
// arn:aws:ssm:us-east-1:123456789012:parameter/x because no identity-based
// policy allows the ssm:GetParameter action"; Secrets Manager names the
// secret as the caller did, "... secretsmanager:GetSecretValue on resource:
// settings because ...", and a call on no resource without "on resource",
// "... to perform: secretsmanager:ListSecrets because ...").
func deniedMessage(principal string, r request, explicit bool) string {
	msg := "User: " + principal + " is not authorized to perform: " + r.action
	if r.shown != "" {
		msg += " on resource: " + r.shown
	}
	if explicit {
		return msg + " with an explicit deny in an identity-based policy"
	}
	return msg + " because no identity-based policy allows the " + r.action + " action"
}

// accessDenied is AWS's AccessDeniedException: Parameter Store's typed
// error, Secrets Manager's unmodelled one (HTTP 400).
func accessDenied(op Op, principal string, r request, explicit bool) error {
	msg := deniedMessage(principal, r, explicit)
	if op.service == core.ServiceSSM {
		return &ssmtypes.AccessDeniedException{Message: aws.String(msg)}
	}
	return core.APIError("AccessDeniedException", msg)
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
	const action = "secretsmanager:GetSecretValue"
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
		r := request{action, e.secretARN(p, *er.SecretId), *er.SecretId}
		if denied, explicit := pol.evaluate(r); denied {
			bo.Errors[i].ErrorCode = aws.String("AccessDeniedException")
			bo.Errors[i].Message = aws.String(deniedMessage(p.Principal, r, explicit))
		}
	}
	kept := bo.SecretValues[:0]
	for _, v := range bo.SecretValues {
		arn := aws.ToString(v.ARN)
		shown := asked[arn]
		if shown == "" {
			shown = aws.ToString(v.Name)
		}
		r := request{action, arn, shown}
		if denied, explicit := pol.evaluate(r); denied {
			bo.Errors = append(bo.Errors, smtypes.APIErrorType{
				SecretId:  aws.String(shown),
				ErrorCode: aws.String("AccessDeniedException"),
				Message:   aws.String(deniedMessage(p.Principal, r, explicit)),
			})
			continue
		}
		kept = append(kept, v)
	}
	bo.SecretValues = kept
}

// referencePrefix names Secrets Manager secrets through Parameter Store.
const referencePrefix = "/aws/reference/secretsmanager/"

// requests lists what a call needs: its action on each resource its input
// names, and "*" for calls that name none, as IAM does for list operations
// (the Service Authorization Reference's resource types per action):
//   - Parameter Store: the parameters of Name, Names and Path, of ResourceId
//     when ResourceType is Parameter (tags), ResourceArn (resource policies)
//     and the service setting of SettingId; a reference to a secret
//     (/aws/reference/secretsmanager/<id>) read by GetParameter(s) also needs
//     secretsmanager:GetSecretValue on the secret (D: "Referencing AWS
//     Secrets Manager secrets from Parameter Store parameters");
//   - Secrets Manager: the secret of SecretId and of CreateSecret's Name, by
//     ARN; BatchGetSecretValue needs its own action on "*" (and
//     secretsmanager:ListSecrets with Filters; GetSecretValue per secret is
//     authorizeResults's), as the SDK's doc of BatchGetSecretValue lists.
func (e *Engine) requests(op Op, p *Partition, in any) []request {
	v := reflect.ValueOf(in)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	var fields map[string]int
	if v.Kind() == reflect.Struct {
		fields = e.pol.fieldsOf(v.Type())
	}
	field := func(name string) (reflect.Value, bool) {
		i, ok := fields[name]
		if !ok {
			return reflect.Value{}, false
		}
		return v.Field(i), true
	}
	str := func(name string) (string, bool) {
		f, ok := field(name)
		if !ok || f.Kind() != reflect.Pointer || f.IsNil() || f.Elem().Kind() != reflect.String {
			return "", false
		}
		return f.Elem().String(), true
	}
	list := func(names []string, name string) []string {
		f, ok := field(name)
		if !ok || f.Kind() != reflect.Slice || f.Type().Elem().Kind() != reflect.String {
			return names
		}
		for i := range f.Len() {
			names = append(names, f.Index(i).String())
		}
		return names
	}
	var out []request
	if op.service == core.ServiceSSM {
		action := "ssm:" + op.name
		var names []string
		if n, ok := str("Name"); ok {
			names = append(names, n)
		}
		names = list(names, "Names")
		if n, ok := str("Path"); ok {
			names = append(names, n)
		}
		if n, ok := str("ResourceId"); ok {
			if t, ok := field("ResourceType"); ok && t.Kind() == reflect.String && t.String() == string(ssmtypes.ResourceTypeForTaggingParameter) {
				names = append(names, n)
			}
		}
		for _, n := range names {
			arn := parameterARN(p, n)
			out = append(out, request{action, arn, arn})
			if id, ok := strings.CutPrefix(n, referencePrefix); ok && (op.name == "GetParameter" || op.name == "GetParameters") {
				// SSM asks Secrets Manager for the secret by the referenced
				// ID, so a refusal names it as Secrets Manager does (U).
				id = referenceID(id)
				out = append(out, request{"secretsmanager:GetSecretValue", e.secretARN(p, id), id})
			}
		}
		if arn, ok := str("ResourceArn"); ok {
			out = append(out, request{action, arn, arn})
		}
		if id, ok := str("SettingId"); ok {
			arn := id
			if !strings.HasPrefix(id, "arn:") {
				arn = "arn:" + core.Partition(p.Region) + ":ssm:" + p.Region + ":" + p.Account + ":servicesetting" + id
			}
			out = append(out, request{action, arn, arn})
		}
		if out == nil {
			out = []request{{action, "*", "*"}} // O: "ssm:DescribeParameters on resource: * because ..."
		}
		return out
	}
	action := "secretsmanager:" + op.name
	if op.name == "BatchGetSecretValue" {
		out = append(out, request{action, "*", ""})
		if f, ok := field("Filters"); ok && f.Kind() == reflect.Slice && f.Len() > 0 {
			out = append(out, request{"secretsmanager:ListSecrets", "*", ""})
		}
		return out
	}
	if id, ok := str("SecretId"); ok {
		out = append(out, request{action, e.secretARN(p, id), id})
	} else if n, ok := str("Name"); ok && op.name == "CreateSecret" {
		// The new secret's ARN ends in a suffix not chosen yet: "-??????"
		// stands for it, which the usual <name>-?????? and <name>* match.
		out = append(out, request{action, e.secretARN(p, n), n})
	}
	if out == nil {
		out = []request{{action, "*", ""}} // O: "... to perform: secretsmanager:ListSecrets because ..."
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

// secretARN is the full ARN of the secret id names in p; when there is
// none, a name's ARN with "-??????" for the suffix it would have (so a
// policy on <name>-?????? lets the call through to AWS's
// ResourceNotFoundException; what AWS matches for a missing secret is not
// known, U), and an ARN as given.
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
	return "arn:" + core.Partition(p.Region) + ":secretsmanager:" + p.Region + ":" + p.Account + ":secret:" + id + "-??????"
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
