package smfake

import "github.com/fakeaws/fakeaws-go/fakeaws"

// Operations of Secrets Manager, as the test controls of fakeaws.Store name
// them (faults, call log). Each is its IAM action.
const (
	OpAssociateCrossAccountReplica    fakeaws.Op = "secretsmanager:AssociateCrossAccountReplica"
	OpBatchGetSecretValue             fakeaws.Op = "secretsmanager:BatchGetSecretValue"
	OpCancelRotateSecret              fakeaws.Op = "secretsmanager:CancelRotateSecret"
	OpCreateSecret                    fakeaws.Op = "secretsmanager:CreateSecret"
	OpDeleteResourcePolicy            fakeaws.Op = "secretsmanager:DeleteResourcePolicy"
	OpDeleteSecret                    fakeaws.Op = "secretsmanager:DeleteSecret"
	OpDescribeSecret                  fakeaws.Op = "secretsmanager:DescribeSecret"
	OpDisassociateCrossAccountReplica fakeaws.Op = "secretsmanager:DisassociateCrossAccountReplica"
	OpGetRandomPassword               fakeaws.Op = "secretsmanager:GetRandomPassword"
	OpGetResourcePolicy               fakeaws.Op = "secretsmanager:GetResourcePolicy"
	OpGetSecretValue                  fakeaws.Op = "secretsmanager:GetSecretValue"
	OpListResourcePolicies            fakeaws.Op = "secretsmanager:ListResourcePolicies"
	OpListSecretVersionIds            fakeaws.Op = "secretsmanager:ListSecretVersionIds"
	OpListSecrets                     fakeaws.Op = "secretsmanager:ListSecrets"
	OpPutResourcePolicy               fakeaws.Op = "secretsmanager:PutResourcePolicy"
	OpPutSecretValue                  fakeaws.Op = "secretsmanager:PutSecretValue"
	OpRemoveRegionsFromReplication    fakeaws.Op = "secretsmanager:RemoveRegionsFromReplication"
	OpReplicateSecretToRegions        fakeaws.Op = "secretsmanager:ReplicateSecretToRegions"
	OpRestoreSecret                   fakeaws.Op = "secretsmanager:RestoreSecret"
	OpRotateSecret                    fakeaws.Op = "secretsmanager:RotateSecret"
	OpStopReplicationToReplica        fakeaws.Op = "secretsmanager:StopReplicationToReplica"
	OpTagResource                     fakeaws.Op = "secretsmanager:TagResource"
	OpUntagResource                   fakeaws.Op = "secretsmanager:UntagResource"
	OpUpdateSecret                    fakeaws.Op = "secretsmanager:UpdateSecret"
	OpUpdateSecretVersionStage        fakeaws.Op = "secretsmanager:UpdateSecretVersionStage"
	OpValidateResourcePolicy          fakeaws.Op = "secretsmanager:ValidateResourcePolicy"
)
