package conformance

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
)

// parameterScenario walks Parameter Store's everyday paths: versions,
// selectors, labels, SecureString, listing by path, deletion, history.
// Sources per step; "O" marks real AWS output seen in public logs, "D" the
// AWS documentation, "M" moto's text where AWS's is not known.
func parameterScenario() Scenario {
	t0 := time.Date(2024, 1, 2, 3, 4, 5, 678e6, time.UTC)
	t1 := t0.Add(time.Minute)
	const region, account = "eu-west-1", "123456789012"
	arn := func(name string) *string {
		return aws.String("arn:aws:ssm:" + region + ":" + account + ":parameter" + name)
	}
	host := "/app/db/host"
	password := "/app/db/password"
	return Scenario{
		Name:   "parameters",
		Source: "docs/aws-behaviour.md §2; error texts from real AWS logs (O) where known",
		Env:    Env{Region: region, Account: account, Start: t0},
		Steps: []Step{
			{
				Name: "put creates version 1 (D)", Service: SSM, Op: "PutParameter",
				In:   &ssm.PutParameterInput{Name: aws.String(host), Value: aws.String("db1"), Type: ssmtypes.ParameterTypeString},
				Want: &ssm.PutParameterOutput{Version: 1, Tier: ssmtypes.ParameterTierStandard},
			},
			{
				Name: "put on an existing name without overwrite (docs/aws-behaviour.md §2.3)", Service: SSM, Op: "PutParameter",
				In: &ssm.PutParameterInput{Name: aws.String(host), Value: aws.String("db1"), Type: ssmtypes.ParameterTypeString},
				WantErr: &Error{Code: "ParameterAlreadyExists",
					Message: "The parameter already exists. To overwrite this value, set the overwrite option in the request to true."},
			},
			{
				Name: "overwrite makes version 2 and inherits the type (docs/aws-behaviour.md §2.3)", At: t1, Service: SSM, Op: "PutParameter",
				In:   &ssm.PutParameterInput{Name: aws.String(host), Value: aws.String("db2"), Overwrite: aws.Bool(true)},
				Want: &ssm.PutParameterOutput{Version: 2, Tier: ssmtypes.ParameterTierStandard},
			},
			{
				Name: "get returns the latest version (D)", Service: SSM, Op: "GetParameter",
				In: &ssm.GetParameterInput{Name: aws.String(host)},
				Want: &ssm.GetParameterOutput{Parameter: &ssmtypes.Parameter{
					Name: aws.String(host), Type: ssmtypes.ParameterTypeString, Value: aws.String("db2"), Version: 2,
					LastModifiedDate: aws.Time(t1), ARN: arn(host), DataType: aws.String("text"),
				}},
			},
			{
				Name: "name:N selects a version and answers Selector (docs/aws-behaviour.md §2.4, D)", Service: SSM, Op: "GetParameter",
				In: &ssm.GetParameterInput{Name: aws.String(host + ":1")},
				Want: &ssm.GetParameterOutput{Parameter: &ssmtypes.Parameter{
					Name: aws.String(host), Type: ssmtypes.ParameterTypeString, Value: aws.String("db1"), Version: 1,
					Selector: aws.String(":1"), LastModifiedDate: aws.Time(t0), ARN: arn(host), DataType: aws.String("text"),
				}},
			},
			{
				Name: "label version 1 (docs/aws-behaviour.md §2.7)", Service: SSM, Op: "LabelParameterVersion",
				In:   &ssm.LabelParameterVersionInput{Name: aws.String(host), ParameterVersion: aws.Int64(1), Labels: []string{"stable"}},
				Want: &ssm.LabelParameterVersionOutput{ParameterVersion: 1, InvalidLabels: []string{}},
			},
			{
				Name: "name:label selects the labelled version (docs/aws-behaviour.md §2.4, D)", Service: SSM, Op: "GetParameter",
				In: &ssm.GetParameterInput{Name: aws.String(host + ":stable")},
				Want: &ssm.GetParameterOutput{Parameter: &ssmtypes.Parameter{
					Name: aws.String(host), Type: ssmtypes.ParameterTypeString, Value: aws.String("db1"), Version: 1,
					Selector: aws.String(":stable"), LastModifiedDate: aws.Time(t0), ARN: arn(host), DataType: aws.String("text"),
				}},
			},
			{
				Name: "missing parameter: ParameterNotFound with no message (O: real AWS logs)", Service: SSM, Op: "GetParameter",
				In:      &ssm.GetParameterInput{Name: aws.String("/app/db/missing")},
				WantErr: &Error{Code: "ParameterNotFound", Message: ""},
			},
			{
				Name: "missing version (docs/aws-behaviour.md §2.4; moto PR 3977 from AWS's answer)", Service: SSM, Op: "GetParameter",
				In: &ssm.GetParameterInput{Name: aws.String(host + ":7")},
				WantErr: &Error{Code: "ParameterVersionNotFound",
					Message: "Systems Manager could not find version 7 of " + host + ". Verify the version and try again."},
			},
			{
				Name: "put a SecureString (D)", Service: SSM, Op: "PutParameter",
				In:   &ssm.PutParameterInput{Name: aws.String(password), Value: aws.String("s3cret"), Type: ssmtypes.ParameterTypeSecureString},
				Want: &ssm.PutParameterOutput{Version: 1, Tier: ssmtypes.ParameterTierStandard},
			},
			{
				Name: "get-parameters: found decrypted, missing in InvalidParameters (docs/aws-behaviour.md §2.4)", Service: SSM, Op: "GetParameters",
				In: &ssm.GetParametersInput{Names: []string{password, "/app/db/nope"}, WithDecryption: aws.Bool(true)},
				Want: &ssm.GetParametersOutput{
					Parameters: []ssmtypes.Parameter{{
						Name: aws.String(password), Type: ssmtypes.ParameterTypeSecureString, Value: aws.String("s3cret"), Version: 1,
						LastModifiedDate: aws.Time(t1), ARN: arn(password), DataType: aws.String("text"),
					}},
					InvalidParameters: []string{"/app/db/nope"},
				},
			},
			{
				Name: "put a deeper parameter", Service: SSM, Op: "PutParameter",
				In:   &ssm.PutParameterInput{Name: aws.String("/app/feature/x"), Value: aws.String("on"), Type: ssmtypes.ParameterTypeString},
				Want: &ssm.PutParameterOutput{Version: 1, Tier: ssmtypes.ParameterTierStandard},
			},
			{
				Name: "by path, one level: direct children only, sorted by name (docs/aws-behaviour.md §2.5)", Service: SSM, Op: "GetParametersByPath",
				In: &ssm.GetParametersByPathInput{Path: aws.String("/app/db"), WithDecryption: aws.Bool(true)},
				Want: &ssm.GetParametersByPathOutput{Parameters: []ssmtypes.Parameter{
					{Name: aws.String(host), Type: ssmtypes.ParameterTypeString, Value: aws.String("db2"), Version: 2,
						LastModifiedDate: aws.Time(t1), ARN: arn(host), DataType: aws.String("text")},
					{Name: aws.String(password), Type: ssmtypes.ParameterTypeSecureString, Value: aws.String("s3cret"), Version: 1,
						LastModifiedDate: aws.Time(t1), ARN: arn(password), DataType: aws.String("text")},
				}},
			},
			{
				Name: "by path, one level, above the leaves: nothing (docs/aws-behaviour.md §2.5)", Service: SSM, Op: "GetParametersByPath",
				In:   &ssm.GetParametersByPathInput{Path: aws.String("/app")},
				Want: &ssm.GetParametersByPathOutput{Parameters: []ssmtypes.Parameter{}},
			},
			{
				Name: "by path, recursive, with a Type filter (docs/aws-behaviour.md §2.5, D)", Service: SSM, Op: "GetParametersByPath",
				In: &ssm.GetParametersByPathInput{Path: aws.String("/app/"), Recursive: aws.Bool(true),
					ParameterFilters: []ssmtypes.ParameterStringFilter{{Key: aws.String("Type"), Values: []string{"String"}}}},
				Want: &ssm.GetParametersByPathOutput{Parameters: []ssmtypes.Parameter{
					{Name: aws.String(host), Type: ssmtypes.ParameterTypeString, Value: aws.String("db2"), Version: 2,
						LastModifiedDate: aws.Time(t1), ARN: arn(host), DataType: aws.String("text")},
					{Name: aws.String("/app/feature/x"), Type: ssmtypes.ParameterTypeString, Value: aws.String("on"), Version: 1,
						LastModifiedDate: aws.Time(t1), ARN: arn("/app/feature/x"), DataType: aws.String("text")},
				}},
			},
			{
				Name: "delete", Service: SSM, Op: "DeleteParameter",
				In:   &ssm.DeleteParameterInput{Name: aws.String(host)},
				Want: &ssm.DeleteParameterOutput{},
			},
			{
				Name: "delete again: ParameterNotFound with no message (O: real AWS logs)", Service: SSM, Op: "DeleteParameter",
				In:      &ssm.DeleteParameterInput{Name: aws.String(host)},
				WantErr: &Error{Code: "ParameterNotFound", Message: ""},
			},
			{
				Name: "delete-parameters: deleted and invalid (docs/aws-behaviour.md §2.7)", Service: SSM, Op: "DeleteParameters",
				In:   &ssm.DeleteParametersInput{Names: []string{"/app/feature/x", host}},
				Want: &ssm.DeleteParametersOutput{DeletedParameters: []string{"/app/feature/x"}, InvalidParameters: []string{host}},
			},
		},
	}
}
