package settings_test

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/examples/settings"
	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// The wiring: one Store, a fake client of each service, and the loader
// holding them as it would hold *ssm.Client and *secretsmanager.Client.
func ExampleLoader() {
	ctx := context.Background()
	st := fakeaws.New()
	ssmc, smc := ssmfake.New(st), smfake.New(st)
	ssmc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/orders/prod/db/host"), Value: aws.String("db.internal"), Type: types.ParameterTypeString})
	smc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("prod/orders/db"), SecretString: aws.String("s3cret")})

	l := settings.New(ssmc, smc, "/orders/prod", "prod/orders/db")
	s, err := l.Settings(ctx)
	fmt.Println(s, err)
	pw, err := l.Password(ctx)
	fmt.Println(pw, err)
	// Output:
	// map[db/host:db.internal] <nil>
	// s3cret <nil>
}
