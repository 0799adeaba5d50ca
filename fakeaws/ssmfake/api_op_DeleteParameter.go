package ssmfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
)

// DeleteParameter deletes a parameter with all its versions, labels and tags.
func (c *Client) DeleteParameter(ctx context.Context, in *ssm.DeleteParameterInput, _ ...func(*ssm.Options)) (*ssm.DeleteParameterOutput, error) {
	return engine.Do(ctx, c.e, OpDeleteParameter, c.p, c.p.SSM, in, validateDeleteParameterInput, (*paramstore.State).DeleteParameter)
}
