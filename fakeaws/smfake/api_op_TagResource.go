package smfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// TagResource adds tags or changes their values, keeping their order.
func (c *Client) TagResource(ctx context.Context, in *secretsmanager.TagResourceInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.TagResourceOutput, error) {
	return engine.Do(ctx, c.e, OpTagResource, c.p, c.p.SM, in, validateTagResourceInput, (*secrets.State).TagResource)
}
