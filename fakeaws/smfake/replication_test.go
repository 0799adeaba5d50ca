package smfake_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

const (
	arnAEu   = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/a-AAAAAA"
	acctB    = "222222222222"
	replMsg  = "Operation not permitted on a replica secret. Call must be made in primary secret's region."
	syncMsg  = "Replication succeeded"
	takenMsg = "Secret with this name already exists in this region"
)

var ignoreMeta = cmpopts.IgnoreUnexported(
	secretsmanager.DescribeSecretOutput{}, secretsmanager.GetSecretValueOutput{},
	secretsmanager.ReplicateSecretToRegionsOutput{}, secretsmanager.RemoveRegionsFromReplicationOutput{},
	secretsmanager.CreateSecretOutput{}, secretsmanager.AssociateCrossAccountReplicaOutput{},
	secretsmanager.DisassociateCrossAccountReplicaOutput{}, secretsmanager.StopReplicationToReplicaOutput{},
	types.ReplicationStatusType{}, types.Tag{}, types.CrossAccountPrimaryType{}, types.CrossAccountReplicaEntry{},
)

var ignoreResult = cmpopts.IgnoreFields(secretsmanager.DescribeSecretOutput{}, "ResultMetadata")

// replStore returns a Store at t0, its clock, and clients on it in
// us-east-1 (the default) and eu-west-1.
func replStore(t *testing.T) (*fakeaws.Store, *clock.Fake, *smfake.Client, *smfake.Client) {
	t.Helper()
	clk := clock.NewFake(t0)
	st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithSeed(1),
		fakeaws.WithARNSuffixes("AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD"))
	return st, clk, smfake.New(st), smfake.New(st, smfake.WithRegion("eu-west-1"))
}

func replicate(t *testing.T, c *smfake.Client, id string, regions ...types.ReplicaRegionType) *secretsmanager.ReplicateSecretToRegionsOutput {
	t.Helper()
	out, err := c.ReplicateSecretToRegions(context.Background(), &secretsmanager.ReplicateSecretToRegionsInput{SecretId: aws.String(id), AddReplicaRegions: regions})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func describe(t *testing.T, c *smfake.Client, id string) *secretsmanager.DescribeSecretOutput {
	t.Helper()
	out, err := c.DescribeSecret(context.Background(), &secretsmanager.DescribeSecretInput{SecretId: aws.String(id)})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func value(t *testing.T, c *smfake.Client, id string) *secretsmanager.GetSecretValueOutput {
	t.Helper()
	out, err := c.GetSecretValue(context.Background(), &secretsmanager.GetSecretValueInput{SecretId: aws.String(id)})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func region(r string) types.ReplicaRegionType { return types.ReplicaRegionType{Region: aws.String(r)} }

// The API reference's example: the call answers InProgress with the
// default key as alias/aws/secretsmanager; DescribeSecret's example shows
// InSync, "Replication succeeded" and PrimaryRegion (D).
func TestReplicateSecretToRegions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, clk, us, eu := replStore(t)
	if _, err := us.CreateSecret(ctx, &secretsmanager.CreateSecretInput{
		Name: aws.String("app/a"), SecretString: aws.String("v1"), ClientRequestToken: aws.String(tokA),
		Description: aws.String("d"), Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("x")}},
	}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(time.Hour)
	got := replicate(t, us, "app/a", region("eu-west-1"), types.ReplicaRegionType{Region: aws.String("ap-south-1"), KmsKeyId: aws.String("alias/mine")})
	want := &secretsmanager.ReplicateSecretToRegionsOutput{ARN: aws.String(arnA), ReplicationStatus: []types.ReplicationStatusType{
		{Region: aws.String("eu-west-1"), KmsKeyId: aws.String("alias/aws/secretsmanager"), Status: types.StatusTypeInProgress},
		{Region: aws.String("ap-south-1"), KmsKeyId: aws.String("alias/mine"), Status: types.StatusTypeInProgress},
	}}
	if d := cmp.Diff(want, got, ignoreMeta, cmpopts.IgnoreFields(secretsmanager.ReplicateSecretToRegionsOutput{}, "ResultMetadata")); d != "" {
		t.Errorf("ReplicateSecretToRegions (-want +got):\n%s", d)
	}

	// The replica: same name, ARN with the region swapped, same versions.
	v := value(t, eu, "app/a")
	if aws.ToString(v.ARN) != arnAEu || aws.ToString(v.SecretString) != "v1" || aws.ToString(v.VersionId) != tokA {
		t.Errorf("replica GetSecretValue = %s %s %s, want %s v1 %s", aws.ToString(v.ARN), aws.ToString(v.SecretString), aws.ToString(v.VersionId), arnAEu, tokA)
	}
	day := t0.Truncate(24 * time.Hour)
	wantReplica := &secretsmanager.DescribeSecretOutput{
		ARN: aws.String(arnAEu), Name: aws.String("app/a"), Description: aws.String("d"),
		Tags:               []types.Tag{{Key: aws.String("team"), Value: aws.String("x")}},
		VersionIdsToStages: map[string][]string{tokA: {"AWSCURRENT"}},
		CreatedDate:        aws.Time(t0.Add(time.Hour)), LastChangedDate: aws.Time(t0), LastAccessedDate: aws.Time(day),
		PrimaryRegion: aws.String("us-east-1"),
	}
	if d := cmp.Diff(wantReplica, describe(t, eu, "app/a"), ignoreMeta, ignoreResult); d != "" {
		t.Errorf("replica DescribeSecret (-want +got):\n%s", d)
	}
	// The primary lists its replicas InSync, with the replica's last access.
	gotP := describe(t, us, "app/a")
	wantStatus := []types.ReplicationStatusType{
		{Region: aws.String("eu-west-1"), KmsKeyId: aws.String("alias/aws/secretsmanager"), Status: types.StatusTypeInSync, StatusMessage: aws.String(syncMsg), LastAccessedDate: aws.Time(day)},
		{Region: aws.String("ap-south-1"), KmsKeyId: aws.String("alias/mine"), Status: types.StatusTypeInSync, StatusMessage: aws.String(syncMsg)},
	}
	if d := cmp.Diff(wantStatus, gotP.ReplicationStatus, ignoreMeta); d != "" {
		t.Errorf("primary ReplicationStatus (-want +got):\n%s", d)
	}
	if aws.ToString(gotP.PrimaryRegion) != "us-east-1" {
		t.Errorf("primary PrimaryRegion = %v, want us-east-1", aws.ToString(gotP.PrimaryRegion))
	}
	// The replica in ap-south-1 is encrypted with the key it was given.
	ap := smfake.New(st, smfake.WithRegion("ap-south-1"))
	if got := aws.ToString(describe(t, ap, "app/a").KmsKeyId); got != "alias/mine" {
		t.Errorf("ap-south-1 replica KmsKeyId = %q, want alias/mine", got)
	}
}

// Every write on the primary reaches its replicas before the call returns.
func TestReplicaFollowsPrimary(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, _, us, eu := replStore(t)
	mustCreate(t, us, "app/a", "v1", tokA)
	replicate(t, us, "app/a", region("eu-west-1"))

	mustPut(t, us, "app/a", "v2", tokB)
	if _, err := us.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: aws.String("app/a"), Description: aws.String("new")}); err != nil {
		t.Fatal(err)
	}
	if _, err := us.TagResource(ctx, &secretsmanager.TagResourceInput{SecretId: aws.String("app/a"), Tags: []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := us.PutResourcePolicy(ctx, &secretsmanager.PutResourcePolicyInput{SecretId: aws.String("app/a"), ResourcePolicy: aws.String(`{"Version":"2012-10-17","Statement":[]}`)}); err != nil {
		t.Fatal(err)
	}
	if got := aws.ToString(value(t, eu, "app/a").SecretString); got != "v2" {
		t.Errorf("replica value = %q, want v2", got)
	}
	d := describe(t, eu, "app/a")
	want := map[string][]string{tokA: {"AWSPREVIOUS"}, tokB: {"AWSCURRENT"}}
	if diff := cmp.Diff(want, d.VersionIdsToStages); diff != "" {
		t.Errorf("replica stages (-want +got):\n%s", diff)
	}
	if aws.ToString(d.Description) != "new" || len(d.Tags) != 1 {
		t.Errorf("replica metadata: description %q, tags %v; want new and one tag", aws.ToString(d.Description), d.Tags)
	}
	pol, err := eu.GetResourcePolicy(ctx, &secretsmanager.GetResourcePolicyInput{SecretId: aws.String("app/a")})
	if err != nil || pol.ResourcePolicy == nil {
		t.Errorf("replica resource policy: %v, %v; want the primary's", pol, err)
	}
}

// A replica is read-only: every write answers AWS's text (docs/aws-behaviour.md §3.5, M) and
// changes nothing.
func TestReplicaIsReadOnly(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, _, us, eu := replStore(t)
	mustCreate(t, us, "app/a", "v1", tokA)
	replicate(t, us, "app/a", region("eu-west-1"))
	id := aws.String("app/a")
	var before bytes.Buffer
	if err := st.Dump(&before); err != nil {
		t.Fatal(err)
	}
	writes := map[string]func() error{
		"PutSecretValue": func() error {
			_, err := eu.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: id, SecretString: aws.String("x")})
			return err
		},
		"UpdateSecret": func() error {
			_, err := eu.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: id, Description: aws.String("x")})
			return err
		},
		"UpdateSecretVersionStage": func() error {
			_, err := eu.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: id, VersionStage: aws.String("L"), MoveToVersionId: aws.String(tokA)})
			return err
		},
		"DeleteSecret": func() error {
			_, err := eu.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: id, ForceDeleteWithoutRecovery: aws.Bool(true)})
			return err
		},
		"RestoreSecret": func() error {
			_, err := eu.RestoreSecret(ctx, &secretsmanager.RestoreSecretInput{SecretId: id})
			return err
		},
		"TagResource": func() error {
			_, err := eu.TagResource(ctx, &secretsmanager.TagResourceInput{SecretId: id, Tags: []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}})
			return err
		},
		"UntagResource": func() error {
			_, err := eu.UntagResource(ctx, &secretsmanager.UntagResourceInput{SecretId: id, TagKeys: []string{"k"}})
			return err
		},
		"PutResourcePolicy": func() error {
			_, err := eu.PutResourcePolicy(ctx, &secretsmanager.PutResourcePolicyInput{SecretId: id, ResourcePolicy: aws.String("{}")})
			return err
		},
		"DeleteResourcePolicy": func() error {
			_, err := eu.DeleteResourcePolicy(ctx, &secretsmanager.DeleteResourcePolicyInput{SecretId: id})
			return err
		},
		"RotateSecret": func() error {
			_, err := eu.RotateSecret(ctx, &secretsmanager.RotateSecretInput{SecretId: id, RotationLambdaARN: aws.String("arn:aws:lambda:eu-west-1:123456789012:function:f")})
			return err
		},
		"CancelRotateSecret": func() error {
			_, err := eu.CancelRotateSecret(ctx, &secretsmanager.CancelRotateSecretInput{SecretId: id})
			return err
		},
		"ReplicateSecretToRegions": func() error {
			_, err := eu.ReplicateSecretToRegions(ctx, &secretsmanager.ReplicateSecretToRegionsInput{SecretId: id, AddReplicaRegions: []types.ReplicaRegionType{region("us-west-2")}})
			return err
		},
		"RemoveRegionsFromReplication": func() error {
			_, err := eu.RemoveRegionsFromReplication(ctx, &secretsmanager.RemoveRegionsFromReplicationInput{SecretId: id, RemoveReplicaRegions: []string{"us-east-1"}})
			return err
		},
	}
	for name, write := range writes {
		t.Run(name, func(t *testing.T) {
			wantAPIError(t, write(), "InvalidParameterException", replMsg)
		})
	}
	var after bytes.Buffer
	if err := st.Dump(&after); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(before.String(), after.String()); d != "" {
		t.Errorf("refused writes changed the state (-before +after):\n%s", d)
	}
}

// Removing regions deletes their replicas; a primary with replicas cannot
// be deleted (docs/aws-behaviour.md §3.5, M's text).
func TestRemoveRegionsAndDelete(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, _, us, eu := replStore(t)
	mustCreate(t, us, "app/a", "v1", tokA)
	replicate(t, us, "app/a", region("eu-west-1"), region("us-west-2"))

	_, err := us.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("app/a")})
	wantAPIError(t, err, "InvalidParameterException", "You can't delete secret app/a that still has replica regions [eu-west-1, us-west-2]")

	_, err = us.RemoveRegionsFromReplication(ctx, &secretsmanager.RemoveRegionsFromReplicationInput{SecretId: aws.String("app/a"), RemoveReplicaRegions: []string{"ap-south-1"}})
	wantAPIError(t, err, "InvalidParameterException", "Invalid replica region.")

	out, err := us.RemoveRegionsFromReplication(ctx, &secretsmanager.RemoveRegionsFromReplicationInput{SecretId: aws.String("app/a"), RemoveReplicaRegions: []string{"eu-west-1"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.ReplicationStatus) != 1 || aws.ToString(out.ReplicationStatus[0].Region) != "us-west-2" {
		t.Errorf("after removing eu-west-1: %+v, want us-west-2 only", out.ReplicationStatus)
	}
	_, err = eu.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("app/a")})
	wantAPIError(t, err, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.")

	out, err = us.RemoveRegionsFromReplication(ctx, &secretsmanager.RemoveRegionsFromReplicationInput{SecretId: aws.String("app/a"), RemoveReplicaRegions: []string{"us-west-2"}})
	if err != nil {
		t.Fatal(err)
	}
	if out.ReplicationStatus == nil || len(out.ReplicationStatus) != 0 {
		t.Errorf("ReplicationStatus = %#v, want [] (the AWS CLI's example)", out.ReplicationStatus)
	}
	if d := describe(t, us, "app/a"); d.PrimaryRegion != nil || d.ReplicationStatus != nil {
		t.Errorf("no replicas left, yet PrimaryRegion %v, ReplicationStatus %v", aws.ToString(d.PrimaryRegion), d.ReplicationStatus)
	}
	if _, err := us.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("app/a")}); err != nil {
		t.Errorf("DeleteSecret after removing every replica: %v", err)
	}
}

// Bad replica regions and names taken in the target region.
func TestReplicateErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, _, us, eu := replStore(t)
	mustCreate(t, us, "app/a", "v1", tokA)
	for name, r := range map[string]string{"own region (M)": "us-east-1", "not a region (U)": "Europe", "empty (U)": ""} {
		_, err := us.ReplicateSecretToRegions(ctx, &secretsmanager.ReplicateSecretToRegionsInput{SecretId: aws.String("app/a"), AddReplicaRegions: []types.ReplicaRegionType{region(r)}})
		t.Run(name, func(t *testing.T) { wantAPIError(t, err, "InvalidParameterException", "Invalid replica region.") })
	}
	_, err := us.ReplicateSecretToRegions(ctx, &secretsmanager.ReplicateSecretToRegionsInput{SecretId: aws.String("nope"), AddReplicaRegions: []types.ReplicaRegionType{region("eu-west-1")}})
	wantAPIError(t, err, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.")

	// The name is taken in eu-west-1: Failed, and the secret there stays.
	mustCreate(t, eu, "app/a", "theirs", tokC)
	out := replicate(t, us, "app/a", region("eu-west-1"))
	want := []types.ReplicationStatusType{{Region: aws.String("eu-west-1"), KmsKeyId: aws.String("alias/aws/secretsmanager"), Status: types.StatusTypeFailed, StatusMessage: aws.String(takenMsg)}}
	if d := cmp.Diff(want, out.ReplicationStatus, ignoreMeta); d != "" {
		t.Errorf("name taken (-want +got):\n%s", d)
	}
	if got := aws.ToString(value(t, eu, "app/a").SecretString); got != "theirs" {
		t.Errorf("the secret in eu-west-1 = %q, want it untouched", got)
	}
	// With ForceOverwriteReplicaSecret it is replaced by the replica.
	fo, err := us.ReplicateSecretToRegions(ctx, &secretsmanager.ReplicateSecretToRegionsInput{SecretId: aws.String("app/a"), AddReplicaRegions: []types.ReplicaRegionType{region("eu-west-1")}, ForceOverwriteReplicaSecret: true})
	if err != nil {
		t.Fatal(err)
	}
	if fo.ReplicationStatus[0].Status != types.StatusTypeInProgress {
		t.Errorf("forced: status %s, want InProgress", fo.ReplicationStatus[0].Status)
	}
	if got := value(t, eu, "app/a"); aws.ToString(got.SecretString) != "v1" || aws.ToString(got.ARN) != arnAEu {
		t.Errorf("after force: %s %s, want v1 from %s", aws.ToString(got.ARN), aws.ToString(got.SecretString), arnAEu)
	}
}

// CreateSecret with AddReplicaRegions, the primary-region filter, and
// StopReplicationToReplica promoting a replica.
func TestCreateWithReplicasAndPromote(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, _, us, eu := replStore(t)
	cr, err := us.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("app/a"), SecretString: aws.String("v1"), ClientRequestToken: aws.String(tokA), AddReplicaRegions: []types.ReplicaRegionType{region("eu-west-1")}})
	if err != nil {
		t.Fatal(err)
	}
	if len(cr.ReplicationStatus) != 1 || cr.ReplicationStatus[0].Status != types.StatusTypeInProgress {
		t.Errorf("CreateSecret ReplicationStatus = %+v, want eu-west-1 InProgress", cr.ReplicationStatus)
	}
	mustCreate(t, eu, "local", "x", tokB)
	ls, err := eu.ListSecrets(ctx, &secretsmanager.ListSecretsInput{Filters: []types.Filter{{Key: types.FilterNameStringTypePrimaryRegion, Values: []string{"us-east"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(ls.SecretList) != 1 || aws.ToString(ls.SecretList[0].Name) != "app/a" || aws.ToString(ls.SecretList[0].PrimaryRegion) != "us-east-1" {
		t.Errorf("primary-region us-east in eu-west-1 lists %+v, want the replica app/a", ls.SecretList)
	}

	_, err = us.StopReplicationToReplica(ctx, &secretsmanager.StopReplicationToReplicaInput{SecretId: aws.String("app/a")})
	wantAPIError(t, err, "InvalidRequestException", "The secret is not a replica secret.")
	so, err := eu.StopReplicationToReplica(ctx, &secretsmanager.StopReplicationToReplicaInput{SecretId: aws.String("app/a")})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(so.ARN) != arnAEu {
		t.Errorf("StopReplicationToReplica ARN = %s, want %s (D: the region swapped)", aws.ToString(so.ARN), arnAEu)
	}
	// Standalone now: writable in its region, no longer followed.
	mustPut(t, eu, "app/a", "eu-only", tokC)
	mustPut(t, us, "app/a", "us-only", tokD)
	if got := aws.ToString(value(t, eu, "app/a").SecretString); got != "eu-only" {
		t.Errorf("promoted replica = %q, want eu-only", got)
	}
	if d := describe(t, us, "app/a"); d.ReplicationStatus != nil {
		t.Errorf("primary still lists %+v", d.ReplicationStatus)
	}
}

// Cross-account replication (the SDK's doc comments on CreateSecret
// CrossAccountPrimaryARN, AssociateCrossAccountReplica,
// DisassociateCrossAccountReplica and StopReplicationToReplica).
func TestCrossAccountReplica(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, _, a, _ := replStore(t)
	b := smfake.New(st, smfake.WithAccount(acctB))
	mustCreate(t, a, "app/a", "v1", tokA)
	arnB := "arn:aws:secretsmanager:us-east-1:" + acctB + ":secret:mirror-BBBBBB"

	_, err := b.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("mirror"), CrossAccountPrimaryARN: aws.String(arnA)})
	wantAPIError(t, err, "InvalidParameterException", "A cross-account replica secret must use a customer managed KMS key.")
	_, err = b.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("mirror"), CrossAccountPrimaryARN: aws.String(arnA), KmsKeyId: aws.String("alias/k"), SecretString: aws.String("x")})
	wantAPIError(t, err, "InvalidParameterException", "You can't include SecretString, SecretBinary, Description, AddReplicaRegions or Type when you create a cross-account replica secret.")
	if _, err := b.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("mirror"), CrossAccountPrimaryARN: aws.String(arnA), KmsKeyId: aws.String("alias/k")}); err != nil {
		t.Fatal(err)
	}
	if got := describe(t, b, "mirror").CrossAccountPrimary; got == nil || got.ReplicationStatus != types.StatusTypePending {
		t.Errorf("before association CrossAccountPrimary = %+v, want Pending", got)
	}

	as, err := a.AssociateCrossAccountReplica(ctx, &secretsmanager.AssociateCrossAccountReplicaInput{SecretId: aws.String("app/a"), CrossAccountReplicaARN: aws.String(arnB)})
	if err != nil {
		t.Fatal(err)
	}
	wantAs := &secretsmanager.AssociateCrossAccountReplicaOutput{ARN: aws.String(arnA), CrossAccountReplicaARN: aws.String(arnB), ReplicationStatus: types.StatusTypeInSync}
	if d := cmp.Diff(wantAs, as, ignoreMeta, cmpopts.IgnoreFields(secretsmanager.AssociateCrossAccountReplicaOutput{}, "ResultMetadata")); d != "" {
		t.Errorf("AssociateCrossAccountReplica (-want +got):\n%s", d)
	}
	mustPut(t, a, "app/a", "v2", tokB)
	if got := aws.ToString(value(t, b, "mirror").SecretString); got != "v2" {
		t.Errorf("cross-account replica value = %q, want v2", got)
	}
	wantAPIError(t, func() error {
		_, err := b.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("mirror"), SecretString: aws.String("x")})
		return err
	}(), "InvalidParameterException", replMsg)
	if got := describe(t, a, "app/a").CrossAccountReplicas; len(got) != 1 || got[0].ReplicationStatus != types.StatusTypeInSync {
		t.Errorf("primary CrossAccountReplicas = %+v, want one InSync", got)
	}
	_, err = a.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("app/a")})
	wantAPIError(t, err, "InvalidParameterException", "You can't delete secret app/a that still has a cross-account replica "+arnB)

	if _, err := a.DisassociateCrossAccountReplica(ctx, &secretsmanager.DisassociateCrossAccountReplicaInput{SecretId: aws.String("app/a"), CrossAccountReplicaARN: aws.String(arnB)}); err != nil {
		t.Fatal(err)
	}
	if got := describe(t, b, "mirror").CrossAccountPrimary; got == nil || got.ReplicationStatus != types.StatusTypeDetached {
		t.Errorf("after disassociation CrossAccountPrimary = %+v, want Detached", got)
	}
	mustPut(t, a, "app/a", "v3", tokC)
	if got := aws.ToString(value(t, b, "mirror").SecretString); got != "v2" {
		t.Errorf("detached replica = %q, want v2 (no longer updated)", got)
	}
	if _, err := b.StopReplicationToReplica(ctx, &secretsmanager.StopReplicationToReplicaInput{SecretId: aws.String("mirror")}); err != nil {
		t.Fatal(err)
	}
	mustPut(t, b, "mirror", "own", tokD)
	if _, err := a.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("app/a")}); err != nil {
		t.Errorf("DeleteSecret after disassociation: %v", err)
	}
}

// Snapshot, Restore and Dump/Load keep replication: the replica stays
// read-only and keeps following its primary.
func TestReplicationSurvivesSnapshotAndFixtures(t *testing.T) {
	t.Parallel()
	st, _, us, eu := replStore(t)
	mustCreate(t, us, "app/a", "v1", tokA)
	replicate(t, us, "app/a", region("eu-west-1"))
	snap := st.Snapshot()
	var dump bytes.Buffer
	if err := st.Dump(&dump); err != nil {
		t.Fatal(err)
	}
	check := func(t *testing.T, st *fakeaws.Store, tok string) {
		us, eu := smfake.New(st), smfake.New(st, smfake.WithRegion("eu-west-1"))
		_, err := eu.PutSecretValue(context.Background(), &secretsmanager.PutSecretValueInput{SecretId: aws.String("app/a"), SecretString: aws.String("x")})
		wantAPIError(t, err, "InvalidParameterException", replMsg)
		mustPut(t, us, "app/a", "after-"+tok, tok)
		if got := aws.ToString(value(t, eu, "app/a").SecretString); got != "after-"+tok {
			t.Errorf("replica = %q, want after-%s", got, tok)
		}
		if d := describe(t, us, "app/a"); len(d.ReplicationStatus) != 1 {
			t.Errorf("primary ReplicationStatus = %+v, want eu-west-1", d.ReplicationStatus)
		}
	}
	mustPut(t, us, "app/a", "v2", tokB)
	if err := st.Restore(snap); err != nil {
		t.Fatal(err)
	}
	if got := aws.ToString(value(t, eu, "app/a").SecretString); got != "v1" {
		t.Errorf("restored replica = %q, want v1", got)
	}
	t.Run("restored", func(t *testing.T) { check(t, st, tokC) })
	t.Run("loaded", func(t *testing.T) {
		fresh := fakeaws.New()
		if err := fresh.Load(bytes.NewReader(dump.Bytes())); err != nil {
			t.Fatal(err)
		}
		check(t, fresh, tokD)
	})
}

// The Parameter Store bridge in a replica's region reads the replica.
func TestBridgeReadsReplica(t *testing.T) {
	t.Parallel()
	st, _, us, _ := replStore(t)
	mustCreate(t, us, "app/a", "v1", tokA)
	replicate(t, us, "app/a", region("eu-west-1"))
	ps := ssmfake.New(st, ssmfake.WithRegion("eu-west-1"))
	out, err := ps.GetParameter(context.Background(), &ssm.GetParameterInput{Name: aws.String("/aws/reference/secretsmanager/app/a"), WithDecryption: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(out.Parameter.Value) != "v1" || aws.ToString(out.Parameter.ARN) != arnAEu {
		t.Errorf("bridge in eu-west-1 = %s %s, want v1 from %s", aws.ToString(out.Parameter.ARN), aws.ToString(out.Parameter.Value), arnAEu)
	}
}

// The bridge's SourceResult follows label moves: it is cached per version
// and the cache is dropped whenever the version's labels change.
func TestBridgeSourceResultFollowsLabels(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, _, us, _ := replStore(t)
	ps := ssmfake.New(st)
	mustCreate(t, us, "app/a", "v1", tokA)
	stagesOf := func(name string) string {
		t.Helper()
		out, err := ps.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name), WithDecryption: aws.Bool(true)})
		if err != nil {
			t.Fatal(err)
		}
		src := aws.ToString(out.Parameter.SourceResult)
		i, j := strings.Index(src, `"versionStages":`), strings.Index(src, `,"createdDate"`)
		if i < 0 || j < i {
			return ""
		}
		return src[i+len(`"versionStages":`) : j]
	}
	if got := stagesOf("/aws/reference/secretsmanager/app/a"); got != `["AWSCURRENT"]` {
		t.Fatalf("first read: %s", got)
	}
	mustPut(t, us, "app/a", "v2", tokB)
	if got := stagesOf("/aws/reference/secretsmanager/app/a:" + tokA); got != "" {
		t.Errorf("by version id: versionStages %s, want none (docs/aws-behaviour.md §1.2, S)", got)
	}
	if got := stagesOf("/aws/reference/secretsmanager/app/a:AWSPREVIOUS"); got != `["AWSPREVIOUS"]` {
		t.Errorf("the old version after a put: %s, want [\"AWSPREVIOUS\"]", got)
	}
	if _, err := us.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String("app/a"), VersionStage: aws.String("BLUE"), MoveToVersionId: aws.String(tokB)}); err != nil {
		t.Fatal(err)
	}
	if got := stagesOf("/aws/reference/secretsmanager/app/a"); got != `["AWSCURRENT","BLUE"]` {
		t.Errorf("after adding BLUE: %s", got)
	}
}
