package smfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/internal/core"
	"github.com/fakeaws/fakeaws-go/internal/engine"
	"github.com/fakeaws/fakeaws-go/internal/sm"
)

// Replication is not modelled yet: these methods exist so that Client has
// every method of *secretsmanager.Client, check their required fields and
// the secret (ResourceNotFoundException when missing), and then fail with
// InvalidRequestException "fakeaws does not model replication." rather than
// pretend to succeed.

// ReplicateSecretToRegions is not modelled (see above).
func (c *Client) ReplicateSecretToRegions(ctx context.Context, in *secretsmanager.ReplicateSecretToRegionsInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.ReplicateSecretToRegionsOutput, error) {
	return engine.Do(ctx, c.e, OpReplicateSecretToRegions, c.p, c.p.SM, in, func(in *secretsmanager.ReplicateSecretToRegionsInput) error {
		p := core.NewParams("ReplicateSecretToRegionsInput")
		p.Require(in.SecretId == nil, "SecretId")
		p.Require(in.AddReplicaRegions == nil, "AddReplicaRegions")
		return p.Err()
	}, (*sm.State).ReplicateSecretToRegions)
}

// RemoveRegionsFromReplication is not modelled (see above).
func (c *Client) RemoveRegionsFromReplication(ctx context.Context, in *secretsmanager.RemoveRegionsFromReplicationInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.RemoveRegionsFromReplicationOutput, error) {
	return engine.Do(ctx, c.e, OpRemoveRegionsFromReplication, c.p, c.p.SM, in, func(in *secretsmanager.RemoveRegionsFromReplicationInput) error {
		p := core.NewParams("RemoveRegionsFromReplicationInput")
		p.Require(in.SecretId == nil, "SecretId")
		p.Require(in.RemoveReplicaRegions == nil, "RemoveReplicaRegions")
		return p.Err()
	}, (*sm.State).RemoveRegionsFromReplication)
}

// StopReplicationToReplica is not modelled (see above).
func (c *Client) StopReplicationToReplica(ctx context.Context, in *secretsmanager.StopReplicationToReplicaInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.StopReplicationToReplicaOutput, error) {
	return engine.Do(ctx, c.e, OpStopReplicationToReplica, c.p, c.p.SM, in, func(in *secretsmanager.StopReplicationToReplicaInput) error {
		p := core.NewParams("StopReplicationToReplicaInput")
		p.Require(in.SecretId == nil, "SecretId")
		return p.Err()
	}, (*sm.State).StopReplicationToReplica)
}

// AssociateCrossAccountReplica is not modelled (see above).
func (c *Client) AssociateCrossAccountReplica(ctx context.Context, in *secretsmanager.AssociateCrossAccountReplicaInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.AssociateCrossAccountReplicaOutput, error) {
	return engine.Do(ctx, c.e, OpAssociateCrossAccountReplica, c.p, c.p.SM, in, func(in *secretsmanager.AssociateCrossAccountReplicaInput) error {
		p := core.NewParams("AssociateCrossAccountReplicaInput")
		p.Require(in.SecretId == nil, "SecretId")
		p.Require(in.CrossAccountReplicaARN == nil, "CrossAccountReplicaARN")
		return p.Err()
	}, (*sm.State).AssociateCrossAccountReplica)
}

// DisassociateCrossAccountReplica is not modelled (see above).
func (c *Client) DisassociateCrossAccountReplica(ctx context.Context, in *secretsmanager.DisassociateCrossAccountReplicaInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.DisassociateCrossAccountReplicaOutput, error) {
	return engine.Do(ctx, c.e, OpDisassociateCrossAccountReplica, c.p, c.p.SM, in, func(in *secretsmanager.DisassociateCrossAccountReplicaInput) error {
		p := core.NewParams("DisassociateCrossAccountReplicaInput")
		p.Require(in.SecretId == nil, "SecretId")
		p.Require(in.CrossAccountReplicaARN == nil, "CrossAccountReplicaARN")
		return p.Err()
	}, (*sm.State).DisassociateCrossAccountReplica)
}
