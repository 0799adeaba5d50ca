package smfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// One method per operation of secrets.Operations, where each is declared
// (its checks, its IAM action, what it does). RotateSecret, in
// rotate.go, also plays the rotation Lambda's steps.

// AssociateCrossAccountReplica links a primary to the replica secret
// another account created with CrossAccountPrimaryARN, and copies its
// versions there.
func (c *Client) AssociateCrossAccountReplica(ctx context.Context, in *secretsmanager.AssociateCrossAccountReplicaInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.AssociateCrossAccountReplicaOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.AssociateCrossAccountReplica, in)
}

// BatchGetSecretValue reads the AWSCURRENT values of the secrets named in
// SecretIdList (1–20) or selected by Filters (paged, MaxResults 1–20). A
// secret that cannot be read is reported in Errors.
func (c *Client) BatchGetSecretValue(ctx context.Context, in *secretsmanager.BatchGetSecretValueInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.BatchGetSecretValueOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.BatchGetSecretValue, in)
}

// CancelRotateSecret turns automatic rotation off (RotationEnabled false,
// the Lambda ARN kept). A rotation in progress is left as it is and its
// version's ID returned, for the caller to clean up as AWS's doc advises.
func (c *Client) CancelRotateSecret(ctx context.Context, in *secretsmanager.CancelRotateSecretInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.CancelRotateSecretOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.CancelRotateSecret, in)
}

// CreateSecret creates a secret and, when a value is given, its first
// version labelled AWSCURRENT. A nil ClientRequestToken is filled in from the
// Store's version IDs, as the SDK fills in a random one. The same name, token
// and value answer as the first call did; a new token on an existing name is
// ResourceExistsException; a name scheduled for deletion is
// InvalidRequestException.
func (c *Client) CreateSecret(ctx context.Context, in *secretsmanager.CreateSecretInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.CreateSecretOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.CreateSecret, in)
}

// DeleteResourcePolicy removes the default policy (a no-op without one).
func (c *Client) DeleteResourcePolicy(ctx context.Context, in *secretsmanager.DeleteResourcePolicyInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.DeleteResourcePolicyOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.DeleteResourcePolicy, in)
}

// DeleteSecret schedules a secret for deletion after RecoveryWindowInDays
// (7–30, default 30) on the Store's clock, or deletes it at once with
// ForceDeleteWithoutRecovery. When the window has passed the secret is gone
// and its name free.
func (c *Client) DeleteSecret(ctx context.Context, in *secretsmanager.DeleteSecretInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.DeleteSecretOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.DeleteSecret, in)
}

// DescribeSecret returns a secret's metadata; only fields with a value are
// set. It works on a secret scheduled for deletion (DeletedDate is set).
func (c *Client) DescribeSecret(ctx context.Context, in *secretsmanager.DescribeSecretInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.DescribeSecretOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.DescribeSecret, in)
}

// DisassociateCrossAccountReplica unlinks a primary from its cross-account
// replica, which stays read-only with status Detached.
func (c *Client) DisassociateCrossAccountReplica(ctx context.Context, in *secretsmanager.DisassociateCrossAccountReplicaInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.DisassociateCrossAccountReplicaOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.DisassociateCrossAccountReplica, in)
}

// GetRandomPassword returns a random password drawn from the Store's ID
// source (repeatable with fakeaws.WithSeed).
func (c *Client) GetRandomPassword(ctx context.Context, in *secretsmanager.GetRandomPasswordInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.GetRandomPasswordOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.GetRandomPassword, in)
}

// GetResourcePolicy returns the default policy as it was put, or no
// ResourcePolicy when none is attached.
func (c *Client) GetResourcePolicy(ctx context.Context, in *secretsmanager.GetResourcePolicyInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.GetResourcePolicyOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.GetResourcePolicy, in)
}

// GetSecretValue returns the value of a secret's AWSCURRENT version, or of
// the version named by VersionId or VersionStage, and records the read in
// LastAccessedDate (kept to the day). A secret scheduled for deletion is
// InvalidRequestException.
func (c *Client) GetSecretValue(ctx context.Context, in *secretsmanager.GetSecretValueInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.GetSecretValueOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.GetSecretValue, in)
}

// ListResourcePolicies lists "default" when a policy is attached.
func (c *Client) ListResourcePolicies(ctx context.Context, in *secretsmanager.ListResourcePoliciesInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.ListResourcePoliciesOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.ListResourcePolicies, in)
}

// ListSecretVersionIds lists the versions of a secret, oldest first, with
// their labels, CreatedDate and LastAccessedDate (only for versions that
// were read). Unlabelled (deprecated) versions only with IncludeDeprecated.
func (c *Client) ListSecretVersionIds(ctx context.Context, in *secretsmanager.ListSecretVersionIdsInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.ListSecretVersionIdsOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.ListSecretVersionIds, in)
}

// ListSecrets lists secrets' metadata (never values), sorted by SortBy
// (default created-date) and SortOrder (default asc), with the name,
// description, tag-key, tag-value, primary-region, owning-service and all
// filters and "!" negation. Secrets scheduled for deletion are left out
// unless IncludePlannedDeletion.
func (c *Client) ListSecrets(ctx context.Context, in *secretsmanager.ListSecretsInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.ListSecretsOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.ListSecrets, in)
}

// PutResourcePolicy attaches the secret's "default" resource policy, stored
// as given. A policy that is not JSON gets MalformedPolicyDocumentException;
// with BlockPublicPolicy, a policy allowing Principal "*" without a
// Condition gets PublicPolicyException; another PolicyName gets
// InvalidParameterException (only default can be attached, SDK doc).
func (c *Client) PutResourcePolicy(ctx context.Context, in *secretsmanager.PutResourcePolicyInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.PutResourcePolicyOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.PutResourcePolicy, in)
}

// PutSecretValue adds a version. Without VersionStages it becomes AWSCURRENT
// (the old AWSCURRENT becomes AWSPREVIOUS, other labels stay); with
// VersionStages each listed label moves to it. Tokens are idempotent as in
// CreateSecret.
func (c *Client) PutSecretValue(ctx context.Context, in *secretsmanager.PutSecretValueInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.PutSecretValueOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.PutSecretValue, in)
}

// RemoveRegionsFromReplication deletes the secret's replicas in the given
// regions.
func (c *Client) RemoveRegionsFromReplication(ctx context.Context, in *secretsmanager.RemoveRegionsFromReplicationInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.RemoveRegionsFromReplicationOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.RemoveRegionsFromReplication, in)
}

// ReplicateSecretToRegions replicates a secret to other regions of its
// account. Each replica is a read-only copy under the same name, its ARN
// with the region swapped; the answer shows InProgress, later reads InSync.
func (c *Client) ReplicateSecretToRegions(ctx context.Context, in *secretsmanager.ReplicateSecretToRegionsInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.ReplicateSecretToRegionsOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.ReplicateSecretToRegions, in)
}

// RestoreSecret cancels a scheduled deletion.
func (c *Client) RestoreSecret(ctx context.Context, in *secretsmanager.RestoreSecretInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.RestoreSecretOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.RestoreSecret, in)
}

// StopReplicationToReplica, called in the replica's region or account,
// makes a replica a standalone secret.
func (c *Client) StopReplicationToReplica(ctx context.Context, in *secretsmanager.StopReplicationToReplicaInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.StopReplicationToReplicaOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.StopReplicationToReplica, in)
}

// TagResource adds tags or changes their values, keeping their order.
func (c *Client) TagResource(ctx context.Context, in *secretsmanager.TagResourceInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.TagResourceOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.TagResource, in)
}

// UntagResource removes tags by key; unknown keys are ignored.
func (c *Client) UntagResource(ctx context.Context, in *secretsmanager.UntagResourceInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.UntagResourceOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.UntagResource, in)
}

// UpdateSecret changes the description or KMS key and, with a value, adds a
// version that becomes AWSCURRENT. Without a value the output has no
// VersionId.
func (c *Client) UpdateSecret(ctx context.Context, in *secretsmanager.UpdateSecretInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.UpdateSecretOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.UpdateSecret, in)
}

// UpdateSecretVersionStage moves a staging label to MoveToVersionId and/or
// removes it from RemoveFromVersionId. A label held by another version needs
// that version in RemoveFromVersionId. Moving AWSCURRENT makes its former
// holder AWSPREVIOUS.
func (c *Client) UpdateSecretVersionStage(ctx context.Context, in *secretsmanager.UpdateSecretVersionStageInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.UpdateSecretVersionStageOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.UpdateSecretVersionStage, in)
}

// ValidateResourcePolicy answers PolicyValidationPassed true for a JSON
// policy and MalformedPolicyDocumentException otherwise; it makes no IAM
// checks.
func (c *Client) ValidateResourcePolicy(ctx context.Context, in *secretsmanager.ValidateResourcePolicyInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.ValidateResourcePolicyOutput, error) {
	return engine.Run(ctx, c.e, c.p, c.p.SM, secrets.ValidateResourcePolicy, in)
}
