package smfake_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
)

// A secret, a new value, and the versions AWS keeps: the old value is
// AWSPREVIOUS, and only the version that was read has a LastAccessedDate.
func Example() {
	ctx := context.Background()
	clk := clock.NewFake(time.Date(2018, 7, 28, 11, 9, 49, 618e6, time.UTC))
	st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithRegion("eu-central-1"),
		fakeaws.WithVersionIDs("v1-98a55589-b075-47fb-bae9-df4f2895", "v2-f66c87f8-384b-445b-bd93-5edac5d7"),
		fakeaws.WithARNSuffixes("XYZ"))
	smc := smfake.New(st)

	created, _ := smc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{
		Name: aws.String("prod/App/Mysql"), SecretString: aws.String(`{"key":"val"}`),
	})
	fmt.Println(*created.ARN)
	got, _ := smc.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("prod/App/Mysql")})
	fmt.Println(*got.SecretString, got.VersionStages)

	clk.Advance(9 * time.Minute)
	_, _ = smc.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{
		SecretId: aws.String("prod/App/Mysql"), SecretString: aws.String(`{"foo":"bar"}`),
	})
	list, _ := smc.ListSecretVersionIds(ctx, &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String("prod/App/Mysql")})
	for _, v := range list.Versions {
		fmt.Println(*v.VersionId, v.VersionStages, v.LastAccessedDate != nil)
	}
	// Output:
	// arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ
	// {"key":"val"} [AWSCURRENT]
	// v1-98a55589-b075-47fb-bae9-df4f2895 [AWSPREVIOUS] true
	// v2-f66c87f8-384b-445b-bd93-5edac5d7 [AWSCURRENT] false
}

// Errors are the SDK's typed errors with AWS's messages.
func ExampleClient_GetSecretValue_missing() {
	smc := smfake.New(fakeaws.New())
	_, err := smc.GetSecretValue(context.Background(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("nope")})
	var rnf *types.ResourceNotFoundException
	if errors.As(err, &rnf) {
		fmt.Println(rnf.ErrorCode()+":", rnf.ErrorMessage())
	}
	// Output:
	// ResourceNotFoundException: Secrets Manager can't find the specified secret.
}
