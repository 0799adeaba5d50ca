package smfake_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
)

// TestReplicationNotModelled: the replication operations check the secret,
// then refuse rather than pretend to replicate.
func TestReplicationNotModelled(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	mustCreate(t, c, "app/a", "v", tokA)
	calls := []struct {
		name string
		do   func(id string) error
	}{
		{"ReplicateSecretToRegions", func(id string) error {
			_, err := c.ReplicateSecretToRegions(ctx, &secretsmanager.ReplicateSecretToRegionsInput{SecretId: aws.String(id), AddReplicaRegions: []types.ReplicaRegionType{{Region: aws.String("eu-west-1")}}})
			return err
		}},
		{"RemoveRegionsFromReplication", func(id string) error {
			_, err := c.RemoveRegionsFromReplication(ctx, &secretsmanager.RemoveRegionsFromReplicationInput{SecretId: aws.String(id), RemoveReplicaRegions: []string{"eu-west-1"}})
			return err
		}},
		{"StopReplicationToReplica", func(id string) error {
			_, err := c.StopReplicationToReplica(ctx, &secretsmanager.StopReplicationToReplicaInput{SecretId: aws.String(id)})
			return err
		}},
		{"AssociateCrossAccountReplica", func(id string) error {
			_, err := c.AssociateCrossAccountReplica(ctx, &secretsmanager.AssociateCrossAccountReplicaInput{SecretId: aws.String(id), CrossAccountReplicaARN: aws.String("arn")})
			return err
		}},
		{"DisassociateCrossAccountReplica", func(id string) error {
			_, err := c.DisassociateCrossAccountReplica(ctx, &secretsmanager.DisassociateCrossAccountReplicaInput{SecretId: aws.String(id), CrossAccountReplicaARN: aws.String("arn")})
			return err
		}},
	}
	for _, tc := range calls {
		t.Run(tc.name, func(t *testing.T) {
			wantAPIError(t, tc.do("nope"), "ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
			wantAPIError(t, tc.do("app/a"), "InvalidRequestException", "fakeaws does not model replication.")
		})
	}
}
