package secrets

import (
	"encoding/json"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// PutResourcePolicy declares Secrets Manager's PutResourcePolicy.
var PutResourcePolicy = &op[secretsmanager.PutResourcePolicyInput, secretsmanager.PutResourcePolicyOutput]{
	Op:       action("PutResourcePolicy"),
	Write:    true,
	Validate: validatePutResourcePolicyInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.PutResourcePolicyInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).PutResourcePolicy,
}

// GetResourcePolicy declares Secrets Manager's GetResourcePolicy.
var GetResourcePolicy = &op[secretsmanager.GetResourcePolicyInput, secretsmanager.GetResourcePolicyOutput]{
	Op:       action("GetResourcePolicy"),
	Validate: validateGetResourcePolicyInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.GetResourcePolicyInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).GetResourcePolicy,
}

// DeleteResourcePolicy declares Secrets Manager's DeleteResourcePolicy.
var DeleteResourcePolicy = &op[secretsmanager.DeleteResourcePolicyInput, secretsmanager.DeleteResourcePolicyOutput]{
	Op:       action("DeleteResourcePolicy"),
	Write:    true,
	Validate: validateDeleteResourcePolicyInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.DeleteResourcePolicyInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).DeleteResourcePolicy,
}

// ValidateResourcePolicy declares Secrets Manager's ValidateResourcePolicy.
var ValidateResourcePolicy = &op[secretsmanager.ValidateResourcePolicyInput, secretsmanager.ValidateResourcePolicyOutput]{
	Op:       action("ValidateResourcePolicy"),
	Validate: validateValidateResourcePolicyInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.ValidateResourcePolicyInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).ValidateResourcePolicy,
}

// ListResourcePolicies declares Secrets Manager's ListResourcePolicies.
var ListResourcePolicies = &op[secretsmanager.ListResourcePoliciesInput, secretsmanager.ListResourcePoliciesOutput]{
	Op:       action("ListResourcePolicies"),
	Validate: validateListResourcePoliciesInput,
	Run:      (*State).ListResourcePolicies,
}

// Resource policies (docs/aws-behaviour.md §3.5). A secret has at most one modifiable policy,
// "default" (PutResourcePolicy doc, D: "You can only attach the default
// policy"); it is stored as given.

const (
	defaultPolicyName = "default"
	maxPolicyLen      = 20480 // the API model (D)
)

// errMalformedPolicy: a policy that is not JSON (docs/aws-behaviour.md §3.5; the text is not
// known, U).
func errMalformedPolicy() error {
	return &types.MalformedPolicyDocumentException{Message: aws.String("This resource policy contains a syntax error: it is not valid JSON.")}
}

// errPublicPolicy: BlockPublicPolicy and a policy granting access to
// everyone (the text of the exception's doc comment, D).
func errPublicPolicy() error {
	return &types.PublicPolicyException{Message: aws.String("The BlockPublicPolicy parameter is set to true, and the resource policy did not prevent broad access to the secret.")}
}

// checkPolicy: 1–20480 characters (D) of JSON (MalformedPolicyDocument).
func checkPolicy(p *string) error {
	if len(*p) < 1 {
		return tooShort(*p, "resourcePolicy", 1)
	}
	if len(*p) > maxPolicyLen {
		return tooLong(*p, "resourcePolicy", maxPolicyLen)
	}
	if !json.Valid([]byte(*p)) {
		return errMalformedPolicy()
	}
	return nil
}

// checkPolicyName: only "default" can be attached or removed (D; the text is
// not known, U).
func checkPolicyName(name *string) error {
	if name != nil && *name != defaultPolicyName {
		return invalidParam("You can only attach the default resource policy; PolicyName must be default.")
	}
	return nil
}

// isPublic reports whether a policy allows everyone: a statement with
// Effect Allow, Principal "*" (or {"AWS": "*"}) and no Condition. A rough
// stand-in for AWS's Zelkova check (U).
func isPublic(policy string) bool {
	var doc struct {
		Statement json.RawMessage
	}
	if json.Unmarshal([]byte(policy), &doc) != nil {
		return false
	}
	type stmt struct {
		Effect    string
		Principal any
		Condition any
	}
	var list []stmt
	if json.Unmarshal(doc.Statement, &list) != nil {
		var one stmt
		if json.Unmarshal(doc.Statement, &one) != nil {
			return false
		}
		list = []stmt{one}
	}
	for _, st := range list {
		if st.Effect != "Allow" || st.Condition != nil {
			continue
		}
		switch p := st.Principal.(type) {
		case string:
			if p == "*" {
				return true
			}
		case map[string]any:
			if a, ok := p["AWS"]; ok {
				if a == "*" {
					return true
				}
				if l, ok := a.([]any); ok {
					for _, x := range l {
						if x == "*" {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// PutResourcePolicy attaches the default resource policy, replacing any
// (docs/aws-behaviour.md §3.5). The policy is stored as given; BlockPublicPolicy refuses a
// policy that allows everyone (PublicPolicyException, D).
func (s *State) PutResourcePolicy(env core.Env, in *secretsmanager.PutResourcePolicyInput) (*secretsmanager.PutResourcePolicyOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	if err := checkPolicy(in.ResourcePolicy); err != nil {
		return nil, err
	}
	if err := checkPolicyName(in.PolicyName); err != nil {
		return nil, err
	}
	if aws.ToBool(in.BlockPublicPolicy) && isPublic(*in.ResourcePolicy) {
		return nil, errPublicPolicy()
	}
	sec, err := s.liveForWrite(env, aws.ToString(in.SecretId))
	if err != nil {
		return nil, err
	}
	p := *in.ResourcePolicy
	sec.extOf().policy = &p
	sec.changed = env.Now // U (docs/aws-behaviour.md §3.7)
	return &secretsmanager.PutResourcePolicyOutput{ARN: aws.String(sec.arn), Name: aws.String(sec.name), PolicyName: aws.String(defaultPolicyName)}, nil
}

// GetResourcePolicy returns the default resource policy as it was put, or
// no ResourcePolicy when there is none (docs/aws-behaviour.md §3.5). A name other than
// "default" names no policy the fake holds.
func (s *State) GetResourcePolicy(env core.Env, in *secretsmanager.GetResourcePolicyInput) (*secretsmanager.GetResourcePolicyOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	sec := s.find(env, aws.ToString(in.SecretId))
	if sec == nil {
		return nil, errNotFound()
	}
	out := &secretsmanager.GetResourcePolicyOutput{ARN: aws.String(sec.arn), Name: aws.String(sec.name)}
	if in.PolicyName != nil && *in.PolicyName != defaultPolicyName {
		return out, nil
	}
	if sec.ext != nil && sec.ext.policy != nil {
		out.ResourcePolicy = copyStr(sec.ext.policy)
		out.PolicyName = aws.String(defaultPolicyName)
	}
	return out, nil
}

// DeleteResourcePolicy removes the default resource policy; without one it
// succeeds and changes nothing (docs/aws-behaviour.md §3.5, M).
func (s *State) DeleteResourcePolicy(env core.Env, in *secretsmanager.DeleteResourcePolicyInput) (*secretsmanager.DeleteResourcePolicyOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	if err := checkPolicyName(in.PolicyName); err != nil {
		return nil, err
	}
	sec, err := s.liveForWrite(env, aws.ToString(in.SecretId))
	if err != nil {
		return nil, err
	}
	if sec.ext != nil && sec.ext.policy != nil {
		sec.ext.policy = nil
		sec.changed = env.Now // U (docs/aws-behaviour.md §3.7)
	}
	return &secretsmanager.DeleteResourcePolicyOutput{ARN: aws.String(sec.arn), Name: aws.String(sec.name), PolicyName: aws.String(defaultPolicyName)}, nil
}

// ValidateResourcePolicy checks a policy without attaching it: JSON, or
// MalformedPolicyDocumentException; PolicyValidationPassed true otherwise
// (the fake makes no IAM checks). With a SecretId the secret must exist.
func (s *State) ValidateResourcePolicy(env core.Env, in *secretsmanager.ValidateResourcePolicyInput) (*secretsmanager.ValidateResourcePolicyOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	if err := checkPolicy(in.ResourcePolicy); err != nil {
		return nil, err
	}
	if in.SecretId != nil && s.find(env, *in.SecretId) == nil {
		return nil, errNotFound()
	}
	return &secretsmanager.ValidateResourcePolicyOutput{PolicyValidationPassed: true, ValidationErrors: []types.ValidationErrorsEntry{}}, nil
}

// ListResourcePolicies lists the names of a secret's resource policies:
// "default" when one is attached (ListResourcePolicies doc, D). MaxResults is
// 1–100 (doc: up to 100 by default); there is never a second page, so any
// NextToken is one the fake did not make.
func (s *State) ListResourcePolicies(env core.Env, in *secretsmanager.ListResourcePoliciesInput) (*secretsmanager.ListResourcePoliciesOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	if in.MaxResults != nil {
		if m := int64(*in.MaxResults); m < 1 || m > 100 {
			return nil, outOfRange(m, "maxResults", 1, 100)
		}
	}
	if in.NextToken != nil {
		return nil, errBadNextToken()
	}
	sec := s.find(env, aws.ToString(in.SecretId))
	if sec == nil {
		return nil, errNotFound()
	}
	out := &secretsmanager.ListResourcePoliciesOutput{ResourcePolicies: []types.ResourcePolicySummary{}}
	if sec.ext != nil && sec.ext.policy != nil {
		out.ResourcePolicies = append(out.ResourcePolicies, types.ResourcePolicySummary{PolicyName: aws.String(defaultPolicyName)})
	}
	return out, nil
}
