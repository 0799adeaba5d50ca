package ssmfake_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/google/go-cmp/cmp"
)

const gi = "/aws/service/global-infrastructure"

func TestPublicParametersGet(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cases := []struct {
		name, param, want string
	}{
		{"a region's own parameter is its name (D: global-infrastructure)", gi + "/regions/us-east-1", "us-east-1"},
		{"longName (D)", gi + "/regions/eu-west-1/longName", "Europe (Ireland)"},
		{"partition (D)", gi + "/regions/eu-west-1/partition", "aws"},
		{"domain (D)", gi + "/regions/eu-west-1/domain", "amazonaws.com"},
		{"a service (D)", gi + "/services/secretsmanager", "secretsmanager"},
		{"a service's longName (D)", gi + "/services/ssm/longName", "AWS Systems Manager"},
		{"a service's region (D)", gi + "/services/lambda/regions/us-west-2", "us-west-2"},
		{"version selector :1 (docs/aws-behaviour.md §2.4)", gi + "/services/s3:1", "s3"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c, _ := newClient(t)
			out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(tc.param)})
			if err != nil {
				t.Fatal(err)
			}
			p := out.Parameter
			if aws.ToString(p.Value) != tc.want || p.Type != types.ParameterTypeString || p.Version != 1 {
				t.Errorf("GetParameter(%s) = %s %s v%d, want %s String v1", tc.param, aws.ToString(p.Value), p.Type, p.Version, tc.want)
			}
		})
	}
	t.Run("unknown public name: ParameterNotFound (docs/aws-behaviour.md §2.4)", func(t *testing.T) {
		t.Parallel()
		c, _ := newClient(t)
		_, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(gi + "/regions/xx-nowhere-1")})
		checkErr(t, err, notFound())
	})
	t.Run("GetParameters mixes public and missing names (docs/aws-behaviour.md §2.4)", func(t *testing.T) {
		t.Parallel()
		c, _ := newClient(t)
		out, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{gi + "/services/ssm", gi + "/nope", gi + "/regions/us-east-1/longName"}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range out.Parameters {
			got = append(got, aws.ToString(p.Value))
		}
		if diff := cmp.Diff([]string{"US East (N. Virginia)", "ssm"}, got); diff != "" {
			t.Errorf("values (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{gi + "/nope"}, out.InvalidParameters); diff != "" {
			t.Errorf("InvalidParameters (-want +got):\n%s", diff)
		}
	})
}

func TestPublicParametersByPath(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	list := func(path string, recursive bool) []string {
		t.Helper()
		var names []string
		pg := ssm.NewGetParametersByPathPaginator(c, &ssm.GetParametersByPathInput{Path: aws.String(path), Recursive: aws.Bool(recursive)})
		for pg.HasMorePages() {
			out, err := pg.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range out.Parameters {
				names = append(names, aws.ToString(p.Name))
			}
		}
		return names
	}
	t.Run("one level: the region's own attributes, not its services (docs/aws-behaviour.md §2.5)", func(t *testing.T) {
		want := []string{gi + "/regions/us-east-1/domain", gi + "/regions/us-east-1/geolocationCountry", gi + "/regions/us-east-1/geolocationRegion",
			gi + "/regions/us-east-1/longName", gi + "/regions/us-east-1/partition"}
		if diff := cmp.Diff(want, list(gi+"/regions/us-east-1", false)); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("recursive: a service's regions with their endpoints (docs/aws-behaviour.md §2.5)", func(t *testing.T) {
		got := list(gi+"/services/ssm/regions", true)
		if len(got) < 40 || got[0] != gi+"/services/ssm/regions/af-south-1" || got[1] != gi+"/services/ssm/regions/af-south-1/endpoint" {
			t.Errorf("got %d names starting %v", len(got), got[:min(len(got), 2)])
		}
	})
	t.Run("the root never lists public parameters (D)", func(t *testing.T) {
		put(t, c, str("/mine/a", "v"))
		if diff := cmp.Diff([]string{"/mine/a"}, list("/", true)); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
}

func TestPublicParametersReadOnly(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	_, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(gi + "/regions/us-east-1"), Value: aws.String("x"), Type: types.ParameterTypeString, Overwrite: aws.Bool(true)})
	if err == nil {
		t.Fatal("PutParameter under /aws/ succeeded, want a refusal (docs/aws-behaviour.md §2.8)")
	}
	out, err := c.DescribeParameters(ctx, &ssm.DescribeParametersInput{})
	if err != nil || len(out.Parameters) != 0 {
		t.Errorf("DescribeParameters = %v, %v; want no public parameters (D)", out, err)
	}
	got, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(gi + "/regions/us-east-1")})
	if err != nil || aws.ToString(got.Parameter.Value) != "us-east-1" {
		t.Errorf("after a refused write: %v, %v", got, err)
	}
	if want := "arn:aws:ssm:" + region + "::parameter" + gi + "/regions/us-east-1"; aws.ToString(got.Parameter.ARN) != want {
		t.Errorf("ARN = %s, want %s (no account: O)", aws.ToString(got.Parameter.ARN), want)
	}
}
