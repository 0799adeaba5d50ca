package paramstore

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// PutResourcePolicy declares Parameter Store's PutResourcePolicy.
var PutResourcePolicy = &op[ssm.PutResourcePolicyInput, ssm.PutResourcePolicyOutput]{
	Op:       action("PutResourcePolicy"),
	Write:    true,
	Validate: validatePutResourcePolicyInput,
	Resources: func(s *State, _ core.Env, in *ssm.PutResourcePolicyInput) []core.Resource {
		return s.policyResource(in.ResourceArn)
	},
	Run: (*State).PutResourcePolicy,
}

// GetResourcePolicies declares Parameter Store's GetResourcePolicies.
var GetResourcePolicies = &op[ssm.GetResourcePoliciesInput, ssm.GetResourcePoliciesOutput]{
	Op:       action("GetResourcePolicies"),
	Validate: validateGetResourcePoliciesInput,
	Resources: func(s *State, _ core.Env, in *ssm.GetResourcePoliciesInput) []core.Resource {
		return s.policyResource(in.ResourceArn)
	},
	Run: (*State).GetResourcePolicies,
}

// DeleteResourcePolicy declares Parameter Store's DeleteResourcePolicy.
var DeleteResourcePolicy = &op[ssm.DeleteResourcePolicyInput, ssm.DeleteResourcePolicyOutput]{
	Op:       action("DeleteResourcePolicy"),
	Write:    true,
	Validate: validateDeleteResourcePolicyInput,
	Resources: func(s *State, _ core.Env, in *ssm.DeleteResourcePolicyInput) []core.Resource {
		return s.policyResource(in.ResourceArn)
	},
	Run: (*State).DeleteResourcePolicy,
}

// Parameter resource policies (D: PutResourcePolicy, GetResourcePolicies,
// DeleteResourcePolicy). A parameter holds at most one policy; PolicyId and
// PolicyHash guard every change of it. The error codes are the API model's
// (D); their texts are not known (U).

// policyParam returns the parameter a ResourceArn names: a parameter ARN of
// this account and region naming a stored parameter.
func (s *State) policyParam(arn string) (*param, error) {
	name, ok := strings.CutPrefix(arn, s.arnPrefix)
	var p *param
	if ok && name != "" && !isReference("/"+name) {
		p = s.lookup(name)
		if p == nil {
			p = s.lookup("/" + name)
		}
	}
	if p == nil {
		return nil, &types.ResourceNotFoundException{Message: aws.String("The specified resource " + arn + " doesn't exist.")}
	}
	return p, nil
}

// policyHash is the hash of a policy document: hex SHA-256 of its text (the
// form of AWS's hash is not known, U).
func policyHash(doc string) string {
	sum := sha256.Sum256([]byte(doc))
	return hex.EncodeToString(sum[:])
}

func errPolicyConflict() error {
	return &types.ResourcePolicyConflictException{Message: aws.String("The policy hash provided in the request doesn't match the current policy hash.")}
}

func errPolicyNotFound() error {
	return &types.ResourcePolicyNotFoundException{Message: aws.String("No policy found for the given policy id.")}
}

// PutResourcePolicy attaches a policy to an Advanced-tier parameter, or
// replaces its policy given the current PolicyId and PolicyHash.
func (s *State) PutResourcePolicy(env core.Env, in *ssm.PutResourcePolicyInput) (*ssm.PutResourcePolicyOutput, error) {
	p, err := s.policyParam(aws.ToString(in.ResourceArn))
	if err != nil {
		return nil, err
	}
	doc := aws.ToString(in.Policy)
	var obj map[string]any
	if json.Unmarshal([]byte(doc), &obj) != nil || obj == nil {
		return nil, &types.MalformedResourcePolicyDocumentException{Message: aws.String("The policy document is not a valid JSON object.")}
	}
	// D: "To share a parameter, it must be in the advanced parameter tier."
	if p.latest().tier != types.ParameterTierAdvanced {
		return nil, &types.ResourcePolicyInvalidParameterException{Message: aws.String("Only parameters in the Advanced tier can be shared. Upgrade the parameter to the Advanced tier and try again.")}
	}
	// D: a SecureString must use a customer managed key to be shared.
	if v := p.latest(); v.typ == types.ParameterTypeSecureString && v.keyID == defaultKeyID {
		return nil, &types.ResourcePolicyInvalidParameterException{Message: aws.String("SecureString parameters encrypted with the AWS managed key can't be shared. Use a customer managed key and try again.")}
	}
	id, hash := aws.ToString(in.PolicyId), aws.ToString(in.PolicyHash)
	switch {
	case p.policy == nil && id != "":
		return nil, errPolicyNotFound()
	case p.policy != nil && id == "":
		// D: PolicyHash "must" be given to update a policy; a second policy
		// on a parameter is not allowed.
		return nil, &types.ResourcePolicyLimitExceededException{Message: aws.String("A parameter can have only one resource policy. To update it, specify its PolicyId and PolicyHash.")}
	case p.policy != nil && id != p.policy.id:
		return nil, errPolicyNotFound()
	case p.policy != nil && hash != p.policy.hash:
		return nil, errPolicyConflict()
	}
	if p.policy == nil {
		id = env.IDs.VersionID()
	}
	p.policy = &resourcePolicy{id: id, hash: policyHash(doc), policy: doc}
	return &ssm.PutResourcePolicyOutput{PolicyId: aws.String(p.policy.id), PolicyHash: aws.String(p.policy.hash)}, nil
}

// GetResourcePolicies returns the policy of a parameter, if any. Every
// answer fits in one page, so a NextToken is never handed out.
func (s *State) GetResourcePolicies(env core.Env, in *ssm.GetResourcePoliciesInput) (*ssm.GetResourcePoliciesOutput, error) {
	p, err := s.policyParam(aws.ToString(in.ResourceArn))
	if err != nil {
		return nil, err
	}
	if n := aws.ToInt32(in.MaxResults); in.MaxResults != nil && (n < 1 || n > 50) {
		return nil, errMaxResults50(n)
	}
	if aws.ToString(in.NextToken) != "" {
		return nil, errNextToken()
	}
	out := &ssm.GetResourcePoliciesOutput{Policies: []types.GetResourcePoliciesResponseEntry{}}
	if p.policy != nil {
		out.Policies = append(out.Policies, types.GetResourcePoliciesResponseEntry{
			PolicyId: aws.String(p.policy.id), PolicyHash: aws.String(p.policy.hash), Policy: aws.String(p.policy.policy),
		})
	}
	return out, nil
}

// DeleteResourcePolicy removes a parameter's policy given its PolicyId and
// current PolicyHash.
func (s *State) DeleteResourcePolicy(env core.Env, in *ssm.DeleteResourcePolicyInput) (*ssm.DeleteResourcePolicyOutput, error) {
	p, err := s.policyParam(aws.ToString(in.ResourceArn))
	if err != nil {
		return nil, err
	}
	if p.policy == nil || aws.ToString(in.PolicyId) != p.policy.id {
		return nil, errPolicyNotFound()
	}
	if aws.ToString(in.PolicyHash) != p.policy.hash {
		return nil, errPolicyConflict()
	}
	p.policy = nil
	return &ssm.DeleteResourcePolicyOutput{}, nil
}
