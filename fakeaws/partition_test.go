package fakeaws_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws"
)

var partitionRegions = []struct{ region, partition string }{
	{"cn-north-1", "aws-cn"},
	{"us-gov-west-1", "aws-us-gov"},
}

// partitionARNs are the ARNs the fake returned for /app/p and the secret
// db.
type partitionARNs struct {
	Parameter, Secret string
	// All is every ARN returned, by where it was read.
	All map[string]string
}

// readARNs creates /app/p and the secret db in st and reads back every ARN
// the fake returns for them.
func readARNs(t *testing.T, st *fakeaws.Store, way string) partitionARNs {
	t.Helper()
	ctx := context.Background()
	p, s := clientsFor(st, way, "")
	if _, err := p.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/p"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString}); err != nil {
		t.Fatal(err)
	}
	created, err := s.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("db"), SecretString: aws.String("pw")})
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/p")})
	if err != nil {
		t.Fatal(err)
	}
	described, err := p.DescribeParameters(ctx, &ssm.DescribeParametersInput{})
	if err != nil || len(described.Parameters) != 1 {
		t.Fatalf("DescribeParameters: %+v, %v; want /app/p", described, err)
	}
	history, err := p.GetParameterHistory(ctx, &ssm.GetParameterHistoryInput{Name: aws.String("/app/p")})
	if err != nil || len(history.Parameters) != 1 {
		t.Fatalf("GetParameterHistory: %+v, %v; want one version", history, err)
	}
	setting, err := p.GetServiceSetting(ctx, &ssm.GetServiceSettingInput{SettingId: aws.String("/ssm/parameter-store/default-parameter-tier")})
	if err != nil {
		t.Fatal(err)
	}
	secret, err := s.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("db")})
	if err != nil {
		t.Fatal(err)
	}
	value, err := s.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("db")})
	if err != nil {
		t.Fatal(err)
	}
	ref, err := p.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/aws/reference/secretsmanager/db"), WithDecryption: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	return partitionARNs{
		Parameter: aws.ToString(got.Parameter.ARN),
		Secret:    aws.ToString(created.ARN),
		All: map[string]string{
			"GetParameter ARN":                      aws.ToString(got.Parameter.ARN),
			"DescribeParameters ARN":                aws.ToString(described.Parameters[0].ARN),
			"DescribeParameters LastModifiedUser":   aws.ToString(described.Parameters[0].LastModifiedUser),
			"GetParameterHistory LastModifiedUser":  aws.ToString(history.Parameters[0].LastModifiedUser),
			"GetServiceSetting ARN":                 aws.ToString(setting.ServiceSetting.ARN),
			"CreateSecret ARN":                      aws.ToString(created.ARN),
			"DescribeSecret ARN":                    aws.ToString(secret.ARN),
			"GetSecretValue ARN":                    aws.ToString(value.ARN),
			"GetParameter ARN of a reference":       aws.ToString(ref.Parameter.ARN),
			"GetParameter SourceResult's ARN field": sourceResultARN(aws.ToString(ref.Parameter.SourceResult)),
		},
	}
}

// sourceResultARN is the "arn" field of a reference's SourceResult (the
// GetSecretValue answer as JSON), or "" without one.
func sourceResultARN(src string) string {
	_, rest, ok := strings.Cut(src, `"arn":"`)
	if !ok {
		_, rest, ok = strings.Cut(src, `"ARN":"`)
	}
	if !ok {
		return ""
	}
	arn, _, _ := strings.Cut(rest, `"`)
	return arn
}

// Every ARN the fake returns in a region of another partition is in that
// partition.
func TestPartitionARNs(t *testing.T) {
	t.Parallel()
	for _, way := range ways {
		for _, r := range partitionRegions {
			t.Run(way+"/"+r.region, func(t *testing.T) {
				t.Parallel()
				st := fakeaws.New(fakeaws.WithRegion(r.region), fakeaws.WithARNSuffixes("AbCdEf"))
				got := readARNs(t, st, way)
				ssmARN := "arn:" + r.partition + ":ssm:" + r.region + ":123456789012:"
				smARN := "arn:" + r.partition + ":secretsmanager:" + r.region + ":123456789012:secret:db-AbCdEf"
				want := map[string]string{
					"GetParameter ARN":                     ssmARN + "parameter/app/p",
					"DescribeParameters ARN":               ssmARN + "parameter/app/p",
					"DescribeParameters LastModifiedUser":  "arn:" + r.partition + ":iam::123456789012:root",
					"GetParameterHistory LastModifiedUser": "arn:" + r.partition + ":iam::123456789012:root",
					"GetServiceSetting ARN":                ssmARN + "servicesetting/ssm/parameter-store/default-parameter-tier",
					"CreateSecret ARN":                     smARN,
					"DescribeSecret ARN":                   smARN,
					"GetSecretValue ARN":                   smARN,
					// The bridge answers with the secret's ARN.
					"GetParameter ARN of a reference":       smARN,
					"GetParameter SourceResult's ARN field": smARN,
				}
				if diff := cmp.Diff(want, got.All); diff != "" {
					t.Errorf("ARNs (-want +got):\n%s", diff)
				}
			})
		}
	}
}

// A policy naming exactly the ARNs the fake returned in a partition allows
// the calls on them; the same policy spelt with arn:aws: does not.
func TestPartitionPolicies(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, way := range ways {
		for _, r := range partitionRegions {
			t.Run(way+"/"+r.region, func(t *testing.T) {
				t.Parallel()
				st := fakeaws.New(fakeaws.WithRegion(r.region), fakeaws.WithARNSuffixes("AbCdEf"))
				arns := readARNs(t, st, way)
				refARN := "arn:" + r.partition + ":ssm:" + r.region + ":123456789012:parameter/aws/reference/secretsmanager/db"
				policy := func(param, secret, ref string) *fakeaws.Policy {
					return &fakeaws.Policy{Statement: []fakeaws.Statement{
						{Effect: fakeaws.Allow, Action: []string{"ssm:GetParameter"}, Resource: []string{param, ref}},
						{Effect: fakeaws.Allow, Action: []string{"secretsmanager:GetSecretValue"}, Resource: []string{secret}},
					}}
				}
				inPartition := "arn:" + r.partition + ":iam::123456789012:user/inpartition"
				st.SetPolicy(inPartition, policy(arns.Parameter, arns.Secret, refARN))
				commercial := "arn:" + r.partition + ":iam::123456789012:user/commercial"
				toAWS := func(arn string) string { return strings.Replace(arn, "arn:"+r.partition+":", "arn:aws:", 1) }
				st.SetPolicy(commercial, policy(toAWS(arns.Parameter), toAWS(arns.Secret), toAWS(refARN)))

				calls := []struct {
					name string
					call func(ssmClient, smClient) error
				}{
					{"GetParameter", func(p ssmClient, _ smClient) error {
						_, err := p.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/p")})
						return err
					}},
					{"GetSecretValue", func(_ ssmClient, s smClient) error {
						_, err := s.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("db")})
						return err
					}},
					{"GetParameter of a reference", func(p ssmClient, _ smClient) error {
						_, err := p.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/aws/reference/secretsmanager/db"), WithDecryption: aws.Bool(true)})
						return err
					}},
				}
				p, s := clientsFor(st, way, inPartition)
				for _, c := range calls {
					if err := c.call(p, s); err != nil {
						t.Errorf("%s, allowed by the partition's ARNs: %v", c.name, err)
					}
				}
				p, s = clientsFor(st, way, commercial)
				for _, c := range calls {
					var api smithy.APIError
					if err := c.call(p, s); !errors.As(err, &api) || api.ErrorCode() != "AccessDeniedException" {
						t.Errorf("%s, allowed only by arn:aws: ARNs: %v, want AccessDeniedException", c.name, err)
					}
				}
			})
		}
	}
}
