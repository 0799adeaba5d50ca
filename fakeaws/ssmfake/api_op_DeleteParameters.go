package ssmfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
)

// DeleteParameters deletes up to ten parameters, listing the names deleted and the names not
// found.
func (c *Client) DeleteParameters(ctx context.Context, in *ssm.DeleteParametersInput, _ ...func(*ssm.Options)) (*ssm.DeleteParametersOutput, error) {
	return engine.Do(ctx, c.e, OpDeleteParameters, c.p, c.p.SSM, in, validateDeleteParametersInput, (*paramstore.State).DeleteParameters)
}
