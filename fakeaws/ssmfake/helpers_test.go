package ssmfake_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

const (
	region  = "eu-west-1"
	account = "123456789012"
)

var t0 = time.Date(2024, 1, 2, 3, 4, 5, 678e6, time.UTC)

// arn is the parameter ARN of name in the test partition (docs/aws-behaviour.md §2.4).
func arn(name string) *string {
	if name != "" && name[0] == '/' {
		name = name[1:]
	}
	return aws.String("arn:aws:ssm:" + region + ":" + account + ":parameter/" + name)
}

// newClient returns a client of a fresh Store at t0 in eu-west-1, and its
// clock.
func newClient(t *testing.T) (*ssmfake.Client, *clock.Fake) {
	t.Helper()
	clk := clock.NewFake(t0)
	st := fakeaws.New(fakeaws.WithClock(clk), fakeaws.WithRegion(region), fakeaws.WithAccount(account))
	return ssmfake.New(st), clk
}

// cmpOpts compares SDK values field by field, without ResultMetadata and
// the SDK's unexported markers.
var cmpOpts = []cmp.Option{
	cmpopts.IgnoreUnexported(
		ssm.PutParameterOutput{}, ssm.GetParameterOutput{}, ssm.GetParametersOutput{},
		ssm.GetParametersByPathOutput{}, ssm.GetParameterHistoryOutput{}, ssm.DescribeParametersOutput{},
		ssm.DeleteParameterOutput{}, ssm.DeleteParametersOutput{}, ssm.LabelParameterVersionOutput{},
		ssm.UnlabelParameterVersionOutput{}, ssm.AddTagsToResourceOutput{}, ssm.RemoveTagsFromResourceOutput{},
		ssm.ListTagsForResourceOutput{},
		types.Parameter{}, types.ParameterMetadata{}, types.ParameterHistory{}, types.Tag{},
		types.ParameterInlinePolicy{},
	),
	cmpopts.IgnoreTypes(middleware.Metadata{}),
}

// cmpEmpty treats nil and empty slices alike, where the test does not
// care which one AWS's JSON decodes to.
var cmpEmpty = cmpopts.EquateEmpty()

// put puts parameters for a test's setup; each must succeed.
func put(t *testing.T, c *ssmfake.Client, ins ...*ssm.PutParameterInput) {
	t.Helper()
	for _, in := range ins {
		if _, err := c.PutParameter(context.Background(), in); err != nil {
			t.Fatalf("PutParameter(%s): %v", aws.ToString(in.Name), err)
		}
	}
}

// str is a String parameter input.
func str(name, value string) *ssm.PutParameterInput {
	return &ssm.PutParameterInput{Name: aws.String(name), Value: aws.String(value), Type: types.ParameterTypeString}
}

// over is an overwrite of name with value.
func over(name, value string) *ssm.PutParameterInput {
	return &ssm.PutParameterInput{Name: aws.String(name), Value: aws.String(value), Overwrite: aws.Bool(true)}
}

// checkErr checks that err is of want's type (errors.As) and carries
// want's code and message (smithy.APIError). A nil want wants no error.
func checkErr(t *testing.T, err, want error) {
	t.Helper()
	if want == nil {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	if err == nil {
		t.Fatalf("got no error, want %T", want)
	}
	target := reflect.New(reflect.TypeOf(want))
	if !errors.As(err, target.Interface()) {
		t.Fatalf("got %v, want a %T", err, want)
	}
	var got, w smithy.APIError
	errors.As(err, &got)
	errors.As(want, &w)
	if diff := cmp.Diff([2]string{w.ErrorCode(), w.ErrorMessage()}, [2]string{got.ErrorCode(), got.ErrorMessage()}); diff != "" {
		t.Errorf("code and message mismatch (-want +got):\n%s", diff)
	}
}

// validation is a ValidationException with msg.
func validation(msg string) error { return &types.ValidationException{Message: aws.String(msg)} }

// notFound is the ParameterNotFound of GetParameter and DeleteParameter:
// no message (O).
func notFound() error { return &types.ParameterNotFound{Message: aws.String("")} }
