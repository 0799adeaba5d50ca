package endpoint_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
)

// The real SDK clients, answered in memory by a Store: code that holds a
// *secretsmanager.Client or an *ssm.Client is tested unchanged.
func ExampleConfig() {
	ctx := context.Background()
	st := fakeaws.New(fakeaws.WithRegion("eu-central-1"))
	smc := secretsmanager.NewFromConfig(endpoint.Config(st))

	_, err := smc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{
		Name: aws.String("prod/db"), SecretString: aws.String(`{"user":"app"}`),
	})
	if err != nil {
		panic(err)
	}
	v, err := smc.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("prod/db")})
	if err != nil {
		panic(err)
	}
	fmt.Println(*v.SecretString, v.VersionStages)

	_, err = smc.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("prod/none")})
	var notFound *types.ResourceNotFoundException
	if errors.As(err, &notFound) {
		fmt.Println(notFound.ErrorCode()+":", notFound.ErrorMessage())
	}
	// Output:
	// {"user":"app"} [AWSCURRENT]
	// ResourceNotFoundException: Secrets Manager can't find the specified secret.
}

// A loopback server, for the AWS CLI or anything else that takes an endpoint
// URL; Server.Config gives the Go SDK's settings for it.
func ExampleNewServer() {
	st := fakeaws.New()
	srv := endpoint.NewServer(st)
	defer srv.Close()

	smc := secretsmanager.NewFromConfig(srv.Config())
	out, err := smc.CreateSecret(context.Background(), &secretsmanager.CreateSecretInput{
		Name: aws.String("prod/db"), SecretString: aws.String(`{"user":"app"}`),
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(*out.Name)
	fmt.Println(strings.HasPrefix(srv.URL, "http://127.0.0.1:"))
	// Output:
	// prod/db
	// true
}
