package smfake_test

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
)

// Rotation without a Lambda: a Go function registered under the Lambda ARN
// plays the rotation function, step by step, through a client of its own.
func ExampleClient_RotateSecret() {
	ctx := context.Background()
	st := fakeaws.New(fakeaws.WithClock(clock.NewFake(time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC))), fakeaws.WithSeed(7))
	smc := smfake.New(st)
	const fn = "arn:aws:lambda:us-east-1:123456789012:function:rotate"
	st.SetRotationFunc(fn, func(ctx context.Context, ev fakeaws.RotationEvent) error {
		switch ev.Step {
		case "createSecret":
			_, err := smc.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String(ev.SecretID),
				ClientRequestToken: aws.String(ev.ClientRequestToken), SecretString: aws.String("new-password"), VersionStages: []string{"AWSPENDING"}})
			return err
		case "finishSecret":
			d, err := smc.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String(ev.SecretID)})
			if err != nil {
				return err
			}
			for id, stages := range d.VersionIdsToStages {
				if id != ev.ClientRequestToken && len(stages) > 0 && stages[0] == "AWSCURRENT" {
					_, err = smc.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String(ev.SecretID),
						VersionStage: aws.String("AWSCURRENT"), MoveToVersionId: aws.String(ev.ClientRequestToken), RemoveFromVersionId: aws.String(id)})
				}
			}
			return err
		}
		return nil // setSecret, testSecret: nothing to set or test here
	})

	_, _ = smc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("db"), SecretString: aws.String("old-password")})
	_, err := smc.RotateSecret(ctx, &secretsmanager.RotateSecretInput{SecretId: aws.String("db"), RotationLambdaARN: aws.String(fn),
		RotationRules: &types.RotationRulesType{AutomaticallyAfterDays: aws.Int64(30)}})
	fmt.Println(err)
	got, _ := smc.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("db")})
	fmt.Println(*got.SecretString)
	d, _ := smc.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("db")})
	fmt.Println(*d.RotationEnabled, d.LastRotatedDate.Format(time.RFC3339), d.NextRotationDate.Format(time.RFC3339))
	// Output:
	// <nil>
	// new-password
	// true 2024-05-01T09:00:00Z 2024-05-31T23:59:59Z
}
