package smfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// Replication: a primary secret's replicas live in the Store's state of
// their region (or account), under the same lock, read-only there; every
// write on a primary reaches its replicas before the call returns. See
// internal/sm/replication.go for the rules and their sources.

// ReplicateSecretToRegions replicates a secret to other regions of its
// account. Each replica is a read-only copy under the same name, its ARN
// with the region swapped; the answer shows InProgress, later reads InSync.
func (c *Client) ReplicateSecretToRegions(ctx context.Context, in *secretsmanager.ReplicateSecretToRegionsInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.ReplicateSecretToRegionsOutput, error) {
	return engine.Do(ctx, c.e, OpReplicateSecretToRegions, c.p, c.p.SM, in, func(in *secretsmanager.ReplicateSecretToRegionsInput) error {
		p := core.NewParams("ReplicateSecretToRegionsInput")
		p.Require(in.SecretId == nil, "SecretId")
		p.Require(in.AddReplicaRegions == nil, "AddReplicaRegions")
		return p.Err()
	}, (*secrets.State).ReplicateSecretToRegions)
}

// RemoveRegionsFromReplication deletes the secret's replicas in the given
// regions.
func (c *Client) RemoveRegionsFromReplication(ctx context.Context, in *secretsmanager.RemoveRegionsFromReplicationInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.RemoveRegionsFromReplicationOutput, error) {
	return engine.Do(ctx, c.e, OpRemoveRegionsFromReplication, c.p, c.p.SM, in, func(in *secretsmanager.RemoveRegionsFromReplicationInput) error {
		p := core.NewParams("RemoveRegionsFromReplicationInput")
		p.Require(in.SecretId == nil, "SecretId")
		p.Require(in.RemoveReplicaRegions == nil, "RemoveReplicaRegions")
		return p.Err()
	}, (*secrets.State).RemoveRegionsFromReplication)
}

// StopReplicationToReplica, called in the replica's region or account,
// makes a replica a standalone secret.
func (c *Client) StopReplicationToReplica(ctx context.Context, in *secretsmanager.StopReplicationToReplicaInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.StopReplicationToReplicaOutput, error) {
	return engine.Do(ctx, c.e, OpStopReplicationToReplica, c.p, c.p.SM, in, func(in *secretsmanager.StopReplicationToReplicaInput) error {
		p := core.NewParams("StopReplicationToReplicaInput")
		p.Require(in.SecretId == nil, "SecretId")
		return p.Err()
	}, (*secrets.State).StopReplicationToReplica)
}

// AssociateCrossAccountReplica links a primary to the replica secret
// another account created with CrossAccountPrimaryARN, and copies its
// versions there.
func (c *Client) AssociateCrossAccountReplica(ctx context.Context, in *secretsmanager.AssociateCrossAccountReplicaInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.AssociateCrossAccountReplicaOutput, error) {
	return engine.Do(ctx, c.e, OpAssociateCrossAccountReplica, c.p, c.p.SM, in, func(in *secretsmanager.AssociateCrossAccountReplicaInput) error {
		p := core.NewParams("AssociateCrossAccountReplicaInput")
		p.Require(in.SecretId == nil, "SecretId")
		p.Require(in.CrossAccountReplicaARN == nil, "CrossAccountReplicaARN")
		return p.Err()
	}, (*secrets.State).AssociateCrossAccountReplica)
}

// DisassociateCrossAccountReplica unlinks a primary from its cross-account
// replica, which stays read-only with status Detached.
func (c *Client) DisassociateCrossAccountReplica(ctx context.Context, in *secretsmanager.DisassociateCrossAccountReplicaInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.DisassociateCrossAccountReplicaOutput, error) {
	return engine.Do(ctx, c.e, OpDisassociateCrossAccountReplica, c.p, c.p.SM, in, func(in *secretsmanager.DisassociateCrossAccountReplicaInput) error {
		p := core.NewParams("DisassociateCrossAccountReplicaInput")
		p.Require(in.SecretId == nil, "SecretId")
		p.Require(in.CrossAccountReplicaARN == nil, "CrossAccountReplicaARN")
		return p.Err()
	}, (*secrets.State).DisassociateCrossAccountReplica)
}
