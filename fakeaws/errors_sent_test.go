package fakeaws_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// apiSeen is an API error as the caller sees it.
func apiSeen(err error) string {
	var api smithy.APIError
	if !errors.As(err, &api) {
		return fmt.Sprintf("not an API error: %v", err)
	}
	return fmt.Sprintf("%T %s %q fault=%v", api, api.ErrorCode(), api.ErrorMessage(), api.ErrorFault())
}

// TestErrorsAsSentAgreeAcrossWaysIn: an error reads the same from the fake
// clients as from the real SDK over the wire, which can only see what AWS's
// answer carries: the code's typed error when the model has one (Parameter
// Store's ValidationException), no message where the model's shape has no
// message member, an unknown fault for an unmodelled error (the SDK reads
// no fault from the answer), and the message as JSON carries it.
func TestErrorsAsSentAgreeAcrossWaysIn(t *testing.T) {
	t.Parallel()
	ssmCases := []struct {
		name string
		err  error // injected with FailNext, or nil for the engine's own answer
		in   *ssm.GetParameterInput
		want string
	}{
		{"a typed error whose shape has no message", &types.InvalidResourceId{Message: aws.String("custom")}, nil,
			`*types.InvalidResourceId InvalidResourceId "" fault=client`},
		{"a bare code the model types", &smithy.GenericAPIError{Code: "ParameterNotFound", Message: "m"}, nil,
			`*types.ParameterNotFound ParameterNotFound "m" fault=client`},
		{"an unmodelled code", &smithy.GenericAPIError{Code: "Weird", Message: "w", Fault: smithy.FaultServer}, nil,
			`*smithy.GenericAPIError Weird "w" fault=unknown`},
		{"invalid UTF-8 in a message", &types.ParameterNotFound{Message: aws.String("bad \xff")}, nil,
			"*types.ParameterNotFound ParameterNotFound \"bad \ufffd\" fault=client"},
		{"a wrapped API error", fmt.Errorf("context: %w", fakeaws.Throttling(ssmfake.OpGetParameter)), nil,
			`*types.ThrottlingException ThrottlingException "Rate exceeded" fault=client`},
		{"the engine's own: WithDecryption on a reference", nil, &ssm.GetParameterInput{Name: aws.String("/aws/reference/secretsmanager/x")},
			`*types.ValidationException ValidationException "WithDecryption flag must be True for retrieving a Secret Manager secret." fault=client`},
	}
	for _, tc := range ssmCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, way := range ways {
				st := fakeaws.New()
				c, _ := clientsFor(st, way, "")
				in := tc.in
				if tc.err != nil {
					st.FailNext(ssmfake.OpGetParameter, tc.err)
					in = &ssm.GetParameterInput{Name: aws.String("/x")}
				}
				_, err := c.GetParameter(context.Background(), in, func(o *ssm.Options) { o.RetryMaxAttempts = 1 })
				got = append(got, way+": "+apiSeen(err))
			}
			want := []string{"direct: " + tc.want, "config: " + tc.want}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	// A fault that is no API error cannot cross the wire: the fake client
	// returns it as it is; over the wire it is InternalFailure (HTTP 500)
	// with the fault's own text.
	t.Run("a fault that is no API error", func(t *testing.T) {
		t.Parallel()
		boom := errors.New("boom")
		var got []string
		for _, way := range ways {
			st := fakeaws.New()
			c, _ := clientsFor(st, way, "")
			st.FailNext(ssmfake.OpGetParameter, boom)
			_, err := c.GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String("/x")}, func(o *ssm.Options) { o.RetryMaxAttempts = 1 })
			if way == "direct" && !errors.Is(err, boom) {
				t.Errorf("direct: %v, want the fault itself", err)
			}
			got = append(got, apiSeen(err))
		}
		want := []string{"not an API error: operation error SSM: GetParameter, boom", `*smithy.GenericAPIError InternalFailure "boom" fault=unknown`}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("direct, wire (-want +got):\n%s", diff)
		}
	})
	// Secrets Manager models no ValidationException: both ways give a
	// GenericAPIError of unknown fault, as the SDK reads AWS's answer.
	smCases := []struct {
		name string
		err  error
		in   *secretsmanager.GetSecretValueInput
		want string
	}{
		{"the engine's own: ValidationException", nil, &secretsmanager.GetSecretValueInput{SecretId: aws.String("s"), VersionStage: aws.String("")},
			`*smithy.GenericAPIError ValidationException "1 validation error detected: Value '' at 'versionStage' failed to satisfy constraint: Member must have length greater than or equal to 1" fault=unknown`},
		{"a bare code the model types", &smithy.GenericAPIError{Code: "ResourceNotFoundException", Message: "gone"}, nil,
			`*types.ResourceNotFoundException ResourceNotFoundException "gone" fault=client`},
		{"access denied", fakeaws.AccessDenied(smfake.OpGetSecretValue, "arn:aws:iam::123456789012:user/u", ""), nil,
			`*smithy.GenericAPIError AccessDeniedException "User: arn:aws:iam::123456789012:user/u is not authorized to perform: secretsmanager:GetSecretValue because no identity-based policy allows the secretsmanager:GetSecretValue action" fault=unknown`},
		{"typed", &smtypes.InvalidRequestException{Message: aws.String("no")}, nil,
			`*types.InvalidRequestException InvalidRequestException "no" fault=client`},
	}
	for _, tc := range smCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, way := range ways {
				st := fakeaws.New()
				_, c := clientsFor(st, way, "")
				in := tc.in
				if tc.err != nil {
					st.FailNext(smfake.OpGetSecretValue, tc.err)
					in = &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")}
				}
				_, err := c.GetSecretValue(context.Background(), in, func(o *secretsmanager.Options) { o.RetryMaxAttempts = 1 })
				got = append(got, apiSeen(err))
			}
			if got[0] != tc.want {
				t.Errorf("direct: %s, want %s", got[0], tc.want)
			}
			if got[0] != got[1] {
				t.Errorf("direct %s, over the wire %s", got[0], got[1])
			}
		})
	}
}
