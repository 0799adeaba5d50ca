package secrets

import (
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// ListSecretVersionIds declares Secrets Manager's ListSecretVersionIds.
var ListSecretVersionIds = &op[secretsmanager.ListSecretVersionIdsInput, secretsmanager.ListSecretVersionIdsOutput]{
	Op:       action("ListSecretVersionIds"),
	Validate: validateListSecretVersionIdsInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.ListSecretVersionIdsInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).ListSecretVersionIds,
}

// defaultVersionPage is ListSecretVersionIds's page size when MaxResults is
// not given (the model's maximum; AWS's default is not documented, U).
const defaultVersionPage = 100

// ListSecretVersionIds lists a secret's versions that have a value, oldest
// first (S: the reference scenario), each with its labels, CreatedDate and,
// if it was ever read, LastAccessedDate (S). Deprecated versions (no
// labels) are left out unless IncludeDeprecated (docs/aws-behaviour.md §3.3, D). MaxResults is
// 1–100 (D); NextToken resumes after the last version listed.
func (s *State) ListSecretVersionIds(env core.Env, in *secretsmanager.ListSecretVersionIdsInput) (*secretsmanager.ListSecretVersionIdsOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	limit := defaultVersionPage
	if in.MaxResults != nil {
		if m := int64(*in.MaxResults); m < 1 || m > 100 {
			return nil, outOfRange(m, "maxResults", 1, 100)
		}
		limit = int(*in.MaxResults)
	}
	var after int64
	if in.NextToken != nil {
		parts, err := decodeToken("v", *in.NextToken, 1)
		if err != nil {
			return nil, err
		}
		if after, err = decodeInt(parts[0]); err != nil {
			return nil, err
		}
	}
	sec := s.find(env, aws.ToString(in.SecretId))
	if sec == nil {
		return nil, errNotFound()
	}
	deprecated := aws.ToBool(in.IncludeDeprecated)
	out := &secretsmanager.ListSecretVersionIdsOutput{
		ARN:      aws.String(sec.arn),
		Name:     aws.String(sec.name),
		Versions: []types.SecretVersionsListEntry{},
	}
	var last int64
	for _, v := range sec.order[sec.versionPos(after):] {
		if !v.hasValue() || (len(v.stages) == 0 && !deprecated) {
			continue
		}
		if len(out.Versions) == limit {
			out.NextToken = encodeToken("v", strconv.FormatInt(last, 10))
			break
		}
		out.Versions = append(out.Versions, types.SecretVersionsListEntry{
			VersionId:        aws.String(v.id),
			VersionStages:    copyStages(v.stages),
			LastAccessedDate: dayTime(v.accessed.Load()),
			CreatedDate:      copyTime(v.created),
		})
		last = v.seq
	}
	return out, nil
}
