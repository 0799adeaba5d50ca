package reliability_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// TestCallLogOutputOfFailedCalls: a failed call is logged with its error
// and no Output (Call.Output: "nil when Err is set"), whichever way it
// failed: client-side validation, a fault, the state (through Run and
// through RunInto), a missing secret; a call that succeeds is logged with
// the output it returned.
func TestCallLogOutputOfFailedCalls(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := fakeaws.New()
	pc, sc := ssmfake.New(st), smfake.New(st)
	planned := errors.New("planned")
	st.FailNext(ssmfake.OpDeleteParameter, planned)
	fails := []func() error{
		func() error { _, err := pc.GetParameter(ctx, &ssm.GetParameterInput{}); return err }, // validation
		func() error {
			_, err := pc.DeleteParameter(ctx, &ssm.DeleteParameterInput{Name: aws.String("/p")})
			return err
		}, // fault
		func() error {
			_, err := pc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/missing")})
			return err
		},
		func() error {
			_, err := sc.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("missing")})
			return err
		},
		func() error {
			_, err := pc.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/"), MaxResults: aws.Int32(99)})
			return err
		},
	}
	for i, f := range fails {
		if f() == nil {
			t.Fatalf("call %d succeeded; it should fail", i)
		}
	}
	ok, err := pc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/p"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString})
	if err != nil {
		t.Fatal(err)
	}
	calls := st.Calls()
	if len(calls) != len(fails)+1 {
		t.Fatalf("%d calls logged, want %d", len(calls), len(fails)+1)
	}
	for i, c := range calls[:len(fails)] {
		if c.Err == nil || c.Output != nil {
			t.Errorf("failed call %d (%s) logged with Err %v and Output %#v; want an error and a nil Output", i, c.Op, c.Err, c.Output)
		}
	}
	last := calls[len(calls)-1]
	if last.Err != nil {
		t.Errorf("PutParameter logged with Err %v", last.Err)
	}
	if diff := cmp.Diff(any(ok), last.Output, ignoreNoSmithy); diff != "" {
		t.Errorf("PutParameter's logged Output (-returned +logged):\n%s", diff)
	}
}

// TestGetParametersByPathFilterOptions: each filter key with each option
// GetParametersByPath takes: Type and KeyId with Equals (the default) or
// BeginsWith; Label with Equals only (InvalidFilterOption otherwise).
// API: GetParametersByPath, ParameterFilters: "The following Key values are
// supported for GetParametersByPath: Type, KeyId, and Label"; the options
// as docs/aws-behaviour.md §2 gives them.
func TestGetParametersByPathFilterOptions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pc := ssmfake.New(fakeaws.New())
	for _, p := range []ssm.PutParameterInput{
		{Name: aws.String("/f/plain"), Value: aws.String("v"), Type: ssmtypes.ParameterTypeString},
		{Name: aws.String("/f/list"), Value: aws.String("a,b"), Type: ssmtypes.ParameterTypeStringList},
		{Name: aws.String("/f/secure"), Value: aws.String("s"), Type: ssmtypes.ParameterTypeSecureString},
		{Name: aws.String("/f/custom"), Value: aws.String("s"), Type: ssmtypes.ParameterTypeSecureString, KeyId: aws.String("alias/custom")},
	} {
		if _, err := pc.PutParameter(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := pc.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String("/f/list"), Labels: []string{"prod"}}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		key, option string
		values      []string
		want        []string // names, or the error code
	}{
		{"Type", "", []string{"String"}, []string{"/f/plain"}},
		{"Type", "Equals", []string{"String"}, []string{"/f/plain"}},
		{"Type", "BeginsWith", []string{"String"}, []string{"/f/list", "/f/plain"}},
		{"Type", "Equals", []string{"SecureString", "StringList"}, []string{"/f/custom", "/f/list", "/f/secure"}},
		{"KeyId", "Equals", []string{"alias/custom"}, []string{"/f/custom"}},
		{"KeyId", "BeginsWith", []string{"alias/"}, []string{"/f/custom", "/f/secure"}},
		{"Label", "", []string{"prod"}, []string{"/f/list"}},
		{"Label", "Equals", []string{"prod"}, []string{"/f/list"}},
		{"Label", "BeginsWith", []string{"pr"}, []string{"InvalidFilterOption"}},
		{"Type", "Contains", []string{"String"}, []string{"InvalidFilterOption"}},
	} {
		f := ssmtypes.ParameterStringFilter{Key: aws.String(tc.key), Values: tc.values}
		if tc.option != "" {
			f.Option = aws.String(tc.option)
		}
		out, err := pc.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/f"), WithDecryption: aws.Bool(true), ParameterFilters: []ssmtypes.ParameterStringFilter{f}})
		var got []string
		if err != nil {
			got = []string{errCode(err)}
		} else {
			for _, p := range out.Parameters {
				got = append(got, aws.ToString(p.Name))
			}
			slices.Sort(got)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s %q %v (-want +got):\n%s", tc.key, tc.option, tc.values, diff)
		}
	}
}

// newSecretWithVersions makes secret n with versions v1, v2, v3 (v3
// AWSCURRENT, v2 AWSPREVIOUS, v1 deprecated) and returns their IDs.
func newSecretWithVersions(t *testing.T, sc *smfake.Client, n string) []string {
	t.Helper()
	ctx := context.Background()
	ids := []string{"a0000000-0000-0000-0000-000000000001", "a0000000-0000-0000-0000-000000000002", "a0000000-0000-0000-0000-000000000003"}
	if _, err := sc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(n), SecretString: aws.String("v1"), ClientRequestToken: aws.String(ids[0])}); err != nil {
		t.Fatal(err)
	}
	for i, id := range ids[1:] {
		if _, err := sc.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String(n), SecretString: aws.String("v" + string(rune('2'+i))), ClientRequestToken: aws.String(id)}); err != nil {
			t.Fatal(err)
		}
	}
	return ids
}

// TestStageMoveOntoItsHolder: moving a label onto the version that already
// holds it, without RemoveFromVersionId, succeeds and changes no label:
// AWSCURRENT stays, AWSPREVIOUS does not move onto the current version, a
// custom label stays where it was. (UpdateSecretVersionStage; the text of
// RemoveFromVersionId asks for it only when the label "is currently
// attached to a different version".)
func TestStageMoveOntoItsHolder(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	sc := smfake.New(fakeaws.New())
	ids := newSecretWithVersions(t, sc, "s")
	if _, err := sc.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String("s"), VersionStage: aws.String("S1"), MoveToVersionId: aws.String(ids[1])}); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{ids[1]: {"AWSPREVIOUS", "S1"}, ids[2]: {"AWSCURRENT"}}
	for _, tc := range []struct{ stage, to string }{{"AWSCURRENT", ids[2]}, {"S1", ids[1]}, {"AWSPREVIOUS", ids[1]}} {
		if _, err := sc.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String("s"), VersionStage: aws.String(tc.stage), MoveToVersionId: aws.String(tc.to)}); err != nil {
			t.Errorf("moving %s onto %s, which holds it: %v", tc.stage, tc.to, err)
		}
		desc, err := sc.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
		if err != nil {
			t.Fatal(err)
		}
		got := desc.VersionIdsToStages
		for _, s := range got {
			slices.Sort(s)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("after moving %s onto its holder (-want +got):\n%s", tc.stage, diff)
		}
	}
}

// TestIncludeDeprecatedFalse: IncludeDeprecated false lists what leaving it
// out lists, the versions with a label; true adds the deprecated ones
// (ListSecretVersionIdsInput.IncludeDeprecated: "Specifies whether to
// include versions of secrets that don't have any staging labels
// attached").
func TestIncludeDeprecatedFalse(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	sc := smfake.New(fakeaws.New())
	ids := newSecretWithVersions(t, sc, "s")
	list := func(inc *bool) []string {
		out, err := sc.ListSecretVersionIds(ctx, &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String("s"), IncludeDeprecated: inc})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, v := range out.Versions {
			got = append(got, aws.ToString(v.VersionId))
		}
		slices.Sort(got)
		return got
	}
	for _, tc := range []struct {
		name string
		inc  *bool
		want []string
	}{
		{"left out", nil, ids[1:]},
		{"false", aws.Bool(false), ids[1:]},
		{"true", aws.Bool(true), ids},
	} {
		if diff := cmp.Diff(tc.want, list(tc.inc)); diff != "" {
			t.Errorf("IncludeDeprecated %s (-want +got):\n%s", tc.name, diff)
		}
	}
}

// TestForcedDeleteOfScheduledSecret: ForceDeleteWithoutRecovery on a
// secret already scheduled for deletion deletes it at once (docs/aws-
// behaviour.md §3.5; DeleteSecretInput.ForceDeleteWithoutRecovery), while
// a second delete without force is refused; the name is then free.
func TestForcedDeleteOfScheduledSecret(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	sc := smfake.New(fakeaws.New())
	if _, err := sc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v")}); err != nil {
		t.Fatal(err)
	}
	if _, err := sc.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("s")}); err != nil {
		t.Fatal(err)
	}
	if _, err := sc.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("s")}); errCode(err) != "InvalidRequestException" {
		t.Errorf("second delete without force: %v, want InvalidRequestException", err)
	}
	out, err := sc.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("s"), ForceDeleteWithoutRecovery: aws.Bool(true)})
	if err != nil {
		t.Fatalf("forced delete of a scheduled secret: %v", err)
	}
	if aws.ToString(out.Name) != "s" || out.DeletionDate == nil {
		t.Errorf("forced delete answered %+v, want Name s and a DeletionDate", out)
	}
	if _, err := sc.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")}); errCode(err) != "ResourceNotFoundException" {
		t.Errorf("DescribeSecret after the forced delete: %v, want ResourceNotFoundException", err)
	}
	if _, err := sc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("again")}); err != nil {
		t.Errorf("CreateSecret of the name after the forced delete: %v", err)
	}
	listed, err := sc.ListSecrets(ctx, &secretsmanager.ListSecretsInput{IncludePlannedDeletion: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	if len(listed.SecretList) != 1 || listed.SecretList[0].DeletedDate != nil {
		t.Errorf("ListSecrets after delete and create: %+v, want the one new secret", listed.SecretList)
	}
}

// TestHistoryAnswerIsACopy: writing into a GetParameterHistory answer
// (labels, policies, strings) changes neither the Store nor the next
// answer, which is compared with values written out here, not with
// another answer that could share the same memory.
func TestHistoryAnswerIsACopy(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pc := ssmfake.New(fakeaws.New())
	policy := `[{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2030-01-01T00:00:00.000Z"}}]`
	if _, err := pc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/h"), Value: aws.String("v1"), Type: ssmtypes.ParameterTypeString,
		Tier: ssmtypes.ParameterTierAdvanced, Policies: aws.String(policy)}); err != nil {
		t.Fatal(err)
	}
	if _, err := pc.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String("/h"), Labels: []string{"L1", "L2"}}); err != nil {
		t.Fatal(err)
	}
	read := func() ssmtypes.ParameterHistory {
		out, err := pc.GetParameterHistory(ctx, &ssm.GetParameterHistoryInput{Name: aws.String("/h")})
		if err != nil || len(out.Parameters) != 1 {
			t.Fatalf("GetParameterHistory: %+v, %v", out, err)
		}
		return out.Parameters[0]
	}
	first := read()
	if len(first.Policies) != 1 {
		t.Fatalf("history has policies %+v, want one", first.Policies)
	}
	first.Labels[0], first.Labels[1] = "MUTATED", "MUTATED"
	first.Labels = append(first.Labels[:1], "APPENDED")
	*first.Policies[0].PolicyText = "MUTATED"
	first.Policies[0].PolicyStatus = aws.String("MUTATED")
	*first.Value = "MUTATED"
	*first.Name = "MUTATED"
	again := read()
	if diff := cmp.Diff([]string{"L1", "L2"}, again.Labels); diff != "" {
		t.Errorf("Labels after writing into an earlier answer (-want +got):\n%s", diff)
	}
	if aws.ToString(again.Value) != "v1" || aws.ToString(again.Name) != "/h" {
		t.Errorf("Value, Name = %q, %q after writing into an earlier answer, want v1, /h", aws.ToString(again.Value), aws.ToString(again.Name))
	}
	if len(again.Policies) != 1 || aws.ToString(again.Policies[0].PolicyText) == "MUTATED" || aws.ToString(again.Policies[0].PolicyStatus) == "MUTATED" {
		t.Errorf("Policies after writing into an earlier answer: %+v", again.Policies)
	}
}

// TestPromotedReplicaIsChanged: StopReplicationToReplica changes the
// replica (it becomes a standalone secret), so its LastChangedDate is the
// time of the call (DescribeSecret, LastChangedDate: "The last date and
// time that this secret was modified in any way").
func TestPromotedReplicaIsChanged(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	clk := clock.NewFake(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	st := fakeaws.New(fakeaws.WithClock(clk))
	us, eu := smfake.New(st), smfake.New(st, smfake.WithRegion("eu-west-1"))
	if _, err := us.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v"),
		AddReplicaRegions: []smtypes.ReplicaRegionType{{Region: aws.String("eu-west-1")}}}); err != nil {
		t.Fatal(err)
	}
	promoted := clk.Advance(time.Hour)
	if _, err := eu.StopReplicationToReplica(ctx, &secretsmanager.StopReplicationToReplicaInput{SecretId: aws.String("s")}); err != nil {
		t.Fatal(err)
	}
	desc, err := eu.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
	if err != nil {
		t.Fatal(err)
	}
	if got := aws.ToTime(desc.LastChangedDate); !got.Equal(promoted) {
		t.Errorf("LastChangedDate after StopReplicationToReplica = %v, want %v", got, promoted)
	}
	if desc.PrimaryRegion != nil {
		t.Errorf("PrimaryRegion = %q after StopReplicationToReplica, want none", aws.ToString(desc.PrimaryRegion))
	}
}

// TestUpdateSecretType: UpdateSecret's Type replaces the secret's type,
// which DescribeSecret then shows; an UpdateSecret without Type keeps it
// (UpdateSecretInput.Type).
func TestUpdateSecretType(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	sc := smfake.New(fakeaws.New())
	if _, err := sc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("s"), SecretString: aws.String("v"), Type: aws.String("old")}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		in   *secretsmanager.UpdateSecretInput
		want string
	}{
		{&secretsmanager.UpdateSecretInput{SecretId: aws.String("s"), Type: aws.String("new")}, "new"},
		{&secretsmanager.UpdateSecretInput{SecretId: aws.String("s"), Description: aws.String("d")}, "new"},
	} {
		if _, err := sc.UpdateSecret(ctx, tc.in); err != nil {
			t.Fatal(err)
		}
		desc, err := sc.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("s")})
		if err != nil {
			t.Fatal(err)
		}
		if got := aws.ToString(desc.Type); got != tc.want {
			t.Errorf("Type after UpdateSecret(%s) = %q, want %q", jsonOf(tc.in), got, tc.want)
		}
	}
}
