package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// runUntilStopped runs the server with args until stop is called; stop
// returns run's error.
func runUntilStopped(t *testing.T, args ...string) (url string, stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0", "-quiet"}, args...), pw, io.Discard)
		pw.Close()
	}()
	url = readURL(t, pr)
	return url, func() error { cancel(); return <-done }
}

// -state survives a restart: written on shutdown, loaded at start.
func TestStateFileSurvivesRestart(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "state.json")
	ctx := context.Background()

	url, stop := runUntilStopped(t, "-state", file)
	if _, err := ssmClient(url).PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/kept"), Value: aws.String("v1"), Type: ssmtypes.ParameterTypeString}); err != nil {
		t.Fatal(err)
	}
	if err := stop(); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	data, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(data), `"/kept"`) {
		t.Fatalf("state file after shutdown: %v\n%s", err, data)
	}

	url, stop = runUntilStopped(t, "-state", file)
	defer stop()
	out, err := ssmClient(url).GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/kept")})
	if err != nil || *out.Parameter.Value != "v1" {
		t.Fatalf("after restart: %+v, %v; want v1", out, err)
	}
	if matches, _ := filepath.Glob(filepath.Join(filepath.Dir(file), ".state.json.fakeaws-*")); len(matches) != 0 {
		t.Errorf("temporary files left behind: %v", matches)
	}
}

// A bad state file stops the server at start, naming the problem.
func TestBadStateFileRefusesToStart(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(file, []byte(`{"partitions":[{"account":"123456789012"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	err := run(context.Background(), []string{"-addr", "127.0.0.1:0", "-state", file}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "region") {
		t.Fatalf("run = %v, want an error about the missing region", err)
	}
}

// -verify-signatures refuses a client whose secret key is wrong.
func TestVerifySignaturesFlag(t *testing.T) {
	t.Parallel()
	url, stop := runUntilStopped(t, "-verify-signatures", "123456789012=x")
	defer stop()
	ctx := context.Background()
	if _, err := ssmClient(url).DescribeParameters(ctx, &ssm.DescribeParametersInput{}); err != nil {
		t.Fatalf("the right key pair: %v", err)
	}
	bad := ssm.New(ssm.Options{Region: "us-east-1", BaseEndpoint: aws.String(url), RetryMaxAttempts: 1,
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "123456789012", SecretAccessKey: "wrong"}, nil
		})})
	_, err := bad.DescribeParameters(ctx, &ssm.DescribeParametersInput{})
	if err == nil || !strings.Contains(err.Error(), "InvalidSignatureException") {
		t.Fatalf("a wrong secret key: err = %v, want InvalidSignatureException", err)
	}
	if _, err := parseFlags([]string{"-verify-signatures", "nokey"}, io.Discard); err == nil {
		t.Error("a malformed -verify-signatures was accepted")
	}
}

// serveState serves with -state file (and args) in this process, so a test
// can reach its Store; cancel is the shutdown signal, served gets serve's
// result.
func serveState(t *testing.T, file string, args ...string) (s *server, cancel func(), served <-chan error) {
	t.Helper()
	o, err := parseFlags(append([]string{"-addr", "127.0.0.1:0", "-quiet", "-state", file}, args...), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if s, err = newServer(o, io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := s.listen(o.addr); err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.serve(ctx) }()
	return s, stop, done
}

// Shutdown is graceful: a request in flight when the signal comes is
// answered, and the state file holds it and every write acknowledged before.
func TestShutdownFinishesRequestsInFlight(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "state.json")
	s, cancel, served := serveState(t, file)
	// The request for /in-flight waits inside the server until released.
	entered, release := make(chan struct{}), make(chan struct{})
	s.st.React(ssmfake.OpPutParameter, func(_ context.Context, in any) (any, bool, error) {
		if aws.ToString(in.(*ssm.PutParameterInput).Name) == "/in-flight" {
			close(entered)
			<-release
		}
		return nil, false, nil
	})
	c := ssmClient(s.url())
	if _, err := c.PutParameter(context.Background(), &ssm.PutParameterInput{Name: aws.String("/before"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString}); err != nil {
		t.Fatal(err)
	}
	inFlight := make(chan error, 1)
	go func() {
		_, err := c.PutParameter(context.Background(), &ssm.PutParameterInput{Name: aws.String("/in-flight"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString})
		inFlight <- err
	}()
	<-entered
	cancel() // SIGTERM
	// Shutdown has begun once the listener refuses new connections.
	for {
		conn, err := net.Dial("tcp", s.ln.Addr().String())
		if err != nil {
			break
		}
		conn.Close()
		runtime.Gosched()
	}
	close(release)
	if err := <-inFlight; err != nil {
		t.Errorf("the request in flight: %v", err)
	}
	if err := <-served; err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	data, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(data), `"/before"`) || !strings.Contains(string(data), `"/in-flight"`) {
		t.Fatalf("state file after shutdown: %v\n%s", err, data)
	}
}

// The limit flags reach the server: a header over -max-header-bytes gets
// HTTP 431, a body over -max-body HTTP 413.
func TestLimitFlags(t *testing.T) {
	t.Parallel()
	url, stop := runUntilStopped(t, "-max-header-bytes", "4096", "-max-body", "64")
	defer stop()
	for _, tc := range []struct {
		name   string
		header string
		body   string
		want   int
	}{
		{"header", strings.Repeat("x", 16<<10), "{}", 431},
		{"body", "", `{"Name":"` + strings.Repeat("x", 100) + `"}`, 413},
	} {
		req, _ := http.NewRequest("POST", url, strings.NewReader(tc.body))
		req.Header.Set("X-Amz-Target", "AmazonSSM.GetParameter")
		req.Header.Set("X-Padding", tc.header)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("%s over the limit: status %d, want %d", tc.name, resp.StatusCode, tc.want)
		}
	}
}

// -policy loads access policies: a request signed with access key K acts as
// arn:aws:iam::<account>:user/K.
func TestPolicyFlag(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "policy.json")
	doc := `{"arn:aws:iam::123456789012:user/123456789012": {"Statement": [{"Effect": "Allow", "Action": "ssm:DescribeParameters", "Resource": "*"}]}}`
	if err := os.WriteFile(file, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	url, stop := runUntilStopped(t, "-policy", file)
	defer stop()
	ctx := context.Background()
	if _, err := ssmClient(url).DescribeParameters(ctx, &ssm.DescribeParametersInput{}); err != nil {
		t.Errorf("allowed: %v", err)
	}
	_, err := ssmClient(url).GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/x")})
	if err == nil || !strings.Contains(err.Error(), "AccessDeniedException: User: arn:aws:iam::123456789012:user/123456789012 is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:123456789012:parameter/x because no identity-based policy allows the ssm:GetParameter action") {
		t.Errorf("denied: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	_ = os.WriteFile(bad, []byte(`{"p": {"Statement": [{"Effect": "Perhaps", "Action": "*", "Resource": "*"}]}}`), 0o600)
	if err := run(ctx, []string{"-addr", "127.0.0.1:0", "-policy", bad}, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "Effect") {
		t.Errorf("a bad policy file: %v, want an error about Effect", err)
	}
}

// A request still running when -shutdown-timeout ends is cut off before the
// state file is written: it is never acknowledged, so the file holds every
// write a client was told succeeded.
func TestShutdownTimeoutCutsStuckRequests(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "state.json")
	s, cancel, served := serveState(t, file, "-shutdown-timeout", "50ms")
	entered, release := make(chan struct{}), make(chan struct{})
	s.st.React(ssmfake.OpPutParameter, func(_ context.Context, in any) (any, bool, error) {
		close(entered)
		<-release
		return nil, false, nil
	})
	stuck := make(chan error, 1)
	go func() {
		_, err := ssmClient(s.url()).PutParameter(context.Background(), &ssm.PutParameterInput{Name: aws.String("/stuck"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString})
		stuck <- err
	}()
	<-entered
	cancel() // SIGTERM
	if err := <-served; err == nil {
		t.Error("shutdown past its timeout reported no error")
	}
	close(release) // the request finishes its write after the file was written
	err := <-stuck
	data, rerr := os.ReadFile(file)
	if rerr != nil {
		t.Fatal(rerr)
	}
	if err == nil && !strings.Contains(string(data), `"/stuck"`) {
		t.Errorf("a write was acknowledged after shutdown but the state file lacks it:\n%s", data)
	}
}

// In a -policy file, "*" is the policy of every principal not listed.
func TestPolicyFlagAnyPrincipal(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "policy.json")
	doc := `{"*": {"Statement": [{"Effect": "Allow", "Action": "ssm:DescribeParameters", "Resource": "*"}]}}`
	if err := os.WriteFile(file, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	url, stop := runUntilStopped(t, "-policy", file)
	defer stop()
	ctx := context.Background()
	if _, err := ssmClient(url).DescribeParameters(ctx, &ssm.DescribeParametersInput{}); err != nil {
		t.Errorf("allowed: %v", err)
	}
	_, err := ssmClient(url).GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/x")})
	if err == nil || !strings.Contains(err.Error(), "AccessDeniedException: User: arn:aws:iam::123456789012:user/123456789012 is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:123456789012:parameter/x because no identity-based policy allows the ssm:GetParameter action") {
		t.Errorf("a principal not listed, refused by \"*\": %v", err)
	}
}
