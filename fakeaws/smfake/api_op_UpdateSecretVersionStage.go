package smfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// UpdateSecretVersionStage moves a staging label to MoveToVersionId and/or
// removes it from RemoveFromVersionId. A label held by another version needs
// that version in RemoveFromVersionId. Moving AWSCURRENT makes its former
// holder AWSPREVIOUS.
func (c *Client) UpdateSecretVersionStage(ctx context.Context, in *secretsmanager.UpdateSecretVersionStageInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.UpdateSecretVersionStageOutput, error) {
	return engine.Do(ctx, c.e, OpUpdateSecretVersionStage, c.p, c.p.SM, in, validateUpdateSecretVersionStageInput, (*secrets.State).UpdateSecretVersionStage)
}
