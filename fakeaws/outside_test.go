package fakeaws_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportFromAnotherModule builds a program of another module that
// imports every public package by its path (fakeaws, clock, ssmfake,
// smfake, endpoint, fixture) and runs it against a Store: the import paths
// the README gives are the ones that work. It uses the module cache only
// (GOFLAGS=-mod=mod, GOPROXY=off).
func TestImportFromAnotherModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds another module")
	}
	t.Parallel()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	goMod := "module example.com/outside\n\ngo 1.26\n\nrequire github.com/fakeaws/fakeaws-go v0.0.0\n\nreplace github.com/fakeaws/fakeaws-go => " + root + "\n"
	const main = `package main

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
	"github.com/fakeaws/fakeaws-go/fakeaws/fixture"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

func main() {
	ctx := context.Background()
	st := fakeaws.New(fakeaws.WithClock(clock.Real()))
	if _, err := smfake.New(st).CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("db"), SecretString: aws.String("pw")}); err != nil {
		panic(err)
	}
	if _, err := ssmfake.New(st).PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/a"), Value: aws.String("v"), Type: "String"}); err != nil {
		panic(err)
	}
	out, err := ssm.NewFromConfig(endpoint.Config(st)).GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/a")})
	if err != nil {
		panic(err)
	}
	var state fixture.State
	fmt.Println(*out.Parameter.Value, len(state.Partitions))
}
`
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"go.mod": goMod, "main.go": main, "go.sum": string(sum)} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "run", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	got, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go run in another module: %v\n%s", err, got)
	}
	if want := "v 0\n"; !strings.HasSuffix(string(got), want) {
		t.Errorf("the program printed %q, want %q", got, want)
	}
}
