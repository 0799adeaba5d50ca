package secrets

import (
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// TagResource declares Secrets Manager's TagResource.
var TagResource = &op[secretsmanager.TagResourceInput, secretsmanager.TagResourceOutput]{
	Op:       action("TagResource"),
	Write:    true,
	Validate: validateTagResourceInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.TagResourceInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).TagResource,
}

// UntagResource declares Secrets Manager's UntagResource.
var UntagResource = &op[secretsmanager.UntagResourceInput, secretsmanager.UntagResourceOutput]{
	Op:       action("UntagResource"),
	Write:    true,
	Validate: validateUntagResourceInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.UntagResourceInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).UntagResource,
}

// mergeTags returns tags with add merged in by key: a new value replaces the
// old one in place, new keys are appended (docs/aws-behaviour.md §3.5, Tag/UntagResource).
// The result shares nothing with add.
func mergeTags(tags, add []types.Tag) []types.Tag {
	for _, t := range add {
		k := aws.ToString(t.Key)
		i := slices.IndexFunc(tags, func(x types.Tag) bool { return aws.ToString(x.Key) == k })
		nt := types.Tag{Key: aws.String(k), Value: aws.String(aws.ToString(t.Value))}
		if i >= 0 {
			tags[i] = nt
		} else {
			tags = append(tags, nt)
		}
	}
	return tags
}

// TagResource adds tags to a secret or changes their values (docs/aws-behaviour.md §3.5).
// A secret scheduled for deletion is refused (docs/aws-behaviour.md §3.5). AWS allows at most
// 50 tags on a secret (D).
func (s *State) TagResource(env core.Env, in *secretsmanager.TagResourceInput) (*secretsmanager.TagResourceOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	sec, err := s.liveForWrite(env, aws.ToString(in.SecretId))
	if err != nil {
		return nil, err
	}
	merged := mergeTags(slices.Clone(sec.tags), in.Tags)
	if len(merged) > maxTags {
		return nil, &types.LimitExceededException{Message: aws.String("You have exceeded the maximum number of tags (50) for this secret.")}
	}
	sec.tags = merged
	sec.changed = env.Now // "modified in any way" (DescribeSecret doc, D; docs/aws-behaviour.md §3.7 U)
	return &secretsmanager.TagResourceOutput{}, nil
}

// UntagResource removes tags by key; unknown keys are ignored (docs/aws-behaviour.md §3.5).
func (s *State) UntagResource(env core.Env, in *secretsmanager.UntagResourceInput) (*secretsmanager.UntagResourceOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	for i, k := range in.TagKeys {
		if len(k) < 1 || len(k) > maxTagKeyLen {
			f := "tagKeys." + itoa(i+1) + ".member"
			if len(k) < 1 {
				return nil, tooShort(k, f, 1)
			}
			return nil, tooLong(k, f, maxTagKeyLen)
		}
	}
	sec, err := s.liveForWrite(env, aws.ToString(in.SecretId))
	if err != nil {
		return nil, err
	}
	sec.tags = slices.DeleteFunc(sec.tags, func(t types.Tag) bool { return slices.Contains(in.TagKeys, aws.ToString(t.Key)) })
	sec.changed = env.Now
	return &secretsmanager.UntagResourceOutput{}, nil
}
