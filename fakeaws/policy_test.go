package fakeaws_test

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

const (
	alice     = "arn:aws:iam::123456789012:user/alice"
	paramARN  = "arn:aws:ssm:us-east-1:123456789012:parameter/"
	secretARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:"
)

// policyStore holds /app/x, /app/secret, /other and the secret db (suffix
// AbCdEf), and policies: alice may read /app/* but not /app/secret, and read
// db; bridgeOnly may use the reference but not read the secret; smOnly may
// read the secret but not the reference; both may do both.
func policyStore(t *testing.T) *fakeaws.Store {
	t.Helper()
	st := fakeaws.New(fakeaws.WithARNSuffixes("AbCdEf"))
	ctx := context.Background()
	p := ssmfake.New(st)
	for _, n := range []string{"/app/x", "/app/secret", "/other"} {
		if _, err := p.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(n), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := smfake.New(st).CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("db"), SecretString: aws.String("pw")}); err != nil {
		t.Fatal(err)
	}
	policies, err := fakeaws.ParsePolicies([]byte(`{
	  "` + alice + `": {"Version": "2012-10-17", "Statement": [
	    {"Effect": "Allow", "Action": "ssm:Get*", "Resource": "` + paramARN + `app/*"},
	    {"Effect": "Deny", "Action": ["ssm:GetParameter"], "Resource": ["` + paramARN + `app/secret"]},
	    {"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "` + secretARN + `db-??????"}]},
	  "arn:aws:iam::123456789012:user/bridgeOnly": {"Statement": [
	    {"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": "` + paramARN + `aws/reference/secretsmanager/*"}]},
	  "arn:aws:iam::123456789012:user/smOnly": {"Statement": [
	    {"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]},
	  "arn:aws:iam::123456789012:user/both": {"Statement": [
	    {"Effect": "Allow", "Action": ["ssm:GetParameter", "secretsmanager:GetSecretValue"], "Resource": "*"}]}
	}`))
	if err != nil {
		t.Fatal(err)
	}
	for principal, pol := range policies {
		st.SetPolicy(principal, pol)
	}
	return st
}

// policyClients are a Parameter Store and a Secrets Manager client, of
// any way in.
type policyClients struct {
	ssm interface {
		GetParameter(context.Context, *ssm.GetParameterInput, ...func(*ssm.Options)) (*ssm.GetParameterOutput, error)
		PutParameter(context.Context, *ssm.PutParameterInput, ...func(*ssm.Options)) (*ssm.PutParameterOutput, error)
		DescribeParameters(context.Context, *ssm.DescribeParametersInput, ...func(*ssm.Options)) (*ssm.DescribeParametersOutput, error)
		AddTagsToResource(context.Context, *ssm.AddTagsToResourceInput, ...func(*ssm.Options)) (*ssm.AddTagsToResourceOutput, error)
	}
	sm interface {
		GetSecretValue(context.Context, *secretsmanager.GetSecretValueInput, ...func(*secretsmanager.Options)) (*secretsmanager.GetSecretValueOutput, error)
		CreateSecret(context.Context, *secretsmanager.CreateSecretInput, ...func(*secretsmanager.Options)) (*secretsmanager.CreateSecretOutput, error)
		ListSecrets(context.Context, *secretsmanager.ListSecretsInput, ...func(*secretsmanager.Options)) (*secretsmanager.ListSecretsOutput, error)
		BatchGetSecretValue(context.Context, *secretsmanager.BatchGetSecretValueInput, ...func(*secretsmanager.Options)) (*secretsmanager.BatchGetSecretValueOutput, error)
	}
}

// clientsAs returns clients acting as user (an IAM user name) in each mode:
// direct, the SDK over the in-memory Config, the SDK over the loopback
// server (the access key maps to the principal).
func clientsAs(t *testing.T, st *fakeaws.Store, user string) map[string]policyClients {
	t.Helper()
	principal := "arn:aws:iam::123456789012:user/" + user
	key := "AKIA" + user
	opt := endpoint.WithPrincipalForKey(key, principal)
	srv := endpoint.NewServer(st, opt)
	t.Cleanup(srv.Close)
	creds := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: key, SecretAccessKey: "x"}, nil
	})
	out := map[string]policyClients{
		"direct": {ssmfake.New(st, ssmfake.WithPrincipal(principal)), smfake.New(st, smfake.WithPrincipal(principal))},
	}
	for name, cfg := range map[string]aws.Config{"config": endpoint.Config(st, opt), "server": srv.Config()} {
		cfg.Credentials = creds
		out[name] = policyClients{ssm.NewFromConfig(cfg), secretsmanager.NewFromConfig(cfg)}
	}
	return out
}

func wantDenied(t *testing.T, err error, msg string) {
	t.Helper()
	var api smithy.APIError
	if !errors.As(err, &api) || api.ErrorCode() != "AccessDeniedException" || api.ErrorMessage() != msg {
		t.Errorf("got %v\nwant AccessDeniedException: %s", err, msg)
	}
}

func TestAccessPolicies(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := policyStore(t)
	for mode, c := range clientsAs(t, st, "alice") {
		t.Run(mode, func(t *testing.T) {
			if _, err := c.ssm.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/x")}); err != nil {
				t.Errorf("allowed GetParameter: %v", err)
			}
			_, err := c.ssm.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/secret")})
			wantDenied(t, err, "User: "+alice+" is not authorized to perform: ssm:GetParameter on resource: "+paramARN+"app/secret with an explicit deny in an identity-based policy")
			_, err = c.ssm.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/other")})
			wantDenied(t, err, "User: "+alice+" is not authorized to perform: ssm:GetParameter on resource: "+paramARN+"other because no identity-based policy allows the ssm:GetParameter action")
			var typed *ssmtypes.AccessDeniedException
			if !errors.As(err, &typed) {
				t.Errorf("Parameter Store's denial is %T, want *types.AccessDeniedException", err)
			}
			_, err = c.ssm.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/x"), Value: aws.String("w"), Type: ssmtypes.ParameterTypeString, Overwrite: aws.Bool(true)})
			wantDenied(t, err, "User: "+alice+" is not authorized to perform: ssm:PutParameter on resource: "+paramARN+"app/x because no identity-based policy allows the ssm:PutParameter action")
			_, err = c.ssm.DescribeParameters(ctx, &ssm.DescribeParametersInput{})
			wantDenied(t, err, "User: "+alice+" is not authorized to perform: ssm:DescribeParameters on resource: * because no identity-based policy allows the ssm:DescribeParameters action")
			if got, err := c.sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("db")}); err != nil || aws.ToString(got.SecretString) != "pw" {
				t.Errorf("allowed GetSecretValue: %v", err)
			}
		})
	}
	// A denied write changed nothing; a caller with no policy is not checked.
	got, err := ssmfake.New(st).GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/x")})
	if err != nil || aws.ToString(got.Parameter.Value) != "v" || got.Parameter.Version != 1 {
		t.Errorf("unchecked caller: %+v, %v; want /app/x unchanged at version 1", got, err)
	}
}

// The bridge needs ssm:GetParameter on the reference and
// secretsmanager:GetSecretValue on the secret (AWS's user guide,
// "Referencing AWS Secrets Manager secrets from Parameter Store
// parameters"); each half denied alone refuses the call.
func TestAccessPoliciesBridgeNeedsBoth(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := policyStore(t)
	ref := &ssm.GetParameterInput{Name: aws.String("/aws/reference/secretsmanager/db"), WithDecryption: aws.Bool(true)}
	for _, tc := range []struct{ user, action, resource string }{
		// SSM asks Secrets Manager for the referenced ID, which its denial names.
		{"bridgeOnly", "secretsmanager:GetSecretValue", "db"},
		{"smOnly", "ssm:GetParameter", paramARN + "aws/reference/secretsmanager/db"},
	} {
		for mode, c := range clientsAs(t, st, tc.user) {
			t.Run(tc.user+"/"+mode, func(t *testing.T) {
				_, err := c.ssm.GetParameter(ctx, ref)
				wantDenied(t, err, "User: arn:aws:iam::123456789012:user/"+tc.user+" is not authorized to perform: "+tc.action+" on resource: "+tc.resource+" because no identity-based policy allows the "+tc.action+" action")
			})
		}
	}
	for mode, c := range clientsAs(t, st, "both") {
		if got, err := c.ssm.GetParameter(ctx, ref); err != nil || aws.ToString(got.Parameter.Value) != "pw" {
			t.Errorf("%s: both allowed: %v", mode, err)
		}
	}
}

func TestParsePoliciesErrors(t *testing.T) {
	t.Parallel()
	for name, doc := range map[string]string{
		"unknown field": `{"p": {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {}}]}}`,
		"bad effect":    `{"p": {"Statement": [{"Effect": "Maybe", "Action": "*", "Resource": "*"}]}}`,
		"no resource":   `{"p": {"Statement": [{"Effect": "Allow", "Action": "*"}]}}`,
		"not JSON":      `{`,
	} {
		if _, err := fakeaws.ParsePolicies([]byte(doc)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// Secrets Manager's denials name the secret as the caller did, and a call
// on no resource has no "on resource" part (O: AWS's answers quoted in
// mongodb/awscdk-resources-mongodbatlas#207, "secretsmanager:GetSecretValue
// on resource: cfn/atlas/profile/development because ...", and
// Kralizek/AWSSecretsManagerConfigurationExtensions#78, "to perform:
// secretsmanager:ListSecrets because ..."); CreateSecret is matched against
// the new secret's ARN, whose suffix <name>-?????? stands for.
func TestAccessPoliciesSecretsManagerShapes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := policyStore(t)
	st.SetPolicy("arn:aws:iam::123456789012:user/carol", &fakeaws.Policy{Statement: []fakeaws.Statement{
		{Effect: fakeaws.Allow, Action: []string{"secretsmanager:CreateSecret", "secretsmanager:GetSecretValue"}, Resource: []string{secretARN + "app/*"}},
		{Effect: fakeaws.Allow, Action: []string{"secretsmanager:CreateSecret"}, Resource: []string{secretARN + "exact-??????"}},
	}})
	carol := "User: arn:aws:iam::123456789012:user/carol is not authorized to perform: "
	for mode, c := range clientsAs(t, st, "carol") {
		t.Run(mode, func(t *testing.T) {
			_, err := c.sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("db")})
			wantDenied(t, err, carol+"secretsmanager:GetSecretValue on resource: db because no identity-based policy allows the secretsmanager:GetSecretValue action")
			_, err = c.sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(secretARN + "db-AbCdEf")})
			wantDenied(t, err, carol+"secretsmanager:GetSecretValue on resource: "+secretARN+"db-AbCdEf because no identity-based policy allows the secretsmanager:GetSecretValue action")
			_, err = c.sm.ListSecrets(ctx, &secretsmanager.ListSecretsInput{})
			wantDenied(t, err, carol+"secretsmanager:ListSecrets because no identity-based policy allows the secretsmanager:ListSecrets action")
			_, err = c.sm.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("other/" + mode), SecretString: aws.String("s")})
			wantDenied(t, err, carol+"secretsmanager:CreateSecret on resource: other/"+mode+" because no identity-based policy allows the secretsmanager:CreateSecret action")
			if _, err := c.sm.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("app/" + mode), SecretString: aws.String("s")}); err != nil {
				t.Errorf("CreateSecret allowed by secret:app/*: %v", err)
			}
			// A secret that does not exist, allowed by name-??????: AWS's
			// ResourceNotFoundException, not a denial.
			_, err = c.sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("app/missing")})
			var api smithy.APIError
			if !errors.As(err, &api) || api.ErrorCode() != "ResourceNotFoundException" {
				t.Errorf("allowed, missing secret: %v, want ResourceNotFoundException", err)
			}
		})
	}
	// The ?????? of a policy matches the suffix a new secret is given.
	if _, err := smfake.New(st, smfake.WithPrincipal("arn:aws:iam::123456789012:user/carol")).CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("exact"), SecretString: aws.String("s")}); err != nil {
		t.Errorf("CreateSecret allowed by secret:exact-??????: %v", err)
	}
}

// Parameter Store's tags name the parameter in ResourceId: the call is
// matched against its ARN.
func TestAccessPoliciesTagsOnParameters(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := policyStore(t)
	st.SetPolicy("arn:aws:iam::123456789012:user/tagger", &fakeaws.Policy{Statement: []fakeaws.Statement{
		{Effect: fakeaws.Allow, Action: []string{"ssm:AddTagsToResource"}, Resource: []string{paramARN + "app/*"}},
	}})
	tag := func(name string) *ssm.AddTagsToResourceInput {
		return &ssm.AddTagsToResourceInput{ResourceType: ssmtypes.ResourceTypeForTaggingParameter, ResourceId: aws.String(name), Tags: []ssmtypes.Tag{{Key: aws.String("k"), Value: aws.String("v")}}}
	}
	for mode, c := range clientsAs(t, st, "tagger") {
		t.Run(mode, func(t *testing.T) {
			if _, err := c.ssm.AddTagsToResource(ctx, tag("/app/x")); err != nil {
				t.Errorf("allowed AddTagsToResource: %v", err)
			}
			_, err := c.ssm.AddTagsToResource(ctx, tag("/other"))
			wantDenied(t, err, "User: arn:aws:iam::123456789012:user/tagger is not authorized to perform: ssm:AddTagsToResource on resource: "+paramARN+"other because no identity-based policy allows the ssm:AddTagsToResource action")
		})
	}
}

// BatchGetSecretValue needs secretsmanager:BatchGetSecretValue (on "*"),
// secretsmanager:ListSecrets with Filters, and GetSecretValue on each
// secret; a secret refused is reported in Errors as AccessDeniedException,
// the others are answered (the SDK's doc of BatchGetSecretValue).
func TestAccessPoliciesBatchGetSecretValue(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := policyStore(t)
	if _, err := smfake.New(st).CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("app/a"), SecretString: aws.String("a")}); err != nil {
		t.Fatal(err)
	}
	batch := []fakeaws.Statement{
		{Effect: fakeaws.Allow, Action: []string{"secretsmanager:BatchGetSecretValue"}, Resource: []string{"*"}},
		{Effect: fakeaws.Allow, Action: []string{"secretsmanager:GetSecretValue"}, Resource: []string{secretARN + "app/*"}},
	}
	st.SetPolicy("arn:aws:iam::123456789012:user/batch", &fakeaws.Policy{Statement: batch})
	st.SetPolicy("arn:aws:iam::123456789012:user/nobatch", &fakeaws.Policy{Statement: batch[1:]})
	user := "User: arn:aws:iam::123456789012:user/"
	type result struct{ Values, Errors []string }
	summary := func(out *secretsmanager.BatchGetSecretValueOutput) result {
		var r result
		for _, v := range out.SecretValues {
			r.Values = append(r.Values, aws.ToString(v.Name)+"="+aws.ToString(v.SecretString))
		}
		for _, e := range out.Errors {
			r.Errors = append(r.Errors, aws.ToString(e.SecretId)+": "+aws.ToString(e.ErrorCode)+": "+aws.ToString(e.Message))
		}
		return r
	}
	for mode, c := range clientsAs(t, st, "batch") {
		t.Run("batch/"+mode, func(t *testing.T) {
			out, err := c.sm.BatchGetSecretValue(ctx, &secretsmanager.BatchGetSecretValueInput{SecretIdList: []string{"app/a", "db", "app/missing", "nope"}})
			if err != nil {
				t.Fatal(err)
			}
			want := result{
				Values: []string{"app/a=a"},
				Errors: []string{
					"app/missing: ResourceNotFoundException: Secrets Manager can't find the specified secret.",
					"nope: AccessDeniedException: " + user + "batch is not authorized to perform: secretsmanager:GetSecretValue on resource: nope because no identity-based policy allows the secretsmanager:GetSecretValue action",
					"db: AccessDeniedException: " + user + "batch is not authorized to perform: secretsmanager:GetSecretValue on resource: db because no identity-based policy allows the secretsmanager:GetSecretValue action",
				},
			}
			if diff := cmp.Diff(want, summary(out)); diff != "" {
				t.Errorf("by ID (-want +got):\n%s", diff)
			}
			_, err = c.sm.BatchGetSecretValue(ctx, &secretsmanager.BatchGetSecretValueInput{Filters: []smtypes.Filter{{Key: smtypes.FilterNameStringTypeName, Values: []string{"app"}}}})
			wantDenied(t, err, user+"batch is not authorized to perform: secretsmanager:ListSecrets because no identity-based policy allows the secretsmanager:ListSecrets action")
		})
	}
	for mode, c := range clientsAs(t, st, "nobatch") {
		_, err := c.sm.BatchGetSecretValue(ctx, &secretsmanager.BatchGetSecretValueInput{SecretIdList: []string{"app/a"}})
		t.Run("nobatch/"+mode, func(t *testing.T) {
			wantDenied(t, err, user+"nobatch is not authorized to perform: secretsmanager:BatchGetSecretValue because no identity-based policy allows the secretsmanager:BatchGetSecretValue action")
		})
	}
}

// The SDK validates an input before it is sent, so a call missing a
// required field gets the SDK's error, not a denial.
func TestAccessPoliciesValidateFirst(t *testing.T) {
	t.Parallel()
	st := policyStore(t)
	_, err := ssmfake.New(st, ssmfake.WithPrincipal(alice)).GetParameter(context.Background(), &ssm.GetParameterInput{})
	want := "operation error SSM: GetParameter, 1 validation error(s) found.\n- missing required field, GetParameterInput.Name.\n"
	if err == nil || err.Error() != want {
		t.Errorf("GetParameter without Name: %v, want the SDK's %q", err, want)
	}
}

// A policy for AnyPrincipal applies to every principal without its own (an
// empty one denies them everything); a principal with its own policy and a
// call made as no principal are not affected.
func TestAccessPoliciesAnyPrincipal(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := policyStore(t)
	st.SetPolicy(fakeaws.AnyPrincipal, &fakeaws.Policy{})
	for mode, c := range clientsAs(t, st, "stranger") {
		t.Run("stranger/"+mode, func(t *testing.T) {
			_, err := c.ssm.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/x")})
			wantDenied(t, err, "User: arn:aws:iam::123456789012:user/stranger is not authorized to perform: ssm:GetParameter on resource: "+paramARN+"app/x because no identity-based policy allows the ssm:GetParameter action")
		})
	}
	for mode, c := range clientsAs(t, st, "alice") {
		t.Run("alice/"+mode, func(t *testing.T) {
			if _, err := c.ssm.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/x")}); err != nil {
				t.Errorf("alice's own policy: %v", err)
			}
		})
	}
	if _, err := ssmfake.New(st).GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/other")}); err != nil {
		t.Errorf("no principal: %v", err)
	}
	st.SetPolicy(fakeaws.AnyPrincipal, nil)
	if _, err := ssmfake.New(st, ssmfake.WithPrincipal("arn:aws:iam::123456789012:user/stranger")).GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/other")}); err != nil {
		t.Errorf("AnyPrincipal's policy removed: %v", err)
	}
}

// BenchmarkPolicyGetParameter measures what access policies cost a direct
// GetParameter: none set; set, but the caller has no principal (the default);
// a principal without a policy; a principal whose policy is evaluated.
func BenchmarkPolicyGetParameter(b *testing.B) {
	ctx := context.Background()
	in := &ssm.GetParameterInput{Name: aws.String("/app/x")}
	for _, bc := range []struct {
		name      string
		policies  bool
		principal string
	}{
		{"none", false, ""},
		{"set/no-principal", true, ""},
		{"set/principal-without-policy", true, "arn:aws:iam::123456789012:user/stranger"},
		{"set/principal-allowed", true, alice},
	} {
		b.Run(bc.name, func(b *testing.B) {
			st := fakeaws.New()
			if _, err := ssmfake.New(st).PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/x"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString}); err != nil {
				b.Fatal(err)
			}
			if bc.policies {
				st.SetPolicy(alice, &fakeaws.Policy{Statement: []fakeaws.Statement{
					{Effect: fakeaws.Allow, Action: []string{"ssm:Get*"}, Resource: []string{paramARN + "app/*"}},
					{Effect: fakeaws.Deny, Action: []string{"ssm:GetParameter"}, Resource: []string{paramARN + "app/secret"}},
				}})
			}
			c := ssmfake.New(st, ssmfake.WithPrincipal(bc.principal))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.GetParameter(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
