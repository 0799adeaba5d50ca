package smfake_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
)

// TestErrors checks AWS's error codes and texts. Every case starts from a
// Store holding app/a (value v1, version tokA, AWSCURRENT) and app/gone,
// scheduled for deletion; after the failed call the state must be as it was.
func TestErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	id := aws.String("app/a")
	gone := aws.String("app/gone")
	tests := []struct {
		name      string
		call      func(c *smfake.Client) error
		code, msg string
	}{
		{"missing secret (docs/aws-behaviour.md §3.2, M)", func(c *smfake.Client) error {
			_, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("app/none")})
			return err
		}, "ResourceNotFoundException", "Secrets Manager can't find the specified secret."},
		{"unknown version id (docs/aws-behaviour.md §3.5, M)", func(c *smfake.Client) error {
			_, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: id, VersionId: aws.String(tokD)})
			return err
		}, "ResourceNotFoundException", "Secrets Manager can't find the specified secret value for VersionId: " + tokD},
		{"unknown stage (docs/aws-behaviour.md §3.5, U)", func(c *smfake.Client) error {
			_, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: id, VersionStage: aws.String("AWSPENDING")})
			return err
		}, "ResourceNotFoundException", "Secrets Manager can't find the specified secret value for staging label: AWSPENDING"},
		{"id and stage on different versions (docs/aws-behaviour.md §3.5, M)", func(c *smfake.Client) error {
			_, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: id, VersionId: aws.String(tokA), VersionStage: aws.String("AWSPREVIOUS")})
			return err
		}, "InvalidRequestException", "You provided a VersionStage that is not associated to the provided VersionId."},
		{"read of a secret marked for deletion (docs/aws-behaviour.md §3.5, O)", func(c *smfake.Client) error {
			_, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: gone})
			return err
		}, "InvalidRequestException", "You can't perform this operation on the secret because it was marked for deletion."},
		{"put on a secret marked for deletion (docs/aws-behaviour.md §3.5)", func(c *smfake.Client) error {
			_, err := c.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: gone, SecretString: aws.String("x")})
			return err
		}, "InvalidRequestException", "You can't perform this operation on the secret because it was marked for deletion."},
		{"tag a secret marked for deletion (docs/aws-behaviour.md §3.5)", func(c *smfake.Client) error {
			_, err := c.TagResource(ctx, &secretsmanager.TagResourceInput{SecretId: gone, Tags: []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}})
			return err
		}, "InvalidRequestException", "You can't perform this operation on the secret because it was marked for deletion."},
		{"create over a name scheduled for deletion (docs/aws-behaviour.md §3.4, O)", func(c *smfake.Client) error {
			_, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: gone, SecretString: aws.String("x")})
			return err
		}, "InvalidRequestException", "You can't create this secret because a secret with this name is already scheduled for deletion."},
		{"create an existing name with a new token (docs/aws-behaviour.md §3.4, MV)", func(c *smfake.Client) error {
			_, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: id, SecretString: aws.String("v1")})
			return err
		}, "ResourceExistsException", "The operation failed because the secret app/a already exists."},
		{"create: same token, other value (docs/aws-behaviour.md §3.4, MV)", func(c *smfake.Client) error {
			_, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: id, SecretString: aws.String("other"), ClientRequestToken: aws.String(tokA)})
			return err
		}, "ResourceExistsException", "You can't use ClientRequestToken " + tokA + " because that value is already in use for a version of secret " + arnA + "."},
		{"update: same token, other value (docs/aws-behaviour.md §3.4, MV)", func(c *smfake.Client) error {
			_, err := c.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: id, SecretString: aws.String("other"), ClientRequestToken: aws.String(tokA)})
			return err
		}, "ResourceExistsException", "You can't use ClientRequestToken " + tokA + " because that value is already in use for a version of secret " + arnA + "."},
		{"short token (docs/aws-behaviour.md §3.4, M)", func(c *smfake.Client) error {
			_, err := c.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: id, SecretString: aws.String("x"), ClientRequestToken: aws.String("short")})
			return err
		}, "InvalidParameterException", "ClientRequestToken must be 32-64 characters long."},
		{"put without a value (docs/aws-behaviour.md §3.5, M)", func(c *smfake.Client) error {
			_, err := c.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: id})
			return err
		}, "InvalidRequestException", "You must provide either SecretString or SecretBinary."},
		{"both SecretString and SecretBinary (docs/aws-behaviour.md §3.5, D)", func(c *smfake.Client) error {
			_, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("b"), SecretString: aws.String("x"), SecretBinary: []byte("y")})
			return err
		}, "InvalidParameterException", "You can't specify both a binary secret value and a string secret value in the same secret."},
		{"value over 65536 (docs/aws-behaviour.md §3.5, D)", func(c *smfake.Client) error {
			_, err := c.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: id, SecretString: aws.String(strings.Repeat("x", 65537))})
			return err
		}, "ValidationException", "1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must have length less than or equal to 65536"},
		{"name with a bad character (docs/aws-behaviour.md §3.2, D)", func(c *smfake.Client) error {
			_, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("a b")})
			return err
		}, "ValidationException", "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!"},
		{"name over 512 characters (docs/aws-behaviour.md §3.2, D)", func(c *smfake.Client) error {
			_, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(strings.Repeat("n", 513))})
			return err
		}, "ValidationException", "1 validation error detected: Value '" + strings.Repeat("n", 513) + "' at 'name' failed to satisfy constraint: Member must have length less than or equal to 512"},
		{"AWSCURRENT needs RemoveFromVersionId (docs/aws-behaviour.md §3.5, MV)", func(c *smfake.Client) error {
			_, err := c.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: id, VersionStage: aws.String("AWSCURRENT"), MoveToVersionId: aws.String(tokB)})
			return err
		}, "InvalidParameterException", "The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is currently attached to version " + tokA + ", so you must explicitly reference that version in RemoveFromVersionId."},
		{"a custom label needs RemoveFromVersionId too (docs/aws-behaviour.md §3.5, U)", func(c *smfake.Client) error {
			_, err := c.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: id, VersionStage: aws.String("x"), MoveToVersionId: aws.String(tokA)})
			return err
		}, "InvalidParameterException", "The parameter RemoveFromVersionId can't be empty. Staging label x is currently attached to version " + tokB + ", so you must explicitly reference that version in RemoveFromVersionId."},
		{"label not on RemoveFromVersionId (docs/aws-behaviour.md §3.5, M)", func(c *smfake.Client) error {
			_, err := c.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: id, VersionStage: aws.String("x"), RemoveFromVersionId: aws.String(tokA)})
			return err
		}, "InvalidParameterException", "Version stage x not found in version " + tokA},
		{"recovery window out of range (docs/aws-behaviour.md §3.5, D)", func(c *smfake.Client) error {
			_, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: id, RecoveryWindowInDays: aws.Int64(6)})
			return err
		}, "InvalidParameterException", "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive)."},
		{"window with force (docs/aws-behaviour.md §3.5, D)", func(c *smfake.Client) error {
			_, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: id, RecoveryWindowInDays: aws.Int64(7), ForceDeleteWithoutRecovery: aws.Bool(true)})
			return err
		}, "InvalidParameterException", "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays."},
		{"ListSecretVersionIds MaxResults over 100 (D)", func(c *smfake.Client) error {
			_, err := c.ListSecretVersionIds(ctx, &secretsmanager.ListSecretVersionIdsInput{SecretId: id, MaxResults: aws.Int32(101)})
			return err
		}, "ValidationException", "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100"},
		{"ListSecrets with a garbage NextToken (D)", func(c *smfake.Client) error {
			_, err := c.ListSecrets(ctx, &secretsmanager.ListSecretsInput{NextToken: aws.String("garbage!")})
			return err
		}, "InvalidNextTokenException", "The NextToken value is invalid."},
		{"ListSecrets filter without a key (docs/aws-behaviour.md §3.5, M)", func(c *smfake.Client) error {
			_, err := c.ListSecrets(ctx, &secretsmanager.ListSecretsInput{Filters: []types.Filter{{Values: []string{"a"}}}})
			return err
		}, "InvalidParameterException", "Invalid filter key"},
		{"ListSecrets filter without values (docs/aws-behaviour.md §3.5, M)", func(c *smfake.Client) error {
			_, err := c.ListSecrets(ctx, &secretsmanager.ListSecretsInput{Filters: []types.Filter{{Key: "name"}}})
			return err
		}, "InvalidParameterException", "Invalid filter values for key: name"},
		{"BatchGetSecretValue with ids and filters (docs/aws-behaviour.md §3.5, M)", func(c *smfake.Client) error {
			_, err := c.BatchGetSecretValue(ctx, &secretsmanager.BatchGetSecretValueInput{SecretIdList: []string{"app/a"}, Filters: []types.Filter{{Key: "name", Values: []string{"a"}}}})
			return err
		}, "InvalidParameterException", "Either 'SecretIdList' or 'Filters' must be provided, but not both."},
		{"BatchGetSecretValue MaxResults without filters (docs/aws-behaviour.md §3.5, M)", func(c *smfake.Client) error {
			_, err := c.BatchGetSecretValue(ctx, &secretsmanager.BatchGetSecretValueInput{SecretIdList: []string{"app/a"}, MaxResults: aws.Int32(5)})
			return err
		}, "InvalidParameterException", "'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided."},
		{"GetRandomPassword over 4096 (docs/aws-behaviour.md §3.5, D)", func(c *smfake.Client) error {
			_, err := c.GetRandomPassword(ctx, &secretsmanager.GetRandomPasswordInput{PasswordLength: aws.Int64(4097)})
			return err
		}, "ValidationException", "1 validation error detected: Value '4097' at 'passwordLength' failed to satisfy constraint: Member must have value less than or equal to 4096"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, _ := newClient(t)
			mustCreate(t, c, "app/a", "v1", tokA)
			mustPut(t, c, "app/a", "v2", tokB, "x")
			mustCreate(t, c, "app/gone", "g", tokC)
			if _, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: gone}); err != nil {
				t.Fatal(err)
			}
			before := dump(t, c)
			wantAPIError(t, tt.call(c), tt.code, tt.msg)
			if diff := cmp.Diff(before, dump(t, c), cmpOpts...); diff != "" {
				t.Errorf("a failed call changed the state (-before +after):\n%s", diff)
			}
		})
	}
}

// dump returns every secret's metadata and versions (without reading
// values, which would change LastAccessedDate).
func dump(t *testing.T, c *smfake.Client) []any {
	t.Helper()
	ctx := context.Background()
	list, err := c.ListSecrets(ctx, &secretsmanager.ListSecretsInput{IncludePlannedDeletion: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	out := []any{list}
	for _, s := range list.SecretList {
		v, err := c.ListSecretVersionIds(ctx, &secretsmanager.ListSecretVersionIdsInput{SecretId: s.ARN, IncludeDeprecated: aws.Bool(true)})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

// TestRequiredFields checks the SDK's client-side required-field error
// (validators.go of the SDK).
func TestRequiredFields(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	_, err := c.UpdateSecretVersionStage(context.Background(), &secretsmanager.UpdateSecretVersionStageInput{})
	var ipe smithy.InvalidParamsError
	if !errors.As(err, &ipe) {
		t.Fatalf("got %v, want InvalidParamsError", err)
	}
	want := "operation error Secrets Manager: UpdateSecretVersionStage, 2 validation error(s) found.\n- missing required field, UpdateSecretVersionStageInput.SecretId.\n- missing required field, UpdateSecretVersionStageInput.VersionStage.\n"
	if got := err.Error(); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestDeletion walks the deletion state machine on a fake clock (docs/aws-behaviour.md §3.5).
func TestDeletion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, clk := newClient(t)
	mustCreate(t, c, "app/a", "v1", tokA)
	del, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("app/a"), RecoveryWindowInDays: aws.Int64(7)})
	check(t, "delete (D)", err, &secretsmanager.DeleteSecretOutput{ARN: aws.String(arnA), Name: aws.String("app/a"),
		DeletionDate: aws.Time(t0.Add(7 * 24 * time.Hour))}, del)
	d, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("app/a")})
	if err != nil || d.DeletedDate == nil || !d.DeletedDate.Equal(t0) {
		t.Fatalf("describe of a scheduled secret: %v, DeletedDate %v (want %v)", err, d, t0)
	}
	list, err := c.ListSecrets(ctx, &secretsmanager.ListSecretsInput{})
	if err != nil || len(list.SecretList) != 0 {
		t.Fatalf("ListSecrets lists a scheduled secret without IncludePlannedDeletion: %v %v", err, list)
	}
	_, err = c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("app/a")})
	wantAPIError(t, err, "InvalidRequestException", "You tried to perform the operation on a secret that's currently marked deleted.")

	clk.Set(t0.Add(7 * 24 * time.Hour)) // the window has passed: the secret is gone
	_, err = c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("app/a")})
	wantAPIError(t, err, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
	re, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("app/a"), SecretString: aws.String("v2"), ClientRequestToken: aws.String(tokB)})
	check(t, "the name is free again, with a new suffix (docs/aws-behaviour.md §3.2, D)", err, &secretsmanager.CreateSecretOutput{
		ARN: aws.String("arn:aws:secretsmanager:us-east-1:123456789012:secret:app/a-BBBBBB"), Name: aws.String("app/a"), VersionId: aws.String(tokB)}, re)
	_, err = c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(arnA)})
	wantAPIError(t, err, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.")

	force, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("app/none"), ForceDeleteWithoutRecovery: aws.Bool(true)})
	if err != nil {
		t.Fatalf("force delete of a missing secret must succeed (docs/aws-behaviour.md §3.5, D/M): %v", err)
	}
	_ = force
	if _, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("app/a")}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.RestoreSecret(ctx, &secretsmanager.RestoreSecretInput{SecretId: aws.String("app/a")}); err != nil {
		t.Fatal(err)
	}
	got, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("app/a")})
	if err != nil || aws.ToString(got.SecretString) != "v2" {
		t.Fatalf("after restore: %v %v", got, err)
	}
}
