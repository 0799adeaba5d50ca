package smfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// PutSecretValue adds a version. Without VersionStages it becomes AWSCURRENT
// (the old AWSCURRENT becomes AWSPREVIOUS, other labels stay); with
// VersionStages each listed label moves to it. Tokens are idempotent as in
// CreateSecret.
func (c *Client) PutSecretValue(ctx context.Context, in *secretsmanager.PutSecretValueInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.PutSecretValueOutput, error) {
	return engine.Do(ctx, c.e, OpPutSecretValue, c.p, c.p.SM, in, validatePutSecretValueInput, (*secrets.State).PutSecretValue)
}
