package conformance

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
)

// recorded2021Scenario is docs/recorded-2021.md: a secret and three
// parameters written as the write-up did, then read back; the reads are
// compared with AWS's answers on the wire (testdata/recorded/2021). The
// writes' answers are not recorded: their expected values follow
// docs/aws-behaviour.md §2.3 and §3.5.
func recorded2021Scenario() Scenario {
	const region, account = "eu-west-1", "123456789012"
	const (
		secretName = "demo-api/dev/key-value-pairs"
		secretARN  = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:demo-api/dev/key-value-pairs-GfqLoi"
		secretV1   = "6acf7301-d9fe-4fbf-9c59-9c7c5f96aba2"
		secretVal  = `{"foo":"bar","derp":"69"}`
		str        = "/demo-api/dev/string"
		list       = "/demo-api/dev/string-list"
		secure     = "/demo-api/dev/secure-string"
		week       = "Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday"
		ref        = "/aws/reference/secretsmanager/" + secretName
		source     = `{"ARN":"` + secretARN + `","name":"demo-api/dev/key-value-pairs","versionId":"` + secretV1 +
			`","secretString":"{\"foo\":\"bar\",\"derp\":\"69\"}","versionStages":["AWSCURRENT"],"createdDate":"Oct 14, 2021, 10:18:47 AM"}`
	)
	secretAt := time.Date(2021, 10, 14, 10, 18, 47, 297e6, time.UTC)
	strAt := time.Date(2021, 10, 14, 10, 26, 23, 454e6, time.UTC)
	listAt := time.Date(2021, 10, 14, 10, 27, 7, 190e6, time.UTC)
	secureAt := time.Date(2021, 10, 14, 10, 28, 6, 159e6, time.UTC)
	arn := func(name string) *string {
		return aws.String("arn:aws:ssm:" + region + ":" + account + ":parameter" + name)
	}
	param := func(name string, typ ssmtypes.ParameterType, value string, at time.Time) ssmtypes.Parameter {
		return ssmtypes.Parameter{
			ARN: arn(name), DataType: aws.String("text"), LastModifiedDate: aws.Time(at), Name: aws.String(name),
			Type: typ, Value: aws.String(value), Version: 1,
		}
	}
	put := func(name string, typ ssmtypes.ParameterType, value string, at time.Time) Step {
		return Step{
			Name: "put " + name, At: at, Service: SSM, Op: "PutParameter",
			In:   &ssm.PutParameterInput{Name: aws.String(name), Type: typ, Value: aws.String(value)},
			Want: &ssm.PutParameterOutput{Version: 1, Tier: ssmtypes.ParameterTierStandard},
		}
	}
	strParam := param(str, ssmtypes.ParameterTypeString, "Hello world!", strAt)
	return Scenario{
		Name:   "recorded-2021",
		Source: "docs/recorded-2021.md (real AWS, SDK for JavaScript v3, 2021)",
		Env: Env{
			Region: region, Account: account, Start: secretAt,
			ARNSuffixes: []string{"GfqLoi"},
		},
		Unmask: map[string]string{"XXXXXXXXXXXX": account},
		Steps: []Step{
			{
				Name: "create the secret", Service: SecretsManager, Op: "CreateSecret",
				In: &secretsmanager.CreateSecretInput{
					Name: aws.String(secretName), SecretString: aws.String(secretVal), ClientRequestToken: aws.String(secretV1),
				},
				Want: &secretsmanager.CreateSecretOutput{ARN: aws.String(secretARN), Name: aws.String(secretName), VersionId: aws.String(secretV1)},
			},
			put(str, ssmtypes.ParameterTypeString, "Hello world!", strAt),
			put(list, ssmtypes.ParameterTypeStringList, week, listAt),
			put(secure, ssmtypes.ParameterTypeSecureString, "Everyone has secrets", secureAt),
			{
				Name: "GetSecretValue", Service: SecretsManager, Op: "GetSecretValue",
				In: &secretsmanager.GetSecretValueInput{SecretId: aws.String(secretName)},
				Want: &secretsmanager.GetSecretValueOutput{
					ARN: aws.String(secretARN), Name: aws.String(secretName), VersionId: aws.String(secretV1),
					SecretString: aws.String(secretVal), VersionStages: []string{"AWSCURRENT"}, CreatedDate: aws.Time(secretAt),
				},
				Golden: "2021/get-secret-value.json",
			},
			{
				Name: "GetParameter, a String parameter", Service: SSM, Op: "GetParameter",
				In:     &ssm.GetParameterInput{Name: aws.String(str)},
				Want:   &ssm.GetParameterOutput{Parameter: &strParam},
				Golden: "2021/get-parameter-string.json",
			},
			{
				Name: "GetParameters, three names, all found", Service: SSM, Op: "GetParameters",
				In: &ssm.GetParametersInput{Names: []string{str, list, secure}, WithDecryption: aws.Bool(true)},
				Want: &ssm.GetParametersOutput{
					InvalidParameters: []string{},
					Parameters: []ssmtypes.Parameter{
						param(secure, ssmtypes.ParameterTypeSecureString, "Everyone has secrets", secureAt),
						strParam,
						param(list, ssmtypes.ParameterTypeStringList, week, listAt),
					},
				},
				Golden: "2021/get-parameters.json",
			},
			{
				Name: "GetParameter on the reference", Service: SSM, Op: "GetParameter",
				In: &ssm.GetParameterInput{Name: aws.String(ref), WithDecryption: aws.Bool(true)},
				Want: &ssm.GetParameterOutput{Parameter: &ssmtypes.Parameter{
					ARN: aws.String(secretARN), LastModifiedDate: aws.Time(secretAt), Name: aws.String(ref),
					SourceResult: aws.String(source), Type: ssmtypes.ParameterTypeSecureString,
					Value: aws.String(secretVal), Version: 0,
				}},
				Golden: "2021/get-parameter-reference.json",
			},
		},
	}
}
