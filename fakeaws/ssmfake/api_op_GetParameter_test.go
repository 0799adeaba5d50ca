package ssmfake_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// getSetup is the state the GetParameter cases read: /app/host at versions
// 1 (labelled "stable") and 2, a SecureString, a single-level name stored
// with its slash, and a StringList.
func getSetup(t *testing.T) *ssmfake.Client {
	t.Helper()
	c, clk := newClient(t)
	put(t, c, str("/app/host", "db1"))
	clk.Advance(61e9)
	put(t, c, over("/app/host", "db2"),
		&ssm.PutParameterInput{Name: aws.String("/app/pw"), Value: aws.String("s3cret"), Type: types.ParameterTypeSecureString},
		&ssm.PutParameterInput{Name: aws.String("/app/pw2"), Value: aws.String("s3cret"), Type: types.ParameterTypeSecureString, KeyId: aws.String("alias/mine")},
		str("/Top", "t"),
		&ssm.PutParameterInput{Name: aws.String("/app/list"), Value: aws.String("a,b"), Type: types.ParameterTypeStringList},
	)
	if _, err := c.LabelParameterVersion(context.Background(), &ssm.LabelParameterVersionInput{
		Name: aws.String("/app/host"), ParameterVersion: aws.Int64(1), Labels: []string{"stable"}}); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestGetParameter(t *testing.T) {
	t.Parallel()
	t1 := t0.Add(61e9)
	host := func(v int64, value string, sel *string) *types.Parameter {
		at := t0
		if v == 2 {
			at = t1
		}
		return &types.Parameter{Name: aws.String("/app/host"), Type: types.ParameterTypeString, Value: aws.String(value), Version: v,
			Selector: sel, LastModifiedDate: aws.Time(at), ARN: arn("/app/host"), DataType: aws.String("text")}
	}
	cases := []struct {
		name    string
		in      *ssm.GetParameterInput
		want    *types.Parameter
		wantErr error
	}{
		{name: "latest version (D)", in: &ssm.GetParameterInput{Name: aws.String("/app/host")}, want: host(2, "db2", nil)},
		{name: "name:N picks version N, Selector answered (docs/aws-behaviour.md §2.4, D)", in: &ssm.GetParameterInput{Name: aws.String("/app/host:1")}, want: host(1, "db1", aws.String(":1"))},
		{name: "name:label picks the labelled version (docs/aws-behaviour.md §2.4, D)", in: &ssm.GetParameterInput{Name: aws.String("/app/host:stable")}, want: host(1, "db1", aws.String(":stable"))},
		{name: "the ARN stands for the name (docs/aws-behaviour.md §2.2, D)", in: &ssm.GetParameterInput{Name: arn("/app/host")}, want: host(2, "db2", nil)},
		{name: "an ARN with a selector (docs/aws-behaviour.md §2.2 and 2.4)", in: &ssm.GetParameterInput{Name: aws.String(*arn("/app/host") + ":1")}, want: host(1, "db1", aws.String(":1"))},
		{
			name: "single-level name without its slash finds /Top, Name as stored (docs/aws-behaviour.md §2.2, MV)", in: &ssm.GetParameterInput{Name: aws.String("Top")},
			want: &types.Parameter{Name: aws.String("/Top"), Type: types.ParameterTypeString, Value: aws.String("t"), Version: 1, LastModifiedDate: aws.Time(t1), ARN: arn("/Top"), DataType: aws.String("text")},
		},
		{
			name: "single-level ARN (docs/aws-behaviour.md §2.2)", in: &ssm.GetParameterInput{Name: arn("Top")},
			want: &types.Parameter{Name: aws.String("/Top"), Type: types.ParameterTypeString, Value: aws.String("t"), Version: 1, LastModifiedDate: aws.Time(t1), ARN: arn("/Top"), DataType: aws.String("text")},
		},
		{
			name: "SecureString with WithDecryption: the plaintext (D)", in: &ssm.GetParameterInput{Name: aws.String("/app/pw"), WithDecryption: aws.Bool(true)},
			want: &types.Parameter{Name: aws.String("/app/pw"), Type: types.ParameterTypeSecureString, Value: aws.String("s3cret"), Version: 1, LastModifiedDate: aws.Time(t1), ARN: arn("/app/pw"), DataType: aws.String("text")},
		},
		{
			name: "WithDecryption does nothing to a StringList (docs/aws-behaviour.md §2.4, D)", in: &ssm.GetParameterInput{Name: aws.String("/app/list"), WithDecryption: aws.Bool(true)},
			want: &types.Parameter{Name: aws.String("/app/list"), Type: types.ParameterTypeStringList, Value: aws.String("a,b"), Version: 1, LastModifiedDate: aws.Time(t1), ARN: arn("/app/list"), DataType: aws.String("text")},
		},
		{name: "missing parameter: no message (O, conformance)", in: &ssm.GetParameterInput{Name: aws.String("/nope")}, wantErr: notFound()},
		{name: "missing base with a selector (docs/aws-behaviour.md §2.4, M)", in: &ssm.GetParameterInput{Name: aws.String("/nope:2")}, wantErr: notFound()},
		{name: "two colons (docs/aws-behaviour.md §2.4, M)", in: &ssm.GetParameterInput{Name: aws.String("/app/host:2:3")}, wantErr: notFound()},
		{name: "missing label (docs/aws-behaviour.md §2.4, M)", in: &ssm.GetParameterInput{Name: aws.String("/app/host:nolabel")}, wantErr: notFound()},
		{name: "an ARN of another region (U)", in: &ssm.GetParameterInput{Name: aws.String("arn:aws:ssm:us-east-1:123456789012:parameter/app/host")}, wantErr: notFound()},
		{
			name: "missing version (docs/aws-behaviour.md §2.4, M from AWS)", in: &ssm.GetParameterInput{Name: aws.String("/app/host:7")},
			wantErr: &types.ParameterVersionNotFound{Message: aws.String("Systems Manager could not find version 7 of /app/host. Verify the version and try again.")},
		},
		{name: "bad characters (O: localstack #7712 shows AWS's answer)", in: &ssm.GetParameterInput{Name: aws.String("{test}-test")}, wantErr: validation(badName)},
	}
	c := getSetup(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := c.GetParameter(context.Background(), tc.in)
			checkErr(t, err, tc.wantErr)
			if tc.wantErr != nil {
				return
			}
			if diff := cmp.Diff(tc.want, got.Parameter, cmpOpts...); diff != "" {
				t.Errorf("GetParameter mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSecureStringCiphertext(t *testing.T) {
	t.Parallel()
	c := getSetup(t)
	get := func(name string) string {
		t.Helper()
		g, err := c.GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String(name)})
		if err != nil {
			t.Fatal(err)
		}
		return *g.Parameter.Value
	}
	a, b, other := get("/app/pw"), get("/app/pw"), get("/app/pw2")
	if a == "s3cret" || a == "" {
		t.Errorf("without WithDecryption the value is %q; want an opaque ciphertext (docs/aws-behaviour.md §2.3, D)", a)
	}
	if a != b {
		t.Errorf("ciphertext not deterministic: %q then %q", a, b)
	}
	if a == other {
		t.Errorf("same ciphertext %q under alias/aws/ssm and alias/mine; want it to depend on the key", a)
	}
	h, err := c.DescribeParameters(context.Background(), &ssm.DescribeParametersInput{
		ParameterFilters: []types.ParameterStringFilter{{Key: aws.String("Name"), Values: []string{"/app/pw"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Parameters) != 1 || aws.ToString(h.Parameters[0].KeyId) != "alias/aws/ssm" {
		t.Errorf("KeyId = %v, want alias/aws/ssm by default (docs/aws-behaviour.md §2.3, M)", h.Parameters)
	}
}

func TestGetParameters(t *testing.T) {
	t.Parallel()
	t1 := t0.Add(61e9)
	c := getSetup(t)
	names := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = "/p" + string(rune('a'+i))
		}
		return out
	}
	cases := []struct {
		name    string
		in      *ssm.GetParametersInput
		want    *ssm.GetParametersOutput
		wantErr error
	}{
		{
			name: "found ones in alphabetical order (D: GetParametersInput.Names), duplicates once, missing ones in InvalidParameters as asked (docs/aws-behaviour.md §2.4, M)",
			in:   &ssm.GetParametersInput{Names: []string{"/nope", "/app/list", "/app/host:1", "/app/list", "/app/host:9", "/app/host:x"}},
			want: &ssm.GetParametersOutput{
				Parameters: []types.Parameter{
					{Name: aws.String("/app/host"), Type: types.ParameterTypeString, Value: aws.String("db1"), Version: 1, Selector: aws.String(":1"), LastModifiedDate: aws.Time(t0), ARN: arn("/app/host"), DataType: aws.String("text")},
					{Name: aws.String("/app/list"), Type: types.ParameterTypeStringList, Value: aws.String("a,b"), Version: 1, LastModifiedDate: aws.Time(t1), ARN: arn("/app/list"), DataType: aws.String("text")},
				},
				InvalidParameters: []string{"/nope", "/app/host:9", "/app/host:x"},
			},
		},
		{
			name: "alphabetical by Name; equal names keep the order asked (D)",
			in:   &ssm.GetParametersInput{Names: []string{"/app/host", "/app/host:1", "/app/list"}},
			want: &ssm.GetParametersOutput{Parameters: []types.Parameter{
				{Name: aws.String("/app/host"), Type: types.ParameterTypeString, Value: aws.String("db2"), Version: 2, LastModifiedDate: aws.Time(t1), ARN: arn("/app/host"), DataType: aws.String("text")},
				{Name: aws.String("/app/host"), Type: types.ParameterTypeString, Value: aws.String("db1"), Version: 1, Selector: aws.String(":1"), LastModifiedDate: aws.Time(t0), ARN: arn("/app/host"), DataType: aws.String("text")},
				{Name: aws.String("/app/list"), Type: types.ParameterTypeStringList, Value: aws.String("a,b"), Version: 1, LastModifiedDate: aws.Time(t1), ARN: arn("/app/list"), DataType: aws.String("text")},
			}},
		},
		{
			name: "by ARN (docs/aws-behaviour.md §2.2, D; moto #9396 gets it wrong)",
			in:   &ssm.GetParametersInput{Names: []string{*arn("/app/list")}},
			want: &ssm.GetParametersOutput{Parameters: []types.Parameter{
				{Name: aws.String("/app/list"), Type: types.ParameterTypeStringList, Value: aws.String("a,b"), Version: 1, LastModifiedDate: aws.Time(t1), ARN: arn("/app/list"), DataType: aws.String("text")},
			}},
		},
		{
			name:    "more than 10 names (docs/aws-behaviour.md §2.4, M)",
			in:      &ssm.GetParametersInput{Names: names(11)},
			wantErr: validation("1 validation error detected: Value '[/pa, /pb, /pc, /pd, /pe, /pf, /pg, /ph, /pi, /pj, /pk]' at 'names' failed to satisfy constraint: Member must have length less than or equal to 10."),
		},
		{
			name:    "no names (D: 1–10)",
			in:      &ssm.GetParametersInput{Names: []string{}},
			wantErr: validation("1 validation error detected: Value '[]' at 'names' failed to satisfy constraint: Member must have length greater than or equal to 1."),
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := c.GetParameters(context.Background(), tc.in)
			checkErr(t, err, tc.wantErr)
			if tc.wantErr != nil {
				return
			}
			if diff := cmp.Diff(tc.want, got, append(cmpOpts, cmpEmpty)...); diff != "" {
				t.Errorf("GetParameters mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
