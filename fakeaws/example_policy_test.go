package fakeaws_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// An access policy for a principal: the client acting as it may read under
// /app/ and nothing else, and a refusal is AWS's AccessDeniedException.
func ExampleStore_SetPolicy() {
	ctx := context.Background()
	st := fakeaws.New()
	admin := ssmfake.New(st) // no principal: not checked
	for _, name := range []string{"/app/url", "/ops/token"} {
		_, _ = admin.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(name), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString})
	}
	const ci = "arn:aws:iam::123456789012:user/ci"
	st.SetPolicy(ci, &fakeaws.Policy{Statement: []fakeaws.Statement{
		{Effect: fakeaws.Allow, Action: []string{"ssm:Get*"}, Resource: []string{"arn:aws:ssm:*:*:parameter/app/*"}},
	}})
	c := ssmfake.New(st, ssmfake.WithPrincipal(ci))

	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/url")})
	fmt.Println(*out.Parameter.Value, err)
	_, err = c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/ops/token")})
	var denied *ssmtypes.AccessDeniedException
	if errors.As(err, &denied) {
		fmt.Println(denied.ErrorMessage())
	}
	// Output:
	// v <nil>
	// User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:123456789012:parameter/ops/token because no identity-based policy allows the ssm:GetParameter action
}
