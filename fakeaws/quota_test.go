package fakeaws_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// quotaWays are the ways in the quota tests try: the fake clients, the
// SDK's clients over endpoint.Config, and the SDK's clients over a loopback
// endpoint.Server.
var quotaWays = []string{"direct", "config", "server"}

// quotaClients returns the clients of way on st. The SDK's clients make one
// attempt per call unless retryer is set, so that each call is one request.
func quotaClients(t *testing.T, st *fakeaws.Store, way string, retryer func() aws.Retryer) (ssmClient, smClient) {
	t.Helper()
	var cfg aws.Config
	switch way {
	case "direct":
		return ssmfake.New(st), smfake.New(st)
	case "config":
		cfg = endpoint.Config(st)
	case "server":
		srv := endpoint.NewServer(st)
		t.Cleanup(srv.Close)
		cfg = srv.Config()
	default:
		t.Fatalf("unknown way %q", way)
	}
	if retryer != nil {
		cfg.Retryer = retryer
	} else {
		cfg.RetryMaxAttempts = 1
	}
	return ssm.NewFromConfig(cfg), secretsmanager.NewFromConfig(cfg)
}

var quotaStart = time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)

// throttled reports why err is not AWS's answer to a call over quota, or ""
// when it is: ThrottlingException "Rate exceeded" with HTTP status 400
// (AWS Secrets Manager quotas page: "When you exceed an API request quota,
// Secrets Manager throttles the request ... and returns a throttling
// error"; Parameter Store's knowledge-center article quotes
// "(ThrottlingException) ... Rate exceeded").
func throttled(err error) string {
	var api smithy.APIError
	if !errors.As(err, &api) {
		return fmt.Sprintf("error %v is not an API error", err)
	}
	if api.ErrorCode() != "ThrottlingException" || api.ErrorMessage() != "Rate exceeded" {
		return fmt.Sprintf("error %s %q, want ThrottlingException \"Rate exceeded\"", api.ErrorCode(), api.ErrorMessage())
	}
	var re *awshttp.ResponseError
	if !errors.As(err, &re) || re.HTTPStatusCode() != http.StatusBadRequest {
		return fmt.Sprintf("error %v has no HTTP 400 response", err)
	}
	return ""
}

func putParam(t *testing.T, c ssmClient, name string) {
	t.Helper()
	if _, err := c.PutParameter(context.Background(), &ssm.PutParameterInput{Name: aws.String(name), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString}); err != nil {
		t.Fatal(err)
	}
}

// read calls the i-th of the three reads that share Parameter Store's
// standard quota.
func read(c ssmClient, i int) error {
	ctx := context.Background()
	var err error
	switch i % 3 {
	case 0:
		_, err = c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/q/a")})
	case 1:
		_, err = c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{"/q/a"}})
	default:
		_, err = c.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/q")})
	}
	return err
}

// TestQuotaParameterStoreBurstAndRecovery: GetParameter, GetParameters and
// GetParametersByPath share 40 requests per second (AWS General Reference,
// Systems Manager quotas, "Default throughput: 40 (Shared by the following
// API actions: GetParameter, GetParameters, GetParametersByPath)"): the
// 41st call at one instant is throttled, and the bucket refills only as
// the Store's clock moves.
func TestQuotaParameterStoreBurstAndRecovery(t *testing.T) {
	t.Parallel()
	for _, way := range quotaWays {
		t.Run(way, func(t *testing.T) {
			t.Parallel()
			clk := clock.NewFake(quotaStart)
			st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithQuotas())
			c, _ := quotaClients(t, st, way, nil)
			putParam(t, c, "/q/a")
			for i := range 40 {
				if err := read(c, i); err != nil {
					t.Fatalf("read %d of 40: %v", i+1, err)
				}
			}
			if why := throttled(read(c, 40)); why != "" {
				t.Fatalf("41st read at the same instant: %s", why)
			}
			// Refill: 40 per second is one call per 25 ms of the Store's clock.
			clk.Advance(24 * time.Millisecond)
			if why := throttled(read(c, 0)); why != "" {
				t.Fatalf("after 24ms: %s", why)
			}
			clk.Advance(time.Millisecond)
			if err := read(c, 0); err != nil {
				t.Fatalf("after 25ms: %v, want one call served", err)
			}
			if why := throttled(read(c, 1)); why != "" {
				t.Fatalf("second call after 25ms: %s", why)
			}
			// A long pause fills the bucket to one second's worth, no more.
			clk.Advance(time.Hour)
			for i := range 40 {
				if err := read(c, i); err != nil {
					t.Fatalf("after an hour, read %d of 40: %v", i+1, err)
				}
			}
			if why := throttled(read(c, 2)); why != "" {
				t.Fatalf("41st read after an hour: %s", why)
			}
		})
	}
}

// TestQuotaThrottledCallsInCallLog: a throttled call is recorded like any
// other, with its error.
func TestQuotaThrottledCallsInCallLog(t *testing.T) {
	t.Parallel()
	clk := clock.NewFake(quotaStart)
	st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithQuota(fakeaws.QuotaParameterReads, fakeaws.Quota{Rate: 1}))
	c := ssmfake.New(st)
	putParam(t, c, "/q/a")
	st.ClearCalls()
	ok := read(c, 0)
	over := read(c, 0)
	if ok != nil || throttled(over) != "" {
		t.Fatalf("calls = %v, %v; want success, then throttled", ok, over)
	}
	calls := st.Calls()
	type row struct {
		Op   fakeaws.Op
		Err  string
		Time time.Time
	}
	var got []row
	for _, c := range calls {
		r := row{Op: c.Op, Time: c.Time}
		if c.Err != nil {
			r.Err = c.Err.Error()
		}
		got = append(got, r)
	}
	want := []row{
		{Op: ssmfake.OpGetParameter, Time: quotaStart},
		{Op: ssmfake.OpGetParameter, Err: over.Error(), Time: quotaStart},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("call log (-want +got):\n%s", diff)
	}
}

// TestQuotaSecretsManagerReadsShareOne: DescribeSecret and GetSecretValue
// share one quota (AWS Secrets Manager quotas page: "Combined rate of
// DescribeSecret and GetSecretValue API requests ... 10,000 per second"),
// with a figure the test sets, through every way in; other groups are
// not drawn on.
func TestQuotaSecretsManagerReadsShareOne(t *testing.T) {
	t.Parallel()
	for _, way := range quotaWays {
		t.Run(way, func(t *testing.T) {
			t.Parallel()
			clk := clock.NewFake(quotaStart)
			st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithQuota(fakeaws.QuotaSecretReads, fakeaws.Quota{Rate: 2}))
			_, c := quotaClients(t, st, way, nil)
			ctx := context.Background()
			if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v")}); err != nil {
				t.Fatal(err)
			}
			if _, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")}); err != nil {
				t.Fatal(err)
			}
			if _, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")}); err != nil {
				t.Fatal(err)
			}
			_, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")})
			if why := throttled(err); why != "" {
				t.Fatalf("third read: %s", why)
			}
			_, err = c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
			if why := throttled(err); why != "" {
				t.Fatalf("fourth read: %s", why)
			}
			// ListSecrets has a quota of its own (100 per second).
			if _, err := c.ListSecrets(ctx, &secretsmanager.ListSecretsInput{}); err != nil {
				t.Fatalf("ListSecrets: %v", err)
			}
			clk.Advance(500 * time.Millisecond)
			if _, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")}); err != nil {
				t.Fatalf("after 500ms: %v", err)
			}
		})
	}
}

// TestQuotaDefaultFigures checks AWS's figures call by call (direct: fast
// enough for 10,000 calls): docs/aws-behaviour.md §10.
func TestQuotaDefaultFigures(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tests := []struct {
		name string
		want int
		call func(ssmClient, smClient) error
	}{
		{"GetSecretValue+DescribeSecret, Secrets Manager quotas page: 10,000 per second", 10000, func(_ ssmClient, c smClient) error {
			_, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
			return err
		}},
		{"PutSecretValue, Secrets Manager quotas page: 50 per second", 50, func(_ ssmClient, c smClient) error {
			_, err := c.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("s"), SecretString: aws.String("v")})
			return err
		}},
		{"TagResource, Secrets Manager quotas page: 50 per second", 50, func(_ ssmClient, c smClient) error {
			_, err := c.TagResource(ctx, &secretsmanager.TagResourceInput{SecretId: aws.String("s"), Tags: []smtypes.Tag{{Key: aws.String("k"), Value: aws.String("v")}}})
			return err
		}},
		{"ListSecrets, Secrets Manager announcement of 2022-11-11: 100 per second", 100, func(_ ssmClient, c smClient) error {
			_, err := c.ListSecrets(ctx, &secretsmanager.ListSecretsInput{})
			return err
		}},
		{"GetParameter, Systems Manager quotas: 40 per second", 40, func(c ssmClient, _ smClient) error {
			_, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/q/a")})
			return err
		}},
		{"PutParameter, AWS Support as reported publicly: 3 per second", 3, func(c ssmClient, _ smClient) error {
			_, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/q/a"), Value: aws.String("v"), Overwrite: aws.Bool(true)})
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			clk := clock.NewFake(quotaStart)
			st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithQuotas())
			ssmc, smc := ssmfake.New(st), smfake.New(st)
			putParam(t, ssmc, "/q/a")
			if _, err := smc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v")}); err != nil {
				t.Fatal(err)
			}
			clk.Advance(time.Hour) // every bucket full again
			served := 0
			for served < tt.want+1 {
				err := tt.call(ssmc, smc)
				if err != nil {
					if why := throttled(err); why != "" {
						t.Fatalf("call %d: %s", served+1, why)
					}
					break
				}
				served++
			}
			if served != tt.want {
				t.Errorf("served %d calls at one instant, want %d", served, tt.want)
			}
		})
	}
}

// TestQuotaHighThroughput: /ssm/parameter-store/high-throughput-enabled
// switches Parameter Store to its higher figures (AWS General Reference,
// Systems Manager quotas: "Higher throughput: 100 (GetParametersByPath)",
// "Higher throughput: 3000 (Shared by the following API actions:
// GetParameter and GetParameters)"); resetting the setting switches back.
// Through every way in, with small figures the test sets.
func TestQuotaHighThroughput(t *testing.T) {
	t.Parallel()
	for _, way := range quotaWays {
		t.Run(way, func(t *testing.T) {
			t.Parallel()
			clk := clock.NewFake(quotaStart)
			st := fakeaws.New(fakeaws.WithClock(clk),
				fakeaws.WithQuota(fakeaws.QuotaParameterReads, fakeaws.Quota{Rate: 1}),
				fakeaws.WithQuota(fakeaws.QuotaParameterReadsHigh, fakeaws.Quota{Rate: 3}),
				fakeaws.WithQuota(fakeaws.QuotaParametersByPathHigh, fakeaws.Quota{Rate: 2}))
			c, _ := quotaClients(t, st, way, nil)
			ctx := context.Background()
			putParam(t, c, "/q/a")
			const setting = "/ssm/parameter-store/high-throughput-enabled"
			if _, err := c.UpdateServiceSetting(ctx, &ssm.UpdateServiceSettingInput{SettingId: aws.String(setting), SettingValue: aws.String("true")}); err != nil {
				t.Fatal(err)
			}
			// GetParameter and GetParameters: 3 together.
			for i := range 3 {
				if err := read(c, i%2); err != nil {
					t.Fatalf("high-throughput read %d of 3: %v", i+1, err)
				}
			}
			if why := throttled(read(c, 1)); why != "" {
				t.Fatalf("4th GetParameter(s): %s", why)
			}
			// GetParametersByPath: 2 of its own.
			for i := range 2 {
				if err := read(c, 2); err != nil {
					t.Fatalf("GetParametersByPath %d of 2: %v", i+1, err)
				}
			}
			if why := throttled(read(c, 2)); why != "" {
				t.Fatalf("3rd GetParametersByPath: %s", why)
			}
			// Back to standard throughput: the standard bucket (1) is full.
			if _, err := c.ResetServiceSetting(ctx, &ssm.ResetServiceSettingInput{SettingId: aws.String(setting)}); err != nil {
				t.Fatal(err)
			}
			if err := read(c, 2); err != nil {
				t.Fatalf("standard read: %v", err)
			}
			if why := throttled(read(c, 0)); why != "" {
				t.Fatalf("second standard read: %s", why)
			}
		})
	}
}

// TestQuotaHighThroughputDefaultFigures: with the setting on, AWS's higher
// figures (3,000 and 100) apply.
func TestQuotaHighThroughputDefaultFigures(t *testing.T) {
	t.Parallel()
	clk := clock.NewFake(quotaStart)
	st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithQuotas())
	c := ssmfake.New(st)
	putParam(t, c, "/q/a")
	if _, err := c.UpdateServiceSetting(context.Background(), &ssm.UpdateServiceSettingInput{SettingId: aws.String("/ssm/parameter-store/high-throughput-enabled"), SettingValue: aws.String("true")}); err != nil {
		t.Fatal(err)
	}
	count := func(kind int) int {
		n := 0
		for n <= 5000 {
			if err := read(c, kind); err != nil {
				if why := throttled(err); why != "" {
					t.Fatal(why)
				}
				return n
			}
			n++
		}
		return n
	}
	if got := count(0); got != 3000 {
		t.Errorf("GetParameter served %d at one instant, want 3000", got)
	}
	if got := count(2); got != 100 {
		t.Errorf("GetParametersByPath served %d at one instant, want 100", got)
	}
}

// TestQuotaPerAccountAndRegion: each account and Region has its own
// buckets (Secrets Manager quotas page: "each quota is specific to each
// region"; Parameter Store's knowledge-center article: throttled "per
// account and per AWS Region").
func TestQuotaPerAccountAndRegion(t *testing.T) {
	t.Parallel()
	clk := clock.NewFake(quotaStart)
	st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithQuota(fakeaws.QuotaParameterReads, fakeaws.Quota{Rate: 1}))
	for _, c := range []ssmClient{ssmfake.New(st), ssmfake.New(st, ssmfake.WithRegion("eu-west-1")), ssmfake.New(st, ssmfake.WithAccount("210987654321"))} {
		putParam(t, c, "/q/a")
		if err := read(c, 0); err != nil {
			t.Fatalf("first read: %v", err)
		}
		if why := throttled(read(c, 0)); why != "" {
			t.Fatalf("second read: %s", why)
		}
	}
}

// TestQuotasOffByDefault: without WithQuotas nothing is throttled.
func TestQuotasOffByDefault(t *testing.T) {
	t.Parallel()
	st := fakeaws.New(fakeaws.WithClock(clock.NewFake(quotaStart)))
	c := ssmfake.New(st)
	putParam(t, c, "/q/a")
	for i := range 1000 {
		if err := read(c, i); err != nil {
			t.Fatalf("read %d: %v", i+1, err)
		}
	}
}

// TestQuotaZeroLiftsGroup: the zero Quota lifts a group's quota; other
// groups keep AWS's figures.
func TestQuotaZeroLiftsGroup(t *testing.T) {
	t.Parallel()
	st := fakeaws.New(fakeaws.WithClock(clock.NewFake(quotaStart)), fakeaws.WithQuota(fakeaws.QuotaParameterReads, fakeaws.Quota{}))
	c := ssmfake.New(st)
	putParam(t, c, "/q/a")
	for i := range 200 {
		if err := read(c, i); err != nil {
			t.Fatalf("read %d: %v", i+1, err)
		}
	}
	for i := range 2 {
		putParam(t, c, fmt.Sprintf("/q/b%d", i))
	}
	_, err := c.PutParameter(context.Background(), &ssm.PutParameterInput{Name: aws.String("/q/c"), Value: aws.String("v")})
	if why := throttled(err); why != "" {
		t.Errorf("4th PutParameter: %s", why)
	}
}

// TestQuotaClockSetBack: a clock set back refills nothing.
func TestQuotaClockSetBack(t *testing.T) {
	t.Parallel()
	clk := clock.NewFake(quotaStart)
	st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithQuota(fakeaws.QuotaParameterReads, fakeaws.Quota{Rate: 1, Burst: 1}))
	c := ssmfake.New(st)
	putParam(t, c, "/q/a")
	if err := read(c, 0); err != nil {
		t.Fatal(err)
	}
	clk.Set(quotaStart.Add(-time.Hour))
	if why := throttled(read(c, 0)); why != "" {
		t.Fatalf("after setting the clock back: %s", why)
	}
	clk.Set(quotaStart.Add(time.Second))
	if err := read(c, 0); err != nil {
		t.Fatalf("a second after the last call: %v", err)
	}
}

// TestQuotaHooksComeFirst: a fault registered with FailNext answers the
// call and draws nothing from its quota.
func TestQuotaHooksComeFirst(t *testing.T) {
	t.Parallel()
	st := fakeaws.New(fakeaws.WithClock(clock.NewFake(quotaStart)), fakeaws.WithQuota(fakeaws.QuotaParameterReads, fakeaws.Quota{Rate: 1}))
	c := ssmfake.New(st)
	putParam(t, c, "/q/a")
	injected := fakeaws.InternalError(ssmfake.OpGetParameter)
	st.FailNext(ssmfake.OpGetParameter, injected)
	var ise *ssmtypes.InternalServerError
	if err := read(c, 0); !errors.As(err, &ise) {
		t.Fatalf("with FailNext: %v, want the injected InternalServerError", err)
	}
	if err := read(c, 0); err != nil {
		t.Fatalf("next call: %v, want it served from a full bucket", err)
	}
}

// advancingRetryer is the SDK's standard retryer whose backoff, instead of
// sleeping, moves the fake clock by the delay it would have slept and
// returns at once: the SDK retries in no wall-clock time, and the quota
// refills as it would have while the SDK slept.
func advancingRetryer(clk *clock.Fake, delay time.Duration) func() aws.Retryer {
	return func() aws.Retryer {
		return retry.NewStandard(func(o *retry.StandardOptions) {
			o.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) {
				clk.Advance(delay)
				return 0, nil
			})
		})
	}
}

// TestQuotaSDKRetrySucceedsOnceClockMoves: the SDK's retryer retries a
// throttled call (ThrottlingException is retryable in aws-sdk-go-v2's
// aws/retry: DefaultThrottleErrorCodes); once the Store's clock has moved
// far enough, the retry is served. With the clock standing still, every
// attempt is throttled and the call fails after the retryer's attempts.
func TestQuotaSDKRetrySucceedsOnceClockMoves(t *testing.T) {
	t.Parallel()
	for _, way := range []string{"config", "server"} {
		t.Run(way, func(t *testing.T) {
			t.Parallel()
			clk := clock.NewFake(quotaStart)
			st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithQuotas())
			c, _ := quotaClients(t, st, way, advancingRetryer(clk, 25*time.Millisecond))
			putParam(t, c, "/q/a")
			for i := range 40 {
				if err := read(c, i); err != nil {
					t.Fatalf("read %d of 40: %v", i+1, err)
				}
			}
			st.ClearCalls()
			if err := read(c, 0); err != nil {
				t.Fatalf("41st read with a retryer that moves the clock: %v", err)
			}
			calls := st.Calls()
			var got []string
			for _, c := range calls {
				got = append(got, fmt.Sprintf("%s at %s: %v", c.Op.Name(), c.Time.Sub(quotaStart), throttled(c.Err) == ""))
			}
			want := []string{"GetParameter at 0s: true", "GetParameter at 25ms: false"}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("calls (operation at clock: throttled) (-want +got):\n%s", diff)
			}

			// endpoint.Config's own retryer does not sleep and so does not
			// move the clock: all three attempts are throttled.
			var still ssmClient
			if way == "config" {
				still = ssm.NewFromConfig(endpoint.Config(st))
			} else {
				srv := endpoint.NewServer(st)
				t.Cleanup(srv.Close)
				still = ssm.NewFromConfig(srv.Config())
			}
			st.ClearCalls()
			err := read(still, 0)
			if why := throttled(err); why != "" {
				t.Fatalf("with the clock standing: %s", why)
			}
			if n := len(st.Calls()); n != 3 {
				t.Errorf("with the clock standing: %d attempts, want the standard retryer's 3", n)
			}
		})
	}
}

// TestQuotaConcurrentBurst: calls racing for one bucket are served exactly
// as many times as it holds.
func TestQuotaConcurrentBurst(t *testing.T) {
	t.Parallel()
	st := fakeaws.New(fakeaws.WithClock(clock.NewFake(quotaStart)), fakeaws.WithQuotas())
	c := ssmfake.New(st)
	putParam(t, c, "/q/a")
	const callers, each = 8, 20
	served := make(chan int, callers)
	for g := range callers {
		go func() {
			n := 0
			for i := range each {
				if read(c, g+i) == nil {
					n++
				}
			}
			served <- n
		}()
	}
	total := 0
	for range callers {
		total += <-served
	}
	if total != 40 {
		t.Errorf("%d of %d concurrent reads served, want 40", total, callers*each)
	}
}

// TestQuotaBurstWithoutRate: Rate 0 with a Burst allows Burst calls and
// never refills; Reset leaves the buckets as they are.
func TestQuotaBurstWithoutRate(t *testing.T) {
	t.Parallel()
	clk := clock.NewFake(quotaStart)
	st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithQuota(fakeaws.QuotaParameterReads, fakeaws.Quota{Burst: 2}))
	c := ssmfake.New(st)
	putParam(t, c, "/q/a")
	for i := range 2 {
		if err := read(c, i); err != nil {
			t.Fatalf("read %d of 2: %v", i+1, err)
		}
	}
	clk.Advance(24 * time.Hour)
	st.Reset()
	if why := throttled(read(c, 0)); why != "" {
		t.Errorf("third read, a day and a Reset later: %s", why)
	}
}
