package fakeaws_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// TestErrorsAgreeAcrossWaysIn: an error whose shape in the API model has no
// message member (InvalidFilterKey, InvalidResourceId, InvalidResourceType,
// TooManyTagsError) reads the same from the direct fake as from the real
// SDK over the wire, which cannot read a message for it: no way in invents
// one.
func TestErrorsAgreeAcrossWaysIn(t *testing.T) {
	t.Parallel()
	tags := make([]types.Tag, 51)
	for i := range tags {
		tags[i] = types.Tag{Key: aws.String(strings.Repeat("k", i+1)), Value: aws.String("v")}
	}
	cases := []struct {
		name, code string
		call       func(context.Context, ssmClient) error
	}{
		{"missing parameter: InvalidResourceId", "InvalidResourceId", func(ctx context.Context, c ssmClient) error {
			_, err := c.AddTagsToResource(ctx, &ssm.AddTagsToResourceInput{ResourceType: types.ResourceTypeForTaggingParameter, ResourceId: aws.String("/none"),
				Tags: []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}})
			return err
		}},
		{"another resource type: InvalidResourceType", "InvalidResourceType", func(ctx context.Context, c ssmClient) error {
			_, err := c.AddTagsToResource(ctx, &ssm.AddTagsToResourceInput{ResourceType: types.ResourceTypeForTaggingDocument, ResourceId: aws.String("d"),
				Tags: []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}})
			return err
		}},
		{"by-path filter key Name: InvalidFilterKey", "InvalidFilterKey", func(ctx context.Context, c ssmClient) error {
			_, err := c.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/p"),
				ParameterFilters: []types.ParameterStringFilter{{Key: aws.String("Name"), Values: []string{"x"}}}})
			return err
		}},
		{"describe filter key Label: InvalidFilterKey", "InvalidFilterKey", func(ctx context.Context, c ssmClient) error {
			_, err := c.DescribeParameters(ctx, &ssm.DescribeParametersInput{
				ParameterFilters: []types.ParameterStringFilter{{Key: aws.String("Label"), Values: []string{"x"}}}})
			return err
		}},
		{"51 tags: TooManyTagsError", "TooManyTagsError", func(ctx context.Context, c ssmClient) error {
			_, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/t"), Value: aws.String("v"), Type: types.ParameterTypeString, Tags: tags})
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			st := fakeaws.New()
			ctx := context.Background()
			var got []string
			for _, c := range []ssmClient{ssmfake.New(st), ssm.NewFromConfig(endpoint.Config(st))} {
				err := tc.call(ctx, c)
				var ae smithy.APIError
				if !errors.As(err, &ae) {
					t.Fatalf("%T: got %v, want %s", c, err, tc.code)
				}
				got = append(got, ae.ErrorCode()+": "+ae.ErrorMessage())
			}
			want := []string{tc.code + ": ", tc.code + ": "}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("direct, wire (-want +got):\n%s", diff)
			}
		})
	}
}
