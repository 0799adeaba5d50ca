package secrets

import (
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// TestReference checks the read the Parameter Store bridge makes
// (docs/aws-behaviour.md §1.1; S: the reference scenario).
func TestReference(t *testing.T) {
	t.Parallel()
	const (
		v1  = "98a55589-b075-47fb-bae9-df4f289527b9"
		v2  = "f66c87f8-384b-445b-bd93-5edac5d72705"
		arn = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql-XYZ"
	)
	t1 := time.Date(2018, 7, 28, 11, 9, 49, 618e6, time.UTC)
	t2 := time.Date(2018, 7, 28, 11, 18, 57, 955e6, time.UTC)
	env := core.Env{Now: t1, IDs: core.NewIDs(true, 1, nil, []string{"XYZ"}), Account: "123456789012", Region: "eu-central-1"}
	s := New(env.Account, env.Region)
	if _, err := s.CreateSecret(env, &secretsmanager.CreateSecretInput{Name: aws.String("prod/App/Mysql"), SecretString: aws.String("a"), ClientRequestToken: aws.String(v1)}); err != nil {
		t.Fatal(err)
	}
	env.Now = t2
	if _, err := s.UpdateSecret(env, &secretsmanager.UpdateSecretInput{SecretId: aws.String("prod/App/Mysql"), SecretString: aws.String("b"), ClientRequestToken: aws.String(v2)}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, id, selector string
		want               *Ref
	}{
		{"no selector: AWSCURRENT (S)", "prod/App/Mysql", "", &Ref{ARN: arn, Name: "prod/App/Mysql", VersionID: v2, SecretString: aws.String("b"), VersionStages: []string{"AWSCURRENT"}, CreatedDate: t2}},
		{"a stage (S)", "prod/App/Mysql", "AWSPREVIOUS", &Ref{ARN: arn, Name: "prod/App/Mysql", VersionID: v1, SecretString: aws.String("a"), VersionStages: []string{"AWSPREVIOUS"}, CreatedDate: t1}},
		{"a version id (S)", "prod/App/Mysql", v1, &Ref{ARN: arn, Name: "prod/App/Mysql", VersionID: v1, SecretString: aws.String("a"), VersionStages: []string{"AWSPREVIOUS"}, CreatedDate: t1}},
		{"by partial ARN (docs/aws-behaviour.md §3.2, D)", "arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/App/Mysql", "", &Ref{ARN: arn, Name: "prod/App/Mysql", VersionID: v2, SecretString: aws.String("b"), VersionStages: []string{"AWSCURRENT"}, CreatedDate: t2}},
		{"missing secret", "prod/none", "", nil},
		{"missing stage", "prod/App/Mysql", "AWSPENDING", nil},
	}
	for _, tt := range tests {
		got, err := s.Reference(env, tt.id, tt.selector)
		if tt.want == nil {
			var nf *RefNotFound
			if !errors.As(err, &nf) {
				t.Errorf("%s: got %v, %v; want *RefNotFound", tt.name, got, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got.SourceCache == nil {
			t.Errorf("%s: no SourceResult cache", tt.name)
		}
		got.SourceCache = nil // the version's own, compared by the bridge's tests
		if diff := cmp.Diff(*tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
	if got := s.byName["prod/App/Mysql"].versions[v1].accessed.Load(); got != dayNumber(t2) {
		t.Errorf("the reference did not record the read: day %d, want %d", got, dayNumber(t2))
	}
	env.Now = t2.Add(time.Minute)
	if _, err := s.DeleteSecret(env, &secretsmanager.DeleteSecretInput{SecretId: aws.String("prod/App/Mysql")}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Reference(env, "prod/App/Mysql", ""); err == nil {
		t.Error("a secret scheduled for deletion was read through a reference")
	}
}
