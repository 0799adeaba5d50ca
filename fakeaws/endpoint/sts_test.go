package endpoint

import (
	"context"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws"
)

// identity is what GetCallerIdentity answers, without its metadata.
type identity struct{ Account, Arn, UserId string }

func callerIdentityOf(t *testing.T, c *sts.Client) identity {
	t.Helper()
	out, err := c.GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	if err != nil {
		t.Fatalf("GetCallerIdentity: %v", err)
	}
	return identity{aws.ToString(out.Account), aws.ToString(out.Arn), aws.ToString(out.UserId)}
}

func withKey(cfg aws.Config, key string) aws.Config {
	cfg.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: key, SecretAccessKey: "s"}, nil
	})
	return cfg
}

// TestSTSGetCallerIdentity: the Go SDK's STS client, made from
// endpoint.Config and from a Server's Config, learns the account and
// principal its access key maps to. UserId follows the STS API reference's
// GetCallerIdentity examples (user: the access key; assumed role:
// "<access key>:<session>"; federated user: "<account>:<name>"; root: the
// account).
func TestSTSGetCallerIdentity(t *testing.T) {
	t.Parallel()
	st := fakeaws.New(fakeaws.WithAccount("111122223333"), fakeaws.WithRegion("eu-central-1"))
	opts := []Option{
		WithAccountForKey("AKIAALICE", "123456789012"),
		WithPrincipalForKey("AKIAALICE", "arn:aws:iam::123456789012:user/Alice"),
		WithAccountForKey("ASIAROLE", "123456789012"),
		WithPrincipalForKey("ASIAROLE", "arn:aws:sts::123456789012:assumed-role/my-role-name/my-role-session-name"),
		WithAccountForKey("ASIAFED", "123456789012"),
		WithPrincipalForKey("ASIAFED", "arn:aws:sts::123456789012:federated-user/my-federated-user-name"),
		WithPrincipalForKey("AKIAROOT", "arn:aws:iam::111122223333:root"),
	}
	srv := NewServer(st, opts...)
	t.Cleanup(srv.Close)
	ways := map[string]aws.Config{"endpoint.Config": Config(st, opts...), "Server.Config": srv.Config()}
	tests := []struct {
		name, key, region string
		want              identity
	}{
		{"an IAM user (API reference, example 1)", "AKIAALICE", "",
			identity{"123456789012", "arn:aws:iam::123456789012:user/Alice", "AKIAALICE"}},
		{"an assumed role (API reference, example 2)", "ASIAROLE", "",
			identity{"123456789012", "arn:aws:sts::123456789012:assumed-role/my-role-name/my-role-session-name", "ASIAROLE:my-role-session-name"}},
		{"a federated user (API reference, example 3)", "ASIAFED", "",
			identity{"123456789012", "arn:aws:sts::123456789012:federated-user/my-federated-user-name", "123456789012:my-federated-user-name"}},
		{"the root user: UserId is the account (IAM policy variables, aws:userid)", "AKIAROOT", "",
			identity{"111122223333", "arn:aws:iam::111122223333:root", "111122223333"}},
		{"a twelve-digit key is the account; the principal is user/<key>", "444455556666", "",
			identity{"444455556666", "arn:aws:iam::444455556666:user/444455556666", "444455556666"}},
		{"any other key: the Store's account", "AKIAOTHER", "",
			identity{"111122223333", "arn:aws:iam::111122223333:user/AKIAOTHER", "AKIAOTHER"}},
		{"the ARN is in the region's partition", "AKIAOTHER", "cn-north-1",
			identity{"111122223333", "arn:aws-cn:iam::111122223333:user/AKIAOTHER", "AKIAOTHER"}},
	}
	for way, cfg := range ways {
		for _, tt := range tests {
			t.Run(way+"/"+tt.name, func(t *testing.T) {
				t.Parallel()
				c := sts.NewFromConfig(withKey(cfg, tt.key), func(o *sts.Options) {
					if tt.region != "" {
						o.Region = tt.region
					}
				})
				if diff := cmp.Diff(tt.want, callerIdentityOf(t, c)); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
			})
		}
	}
	t.Run("the default credentials of endpoint.Config", func(t *testing.T) {
		t.Parallel()
		got := callerIdentityOf(t, sts.NewFromConfig(Config(fakeaws.New())))
		want := identity{fakeaws.DefaultAccount, "arn:aws:iam::" + fakeaws.DefaultAccount + ":user/" + fakeaws.DefaultAccount, fakeaws.DefaultAccount}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
}

var requestIDElement = regexp.MustCompile(`<RequestId>[^<]*</RequestId>`)

func postForm(t *testing.T, h http.Handler, body string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

// TestSTSWireAnswer: the answer's bytes are the layout of the STS API
// reference's sample response (text/xml; Arn, UserId, Account;
// ResponseMetadata/RequestId, the same ID as the x-amzn-RequestId header).
func TestSTSWireAnswer(t *testing.T) {
	t.Parallel()
	h := Handler(fakeaws.New(), WithPrincipalForKey("AKIAI44QH8DHBEXAMPLE", "arn:aws:iam::123456789012:user/Alice"))
	res, body := postForm(t, h, "Action=GetCallerIdentity&Version=2011-06-15", map[string]string{
		"Authorization": "AWS4-HMAC-SHA256 Credential=AKIAI44QH8DHBEXAMPLE/20160126/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=12ab",
	})
	reqID := res.Header.Get("X-Amzn-Requestid")
	want := `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:iam::123456789012:user/Alice</Arn>
    <UserId>AKIAI44QH8DHBEXAMPLE</UserId>
    <Account>123456789012</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata>
    <RequestId>` + reqID + `</RequestId>
  </ResponseMetadata>
</GetCallerIdentityResponse>
`
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/xml" || reqID == "" {
		t.Errorf("status %d, Content-Type %q, request ID %q; want 200, text/xml, an ID", res.StatusCode, res.Header.Get("Content-Type"), reqID)
	}
	if diff := cmp.Diff(want, body); diff != "" {
		t.Errorf("body (-want +got):\n%s", diff)
	}
}

// TestSTSErrorAsRecorded: an unsigned call to a server that verifies
// signatures gets STS's recorded answer byte for byte (403, text/xml,
// ErrorResponse with Type, Code and Message; the recording's
// Content-Length is 297), request ID aside.
func TestSTSErrorAsRecorded(t *testing.T) {
	t.Parallel()
	h := Handler(fakeaws.New(), WithSignatureKeys(map[string]string{"AKID": "secret"}))
	res, body := postForm(t, h, "Action=GetCallerIdentity&Version=2011-06-15", nil)
	const recorded = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error>
    <Type>Sender</Type>
    <Code>MissingAuthenticationToken</Code>
    <Message>Request is missing Authentication Token</Message>
  </Error>
  <RequestId>89b682e5-ac18-4fac-a917-2155723ed59b</RequestId>
</ErrorResponse>
`
	if len(recorded) != 297 {
		t.Fatalf("the recording is %d bytes, its Content-Length said 297", len(recorded))
	}
	got := requestIDElement.ReplaceAllString(body, "<RequestId>89b682e5-ac18-4fac-a917-2155723ed59b</RequestId>")
	if diff := cmp.Diff(recorded, got); diff != "" {
		t.Errorf("body (-want +got):\n%s", diff)
	}
	if res.StatusCode != 403 || res.Header.Get("Content-Type") != "text/xml" || !strings.Contains(body, res.Header.Get("X-Amzn-Requestid")) {
		t.Errorf("status %d, Content-Type %q, request ID header %q", res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("X-Amzn-Requestid"))
	}
}

// TestSTSSignatureErrorsForTheSDK: with WithSignatureKeys, the STS client
// reads the Query protocol's codes (AWS CLI output against STS:
// InvalidClientTokenId, SignatureDoesNotMatch).
func TestSTSSignatureErrorsForTheSDK(t *testing.T) {
	t.Parallel()
	srv := NewServer(fakeaws.New(), WithSignatureKeys(map[string]string{"123456789012": "right"}))
	t.Cleanup(srv.Close)
	call := func(key, secret string) error {
		cfg := srv.Config()
		cfg.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
			return aws.Credentials{AccessKeyID: key, SecretAccessKey: secret}, nil
		})
		_, err := sts.NewFromConfig(cfg, func(o *sts.Options) { o.RetryMaxAttempts = 1 }).GetCallerIdentity(context.Background(), nil)
		return err
	}
	if err := call("123456789012", "right"); err != nil {
		t.Fatalf("a correctly signed call: %v", err)
	}
	for _, tc := range []struct{ key, secret, code string }{
		{"AKIAUNKNOWN", "right", "InvalidClientTokenId"},
		{"123456789012", "wrong", "SignatureDoesNotMatch"},
	} {
		var api smithy.APIError
		if err := call(tc.key, tc.secret); !errors.As(err, &api) || api.ErrorCode() != tc.code || api.ErrorMessage() == "" {
			t.Errorf("key %s secret %s: got %v, want %s with a message", tc.key, tc.secret, err, tc.code)
		}
	}
}

// TestNotImplementedInEachProtocol: calls fakeaws does not serve get
// NotImplemented (501) in the shape their protocol's clients read, and the
// SDK reads it as an API error naming the call.
func TestNotImplementedInEachProtocol(t *testing.T) {
	t.Parallel()
	st := fakeaws.New()

	t.Run("another STS action through the Go SDK", func(t *testing.T) {
		t.Parallel()
		_, err := sts.NewFromConfig(Config(st)).AssumeRole(context.Background(), &sts.AssumeRoleInput{
			RoleArn: aws.String("arn:aws:iam::123456789012:role/r"), RoleSessionName: aws.String("s")})
		var api smithy.APIError
		if !errors.As(err, &api) || api.ErrorCode() != "NotImplemented" || !strings.Contains(api.ErrorMessage(), "AssumeRole") {
			t.Fatalf("got %v, want NotImplemented naming AssumeRole", err)
		}
		var re *awshttp.ResponseError
		if !errors.As(err, &re) || re.HTTPStatusCode() != 501 || re.RequestID == "" {
			t.Errorf("got %v, want status 501 with a request ID", err)
		}
	})

	type xmlError struct {
		Type, Code, Message string
	}
	t.Run("a Query call to another service (IAM)", func(t *testing.T) {
		t.Parallel()
		res, body := postForm(t, Handler(st), "Action=ListUsers&Version=2010-05-08", map[string]string{
			"Authorization": "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=00"})
		var got struct {
			Error     xmlError
			RequestId string
		}
		if err := xml.Unmarshal([]byte(body), &got); err != nil {
			t.Fatalf("body %q: %v", body, err)
		}
		if res.StatusCode != 501 || got.Error.Code != "NotImplemented" || got.Error.Type != "Receiver" ||
			!strings.Contains(got.Error.Message, "ListUsers") || got.RequestId == "" {
			t.Errorf("status %d, body %s", res.StatusCode, body)
		}
	})

	t.Run("an EC2 Query call: EC2's Response/Errors shape", func(t *testing.T) {
		t.Parallel()
		res, body := postForm(t, Handler(st), "Action=DescribeInstances&Version=2016-11-15", map[string]string{
			"Authorization": "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00"})
		var got struct {
			Errors    struct{ Error xmlError }
			RequestID string
		}
		if err := xml.Unmarshal([]byte(body), &got); err != nil {
			t.Fatalf("body %q: %v", body, err)
		}
		if res.StatusCode != 501 || got.Errors.Error.Code != "NotImplemented" || got.RequestID == "" {
			t.Errorf("status %d, body %s", res.StatusCode, body)
		}
	})

	t.Run("an S3 REST call: S3's Error shape", func(t *testing.T) {
		t.Parallel()
		req := httptest.NewRequest(http.MethodGet, "/bucket/key", nil)
		req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00")
		rec := httptest.NewRecorder()
		Handler(st).ServeHTTP(rec, req)
		var got struct{ Code, Message, RequestId string }
		if err := xml.Unmarshal(rec.Body.Bytes(), &got); err != nil {
			t.Fatalf("body %q: %v", rec.Body, err)
		}
		if rec.Code != 501 || got.Code != "NotImplemented" || !strings.Contains(got.Message, "/bucket/key") || got.RequestId == "" {
			t.Errorf("status %d, body %s", rec.Code, rec.Body)
		}
	})

	t.Run("another REST call: JSON with X-Amzn-ErrorType", func(t *testing.T) {
		t.Parallel()
		req := httptest.NewRequest(http.MethodGet, "/2015-03-31/functions/", nil)
		got := record(t, Handler(st), req)
		if got.Status != 501 || got.ErrorType != "NotImplemented" || got.Body["__type"] != "NotImplemented" || !got.HasReqID {
			t.Errorf("got %+v", got)
		}
	})

	t.Run("an AWS JSON target of another service", func(t *testing.T) {
		t.Parallel()
		got := post(t, Handler(st), "Logs_20140328.PutLogEvents", "{}")
		if got.Status != 501 || got.ErrorType != "NotImplemented" || !strings.Contains(got.Body["message"].(string), "Logs_20140328.PutLogEvents") {
			t.Errorf("got %+v", got)
		}
	})
}

// TestSTSUnsigned: without signature checks, an unsigned GetCallerIdentity
// (known by its Version) answers as the Store's account's root, and a
// malformed form is refused in the Query shape.
func TestSTSUnsigned(t *testing.T) {
	t.Parallel()
	h := Handler(fakeaws.New(fakeaws.WithAccount("210987654321")))
	res, body := postForm(t, h, "Action=GetCallerIdentity&Version=2011-06-15", nil)
	var got struct {
		Result identity `xml:"GetCallerIdentityResult"`
	}
	if err := xml.Unmarshal([]byte(body), &got); err != nil || res.StatusCode != 200 {
		t.Fatalf("status %d, body %q: %v", res.StatusCode, body, err)
	}
	if diff := cmp.Diff(identity{"210987654321", "arn:aws:iam::210987654321:root", "210987654321"}, got.Result); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	res, body = postForm(t, h, "Action=GetCallerIdentity&Version=%zz", nil)
	if res.StatusCode != 400 || !strings.Contains(body, "<Code>MalformedQueryString</Code>") {
		t.Errorf("malformed form: status %d, body %s", res.StatusCode, body)
	}
}
