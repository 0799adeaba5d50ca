package main

import (
	"context"
	"errors"
	"io"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"
)

func smClient(url string) *secretsmanager.Client {
	return secretsmanager.New(secretsmanager.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(url),
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "123456789012", SecretAccessKey: "x"}, nil
		}),
		RetryMaxAttempts: 1,
	})
}

// isThrottled reports whether err is AWS's ThrottlingException "Rate
// exceeded" with HTTP status 400.
func isThrottled(err error) bool {
	var api smithy.APIError
	var re *awshttp.ResponseError
	return errors.As(err, &api) && api.ErrorCode() == "ThrottlingException" && api.ErrorMessage() == "Rate exceeded" &&
		errors.As(err, &re) && re.HTTPStatusCode() == http.StatusBadRequest
}

// TestQuotaFlags: -quotas throttles a burst over Parameter Store's 40 reads
// per second, and moving the server's fake clock refills the quota.
func TestQuotaFlags(t *testing.T) {
	t.Parallel()
	url, _ := start(t, "-quiet", "-start", "2025-01-01T00:00:00Z", "-quotas")
	c := ssmClient(url)
	ctx := context.Background()
	if _, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/q"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString}); err != nil {
		t.Fatal(err)
	}
	get := func() error {
		_, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/q")})
		return err
	}
	for i := range 40 {
		if err := get(); err != nil {
			t.Fatalf("read %d of 40: %v", i+1, err)
		}
	}
	if err := get(); !isThrottled(err) {
		t.Fatalf("41st read: %v, want ThrottlingException \"Rate exceeded\", HTTP 400", err)
	}
	if status, body := postJSON(t, url+"/_fakeaws/clock", `{"time":"2025-01-01T00:00:01Z"}`); status != 200 {
		t.Fatalf("POST /_fakeaws/clock = %d %s", status, body)
	}
	if err := get(); err != nil {
		t.Fatalf("a second later: %v", err)
	}
}

// TestQuotaAndDeletionDelayFlags: -quota sets one group's figure (and
// turns quotas on); -deletion-delay keeps a force-deleted secret visible.
func TestQuotaAndDeletionDelayFlags(t *testing.T) {
	t.Parallel()
	url, _ := start(t, "-quiet", "-start", "2025-01-01T00:00:00Z", "-quota", "secretsmanager:reads=1/2", "-deletion-delay", "5s")
	c := smClient(url)
	ctx := context.Background()
	if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v")}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("s"), ForceDeleteWithoutRecovery: aws.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		d, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
		if err != nil || d.DeletedDate == nil {
			t.Fatalf("DescribeSecret %d of 2 during the delay: %v, %v; want the secret with DeletedDate", i+1, d, err)
		}
	}
	if _, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")}); !isThrottled(err) {
		t.Fatalf("third DescribeSecret: %v, want ThrottlingException", err)
	}
	if status, body := postJSON(t, url+"/_fakeaws/clock", `{"time":"2025-01-01T00:00:05Z"}`); status != 200 {
		t.Fatalf("POST /_fakeaws/clock = %d %s", status, body)
	}
	_, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
	var api smithy.APIError
	if !errors.As(err, &api) || api.ErrorCode() != "ResourceNotFoundException" {
		t.Errorf("DescribeSecret after the delay: %v, want ResourceNotFoundException", err)
	}
}

func TestBadQuotaFlags(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"-quota", "ssm:reads"},
		{"-quota", "=1"},
		{"-quota", "ssm:reads=fast"},
		{"-quota", "ssm:reads=-1"},
		{"-quota", "ssm:reads=1/0"},
		{"-deletion-delay", "soon"},
	} {
		if err := run(context.Background(), args, io.Discard, io.Discard); err == nil {
			t.Errorf("run(%q) = nil, want an error", args)
		}
	}
}
