package secrets

import (
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// Operations are the Secrets Manager operations the fake serves, each
// declared once in its api_op_<Operation>.go. The fake client (smfake) has
// one method for each, the wire routes to them by name, and the method-set
// test and the README's table are checked against this list.
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
