package paramstore_test

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
)

func secretsmanagerCreate(name string) *secretsmanager.CreateSecretInput {
	return &secretsmanager.CreateSecretInput{Name: aws.String(name), SecretString: aws.String("s")}
}
