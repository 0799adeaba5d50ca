package ssmfake_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// labelled puts /l at versions 1–3.
func labelled(t *testing.T) *ssmfake.Client {
	t.Helper()
	c, _ := newClient(t)
	put(t, c, str("/l", "1"), over("/l", "2"), over("/l", "3"))
	return c
}

// labelsOf returns the labels of each version of name, oldest first.
func labelsOf(t *testing.T, c *ssmfake.Client, name string) [][]string {
	t.Helper()
	h, err := c.GetParameterHistory(context.Background(), &ssm.GetParameterHistoryInput{Name: aws.String(name)})
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, v := range h.Parameters {
		out = append(out, v.Labels)
	}
	return out
}

func TestLabelParameterVersion(t *testing.T) {
	t.Parallel()
	ten := func(prefix string) []string {
		var out []string
		for i := 0; i < 10; i++ {
			out = append(out, fmt.Sprintf("%s%d", prefix, i))
		}
		return out
	}
	cases := []struct {
		name       string
		setup      []*ssm.LabelParameterVersionInput
		in         *ssm.LabelParameterVersionInput
		want       *ssm.LabelParameterVersionOutput
		wantErr    error
		wantLabels [][]string
	}{
		{
			name:       "no version labels the latest (docs/aws-behaviour.md §2.7, M)",
			in:         &ssm.LabelParameterVersionInput{Name: aws.String("/l"), Labels: []string{"a"}},
			want:       &ssm.LabelParameterVersionOutput{ParameterVersion: 3, InvalidLabels: []string{}},
			wantLabels: [][]string{{}, {}, {"a"}},
		},
		{
			name:       "a label moves between versions (docs/aws-behaviour.md §2.7, D and M)",
			setup:      []*ssm.LabelParameterVersionInput{{Name: aws.String("/l"), ParameterVersion: aws.Int64(1), Labels: []string{"a", "b"}}},
			in:         &ssm.LabelParameterVersionInput{Name: aws.String("/l"), ParameterVersion: aws.Int64(2), Labels: []string{"a"}},
			want:       &ssm.LabelParameterVersionOutput{ParameterVersion: 2, InvalidLabels: []string{}},
			wantLabels: [][]string{{"b"}, {"a"}, {}},
		},
		{
			name:       "re-labelling is a no-op (docs/aws-behaviour.md §2.7, M)",
			setup:      []*ssm.LabelParameterVersionInput{{Name: aws.String("/l"), ParameterVersion: aws.Int64(1), Labels: []string{"a"}}},
			in:         &ssm.LabelParameterVersionInput{Name: aws.String("/l"), ParameterVersion: aws.Int64(1), Labels: []string{"a", "a"}},
			want:       &ssm.LabelParameterVersionOutput{ParameterVersion: 1, InvalidLabels: []string{}},
			wantLabels: [][]string{{"a"}, {}, {}},
		},
		{
			name:       "labels that break the rules are listed, not attached (docs/aws-behaviour.md §2.7, D: digit, aws/ssm any case, symbols)",
			in:         &ssm.LabelParameterVersionInput{Name: aws.String("/l"), ParameterVersion: aws.Int64(1), Labels: []string{"1st", "AWSx", "Ssm-y", "a/b", "ok_1.-"}},
			want:       &ssm.LabelParameterVersionOutput{ParameterVersion: 1, InvalidLabels: []string{"1st", "AWSx", "Ssm-y", "a/b"}},
			wantLabels: [][]string{{"ok_1.-"}, {}, {}},
		},
		{
			name:    "a label over 100 characters (docs/aws-behaviour.md §2.7, M)",
			in:      &ssm.LabelParameterVersionInput{Name: aws.String("/l"), Labels: []string{strings.Repeat("x", 101)}},
			wantErr: validation("1 validation error detected: Value '[" + strings.Repeat("x", 101) + "]' at 'labels' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 100, Member must have length greater than or equal to 1]"),
		},
		{
			name:       "ten labels per version (docs/aws-behaviour.md §2.7, D)",
			in:         &ssm.LabelParameterVersionInput{Name: aws.String("/l"), ParameterVersion: aws.Int64(1), Labels: ten("x")},
			want:       &ssm.LabelParameterVersionOutput{ParameterVersion: 1, InvalidLabels: []string{}},
			wantLabels: [][]string{ten("x"), {}, {}},
		},
		{
			name:       "an eleventh label: ParameterVersionLabelLimitExceeded, nothing attached (docs/aws-behaviour.md §2.7, D; text M)",
			setup:      []*ssm.LabelParameterVersionInput{{Name: aws.String("/l"), ParameterVersion: aws.Int64(1), Labels: ten("x")}},
			in:         &ssm.LabelParameterVersionInput{Name: aws.String("/l"), ParameterVersion: aws.Int64(1), Labels: []string{"y"}},
			wantErr:    &types.ParameterVersionLabelLimitExceeded{Message: aws.String("A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.")},
			wantLabels: [][]string{ten("x"), {}, {}},
		},
		{
			name:    "missing parameter (docs/aws-behaviour.md §2.7, M)",
			in:      &ssm.LabelParameterVersionInput{Name: aws.String("/none"), Labels: []string{"a"}},
			wantErr: &types.ParameterNotFound{Message: aws.String("Parameter /none not found.")},
		},
		{
			name:    "missing version (docs/aws-behaviour.md §2.7, M)",
			in:      &ssm.LabelParameterVersionInput{Name: aws.String("/l"), ParameterVersion: aws.Int64(5), Labels: []string{"a"}},
			wantErr: &types.ParameterVersionNotFound{Message: aws.String("Systems Manager could not find version 5 of /l. Verify the version and try again.")},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := labelled(t)
			for _, in := range tc.setup {
				if _, err := c.LabelParameterVersion(context.Background(), in); err != nil {
					t.Fatal(err)
				}
			}
			got, err := c.LabelParameterVersion(context.Background(), tc.in)
			checkErr(t, err, tc.wantErr)
			if tc.wantErr == nil {
				if diff := cmp.Diff(tc.want, got, cmpOpts...); diff != "" {
					t.Errorf("LabelParameterVersion mismatch (-want +got):\n%s", diff)
				}
			}
			if tc.wantLabels != nil {
				if diff := cmp.Diff(tc.wantLabels, labelsOf(t, c, "/l"), cmpEmpty); diff != "" {
					t.Errorf("labels per version (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestUnlabelParameterVersion(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name       string
		in         *ssm.UnlabelParameterVersionInput
		want       *ssm.UnlabelParameterVersionOutput
		wantErr    error
		wantLabels [][]string
	}{
		{
			name:       "removed and invalid labels (docs/aws-behaviour.md §2.7, M)",
			in:         &ssm.UnlabelParameterVersionInput{Name: aws.String("/l"), ParameterVersion: aws.Int64(1), Labels: []string{"a", "zz"}},
			want:       &ssm.UnlabelParameterVersionOutput{RemovedLabels: []string{"a"}, InvalidLabels: []string{"zz"}},
			wantLabels: [][]string{{"b"}, {}, {}},
		},
		{
			name:       "a label on another version is invalid here (docs/aws-behaviour.md §2.7, M)",
			in:         &ssm.UnlabelParameterVersionInput{Name: aws.String("/l"), ParameterVersion: aws.Int64(2), Labels: []string{"a"}},
			want:       &ssm.UnlabelParameterVersionOutput{RemovedLabels: []string{}, InvalidLabels: []string{"a"}},
			wantLabels: [][]string{{"a", "b"}, {}, {}},
		},
		{
			name:    "missing version (docs/aws-behaviour.md §2.7, M)",
			in:      &ssm.UnlabelParameterVersionInput{Name: aws.String("/l"), ParameterVersion: aws.Int64(9), Labels: []string{"a"}},
			wantErr: &types.ParameterVersionNotFound{Message: aws.String("Systems Manager could not find version 9 of /l. Verify the version and try again.")},
		},
		{
			name:    "missing parameter (docs/aws-behaviour.md §2.7, M)",
			in:      &ssm.UnlabelParameterVersionInput{Name: aws.String("/none"), ParameterVersion: aws.Int64(1), Labels: []string{"a"}},
			wantErr: &types.ParameterNotFound{Message: aws.String("Parameter /none not found.")},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := labelled(t)
			if _, err := c.LabelParameterVersion(context.Background(), &ssm.LabelParameterVersionInput{Name: aws.String("/l"), ParameterVersion: aws.Int64(1), Labels: []string{"a", "b"}}); err != nil {
				t.Fatal(err)
			}
			got, err := c.UnlabelParameterVersion(context.Background(), tc.in)
			checkErr(t, err, tc.wantErr)
			if tc.wantErr == nil {
				if diff := cmp.Diff(tc.want, got, cmpOpts...); diff != "" {
					t.Errorf("UnlabelParameterVersion mismatch (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(tc.wantLabels, labelsOf(t, c, "/l"), cmpEmpty); diff != "" {
					t.Errorf("labels per version (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestGetParameterHistory(t *testing.T) {
	t.Parallel()
	c, clk := newClient(t)
	put(t, c, &ssm.PutParameterInput{Name: aws.String("/h"), Value: aws.String("one"), Type: types.ParameterTypeSecureString, Description: aws.String("d")})
	clk.Advance(1e9)
	put(t, c, &ssm.PutParameterInput{Name: aws.String("/h"), Value: aws.String("two"), Overwrite: aws.Bool(true), KeyId: aws.String("alias/k")})
	if _, err := c.LabelParameterVersion(context.Background(), &ssm.LabelParameterVersionInput{Name: aws.String("/h"), Labels: []string{"cur"}}); err != nil {
		t.Fatal(err)
	}
	entry := func(v int64, value, key string, labels []string) types.ParameterHistory {
		at := t0.Add(time.Duration(v-1) * time.Second)
		return types.ParameterHistory{Name: aws.String("/h"), Type: types.ParameterTypeSecureString, KeyId: aws.String(key),
			LastModifiedDate: aws.Time(at), LastModifiedUser: aws.String("arn:aws:iam::123456789012:root"), Description: aws.String("d"),
			Value: aws.String(value), Version: v, Labels: labels, Tier: types.ParameterTierStandard, Policies: []types.ParameterInlinePolicy{}, DataType: aws.String("text")}
	}
	cases := []struct {
		name    string
		in      *ssm.GetParameterHistoryInput
		want    []types.ParameterHistory
		wantErr error
	}{
		{
			name: "every version, oldest first, decrypted, with labels (docs/aws-behaviour.md §2.7, D)",
			in:   &ssm.GetParameterHistoryInput{Name: aws.String("/h"), WithDecryption: aws.Bool(true)},
			want: []types.ParameterHistory{entry(1, "one", "alias/aws/ssm", []string{}), entry(2, "two", "alias/k", []string{"cur"})},
		},
		{
			name: "h finds /h, one per page (docs/aws-behaviour.md §2.2 MV; docs/aws-behaviour.md §2.7)",
			in:   &ssm.GetParameterHistoryInput{Name: aws.String("h"), WithDecryption: aws.Bool(true), MaxResults: aws.Int32(1)},
			want: []types.ParameterHistory{entry(1, "one", "alias/aws/ssm", []string{})},
		},
		{
			name: "by ARN (D: GetParameterHistoryInput.Name)",
			in:   &ssm.GetParameterHistoryInput{Name: arn("/h"), WithDecryption: aws.Bool(true), MaxResults: aws.Int32(1)},
			want: []types.ParameterHistory{entry(1, "one", "alias/aws/ssm", []string{})},
		},
		{
			name:    "MaxResults over 50 (docs/aws-behaviour.md §2.7, M)",
			in:      &ssm.GetParameterHistoryInput{Name: aws.String("/h"), MaxResults: aws.Int32(51)},
			wantErr: validation("1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50."),
		},
		{
			name:    "missing parameter (docs/aws-behaviour.md §2.7)",
			in:      &ssm.GetParameterHistoryInput{Name: aws.String("/none")},
			wantErr: &types.ParameterNotFound{Message: aws.String("Parameter /none not found.")},
		},
		{
			name:    "a malformed token (D: InvalidNextToken)",
			in:      &ssm.GetParameterHistoryInput{Name: aws.String("/h"), NextToken: aws.String("x")},
			wantErr: &types.InvalidNextToken{Message: aws.String("The nextToken is not valid.")},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := c.GetParameterHistory(context.Background(), tc.in)
			checkErr(t, err, tc.wantErr)
			if tc.wantErr != nil {
				return
			}
			if diff := cmp.Diff(tc.want, got.Parameters, cmpOpts...); diff != "" {
				t.Errorf("history mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
