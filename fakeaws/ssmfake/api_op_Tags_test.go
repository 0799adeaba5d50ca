package ssmfake_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

func tag(k, v string) types.Tag { return types.Tag{Key: aws.String(k), Value: aws.String(v)} }

func TestTags(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cases := []struct {
		name     string
		call     func(c ssmTagger) error
		wantErr  error
		wantTags []types.Tag
	}{
		{
			name:     "add merges: a key already there takes the new value (docs/aws-behaviour.md §2.7, M)",
			call:     func(c ssmTagger) error { return c.add("/t", tag("a", "2"), tag("c", "3")) },
			wantTags: []types.Tag{tag("a", "2"), tag("b", "1"), tag("c", "3")},
		},
		{
			name:     "the other spelling of a single-level name (docs/aws-behaviour.md §2.2, D and MV)",
			call:     func(c ssmTagger) error { return c.add("t", tag("d", "4")) },
			wantTags: []types.Tag{tag("a", "1"), tag("b", "1"), tag("d", "4")},
		},
		{
			name: "remove ignores unknown keys (docs/aws-behaviour.md §2.7, M)",
			call: func(c ssmTagger) error {
				_, err := c.RemoveTagsFromResource(ctx, &ssm.RemoveTagsFromResourceInput{ResourceType: types.ResourceTypeForTaggingParameter,
					ResourceId: aws.String("/t"), TagKeys: []string{"a", "zz"}})
				return err
			},
			wantTags: []types.Tag{tag("b", "1")},
		},
		{
			name:     "more than 50 tags: TooManyTagsError, nothing added (D)",
			call:     func(c ssmTagger) error { return c.add("/t", tags(49)...) },
			wantErr:  &types.TooManyTagsError{},
			wantTags: []types.Tag{tag("a", "1"), tag("b", "1")},
		},
		{
			name: "another resource type: InvalidResourceType (docs/aws-behaviour.md §2.7, M)",
			call: func(c ssmTagger) error {
				_, err := c.AddTagsToResource(ctx, &ssm.AddTagsToResourceInput{ResourceType: types.ResourceTypeForTaggingDocument,
					ResourceId: aws.String("/t"), Tags: []types.Tag{tag("x", "y")}})
				return err
			},
			wantErr:  &types.InvalidResourceType{},
			wantTags: []types.Tag{tag("a", "1"), tag("b", "1")},
		},
		{
			name:    "missing parameter: InvalidResourceId (docs/aws-behaviour.md §2.7, M)",
			call:    func(c ssmTagger) error { return c.add("/none", tag("x", "y")) },
			wantErr: &types.InvalidResourceId{},
		},
		{
			name: "tags go with the parameter (docs/aws-behaviour.md §2.7, M)",
			call: func(c ssmTagger) error {
				if _, err := c.DeleteParameter(ctx, &ssm.DeleteParameterInput{Name: aws.String("/t")}); err != nil {
					return err
				}
				put(t, c.Client, str("/t", "again"))
				return nil
			},
			wantTags: []types.Tag{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, _ := newClient(t)
			put(t, c, &ssm.PutParameterInput{Name: aws.String("/t"), Value: aws.String("v"), Type: types.ParameterTypeString,
				Tags: []types.Tag{tag("a", "1"), tag("b", "1")}})
			checkErr(t, tc.call(ssmTagger{c}), tc.wantErr)
			if tc.wantTags == nil {
				return
			}
			got, err := c.ListTagsForResource(ctx, &ssm.ListTagsForResourceInput{ResourceType: types.ResourceTypeForTaggingParameter, ResourceId: aws.String("/t")})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.wantTags, got.TagList, append(cmpOpts, cmpEmpty)...); diff != "" {
				t.Errorf("tags (-want +got):\n%s", diff)
			}
		})
	}
}

// ssmTagger adds a shorthand for AddTagsToResource on a parameter.
type ssmTagger struct{ *ssmfake.Client }

func (c ssmTagger) add(name string, tags ...types.Tag) error {
	_, err := c.AddTagsToResource(context.Background(), &ssm.AddTagsToResourceInput{ResourceType: types.ResourceTypeForTaggingParameter,
		ResourceId: aws.String(name), Tags: tags})
	return err
}

func TestDeleteParameters(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	put(t, c, str("/d1", "v"), str("/d2", "v"), str("/keep", "v"))
	_, err := c.DeleteParameter(ctx, &ssm.DeleteParameterInput{Name: aws.String("d1")})
	checkErr(t, err, nil) // d1 is /d1 (docs/aws-behaviour.md §2.2, MV)
	_, err = c.DeleteParameter(ctx, &ssm.DeleteParameterInput{Name: aws.String("/d1")})
	checkErr(t, err, notFound()) // O: no message (conformance)
	got, err := c.DeleteParameters(ctx, &ssm.DeleteParametersInput{Names: []string{"/d2", "/d1", "/d2"}})
	if err != nil {
		t.Fatal(err)
	}
	want := &ssm.DeleteParametersOutput{DeletedParameters: []string{"/d2"}, InvalidParameters: []string{"/d1"}}
	if diff := cmp.Diff(want, got, cmpOpts...); diff != "" {
		t.Errorf("DeleteParameters (docs/aws-behaviour.md §2.7) mismatch (-want +got):\n%s", diff)
	}
	_, err = c.DeleteParameters(ctx, &ssm.DeleteParametersInput{Names: []string{}})
	checkErr(t, err, validation("1 validation error detected: Value '[]' at 'names' failed to satisfy constraint: Member must have length greater than or equal to 1."))
	d, err := c.DescribeParameters(ctx, &ssm.DescribeParametersInput{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"/keep"}, names(d.Parameters, metaName)); diff != "" {
		t.Errorf("left after deletes (-want +got):\n%s", diff)
	}
}
