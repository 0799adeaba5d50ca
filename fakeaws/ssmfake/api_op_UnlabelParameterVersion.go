package ssmfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
)

// UnlabelParameterVersion removes labels from a version.
func (c *Client) UnlabelParameterVersion(ctx context.Context, in *ssm.UnlabelParameterVersionInput, _ ...func(*ssm.Options)) (*ssm.UnlabelParameterVersionOutput, error) {
	return engine.Do(ctx, c.e, OpUnlabelParameterVersion, c.p, c.p.SSM, in, validateUnlabelParameterVersionInput, (*paramstore.State).UnlabelParameterVersion)
}
