package reliability_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/fakeaws/fakeaws-go"
	"github.com/fakeaws/fakeaws-go/smfake"
	"github.com/google/go-cmp/cmp"
)

// TestGetSecretValueOutputIsACopy: changing GetSecretValue's VersionStages
// and SecretBinary in place does not change the Store (DESIGN: copies at
// every boundary).
func TestGetSecretValueOutputIsACopy(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c := smfake.New(fakeaws.New())
	if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("b"), SecretBinary: []byte{1, 2, 3}}); err != nil {
		t.Fatal(err)
	}
	first, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("b")})
	if err != nil {
		t.Fatal(err)
	}
	first.VersionStages[0] = "MUTATED"
	first.SecretBinary[0] = 99
	again, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("b")})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"AWSCURRENT"}, again.VersionStages); diff != "" {
		t.Errorf("VersionStages (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]byte{1, 2, 3}, again.SecretBinary); diff != "" {
		t.Errorf("SecretBinary (-want +got):\n%s", diff)
	}
}
