package paramstore

import (
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// The SDK's client-side required-field checks, as its validators.go makes
// them (service/ssm@v1.83.0). GetParametersByPath and DescribeParameters
// also check their filter lists; PutParameter and AddTagsToResource their
// tags.

func validatePutParameterInput(in *ssm.PutParameterInput) error {
	p := core.NewParams("PutParameterInput")
	p.Require(in.Name == nil, "Name")
	p.Require(in.Value == nil, "Value")
	p.Nested("Tags", tagList(in.Tags))
	return p.Err()
}

func validateGetParameterInput(in *ssm.GetParameterInput) error {
	p := core.NewParams("GetParameterInput")
	p.Require(in.Name == nil, "Name")
	return p.Err()
}

func validateGetParametersInput(in *ssm.GetParametersInput) error {
	p := core.NewParams("GetParametersInput")
	p.Require(in.Names == nil, "Names")
	return p.Err()
}

func validateGetParametersByPathInput(in *ssm.GetParametersByPathInput) error {
	p := core.NewParams("GetParametersByPathInput")
	p.Require(in.Path == nil, "Path")
	p.Nested("ParameterFilters", stringFilterList(in.ParameterFilters))
	return p.Err()
}

func validateGetParameterHistoryInput(in *ssm.GetParameterHistoryInput) error {
	p := core.NewParams("GetParameterHistoryInput")
	p.Require(in.Name == nil, "Name")
	return p.Err()
}

func validateDescribeParametersInput(in *ssm.DescribeParametersInput) error {
	p := core.NewParams("DescribeParametersInput")
	if in.Filters != nil {
		l := core.NewParams("ParametersFilterList")
		for i, f := range in.Filters {
			e := core.NewParams("ParametersFilter")
			e.Require(len(f.Key) == 0, "Key")
			e.Require(f.Values == nil, "Values")
			l.Nested(fmt.Sprintf("[%d]", i), e)
		}
		p.Nested("Filters", l)
	}
	p.Nested("ParameterFilters", stringFilterList(in.ParameterFilters))
	return p.Err()
}

func validateDeleteParameterInput(in *ssm.DeleteParameterInput) error {
	p := core.NewParams("DeleteParameterInput")
	p.Require(in.Name == nil, "Name")
	return p.Err()
}

func validateDeleteParametersInput(in *ssm.DeleteParametersInput) error {
	p := core.NewParams("DeleteParametersInput")
	p.Require(in.Names == nil, "Names")
	return p.Err()
}

func validateLabelParameterVersionInput(in *ssm.LabelParameterVersionInput) error {
	p := core.NewParams("LabelParameterVersionInput")
	p.Require(in.Name == nil, "Name")
	p.Require(in.Labels == nil, "Labels")
	return p.Err()
}

func validateUnlabelParameterVersionInput(in *ssm.UnlabelParameterVersionInput) error {
	p := core.NewParams("UnlabelParameterVersionInput")
	p.Require(in.Name == nil, "Name")
	p.Require(in.ParameterVersion == nil, "ParameterVersion")
	p.Require(in.Labels == nil, "Labels")
	return p.Err()
}

func validateAddTagsToResourceInput(in *ssm.AddTagsToResourceInput) error {
	p := core.NewParams("AddTagsToResourceInput")
	p.Require(len(in.ResourceType) == 0, "ResourceType")
	p.Require(in.ResourceId == nil, "ResourceId")
	p.Require(in.Tags == nil, "Tags")
	p.Nested("Tags", tagList(in.Tags))
	return p.Err()
}

func validateRemoveTagsFromResourceInput(in *ssm.RemoveTagsFromResourceInput) error {
	p := core.NewParams("RemoveTagsFromResourceInput")
	p.Require(len(in.ResourceType) == 0, "ResourceType")
	p.Require(in.ResourceId == nil, "ResourceId")
	p.Require(in.TagKeys == nil, "TagKeys")
	return p.Err()
}

func validateListTagsForResourceInput(in *ssm.ListTagsForResourceInput) error {
	p := core.NewParams("ListTagsForResourceInput")
	p.Require(len(in.ResourceType) == 0, "ResourceType")
	p.Require(in.ResourceId == nil, "ResourceId")
	return p.Err()
}

// tagList is validateTagList: each tag needs Key and Value.
func tagList(tags []types.Tag) *core.Params {
	if tags == nil {
		return nil
	}
	l := core.NewParams("TagList")
	for i, t := range tags {
		e := core.NewParams("Tag")
		e.Require(t.Key == nil, "Key")
		e.Require(t.Value == nil, "Value")
		l.Nested(fmt.Sprintf("[%d]", i), e)
	}
	return l
}

// stringFilterList is validateParameterStringFilterList: each filter needs
// a Key.
func stringFilterList(fs []types.ParameterStringFilter) *core.Params {
	if fs == nil {
		return nil
	}
	l := core.NewParams("ParameterStringFilterList")
	for i, f := range fs {
		e := core.NewParams("ParameterStringFilter")
		e.Require(f.Key == nil, "Key")
		l.Nested(fmt.Sprintf("[%d]", i), e)
	}
	return l
}
func validatePutResourcePolicyInput(in *ssm.PutResourcePolicyInput) error {
	p := core.NewParams("PutResourcePolicyInput")
	p.Require(in.ResourceArn == nil, "ResourceArn")
	p.Require(in.Policy == nil, "Policy")
	return p.Err()
}

func validateGetResourcePoliciesInput(in *ssm.GetResourcePoliciesInput) error {
	p := core.NewParams("GetResourcePoliciesInput")
	p.Require(in.ResourceArn == nil, "ResourceArn")
	return p.Err()
}

func validateDeleteResourcePolicyInput(in *ssm.DeleteResourcePolicyInput) error {
	p := core.NewParams("DeleteResourcePolicyInput")
	p.Require(in.ResourceArn == nil, "ResourceArn")
	p.Require(in.PolicyId == nil, "PolicyId")
	p.Require(in.PolicyHash == nil, "PolicyHash")
	return p.Err()
}

func validateGetServiceSettingInput(in *ssm.GetServiceSettingInput) error {
	p := core.NewParams("GetServiceSettingInput")
	p.Require(in.SettingId == nil, "SettingId")
	return p.Err()
}

func validateUpdateServiceSettingInput(in *ssm.UpdateServiceSettingInput) error {
	p := core.NewParams("UpdateServiceSettingInput")
	p.Require(in.SettingId == nil, "SettingId")
	p.Require(in.SettingValue == nil, "SettingValue")
	return p.Err()
}

func validateResetServiceSettingInput(in *ssm.ResetServiceSettingInput) error {
	p := core.NewParams("ResetServiceSettingInput")
	p.Require(in.SettingId == nil, "SettingId")
	return p.Err()
}
