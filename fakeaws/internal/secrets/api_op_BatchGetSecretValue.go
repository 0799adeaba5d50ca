package secrets

import (
	"errors"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/smithy-go"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// BatchGetSecretValue declares Secrets Manager's BatchGetSecretValue.
var BatchGetSecretValue = &op[secretsmanager.BatchGetSecretValueInput, secretsmanager.BatchGetSecretValueOutput]{
	Op:        action("BatchGetSecretValue"),
	Write:     true,
	Resources: batchResources,
	Run:       (*State).BatchGetSecretValue,
}

// maxBatch is BatchGetSecretValue's limit on SecretIdList and MaxResults (D).
const maxBatch = 20

// BatchGetSecretValue reads the AWSCURRENT value of up to 20 secrets, named
// in SecretIdList or selected by Filters (paged by MaxResults 1–20, default
// 20, in ListSecrets's default order). A secret that cannot be read becomes
// an Errors entry, not a failure of the call (docs/aws-behaviour.md §3.5, D). Reads are
// recorded in LastAccessedDate.
func (s *State) BatchGetSecretValue(env core.Env, in *secretsmanager.BatchGetSecretValueInput) (*secretsmanager.BatchGetSecretValueOutput, error) {
	byID := in.SecretIdList != nil
	if byID == (in.Filters != nil) {
		// M's text; AWS's answer when neither is given is not known (U).
		return nil, invalidParam("Either 'SecretIdList' or 'Filters' must be provided, but not both.")
	}
	if in.MaxResults != nil && byID {
		return nil, invalidParam("'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.")
	}
	out := &secretsmanager.BatchGetSecretValueOutput{SecretValues: []types.SecretValueEntry{}, Errors: []types.APIErrorType{}}
	if byID {
		if len(in.SecretIdList) < 1 || len(in.SecretIdList) > maxBatch {
			if len(in.SecretIdList) < 1 {
				return nil, validation("Value '[]' at 'secretIdList' failed to satisfy constraint: Member must have length greater than or equal to 1")
			}
			return nil, validation("Value at 'secretIdList' failed to satisfy constraint: Member must have length less than or equal to %d", maxBatch)
		}
		for _, id := range in.SecretIdList {
			sec := s.find(env, id)
			var err error
			switch {
			case sec == nil:
				err = errNotFound()
			case sec.deleted != nil:
				err = errMarkedDeleted()
			}
			s.batchOne(env, out, id, sec, err)
		}
		return out, nil
	}
	l, err := parseListing(in.Filters, in.MaxResults, maxBatch, maxBatch, in.NextToken, "", "")
	if err != nil {
		return nil, err
	}
	secs, next := s.page(env, l)
	for _, sec := range secs {
		s.batchOne(env, out, sec.name, sec, nil)
	}
	out.NextToken = next
	return out, nil
}

// batchOne adds sec's current value, or the error reading it, to out.
func (s *State) batchOne(env core.Env, out *secretsmanager.BatchGetSecretValueOutput, id string, sec *secret, err error) {
	var v *version
	if err == nil {
		v, err = sec.resolve(nil, nil)
	}
	if err != nil {
		var api smithy.APIError
		if errors.As(err, &api) {
			out.Errors = append(out.Errors, types.APIErrorType{
				SecretId: aws.String(id), ErrorCode: aws.String(api.ErrorCode()), Message: aws.String(api.ErrorMessage()),
			})
		}
		return
	}
	touch(sec, v, env.Now)
	out.SecretValues = append(out.SecretValues, types.SecretValueEntry{
		ARN:           aws.String(sec.arn),
		Name:          aws.String(sec.name),
		VersionId:     aws.String(v.id),
		SecretString:  copyStr(v.str),
		SecretBinary:  cloneBytes(v.bin),
		VersionStages: copyStages(v.stages),
		CreatedDate:   copyTime(v.created),
	})
}
