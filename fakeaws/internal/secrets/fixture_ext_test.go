package secrets

import (
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws/fixture"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// TestFixtureRotationAndPolicy: rotation and resource policy survive
// Export → Import → Export, and bad ones are refused naming the secret.
func TestFixtureRotationAndPolicy(t *testing.T) {
	t.Parallel()
	t0 := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	tok := "aaaaaaaa-0000-4000-8000-000000000001"
	good := fixture.Secret{
		Name: "rotated", CreatedDate: t0, ResourcePolicy: `{"Version":"2012-10-17","Statement":[]}`,
		Rotation: &fixture.Rotation{Enabled: true, LambdaARN: "arn:aws:lambda:us-east-1:123456789012:function:rot", AutomaticallyAfterDays: 30, Duration: "2h", LastRotatedDate: &t0},
		Versions: []fixture.SecretVersion{{VersionID: tok, SecretString: aws.String("v"), Stages: []string{"AWSCURRENT"}, CreatedDate: t0}},
	}
	s1, err := Import("123456789012", "us-east-1", core.NewIDs(true, 1, nil, nil), []fixture.Secret{good})
	if err != nil {
		t.Fatal(err)
	}
	first := s1.Export()
	s2, err := Import("123456789012", "us-east-1", core.NewIDs(true, 2, nil, nil), first)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(first, s2.Export()); diff != "" {
		t.Errorf("Export → Import → Export (-want +got):\n%s", diff)
	}
	if first[0].ResourcePolicy != good.ResourcePolicy || first[0].Rotation == nil || first[0].Rotation.AutomaticallyAfterDays != 30 {
		t.Errorf("exported %+v, want the policy and rotation imported", first[0])
	}
	bad := []struct {
		name string
		edit func(f *fixture.Secret)
		want string
	}{
		{"policy not JSON (MalformedPolicyDocumentException)", func(f *fixture.Secret) { f.ResourcePolicy = "{" }, `secret "rotated": resourcePolicy: `},
		{"rotation days 1001 (1–1000, docs/aws-behaviour.md §3.5)", func(f *fixture.Secret) {
			r := *f.Rotation
			r.AutomaticallyAfterDays = 1001
			f.Rotation = &r
		}, `secret "rotated": rotation: RotationRules.AutomaticallyAfterDays must be within 1-1000.`},
		{"enabled without a Lambda", func(f *fixture.Secret) {
			r := *f.Rotation
			r.LambdaARN = ""
			f.Rotation = &r
		}, `secret "rotated": rotation: enabled without lambdaArn`},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			f := good
			tc.edit(&f)
			s, err := Import("123456789012", "us-east-1", core.NewIDs(true, 1, nil, nil), []fixture.Secret{f})
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) || s != nil {
				t.Errorf("got %v, %v; want nil and an error starting %q", s, err, tc.want)
			}
		})
	}
}
