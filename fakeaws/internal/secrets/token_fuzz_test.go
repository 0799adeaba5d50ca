package secrets_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/smithy-go"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
)

// FuzzPageToken passes an arbitrary NextToken (and MaxResults) to
// ListSecrets and ListSecretVersionIds: InvalidNextTokenException, a
// ValidationException for MaxResults out of range, or a valid page; never a
// panic.
func FuzzPageToken(f *testing.F) {
	for _, s := range []string{"", "x", "====", "bgBz", "bgBzMQ", "dgAx", "AAAA", "bgBzMQBzMgB4"} {
		f.Add(s, int32(2))
	}
	f.Fuzz(func(t *testing.T, tok string, max int32) {
		ctx := context.Background()
		c := smfake.New(fakeaws.New(fakeaws.WithSeed(1)))
		for i := 0; i < 3; i++ {
			name := fmt.Sprintf("s%d", i)
			if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(name), SecretString: aws.String("v")}); err != nil {
				t.Fatal(err)
			}
			if _, err := c.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String(name), SecretString: aws.String("w")}); err != nil {
				t.Fatal(err)
			}
		}
		check := func(op string, err error) {
			if err == nil {
				return
			}
			var ae smithy.APIError
			if !errors.As(err, &ae) {
				t.Fatalf("%s: %v is not an API error", op, err)
			}
			var bad *types.InvalidNextTokenException
			if !errors.As(err, &bad) && ae.ErrorCode() != "ValidationException" && ae.ErrorCode() != "InvalidParameterException" {
				t.Fatalf("%s with token %q max %d: %v", op, tok, max, err)
			}
		}
		var m *int32
		if max != 0 {
			m = aws.Int32(max)
		}
		_, err := c.ListSecrets(ctx, &secretsmanager.ListSecretsInput{NextToken: aws.String(tok), MaxResults: m})
		check("ListSecrets", err)
		_, err = c.ListSecrets(ctx, &secretsmanager.ListSecretsInput{NextToken: aws.String(tok), MaxResults: m, IncludePlannedDeletion: aws.Bool(true),
			SortOrder: types.SortOrderTypeDesc, SortBy: types.SortByTypeName})
		check("ListSecrets sorted", err)
		_, err = c.ListSecretVersionIds(ctx, &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String("s1"), NextToken: aws.String(tok), MaxResults: m})
		check("ListSecretVersionIds", err)
	})
}
