package sm

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/internal/core"
)

// Replication (to other regions, or to other accounts) is not modelled yet:
// each operation checks the secret as AWS would (ResourceNotFoundException
// for a missing one) and then answers InvalidRequestException naming what
// the fake does not model, rather than pretending to succeed, as CreateSecret
// does with AddReplicaRegions.

// replicationTarget finds the secret a replication operation names.
func (s *State) replicationTarget(env core.Env, id *string) error {
	if err := checkSecretID(id, "secretId"); err != nil {
		return err
	}
	if s.find(env, aws.ToString(id)) == nil {
		return errNotFound()
	}
	return errNotModelled("replication")
}

// ReplicateSecretToRegions: not modelled (see above).
func (s *State) ReplicateSecretToRegions(env core.Env, in *secretsmanager.ReplicateSecretToRegionsInput) (*secretsmanager.ReplicateSecretToRegionsOutput, error) {
	return nil, s.replicationTarget(env, in.SecretId)
}

// RemoveRegionsFromReplication: not modelled (see above).
func (s *State) RemoveRegionsFromReplication(env core.Env, in *secretsmanager.RemoveRegionsFromReplicationInput) (*secretsmanager.RemoveRegionsFromReplicationOutput, error) {
	return nil, s.replicationTarget(env, in.SecretId)
}

// StopReplicationToReplica: not modelled (see above).
func (s *State) StopReplicationToReplica(env core.Env, in *secretsmanager.StopReplicationToReplicaInput) (*secretsmanager.StopReplicationToReplicaOutput, error) {
	return nil, s.replicationTarget(env, in.SecretId)
}

// AssociateCrossAccountReplica: not modelled (see above).
func (s *State) AssociateCrossAccountReplica(env core.Env, in *secretsmanager.AssociateCrossAccountReplicaInput) (*secretsmanager.AssociateCrossAccountReplicaOutput, error) {
	return nil, s.replicationTarget(env, in.SecretId)
}

// DisassociateCrossAccountReplica: not modelled (see above).
func (s *State) DisassociateCrossAccountReplica(env core.Env, in *secretsmanager.DisassociateCrossAccountReplicaInput) (*secretsmanager.DisassociateCrossAccountReplicaOutput, error) {
	return nil, s.replicationTarget(env, in.SecretId)
}
