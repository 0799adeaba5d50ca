package conformance

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

// AWSCLI is where Debian's awscli package installs the AWS CLI v2.
//
// Deprecated: the CLI target no longer runs this path as such; it finds an
// AWS CLI v2 with FindAWSCLI, which looks here too. The constant stays for
// code that names it.
const AWSCLI = "/usr/bin/aws"

// AWSCLIEnv names the environment variable that tells the CLI target which
// AWS CLI to run: FAKEAWS_AWS_CLI=/path/to/aws. It must be version 2.
const AWSCLIEnv = "FAKEAWS_AWS_CLI"

// wellKnownAWSCLIs are where the AWS CLI v2 is installed when it is not on
// PATH: AWS's own installer (/usr/local/bin/aws on Linux and macOS), Homebrew
// on Apple silicon and on Intel, and Debian's awscli package.
var wellKnownAWSCLIs = []string{"/usr/local/bin/aws", "/opt/homebrew/bin/aws", "/usr/local/homebrew/bin/aws", AWSCLI}

// FindAWSCLI returns the path of an AWS CLI v2 and what its --version
// printed ("aws-cli/2.9.19 Python/3.11.2 ..."). It takes the one that
// FAKEAWS_AWS_CLI names when that is set (and fails when it is not version
// 2); otherwise it tries every "aws" on PATH in order, then the well-known
// places (/usr/local/bin/aws, /opt/homebrew/bin/aws, /usr/bin/aws), and
// takes the first whose --version starts with "aws-cli/2.", so a version 1
// earlier on PATH (a pip install, a pyenv shim) is passed over. The error
// lists every candidate tried and why it was not taken.
func FindAWSCLI() (path, version string, err error) {
	return findAWSCLI(os.Getenv(AWSCLIEnv), os.Getenv("PATH"), wellKnownAWSCLIs, awsCLIVersion)
}

// foundCLI is an AWS CLI that FindAWSCLI found.
type foundCLI struct{ path, version string }

// foundAWSCLI is FindAWSCLI's answer, found once per test binary: a
// version 1 passed over on the way can take seconds to answer --version.
var foundAWSCLI = sync.OnceValues(func() (foundCLI, error) {
	path, version, err := FindAWSCLI()
	return foundCLI{path, version}, err
})

// awsCLIVersion runs "<path> --version" and returns what it printed (the
// CLI v2 prints to stdout, some v1 releases to stderr).
func awsCLIVersion(path string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, path, "--version")
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return strings.TrimSpace(out.String()), err
}

// findAWSCLI is FindAWSCLI with its inputs given: the variable's value,
// PATH's, the well-known places and how to read a candidate's version.
func findAWSCLI(fromEnv, pathList string, wellKnown []string, version func(string) (string, error)) (string, string, error) {
	check := func(p string) (string, error) {
		v, err := version(p)
		if err != nil {
			return "", fmt.Errorf("%s --version: %v (%q)", p, err, v)
		}
		if !strings.HasPrefix(v, "aws-cli/2.") {
			return "", fmt.Errorf("%s is not the AWS CLI v2: --version printed %q", p, v)
		}
		return v, nil
	}
	if fromEnv != "" {
		v, err := check(fromEnv)
		if err != nil {
			return "", "", fmt.Errorf("%s=%s: %v", AWSCLIEnv, fromEnv, err)
		}
		return fromEnv, v, nil
	}
	exe := "aws"
	if runtime.GOOS == "windows" {
		exe = "aws.exe"
	}
	var candidates []string
	for _, dir := range filepath.SplitList(pathList) {
		if dir == "" {
			dir = "."
		}
		candidates = append(candidates, filepath.Join(dir, exe))
	}
	candidates = append(candidates, wellKnown...)
	var why []error
	tried := map[string]bool{}
	for _, p := range candidates {
		fi, err := os.Stat(p)
		if err != nil || fi.IsDir() || fi.Mode()&0o111 == 0 {
			continue // not there, or not a program
		}
		real, err := filepath.EvalSymlinks(p)
		if err != nil {
			real = p
		}
		if tried[real] {
			continue
		}
		tried[real] = true
		v, err := check(p)
		if err != nil {
			why = append(why, err)
			continue
		}
		return p, v, nil
	}
	if len(why) == 0 {
		return "", "", fmt.Errorf("no AWS CLI on PATH or in %s; install the AWS CLI v2 or set %s", strings.Join(wellKnown, ", "), AWSCLIEnv)
	}
	return "", "", fmt.Errorf("no AWS CLI v2 found (set %s to one): %w", AWSCLIEnv, errors.Join(why...))
}
