package reliability_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

var (
	rtParams  = []string{"/a/b", "/a/c", "/a/c/d", "/a/e/f/g", "/b/x", "top"}
	rtSecrets = []string{"s1", "s2", "dir/s3", "dir/s4", "prod-db", "test-db"}
	rtLabels  = []string{"L1", "L2"}
	rtTags    = []string{"team", "env"}
)

// answers are the answers of the lookups whose indexes a Load or Restore
// rebuilds: paged and filtered lists, lookups by label, version and stage.
type answers struct {
	Lists   map[string][]string
	Lookups map[string]string
}

// collect pages through list until its token runs out; list returns the
// names of one page and the next token.
func collect(list func(tok *string) ([]string, *string, error)) []string {
	out := []string{}
	var tok *string
	for range 200 {
		names, next, err := list(tok)
		if err != nil {
			return append(out, "error: "+errCode(err))
		}
		out = append(out, names...)
		if tok = next; tok == nil {
			return out
		}
	}
	return append(out, "error: more than 200 pages")
}

func askAll(f fakes) answers {
	ctx := context.Background()
	a := answers{Lists: map[string][]string{}, Lookups: map[string]string{}}
	for _, filter := range []string{"s", "dir", "dir/", "db", "prod", "zzz"} {
		for _, planned := range []bool{false, true} {
			for _, order := range []smtypes.SortOrderType{smtypes.SortOrderTypeAsc, smtypes.SortOrderTypeDesc} {
				key := fmt.Sprintf("ListSecrets name=%s planned=%v order=%s pages of 1", filter, planned, order)
				a.Lists[key] = collect(func(tok *string) ([]string, *string, error) {
					out, err := f.sm.ListSecrets(ctx, &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(1), NextToken: tok, SortOrder: order,
						IncludePlannedDeletion: aws.Bool(planned), Filters: []smtypes.Filter{{Key: smtypes.FilterNameStringTypeName, Values: []string{filter}}}})
					if err != nil {
						return nil, nil, err
					}
					var names []string
					for _, s := range out.SecretList {
						names = append(names, aws.ToString(s.Name))
					}
					return names, out.NextToken, nil
				})
			}
		}
	}
	for _, tag := range rtTags {
		a.Lists["ListSecrets tag-key="+tag] = collect(func(tok *string) ([]string, *string, error) {
			out, err := f.sm.ListSecrets(ctx, &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(2), NextToken: tok,
				Filters: []smtypes.Filter{{Key: smtypes.FilterNameStringTypeTagKey, Values: []string{tag}}}})
			if err != nil {
				return nil, nil, err
			}
			var names []string
			for _, s := range out.SecretList {
				names = append(names, aws.ToString(s.Name))
			}
			return names, out.NextToken, nil
		})
	}
	params := func(ps []ssmtypes.Parameter) []string {
		var names []string
		for _, p := range ps {
			names = append(names, fmt.Sprintf("%s=%s@%d", aws.ToString(p.Name), aws.ToString(p.Value), p.Version))
		}
		return names
	}
	for _, path := range []string{"/", "/a", "/a/c", "/b"} {
		for _, rec := range []bool{false, true} {
			a.Lists[fmt.Sprintf("GetParametersByPath %s recursive=%v pages of 1", path, rec)] = collect(func(tok *string) ([]string, *string, error) {
				out, err := f.ssm.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String(path), Recursive: aws.Bool(rec), MaxResults: aws.Int32(1), NextToken: tok})
				if err != nil {
					return nil, nil, err
				}
				return params(out.Parameters), out.NextToken, nil
			})
		}
		for _, label := range rtLabels {
			a.Lists[fmt.Sprintf("GetParametersByPath %s label=%s", path, label)] = collect(func(tok *string) ([]string, *string, error) {
				out, err := f.ssm.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String(path), Recursive: aws.Bool(true), MaxResults: aws.Int32(2), NextToken: tok,
					ParameterFilters: []ssmtypes.ParameterStringFilter{{Key: aws.String("Label"), Option: aws.String("Equals"), Values: []string{label}}}})
				if err != nil {
					return nil, nil, err
				}
				return params(out.Parameters), out.NextToken, nil
			})
		}
	}
	for _, filter := range []ssmtypes.ParameterStringFilter{
		{Key: aws.String("Name"), Option: aws.String("BeginsWith"), Values: []string{"/a/c"}},
		{Key: aws.String("Path"), Option: aws.String("OneLevel"), Values: []string{"/a"}},
		{Key: aws.String("Path"), Option: aws.String("Recursive"), Values: []string{"/a"}},
		{Key: aws.String("Type"), Option: aws.String("Equals"), Values: []string{"SecureString"}},
		{Key: aws.String("tag:team")},
	} {
		a.Lists[fmt.Sprintf("DescribeParameters %s %s %v pages of 1", aws.ToString(filter.Key), aws.ToString(filter.Option), filter.Values)] = collect(func(tok *string) ([]string, *string, error) {
			out, err := f.ssm.DescribeParameters(ctx, &ssm.DescribeParametersInput{MaxResults: aws.Int32(1), NextToken: tok, ParameterFilters: []ssmtypes.ParameterStringFilter{filter}})
			if err != nil {
				return nil, nil, err
			}
			var names []string
			for _, p := range out.Parameters {
				names = append(names, fmt.Sprintf("%s@%d", aws.ToString(p.Name), p.Version))
			}
			return names, out.NextToken, nil
		})
	}
	for _, n := range rtParams {
		for _, sel := range []string{"", ":1", ":2", ":L1", ":L2"} {
			out, err := f.ssm.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(n + sel), WithDecryption: aws.Bool(true)})
			if err != nil {
				a.Lookups["GetParameter "+n+sel] = "error: " + errCode(err)
				continue
			}
			a.Lookups["GetParameter "+n+sel] = fmt.Sprintf("%s@%d %v", aws.ToString(out.Parameter.Value), out.Parameter.Version, aws.ToString(out.Parameter.Selector))
		}
	}
	for _, n := range rtSecrets {
		for _, stage := range []string{"AWSCURRENT", "AWSPREVIOUS", "S1"} {
			out, err := f.sm.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(n), VersionStage: aws.String(stage)})
			if err != nil {
				a.Lookups["GetSecretValue "+n+" "+stage] = "error: " + errCode(err)
				continue
			}
			a.Lookups["GetSecretValue "+n+" "+stage] = fmt.Sprintf("%s %s %v", aws.ToString(out.SecretString), aws.ToString(out.VersionId), out.VersionStages)
		}
		for _, deprecated := range []bool{false, true} {
			a.Lists[fmt.Sprintf("ListSecretVersionIds %s deprecated=%v pages of 1", n, deprecated)] = collect(func(tok *string) ([]string, *string, error) {
				out, err := f.sm.ListSecretVersionIds(ctx, &secretsmanager.ListSecretVersionIdsInput{SecretId: aws.String(n), IncludeDeprecated: aws.Bool(deprecated), MaxResults: aws.Int32(1), NextToken: tok})
				if err != nil {
					return nil, nil, err
				}
				var ids []string
				for _, v := range out.Versions {
					ids = append(ids, fmt.Sprintf("%s %v", aws.ToString(v.VersionId), v.VersionStages))
				}
				return ids, out.NextToken, nil
			})
		}
	}
	return a
}

// TestRoundTripsKeepAnswers runs random writes on one Store and, in the
// middle of them, Dump → Load and Snapshot → Restore, both at once and
// after more writes (the state saved earlier coming back), then keeps
// going. After each round trip the full dump and the answers of paged and
// filtered lists and of lookups by label, version and stage must be those
// of the moment the state was saved: indexes rebuilt by Load or Restore
// must answer as the ones built call by call.
func TestRoundTripsKeepAnswers(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		ctx := context.Background()
		clk := clock.NewFake(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
		st := fakeaws.New(fakeaws.WithSeed(rapid.Uint64().Draw(t, "seed")), fakeaws.WithClock(clk))
		f := fakes{ssm: ssmfake.New(st), sm: smfake.New(st), smEU: smfake.New(st, smfake.WithRegion("eu-west-1"))}
		type saved struct {
			dump    dump
			answers answers
			snap    *fakeaws.Snapshot
			json    []byte
		}
		var kept *saved
		save := func(t *rapid.T) *saved {
			s := &saved{answers: askAll(f)} // first: reads record access
			s.snap = st.Snapshot()
			var b bytes.Buffer
			if err := st.Dump(&b); err != nil {
				t.Fatalf("Dump: %v", err)
			}
			s.json = b.Bytes()
			s.dump = fullDump(t, f)
			return s
		}
		check := func(t *rapid.T, how string, s *saved) {
			if diff := cmp.Diff(s.dump, fullDump(t, f), dumpOpts); diff != "" {
				t.Fatalf("after %s the state differs (-saved +now):\n%s", how, diff)
			}
			if diff := cmp.Diff(s.answers, askAll(f)); diff != "" {
				t.Fatalf("after %s lists and lookups answer otherwise (-saved +now):\n%s", how, diff)
			}
		}
		pname := rapid.SampledFrom(rtParams)
		sname := rapid.SampledFrom(rtSecrets)
		t.Repeat(map[string]func(*rapid.T){
			"PutParameter": func(t *rapid.T) {
				typ := rapid.SampledFrom([]ssmtypes.ParameterType{"String", "StringList", "SecureString"}).Draw(t, "type")
				in := &ssm.PutParameterInput{Name: aws.String(pname.Draw(t, "name")), Value: aws.String(fmt.Sprint("v", rapid.IntRange(0, 9).Draw(t, "value"))),
					Type: typ, Overwrite: aws.Bool(rapid.Bool().Draw(t, "overwrite"))}
				f.ssm.PutParameter(ctx, in)
			},
			"LabelParameterVersion": func(t *rapid.T) {
				f.ssm.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String(pname.Draw(t, "name")),
					ParameterVersion: aws.Int64(rapid.Int64Range(1, 3).Draw(t, "version")), Labels: []string{rapid.SampledFrom(rtLabels).Draw(t, "label")}})
			},
			"DeleteParameter": func(t *rapid.T) {
				f.ssm.DeleteParameter(ctx, &ssm.DeleteParameterInput{Name: aws.String(pname.Draw(t, "name"))})
			},
			"tag a parameter": func(t *rapid.T) {
				f.ssm.AddTagsToResource(ctx, &ssm.AddTagsToResourceInput{ResourceType: ssmtypes.ResourceTypeForTaggingParameter, ResourceId: aws.String(pname.Draw(t, "name")),
					Tags: []ssmtypes.Tag{{Key: aws.String(rapid.SampledFrom(rtTags).Draw(t, "tag")), Value: aws.String("v")}}})
			},
			"CreateSecret": func(t *rapid.T) {
				// The clock stands still: secrets created in the same
				// millisecond list in the order they were created, after
				// a Dump and Load too.
				in := &secretsmanager.CreateSecretInput{Name: aws.String(sname.Draw(t, "name")), SecretString: aws.String("c")}
				if rapid.Bool().Draw(t, "tagged") {
					in.Tags = []smtypes.Tag{{Key: aws.String(rapid.SampledFrom(rtTags).Draw(t, "tag")), Value: aws.String("v")}}
				}
				f.sm.CreateSecret(ctx, in)
			},
			"PutSecretValue": func(t *rapid.T) {
				in := &secretsmanager.PutSecretValueInput{SecretId: aws.String(sname.Draw(t, "name")), SecretString: aws.String(fmt.Sprint("p", rapid.IntRange(0, 9).Draw(t, "value")))}
				if rapid.Bool().Draw(t, "staged") {
					in.VersionStages = []string{"S1"}
				}
				f.sm.PutSecretValue(ctx, in)
			},
			"DeleteSecret": func(t *rapid.T) {
				in := &secretsmanager.DeleteSecretInput{SecretId: aws.String(sname.Draw(t, "name"))}
				if rapid.Bool().Draw(t, "force") {
					in.ForceDeleteWithoutRecovery = aws.Bool(true)
				}
				f.sm.DeleteSecret(ctx, in)
			},
			"RestoreSecret": func(t *rapid.T) {
				f.sm.RestoreSecret(ctx, &secretsmanager.RestoreSecretInput{SecretId: aws.String(sname.Draw(t, "name"))})
			},
			"Dump then Load": func(t *rapid.T) {
				s := save(t)
				if err := st.Load(bytes.NewReader(s.json)); err != nil {
					t.Fatalf("Load of a Dump: %v", err)
				}
				check(t, "Dump then Load", s)
			},
			"Snapshot then Restore": func(t *rapid.T) {
				s := save(t)
				if err := st.Restore(s.snap); err != nil {
					t.Fatalf("Restore: %v", err)
				}
				check(t, "Snapshot then Restore", s)
			},
			"reads leave the Dump as it was": func(t *rapid.T) {
				// Every list and lookup above, in the middle of the
				// sequence; GetSecretValue may record the access.
				before := decodedDump(t, st)
				askAll(f)
				if diff := cmp.Diff(withoutAccess(before), withoutAccess(decodedDump(t, st))); diff != "" {
					t.Fatalf("reads changed the Store (-before +after):\n%s", diff)
				}
			},
			"save for later": func(t *rapid.T) { kept = save(t) },
			"bring back what was saved": func(t *rapid.T) {
				if kept == nil {
					t.Skip("nothing saved yet")
				}
				if rapid.Bool().Draw(t, "load") {
					if err := st.Load(bytes.NewReader(kept.json)); err != nil {
						t.Fatalf("Load: %v", err)
					}
					check(t, "Load of an earlier Dump", kept)
					return
				}
				if err := st.Restore(kept.snap); err != nil {
					t.Fatalf("Restore: %v", err)
				}
				check(t, "Restore of an earlier Snapshot", kept)
			},
		})
	})
}

func decodedDump(t *rapid.T, st *fakeaws.Store) any {
	var b bytes.Buffer
	if err := st.Dump(&b); err != nil {
		t.Fatalf("Dump: %v", err)
	}
	var v any
	if err := json.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatalf("Dump: %v", err)
	}
	return v
}
