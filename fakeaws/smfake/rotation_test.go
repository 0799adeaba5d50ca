package smfake_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
)

const lambdaARN = "arn:aws:lambda:us-east-1:123456789012:function:rotate"

// templateRotation is AWS's rotation template (SecretsManagerRotationTemplate
// lambda_function.py) in Go: it checks the token's stages, then creates the
// AWSPENDING value, "sets" and "tests" it, and finally moves AWSCURRENT. If
// failAt names a step, that step fails.
func templateRotation(c *smfake.Client, failAt string, calls *atomic.Int32) fakeaws.RotationFunc {
	return func(ctx context.Context, ev fakeaws.RotationEvent) error {
		calls.Add(1)
		d, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String(ev.SecretID)})
		if err != nil {
			return err
		}
		stages, ok := d.VersionIdsToStages[ev.ClientRequestToken]
		if !ok {
			return fmt.Errorf("secret version %s has no stage for rotation", ev.ClientRequestToken)
		}
		if slices.Contains(stages, "AWSCURRENT") {
			return nil
		}
		if !slices.Contains(stages, "AWSPENDING") {
			return fmt.Errorf("secret version %s not set as AWSPENDING", ev.ClientRequestToken)
		}
		if ev.Step == failAt {
			return errors.New("step failed")
		}
		pending := &secretsmanager.GetSecretValueInput{SecretId: aws.String(ev.SecretID), VersionId: aws.String(ev.ClientRequestToken), VersionStage: aws.String("AWSPENDING")}
		switch ev.Step {
		case "createSecret":
			if _, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(ev.SecretID), VersionStage: aws.String("AWSCURRENT")}); err != nil {
				return err
			}
			_, err := c.GetSecretValue(ctx, pending)
			var rnf *types.ResourceNotFoundException
			if err == nil {
				return nil
			} else if !errors.As(err, &rnf) {
				return err
			}
			_, err = c.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String(ev.SecretID), ClientRequestToken: aws.String(ev.ClientRequestToken),
				SecretString: aws.String("rotated"), VersionStages: []string{"AWSPENDING"}})
			return err
		case "setSecret", "testSecret":
			_, err := c.GetSecretValue(ctx, pending)
			return err
		case "finishSecret":
			var current string
			for id, st := range d.VersionIdsToStages {
				if slices.Contains(st, "AWSCURRENT") {
					current = id
				}
			}
			if current == ev.ClientRequestToken {
				return nil
			}
			_, err := c.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String(ev.SecretID), VersionStage: aws.String("AWSCURRENT"),
				MoveToVersionId: aws.String(ev.ClientRequestToken), RemoveFromVersionId: aws.String(current)})
			return err
		}
		return fmt.Errorf("invalid step %s", ev.Step)
	}
}

func newRotationClient(t *testing.T, failAt string) (*smfake.Client, *clock.Fake, *atomic.Int32) {
	t.Helper()
	clk := clock.NewFake(t0)
	st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithSeed(1), fakeaws.WithARNSuffixes("AAAAAA", "BBBBBB"))
	c := smfake.New(st)
	calls := new(atomic.Int32)
	st.SetRotationFunc(lambdaARN, templateRotation(c, failAt, calls))
	mustCreate(t, c, "app/a", "one", tokA)
	return c, clk, calls
}

func TestRotateSecretRunsTheFourSteps(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, clk, calls := newRotationClient(t, "")
	clk.Advance(time.Hour)
	out, err := c.RotateSecret(ctx, &secretsmanager.RotateSecretInput{SecretId: aws.String("app/a"), ClientRequestToken: aws.String(tokB),
		RotationLambdaARN: aws.String(lambdaARN), RotationRules: &types.RotationRulesType{AutomaticallyAfterDays: aws.Int64(30)}})
	if err != nil {
		t.Fatal(err)
	}
	if got := aws.ToString(out.VersionId); got != tokB {
		t.Errorf("VersionId = %q, want the ClientRequestToken %q", got, tokB)
	}
	if got := calls.Load(); got != 4 {
		t.Errorf("rotation function called %d times, want 4", got)
	}
	v, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("app/a")})
	if err != nil {
		t.Fatal(err)
	}
	if got := aws.ToString(v.SecretString); got != "rotated" {
		t.Errorf("AWSCURRENT value = %q, want the rotated one", got)
	}
	d, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("app/a")})
	if err != nil {
		t.Fatal(err)
	}
	rotated := t0.Add(time.Hour)
	next := time.Date(2024, 3, 31, 23, 59, 59, 0, time.UTC)
	type rot struct {
		Enabled    *bool
		Lambda     *string
		Rules      *types.RotationRulesType
		Last, Next *time.Time
		Stages     map[string][]string
	}
	want := rot{aws.Bool(true), aws.String(lambdaARN), &types.RotationRulesType{AutomaticallyAfterDays: aws.Int64(30)}, &rotated, &next,
		// AWSCURRENT moved as UpdateSecretVersionStage moves it (docs/aws-behaviour.md §3.3);
		// AWSPENDING may stay on the new current (RotateSecret doc, D).
		map[string][]string{tokA: {"AWSPREVIOUS"}, tokB: {"AWSPENDING", "AWSCURRENT"}}}
	got := rot{d.RotationEnabled, d.RotationLambdaARN, d.RotationRules, d.LastRotatedDate, d.NextRotationDate, d.VersionIdsToStages}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(types.RotationRulesType{})); diff != "" {
		t.Errorf("DescribeSecret after rotation (-want +got):\n%s", diff)
	}
	l, err := c.ListSecrets(ctx, &secretsmanager.ListSecretsInput{})
	if err != nil {
		t.Fatal(err)
	}
	if e := l.SecretList[0]; !aws.ToBool(e.RotationEnabled) || aws.ToString(e.RotationLambdaARN) != lambdaARN || e.LastRotatedDate == nil {
		t.Errorf("ListSecrets entry lacks the rotation fields: %+v", e)
	}
	// AWSPENDING on the AWSCURRENT version is no rotation in progress (D;
	// moto has this the wrong way round): a second rotation runs, with the
	// configured Lambda and a token the SDK would generate.
	clk.Advance(time.Hour)
	out2, err := c.RotateSecret(ctx, &secretsmanager.RotateSecretInput{SecretId: aws.String("app/a")})
	if err != nil {
		t.Fatalf("second rotation: %v", err)
	}
	if out2.VersionId == nil || *out2.VersionId == tokB {
		t.Errorf("second rotation VersionId = %v, want a fresh one", aws.ToString(out2.VersionId))
	}
	if got := stages(t, c, "app/a"); !slices.Equal(got[*out2.VersionId], []string{"AWSPENDING", "AWSCURRENT"}) || !slices.Equal(got[tokB], []string{"AWSPREVIOUS"}) {
		t.Errorf("after the second rotation: %v", got)
	}
}

func TestRotateSecretFailingStep(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _, calls := newRotationClient(t, "setSecret")
	// Rotation runs after RotateSecret has answered on AWS: the call succeeds.
	if _, err := c.RotateSecret(ctx, &secretsmanager.RotateSecretInput{SecretId: aws.String("app/a"), ClientRequestToken: aws.String(tokB), RotationLambdaARN: aws.String(lambdaARN)}); err != nil {
		t.Fatal(err)
	}
	if got := calls.Load(); got != 2 {
		t.Errorf("rotation function called %d times, want 2 (createSecret, then the failing setSecret)", got)
	}
	want := map[string][]string{tokA: {"AWSCURRENT"}, tokB: {"AWSPENDING"}}
	if diff := cmp.Diff(want, stages(t, c, "app/a")); diff != "" {
		t.Errorf("stages after a failed rotation (-want +got):\n%s", diff)
	}
	v, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("app/a")})
	if err != nil || aws.ToString(v.SecretString) != "one" {
		t.Errorf("AWSCURRENT after a failed rotation = %v, %v; want one", aws.ToString(v.SecretString), err)
	}
	// AWSPENDING on another version: a rotation in progress (RotateSecret doc, D).
	_, err = c.RotateSecret(ctx, &secretsmanager.RotateSecretInput{SecretId: aws.String("app/a"), ClientRequestToken: aws.String(tokC)})
	wantAPIError(t, err, "InvalidRequestException", "A previous rotation isn't complete. That rotation will be reattempted.")
	cancel, err := c.CancelRotateSecret(ctx, &secretsmanager.CancelRotateSecretInput{SecretId: aws.String("app/a")})
	if err != nil {
		t.Fatal(err)
	}
	if got := aws.ToString(cancel.VersionId); got != tokB {
		t.Errorf("CancelRotateSecret VersionId = %q, want the unfinished version %q", got, tokB)
	}
	d, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("app/a")})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToBool(d.RotationEnabled) || d.RotationEnabled == nil || aws.ToString(d.RotationLambdaARN) != lambdaARN || d.LastRotatedDate != nil || d.NextRotationDate != nil {
		t.Errorf("after CancelRotateSecret: enabled %v, lambda %q, last %v, next %v; want false, kept, none, none",
			d.RotationEnabled, aws.ToString(d.RotationLambdaARN), d.LastRotatedDate, d.NextRotationDate)
	}
}

func TestRotateSecretLater(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _, calls := newRotationClient(t, "")
	out, err := c.RotateSecret(ctx, &secretsmanager.RotateSecretInput{SecretId: aws.String("app/a"), RotationLambdaARN: aws.String(lambdaARN),
		RotateImmediately: aws.Bool(false), RotationRules: &types.RotationRulesType{ScheduleExpression: aws.String("rate(10 days)")}})
	if err != nil {
		t.Fatal(err)
	}
	// RotateImmediately doc (D): testSecret runs on an AWSPENDING version,
	// which is then removed.
	if calls.Load() != 1 || out.VersionId != nil {
		t.Errorf("RotateImmediately false: %d calls, VersionId %v; want testSecret only, no VersionId", calls.Load(), aws.ToString(out.VersionId))
	}
	all, err := c.ListSecretVersionIds(ctx, &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String("app/a"), IncludeDeprecated: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Versions) != 1 {
		t.Errorf("after the test: %d versions, want the test version removed", len(all.Versions))
	}
	d, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("app/a")})
	if err != nil {
		t.Fatal(err)
	}
	next := time.Date(2024, 3, 11, 23, 59, 59, 0, time.UTC)
	if !aws.ToBool(d.RotationEnabled) || d.NextRotationDate == nil || !d.NextRotationDate.Equal(next) || len(d.VersionIdsToStages) != 1 {
		t.Errorf("after scheduling: enabled %v, next %v (want %v), versions %v", d.RotationEnabled, d.NextRotationDate, next, d.VersionIdsToStages)
	}
}

func TestRotateSecretErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		in        *secretsmanager.RotateSecretInput
		code, msg string
	}{
		{"no Lambda given or configured (docs/aws-behaviour.md §3.5, D)", &secretsmanager.RotateSecretInput{SecretId: aws.String("app/a")},
			"InvalidRequestException", "You tried to enable rotation on a secret that doesn't already have a Lambda function ARN configured and you didn't include such an ARN as a parameter in this call."},
		{"a Lambda ARN with no registered function (AWS troubleshooting guide, O)", &secretsmanager.RotateSecretInput{SecretId: aws.String("app/a"), RotationLambdaARN: aws.String(lambdaARN + "-other")},
			"AccessDeniedException", "Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com."},
		{"AutomaticallyAfterDays 0 (docs/aws-behaviour.md §3.5, 1–1000)", &secretsmanager.RotateSecretInput{SecretId: aws.String("app/a"), RotationLambdaARN: aws.String(lambdaARN), RotationRules: &types.RotationRulesType{AutomaticallyAfterDays: aws.Int64(0)}},
			"InvalidParameterException", "RotationRules.AutomaticallyAfterDays must be within 1-1000."},
		{"AutomaticallyAfterDays 1001 (docs/aws-behaviour.md §3.5)", &secretsmanager.RotateSecretInput{SecretId: aws.String("app/a"), RotationLambdaARN: aws.String(lambdaARN), RotationRules: &types.RotationRulesType{AutomaticallyAfterDays: aws.Int64(1001)}},
			"InvalidParameterException", "RotationRules.AutomaticallyAfterDays must be within 1-1000."},
		{"short ClientRequestToken (docs/aws-behaviour.md §3.4)", &secretsmanager.RotateSecretInput{SecretId: aws.String("app/a"), RotationLambdaARN: aws.String(lambdaARN), ClientRequestToken: aws.String("short")},
			"InvalidParameterException", "ClientRequestToken must be 32-64 characters long."},
		{"missing secret (docs/aws-behaviour.md §3.2)", &secretsmanager.RotateSecretInput{SecretId: aws.String("nope"), RotationLambdaARN: aws.String(lambdaARN)},
			"ResourceNotFoundException", "Secrets Manager can't find the specified secret."},
		{"token of an existing version (docs/aws-behaviour.md §3.4)", &secretsmanager.RotateSecretInput{SecretId: aws.String("app/a"), RotationLambdaARN: aws.String(lambdaARN), ClientRequestToken: aws.String(tokA)},
			"ResourceExistsException", "You can't use ClientRequestToken " + tokA + " because that value is already in use for a version of secret " + arnA + "."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, _, calls := newRotationClient(t, "")
			before := describeAll(t, c)
			_, err := c.RotateSecret(context.Background(), tc.in)
			wantAPIError(t, err, tc.code, tc.msg)
			if calls.Load() != 0 {
				t.Errorf("rotation function called after an error")
			}
			if diff := cmp.Diff(before, describeAll(t, c), cmp.AllowUnexported(types.SecretListEntry{}, types.Tag{})); diff != "" {
				t.Errorf("state changed by a failed call (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("deleted secret: CancelRotateSecret (docs/aws-behaviour.md §3.5, M)", func(t *testing.T) {
		t.Parallel()
		c, _, _ := newRotationClient(t, "")
		if _, err := c.DeleteSecret(context.Background(), &secretsmanager.DeleteSecretInput{SecretId: aws.String("app/a")}); err != nil {
			t.Fatal(err)
		}
		_, err := c.CancelRotateSecret(context.Background(), &secretsmanager.CancelRotateSecretInput{SecretId: aws.String("app/a")})
		wantAPIError(t, err, "InvalidRequestException", "You tried to perform the operation on a secret that's currently marked deleted.")
	})
	t.Run("CancelRotateSecret without a Lambda configured (docs/aws-behaviour.md §3.5)", func(t *testing.T) {
		t.Parallel()
		c, _, _ := newRotationClient(t, "")
		_, err := c.CancelRotateSecret(context.Background(), &secretsmanager.CancelRotateSecretInput{SecretId: aws.String("app/a")})
		wantAPIError(t, err, "InvalidRequestException", "You tried to enable rotation on a secret that doesn't already have a Lambda function ARN configured and you didn't include such an ARN as a parameter in this call.")
	})
}

// describeAll lists every secret with its metadata.
func describeAll(t *testing.T, c *smfake.Client) []types.SecretListEntry {
	t.Helper()
	out, err := c.ListSecrets(context.Background(), &secretsmanager.ListSecretsInput{IncludePlannedDeletion: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	return out.SecretList
}

// With RotateImmediately false the function sees testSecret only, with an
// AWSPENDING version holding the current value (RotateImmediately doc, D;
// the value is U).
func TestRotateSecretLaterTestsWithPending(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := fakeaws.New(fakeaws.WithSeed(1))
	c := smfake.New(st)
	mustCreate(t, c, "app/a", "one", tokA)
	var steps []string
	var pending string
	st.SetRotationFunc(lambdaARN, func(ctx context.Context, ev fakeaws.RotationEvent) error {
		steps = append(steps, ev.Step)
		v, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(ev.SecretID), VersionId: aws.String(ev.ClientRequestToken), VersionStage: aws.String("AWSPENDING")})
		if err != nil {
			return err
		}
		pending = aws.ToString(v.SecretString)
		return nil
	})
	if _, err := c.RotateSecret(ctx, &secretsmanager.RotateSecretInput{SecretId: aws.String("app/a"), RotationLambdaARN: aws.String(lambdaARN), RotateImmediately: aws.Bool(false)}); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"testSecret"}, steps); d != "" || pending != "one" {
		t.Errorf("steps (-want +got):\n%s; AWSPENDING value %q, want one", d, pending)
	}
	if got := stages(t, c, "app/a"); len(got) != 1 || len(got[tokA]) != 1 {
		t.Errorf("labels after the test = %v, want AWSCURRENT on %s only", got, tokA)
	}
}
