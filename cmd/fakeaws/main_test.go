package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"

	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

var endpointLine = regexp.MustCompile(`export AWS_ENDPOINT_URL=(\S+)`)

// readURL reads the printed lines until the endpoint URL.
func readURL(t *testing.T, r io.Reader) string {
	t.Helper()
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if m := endpointLine.FindStringSubmatch(sc.Text()); m != nil {
			go func() { _, _ = io.Copy(io.Discard, r) }()
			return m[1]
		}
	}
	t.Fatalf("no endpoint line printed (%v)", sc.Err())
	return ""
}

// syncBuffer is a bytes.Buffer safe for the server's log writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// start runs the server in process on a free port; it stops at cleanup.
func start(t *testing.T, args ...string) (url string, logs *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	logs = &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), pw, logs)
		pw.Close()
	}()
	url = readURL(t, pr)
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run returned %v after cancel, want nil", err)
		}
	})
	return url, logs
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func postJSON(t *testing.T, url, body string) (int, string) {
	t.Helper()
	res, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func ssmClient(url string) *ssm.Client {
	return ssm.New(ssm.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(url),
		Credentials: aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: "123456789012", SecretAccessKey: "x"}, nil
		}),
		RetryMaxAttempts: 1,
	})
}

func serves(op string) bool {
	_, ok := reflect.TypeFor[*ssmfake.Client]().MethodByName(op)
	return ok
}

func TestServer(t *testing.T) {
	t.Parallel()
	url, logs := start(t, "-start", "2024-01-02T03:04:05.678Z")

	t.Run("health answers ok", func(t *testing.T) {
		if status, body := get(t, url+"/health"); status != 200 || strings.TrimSpace(body) != "ok" {
			t.Errorf("GET /health = %d %q, want 200 ok", status, body)
		}
	})
	t.Run("a request gets an AWS-shaped answer and a log line", func(t *testing.T) {
		_, err := ssmClient(url).GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String("/none")})
		var api smithy.APIError
		if !errors.As(err, &api) {
			t.Fatalf("GetParameter of a missing parameter: got %v, want an API error", err)
		}
		if serves("GetParameter") && api.ErrorCode() != "ParameterNotFound" {
			t.Errorf("code %q, want ParameterNotFound", api.ErrorCode())
		}
		if !strings.Contains(logs.String(), "POST AmazonSSM.GetParameter ") {
			t.Errorf("no log line for the request in:\n%s", logs)
		}
	})
	t.Run("the clock endpoint sets the fake clock", func(t *testing.T) {
		if status, body := postJSON(t, url+"/_fakeaws/clock", `{"time":"2025-05-06T07:08:09.123Z"}`); status != 200 {
			t.Errorf("POST /_fakeaws/clock = %d %s", status, body)
		}
		if status, _ := postJSON(t, url+"/_fakeaws/clock", `{"time":"yesterday"}`); status != 400 {
			t.Errorf("bad time: status %d, want 400", status)
		}
		if !serves("PutParameter") || !serves("GetParameter") {
			t.Skip("ssmfake serves no PutParameter/GetParameter yet")
		}
		c := ssmClient(url)
		if _, err := c.PutParameter(context.Background(), &ssm.PutParameterInput{Name: aws.String("/clock"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString}); err != nil {
			t.Fatal(err)
		}
		out, err := c.GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String("/clock")})
		if err != nil {
			t.Fatal(err)
		}
		if want := time.Date(2025, 5, 6, 7, 8, 9, 123e6, time.UTC); !out.Parameter.LastModifiedDate.Equal(want) {
			t.Errorf("LastModifiedDate = %v, want %v", out.Parameter.LastModifiedDate, want)
		}
	})
	t.Run("reset empties the state", func(t *testing.T) {
		if !serves("PutParameter") || !serves("GetParameter") {
			if status, _ := postJSON(t, url+"/moto-api/reset", ""); status != 200 {
				t.Errorf("reset: status %d", status)
			}
			t.Skip("ssmfake serves no PutParameter/GetParameter yet")
		}
		c := ssmClient(url)
		if _, err := c.PutParameter(context.Background(), &ssm.PutParameterInput{Name: aws.String("/reset"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString}); err != nil {
			t.Fatal(err)
		}
		if status, body := postJSON(t, url+"/moto-api/reset", ""); status != 200 {
			t.Fatalf("reset: %d %s", status, body)
		}
		_, err := c.GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String("/reset")})
		var nf *ssmtypes.ParameterNotFound
		if !errors.As(err, &nf) {
			t.Errorf("after reset: got %v, want ParameterNotFound", err)
		}
	})
}

func TestClockEndpointOnRealClock(t *testing.T) {
	t.Parallel()
	url, _ := start(t, "-quiet")
	if status, body := postJSON(t, url+"/_fakeaws/clock", `{"time":"2025-05-06T07:08:09Z"}`); status != 400 || !strings.Contains(body, "real clock") {
		t.Errorf("got %d %s, want 400 naming the real clock", status, body)
	}
}

func TestBadFlags(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"-start", "noon"}, {"-seed", "-1"}, {"extra"}} {
		if err := run(context.Background(), args, io.Discard, io.Discard); err == nil {
			t.Errorf("run(%q) = nil, want an error", args)
		}
	}
}

// TestSIGTERMShutsDownCleanly builds the binary, starts it, and stops it
// with SIGTERM: it must exit 0 after logging the shutdown.
func TestSIGTERMShutsDownCleanly(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "fakeaws")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	url := readURL(t, stdout)
	if status, _ := get(t, url+"/health"); status != 200 {
		t.Errorf("health: %d", status)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("exit after SIGTERM: %v (stderr: %s)", err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "shut down") {
		t.Errorf("stderr lacks the shutdown line: %s", stderr.String())
	}
	if _, err := os.Stat(bin); err != nil {
		t.Error(err)
	}
}
