package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// awsCLI is the AWS CLI v2 the tests run (Debian's awscli: 2.9 on
// bookworm, which predates AWS_ENDPOINT_URL).
const awsCLI = "/usr/bin/aws"

// documentedURL is the endpoint the README and the banner's defaults name.
const documentedURL = "http://127.0.0.1:4566"

func needCLI(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(awsCLI); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set and the AWS CLI is missing: %v", err)
		}
		t.Skipf("no AWS CLI at %s (install Debian's awscli)", awsCLI)
	}
}

// cliVersion returns the CLI's major and minor version.
func cliVersion(t *testing.T) (major, minor int) {
	t.Helper()
	out, err := exec.Command(awsCLI, "--version").CombinedOutput()
	if err != nil {
		t.Fatalf("aws --version: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`aws-cli/(\d+)\.(\d+)`).FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("aws --version printed %q", out)
	}
	major, _ = strconv.Atoi(m[1])
	minor, _ = strconv.Atoi(m[2])
	return major, minor
}

// readmeBlock returns the lines of the README's shell block that follows
// marker.
func readmeBlock(t *testing.T, marker string) []string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), marker)
	if !ok {
		t.Fatalf("README.md has no %q", marker)
	}
	_, rest, ok = strings.Cut(rest, "```sh\n")
	if !ok {
		t.Fatalf("no ```sh block after %q", marker)
	}
	block, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatalf("the block after %q does not end", marker)
	}
	return strings.Split(strings.TrimSpace(block), "\n")
}

// shellWords splits a command line as sh does for the README's commands:
// words separated by spaces, single quotes kept together.
func shellWords(line string) []string {
	var words []string
	var w strings.Builder
	inWord, quoted := false, false
	for _, r := range line {
		switch {
		case r == '\'':
			quoted, inWord = !quoted, true
		case r == ' ' && !quoted:
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words
}

// cliRun runs the AWS CLI with args and the given environment (on top of a
// clean one) and returns its stdout.
func cliRun(t *testing.T, env map[string]string, args ...string) []byte {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command(awsCLI, args...)
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + dir,
		"AWS_CONFIG_FILE=" + filepath.Join(dir, "config"),
		"AWS_SHARED_CREDENTIALS_FILE=" + filepath.Join(dir, "credentials"),
		"AWS_PAGER=",
		"AWS_MAX_ATTEMPTS=1",
		"AWS_EC2_METADATA_DISABLED=true",
	}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("aws %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.Bytes()
}

// checkAnswer checks what the README's commands are there to show.
func checkAnswer(t *testing.T, args []string, out []byte) {
	t.Helper()
	var got map[string]any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("aws %s printed %q: %v", strings.Join(args, " "), out, err)
	}
	cmd := strings.Join(args, " ")
	switch {
	case strings.Contains(cmd, "sts get-caller-identity"):
		if got["Account"] != "123456789012" || got["Arn"] != "arn:aws:iam::123456789012:user/123456789012" {
			t.Errorf("%s: %s, want account 123456789012", cmd, out)
		}
	case strings.Contains(cmd, "ssm get-parameter"):
		p, _ := got["Parameter"].(map[string]any)
		if p["Value"] == nil || p["Value"] == "" {
			t.Errorf("%s: %s, want a value", cmd, out)
		}
	}
}

// TestREADMECLICommands runs the README's block of CLI commands with
// /usr/bin/aws against the server: the --endpoint-url commands with any
// CLI version, the AWS_ENDPOINT_URL ones with CLI 2.13 and later. With an
// older CLI (Debian bookworm's 2.9) the variable's commands run with
// --endpoint-url added, and TestREADMEEndpointVariable checks that an SDK
// honours the variable.
func TestREADMECLICommands(t *testing.T) {
	t.Parallel()
	needCLI(t)
	major, minor := cliVersion(t)
	readsVariable := major > 2 || (major == 2 && minor >= 13)
	url, _ := start(t, "-quiet", "-region", "eu-central-1")
	env := map[string]string{}
	ran := 0
	for _, line := range readmeBlock(t, "<!-- cli-commands:") {
		line = strings.TrimSpace(strings.ReplaceAll(line, documentedURL, url))
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "export "):
			for _, kv := range shellWords(strings.TrimPrefix(line, "export ")) {
				k, v, _ := strings.Cut(kv, "=")
				env[k] = v
			}
		case strings.HasPrefix(line, "aws "):
			args := shellWords(line)[1:]
			if !strings.Contains(line, "--endpoint-url") {
				if env["AWS_ENDPOINT_URL"] != url {
					t.Fatalf("README: %q relies on AWS_ENDPOINT_URL, which the block does not export before it", line)
				}
				if !readsVariable {
					t.Logf("AWS CLI %d.%d does not read AWS_ENDPOINT_URL (2.13 does): running %q with --endpoint-url", major, minor, line)
					args = append([]string{"--endpoint-url", url}, args...)
				}
			}
			checkAnswer(t, args, cliRun(t, env, args...))
			ran++
		default:
			t.Fatalf("README: a line the test does not know how to run: %q", line)
		}
	}
	if ran < 4 {
		t.Errorf("ran %d commands of the README's block, want at least 4", ran)
	}
}

// TestREADMEEndpointVariable: "AWS_ENDPOINT_URL is read by current SDKs":
// the Go SDK's default configuration sends STS, Parameter Store and
// Secrets Manager calls to the server it names.
func TestREADMEEndpointVariable(t *testing.T) {
	url, _ := start(t, "-quiet")
	t.Setenv("AWS_ENDPOINT_URL", url)
	t.Setenv("AWS_ACCESS_KEY_ID", "123456789012")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "fake")
	t.Setenv("AWS_REGION", "eu-central-1")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_PROFILE", "")
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out, err := sts.NewFromConfig(cfg).GetCallerIdentity(context.Background(), nil)
	if err != nil {
		t.Fatalf("GetCallerIdentity with AWS_ENDPOINT_URL set: %v", err)
	}
	if aws.ToString(out.Account) != "123456789012" {
		t.Errorf("Account = %q, want 123456789012", aws.ToString(out.Account))
	}
	if _, err := ssm.NewFromConfig(cfg).DescribeParameters(context.Background(), nil); err != nil {
		t.Errorf("DescribeParameters with AWS_ENDPOINT_URL set: %v", err)
	}
}

// TestBannerCommands runs the commands the server prints with
// /usr/bin/aws: they must work with any CLI version, so each names the
// endpoint with --endpoint-url; the banner names both ways.
func TestBannerCommands(t *testing.T) {
	t.Parallel()
	needCLI(t)
	url, _ := start(t, "-quiet")
	var b bytes.Buffer
	printBanner(&b, url, "us-east-1", "123456789012")
	banner := b.String()
	for _, want := range []string{"export AWS_ENDPOINT_URL=" + url + " ", "2.13", "--endpoint-url"} {
		if !strings.Contains(banner, want) {
			t.Errorf("the banner lacks %q:\n%s", want, banner)
		}
	}
	env := map[string]string{"AWS_ACCESS_KEY_ID": "123456789012", "AWS_SECRET_ACCESS_KEY": "fake", "AWS_REGION": "us-east-1"}
	ran := 0
	for line := range strings.SplitSeq(banner, "\n") {
		if !strings.HasPrefix(line, "aws ") {
			continue
		}
		if !strings.Contains(line, "--endpoint-url "+url) {
			t.Errorf("banner command %q does not name the endpoint with --endpoint-url", line)
			continue
		}
		args := shellWords(line)[1:]
		checkAnswer(t, args, cliRun(t, env, args...))
		ran++
	}
	if ran < 2 {
		t.Errorf("the banner printed %d aws commands, want at least 2:\n%s", ran, banner)
	}
}
