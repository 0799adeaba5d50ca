package conformance

import (
	"context"
	"fmt"
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

// TestPythonOf reads the interpreter from a script's first line.
func TestPythonOf(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("no fork server on Windows")
	}
	dir := t.TempDir()
	for first, want := range map[string]string{
		"#!/usr/bin/python3\n":            "/usr/bin/python3",
		"#!/opt/py/bin/python3.11 \n":     "/opt/py/bin/python3.11",
		"#!/bin/sh\n":                     "",
		"#!/usr/bin/python3 -E\n":         "", // arguments: run it as it is
		"\x7fELF\x02\x01\x01":             "", // a bundled binary (AWS's installer)
		"#!/usr/bin/env no-such-python\n": "",
	} {
		p := filepath.Join(dir, "aws")
		if err := os.WriteFile(p, []byte(first+"import sys\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		if got := pythonOf(p); got != want {
			t.Errorf("pythonOf(%q...) = %q, want %q", first, got, want)
		}
	}
}

// TestForkServerRunsTheCLIAsExecDoes runs the same commands through the
// fork server and as processes of their own: the output, the error output
// and the exit status must be the same.
func TestForkServerRunsTheCLIAsExecDoes(t *testing.T) {
	t.Parallel()
	found, err := foundAWSCLI()
	if err != nil {
		t.Skip(err)
	}
	python := pythonOf(found.path)
	if python == "" {
		t.Skipf("%s is not a Python script", found.path)
	}
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "AWS_ACCESS_KEY_ID=x", "AWS_SECRET_ACCESS_KEY=y", "AWS_REGION=eu-west-1", "AWS_PAGER="}
	fs, err := startForkServer(t, python, found.path, env)
	if err != nil {
		t.Fatal(err)
	}
	ex := &execRunner{aws: found.path, env: env}
	for _, args := range [][]string{
		{"--version"},
		{"ssm", "no-such-command"}, // a usage error: exit 252, text on stderr
		{"ssm", "get-parameter", "--cli-input-json", "{"}, // the CLI's own validation
	} {
		fo, fe, ferr := fs.run(context.Background(), args)
		eo, ee, eerr := ex.run(context.Background(), args)
		if string(fo) != string(eo) || string(fe) != string(ee) || fmt.Sprint(ferr) != fmt.Sprint(eerr) {
			t.Errorf("aws %q:\nfork server: %q %q %v\nprocess:     %q %q %v", args, fo, fe, ferr, eo, ee, eerr)
		}
	}
}
