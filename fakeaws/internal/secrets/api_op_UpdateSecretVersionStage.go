package secrets

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// UpdateSecretVersionStage declares Secrets Manager's UpdateSecretVersionStage.
var UpdateSecretVersionStage = &op[secretsmanager.UpdateSecretVersionStageInput, secretsmanager.UpdateSecretVersionStageOutput]{
	Op:       action("UpdateSecretVersionStage"),
	Write:    true,
	Validate: validateUpdateSecretVersionStageInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.UpdateSecretVersionStageInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).UpdateSecretVersionStage,
}

// UpdateSecretVersionStage moves a staging label (docs/aws-behaviour.md §3.5). The label is
// added to MoveToVersionId's labels; if another version has it,
// RemoveFromVersionId must name that version (D; AWS's text is known for
// AWSCURRENT, MV, and used for every label, U). Moving AWSCURRENT moves
// AWSPREVIOUS to the version it came from and takes AWSPREVIOUS off the
// target (M, MV); it also works when no version has AWSCURRENT (moto issue
// #9451). With only RemoveFromVersionId the label is removed.
func (s *State) UpdateSecretVersionStage(env core.Env, in *secretsmanager.UpdateSecretVersionStageInput) (*secretsmanager.UpdateSecretVersionStageOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	stage := aws.ToString(in.VersionStage)
	if err := checkStage(stage, "versionStage"); err != nil {
		return nil, err
	}
	for _, id := range []*string{in.MoveToVersionId, in.RemoveFromVersionId} {
		if id != nil && (len(*id) < 32 || len(*id) > 64) {
			field := "moveToVersionId"
			if id == in.RemoveFromVersionId {
				field = "removeFromVersionId"
			}
			if len(*id) < 32 {
				return nil, tooShort(*id, field, 32)
			}
			return nil, tooLong(*id, field, 64)
		}
	}
	if in.MoveToVersionId == nil && in.RemoveFromVersionId == nil {
		// AWS's text is not known (U).
		return nil, invalidParam("You must specify MoveToVersionId or RemoveFromVersionId.")
	}
	sec, err := s.liveForWrite(env, aws.ToString(in.SecretId))
	if err != nil {
		return nil, err
	}
	var to, from *version
	if in.MoveToVersionId != nil {
		if to = sec.versions[*in.MoveToVersionId]; to == nil {
			return nil, errNotAVersion(*in.MoveToVersionId)
		}
	}
	if in.RemoveFromVersionId != nil {
		if from = sec.versions[*in.RemoveFromVersionId]; from == nil {
			return nil, errNotAVersion(*in.RemoveFromVersionId)
		}
		if !from.hasStage(stage) {
			return nil, invalidParam("Version stage " + stage + " not found in version " + from.id) // M
		}
	}
	if to == nil && stage == stageCurrent {
		// AWSCURRENT can be moved, never removed (docs/aws-behaviour.md §3.5; observed).
		return nil, invalidParam("You can only move staging label AWSCURRENT to a different secret version. It can't be completely removed.")
	}
	holder := sec.labels[stage]
	if to != nil && holder != nil && holder != to && holder != from {
		return nil, invalidParam("The parameter RemoveFromVersionId can't be empty. Staging label " + stage +
			" is currently attached to version " + holder.id + ", so you must explicitly reference that version in RemoveFromVersionId.")
	}
	out := &secretsmanager.UpdateSecretVersionStageOutput{ARN: aws.String(sec.arn), Name: aws.String(sec.name)}
	switch {
	case to == nil:
		sec.detach(from, stage)
	case stage == stageCurrent:
		if to.hasStage(stagePending) && to != holder {
			sec.rotated(env.Now) // finishSecret of a rotation (api_op_RotateSecret.go)
		}
		sec.makeCurrent(to)
	default:
		sec.attach(to, stage)
	}
	sec.changed = env.Now
	return out, nil
}
