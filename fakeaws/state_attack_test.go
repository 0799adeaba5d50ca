package fakeaws_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// loadRefused loads fixture into a Store holding fixtureJSON and requires an
// error containing every one of want, and the Store unchanged.
func loadRefused(t *testing.T, fixture string, want ...string) {
	t.Helper()
	st := fakeaws.New()
	if err := st.Load(strings.NewReader(fixtureJSON)); err != nil {
		t.Fatal(err)
	}
	before := dump(t, st)
	err := st.Load(strings.NewReader(fixture))
	if err == nil {
		t.Fatalf("Load accepted it, want an error naming %q", want)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("Load error = %v, want one naming %q", err, w)
		}
	}
	if diff := cmp.Diff(before, dump(t, st)); diff != "" {
		t.Errorf("a refused Load changed the state (-before +after):\n%s", diff)
	}
}

const secretVersion = `"versions": [{"versionId": "11111111-1111-4111-8111-111111111111", "secretString": "pw", "stages": ["AWSCURRENT"], "createdDate": "2024-01-01T00:00:00Z"}]`

// Two secrets naming each other as primary describe a replication that
// cannot exist: refused, naming the secret and the loop.
func TestLoadRefusesReplicationLoops(t *testing.T) {
	t.Parallel()
	t.Run("region replicas of each other", func(t *testing.T) {
		t.Parallel()
		loadRefused(t, `{"partitions": [
			{"account": "123456789012", "region": "us-east-1", "secrets": [{"name": "db", "arn": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf", "createdDate": "2024-01-01T00:00:00Z", "primaryRegion": "us-west-2", `+secretVersion+`}]},
			{"account": "123456789012", "region": "us-west-2", "secrets": [{"name": "db", "arn": "arn:aws:secretsmanager:us-west-2:123456789012:secret:db-AbCdEf", "createdDate": "2024-01-01T00:00:00Z", "primaryRegion": "us-east-1", `+secretVersion+`}]}]}`,
			`secret "db"`, "replication loops", "us-east-1", "us-west-2")
	})
	t.Run("cross-account replicas of each other", func(t *testing.T) {
		t.Parallel()
		loadRefused(t, `{"partitions": [
			{"account": "111111111111", "region": "us-east-1", "secrets": [{"name": "a", "arn": "arn:aws:secretsmanager:us-east-1:111111111111:secret:a-AbCdEf", "createdDate": "2024-01-01T00:00:00Z",
				"crossAccountPrimary": {"primarySecretArn": "arn:aws:secretsmanager:us-east-1:222222222222:secret:b-AbCdEf", "status": "InSync"}, `+secretVersion+`}]},
			{"account": "222222222222", "region": "us-east-1", "secrets": [{"name": "b", "arn": "arn:aws:secretsmanager:us-east-1:222222222222:secret:b-AbCdEf", "createdDate": "2024-01-01T00:00:00Z",
				"crossAccountPrimary": {"primarySecretArn": "arn:aws:secretsmanager:us-east-1:111111111111:secret:a-AbCdEf", "status": "InSync"}, `+secretVersion+`}]}]}`,
			`secret "a"`, "replication loops")
	})
	t.Run("a replica of a replica", func(t *testing.T) {
		t.Parallel()
		loadRefused(t, `{"partitions": [
			{"account": "123456789012", "region": "us-east-1", "secrets": [{"name": "db", "arn": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf", "createdDate": "2024-01-01T00:00:00Z", "primaryRegion": "us-west-2", `+secretVersion+`}]},
			{"account": "123456789012", "region": "us-west-2", "secrets": [{"name": "db", "arn": "arn:aws:secretsmanager:us-west-2:123456789012:secret:db-AbCdEf", "createdDate": "2024-01-01T00:00:00Z", "primaryRegion": "eu-west-1", `+secretVersion+`}]}]}`,
			`secret "db"`, "is itself a replica")
	})
}

// A staging label on two versions of one secret is refused, naming it.
func TestLoadRefusesAStageOnTwoVersions(t *testing.T) {
	t.Parallel()
	loadRefused(t, `{"partitions": [{"account": "123456789012", "region": "us-east-1", "secrets": [{"name": "db", "createdDate": "2024-01-01T00:00:00Z", "versions": [
		{"versionId": "11111111-1111-4111-8111-111111111111", "secretString": "pw1", "stages": ["AWSCURRENT"], "createdDate": "2024-01-01T00:00:00Z"},
		{"versionId": "22222222-2222-4222-8222-222222222222", "secretString": "pw2", "stages": ["AWSCURRENT"], "createdDate": "2024-01-02T00:00:00Z"}]}]}]}`,
		`secret "db"`, "AWSCURRENT", "11111111-1111-4111-8111-111111111111")
}

// Values are bytes: a value that is not valid UTF-8 survives Dump and Load
// byte for byte (written in base64), for parameters of every type and
// secret strings; a fixture cannot give a value both ways.
func TestDumpLoadValuesByteExact(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	raw := "a\xffb\xc3(\x00z"
	st := fakeaws.New()
	p, s := ssmfake.New(st), smfake.New(st)
	for _, typ := range []ssmtypes.ParameterType{ssmtypes.ParameterTypeString, ssmtypes.ParameterTypeSecureString, ssmtypes.ParameterTypeStringList} {
		if _, err := p.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/bytes/" + string(typ)), Value: aws.String(raw), Type: typ}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("bytes"), SecretString: aws.String(raw)}); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := st.Dump(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"valueBase64"`) || !strings.Contains(b.String(), `"secretStringBase64"`) {
		t.Errorf("Dump wrote no base64 form:\n%s", b.String())
	}
	again := fakeaws.New()
	if err := again.Load(bytes.NewReader(b.Bytes())); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(b.String(), dump(t, again)); diff != "" {
		t.Errorf("Dump after Load differs (-first +second):\n%s", diff)
	}
	p2, s2 := ssmfake.New(again), smfake.New(again)
	for _, typ := range []ssmtypes.ParameterType{ssmtypes.ParameterTypeString, ssmtypes.ParameterTypeSecureString, ssmtypes.ParameterTypeStringList} {
		out, err := p2.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/bytes/" + string(typ)), WithDecryption: aws.Bool(true)})
		if err != nil {
			t.Fatal(err)
		}
		if got := aws.ToString(out.Parameter.Value); got != raw {
			t.Errorf("%s after Dump and Load = %q, want %q", typ, got, raw)
		}
	}
	out, err := s2.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("bytes")})
	if err != nil {
		t.Fatal(err)
	}
	if got := aws.ToString(out.SecretString); got != raw {
		t.Errorf("secret after Dump and Load = %q, want %q", got, raw)
	}

	loadRefused(t, `{"partitions": [{"account": "123456789012", "region": "us-east-1", "parameters": [{"name": "/p", "versions": [
		{"version": 1, "type": "String", "value": "v", "valueBase64": "/w==", "lastModifiedDate": "2024-01-01T00:00:00Z"}]}]}]}`, `"/p"`, "valueBase64")
	loadRefused(t, `{"partitions": [{"account": "123456789012", "region": "us-east-1", "secrets": [{"name": "db", "createdDate": "2024-01-01T00:00:00Z", "versions": [
		{"versionId": "11111111-1111-4111-8111-111111111111", "secretString": "pw", "secretStringBase64": "/w==", "stages": ["AWSCURRENT"], "createdDate": "2024-01-01T00:00:00Z"}]}]}]}`, `secret "db"`, "secretStringBase64")
}

// A secret whose versions hold no AWSCURRENT is refused, naming it: no
// operation can leave one so, since UpdateSecretVersionStage can only move
// AWSCURRENT (docs/aws-behaviour.md §3.5), and the operation itself refuses.
func TestLoadRefusesVersionsWithoutAWSCURRENT(t *testing.T) {
	t.Parallel()
	loadRefused(t, `{"partitions": [{"account": "123456789012", "region": "us-east-1", "secrets": [{"name": "db", "createdDate": "2024-01-01T00:00:00Z", "versions": [
		{"versionId": "11111111-1111-4111-8111-111111111111", "secretString": "pw1", "stages": ["AWSPREVIOUS"], "createdDate": "2024-01-01T00:00:00Z"}]}]}]}`,
		`secret "db"`, "AWSCURRENT")

	st := fakeaws.New(fakeaws.WithVersionIDs("11111111-1111-4111-8111-111111111111"))
	s := smfake.New(st)
	ctx := context.Background()
	if _, err := s.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("db"), SecretString: aws.String("pw")}); err != nil {
		t.Fatal(err)
	}
	_, err := s.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String("db"),
		VersionStage: aws.String("AWSCURRENT"), RemoveFromVersionId: aws.String("11111111-1111-4111-8111-111111111111")})
	var ipe *smtypes.InvalidParameterException
	if !errors.As(err, &ipe) {
		t.Fatalf("removing AWSCURRENT: %v, want InvalidParameterException", err)
	}
	d := dump(t, st)
	again := fakeaws.New()
	if err := again.Load(strings.NewReader(d)); err != nil {
		t.Fatalf("Load of what Dump wrote: %v", err)
	}
	if diff := cmp.Diff(d, dump(t, again)); diff != "" {
		t.Errorf("(-dumped +loaded):\n%s", diff)
	}
}
