package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
)

// adminRequest is a POST to base+path with body; header sets headers
// ("Host" sets the Host).
func adminRequest(t *testing.T, base, path, body string, header map[string]string) *http.Request {
	t.Helper()
	r, err := http.NewRequest(http.MethodPost, base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body == "" {
		r.Body, r.ContentLength = http.NoBody, 0
	}
	for k, v := range header {
		if k == "Host" {
			r.Host = v
			continue
		}
		r.Header.Set(k, v)
	}
	return r
}

func do(t *testing.T, r *http.Request) (int, string) {
	t.Helper()
	res, err := http.DefaultClient.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// putOne stores /admin/probe, so that a reset is seen.
func putOne(t *testing.T, c *ssm.Client) {
	t.Helper()
	if _, err := c.PutParameter(context.Background(), &ssm.PutParameterInput{Name: aws.String("/admin/probe"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString, Overwrite: aws.Bool(true)}); err != nil {
		t.Fatal(err)
	}
}

func stillThere(t *testing.T, c *ssm.Client) bool {
	t.Helper()
	_, err := c.GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String("/admin/probe")})
	return err == nil
}

// What a web page can make a browser send to the admin routes is refused
// in every mode, and does nothing: a cross-site POST (Origin, text/plain or
// form body) and a DNS-rebound one (a foreign Host). A plain POST with no
// body, as moto's clients reset, and a JSON one still work.
func TestAdminRoutesRefuseWhatABrowserSends(t *testing.T) {
	t.Parallel()
	base, _ := start(t, "-quiet", "-start", "2024-01-01T00:00:00Z")
	c := ssmClient(base)
	u, _ := url.Parse(base)
	port := u.Port()
	refused := []struct {
		name   string
		body   string
		header map[string]string
	}{
		{"foreign Origin", "", map[string]string{"Origin": "https://evil.example"}},
		{"null Origin", "", map[string]string{"Origin": "null"}},
		{"text/plain body", `{"time":"2030-01-01T00:00:00Z"}`, map[string]string{"Content-Type": "text/plain"}},
		{"form body", "a=b", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}},
		{"multipart body", "--x--", map[string]string{"Content-Type": "multipart/form-data; boundary=x"}},
		{"DNS-rebound Host", "", map[string]string{"Host": "evil.example:" + port}},
		{"foreign Host without port", "", map[string]string{"Host": "attacker.test"}},
	}
	for _, path := range []string{"/moto-api/reset", "/_fakeaws/clock"} {
		for _, tc := range refused {
			putOne(t, c)
			status, body := do(t, adminRequest(t, base, path, tc.body, tc.header))
			if status != http.StatusForbidden && status != http.StatusUnsupportedMediaType {
				t.Errorf("%s %s: status %d %s, want 403 or 415", path, tc.name, status, body)
			}
			if !stillThere(t, c) {
				t.Errorf("%s %s: the state was reset", path, tc.name)
			}
		}
	}
	// Allowed: a plain POST with no body to reset, by address and by
	// localhost; a JSON body to the clock.
	for _, host := range []string{"", "localhost:" + port} {
		putOne(t, c)
		h := map[string]string{}
		if host != "" {
			h["Host"] = host
		}
		if status, body := do(t, adminRequest(t, base, "/moto-api/reset", "", h)); status != http.StatusOK {
			t.Errorf("plain POST /moto-api/reset (Host %q): %d %s", host, status, body)
		}
		if stillThere(t, c) {
			t.Errorf("plain POST /moto-api/reset (Host %q) did not reset", host)
		}
	}
	if status, body := do(t, adminRequest(t, base, "/_fakeaws/clock", `{"time":"2030-01-01T00:00:00Z"}`, map[string]string{"Content-Type": "application/json"})); status != http.StatusOK {
		t.Errorf("JSON POST /_fakeaws/clock: %d %s", status, body)
	}
}

// -allow-host adds a name the admin routes accept (a container's name).
func TestAdminRoutesAllowHostFlag(t *testing.T) {
	t.Parallel()
	base, _ := start(t, "-quiet", "-allow-host", "fakeaws")
	u, _ := url.Parse(base)
	if status, body := do(t, adminRequest(t, base, "/moto-api/reset", "", map[string]string{"Host": "fakeaws:" + u.Port()})); status != http.StatusOK {
		t.Errorf("Host fakeaws with -allow-host fakeaws: %d %s", status, body)
	}
	if status, _ := do(t, adminRequest(t, base, "/moto-api/reset", "", map[string]string{"Host": "other:" + u.Port()})); status != http.StatusForbidden {
		t.Errorf("Host other: %d, want 403", status)
	}
}

// With -verify-signatures the admin routes need a signed request, as the
// AWS operations do.
func TestAdminRoutesNeedASignatureWhenVerifying(t *testing.T) {
	t.Parallel()
	base, _ := start(t, "-quiet", "-start", "2024-01-01T00:00:00Z", "-verify-signatures", "AKIDADMIN=admin-secret")
	c := ssm.New(ssmClient(base).Options(), func(o *ssm.Options) {
		o.Credentials = credentials("AKIDADMIN", "admin-secret")
	})
	for _, path := range []string{"/moto-api/reset", "/_fakeaws/clock"} {
		putOne(t, c)
		body := ""
		h := map[string]string{}
		if path == "/_fakeaws/clock" {
			body, h["Content-Type"] = `{"time":"2030-01-01T00:00:00Z"}`, "application/json"
		}
		if status, got := do(t, adminRequest(t, base, path, body, h)); status != http.StatusForbidden || !strings.Contains(got, "MissingAuthenticationTokenException") {
			t.Errorf("unsigned %s: %d %s, want 403 MissingAuthenticationTokenException", path, status, got)
		}
		if !stillThere(t, c) {
			t.Errorf("unsigned %s reset the state", path)
		}
		// Signed with the wrong secret: refused.
		r := adminRequest(t, base, path, body, h)
		signAdmin(t, r, body, "AKIDADMIN", "wrong")
		if status, got := do(t, r); status != http.StatusBadRequest || !strings.Contains(got, "InvalidSignatureException") {
			t.Errorf("badly signed %s: %d %s, want 400 InvalidSignatureException", path, status, got)
		}
		r = adminRequest(t, base, path, body, h)
		signAdmin(t, r, body, "AKIDADMIN", "admin-secret")
		if status, got := do(t, r); status != http.StatusOK {
			t.Errorf("signed %s: %d %s, want 200", path, status, got)
		}
		if path == "/moto-api/reset" && stillThere(t, c) {
			t.Error("a signed reset did not reset")
		}
	}
}

func credentials(key, secret string) aws.CredentialsProvider {
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: key, SecretAccessKey: secret}, nil
	})
}

func signAdmin(t *testing.T, r *http.Request, body, key, secret string) {
	t.Helper()
	sum := sha256.Sum256([]byte(body))
	creds := aws.Credentials{AccessKeyID: key, SecretAccessKey: secret}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, r, hex.EncodeToString(sum[:]), "fakeaws", "us-east-1", clock.Real().Now().Add(-time.Second)); err != nil {
		t.Fatal(err)
	}
}

// -max-conns reaches the server: with -max-conns 2, of five connections
// that send nothing at least three are closed.
func TestMaxConnsFlag(t *testing.T) {
	t.Parallel()
	base, _ := start(t, "-quiet", "-max-conns", "2")
	addr := strings.TrimPrefix(base, "http://")
	closed := 0
	var conns []net.Conn
	for range 5 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns = append(conns, c)
	}
	for _, c := range conns {
		_ = c.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
		_, err := c.Read(make([]byte, 1))
		var ne net.Error
		if err != nil && !(errors.As(err, &ne) && ne.Timeout()) {
			closed++
		}
	}
	if closed < 3 {
		t.Errorf("%d of 5 silent connections closed with -max-conns 2, want at least 3", closed)
	}
}

// -state in a folder that does not exist (or cannot be written) stops the
// server at start, before it acknowledges writes it could not keep.
func TestStateInMissingFolderRefusesToStart(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "no-such-folder", "state.json")
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-quiet", "-state", file}, io.Discard, io.Discard)
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), file) {
			t.Fatalf("run = %v, want an error naming %s", err, file)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the server started with -state in a missing folder")
	}
}

// The temporary files a write killed before its rename left next to
// -state are removed at start, and no probe is left behind.
func TestStateLeftoverTempFilesRemoved(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "state.json")
	leftover := filepath.Join(dir, ".state.json.fakeaws-1234567")
	other := filepath.Join(dir, ".other.json.fakeaws-1234567") // another state file's: kept
	for _, f := range []string{leftover, other} {
		if err := os.WriteFile(f, []byte(`{"partitions": [`), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	_, stop := runUntilStopped(t, "-state", file)
	if _, err := os.Stat(leftover); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("leftover temporary file after start: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another state file's temporary file was removed: %v", err)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{".other.json.fakeaws-1234567", "state.json"}; !reflect.DeepEqual(names, want) {
		t.Errorf("folder after a run = %q, want %q", names, want)
	}
}
