package conformance

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
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
	"unicode"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/smithy-go"

	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
)

// serverBinary builds cmd/fakeaws once per test binary, next to the test
// binary (go test removes that directory when the run ends).
var serverBinary = sync.OnceValues(func() (string, error) {
	exe, err := os.Executable()
	dir := filepath.Dir(exe)
	if err != nil || !writable(dir) {
		if dir, err = os.MkdirTemp("", "fakeaws-conformance-"); err != nil {
			return "", err
		}
	}
	bin := filepath.Join(dir, "fakeaws-server")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/fakeaws/fakeaws-go/cmd/fakeaws").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build ./cmd/fakeaws: %v\n%s", err, out)
	}
	return bin, nil
})

func writable(dir string) bool {
	f, err := os.CreateTemp(dir, ".probe-")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

// cliTarget is the AWS CLI against a cmd/fakeaws process.
type cliTarget struct {
	cli     cliRunner // runs the AWS CLI v2
	url     string
	region  string
	timeout time.Duration
	last    []byte // the JSON printed for the last call that succeeded
}

var endpointLine = regexp.MustCompile(`export AWS_ENDPOINT_URL=(\S+)`)

// CLI is the target of the AWS CLI v2 (found by FindAWSCLI) against the cmd/fakeaws
// binary, one process per target on a free port, with the CLI set to print
// timestamps as they came on the wire. Each call runs
//
//	aws <svc> <op-in-kebab-case> --cli-input-json '<input as wire JSON>' --no-paginate ...
//
// and reads stdout back into the SDK's output type, or stderr's "An error
// occurred (<Code>) when calling the <Op> operation: <message>" into a
// *smithy.GenericAPIError. Each command is a process of its own; when the
// CLI is a Python script (Debian's awscli, a pip install), the processes
// are forked from one that has imported the CLI's code, which saves most of
// the half second of CPU each start would take (FAKEAWS_AWS_CLI_NO_FORK
// set starts each from scratch). Without the CLI the target skips, or fails
// when the environment variable CI is set.
func CLI(tb testing.TB, env Env) Target {
	tb.Helper()
	// Build the server while the CLI is looked for: both take seconds.
	go func() { _, _ = serverBinary() }()
	aws, err := foundAWSCLI()
	if err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("CI is set and there is no AWS CLI v2: %v", err)
		}
		tb.Skipf("%v", err)
	}
	bin, err := serverBinary()
	if err != nil {
		tb.Fatal(err)
	}
	args := []string{"-addr", "127.0.0.1:0", "-quiet",
		"-region", env.Region, "-account", env.Account,
		"-start", env.Start.UTC().Format(time.RFC3339Nano)}
	if len(env.VersionIDs) > 0 {
		args = append(args, "-version-ids", strings.Join(env.VersionIDs, ","))
	}
	if len(env.ARNSuffixes) > 0 {
		args = append(args, "-arn-suffixes", strings.Join(env.ARNSuffixes, ","))
	}
	if flag, err := sourceResultDateFlag(env.SourceResultDate); err != nil {
		tb.Fatal(err)
	} else if flag != "" {
		args = append(args, "-source-result-date", flag)
	}
	cmd := exec.Command(bin, args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		if err := cmd.Wait(); err != nil {
			tb.Errorf("fakeaws server: %v\n%s", err, stderr.String())
		}
	})
	url := ""
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if m := endpointLine.FindStringSubmatch(sc.Text()); m != nil {
			url = m[1]
			break
		}
	}
	go func() { _, _ = io.Copy(io.Discard, stdout) }()
	if url == "" {
		tb.Fatalf("fakeaws server printed no endpoint: %v", sc.Err())
	}

	dir := tb.TempDir()
	config := filepath.Join(dir, "config")
	if err := os.WriteFile(config, []byte("[default]\ncli_timestamp_format = wire\n"), 0o600); err != nil {
		tb.Fatal(err)
	}
	return &cliTarget{
		url:    url,
		region: env.Region,
		cli: newCLIRunner(tb, aws.path, []string{
			"PATH=" + os.Getenv("PATH"),
			"HOME=" + dir,
			"AWS_CONFIG_FILE=" + config,
			"AWS_SHARED_CREDENTIALS_FILE=" + filepath.Join(dir, "credentials"),
			"AWS_ACCESS_KEY_ID=" + env.Account, // twelve digits: the account
			"AWS_SECRET_ACCESS_KEY=fake",
			"AWS_PAGER=",
			"AWS_MAX_ATTEMPTS=1",
			"AWS_EC2_METADATA_DISABLED=true",
		}),
		timeout: 2 * time.Minute,
	}
}

// cliError is how the AWS CLI reports an API error on stderr.
var cliError = regexp.MustCompile(`(?s)An error occurred \((.*?)\) when calling the (\w+) operation(?: \([^)]*\))?: (.*)`)

func (c *cliTarget) Call(ctx context.Context, svc Service, op string, in any) (any, error) {
	outType, err := outputType(svc, op)
	if err != nil {
		return nil, err
	}
	ser, ok := in.(smithy.Serializable)
	if !ok {
		return nil, fmt.Errorf("input %T is not an SDK input", in)
	}
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	stdout, stderr, runErr := c.cli.run(ctx, []string{string(svc), kebab(op),
		"--cli-input-json", string(endpoint.EncodeJSON(ser)),
		"--no-paginate", "--endpoint-url", c.url, "--region", c.region, "--output", "json"})
	if runErr != nil {
		if m := cliError.FindSubmatch(stderr); m != nil {
			return nil, &smithy.GenericAPIError{Code: string(m[1]), Message: strings.TrimRight(string(m[3]), "\n")}
		}
		return nil, fmt.Errorf("aws %s %s: %v\n%s", svc, kebab(op), runErr, stderr)
	}
	c.last = stdout
	out := reflect.New(outType).Interface()
	if err := endpoint.DecodeJSON(stdout, out); err != nil {
		return nil, fmt.Errorf("aws %s %s printed %q: %v", svc, kebab(op), stdout, err)
	}
	return out, nil
}

// outputType is the SDK's output struct of op.
func outputType(svc Service, op string) (reflect.Type, error) {
	var client reflect.Type
	switch svc {
	case SSM:
		client = reflect.TypeFor[*ssm.Client]()
	case SecretsManager:
		client = reflect.TypeFor[*secretsmanager.Client]()
	default:
		return nil, fmt.Errorf("unknown service %q", svc)
	}
	m, ok := client.MethodByName(op)
	if !ok || m.Type.NumOut() != 2 || m.Type.Out(0).Kind() != reflect.Pointer {
		return nil, fmt.Errorf("%v has no operation %s", client, op)
	}
	return m.Type.Out(0).Elem(), nil
}

// kebab turns an operation name into the CLI's command name, as botocore's
// xform_name does: "GetParametersByPath" → "get-parameters-by-path",
// "ListSecretVersionIds" → "list-secret-version-ids".
func kebab(op string) string {
	rs := []rune(op)
	var b strings.Builder
	for i, r := range rs {
		if unicode.IsUpper(r) && i > 0 {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
				b.WriteByte('-')
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func (c *cliTarget) SetTime(t time.Time) error {
	body := fmt.Sprintf(`{"time":%q}`, t.UTC().Format(time.RFC3339Nano))
	res, err := http.Post(c.url+"/_fakeaws/clock", "application/json", strings.NewReader(body))
	if err != nil {
		return err
	}
	defer res.Body.Close()
	msg, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		return errors.New("set clock: " + res.Status + ": " + string(msg))
	}
	return nil
}
