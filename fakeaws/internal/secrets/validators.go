package secrets

import (
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// The SDK's client-side required-field checks, as its validators.go makes
// them (service/secretsmanager@v1.51.0). BatchGetSecretValue, ListSecrets and
// GetRandomPassword have none.

func validateCreateSecretInput(in *secretsmanager.CreateSecretInput) error {
	p := core.NewParams("CreateSecretInput")
	p.Require(in.Name == nil, "Name")
	return p.Err()
}

func validateDeleteSecretInput(in *secretsmanager.DeleteSecretInput) error {
	p := core.NewParams("DeleteSecretInput")
	p.Require(in.SecretId == nil, "SecretId")
	return p.Err()
}

func validateDescribeSecretInput(in *secretsmanager.DescribeSecretInput) error {
	p := core.NewParams("DescribeSecretInput")
	p.Require(in.SecretId == nil, "SecretId")
	return p.Err()
}

func validateGetSecretValueInput(in *secretsmanager.GetSecretValueInput) error {
	p := core.NewParams("GetSecretValueInput")
	p.Require(in.SecretId == nil, "SecretId")
	return p.Err()
}

func validateListSecretVersionIdsInput(in *secretsmanager.ListSecretVersionIdsInput) error {
	p := core.NewParams("ListSecretVersionIdsInput")
	p.Require(in.SecretId == nil, "SecretId")
	return p.Err()
}

func validatePutSecretValueInput(in *secretsmanager.PutSecretValueInput) error {
	p := core.NewParams("PutSecretValueInput")
	p.Require(in.SecretId == nil, "SecretId")
	return p.Err()
}

func validateRestoreSecretInput(in *secretsmanager.RestoreSecretInput) error {
	p := core.NewParams("RestoreSecretInput")
	p.Require(in.SecretId == nil, "SecretId")
	return p.Err()
}

func validateTagResourceInput(in *secretsmanager.TagResourceInput) error {
	p := core.NewParams("TagResourceInput")
	p.Require(in.SecretId == nil, "SecretId")
	p.Require(in.Tags == nil, "Tags")
	return p.Err()
}

func validateUntagResourceInput(in *secretsmanager.UntagResourceInput) error {
	p := core.NewParams("UntagResourceInput")
	p.Require(in.SecretId == nil, "SecretId")
	p.Require(in.TagKeys == nil, "TagKeys")
	return p.Err()
}

func validateUpdateSecretInput(in *secretsmanager.UpdateSecretInput) error {
	p := core.NewParams("UpdateSecretInput")
	p.Require(in.SecretId == nil, "SecretId")
	return p.Err()
}

func validateUpdateSecretVersionStageInput(in *secretsmanager.UpdateSecretVersionStageInput) error {
	p := core.NewParams("UpdateSecretVersionStageInput")
	p.Require(in.SecretId == nil, "SecretId")
	p.Require(in.VersionStage == nil, "VersionStage")
	return p.Err()
}
