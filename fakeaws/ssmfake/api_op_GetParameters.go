package ssmfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
)

// GetParameters returns up to ten parameters (references included) in the order asked, each
// name once; names not found go to InvalidParameters.
func (c *Client) GetParameters(ctx context.Context, in *ssm.GetParametersInput, _ ...func(*ssm.Options)) (*ssm.GetParametersOutput, error) {
	return engine.Do(ctx, c.e, OpGetParameters, c.p, c.p.SSM, in, validateGetParametersInput, (*paramstore.State).GetParameters)
}
