package smfake_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/google/go-cmp/cmp"
)

const policyDoc = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}`

func TestResourcePolicyLifecycle(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	mustCreate(t, c, "app/a", "v", tokA)
	get := func() (*string, *string) {
		t.Helper()
		out, err := c.GetResourcePolicy(ctx, &secretsmanager.GetResourcePolicyInput{SecretId: aws.String("app/a")})
		if err != nil {
			t.Fatal(err)
		}
		if aws.ToString(out.ARN) != arnA || aws.ToString(out.Name) != "app/a" {
			t.Errorf("GetResourcePolicy ARN, Name = %q, %q", aws.ToString(out.ARN), aws.ToString(out.Name))
		}
		return out.ResourcePolicy, out.PolicyName
	}
	list := func() []string {
		t.Helper()
		out, err := c.ListResourcePolicies(ctx, &secretsmanager.ListResourcePoliciesInput{SecretId: aws.String("app/a")})
		if err != nil {
			t.Fatal(err)
		}
		names := []string{}
		for _, p := range out.ResourcePolicies {
			names = append(names, aws.ToString(p.PolicyName))
		}
		return names
	}
	if p, _ := get(); p != nil {
		t.Errorf("policy before any put: %q", *p)
	}
	if diff := cmp.Diff([]string{}, list()); diff != "" {
		t.Errorf("ListResourcePolicies before any put (-want +got):\n%s", diff)
	}
	put, err := c.PutResourcePolicy(ctx, &secretsmanager.PutResourcePolicyInput{SecretId: aws.String("app/a"), ResourcePolicy: aws.String(policyDoc)})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(put.PolicyName) != "default" || aws.ToString(put.ARN) != arnA {
		t.Errorf("PutResourcePolicy answered %q, %q; want default, %s (SDK doc)", aws.ToString(put.PolicyName), aws.ToString(put.ARN), arnA)
	}
	// Stored as given (docs/aws-behaviour.md §3.5).
	if p, n := get(); aws.ToString(p) != policyDoc || aws.ToString(n) != "default" {
		t.Errorf("GetResourcePolicy = %q, %q; want the policy as put, default", aws.ToString(p), aws.ToString(n))
	}
	if diff := cmp.Diff([]string{"default"}, list()); diff != "" {
		t.Errorf("ListResourcePolicies (-want +got):\n%s", diff)
	}
	if _, err := c.DeleteResourcePolicy(ctx, &secretsmanager.DeleteResourcePolicyInput{SecretId: aws.String("app/a")}); err != nil {
		t.Fatal(err)
	}
	if p, _ := get(); p != nil {
		t.Errorf("policy after delete: %q", *p)
	}
	v, err := c.ValidateResourcePolicy(ctx, &secretsmanager.ValidateResourcePolicyInput{ResourcePolicy: aws.String(policyDoc)})
	if err != nil || !v.PolicyValidationPassed {
		t.Errorf("ValidateResourcePolicy of valid JSON = %+v, %v; want passed", v, err)
	}
}

func TestResourcePolicyErrors(t *testing.T) {
	t.Parallel()
	public := `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}`
	type call func(ctx context.Context) error
	c, _ := newClient(t)
	mustCreate(t, c, "app/a", "v", tokA)
	ctx := context.Background()
	cases := []struct {
		name      string
		do        call
		code, msg string
	}{
		{"Put: not JSON → MalformedPolicyDocumentException (brief; docs/aws-behaviour.md §3.5)", func(ctx context.Context) error {
			_, err := c.PutResourcePolicy(ctx, &secretsmanager.PutResourcePolicyInput{SecretId: aws.String("app/a"), ResourcePolicy: aws.String("{")})
			return err
		}, "MalformedPolicyDocumentException", "This resource policy contains a syntax error: it is not valid JSON."},
		{"Validate: not JSON → MalformedPolicyDocumentException", func(ctx context.Context) error {
			_, err := c.ValidateResourcePolicy(ctx, &secretsmanager.ValidateResourcePolicyInput{ResourcePolicy: aws.String("nope")})
			return err
		}, "MalformedPolicyDocumentException", "This resource policy contains a syntax error: it is not valid JSON."},
		{"Put: BlockPublicPolicy and Principal * → PublicPolicyException (types doc)", func(ctx context.Context) error {
			_, err := c.PutResourcePolicy(ctx, &secretsmanager.PutResourcePolicyInput{SecretId: aws.String("app/a"), ResourcePolicy: aws.String(public), BlockPublicPolicy: aws.Bool(true)})
			return err
		}, "PublicPolicyException", "The BlockPublicPolicy parameter is set to true, and the resource policy did not prevent broad access to the secret."},
		{"Put: a PolicyName other than default (SDK doc: InvalidParameterException)", func(ctx context.Context) error {
			_, err := c.PutResourcePolicy(ctx, &secretsmanager.PutResourcePolicyInput{SecretId: aws.String("app/a"), ResourcePolicy: aws.String(policyDoc), PolicyName: aws.String("other")})
			return err
		}, "InvalidParameterException", "You can only attach the default resource policy; PolicyName must be default."},
		{"Get: missing secret (docs/aws-behaviour.md §3.5)", func(ctx context.Context) error {
			_, err := c.GetResourcePolicy(ctx, &secretsmanager.GetResourcePolicyInput{SecretId: aws.String("nope")})
			return err
		}, "ResourceNotFoundException", "Secrets Manager can't find the specified secret."},
		{"Delete: missing secret (docs/aws-behaviour.md §3.5)", func(ctx context.Context) error {
			_, err := c.DeleteResourcePolicy(ctx, &secretsmanager.DeleteResourcePolicyInput{SecretId: aws.String("nope")})
			return err
		}, "ResourceNotFoundException", "Secrets Manager can't find the specified secret."},
		{"Put: missing secret (docs/aws-behaviour.md §3.5)", func(ctx context.Context) error {
			_, err := c.PutResourcePolicy(ctx, &secretsmanager.PutResourcePolicyInput{SecretId: aws.String("nope"), ResourcePolicy: aws.String(policyDoc)})
			return err
		}, "ResourceNotFoundException", "Secrets Manager can't find the specified secret."},
		{"Put: ResourcePolicy required (SDK validators.go)", func(ctx context.Context) error {
			_, err := c.PutResourcePolicy(ctx, &secretsmanager.PutResourcePolicyInput{SecretId: aws.String("app/a")})
			return err
		}, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.do(ctx)
			if tc.code == "" {
				if err == nil {
					t.Fatal("no error")
				}
				return
			}
			wantAPIError(t, err, tc.code, tc.msg)
		})
	}
	out, err := c.GetResourcePolicy(ctx, &secretsmanager.GetResourcePolicyInput{SecretId: aws.String("app/a")})
	if err != nil || out.ResourcePolicy != nil {
		t.Errorf("a policy was stored by a failed call: %v, %v", aws.ToString(out.ResourcePolicy), err)
	}
}
