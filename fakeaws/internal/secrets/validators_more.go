package secrets

import (
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// The SDK's client-side required-field checks for rotation and resource
// policies (validators.go of service/secretsmanager@v1.51.0).

func validateRotateSecretInput(in *secretsmanager.RotateSecretInput) error {
	p := core.NewParams("RotateSecretInput")
	p.Require(in.SecretId == nil, "SecretId")
	return p.Err()
}

func validateCancelRotateSecretInput(in *secretsmanager.CancelRotateSecretInput) error {
	p := core.NewParams("CancelRotateSecretInput")
	p.Require(in.SecretId == nil, "SecretId")
	return p.Err()
}

func validatePutResourcePolicyInput(in *secretsmanager.PutResourcePolicyInput) error {
	p := core.NewParams("PutResourcePolicyInput")
	p.Require(in.SecretId == nil, "SecretId")
	p.Require(in.ResourcePolicy == nil, "ResourcePolicy")
	return p.Err()
}

func validateGetResourcePolicyInput(in *secretsmanager.GetResourcePolicyInput) error {
	p := core.NewParams("GetResourcePolicyInput")
	p.Require(in.SecretId == nil, "SecretId")
	return p.Err()
}

func validateDeleteResourcePolicyInput(in *secretsmanager.DeleteResourcePolicyInput) error {
	p := core.NewParams("DeleteResourcePolicyInput")
	p.Require(in.SecretId == nil, "SecretId")
	return p.Err()
}

func validateValidateResourcePolicyInput(in *secretsmanager.ValidateResourcePolicyInput) error {
	p := core.NewParams("ValidateResourcePolicyInput")
	p.Require(in.ResourcePolicy == nil, "ResourcePolicy")
	return p.Err()
}

func validateListResourcePoliciesInput(in *secretsmanager.ListResourcePoliciesInput) error {
	p := core.NewParams("ListResourcePoliciesInput")
	p.Require(in.SecretId == nil, "SecretId")
	return p.Err()
}

func validateReplicateSecretToRegionsInput(in *secretsmanager.ReplicateSecretToRegionsInput) error {
	p := core.NewParams("ReplicateSecretToRegionsInput")
	p.Require(in.SecretId == nil, "SecretId")
	p.Require(in.AddReplicaRegions == nil, "AddReplicaRegions")
	return p.Err()
}

func validateRemoveRegionsFromReplicationInput(in *secretsmanager.RemoveRegionsFromReplicationInput) error {
	p := core.NewParams("RemoveRegionsFromReplicationInput")
	p.Require(in.SecretId == nil, "SecretId")
	p.Require(in.RemoveReplicaRegions == nil, "RemoveReplicaRegions")
	return p.Err()
}

func validateStopReplicationToReplicaInput(in *secretsmanager.StopReplicationToReplicaInput) error {
	p := core.NewParams("StopReplicationToReplicaInput")
	p.Require(in.SecretId == nil, "SecretId")
	return p.Err()
}

func validateAssociateCrossAccountReplicaInput(in *secretsmanager.AssociateCrossAccountReplicaInput) error {
	p := core.NewParams("AssociateCrossAccountReplicaInput")
	p.Require(in.SecretId == nil, "SecretId")
	p.Require(in.CrossAccountReplicaARN == nil, "CrossAccountReplicaARN")
	return p.Err()
}

func validateDisassociateCrossAccountReplicaInput(in *secretsmanager.DisassociateCrossAccountReplicaInput) error {
	p := core.NewParams("DisassociateCrossAccountReplicaInput")
	p.Require(in.SecretId == nil, "SecretId")
	p.Require(in.CrossAccountReplicaARN == nil, "CrossAccountReplicaARN")
	return p.Err()
}
