package ssmfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
)

// GetServiceSetting returns one of the Parameter Store service settings,
// /ssm/parameter-store/default-parameter-tier (Standard, Advanced or
// Intelligent-Tiering) and /ssm/parameter-store/high-throughput-enabled (true
// or false), given by path or full ARN, with Status Default or Customized.
// Other settings get ServiceSettingNotFound.
func (c *Client) GetServiceSetting(ctx context.Context, in *ssm.GetServiceSettingInput, _ ...func(*ssm.Options)) (*ssm.GetServiceSettingOutput, error) {
	return engine.Do(ctx, c.e, OpGetServiceSetting, c.p, c.p.SSM, in, validateGetServiceSettingInput, (*paramstore.State).GetServiceSetting)
}

// UpdateServiceSetting changes a Parameter Store service setting; a value the
// setting does not take gets ValidationException. The default tier applies
// to PutParameter calls that give no Tier.
func (c *Client) UpdateServiceSetting(ctx context.Context, in *ssm.UpdateServiceSettingInput, _ ...func(*ssm.Options)) (*ssm.UpdateServiceSettingOutput, error) {
	return engine.Do(ctx, c.e, OpUpdateServiceSetting, c.p, c.p.SSM, in, validateUpdateServiceSettingInput, (*paramstore.State).UpdateServiceSetting)
}

// ResetServiceSetting puts a Parameter Store service setting back to its
// default and returns it.
func (c *Client) ResetServiceSetting(ctx context.Context, in *ssm.ResetServiceSettingInput, _ ...func(*ssm.Options)) (*ssm.ResetServiceSettingOutput, error) {
	return engine.Do(ctx, c.e, OpResetServiceSetting, c.p, c.p.SSM, in, validateResetServiceSettingInput, (*paramstore.State).ResetServiceSetting)
}

// The SDK's client-side checks (validators.go, service/ssm@v1.83.0).

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
