package smfake_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
)

// cmpOpts compares SDK outputs field by field, ignoring ResultMetadata and
// the SDK's unexported document markers.
var cmpOpts = []cmp.Option{
	cmpopts.IgnoreFields(secretsmanager.CreateSecretOutput{}, "ResultMetadata"),
	cmpopts.IgnoreFields(secretsmanager.GetSecretValueOutput{}, "ResultMetadata"),
	cmpopts.IgnoreFields(secretsmanager.PutSecretValueOutput{}, "ResultMetadata"),
	cmpopts.IgnoreFields(secretsmanager.UpdateSecretOutput{}, "ResultMetadata"),
	cmpopts.IgnoreFields(secretsmanager.ListSecretVersionIdsOutput{}, "ResultMetadata"),
	cmpopts.IgnoreFields(secretsmanager.DescribeSecretOutput{}, "ResultMetadata"),
	cmpopts.IgnoreFields(secretsmanager.ListSecretsOutput{}, "ResultMetadata"),
	cmpopts.IgnoreFields(secretsmanager.DeleteSecretOutput{}, "ResultMetadata"),
	cmpopts.IgnoreFields(secretsmanager.RestoreSecretOutput{}, "ResultMetadata"),
	cmpopts.IgnoreFields(secretsmanager.BatchGetSecretValueOutput{}, "ResultMetadata"),
	cmpopts.IgnoreFields(secretsmanager.UpdateSecretVersionStageOutput{}, "ResultMetadata"),
	cmpopts.IgnoreUnexported(
		secretsmanager.CreateSecretOutput{}, secretsmanager.GetSecretValueOutput{},
		secretsmanager.PutSecretValueOutput{}, secretsmanager.UpdateSecretOutput{},
		secretsmanager.ListSecretVersionIdsOutput{}, secretsmanager.DescribeSecretOutput{},
		secretsmanager.ListSecretsOutput{}, secretsmanager.DeleteSecretOutput{},
		secretsmanager.RestoreSecretOutput{}, secretsmanager.BatchGetSecretValueOutput{},
		secretsmanager.UpdateSecretVersionStageOutput{},
		types.SecretVersionsListEntry{}, types.SecretListEntry{}, types.Tag{},
		types.SecretValueEntry{}, types.APIErrorType{},
	),
}

// The reference scenario (docs/article-scenario.md): real AWS CLI output.
const (
	refARN  = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ"
	refName = "prod/App/Mysql"
	refV1   = "98a55589-b075-47fb-bae9-df4f289527b9"
	refV2   = "f66c87f8-384b-445b-bd93-5edac5d72705"
)

var (
	refCreated = time.Date(2018, 7, 28, 11, 9, 49, 618e6, time.UTC)
	refUpdated = time.Date(2018, 7, 28, 11, 18, 57, 955e6, time.UTC)
	refDay     = time.Date(2018, 7, 28, 0, 0, 0, 0, time.UTC)
)

// TestReferenceScenario replays the Secrets Manager steps of the reference
// scenario with the SDK's automatic tokens (scripted version IDs) and
// compares whole outputs.
func TestReferenceScenario(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	clk := clock.NewFake(refCreated)
	st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithRegion("eu-central-1"),
		fakeaws.WithVersionIDs(refV1, refV2), fakeaws.WithARNSuffixes("XYZ"))
	c := smfake.New(st)

	created, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(refName), SecretString: aws.String(`{"key":"val"}`)})
	check(t, "create-secret", err, &secretsmanager.CreateSecretOutput{ARN: aws.String(refARN), Name: aws.String(refName), VersionId: aws.String(refV1)}, created)

	got, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(refName)})
	check(t, "get-secret-value", err, &secretsmanager.GetSecretValueOutput{
		ARN: aws.String(refARN), Name: aws.String(refName), VersionId: aws.String(refV1),
		SecretString: aws.String(`{"key":"val"}`), VersionStages: []string{"AWSCURRENT"}, CreatedDate: aws.Time(refCreated),
	}, got)

	clk.Set(refUpdated)
	upd, err := c.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: aws.String(refName), SecretString: aws.String(`{"foo":"bar"}`)})
	check(t, "update-secret", err, &secretsmanager.UpdateSecretOutput{ARN: aws.String(refARN), Name: aws.String(refName), VersionId: aws.String(refV2)}, upd)

	list, err := c.ListSecretVersionIds(ctx, &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String(refName)})
	check(t, "list-secret-version-ids", err, &secretsmanager.ListSecretVersionIdsOutput{
		Versions: []types.SecretVersionsListEntry{
			{VersionId: aws.String(refV1), VersionStages: []string{"AWSPREVIOUS"}, LastAccessedDate: aws.Time(refDay), CreatedDate: aws.Time(refCreated)},
			{VersionId: aws.String(refV2), VersionStages: []string{"AWSCURRENT"}, CreatedDate: aws.Time(refUpdated)},
		},
		ARN: aws.String(refARN), Name: aws.String(refName),
	}, list)
}

func check[T any](t *testing.T, step string, err error, want, got T) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
		t.Errorf("%s (-want +got):\n%s", step, diff)
	}
}
