package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
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
	if matches, _ := filepath.Glob(filepath.Join(filepath.Dir(file), ".fakeaws-state-*")); len(matches) != 0 {
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
