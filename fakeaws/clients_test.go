package fakeaws_test

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/sdkapi"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

type (
	ssmClient = sdkapi.SSM
	smClient  = sdkapi.SecretsManager
)

// ways are the ways in the tests of this package try: the fake clients, and
// the SDK's clients over endpoint.Config.
var ways = []string{"direct", "config"}

// clientsFor returns the clients of way acting as principal ("" for none):
// over endpoint.Config, an access key mapped to principal signs the
// requests.
func clientsFor(st *fakeaws.Store, way, principal string) (ssmClient, smClient) {
	if way == "direct" {
		return ssmfake.New(st, ssmfake.WithPrincipal(principal)), smfake.New(st, smfake.WithPrincipal(principal))
	}
	var opts []endpoint.Option
	const key = "AKIATESTCLIENTS"
	if principal != "" {
		opts = append(opts, endpoint.WithPrincipalForKey(key, principal))
	}
	cfg := endpoint.Config(st, opts...)
	if principal != "" {
		cfg.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: key, SecretAccessKey: "x"}, nil
		})
	}
	return ssm.NewFromConfig(cfg), secretsmanager.NewFromConfig(cfg)
}
