package ssmfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
)

// GetParametersByPath lists the parameters under a path, one level or recursively, sorted by
// name, with the Type, KeyId and Label filters (a Label filter returns the labelled version).
// NextToken is opaque; a page may hold fewer than MaxResults with a NextToken.
func (c *Client) GetParametersByPath(ctx context.Context, in *ssm.GetParametersByPathInput, _ ...func(*ssm.Options)) (*ssm.GetParametersByPathOutput, error) {
	return engine.Do(ctx, c.e, OpGetParametersByPath, c.p, c.p.SSM, in, validateGetParametersByPathInput, (*paramstore.State).GetParametersByPath)
}
