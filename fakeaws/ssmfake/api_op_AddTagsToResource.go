package ssmfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
)

// AddTagsToResource adds tags to a parameter (ResourceType Parameter, ResourceId its name), up
// to 50.
func (c *Client) AddTagsToResource(ctx context.Context, in *ssm.AddTagsToResourceInput, _ ...func(*ssm.Options)) (*ssm.AddTagsToResourceOutput, error) {
	return engine.Do(ctx, c.e, OpAddTagsToResource, c.p, c.p.SSM, in, validateAddTagsToResourceInput, (*paramstore.State).AddTagsToResource)
}
