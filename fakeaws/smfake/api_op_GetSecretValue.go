package smfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// GetSecretValue returns the value of a secret's AWSCURRENT version, or of
// the version named by VersionId or VersionStage, and records the read in
// LastAccessedDate (kept to the day). A secret scheduled for deletion is
// InvalidRequestException.
func (c *Client) GetSecretValue(ctx context.Context, in *secretsmanager.GetSecretValueInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.GetSecretValueOutput, error) {
	return engine.DoInto(ctx, c.e, OpGetSecretValue, c.p, c.p.SM, in, validateGetSecretValueInput, secrets.NewSecretValueAnswer, (*secrets.State).GetSecretValueInto)
}
