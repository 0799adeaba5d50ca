package ssmfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
)

// RemoveTagsFromResource removes a parameter's tags by key.
func (c *Client) RemoveTagsFromResource(ctx context.Context, in *ssm.RemoveTagsFromResourceInput, _ ...func(*ssm.Options)) (*ssm.RemoveTagsFromResourceOutput, error) {
	return engine.Do(ctx, c.e, OpRemoveTagsFromResource, c.p, c.p.SSM, in, validateRemoveTagsFromResourceInput, (*paramstore.State).RemoveTagsFromResource)
}
