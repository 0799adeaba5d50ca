package ssmfake_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

func Example() {
	ctx := context.Background()
	ssmc := ssmfake.New(fakeaws.New())

	out, _ := ssmc.PutParameter(ctx, &ssm.PutParameterInput{
		Name: aws.String("/app/db/host"), Value: aws.String("db.internal"), Type: types.ParameterTypeString,
	})
	fmt.Println("version", out.Version, out.Tier)

	got, _ := ssmc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/db/host")})
	fmt.Println(*got.Parameter.Name, "=", *got.Parameter.Value)

	_, err := ssmc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/db/port")})
	var nf *types.ParameterNotFound
	fmt.Println(errors.As(err, &nf))
	// Output:
	// version 1 Standard
	// /app/db/host = db.internal
	// true
}

func Example_paginator() {
	ctx := context.Background()
	ssmc := ssmfake.New(fakeaws.New())
	for _, name := range []string{"/svc/b", "/svc/a", "/svc/c", "/svc/deep/d", "/other"} {
		ssmc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(name), Value: aws.String("v"), Type: types.ParameterTypeString})
	}
	p := ssm.NewGetParametersByPathPaginator(ssmc, &ssm.GetParametersByPathInput{
		Path: aws.String("/svc"), Recursive: aws.Bool(true), MaxResults: aws.Int32(2),
	})
	for page := 1; p.HasMorePages(); page++ {
		out, err := p.NextPage(ctx)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, prm := range out.Parameters {
			fmt.Println(page, *prm.Name)
		}
	}
	// Output:
	// 1 /svc/a
	// 1 /svc/b
	// 2 /svc/c
	// 2 /svc/deep/d
}

// Example_reference reads a Secrets Manager secret through Parameter Store,
// as in the reference scenario.
func Example_reference() {
	ctx := context.Background()
	st := fakeaws.New(fakeaws.WithRegion("eu-central-1"), fakeaws.WithARNSuffixes("XYZ"),
		fakeaws.WithClock(clock.NewFake(time.Date(2018, 7, 28, 11, 9, 49, 618e6, time.UTC))),
		fakeaws.WithSourceResultDate(fakeaws.SourceResultDate2018))
	smc, ssmc := smfake.New(st), ssmfake.New(st)
	smc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{
		Name: aws.String("prod/App/Mysql"), SecretString: aws.String(`{"key":"val"}`),
		ClientRequestToken: aws.String("98a55589-b075-47fb-bae9-df4f289527b9"),
	})
	out, _ := ssmc.GetParameter(ctx, &ssm.GetParameterInput{
		Name: aws.String("/aws/reference/secretsmanager/prod/App/Mysql"), WithDecryption: aws.Bool(true),
	})
	p := out.Parameter
	fmt.Println(*p.Name, p.Type, *p.Value, p.Version)
	fmt.Println(*p.ARN)
	fmt.Println(*p.SourceResult)

	_, err := ssmc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/aws/reference/secretsmanager/prod/App/Mysql")})
	var api smithy.APIError
	if errors.As(err, &api) {
		fmt.Println(api.ErrorCode()+":", api.ErrorMessage())
	}
	// Output:
	// /aws/reference/secretsmanager/prod/App/Mysql SecureString {"key":"val"} 0
	// arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ
	// {"ARN":"arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ","name":"prod/App/Mysql","versionId":"98a55589-b075-47fb-bae9-df4f289527b9","secretString":"{\"key\":\"val\"}","versionStages":["AWSCURRENT"],"createdDate":"Jul 28, 2018 11:09:49 AM"}
	// ValidationException: WithDecryption flag must be True for retrieving a Secret Manager secret.
}
