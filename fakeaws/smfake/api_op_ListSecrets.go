package smfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// ListSecrets lists secrets' metadata (never values), sorted by SortBy
// (default created-date) and SortOrder (default asc), with the name,
// description, tag-key, tag-value, primary-region, owning-service and all
// filters and "!" negation. Secrets scheduled for deletion are left out
// unless IncludePlannedDeletion.
func (c *Client) ListSecrets(ctx context.Context, in *secretsmanager.ListSecretsInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.ListSecretsOutput, error) {
	return engine.Do(ctx, c.e, OpListSecrets, c.p, c.p.SM, in, nil, (*secrets.State).ListSecrets)
}
