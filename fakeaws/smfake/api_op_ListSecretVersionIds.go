package smfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// ListSecretVersionIds lists the versions of a secret, oldest first, with
// their labels, CreatedDate and LastAccessedDate (only for versions that
// were read). Unlabelled (deprecated) versions only with IncludeDeprecated.
func (c *Client) ListSecretVersionIds(ctx context.Context, in *secretsmanager.ListSecretVersionIdsInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.ListSecretVersionIdsOutput, error) {
	return engine.Do(ctx, c.e, OpListSecretVersionIds, c.p, c.p.SM, in, validateListSecretVersionIdsInput, (*secrets.State).ListSecretVersionIds)
}
