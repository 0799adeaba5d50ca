package secrets

import (
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// Operations are the Secrets Manager operations the fake serves, each
// declared once below. The fake client (smfake) has one method for each,
// the wire routes to them by name, and the method-set test and the
// README's table are checked against this list.
var Operations = []core.Declared{
	BatchGetSecretValue, CreateSecret, DeleteSecret, DescribeSecret, GetRandomPassword,
	GetSecretValue, ListSecretVersionIds, ListSecrets, PutSecretValue, RestoreSecret, TagResource,
	UntagResource, UpdateSecret, UpdateSecretVersionStage, RotateSecret, CancelRotateSecret,
	PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy, ValidateResourcePolicy,
	ListResourcePolicies, ReplicateSecretToRegions, RemoveRegionsFromReplication,
	StopReplicationToReplica, AssociateCrossAccountReplica, DisassociateCrossAccountReplica,
}

// op declares a Secrets Manager operation.
type op[I, O any] = core.Operation[State, I, O]

// action is the IAM action of a Secrets Manager operation.
func action(name string) core.Op { return core.Op(core.PrefixSM + ":" + name) }

// Access policies are matched against the secret a call names, resolved as
// the operation resolves it (ResourceArn: the secret's full ARN), and named
// in a denial as the caller named it; calls on no secret are matched
// against "*" (docs/aws-behaviour.md §6).

// secretResource is the resource of the secret id names.
func (s *State) secretResource(id *string) []core.Resource {
	if id == nil {
		return nil
	}
	return []core.Resource{{ARN: s.ResourceARN(*id), Shown: *id}}
}

// batchResources: BatchGetSecretValue needs its own action on "*", and
// secretsmanager:ListSecrets with Filters (D: the SDK's doc of
// BatchGetSecretValue); GetSecretValue on each secret is checked on the
// answer (engine's authorizeResults).
func batchResources(_ *State, _ core.Env, in *secretsmanager.BatchGetSecretValueInput) []core.Resource {
	out := []core.Resource{{ARN: "*"}}
	if len(in.Filters) > 0 {
		out = append(out, core.Resource{Action: action("ListSecrets"), ARN: "*"})
	}
	return out
}

// BatchGetSecretValue is the declaration of Secrets Manager's BatchGetSecretValue.
var BatchGetSecretValue = &op[secretsmanager.BatchGetSecretValueInput, secretsmanager.BatchGetSecretValueOutput]{
	Op:        action("BatchGetSecretValue"),
	Write:     true,
	Resources: batchResources,
	Run:       (*State).BatchGetSecretValue,
}

// CreateSecret is the declaration of Secrets Manager's CreateSecret.
var CreateSecret = &op[secretsmanager.CreateSecretInput, secretsmanager.CreateSecretOutput]{
	Op:       action("CreateSecret"),
	Write:    true,
	Validate: validateCreateSecretInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.CreateSecretInput) []core.Resource {
		return s.secretResource(in.Name)
	},
	Run: (*State).CreateSecret,
}

// DeleteSecret is the declaration of Secrets Manager's DeleteSecret.
var DeleteSecret = &op[secretsmanager.DeleteSecretInput, secretsmanager.DeleteSecretOutput]{
	Op:       action("DeleteSecret"),
	Write:    true,
	Validate: validateDeleteSecretInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.DeleteSecretInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).DeleteSecret,
}

// DescribeSecret is the declaration of Secrets Manager's DescribeSecret.
var DescribeSecret = &op[secretsmanager.DescribeSecretInput, secretsmanager.DescribeSecretOutput]{
	Op:       action("DescribeSecret"),
	Validate: validateDescribeSecretInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.DescribeSecretInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).DescribeSecret,
}

// GetRandomPassword is the declaration of Secrets Manager's GetRandomPassword.
var GetRandomPassword = &op[secretsmanager.GetRandomPasswordInput, secretsmanager.GetRandomPasswordOutput]{
	Op:  action("GetRandomPassword"),
	Run: (*State).GetRandomPassword,
}

// GetSecretValue is the declaration of Secrets Manager's GetSecretValue.
var GetSecretValue = &op[secretsmanager.GetSecretValueInput, secretsmanager.GetSecretValueOutput]{
	Op:       action("GetSecretValue"),
	Validate: validateGetSecretValueInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.GetSecretValueInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Alloc:   newSecretValueAnswer,
	RunInto: (*State).getSecretValueInto,
}

// ListSecretVersionIds is the declaration of Secrets Manager's ListSecretVersionIds.
var ListSecretVersionIds = &op[secretsmanager.ListSecretVersionIdsInput, secretsmanager.ListSecretVersionIdsOutput]{
	Op:       action("ListSecretVersionIds"),
	Validate: validateListSecretVersionIdsInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.ListSecretVersionIdsInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).ListSecretVersionIds,
}

// ListSecrets is the declaration of Secrets Manager's ListSecrets.
var ListSecrets = &op[secretsmanager.ListSecretsInput, secretsmanager.ListSecretsOutput]{
	Op:  action("ListSecrets"),
	Run: (*State).ListSecrets,
}

// PutSecretValue is the declaration of Secrets Manager's PutSecretValue.
var PutSecretValue = &op[secretsmanager.PutSecretValueInput, secretsmanager.PutSecretValueOutput]{
	Op:       action("PutSecretValue"),
	Write:    true,
	Validate: validatePutSecretValueInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.PutSecretValueInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).PutSecretValue,
}

// RestoreSecret is the declaration of Secrets Manager's RestoreSecret.
var RestoreSecret = &op[secretsmanager.RestoreSecretInput, secretsmanager.RestoreSecretOutput]{
	Op:       action("RestoreSecret"),
	Write:    true,
	Validate: validateRestoreSecretInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.RestoreSecretInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).RestoreSecret,
}

// TagResource is the declaration of Secrets Manager's TagResource.
var TagResource = &op[secretsmanager.TagResourceInput, secretsmanager.TagResourceOutput]{
	Op:       action("TagResource"),
	Write:    true,
	Validate: validateTagResourceInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.TagResourceInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).TagResource,
}

// UntagResource is the declaration of Secrets Manager's UntagResource.
var UntagResource = &op[secretsmanager.UntagResourceInput, secretsmanager.UntagResourceOutput]{
	Op:       action("UntagResource"),
	Write:    true,
	Validate: validateUntagResourceInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.UntagResourceInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).UntagResource,
}

// UpdateSecret is the declaration of Secrets Manager's UpdateSecret.
var UpdateSecret = &op[secretsmanager.UpdateSecretInput, secretsmanager.UpdateSecretOutput]{
	Op:       action("UpdateSecret"),
	Write:    true,
	Validate: validateUpdateSecretInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.UpdateSecretInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).UpdateSecret,
}

// UpdateSecretVersionStage is the declaration of Secrets Manager's UpdateSecretVersionStage.
var UpdateSecretVersionStage = &op[secretsmanager.UpdateSecretVersionStageInput, secretsmanager.UpdateSecretVersionStageOutput]{
	Op:       action("UpdateSecretVersionStage"),
	Write:    true,
	Validate: validateUpdateSecretVersionStageInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.UpdateSecretVersionStageInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).UpdateSecretVersionStage,
}

// RotateSecret is the declaration of Secrets Manager's RotateSecret.
var RotateSecret = &op[secretsmanager.RotateSecretInput, secretsmanager.RotateSecretOutput]{
	Op:       action("RotateSecret"),
	Write:    true,
	Validate: validateRotateSecretInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.RotateSecretInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	// The fake client runs a copy whose Run keeps the rotation plan, and
	// then calls the rotation function outside the lock.
	Run: func(s *State, env core.Env, in *secretsmanager.RotateSecretInput) (*secretsmanager.RotateSecretOutput, error) {
		out, _, err := s.RotateSecret(env, in, func(string) bool { return false })
		return out, err
	},
}

// CancelRotateSecret is the declaration of Secrets Manager's CancelRotateSecret.
var CancelRotateSecret = &op[secretsmanager.CancelRotateSecretInput, secretsmanager.CancelRotateSecretOutput]{
	Op:       action("CancelRotateSecret"),
	Write:    true,
	Validate: validateCancelRotateSecretInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.CancelRotateSecretInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).CancelRotateSecret,
}

// PutResourcePolicy is the declaration of Secrets Manager's PutResourcePolicy.
var PutResourcePolicy = &op[secretsmanager.PutResourcePolicyInput, secretsmanager.PutResourcePolicyOutput]{
	Op:       action("PutResourcePolicy"),
	Write:    true,
	Validate: validatePutResourcePolicyInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.PutResourcePolicyInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).PutResourcePolicy,
}

// GetResourcePolicy is the declaration of Secrets Manager's GetResourcePolicy.
var GetResourcePolicy = &op[secretsmanager.GetResourcePolicyInput, secretsmanager.GetResourcePolicyOutput]{
	Op:       action("GetResourcePolicy"),
	Validate: validateGetResourcePolicyInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.GetResourcePolicyInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).GetResourcePolicy,
}

// DeleteResourcePolicy is the declaration of Secrets Manager's DeleteResourcePolicy.
var DeleteResourcePolicy = &op[secretsmanager.DeleteResourcePolicyInput, secretsmanager.DeleteResourcePolicyOutput]{
	Op:       action("DeleteResourcePolicy"),
	Write:    true,
	Validate: validateDeleteResourcePolicyInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.DeleteResourcePolicyInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).DeleteResourcePolicy,
}

// ValidateResourcePolicy is the declaration of Secrets Manager's ValidateResourcePolicy.
var ValidateResourcePolicy = &op[secretsmanager.ValidateResourcePolicyInput, secretsmanager.ValidateResourcePolicyOutput]{
	Op:       action("ValidateResourcePolicy"),
	Validate: validateValidateResourcePolicyInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.ValidateResourcePolicyInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).ValidateResourcePolicy,
}

// ListResourcePolicies is the declaration of Secrets Manager's ListResourcePolicies.
var ListResourcePolicies = &op[secretsmanager.ListResourcePoliciesInput, secretsmanager.ListResourcePoliciesOutput]{
	Op:       action("ListResourcePolicies"),
	Validate: validateListResourcePoliciesInput,
	Run:      (*State).ListResourcePolicies,
}

// ReplicateSecretToRegions is the declaration of Secrets Manager's ReplicateSecretToRegions.
var ReplicateSecretToRegions = &op[secretsmanager.ReplicateSecretToRegionsInput, secretsmanager.ReplicateSecretToRegionsOutput]{
	Op:       action("ReplicateSecretToRegions"),
	Write:    true,
	Validate: validateReplicateSecretToRegionsInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.ReplicateSecretToRegionsInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).ReplicateSecretToRegions,
}

// RemoveRegionsFromReplication is the declaration of Secrets Manager's RemoveRegionsFromReplication.
var RemoveRegionsFromReplication = &op[secretsmanager.RemoveRegionsFromReplicationInput, secretsmanager.RemoveRegionsFromReplicationOutput]{
	Op:       action("RemoveRegionsFromReplication"),
	Write:    true,
	Validate: validateRemoveRegionsFromReplicationInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.RemoveRegionsFromReplicationInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).RemoveRegionsFromReplication,
}

// StopReplicationToReplica is the declaration of Secrets Manager's StopReplicationToReplica.
var StopReplicationToReplica = &op[secretsmanager.StopReplicationToReplicaInput, secretsmanager.StopReplicationToReplicaOutput]{
	Op:       action("StopReplicationToReplica"),
	Write:    true,
	Validate: validateStopReplicationToReplicaInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.StopReplicationToReplicaInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).StopReplicationToReplica,
}

// AssociateCrossAccountReplica is the declaration of Secrets Manager's AssociateCrossAccountReplica.
var AssociateCrossAccountReplica = &op[secretsmanager.AssociateCrossAccountReplicaInput, secretsmanager.AssociateCrossAccountReplicaOutput]{
	Op:       action("AssociateCrossAccountReplica"),
	Write:    true,
	Validate: validateAssociateCrossAccountReplicaInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.AssociateCrossAccountReplicaInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).AssociateCrossAccountReplica,
}

// DisassociateCrossAccountReplica is the declaration of Secrets Manager's DisassociateCrossAccountReplica.
var DisassociateCrossAccountReplica = &op[secretsmanager.DisassociateCrossAccountReplicaInput, secretsmanager.DisassociateCrossAccountReplicaOutput]{
	Op:       action("DisassociateCrossAccountReplica"),
	Write:    true,
	Validate: validateDisassociateCrossAccountReplicaInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.DisassociateCrossAccountReplicaInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).DisassociateCrossAccountReplica,
}
