package sigv4

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

func signedRequest(t *testing.T, body string, akid, secret, region string) *http.Request {
	t.Helper()
	r, err := http.NewRequest(http.MethodPost, "http://127.0.0.1:4566/", bytes.NewReader([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("Content-Type", "application/x-amz-json-1.1")
	r.Header.Set("X-Amz-Target", "AmazonSSM.GetParameter")
	sum := sha256.Sum256([]byte(body))
	creds := aws.Credentials{AccessKeyID: akid, SecretAccessKey: secret}
	when := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, r, hex.EncodeToString(sum[:]), "ssm", region, when); err != nil {
		t.Fatal(err)
	}
	return r
}

// The SDK's own signer is the reference: what it signs, Verify accepts, and
// any change to the request or key is caught.
func TestVerifyAgainstTheSDKSigner(t *testing.T) {
	t.Parallel()
	body := `{"Name":"/app/db/host"}`
	r := signedRequest(t, body, "AKIDEXAMPLE", "s3cr3t", "eu-central-1")
	a, err := Parse(r)
	if err != nil {
		t.Fatal(err)
	}
	if a.AccessKey != "AKIDEXAMPLE" || a.Region != "eu-central-1" || a.Service != "ssm" || a.Date != "20240506" {
		t.Fatalf("Parse = %+v", a)
	}
	if !Verify(r, []byte(body), a, "s3cr3t") {
		t.Fatal("a request signed by the SDK does not verify")
	}
	if Verify(r, []byte(body), a, "wrong") {
		t.Error("a wrong secret key verifies")
	}
	if Verify(r, []byte(`{"Name":"/app/db/other"}`), a, "s3cr3t") {
		t.Error("a changed body verifies")
	}
	r.Header.Set("X-Amz-Target", "AmazonSSM.DeleteParameter")
	if Verify(r, []byte(body), a, "s3cr3t") {
		t.Error("a changed signed header verifies")
	}
}

func TestParseUnsignedAndMalformed(t *testing.T) {
	t.Parallel()
	r, _ := http.NewRequest(http.MethodPost, "http://x/", nil)
	if _, err := Parse(r); !errors.Is(err, ErrUnsigned) {
		t.Errorf("unsigned: err = %v, want ErrUnsigned", err)
	}
	for _, h := range []string{
		"AWS4-HMAC-SHA256 Credential=AK/20240506/eu-central-1/ssm, SignedHeaders=host, Signature=ab",
		"AWS4-HMAC-SHA256 garbage",
		"AWS4-HMAC-SHA256 Credential=AK/20240506/eu-central-1/ssm/aws4_request",
	} {
		r.Header.Set("Authorization", h)
		if _, err := Parse(r); err == nil || errors.Is(err, ErrUnsigned) {
			t.Errorf("Parse(%q) = %v, want a malformed-header error", h, err)
		}
	}
}
