package ssmfake_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

const policyDoc = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":["ssm:GetParameter"],"Resource":"*"}]}`

// advanced puts /adv as an Advanced String parameter and /std as a
// Standard one.
func advanced(t *testing.T) *ssmfake.Client {
	t.Helper()
	c, _ := newClient(t)
	put(t, c,
		&ssm.PutParameterInput{Name: aws.String("/adv"), Value: aws.String("v"), Type: types.ParameterTypeString, Tier: types.ParameterTierAdvanced},
		str("/std", "v"),
		&ssm.PutParameterInput{Name: aws.String("/sec"), Value: aws.String("v"), Type: types.ParameterTypeSecureString, Tier: types.ParameterTierAdvanced},
	)
	return c
}

func TestPutResourcePolicyRejects(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cases := []struct {
		name string
		in   *ssm.PutResourcePolicyInput
		want error
	}{
		{"Standard-tier parameter (D: must be in the advanced tier)", &ssm.PutResourcePolicyInput{ResourceArn: arn("/std"), Policy: aws.String(policyDoc)},
			&types.ResourcePolicyInvalidParameterException{Message: aws.String("Only parameters in the Advanced tier can be shared. Upgrade the parameter to the Advanced tier and try again.")}},
		{"SecureString with the AWS managed key (D)", &ssm.PutResourcePolicyInput{ResourceArn: arn("/sec"), Policy: aws.String(policyDoc)},
			&types.ResourcePolicyInvalidParameterException{Message: aws.String("SecureString parameters encrypted with the AWS managed key can't be shared. Use a customer managed key and try again.")}},
		{"invalid JSON (D: MalformedResourcePolicyDocumentException)", &ssm.PutResourcePolicyInput{ResourceArn: arn("/adv"), Policy: aws.String("{")},
			&types.MalformedResourcePolicyDocumentException{Message: aws.String("The policy document is not a valid JSON object.")}},
		{"JSON that is not an object (D)", &ssm.PutResourcePolicyInput{ResourceArn: arn("/adv"), Policy: aws.String("[]")},
			&types.MalformedResourcePolicyDocumentException{Message: aws.String("The policy document is not a valid JSON object.")}},
		{"unknown parameter (D: ResourceNotFoundException)", &ssm.PutResourcePolicyInput{ResourceArn: arn("/nope"), Policy: aws.String(policyDoc)},
			&types.ResourceNotFoundException{Message: aws.String("The specified resource " + *arn("/nope") + " doesn't exist.")}},
		{"PolicyId with no policy (D: ResourcePolicyNotFoundException)", &ssm.PutResourcePolicyInput{ResourceArn: arn("/adv"), Policy: aws.String(policyDoc), PolicyId: aws.String("x"), PolicyHash: aws.String("y")},
			&types.ResourcePolicyNotFoundException{Message: aws.String("No policy found for the given policy id.")}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := advanced(t)
			_, err := c.PutResourcePolicy(ctx, tc.in)
			checkErr(t, err, tc.want)
			out, err := c.GetResourcePolicies(ctx, &ssm.GetResourcePoliciesInput{ResourceArn: arn("/adv")})
			if err != nil || len(out.Policies) != 0 {
				t.Errorf("a refused put left policies: %v, %v", out, err)
			}
		})
	}
}

func TestResourcePolicyLifecycle(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c := advanced(t)
	put1, err := c.PutResourcePolicy(ctx, &ssm.PutResourcePolicyInput{ResourceArn: arn("/adv"), Policy: aws.String(policyDoc)})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(put1.PolicyId) == "" || aws.ToString(put1.PolicyHash) == "" {
		t.Fatalf("PutResourcePolicy = %+v, want a PolicyId and a PolicyHash (D)", put1)
	}
	get := func() []types.GetResourcePoliciesResponseEntry {
		t.Helper()
		out, err := c.GetResourcePolicies(ctx, &ssm.GetResourcePoliciesInput{ResourceArn: arn("/adv")})
		if err != nil {
			t.Fatal(err)
		}
		return out.Policies
	}
	opt := cmpopts.IgnoreUnexported(types.GetResourcePoliciesResponseEntry{})
	want := []types.GetResourcePoliciesResponseEntry{{PolicyId: put1.PolicyId, PolicyHash: put1.PolicyHash, Policy: aws.String(policyDoc)}}
	if diff := cmp.Diff(want, get(), opt); diff != "" {
		t.Errorf("GetResourcePolicies after put (-want +got):\n%s", diff)
	}

	steps := []struct {
		name string
		in   *ssm.PutResourcePolicyInput
		want error
	}{
		{"a second policy without PolicyId (D: PolicyHash required to update)", &ssm.PutResourcePolicyInput{ResourceArn: arn("/adv"), Policy: aws.String(policyDoc)},
			&types.ResourcePolicyLimitExceededException{Message: aws.String("A parameter can have only one resource policy. To update it, specify its PolicyId and PolicyHash.")}},
		{"a stale hash (D: ResourcePolicyConflictException)", &ssm.PutResourcePolicyInput{ResourceArn: arn("/adv"), Policy: aws.String(policyDoc), PolicyId: put1.PolicyId, PolicyHash: aws.String("stale")},
			&types.ResourcePolicyConflictException{Message: aws.String("The policy hash provided in the request doesn't match the current policy hash.")}},
		{"another PolicyId (D: ResourcePolicyNotFoundException)", &ssm.PutResourcePolicyInput{ResourceArn: arn("/adv"), Policy: aws.String(policyDoc), PolicyId: aws.String("other"), PolicyHash: put1.PolicyHash},
			&types.ResourcePolicyNotFoundException{Message: aws.String("No policy found for the given policy id.")}},
	}
	for _, s := range steps {
		_, err := c.PutResourcePolicy(ctx, s.in)
		checkErr(t, err, s.want)
	}
	if diff := cmp.Diff(want, get(), opt); diff != "" {
		t.Errorf("refused updates changed the policy (-want +got):\n%s", diff)
	}

	doc2 := `{"Version":"2012-10-17","Statement":[]}`
	put2, err := c.PutResourcePolicy(ctx, &ssm.PutResourcePolicyInput{ResourceArn: arn("/adv"), Policy: aws.String(doc2), PolicyId: put1.PolicyId, PolicyHash: put1.PolicyHash})
	if err != nil {
		t.Fatalf("update with the current id and hash: %v", err)
	}
	if *put2.PolicyId != *put1.PolicyId || *put2.PolicyHash == *put1.PolicyHash {
		t.Errorf("update: id %s -> %s, hash %s -> %s; want the same id and a new hash (D)", *put1.PolicyId, *put2.PolicyId, *put1.PolicyHash, *put2.PolicyHash)
	}
	_, err = c.DeleteResourcePolicy(ctx, &ssm.DeleteResourcePolicyInput{ResourceArn: arn("/adv"), PolicyId: put2.PolicyId, PolicyHash: put1.PolicyHash})
	checkErr(t, err, &types.ResourcePolicyConflictException{Message: aws.String("The policy hash provided in the request doesn't match the current policy hash.")})
	if _, err := c.DeleteResourcePolicy(ctx, &ssm.DeleteResourcePolicyInput{ResourceArn: arn("/adv"), PolicyId: put2.PolicyId, PolicyHash: put2.PolicyHash}); err != nil {
		t.Fatalf("delete with the current hash: %v", err)
	}
	if got := get(); len(got) != 0 {
		t.Errorf("policies after delete = %v, want none", got)
	}
	_, err = c.DeleteResourcePolicy(ctx, &ssm.DeleteResourcePolicyInput{ResourceArn: arn("/adv"), PolicyId: put2.PolicyId, PolicyHash: put2.PolicyHash})
	checkErr(t, err, &types.ResourcePolicyNotFoundException{Message: aws.String("No policy found for the given policy id.")})
}
