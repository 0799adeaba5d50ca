package endpoint_test

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/smithy-go"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

func post(t *testing.T, url, target, body string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest("POST", url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("X-Amz-Target", target)
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// A request header over MaxHeaderBytes gets HTTP 431.
func TestLimitHeaderSize(t *testing.T) {
	t.Parallel()
	srv := endpoint.NewServer(fakeaws.New(), endpoint.WithLimits(endpoint.Limits{MaxHeaderBytes: 4 << 10}))
	t.Cleanup(srv.Close)
	resp, _ := post(t, srv.URL, "AmazonSSM.DescribeParameters", "{}", map[string]string{"X-Padding": strings.Repeat("x", 16<<10)})
	if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("status %d, want 431", resp.StatusCode)
	}
	if resp, _ := post(t, srv.URL, "AmazonSSM.DescribeParameters", "{}", nil); resp.StatusCode != http.StatusOK {
		t.Errorf("a small header: status %d, want 200", resp.StatusCode)
	}
}

// holdTheOnlySlot serves a fresh Store with MaxConcurrentRequests 1 and
// returns once a DescribeParameters holds that slot; closing release lets it
// finish, and its result arrives on done.
func holdTheOnlySlot(t *testing.T) (srv *endpoint.Server, release chan struct{}, done <-chan error) {
	t.Helper()
	st := fakeaws.New()
	entered, release := make(chan struct{}), make(chan struct{})
	st.React(ssmfake.OpDescribeParameters, func(ctx context.Context, in any) (any, bool, error) {
		close(entered)
		<-release
		return nil, false, nil
	})
	srv = endpoint.NewServer(st, endpoint.WithLimits(endpoint.Limits{MaxConcurrentRequests: 1}))
	t.Cleanup(srv.Close)
	result := make(chan error, 1)
	go func() {
		_, err := ssm.NewFromConfig(srv.Config()).DescribeParameters(context.Background(), &ssm.DescribeParametersInput{})
		result <- err
	}()
	<-entered
	return srv, release, result
}

// Requests beyond MaxConcurrentRequests get AWS's throttling answer at once;
// the request holding the slot completes.
func TestLimitConcurrentRequests(t *testing.T) {
	t.Parallel()
	srv, release, first := holdTheOnlySlot(t)
	resp, body := post(t, srv.URL, "AmazonSSM.GetParameter", `{"Name":"p"}`, nil)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, `"ThrottlingException"`) || !strings.Contains(body, "Rate exceeded") {
		t.Errorf("over the limit: %d %s, want 400 ThrottlingException: Rate exceeded", resp.StatusCode, body)
	}
	close(release)
	if err := <-first; err != nil {
		t.Errorf("the request holding the slot: %v", err)
	}
	_, err := ssm.NewFromConfig(srv.Config()).GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String("p")})
	if err == nil || !strings.Contains(err.Error(), "ParameterNotFound") {
		t.Errorf("after the slot is free: %v, want ParameterNotFound", err)
	}
}

// A client that stops sending its body is cut off after ReadTimeout.
func TestLimitSlowClient(t *testing.T) {
	t.Parallel()
	srv := endpoint.NewServer(fakeaws.New(), endpoint.WithLimits(endpoint.Limits{ReadHeaderTimeout: time.Second, ReadTimeout: 300 * time.Millisecond}))
	t.Cleanup(srv.Close)
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, err = io.WriteString(conn, "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AmazonSSM.GetParameter\r\nContent-Length: 100\r\n\r\n{\"Na")
	if err != nil {
		t.Fatal(err)
	}
	_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	start := time.Now()
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err == nil {
		resp.Body.Close()
		if resp.StatusCode < 400 {
			t.Fatalf("a truncated body got status %d", resp.StatusCode)
		}
	} else if ne, ok := err.(net.Error); ok && ne.Timeout() {
		t.Fatalf("the server kept the connection open for %v", time.Since(start))
	}
}

// The answer beyond MaxConcurrentRequests is one the SDK's retryer treats
// as throttling (aws/retry's DefaultThrottles), so a real client backs off
// and retries instead of failing.
func TestLimitAnswerIsAThrottleForTheSDK(t *testing.T) {
	t.Parallel()
	srv, release, held := holdTheOnlySlot(t)
	_, err := ssm.NewFromConfig(srv.Config(), func(o *ssm.Options) { o.RetryMaxAttempts = 1 }).GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String("p")})
	close(release)
	var api smithy.APIError
	if !errors.As(err, &api) || api.ErrorCode() != "ThrottlingException" || api.ErrorMessage() != "Rate exceeded" {
		t.Errorf("over the limit: %v, want ThrottlingException: Rate exceeded", err)
	}
	if got := retry.IsErrorThrottles(retry.DefaultThrottles).IsErrorThrottle(err); got != aws.TrueTernary {
		t.Errorf("the SDK's retryer sees throttling: %v, want true", got)
	}
	if err := <-held; err != nil {
		t.Errorf("the request holding the slot: %v", err)
	}
}

// DefaultLimits hands out a fresh value: changing one changes no server's.
func TestDefaultLimitsIsAValue(t *testing.T) {
	t.Parallel()
	l := endpoint.DefaultLimits()
	if l.MaxConnections != 1024 || l.MaxConcurrentRequests != 256 || l.MaxHeaderBytes != 64<<10 || l.ReadHeaderTimeout != 10*time.Second ||
		l.ReadTimeout != 30*time.Second || l.WriteTimeout != time.Minute || l.IdleTimeout != 2*time.Minute {
		t.Errorf("DefaultLimits() = %+v; README's table says 1024 connections, 256 requests, 64 KiB header, 10 s/30 s read, 60 s write, 2 min idle", l)
	}
	l.MaxConcurrentRequests = 1
	if n := endpoint.DefaultLimits().MaxConcurrentRequests; n != 256 {
		t.Errorf("after changing a copy, DefaultLimits().MaxConcurrentRequests = %d, want 256", n)
	}
}
