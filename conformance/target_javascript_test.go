package conformance

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"
)

var jsEnv = Env{Region: "eu-west-1", Account: "210987654321", Start: time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)}

// TestJSGetCallerIdentity: the JavaScript SDK's STS client reads the
// caller's account from the server (STS's Query protocol, XML answer).
func TestJSGetCallerIdentity(t *testing.T) {
	t.Parallel()
	j := JS(t, jsEnv).(*jsTarget)
	ans, err := j.roundTrip(context.Background(), []byte(`{"service":"sts","op":"GetCallerIdentity","input":{}}`+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if ans.Error != nil {
		t.Fatalf("GetCallerIdentity: %+v", *ans.Error)
	}
	var got map[string]string
	if err := json.Unmarshal(ans.Output, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Account": "210987654321", "Arn": "arn:aws:iam::210987654321:user/210987654321", "UserId": "210987654321"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestJSReadsNotImplemented: calls the fake does not serve reach the
// JavaScript SDK as service errors it can read, in STS's XML and in the
// AWS JSON protocol (before, STS's answer was JSON and the SDK reported an
// XML parse error).
func TestJSReadsNotImplemented(t *testing.T) {
	t.Parallel()
	j := JS(t, jsEnv).(*jsTarget)
	for _, tc := range []struct{ line, code, has string }{
		{`{"service":"sts","op":"AssumeRole","input":{"RoleArn":"arn:aws:iam::210987654321:role/r","RoleSessionName":"sess"}}`, "NotImplemented", "AssumeRole"},
		{`{"service":"ssm","op":"SendCommand","input":{"DocumentName":"AWS-RunShellScript"}}`, "NotImplementedException", "SendCommand"},
	} {
		ans, err := j.roundTrip(context.Background(), []byte(tc.line+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		if e := ans.Error; e == nil || !e.API || e.Code != tc.code || e.Status != 501 || !strings.Contains(e.Message, tc.has) {
			t.Errorf("%s: got %+v, want a service error %s (501) naming %s", tc.line, ans.Error, tc.code, tc.has)
		}
	}
}

// TestJSBlobsAndLastAnswer: a binary secret goes in as a Uint8Array and
// comes back byte for byte; LastAnswer is the raw body the server sent and
// LastParsed the SDK's reading of it, both nil after a failed call.
func TestJSBlobsAndLastAnswer(t *testing.T) {
	t.Parallel()
	j := JS(t, jsEnv).(*jsTarget)
	ctx := context.Background()
	blob := []byte{0, 1, 2, 0xfe, 0xff}
	if _, err := j.Call(ctx, SecretsManager, "CreateSecret", &secretsmanager.CreateSecretInput{Name: aws.String("bin"), SecretBinary: blob}); err != nil {
		t.Fatal(err)
	}
	out, err := j.Call(ctx, SecretsManager, "GetSecretValue", &secretsmanager.GetSecretValueInput{SecretId: aws.String("bin")})
	if err != nil {
		t.Fatal(err)
	}
	if got := out.(*secretsmanager.GetSecretValueOutput).SecretBinary; !bytes.Equal(got, blob) {
		t.Errorf("SecretBinary = %v, want %v", got, blob)
	}
	var raw map[string]any
	if err := json.Unmarshal(j.LastAnswer(), &raw); err != nil || raw["SecretBinary"] != "AAEC/v8=" || raw["Name"] != "bin" {
		t.Errorf("LastAnswer = %s (%v), want the wire JSON with SecretBinary AAEC/v8=", j.LastAnswer(), err)
	}
	var parsed map[string]any
	if err := json.Unmarshal(j.LastParsed(), &parsed); err != nil || parsed["SecretBinary"] != "AAEC/v8=" || parsed["$metadata"] != nil {
		t.Errorf("LastParsed = %s (%v), want the SDK's output with SecretBinary AAEC/v8= and no $metadata", j.LastParsed(), err)
	}
	_, err = j.Call(ctx, SSM, "GetParameter", &ssm.GetParameterInput{Name: aws.String("/none")})
	var api smithy.APIError
	if !errors.As(err, &api) || api.ErrorCode() != "ParameterNotFound" {
		t.Errorf("got %v, want ParameterNotFound", err)
	}
	if b := j.LastAnswer(); b != nil {
		t.Errorf("LastAnswer after a failed call = %s, want nil", b)
	}
	if b := j.LastParsed(); b != nil {
		t.Errorf("LastParsed after a failed call = %s, want nil", b)
	}
}

func TestMarkTyped(t *testing.T) {
	t.Parallel()
	got, err := jsInput(&secretsmanager.PutSecretValueInput{SecretId: aws.String("s"), SecretBinary: []byte("hi"), VersionStages: []string{"A"}})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"SecretBinary":{"$blob":"aGk="},"SecretId":"s","VersionStages":["A"]}`
	if string(got) != want {
		t.Errorf("jsInput = %s, want %s", got, want)
	}
}

// stopTB is a testing.TB whose Fatalf and Skipf record their message and
// stop the factory.
type stopTB struct {
	testing.TB
	fatal, skip string
}

type stopped struct{}

func (s *stopTB) Fatalf(format string, args ...any) {
	s.fatal = fmt.Sprintf(format, args...)
	panic(stopped{})
}
func (s *stopTB) Skipf(format string, args ...any) {
	s.skip = fmt.Sprintf(format, args...)
	panic(stopped{})
}

func runFactory(tb *stopTB, f Factory) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(stopped); !ok {
				panic(r)
			}
		}
	}()
	f(tb, jsEnv)
}

// TestJSWithoutNode: without node the target skips with a message saying
// what is missing, and with CI set it fails instead.
func TestJSWithoutNode(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("CI", "")
	tb := &stopTB{TB: t}
	runFactory(tb, JS)
	if tb.fatal != "" || !strings.Contains(tb.skip, "no node on PATH") {
		t.Errorf("without CI: fatal %q, skip %q; want a skip naming node", tb.fatal, tb.skip)
	}
	t.Setenv("CI", "true")
	tb = &stopTB{TB: t}
	runFactory(tb, JS)
	if tb.skip != "" || !strings.Contains(tb.fatal, "CI is set") {
		t.Errorf("with CI: fatal %q, skip %q; want a failure", tb.fatal, tb.skip)
	}
}

// TestJSWithoutPackages: node without the npm packages skips (fails in CI)
// and names the folder and how to install them.
func TestJSWithoutPackages(t *testing.T) {
	if _, err := findNode(); err != nil {
		t.Skip(err)
	}
	t.Setenv(JSModulesEnv, t.TempDir())
	t.Setenv("CI", "")
	tb := &stopTB{TB: t}
	runFactory(tb, JS)
	if !strings.Contains(tb.skip, "not installed in") || !strings.Contains(tb.skip, "package.json") {
		t.Errorf("skip %q, fatal %q: want a skip saying how to install", tb.skip, tb.fatal)
	}
}
