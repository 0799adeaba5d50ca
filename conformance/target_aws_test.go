package conformance_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/conformance"
	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
)

// TestConformanceAWS replays the scenarios against real AWS; it runs only
// with FAKEAWS_CONFORMANCE_AWS=1 (see conformance.AWS).
func TestConformanceAWS(t *testing.T) {
	t.Parallel()
	conformance.Run(t, conformance.AWS)
}

// standIn are the configuration options of a test that stands a server in
// for AWS: static credentials of the access key (twelve digits: the
// account), and no shared files, so the developer's profile plays no part.
func standIn(t *testing.T, key string) []func(*config.LoadOptions) error {
	t.Helper()
	files := []string{filepath.Join(t.TempDir(), "config")}
	if err := os.WriteFile(files[0], []byte("[default]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return []func(*config.LoadOptions) error{
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(key, "secret", "")),
		config.WithSharedConfigFiles(files),
		config.WithSharedCredentialsFiles(files),
		config.WithSharedConfigProfile("default"),
	}
}

// TestAWSTargetAgainstServer runs the real-AWS target against a loopback
// server standing in for AWS: another account than the scenarios' (learned
// through sts:GetCallerIdentity), a real clock, random ARN suffixes, and
// the three scenarios at once in that one account, each under its own
// prefix. Every scenario must pass, the recordings must be written, and
// nothing may be left behind.
func TestAWSTargetAgainstServer(t *testing.T) {
	t.Parallel()
	st := fakeaws.New(fakeaws.WithAccount("999988887777"))
	srv := endpoint.NewServer(st)
	t.Cleanup(srv.Close)
	record := t.TempDir()
	f := conformance.NewAWS(conformance.AWSOptions{
		Endpoint:    srv.URL,
		Record:      record,
		LoadOptions: standIn(t, "999988887777"),
	})
	t.Run("scenarios", func(t *testing.T) { conformance.Run(t, f) })

	// The first answer of the reference scenario, recorded with the
	// scenario's account, name and ARN suffix.
	got, err := os.ReadFile(filepath.Join(record, "reference", "01-secretsmanager-create-secret.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"ARN":"arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ","Name":"prod/App/Mysql","VersionId":"98a55589-b075-47fb-bae9-df4f289527b9"}`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("recorded create-secret (-want +got):\n%s", diff)
	}
	for _, sc := range conformance.Scenarios() {
		files, _ := os.ReadDir(filepath.Join(record, sc.Name))
		if len(files) == 0 {
			t.Errorf("no answers recorded for scenario %s", sc.Name)
		}
	}

	// Cleanup deleted every parameter and secret the scenarios made.
	var dump bytes.Buffer
	if err := st.Dump(&dump); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(dump.String(), "fakeaws-") {
		t.Errorf("left behind after cleanup:\n%s", dump.String())
	}
}

// TestAWSTargetPrefix: the target moves names under its prefix on the way
// in (the account sees only prefixed names) and out (the caller sees the
// scenario's).
func TestAWSTargetPrefix(t *testing.T) {
	t.Parallel()
	st := fakeaws.New()
	srv := endpoint.NewServer(st)
	t.Cleanup(srv.Close)
	target := conformance.NewAWS(conformance.AWSOptions{Endpoint: srv.URL, LoadOptions: standIn(t, "123456789012")})(
		t, conformance.Env{Region: "us-east-1", Account: "123456789012"})
	out, err := target.Call(context.Background(), conformance.SecretsManager, "CreateSecret",
		&secretsmanager.CreateSecretInput{Name: aws.String("app/db"), SecretString: aws.String("pw")})
	if err != nil {
		t.Fatal(err)
	}
	if got := aws.ToString(out.(*secretsmanager.CreateSecretOutput).Name); got != "app/db" {
		t.Errorf("Name = %q, want the scenario's app/db", got)
	}
	list, err := secretsmanager.NewFromConfig(srv.Config()).ListSecrets(context.Background(), &secretsmanager.ListSecretsInput{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list.SecretList) != 1 || !strings.HasPrefix(aws.ToString(list.SecretList[0].Name), "fakeaws-") ||
		!strings.HasSuffix(aws.ToString(list.SecretList[0].Name), "/app/db") {
		t.Errorf("the account holds %+v, want one secret fakeaws-…/app/db", list.SecretList)
	}
}
