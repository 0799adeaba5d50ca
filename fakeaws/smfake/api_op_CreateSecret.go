package smfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// CreateSecret creates a secret and, when a value is given, its first
// version labelled AWSCURRENT. A nil ClientRequestToken is filled in from the
// Store's version IDs, as the SDK fills in a random one. The same name, token
// and value answer as the first call did; a new token on an existing name is
// ResourceExistsException; a name scheduled for deletion is
// InvalidRequestException.
func (c *Client) CreateSecret(ctx context.Context, in *secretsmanager.CreateSecretInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.CreateSecretOutput, error) {
	return engine.Do(ctx, c.e, OpCreateSecret, c.p, c.p.SM, in, validateCreateSecretInput, (*secrets.State).CreateSecret)
}
