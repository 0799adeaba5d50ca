package ssmfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
)

// GetParameter returns a parameter's latest version, version N (name:N) or the labelled version
// (name:label), with Name as stored and Selector as given; an ARN stands for its name. SecureString
// values are an opaque ciphertext unless WithDecryption. /aws/reference/secretsmanager/<secret-id>
// names read Secrets Manager, as AWS does (WithDecryption required).
func (c *Client) GetParameter(ctx context.Context, in *ssm.GetParameterInput, _ ...func(*ssm.Options)) (*ssm.GetParameterOutput, error) {
	return engine.DoInto(ctx, c.e, OpGetParameter, c.p, c.p.SSM, in, validateGetParameterInput, paramstore.NewParameterAnswer, (*paramstore.State).GetParameter)
}
