package fakeaws_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
)

// The name forms that got past a Deny on /app/admin, and a reference past
// a Deny on secretsmanager:GetSecretValue, tried end to end over a loopback
// server, with and without signature verification: the principal is the
// access key's, the policy is checked against the resolved resource, and a
// refused call writes nothing.
func TestPolicyNameFormsOverTheWire(t *testing.T) {
	t.Parallel()
	const key, secret = "AKIAWIRE", "wire-secret"
	modes := []struct {
		name string
		opts []endpoint.Option
	}{
		{"unverified", []endpoint.Option{endpoint.WithPrincipalForKey(key, nameformsPrincipal)}},
		{"verified", []endpoint.Option{endpoint.WithPrincipalForKey(key, nameformsPrincipal), endpoint.WithSignatureKeys(map[string]string{key: secret})}},
	}
	denyAdmin := []fakeaws.Statement{
		{Effect: fakeaws.Allow, Action: []string{"*"}, Resource: []string{"*"}},
		{Effect: fakeaws.Deny, Action: []string{"*"}, Resource: []string{adminARN}},
	}
	onlyGetParameter := []fakeaws.Statement{{Effect: fakeaws.Allow, Action: []string{"ssm:GetParameter"}, Resource: []string{"*"}}}
	denySecret := []fakeaws.Statement{
		{Effect: fakeaws.Allow, Action: []string{"*"}, Resource: []string{"*"}},
		{Effect: fakeaws.Deny, Action: []string{"secretsmanager:GetSecretValue"}, Resource: []string{"*"}},
	}
	adminForms := []string{" /app/admin", "/app/admin ", adminARN + ":1", adminARN + ":stable"}
	adminOps := map[string]func(ctx context.Context, c *ssm.Client, name string) error{
		"GetParameter": func(ctx context.Context, c *ssm.Client, name string) error {
			_, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name)})
			return err
		},
		"GetParameterHistory": func(ctx context.Context, c *ssm.Client, name string) error {
			_, err := c.GetParameterHistory(ctx, &ssm.GetParameterHistoryInput{Name: aws.String(name)})
			return err
		},
		"PutParameter": func(ctx context.Context, c *ssm.Client, name string) error {
			_, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(name), Value: aws.String("v2"), Type: ssmtypes.ParameterTypeString, Overwrite: aws.Bool(true)})
			return err
		},
		"DeleteParameter": func(ctx context.Context, c *ssm.Client, name string) error {
			_, err := c.DeleteParameter(ctx, &ssm.DeleteParameterInput{Name: aws.String(name)})
			return err
		},
		"LabelParameterVersion": func(ctx context.Context, c *ssm.Client, name string) error {
			_, err := c.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String(name), ParameterVersion: aws.Int64(1), Labels: []string{"fresh"}})
			return err
		},
		"AddTagsToResource": func(ctx context.Context, c *ssm.Client, name string) error {
			_, err := c.AddTagsToResource(ctx, &ssm.AddTagsToResourceInput{ResourceType: ssmtypes.ResourceTypeForTaggingParameter, ResourceId: aws.String(name), Tags: []ssmtypes.Tag{{Key: aws.String("k"), Value: aws.String("v")}}})
			return err
		},
	}
	getRef := func(ctx context.Context, c *ssm.Client, name string) error {
		_, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name), WithDecryption: aws.Bool(true)})
		return err
	}
	refForms := []string{" /aws/reference/secretsmanager/prod/db", "/aws/reference/secretsmanager/prod/db "}
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			t.Parallel()
			serve := func(policy []fakeaws.Statement) (*fakeaws.Store, *ssm.Client) {
				st := nameformsStore(t, policy)
				srv := endpoint.NewServer(st, mode.opts...)
				t.Cleanup(srv.Close)
				cfg := srv.Config()
				cfg.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
					return aws.Credentials{AccessKeyID: key, SecretAccessKey: secret}, nil
				})
				return st, ssm.NewFromConfig(cfg, func(o *ssm.Options) { o.RetryMaxAttempts = 1 })
			}
			ctx := context.Background()
			st, c := serve(denyAdmin)
			for op, call := range adminOps {
				for _, form := range adminForms {
					t.Run(op+"/"+form, func(t *testing.T) {
						refusedWritingNothing(t, st, false, func() error { return call(ctx, c, form) })
					})
				}
			}
			for _, pol := range []struct {
				name   string
				policy []fakeaws.Statement
			}{{"only ssm:GetParameter", onlyGetParameter}, {"GetSecretValue denied", denySecret}} {
				st, c := serve(pol.policy)
				for _, form := range refForms {
					t.Run(pol.name+"/"+form, func(t *testing.T) {
						refusedWritingNothing(t, st, false, func() error { return getRef(ctx, c, form) })
					})
				}
			}
		})
	}
}

// What the README says of unsigned requests: they act as no principal, so
// policies do not apply to them unless signatures are verified, when they
// are refused.
func TestUnsignedRequestsBypassPoliciesUnlessVerified(t *testing.T) {
	t.Parallel()
	for _, verify := range []bool{false, true} {
		st := nameformsStore(t, []fakeaws.Statement{{Effect: fakeaws.Deny, Action: []string{"*"}, Resource: []string{"*"}}})
		st.SetPolicy(fakeaws.AnyPrincipal, &fakeaws.Policy{})
		var opts []endpoint.Option
		if verify {
			opts = append(opts, endpoint.WithSignatureKeys(map[string]string{"AKIAWIRE": "wire-secret"}))
		}
		srv := endpoint.NewServer(st, opts...)
		t.Cleanup(srv.Close)
		req, err := http.NewRequest(http.MethodPost, srv.URL+"/", strings.NewReader(`{"Name":"/app/admin"}`))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/x-amz-json-1.1")
		req.Header.Set("X-Amz-Target", "AmazonSSM.GetParameter")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		switch {
		case !verify && res.StatusCode != http.StatusOK:
			t.Errorf("unverified: an unsigned GetParameter got %d %s; the README says it is served whatever the policies", res.StatusCode, res.Header.Get("X-Amzn-Errortype"))
		case verify && res.Header.Get("X-Amzn-Errortype") != "MissingAuthenticationTokenException":
			t.Errorf("verified: an unsigned GetParameter got %d %s, want MissingAuthenticationTokenException", res.StatusCode, res.Header.Get("X-Amzn-Errortype"))
		}
	}
}
