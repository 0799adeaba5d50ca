package ssmfake_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
)

const badName = `Parameter name: can't be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_`

// deep returns a path of n levels.
func deep(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "/L%d", i)
	}
	return b.String()
}

func TestPutParameter(t *testing.T) {
	t.Parallel()
	// The ARN prefix in eu-west-1 for 123456789012 is 45 characters, so
	// a name can have 1011-45 = 966 characters after its slash.
	prefixLen := len("arn:aws:ssm:eu-west-1:123456789012:parameter/")
	cases := []struct {
		name    string
		setup   []*ssm.PutParameterInput
		in      *ssm.PutParameterInput
		want    *ssm.PutParameterOutput
		wantErr error
		// then, when set, reads the parameter back.
		then    string
		wantGet *types.Parameter
	}{
		{
			name: "create makes version 1, tier Standard (docs/aws-behaviour.md §2.3, D)",
			in:   str("/a/b", "v"),
			want: &ssm.PutParameterOutput{Version: 1, Tier: types.ParameterTierStandard},
		},
		{
			name:    "empty value (docs/aws-behaviour.md §2.3 check 1, M)",
			in:      str("/a", ""),
			wantErr: validation("1 validation error detected: Value '' at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1."),
		},
		{
			name: "overwrite with tags (docs/aws-behaviour.md §2.3 check 2, M)",
			in: &ssm.PutParameterInput{Name: aws.String("/a"), Value: aws.String("v"), Overwrite: aws.Bool(true),
				Tags: []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}},
			wantErr: validation("Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource."),
		},
		{
			name:    "overwrite with tags is checked before the name (docs/aws-behaviour.md §2.3 order, M)",
			in:      &ssm.PutParameterInput{Name: aws.String("/aws/x"), Value: aws.String("v"), Overwrite: aws.Bool(true), Tags: []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}},
			wantErr: validation("Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource."),
		},
		{
			name:    "reserved /aws path: AccessDenied (docs/aws-behaviour.md §2.8, M)",
			in:      str("/AWS/P/T", "v"),
			wantErr: &types.AccessDeniedException{Message: aws.String("No access to reserved parameter name: /AWS/P/T.")},
		},
		{
			name:    "a reference name cannot be written (docs/aws-behaviour.md §1.1 and 2.8)",
			in:      str("/aws/reference/secretsmanager/x", "v"),
			wantErr: &types.AccessDeniedException{Message: aws.String("No access to reserved parameter name: /aws/reference/secretsmanager/x.")},
		},
		{
			name:    "reserved single-level aws/ssm, any case (docs/aws-behaviour.md §2.8, M)",
			in:      str("SSM_test", "v"),
			wantErr: validation(`Parameter name: can't be prefixed with "aws" or "ssm" (case-insensitive).`),
		},
		{
			name:    "reserved /ssm path (docs/aws-behaviour.md §2.8, M)",
			in:      str("/ssm/x", "v"),
			wantErr: validation(badName),
		},
		{
			name:    "a space inside the name (docs/aws-behaviour.md §2.2, D; O boto3 #1499)",
			in:      str("/a b", "v"),
			wantErr: validation(badName),
		},
		{
			name:    "an @ in the name (docs/aws-behaviour.md §2.2; O aws-sdk-php #1952)",
			in:      str("/x/support@example.com", "v"),
			wantErr: validation(badName),
		},
		{
			name:    "an ARN is not a name for PutParameter (D; O)",
			in:      str("arn:aws:ssm:eu-west-1:123456789012:parameter/a", "v"),
			wantErr: validation(badName),
		},
		{
			name:    "not fully qualified (docs/aws-behaviour.md §2.2, D; O terraform-provider-aws #7251)",
			in:      str("a/b", "v"),
			wantErr: validation("Parameter name must be a fully qualified name."),
		},
		{
			name:    "leading and trailing spaces are trimmed (D)",
			in:      str("  /trim/me ", "v"),
			want:    &ssm.PutParameterOutput{Version: 1, Tier: types.ParameterTierStandard},
			then:    "/trim/me",
			wantGet: &types.Parameter{Name: aws.String("/trim/me"), Type: types.ParameterTypeString, Value: aws.String("v"), Version: 1, LastModifiedDate: aws.Time(t0), ARN: arn("/trim/me"), DataType: aws.String("text")},
		},
		{
			name: "15 levels are allowed (docs/aws-behaviour.md §2.2, D)",
			in:   str(deep(15), "v"),
			want: &ssm.PutParameterOutput{Version: 1, Tier: types.ParameterTierStandard},
		},
		{
			name:    "16 levels: HierarchyLevelLimitExceededException (docs/aws-behaviour.md §2.2, D)",
			in:      str(deep(16), "v"),
			wantErr: &types.HierarchyLevelLimitExceededException{Message: aws.String("A hierarchy can have a maximum of 15 levels.")},
		},
		{
			name: "1011 characters including the ARN prefix are allowed (docs/aws-behaviour.md §2.2, D)",
			in:   str("/"+strings.Repeat("n", 1011-prefixLen), "v"),
			want: &ssm.PutParameterOutput{Version: 1, Tier: types.ParameterTierStandard},
		},
		{
			name:    "1012 characters including the ARN prefix are not (docs/aws-behaviour.md §2.2, D)",
			in:      str("/"+strings.Repeat("n", 1012-prefixLen), "v"),
			wantErr: validation("Parameter name is too long: it can have at most 966 characters after the ARN prefix (1011 characters including it)."),
		},
		{
			name:    "no type on create (docs/aws-behaviour.md §2.3 check 4, M)",
			in:      &ssm.PutParameterInput{Name: aws.String("/a"), Value: aws.String("v")},
			wantErr: validation("A parameter type is required when you create a parameter."),
		},
		{
			name:    "bad type (docs/aws-behaviour.md §2.3 check 5, M)",
			in:      &ssm.PutParameterInput{Name: aws.String("/a"), Value: aws.String("v"), Type: "str"},
			wantErr: validation("1 validation error detected: Value 'str' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]"),
		},
		{
			name:    "bad data type (docs/aws-behaviour.md §2.3 check 6, M)",
			in:      &ssm.PutParameterInput{Name: aws.String("/a"), Value: aws.String("v"), Type: types.ParameterTypeString, DataType: aws.String("Text")},
			wantErr: validation("The following data type is not supported: Text (Data type names are all lowercase.)"),
		},
		{
			name:    "a newer documented data type is accepted (D: PutParameterInput.DataType)",
			in:      &ssm.PutParameterInput{Name: aws.String("/a"), Value: aws.String("443"), Type: types.ParameterTypeString, DataType: aws.String("integer")},
			want:    &ssm.PutParameterOutput{Version: 1, Tier: types.ParameterTierStandard},
			then:    "/a",
			wantGet: &types.Parameter{Name: aws.String("/a"), Type: types.ParameterTypeString, Value: aws.String("443"), Version: 1, LastModifiedDate: aws.Time(t0), ARN: arn("/a"), DataType: aws.String("integer")},
		},
		{
			name:    "exists without Overwrite (docs/aws-behaviour.md §2.3 check 7, M; conformance)",
			setup:   []*ssm.PutParameterInput{str("/a", "v")},
			in:      str("/a", "w"),
			wantErr: &types.ParameterAlreadyExists{Message: aws.String("The parameter already exists. To overwrite this value, set the overwrite option in the request to true.")},
		},
		{
			name:    "P and /P are one parameter (docs/aws-behaviour.md §2.2, D and MV)",
			setup:   []*ssm.PutParameterInput{str("/P", "v")},
			in:      str("P", "w"),
			wantErr: &types.ParameterAlreadyExists{Message: aws.String("The parameter already exists. To overwrite this value, set the overwrite option in the request to true.")},
		},
		{
			name:    "overwrite through the other spelling keeps the stored name (docs/aws-behaviour.md §2.2, D and MV)",
			setup:   []*ssm.PutParameterInput{str("/P", "v")},
			in:      over("P", "w"),
			want:    &ssm.PutParameterOutput{Version: 2, Tier: types.ParameterTierStandard},
			then:    "P",
			wantGet: &types.Parameter{Name: aws.String("/P"), Type: types.ParameterTypeString, Value: aws.String("w"), Version: 2, LastModifiedDate: aws.Time(t0), ARN: arn("/P"), DataType: aws.String("text")},
		},
		{
			name: "overwrite inherits type, data type and pattern (docs/aws-behaviour.md §2.3, M)",
			setup: []*ssm.PutParameterInput{{Name: aws.String("/n"), Value: aws.String("12"), Type: types.ParameterTypeStringList,
				AllowedPattern: aws.String(`[0-9,]+`), DataType: aws.String("text")}},
			in:      over("/n", "1,2"),
			want:    &ssm.PutParameterOutput{Version: 2, Tier: types.ParameterTierStandard},
			then:    "/n",
			wantGet: &types.Parameter{Name: aws.String("/n"), Type: types.ParameterTypeStringList, Value: aws.String("1,2"), Version: 2, LastModifiedDate: aws.Time(t0), ARN: arn("/n"), DataType: aws.String("text")},
		},
		{
			name:    "an inherited AllowedPattern still applies (docs/aws-behaviour.md §2.3, D)",
			setup:   []*ssm.PutParameterInput{{Name: aws.String("/n"), Value: aws.String("12"), Type: types.ParameterTypeString, AllowedPattern: aws.String(`\d{1,4}`)}},
			in:      over("/n", "x"),
			wantErr: &types.ParameterPatternMismatchException{Message: aws.String(`Parameter value, cannot be validated against allowedPattern: \d{1,4}`)},
		},
		{
			name:    "AllowedPattern must match the whole value: 10000 against \\d{1,4} (D: user guide)",
			in:      &ssm.PutParameterInput{Name: aws.String("/n"), Value: aws.String("10000"), Type: types.ParameterTypeString, AllowedPattern: aws.String(`\d{1,4}`)},
			wantErr: &types.ParameterPatternMismatchException{Message: aws.String(`Parameter value, cannot be validated against allowedPattern: \d{1,4}`)},
		},
		{
			name: "Standard tier holds 4096 characters (D)",
			in:   str("/big", strings.Repeat("x", 4096)),
			want: &ssm.PutParameterOutput{Version: 1, Tier: types.ParameterTierStandard},
		},
		{
			name:    "Standard tier: 4097 characters (docs/aws-behaviour.md §2.3, O)",
			in:      str("/big", strings.Repeat("x", 4097)),
			wantErr: validation("Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html"),
		},
		{
			name: "Advanced tier holds 8192 characters (D)",
			in: &ssm.PutParameterInput{Name: aws.String("/big"), Value: aws.String(strings.Repeat("x", 8192)), Type: types.ParameterTypeString,
				Tier: types.ParameterTierAdvanced},
			want: &ssm.PutParameterOutput{Version: 1, Tier: types.ParameterTierAdvanced},
		},
		{
			name: "Advanced tier: 8193 characters (D; text U)",
			in: &ssm.PutParameterInput{Name: aws.String("/big"), Value: aws.String(strings.Repeat("x", 8193)), Type: types.ParameterTypeString,
				Tier: types.ParameterTierAdvanced},
			wantErr: validation("1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length less than or equal to 8192"),
		},
		{
			name: "Intelligent-Tiering resolves to Standard for a small value (D)",
			in: &ssm.PutParameterInput{Name: aws.String("/it"), Value: aws.String("v"), Type: types.ParameterTypeString,
				Tier: types.ParameterTierIntelligentTiering},
			want: &ssm.PutParameterOutput{Version: 1, Tier: types.ParameterTierStandard},
		},
		{
			name: "Intelligent-Tiering resolves to Advanced over 4096 characters (D)",
			in: &ssm.PutParameterInput{Name: aws.String("/it"), Value: aws.String(strings.Repeat("x", 5000)), Type: types.ParameterTypeString,
				Tier: types.ParameterTierIntelligentTiering},
			want: &ssm.PutParameterOutput{Version: 1, Tier: types.ParameterTierAdvanced},
		},
		{
			name: "Intelligent-Tiering keeps an Advanced parameter Advanced (D: no downgrade)",
			setup: []*ssm.PutParameterInput{{Name: aws.String("/it"), Value: aws.String("v"), Type: types.ParameterTypeString,
				Tier: types.ParameterTierAdvanced}},
			in:   &ssm.PutParameterInput{Name: aws.String("/it"), Value: aws.String("w"), Overwrite: aws.Bool(true), Tier: types.ParameterTierIntelligentTiering},
			want: &ssm.PutParameterOutput{Version: 2, Tier: types.ParameterTierAdvanced},
		},
		{
			name:  "no tier on overwrite keeps Advanced (docs/aws-behaviour.md §2.3 inheritance, M)",
			setup: []*ssm.PutParameterInput{{Name: aws.String("/it"), Value: aws.String("v"), Type: types.ParameterTypeString, Tier: types.ParameterTierAdvanced}},
			in:    over("/it", "w"),
			want:  &ssm.PutParameterOutput{Version: 2, Tier: types.ParameterTierAdvanced},
		},
		{
			name:    "Advanced cannot go back to Standard (D; text U)",
			setup:   []*ssm.PutParameterInput{{Name: aws.String("/it"), Value: aws.String("v"), Type: types.ParameterTypeString, Tier: types.ParameterTierAdvanced}},
			in:      &ssm.PutParameterInput{Name: aws.String("/it"), Value: aws.String("w"), Overwrite: aws.Bool(true), Tier: types.ParameterTierStandard},
			wantErr: validation("This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter."),
		},
		{
			name:    "too many tags on create: TooManyTagsError (D)",
			in:      &ssm.PutParameterInput{Name: aws.String("/t"), Value: aws.String("v"), Type: types.ParameterTypeString, Tags: tags(51)},
			wantErr: &types.TooManyTagsError{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, _ := newClient(t)
			put(t, c, tc.setup...)
			got, err := c.PutParameter(context.Background(), tc.in)
			checkErr(t, err, tc.wantErr)
			if tc.wantErr != nil {
				return
			}
			if diff := cmp.Diff(tc.want, got, cmpOpts...); diff != "" {
				t.Errorf("PutParameter mismatch (-want +got):\n%s", diff)
			}
			if tc.then != "" {
				g, err := c.GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String(tc.then)})
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(tc.wantGet, g.Parameter, cmpOpts...); diff != "" {
					t.Errorf("GetParameter after put (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// tags returns n distinct tags.
func tags(n int) []types.Tag {
	out := make([]types.Tag, n)
	for i := range out {
		out[i] = types.Tag{Key: aws.String(fmt.Sprintf("k%02d", i)), Value: aws.String("v")}
	}
	return out
}

func TestPutParameterMissingFields(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	_, err := c.PutParameter(context.Background(), &ssm.PutParameterInput{Tags: []types.Tag{{}}})
	var ipe smithy.InvalidParamsError
	if !errors.As(err, &ipe) {
		t.Fatalf("got %v, want smithy.InvalidParamsError (the SDK's validators.go)", err)
	}
	// The SDK's own text for the same input.
	want := "operation error SSM: PutParameter, 4 validation error(s) found.\n- missing required field, PutParameterInput.Name.\n- missing required field, PutParameterInput.Value.\n- missing required field, PutParameterInput.Tags[0].Key.\n- missing required field, PutParameterInput.Tags[0].Value.\n"
	if got := err.Error(); got != want {
		t.Errorf("error text:\n got %q\nwant %q", got, want)
	}
}

func TestPutParameterVersionLimit(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	put(t, c, str("/v", "1"))
	for i := 2; i <= 100; i++ {
		put(t, c, over("/v", fmt.Sprint(i)))
	}
	// The 101st version drops version 1 (docs/aws-behaviour.md §2.3, D and M).
	put(t, c, over("/v", "101"))
	_, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/v:1")})
	checkErr(t, err, &types.ParameterVersionNotFound{Message: aws.String("Systems Manager could not find version 1 of /v. Verify the version and try again.")})
	h, err := c.GetParameterHistory(ctx, &ssm.GetParameterHistoryInput{Name: aws.String("/v")})
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Parameters) != 50 || h.Parameters[0].Version != 2 {
		t.Errorf("history starts at version %d with %d entries, want 2 and 50", h.Parameters[0].Version, len(h.Parameters))
	}
	// With a label on the oldest version, the 102nd put fails (docs/aws-behaviour.md §2.3, D).
	if _, err := c.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String("/v"), ParameterVersion: aws.Int64(2), Labels: []string{"keep"}}); err != nil {
		t.Fatal(err)
	}
	_, err = c.PutParameter(ctx, over("/v", "102"))
	checkErr(t, err, &types.ParameterMaxVersionLimitExceeded{Message: aws.String("You attempted to create a new version of /v by calling the PutParameter API with the overwrite flag. Version 2, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.")})
	g, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/v")})
	if err != nil || g.Parameter.Version != 101 {
		t.Errorf("after the failed put: version %v, %v; want 101 (nothing changed)", g, err)
	}
}
