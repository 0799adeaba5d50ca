package smfake

import (
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
)

// Operations of Secrets Manager, as the test controls of fakeaws.Store name
// them (faults, call log).
var (
	OpBatchGetSecretValue      = engine.NewOp(core.ServiceSM, "BatchGetSecretValue", true)
	OpCreateSecret             = engine.NewOp(core.ServiceSM, "CreateSecret", true)
	OpDeleteSecret             = engine.NewOp(core.ServiceSM, "DeleteSecret", true)
	OpDescribeSecret           = engine.NewOp(core.ServiceSM, "DescribeSecret", false)
	OpGetRandomPassword        = engine.NewOp(core.ServiceSM, "GetRandomPassword", false)
	OpGetSecretValue           = engine.NewOp(core.ServiceSM, "GetSecretValue", false)
	OpListSecretVersionIds     = engine.NewOp(core.ServiceSM, "ListSecretVersionIds", false)
	OpListSecrets              = engine.NewOp(core.ServiceSM, "ListSecrets", false)
	OpPutSecretValue           = engine.NewOp(core.ServiceSM, "PutSecretValue", true)
	OpRestoreSecret            = engine.NewOp(core.ServiceSM, "RestoreSecret", true)
	OpTagResource              = engine.NewOp(core.ServiceSM, "TagResource", true)
	OpUntagResource            = engine.NewOp(core.ServiceSM, "UntagResource", true)
	OpUpdateSecret             = engine.NewOp(core.ServiceSM, "UpdateSecret", true)
	OpUpdateSecretVersionStage = engine.NewOp(core.ServiceSM, "UpdateSecretVersionStage", true)
	OpRotateSecret             = engine.NewOp(core.ServiceSM, "RotateSecret", true)
	OpCancelRotateSecret       = engine.NewOp(core.ServiceSM, "CancelRotateSecret", true)
	OpPutResourcePolicy        = engine.NewOp(core.ServiceSM, "PutResourcePolicy", true)
	OpGetResourcePolicy        = engine.NewOp(core.ServiceSM, "GetResourcePolicy", false)
	OpDeleteResourcePolicy     = engine.NewOp(core.ServiceSM, "DeleteResourcePolicy", true)
	OpValidateResourcePolicy   = engine.NewOp(core.ServiceSM, "ValidateResourcePolicy", false)
	OpListResourcePolicies     = engine.NewOp(core.ServiceSM, "ListResourcePolicies", false)

	OpReplicateSecretToRegions        = engine.NewOp(core.ServiceSM, "ReplicateSecretToRegions", true)
	OpRemoveRegionsFromReplication    = engine.NewOp(core.ServiceSM, "RemoveRegionsFromReplication", true)
	OpStopReplicationToReplica        = engine.NewOp(core.ServiceSM, "StopReplicationToReplica", true)
	OpAssociateCrossAccountReplica    = engine.NewOp(core.ServiceSM, "AssociateCrossAccountReplica", true)
	OpDisassociateCrossAccountReplica = engine.NewOp(core.ServiceSM, "DisassociateCrossAccountReplica", true)
)
