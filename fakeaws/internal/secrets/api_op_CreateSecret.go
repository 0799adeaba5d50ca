package secrets

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// CreateSecret declares Secrets Manager's CreateSecret.
var CreateSecret = &op[secretsmanager.CreateSecretInput, secretsmanager.CreateSecretOutput]{
	Op:       action("CreateSecret"),
	Write:    true,
	Validate: validateCreateSecretInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.CreateSecretInput) []core.Resource {
		return s.secretResource(in.Name)
	},
	Run: (*State).CreateSecret,
}

// CreateSecret creates a secret, with a first version labelled AWSCURRENT
// when a value is given (docs/aws-behaviour.md §3.5). The same name with the same token and
// value answers as the first call did; a new token gets
// ResourceExistsException; a name scheduled for deletion gets
// InvalidRequestException (docs/aws-behaviour.md §3.4).
func (s *State) CreateSecret(env core.Env, in *secretsmanager.CreateSecretInput) (*secretsmanager.CreateSecretOutput, error) {
	name := aws.ToString(in.Name)
	if err := checkName(name); err != nil {
		return nil, err
	}
	if err := checkMeta(in.Description, in.KmsKeyId); err != nil {
		return nil, err
	}
	if err := checkValue(in.SecretString, in.SecretBinary); err != nil {
		return nil, err
	}
	if err := checkToken(in.ClientRequestToken); err != nil {
		return nil, err
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	cross := in.CrossAccountPrimaryARN != nil
	if cross {
		if err := s.checkCrossAccountCreate(in); err != nil {
			return nil, err
		}
	} else if in.AddReplicaRegions != nil {
		if err := s.checkReplicaRegions(in.AddReplicaRegions); err != nil {
			return nil, err
		}
	}
	hasValue := in.SecretString != nil || in.SecretBinary != nil
	if sec := s.findForWrite(env, name); sec != nil {
		if sec.deleted != nil {
			return nil, errScheduled()
		}
		if in.ClientRequestToken != nil {
			if v := sec.versions[*in.ClientRequestToken]; v != nil {
				if hasValue && v.sameValue(in.SecretString, in.SecretBinary) {
					return &secretsmanager.CreateSecretOutput{ARN: aws.String(sec.arn), Name: aws.String(sec.name), VersionId: aws.String(v.id)}, nil
				}
				return nil, errTokenInUse(v.id, sec.arn)
			}
		}
		return nil, errExists(name)
	}

	sec := s.newSecret(env, name)
	sec.description = copyStr(in.Description)
	if in.KmsKeyId != nil && *in.KmsKeyId != defaultKmsKey && *in.KmsKeyId != "" {
		sec.kmsKeyID = copyStr(in.KmsKeyId)
	}
	sec.typ = copyStr(in.Type)
	sec.tags = mergeTags(nil, in.Tags)
	out := &secretsmanager.CreateSecretOutput{ARN: aws.String(sec.arn), Name: aws.String(sec.name)}
	if hasValue {
		v := sec.addVersion(env, token(env, in.ClientRequestToken), in.SecretString, in.SecretBinary)
		sec.makeCurrent(v)
		out.VersionId = aws.String(v.id)
	}
	s.add(sec)
	switch {
	case cross:
		// A cross-account replica waits for its primary's
		// AssociateCrossAccountReplica (D).
		sec.extOf().primary = &replicaOf{arn: *in.CrossAccountPrimaryARN, cross: true, status: types.StatusTypePending}
		sec.ext.primary.account, sec.ext.primary.region = arnAccountRegion(*in.CrossAccountPrimaryARN)
	case in.AddReplicaRegions != nil:
		out.ReplicationStatus = s.replicate(env, sec, in.AddReplicaRegions, in.ForceOverwriteReplicaSecret)
	}
	return out, nil
}

// token returns the caller's ClientRequestToken or, as the SDK's
// idempotency-token middleware fills one in when it is nil (docs/aws-behaviour.md §3.4, D),
// the next version ID of the Store's ID source.
func token(env core.Env, t *string) string {
	if t != nil {
		return *t
	}
	return env.IDs.VersionID()
}
