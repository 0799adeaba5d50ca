package reliability_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
)

// TestClientSideValidationAgrees: inputs missing a required member deep in
// a list (a filter's Key or Values, a tag's Key or Value) fail in the fake
// client exactly as the real SDK client's validation fails them, before
// anything is sent: the same error text.
func TestClientSideValidationAgrees(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	direct, wire := newFakes(1), newWireFakes(1)
	calls := map[string]func(f fakes) error{
		"DescribeParameters Filters without Key": func(f fakes) error {
			_, err := f.ssm.DescribeParameters(ctx, &ssm.DescribeParametersInput{Filters: []ssmtypes.ParametersFilter{{Values: []string{"x"}}}})
			return err
		},
		"DescribeParameters Filters without Values": func(f fakes) error {
			_, err := f.ssm.DescribeParameters(ctx, &ssm.DescribeParametersInput{Filters: []ssmtypes.ParametersFilter{{Key: ssmtypes.ParametersFilterKeyName}}})
			return err
		},
		"DescribeParameters ParameterFilters without Key": func(f fakes) error {
			_, err := f.ssm.DescribeParameters(ctx, &ssm.DescribeParametersInput{ParameterFilters: []ssmtypes.ParameterStringFilter{{Values: []string{"x"}}}})
			return err
		},
		"GetParametersByPath ParameterFilters without Key": func(f fakes) error {
			_, err := f.ssm.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/"), ParameterFilters: []ssmtypes.ParameterStringFilter{{}}})
			return err
		},
		"PutParameter tag without Value": func(f fakes) error {
			_, err := f.ssm.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/p"), Value: aws.String("v"), Tags: []ssmtypes.Tag{{Key: aws.String("k")}}})
			return err
		},
		"ReplicateSecretToRegions replica without Region": func(f fakes) error {
			_, err := f.sm.ReplicateSecretToRegions(ctx, &secretsmanager.ReplicateSecretToRegionsInput{SecretId: aws.String("s"), AddReplicaRegions: []smtypes.ReplicaRegionType{{}}})
			return err
		},
	}
	for name, call := range calls {
		d, w := call(direct), call(wire)
		if d == nil || w == nil {
			t.Errorf("%s: fake client %v, SDK client %v; want both to fail", name, d, w)
			continue
		}
		if d.Error() != w.Error() {
			t.Errorf("%s:\nfake client: %v\nSDK client:  %v", name, d, w)
		}
	}
}
