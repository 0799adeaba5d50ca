package smfake_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
)

// A secret replicated to another region: the replica is read there with a
// client bound to that region, follows every write on the primary, and
// refuses writes of its own.
func ExampleClient_ReplicateSecretToRegions() {
	ctx := context.Background()
	st := fakeaws.New(fakeaws.WithARNSuffixes("AbCdEf"))
	primary := smfake.New(st) // us-east-1, the Store's default region
	replica := smfake.New(st, smfake.WithRegion("eu-west-1"))

	_, _ = primary.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("db"), SecretString: aws.String("v1")})
	out, _ := primary.ReplicateSecretToRegions(ctx, &secretsmanager.ReplicateSecretToRegionsInput{
		SecretId: aws.String("db"), AddReplicaRegions: []types.ReplicaRegionType{{Region: aws.String("eu-west-1")}},
	})
	fmt.Println(*out.ReplicationStatus[0].Region, out.ReplicationStatus[0].Status)

	_, _ = primary.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("db"), SecretString: aws.String("v2")})
	got, _ := replica.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("db")})
	fmt.Println(*got.ARN, *got.SecretString)

	_, err := replica.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("db"), SecretString: aws.String("x")})
	var ipe *types.InvalidParameterException
	if errors.As(err, &ipe) {
		fmt.Println(ipe.ErrorMessage())
	}
	// Output:
	// eu-west-1 InProgress
	// arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf v2
	// Operation not permitted on a replica secret. Call must be made in primary secret's region.
}
