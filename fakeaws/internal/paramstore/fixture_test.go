package paramstore

import (
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fakeaws/fakeaws-go/fakeaws/fixture"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

const (
	fxAccount = "123456789012"
	fxRegion  = "us-east-1"
)

// fixtureState returns a state built through the operations: several types,
// tiers, labels, tags and an overwritten parameter.
func fixtureState(t *testing.T) *State {
	t.Helper()
	s := New(fxAccount, fxRegion, secrets.New(fxAccount, fxRegion))
	now := time.Date(2026, 1, 2, 3, 4, 5, 6_000_000, time.UTC)
	ids := core.NewIDs(true, 1, nil, nil)
	env := func() core.Env {
		now = now.Add(time.Second)
		return core.Env{Now: now, IDs: ids, Account: fxAccount, Region: fxRegion}
	}
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.PutParameter(env(), &ssm.PutParameterInput{Name: aws.String("/app/db/url"), Value: aws.String("v1"), Type: types.ParameterTypeString,
		Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("a")}, {Key: aws.String("env"), Value: aws.String("")}}}))
	must(s.PutParameter(env(), &ssm.PutParameterInput{Name: aws.String("/app/db/url"), Value: aws.String("v2"), Overwrite: aws.Bool(true), Description: aws.String("d")}))
	must(s.PutParameter(env(), &ssm.PutParameterInput{Name: aws.String("/app/db/url"), Value: aws.String(strings.Repeat("x", 5000)), Overwrite: aws.Bool(true), Tier: types.ParameterTierAdvanced}))
	must(s.LabelParameterVersion(env(), &ssm.LabelParameterVersionInput{Name: aws.String("/app/db/url"), ParameterVersion: aws.Int64(1), Labels: []string{"old", "first"}}))
	must(s.LabelParameterVersion(env(), &ssm.LabelParameterVersionInput{Name: aws.String("/app/db/url"), Labels: []string{"live"}}))
	must(s.PutResourcePolicy(env(), &ssm.PutResourcePolicyInput{ResourceArn: aws.String(s.arn("/app/db/url")), Policy: aws.String(`{"Version":"2012-10-17"}`)}))
	must(s.PutParameter(env(), &ssm.PutParameterInput{Name: aws.String("/app/secret"), Value: aws.String("s"), Type: types.ParameterTypeSecureString}))
	must(s.PutParameter(env(), &ssm.PutParameterInput{Name: aws.String("single"), Value: aws.String("a,b"), Type: types.ParameterTypeStringList, AllowedPattern: aws.String("[a-z,]+")}))
	must(s.PutParameter(env(), &ssm.PutParameterInput{Name: aws.String("/B"), Value: aws.String("b"), Type: types.ParameterTypeString, DataType: aws.String("text")}))
	return s
}

func TestExportImportRoundTrip(t *testing.T) {
	t.Parallel()
	s := fixtureState(t)
	first := s.Export()
	if len(first) != 4 {
		t.Fatalf("Export returned %d parameters, want 4", len(first))
	}
	s2, err := Import(fxAccount, fxRegion, secrets.New(fxAccount, fxRegion), first)
	if err != nil {
		t.Fatalf("Import(Export()) = %v", err)
	}
	if diff := cmp.Diff(first, s2.Export()); diff != "" {
		t.Errorf("Export after Import mismatch (-want +got):\n%s", diff)
	}
	// Export hands out copies: changing them changes nothing stored.
	first[1].Versions[0].Labels[0] = "changed" // /app/db/url: sorted after /B
	first[1].Tags[0].Value = "changed"
	if diff := cmp.Diff(s.Export(), s2.Export()); diff != "" {
		t.Errorf("state changed through an exported copy (-want +got):\n%s", diff)
	}

	env := core.Env{Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), Account: fxAccount, Region: fxRegion}
	opts := []cmp.Option{cmpopts.IgnoreUnexported(ssm.GetParameterOutput{}, ssm.GetParameterHistoryOutput{}, ssm.GetParametersByPathOutput{}, ssm.DescribeParametersOutput{}, ssm.ListTagsForResourceOutput{}, ssm.GetResourcePoliciesOutput{}, types.GetResourcePoliciesResponseEntry{},
		types.Parameter{}, types.ParameterHistory{}, types.ParameterMetadata{}, types.Tag{}, types.ParameterInlinePolicy{}), cmpopts.IgnoreTypes(middleware.Metadata{})}
	reads := []struct {
		name string
		read func(*State) (any, error)
	}{
		{"GetParameter by label", func(s *State) (any, error) {
			return s.GetParameter(env, &ssm.GetParameterInput{Name: aws.String("/app/db/url:first")}, new(ParameterAnswer))
		}},
		{"GetParameter decrypted SecureString", func(s *State) (any, error) {
			return s.GetParameter(env, &ssm.GetParameterInput{Name: aws.String("/app/secret"), WithDecryption: aws.Bool(true)}, new(ParameterAnswer))
		}},
		{"GetParameter single-level name with slash (docs/aws-behaviour.md §2.2)", func(s *State) (any, error) {
			return s.GetParameter(env, &ssm.GetParameterInput{Name: aws.String("/single")}, new(ParameterAnswer))
		}},
		{"GetParameterHistory", func(s *State) (any, error) {
			return s.GetParameterHistory(env, &ssm.GetParameterHistoryInput{Name: aws.String("/app/db/url")})
		}},
		{"GetParametersByPath recursive", func(s *State) (any, error) {
			return s.GetParametersByPath(env, &ssm.GetParametersByPathInput{Path: aws.String("/app"), Recursive: aws.Bool(true)})
		}},
		{"DescribeParameters", func(s *State) (any, error) {
			return s.DescribeParameters(env, &ssm.DescribeParametersInput{MaxResults: aws.Int32(50)})
		}},
		{"GetResourcePolicies", func(s *State) (any, error) {
			return s.GetResourcePolicies(env, &ssm.GetResourcePoliciesInput{ResourceArn: aws.String(s.arn("/app/db/url"))})
		}},
		{"ListTagsForResource", func(s *State) (any, error) {
			return s.ListTagsForResource(env, &ssm.ListTagsForResourceInput{ResourceType: types.ResourceTypeForTaggingParameter, ResourceId: aws.String("/app/db/url")})
		}},
	}
	for _, r := range reads {
		t.Run(r.name, func(t *testing.T) {
			want, err1 := r.read(s)
			got, err2 := r.read(s2)
			if err1 != nil || err2 != nil {
				t.Fatalf("errors: original %v, imported %v", err1, err2)
			}
			if diff := cmp.Diff(want, got, opts...); diff != "" {
				t.Errorf("read after Import mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestImportRejects(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ver := func(n int64, mods ...func(*fixture.ParameterVersion)) fixture.ParameterVersion {
		v := fixture.ParameterVersion{Version: n, Type: "String", Value: "v", LastModifiedDate: at.Add(time.Duration(n) * time.Second)}
		for _, m := range mods {
			m(&v)
		}
		return v
	}
	one := func(name string, vs ...fixture.ParameterVersion) []fixture.Parameter {
		return []fixture.Parameter{{Name: "/ok", Versions: []fixture.ParameterVersion{ver(1)}}, {Name: name, Versions: vs}}
	}
	many := func(from, to int64) []fixture.ParameterVersion {
		var vs []fixture.ParameterVersion
		for n := from; n <= to; n++ {
			vs = append(vs, ver(n))
		}
		return vs
	}
	labels := func(ls ...string) func(*fixture.ParameterVersion) {
		return func(v *fixture.ParameterVersion) { v.Labels = ls }
	}
	tags := make([]fixture.Tag, 51)
	for i := range tags {
		tags[i] = fixture.Tag{Key: strings.Repeat("k", i+1)}
	}
	cases := []struct {
		name   string
		params []fixture.Parameter
		want   string // prefix of the error
	}{
		{"reserved aws prefix (docs/aws-behaviour.md §2.8)", one("/aws/x", ver(1)), `parameter "/aws/x": name: `},
		{"not fully qualified (docs/aws-behaviour.md §2.2)", one("a/b", ver(1)), `parameter "a/b": name: `},
		{"no versions", one("/x"), `parameter "/x": no versions`},
		{"gap in versions", one("/x", ver(1), ver(3)), `parameter "/x": version 3: versions must increase`},
		{"versions not from 1 while under 100 retained (D: 100 kept)", one("/x", ver(2), ver(3)), `parameter "/x": versions 2 to 3: `},
		{"more than 100 versions (D)", one("/x", many(1, 101)...), `parameter "/x": 101 versions`},
		{"unknown type", one("/x", ver(1, func(v *fixture.ParameterVersion) { v.Type = "Text" })), `parameter "/x": version 1: type "Text"`},
		{"stored tier Intelligent-Tiering (D: a request only)", one("/x", ver(1, func(v *fixture.ParameterVersion) { v.Tier = "Intelligent-Tiering" })), `parameter "/x": version 1: tier`},
		{"Standard value over 4096 (docs/aws-behaviour.md §2.3)", one("/x", ver(1, func(v *fixture.ParameterVersion) { v.Value = strings.Repeat("x", 4097) })), `parameter "/x": version 1: value: Standard tier`},
		{"empty value (docs/aws-behaviour.md §2.3)", one("/x", ver(1, func(v *fixture.ParameterVersion) { v.Value = "" })), `parameter "/x": version 1: empty value`},
		{"label on two versions (docs/aws-behaviour.md §2.7)", one("/x", ver(1, labels("l")), ver(2, labels("l"))), `parameter "/x": version 2: label "l" is already on version 1`},
		{"invalid label aws prefix (docs/aws-behaviour.md §2.7)", one("/x", ver(1, labels("awsX"))), `parameter "/x": version 1: label "awsX"`},
		{"eleven labels (docs/aws-behaviour.md §2.7)", one("/x", ver(1, labels("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"))), `parameter "/x": version 1: 11 labels`},
		{"51 tags (D: TooManyTagsError)", []fixture.Parameter{{Name: "/x", Tags: tags, Versions: []fixture.ParameterVersion{ver(1)}}}, `parameter "/x": 51 tags`},
		{"same name twice, slash spelling (docs/aws-behaviour.md §2.2)", []fixture.Parameter{{Name: "P", Versions: []fixture.ParameterVersion{ver(1)}}, {Name: "/P", Versions: []fixture.ParameterVersion{ver(1)}}}, `parameter "/P": listed twice`},
		{"resource policy on a Standard parameter (D: PutResourcePolicy)", []fixture.Parameter{{Name: "/x", Policy: &fixture.ResourcePolicy{Policy: "{}"}, Versions: []fixture.ParameterVersion{ver(1)}}}, `parameter "/x": resourcePolicy: only Advanced`},
		{"resource policy not JSON (D: MalformedResourcePolicyDocumentException)", []fixture.Parameter{{Name: "/x", Policy: &fixture.ResourcePolicy{Policy: "{"}, Versions: []fixture.ParameterVersion{ver(1, func(v *fixture.ParameterVersion) { v.Tier = "Advanced" })}}}, `parameter "/x": resourcePolicy: policy is not`},
		{"Advanced downgraded to Standard (D)", one("/x", ver(1, func(v *fixture.ParameterVersion) { v.Tier = "Advanced" }), ver(2, func(v *fixture.ParameterVersion) { v.Tier = "Standard" })), `parameter "/x": version 2: tier Standard`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, err := Import(fxAccount, fxRegion, nil, tc.params)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Fatalf("Import error = %v, want prefix %q", err, tc.want)
			}
			if s != nil {
				t.Errorf("Import returned a state with its error")
			}
		})
	}
}

func TestImportAccepts100RetainedFromLaterVersion(t *testing.T) {
	t.Parallel()
	var vs []fixture.ParameterVersion
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for n := int64(5); n < 105; n++ {
		vs = append(vs, fixture.ParameterVersion{Version: n, Type: "String", Value: "v", LastModifiedDate: at})
	}
	s, err := Import(fxAccount, fxRegion, nil, []fixture.Parameter{{Name: "/x", Versions: vs}})
	if err != nil {
		t.Fatalf("Import = %v (D: versions 5..104 are the 100 retained)", err)
	}
	got := s.Export()[0]
	if got.Versions[0].Tier != "Standard" || got.Versions[0].DataType != "text" || got.Versions[0].LastModifiedUser == "" {
		t.Errorf("defaults not filled: %+v", got.Versions[0])
	}
}

func TestReplaceWith(t *testing.T) {
	t.Parallel()
	sm := secrets.New(fxAccount, fxRegion)
	s := New(fxAccount, fxRegion, sm)
	o := fixtureState(t)
	s.ReplaceWith(o)
	if s.secrets != sm {
		t.Errorf("ReplaceWith changed the secrets pointer")
	}
	if diff := cmp.Diff(fixtureState(t).Export(), s.Export()); diff != "" {
		t.Errorf("after ReplaceWith (-want +got):\n%s", diff)
	}
}

func TestSettingsRoundTrip(t *testing.T) {
	t.Parallel()
	s := New(fxAccount, fxRegion, nil)
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := s.SetSettings(map[string]string{settingDefaultTier: "Advanced", settingHighThroughput: "maybe"}, at); err == nil {
		t.Fatal("SetSettings accepted high-throughput-enabled=maybe (D: true or false)")
	}
	if got := s.Settings(); len(got) != 0 {
		t.Errorf("a refused SetSettings changed settings: %v", got)
	}
	want := map[string]string{settingDefaultTier: "Intelligent-Tiering"}
	if err := s.SetSettings(want, at); err != nil {
		t.Fatal(err)
	}
	s2 := New(fxAccount, fxRegion, nil)
	if err := s2.SetSettings(s.Settings(), at); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, s2.Settings()); diff != "" {
		t.Errorf("Settings round trip (-want +got):\n%s", diff)
	}
	if got := s2.defaultTier(); got != types.ParameterTierIntelligentTiering {
		t.Errorf("default tier = %s, want Intelligent-Tiering", got)
	}
}
