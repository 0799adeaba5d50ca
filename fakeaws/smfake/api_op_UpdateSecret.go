package smfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// UpdateSecret changes the description or KMS key and, with a value, adds a
// version that becomes AWSCURRENT. Without a value the output has no
// VersionId.
func (c *Client) UpdateSecret(ctx context.Context, in *secretsmanager.UpdateSecretInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.UpdateSecretOutput, error) {
	return engine.Do(ctx, c.e, OpUpdateSecret, c.p, c.p.SM, in, validateUpdateSecretInput, (*secrets.State).UpdateSecret)
}
