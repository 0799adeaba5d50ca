package secrets

import (
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// PutSecretValue declares Secrets Manager's PutSecretValue.
var PutSecretValue = &op[secretsmanager.PutSecretValueInput, secretsmanager.PutSecretValueOutput]{
	Op:       action("PutSecretValue"),
	Write:    true,
	Validate: validatePutSecretValueInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.PutSecretValueInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).PutSecretValue,
}

// PutSecretValue adds a version to a secret (docs/aws-behaviour.md §3.3, 3.5). Without
// VersionStages the new version becomes AWSCURRENT; with VersionStages = L
// every label of L moves to it (AWSCURRENT only if it is in L). The first
// version of a secret always gets AWSCURRENT. A token that names a version
// with the same value answers as the first call did; with another value it
// is ResourceExistsException (docs/aws-behaviour.md §3.4, MV).
func (s *State) PutSecretValue(env core.Env, in *secretsmanager.PutSecretValueInput) (*secretsmanager.PutSecretValueOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	if err := checkToken(in.ClientRequestToken); err != nil {
		return nil, err
	}
	if err := checkValue(in.SecretString, in.SecretBinary); err != nil {
		return nil, err
	}
	if in.SecretString == nil && in.SecretBinary == nil {
		return nil, errNoValue()
	}
	if len(in.VersionStages) > maxStagesPerPut {
		return nil, validation("Value at 'versionStages' failed to satisfy constraint: Member must have length less than or equal to %d", maxStagesPerPut)
	}
	for i, st := range in.VersionStages {
		if err := checkStage(st, "versionStages."+itoa(i+1)+".member"); err != nil {
			return nil, err
		}
	}
	sec, err := s.liveForWrite(env, aws.ToString(in.SecretId))
	if err != nil {
		return nil, err
	}
	if in.ClientRequestToken != nil {
		if v := sec.versions[*in.ClientRequestToken]; v != nil {
			if !v.hasValue() {
				// The version RotateSecret made for the rotation function's
				// createSecret step (api_op_RotateSecret.go).
				return sec.fillPending(env, v, in.SecretString, in.SecretBinary, in.VersionStages), nil
			}
			if v.sameValue(in.SecretString, in.SecretBinary) {
				return putOutput(sec, v), nil
			}
			return nil, errTokenInUse(v.id, sec.arn)
		}
	}

	first := len(sec.order) == 0
	v := sec.addVersion(env, token(env, in.ClientRequestToken), in.SecretString, in.SecretBinary)
	stages := in.VersionStages
	if stages == nil {
		stages = []string{stageCurrent}
	}
	var order []string // the labels of v in the order given
	for _, st := range stages {
		if !slices.Contains(order, st) {
			order = append(order, st)
		}
	}
	if slices.Contains(order, stageCurrent) || first {
		sec.makeCurrent(v)
	}
	for _, st := range order {
		if st != stageCurrent {
			sec.attach(v, st)
		}
	}
	if !slices.Contains(order, stageCurrent) && v.hasStage(stageCurrent) {
		order = append(order, stageCurrent) // the first version (D)
	}
	v.setStages(order)
	sec.changed = env.Now
	sec.prune(env.Now)
	return putOutput(sec, v), nil
}

func putOutput(sec *secret, v *version) *secretsmanager.PutSecretValueOutput {
	return &secretsmanager.PutSecretValueOutput{
		ARN:           aws.String(sec.arn),
		Name:          aws.String(sec.name),
		VersionId:     aws.String(v.id),
		VersionStages: copyStages(v.stages),
	}
}
