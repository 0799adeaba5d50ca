package ssmfake_test

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/smithy-go"
)

// The client-side required-field checks of the operations beyond the core
// thirteen, as the SDK's validators.go (service/ssm@v1.83.0) makes them.
func TestRequiredFieldsMore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	cases := []struct {
		name string
		call func() error
		want string
	}{
		{"GetServiceSetting without SettingId (validators.go)", func() error { _, err := c.GetServiceSetting(ctx, nil); return err },
			"operation error SSM: GetServiceSetting, 1 validation error(s) found.\n- missing required field, GetServiceSettingInput.SettingId.\n"},
		{"UpdateServiceSetting without SettingId and SettingValue (validators.go)", func() error {
			_, err := c.UpdateServiceSetting(ctx, &ssm.UpdateServiceSettingInput{})
			return err
		}, "operation error SSM: UpdateServiceSetting, 2 validation error(s) found.\n- missing required field, UpdateServiceSettingInput.SettingId.\n- missing required field, UpdateServiceSettingInput.SettingValue.\n"},
		{"ResetServiceSetting without SettingId (validators.go)", func() error { _, err := c.ResetServiceSetting(ctx, nil); return err },
			"operation error SSM: ResetServiceSetting, 1 validation error(s) found.\n- missing required field, ResetServiceSettingInput.SettingId.\n"},
		{"PutResourcePolicy without ResourceArn and Policy (validators.go)", func() error { _, err := c.PutResourcePolicy(ctx, nil); return err },
			"operation error SSM: PutResourcePolicy, 2 validation error(s) found.\n- missing required field, PutResourcePolicyInput.ResourceArn.\n- missing required field, PutResourcePolicyInput.Policy.\n"},
		{"GetResourcePolicies without ResourceArn (validators.go)", func() error { _, err := c.GetResourcePolicies(ctx, nil); return err },
			"operation error SSM: GetResourcePolicies, 1 validation error(s) found.\n- missing required field, GetResourcePoliciesInput.ResourceArn.\n"},
		{"DeleteResourcePolicy without its three fields (validators.go)", func() error { _, err := c.DeleteResourcePolicy(ctx, nil); return err },
			"operation error SSM: DeleteResourcePolicy, 3 validation error(s) found.\n- missing required field, DeleteResourcePolicyInput.ResourceArn.\n- missing required field, DeleteResourcePolicyInput.PolicyId.\n- missing required field, DeleteResourcePolicyInput.PolicyHash.\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := tc.call()
			var ipe smithy.InvalidParamsError
			if !errors.As(err, &ipe) {
				t.Fatalf("got %v, want smithy.InvalidParamsError", err)
			}
			if err.Error() != tc.want {
				t.Errorf("error = %q, want %q", err.Error(), tc.want)
			}
		})
	}
}
