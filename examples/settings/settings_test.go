package settings_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/examples/settings"
	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

var ctx = context.Background()

// put stores a String parameter.
func put(t *testing.T, c *ssmfake.Client, name, value string) {
	t.Helper()
	if _, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(name), Value: aws.String(value), Type: types.ParameterTypeString}); err != nil {
		t.Fatal(err)
	}
}

// fill puts 12 settings under /orders/prod (two pages: a page holds at
// most 10) and one elsewhere, and creates the database secret.
func fill(t *testing.T, st *fakeaws.Store) map[string]string {
	t.Helper()
	want := map[string]string{"db/host": "db.internal", "db/port": "5432"}
	for i := range 10 {
		want[fmt.Sprintf("feature/f%d", i)] = "on"
	}
	c := ssmfake.New(st)
	for k, v := range want {
		put(t, c, "/orders/prod/"+k, v)
	}
	put(t, c, "/orders/staging/db/host", "staging.internal") // not ours
	if _, err := smfake.New(st).CreateSecret(ctx, &secretsmanager.CreateSecretInput{
		Name: aws.String("prod/orders/db"), SecretString: aws.String("s3cret"),
	}); err != nil {
		t.Fatal(err)
	}
	return want
}

// The loader takes narrow interfaces; the fake clients satisfy them.
func TestSettingsWithTheFakeClients(t *testing.T) {
	t.Parallel()
	st := fakeaws.NewForTest(t)
	want := fill(t, st)

	l := settings.New(ssmfake.New(st), smfake.New(st), "/orders/prod", "prod/orders/db")
	got, err := l.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("settings (-want +got):\n%s", diff)
	}
	if pw, err := l.Password(ctx); pw != "s3cret" || err != nil {
		t.Errorf("Password() = %q, %v; want s3cret", pw, err)
	}
}

// Code that holds the real *ssm.Client and *secretsmanager.Client gets
// them from endpoint.Config: the SDK's own clients, served in memory.
func TestSettingsWithRealSDKClients(t *testing.T) {
	t.Parallel()
	st := fakeaws.NewForTest(t)
	want := fill(t, st)

	cfg := endpoint.Config(st)
	l := settings.New(ssm.NewFromConfig(cfg), secretsmanager.NewFromConfig(cfg), "/orders/prod", "prod/orders/db")
	got, err := l.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("settings (-want +got):\n%s", diff)
	}
	if pw, err := l.Password(ctx); pw != "s3cret" || err != nil {
		t.Errorf("Password() = %q, %v; want s3cret", pw, err)
	}
}

// The reference scenario (docs/article-scenario.md: create a secret, read
// it through Parameter Store, update it, read :AWSPREVIOUS) replayed as a
// table against the loader: each step changes AWS or moves the clock, then
// asks the loader.
func TestReferenceScenarioThroughTheLoader(t *testing.T) {
	t.Parallel()
	clk := clock.NewFake(time.Date(2018, 7, 28, 11, 9, 49, 618e6, time.UTC))
	st := fakeaws.NewForTest(t, fakeaws.WithClock(clk), fakeaws.WithRegion("eu-central-1"))
	smc := smfake.New(st)
	l := settings.New(ssmfake.New(st), smc, "/app", "prod/App/Mysql", settings.WithClock(clk.Now))

	current := (*settings.Loader).Password
	previous := (*settings.Loader).PreviousPassword
	for _, step := range []struct {
		name    string
		aws     func() error  // what happens in AWS first, if anything
		wait    time.Duration // then how far the clock moves
		ask     func(*settings.Loader, context.Context) (string, error)
		want    string
		wantErr string // a substring of the error, when one is wanted
	}{
		{name: "create-secret", aws: func() error {
			_, err := smc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("prod/App/Mysql"), SecretString: aws.String(`{"key":"val"}`)})
			return err
		}, ask: current, want: `{"key":"val"}`},
		{name: "no previous version yet", ask: previous, wantErr: "ParameterNotFound"},
		{name: "update-secret", aws: func() error {
			_, err := smc.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: aws.String("prod/App/Mysql"), SecretString: aws.String(`{"foo":"bar"}`)})
			return err
		}, wait: time.Minute, ask: current, want: `{"key":"val"}`}, // cached: not checked for 5 minutes
		{name: "after the refresh interval", wait: 4 * time.Minute, ask: current, want: `{"foo":"bar"}`},
		{name: ":AWSPREVIOUS", ask: previous, want: `{"key":"val"}`},
	} {
		if step.aws != nil {
			if err := step.aws(); err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
		}
		clk.Advance(step.wait)
		got, err := step.ask(l, ctx)
		switch {
		case step.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), step.wantErr) {
				t.Errorf("%s: got %q, %v; want an error with %q", step.name, got, err, step.wantErr)
			}
		case err != nil || got != step.want:
			t.Errorf("%s: got %q, %v; want %q", step.name, got, err, step.want)
		}
	}
}

// Throttling: the Store fails the next call as AWS does when a caller goes
// too fast, and the loader tries again.
func TestSettingsRetriesThrottling(t *testing.T) {
	t.Parallel()
	st := fakeaws.NewForTest(t)
	want := fill(t, st)
	st.FailNext(ssmfake.OpGetParametersByPath, fakeaws.Throttling(ssmfake.OpGetParametersByPath))
	var waits []time.Duration
	sleep := func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil }
	l := settings.New(ssmfake.New(st), smfake.New(st), "/orders/prod", "prod/orders/db", settings.WithSleep(sleep))

	st.ClearCalls()
	got, err := l.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("settings (-want +got):\n%s", diff)
	}
	// The call log shows what happened: throttled, then two pages.
	var answers []string
	for _, c := range st.Calls() {
		answers = append(answers, fmt.Sprintf("%s %v", c.Op.Name(), c.Err != nil))
	}
	wantAnswers := []string{"GetParametersByPath true", "GetParametersByPath false", "GetParametersByPath false"}
	if diff := cmp.Diff(wantAnswers, answers); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]time.Duration{100 * time.Millisecond}, waits); diff != "" {
		t.Errorf("back-off (-want +got):\n%s", diff)
	}

	// Throttled on every try, it gives up after 3 and says why.
	st.FailAlways(ssmfake.OpGetParametersByPath, fakeaws.Throttling(ssmfake.OpGetParametersByPath))
	if _, err := l.Settings(ctx); err == nil || !strings.Contains(err.Error(), "ThrottlingException: Rate exceeded") {
		t.Errorf("always throttled: got %v, want ThrottlingException", err)
	}
}

// A rotation, driven by the fake clock: the secret rotates (a Go function
// plays the rotation Lambda), and the loader picks the new password up at
// its next check, RefreshEvery later on the Store's clock, with one
// DescribeSecret per check and one read of the new version.
func TestPasswordFollowsARotation(t *testing.T) {
	t.Parallel()
	clk := clock.NewFake(time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC))
	st := fakeaws.NewForTest(t, fakeaws.WithClock(clk))
	fill(t, st)
	smc := smfake.New(st)
	const lambda = "arn:aws:lambda:us-east-1:123456789012:function:rotate-db"
	st.SetRotationFunc(lambda, rotateTo(smc, "n3w-s3cret"))
	l := settings.New(ssmfake.New(st), smc, "/orders/prod", "prod/orders/db", settings.WithClock(clk.Now), settings.RefreshEvery(time.Minute))

	read := func(want string) {
		t.Helper()
		if got, err := l.Password(ctx); got != want || err != nil {
			t.Fatalf("at %s: Password() = %q, %v; want %q", clk.Now().Format(time.TimeOnly), got, err, want)
		}
	}
	read("s3cret")
	if _, err := smc.RotateSecret(ctx, &secretsmanager.RotateSecretInput{SecretId: aws.String("prod/orders/db"), RotationLambdaARN: aws.String(lambda)}); err != nil {
		t.Fatal(err)
	}
	st.ClearCalls() // from here on, only the loader's calls
	clk.Advance(30 * time.Second)
	read("s3cret") // not checked yet
	clk.Advance(30 * time.Second)
	read("n3w-s3cret")
	clk.Advance(time.Minute)
	read("n3w-s3cret") // checked: AWSCURRENT has not moved, nothing read

	count := map[string]int{}
	for _, c := range st.Calls() {
		count[c.Op.Name()]++
	}
	if diff := cmp.Diff(map[string]int{"DescribeSecret": 2, "GetParameter": 1}, count); diff != "" {
		t.Errorf("the loader's calls after the rotation (-want +got): one DescribeSecret per check, one read of the new version\n%s", diff)
	}
}

// rotateTo is a rotation function that makes password the new AWSCURRENT,
// as a rotation Lambda's createSecret and finishSecret steps do.
func rotateTo(smc *smfake.Client, password string) fakeaws.RotationFunc {
	return func(ctx context.Context, ev fakeaws.RotationEvent) error {
		id := aws.String(ev.SecretID)
		switch ev.Step {
		case "createSecret":
			_, err := smc.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: id,
				ClientRequestToken: aws.String(ev.ClientRequestToken), SecretString: aws.String(password), VersionStages: []string{"AWSPENDING"}})
			return err
		case "finishSecret":
			d, err := smc.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: id})
			if err != nil {
				return err
			}
			for version, stages := range d.VersionIdsToStages {
				if version != ev.ClientRequestToken && strings.Contains(fmt.Sprint(stages), "AWSCURRENT") {
					_, err = smc.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: id,
						VersionStage: aws.String("AWSCURRENT"), MoveToVersionId: aws.String(ev.ClientRequestToken), RemoveFromVersionId: aws.String(version)})
				}
			}
			return err
		}
		return nil
	}
}
