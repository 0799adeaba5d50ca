package smfake_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/smithy-go"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
)

var t0 = time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)

// Tokens long enough for ClientRequestToken (32–64 characters).
const (
	tokA = "aaaaaaaa-0000-4000-8000-000000000001"
	tokB = "bbbbbbbb-0000-4000-8000-000000000002"
	tokC = "cccccccc-0000-4000-8000-000000000003"
	tokD = "dddddddd-0000-4000-8000-000000000004"
	arnA = "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/a-AAAAAA"
)

// newClient returns a client of a fresh Store at t0 whose ARN suffixes are
// AAAAAA, BBBBBB, ...
func newClient(t *testing.T) (*smfake.Client, *clock.Fake) {
	t.Helper()
	clk := clock.NewFake(t0)
	st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithSeed(1),
		fakeaws.WithARNSuffixes("AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD"))
	return smfake.New(st), clk
}

// mustCreate creates app/a with value v under token tokA.
func mustCreate(t *testing.T, c *smfake.Client, name, v, tok string) {
	t.Helper()
	if _, err := c.CreateSecret(context.Background(), &secretsmanager.CreateSecretInput{
		Name: aws.String(name), SecretString: aws.String(v), ClientRequestToken: aws.String(tok),
	}); err != nil {
		t.Fatal(err)
	}
}

func mustPut(t *testing.T, c *smfake.Client, name, v, tok string, stages ...string) {
	t.Helper()
	if _, err := c.PutSecretValue(context.Background(), &secretsmanager.PutSecretValueInput{
		SecretId: aws.String(name), SecretString: aws.String(v), ClientRequestToken: aws.String(tok), VersionStages: stages,
	}); err != nil {
		t.Fatal(err)
	}
}

// wantAPIError checks that err is an API error with code and message.
func wantAPIError(t *testing.T, err error, code, msg string) {
	t.Helper()
	var api smithy.APIError
	if !errors.As(err, &api) {
		t.Fatalf("got error %v, want %s: %s", err, code, msg)
	}
	if api.ErrorCode() != code || api.ErrorMessage() != msg {
		t.Errorf("got %s: %q\nwant %s: %q", api.ErrorCode(), api.ErrorMessage(), code, msg)
	}
}

// stages returns the labels of every listed version of id, by version ID.
func stages(t *testing.T, c *smfake.Client, id string) map[string][]string {
	t.Helper()
	out, err := c.DescribeSecret(context.Background(), &secretsmanager.DescribeSecretInput{SecretId: aws.String(id)})
	if err != nil {
		t.Fatal(err)
	}
	return out.VersionIdsToStages
}
