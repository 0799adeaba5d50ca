package smfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// DeleteSecret schedules a secret for deletion after RecoveryWindowInDays
// (7–30, default 30) on the Store's clock, or deletes it at once with
// ForceDeleteWithoutRecovery. When the window has passed the secret is gone
// and its name free.
func (c *Client) DeleteSecret(ctx context.Context, in *secretsmanager.DeleteSecretInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.DeleteSecretOutput, error) {
	return engine.Do(ctx, c.e, OpDeleteSecret, c.p, c.p.SM, in, validateDeleteSecretInput, (*secrets.State).DeleteSecret)
}
