package secrets

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// UpdateSecret declares Secrets Manager's UpdateSecret.
var UpdateSecret = &op[secretsmanager.UpdateSecretInput, secretsmanager.UpdateSecretOutput]{
	Op:       action("UpdateSecret"),
	Write:    true,
	Validate: validateUpdateSecretInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.UpdateSecretInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).UpdateSecret,
}

// UpdateSecret changes a secret's description or KMS key and, with a value,
// adds a version that becomes AWSCURRENT (AWSPREVIOUS moves, docs/aws-behaviour.md §3.3, 3.5).
// Without a value it returns no VersionId. A token that names a version with
// the same value is a no-op (docs/aws-behaviour.md §3.4, MV); with another value it is
// ResourceExistsException.
func (s *State) UpdateSecret(env core.Env, in *secretsmanager.UpdateSecretInput) (*secretsmanager.UpdateSecretOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	if err := checkToken(in.ClientRequestToken); err != nil {
		return nil, err
	}
	if err := checkMeta(in.Description, in.KmsKeyId); err != nil {
		return nil, err
	}
	if err := checkValue(in.SecretString, in.SecretBinary); err != nil {
		return nil, err
	}
	sec, err := s.liveForWrite(env, aws.ToString(in.SecretId))
	if err != nil {
		return nil, err
	}
	out := &secretsmanager.UpdateSecretOutput{ARN: aws.String(sec.arn), Name: aws.String(sec.name)}
	hasValue := in.SecretString != nil || in.SecretBinary != nil
	if hasValue && in.ClientRequestToken != nil {
		if v := sec.versions[*in.ClientRequestToken]; v != nil {
			if v.sameValue(in.SecretString, in.SecretBinary) {
				out.VersionId = aws.String(v.id)
				return out, nil
			}
			return nil, errTokenInUse(v.id, sec.arn)
		}
	}
	if in.Description != nil {
		sec.description = copyStr(in.Description)
	}
	if in.KmsKeyId != nil {
		sec.kmsKeyID = nil
		if *in.KmsKeyId != defaultKmsKey && *in.KmsKeyId != "" {
			sec.kmsKeyID = copyStr(in.KmsKeyId)
		}
	}
	if in.Type != nil {
		sec.typ = copyStr(in.Type)
	}
	if hasValue {
		v := sec.addVersion(env, token(env, in.ClientRequestToken), in.SecretString, in.SecretBinary)
		sec.makeCurrent(v)
		out.VersionId = aws.String(v.id)
		sec.prune(env.Now)
	}
	sec.changed = env.Now
	return out, nil
}
