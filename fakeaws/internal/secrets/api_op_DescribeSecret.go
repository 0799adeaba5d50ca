package secrets

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// DescribeSecret declares Secrets Manager's DescribeSecret.
var DescribeSecret = &op[secretsmanager.DescribeSecretInput, secretsmanager.DescribeSecretOutput]{
	Op:       action("DescribeSecret"),
	Validate: validateDescribeSecretInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.DescribeSecretInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).DescribeSecret,
}

// DescribeSecret returns a secret's metadata, only the fields that have a
// value (D): KmsKeyId is left out for the default key, VersionIdsToStages
// lists labelled versions only, LastAccessedDate is a day. It works on a
// secret scheduled for deletion and shows its DeletedDate (docs/aws-behaviour.md §3.5, M).
// Rotation fields appear once RotateSecret has been called (api_op_RotateSecret.go),
// replication fields on replicated secrets and replicas (api_op_Replication.go);
// OwningService is never set (no managed secrets).
func (s *State) DescribeSecret(env core.Env, in *secretsmanager.DescribeSecretInput) (*secretsmanager.DescribeSecretOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	sec := s.find(env, aws.ToString(in.SecretId))
	if sec == nil {
		return nil, errNotFound()
	}
	e := sec.entry()
	out := &secretsmanager.DescribeSecretOutput{
		ARN:                e.ARN,
		Name:               e.Name,
		Description:        e.Description,
		KmsKeyId:           e.KmsKeyId,
		Type:               e.Type,
		LastChangedDate:    e.LastChangedDate,
		LastAccessedDate:   e.LastAccessedDate,
		DeletedDate:        e.DeletedDate,
		Tags:               e.Tags,
		VersionIdsToStages: e.SecretVersionsToStages,
		CreatedDate:        e.CreatedDate,
		RotationEnabled:    e.RotationEnabled,
		RotationLambdaARN:  e.RotationLambdaARN,
		RotationRules:      e.RotationRules,
		LastRotatedDate:    e.LastRotatedDate,
		NextRotationDate:   e.NextRotationDate,
		PrimaryRegion:      e.PrimaryRegion,
	}
	s.fillReplication(sec, out)
	return out, nil
}

// entry returns sec's metadata as ListSecrets lists it, sharing nothing with
// the state.
func (sec *secret) entry() types.SecretListEntry {
	e := types.SecretListEntry{
		ARN:                    aws.String(sec.arn),
		Name:                   aws.String(sec.name),
		Description:            copyStr(sec.description),
		KmsKeyId:               copyStr(sec.kmsKeyID),
		Type:                   copyStr(sec.typ),
		LastChangedDate:        copyTime(sec.changed),
		LastAccessedDate:       dayTime(sec.accessed.Load()),
		Tags:                   copyTags(sec.tags),
		SecretVersionsToStages: sec.versionsToStages(),
		CreatedDate:            copyTime(sec.created),
	}
	if sec.deleted != nil {
		e.DeletedDate = copyTime(*sec.deleted)
	}
	sec.fillExt(&e)
	if sec.multiRegion() {
		e.PrimaryRegion = aws.String(sec.primaryRegion())
	}
	return e
}
