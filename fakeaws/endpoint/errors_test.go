package endpoint

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// rawAnswer is an HTTP answer as a test reads it.
type rawAnswer struct {
	Status    int
	ErrorType string
	HasReqID  bool
	Body      map[string]any
}

// post sends body to h with the given X-Amz-Target, unsigned.
func post(t *testing.T, h http.Handler, target, body string) rawAnswer {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	if target != "" {
		req.Header.Set("X-Amz-Target", target)
	}
	return record(t, h, req)
}

func record(t *testing.T, h http.Handler, req *http.Request) rawAnswer {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	var body map[string]any
	if err := json.Unmarshal(b, &body); err != nil {
		t.Fatalf("answer body %q is not a JSON object: %v", b, err)
	}
	if ct := res.Header.Get("Content-Type"); ct != "application/x-amz-json-1.1" {
		t.Errorf("Content-Type = %q, want application/x-amz-json-1.1", ct)
	}
	return rawAnswer{
		Status:    res.StatusCode,
		ErrorType: res.Header.Get("X-Amzn-ErrorType"),
		HasReqID:  res.Header.Get("x-amzn-RequestId") != "",
		Body:      body,
	}
}

// TestErrorShapes checks the answer of each kind of error on the wire
// (status, headers, body keys) and what the real SDK client makes of it:
// the typed error, its code and message, and err.Error(), which must read
// exactly as the error the fake client returns directly.
func TestErrorShapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		svc     string // target prefix
		op      string
		err     error // what the fake client returns, bare (wrapped as the engine does)
		raw     rawAnswer
		code    string
		message string
		typed   func(error) bool
		// retried: the SDK retries this error (throttling, server faults),
		// so its text gains "exceeded maximum number of attempts, 1, ".
		retried bool
		// text overrides the expected err.Error() (nil: the direct text).
		text string
	}{
		{
			name: "typed SSM error: __type and the model's lower-case message key (ssm/schemas ParameterNotFound_message)",
			svc:  ssmTarget, op: "GetParameter",
			err: &ssmtypes.ParameterNotFound{Message: aws.String("Parameter /app/x not found.")},
			raw: rawAnswer{Status: 400, ErrorType: "ParameterNotFound", HasReqID: true,
				Body: map[string]any{"__type": "ParameterNotFound", "message": "Parameter /app/x not found."}},
			code: "ParameterNotFound", message: "Parameter /app/x not found.",
			typed: func(err error) bool { var e *ssmtypes.ParameterNotFound; return errors.As(err, &e) },
		},
		{
			name: "typed SSM error whose model spells Message capitalised (ssm/schemas ThrottlingException_Message)",
			svc:  ssmTarget, op: "GetParameter",
			err: &ssmtypes.ThrottlingException{Message: aws.String("Rate exceeded")},
			raw: rawAnswer{Status: 400, ErrorType: "ThrottlingException", HasReqID: true,
				Body: map[string]any{"__type": "ThrottlingException", "Message": "Rate exceeded"}},
			code: "ThrottlingException", message: "Rate exceeded",
			typed:   func(err error) bool { var e *ssmtypes.ThrottlingException; return errors.As(err, &e) },
			retried: true,
		},
		{
			name: "typed Secrets Manager error: Message key (secretsmanager/schemas ResourceNotFoundException_Message)",
			svc:  smTarget, op: "GetSecretValue",
			err: &smtypes.ResourceNotFoundException{Message: aws.String("Secrets Manager can't find the specified secret.")},
			raw: rawAnswer{Status: 400, ErrorType: "ResourceNotFoundException", HasReqID: true,
				Body: map[string]any{"__type": "ResourceNotFoundException", "Message": "Secrets Manager can't find the specified secret."}},
			code: "ResourceNotFoundException", message: "Secrets Manager can't find the specified secret.",
			typed: func(err error) bool { var e *smtypes.ResourceNotFoundException; return errors.As(err, &e) },
		},
		{
			name: "unmodelled Secrets Manager error (ValidationException): generic, Message key",
			svc:  smTarget, op: "ListSecrets",
			err: core.APIError("ValidationException", "Invalid filter key"),
			raw: rawAnswer{Status: 400, ErrorType: "ValidationException", HasReqID: true,
				Body: map[string]any{"__type": "ValidationException", "Message": "Invalid filter key"}},
			code: "ValidationException", message: "Invalid filter key",
			typed: func(err error) bool { var e *smithy.GenericAPIError; return errors.As(err, &e) },
		},
		{
			name: "a bare code the SSM model types is written with the model's members, so the SDK types it",
			svc:  ssmTarget, op: "GetParameter",
			err: core.APIError("ParameterNotFound", "gone"),
			raw: rawAnswer{Status: 400, ErrorType: "ParameterNotFound", HasReqID: true,
				Body: map[string]any{"__type": "ParameterNotFound", "message": "gone"}},
			code: "ParameterNotFound", message: "gone",
			typed: func(err error) bool { var e *ssmtypes.ParameterNotFound; return errors.As(err, &e) },
			// Over the wire the SDK types it; directly it stays generic ("api error").
			text: "operation error SSM: GetParameter, https response error StatusCode: 400, RequestID: 11111111-2222-4333-8444-555555555555, ParameterNotFound: gone",
		},
		{
			name: "server fault: status 500 (Secrets Manager InternalServiceError)",
			svc:  smTarget, op: "GetSecretValue",
			err: &smtypes.InternalServiceError{Message: aws.String("An error occurred on the server side.")},
			raw: rawAnswer{Status: 500, ErrorType: "InternalServiceError", HasReqID: true,
				Body: map[string]any{"__type": "InternalServiceError", "Message": "An error occurred on the server side."}},
			code: "InternalServiceError", message: "An error occurred on the server side.",
			typed:   func(err error) bool { var e *smtypes.InternalServiceError; return errors.As(err, &e) },
			retried: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			st := fakeaws.New()
			svcID := core.ServiceSSM
			if tt.svc == smTarget {
				svcID = core.ServiceSM
			}
			direct := core.Wrap(svcID, tt.op, "11111111-2222-4333-8444-555555555555", tt.err)
			var calls atomic.Int32
			h := newStubHandler(st, newStub(func(string, operation, any) (any, error) {
				calls.Add(1)
				return nil, direct
			}))
			raw := post(t, h, tt.svc+"."+tt.op, "{}")
			if diff := cmp.Diff(tt.raw, raw); diff != "" {
				t.Errorf("wire answer (-want +got):\n%s", diff)
			}

			cfg := stubConfig(st, h)
			cfg.RetryMaxAttempts = 1
			var err error
			if tt.svc == ssmTarget {
				_, err = ssm.NewFromConfig(cfg).GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String("/app/x")})
			} else if tt.op == "ListSecrets" {
				_, err = secretsmanager.NewFromConfig(cfg).ListSecrets(context.Background(), &secretsmanager.ListSecretsInput{})
			} else {
				_, err = secretsmanager.NewFromConfig(cfg).GetSecretValue(context.Background(), &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")})
			}
			if err == nil {
				t.Fatal("got no error")
			}
			if !tt.typed(err) {
				t.Errorf("SDK error %T (%v) is not the expected type", errors.Unwrap(err), err)
			}
			var api smithy.APIError
			if !errors.As(err, &api) {
				t.Fatalf("SDK error %v has no smithy.APIError", err)
			}
			if api.ErrorCode() != tt.code || api.ErrorMessage() != tt.message {
				t.Errorf("code, message = %q, %q; want %q, %q", api.ErrorCode(), api.ErrorMessage(), tt.code, tt.message)
			}
			want := direct.Error()
			if tt.retried {
				prefix := "operation error " + svcID + ": " + tt.op + ", "
				want = prefix + "exceeded maximum number of attempts, 1, " + strings.TrimPrefix(want, prefix)
			}
			if tt.text != "" {
				want = tt.text
			}
			if got := err.Error(); got != want {
				t.Errorf("err.Error() over the wire:\n%s\nwant (as the fake client returns it):\n%s", got, want)
			}
		})
	}
}

// TestServerFaultIsRetriedBySDK checks that a 500 answer is retried by the
// real client, as it retries AWS's: three attempts by default.
func TestServerFaultIsRetriedBySDK(t *testing.T) {
	t.Parallel()
	st := fakeaws.New()
	var calls atomic.Int32
	h := newStubHandler(st, newStub(func(string, operation, any) (any, error) {
		calls.Add(1)
		return nil, core.Wrap(core.ServiceSSM, "GetParameter", "r", &ssmtypes.InternalServerError{Message: aws.String("boom")})
	}))
	_, err := ssm.NewFromConfig(stubConfig(st, h)).GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String("/x")})
	var ise *ssmtypes.InternalServerError
	if !errors.As(err, &ise) {
		t.Fatalf("got %v, want *types.InternalServerError", err)
	}
	if got := calls.Load(); got != 3 {
		t.Errorf("attempts = %d, want 3 (the SDK's default)", got)
	}
}

// TestBadRequests checks that malformed requests get AWS-shaped errors.
func TestBadRequests(t *testing.T) {
	t.Parallel()
	big := `{"Name":"` + strings.Repeat("x", DefaultMaxBodyBytes) + `"}`
	tests := []struct {
		name, target, body string
		method             string
		status             int
		code               string
		msgKey             string
		msgHas             string
	}{
		{name: "unknown operation of a known service: UnknownOperationException (AWS JSON protocol)",
			target: "AmazonSSM.GetParameterz", body: "{}", status: 400, code: "UnknownOperationException", msgKey: "message", msgHas: "AmazonSSM.GetParameterz"},
		{name: "another service's target: NotImplemented (501, not retried), in the AWS JSON shape",
			target: "AmazonS3.GetObject", body: "{}", status: 501, code: "NotImplemented", msgKey: "message", msgHas: "AmazonS3.GetObject"},
		{name: "no X-Amz-Target: UnknownOperationException",
			target: "", body: "{}", status: 400, code: "UnknownOperationException", msgKey: "message"},
		{name: "malformed JSON: SerializationException",
			target: "AmazonSSM.GetParameter", body: `{"Name":`, status: 400, code: "SerializationException", msgKey: "message", msgHas: "JSON"},
		{name: "trailing data after the JSON object: SerializationException",
			target: "secretsmanager.GetSecretValue", body: `{"SecretId":"a"} {}`, status: 400, code: "SerializationException", msgKey: "Message"},
		{name: "a number where a string belongs: SerializationException naming the member",
			target: "AmazonSSM.GetParameter", body: `{"Name":5}`, status: 400, code: "SerializationException", msgKey: "message", msgHas: "Name"},
		{name: "a string where a boolean belongs: SerializationException",
			target: "AmazonSSM.GetParameter", body: `{"Name":"a","WithDecryption":"yes"}`, status: 400, code: "SerializationException", msgKey: "message", msgHas: "WithDecryption"},
		{name: "an object where a list belongs: SerializationException",
			target: "secretsmanager.ListSecrets", body: `{"Filters":{}}`, status: 400, code: "SerializationException", msgKey: "Message", msgHas: "Filters"},
		{name: "a fraction where an integer belongs: SerializationException",
			target: "secretsmanager.ListSecrets", body: `{"MaxResults":1.5}`, status: 400, code: "SerializationException", msgKey: "Message", msgHas: "MaxResults"},
		{name: "bad base64 in a blob: SerializationException",
			target: "secretsmanager.PutSecretValue", body: `{"SecretId":"a","SecretBinary":"%%%"}`, status: 400, code: "SerializationException", msgKey: "Message", msgHas: "SecretBinary"},
		{name: "a JSON array as the body: SerializationException",
			target: "AmazonSSM.GetParameter", body: `[]`, status: 400, code: "SerializationException", msgKey: "message"},
		{name: "oversized body: 413",
			target: "AmazonSSM.PutParameter", body: big, status: 413, code: "RequestEntityTooLargeException", msgKey: "message", msgHas: "1048576"},
		{name: "GET: 405",
			target: "AmazonSSM.GetParameter", method: http.MethodGet, status: 405, code: "UnknownOperationException", msgKey: "message", msgHas: "POST"},
	}
	st := fakeaws.New()
	h := newStubHandler(st, newStub(nil))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			method := tt.method
			if method == "" {
				method = http.MethodPost
			}
			req := httptest.NewRequest(method, "/", strings.NewReader(tt.body))
			if tt.target != "" {
				req.Header.Set("X-Amz-Target", tt.target)
			}
			got := record(t, h, req)
			if got.Status != tt.status || got.ErrorType != tt.code || got.Body["__type"] != tt.code || !got.HasReqID {
				t.Errorf("got status %d, X-Amzn-ErrorType %q, body %v, request ID %v; want %d, %q", got.Status, got.ErrorType, got.Body, got.HasReqID, tt.status, tt.code)
			}
			msg, ok := got.Body[tt.msgKey].(string)
			if !ok || !strings.Contains(msg, tt.msgHas) {
				t.Errorf("body %v: want a %q containing %q", got.Body, tt.msgKey, tt.msgHas)
			}
		})
	}
}

// TestUnsupportedOperation checks that an operation of the SDK client that
// the fake does not serve gets a clear answer naming it (status 501, which
// the SDK does not retry).
func TestUnsupportedOperation(t *testing.T) {
	t.Parallel()
	st := fakeaws.New()
	got := post(t, Handler(st), "AmazonSSM.SendCommand", "{}")
	if got.Status != 501 || got.ErrorType != "NotImplementedException" {
		t.Errorf("got %+v, want status 501, NotImplementedException", got)
	}
	if msg, _ := got.Body["message"].(string); !strings.Contains(msg, "SendCommand") {
		t.Errorf("message %q does not name the operation", msg)
	}
	_, err := ssm.NewFromConfig(Config(st)).SendCommand(context.Background(), &ssm.SendCommandInput{DocumentName: aws.String("AWS-RunShellScript")})
	var api smithy.APIError
	if !errors.As(err, &api) || api.ErrorCode() != "NotImplementedException" || !strings.Contains(api.ErrorMessage(), "SendCommand") {
		t.Errorf("SDK got %v, want NotImplementedException naming SendCommand", err)
	}
}

// TestMissingRequiredOverTheWire checks the server-side answer to a request
// without a required member (the SDK checks before sending; other clients
// may not): ValidationException in AWS's words.
func TestMissingRequiredOverTheWire(t *testing.T) {
	t.Parallel()
	st := fakeaws.New()
	h := newStubHandler(st, newStub(func(string, operation, any) (any, error) {
		return nil, core.Wrap(core.ServiceSSM, "PutParameter", "", core.Required("PutParameterInput", "Name", "Value"))
	}))
	got := post(t, h, "AmazonSSM.PutParameter", "{}")
	want := rawAnswer{Status: 400, ErrorType: "ValidationException", HasReqID: true, Body: map[string]any{
		"__type":  "ValidationException",
		"Message": "2 validation errors detected: Value null at 'name' failed to satisfy constraint: Member must not be null; Value null at 'value' failed to satisfy constraint: Member must not be null",
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestWirePath(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Name":               "name",
		"SecretId":           "secretId",
		"Tags[0].Key":        "tags.1.member.key",
		"Filters[2].Values":  "filters.3.member.values",
		"RotationRules.Rule": "rotationRules.rule",
	} {
		if got := wirePath(in); got != want {
			t.Errorf("wirePath(%q) = %q, want %q", in, got, want)
		}
	}
}
