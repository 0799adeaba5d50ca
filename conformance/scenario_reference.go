package conformance

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws"
)

// The reference scenario's identities and times (docs/article-scenario.md).
const (
	refRegion  = "eu-central-1"
	refAccount = "123456789012"
	refARN     = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ"
	refName    = "prod/App/Mysql"
	refV1      = "98a55589-b075-47fb-bae9-df4f289527b9"
	refV2      = "f66c87f8-384b-445b-bd93-5edac5d72705"
	refParam   = "/aws/reference/secretsmanager/prod/App/Mysql"
)

var (
	refCreated = time.Date(2018, 7, 28, 11, 9, 49, 618e6, time.UTC)  // create-secret, 1532776189.618
	refUpdated = time.Date(2018, 7, 28, 11, 18, 57, 955e6, time.UTC) // update-secret, 1532776737.955
	refDay     = time.Date(2018, 7, 28, 0, 0, 0, 0, time.UTC)        // LastAccessedDate, 1532736000.0
)

// The SourceResult strings, byte for byte as AWS returned them (the article
// prints the first whole and the others through jq; compacted here, keys in
// AWS's order).
const (
	refSourceV1Current = `{"ARN":"arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ","name":"prod/App/Mysql","versionId":"98a55589-b075-47fb-bae9-df4f289527b9","secretString":"{\"key\":\"val\"}","versionStages":["AWSCURRENT"],"createdDate":"Jul 28, 2018 11:09:49 AM"}`
	refSourceV2Current = `{"ARN":"arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ","name":"prod/App/Mysql","versionId":"f66c87f8-384b-445b-bd93-5edac5d72705","secretString":"{\"foo\":\"bar\"}","versionStages":["AWSCURRENT"],"createdDate":"Jul 28, 2018 11:18:57 AM"}`
	refSourceV1Prev    = `{"ARN":"arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ","name":"prod/App/Mysql","versionId":"98a55589-b075-47fb-bae9-df4f289527b9","secretString":"{\"key\":\"val\"}","versionStages":["AWSPREVIOUS"],"createdDate":"Jul 28, 2018 11:09:49 AM"}`
	refSourceV1ByID    = `{"ARN":"arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ","name":"prod/App/Mysql","versionId":"98a55589-b075-47fb-bae9-df4f289527b9","secretString":"{\"key\":\"val\"}","createdDate":"Jul 28, 2018 11:09:49 AM"}`
)

// referenceScenario is docs/article-scenario.md: Parameter Store reading a
// Secrets Manager secret, with AWS's exact outputs. The CLI generated the
// version IDs as ClientRequestTokens; here they are passed explicitly so
// that every way in produces the same ones. Fields the article prints only
// through jq (the GetParameter answers of step 3 other than SourceResult)
// follow spec §1.1: Name without the selector, Selector as given, Version 0,
// LastModifiedDate the version's CreatedDate, the secret's ARN.
func referenceScenario() Scenario {
	return Scenario{
		Name:   "reference",
		Source: "docs/article-scenario.md (real AWS CLI output, 2018)",
		Env: Env{
			Region: refRegion, Account: refAccount, Start: refCreated,
			ARNSuffixes: []string{"XYZ"},
			// SourceResult's createdDate as AWS wrote it in 2018.
			SourceResultDate: fakeaws.SourceResultDate2018,
		},
		Steps: []Step{
			{
				Name: "create-secret", Service: SecretsManager, Op: "CreateSecret",
				In: &secretsmanager.CreateSecretInput{
					Name: aws.String(refName), SecretString: aws.String(`{"key":"val"}`),
					ClientRequestToken: aws.String(refV1),
				},
				Want:   &secretsmanager.CreateSecretOutput{ARN: aws.String(refARN), Name: aws.String(refName), VersionId: aws.String(refV1)},
				Golden: "2018/create-secret.json",
			},
			{
				Name: "get-secret-value", Service: SecretsManager, Op: "GetSecretValue",
				In: &secretsmanager.GetSecretValueInput{SecretId: aws.String(refName)},
				Want: &secretsmanager.GetSecretValueOutput{
					ARN: aws.String(refARN), Name: aws.String(refName), VersionId: aws.String(refV1),
					SecretString: aws.String(`{"key":"val"}`), VersionStages: []string{"AWSCURRENT"},
					CreatedDate: aws.Time(refCreated),
				},
				Golden: "2018/get-secret-value.json",
			},
			{
				Name: "describe-parameters lists no reference", Service: SSM, Op: "DescribeParameters",
				In:     &ssm.DescribeParametersInput{},
				Want:   &ssm.DescribeParametersOutput{Parameters: []ssmtypes.ParameterMetadata{}},
				Golden: "2018/describe-parameters.json",
			},
			{
				Name: "get-parameter on the reference", Service: SSM, Op: "GetParameter",
				In: &ssm.GetParameterInput{Name: aws.String(refParam), WithDecryption: aws.Bool(true)},
				Want: &ssm.GetParameterOutput{Parameter: &ssmtypes.Parameter{
					Name: aws.String(refParam), Type: ssmtypes.ParameterTypeSecureString,
					Value: aws.String(`{"key":"val"}`), Version: 0,
					SourceResult:     aws.String(refSourceV1Current),
					LastModifiedDate: aws.Time(refCreated), ARN: aws.String(refARN),
				}},
				Golden: "2018/get-parameter-reference.json",
			},
			{
				Name: "get-parameter without --with-decryption", Service: SSM, Op: "GetParameter",
				In: &ssm.GetParameterInput{Name: aws.String(refParam)},
				WantErr: &Error{Code: "ValidationException",
					Message: "WithDecryption flag must be True for retrieving a Secret Manager secret."},
			},
			{
				Name: "update-secret", At: refUpdated, Service: SecretsManager, Op: "UpdateSecret",
				In: &secretsmanager.UpdateSecretInput{
					SecretId: aws.String(refName), SecretString: aws.String(`{"foo":"bar"}`),
					ClientRequestToken: aws.String(refV2),
				},
				Want:   &secretsmanager.UpdateSecretOutput{ARN: aws.String(refARN), Name: aws.String(refName), VersionId: aws.String(refV2)},
				Golden: "2018/update-secret.json",
			},
			{
				Name: "list-secret-version-ids", Service: SecretsManager, Op: "ListSecretVersionIds",
				In: &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String(refName)},
				Want: &secretsmanager.ListSecretVersionIdsOutput{
					Versions: []smtypes.SecretVersionsListEntry{
						{VersionId: aws.String(refV1), VersionStages: []string{"AWSPREVIOUS"}, LastAccessedDate: aws.Time(refDay), CreatedDate: aws.Time(refCreated)},
						{VersionId: aws.String(refV2), VersionStages: []string{"AWSCURRENT"}, CreatedDate: aws.Time(refUpdated)},
					},
					ARN: aws.String(refARN), Name: aws.String(refName),
				},
				Golden: "2018/list-secret-version-ids.json",
			},
			{
				Name: "get-parameter :AWSCURRENT", Service: SSM, Op: "GetParameter",
				In: &ssm.GetParameterInput{Name: aws.String(refParam + ":AWSCURRENT"), WithDecryption: aws.Bool(true)},
				Want: &ssm.GetParameterOutput{Parameter: &ssmtypes.Parameter{
					Name: aws.String(refParam), Type: ssmtypes.ParameterTypeSecureString,
					Value: aws.String(`{"foo":"bar"}`), Version: 0, Selector: aws.String(":AWSCURRENT"),
					SourceResult:     aws.String(refSourceV2Current),
					LastModifiedDate: aws.Time(refUpdated), ARN: aws.String(refARN),
				}},
				Golden: "2018/get-parameter-reference-awscurrent.source-result.json", GoldenPath: "Parameter.SourceResult",
			},
			{
				Name: "get-parameter :AWSPREVIOUS", Service: SSM, Op: "GetParameter",
				In: &ssm.GetParameterInput{Name: aws.String(refParam + ":AWSPREVIOUS"), WithDecryption: aws.Bool(true)},
				Want: &ssm.GetParameterOutput{Parameter: &ssmtypes.Parameter{
					Name: aws.String(refParam), Type: ssmtypes.ParameterTypeSecureString,
					Value: aws.String(`{"key":"val"}`), Version: 0, Selector: aws.String(":AWSPREVIOUS"),
					SourceResult:     aws.String(refSourceV1Prev),
					LastModifiedDate: aws.Time(refCreated), ARN: aws.String(refARN),
				}},
				Golden: "2018/get-parameter-reference-awsprevious.source-result.json", GoldenPath: "Parameter.SourceResult",
			},
			{
				Name: "get-parameter :<version id>", Service: SSM, Op: "GetParameter",
				In: &ssm.GetParameterInput{Name: aws.String(refParam + ":" + refV1), WithDecryption: aws.Bool(true)},
				Want: &ssm.GetParameterOutput{Parameter: &ssmtypes.Parameter{
					Name: aws.String(refParam), Type: ssmtypes.ParameterTypeSecureString,
					Value: aws.String(`{"key":"val"}`), Version: 0, Selector: aws.String(":" + refV1),
					SourceResult:     aws.String(refSourceV1ByID),
					LastModifiedDate: aws.Time(refCreated), ARN: aws.String(refARN),
				}},
				Golden: "2018/get-parameter-reference-version-id.source-result.json", GoldenPath: "Parameter.SourceResult",
			},
		},
	}
}
