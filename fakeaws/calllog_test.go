package fakeaws_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// loggedCall is what TestCallLogOfReadsKeptWithTheirAnswer compares of a
// logged call.
type loggedCall struct {
	Op    string
	Input string // the name or secret asked for
	Value string // the value answered
	Error string // the error's code
	Time  time.Time
}

func summarize(t *testing.T, calls []fakeaws.Call) []loggedCall {
	t.Helper()
	var got []loggedCall
	for _, c := range calls {
		s := loggedCall{Op: c.Op.String(), Time: c.Time}
		switch in := c.Input.(type) {
		case *ssm.PutParameterInput:
			s.Input = aws.ToString(in.Name)
		case *ssm.GetParameterInput:
			s.Input = aws.ToString(in.Name)
		case *secretsmanager.CreateSecretInput:
			s.Input = aws.ToString(in.Name)
		case *secretsmanager.GetSecretValueInput:
			s.Input = aws.ToString(in.SecretId)
		}
		switch out := c.Output.(type) {
		case *ssm.GetParameterOutput:
			s.Value = aws.ToString(out.Parameter.Value)
		case *secretsmanager.GetSecretValueOutput:
			s.Value = aws.ToString(out.SecretString)
		}
		if c.Err != nil {
			s.Error = apiError(t, c.Err).ErrorCode()
		}
		got = append(got, s)
	}
	return got
}

// TestCallLogOfReadsKeptWithTheirAnswer: GetParameter and GetSecretValue
// keep their log record in their answer's memory when they succeed, and a
// record of its own otherwise (an error, a hook's answer). Whichever way,
// Calls reports the same: the input as it was at the call, the output
// returned, the error, the time; and the log, wrapping around, keeps the
// most recent calls in order.
func TestCallLogOfReadsKeptWithTheirAnswer(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	t0 := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	clk := clock.NewFake(t0)
	st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithCallLog(5))
	pc, sc := ssmfake.New(st), smfake.New(st)

	var returned []any // the outputs the successful reads returned
	if _, err := pc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/a"), Value: aws.String("v1"), Type: ssmtypes.ParameterTypeString}); err != nil {
		t.Fatal(err)
	}
	if _, err := sc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("sv")}); err != nil {
		t.Fatal(err)
	}
	get := &ssm.GetParameterInput{Name: aws.String("/a")}
	for i := range 2 {
		clk.Advance(time.Second)
		out, err := pc.GetParameter(ctx, get)
		if err != nil {
			t.Fatal(err)
		}
		returned = append(returned, out)
		get.Name = aws.String("/missing") // reassigned after the call: not in the log
		clk.Advance(time.Second)
		if _, err := pc.GetParameter(ctx, get); err == nil {
			t.Fatal("GetParameter /missing succeeded")
		}
		get.Name = aws.String("/a")
		clk.Advance(time.Second)
		sv, err := sc.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")})
		if err != nil {
			t.Fatal(err)
		}
		returned = append(returned, sv)
		if i == 0 {
			st.React(smfake.OpGetSecretValue, func(context.Context, any) (any, bool, error) {
				return &secretsmanager.GetSecretValueOutput{SecretString: aws.String("hooked")}, true, nil
			})
		}
	}
	at := func(s int) time.Time { return t0.Add(time.Duration(s) * time.Second) }
	want := []loggedCall{
		{Op: "Secrets Manager.GetSecretValue", Input: "s", Value: "sv", Time: at(3)},
		{Op: "SSM.GetParameter", Input: "/a", Value: "v1", Time: at(4)},
		{Op: "SSM.GetParameter", Input: "/missing", Error: "ParameterNotFound", Time: at(5)},
		{Op: "Secrets Manager.GetSecretValue", Input: "s", Value: "hooked", Time: at(6)},
	}
	calls := st.Calls()
	if diff := cmp.Diff(append([]loggedCall{{Op: "SSM.GetParameter", Input: "/missing", Error: "ParameterNotFound", Time: at(2)}}, want...), summarize(t, calls)); diff != "" {
		t.Fatalf("call log (-want +got):\n%s", diff)
	}
	// The logged outputs are copies of what the calls returned.
	for i, c := range []fakeaws.Call{calls[1], calls[2]} {
		if c.Output == returned[i+1] {
			t.Errorf("call %d: the log handed out the output the call returned, not a copy", i)
		}
	}
	calls[2].Output.(*ssm.GetParameterOutput).Parameter.Value = aws.String("changed")
	calls[2].Input.(*ssm.GetParameterInput).Name = aws.String("changed")
	if diff := cmp.Diff(want, summarize(t, st.Calls()[1:])); diff != "" {
		t.Errorf("after changing what Calls returned, call log (-want +got):\n%s", diff)
	}
	st.ClearCalls()
	if calls := st.Calls(); len(calls) != 0 {
		t.Errorf("%d calls after ClearCalls", len(calls))
	}
}
