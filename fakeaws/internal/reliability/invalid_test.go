package reliability_test

import (
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
)

// invalidFixture is the state every invalid call runs against: /p/a with
// two versions (label L1 on version 1) and a tag; s1 with two versions and a
// tag, replicated to eu-west-1; s2 scheduled for deletion.
func invalidFixture(t *testing.T, newFakes func(seed uint64) fakes) fakes {
	t.Helper()
	ctx := context.Background()
	f := newFakes(3)
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.ssm.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/p/a"), Value: aws.String("one"), Type: ssmtypes.ParameterTypeString,
		Tags: []ssmtypes.Tag{{Key: aws.String("k"), Value: aws.String("v")}}}))
	must(f.ssm.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/p/a"), Value: aws.String("two"), Overwrite: aws.Bool(true)}))
	must(f.ssm.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String("/p/a"), ParameterVersion: aws.Int64(1), Labels: []string{"L1"}}))
	must(f.sm.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s1"), SecretString: aws.String("one"),
		ClientRequestToken: aws.String(strings.Repeat("1", 32)), Tags: []smtypes.Tag{{Key: aws.String("k"), Value: aws.String("v")}}}))
	must(f.sm.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("s1"), SecretString: aws.String("two"), ClientRequestToken: aws.String(strings.Repeat("2", 32))}))
	must(f.sm.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s2"), SecretString: aws.String("x")}))
	must(f.sm.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("s2")}))
	must(f.sm.ReplicateSecretToRegions(ctx, &secretsmanager.ReplicateSecretToRegionsInput{SecretId: aws.String("s1"),
		AddReplicaRegions: []smtypes.ReplicaRegionType{{Region: aws.String("eu-west-1")}}}))
	return f
}

// clientSide marks a case the SDK's own validators answer before any request.
const clientSide = "client-side"

type invalidCase struct {
	name string
	call func(context.Context, fakes) error
	code string
	msg  string
}

var (
	long2049 = "/" + strings.Repeat("x", 2048)
	ver1     = strings.Repeat("1", 32)
	ver2     = strings.Repeat("2", 32)
	verNone  = strings.Repeat("9", 32)
)

// TestInvalidInput: every operation of both fake clients answers bad input
// with an API error of AWS's code and the engine's message, and leaves the
// Store as it was.
func TestInvalidInput(t *testing.T) {
	t.Parallel()
	tests := []invalidCase{
		// --- Parameter Store ---
		{"PutParameter: empty name", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(""), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString})
			return err
		}, "ValidationException", "Parameter name: can't be prefixed with \"ssm\" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_"},
		{"PutParameter: name too long", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(long2049), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString})
			return err
		}, "ValidationException", "Parameter name is too long: it can have at most 966 characters after the ARN prefix (1011 characters including it)."},
		{"PutParameter: wrong characters", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/p/a b"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString})
			return err
		}, "ValidationException", "Parameter name: can't be prefixed with \"ssm\" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_"},
		{"PutParameter: reserved aws prefix", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/aws/x"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString})
			return err
		}, "AccessDeniedException", "No access to reserved parameter name: /aws/x."},
		{"PutParameter: wrong Type enum", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/p/b"), Value: aws.String("v"), Type: "Strung"})
			return err
		}, "ValidationException", "1 validation error detected: Value 'Strung' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [SecureString, StringList, String]"},
		{"PutParameter: wrong Tier enum", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/p/b"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString, Tier: "Huge"})
			return err
		}, "ValidationException", "1 validation error detected: Value 'Huge' at 'tier' failed to satisfy constraint: Member must satisfy enum value set: [Advanced, Intelligent-Tiering, Standard]"},
		{"PutParameter: empty value", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/p/b"), Value: aws.String(""), Type: ssmtypes.ParameterTypeString})
			return err
		}, "ValidationException", "1 validation error detected: Value '' at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1."},
		{"PutParameter: value too long for Standard", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/p/b"), Value: aws.String(strings.Repeat("v", 4097)), Type: ssmtypes.ParameterTypeString})
			return err
		}, "ValidationException", "Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html"},
		{"PutParameter: exists without Overwrite", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/p/a"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString})
			return err
		}, "ParameterAlreadyExists", "The parameter already exists. To overwrite this value, set the overwrite option in the request to true."},
		{"PutParameter: Overwrite with Tags (conflicting fields)", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/p/a"), Value: aws.String("v"), Overwrite: aws.Bool(true),
				Tags: []ssmtypes.Tag{{Key: aws.String("a"), Value: aws.String("b")}}})
			return err
		}, "ValidationException", "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource."},
		{"PutParameter: unsupported DataType", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/p/b"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString, DataType: aws.String("Text")})
			return err
		}, "ValidationException", "The following data type is not supported: Text (Data type names are all lowercase.)"},
		{"PutParameter: missing Name (client-side, SDK validators.go)", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.PutParameter(ctx, &ssm.PutParameterInput{Value: aws.String("v")})
			return err
		}, clientSide, "1 validation error(s) found.\n- missing required field, PutParameterInput.Name.\n"},
		{"GetParameter: unknown name", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/p/none")})
			return err
		}, "ParameterNotFound", ""},
		{"GetParameter: unknown version", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/p/a:7")})
			return err
		}, "ParameterVersionNotFound", "Systems Manager could not find version 7 of /p/a. Verify the version and try again."},
		{"GetParameter: unknown label", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/p/a:L9")})
			return err
		}, "ParameterNotFound", ""},
		{"GetParameter: two selectors", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/p/a:1:2")})
			return err
		}, "ParameterNotFound", ""},
		{"GetParameters: empty list", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{}})
			return err
		}, "ValidationException", "1 validation error detected: Value '[]' at 'names' failed to satisfy constraint: Member must have length greater than or equal to 1."},
		{"GetParameters: eleven names", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.GetParameters(ctx, &ssm.GetParametersInput{Names: strings.Split("a,b,c,d,e,f,g,h,i,j,k", ",")})
			return err
		}, "ValidationException", "1 validation error detected: Value '[a, b, c, d, e, f, g, h, i, j, k]' at 'names' failed to satisfy constraint: Member must have length less than or equal to 10."},
		{"GetParametersByPath: path without leading slash", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("p")})
			return err
		}, "ValidationException", "The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash \"/\". It can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol \"/\". Valid example: /get/parameters2-/by1./path0_."},
		{"GetParametersByPath: MaxResults 11", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/p"), MaxResults: aws.Int32(11)})
			return err
		}, "ValidationException", "1 validation error detected: Value 11 at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10"},
		{"GetParametersByPath: malformed token", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/p"), NextToken: aws.String("!!")})
			return err
		}, "InvalidNextToken", "The nextToken is not valid."},
		{"GetParametersByPath: bad filter key", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/p"),
				ParameterFilters: []ssmtypes.ParameterStringFilter{{Key: aws.String("Name"), Values: []string{"x"}}}})
			return err
		}, "InvalidFilterKey", ""},
		{"GetParameterHistory: unknown name", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.GetParameterHistory(ctx, &ssm.GetParameterHistoryInput{Name: aws.String("/p/none")})
			return err
		}, "ParameterNotFound", "Parameter /p/none not found."},
		{"GetParameterHistory: MaxResults 51", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.GetParameterHistory(ctx, &ssm.GetParameterHistoryInput{Name: aws.String("/p/a"), MaxResults: aws.Int32(51)})
			return err
		}, "ValidationException", "1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50."},
		{"GetParameterHistory: malformed token", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.GetParameterHistory(ctx, &ssm.GetParameterHistoryInput{Name: aws.String("/p/a"), NextToken: aws.String("x")})
			return err
		}, "InvalidNextToken", "The nextToken is not valid."},
		{"DescribeParameters: MaxResults 0", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.DescribeParameters(ctx, &ssm.DescribeParametersInput{MaxResults: aws.Int32(0)})
			return err
		}, "ValidationException", "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1."},
		{"DescribeParameters: Filters and ParameterFilters together", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.DescribeParameters(ctx, &ssm.DescribeParametersInput{
				Filters:          []ssmtypes.ParametersFilter{{Key: ssmtypes.ParametersFilterKeyName, Values: []string{"x"}}},
				ParameterFilters: []ssmtypes.ParameterStringFilter{{Key: aws.String("Name"), Values: []string{"x"}}}})
			return err
		}, "ValidationException", "You can use either Filters or ParameterFilters in a single request."},
		{"DescribeParameters: malformed token", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.DescribeParameters(ctx, &ssm.DescribeParametersInput{NextToken: aws.String("%%")})
			return err
		}, "InvalidNextToken", "The nextToken is not valid."},
		{"DeleteParameter: unknown name", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.DeleteParameter(ctx, &ssm.DeleteParameterInput{Name: aws.String("/p/none")})
			return err
		}, "ParameterNotFound", ""},
		{"DeleteParameters: eleven names", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.DeleteParameters(ctx, &ssm.DeleteParametersInput{Names: strings.Split("/p/a,b,c,d,e,f,g,h,i,j,k", ",")})
			return err
		}, "ValidationException", "1 validation error detected: Value '[/p/a, b, c, d, e, f, g, h, i, j, k]' at 'names' failed to satisfy constraint: Member must have length less than or equal to 10."},
		{"DeleteParameters: empty list", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.DeleteParameters(ctx, &ssm.DeleteParametersInput{Names: []string{}})
			return err
		}, "ValidationException", "1 validation error detected: Value '[]' at 'names' failed to satisfy constraint: Member must have length greater than or equal to 1."},
		{"LabelParameterVersion: unknown version", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String("/p/a"), ParameterVersion: aws.Int64(9), Labels: []string{"L2"}})
			return err
		}, "ParameterVersionNotFound", "Systems Manager could not find version 9 of /p/a. Verify the version and try again."},
		{"LabelParameterVersion: unknown name", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String("/p/none"), Labels: []string{"L2"}})
			return err
		}, "ParameterNotFound", "Parameter /p/none not found."},
		{"LabelParameterVersion: eleven labels", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String("/p/a"), Labels: strings.Split("a,b,c,d,e,f,g,h,i,j,k", ",")})
			return err
		}, "ValidationException", "1 validation error detected: Value '[a, b, c, d, e, f, g, h, i, j, k]' at 'labels' failed to satisfy constraint: Member must have length less than or equal to 10"},
		{"LabelParameterVersion: empty labels", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String("/p/a"), Labels: []string{}})
			return err
		}, "ValidationException", "1 validation error detected: Value '[]' at 'labels' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"UnlabelParameterVersion: unknown version", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.UnlabelParameterVersion(ctx, &ssm.UnlabelParameterVersionInput{Name: aws.String("/p/a"), ParameterVersion: aws.Int64(9), Labels: []string{"L1"}})
			return err
		}, "ParameterVersionNotFound", "Systems Manager could not find version 9 of /p/a. Verify the version and try again."},
		{"UnlabelParameterVersion: unknown name", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.UnlabelParameterVersion(ctx, &ssm.UnlabelParameterVersionInput{Name: aws.String("/p/none"), ParameterVersion: aws.Int64(1), Labels: []string{"L1"}})
			return err
		}, "ParameterNotFound", "Parameter /p/none not found."},
		{"UnlabelParameterVersion: version out of range", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.UnlabelParameterVersion(ctx, &ssm.UnlabelParameterVersionInput{Name: aws.String("/p/a"), ParameterVersion: aws.Int64(0), Labels: []string{"L1"}})
			return err
		}, "ParameterVersionNotFound", "Systems Manager could not find version 0 of /p/a. Verify the version and try again."},
		{"AddTagsToResource: wrong ResourceType", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.AddTagsToResource(ctx, &ssm.AddTagsToResourceInput{ResourceType: "Bucket", ResourceId: aws.String("/p/a"), Tags: []ssmtypes.Tag{{Key: aws.String("a"), Value: aws.String("b")}}})
			return err
		}, "InvalidResourceType", ""},
		{"AddTagsToResource: unknown parameter", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.AddTagsToResource(ctx, &ssm.AddTagsToResourceInput{ResourceType: ssmtypes.ResourceTypeForTaggingParameter, ResourceId: aws.String("/p/none"), Tags: []ssmtypes.Tag{{Key: aws.String("a"), Value: aws.String("b")}}})
			return err
		}, "InvalidResourceId", ""},
		{"RemoveTagsFromResource: unknown parameter", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.RemoveTagsFromResource(ctx, &ssm.RemoveTagsFromResourceInput{ResourceType: ssmtypes.ResourceTypeForTaggingParameter, ResourceId: aws.String("/p/none"), TagKeys: []string{"k"}})
			return err
		}, "InvalidResourceId", ""},
		{"ListTagsForResource: unknown parameter", func(ctx context.Context, f fakes) error {
			_, err := f.ssm.ListTagsForResource(ctx, &ssm.ListTagsForResourceInput{ResourceType: ssmtypes.ResourceTypeForTaggingParameter, ResourceId: aws.String("/p/none")})
			return err
		}, "InvalidResourceId", ""},
		// --- Secrets Manager ---
		{"CreateSecret: empty name", func(ctx context.Context, f fakes) error {
			_, err := f.sm.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(""), SecretString: aws.String("v")})
			return err
		}, "ValidationException", "1 validation error detected: Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"CreateSecret: name too long", func(ctx context.Context, f fakes) error {
			_, err := f.sm.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(strings.Repeat("n", 513)), SecretString: aws.String("v")})
			return err
		}, "ValidationException", "1 validation error detected: Value 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn' at 'name' failed to satisfy constraint: Member must have length less than or equal to 512"},
		{"CreateSecret: wrong characters", func(ctx context.Context, f fakes) error {
			_, err := f.sm.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("a b"), SecretString: aws.String("v")})
			return err
		}, "ValidationException", "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!"},
		{"CreateSecret: both SecretString and SecretBinary", func(ctx context.Context, f fakes) error {
			_, err := f.sm.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s3"), SecretString: aws.String("v"), SecretBinary: []byte{1}})
			return err
		}, "InvalidParameterException", "You can't specify both a binary secret value and a string secret value in the same secret."},
		{"CreateSecret: existing name", func(ctx context.Context, f fakes) error {
			_, err := f.sm.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s1"), SecretString: aws.String("v")})
			return err
		}, "ResourceExistsException", "The operation failed because the secret s1 already exists."},
		{"CreateSecret: name scheduled for deletion", func(ctx context.Context, f fakes) error {
			_, err := f.sm.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s2"), SecretString: aws.String("v")})
			return err
		}, "InvalidRequestException", "You can't create this secret because a secret with this name is already scheduled for deletion."},
		{"CreateSecret: token too short", func(ctx context.Context, f fakes) error {
			_, err := f.sm.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s3"), SecretString: aws.String("v"), ClientRequestToken: aws.String("short")})
			return err
		}, "InvalidParameterException", "ClientRequestToken must be 32-64 characters long."},
		{"GetSecretValue: unknown secret", func(ctx context.Context, f fakes) error {
			_, err := f.sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("none")})
			return err
		}, "ResourceNotFoundException", "Secrets Manager can't find the specified secret."},
		{"GetSecretValue: unknown version", func(ctx context.Context, f fakes) error {
			_, err := f.sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("s1"), VersionId: aws.String(verNone)})
			return err
		}, "ResourceNotFoundException", "Secrets Manager can't find the specified secret value for VersionId: 99999999999999999999999999999999"},
		{"GetSecretValue: unknown stage", func(ctx context.Context, f fakes) error {
			_, err := f.sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("s1"), VersionStage: aws.String("NOPE")})
			return err
		}, "ResourceNotFoundException", "Secrets Manager can't find the specified secret value for staging label: NOPE"},
		{"GetSecretValue: version and stage that disagree", func(ctx context.Context, f fakes) error {
			_, err := f.sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("s1"), VersionId: aws.String(ver1), VersionStage: aws.String("AWSCURRENT")})
			return err
		}, "InvalidRequestException", "You provided a VersionStage that is not associated to the provided VersionId."},
		{"GetSecretValue: deleted secret", func(ctx context.Context, f fakes) error {
			_, err := f.sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("s2")})
			return err
		}, "InvalidRequestException", "You can't perform this operation on the secret because it was marked for deletion."},
		{"BatchGetSecretValue: ids and filters together", func(ctx context.Context, f fakes) error {
			_, err := f.sm.BatchGetSecretValue(ctx, &secretsmanager.BatchGetSecretValueInput{SecretIdList: []string{"s1"}, Filters: []smtypes.Filter{{Key: smtypes.FilterNameStringTypeName, Values: []string{"s"}}}})
			return err
		}, "InvalidParameterException", "Either 'SecretIdList' or 'Filters' must be provided, but not both."},
		{"BatchGetSecretValue: MaxResults 21", func(ctx context.Context, f fakes) error {
			_, err := f.sm.BatchGetSecretValue(ctx, &secretsmanager.BatchGetSecretValueInput{Filters: []smtypes.Filter{{Key: smtypes.FilterNameStringTypeName, Values: []string{"s"}}}, MaxResults: aws.Int32(21)})
			return err
		}, "ValidationException", "1 validation error detected: Value '21' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 20"},
		{"PutSecretValue: no value", func(ctx context.Context, f fakes) error {
			_, err := f.sm.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("s1")})
			return err
		}, "InvalidRequestException", "You must provide either SecretString or SecretBinary."},
		{"PutSecretValue: token reused with another value", func(ctx context.Context, f fakes) error {
			_, err := f.sm.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("s1"), SecretString: aws.String("other"), ClientRequestToken: aws.String(ver1)})
			return err
		}, "ResourceExistsException", "You can't use ClientRequestToken 11111111111111111111111111111111 because that value is already in use for a version of secret arn:aws:secretsmanager:us-east-1:123456789012:secret:s1-G3BdP1."},
		{"PutSecretValue: deleted secret", func(ctx context.Context, f fakes) error {
			_, err := f.sm.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("s2"), SecretString: aws.String("v")})
			return err
		}, "InvalidRequestException", "You can't perform this operation on the secret because it was marked for deletion."},
		{"PutSecretValue: unknown secret", func(ctx context.Context, f fakes) error {
			_, err := f.sm.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("none"), SecretString: aws.String("v")})
			return err
		}, "ResourceNotFoundException", "Secrets Manager can't find the specified secret."},
		{"UpdateSecret: deleted secret", func(ctx context.Context, f fakes) error {
			_, err := f.sm.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: aws.String("s2"), SecretString: aws.String("v")})
			return err
		}, "InvalidRequestException", "You can't perform this operation on the secret because it was marked for deletion."},
		{"UpdateSecret: both values", func(ctx context.Context, f fakes) error {
			_, err := f.sm.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: aws.String("s1"), SecretString: aws.String("v"), SecretBinary: []byte{1}})
			return err
		}, "InvalidParameterException", "You can't specify both a binary secret value and a string secret value in the same secret."},
		{"UpdateSecretVersionStage: unknown version", func(ctx context.Context, f fakes) error {
			_, err := f.sm.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String("s1"), VersionStage: aws.String("S"), MoveToVersionId: aws.String(verNone)})
			return err
		}, "InvalidParameterException", "Not a valid version: 99999999999999999999999999999999"},
		{"UpdateSecretVersionStage: AWSCURRENT without RemoveFromVersionId", func(ctx context.Context, f fakes) error {
			_, err := f.sm.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String("s1"), VersionStage: aws.String("AWSCURRENT"), MoveToVersionId: aws.String(ver1)})
			return err
		}, "InvalidParameterException", "The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is currently attached to version 22222222222222222222222222222222, so you must explicitly reference that version in RemoveFromVersionId."},
		{"UpdateSecretVersionStage: neither move nor remove", func(ctx context.Context, f fakes) error {
			_, err := f.sm.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String("s1"), VersionStage: aws.String("S")})
			return err
		}, "InvalidParameterException", "You must specify MoveToVersionId or RemoveFromVersionId."},
		{"UpdateSecretVersionStage: stage too long", func(ctx context.Context, f fakes) error {
			_, err := f.sm.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String("s1"), VersionStage: aws.String(strings.Repeat("S", 257)), MoveToVersionId: aws.String(ver1)})
			return err
		}, "ValidationException", "1 validation error detected: Value 'SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS' at 'versionStage' failed to satisfy constraint: Member must have length less than or equal to 256"},
		{"ListSecretVersionIds: MaxResults 0", func(ctx context.Context, f fakes) error {
			_, err := f.sm.ListSecretVersionIds(ctx, &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String("s1"), MaxResults: aws.Int32(0)})
			return err
		}, "ValidationException", "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{"ListSecretVersionIds: malformed token", func(ctx context.Context, f fakes) error {
			_, err := f.sm.ListSecretVersionIds(ctx, &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String("s1"), NextToken: aws.String("!")})
			return err
		}, "InvalidNextTokenException", "The NextToken value is invalid."},
		{"ListSecrets: wrong filter key", func(ctx context.Context, f fakes) error {
			_, err := f.sm.ListSecrets(ctx, &secretsmanager.ListSecretsInput{Filters: []smtypes.Filter{{Key: "colour", Values: []string{"x"}}}})
			return err
		}, "ValidationException", "1 validation error detected: Value 'colour' at 'filters.1.member.key' failed to satisfy constraint: Member must satisfy enum value set: [description, name, tag-key, tag-value, primary-region, owning-service, all]"},
		{"ListSecrets: wrong SortOrder", func(ctx context.Context, f fakes) error {
			_, err := f.sm.ListSecrets(ctx, &secretsmanager.ListSecretsInput{SortOrder: "up"})
			return err
		}, "ValidationException", "1 validation error detected: Value 'up' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value set: [asc, desc]"},
		{"ListSecrets: MaxResults 101", func(ctx context.Context, f fakes) error {
			_, err := f.sm.ListSecrets(ctx, &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(101)})
			return err
		}, "ValidationException", "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100"},
		{"ListSecrets: malformed token", func(ctx context.Context, f fakes) error {
			_, err := f.sm.ListSecrets(ctx, &secretsmanager.ListSecretsInput{NextToken: aws.String("@@")})
			return err
		}, "InvalidNextTokenException", "The NextToken value is invalid."},
		{"DescribeSecret: unknown secret", func(ctx context.Context, f fakes) error {
			_, err := f.sm.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("none")})
			return err
		}, "ResourceNotFoundException", "Secrets Manager can't find the specified secret."},
		{"ReplicateSecretToRegions: its own region (docs/aws-behaviour.md §3.5, M)", func(ctx context.Context, f fakes) error {
			_, err := f.sm.ReplicateSecretToRegions(ctx, &secretsmanager.ReplicateSecretToRegionsInput{SecretId: aws.String("s1"), AddReplicaRegions: []smtypes.ReplicaRegionType{{Region: aws.String("us-east-1")}}})
			return err
		}, "InvalidParameterException", "Invalid replica region."},
		{"ReplicateSecretToRegions: a secret scheduled for deletion", func(ctx context.Context, f fakes) error {
			_, err := f.sm.ReplicateSecretToRegions(ctx, &secretsmanager.ReplicateSecretToRegionsInput{SecretId: aws.String("s2"), AddReplicaRegions: []smtypes.ReplicaRegionType{{Region: aws.String("eu-west-1")}}})
			return err
		}, "InvalidRequestException", "You can't perform this operation on the secret because it was marked for deletion."},
		{"ReplicateSecretToRegions: no region", func(ctx context.Context, f fakes) error {
			_, err := f.sm.ReplicateSecretToRegions(ctx, &secretsmanager.ReplicateSecretToRegionsInput{SecretId: aws.String("s1")})
			return err
		}, clientSide, "1 validation error(s) found.\n- missing required field, ReplicateSecretToRegionsInput.AddReplicaRegions.\n"},
		{"PutSecretValue: on a replica (docs/aws-behaviour.md §3.5, M)", func(ctx context.Context, f fakes) error {
			_, err := f.smEU.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("s1"), SecretString: aws.String("x")})
			return err
		}, "InvalidParameterException", "Operation not permitted on a replica secret. Call must be made in primary secret's region."},
		{"DeleteSecret: on a replica (docs/aws-behaviour.md §3.5, M)", func(ctx context.Context, f fakes) error {
			_, err := f.smEU.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("s1"), ForceDeleteWithoutRecovery: aws.Bool(true)})
			return err
		}, "InvalidParameterException", "Operation not permitted on a replica secret. Call must be made in primary secret's region."},
		{"DeleteSecret: a primary with replicas (docs/aws-behaviour.md §3.5, M)", func(ctx context.Context, f fakes) error {
			_, err := f.sm.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("s1"), ForceDeleteWithoutRecovery: aws.Bool(true)})
			return err
		}, "InvalidParameterException", "You can't delete secret s1 that still has replica regions [eu-west-1]"},
		{"RemoveRegionsFromReplication: not a replica region (U)", func(ctx context.Context, f fakes) error {
			_, err := f.sm.RemoveRegionsFromReplication(ctx, &secretsmanager.RemoveRegionsFromReplicationInput{SecretId: aws.String("s1"), RemoveReplicaRegions: []string{"eu-west-1", "ap-south-1"}})
			return err
		}, "InvalidParameterException", "Invalid replica region."},
		{"StopReplicationToReplica: not a replica (U)", func(ctx context.Context, f fakes) error {
			_, err := f.sm.StopReplicationToReplica(ctx, &secretsmanager.StopReplicationToReplicaInput{SecretId: aws.String("s1")})
			return err
		}, "InvalidRequestException", "The secret is not a replica secret."},
		{"AssociateCrossAccountReplica: not an ARN of another account (U)", func(ctx context.Context, f fakes) error {
			_, err := f.sm.AssociateCrossAccountReplica(ctx, &secretsmanager.AssociateCrossAccountReplicaInput{SecretId: aws.String("s1"), CrossAccountReplicaARN: aws.String("arn:aws:secretsmanager:us-east-1:123456789012:secret:s1-abcdef")})
			return err
		}, "InvalidParameterException", "The CrossAccountReplicaARN must be the ARN of a secret in another account of the same Region."},
		{"AssociateCrossAccountReplica: no such replica", func(ctx context.Context, f fakes) error {
			_, err := f.sm.AssociateCrossAccountReplica(ctx, &secretsmanager.AssociateCrossAccountReplicaInput{SecretId: aws.String("s1"), CrossAccountReplicaARN: aws.String("arn:aws:secretsmanager:us-east-1:222222222222:secret:s1-abcdef")})
			return err
		}, "ResourceNotFoundException", "Secrets Manager can't find the specified secret."},
		{"DisassociateCrossAccountReplica: not associated (U)", func(ctx context.Context, f fakes) error {
			_, err := f.sm.DisassociateCrossAccountReplica(ctx, &secretsmanager.DisassociateCrossAccountReplicaInput{SecretId: aws.String("s1"), CrossAccountReplicaARN: aws.String("arn:aws:secretsmanager:us-east-1:222222222222:secret:s1-abcdef")})
			return err
		}, "InvalidRequestException", "The secret arn:aws:secretsmanager:us-east-1:222222222222:secret:s1-abcdef is not a cross-account replica of " + "arn:aws:secretsmanager:us-east-1:123456789012:secret:s1-G3BdP1."},
		{"CreateSecret: cross-account replica with a value (U)", func(ctx context.Context, f fakes) error {
			_, err := f.sm.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("r"), CrossAccountPrimaryARN: aws.String("arn:aws:secretsmanager:us-east-1:222222222222:secret:p-abcdef"), KmsKeyId: aws.String("alias/k"), SecretString: aws.String("x")})
			return err
		}, "InvalidParameterException", "You can't include SecretString, SecretBinary, Description, AddReplicaRegions or Type when you create a cross-account replica secret."},
		{"DeleteSecret: recovery window 6 days", func(ctx context.Context, f fakes) error {
			_, err := f.sm.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("s1"), RecoveryWindowInDays: aws.Int64(6)})
			return err
		}, "InvalidParameterException", "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive)."},
		{"DeleteSecret: window and force together", func(ctx context.Context, f fakes) error {
			_, err := f.sm.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("s1"), RecoveryWindowInDays: aws.Int64(7), ForceDeleteWithoutRecovery: aws.Bool(true)})
			return err
		}, "InvalidParameterException", "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays."},
		{"DeleteSecret: already scheduled", func(ctx context.Context, f fakes) error {
			_, err := f.sm.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("s2")})
			return err
		}, "InvalidRequestException", "You tried to perform the operation on a secret that's currently marked deleted."},
		{"RestoreSecret: unknown secret", func(ctx context.Context, f fakes) error {
			_, err := f.sm.RestoreSecret(ctx, &secretsmanager.RestoreSecretInput{SecretId: aws.String("none")})
			return err
		}, "ResourceNotFoundException", "Secrets Manager can't find the specified secret."},
		{"TagResource: unknown secret", func(ctx context.Context, f fakes) error {
			_, err := f.sm.TagResource(ctx, &secretsmanager.TagResourceInput{SecretId: aws.String("none"), Tags: []smtypes.Tag{{Key: aws.String("a"), Value: aws.String("b")}}})
			return err
		}, "ResourceNotFoundException", "Secrets Manager can't find the specified secret."},
		{"UntagResource: unknown secret", func(ctx context.Context, f fakes) error {
			_, err := f.sm.UntagResource(ctx, &secretsmanager.UntagResourceInput{SecretId: aws.String("none"), TagKeys: []string{"k"}})
			return err
		}, "ResourceNotFoundException", "Secrets Manager can't find the specified secret."},
		{"GetRandomPassword: length 0", func(ctx context.Context, f fakes) error {
			_, err := f.sm.GetRandomPassword(ctx, &secretsmanager.GetRandomPasswordInput{PasswordLength: aws.Int64(0)})
			return err
		}, "ValidationException", "1 validation error detected: Value '0' at 'passwordLength' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{"GetRandomPassword: everything excluded", func(ctx context.Context, f fakes) error {
			_, err := f.sm.GetRandomPassword(ctx, &secretsmanager.GetRandomPasswordInput{ExcludeLowercase: aws.Bool(true), ExcludeUppercase: aws.Bool(true), ExcludeNumbers: aws.Bool(true), ExcludePunctuation: aws.Bool(true)})
			return err
		}, "InvalidParameterException", "The password has no characters to draw from: every character type is excluded."},
	}
	ways := []struct {
		name string
		new  func(seed uint64) fakes
	}{{"direct", newFakes}, {"sdk", newWireFakes}}
	for _, tt := range tests {
		for _, way := range ways {
			t.Run(way.name+"/"+tt.name, func(t *testing.T) {
				t.Parallel()
				f := invalidFixture(t, way.new)
				before := fullDump(t, f)
				err := tt.call(context.Background(), f)
				var ipe smithy.InvalidParamsError
				if tt.code == clientSide {
					if !errors.As(err, &ipe) || ipe.Error() != tt.msg {
						t.Errorf("got %v, want the SDK's client-side error %q", err, tt.msg)
					}
				} else if errors.As(err, &ipe) {
					t.Fatalf("got a client-side error %v, want AWS's %s", err, tt.code)
				}
				var ae smithy.APIError
				switch {
				case tt.code == clientSide:
				case !errors.As(err, &ae):
					t.Fatalf("got %v (%T), want an API error %s", err, err, tt.code)
				default:
					got, want := [2]string{ae.ErrorCode(), ae.ErrorMessage()}, [2]string{tt.code, tt.msg}
					if diff := cmp.Diff(want, got); diff != "" {
						t.Errorf("error code and message (-want +got):\n%s", diff)
					}
				}
				if diff := cmp.Diff(before, fullDump(t, f), dumpOpts); diff != "" {
					t.Errorf("the failed call changed the Store (-want +got):\n%s", diff)
				}
			})
		}
	}
}
