package ssmfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
)

// DescribeParameters lists parameter metadata (no values), sorted by name, with the legacy
// Filters or the ParameterFilters (Name, Type, KeyId, Path, Tier, DataType, tag:key) and AWS's
// filter errors. References are never listed.
func (c *Client) DescribeParameters(ctx context.Context, in *ssm.DescribeParametersInput, _ ...func(*ssm.Options)) (*ssm.DescribeParametersOutput, error) {
	return engine.Do(ctx, c.e, OpDescribeParameters, c.p, c.p.SSM, in, validateDescribeParametersInput, (*paramstore.State).DescribeParameters)
}
