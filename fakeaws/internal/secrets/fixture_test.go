package secrets

import (
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws/fixture"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// TestExportImport: Import(Export()) holds the same state, and Import
// refuses a label on two versions.
func TestExportImport(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	env := core.Env{Now: t0, IDs: core.NewIDs(true, 1, nil, nil), Account: "123456789012", Region: "us-east-1"}
	s := New(env.Account, env.Region)
	mustOK := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	mustOK(s.CreateSecret(env, &secretsmanager.CreateSecretInput{Name: aws.String("b"), SecretString: aws.String("v1"), Description: aws.String("d"),
		Tags: []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}}))
	env.Now = t0.Add(time.Hour)
	mustOK(s.PutSecretValue(env, &secretsmanager.PutSecretValueInput{SecretId: aws.String("b"), SecretBinary: []byte{1, 2}, VersionStages: []string{"x"}}))
	mustOK(s.GetSecretValue(env, &secretsmanager.GetSecretValueInput{SecretId: aws.String("b")}))
	mustOK(s.CreateSecret(env, &secretsmanager.CreateSecretInput{Name: aws.String("a")}))
	mustOK(s.DeleteSecret(env, &secretsmanager.DeleteSecretInput{SecretId: aws.String("a")}))

	dump := s.Export()
	got, err := Import(env.Account, env.Region, env.IDs, dump)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(dump, got.Export()); diff != "" {
		t.Errorf("Export after Import (-want +got):\n%s", diff)
	}
	list := func(st *State) *secretsmanager.ListSecretsOutput {
		out, err := st.ListSecrets(env, &secretsmanager.ListSecretsInput{IncludePlannedDeletion: aws.Bool(true)})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	if diff := cmp.Diff(list(s).SecretList, list(got).SecretList, cmp.AllowUnexported(types.SecretListEntry{}, types.Tag{})); diff != "" {
		t.Errorf("ListSecrets after Import (-want +got):\n%s", diff)
	}

	bad := []fixture.Secret{{Name: "c", CreatedDate: t0, Versions: []fixture.SecretVersion{
		{VersionID: "v1", SecretString: aws.String("a"), Stages: []string{"AWSCURRENT"}, CreatedDate: t0},
		{VersionID: "v2", SecretString: aws.String("b"), Stages: []string{"AWSCURRENT"}, CreatedDate: t0},
	}}}
	if _, err := Import(env.Account, env.Region, env.IDs, bad); err == nil || !strings.Contains(err.Error(), "label AWSCURRENT is already on version v1") {
		t.Errorf("Import of a label on two versions: %v", err)
	}
}
