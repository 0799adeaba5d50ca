package smfake_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
)

// TestPruneDeprecated: past 100 versions the oldest unlabelled ones go, but
// never one younger than 24 hours (UpdateSecret and PutSecretValue docs, D;
// docs/aws-behaviour.md §3.3).
func TestPruneDeprecated(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, clk := newClient(t)
	first, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("app/a"), SecretString: aws.String("v")})
	if err != nil {
		t.Fatal(err)
	}
	put := func() {
		t.Helper()
		if _, err := c.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("app/a"), SecretString: aws.String("v")}); err != nil {
			t.Fatal(err)
		}
	}
	count := func() int {
		t.Helper()
		n := 0
		in := &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String("app/a"), IncludeDeprecated: aws.Bool(true)}
		for {
			out, err := c.ListSecretVersionIds(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			n += len(out.Versions)
			if out.NextToken == nil {
				return n
			}
			in.NextToken = out.NextToken
		}
	}
	for range 104 {
		put()
	}
	if got := count(); got != 105 {
		t.Fatalf("%d versions within 24 h, want all 105 kept", got)
	}
	clk.Advance(25 * time.Hour)
	put()
	if got := count(); got != 100 {
		t.Errorf("%d versions after 24 h, want 100", got)
	}
	_, err = c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("app/a"), VersionId: first.VersionId})
	wantAPIError(t, err, "ResourceNotFoundException", "Secrets Manager can't find the specified secret value for VersionId: "+*first.VersionId)
}
