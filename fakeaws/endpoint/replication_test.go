package endpoint_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
)

// Replication over the wire: the real client in us-east-1 replicates, the
// real client signed for eu-west-1 reads the replica and is refused a write,
// through the in-memory Config and through the loopback server.
func TestReplicationOverTheWire(t *testing.T) {
	t.Parallel()
	st := fakeaws.New()
	srv := endpoint.NewServer(st)
	t.Cleanup(srv.Close)
	for name, cfg := range map[string]aws.Config{"config": endpoint.Config(st), "server": srv.Config()} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			us := secretsmanager.NewFromConfig(cfg)
			eu := secretsmanager.NewFromConfig(cfg, func(o *secretsmanager.Options) { o.Region = "eu-west-1" })
			id := aws.String("wire/" + name)
			if _, err := us.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: id, SecretString: aws.String("v1")}); err != nil {
				t.Fatal(err)
			}
			rep, err := us.ReplicateSecretToRegions(ctx, &secretsmanager.ReplicateSecretToRegionsInput{SecretId: id, AddReplicaRegions: []types.ReplicaRegionType{{Region: aws.String("eu-west-1")}}})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.ReplicationStatus) != 1 || rep.ReplicationStatus[0].Status != types.StatusTypeInProgress {
				t.Errorf("ReplicationStatus = %+v, want eu-west-1 InProgress", rep.ReplicationStatus)
			}
			if _, err := us.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: id, SecretString: aws.String("v2")}); err != nil {
				t.Fatal(err)
			}
			got, err := eu.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: id})
			if err != nil {
				t.Fatal(err)
			}
			if aws.ToString(got.SecretString) != "v2" || !strings.HasPrefix(aws.ToString(got.ARN), "arn:aws:secretsmanager:eu-west-1:") {
				t.Errorf("replica read = %s %s, want v2 from eu-west-1", aws.ToString(got.ARN), aws.ToString(got.SecretString))
			}
			_, err = eu.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: id, SecretString: aws.String("x")})
			var ipe *types.InvalidParameterException
			if !errors.As(err, &ipe) || ipe.ErrorMessage() != "Operation not permitted on a replica secret. Call must be made in primary secret's region." {
				t.Errorf("write on the replica: %v", err)
			}
			d, err := us.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: id})
			if err != nil {
				t.Fatal(err)
			}
			if aws.ToString(d.PrimaryRegion) != "us-east-1" || len(d.ReplicationStatus) != 1 || d.ReplicationStatus[0].Status != types.StatusTypeInSync {
				t.Errorf("DescribeSecret: PrimaryRegion %q, ReplicationStatus %+v", aws.ToString(d.PrimaryRegion), d.ReplicationStatus)
			}
		})
	}
}
