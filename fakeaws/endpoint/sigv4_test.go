package endpoint

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/smithy-go"

	"github.com/fakeaws/fakeaws-go/fakeaws"
)

func ssmWithKeys(srv *Server, key, secret string) *ssm.Client {
	cfg := srv.Config()
	cfg.Credentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		return aws.Credentials{AccessKeyID: key, SecretAccessKey: secret}, nil
	})
	return ssm.NewFromConfig(cfg, func(o *ssm.Options) { o.RetryMaxAttempts = 1 })
}

func TestSignatureVerification(t *testing.T) {
	t.Parallel()
	st := fakeaws.New()
	srv := NewServer(st, WithSignatureKeys(map[string]string{"AKIDGOOD": "right-secret"}))
	t.Cleanup(srv.Close)
	ctx := context.Background()
	in := &ssm.DescribeParametersInput{}

	if _, err := ssmWithKeys(srv, "AKIDGOOD", "right-secret").DescribeParameters(ctx, in); err != nil {
		t.Fatalf("a correctly signed request: %v", err)
	}
	for _, tc := range []struct {
		name, key, secret, code string
	}{
		{"unknown access key (AWS: UnrecognizedClientException)", "AKIDOTHER", "right-secret", "UnrecognizedClientException"},
		{"wrong secret key (AWS: InvalidSignatureException)", "AKIDGOOD", "wrong-secret", "InvalidSignatureException"},
	} {
		_, err := ssmWithKeys(srv, tc.key, tc.secret).DescribeParameters(ctx, in)
		var api smithy.APIError
		if !errors.As(err, &api) || api.ErrorCode() != tc.code {
			t.Errorf("%s: err = %v, want %s", tc.name, err, tc.code)
		}
	}

	// An unsigned request is refused.
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/", strings.NewReader("{}"))
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "AmazonSSM.DescribeParameters")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden || res.Header.Get("X-Amzn-Errortype") != "MissingAuthenticationTokenException" {
		t.Errorf("unsigned request: status %d, error type %q; want 403 MissingAuthenticationTokenException",
			res.StatusCode, res.Header.Get("X-Amzn-Errortype"))
	}
}

// Without WithSignatureKeys nothing is verified: any key works, as before.
func TestNoVerificationByDefault(t *testing.T) {
	t.Parallel()
	srv := NewServer(fakeaws.New())
	t.Cleanup(srv.Close)
	if _, err := ssmWithKeys(srv, "ANYKEY", "anything").DescribeParameters(context.Background(), &ssm.DescribeParametersInput{}); err != nil {
		t.Fatalf("unverified server refused a request: %v", err)
	}
}
