package ssmfake

import "github.com/fakeaws/fakeaws-go/fakeaws"

// Operations of Parameter Store, as the test controls of fakeaws.Store name
// them (faults, call log). Each is its IAM action.
const (
	OpAddTagsToResource       fakeaws.Op = "ssm:AddTagsToResource"
	OpDeleteParameter         fakeaws.Op = "ssm:DeleteParameter"
	OpDeleteParameters        fakeaws.Op = "ssm:DeleteParameters"
	OpDeleteResourcePolicy    fakeaws.Op = "ssm:DeleteResourcePolicy"
	OpDescribeParameters      fakeaws.Op = "ssm:DescribeParameters"
	OpGetParameter            fakeaws.Op = "ssm:GetParameter"
	OpGetParameterHistory     fakeaws.Op = "ssm:GetParameterHistory"
	OpGetParameters           fakeaws.Op = "ssm:GetParameters"
	OpGetParametersByPath     fakeaws.Op = "ssm:GetParametersByPath"
	OpGetResourcePolicies     fakeaws.Op = "ssm:GetResourcePolicies"
	OpGetServiceSetting       fakeaws.Op = "ssm:GetServiceSetting"
	OpLabelParameterVersion   fakeaws.Op = "ssm:LabelParameterVersion"
	OpListTagsForResource     fakeaws.Op = "ssm:ListTagsForResource"
	OpPutParameter            fakeaws.Op = "ssm:PutParameter"
	OpPutResourcePolicy       fakeaws.Op = "ssm:PutResourcePolicy"
	OpRemoveTagsFromResource  fakeaws.Op = "ssm:RemoveTagsFromResource"
	OpResetServiceSetting     fakeaws.Op = "ssm:ResetServiceSetting"
	OpUnlabelParameterVersion fakeaws.Op = "ssm:UnlabelParameterVersion"
	OpUpdateServiceSetting    fakeaws.Op = "ssm:UpdateServiceSetting"
)
