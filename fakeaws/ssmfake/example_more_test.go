package ssmfake_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

func ExampleClient_UpdateServiceSetting() {
	ctx := context.Background()
	ssmc := ssmfake.New(fakeaws.New())
	id := aws.String("/ssm/parameter-store/default-parameter-tier")

	_, _ = ssmc.UpdateServiceSetting(ctx, &ssm.UpdateServiceSettingInput{SettingId: id, SettingValue: aws.String("Advanced")})
	got, _ := ssmc.GetServiceSetting(ctx, &ssm.GetServiceSettingInput{SettingId: id})
	fmt.Println(*got.ServiceSetting.SettingValue, *got.ServiceSetting.Status)

	// A parameter put without a Tier takes the default tier.
	out, _ := ssmc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/x"), Value: aws.String("v"), Type: types.ParameterTypeString})
	fmt.Println(out.Tier)

	reset, _ := ssmc.ResetServiceSetting(ctx, &ssm.ResetServiceSettingInput{SettingId: id})
	fmt.Println(*reset.ServiceSetting.SettingValue, *reset.ServiceSetting.Status)
	// Output:
	// Advanced Customized
	// Advanced
	// Standard Default
}

func ExampleClient_PutResourcePolicy() {
	ctx := context.Background()
	st := fakeaws.New(fakeaws.WithAccount("123456789012"), fakeaws.WithRegion("us-east-1"))
	ssmc := ssmfake.New(st)
	_, _ = ssmc.PutParameter(ctx, &ssm.PutParameterInput{
		Name: aws.String("/shared/x"), Value: aws.String("v"), Type: types.ParameterTypeString, Tier: types.ParameterTierAdvanced,
	})
	arn := aws.String("arn:aws:ssm:us-east-1:123456789012:parameter/shared/x")
	put, _ := ssmc.PutResourcePolicy(ctx, &ssm.PutResourcePolicyInput{ResourceArn: arn, Policy: aws.String(`{"Version":"2012-10-17","Statement":[]}`)})

	// An update must name the policy and its current hash.
	_, err := ssmc.PutResourcePolicy(ctx, &ssm.PutResourcePolicyInput{
		ResourceArn: arn, Policy: aws.String(`{}`), PolicyId: put.PolicyId, PolicyHash: aws.String("stale"),
	})
	var conflict *types.ResourcePolicyConflictException
	fmt.Println(errors.As(err, &conflict))

	_, err = ssmc.DeleteResourcePolicy(ctx, &ssm.DeleteResourcePolicyInput{ResourceArn: arn, PolicyId: put.PolicyId, PolicyHash: put.PolicyHash})
	fmt.Println(err)
	// Output:
	// true
	// <nil>
}

func ExampleClient_GetParametersByPath_public() {
	ctx := context.Background()
	ssmc := ssmfake.New(fakeaws.New())
	out, _ := ssmc.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{
		Path: aws.String("/aws/service/global-infrastructure/regions/eu-west-1"),
	})
	for _, p := range out.Parameters {
		fmt.Println(*p.Name, "=", *p.Value)
	}
	// Output:
	// /aws/service/global-infrastructure/regions/eu-west-1/domain = amazonaws.com
	// /aws/service/global-infrastructure/regions/eu-west-1/geolocationCountry = IE
	// /aws/service/global-infrastructure/regions/eu-west-1/geolocationRegion = IE-D
	// /aws/service/global-infrastructure/regions/eu-west-1/longName = Europe (Ireland)
	// /aws/service/global-infrastructure/regions/eu-west-1/partition = aws
}
