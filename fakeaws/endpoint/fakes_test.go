package endpoint

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// call is one step of the sequence replayed through every way in.
type call struct {
	sm bool // Secrets Manager (else Parameter Store)
	op string
	in any
}

// sequence exercises every Parameter Store and Secrets Manager operation
// the fakes serve, with outputs of every shape: timestamps, blobs, lists,
// maps, nested structures, and errors. Idempotency tokens are given: the
// SDK fills in a random one when they are absent, the direct fake does not.
func sequence() []call {
	s := aws.String
	tags := []ssmtypes.Tag{{Key: s("team"), Value: s("core")}}
	return []call{
		{false, "PutParameter", &ssm.PutParameterInput{Name: s("/app/db/host"), Value: s("db1"), Type: ssmtypes.ParameterTypeString, Description: s("the host")}},
		{false, "PutParameter", &ssm.PutParameterInput{Name: s("/app/db/host"), Value: s("db2"), Overwrite: aws.Bool(true)}},
		{false, "PutParameter", &ssm.PutParameterInput{Name: s("/app/db/password"), Value: s("pw"), Type: ssmtypes.ParameterTypeSecureString, Tags: tags}},
		{false, "PutParameter", &ssm.PutParameterInput{Name: s("/app/list"), Value: s("a,b,c"), Type: ssmtypes.ParameterTypeStringList}},
		{false, "PutParameter", &ssm.PutParameterInput{Name: s("/app/db/host"), Value: s("again")}},
		{false, "GetParameter", &ssm.GetParameterInput{Name: s("/app/db/host")}},
		{false, "GetParameter", &ssm.GetParameterInput{Name: s("/app/db/host:1")}},
		{false, "GetParameter", &ssm.GetParameterInput{Name: s("/app/db/password"), WithDecryption: aws.Bool(true)}},
		{false, "GetParameter", &ssm.GetParameterInput{Name: s("/app/missing")}},
		{false, "GetParameters", &ssm.GetParametersInput{Names: []string{"/app/db/host", "/app/nope", "/app/list"}}},
		{false, "GetParametersByPath", &ssm.GetParametersByPathInput{Path: s("/app"), Recursive: aws.Bool(true), MaxResults: aws.Int32(2)}},
		{false, "DescribeParameters", &ssm.DescribeParametersInput{}},
		{false, "GetParameterHistory", &ssm.GetParameterHistoryInput{Name: s("/app/db/host")}},
		{false, "LabelParameterVersion", &ssm.LabelParameterVersionInput{Name: s("/app/db/host"), ParameterVersion: aws.Int64(1), Labels: []string{"stable", "9bad"}}},
		{false, "GetParameter", &ssm.GetParameterInput{Name: s("/app/db/host:stable")}},
		{false, "UnlabelParameterVersion", &ssm.UnlabelParameterVersionInput{Name: s("/app/db/host"), ParameterVersion: aws.Int64(1), Labels: []string{"stable", "other"}}},
		{false, "AddTagsToResource", &ssm.AddTagsToResourceInput{ResourceType: ssmtypes.ResourceTypeForTaggingParameter, ResourceId: s("/app/db/host"), Tags: tags}},
		{false, "ListTagsForResource", &ssm.ListTagsForResourceInput{ResourceType: ssmtypes.ResourceTypeForTaggingParameter, ResourceId: s("/app/db/host")}},
		{false, "RemoveTagsFromResource", &ssm.RemoveTagsFromResourceInput{ResourceType: ssmtypes.ResourceTypeForTaggingParameter, ResourceId: s("/app/db/host"), TagKeys: []string{"team"}}},
		{false, "DeleteParameter", &ssm.DeleteParameterInput{Name: s("/app/list")}},
		{false, "DeleteParameter", &ssm.DeleteParameterInput{Name: s("/app/list")}},
		{false, "DeleteParameters", &ssm.DeleteParametersInput{Names: []string{"/app/db/password", "/app/nope"}}},

		{true, "CreateSecret", &secretsmanager.CreateSecretInput{Name: s("prod/db"), SecretString: s(`{"user":"app"}`), Description: s("db"), Tags: []smtypes.Tag{{Key: s("env"), Value: s("prod")}}, ClientRequestToken: s("aaaaaaaa-0000-4000-8000-000000000000")}},
		{true, "CreateSecret", &secretsmanager.CreateSecretInput{Name: s("prod/cert"), SecretBinary: []byte{0, 1, 2, 0xff}, ClientRequestToken: s("aaaaaaaa-0000-4000-8000-000000000001")}},
		{true, "CreateSecret", &secretsmanager.CreateSecretInput{Name: s("prod/db"), SecretString: s("x"), ClientRequestToken: s("aaaaaaaa-0000-4000-8000-00000000000f")}},
		{true, "GetSecretValue", &secretsmanager.GetSecretValueInput{SecretId: s("prod/db")}},
		{true, "GetSecretValue", &secretsmanager.GetSecretValueInput{SecretId: s("prod/cert")}},
		{true, "PutSecretValue", &secretsmanager.PutSecretValueInput{SecretId: s("prod/db"), SecretString: s(`{"user":"app2"}`), ClientRequestToken: s("bbbbbbbb-0000-4000-8000-000000000002")}},
		{true, "PutSecretValue", &secretsmanager.PutSecretValueInput{SecretId: s("prod/db"), SecretString: s("staged"), VersionStages: []string{"NEXT"}, ClientRequestToken: s("cccccccc-0000-4000-8000-000000000003")}},
		{true, "GetSecretValue", &secretsmanager.GetSecretValueInput{SecretId: s("prod/db"), VersionStage: s("AWSPREVIOUS")}},
		{true, "DescribeSecret", &secretsmanager.DescribeSecretInput{SecretId: s("prod/db")}},
		{true, "ListSecrets", &secretsmanager.ListSecretsInput{}},
		{true, "ListSecretVersionIds", &secretsmanager.ListSecretVersionIdsInput{SecretId: s("prod/db")}},
		{true, "UpdateSecretVersionStage", &secretsmanager.UpdateSecretVersionStageInput{SecretId: s("prod/db"), VersionStage: s("AWSCURRENT"), MoveToVersionId: s("aaaaaaaa-0000-4000-8000-000000000001")}},
		{true, "TagResource", &secretsmanager.TagResourceInput{SecretId: s("prod/db"), Tags: []smtypes.Tag{{Key: s("owner"), Value: s("me")}}}},
		{true, "UntagResource", &secretsmanager.UntagResourceInput{SecretId: s("prod/db"), TagKeys: []string{"env"}}},
		{true, "UpdateSecret", &secretsmanager.UpdateSecretInput{SecretId: s("prod/db"), Description: s("new"), ClientRequestToken: s("dddddddd-0000-4000-8000-000000000004")}},
		{true, "GetRandomPassword", &secretsmanager.GetRandomPasswordInput{PasswordLength: aws.Int64(24)}},
		{true, "BatchGetSecretValue", &secretsmanager.BatchGetSecretValueInput{SecretIdList: []string{"prod/db", "prod/none"}}},
		{true, "DeleteSecret", &secretsmanager.DeleteSecretInput{SecretId: s("prod/cert"), RecoveryWindowInDays: aws.Int64(7)}},
		{true, "GetSecretValue", &secretsmanager.GetSecretValueInput{SecretId: s("prod/cert")}},
		{true, "RestoreSecret", &secretsmanager.RestoreSecretInput{SecretId: s("prod/cert")}},
		{true, "GetSecretValue", &secretsmanager.GetSecretValueInput{SecretId: s("prod/none")}},
		{false, "GetParameter", &ssm.GetParameterInput{Name: s("/aws/reference/secretsmanager/prod/db"), WithDecryption: aws.Bool(true)}},
	}
}

// answer is what one step returned.
type answer struct {
	Out     any
	Code    string
	Message string
	Text    string // err.Error()
}

// replay runs the sequence against one way in, on a fresh seeded Store on a
// fake clock, and returns every answer (nil for operations not served).
func replay(t *testing.T, way string) []*answer {
	t.Helper()
	t0 := time.Date(2024, 3, 4, 5, 6, 7, 890e6, time.UTC)
	clk := clock.NewFake(t0)
	st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithSeed(42), fakeaws.WithRegion("eu-west-1"))
	var ssmc, smc any
	switch way {
	case "direct":
		ssmc, smc = ssmfake.New(st), smfake.New(st)
	case "config":
		cfg := Config(st)
		cfg.RetryMaxAttempts = 1
		ssmc, smc = ssm.NewFromConfig(cfg), secretsmanager.NewFromConfig(cfg)
	case "server":
		srv := NewServer(st)
		t.Cleanup(srv.Close)
		cfg := srv.Config()
		cfg.RetryMaxAttempts = 1
		ssmc, smc = ssm.NewFromConfig(cfg), secretsmanager.NewFromConfig(cfg)
	}
	fakeSSM, fakeSM := reflect.TypeFor[*ssmfake.Client](), reflect.TypeFor[*smfake.Client]()
	var answers []*answer
	for i, c := range sequence() {
		clk.Set(t0.Add(time.Duration(i) * 1500 * time.Millisecond))
		client, fake := ssmc, fakeSSM
		if c.sm {
			client, fake = smc, fakeSM
		}
		if _, ok := fake.MethodByName(c.op); !ok {
			answers = append(answers, nil)
			continue
		}
		out, err := callSDK(context.Background(), client, c.op, c.in)
		// The answer as it was when returned: the wire encodes it at once,
		// so compare the direct answer before later calls can touch it
		// (whether the fakes hand out their own state is for their tests).
		a := &answer{Out: core.DeepCopyAny(out)}
		if err != nil {
			a.Out, a.Text = nil, err.Error()
			var api smithy.APIError
			if errors.As(err, &api) {
				a.Code, a.Message = api.ErrorCode(), api.ErrorMessage()
			}
		}
		answers = append(answers, a)
	}
	return answers
}

// TestRealSDKMatchesDirect replays one sequence over every operation the
// fakes serve through the direct fake clients, the real SDK clients over
// Config, and over the loopback server: every output and every error (code,
// message, err.Error()) must be the same.
func TestRealSDKMatchesDirect(t *testing.T) {
	t.Parallel()
	want := replay(t, "direct")
	served := 0
	for _, a := range want {
		if a != nil {
			served++
		}
	}
	if served == 0 {
		t.Skip("the fake clients serve no operation yet")
	}
	seq := sequence()
	for _, way := range []string{"config", "server"} {
		t.Run(way, func(t *testing.T) {
			t.Parallel()
			got := replay(t, way)
			for i := range want {
				if diff := cmp.Diff(want[i], got[i], sdkCompare); diff != "" {
					t.Errorf("step %d %s: (-direct +%s):\n%s", i+1, seq[i].op, way, diff)
				}
			}
		})
	}
}
