package smfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// DescribeSecret returns a secret's metadata; only fields with a value are
// set. It works on a secret scheduled for deletion (DeletedDate is set).
func (c *Client) DescribeSecret(ctx context.Context, in *secretsmanager.DescribeSecretInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.DescribeSecretOutput, error) {
	return engine.Do(ctx, c.e, OpDescribeSecret, c.p, c.p.SM, in, validateDescribeSecretInput, (*secrets.State).DescribeSecret)
}
