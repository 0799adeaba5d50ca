package fakeaws_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// TestLoadEmptiesPartitionsItDoesNotName: Load replaces the whole state, so
// a partition (account and region) the loaded state does not name is left
// empty, not as it was.
func TestLoadEmptiesPartitionsItDoesNotName(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := fakeaws.New()
	eu := smfake.New(st, smfake.WithRegion("eu-west-1"))
	if _, err := eu.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("old"), SecretString: aws.String("v")}); err != nil {
		t.Fatal(err)
	}
	// The state to load: one secret in us-east-1 only.
	other := fakeaws.New()
	if _, err := smfake.New(other).CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("new"), SecretString: aws.String("n")}); err != nil {
		t.Fatal(err)
	}
	var fixture bytes.Buffer
	if err := other.Dump(&fixture); err != nil {
		t.Fatal(err)
	}
	if err := st.Load(&fixture); err != nil {
		t.Fatalf("Load: %v", err)
	}
	if _, err := eu.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("old")}); err == nil {
		t.Errorf("a secret of eu-west-1, which the loaded state does not name, is still there after Load")
	}
	if _, err := smfake.New(st).DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("new")}); err != nil {
		t.Errorf("the loaded secret: %v", err)
	}
}

// TestSnapshotOfOneSecret: a Store whose only content is one secret keeps
// it through Snapshot → Reset → Restore and Dump → Reset → Load.
func TestSnapshotOfOneSecret(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := fakeaws.New()
	sc := smfake.New(st)
	if _, err := sc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("only"), SecretString: aws.String("v")}); err != nil {
		t.Fatal(err)
	}
	snap := st.Snapshot()
	var dump bytes.Buffer
	if err := st.Dump(&dump); err != nil {
		t.Fatal(err)
	}
	for name, back := range map[string]func() error{
		"Restore": func() error { return st.Restore(snap) },
		"Load":    func() error { return st.Load(bytes.NewReader(dump.Bytes())) },
	} {
		st.Reset()
		if err := back(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out, err := sc.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("only")})
		if err != nil || aws.ToString(out.SecretString) != "v" {
			t.Errorf("after Reset and %s: %+v, %v; want the secret back", name, out, err)
		}
	}
}

// TestSnapshotOfOneServiceSetting: a Store whose only content is one
// changed service setting keeps it through Snapshot → Reset → Restore.
func TestSnapshotOfOneServiceSetting(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := fakeaws.New()
	pc := ssmfake.New(st)
	const id = "/ssm/parameter-store/high-throughput-enabled"
	if _, err := pc.UpdateServiceSetting(ctx, &ssm.UpdateServiceSettingInput{SettingId: aws.String(id), SettingValue: aws.String("true")}); err != nil {
		t.Fatal(err)
	}
	snap := st.Snapshot()
	st.Reset()
	if err := st.Restore(snap); err != nil {
		t.Fatal(err)
	}
	out, err := pc.GetServiceSetting(ctx, &ssm.GetServiceSettingInput{SettingId: aws.String(id)})
	if err != nil || aws.ToString(out.ServiceSetting.SettingValue) != "true" {
		t.Errorf("after Reset and Restore: %+v, %v; want the setting true", out, err)
	}
}

// TestCallLogOfOne: WithCallLog(1) keeps the last call (0 turns the log
// off; any other size keeps that many).
func TestCallLogOfOne(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := fakeaws.New(fakeaws.WithCallLog(1))
	sc := smfake.New(st)
	for _, n := range []string{"a", "b"} {
		sc.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String(n)})
	}
	calls := st.Calls()
	if len(calls) != 1 {
		t.Fatalf("WithCallLog(1) kept %d calls, want 1", len(calls))
	}
	if in, ok := calls[0].Input.(*secretsmanager.DescribeSecretInput); !ok || aws.ToString(in.SecretId) != "b" {
		t.Errorf("WithCallLog(1) kept %+v, want the last call (b)", calls[0].Input)
	}
}
