package settings_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/examples/settings"
	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// checkPassword is a test with a mistake in it: the secret it creates is
// not the one the loader reads.
func checkPassword(t testing.TB) {
	clk := clock.NewFake(time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC))
	st := fakeaws.NewForTest(t, fakeaws.WithClock(clk), fakeaws.WithSeed(1))
	smc := smfake.New(st)
	smc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("prod/orders/database"), SecretString: aws.String("s3cret")})

	l := settings.New(ssmfake.New(st), smc, "/orders/prod", "prod/orders/db")
	if pw, err := l.Password(ctx); err != nil || pw != "s3cret" {
		t.Errorf("Password() = %q, %v; want s3cret", pw, err)
	}
}

// What a failing test shows: its own message, then the Store's calls, so
// the misspelt secret name is there to see (the message is AWS's own, "null"
// included: docs/aws-behaviour.md). The test runs on a testing.TB that
// records what it is told; go test prints the same lines, each prefixed
// with the file and line that logged it.
func TestWhatAFailingTestShows(t *testing.T) {
	t.Parallel()
	r := &recordingTB{TB: t}
	checkPassword(r)
	r.end()
	want := `Password() = "", database password: operation error SSM: GetParameter, https response error StatusCode: 400, RequestID: 12f4a465-4efa-4bd1-9e3a-9e97e2e230e1, ParameterNotFound: An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret aws/reference/secretsmanager/prod/orders/dbnull not found.; want s3cret
fakeaws: the 2 calls to the Store, oldest first:
  09:00:00.000 Secrets Manager.CreateSecret {Name: "prod/orders/database", SecretString: "s3cret"} → {Name: "prod/orders/database", VersionId: "fef55fe0-e125-450a-a608-d5e20ffc2d12"}
  09:00:00.000 SSM.GetParameter {Name: "/aws/reference/secretsmanager/prod/orders/db", WithDecryption: true} → ParameterNotFound: An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret aws/reference/secretsmanager/prod/orders/dbnull not found.`
	if diff := cmp.Diff(want, strings.Join(r.log, "\n")); diff != "" {
		t.Errorf("the failing test's log (-want +got):\n%s", diff)
	}
}

// recordingTB is a testing.TB that records what a test logs and whether it
// failed, and runs its cleanups when told, as the testing package does when
// a test ends.
type recordingTB struct {
	testing.TB // for what is not overridden below
	failed     bool
	cleanups   []func()
	log        []string
}

func (r *recordingTB) Helper()                    {}
func (r *recordingTB) Cleanup(f func())           { r.cleanups = append(r.cleanups, f) }
func (r *recordingTB) Failed() bool               { return r.failed }
func (r *recordingTB) Log(args ...any)            { r.log = append(r.log, fmt.Sprint(args...)) }
func (r *recordingTB) Logf(f string, args ...any) { r.Log(fmt.Sprintf(f, args...)) }
func (r *recordingTB) Errorf(f string, args ...any) {
	r.Logf(f, args...)
	r.failed = true
}

func (r *recordingTB) end() {
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
}
