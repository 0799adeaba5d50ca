package smfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// RestoreSecret cancels a scheduled deletion.
func (c *Client) RestoreSecret(ctx context.Context, in *secretsmanager.RestoreSecretInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.RestoreSecretOutput, error) {
	return engine.Do(ctx, c.e, OpRestoreSecret, c.p, c.p.SM, in, validateRestoreSecretInput, (*secrets.State).RestoreSecret)
}
