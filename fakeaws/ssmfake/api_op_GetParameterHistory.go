package ssmfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
)

// GetParameterHistory lists the retained versions of a parameter, oldest first, with their
// labels, MaxResults (1–50) a page.
func (c *Client) GetParameterHistory(ctx context.Context, in *ssm.GetParameterHistoryInput, _ ...func(*ssm.Options)) (*ssm.GetParameterHistoryOutput, error) {
	return engine.Do(ctx, c.e, OpGetParameterHistory, c.p, c.p.SSM, in, validateGetParameterHistoryInput, (*paramstore.State).GetParameterHistory)
}
