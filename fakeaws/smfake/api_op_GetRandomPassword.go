package smfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// GetRandomPassword returns a random password drawn from the Store's ID
// source (repeatable with fakeaws.WithSeed).
func (c *Client) GetRandomPassword(ctx context.Context, in *secretsmanager.GetRandomPasswordInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.GetRandomPasswordOutput, error) {
	return engine.Do(ctx, c.e, OpGetRandomPassword, c.p, c.p.SM, in, nil, (*secrets.State).GetRandomPassword)
}
