package reliability_test

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
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
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/paramstore"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// readInputs are the calls TestReadsLeaveStateUnchanged makes of each
// operation declared as a read (Write false): hits, misses, pages, filters,
// selectors and references. A read declared without inputs here fails the
// test, so a new read is checked too.
func readInputs(paramARN, secretARN string) map[core.Op][]any {
	return map[core.Op][]any{
		"ssm:DescribeParameters": {
			&ssm.DescribeParametersInput{},
			&ssm.DescribeParametersInput{MaxResults: aws.Int32(1)},
			&ssm.DescribeParametersInput{ParameterFilters: []ssmtypes.ParameterStringFilter{{Key: aws.String("Name"), Option: aws.String("BeginsWith"), Values: []string{"/app"}}}},
			&ssm.DescribeParametersInput{ParameterFilters: []ssmtypes.ParameterStringFilter{{Key: aws.String("Bogus")}}},
		},
		"ssm:GetParameter": {
			&ssm.GetParameterInput{Name: aws.String("/app/db/url")},
			&ssm.GetParameterInput{Name: aws.String("/app/db/url:prod")},
			&ssm.GetParameterInput{Name: aws.String("/app/db/url:1")},
			&ssm.GetParameterInput{Name: aws.String("/app/key"), WithDecryption: aws.Bool(true)},
			&ssm.GetParameterInput{Name: aws.String("/aws/reference/secretsmanager/db"), WithDecryption: aws.Bool(true)},
			&ssm.GetParameterInput{Name: aws.String("/missing")},
		},
		"ssm:GetParameterHistory": {
			&ssm.GetParameterHistoryInput{Name: aws.String("/app/db/url")},
			&ssm.GetParameterHistoryInput{Name: aws.String("/app/db/url"), MaxResults: aws.Int32(1)},
			&ssm.GetParameterHistoryInput{Name: aws.String("/missing")},
		},
		"ssm:GetParameters": {
			&ssm.GetParametersInput{Names: []string{"/app/db/url", "/app/list", "/missing", "/app/db/url:prod"}},
			&ssm.GetParametersInput{Names: []string{"/aws/reference/secretsmanager/db"}, WithDecryption: aws.Bool(true)},
		},
		"ssm:GetParametersByPath": {
			&ssm.GetParametersByPathInput{Path: aws.String("/app"), Recursive: aws.Bool(true)},
			&ssm.GetParametersByPathInput{Path: aws.String("/app"), Recursive: aws.Bool(true), MaxResults: aws.Int32(1)},
			&ssm.GetParametersByPathInput{Path: aws.String("/app/db"), ParameterFilters: []ssmtypes.ParameterStringFilter{{Key: aws.String("Label"), Option: aws.String("Equals"), Values: []string{"prod"}}}},
		},
		"ssm:GetResourcePolicies": {
			&ssm.GetResourcePoliciesInput{ResourceArn: aws.String(paramARN)},
		},
		"ssm:GetServiceSetting": {
			&ssm.GetServiceSettingInput{SettingId: aws.String("/ssm/parameter-store/high-throughput-enabled")},
			&ssm.GetServiceSettingInput{SettingId: aws.String("/ssm/bogus")},
		},
		"ssm:ListTagsForResource": {
			&ssm.ListTagsForResourceInput{ResourceType: ssmtypes.ResourceTypeForTaggingParameter, ResourceId: aws.String("/app/db/url")},
		},
		"secretsmanager:DescribeSecret": {
			&secretsmanager.DescribeSecretInput{SecretId: aws.String("db")},
			&secretsmanager.DescribeSecretInput{SecretId: aws.String("gone")},
			&secretsmanager.DescribeSecretInput{SecretId: aws.String("missing")},
		},
		"secretsmanager:GetRandomPassword": {
			&secretsmanager.GetRandomPasswordInput{},
		},
		"secretsmanager:GetSecretValue": {
			&secretsmanager.GetSecretValueInput{SecretId: aws.String("db")},
			&secretsmanager.GetSecretValueInput{SecretId: aws.String(secretARN), VersionStage: aws.String("AWSPREVIOUS")},
			&secretsmanager.GetSecretValueInput{SecretId: aws.String("gone")},
		},
		"secretsmanager:ListSecretVersionIds": {
			&secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String("db")},
			&secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String("db"), IncludeDeprecated: aws.Bool(true), MaxResults: aws.Int32(1)},
		},
		"secretsmanager:ListSecrets": {
			&secretsmanager.ListSecretsInput{},
			&secretsmanager.ListSecretsInput{IncludePlannedDeletion: aws.Bool(true), MaxResults: aws.Int32(1)},
			&secretsmanager.ListSecretsInput{Filters: []smtypes.Filter{{Key: smtypes.FilterNameStringTypeName, Values: []string{"d"}}}},
		},
		"secretsmanager:GetResourcePolicy": {
			&secretsmanager.GetResourcePolicyInput{SecretId: aws.String("db")},
		},
		"secretsmanager:ValidateResourcePolicy": {
			&secretsmanager.ValidateResourcePolicyInput{SecretId: aws.String("db"), ResourcePolicy: aws.String(`{"Version":"2012-10-17","Statement":[]}`)},
		},
		"secretsmanager:ListResourcePolicies": {
			&secretsmanager.ListResourcePoliciesInput{},
		},
	}
}

// readsThatRecordAccess are the reads with the side effect AWS documents:
// reading a secret's value sets LastAccessedDate on the secret and the
// version read (docs/aws-behaviour.md §3.7; "LastAccessedDate: The date
// that the secret was last accessed in the Region", DescribeSecret, Secrets
// Manager API Reference), also when Parameter Store reads it through a
// /aws/reference/secretsmanager/ name. They may change that field and
// nothing else; each must change it for one of its inputs, or it is not an
// exception.
var readsThatRecordAccess = map[core.Op]bool{
	"secretsmanager:GetSecretValue": true,
	"ssm:GetParameter":              true,
	"ssm:GetParameters":             true,
}

// TestReadsLeaveStateUnchanged calls every operation declared as a read,
// with each of its inputs, on a Store holding parameters (versions,
// labels, tags, a resource policy), secrets (versions, stages, tags, a
// policy, a replica, one scheduled for deletion), and compares the Store's
// Dump before and after: a read must not change it, but for
// LastAccessedDate in the documented exceptions. The reads run under the
// read lock with others, so a read that writes is also a data race.
func TestReadsLeaveStateUnchanged(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	clk := clock.NewFake(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	st := fakeaws.New(fakeaws.WithSeed(1), fakeaws.WithClock(clk))
	pc, sc := ssmfake.New(st), smfake.New(st)
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	str := ssmtypes.ParameterTypeString
	must(pc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/db/url"), Value: aws.String("v1"), Type: str, Tier: ssmtypes.ParameterTierAdvanced,
		Tags: []ssmtypes.Tag{{Key: aws.String("team"), Value: aws.String("a")}}}))
	must(pc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/db/url"), Value: aws.String("v2"), Type: str, Overwrite: aws.Bool(true)}))
	must(pc.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String("/app/db/url"), ParameterVersion: aws.Int64(1), Labels: []string{"prod"}}))
	must(pc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/key"), Value: aws.String("k"), Type: ssmtypes.ParameterTypeSecureString}))
	must(pc.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/app/list"), Value: aws.String("a,b"), Type: ssmtypes.ParameterTypeStringList}))
	desc, err := pc.DescribeParameters(ctx, &ssm.DescribeParametersInput{})
	if err != nil || len(desc.Parameters) == 0 {
		t.Fatalf("DescribeParameters: %v", err)
	}
	paramARN := aws.ToString(desc.Parameters[0].ARN)
	must(pc.PutResourcePolicy(ctx, &ssm.PutResourcePolicyInput{ResourceArn: aws.String(paramARN),
		Policy: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"ssm:GetParameter","Resource":"` + paramARN + `"}]}`)}))
	created, err := sc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("db"), SecretString: aws.String("s1"),
		Tags: []smtypes.Tag{{Key: aws.String("team"), Value: aws.String("a")}}})
	if err != nil {
		t.Fatal(err)
	}
	must(sc.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("db"), SecretString: aws.String("s2")}))
	must(sc.PutResourcePolicy(ctx, &secretsmanager.PutResourcePolicyInput{SecretId: aws.String("db"),
		ResourcePolicy: aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}`)}))
	must(sc.ReplicateSecretToRegions(ctx, &secretsmanager.ReplicateSecretToRegionsInput{SecretId: aws.String("db"), AddReplicaRegions: []smtypes.ReplicaRegionType{{Region: aws.String("eu-west-1")}}}))
	must(sc.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("gone"), SecretString: aws.String("x")}))
	must(sc.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: aws.String("gone")}))
	// Days later, so that a read that records access changes the date.
	clk.Advance(72 * time.Hour)

	inputs := readInputs(paramARN, aws.ToString(created.ARN))
	clients := map[string]reflect.Value{core.PrefixSSM: reflect.ValueOf(pc), core.PrefixSM: reflect.ValueOf(sc)}
	var reads int
	for _, decl := range declarations() {
		if decl.Write {
			continue
		}
		reads++
		ins, ok := inputs[decl.Op]
		if !ok {
			t.Errorf("%s is declared as a read and has no inputs in readInputs", decl.Op)
			continue
		}
		recorded := false
		for _, in := range ins {
			if reflect.TypeOf(in) != reflect.PointerTo(decl.Input) {
				t.Fatalf("%s: input %T, want *%s", decl.Op, in, decl.Input)
			}
			if readsThatRecordAccess[decl.Op] {
				clk.Advance(24 * time.Hour) // a new day: a recorded read shows
			}
			before := dumpJSON(t, st)
			m := clients[decl.Op.Prefix()].MethodByName(decl.Op.Name())
			res := m.Call([]reflect.Value{reflect.ValueOf(ctx), reflect.ValueOf(in)})
			callErr, _ := res[1].Interface().(error)
			after := dumpJSON(t, st)
			if diff := cmp.Diff(before, after); diff == "" {
				continue
			}
			if readsThatRecordAccess[decl.Op] {
				if diff := cmp.Diff(withoutAccess(before), withoutAccess(after)); diff != "" {
					t.Errorf("%s(%s) (err %v) changed more than LastAccessedDate (-before +after):\n%s", decl.Op, jsonOf(in), callErr, diff)
				}
				recorded = true
				continue
			}
			t.Errorf("read %s(%s) (err %v) changed the Store (-before +after):\n%s", decl.Op, jsonOf(in), callErr, cmp.Diff(before, after))
		}
		if readsThatRecordAccess[decl.Op] && !recorded {
			t.Errorf("%s is listed as recording access but none of its inputs changed LastAccessedDate", decl.Op)
		}
	}
	if reads < 16 {
		t.Errorf("%d reads declared, want at least the 16 there were", reads)
	}
}

func declarations() []core.Declaration {
	var out []core.Declaration
	for _, d := range paramstore.Operations {
		out = append(out, d.Declaration())
	}
	for _, d := range secrets.Operations {
		out = append(out, d.Declaration())
	}
	return out
}

// dumpJSON is st's Dump, decoded.
func dumpJSON(t *testing.T, st *fakeaws.Store) any {
	t.Helper()
	var b bytes.Buffer
	if err := st.Dump(&b); err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// withoutAccess is a decoded Dump without its lastAccessedDate fields.
func withoutAccess(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, x := range v {
			if k != "lastAccessedDate" {
				out[k] = withoutAccess(x)
			}
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = withoutAccess(x)
		}
		return out
	}
	return v
}

func jsonOf(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(b)
}
