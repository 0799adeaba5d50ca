package fakeaws

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
)

// Access policies.
//
// A Store can hold an identity-based policy per principal (an IAM ARN such
// as arn:aws:iam::123456789012:user/ci). A call made as a principal that has
// a policy is checked before anything else runs, as IAM evaluates policies:
// an explicit Deny wins, otherwise an Allow of the action on every resource
// the call names is needed, and a refusal is AWS's AccessDeniedException
// ("User: <principal> is not authorized to perform: <action> on resource:
// <arn> because no identity-based policy allows the <action> action", or
// "... with an explicit deny in an identity-based policy"). Calls made as a
// principal without a policy, or as no principal, are not checked, unless
// a policy is set for AnyPrincipal: it applies to every principal without
// one of its own (SetPolicy(AnyPrincipal, &Policy{}) denies them
// everything), never to calls made as no principal.
//
// The principal of a call: in direct mode the client's
// (ssmfake.WithPrincipal, smfake.WithPrincipal); over the wire the request's
// access key (endpoint.WithPrincipalForKey, else
// arn:aws:iam::<account>:user/<access key id>).
//
// Resources are parameter ARNs (arn:<partition>:ssm:<region>:<account>:parameter/<name
// without its leading slash>) and secret ARNs (with their six-character
// suffix, so policies name them as arn:...:secret:<name>-??????), in the
// partition of the region (aws, aws-cn for cn-*, aws-us-gov for us-gov-*,
// ...). They are the resources the operation resolves, not the input as
// written: a name is trimmed of spaces, an ARN stands for its parameter, a
// :version or :label selector is dropped, a reference names its secret, so
// no spelling of a name reaches a parameter or secret its policy refuses.
// The check runs under the operation's lock, before anything is written. Calls that
// name no resource (DescribeParameters, ListSecrets, GetRandomPassword) are
// checked against "*". A Parameter Store reference to a secret
// (/aws/reference/secretsmanager/<id>) needs both ssm:GetParameter on the
// reference and secretsmanager:GetSecretValue on the secret, as in AWS.
// GetParameters fails whole when one name is refused; BatchGetSecretValue
// needs its own action on "*" (and ListSecrets with Filters), and reports
// each secret refused GetSecretValue in its Errors, answering the others.
// CreateSecret is matched against the new secret's ARN with "-??????" for
// its suffix. Secrets Manager's messages name the secret as the caller did
// and have no "on resource" part for calls on no resource, as AWS's do.
// The SDK's client-side validation comes first, as on the wire.

// Effect is a statement's effect: Allow or Deny.
type Effect string

// The two effects, as IAM spells them.
const (
	Allow Effect = "Allow"
	Deny  Effect = "Deny"
)

// Statement allows or denies actions on resources.
type Statement struct {
	// Effect is Allow or Deny.
	Effect Effect `json:"Effect"`
	// Action lists the actions the statement covers, as IAM names them
	// ("ssm:GetParameter", "secretsmanager:GetSecretValue"), with IAM's
	// wildcards ("ssm:Get*", "secretsmanager:*", "*"); matched without
	// regard to case.
	Action []string `json:"Action"`
	// Resource lists the ARNs the statement covers, with IAM's wildcards *
	// and ? ("arn:aws:ssm:*:*:parameter/app/*"); "*" is every resource.
	Resource []string `json:"Resource"`
}

// Policy is an identity-based policy: its statements, evaluated as IAM
// evaluates them (an explicit Deny wins; otherwise an Allow of the action on
// the resource is needed).
type Policy struct {
	Statement []Statement `json:"Statement"`
}

// AnyPrincipal, given to SetPolicy, sets the policy of every principal that
// has none of its own.
const AnyPrincipal = "*"

// SetPolicy gives principal a copy of p; a nil p removes principal's
// policy. Policies stay through Reset and Restore, as faults do.
func (s *Store) SetPolicy(principal string, p *Policy) {
	if p == nil {
		s.eng.SetPolicy(principal, nil)
		return
	}
	ep := &engine.Policy{Statement: make([]engine.Statement, len(p.Statement))}
	for i, st := range p.Statement {
		// The engine copies the slices.
		ep.Statement[i] = engine.Statement{Effect: engine.Effect(st.Effect), Action: st.Action, Resource: st.Resource}
	}
	s.eng.SetPolicy(principal, ep)
}

// ClearPolicies removes every policy.
func (s *Store) ClearPolicies() { s.eng.ClearPolicies() }

// ParsePolicies reads principals' policies from JSON in IAM's policy
// grammar: {"<principal ARN>": {"Statement": [{"Effect": "Allow", "Action":
// "ssm:Get*", "Resource": ["arn:aws:ssm:*:*:parameter/app/*"]}]}}, where
// Action and Resource are a string or a list. Unknown fields are refused.
func ParsePolicies(data []byte) (map[string]*Policy, error) {
	var raw map[string]struct {
		Version   string `json:"Version"`
		Statement []struct {
			Effect   Effect          `json:"Effect"`
			Action   json.RawMessage `json:"Action"`
			Resource json.RawMessage `json:"Resource"`
			Sid      string          `json:"Sid"`
		} `json:"Statement"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return nil, err
	}
	out := map[string]*Policy{}
	for principal, rp := range raw {
		p := &Policy{}
		for i, rs := range rp.Statement {
			if rs.Effect != Allow && rs.Effect != Deny {
				return nil, fmt.Errorf("%s: statement %d: Effect must be Allow or Deny, not %q", principal, i, rs.Effect)
			}
			actions, err := stringOrList(rs.Action)
			if err != nil {
				return nil, fmt.Errorf("%s: statement %d: Action: %w", principal, i, err)
			}
			resources, err := stringOrList(rs.Resource)
			if err != nil {
				return nil, fmt.Errorf("%s: statement %d: Resource: %w", principal, i, err)
			}
			p.Statement = append(p.Statement, Statement{Effect: rs.Effect, Action: actions, Resource: resources})
		}
		out[principal] = p
	}
	return out, nil
}

func stringOrList(raw json.RawMessage) ([]string, error) {
	if len(raw) == 0 {
		return nil, fmt.Errorf("missing")
	}
	var one string
	if err := json.Unmarshal(raw, &one); err == nil {
		return []string{one}, nil
	}
	var many []string
	if err := json.Unmarshal(raw, &many); err != nil {
		return nil, fmt.Errorf("want a string or a list of strings")
	}
	return many, nil
}
