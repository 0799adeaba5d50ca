package smfake

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// Rotation steps, in the order Secrets Manager calls a rotation Lambda.
var rotationSteps = [...]string{"createSecret", "setSecret", "testSecret", "finishSecret"}

// RotateSecret records the rotation configuration (Lambda ARN, RotationRules)
// and, unless RotateImmediately is false, starts a rotation: a version with
// the ClientRequestToken as its ID gets AWSPENDING, then the rotation
// function registered with fakeaws.Store.SetRotationFunc under the Lambda
// ARN is called for createSecret, setSecret, testSecret and finishSecret,
// outside the Store's lock, as Secrets Manager calls a rotation Lambda. The
// function calls the Store through a client of its own, as AWS's rotation
// templates do (PutSecretValue with the token and VersionStages AWSPENDING,
// then UpdateSecretVersionStage moving AWSCURRENT to it); when AWSCURRENT
// moves to the AWSPENDING version, LastRotatedDate is set.
//
// As on AWS, where rotation runs after the call has answered, an error of
// the function does not fail RotateSecret: the rotation stops at that step
// and AWSPENDING stays where it is, so that the next RotateSecret reports a
// rotation in progress. Without a Lambda ARN (given or configured) the call
// fails as AWS does; an ARN with no registered function gets
// AccessDeniedException.
func (c *Client) RotateSecret(ctx context.Context, in *secretsmanager.RotateSecretInput, _ ...func(*secretsmanager.Options)) (*secretsmanager.RotateSecretOutput, error) {
	known := func(arn string) bool { return c.e.RotationFunc(arn) != nil }
	var plan secrets.RotationPlan
	op := *secrets.RotateSecret // its declaration, run keeping the plan
	op.Run = func(s *secrets.State, env core.Env, in *secretsmanager.RotateSecretInput) (*secretsmanager.RotateSecretOutput, error) {
		out, p, err := s.RotateSecret(env, in, known)
		plan = p
		return out, err
	}
	out, err := engine.Run(ctx, c.e, c.p, c.p.SM, &op, in)
	if err != nil || !plan.Run {
		return out, err
	}
	fn := c.e.RotationFunc(plan.LambdaARN)
	if fn == nil { // unregistered since the check
		return out, nil
	}
	if plan.TestOnly {
		// RotateImmediately=false: testSecret on a passing AWSPENDING
		// version, which is then removed (D). Its result, like a rotation's,
		// does not fail the call (U).
		_ = fn(ctx, engine.RotationEvent{Step: "testSecret", SecretID: plan.ARN, ClientRequestToken: plan.Token})
		c.e.Write(func() {
			c.p.SM.EndRotationTest(plan.ARN, plan.Token)
			c.p.SM.AfterWrite()
		})
		return out, nil
	}
	for _, step := range rotationSteps {
		if fn(ctx, engine.RotationEvent{Step: step, SecretID: plan.ARN, ClientRequestToken: plan.Token}) != nil {
			break
		}
	}
	return out, nil
}
