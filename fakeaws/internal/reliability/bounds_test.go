package reliability_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
)

// TestMaxResultsBounds: each operation takes MaxResults from 1 to its
// largest, both ends included, and refuses 0 and one more than the largest
// with ValidationException (API Reference of each operation: MaxResults
// "Valid Range: Minimum value of 1. Maximum value of N").
func TestMaxResultsBounds(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFakes(1)
	if _, err := f.ssm.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/p"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.sm.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v")}); err != nil {
		t.Fatal(err)
	}
	ops := []struct {
		name string
		max  int32
		call func(n int32) error
	}{
		{"GetParametersByPath", 10, func(n int32) error {
			_, err := f.ssm.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/"), MaxResults: aws.Int32(n)})
			return err
		}},
		{"DescribeParameters", 50, func(n int32) error {
			_, err := f.ssm.DescribeParameters(ctx, &ssm.DescribeParametersInput{MaxResults: aws.Int32(n)})
			return err
		}},
		{"GetParameterHistory", 50, func(n int32) error {
			_, err := f.ssm.GetParameterHistory(ctx, &ssm.GetParameterHistoryInput{Name: aws.String("/p"), MaxResults: aws.Int32(n)})
			return err
		}},
		{"ListSecrets", 100, func(n int32) error {
			_, err := f.sm.ListSecrets(ctx, &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(n)})
			return err
		}},
		{"ListSecretVersionIds", 100, func(n int32) error {
			_, err := f.sm.ListSecretVersionIds(ctx, &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String("s"), MaxResults: aws.Int32(n)})
			return err
		}},
		{"ListResourcePolicies", 100, func(n int32) error {
			_, err := f.sm.ListResourcePolicies(ctx, &secretsmanager.ListResourcePoliciesInput{SecretId: aws.String("s"), MaxResults: aws.Int32(n)})
			return err
		}},
		{"BatchGetSecretValue", 20, func(n int32) error {
			_, err := f.sm.BatchGetSecretValue(ctx, &secretsmanager.BatchGetSecretValueInput{MaxResults: aws.Int32(n),
				Filters: []smtypes.Filter{{Key: smtypes.FilterNameStringTypeName, Values: []string{"s"}}}})
			return err
		}},
	}
	for _, op := range ops {
		for _, n := range []int32{1, op.max} {
			if err := op.call(n); err != nil {
				t.Errorf("%s MaxResults %d: %v, want it accepted", op.name, n, err)
			}
		}
		for _, n := range []int32{0, op.max + 1} {
			if err := op.call(n); errCode(err) != "ValidationException" && errCode(err) != "InvalidParameterException" {
				t.Errorf("%s MaxResults %d: %v, want it refused", op.name, n, err)
			}
		}
	}
}

// TestPasswordLengthBounds: GetRandomPassword takes PasswordLength 1 to
// 4096 (GetRandomPassword, PasswordLength: "Valid Range: Minimum value of
// 1. Maximum value of 4096"); a password of one character needs a single
// character class.
func TestPasswordLengthBounds(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFakes(1)
	for _, tc := range []struct {
		n  int64
		ok bool
	}{{0, false}, {1, true}, {4096, true}, {4097, false}} {
		out, err := f.sm.GetRandomPassword(ctx, &secretsmanager.GetRandomPasswordInput{PasswordLength: aws.Int64(tc.n),
			ExcludeUppercase: aws.Bool(true), ExcludeNumbers: aws.Bool(true), ExcludePunctuation: aws.Bool(true)})
		switch {
		case tc.ok && err != nil:
			t.Errorf("PasswordLength %d: %v, want it accepted", tc.n, err)
		case tc.ok && int64(len(aws.ToString(out.RandomPassword))) != tc.n:
			t.Errorf("PasswordLength %d: password %q", tc.n, aws.ToString(out.RandomPassword))
		case !tc.ok && err == nil:
			t.Errorf("PasswordLength %d accepted, want it refused", tc.n)
		}
	}
}

// TestLengthLimits: members at their longest are accepted, one longer is a
// ValidationException (the API Reference's Length Constraints of each
// member): PutParameter's Description and AllowedPattern (1024) and KeyId
// (256), DescribeParameters' filter Values (50 of them),
// UpdateSecretVersionStage's version IDs (32 to 64).
func TestLengthLimits(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFakes(1)
	if _, err := f.sm.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v")}); err != nil {
		t.Fatal(err)
	}
	rep := func(n int) string { return strings.Repeat("a", n) }
	vals := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = "/v"
		}
		return out
	}
	cases := []struct {
		name string
		call func(ok bool) error
	}{
		{"PutParameter Description", func(ok bool) error {
			n := map[bool]int{true: 1024, false: 1025}[ok]
			_, err := f.ssm.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/d"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString, Overwrite: aws.Bool(true), Description: aws.String(rep(n))})
			return err
		}},
		{"PutParameter AllowedPattern", func(ok bool) error {
			n := map[bool]int{true: 1024, false: 1025}[ok]
			_, err := f.ssm.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/a"), Value: aws.String(rep(1)), Type: ssmtypes.ParameterTypeString, Overwrite: aws.Bool(true), AllowedPattern: aws.String("^(" + rep(n-7) + ")?.*$")})
			return err
		}},
		{"DescribeParameters filter Values", func(ok bool) error {
			n := map[bool]int{true: 50, false: 51}[ok]
			_, err := f.ssm.DescribeParameters(ctx, &ssm.DescribeParametersInput{ParameterFilters: []ssmtypes.ParameterStringFilter{{Key: aws.String("Name"), Values: vals(n)}}})
			return err
		}},
		{"UpdateSecretVersionStage MoveToVersionId", func(ok bool) error {
			n := map[bool]int{true: 64, false: 65}[ok]
			_, err := f.sm.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String("s"), VersionStage: aws.String("S"), MoveToVersionId: aws.String(rep(n))})
			if ok && errCode(err) == "InvalidParameterException" { // the right length, no such version
				return nil
			}
			return err
		}},
	}
	for _, tc := range cases {
		if err := tc.call(true); err != nil {
			t.Errorf("%s at its longest: %v, want it accepted", tc.name, err)
		}
		if err := tc.call(false); errCode(err) != "ValidationException" {
			t.Errorf("%s one too long: %v, want ValidationException", tc.name, err)
		}
	}
}

// TestListResourcePoliciesOfMissingSecret: ListResourcePolicies of a
// secret that does not exist is ResourceNotFoundException.
func TestListResourcePoliciesOfMissingSecret(t *testing.T) {
	t.Parallel()
	f := newFakes(1)
	_, err := f.sm.ListResourcePolicies(context.Background(), &secretsmanager.ListResourcePoliciesInput{SecretId: aws.String("missing")})
	if errCode(err) != "ResourceNotFoundException" {
		t.Errorf("ListResourcePolicies of a missing secret: %v, want ResourceNotFoundException", err)
	}
}

// TestEmptyTagKeyNamesItsPlace: an empty key among UntagResource's TagKeys
// is a ValidationException naming the member by its 1-based place, as
// AWS's validation messages do ("at 'tagKeys.2.member'").
func TestEmptyTagKeyNamesItsPlace(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFakes(1)
	if _, err := f.sm.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v")}); err != nil {
		t.Fatal(err)
	}
	_, err := f.sm.UntagResource(ctx, &secretsmanager.UntagResourceInput{SecretId: aws.String("s"), TagKeys: []string{"k", ""}})
	if errCode(err) != "ValidationException" || !strings.Contains(err.Error(), "'tagKeys.2.member'") {
		t.Errorf("UntagResource with an empty second key: %v, want a ValidationException at 'tagKeys.2.member'", err)
	}
}

// TestVersionIDLengthMessage: a version ID of 65 characters is refused in
// AWS's validation words, naming the limit ("Member must have length less
// than or equal to 64").
func TestVersionIDLengthMessage(t *testing.T) {
	t.Parallel()
	f := newFakes(1)
	_, err := f.sm.UpdateSecretVersionStage(context.Background(), &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String("s"),
		VersionStage: aws.String("S"), RemoveFromVersionId: aws.String(strings.Repeat("a", 65))})
	if errCode(err) != "ValidationException" || !strings.Contains(err.Error(), "'removeFromVersionId' failed to satisfy constraint: Member must have length less than or equal to 64") {
		t.Errorf("UpdateSecretVersionStage with a 65-character RemoveFromVersionId: %v", err)
	}
}
