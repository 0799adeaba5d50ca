package fakeaws_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
)

// codeMsg returns err's code and message ("" for none).
func codeMsg(err error) [2]string {
	var api smithy.APIError
	if errors.As(err, &api) {
		return [2]string{api.ErrorCode(), api.ErrorMessage()}
	}
	if err != nil {
		return [2]string{"not an API error", err.Error()}
	}
	return [2]string{}
}

var (
	errScheduled   = [2]string{"InvalidRequestException", "You can't create this secret because a secret with this name is already scheduled for deletion."}
	errMarked      = [2]string{"InvalidRequestException", "You can't perform this operation on the secret because it was marked for deletion."}
	errMarkedDel   = [2]string{"InvalidRequestException", "You tried to perform the operation on a secret that's currently marked deleted."}
	errNoSuchThing = [2]string{"ResourceNotFoundException", "Secrets Manager can't find the specified secret."}
)

// TestDeletionDelayAfterForcedDelete: with a deletion delay, a secret
// deleted with ForceDeleteWithoutRecovery stays visible to DescribeSecret,
// with DeletedDate, until the delay has passed on the Store's clock, as
// AWS's answers recorded by gocloud.dev's driver tests show (4–6 s,
// DeletedDate set; DeleteSecret's reference: deletion "is an asynchronous
// background process ... there might be a short delay"). Creating the name
// again meanwhile is refused as for a secret scheduled for deletion
// (hashicorp/terraform-provider-aws#10259: "Deleting a secret and
// recreating it right away", recovery window 0, answered
// InvalidRequestException "You can't create this secret because a secret
// with this name is already scheduled for deletion.").
func TestDeletionDelayAfterForcedDelete(t *testing.T) {
	t.Parallel()
	for _, way := range quotaWays {
		t.Run(way, func(t *testing.T) {
			t.Parallel()
			clk := clock.NewFake(quotaStart)
			st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithDeletionDelay(5*time.Second))
			_, c := quotaClients(t, st, way, nil)
			ctx := context.Background()
			created, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v")})
			if err != nil {
				t.Fatal(err)
			}
			clk.Advance(time.Second)
			deletedAt := clk.Now()
			del, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("s"), ForceDeleteWithoutRecovery: aws.Bool(true)})
			if err != nil {
				t.Fatal(err)
			}
			if got := aws.ToTime(del.DeletionDate); !got.Equal(deletedAt) {
				t.Errorf("DeletionDate = %v, want %v (now)", got, deletedAt)
			}

			clk.Advance(4999 * time.Millisecond)
			d, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
			if err != nil {
				t.Fatalf("DescribeSecret during the delay: %v", err)
			}
			if got := aws.ToTime(d.DeletedDate); !got.Equal(deletedAt) || aws.ToString(d.ARN) != aws.ToString(created.ARN) {
				t.Errorf("DescribeSecret: ARN %s DeletedDate %v, want %s and %v", aws.ToString(d.ARN), got, aws.ToString(created.ARN), deletedAt)
			}
			_, createErr := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("w")})
			_, getErr := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("s")})
			_, restoreErr := c.RestoreSecret(ctx, &secretsmanager.RestoreSecretInput{SecretId: aws.String("s")})
			_, forceAgainErr := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("s"), ForceDeleteWithoutRecovery: aws.Bool(true)})
			listed, err := c.ListSecrets(ctx, &secretsmanager.ListSecretsInput{IncludePlannedDeletion: aws.Bool(true)})
			if err != nil {
				t.Fatal(err)
			}
			unlisted, err := c.ListSecrets(ctx, &secretsmanager.ListSecretsInput{})
			if err != nil {
				t.Fatal(err)
			}
			type during struct {
				Create, Get, Restore, ForceAgain [2]string
				Listed, ListedPlanned            int
			}
			want := during{Create: errScheduled, Get: errMarked, Restore: errMarkedDel, ListedPlanned: 1}
			got := during{codeMsg(createErr), codeMsg(getErr), codeMsg(restoreErr), codeMsg(forceAgainErr), len(unlisted.SecretList), len(listed.SecretList)}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("calls during the delay (-want +got):\n%s", diff)
			}

			// A second forced delete does not extend the delay: it ends
			// 5 s after the first.
			clk.Advance(time.Millisecond)
			_, err = c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
			if got := codeMsg(err); got != errNoSuchThing {
				t.Errorf("DescribeSecret after the delay: %q, want %q", got, errNoSuchThing)
			}
			again, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("w")})
			if err != nil {
				t.Fatalf("CreateSecret after the delay: %v", err)
			}
			if aws.ToString(again.ARN) == aws.ToString(created.ARN) {
				t.Errorf("the new secret has the old ARN %s", aws.ToString(again.ARN))
			}
		})
	}
}

// TestDeletionDelayAfterRecoveryWindow: a secret whose recovery window has
// ended stays for the delay too (AWS deletes it "at the end of the
// recovery window" in a background task: DeleteSecret's reference), and
// can no longer be restored.
func TestDeletionDelayAfterRecoveryWindow(t *testing.T) {
	t.Parallel()
	for _, way := range quotaWays {
		t.Run(way, func(t *testing.T) {
			t.Parallel()
			clk := clock.NewFake(quotaStart)
			st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithDeletionDelay(time.Minute))
			_, c := quotaClients(t, st, way, nil)
			ctx := context.Background()
			if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v")}); err != nil {
				t.Fatal(err)
			}
			del, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("s"), RecoveryWindowInDays: aws.Int64(7)})
			if err != nil {
				t.Fatal(err)
			}
			if want := quotaStart.Add(7 * 24 * time.Hour); !aws.ToTime(del.DeletionDate).Equal(want) {
				t.Errorf("DeletionDate = %v, want %v: the delay does not change the window", aws.ToTime(del.DeletionDate), want)
			}
			clk.Advance(7*24*time.Hour + 59*time.Second)
			d, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
			if err != nil || !aws.ToTime(d.DeletedDate).Equal(quotaStart) {
				t.Fatalf("DescribeSecret 59 s after the window: %v, %v; want DeletedDate %v", d, err, quotaStart)
			}
			if _, err := c.RestoreSecret(ctx, &secretsmanager.RestoreSecretInput{SecretId: aws.String("s")}); codeMsg(err) != errMarkedDel {
				t.Errorf("RestoreSecret after the window: %q, want %q", codeMsg(err), errMarkedDel)
			}
			clk.Advance(time.Second)
			if _, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")}); codeMsg(err) != errNoSuchThing {
				t.Errorf("DescribeSecret after the delay: %q, want %q", codeMsg(err), errNoSuchThing)
			}
		})
	}
}

// TestDeletionDelayRestoreInWindow: within the recovery window RestoreSecret
// still works, and a forced delete then ends the window at once.
func TestDeletionDelayRestoreInWindow(t *testing.T) {
	t.Parallel()
	clk := clock.NewFake(quotaStart)
	st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithDeletionDelay(time.Minute))
	c := smfake.New(st)
	ctx := context.Background()
	if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v")}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("s")}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.RestoreSecret(ctx, &secretsmanager.RestoreSecretInput{SecretId: aws.String("s")}); err != nil {
		t.Fatalf("RestoreSecret in the window: %v", err)
	}
	if _, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("s"), RecoveryWindowInDays: aws.Int64(30)}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(time.Hour)
	if _, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("s"), ForceDeleteWithoutRecovery: aws.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	d, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
	if err != nil || !aws.ToTime(d.DeletedDate).Equal(quotaStart) {
		t.Fatalf("DescribeSecret after forcing: %v, %v; want DeletedDate %v (the first DeleteSecret)", d, err, quotaStart)
	}
	clk.Advance(time.Minute)
	if _, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")}); codeMsg(err) != errNoSuchThing {
		t.Errorf("a minute after forcing: %q, want %q", codeMsg(err), errNoSuchThing)
	}
}

// TestDeletionDelayOffByDefault: without WithDeletionDelay a forced
// delete removes the secret at once.
func TestDeletionDelayOffByDefault(t *testing.T) {
	t.Parallel()
	st := fakeaws.New(fakeaws.WithClock(clock.NewFake(quotaStart)))
	c := smfake.New(st)
	ctx := context.Background()
	if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v")}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("s"), ForceDeleteWithoutRecovery: aws.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	_, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
	var nf *smtypes.ResourceNotFoundException
	if !errors.As(err, &nf) {
		t.Errorf("DescribeSecret after a forced delete: %v, want ResourceNotFoundException", err)
	}
}

// TestDeletionDelaySurvivesSnapshot: a secret in its deletion delay is
// restored from a snapshot still in it, and goes at the same time.
func TestDeletionDelaySurvivesSnapshot(t *testing.T) {
	t.Parallel()
	clk := clock.NewFake(quotaStart)
	st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithDeletionDelay(5*time.Second))
	c := smfake.New(st)
	ctx := context.Background()
	if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v")}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("s"), ForceDeleteWithoutRecovery: aws.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	snap := st.Snapshot()
	clk.Advance(time.Minute)
	if _, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")}); codeMsg(err) != errNoSuchThing {
		t.Fatalf("after the delay: %q", codeMsg(err))
	}
	clk.Set(quotaStart.Add(4 * time.Second))
	if err := st.Restore(snap); err != nil {
		t.Fatal(err)
	}
	if _, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")}); err != nil {
		t.Errorf("restored, 4 s after the delete: %v, want the secret still visible", err)
	}
	clk.Set(quotaStart.Add(5 * time.Second))
	if _, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")}); codeMsg(err) != errNoSuchThing {
		t.Errorf("restored, 5 s after the delete: %q, want %q", codeMsg(err), errNoSuchThing)
	}
}
