package reliability_test

import (
	"context"
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
