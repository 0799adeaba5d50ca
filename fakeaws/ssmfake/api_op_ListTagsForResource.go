package ssmfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
)

// ListTagsForResource returns a parameter's tags.
func (c *Client) ListTagsForResource(ctx context.Context, in *ssm.ListTagsForResourceInput, _ ...func(*ssm.Options)) (*ssm.ListTagsForResourceOutput, error) {
	return engine.Do(ctx, c.e, OpListTagsForResource, c.p, c.p.SSM, in, validateListTagsForResourceInput, (*paramstore.State).ListTagsForResource)
}
