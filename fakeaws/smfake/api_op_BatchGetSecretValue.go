package smfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// BatchGetSecretValue reads the AWSCURRENT values of the secrets named in
// SecretIdList (1–20) or selected by Filters (paged, MaxResults 1–20). A
// secret that cannot be read is reported in Errors.
func (c *Client) BatchGetSecretValue(ctx context.Context, in *secretsmanager.BatchGetSecretValueInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.BatchGetSecretValueOutput, error) {
	return engine.Do(ctx, c.e, OpBatchGetSecretValue, c.p, c.p.SM, in, nil, (*secrets.State).BatchGetSecretValue)
}
