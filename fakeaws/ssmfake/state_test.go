package ssmfake_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// dump reads the whole state through the client: every parameter's
// history (decrypted) and tags.
func dump(t *testing.T, c *ssmfake.Client) map[string]any {
	t.Helper()
	ctx := context.Background()
	out := map[string]any{}
	p := ssm.NewDescribeParametersPaginator(c, &ssm.DescribeParametersInput{MaxResults: aws.Int32(50)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range page.Parameters {
			h, err := c.GetParameterHistory(ctx, &ssm.GetParameterHistoryInput{Name: m.Name, WithDecryption: aws.Bool(true)})
			if err != nil {
				t.Fatal(err)
			}
			tg, err := c.ListTagsForResource(ctx, &ssm.ListTagsForResourceInput{ResourceType: types.ResourceTypeForTaggingParameter, ResourceId: m.Name})
			if err != nil {
				t.Fatal(err)
			}
			out[*m.Name] = []any{h.Parameters, tg.TagList}
		}
	}
	return out
}

// TestFailedCallsChangeNothing: every check runs before any change (common
// brief; docs/aws-behaviour.md §2.3).
func TestFailedCallsChangeNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	put(t, c, &ssm.PutParameterInput{Name: aws.String("/s"), Value: aws.String("1"), Type: types.ParameterTypeString,
		AllowedPattern: aws.String(`\d+`), Tags: tags(50)})
	for i := 2; i <= 100; i++ {
		put(t, c, over("/s", fmt.Sprint(i)))
	}
	if _, err := c.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String("/s"), ParameterVersion: aws.Int64(1), Labels: []string{"l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9"}}); err != nil {
		t.Fatal(err)
	}
	before := dump(t, c)
	failing := []struct {
		name string
		call func() error
	}{
		{"pattern mismatch", func() error { _, err := c.PutParameter(ctx, over("/s", "x")); return err }},
		{"version limit with a labelled oldest version", func() error { _, err := c.PutParameter(ctx, over("/s", "101")); return err }},
		{"value too large", func() error { _, err := c.PutParameter(ctx, over("/s", strings.Repeat("1", 5000))); return err }},
		{"eleventh label", func() error {
			_, err := c.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String("/s"), ParameterVersion: aws.Int64(1), Labels: []string{"ok", "1bad"}})
			return err
		}},
		{"fifty-first tag", func() error {
			_, err := c.AddTagsToResource(ctx, &ssm.AddTagsToResourceInput{ResourceType: types.ResourceTypeForTaggingParameter, ResourceId: aws.String("/s"), Tags: []types.Tag{tag("k00", "new"), tag("new", "x")}})
			return err
		}},
		{"label over 100 characters", func() error {
			_, err := c.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String("/s"), ParameterVersion: aws.Int64(2), Labels: []string{"fine", strings.Repeat("x", 101)}})
			return err
		}},
		{"new parameter with too many tags", func() error {
			_, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/n"), Value: aws.String("v"), Type: types.ParameterTypeString, Tags: tags(51)})
			return err
		}},
		{"new parameter with a bad pattern value", func() error {
			_, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/n"), Value: aws.String("v"), Type: types.ParameterTypeString, AllowedPattern: aws.String(`\d`)})
			return err
		}},
	}
	for _, f := range failing {
		if err := f.call(); err == nil {
			t.Errorf("%s: no error", f.name)
		}
	}
	if diff := cmp.Diff(before, dump(t, c), cmpOpts...); diff != "" {
		t.Errorf("state changed by failed calls (-before +after):\n%s", diff)
	}
}

// TestCopies: answers are fresh, and inputs are not kept (common brief).
func TestCopies(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	in := &ssm.PutParameterInput{Name: aws.String("/c"), Value: aws.String("v"), Type: types.ParameterTypeString, Tags: []types.Tag{tag("k", "v")}}
	put(t, c, in)
	labels := []string{"a"}
	if _, err := c.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String("/c"), Labels: labels}); err != nil {
		t.Fatal(err)
	}
	before := dump(t, c)

	// Change what the inputs point to.
	*in.Tags[0].Key, *in.Tags[0].Value, *in.Value = "x", "x", "x"
	labels[0] = "x"
	// Change what the answers point to.
	h, _ := c.GetParameterHistory(ctx, &ssm.GetParameterHistoryInput{Name: aws.String("/c")})
	h.Parameters[0].Labels[0] = "x"
	*h.Parameters[0].Value = "x"
	tg, _ := c.ListTagsForResource(ctx, &ssm.ListTagsForResourceInput{ResourceType: types.ResourceTypeForTaggingParameter, ResourceId: aws.String("/c")})
	*tg.TagList[0].Key = "x"
	tg.TagList[0] = tag("y", "y")
	g, _ := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/c")})
	*g.Parameter.Name = "x"
	*g.Parameter.Value = "x"

	if diff := cmp.Diff(before, dump(t, c), cmpOpts...); diff != "" {
		t.Errorf("state changed through a caller's slice or pointer (-before +after):\n%s", diff)
	}
}
