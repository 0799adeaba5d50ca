package paramstore_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// apiCode returns the smithy API error code of err, failing the test when
// err is not an API error (a fake must answer bad input with AWS's error).
func apiCode(t *testing.T, err error) string {
	t.Helper()
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("error %v (%T) is not a smithy.APIError", err, err)
	}
	if ae.ErrorCode() == "" { // the message may be empty: AWS sends ParameterNotFound without one
		t.Fatalf("API error %v has an empty code", err)
	}
	return ae.ErrorCode()
}

// FuzzParameterName puts a parameter under an arbitrary name and reads it
// back by that name and with arbitrary selectors: every call either fails
// with an API error or round-trips the value; nothing panics.
func FuzzParameterName(f *testing.F) {
	for _, s := range []struct{ name, sel string }{
		{"/app/db/password", ":1"}, {"plain", ":label"}, {"a.b-c_d", ""}, {"/a//b", ":"},
		{"/aws/x", ":0"}, {"ssm-x", ":label:1"}, {"/" + strings.Repeat("x", 1100), ":99999999999999999999"},
		{"arn:aws:ssm:us-east-1:123456789012:parameter/p", ":2"}, {"héllo", ":ÅWS"}, {"a\x00b", "::"},
		{"/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p", ":-1"}, {"aws", ":CURRENT"}, {"1abc", ":1abc"},
	} {
		f.Add(s.name, s.sel)
	}
	f.Fuzz(func(t *testing.T, name, sel string) {
		ctx := context.Background()
		c := ssmfake.New(fakeaws.New(fakeaws.WithSeed(1)))
		_, perr := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(name), Value: aws.String("v"), Type: types.ParameterTypeString})
		if perr != nil {
			apiCode(t, perr)
		}
		got, gerr := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name)})
		switch {
		case perr == nil && gerr != nil:
			t.Fatalf("put %q succeeded, get failed: %v", name, gerr)
		case gerr != nil:
			apiCode(t, gerr)
		default:
			if aws.ToString(got.Parameter.Value) != "v" || got.Parameter.Version != 1 {
				t.Fatalf("get %q = %q v%d, want \"v\" v1", name, aws.ToString(got.Parameter.Value), got.Parameter.Version)
			}
		}
		if _, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name + sel)}); err != nil {
			apiCode(t, err)
		}
		if _, err := c.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String(name), Labels: []string{sel}}); err != nil {
			apiCode(t, err)
		}
		if _, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{name, name + sel}}); err != nil {
			apiCode(t, err)
		}
	})
}

// FuzzReferenceName reads /aws/reference/secretsmanager/ + arbitrary text
// (with or without a secret of that name): an API error or a value, never a
// panic.
func FuzzReferenceName(f *testing.F) {
	for _, s := range []string{"db", "db:1", "db:AWSCURRENT", "db:AWSPREVIOUS", "", ":", "/db", "db/x", "a:b:c",
		"arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf", "db" + strings.Repeat("z", 600), "\x00", "db:0"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, rest string, create bool) {
		ctx := context.Background()
		st := fakeaws.New(fakeaws.WithSeed(1))
		if create {
			secret, _, _ := strings.Cut(rest, ":")
			if _, err := smfake.New(st).CreateSecret(ctx, secretsmanagerCreate(secret)); err != nil {
				apiCode(t, err)
			}
		}
		c := ssmfake.New(st)
		for _, decrypt := range []bool{true, false} {
			if _, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/aws/reference/secretsmanager/" + rest), WithDecryption: aws.Bool(decrypt)}); err != nil {
				apiCode(t, err)
			}
		}
		if _, err := c.GetParameters(ctx, &ssm.GetParametersInput{Names: []string{"/aws/reference/secretsmanager/" + rest}, WithDecryption: aws.Bool(true)}); err != nil {
			apiCode(t, err)
		}
	})
}

// FuzzPageToken passes an arbitrary NextToken to each paged Parameter Store
// read: InvalidNextToken or a valid page, never a panic.
func FuzzPageToken(f *testing.F) {
	for _, s := range []string{"", "x", "bjE6L2EvYg", "djE6Mg", "djE6MA", "djE6LTE", "bjE6", "====", "djE6OTk5OTk5OTk5OTk5OTk5OTk5OTk5"} {
		f.Add(s, int32(2))
	}
	f.Fuzz(func(t *testing.T, tok string, max int32) {
		ctx := context.Background()
		c := ssmfake.New(fakeaws.New(fakeaws.WithSeed(1)))
		for _, n := range []string{"/a/b", "/a/c", "/a/d/e"} {
			for i := 0; i < 3; i++ {
				if _, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(n), Value: aws.String("v"), Type: types.ParameterTypeString, Overwrite: aws.Bool(true)}); err != nil {
					t.Fatal(err)
				}
			}
		}
		check := func(op string, err error) {
			if err == nil {
				return
			}
			var bad *types.InvalidNextToken
			if code := apiCode(t, err); !errors.As(err, &bad) && code != "ValidationException" {
				t.Fatalf("%s with token %q max %d: %v", op, tok, max, err)
			}
		}
		var m *int32
		if max != 0 {
			m = aws.Int32(max)
		}
		_, err := c.GetParametersByPath(ctx, &ssm.GetParametersByPathInput{Path: aws.String("/a"), Recursive: aws.Bool(true), NextToken: aws.String(tok), MaxResults: m})
		check("GetParametersByPath", err)
		_, err = c.DescribeParameters(ctx, &ssm.DescribeParametersInput{NextToken: aws.String(tok), MaxResults: m})
		check("DescribeParameters", err)
		_, err = c.GetParameterHistory(ctx, &ssm.GetParameterHistoryInput{Name: aws.String("/a/b"), NextToken: aws.String(tok), MaxResults: m})
		check("GetParameterHistory", err)
	})
}
