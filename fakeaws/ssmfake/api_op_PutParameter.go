package ssmfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
)

// PutParameter creates a parameter (version 1) or, with Overwrite, its next version, inheriting
// the fields left out. It checks names (characters, depth, length with the ARN prefix, reserved
// aws/ssm prefixes), types, data types, tier limits (Standard 4096, Advanced 8192 characters;
// Intelligent-Tiering resolved by size; no Advanced→Standard), AllowedPattern, and the
// 100-version limit, with AWS's errors, before anything changes.
func (c *Client) PutParameter(ctx context.Context, in *ssm.PutParameterInput, _ ...func(*ssm.Options)) (*ssm.PutParameterOutput, error) {
	return engine.DoInto(ctx, c.e, OpPutParameter, c.p, c.p.SSM, in, validatePutParameterInput, paramstore.NewPutAnswer, (*paramstore.State).PutParameterInto)
}
