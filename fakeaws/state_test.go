package fakeaws_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
)

// readAll is what a test sees of a Store through a way in: one parameter
// and one secret.
func readAll(t *testing.T, pc paramAPI, sc secretAPI) []string {
	t.Helper()
	ctx := context.Background()
	var got []string
	if out, err := pc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/mode")}); err != nil {
		got = append(got, "param: "+apiError(t, err).ErrorCode())
	} else {
		got = append(got, "param: "+*out.Parameter.Value)
	}
	if out, err := sc.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("db")}); err != nil {
		got = append(got, "secret: "+apiError(t, err).ErrorCode())
	} else {
		got = append(got, "secret: "+*out.SecretString)
	}
	return got
}

func TestSnapshotRestoreResetInEveryMode(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			st := fakeaws.New(fakeaws.WithClock(clock.NewFake(time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC))))
			pc, sc := m.clients(t, st)
			pc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/mode"), Value: aws.String("blue"), Type: ssmtypes.ParameterTypeString})
			sc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("db"), SecretString: aws.String("pw1")})

			snap := st.Snapshot()
			pc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/mode"), Value: aws.String("green"), Overwrite: aws.Bool(true)})
			sc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("extra"), SecretString: aws.String("x")})
			if diff := cmp.Diff([]string{"param: green", "secret: pw1"}, readAll(t, pc, sc)); diff != "" {
				t.Fatalf("before Restore (-want +got):\n%s", diff)
			}

			if err := st.Restore(snap); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]string{"param: blue", "secret: pw1"}, readAll(t, pc, sc)); diff != "" {
				t.Errorf("after Restore (-want +got):\n%s", diff)
			}
			// The version history came back too: the next put is version 2.
			out, err := pc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/mode"), Value: aws.String("red"), Overwrite: aws.Bool(true)})
			if err != nil || out.Version != 2 {
				t.Errorf("put after Restore: %+v, %v; want version 2", out, err)
			}
			if _, err := sc.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("extra")}); apiError(t, err).ErrorCode() != "ResourceNotFoundException" {
				t.Errorf("a secret made after the snapshot survived Restore: %v", err)
			}
			// The snapshot is unchanged by what happened since: restore again.
			if err := st.Restore(snap); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]string{"param: blue", "secret: pw1"}, readAll(t, pc, sc)); diff != "" {
				t.Errorf("second Restore (-want +got):\n%s", diff)
			}

			st.Reset()
			if diff := cmp.Diff([]string{"param: ParameterNotFound", "secret: ResourceNotFoundException"}, readAll(t, pc, sc)); diff != "" {
				t.Errorf("after Reset (-want +got):\n%s", diff)
			}
			if n := len(st.Calls()); n != 2 {
				t.Errorf("%d calls logged after Reset and two reads, want 2", n)
			}
		})
	}
}

func TestDumpLoadRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			clk := clock.NewFake(time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC))
			src := fakeaws.New(fakeaws.WithClock(clk))
			pc, sc := m.clients(t, src)
			pc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/mode"), Value: aws.String("blue"), Type: ssmtypes.ParameterTypeString,
				Tags: []ssmtypes.Tag{{Key: aws.String("team"), Value: aws.String("core")}}})
			sc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("db"), SecretString: aws.String("pw1")})
			clk.Advance(time.Minute)
			sc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("db"), SecretString: aws.String("pw1")})

			var dump bytes.Buffer
			if err := src.Dump(&dump); err != nil {
				t.Fatal(err)
			}
			dst := fakeaws.New(fakeaws.WithClock(clk))
			if err := dst.Load(bytes.NewReader(dump.Bytes())); err != nil {
				t.Fatalf("Load of a Dump: %v\n%s", err, dump.String())
			}
			var again bytes.Buffer
			if err := dst.Dump(&again); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(dump.String(), again.String()); diff != "" {
				t.Errorf("Dump → Load → Dump differs (-first +second):\n%s", diff)
			}
			dpc, dsc := m.clients(t, dst)
			if diff := cmp.Diff([]string{"param: blue", "secret: pw1"}, readAll(t, dpc, dsc)); diff != "" {
				t.Errorf("reads after Load (-want +got):\n%s", diff)
			}
		})
	}
}

// A hand-written fixture: what a test or the server starts from.
const fixtureJSON = `{
  "partitions": [
    {
      "account": "123456789012",
      "region": "us-east-1",
      "parameters": [
        {"name": "/app/mode", "versions": [
          {"version": 1, "type": "String", "value": "blue", "lastModifiedDate": "2024-01-01T00:00:00Z", "labels": ["stable"]},
          {"version": 2, "type": "String", "value": "green", "lastModifiedDate": "2024-01-02T00:00:00Z"}
        ]}
      ],
      "secrets": [
        {"name": "db", "createdDate": "2024-01-01T00:00:00Z", "versions": [
          {"versionId": "11111111-1111-4111-8111-111111111111", "secretString": "pw1", "stages": ["AWSCURRENT"], "createdDate": "2024-01-01T00:00:00Z"}
        ]}
      ]
    }
  ]
}`

func TestLoadHandWrittenFixture(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			st := fakeaws.New()
			if err := st.Load(strings.NewReader(fixtureJSON)); err != nil {
				t.Fatal(err)
			}
			pc, sc := m.clients(t, st)
			if diff := cmp.Diff([]string{"param: green", "secret: pw1"}, readAll(t, pc, sc)); diff != "" {
				t.Errorf("reads (-want +got):\n%s", diff)
			}
			out, err := pc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/app/mode:stable")})
			if err != nil || *out.Parameter.Value != "blue" || out.Parameter.Version != 1 {
				t.Errorf("label from the fixture: %+v, %v", out, err)
			}
		})
	}
}

func TestLoadRejectsBadFixturesAndLoadsNothing(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, json, wantInErr string
	}{
		{"not JSON", `{"partitions": [`, "load"},
		{"misspelt field", `{"partitions": [{"account": "123456789012", "region": "us-east-1", "parameterz": []}]}`, "parameterz"},
		{"missing region", `{"partitions": [{"account": "123456789012"}]}`, "region"},
		{"bad parameter name", strings.Replace(fixtureJSON, `"/app/mode"`, `"/app/bad name!"`, 1), "bad name!"},
		{"label on two versions", strings.Replace(fixtureJSON, `"lastModifiedDate": "2024-01-02T00:00:00Z"}`, `"lastModifiedDate": "2024-01-02T00:00:00Z", "labels": ["stable"]}`, 1), "stable"},
		{"secret value and binary", strings.Replace(fixtureJSON, `"secretString": "pw1",`, `"secretString": "pw1", "secretBinary": "AAE=",`, 1), "db"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			st := fakeaws.New()
			if err := st.Load(strings.NewReader(fixtureJSON)); err != nil {
				t.Fatal(err)
			}
			var before bytes.Buffer
			st.Dump(&before)
			err := st.Load(strings.NewReader(tc.json))
			if err == nil || !strings.Contains(err.Error(), tc.wantInErr) {
				t.Fatalf("Load error = %v, want one naming %q", err, tc.wantInErr)
			}
			var after bytes.Buffer
			st.Dump(&after)
			if diff := cmp.Diff(before.String(), after.String()); diff != "" {
				t.Errorf("a failed Load changed the state (-before +after):\n%s", diff)
			}
		})
	}
}
