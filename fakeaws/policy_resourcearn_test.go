package fakeaws_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// TestPolicyResourceARNForms: the resource-policy operations take a
// parameter's ARN (ResourceArn). Every spelling that the operation resolves
// to /app/admin, the ARN with a doubled slash included, is refused by a
// Deny on /app/admin's ARN, and writes nothing; a spelling the operation
// cannot resolve is refused by the service.
func TestPolicyResourceARNForms(t *testing.T) {
	t.Parallel()
	deny := []fakeaws.Statement{
		{Effect: fakeaws.Allow, Action: []string{"*"}, Resource: []string{"*"}},
		{Effect: fakeaws.Deny, Action: []string{"*"}, Resource: []string{adminARN}},
	}
	forms := []struct {
		name, arn string
		anyError  bool // the service cannot resolve it: its own error will do
	}{
		{"the ARN", adminARN, false},
		{"doubled slash after parameter", "arn:aws:ssm:us-east-1:123456789012:parameter//app/admin", false},
		{"leading space", " " + adminARN, true},
		{"with a version", adminARN + ":1", true},
	}
	const doc = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"ssm:GetParameter","Resource":"*"}]}`
	ops := []struct {
		name string
		call func(context.Context, *ssmfake.Client, string) error
	}{
		{"PutResourcePolicy", func(ctx context.Context, c *ssmfake.Client, arn string) error {
			_, err := c.PutResourcePolicy(ctx, &ssm.PutResourcePolicyInput{ResourceArn: aws.String(arn), Policy: aws.String(doc)})
			return err
		}},
		{"GetResourcePolicies", func(ctx context.Context, c *ssmfake.Client, arn string) error {
			_, err := c.GetResourcePolicies(ctx, &ssm.GetResourcePoliciesInput{ResourceArn: aws.String(arn)})
			return err
		}},
		{"DeleteResourcePolicy", func(ctx context.Context, c *ssmfake.Client, arn string) error {
			_, err := c.DeleteResourcePolicy(ctx, &ssm.DeleteResourcePolicyInput{ResourceArn: aws.String(arn), PolicyId: aws.String("p"), PolicyHash: aws.String("h")})
			return err
		}},
	}
	for _, op := range ops {
		for _, f := range forms {
			t.Run(op.name+"/"+f.name, func(t *testing.T) {
				t.Parallel()
				st := nameformsStore(t, deny)
				// Resource policies need an Advanced parameter.
				if _, err := ssmfake.New(st).PutParameter(context.Background(), &ssm.PutParameterInput{Name: aws.String("/app/admin"), Value: aws.String("v2"),
					Overwrite: aws.Bool(true), Tier: ssmtypes.ParameterTierAdvanced}); err != nil {
					t.Fatal(err)
				}
				c := ssmfake.New(st, ssmfake.WithPrincipal(nameformsPrincipal))
				refusedWritingNothing(t, st, f.anyError, func() error { return op.call(context.Background(), c, f.arn) })
			})
		}
	}
}
