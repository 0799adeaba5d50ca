package endpoint

import (
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws"
)

func serialize(v smithy.Serializable) string {
	w := &jsonWriter{}
	v.Serialize(w)
	return string(w.buf)
}

// Members AWS sends at their zero value are on the wire, where the SDK's
// Serialize leaves them out: Parameter's Version 0 on the bridge (recorded in
// 2018 and 2021, docs/aws-behaviour.md §1.1) and ValidateResourcePolicy's
// PolicyValidationPassed false (API: ValidateResourcePolicy, "True if your
// policy passes validation, otherwise false").
func TestSentAtZero(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		in   smithy.Serializable
		want string
	}{
		{"GetParameter, Version 0", &ssm.GetParameterOutput{Parameter: &ssmtypes.Parameter{Name: aws.String("/n"), Type: ssmtypes.ParameterTypeSecureString}},
			`{"Parameter":{"Name":"/n","Type":"SecureString","Version":0}}`},
		{"GetParameter, Version 3 once", &ssm.GetParameterOutput{Parameter: &ssmtypes.Parameter{Name: aws.String("/n"), Version: 3}},
			`{"Parameter":{"Name":"/n","Version":3}}`},
		{"GetParameters, in a list", &ssm.GetParametersOutput{Parameters: []ssmtypes.Parameter{{Name: aws.String("/a")}, {Name: aws.String("/b"), Version: 2}}, InvalidParameters: []string{}},
			`{"InvalidParameters":[],"Parameters":[{"Name":"/a","Version":0},{"Name":"/b","Version":2}]}`},
		{"no parameter", &ssm.GetParameterOutput{}, `{}`},
		{"ValidateResourcePolicy, false", &secretsmanager.ValidateResourcePolicyOutput{}, `{"PolicyValidationPassed":false}`},
		{"ValidateResourcePolicy, true", &secretsmanager.ValidateResourcePolicyOutput{PolicyValidationPassed: true}, `{"PolicyValidationPassed":true}`},
	} {
		if diff := cmp.Diff(tc.want, serialize(tc.in)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
}

// neverZero are the non-pointer members of the served operations' outputs
// whose value is never zero in AWS's answers, so that leaving a zero out
// cannot differ from AWS.
var neverZero = map[string]string{
	"ParameterMetadata.Version":                    "versions start at 1 (docs/aws-behaviour.md §2.3)",
	"ParameterHistory.Version":                     "versions start at 1",
	"LabelParameterVersionOutput.ParameterVersion": "versions start at 1",
	"PutParameterOutput.Version":                   "versions start at 1",
}

// Every non-pointer number or boolean in the output of an operation the
// endpoint serves is either sent at zero (sentAtZero) or never zero
// (neverZero): a new one fails here until someone decides which.
func TestZeroMembersClassified(t *testing.T) {
	t.Parallel()
	h := newHandler(fakeaws.New())
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		var zeroBody string
		for i := range typ.NumField() {
			f := typ.Field(i)
			if !f.IsExported() || f.Name == "ResultMetadata" {
				continue
			}
			switch f.Type.Kind() {
			case reflect.Bool, reflect.Int, reflect.Int32, reflect.Int64, reflect.Float32, reflect.Float64:
				name := typ.Name() + "." + f.Name
				if _, ok := neverZero[name]; ok {
					continue
				}
				if zeroBody == "" {
					s, ok := reflect.New(typ).Interface().(smithy.Serializable)
					if !ok {
						t.Errorf("%s: not serializable", typ)
						return
					}
					zeroBody = serialize(s)
				}
				if !strings.Contains(zeroBody, `"`+f.Name+`":`) {
					t.Errorf("%s at zero is left off the wire (%s): list it in sentAtZero if AWS sends it, or in neverZero with the reason", name, zeroBody)
				}
			default:
				walk(f.Type)
			}
		}
	}
	for _, svc := range []*service{h.ssm, h.sm} {
		for _, op := range svc.ops {
			walk(op.output)
		}
	}
}
