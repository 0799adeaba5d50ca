package reliability_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
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

// TestEmptyInputsFailAsTheSDKFailsThem: every declared operation called
// with an empty input fails in the fake client exactly as in the real SDK
// client, whose validation lists each missing required member; an
// operation that requires nothing must pass validation in both.
func TestEmptyInputsFailAsTheSDKFailsThem(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	direct, wire := newFakes(2), newWireFakes(2)
	clients := func(f fakes) map[string]reflect.Value {
		return map[string]reflect.Value{core.PrefixSSM: reflect.ValueOf(f.ssm), core.PrefixSM: reflect.ValueOf(f.sm)}
	}
	dc, wc := clients(direct), clients(wire)
	call := func(c map[string]reflect.Value, d core.Declaration) error {
		m := c[d.Op.Prefix()].MethodByName(d.Op.Name())
		if !m.IsValid() {
			t.Fatalf("no method %s", d.Op)
		}
		res := m.Call([]reflect.Value{reflect.ValueOf(ctx), reflect.New(d.Input)})
		err, _ := res[1].Interface().(error)
		return err
	}
	for _, d := range declarations() {
		de, we := call(dc, d), call(wc, d)
		// The SDK's validation error reads "N validation error(s) found.",
		// then one line per member.
		isValidation := func(err error) bool { return err != nil && strings.Contains(err.Error(), "validation error(s) found") }
		if isValidation(de) || isValidation(we) {
			if de == nil || we == nil || de.Error() != we.Error() {
				t.Errorf("%s with an empty input:\nfake client: %v\nSDK client:  %v", d.Op, de, we)
			}
		}
	}
}
