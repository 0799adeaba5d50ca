package conformance

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
)

// secretScenario walks Secrets Manager's version and stage model,
// idempotency tokens and the deletion state machine. Sources per step: "MV"
// a moto test verified against AWS, "O" real AWS output seen in public logs,
// "D" the AWS documentation, "M" moto's text where AWS's is not known.
func secretScenario() Scenario {
	t0 := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	t1 := t0.Add(90 * time.Second)
	t2 := t0.Add(3 * time.Minute)
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	const (
		region = "us-west-2"
		name   = "app/token"
		arn    = "arn:aws:secretsmanager:us-west-2:123456789012:secret:app/token-AbC123"
		tokA   = "aaaaaaaa-0000-4000-8000-000000000001"
		tokB   = "bbbbbbbb-0000-4000-8000-000000000002"
		tokC   = "cccccccc-0000-4000-8000-000000000003"
		tokX   = "dddddddd-0000-4000-8000-000000000004"
	)
	id := aws.String(name)
	return Scenario{
		Name:   "secrets",
		Source: "docs/aws-behaviour.md §3",
		Env:    Env{Region: region, Account: "123456789012", Start: t0, ARNSuffixes: []string{"AbC123"}},
		Steps: []Step{
			{
				Name: "create with a value (D)", Service: SecretsManager, Op: "CreateSecret",
				In:   &secretsmanager.CreateSecretInput{Name: id, SecretString: aws.String("t1"), ClientRequestToken: aws.String(tokA)},
				Want: &secretsmanager.CreateSecretOutput{ARN: aws.String(arn), Name: id, VersionId: aws.String(tokA)},
			},
			{
				Name: "create again with the same token and value is a no-op (docs/aws-behaviour.md §3.4, MV)", Service: SecretsManager, Op: "CreateSecret",
				In:   &secretsmanager.CreateSecretInput{Name: id, SecretString: aws.String("t1"), ClientRequestToken: aws.String(tokA)},
				Want: &secretsmanager.CreateSecretOutput{ARN: aws.String(arn), Name: id, VersionId: aws.String(tokA)},
			},
			{
				Name: "create again with a new token (docs/aws-behaviour.md §3.4, MV)", Service: SecretsManager, Op: "CreateSecret",
				In: &secretsmanager.CreateSecretInput{Name: id, SecretString: aws.String("t1"), ClientRequestToken: aws.String(tokX)},
				WantErr: &Error{Code: "ResourceExistsException",
					Message: "The operation failed because the secret app/token already exists."},
			},
			{
				Name: "put with AWSPENDING only (docs/aws-behaviour.md §3.3, D)", At: t1, Service: SecretsManager, Op: "PutSecretValue",
				In: &secretsmanager.PutSecretValueInput{SecretId: id, SecretString: aws.String("t2"), ClientRequestToken: aws.String(tokB),
					VersionStages: []string{"AWSPENDING"}},
				Want: &secretsmanager.PutSecretValueOutput{ARN: aws.String(arn), Name: id, VersionId: aws.String(tokB),
					VersionStages: []string{"AWSPENDING"}},
			},
			{
				Name: "moving AWSCURRENT needs RemoveFromVersionId (docs/aws-behaviour.md §3.5, MV)", Service: SecretsManager, Op: "UpdateSecretVersionStage",
				In: &secretsmanager.UpdateSecretVersionStageInput{SecretId: id, VersionStage: aws.String("AWSCURRENT"), MoveToVersionId: aws.String(tokB)},
				WantErr: &Error{Code: "InvalidParameterException",
					Message: "The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is currently attached to version " + tokA + ", so you must explicitly reference that version in RemoveFromVersionId."},
			},
			{
				Name: "get by stage (D)", Service: SecretsManager, Op: "GetSecretValue",
				In: &secretsmanager.GetSecretValueInput{SecretId: id, VersionStage: aws.String("AWSPENDING")},
				Want: &secretsmanager.GetSecretValueOutput{ARN: aws.String(arn), Name: id, VersionId: aws.String(tokB),
					SecretString: aws.String("t2"), VersionStages: []string{"AWSPENDING"}, CreatedDate: aws.Time(t1)},
			},
			{
				Name: "put without stages makes the new version current (docs/aws-behaviour.md §3.3, D)", At: t2, Service: SecretsManager, Op: "PutSecretValue",
				In: &secretsmanager.PutSecretValueInput{SecretId: id, SecretString: aws.String("t3"), ClientRequestToken: aws.String(tokC)},
				Want: &secretsmanager.PutSecretValueOutput{ARN: aws.String(arn), Name: id, VersionId: aws.String(tokC),
					VersionStages: []string{"AWSCURRENT"}},
			},
			{
				Name: "AWSCURRENT moved AWSPREVIOUS and left AWSPENDING in place (docs/aws-behaviour.md §3.3, D/MV)", Service: SecretsManager, Op: "ListSecretVersionIds",
				In: &secretsmanager.ListSecretVersionIdsInput{SecretId: id},
				Want: &secretsmanager.ListSecretVersionIdsOutput{ARN: aws.String(arn), Name: id, Versions: []smtypes.SecretVersionsListEntry{
					{VersionId: aws.String(tokA), VersionStages: []string{"AWSPREVIOUS"}, CreatedDate: aws.Time(t0)},
					{VersionId: aws.String(tokB), VersionStages: []string{"AWSPENDING"}, CreatedDate: aws.Time(t1), LastAccessedDate: aws.Time(day)},
					{VersionId: aws.String(tokC), VersionStages: []string{"AWSCURRENT"}, CreatedDate: aws.Time(t2)},
				}},
			},
			{
				Name: "put again with the same token and value is a no-op (docs/aws-behaviour.md §3.4, MV)", Service: SecretsManager, Op: "PutSecretValue",
				In: &secretsmanager.PutSecretValueInput{SecretId: id, SecretString: aws.String("t3"), ClientRequestToken: aws.String(tokC)},
				Want: &secretsmanager.PutSecretValueOutput{ARN: aws.String(arn), Name: id, VersionId: aws.String(tokC),
					VersionStages: []string{"AWSCURRENT"}},
			},
			{
				Name: "same token, other value (docs/aws-behaviour.md §3.4, MV)", Service: SecretsManager, Op: "PutSecretValue",
				In: &secretsmanager.PutSecretValueInput{SecretId: id, SecretString: aws.String("other"), ClientRequestToken: aws.String(tokC)},
				WantErr: &Error{Code: "ResourceExistsException",
					Message: "You can't use ClientRequestToken " + tokC + " because that value is already in use for a version of secret " + arn + "."},
			},
			{
				Name: "get an unknown version id (docs/aws-behaviour.md §3.5, M)", Service: SecretsManager, Op: "GetSecretValue",
				In: &secretsmanager.GetSecretValueInput{SecretId: id, VersionId: aws.String(tokX)},
				WantErr: &Error{Code: "ResourceNotFoundException",
					Message: "Secrets Manager can't find the specified secret value for VersionId: " + tokX},
			},
			{
				Name: "delete with a 7-day window (D)", Service: SecretsManager, Op: "DeleteSecret",
				In:   &secretsmanager.DeleteSecretInput{SecretId: id, RecoveryWindowInDays: aws.Int64(7)},
				Want: &secretsmanager.DeleteSecretOutput{ARN: aws.String(arn), Name: id, DeletionDate: aws.Time(t2.Add(7 * 24 * time.Hour))},
			},
			{
				Name: "a secret marked for deletion cannot be read (docs/aws-behaviour.md §3.5, O)", Service: SecretsManager, Op: "GetSecretValue",
				In: &secretsmanager.GetSecretValueInput{SecretId: id},
				WantErr: &Error{Code: "InvalidRequestException",
					Message: "You can't perform this operation on the secret because it was marked for deletion."},
			},
			{
				Name: "nor created again (docs/aws-behaviour.md §3.4, O)", Service: SecretsManager, Op: "CreateSecret",
				In: &secretsmanager.CreateSecretInput{Name: id, SecretString: aws.String("t9"), ClientRequestToken: aws.String(tokX)},
				WantErr: &Error{Code: "InvalidRequestException",
					Message: "You can't create this secret because a secret with this name is already scheduled for deletion."},
			},
			{
				Name: "restore (D)", Service: SecretsManager, Op: "RestoreSecret",
				In:   &secretsmanager.RestoreSecretInput{SecretId: id},
				Want: &secretsmanager.RestoreSecretOutput{ARN: aws.String(arn), Name: id},
			},
			{
				Name: "restored: the current value reads again (D)", Service: SecretsManager, Op: "GetSecretValue",
				In: &secretsmanager.GetSecretValueInput{SecretId: aws.String(arn)},
				Want: &secretsmanager.GetSecretValueOutput{ARN: aws.String(arn), Name: id, VersionId: aws.String(tokC),
					SecretString: aws.String("t3"), VersionStages: []string{"AWSCURRENT"}, CreatedDate: aws.Time(t2)},
			},
			{
				Name: "missing secret (docs/aws-behaviour.md §3.2)", Service: SecretsManager, Op: "GetSecretValue",
				In: &secretsmanager.GetSecretValueInput{SecretId: aws.String("app/none")},
				WantErr: &Error{Code: "ResourceNotFoundException",
					Message: "Secrets Manager can't find the specified secret."},
			},
		},
	}
}
