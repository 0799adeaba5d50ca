package fakeaws_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
)

// AWS rules of docs/aws-behaviour.md §2.3, §2.6, §3.2 and §3.5, each tried
// through both ways in; the test names give the sources.

// apiErr returns "Code: message" of err's API error, or what err is.
func apiErr(err error) string {
	if err == nil {
		return "no error"
	}
	var api smithy.APIError
	if !errors.As(err, &api) {
		return "not an API error: " + err.Error()
	}
	return api.ErrorCode() + ": " + api.ErrorMessage()
}

func forEachWay(t *testing.T, f func(t *testing.T, ssmc ssmClient, smc smClient)) {
	t.Helper()
	for _, way := range ways {
		t.Run(way, func(t *testing.T) {
			t.Parallel()
			ssmc, smc := clientsFor(fakeaws.New(), way, "")
			f(t, ssmc, smc)
		})
	}
}

// API reference, PutParameter, Value: "You can't include values wrapped in
// double brackets {{}} or {{ssm:parameter-name}} in a parameter value";
// the text as AWS has answered it in public reports.
func TestPutParameterRefusesNestedParameter_APIReferenceValue(t *testing.T) {
	t.Parallel()
	const refused = `ValidationException: Parameter value can't nest another parameter. Do not use "{{}}" in the value.`
	forEachWay(t, func(t *testing.T, c ssmClient, _ smClient) {
		ctx := context.Background()
		for value, want := range map[string]string{
			"{{ssm:other}}":     refused,
			"x {{ name }} y":    refused,
			"{{}}":              refused,
			"a{{b\n}}":          refused,
			"{{ not closed":     "no error",
			"}} before {{":      "no error",
			"{single} {braces}": "no error",
		} {
			name := "/n" + string(rune('a'+len(value)%26))
			_, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(name), Value: aws.String(value), Type: types.ParameterTypeString, Overwrite: aws.Bool(true)})
			if got := apiErr(err); got != want {
				t.Errorf("value %q: %s, want %s", value, got, want)
			}
		}
		if _, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/kept"), Value: aws.String("v"), Type: types.ParameterTypeString}); err != nil {
			t.Fatal(err)
		}
		_, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/kept"), Value: aws.String("{{ssm:x}}"), Overwrite: aws.Bool(true)})
		if got := apiErr(err); got != refused {
			t.Errorf("overwrite: %s, want %s", got, refused)
		}
		out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/kept")})
		if err != nil || aws.ToString(out.Parameter.Value) != "v" || out.Parameter.Version != 1 {
			t.Errorf("after the refused overwrite: %+v, %v; want v, version 1", out, err)
		}
	})
}

// User guide, parameter data types: "For most data types, Parameter Store
// validates the value during the PutParameter operation and rejects values
// that don't conform"; a StringList is checked item by item. The text is
// the fake's (AWS's is not recorded).
func TestPutParameterIntegerDataType_GuideDataTypes(t *testing.T) {
	t.Parallel()
	const refused = "ValidationException: Parameter value is not valid for the data type integer: each value must be a whole number, such as 443."
	forEachWay(t, func(t *testing.T, c ssmClient, _ smClient) {
		ctx := context.Background()
		for i, tc := range []struct {
			typ   types.ParameterType
			value string
			want  string
		}{
			{types.ParameterTypeString, "443", "no error"},
			{types.ParameterTypeString, "-7", "no error"},
			{types.ParameterTypeSecureString, "0", "no error"},
			{types.ParameterTypeString, "4.5", refused},
			{types.ParameterTypeString, "abc", refused},
			{types.ParameterTypeString, " 1", refused},
			{types.ParameterTypeSecureString, "x", refused},
			{types.ParameterTypeStringList, "1,2,3", "no error"},
			{types.ParameterTypeStringList, "1,x,3", refused},
		} {
			name := "/int/" + string(rune('a'+i))
			_, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(name), Value: aws.String(tc.value), Type: tc.typ, DataType: aws.String("integer")})
			if got := apiErr(err); got != tc.want {
				t.Errorf("%s %q: %s, want %s", tc.typ, tc.value, got, tc.want)
			}
		}
		// An overwrite keeps the data type, and its value is checked too.
		_, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/int/a"), Value: aws.String("many"), Overwrite: aws.Bool(true)})
		if got := apiErr(err); got != refused {
			t.Errorf("overwrite of an integer parameter: %s, want %s", got, refused)
		}
	})
}

// API reference, PutParameter, DataType: "If you submit an invalid AMI
// value, the PutParameter operation will return success, but the
// asynchronous validation will fail and the parameter will not be created
// or updated"; user guide, native parameter support for AMI IDs.
func TestPutParameterEC2ImageNotAnAMINeverCreated_APIReferenceDataType(t *testing.T) {
	t.Parallel()
	forEachWay(t, func(t *testing.T, c ssmClient, _ smClient) {
		ctx := context.Background()
		put := func(value string, overwrite bool) *ssm.PutParameterOutput {
			t.Helper()
			out, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/ami"), Value: aws.String(value),
				Type: types.ParameterTypeString, DataType: aws.String("aws:ec2:image"), Overwrite: aws.Bool(overwrite)})
			if err != nil {
				t.Fatalf("PutParameter(%q): %v", value, err)
			}
			return out
		}
		if out := put("not-an-ami", false); out.Version != 1 || out.Tier != types.ParameterTierStandard {
			t.Errorf("answer %+v, want version 1, Standard", out)
		}
		_, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/ami")})
		var nf *types.ParameterNotFound
		if !errors.As(err, &nf) {
			t.Fatalf("GetParameter after an invalid AMI: %v, want ParameterNotFound", err)
		}
		put("ami-0123456789abcdef0", false)
		if out := put("ami-XYZ", true); out.Version != 2 {
			t.Errorf("answer to the invalid overwrite: version %d, want 2", out.Version)
		}
		got, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/ami")})
		if err != nil || aws.ToString(got.Parameter.Value) != "ami-0123456789abcdef0" || got.Parameter.Version != 1 {
			t.Errorf("after the invalid overwrite: %+v, %v; want version 1 unchanged", got, err)
		}
		put("ami-12345678", true)
		if got, _ := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/ami")}); got == nil || got.Parameter.Version != 2 {
			t.Errorf("a valid overwrite: %+v, want version 2", got)
		}
	})
}

// API reference, PutParameter, Tier: standard parameters "can't be
// configured to use parameter policies". AWS's text is not recorded; the
// fake's is given.
func TestPutParameterPoliciesNeedAdvancedTier_APIReferenceTier(t *testing.T) {
	t.Parallel()
	const refused = "ValidationException: Standard tier parameters don't support parameter policies. To use parameter policies, create the parameter in the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html"
	const policy = `[{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2030-01-01T00:00:00.000Z"}}]`
	forEachWay(t, func(t *testing.T, c ssmClient, _ smClient) {
		ctx := context.Background()
		for i, tc := range []struct {
			tier     types.ParameterTier
			policies string
			want     string
			wantTier types.ParameterTier
		}{
			{types.ParameterTierStandard, policy, refused, ""},
			{"", policy, refused, ""}, // the default tier is Standard
			{types.ParameterTierStandard, "[]", "no error", types.ParameterTierStandard},
			{types.ParameterTierStandard, "", "no error", types.ParameterTierStandard},
			{types.ParameterTierAdvanced, policy, "no error", types.ParameterTierAdvanced},
			{types.ParameterTierIntelligentTiering, policy, "no error", types.ParameterTierAdvanced},
		} {
			out, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/pol/" + string(rune('a'+i))), Value: aws.String("v"),
				Type: types.ParameterTypeString, Tier: tc.tier, Policies: aws.String(tc.policies)})
			if got := apiErr(err); got != tc.want {
				t.Errorf("tier %q, policies %q: %s, want %s", tc.tier, tc.policies, got, tc.want)
			}
			if err == nil && out.Tier != tc.wantTier {
				t.Errorf("tier %q, policies %q: tier %s, want %s", tc.tier, tc.policies, out.Tier, tc.wantTier)
			}
		}
		if _, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/pol/a")}); apiErr(err) != "ParameterNotFound: " {
			t.Errorf("a refused put stored something: %v", err)
		}
	})
}

// User guide, DescribeParameters' Name filter: a leading "/" is ignored by
// Contains as by Equals and BeginsWith, which compare names as if they had
// one: "/tan" matches /tangent-3 and tangram-4, not standby-5 (moto PR 3189,
// whose tests follow AWS's answers).
func TestDescribeParametersContainsLeadingSlash_MotoPR3189(t *testing.T) {
	t.Parallel()
	forEachWay(t, func(t *testing.T, c ssmClient, _ smClient) {
		ctx := context.Background()
		for _, n := range []string{"/tangent-3", "tangram-4", "standby-5"} {
			if _, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(n), Value: aws.String("v"), Type: types.ParameterTypeString}); err != nil {
				t.Fatal(err)
			}
		}
		for value, want := range map[string][]string{
			"/tan": {"/tangent-3", "tangram-4"},
			"tan":  {"/tangent-3", "standby-5", "tangram-4"},
			"/sta": {"standby-5"},
		} {
			out, err := c.DescribeParameters(ctx, &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{
				{Key: aws.String("Name"), Option: aws.String("Contains"), Values: []string{value}}}})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range out.Parameters {
				got = append(got, aws.ToString(p.Name))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Contains %q (-want +got):\n%s", value, diff)
			}
		}
	})
}

// Secrets Manager user guide, troubleshooting ("ARN_secretnamehyphen"): a
// name ending in a hyphen and six characters, given as a partial ARN, is
// taken as a complete ARN, and so finds no secret.
func TestPartialARNEndingLikeSuffix_GuideTroubleshooting(t *testing.T) {
	t.Parallel()
	forEachWay(t, func(t *testing.T, _ ssmClient, c smClient) {
		ctx := context.Background()
		prefix := "arn:aws:secretsmanager:us-east-1:123456789012:secret:"
		for _, name := range []string{"app-abcdef", "app-abc"} {
			if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(name), SecretString: aws.String("v")}); err != nil {
				t.Fatal(err)
			}
		}
		for id, want := range map[string]string{
			"app-abcdef":          "no error",
			prefix + "app-abcdef": "ResourceNotFoundException: Secrets Manager can't find the specified secret.",
			prefix + "app-abc":    "no error", // "-abc" is not six characters: a partial ARN
		} {
			_, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(id)})
			if got := apiErr(err); got != want {
				t.Errorf("%s: %s, want %s", id, got, want)
			}
		}
		d, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("app-abcdef")})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: d.ARN}); err != nil {
			t.Errorf("the complete ARN %s: %v", aws.ToString(d.ARN), err)
		}
	})
}

// moto issue 6461, from AWS's answer: DeleteSecret checks the range of
// RecoveryWindowInDays before its conflict with ForceDeleteWithoutRecovery.
func TestDeleteSecretWindowRangeBeforeForceConflict_Moto6461(t *testing.T) {
	t.Parallel()
	forEachWay(t, func(t *testing.T, _ ssmClient, c smClient) {
		ctx := context.Background()
		if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v")}); err != nil {
			t.Fatal(err)
		}
		for window, want := range map[int64]string{
			0:  "InvalidParameterException: The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).",
			31: "InvalidParameterException: The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).",
			7:  "InvalidParameterException: You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
		} {
			_, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("s"),
				RecoveryWindowInDays: aws.Int64(window), ForceDeleteWithoutRecovery: aws.Bool(true)})
			if got := apiErr(err); got != want {
				t.Errorf("window %d with force: %s, want %s", window, got, want)
			}
		}
	})
}

// UpdateSecretVersionStage cannot take AWSCURRENT off a version without
// moving it (observed: AWS's answer, as reported from runs against AWS; no
// public recording).
func TestUpdateSecretVersionStageCannotRemoveAWSCURRENT(t *testing.T) {
	t.Parallel()
	forEachWay(t, func(t *testing.T, _ ssmClient, c smClient) {
		ctx := context.Background()
		out, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v")})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String("s"),
			VersionStage: aws.String("AWSCURRENT"), RemoveFromVersionId: out.VersionId})
		want := "InvalidParameterException: You can only move staging label AWSCURRENT to a different secret version. It can't be completely removed."
		if got := apiErr(err); got != want {
			t.Errorf("%s, want %s", got, want)
		}
		v, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")})
		if err != nil || aws.ToString(v.VersionId) != aws.ToString(out.VersionId) {
			t.Errorf("after the refusal: %+v, %v; want the version still AWSCURRENT", v, err)
		}
	})
}

// lastBody is an aws.HTTPClient that keeps the last response body.
type lastBody struct {
	next aws.HTTPClient
	body []byte
}

func (l *lastBody) Do(r *http.Request) (*http.Response, error) {
	res, err := l.next.Do(r)
	if err != nil {
		return res, err
	}
	l.body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	res.Body = io.NopCloser(bytes.NewReader(l.body))
	return res, nil
}

// LocalStack's AWS-validated snapshot of test_secret_tags (recorded
// against AWS, 2024): DescribeSecret has no Tags for a secret that never had
// any, and "Tags": [] once every tag was removed; ListSecrets lists the
// same entry.
func TestTagsEmptyAfterUntagAll_LocalStackSnapshot(t *testing.T) {
	t.Parallel()
	st := fakeaws.New()
	rec := &lastBody{}
	cfg := endpoint.Config(st)
	rec.next, cfg.HTTPClient = cfg.HTTPClient, rec
	wire := secretsmanager.NewFromConfig(cfg)
	_, direct := clientsFor(st, "direct", "")
	ctx := context.Background()
	if _, err := wire.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v")}); err != nil {
		t.Fatal(err)
	}
	check := func(step string, wantTags string) {
		t.Helper()
		if _, err := wire.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")}); err != nil {
			t.Fatal(err)
		}
		if got := tagsMember(rec.body); got != wantTags {
			t.Errorf("%s: DescribeSecret's Tags on the wire: %s, want %s", step, got, wantTags)
		}
		if _, err := wire.ListSecrets(ctx, &secretsmanager.ListSecretsInput{}); err != nil {
			t.Fatal(err)
		}
		if got := tagsMember(rec.body); got != wantTags {
			t.Errorf("%s: ListSecrets' Tags on the wire: %s, want %s", step, got, wantTags)
		}
		d, err := direct.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
		if err != nil {
			t.Fatal(err)
		}
		if gotNil := d.Tags == nil; gotNil != (wantTags == "absent") {
			t.Errorf("%s: the direct fake's Tags %#v, want %s", step, d.Tags, wantTags)
		}
	}
	check("never tagged", "absent")
	if _, err := wire.TagResource(ctx, &secretsmanager.TagResourceInput{SecretId: aws.String("s"), Tags: []smtypes.Tag{{Key: aws.String("k"), Value: aws.String("v")}}}); err != nil {
		t.Fatal(err)
	}
	check("tagged", `[{"Key":"k","Value":"v"}]`)
	if _, err := wire.UntagResource(ctx, &secretsmanager.UntagResourceInput{SecretId: aws.String("s"), TagKeys: []string{"k"}}); err != nil {
		t.Fatal(err)
	}
	check("every tag removed", "[]")
}

// tagsMember returns the text of the first "Tags" member in body, or
// "absent".
func tagsMember(body []byte) string {
	s := string(body)
	i := strings.Index(s, `"Tags":`)
	if i < 0 {
		return "absent"
	}
	s = s[i+len(`"Tags":`):]
	depth := 0
	for j, c := range s {
		switch c {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return s[:j+1]
			}
		}
	}
	return s
}
