package fakeaws_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// The reference scenario's first steps: a secret read through Parameter
// Store, with AWS's IDs and times scripted.
func Example() {
	ctx := context.Background()
	clk := clock.NewFake(time.Date(2018, 7, 28, 11, 9, 49, 618e6, time.UTC))
	st := fakeaws.New(
		fakeaws.WithClock(clk),
		fakeaws.WithRegion("eu-central-1"),
		fakeaws.WithARNSuffixes("XYZ"),
		fakeaws.WithVersionIDs("98a55589-b075-47fb-bae9-df4f289527b9"),
		fakeaws.WithSourceResultDate(fakeaws.SourceResultDate2018), // as AWS wrote it in 2018
	)
	smc, ssmc := smfake.New(st), ssmfake.New(st)

	if _, err := smc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{
		Name: aws.String("prod/App/Mysql"), SecretString: aws.String(`{"key":"val"}`),
	}); err != nil {
		panic(err)
	}
	out, err := ssmc.GetParameter(ctx, &ssm.GetParameterInput{
		Name:           aws.String("/aws/reference/secretsmanager/prod/App/Mysql"),
		WithDecryption: aws.Bool(true),
	})
	if err != nil {
		panic(err)
	}
	p := out.Parameter
	fmt.Println(*p.Name, p.Type, *p.Value, p.Version)
	fmt.Println(*p.ARN)
	fmt.Println(*p.SourceResult)
	// Output:
	// /aws/reference/secretsmanager/prod/App/Mysql SecureString {"key":"val"} 0
	// arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ
	// {"ARN":"arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ","name":"prod/App/Mysql","versionId":"98a55589-b075-47fb-bae9-df4f289527b9","secretString":"{\"key\":\"val\"}","versionStages":["AWSCURRENT"],"createdDate":"Jul 28, 2018 11:09:49 AM"}
}

// Fault injection: the next GetParameter is throttled, as AWS throttles.
func ExampleStore_FailNext() {
	ctx := context.Background()
	st := fakeaws.New()
	ssmc := ssmfake.New(st)
	ssmc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/mode"), Value: aws.String("blue"), Type: ssmtypes.ParameterTypeString})

	st.FailNext(ssmfake.OpGetParameter, fakeaws.Throttling(ssmfake.OpGetParameter))
	_, err := ssmc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/mode")})
	var throttled *ssmtypes.ThrottlingException
	fmt.Println(errors.As(err, &throttled), throttled.ErrorMessage())

	out, _ := ssmc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/mode")})
	fmt.Println(*out.Parameter.Value)
	// Output:
	// true Rate exceeded
	// blue
}

// A hook answers for the Store, here to script a value without storing it.
func ExampleStore_React() {
	ctx := context.Background()
	st := fakeaws.New()
	st.React(ssmfake.OpGetParameter, func(_ context.Context, in any) (any, bool, error) {
		if *in.(*ssm.GetParameterInput).Name != "/feature/flag" {
			return nil, false, nil // pass: the Store answers
		}
		return &ssm.GetParameterOutput{Parameter: &ssmtypes.Parameter{
			Name: aws.String("/feature/flag"), Type: ssmtypes.ParameterTypeString, Value: aws.String("on"), Version: 1,
		}}, true, nil
	})
	out, _ := ssmfake.New(st).GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/feature/flag")})
	fmt.Println(*out.Parameter.Value)
	// Output: on
}

// A Hook that fails the calls for one secret and passes the others: it
// returns handled == true with an error to fail a call, handled == false to
// let the Store answer.
func ExampleHook() {
	ctx := context.Background()
	st := fakeaws.New()
	smc := smfake.New(st)
	for _, name := range []string{"db", "api"} {
		smc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(name), SecretString: aws.String(name + "-pw")})
	}
	var failDB fakeaws.Hook = func(_ context.Context, in any) (any, bool, error) {
		if aws.ToString(in.(*secretsmanager.GetSecretValueInput).SecretId) != "db" {
			return nil, false, nil
		}
		return nil, true, fakeaws.InternalError(smfake.OpGetSecretValue)
	}
	st.React(smfake.OpGetSecretValue, failDB)
	for _, name := range []string{"db", "api"} {
		out, err := smc.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(name)})
		if err != nil {
			var ise *smtypes.InternalServiceError
			fmt.Println(name, "failed:", errors.As(err, &ise))
			continue
		}
		fmt.Println(name, "=", *out.SecretString)
	}
	// Output:
	// db failed: true
	// api = api-pw
}

// The call log: what the code under test asked, in order.
func ExampleStore_Calls() {
	ctx := context.Background()
	st := fakeaws.New()
	ssmc := ssmfake.New(st)
	ssmc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/a"), Value: aws.String("1"), Type: ssmtypes.ParameterTypeString})
	ssmc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/b")})
	for _, c := range st.Calls() {
		fmt.Println(c.Op, c.Err != nil)
	}
	// Output:
	// SSM.PutParameter false
	// SSM.GetParameter true
}

// Snapshot and Restore: undo whatever a test did to a shared Store.
func ExampleStore_Snapshot() {
	ctx := context.Background()
	st := fakeaws.New()
	ssmc := ssmfake.New(st)
	ssmc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/mode"), Value: aws.String("blue"), Type: ssmtypes.ParameterTypeString})

	snap := st.Snapshot()
	ssmc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/mode"), Value: aws.String("green"), Overwrite: aws.Bool(true)})
	if err := st.Restore(snap); err != nil {
		panic(err)
	}
	out, _ := ssmc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/mode")})
	fmt.Println(*out.Parameter.Value, out.Parameter.Version)
	// Output: blue 1
}

// A fixture: the whole state as JSON, loaded before a test.
func ExampleStore_Load() {
	ctx := context.Background()
	st := fakeaws.New()
	err := st.Load(strings.NewReader(`{"partitions": [{"account": "123456789012", "region": "us-east-1",
	  "secrets": [{"name": "db", "createdDate": "2024-01-01T00:00:00Z", "versions": [
	    {"versionId": "11111111-1111-4111-8111-111111111111", "secretString": "pw1", "stages": ["AWSCURRENT"], "createdDate": "2024-01-01T00:00:00Z"}]}]}]}`))
	if err != nil {
		panic(err)
	}
	out, _ := smfake.New(st).GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("db")})
	fmt.Println(*out.SecretString, *out.VersionId, out.VersionStages)
	// Output: pw1 11111111-1111-4111-8111-111111111111 [AWSCURRENT]
}
