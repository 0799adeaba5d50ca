package secrets

import (
	"bytes"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// GetSecretValue declares Secrets Manager's GetSecretValue.
var GetSecretValue = &op[secretsmanager.GetSecretValueInput, secretsmanager.GetSecretValueOutput]{
	Op:       action("GetSecretValue"),
	Validate: validateGetSecretValueInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.GetSecretValueInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Alloc:   newSecretValueAnswer,
	RunInto: (*State).getSecretValueInto,
	Logged:  core.LogInBlock[SecretValueAnswer, secretsmanager.GetSecretValueInput, secretsmanager.GetSecretValueOutput](),
}

// resolve picks the version GetSecretValue reads: VersionId if given (and
// VersionStage must then be on it), else VersionStage, else AWSCURRENT
// (docs/aws-behaviour.md §3.5). It changes nothing.
func (sec *secret) resolve(versionID, stage *string) (*version, error) {
	if versionID != nil {
		v := sec.versions[*versionID]
		if v == nil {
			return nil, errNoVersionID(*versionID)
		}
		if stage != nil && !v.hasStage(*stage) {
			return nil, errStageNotOnVersion()
		}
		if !v.hasValue() {
			return nil, errNoVersionID(*versionID)
		}
		return v, nil
	}
	label := stageCurrent
	if stage != nil {
		label = *stage
	}
	v := sec.labels[label]
	if v == nil || !v.hasValue() {
		return nil, errNoStage(label)
	}
	return v, nil
}

// GetSecretValue returns a version's value: by default the AWSCURRENT
// version. It records the read in LastAccessedDate, on the secret and the
// version, kept to the day (docs/aws-behaviour.md §3.7; S: the reference scenario).
func (s *State) GetSecretValue(env core.Env, in *secretsmanager.GetSecretValueInput) (*secretsmanager.GetSecretValueOutput, error) {
	return s.getSecretValueInto(env, in, new(SecretValueAnswer))
}

// SecretValueAnswer is the memory of one GetSecretValue answer: the output
// and the values it points to, in one allocation made before the lock is
// taken (its declaration's Alloc). A binary value, and more than two stages, take
// one more each.
type SecretValueAnswer struct {
	out                secretsmanager.GetSecretValueOutput
	arn, name, id, str string
	created            time.Time
	stages             [2]string
}

// newSecretValueAnswer allocates a GetSecretValue answer.
func newSecretValueAnswer() any { return new(SecretValueAnswer) }

// getSecretValueInto is GetSecretValue answering in the SecretValueAnswer
// answer holds.
func (s *State) getSecretValueInto(env core.Env, in *secretsmanager.GetSecretValueInput, answer any) (*secretsmanager.GetSecretValueOutput, error) {
	a := answer.(*SecretValueAnswer)
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	if in.VersionStage != nil {
		if err := checkStage(*in.VersionStage, "versionStage"); err != nil {
			return nil, err
		}
	}
	sec := s.find(env, aws.ToString(in.SecretId))
	if sec == nil {
		return nil, errNotFound()
	}
	if sec.deleted != nil {
		return nil, errMarkedDeleted()
	}
	v, err := sec.resolve(in.VersionId, in.VersionStage)
	if err != nil {
		return nil, err
	}
	touch(sec, v, env.Now)
	// Copies: the caller owns the output (DESIGN: copies at every boundary).
	a.arn, a.name, a.id, a.created = sec.arn, sec.name, v.id, v.created
	a.out = secretsmanager.GetSecretValueOutput{
		ARN:          &a.arn,
		Name:         &a.name,
		VersionId:    &a.id,
		SecretBinary: cloneBytes(v.bin),
		CreatedDate:  &a.created,
	}
	if v.str != nil {
		a.str = *v.str
		a.out.SecretString = &a.str
	}
	if n := len(v.stages); n <= len(a.stages) {
		a.out.VersionStages = a.stages[:n:n]
		copy(a.out.VersionStages, v.stages)
	} else {
		a.out.VersionStages = copyStages(v.stages)
	}
	return &a.out, nil
}

func cloneBytes(b []byte) []byte {
	if b == nil {
		return nil
	}
	return bytes.Clone(b)
}

// Reference reads a secret version for Parameter Store's
// /aws/reference/secretsmanager/<secretID>[:<selector>] (docs/aws-behaviour.md §1.1): selector
// "" means the AWSCURRENT version; otherwise a staging label if a version
// carries it, else a version ID. It records the read as GetSecretValue does
// (docs/aws-behaviour.md §3.7, U). A missing or deleted secret, a missing stage or version, or
// a version with no value gives *RefNotFound. It runs under the read lock.
func (s *State) Reference(env core.Env, secretID, selector string) (Ref, error) {
	sec := s.find(env, secretID)
	if sec == nil {
		return Ref{}, &RefNotFound{Reason: "secret " + secretID + " not found"}
	}
	if sec.deleted != nil {
		return Ref{}, &RefNotFound{Reason: "secret " + secretID + " is scheduled for deletion"}
	}
	var v *version
	switch {
	case selector == "":
		v = sec.labels[stageCurrent]
	case sec.labels[selector] != nil:
		v = sec.labels[selector]
	default:
		v = sec.versions[selector]
	}
	if v == nil {
		return Ref{}, &RefNotFound{Reason: "no version of secret " + secretID + " for " + selectorName(selector)}
	}
	if !v.hasValue() {
		return Ref{}, &RefNotFound{Reason: "version " + v.id + " of secret " + secretID + " has no value"}
	}
	touch(sec, v, env.Now)
	return Ref{
		ARN:           sec.arn,
		Name:          sec.name,
		VersionID:     v.id,
		SecretString:  v.str,
		SecretBinary:  v.bin,
		VersionStages: v.stages,
		SourceCache:   &v.source,
		CreatedDate:   v.created,
	}, nil
}

func selectorName(selector string) string {
	if selector == "" {
		return stageCurrent
	}
	return selector
}
