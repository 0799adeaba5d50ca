package engine

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// A toy operation over a toy state, to test Do without either service.
type counter struct{ n int }

type incInput struct {
	By   int
	Tags []string
}

type incOutput struct{ N int }

const (
	opInc  core.Op = "ssm:Inc"  // writes
	opRead core.Op = "ssm:Read" // reads
)

// Do runs run as the operation op (a write when it is opInc) through Run.
func Do(ctx context.Context, e *Engine, op core.Op, p *Partition, st *counter, in *incInput,
	validate func(*incInput) error, run func(*counter, core.Env, *incInput) (*incOutput, error)) (*incOutput, error) {
	return Run(ctx, e, p, st, &core.Operation[counter, incInput, incOutput]{Op: op, Write: op == opInc, Validate: validate, Run: run}, in)
}

func inc(s *counter, env core.Env, in *incInput) (*incOutput, error) {
	if in.By < 0 {
		return nil, core.APIError("ValidationException", "By must not be negative")
	}
	s.n += in.By
	return &incOutput{N: s.n}, nil
}

func read(s *counter, env core.Env, in *incInput) (*incOutput, error) { return &incOutput{N: s.n}, nil }

func requireBy(in *incInput) error {
	p := core.NewParams("IncInput")
	p.Require(in.By == 0, "By")
	return p.Err()
}

func newTestEngine(calls int) (*Engine, *Partition, *clock.Fake) {
	clk := clock.NewFake(time.Date(2024, 1, 2, 3, 4, 5, 678901234, time.UTC))
	e := New(Config{Clock: clk, IDs: core.NewIDs(true, 1, nil, nil), Region: "eu-west-1", Account: "111122223333", CallLog: calls})
	return e, e.Partition("", ""), clk
}

func TestDoRunsAndWrapsLikeTheSDK(t *testing.T) {
	t.Parallel()
	e, p, _ := newTestEngine(10)
	var st counter
	out, err := Do(context.Background(), e, opInc, p, &st, &incInput{By: 2}, requireBy, inc)
	if err != nil || out.N != 2 {
		t.Fatalf("Do = %+v, %v; want N=2", out, err)
	}

	// A service error: OperationError → ResponseError (400, request ID) → API error.
	_, err = Do(context.Background(), e, opInc, p, &st, &incInput{By: -1}, requireBy, inc)
	var oe *smithy.OperationError
	var re *awshttp.ResponseError
	var api smithy.APIError
	if !errors.As(err, &oe) || !errors.As(err, &re) || !errors.As(err, &api) {
		t.Fatalf("error %T %v is not wrapped as the SDK wraps service errors", err, err)
	}
	if re.HTTPStatusCode() != 400 || re.ServiceRequestID() == "" || api.ErrorCode() != "ValidationException" {
		t.Errorf("status %d, request ID %q, code %q; want 400, an ID, ValidationException", re.HTTPStatusCode(), re.ServiceRequestID(), api.ErrorCode())
	}
	wantPrefix := "operation error SSM: Inc, https response error StatusCode: 400, RequestID: "
	// Parameter Store models ValidationException: the client reads it back
	// as *types.ValidationException, whose text has no "api error".
	if !strings.HasPrefix(err.Error(), wantPrefix) || !strings.HasSuffix(err.Error(), ", ValidationException: By must not be negative") {
		t.Errorf("err.Error() = %q, want the SDK's form %q…", err.Error(), wantPrefix)
	}

	// A missing required field: the SDK's client-side error, no response.
	_, err = Do(context.Background(), e, opInc, p, &st, &incInput{}, requireBy, inc)
	var ipe smithy.InvalidParamsError
	if !errors.As(err, &ipe) || errors.As(err, &re) {
		t.Fatalf("error %v: want InvalidParamsError without a response", err)
	}
	if got, want := err.Error(), "operation error SSM: Inc, 1 validation error(s) found.\n- missing required field, IncInput.By.\n"; got != want {
		t.Errorf("err.Error() = %q, want %q", got, want)
	}
	if st.n != 2 {
		t.Errorf("state %d after failed calls, want 2", st.n)
	}

	// A cancelled context fails before anything runs.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Do(ctx, e, opInc, p, &st, &incInput{By: 1}, requireBy, inc); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: err = %v, want context.Canceled", err)
	}
	if st.n != 2 {
		t.Errorf("state %d after a cancelled call, want 2", st.n)
	}
}

func TestHooksNewestFirstOnACopy(t *testing.T) {
	t.Parallel()
	e, p, _ := newTestEngine(0)
	var st counter
	var seen []string
	e.React(opInc, func(_ context.Context, in any) (any, bool, error) {
		seen = append(seen, "old")
		return &incOutput{N: 100}, true, nil
	})
	e.React(opInc, func(_ context.Context, in any) (any, bool, error) {
		seen = append(seen, "new")
		in.(*incInput).Tags[0] = "changed by the hook"
		return nil, false, nil // pass
	})
	in := &incInput{By: 1, Tags: []string{"mine"}}
	out, err := Do(context.Background(), e, opInc, p, &st, in, requireBy, inc)
	if err != nil || out.N != 100 {
		t.Fatalf("Do = %+v, %v; want the old hook's answer N=100", out, err)
	}
	if diff := cmp.Diff([]string{"new", "old"}, seen); diff != "" {
		t.Errorf("hook order (-want +got):\n%s", diff)
	}
	if in.Tags[0] != "mine" {
		t.Errorf("a hook changed the caller's input: %q", in.Tags[0])
	}
	if st.n != 0 {
		t.Errorf("state changed although a hook answered: %d", st.n)
	}
	// A hook that answers the wrong type is an error, not a panic.
	e.React(opRead, func(context.Context, any) (any, bool, error) { return "nonsense", true, nil })
	if _, err := Do(context.Background(), e, opRead, p, &st, &incInput{}, nil, read); err == nil || !strings.Contains(err.Error(), "hook") {
		t.Errorf("wrong-typed hook answer: err = %v, want an error naming the hook", err)
	}
	e.ClearHooks()
	if out, err := Do(context.Background(), e, opInc, p, &st, &incInput{By: 5}, requireBy, inc); err != nil || out.N != 5 {
		t.Errorf("after ClearHooks: %+v, %v; want N=5", out, err)
	}
}

func TestReactOnceFiresOnceUnderConcurrency(t *testing.T) {
	t.Parallel()
	e, p, _ := newTestEngine(0)
	var st counter
	e.ReactOnce(opRead, func(context.Context, any) (any, bool, error) {
		return nil, true, core.APIError("ThrottlingException", "Rate exceeded")
	})
	var wg sync.WaitGroup
	var mu sync.Mutex
	failures := 0
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := Do(context.Background(), e, opRead, p, &st, &incInput{}, nil, read); err != nil {
				mu.Lock()
				failures++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if failures != 1 {
		t.Errorf("%d calls failed, want exactly 1", failures)
	}
}

func TestCallLogKeepsCopiesOfTheMostRecent(t *testing.T) {
	t.Parallel()
	e, p, clk := newTestEngine(3)
	var st counter
	in := &incInput{By: 1, Tags: []string{"a"}}
	for i := range 5 {
		in.By = i + 1
		Do(context.Background(), e, opInc, p, &st, in, requireBy, inc)
		clk.Advance(time.Second)
	}
	in.Tags = []string{"replaced after the calls"}
	calls := e.Calls()
	if len(calls) != 3 {
		t.Fatalf("%d calls logged, want the 3 most recent", len(calls))
	}
	for i, c := range calls {
		wantBy := i + 3
		if got := c.Input.(*incInput); got.By != wantBy || got.Tags[0] != "a" {
			t.Errorf("call %d input %+v, want By=%d Tags=[a] (a copy made at the call, fields reassigned later do not show)", i, got, wantBy)
		}
		if c.Op != opInc || c.Err != nil || c.Output == nil {
			t.Errorf("call %d = %+v", i, c)
		}
		wantTime := time.Date(2024, 1, 2, 3, 4, 5+wantBy-1, 678000000, time.UTC)
		if got := c.Time(); !got.Equal(wantTime) || got.Location() != time.UTC {
			t.Errorf("call %d time %v, want %v (the clock, truncated to ms, UTC)", i, got, wantTime)
		}
	}
	calls[0].Input.(*incInput).Tags[0] = "x"
	if e.Calls()[0].Input.(*incInput).Tags[0] != "a" {
		t.Error("Calls() handed out the log's own input")
	}
	e.ClearCalls()
	if n := len(e.Calls()); n != 0 {
		t.Errorf("%d calls after ClearCalls", n)
	}
}

func TestCallLogOff(t *testing.T) {
	t.Parallel()
	e, p, _ := newTestEngine(0)
	var st counter
	Do(context.Background(), e, opInc, p, &st, &incInput{By: 1}, requireBy, inc)
	if calls := e.Calls(); calls != nil {
		t.Errorf("Calls() = %v with the log off, want nil", calls)
	}
}

func TestPanicReleasesTheLock(t *testing.T) {
	t.Parallel()
	e, p, _ := newTestEngine(0)
	var st counter
	func() {
		defer func() { _ = recover() }()
		Do(context.Background(), e, opInc, p, &st, &incInput{By: 1}, requireBy,
			func(*counter, core.Env, *incInput) (*incOutput, error) { panic("engine bug") })
	}()
	done := make(chan struct{})
	go func() {
		Do(context.Background(), e, opInc, p, &st, &incInput{By: 1}, requireBy, inc)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the lock stayed held after a panic")
	}
}

func TestWildcard(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		pattern, s string
		want       bool
	}{
		{"*", "", true},
		{"*", "anything", true},
		{"arn:aws:ssm:*:*:parameter/app/*", "arn:aws:ssm:us-east-1:123456789012:parameter/app/x/y", true},
		{"arn:aws:ssm:*:*:parameter/app/*", "arn:aws:ssm:us-east-1:123456789012:parameter/other", false},
		{"secret:db-??????", "secret:db-AbCdEf", true},
		{"secret:db-??????", "secret:db-AbCdE", false},
		{"a*b*c", "aXXbYYc", true},
		{"a*b*c", "aXXbYY", false},
		{"ab", "abc", false},
	} {
		if got := wildcard(tc.pattern, tc.s); got != tc.want {
			t.Errorf("wildcard(%q, %q) = %v, want %v", tc.pattern, tc.s, got, tc.want)
		}
	}
}
