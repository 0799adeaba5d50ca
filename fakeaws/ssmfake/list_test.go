package ssmfake_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// tree puts a small hierarchy: /a/x, /a/y (SecureString), /a/b/z, /a-b,
// /a.c, /top and "solo" (single level, no slash), and tags /a/x.
func tree(t *testing.T) *ssmfake.Client {
	t.Helper()
	c, _ := newClient(t)
	put(t, c, str("/a/x", "1"),
		&ssm.PutParameterInput{Name: aws.String("/a/y"), Value: aws.String("2"), Type: types.ParameterTypeSecureString, KeyId: aws.String("alias/k")},
		str("/a/b/z", "3"), str("/a-b", "4"), str("/a.c", "5"), str("/top", "6"), str("solo", "7"),
		&ssm.PutParameterInput{Name: aws.String("/adv"), Value: aws.String("ami-0123456789abcdef0"), Type: types.ParameterTypeString, Tier: types.ParameterTierAdvanced,
			DataType: aws.String("aws:ec2:image"), Tags: []types.Tag{{Key: aws.String("team"), Value: aws.String("blue")}}},
	)
	put(t, c, over("/a/x", "1b"))
	if _, err := c.LabelParameterVersion(context.Background(), &ssm.LabelParameterVersionInput{Name: aws.String("/a/x"), ParameterVersion: aws.Int64(1), Labels: []string{"old"}}); err != nil {
		t.Fatal(err)
	}
	return c
}

func names[T any](items []T, name func(T) *string) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, aws.ToString(name(it)))
	}
	return out
}

func paramName(p types.Parameter) *string        { return p.Name }
func metaName(p types.ParameterMetadata) *string { return p.Name }
func filter(k, opt string, v ...string) types.ParameterStringFilter {
	f := types.ParameterStringFilter{Key: aws.String(k), Values: v}
	if opt != "" {
		f.Option = aws.String(opt)
	}
	return f
}

func TestGetParametersByPath(t *testing.T) {
	t.Parallel()
	c := tree(t)
	cases := []struct {
		name    string
		in      *ssm.GetParametersByPathInput
		want    []string
		wantErr error
	}{
		{name: "one level: direct children, sorted by name (docs/aws-behaviour.md §2.5)", in: &ssm.GetParametersByPathInput{Path: aws.String("/a")}, want: []string{"/a/x", "/a/y"}},
		{name: "a trailing slash is optional (docs/aws-behaviour.md §2.5)", in: &ssm.GetParametersByPathInput{Path: aws.String("/a/")}, want: []string{"/a/x", "/a/y"}},
		{name: "recursive (docs/aws-behaviour.md §2.5)", in: &ssm.GetParametersByPathInput{Path: aws.String("/a"), Recursive: aws.Bool(true)}, want: []string{"/a/b/z", "/a/x", "/a/y"}},
		{name: "/ one level: the top-level names, either spelling (docs/aws-behaviour.md §2.5, M)", in: &ssm.GetParametersByPathInput{Path: aws.String("/")}, want: []string{"/a-b", "/a.c", "/adv", "/top", "solo"}},
		{name: "Type filter (docs/aws-behaviour.md §2.5, D)", in: &ssm.GetParametersByPathInput{Path: aws.String("/a"), ParameterFilters: []types.ParameterStringFilter{filter("Type", "", "SecureString")}}, want: []string{"/a/y"}},
		{name: "KeyId filter (docs/aws-behaviour.md §2.5, D)", in: &ssm.GetParametersByPathInput{Path: aws.String("/"), Recursive: aws.Bool(true), ParameterFilters: []types.ParameterStringFilter{filter("KeyId", "", "alias/k")}}, want: []string{"/a/y"}},
		{name: "Label filter (docs/aws-behaviour.md §2.5, D)", in: &ssm.GetParametersByPathInput{Path: aws.String("/a"), ParameterFilters: []types.ParameterStringFilter{filter("Label", "", "old")}}, want: []string{"/a/x"}},
		{name: "tag: is not a by-path filter (docs/aws-behaviour.md §2.5, D)", in: &ssm.GetParametersByPathInput{Path: aws.String("/"), ParameterFilters: []types.ParameterStringFilter{filter("tag:team", "", "blue")}},
			wantErr: &types.InvalidFilterKey{}},
		{name: "Name is not a by-path filter (docs/aws-behaviour.md §2.5, M with Label added, U)", in: &ssm.GetParametersByPathInput{Path: aws.String("/"), ParameterFilters: []types.ParameterStringFilter{filter("Name", "", "x")}},
			wantErr: &types.InvalidFilterKey{}},
		{name: "MaxResults over 10 (docs/aws-behaviour.md §2.5, M)", in: &ssm.GetParametersByPathInput{Path: aws.String("/"), MaxResults: aws.Int32(23)},
			wantErr: validation("1 validation error detected: Value 23 at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10")},
		{name: "the path must start with / (docs/aws-behaviour.md §2.5, D)", in: &ssm.GetParametersByPathInput{Path: aws.String("a")}, wantErr: &types.ValidationException{Message: aws.String(badPath)}},
		{name: "a malformed NextToken (D: InvalidNextToken)", in: &ssm.GetParametersByPathInput{Path: aws.String("/"), NextToken: aws.String("!!")},
			wantErr: &types.InvalidNextToken{Message: aws.String("The nextToken is not valid.")}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := c.GetParametersByPath(context.Background(), tc.in)
			checkErr(t, err, tc.wantErr)
			if tc.wantErr != nil {
				return
			}
			if diff := cmp.Diff(tc.want, names(got.Parameters, paramName)); diff != "" {
				t.Errorf("names mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestByPathLabelFilterFindsTheLabelledVersion: AWS returns the labelled
// version, not the latest (docs/aws-behaviour.md §2.5, D; moto gets it wrong).
func TestByPathLabelFilterFindsTheLabelledVersion(t *testing.T) {
	t.Parallel()
	c := tree(t)
	got, err := c.GetParametersByPath(context.Background(), &ssm.GetParametersByPathInput{Path: aws.String("/a"),
		ParameterFilters: []types.ParameterStringFilter{filter("Label", "", "old")}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Parameters) != 1 || got.Parameters[0].Version != 1 || *got.Parameters[0].Value != "1" {
		t.Errorf("got %+v, want /a/x version 1 with value 1", got.Parameters)
	}
}

const badPath = `The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can't be prefixed with "aws" or "ssm" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.`

func TestDescribeParameters(t *testing.T) {
	t.Parallel()
	c := tree(t)
	cases := []struct {
		name    string
		in      *ssm.DescribeParametersInput
		want    []string
		wantErr error
	}{
		{name: "everything, sorted by name (D)", in: &ssm.DescribeParametersInput{MaxResults: aws.Int32(50)},
			want: []string{"/a-b", "/a.c", "/a/b/z", "/a/x", "/a/y", "/adv", "/top", "solo"}},
		{name: "Name Equals treats x and /x alike (docs/aws-behaviour.md §2.6, M)", in: &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{filter("Name", "", "top", "/solo")}},
			want: []string{"/top", "solo"}},
		{name: "Name BeginsWith (docs/aws-behaviour.md §2.6, D)", in: &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{filter("Name", "BeginsWith", "/a/")}},
			want: []string{"/a/b/z", "/a/x", "/a/y"}},
		{name: "Name Contains (docs/aws-behaviour.md §2.6, D)", in: &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{filter("Name", "Contains", "o")}},
			want: []string{"/top", "solo"}},
		{name: "Path OneLevel by default (docs/aws-behaviour.md §2.6, D)", in: &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{filter("Path", "", "/a")}},
			want: []string{"/a/x", "/a/y"}},
		{name: "Path Recursive (docs/aws-behaviour.md §2.6, D)", in: &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{filter("Path", "Recursive", "/a")}},
			want: []string{"/a/b/z", "/a/x", "/a/y"}},
		{name: "Type and Tier combine with AND (docs/aws-behaviour.md §2.6, M)", in: &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{filter("Type", "", "String"), filter("Tier", "", "Advanced")}},
			want: []string{"/adv"}},
		{name: "DataType (docs/aws-behaviour.md §2.6, D)", in: &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{filter("DataType", "", "aws:ec2:image")}},
			want: []string{"/adv"}},
		{name: "KeyId BeginsWith (docs/aws-behaviour.md §2.6, D)", in: &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{filter("KeyId", "BeginsWith", "alias/")}},
			want: []string{"/a/y"}},
		{name: "tag:k with a value (docs/aws-behaviour.md §2.6, D)", in: &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{filter("tag:team", "", "blue")}},
			want: []string{"/adv"}},
		{name: "tag:k without values: has the tag (docs/aws-behaviour.md §2.6, M)", in: &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{{Key: aws.String("tag:team")}}},
			want: []string{"/adv"}},
		{name: "legacy Filters (D)", in: &ssm.DescribeParametersInput{Filters: []types.ParametersFilter{{Key: types.ParametersFilterKeyType, Values: []string{"SecureString"}}}},
			want: []string{"/a/y"}},
		{name: "Filters with ParameterFilters (docs/aws-behaviour.md §2.6, M)", in: &ssm.DescribeParametersInput{
			Filters:          []types.ParametersFilter{{Key: types.ParametersFilterKeyName, Values: []string{"x"}}},
			ParameterFilters: []types.ParameterStringFilter{filter("Name", "", "x")}},
			wantErr: validation("You can use either Filters or ParameterFilters in a single request.")},
		{name: "Label is not a describe filter (docs/aws-behaviour.md §2.6, M)", in: &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{filter("Label", "", "x")}},
			wantErr: &types.InvalidFilterKey{}},
		{name: "missing values (docs/aws-behaviour.md §2.6, M)", in: &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{{Key: aws.String("Type")}}},
			wantErr: &types.InvalidFilterValue{Message: aws.String("The following filter values are missing : null for filter key Type.")}},
		{name: "duplicate key (docs/aws-behaviour.md §2.6, M)", in: &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{filter("Name", "", "a"), filter("Name", "", "b")}},
			wantErr: &types.InvalidFilterKey{}},
		{name: "bad Path option (docs/aws-behaviour.md §2.6, M)", in: &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{filter("Path", "Deep", "/a")}},
			wantErr: &types.InvalidFilterOption{Message: aws.String("The following filter option is not valid: Deep. Valid options include: [Recursive, OneLevel].")}},
		{name: "bad Path value (docs/aws-behaviour.md §2.6, M)", in: &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{filter("Path", "", "a//b")}},
			wantErr: validation(badPath)},
		{name: "bad Tier value (docs/aws-behaviour.md §2.6, M)", in: &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{filter("Tier", "", "Gold")}},
			wantErr: &types.InvalidFilterOption{Message: aws.String("The following filter value is not valid: Gold. Valid values include: [Standard, Advanced, Intelligent-Tiering].")}},
		{name: "bad Type value (docs/aws-behaviour.md §2.6, M)", in: &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{filter("Type", "", "Str")}},
			wantErr: &types.InvalidFilterOption{Message: aws.String("The following filter value is not valid: Str. Valid values include: [String, StringList, SecureString].")}},
		{name: "bad option (docs/aws-behaviour.md §2.6, M)", in: &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{filter("Type", "Contains", "String")}},
			wantErr: &types.InvalidFilterOption{Message: aws.String("The following filter option is not valid: Contains. Valid options include: [BeginsWith, Equals].")}},
		{name: "structural errors are collected (docs/aws-behaviour.md §2.6, M shape, AWS quotes U)", in: &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{filter("Bogus", "LongerThanTen", "v")}},
			wantErr: validation("2 validation errors detected: Value 'Bogus' at 'parameterFilters.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: tag:.+|Name|Type|KeyId|Path|Label|Tier|DataType; Value 'LongerThanTen' at 'parameterFilters.1.member.option' failed to satisfy constraint: Member must have length less than or equal to 10")},
		{name: "MaxResults over 50 (docs/aws-behaviour.md §2.6, D)", in: &ssm.DescribeParametersInput{MaxResults: aws.Int32(51)},
			wantErr: validation("1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50.")},
		{name: "a malformed NextToken (D)", in: &ssm.DescribeParametersInput{NextToken: aws.String("bm90IG91cnM")},
			wantErr: &types.InvalidNextToken{Message: aws.String("The nextToken is not valid.")}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := c.DescribeParameters(context.Background(), tc.in)
			checkErr(t, err, tc.wantErr)
			if tc.wantErr != nil {
				return
			}
			if diff := cmp.Diff(tc.want, names(got.Parameters, metaName)); diff != "" {
				t.Errorf("names mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDescribeParametersMetadata: ParameterMetadata carries the ARN and no
// value (docs/aws-behaviour.md §2.6, D), LastModifiedUser the account's root (no IAM here).
func TestDescribeParametersMetadata(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	put(t, c, &ssm.PutParameterInput{Name: aws.String("/m"), Value: aws.String("1"), Type: types.ParameterTypeSecureString,
		Description: aws.String("d"), AllowedPattern: aws.String(`\d`)})
	got, err := c.DescribeParameters(context.Background(), &ssm.DescribeParametersInput{})
	if err != nil {
		t.Fatal(err)
	}
	want := []types.ParameterMetadata{{
		Name: aws.String("/m"), ARN: arn("/m"), Type: types.ParameterTypeSecureString, KeyId: aws.String("alias/aws/ssm"),
		LastModifiedDate: aws.Time(t0), LastModifiedUser: aws.String("arn:aws:iam::123456789012:root"), Description: aws.String("d"),
		AllowedPattern: aws.String(`\d`), Version: 1, Tier: types.ParameterTierStandard, Policies: []types.ParameterInlinePolicy{}, DataType: aws.String("text"),
	}}
	if diff := cmp.Diff(want, got.Parameters, cmpOpts...); diff != "" {
		t.Errorf("metadata mismatch (-want +got):\n%s", diff)
	}
}

// many puts n parameters /p/NNN (and one deeper /p/sub/x).
func many(t *testing.T, n int) *ssmfake.Client {
	t.Helper()
	c, _ := newClient(t)
	for i := 0; i < n; i++ {
		put(t, c, str(fmt.Sprintf("/p/%03d", i), "v"))
	}
	put(t, c, str("/p/sub/x", "v"))
	return c
}

func TestPaginators(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c := many(t, 23)
	var want []string
	for i := 0; i < 23; i++ {
		want = append(want, fmt.Sprintf("/p/%03d", i))
	}

	var got []string
	pages := 0
	bp := ssm.NewGetParametersByPathPaginator(c, &ssm.GetParametersByPathInput{Path: aws.String("/p"), MaxResults: aws.Int32(5)})
	for bp.HasMorePages() {
		page, err := bp.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		got = append(got, names(page.Parameters, paramName)...)
	}
	if diff := cmp.Diff(want, got); diff != "" || pages != 5 {
		t.Errorf("GetParametersByPath paginator: %d pages, names (-want +got):\n%s", pages, diff)
	}

	got, pages = nil, 0
	dp := ssm.NewDescribeParametersPaginator(c, &ssm.DescribeParametersInput{MaxResults: aws.Int32(10),
		ParameterFilters: []types.ParameterStringFilter{filter("Path", "", "/p")}})
	for dp.HasMorePages() {
		page, err := dp.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		got = append(got, names(page.Parameters, metaName)...)
	}
	if diff := cmp.Diff(want, got); diff != "" || pages != 3 {
		t.Errorf("DescribeParameters paginator: %d pages, names (-want +got):\n%s", pages, diff)
	}

	for i := 2; i <= 12; i++ {
		put(t, c, over("/p/000", fmt.Sprint(i)))
	}
	var versions []int64
	pages = 0
	hp := ssm.NewGetParameterHistoryPaginator(c, &ssm.GetParameterHistoryInput{Name: aws.String("/p/000"), MaxResults: aws.Int32(5)})
	for hp.HasMorePages() {
		page, err := hp.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, h := range page.Parameters {
			versions = append(versions, h.Version)
		}
	}
	if diff := cmp.Diff([]int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, versions); diff != "" || pages != 3 {
		t.Errorf("GetParameterHistory paginator: %d pages, versions (-want +got):\n%s", pages, diff)
	}
}

// TestTokenSurvivesChanges: a token holds the last name, not an index, so
// deleting earlier parameters between pages skips nothing.
func TestTokenSurvivesChanges(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c := many(t, 6)
	p1, err := c.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/p"), MaxResults: aws.Int32(3)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.DeleteParameters(ctx, &ssm.DeleteParametersInput{Names: []string{"/p/000", "/p/001"}}); err != nil {
		t.Fatal(err)
	}
	p2, err := c.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/p"), MaxResults: aws.Int32(3), NextToken: p1.NextToken})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"/p/003", "/p/004", "/p/005"}, names(p2.Parameters, paramName)); diff != "" {
		t.Errorf("second page (-want +got):\n%s", diff)
	}
}

// TestScanLimit: a filter that rejects most of a large range gives pages
// that stop after a bounded number of names with a NextToken (AWS too
// answers short pages with a token; docs/aws-behaviour.md §2.6, O), and following the tokens
// finds everything.
func TestScanLimit(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c := many(t, 2500)
	put(t, c, &ssm.PutParameterInput{Name: aws.String("/p/zz"), Value: aws.String("s"), Type: types.ParameterTypeSecureString})
	in := &ssm.DescribeParametersInput{ParameterFilters: []types.ParameterStringFilter{filter("Type", "", "SecureString")}}
	first, err := c.DescribeParameters(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Parameters) != 0 || first.NextToken == nil {
		t.Fatalf("first page: %d parameters, token %v; want a short page with a token", len(first.Parameters), first.NextToken)
	}
	var got []string
	p := ssm.NewDescribeParametersPaginator(c, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, names(page.Parameters, metaName)...)
	}
	if diff := cmp.Diff([]string{"/p/zz"}, got); diff != "" {
		t.Errorf("all pages (-want +got):\n%s", diff)
	}
}
