package conformance

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/smithy-go"
)

func TestKebab(t *testing.T) {
	t.Parallel()
	for op, want := range map[string]string{
		"GetParameter":             "get-parameter",
		"GetParametersByPath":      "get-parameters-by-path",
		"ListSecretVersionIds":     "list-secret-version-ids",
		"UpdateSecretVersionStage": "update-secret-version-stage",
		"DescribeDBInstances":      "describe-db-instances", // botocore's xform_name
		"GetSecretValue":           "get-secret-value",
	} {
		if got := kebab(op); got != want {
			t.Errorf("kebab(%q) = %q, want %q", op, got, want)
		}
	}
}

// TestCLITargetReadsErrors runs the CLI target on calls whose answers do not
// depend on which operations the fakes serve yet: an operation outside
// Parameter Store, and a clock move.
func TestCLITargetReadsErrors(t *testing.T) {
	t.Parallel()
	target := CLI(t, Env{Region: "eu-west-1", Account: "123456789012", Start: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)})
	_, err := target.Call(context.Background(), SSM, "GetParameterHistory", &ssm.GetParameterHistoryInput{Name: aws.String("/x")})
	var api *smithy.GenericAPIError
	if !errors.As(err, &api) {
		t.Fatalf("got %v, want a *smithy.GenericAPIError", err)
	}
	if api.Code == "" || api.Message == "" {
		t.Errorf("code %q, message %q: want both", api.Code, api.Message)
	}
	if err := target.SetTime(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Errorf("SetTime: %v", err)
	}
}
