package fakeaws_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// recordingTB is a testing.TB whose failure, cleanups and log are kept for
// the test to look at, so a test can watch another one fail.
type recordingTB struct {
	testing.TB // only Helper is passed on
	mu         sync.Mutex
	failed     bool
	cleanups   []func()
	log        []string
}

func (r *recordingTB) Helper()          {}
func (r *recordingTB) Cleanup(f func()) { r.cleanups = append(r.cleanups, f) }
func (r *recordingTB) Failed() bool     { r.mu.Lock(); defer r.mu.Unlock(); return r.failed }
func (r *recordingTB) Log(args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.log = append(r.log, fmt.Sprint(args...))
}
func (r *recordingTB) Logf(f string, a ...any) { r.Log(fmt.Sprintf(f, a...)) }
func (r *recordingTB) Errorf(f string, a ...any) {
	r.Logf(f, a...)
	r.mu.Lock()
	r.failed = true
	r.mu.Unlock()
}

// end runs the cleanups, last registered first, as the testing package does
// when a test ends.
func (r *recordingTB) end() {
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
}

// failingConfigTest is a user's test that fails: it reads a parameter by a
// misspelt name. It is what README.md shows the output of.
func failingConfigTest(t testing.TB) {
	clk := clock.NewFake(time.Date(2024, 5, 1, 9, 30, 0, 0, time.UTC))
	st := fakeaws.NewForTest(t, fakeaws.WithClock(clk), fakeaws.WithSeed(7))
	ctx := context.Background()
	ssmc := ssmfake.New(st)
	ssmc.PutParameter(ctx, &ssm.PutParameterInput{
		Name: aws.String("/app/db/host"), Value: aws.String("db.internal"), Type: types.ParameterTypeString,
	})
	clk.Advance(1500 * time.Millisecond)
	smfake.New(st).CreateSecret(ctx, &secretsmanager.CreateSecretInput{
		Name: aws.String("prod/db"), SecretString: aws.String(`{"password":"hunter2"}`),
	})
	if _, err := ssmc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/db/hots")}); err != nil {
		t.Errorf("reading the database host: %v", err)
	}
}

// failingOutput is what failingConfigTest logs; README.md shows it.
const failingOutput = `reading the database host: operation error SSM: GetParameter, https response error StatusCode: 400, RequestID: aefca772-8601-4ec2-8861-aac04906dddf, ParameterNotFound: 
fakeaws: the 3 calls to the Store, oldest first:
  09:30:00.000 SSM.PutParameter {Name: "/app/db/host", Value: "db.internal", Type: String} → {Tier: Standard, Version: 1}
  09:30:01.500 Secrets Manager.CreateSecret {Name: "prod/db", SecretString: "{\"password\":\"hunter2\"}"} → {Name: "prod/db", VersionId: "8e4a270c-7028-4c88-8f8f-789f44ebb18e"}
  09:30:01.500 SSM.GetParameter {Name: "/app/db/hots"} → ParameterNotFound`

// TestNewForTestLogsTheCallsOfAFailingTest runs a failing test on a
// recording testing.TB and checks what it logged.
func TestNewForTestLogsTheCallsOfAFailingTest(t *testing.T) {
	t.Parallel()
	r := &recordingTB{TB: t}
	failingConfigTest(r)
	r.end()
	got := strings.Join(r.log, "\n")
	if diff := cmp.Diff(failingOutput, got); diff != "" {
		t.Errorf("a failing test's log (-want +got):\n%s", diff)
	}
}

// TestNewForTestSilentWhenTheTestPasses: a passing test logs nothing.
func TestNewForTestSilentWhenTheTestPasses(t *testing.T) {
	t.Parallel()
	r := &recordingTB{TB: t}
	st := fakeaws.NewForTest(r)
	ssmfake.New(st).GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String("/missing")})
	r.end()
	if len(r.log) != 0 {
		t.Errorf("a passing test logged %q, want nothing", r.log)
	}
}

// TestNewForTestReportsTheMostRecentCalls: past ReportedCalls calls, the
// report shows the most recent ones and says how many there were; with the
// log off it says so.
func TestNewForTestReportsTheMostRecentCalls(t *testing.T) {
	t.Parallel()
	r := &recordingTB{TB: t}
	st := fakeaws.NewForTest(r, fakeaws.WithClock(clock.NewFake(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))))
	c := ssmfake.New(st)
	for i := range fakeaws.ReportedCalls + 5 {
		c.GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String(fmt.Sprintf("/p%d", i))})
	}
	r.Errorf("failed")
	r.end()
	lines := strings.Split(strings.Join(r.log, "\n"), "\n")
	want := []string{
		"failed",
		fmt.Sprintf("fakeaws: the last %d of %d calls to the Store, oldest first:", fakeaws.ReportedCalls, fakeaws.ReportedCalls+5),
		`  00:00:00.000 SSM.GetParameter {Name: "/p5"} → ParameterNotFound`,
	}
	if diff := cmp.Diff(want, lines[:3]); diff != "" {
		t.Errorf("report's first lines (-want +got):\n%s", diff)
	}
	if got, want := len(lines), 2+fakeaws.ReportedCalls; got != want {
		t.Errorf("%d lines logged, want %d", got, want)
	}

	off := fakeaws.New(fakeaws.WithCallLog(0))
	if got := off.CallReport(0); !strings.Contains(got, "call log is off") {
		t.Errorf("CallReport with the log off = %q, want it to say the log is off", got)
	}
	if got, want := fakeaws.New().CallReport(0), "fakeaws: no calls to the Store"; got != want {
		t.Errorf("CallReport of a new Store = %q, want %q", got, want)
	}
}

// TestCallString: a call reads as the operation, the input's fields that
// are set, and the answer or the error's code and message.
func TestCallString(t *testing.T) {
	t.Parallel()
	when := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	long := strings.Repeat("x", 60)
	for _, tc := range []struct {
		name string
		call fakeaws.Call
		want string
	}{
		{"output", fakeaws.Call{Op: ssmfake.OpGetParameter, Time: when,
			Input: &ssm.GetParameterInput{Name: aws.String("/app/db/host"), WithDecryption: aws.Bool(true)},
			Output: &ssm.GetParameterOutput{Parameter: &types.Parameter{Name: aws.String("/app/db/host"), Type: types.ParameterTypeString,
				Value: aws.String("db.internal"), Version: 3, ARN: aws.String("arn:aws:ssm:us-east-1:123456789012:parameter/app/db/host"), LastModifiedDate: &when}}},
			`SSM.GetParameter {Name: "/app/db/host", WithDecryption: true} → {Parameter: {Name: "/app/db/host", Type: String, Value: "db.internal", Version: 3}}`},
		{"API error: code and message", fakeaws.Call{Op: smfake.OpGetSecretValue,
			Input: &secretsmanager.GetSecretValueInput{SecretId: aws.String("prod/db")},
			Err:   mustErr(smfake.New(fakeaws.New()).GetSecretValue(context.Background(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("prod/db")}))},
			`Secrets Manager.GetSecretValue {SecretId: "prod/db"} → ResourceNotFoundException: Secrets Manager can't find the specified secret.`},
		{"long strings and lists cut short", fakeaws.Call{Op: ssmfake.OpGetParameters,
			Input:  &ssm.GetParametersInput{Names: []string{"/a", "/b", "/c", "/d", "/e", "/f"}},
			Output: &ssm.GetParametersOutput{Parameters: []types.Parameter{{Name: aws.String("/a"), Value: aws.String(long)}}, InvalidParameters: []string{}}},
			`SSM.GetParameters {Names: ["/a", "/b", "/c", "/d", … (6 in all)]} → {InvalidParameters: [], Parameters: [{Name: "/a", Value: "` + long[:48] + `…"}]}`},
		{"bytes counted, not shown", fakeaws.Call{Op: smfake.OpCreateSecret,
			Input: &secretsmanager.CreateSecretInput{Name: aws.String("k"), SecretBinary: []byte{1, 2, 3}}},
			`Secrets Manager.CreateSecret {Name: "k", SecretBinary: <3 bytes>} → {}`},
		{"maps sorted by key", fakeaws.Call{Op: smfake.OpDescribeSecret,
			Input:  &secretsmanager.DescribeSecretInput{SecretId: aws.String("db")},
			Output: &secretsmanager.DescribeSecretOutput{Name: aws.String("db"), VersionIdsToStages: map[string][]string{"v2": {"AWSCURRENT"}, "v1": {"AWSPREVIOUS"}}}},
			`Secrets Manager.DescribeSecret {SecretId: "db"} → {Name: "db", VersionIdsToStages: map["v1": ["AWSPREVIOUS"], "v2": ["AWSCURRENT"]]}`},
		{"nil input", fakeaws.Call{Op: ssmfake.OpDescribeParameters, Output: &ssm.DescribeParametersOutput{}},
			`SSM.DescribeParameters {} → {}`},
	} {
		if got := tc.call.String(); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

func mustErr(_ any, err error) error {
	if err == nil {
		panic("want an error")
	}
	return err
}

const (
	failingStart = "<!-- failing-test: the output of failingConfigTest in fakeaws/fortest_test.go; go test ./fakeaws -run README -update-readme -->\n```\n"
	failingEnd   = "```\n<!-- /failing-test -->\n"
)

// TestREADMEFailingTestOutput: the failing test's output README.md shows is
// what NewForTest logs.
func TestREADMEFailingTestOutput(t *testing.T) {
	if !*updateREADME {
		t.Parallel() // updating, it writes README.md before the parallel tests run
	}
	const path = "../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	i := strings.Index(readme, failingStart)
	j := strings.Index(readme, failingEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md has no failing test's output between %q and %q", failingStart, failingEnd)
	}
	r := &recordingTB{TB: t}
	failingConfigTest(r)
	r.end()
	got, want := readme[i+len(failingStart):j], strings.Join(r.log, "\n")+"\n"
	if *updateREADME {
		if err := os.WriteFile(path, []byte(readme[:i+len(failingStart)]+want+readme[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("README.md's failing test output (-want +README), run go test ./fakeaws -run README -update-readme:\n%s", diff)
	}
}
