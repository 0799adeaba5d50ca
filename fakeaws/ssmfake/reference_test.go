package ssmfake_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// The reference scenario (docs/article-scenario.md: real AWS CLI output).
const (
	refARN   = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ"
	refName  = "prod/App/Mysql"
	refV1    = "98a55589-b075-47fb-bae9-df4f289527b9"
	refV2    = "f66c87f8-384b-445b-bd93-5edac5d72705"
	refParam = "/aws/reference/secretsmanager/prod/App/Mysql"

	// SourceResult byte for byte: the first as the article prints it, the
	// others as jq printed them, compacted, keys in AWS's order.
	refSourceV1Current = `{"ARN":"arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ","name":"prod/App/Mysql","versionId":"98a55589-b075-47fb-bae9-df4f289527b9","secretString":"{\"key\":\"val\"}","versionStages":["AWSCURRENT"],"createdDate":"Jul 28, 2018 11:09:49 AM"}`
	refSourceV2Current = `{"ARN":"arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ","name":"prod/App/Mysql","versionId":"f66c87f8-384b-445b-bd93-5edac5d72705","secretString":"{\"foo\":\"bar\"}","versionStages":["AWSCURRENT"],"createdDate":"Jul 28, 2018 11:18:57 AM"}`
	refSourceV1Prev    = `{"ARN":"arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ","name":"prod/App/Mysql","versionId":"98a55589-b075-47fb-bae9-df4f289527b9","secretString":"{\"key\":\"val\"}","versionStages":["AWSPREVIOUS"],"createdDate":"Jul 28, 2018 11:09:49 AM"}`
	refSourceV1ByID    = `{"ARN":"arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ","name":"prod/App/Mysql","versionId":"98a55589-b075-47fb-bae9-df4f289527b9","secretString":"{\"key\":\"val\"}","createdDate":"Jul 28, 2018 11:09:49 AM"}`
)

var (
	refCreated = time.Date(2018, 7, 28, 11, 9, 49, 618e6, time.UTC)
	refUpdated = time.Date(2018, 7, 28, 11, 18, 57, 955e6, time.UTC)
)

// refClients returns the two clients of the scenario's Store (eu-central-1,
// ARN suffix XYZ, clock at the create-secret time) and its clock.
func refClients(t *testing.T) (*ssmfake.Client, *smfake.Client, *clock.Fake) {
	t.Helper()
	clk := clock.NewFake(refCreated)
	st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithRegion("eu-central-1"), fakeaws.WithAccount("123456789012"),
		fakeaws.WithARNSuffixes("XYZ"), fakeaws.WithSourceResultDate(fakeaws.SourceResultDate2018))
	return ssmfake.New(st), smfake.New(st), clk
}

// TestReferenceScenario replays steps 2 and 3 of the article, every field,
// SourceResult byte for byte.
func TestReferenceScenario(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ssmc, smc, clk := refClients(t)
	if _, err := smc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(refName),
		SecretString: aws.String(`{"key":"val"}`), ClientRequestToken: aws.String(refV1)}); err != nil {
		t.Fatal(err)
	}

	// Step 2.
	d, err := ssmc.DescribeParameters(ctx, &ssm.DescribeParametersInput{})
	if err != nil || len(d.Parameters) != 0 {
		t.Errorf("DescribeParameters = %v, %v; want no parameters (S)", d, err)
	}
	get := func(name string, decrypt bool) (*types.Parameter, error) {
		out, err := ssmc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name), WithDecryption: aws.Bool(decrypt)})
		if err != nil {
			return nil, err
		}
		return out.Parameter, nil
	}
	step := func(name, sel string, want *types.Parameter) {
		t.Helper()
		got, err := get(name+sel, true)
		if err != nil {
			t.Fatalf("GetParameter(%s): %v", name+sel, err)
		}
		if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
			t.Errorf("GetParameter(%s) mismatch (-want +got):\n%s", name+sel, diff)
		}
	}
	step(refParam, "", &types.Parameter{Name: aws.String(refParam), Type: types.ParameterTypeSecureString,
		Value: aws.String(`{"key":"val"}`), Version: 0, SourceResult: aws.String(refSourceV1Current),
		LastModifiedDate: aws.Time(refCreated), ARN: aws.String(refARN)})
	_, err = get(refParam, false)
	checkErr(t, err, validation("WithDecryption flag must be True for retrieving a Secret Manager secret."))

	// Step 3.
	clk.Set(refUpdated)
	if _, err := smc.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: aws.String(refName),
		SecretString: aws.String(`{"foo":"bar"}`), ClientRequestToken: aws.String(refV2)}); err != nil {
		t.Fatal(err)
	}
	step(refParam, ":AWSCURRENT", &types.Parameter{Name: aws.String(refParam), Type: types.ParameterTypeSecureString,
		Value: aws.String(`{"foo":"bar"}`), Version: 0, Selector: aws.String(":AWSCURRENT"), SourceResult: aws.String(refSourceV2Current),
		LastModifiedDate: aws.Time(refUpdated), ARN: aws.String(refARN)})
	step(refParam, ":AWSPREVIOUS", &types.Parameter{Name: aws.String(refParam), Type: types.ParameterTypeSecureString,
		Value: aws.String(`{"key":"val"}`), Version: 0, Selector: aws.String(":AWSPREVIOUS"), SourceResult: aws.String(refSourceV1Prev),
		LastModifiedDate: aws.Time(refCreated), ARN: aws.String(refARN)})
	step(refParam, ":"+refV1, &types.Parameter{Name: aws.String(refParam), Type: types.ParameterTypeSecureString,
		Value: aws.String(`{"key":"val"}`), Version: 0, Selector: aws.String(":" + refV1), SourceResult: aws.String(refSourceV1ByID),
		LastModifiedDate: aws.Time(refCreated), ARN: aws.String(refARN)})
	step(refParam, "", &types.Parameter{Name: aws.String(refParam), Type: types.ParameterTypeSecureString,
		Value: aws.String(`{"foo":"bar"}`), Version: 0, SourceResult: aws.String(refSourceV2Current),
		LastModifiedDate: aws.Time(refUpdated), ARN: aws.String(refARN)})
}

// TestReferenceRules covers the bridge's errors and the operations that do
// not resolve references (docs/aws-behaviour.md §1.1).
func TestReferenceRules(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ssmc, smc, _ := refClients(t)
	if _, err := smc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(refName),
		SecretString: aws.String(`{"key":"val"}`), ClientRequestToken: aws.String(refV1)}); err != nil {
		t.Fatal(err)
	}
	if _, err := smc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("bin"),
		SecretBinary: []byte{0, 1, 2}, ClientRequestToken: aws.String("bbbbbbbb-0000-4000-8000-000000000001")}); err != nil {
		t.Fatal(err)
	}
	put(t, ssmc, str("/plain", "p"))
	refNotFound := func(text string) error {
		return &types.ParameterNotFound{Message: aws.String("An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret " + text + " not found.")}
	}
	cases := []struct {
		name    string
		call    func() (any, error)
		want    any
		wantErr error
	}{
		{
			name: "WithDecryption is checked before the lookup (docs/aws-behaviour.md §1.1, S and M)",
			call: func() (any, error) {
				return ssmc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/aws/reference/secretsmanager/none")})
			},
			wantErr: validation("WithDecryption flag must be True for retrieving a Secret Manager secret."),
		},
		{
			name: "missing secret: slash stripped, null appended (docs/aws-behaviour.md §1.1, O: one real observation)",
			call: func() (any, error) {
				return ssmc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/aws/reference/secretsmanager/shared-secret-alpha"), WithDecryption: aws.Bool(true)})
			},
			wantErr: refNotFound("aws/reference/secretsmanager/shared-secret-alphanull"),
		},
		{
			name: "missing stage: the selector text appended (docs/aws-behaviour.md §1.1, O form, U)",
			call: func() (any, error) {
				return ssmc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(refParam + ":AWSPENDING"), WithDecryption: aws.Bool(true)})
			},
			wantErr: refNotFound("aws/reference/secretsmanager/prod/App/MysqlAWSPENDING"),
		},
		{
			name: "empty selector (docs/aws-behaviour.md §1.1, U)",
			call: func() (any, error) {
				return ssmc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(refParam + ":"), WithDecryption: aws.Bool(true)})
			},
			wantErr: validation("Invalid parameter name. Please use correct syntax for referencing a version/label <name>:<version/label>"),
		},
		{
			name: "a SecretBinary secret answers without Value and does not crash (docs/aws-behaviour.md §1.1, U)",
			call: func() (any, error) {
				out, err := ssmc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/aws/reference/secretsmanager/bin"), WithDecryption: aws.Bool(true)})
				if err != nil {
					return nil, err
				}
				return out.Parameter.Value, nil
			},
			want: (*string)(nil),
		},
		{
			name: "GetParameters: WithDecryption checked for the whole call (docs/aws-behaviour.md §1.1)",
			call: func() (any, error) {
				return ssmc.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{"/plain", refParam}})
			},
			wantErr: validation("WithDecryption flag must be True for retrieving a Secret Manager secret."),
		},
		{
			name: "GetParameters: found references listed, missing ones in InvalidParameters (docs/aws-behaviour.md §1.1, U)",
			call: func() (any, error) {
				out, err := ssmc.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{refParam + ":AWSCURRENT", "/aws/reference/secretsmanager/none", "/plain"}, WithDecryption: aws.Bool(true)})
				if err != nil {
					return nil, err
				}
				var names []string
				for _, p := range out.Parameters {
					names = append(names, *p.Name+aws.ToString(p.Selector))
				}
				return [][]string{names, out.InvalidParameters}, nil
			},
			want: [][]string{{refParam + ":AWSCURRENT", "/plain"}, {"/aws/reference/secretsmanager/none"}},
		},
		{
			name: "history of a reference: ParameterNotFound (docs/aws-behaviour.md §1.1, D)",
			call: func() (any, error) {
				return ssmc.GetParameterHistory(ctx, &ssm.GetParameterHistoryInput{Name: aws.String(refParam)})
			},
			wantErr: &types.ParameterNotFound{Message: aws.String("Parameter " + refParam + " not found.")},
		},
		{
			name: "label a reference: ParameterNotFound (docs/aws-behaviour.md §1.1, D)",
			call: func() (any, error) {
				return ssmc.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String(refParam), Labels: []string{"x"}})
			},
			wantErr: &types.ParameterNotFound{Message: aws.String("Parameter " + refParam + " not found.")},
		},
		{
			name: "delete a reference: ParameterNotFound (docs/aws-behaviour.md §1.1, M)",
			call: func() (any, error) {
				return ssmc.DeleteParameter(ctx, &ssm.DeleteParameterInput{Name: aws.String(refParam)})
			},
			wantErr: notFound(),
		},
		{
			name: "put a reference: reserved name (docs/aws-behaviour.md §1.1 and 2.8, M)",
			call: func() (any, error) {
				return ssmc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(refParam), Value: aws.String("x"), Type: types.ParameterTypeString, Overwrite: aws.Bool(true)})
			},
			wantErr: &types.AccessDeniedException{Message: aws.String("No access to reserved parameter name: " + refParam + ".")},
		},
		{
			name: "by path never lists references (S)",
			call: func() (any, error) {
				out, err := ssmc.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/aws/reference/secretsmanager"), Recursive: aws.Bool(true), WithDecryption: aws.Bool(true)})
				if err != nil {
					return nil, err
				}
				return len(out.Parameters), nil
			},
			want: 0,
		},
		{
			name: "/aws paths may not be described (docs/aws-behaviour.md §2.6, M)",
			call: func() (any, error) {
				return ssmc.DescribeParameters(ctx, &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{
					{Key: aws.String("Path"), Values: []string{"/aws/reference/secretsmanager"}}}})
			},
			wantErr: validation(`Filters for common parameters can't be prefixed with "aws" or "ssm" (case-insensitive). When using global parameters, please specify within a global namespace.`),
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := tc.call()
			checkErr(t, err, tc.wantErr)
			if tc.wantErr != nil {
				return
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
