package fakeaws_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
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

// Narrow interfaces that *ssm.Client, *secretsmanager.Client and the fakes
// all satisfy: the test controls must act the same through each.
type paramAPI interface {
	PutParameter(context.Context, *ssm.PutParameterInput, ...func(*ssm.Options)) (*ssm.PutParameterOutput, error)
	GetParameter(context.Context, *ssm.GetParameterInput, ...func(*ssm.Options)) (*ssm.GetParameterOutput, error)
}

type secretAPI interface {
	CreateSecret(context.Context, *secretsmanager.CreateSecretInput, ...func(*secretsmanager.Options)) (*secretsmanager.CreateSecretOutput, error)
	GetSecretValue(context.Context, *secretsmanager.GetSecretValueInput, ...func(*secretsmanager.Options)) (*secretsmanager.GetSecretValueOutput, error)
}

// mode is one way into a Store.
type mode struct {
	name    string
	clients func(t *testing.T, st *fakeaws.Store) (paramAPI, secretAPI)
}

func noRetries(o *ssm.Options)              { o.RetryMaxAttempts = 1 }
func noRetriesSM(o *secretsmanager.Options) { o.RetryMaxAttempts = 1 }

var modes = []mode{
	{"direct", func(t *testing.T, st *fakeaws.Store) (paramAPI, secretAPI) {
		return ssmfake.New(st), smfake.New(st)
	}},
	{"endpoint.Config", func(t *testing.T, st *fakeaws.Store) (paramAPI, secretAPI) {
		cfg := endpoint.Config(st)
		return ssm.NewFromConfig(cfg, noRetries), secretsmanager.NewFromConfig(cfg, noRetriesSM)
	}},
	{"endpoint.NewServer", func(t *testing.T, st *fakeaws.Store) (paramAPI, secretAPI) {
		srv := endpoint.NewServer(st)
		t.Cleanup(srv.Close)
		cfg := srv.Config()
		return ssm.NewFromConfig(cfg, noRetries), secretsmanager.NewFromConfig(cfg, noRetriesSM)
	}},
}

func apiError(t *testing.T, err error) smithy.APIError {
	t.Helper()
	var api smithy.APIError
	if !errors.As(err, &api) {
		t.Fatalf("error %v (%T) is not an API error", err, err)
	}
	return api
}

func TestFaultsInEveryMode(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			st := fakeaws.New()
			pc, sc := m.clients(t, st)
			put := &ssm.PutParameterInput{Name: aws.String("/a"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString}

			// FailNext: once, before any state change.
			st.FailNext(ssmfake.OpPutParameter, fakeaws.Throttling(ssmfake.OpPutParameter))
			_, err := pc.PutParameter(ctx, put)
			if api := apiError(t, err); api.ErrorCode() != "ThrottlingException" || api.ErrorMessage() != "Rate exceeded" {
				t.Errorf("FailNext: got %s: %s, want ThrottlingException: Rate exceeded", api.ErrorCode(), api.ErrorMessage())
			}
			var throttled *ssmtypes.ThrottlingException
			if !errors.As(err, &throttled) {
				t.Errorf("FailNext: %T is not *types.ThrottlingException", err)
			}
			if _, err := pc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/a")}); apiError(t, err).ErrorCode() != "ParameterNotFound" {
				t.Errorf("the failed put stored something: %v", err)
			}
			if out, err := pc.PutParameter(ctx, put); err != nil || out.Version != 1 {
				t.Fatalf("second put: %+v, %v; want version 1 (FailNext fires once)", out, err)
			}

			// FailAlways until ClearFaults.
			denied := fakeaws.AccessDenied(smfake.OpGetSecretValue, "arn:aws:iam::123456789012:user/ci", "")
			st.FailAlways(smfake.OpGetSecretValue, denied)
			if _, err := sc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("x")}); err != nil {
				t.Fatalf("CreateSecret: %v (only GetSecretValue is failing)", err)
			}
			for range 2 {
				_, err := sc.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")})
				api := apiError(t, err)
				if api.ErrorCode() != "AccessDeniedException" || api.ErrorMessage() != denied.(smithy.APIError).ErrorMessage() {
					t.Errorf("FailAlways: got %s: %s", api.ErrorCode(), api.ErrorMessage())
				}
			}
			st.ClearFaults()
			if out, err := sc.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")}); err != nil || *out.SecretString != "x" {
				t.Errorf("after ClearFaults: %v, %v", out, err)
			}

			// React: a hook sees the input and may answer for the Store.
			st.React(ssmfake.OpGetParameter, func(_ context.Context, in any) (any, bool, error) {
				name := *in.(*ssm.GetParameterInput).Name
				if name != "/scripted" {
					return nil, false, nil
				}
				return &ssm.GetParameterOutput{Parameter: &ssmtypes.Parameter{
					Name: aws.String(name), Value: aws.String("from the hook"), Type: ssmtypes.ParameterTypeString, Version: 7,
				}}, true, nil
			})
			out, err := pc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/scripted")})
			if err != nil || *out.Parameter.Value != "from the hook" || out.Parameter.Version != 7 {
				t.Errorf("React answer: %+v, %v", out, err)
			}
			if out, err := pc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/a")}); err != nil || *out.Parameter.Value != "v" {
				t.Errorf("a passing hook: %+v, %v; want the stored value", out, err)
			}
		})
	}
}

func TestInternalErrorIsAServerFault(t *testing.T) {
	t.Parallel()
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			st := fakeaws.New()
			pc, _ := m.clients(t, st)
			st.FailNext(ssmfake.OpGetParameter, fakeaws.InternalError(ssmfake.OpGetParameter))
			_, err := pc.GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String("/x")})
			var ise *ssmtypes.InternalServerError
			if !errors.As(err, &ise) || ise.ErrorFault() != smithy.FaultServer {
				t.Errorf("err = %v (%T), want *types.InternalServerError, a server fault", err, err)
			}
		})
	}
}

func TestCallLogInEveryMode(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			clk := clock.NewFake(time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC))
			st := fakeaws.New(fakeaws.WithClock(clk))
			pc, _ := m.clients(t, st)
			pc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/a"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString})
			clk.Advance(time.Second)
			pc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/missing")})

			calls := st.Calls()
			type summary struct {
				Op    string
				Name  string
				Error string
				Time  time.Time
			}
			var got []summary
			for _, c := range calls {
				s := summary{Op: c.Op.String(), Time: c.Time}
				switch in := c.Input.(type) {
				case *ssm.PutParameterInput:
					s.Name = *in.Name
					if out := c.Output.(*ssm.PutParameterOutput); out.Version != 1 {
						t.Errorf("logged output %+v, want version 1", out)
					}
				case *ssm.GetParameterInput:
					s.Name = *in.Name
				}
				if c.Err != nil {
					s.Error = apiError(t, c.Err).ErrorCode()
				}
				got = append(got, s)
			}
			want := []summary{
				{Op: "SSM.PutParameter", Name: "/a", Time: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)},
				{Op: "SSM.GetParameter", Name: "/missing", Error: "ParameterNotFound", Time: time.Date(2024, 1, 2, 3, 4, 6, 0, time.UTC)},
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("call log (-want +got):\n%s", diff)
			}
		})
	}
}
