package ssmfake

import (
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
)

// Operations of Parameter Store, as the test controls of fakeaws.Store name
// them (faults, call log).
var (
	OpAddTagsToResource       = engine.NewOp(core.ServiceSSM, "AddTagsToResource", true)
	OpDeleteParameter         = engine.NewOp(core.ServiceSSM, "DeleteParameter", true)
	OpDeleteParameters        = engine.NewOp(core.ServiceSSM, "DeleteParameters", true)
	OpDescribeParameters      = engine.NewOp(core.ServiceSSM, "DescribeParameters", false)
	OpGetParameter            = engine.NewOp(core.ServiceSSM, "GetParameter", false)
	OpGetParameterHistory     = engine.NewOp(core.ServiceSSM, "GetParameterHistory", false)
	OpGetParameters           = engine.NewOp(core.ServiceSSM, "GetParameters", false)
	OpGetParametersByPath     = engine.NewOp(core.ServiceSSM, "GetParametersByPath", false)
	OpLabelParameterVersion   = engine.NewOp(core.ServiceSSM, "LabelParameterVersion", true)
	OpListTagsForResource     = engine.NewOp(core.ServiceSSM, "ListTagsForResource", false)
	OpPutParameter            = engine.NewOp(core.ServiceSSM, "PutParameter", true)
	OpRemoveTagsFromResource  = engine.NewOp(core.ServiceSSM, "RemoveTagsFromResource", true)
	OpUnlabelParameterVersion = engine.NewOp(core.ServiceSSM, "UnlabelParameterVersion", true)
	OpGetServiceSetting       = engine.NewOp(core.ServiceSSM, "GetServiceSetting", false)
	OpUpdateServiceSetting    = engine.NewOp(core.ServiceSSM, "UpdateServiceSetting", true)
	OpResetServiceSetting     = engine.NewOp(core.ServiceSSM, "ResetServiceSetting", true)
	OpPutResourcePolicy       = engine.NewOp(core.ServiceSSM, "PutResourcePolicy", true)
	OpGetResourcePolicies     = engine.NewOp(core.ServiceSSM, "GetResourcePolicies", false)
	OpDeleteResourcePolicy    = engine.NewOp(core.ServiceSSM, "DeleteResourcePolicy", true)
)
