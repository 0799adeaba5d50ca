package conformance

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// fakeCLI writes an "aws" program into a new directory that prints version
// to stdout and returns the directory.
func fakeCLI(t *testing.T, version string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the stand-in CLIs are shell scripts")
	}
	dir := t.TempDir()
	script := "#!/bin/sh\necho '" + version + "'\n"
	if err := os.WriteFile(filepath.Join(dir, "aws"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

const (
	cliV1 = "aws-cli/1.45.11 Python/3.11.7 Linux/6.18.44 botocore/1.43.11"
	cliV2 = "aws-cli/2.9.19 Python/3.11.2 Linux/6.18.44 source/x86_64.debian.12 prompt/off"
)

// A version 1 first on PATH (a pyenv shim, a pip install) is passed over
// for the version 2 after it.
func TestFindAWSCLISkipsVersion1OnPath(t *testing.T) {
	t.Parallel()
	v1, v2 := fakeCLI(t, cliV1), fakeCLI(t, cliV2)
	path, version, err := findAWSCLI("", v1+string(os.PathListSeparator)+v2, nil, awsCLIVersion)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(v2, "aws"); path != want || version != cliV2 {
		t.Errorf("found %s (%q), want %s (%q)", path, version, want, cliV2)
	}
}

// With only a version 1 on PATH, the well-known places are tried next.
func TestFindAWSCLIFallsBackToWellKnownPlaces(t *testing.T) {
	t.Parallel()
	v1, v2 := fakeCLI(t, cliV1), fakeCLI(t, cliV2)
	want := filepath.Join(v2, "aws")
	path, _, err := findAWSCLI("", v1, []string{filepath.Join(t.TempDir(), "missing", "aws"), want}, awsCLIVersion)
	if err != nil || path != want {
		t.Errorf("found %q, %v; want %s", path, err, want)
	}
}

// FAKEAWS_AWS_CLI wins over PATH, and must name a version 2.
func TestFindAWSCLIFromTheEnvironment(t *testing.T) {
	t.Parallel()
	v1, v2, other := fakeCLI(t, cliV1), fakeCLI(t, cliV2), fakeCLI(t, cliV2)
	want := filepath.Join(v2, "aws")
	if path, _, err := findAWSCLI(want, other, nil, awsCLIVersion); err != nil || path != want {
		t.Errorf("%s=%s: found %q, %v; want it", AWSCLIEnv, want, path, err)
	}
	_, _, err := findAWSCLI(filepath.Join(v1, "aws"), other, nil, awsCLIVersion)
	if err == nil || !strings.Contains(err.Error(), AWSCLIEnv) || !strings.Contains(err.Error(), "aws-cli/1.45.11") {
		t.Errorf("%s naming a version 1: got %v, want an error naming the variable and the version", AWSCLIEnv, err)
	}
}

// With no version 2 anywhere, the error names every candidate tried.
func TestFindAWSCLIExplainsWhatItTried(t *testing.T) {
	t.Parallel()
	a, b := fakeCLI(t, cliV1), fakeCLI(t, "aws-cli/1.18.69")
	_, _, err := findAWSCLI("", a+string(os.PathListSeparator)+b, nil, awsCLIVersion)
	if err == nil {
		t.Fatal("found a CLI v2 where there is none")
	}
	for _, want := range []string{filepath.Join(a, "aws"), filepath.Join(b, "aws"), AWSCLIEnv} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
	_, _, err = findAWSCLI("", t.TempDir(), nil, awsCLIVersion)
	if err == nil || !strings.Contains(err.Error(), "no AWS CLI") {
		t.Errorf("no aws anywhere: got %v", err)
	}
}

// On this machine (and in CI, which sets CI) the real search finds a
// version 2.
func TestFindAWSCLIHere(t *testing.T) {
	t.Parallel()
	found, err := foundAWSCLI()
	path, version := found.path, found.version
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set: %v", err)
		}
		t.Skip(err)
	}
	if !strings.HasPrefix(version, "aws-cli/2.") {
		t.Errorf("%s --version = %q, want aws-cli/2.*", path, version)
	}
	t.Logf("%s: %s", path, version)
}
