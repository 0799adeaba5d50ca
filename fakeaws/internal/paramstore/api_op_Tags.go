package paramstore

import (
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// AddTagsToResource declares Parameter Store's AddTagsToResource.
var AddTagsToResource = &op[ssm.AddTagsToResourceInput, ssm.AddTagsToResourceOutput]{
	Op:       action("AddTagsToResource"),
	Write:    true,
	Validate: validateAddTagsToResourceInput,
	Resources: func(s *State, _ core.Env, in *ssm.AddTagsToResourceInput) []core.Resource {
		return s.tagResources(in.ResourceType, in.ResourceId)
	},
	Run: (*State).AddTagsToResource,
}

// RemoveTagsFromResource declares Parameter Store's RemoveTagsFromResource.
var RemoveTagsFromResource = &op[ssm.RemoveTagsFromResourceInput, ssm.RemoveTagsFromResourceOutput]{
	Op:       action("RemoveTagsFromResource"),
	Write:    true,
	Validate: validateRemoveTagsFromResourceInput,
	Resources: func(s *State, _ core.Env, in *ssm.RemoveTagsFromResourceInput) []core.Resource {
		return s.tagResources(in.ResourceType, in.ResourceId)
	},
	Run: (*State).RemoveTagsFromResource,
}

// ListTagsForResource declares Parameter Store's ListTagsForResource.
var ListTagsForResource = &op[ssm.ListTagsForResourceInput, ssm.ListTagsForResourceOutput]{
	Op:       action("ListTagsForResource"),
	Validate: validateListTagsForResourceInput,
	Resources: func(s *State, _ core.Env, in *ssm.ListTagsForResourceInput) []core.Resource {
		return s.tagResources(in.ResourceType, in.ResourceId)
	},
	Run: (*State).ListTagsForResource,
}

// tagged finds the parameter a tag operation names. Only parameters are
// resources here: any other type is InvalidResourceType; a missing
// parameter is InvalidResourceId (texts: docs/aws-behaviour.md §2.7, M).
func (s *State) tagged(typ types.ResourceTypeForTagging, id string) (*param, error) {
	if typ != types.ResourceTypeForTaggingParameter {
		return nil, errInvalidResourceType()
	}
	name := trimName(id)
	var p *param
	if !isReference(name) {
		p = s.lookup(name)
	}
	if p == nil {
		return nil, errInvalidResourceID()
	}
	return p, nil
}

// AddTagsToResource adds tags to a parameter, a key already present taking
// the new value; a parameter carries at most 50 tags (docs/aws-behaviour.md §2.7, D).
func (s *State) AddTagsToResource(env core.Env, in *ssm.AddTagsToResourceInput) (*ssm.AddTagsToResourceOutput, error) {
	p, err := s.tagged(in.ResourceType, aws.ToString(in.ResourceId))
	if err != nil {
		return nil, err
	}
	if err := checkTags(in.Tags, p.tags); err != nil {
		return nil, err
	}
	p.tags = mergeTags(p.tags, in.Tags)
	return &ssm.AddTagsToResourceOutput{}, nil
}

// RemoveTagsFromResource removes the tags with the given keys; unknown keys
// are ignored (docs/aws-behaviour.md §2.7, M).
func (s *State) RemoveTagsFromResource(env core.Env, in *ssm.RemoveTagsFromResourceInput) (*ssm.RemoveTagsFromResourceOutput, error) {
	p, err := s.tagged(in.ResourceType, aws.ToString(in.ResourceId))
	if err != nil {
		return nil, err
	}
	p.tags = slices.DeleteFunc(slices.Clone(p.tags), func(t types.Tag) bool { return slices.Contains(in.TagKeys, *t.Key) })
	return &ssm.RemoveTagsFromResourceOutput{}, nil
}

// ListTagsForResource returns a parameter's tags, in the order their keys
// were first added.
func (s *State) ListTagsForResource(env core.Env, in *ssm.ListTagsForResourceInput) (*ssm.ListTagsForResourceOutput, error) {
	p, err := s.tagged(in.ResourceType, aws.ToString(in.ResourceId))
	if err != nil {
		return nil, err
	}
	out := make([]types.Tag, len(p.tags))
	for i, t := range p.tags {
		out[i] = types.Tag{Key: aws.String(*t.Key), Value: aws.String(*t.Value)}
	}
	return &ssm.ListTagsForResourceOutput{TagList: out}, nil
}
