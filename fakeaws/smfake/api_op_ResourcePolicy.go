package smfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// PutResourcePolicy attaches the secret's "default" resource policy, stored
// as given. A policy that is not JSON gets MalformedPolicyDocumentException;
// with BlockPublicPolicy, a policy allowing Principal "*" without a
// Condition gets PublicPolicyException; another PolicyName gets
// InvalidParameterException (only default can be attached, SDK doc).
func (c *Client) PutResourcePolicy(ctx context.Context, in *secretsmanager.PutResourcePolicyInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.PutResourcePolicyOutput, error) {
	return engine.Do(ctx, c.e, OpPutResourcePolicy, c.p, c.p.SM, in, validatePutResourcePolicyInput, (*secrets.State).PutResourcePolicy)
}

// GetResourcePolicy returns the default policy as it was put, or no
// ResourcePolicy when none is attached.
func (c *Client) GetResourcePolicy(ctx context.Context, in *secretsmanager.GetResourcePolicyInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.GetResourcePolicyOutput, error) {
	return engine.Do(ctx, c.e, OpGetResourcePolicy, c.p, c.p.SM, in, validateGetResourcePolicyInput, (*secrets.State).GetResourcePolicy)
}

// DeleteResourcePolicy removes the default policy (a no-op without one).
func (c *Client) DeleteResourcePolicy(ctx context.Context, in *secretsmanager.DeleteResourcePolicyInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.DeleteResourcePolicyOutput, error) {
	return engine.Do(ctx, c.e, OpDeleteResourcePolicy, c.p, c.p.SM, in, validateDeleteResourcePolicyInput, (*secrets.State).DeleteResourcePolicy)
}

// ValidateResourcePolicy answers PolicyValidationPassed true for a JSON
// policy and MalformedPolicyDocumentException otherwise; it makes no IAM
// checks.
func (c *Client) ValidateResourcePolicy(ctx context.Context, in *secretsmanager.ValidateResourcePolicyInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.ValidateResourcePolicyOutput, error) {
	return engine.Do(ctx, c.e, OpValidateResourcePolicy, c.p, c.p.SM, in, validateValidateResourcePolicyInput, (*secrets.State).ValidateResourcePolicy)
}

// ListResourcePolicies lists "default" when a policy is attached.
func (c *Client) ListResourcePolicies(ctx context.Context, in *secretsmanager.ListResourcePoliciesInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.ListResourcePoliciesOutput, error) {
	return engine.Do(ctx, c.e, OpListResourcePolicies, c.p, c.p.SM, in, validateListResourcePoliciesInput, (*secrets.State).ListResourcePolicies)
}
