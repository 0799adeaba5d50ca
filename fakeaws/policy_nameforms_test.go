package fakeaws_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// Every way of writing a name that a policy refuses is refused: the
// policy is checked against the resource the operation resolves (trimmed,
// an ARN read as its name, a selector dropped), never the raw input, so no
// spelling of /app/admin or of a reference gets past a Deny or a missing
// Allow, and a refused call writes nothing.

const (
	nameformsPrincipal = "arn:aws:iam::123456789012:user/nameforms"
	adminARN           = "arn:aws:ssm:us-east-1:123456789012:parameter/app/admin"
	prodDBARN          = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"
)

// nameformsStore holds /app/admin (version 1 labelled stable, tagged
// team=a), /app/other and the secret prod/db (suffix AbCdEf, tagged
// team=a), and gives nameformsPrincipal policy.
func nameformsStore(t *testing.T, policy []fakeaws.Statement) *fakeaws.Store {
	t.Helper()
	ctx := context.Background()
	st := fakeaws.New(fakeaws.WithARNSuffixes("AbCdEf"))
	p, s := ssmfake.New(st), smfake.New(st)
	for _, n := range []string{"/app/admin", "/app/other"} {
		if _, err := p.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(n), Value: aws.String("v1"), Type: ssmtypes.ParameterTypeString}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := p.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String("/app/admin"), ParameterVersion: aws.Int64(1), Labels: []string{"stable"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.AddTagsToResource(ctx, &ssm.AddTagsToResourceInput{ResourceType: ssmtypes.ResourceTypeForTaggingParameter, ResourceId: aws.String("/app/admin"), Tags: []ssmtypes.Tag{{Key: aws.String("team"), Value: aws.String("a")}}}); err != nil {
		t.Fatal(err)
	}
	out, err := s.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("prod/db"), SecretString: aws.String("pw"), Tags: []smtypes.Tag{{Key: aws.String("team"), Value: aws.String("a")}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := aws.ToString(out.ARN); got != prodDBARN {
		t.Fatalf("prod/db's ARN = %s, want %s", got, prodDBARN)
	}
	st.SetPolicy(nameformsPrincipal, &fakeaws.Policy{Statement: policy})
	return st
}

func dump(t *testing.T, st *fakeaws.Store) string {
	t.Helper()
	var b bytes.Buffer
	if err := st.Dump(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// errInvalidParameters stands for a GetParameters or DeleteParameters
// that answered its one name in InvalidParameters: the service's refusal
// of a name that names no parameter, which these batch operations report
// in their answer rather than as an error.
var errInvalidParameters = errors.New("the name was answered in InvalidParameters")

// invalidParameters is errInvalidParameters when a batch operation's
// answer for the one name asked has no parameter done and exactly that
// name invalid, and nil otherwise (the name was served).
func invalidParameters(name string, done int, invalid []string) error {
	if done == 0 && cmp.Equal(invalid, []string{name}) {
		return errInvalidParameters
	}
	return nil
}

// refusedWritingNothing runs call on st and requires an error (an
// AccessDeniedException unless anyError, when the service's own refusal,
// including errInvalidParameters, will do) and st's state unchanged.
func refusedWritingNothing(t *testing.T, st *fakeaws.Store, anyError bool, call func() error) {
	t.Helper()
	before := dump(t, st)
	err := call()
	var api smithy.APIError
	switch {
	case err == nil:
		t.Errorf("allowed, want refused")
	case anyError && errors.Is(err, errInvalidParameters):
		// The batch operation's own refusal.
	case !errors.As(err, &api):
		t.Errorf("got %v, want an API error", err)
	case !anyError && api.ErrorCode() != "AccessDeniedException":
		t.Errorf("got %v, want AccessDeniedException", err)
	}
	if diff := cmp.Diff(before, dump(t, st)); diff != "" {
		t.Errorf("a refused call changed the Store (-want +got):\n%s", diff)
	}
}

func TestPolicyNameFormsParameterStore(t *testing.T) {
	t.Parallel()
	policies := []struct {
		name   string
		policy []fakeaws.Statement
	}{
		{"explicit deny on /app/admin", []fakeaws.Statement{
			{Effect: fakeaws.Allow, Action: []string{"*"}, Resource: []string{"*"}},
			{Effect: fakeaws.Deny, Action: []string{"*"}, Resource: []string{adminARN}},
		}},
		{"no allow for /app/admin", []fakeaws.Statement{
			{Effect: fakeaws.Allow, Action: []string{"*"}, Resource: []string{paramARN + "app/other"}},
		}},
	}
	forms := []struct {
		name, form  string
		doubleSlash bool // the service may refuse it with its own error (for GetParameters and DeleteParameters, InvalidParameters)
	}{
		{"leading space", " /app/admin", false},
		{"trailing space", "/app/admin ", false},
		{"spaces both sides", "  /app/admin  ", false},
		{"full ARN", adminARN, false},
		{"full ARN with version", adminARN + ":1", false},
		{"full ARN with label", adminARN + ":stable", false},
		{"name with version", "/app/admin:1", false},
		{"name with label", "/app/admin:stable", false},
		{"leading doubled slash", "//app/admin", true},
		{"inner doubled slash", "/app//admin", true},
	}
	ops := []struct {
		name string
		call func(ctx context.Context, c ssmClient, name string) error
	}{
		{"GetParameter", func(ctx context.Context, c ssmClient, name string) error {
			_, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name)})
			return err
		}},
		{"GetParameters", func(ctx context.Context, c ssmClient, name string) error {
			out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{name}})
			if err == nil {
				return invalidParameters(name, len(out.Parameters), out.InvalidParameters)
			}
			return err
		}},
		{"GetParameterHistory", func(ctx context.Context, c ssmClient, name string) error {
			_, err := c.GetParameterHistory(ctx, &ssm.GetParameterHistoryInput{Name: aws.String(name)})
			return err
		}},
		{"PutParameter", func(ctx context.Context, c ssmClient, name string) error {
			_, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(name), Value: aws.String("v2"), Type: ssmtypes.ParameterTypeString, Overwrite: aws.Bool(true)})
			return err
		}},
		{"DeleteParameter", func(ctx context.Context, c ssmClient, name string) error {
			_, err := c.DeleteParameter(ctx, &ssm.DeleteParameterInput{Name: aws.String(name)})
			return err
		}},
		{"DeleteParameters", func(ctx context.Context, c ssmClient, name string) error {
			out, err := c.DeleteParameters(ctx, &ssm.DeleteParametersInput{Names: []string{name}})
			if err == nil {
				return invalidParameters(name, len(out.DeletedParameters), out.InvalidParameters)
			}
			return err
		}},
		{"LabelParameterVersion", func(ctx context.Context, c ssmClient, name string) error {
			_, err := c.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String(name), ParameterVersion: aws.Int64(1), Labels: []string{"fresh"}})
			return err
		}},
		{"UnlabelParameterVersion", func(ctx context.Context, c ssmClient, name string) error {
			_, err := c.UnlabelParameterVersion(ctx, &ssm.UnlabelParameterVersionInput{Name: aws.String(name), ParameterVersion: aws.Int64(1), Labels: []string{"stable"}})
			return err
		}},
		{"AddTagsToResource", func(ctx context.Context, c ssmClient, name string) error {
			_, err := c.AddTagsToResource(ctx, &ssm.AddTagsToResourceInput{ResourceType: ssmtypes.ResourceTypeForTaggingParameter, ResourceId: aws.String(name), Tags: []ssmtypes.Tag{{Key: aws.String("k"), Value: aws.String("v")}}})
			return err
		}},
		{"RemoveTagsFromResource", func(ctx context.Context, c ssmClient, name string) error {
			_, err := c.RemoveTagsFromResource(ctx, &ssm.RemoveTagsFromResourceInput{ResourceType: ssmtypes.ResourceTypeForTaggingParameter, ResourceId: aws.String(name), TagKeys: []string{"team"}})
			return err
		}},
		{"ListTagsForResource", func(ctx context.Context, c ssmClient, name string) error {
			_, err := c.ListTagsForResource(ctx, &ssm.ListTagsForResourceInput{ResourceType: ssmtypes.ResourceTypeForTaggingParameter, ResourceId: aws.String(name)})
			return err
		}},
	}
	for _, way := range ways {
		for _, pol := range policies {
			for _, op := range ops {
				for _, f := range forms {
					t.Run(way+"/"+pol.name+"/"+op.name+"/"+f.name, func(t *testing.T) {
						t.Parallel()
						st := nameformsStore(t, pol.policy)
						c, _ := clientsFor(st, way, nameformsPrincipal)
						refusedWritingNothing(t, st, f.doubleSlash, func() error {
							return op.call(context.Background(), c, f.form)
						})
					})
				}
			}
		}
	}
}

// A reference to a secret needs secretsmanager:GetSecretValue on the
// secret however the reference is spelt.
func TestPolicyNameFormsReference(t *testing.T) {
	t.Parallel()
	policies := []struct {
		name   string
		policy []fakeaws.Statement
	}{
		{"only ssm:GetParameter(s) allowed", []fakeaws.Statement{
			{Effect: fakeaws.Allow, Action: []string{"ssm:GetParameter", "ssm:GetParameters"}, Resource: []string{"*"}},
		}},
		{"secretsmanager:GetSecretValue denied", []fakeaws.Statement{
			{Effect: fakeaws.Allow, Action: []string{"*"}, Resource: []string{"*"}},
			{Effect: fakeaws.Deny, Action: []string{"secretsmanager:GetSecretValue"}, Resource: []string{"*"}},
		}},
	}
	forms := []struct{ name, form string }{
		{"leading space", " /aws/reference/secretsmanager/prod/db"},
		{"trailing space", "/aws/reference/secretsmanager/prod/db "},
		{"stage selector", "/aws/reference/secretsmanager/prod/db:AWSCURRENT"},
	}
	ops := []struct {
		name string
		call func(ctx context.Context, c ssmClient, name string) error
	}{
		{"GetParameter", func(ctx context.Context, c ssmClient, name string) error {
			_, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name), WithDecryption: aws.Bool(true)})
			return err
		}},
		{"GetParameters", func(ctx context.Context, c ssmClient, name string) error {
			_, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{name}, WithDecryption: aws.Bool(true)})
			return err
		}},
	}
	for _, way := range ways {
		for _, pol := range policies {
			for _, op := range ops {
				for _, f := range forms {
					t.Run(way+"/"+pol.name+"/"+op.name+"/"+f.name, func(t *testing.T) {
						t.Parallel()
						st := nameformsStore(t, pol.policy)
						c, _ := clientsFor(st, way, nameformsPrincipal)
						refusedWritingNothing(t, st, false, func() error {
							return op.call(context.Background(), c, f.form)
						})
					})
				}
			}
		}
	}
}

// A Deny on a secret's ARN pattern refuses the secret named by name, by
// full ARN and by partial ARN (the ARN without its suffix).
func TestPolicyNameFormsSecretsManager(t *testing.T) {
	t.Parallel()
	policy := []fakeaws.Statement{
		{Effect: fakeaws.Allow, Action: []string{"*"}, Resource: []string{"*"}},
		{Effect: fakeaws.Deny, Action: []string{"*"}, Resource: []string{"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-??????"}},
	}
	forms := []struct{ name, form string }{
		{"name", "prod/db"},
		{"full ARN", prodDBARN},
		{"partial ARN", strings.TrimSuffix(prodDBARN, "-AbCdEf")},
	}
	ops := []struct {
		name string
		call func(ctx context.Context, c smClient, id string) error
	}{
		{"GetSecretValue", func(ctx context.Context, c smClient, id string) error {
			_, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(id)})
			return err
		}},
		{"DescribeSecret", func(ctx context.Context, c smClient, id string) error {
			_, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String(id)})
			return err
		}},
		{"PutSecretValue", func(ctx context.Context, c smClient, id string) error {
			_, err := c.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String(id), SecretString: aws.String("pw2")})
			return err
		}},
		{"UpdateSecret", func(ctx context.Context, c smClient, id string) error {
			_, err := c.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: aws.String(id), Description: aws.String("changed")})
			return err
		}},
		{"TagResource", func(ctx context.Context, c smClient, id string) error {
			_, err := c.TagResource(ctx, &secretsmanager.TagResourceInput{SecretId: aws.String(id), Tags: []smtypes.Tag{{Key: aws.String("k"), Value: aws.String("v")}}})
			return err
		}},
		{"DeleteSecret", func(ctx context.Context, c smClient, id string) error {
			_, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String(id)})
			return err
		}},
	}
	for _, way := range ways {
		for _, op := range ops {
			for _, f := range forms {
				t.Run(way+"/"+op.name+"/"+f.name, func(t *testing.T) {
					t.Parallel()
					st := nameformsStore(t, policy)
					_, c := clientsFor(st, way, nameformsPrincipal)
					refusedWritingNothing(t, st, false, func() error {
						return op.call(context.Background(), c, f.form)
					})
				})
			}
		}
	}
}
