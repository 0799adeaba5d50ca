package smfake_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/google/go-cmp/cmp"
)

// TestListSecrets checks filters, sorting and paging (docs/aws-behaviour.md §3.5, ListSecrets).
func TestListSecrets(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, clk := newClient(t)
	for i, s := range []struct{ name, desc, tagK, tagV string }{
		{"prod/db", "one two", "team", "payments"},
		{"dev/db", "Three", "team", "search"},
		{"prod/MyApiKey", "", "owner", "ann"},
	} {
		clk.Set(t0.Add(time.Duration(i) * time.Minute))
		if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{
			Name: aws.String(s.name), Description: aws.String(s.desc), SecretString: aws.String("v"),
			Tags: []types.Tag{{Key: aws.String(s.tagK), Value: aws.String(s.tagV)}},
		}); err != nil {
			t.Fatal(err)
		}
	}
	names := func(in *secretsmanager.ListSecretsInput) []string {
		t.Helper()
		out, err := c.ListSecrets(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range out.SecretList {
			got = append(got, aws.ToString(e.Name))
		}
		return got
	}
	f := func(k types.FilterNameStringType, v ...string) types.Filter { return types.Filter{Key: k, Values: v} }
	tests := []struct {
		name string
		in   *secretsmanager.ListSecretsInput
		want []string
	}{
		{"default: by CreatedDate (D), ascending (U)", &secretsmanager.ListSecretsInput{}, []string{"prod/db", "dev/db", "prod/MyApiKey"}},
		{"SortBy name desc (D)", &secretsmanager.ListSecretsInput{SortBy: types.SortByTypeName, SortOrder: types.SortOrderTypeDesc}, []string{"prod/db", "prod/MyApiKey", "dev/db"}},
		{"name is a case-sensitive prefix (D)", &secretsmanager.ListSecretsInput{Filters: []types.Filter{f("name", "prod/")}}, []string{"prod/db", "prod/MyApiKey"}},
		{"name negated (D)", &secretsmanager.ListSecretsInput{Filters: []types.Filter{f("name", "!prod")}}, []string{"dev/db"}},
		{"values of one filter are ORed (MV)", &secretsmanager.ListSecretsInput{Filters: []types.Filter{f("name", "dev", "prod/M")}}, []string{"dev/db", "prod/MyApiKey"}},
		{"filters are ANDed (MV)", &secretsmanager.ListSecretsInput{Filters: []types.Filter{f("name", "prod"), f("tag-key", "team")}}, []string{"prod/db"}},
		{"description by word prefix, any case (MV)", &secretsmanager.ListSecretsInput{Filters: []types.Filter{f("description", "o t")}}, []string{"prod/db"}},
		{"tag-value prefix (D)", &secretsmanager.ListSecretsInput{Filters: []types.Filter{f("tag-value", "se")}}, []string{"dev/db"}},
		{"all splits CamelCase humps (MV)", &secretsmanager.ListSecretsInput{Filters: []types.Filter{f("all", "api")}}, []string{"prod/MyApiKey"}},
		{"all matches descriptions, any case (MV)", &secretsmanager.ListSecretsInput{Filters: []types.Filter{f("all", "three")}}, []string{"dev/db"}},
		{"primary-region: no replicas, nothing matches", &secretsmanager.ListSecretsInput{Filters: []types.Filter{f("primary-region", "us")}}, nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, names(tt.in)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}

	// Paging: one secret a page, resumed by key, until no NextToken.
	var got []string
	in := &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(1), SortBy: types.SortByTypeName}
	for range 5 {
		out, err := c.ListSecrets(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range out.SecretList {
			got = append(got, aws.ToString(e.Name))
		}
		if out.NextToken == nil {
			break
		}
		in.NextToken = out.NextToken
	}
	if diff := cmp.Diff([]string{"dev/db", "prod/MyApiKey", "prod/db"}, got); diff != "" {
		t.Errorf("paging by one (-want +got):\n%s", diff)
	}
}

// TestIdempotency checks ClientRequestToken reuse (docs/aws-behaviour.md §3.4, MV).
func TestIdempotency(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	mustCreate(t, c, "app/a", "v1", tokA)
	again, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("app/a"), SecretString: aws.String("v1"), ClientRequestToken: aws.String(tokA)})
	check(t, "create: same token and value (MV)", err, &secretsmanager.CreateSecretOutput{ARN: aws.String(arnA), Name: aws.String("app/a"), VersionId: aws.String(tokA)}, again)
	mustPut(t, c, "app/a", "v2", tokB)
	put, err := c.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("app/a"), SecretString: aws.String("v1"), ClientRequestToken: aws.String(tokA)})
	check(t, "put: same token and value returns the version as it is now (MV)", err, &secretsmanager.PutSecretValueOutput{
		ARN: aws.String(arnA), Name: aws.String("app/a"), VersionId: aws.String(tokA), VersionStages: []string{"AWSPREVIOUS"}}, put)
	upd, err := c.UpdateSecret(ctx, &secretsmanager.UpdateSecretInput{SecretId: aws.String("app/a"), SecretString: aws.String("v2"), ClientRequestToken: aws.String(tokB)})
	check(t, "update: same token and value (MV)", err, &secretsmanager.UpdateSecretOutput{ARN: aws.String(arnA), Name: aws.String("app/a"), VersionId: aws.String(tokB)}, upd)
	if diff := cmp.Diff(map[string][]string{tokA: {"AWSPREVIOUS"}, tokB: {"AWSCURRENT"}}, stages(t, c, "app/a")); diff != "" {
		t.Errorf("repeats changed the stages (-want +got):\n%s", diff)
	}
}

// TestCopies checks that callers cannot change the Store through inputs or
// outputs (DESIGN: copies at every boundary).
func TestCopies(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	bin := []byte("secret")
	tags := []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}
	stagesIn := []string{"AWSCURRENT", "x"}
	if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("b"), SecretBinary: bin, Tags: tags}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String("b"), SecretBinary: bin, VersionStages: stagesIn}); err != nil {
		t.Fatal(err)
	}
	bin[0], *tags[0].Key, stagesIn[1] = 'X', "changed", "changed"

	got, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("b")})
	if err != nil {
		t.Fatal(err)
	}
	got.SecretBinary[0], got.VersionStages[0] = 'Y', "changed"
	d, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("b")})
	if err != nil {
		t.Fatal(err)
	}
	*d.Tags[0].Value = "changed"
	for k := range d.VersionIdsToStages {
		d.VersionIdsToStages[k][0] = "changed"
	}

	again, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String("b")})
	if err != nil {
		t.Fatal(err)
	}
	if string(again.SecretBinary) != "secret" || !cmp.Equal(again.VersionStages, []string{"AWSCURRENT", "x"}) {
		t.Errorf("value or stages changed through a caller's slice: %q %v", again.SecretBinary, again.VersionStages)
	}
	d2, err := c.DescribeSecret(ctx, &secretsmanager.DescribeSecretInput{SecretId: aws.String("b")})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}, d2.Tags, cmpOpts...); diff != "" {
		t.Errorf("tags changed through a caller's value (-want +got):\n%s", diff)
	}
}

// TestBatchGetSecretValue checks per-secret errors (docs/aws-behaviour.md §3.5, D).
func TestBatchGetSecretValue(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	mustCreate(t, c, "app/a", "v1", tokA)
	out, err := c.BatchGetSecretValue(ctx, &secretsmanager.BatchGetSecretValueInput{SecretIdList: []string{"app/a", "app/none"}})
	check(t, "batch by id", err, &secretsmanager.BatchGetSecretValueOutput{
		SecretValues: []types.SecretValueEntry{{ARN: aws.String(arnA), Name: aws.String("app/a"), VersionId: aws.String(tokA),
			SecretString: aws.String("v1"), VersionStages: []string{"AWSCURRENT"}, CreatedDate: aws.Time(t0)}},
		Errors: []types.APIErrorType{{SecretId: aws.String("app/none"), ErrorCode: aws.String("ResourceNotFoundException"),
			Message: aws.String("Secrets Manager can't find the specified secret.")}},
	}, out)
}

// TestGetRandomPassword checks length and classes (docs/aws-behaviour.md §3.5, D).
func TestGetRandomPassword(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	out, err := c.GetRandomPassword(context.Background(), &secretsmanager.GetRandomPasswordInput{
		PasswordLength: aws.Int64(12), ExcludePunctuation: aws.Bool(true), ExcludeCharacters: aws.String("abc"),
	})
	if err != nil {
		t.Fatal(err)
	}
	pw := aws.ToString(out.RandomPassword)
	var lower, upper, digit bool
	for _, r := range pw {
		switch {
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= '0' && r <= '9':
			digit = true
		default:
			t.Errorf("punctuation %q in %q", r, pw)
		}
		if r == 'a' || r == 'b' || r == 'c' {
			t.Errorf("excluded %q in %q", r, pw)
		}
	}
	if len(pw) != 12 || !lower || !upper || !digit {
		t.Errorf("password %q: want 12 characters with each included type", pw)
	}
}

// TestListSecretsNarrowNameFilter: a name filter that selects few secrets
// of many answers as a walk of the whole listing would (same order, same
// pages), in every sort.
func TestListSecretsNarrowNameFilter(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, clk := newClient(t)
	for i := range 60 {
		clk.Set(t0.Add(time.Duration(60-i) * time.Second)) // creation order opposite to name order
		name := fmt.Sprintf("other/%02d", i)
		if i%20 == 0 {
			name = fmt.Sprintf("team/%02d", i)
		}
		if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(name), SecretString: aws.String("v")}); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		by    types.SortByType
		order types.SortOrderType
		want  []string
	}{
		{"", "", []string{"team/40", "team/20", "team/00"}},
		{types.SortByTypeName, types.SortOrderTypeAsc, []string{"team/00", "team/20", "team/40"}},
		{types.SortByTypeName, types.SortOrderTypeDesc, []string{"team/40", "team/20", "team/00"}},
	} {
		var got []string
		in := &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(2), SortBy: tt.by, SortOrder: tt.order,
			Filters: []types.Filter{{Key: types.FilterNameStringTypeName, Values: []string{"team/", "team/2"}}}}
		for range 4 {
			out, err := c.ListSecrets(ctx, in)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range out.SecretList {
				got = append(got, aws.ToString(e.Name))
			}
			if in.NextToken = out.NextToken; in.NextToken == nil {
				break
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("sort %q %q (-want +got):\n%s", tt.by, tt.order, diff)
		}
	}
}

// A name filter that matches many secrets, in creation order: the walk of
// the creation index (which checks names by their first bytes before reading
// a secret) pages through exactly the matching secrets, oldest first.
func TestListSecretsNameFilterWalk(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, clk := newClient(t)
	var want []string
	for i := range 40 {
		name := fmt.Sprintf("b/%02d", i)
		if i%2 == 0 {
			name = fmt.Sprintf("app/long-prefix/%02d", i) // longer than the 8 bytes checked first
			want = append(want, name)
		}
		if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(name), SecretString: aws.String("v")}); err != nil {
			t.Fatal(err)
		}
		clk.Advance(time.Second)
	}
	var got []string
	var tok *string
	for {
		out, err := c.ListSecrets(ctx, &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(3), NextToken: tok,
			Filters: []types.Filter{{Key: types.FilterNameStringTypeName, Values: []string{"app/long-prefix/"}}}})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range out.SecretList {
			got = append(got, aws.ToString(e.Name))
		}
		if tok = out.NextToken; tok == nil {
			break
		}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("name filter pages (-want +got):\n%s", d)
	}
}
