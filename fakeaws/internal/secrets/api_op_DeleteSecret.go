package secrets

import (
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// DeleteSecret declares Secrets Manager's DeleteSecret.
var DeleteSecret = &op[secretsmanager.DeleteSecretInput, secretsmanager.DeleteSecretOutput]{
	Op:       action("DeleteSecret"),
	Write:    true,
	Validate: validateDeleteSecretInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.DeleteSecretInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).DeleteSecret,
}

// RestoreSecret declares Secrets Manager's RestoreSecret.
var RestoreSecret = &op[secretsmanager.RestoreSecretInput, secretsmanager.RestoreSecretOutput]{
	Op:       action("RestoreSecret"),
	Write:    true,
	Validate: validateRestoreSecretInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.RestoreSecretInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).RestoreSecret,
}

// defaultRecoveryWindow is DeleteSecret's window without
// RecoveryWindowInDays (D: 30 days).
const defaultRecoveryWindow = 30

// DeleteSecret schedules a secret for deletion after a recovery window of
// 7–30 days (default 30), or deletes it at once with
// ForceDeleteWithoutRecovery (docs/aws-behaviour.md §3.5). Until the window has passed the
// value cannot be read, DescribeSecret shows DeletedDate, and the name
// cannot be created again. A forced delete of a missing or scheduled secret
// succeeds (D, M).
func (s *State) DeleteSecret(env core.Env, in *secretsmanager.DeleteSecretInput) (*secretsmanager.DeleteSecretOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	force := aws.ToBool(in.ForceDeleteWithoutRecovery)
	// The window's range is checked before its conflict with
	// ForceDeleteWithoutRecovery (moto issue 6461, from AWS's answer).
	window := int64(defaultRecoveryWindow)
	if in.RecoveryWindowInDays != nil {
		window = *in.RecoveryWindowInDays
		if window < 7 || window > 30 {
			return nil, invalidParam("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).")
		}
	}
	if force && in.RecoveryWindowInDays != nil {
		return nil, invalidParam("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.")
	}
	id := aws.ToString(in.SecretId)
	sec := s.findForWrite(env, id)
	if sec == nil {
		if force {
			// Success with no ARN: there is no secret to name (D, M; the
			// shape of AWS's answer is not known, U).
			return &secretsmanager.DeleteSecretOutput{Name: aws.String(id), DeletionDate: copyTime(env.Now)}, nil
		}
		return nil, errNotFound()
	}
	if sec.replicaOf() != nil {
		return nil, errReplica()
	}
	if err := stillReplicated(sec, id); err != nil {
		return nil, err
	}
	out := &secretsmanager.DeleteSecretOutput{ARN: aws.String(sec.arn), Name: aws.String(sec.name)}
	if force {
		out.DeletionDate = copyTime(env.Now)
		if s.delay == 0 {
			s.remove(sec)
			return out, nil
		}
		// With a deletion delay the secret stays visible, scheduled for
		// deletion, until the delay has passed; a second forced delete
		// does not extend it (docs/aws-behaviour.md §10.2).
		if sec.deleted == nil {
			s.schedule(sec, env.Now, env.Now)
			sec.changed = env.Now
		} else if !sec.purging(env.Now) {
			s.schedule(sec, *sec.deleted, env.Now)
		}
		return out, nil
	}
	if sec.deleted != nil {
		return nil, errAlreadyDeleted()
	}
	s.schedule(sec, env.Now, env.Now.Add(time.Duration(window)*24*time.Hour))
	sec.changed = env.Now
	out.DeletionDate = copyTime(sec.deletion)
	return out, nil
}

// RestoreSecret cancels a scheduled deletion; on a secret that is not
// scheduled it succeeds and changes nothing (docs/aws-behaviour.md §3.5, M).
func (s *State) RestoreSecret(env core.Env, in *secretsmanager.RestoreSecretInput) (*secretsmanager.RestoreSecretOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	sec, err := s.primaryForWrite(env, aws.ToString(in.SecretId))
	if err != nil {
		return nil, err
	}
	if sec.purging(env.Now) {
		// The recovery window has ended (or the secret was deleted with
		// ForceDeleteWithoutRecovery): during the deletion delay it can no
		// longer be restored (docs/aws-behaviour.md §10.2).
		return nil, errAlreadyDeleted()
	}
	if sec.deleted != nil {
		sec.deleted = nil
		sec.deletion, sec.purge = time.Time{}, time.Time{}
		sec.changed = env.Now
	}
	return &secretsmanager.RestoreSecretOutput{ARN: aws.String(sec.arn), Name: aws.String(sec.name)}, nil
}

// stillReplicated refuses to delete a primary that has replicas: region
// replicas (docs/aws-behaviour.md §3.5, M: "You can't delete secret <id as given> that still
// has replica regions [us-east-2]"; several regions joined with ", ", U) or
// a cross-account replica not yet disassociated (D; text U).
func stillReplicated(sec *secret, id string) error {
	x := sec.ext
	if x == nil {
		return nil
	}
	if len(x.replicas) > 0 {
		regions := make([]string, len(x.replicas))
		for i, l := range x.replicas {
			regions[i] = l.region
		}
		return invalidParam("You can't delete secret " + id + " that still has replica regions [" + strings.Join(regions, ", ") + "]")
	}
	if x.xreplica != nil && x.xreplica.status != types.StatusTypeDetached {
		return invalidParam("You can't delete secret " + id + " that still has a cross-account replica " + x.xreplica.arn)
	}
	return nil
}
