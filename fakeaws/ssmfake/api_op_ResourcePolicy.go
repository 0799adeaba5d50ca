package ssmfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
)

// PutResourcePolicy attaches a resource policy (a JSON object, else
// MalformedResourcePolicyDocumentException) to the Advanced-tier parameter
// ResourceArn names (a Standard one gets ResourcePolicyInvalidParameterException),
// or replaces it given its PolicyId and current PolicyHash (a stale hash gets
// ResourcePolicyConflictException). A parameter holds one policy.
func (c *Client) PutResourcePolicy(ctx context.Context, in *ssm.PutResourcePolicyInput, _ ...func(*ssm.Options)) (*ssm.PutResourcePolicyOutput, error) {
	return engine.Do(ctx, c.e, OpPutResourcePolicy, c.p, c.p.SSM, in, validatePutResourcePolicyInput, (*paramstore.State).PutResourcePolicy)
}

// GetResourcePolicies returns the resource policy of a parameter, with its
// PolicyId and PolicyHash.
func (c *Client) GetResourcePolicies(ctx context.Context, in *ssm.GetResourcePoliciesInput, _ ...func(*ssm.Options)) (*ssm.GetResourcePoliciesOutput, error) {
	return engine.Do(ctx, c.e, OpGetResourcePolicies, c.p, c.p.SSM, in, validateGetResourcePoliciesInput, (*paramstore.State).GetResourcePolicies)
}

// DeleteResourcePolicy removes a parameter's resource policy given its
// PolicyId and current PolicyHash.
func (c *Client) DeleteResourcePolicy(ctx context.Context, in *ssm.DeleteResourcePolicyInput, _ ...func(*ssm.Options)) (*ssm.DeleteResourcePolicyOutput, error) {
	return engine.Do(ctx, c.e, OpDeleteResourcePolicy, c.p, c.p.SSM, in, validateDeleteResourcePolicyInput, (*paramstore.State).DeleteResourcePolicy)
}

// The SDK's client-side checks (validators.go, service/ssm@v1.83.0).

func validatePutResourcePolicyInput(in *ssm.PutResourcePolicyInput) error {
	p := core.NewParams("PutResourcePolicyInput")
	p.Require(in.ResourceArn == nil, "ResourceArn")
	p.Require(in.Policy == nil, "Policy")
	return p.Err()
}

func validateGetResourcePoliciesInput(in *ssm.GetResourcePoliciesInput) error {
	p := core.NewParams("GetResourcePoliciesInput")
	p.Require(in.ResourceArn == nil, "ResourceArn")
	return p.Err()
}

func validateDeleteResourcePolicyInput(in *ssm.DeleteResourcePolicyInput) error {
	p := core.NewParams("DeleteResourcePolicyInput")
	p.Require(in.ResourceArn == nil, "ResourceArn")
	p.Require(in.PolicyId == nil, "PolicyId")
	p.Require(in.PolicyHash == nil, "PolicyHash")
	return p.Err()
}
