package ssmfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
)

// One method per operation of paramstore.Operations, where each is
// declared (its checks, its IAM action, what it does).

// AddTagsToResource adds tags to a parameter (ResourceType Parameter, ResourceId its name), up
// to 50.
func (c *Client) AddTagsToResource(ctx context.Context, in *ssm.AddTagsToResourceInput, _ ...func(*ssm.Options)) (*ssm.AddTagsToResourceOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SSM, paramstore.AddTagsToResource, in)
}

// DeleteParameter deletes a parameter with all its versions, labels and tags.
func (c *Client) DeleteParameter(ctx context.Context, in *ssm.DeleteParameterInput, _ ...func(*ssm.Options)) (*ssm.DeleteParameterOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SSM, paramstore.DeleteParameter, in)
}

// DeleteParameters deletes up to ten parameters, listing the names deleted and the names not
// found.
func (c *Client) DeleteParameters(ctx context.Context, in *ssm.DeleteParametersInput, _ ...func(*ssm.Options)) (*ssm.DeleteParametersOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SSM, paramstore.DeleteParameters, in)
}

// DeleteResourcePolicy removes a parameter's resource policy given its
// PolicyId and current PolicyHash.
func (c *Client) DeleteResourcePolicy(ctx context.Context, in *ssm.DeleteResourcePolicyInput, _ ...func(*ssm.Options)) (*ssm.DeleteResourcePolicyOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SSM, paramstore.DeleteResourcePolicy, in)
}

// DescribeParameters lists parameter metadata (no values), sorted by name, with the legacy
// Filters or the ParameterFilters (Name, Type, KeyId, Path, Tier, DataType, tag:key) and AWS's
// filter errors. References are never listed.
func (c *Client) DescribeParameters(ctx context.Context, in *ssm.DescribeParametersInput, _ ...func(*ssm.Options)) (*ssm.DescribeParametersOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SSM, paramstore.DescribeParameters, in)
}

// GetParameter returns a parameter's latest version, version N (name:N) or the labelled version
// (name:label), with Name as stored and Selector as given; an ARN stands for its name. SecureString
// values are an opaque ciphertext unless WithDecryption. /aws/reference/secretsmanager/<secret-id>
// names read Secrets Manager, as AWS does (WithDecryption required).
func (c *Client) GetParameter(ctx context.Context, in *ssm.GetParameterInput, _ ...func(*ssm.Options)) (*ssm.GetParameterOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SSM, paramstore.GetParameter, in)
}

// GetParameterHistory lists the retained versions of a parameter, oldest first, with their
// labels, MaxResults (1–50) a page.
func (c *Client) GetParameterHistory(ctx context.Context, in *ssm.GetParameterHistoryInput, _ ...func(*ssm.Options)) (*ssm.GetParameterHistoryOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SSM, paramstore.GetParameterHistory, in)
}

// GetParameters returns up to ten parameters (references included) in the order asked, each
// name once; names not found go to InvalidParameters.
func (c *Client) GetParameters(ctx context.Context, in *ssm.GetParametersInput, _ ...func(*ssm.Options)) (*ssm.GetParametersOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SSM, paramstore.GetParameters, in)
}

// GetParametersByPath lists the parameters under a path, one level or recursively, sorted by
// name, with the Type, KeyId and Label filters (a Label filter returns the labelled version).
// NextToken is opaque; a page may hold fewer than MaxResults with a NextToken.
func (c *Client) GetParametersByPath(ctx context.Context, in *ssm.GetParametersByPathInput, _ ...func(*ssm.Options)) (*ssm.GetParametersByPathOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SSM, paramstore.GetParametersByPath, in)
}

// GetResourcePolicies returns the resource policy of a parameter, with its
// PolicyId and PolicyHash.
func (c *Client) GetResourcePolicies(ctx context.Context, in *ssm.GetResourcePoliciesInput, _ ...func(*ssm.Options)) (*ssm.GetResourcePoliciesOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SSM, paramstore.GetResourcePolicies, in)
}

// GetServiceSetting returns one of the Parameter Store service settings,
// /ssm/parameter-store/default-parameter-tier (Standard, Advanced or
// Intelligent-Tiering) and /ssm/parameter-store/high-throughput-enabled (true
// or false), given by path or full ARN, with Status Default or Customized.
// Other settings get ServiceSettingNotFound.
func (c *Client) GetServiceSetting(ctx context.Context, in *ssm.GetServiceSettingInput, _ ...func(*ssm.Options)) (*ssm.GetServiceSettingOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SSM, paramstore.GetServiceSetting, in)
}

// LabelParameterVersion attaches labels to a version (the latest by default), moving each from
// any other version; labels that break AWS's rules come back in InvalidLabels.
func (c *Client) LabelParameterVersion(ctx context.Context, in *ssm.LabelParameterVersionInput, _ ...func(*ssm.Options)) (*ssm.LabelParameterVersionOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SSM, paramstore.LabelParameterVersion, in)
}

// ListTagsForResource returns a parameter's tags.
func (c *Client) ListTagsForResource(ctx context.Context, in *ssm.ListTagsForResourceInput, _ ...func(*ssm.Options)) (*ssm.ListTagsForResourceOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SSM, paramstore.ListTagsForResource, in)
}

// PutParameter creates a parameter (version 1) or, with Overwrite, its next version, inheriting
// the fields left out. It checks names (characters, depth, length with the ARN prefix, reserved
// aws/ssm prefixes), types, data types, tier limits (Standard 4096, Advanced 8192 characters;
// Intelligent-Tiering resolved by size; no Advanced→Standard), AllowedPattern, and the
// 100-version limit, with AWS's errors, before anything changes.
func (c *Client) PutParameter(ctx context.Context, in *ssm.PutParameterInput, _ ...func(*ssm.Options)) (*ssm.PutParameterOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SSM, paramstore.PutParameter, in)
}

// PutResourcePolicy attaches a resource policy (a JSON object, else
// MalformedResourcePolicyDocumentException) to the Advanced-tier parameter
// ResourceArn names (a Standard one gets ResourcePolicyInvalidParameterException),
// or replaces it given its PolicyId and current PolicyHash (a stale hash gets
// ResourcePolicyConflictException). A parameter holds one policy.
func (c *Client) PutResourcePolicy(ctx context.Context, in *ssm.PutResourcePolicyInput, _ ...func(*ssm.Options)) (*ssm.PutResourcePolicyOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SSM, paramstore.PutResourcePolicy, in)
}

// RemoveTagsFromResource removes a parameter's tags by key.
func (c *Client) RemoveTagsFromResource(ctx context.Context, in *ssm.RemoveTagsFromResourceInput, _ ...func(*ssm.Options)) (*ssm.RemoveTagsFromResourceOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SSM, paramstore.RemoveTagsFromResource, in)
}

// ResetServiceSetting puts a Parameter Store service setting back to its
// default and returns it.
func (c *Client) ResetServiceSetting(ctx context.Context, in *ssm.ResetServiceSettingInput, _ ...func(*ssm.Options)) (*ssm.ResetServiceSettingOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SSM, paramstore.ResetServiceSetting, in)
}

// UnlabelParameterVersion removes labels from a version.
func (c *Client) UnlabelParameterVersion(ctx context.Context, in *ssm.UnlabelParameterVersionInput, _ ...func(*ssm.Options)) (*ssm.UnlabelParameterVersionOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SSM, paramstore.UnlabelParameterVersion, in)
}

// UpdateServiceSetting changes a Parameter Store service setting; a value the
// setting does not take gets ValidationException. The default tier applies
// to PutParameter calls that give no Tier.
func (c *Client) UpdateServiceSetting(ctx context.Context, in *ssm.UpdateServiceSettingInput, _ ...func(*ssm.Options)) (*ssm.UpdateServiceSettingOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SSM, paramstore.UpdateServiceSetting, in)
}
