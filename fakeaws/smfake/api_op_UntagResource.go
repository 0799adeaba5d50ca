package smfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// UntagResource removes tags by key; unknown keys are ignored.
func (c *Client) UntagResource(ctx context.Context, in *secretsmanager.UntagResourceInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.UntagResourceOutput, error) {
	return engine.Do(ctx, c.e, OpUntagResource, c.p, c.p.SM, in, validateUntagResourceInput, (*secrets.State).UntagResource)
}
