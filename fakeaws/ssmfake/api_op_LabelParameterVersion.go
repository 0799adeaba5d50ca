package ssmfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
)

// LabelParameterVersion attaches labels to a version (the latest by default), moving each from
// any other version; labels that break AWS's rules come back in InvalidLabels.
func (c *Client) LabelParameterVersion(ctx context.Context, in *ssm.LabelParameterVersionInput, _ ...func(*ssm.Options)) (*ssm.LabelParameterVersionOutput, error) {
	return engine.Do(ctx, c.e, OpLabelParameterVersion, c.p, c.p.SSM, in, validateLabelParameterVersionInput, (*paramstore.State).LabelParameterVersion)
}
