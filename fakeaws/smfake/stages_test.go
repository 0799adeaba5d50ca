package smfake_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
)

// TestStageMoves checks the staging-label model through Put, Update and
// UpdateSecretVersionStage.
func TestStageMoves(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tests := []struct {
		name string
		run  func(t *testing.T, c *smfake.Client)
		want map[string][]string
	}{
		{
			name: "first version gets AWSCURRENT (docs/aws-behaviour.md §3.3, D)",
			run:  func(t *testing.T, c *smfake.Client) {},
			want: map[string][]string{tokA: {"AWSCURRENT"}},
		},
		{
			name: "update moves AWSCURRENT, old current gets AWSPREVIOUS (docs/aws-behaviour.md §3.3, S)",
			run: func(t *testing.T, c *smfake.Client) {
				if _, err := c.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: aws.String("app/a"), SecretString: aws.String("v2"), ClientRequestToken: aws.String(tokB)}); err != nil {
					t.Fatal(err)
				}
			},
			want: map[string][]string{tokA: {"AWSPREVIOUS"}, tokB: {"AWSCURRENT"}},
		},
		{
			name: "third put deprecates the first version (docs/aws-behaviour.md §3.3, D)",
			run: func(t *testing.T, c *smfake.Client) {
				mustPut(t, c, "app/a", "v2", tokB)
				mustPut(t, c, "app/a", "v3", tokC)
			},
			want: map[string][]string{tokB: {"AWSPREVIOUS"}, tokC: {"AWSCURRENT"}},
		},
		{
			name: "AWSCURRENT moves AWSPREVIOUS, other labels stay (docs/aws-behaviour.md §3.3, D)",
			run: func(t *testing.T, c *smfake.Client) {
				mustPut(t, c, "app/a", "v2", tokB, "AWSPENDING")
				mustPut(t, c, "app/a", "v3", tokC, "custom")
				if _, err := c.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String("app/a"),
					VersionStage: aws.String("AWSCURRENT"), MoveToVersionId: aws.String(tokB), RemoveFromVersionId: aws.String(tokA)}); err != nil {
					t.Fatal(err)
				}
			},
			want: map[string][]string{tokA: {"AWSPREVIOUS"}, tokB: {"AWSPENDING", "AWSCURRENT"}, tokC: {"custom"}},
		},
		{
			name: "put with VersionStages moves every listed label (docs/aws-behaviour.md §3.3, D)",
			run: func(t *testing.T, c *smfake.Client) {
				mustPut(t, c, "app/a", "v2", tokB, "x", "y")
				mustPut(t, c, "app/a", "v3", tokC, "y", "AWSCURRENT")
			},
			want: map[string][]string{tokA: {"AWSPREVIOUS"}, tokB: {"x"}, tokC: {"y", "AWSCURRENT"}},
		},
		{
			name: "UpdateSecretVersionStage with only RemoveFromVersionId removes the label (docs/aws-behaviour.md §3.5, D)",
			run: func(t *testing.T, c *smfake.Client) {
				mustPut(t, c, "app/a", "v2", tokB, "x")
				if _, err := c.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String("app/a"),
					VersionStage: aws.String("x"), RemoveFromVersionId: aws.String(tokB)}); err != nil {
					t.Fatal(err)
				}
			},
			want: map[string][]string{tokA: {"AWSCURRENT"}},
		},
		{
			name: "AWSCURRENT moves even when no version holds it (docs/aws-behaviour.md §3.5, moto #9451)",
			run: func(t *testing.T, c *smfake.Client) {
				// A secret created without a value, whose first version
				// is given another label, has no AWSCURRENT.
				if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("app/empty")}); err != nil {
					t.Fatal(err)
				}
				mustPut(t, c, "app/empty", "v2", tokB, "x")
				if _, err := c.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String("app/empty"),
					VersionStage: aws.String("AWSCURRENT"), MoveToVersionId: aws.String(tokB)}); err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(map[string][]string{tokB: {"x", "AWSCURRENT"}}, stages(t, c, "app/empty")); diff != "" {
					t.Errorf("app/empty (-want +got):\n%s", diff)
				}
			},
			want: map[string][]string{tokA: {"AWSCURRENT"}},
		},
		{
			name: "a custom label moves with RemoveFromVersionId (docs/aws-behaviour.md §3.5, D)",
			run: func(t *testing.T, c *smfake.Client) {
				mustPut(t, c, "app/a", "v2", tokB, "x")
				if _, err := c.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String("app/a"),
					VersionStage: aws.String("x"), MoveToVersionId: aws.String(tokA), RemoveFromVersionId: aws.String(tokB)}); err != nil {
					t.Fatal(err)
				}
			},
			want: map[string][]string{tokA: {"AWSCURRENT", "x"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, _ := newClient(t)
			mustCreate(t, c, "app/a", "v1", tokA)
			tt.run(t, c)
			if diff := cmp.Diff(tt.want, stages(t, c, "app/a")); diff != "" {
				t.Errorf("VersionIdsToStages (-want +got):\n%s", diff)
			}
		})
	}
}
