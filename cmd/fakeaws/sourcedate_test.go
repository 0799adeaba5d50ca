package main

import (
	"context"
	"io"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

// -source-result-date picks the layout of SourceResult's createdDate: the
// 2021 one by default, the 2018 one when asked (docs/aws-behaviour.md §1.2,
// recorded-2021.md and article-scenario.md).
func TestSourceResultDateFlag(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, `"createdDate":"Oct 14, 2021, 10:18:47 AM"}`},
		{[]string{"-source-result-date", "2021"}, `"createdDate":"Oct 14, 2021, 10:18:47 AM"}`},
		{[]string{"-source-result-date", "2018"}, `"createdDate":"Oct 14, 2021 10:18:47 AM"}`},
	} {
		url, stop := runUntilStopped(t, append([]string{"-start", "2021-10-14T10:18:47.297Z"}, tc.args...)...)
		ctx := context.Background()
		sm := secretsmanager.New(secretsmanager.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), RetryMaxAttempts: 1,
			Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
				return aws.Credentials{AccessKeyID: "123456789012", SecretAccessKey: "x"}, nil
			})})
		if _, err := sm.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v")}); err != nil {
			t.Fatal(err)
		}
		out, err := ssmClient(url).GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/aws/reference/secretsmanager/s"), WithDecryption: aws.Bool(true)})
		if err != nil {
			t.Fatal(err)
		}
		if got := aws.ToString(out.Parameter.SourceResult); len(got) < len(tc.want) || got[len(got)-len(tc.want):] != tc.want {
			t.Errorf("%q: SourceResult %s, want it to end %s", tc.args, got, tc.want)
		}
		if err := stop(); err != nil {
			t.Error(err)
		}
	}
	if _, err := parseFlags([]string{"-source-result-date", "2019"}, io.Discard); err == nil {
		t.Error("-source-result-date 2019 was accepted")
	}
}
