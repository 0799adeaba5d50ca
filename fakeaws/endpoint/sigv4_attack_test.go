package endpoint

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
)

// Attacks on signature verification: each request below is one a holder of
// no secret key could make, or one AWS refuses; each must be refused with
// AWS's code and message (docs/aws-behaviour.md §8.1).

const (
	attackKey    = "AKIDATTACK"
	attackSecret = "attack-secret"
)

func verifyingServer(t *testing.T) (*Server, *fakeaws.Store) {
	t.Helper()
	st := fakeaws.New()
	srv := NewServer(st, WithSignatureKeys(map[string]string{attackKey: attackSecret}))
	t.Cleanup(srv.Close)
	return srv, st
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// newAPIRequest is a POST of body to target on srv, unsigned.
func newAPIRequest(t *testing.T, url, target, body string) *http.Request {
	t.Helper()
	r, err := http.NewRequest(http.MethodPost, url+"/", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("Content-Type", "application/x-amz-json-1.1")
	r.Header.Set("X-Amz-Target", target)
	return r
}

// signAt signs r with the SDK's signer as service at when, over payloadHash.
func signAt(t *testing.T, r *http.Request, payloadHash, service string, when time.Time) {
	t.Helper()
	creds := aws.Credentials{AccessKeyID: attackKey, SecretAccessKey: attackSecret}
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, r, payloadHash, service, "us-east-1", when); err != nil {
		t.Fatal(err)
	}
}

// send does r with a body of body (r's own body is replaced, so a signed
// request can carry another body than the one signed) and returns the
// status, the error code and message.
func send(t *testing.T, r *http.Request, body string) (status int, code, message string) {
	t.Helper()
	r.Body = io.NopCloser(strings.NewReader(body))
	r.ContentLength = int64(len(body))
	res, err := http.DefaultClient.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	var e map[string]string
	_ = json.Unmarshal(data, &e)
	return res.StatusCode, res.Header.Get("X-Amzn-Errortype"), e["message"] + e["Message"]
}

func wantRefused(t *testing.T, status int, code, message, wantCode string, wantMessage *regexp.Regexp) {
	t.Helper()
	if status == http.StatusOK || code != wantCode || (wantMessage != nil && !wantMessage.MatchString(message)) {
		t.Errorf("got %d %s %q, want %s matching %v", status, code, message, wantCode, wantMessage)
	}
}

const badSignature = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."

// A captured request replayed with another body is refused: the payload
// hash is the body's, not what X-Amz-Content-Sha256 claims, signed or not.
func TestSignaturePayloadIsTheBodyThatArrived(t *testing.T) {
	t.Parallel()
	srv, st := verifyingServer(t)
	orig := `{"Name":"/app/a","Value":"harmless","Type":"String"}`
	evil := `{"Name":"/app/a","Value":"sinister","Type":"String"}` // the same length: Content-Length is signed
	for _, signHeader := range []bool{true, false} {
		r := newAPIRequest(t, srv.URL, "AmazonSSM.PutParameter", orig)
		if signHeader {
			r.Header.Set("X-Amz-Content-Sha256", sha256Hex(orig))
		}
		signAt(t, r, sha256Hex(orig), "ssm", clock.Real().Now())
		if !signHeader {
			r.Header.Set("X-Amz-Content-Sha256", sha256Hex(orig))
		}
		status, code, msg := send(t, r, evil)
		wantRefused(t, status, code, msg, "InvalidSignatureException", regexp.MustCompile("^"+regexp.QuoteMeta(badSignature)+"$"))
	}
	if got := len(st.Calls()); got != 0 {
		t.Errorf("%d calls reached the Store, want none", got)
	}
	// The original body, as signed, is served.
	r := newAPIRequest(t, srv.URL, "AmazonSSM.PutParameter", orig)
	r.Header.Set("X-Amz-Content-Sha256", sha256Hex(orig))
	signAt(t, r, sha256Hex(orig), "ssm", clock.Real().Now())
	if status, code, msg := send(t, r, orig); status != http.StatusOK {
		t.Errorf("the request as signed: %d %s %s", status, code, msg)
	}
}

// UNSIGNED-PAYLOAD (S3's way of leaving the body out of the signature) is
// not accepted by these services: the signature is checked over the body.
func TestSignatureUnsignedPayloadRefused(t *testing.T) {
	t.Parallel()
	srv, _ := verifyingServer(t)
	body := `{"Name":"/app/a","Value":"v","Type":"String"}`
	r := newAPIRequest(t, srv.URL, "AmazonSSM.PutParameter", body)
	r.Header.Set("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD")
	signAt(t, r, "UNSIGNED-PAYLOAD", "ssm", clock.Real().Now())
	status, code, msg := send(t, r, body)
	wantRefused(t, status, code, msg, "InvalidSignatureException", regexp.MustCompile("^"+regexp.QuoteMeta(badSignature)+"$"))
}

// A request signed more than five minutes from the server's wall clock is
// refused with AWS's texts (O: "Signature expired: 20231103T171116Z is now
// earlier than 20231103T171224Z (20231103T171724Z - 5 min.)" from SSM,
// middyjs/middy#1123; from Secrets Manager, boto/botocore#3587; "Signature
// not yet current: … is still later than … (… + 5 min.)",
// serverless/enterprise#11). The Store's clock does not matter.
func TestSignatureClockSkew(t *testing.T) {
	t.Parallel()
	st := fakeaws.New(fakeaws.WithClock(clock.NewFake(time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC))))
	srv := NewServer(st, WithSignatureKeys(map[string]string{attackKey: attackSecret}))
	t.Cleanup(srv.Close)
	stamp := `\d{8}T\d{6}Z`
	for _, tc := range []struct {
		name   string
		offset time.Duration
		want   *regexp.Regexp // nil: served
	}{
		{"six minutes late", -6 * time.Minute, regexp.MustCompile(`^Signature expired: ` + stamp + ` is now earlier than ` + stamp + ` \(` + stamp + ` - 5 min\.\)$`)},
		{"an hour late (a replay)", -time.Hour, regexp.MustCompile(`^Signature expired: ` + stamp + ` is now earlier than ` + stamp + ` \(` + stamp + ` - 5 min\.\)$`)},
		{"six minutes early", 6 * time.Minute, regexp.MustCompile(`^Signature not yet current: ` + stamp + ` is still later than ` + stamp + ` \(` + stamp + ` \+ 5 min\.\)$`)},
		{"four minutes late", -4 * time.Minute, nil},
		{"four minutes early", 4 * time.Minute, nil},
	} {
		body := `{}`
		r := newAPIRequest(t, srv.URL, "AmazonSSM.DescribeParameters", body)
		signAt(t, r, sha256Hex(body), "ssm", clock.Real().Now().Add(tc.offset))
		status, code, msg := send(t, r, body)
		if tc.want == nil {
			if status != http.StatusOK {
				t.Errorf("%s: %d %s %s, want served", tc.name, status, code, msg)
			}
			continue
		}
		if status != http.StatusBadRequest || code != "InvalidSignatureException" || !tc.want.MatchString(msg) {
			t.Errorf("%s: %d %s %q, want 400 InvalidSignatureException matching %v", tc.name, status, code, msg, tc.want)
		}
	}
}

// The credential scope must name the service of the operation: a signature
// made for Secrets Manager does not open Parameter Store. AWS's text
// (O: aws/aws-sdk-go-v2#163, disneystreaming/smithy4s#1568) ends with a
// space.
func TestSignatureScopeMustNameTheService(t *testing.T) {
	t.Parallel()
	srv, _ := verifyingServer(t)
	for _, tc := range []struct{ target, signedFor, want string }{
		{"AmazonSSM.DescribeParameters", "secretsmanager", "Credential should be scoped to correct service: 'ssm'. "},
		{"secretsmanager.ListSecrets", "ssm", "Credential should be scoped to correct service: 'secretsmanager'. "},
		{"secretsmanager.ListSecrets", "sts", "Credential should be scoped to correct service: 'secretsmanager'. "},
	} {
		r := newAPIRequest(t, srv.URL, tc.target, `{}`)
		signAt(t, r, sha256Hex(`{}`), tc.signedFor, clock.Real().Now())
		status, code, msg := send(t, r, `{}`)
		wantRefused(t, status, code, msg, "InvalidSignatureException", regexp.MustCompile("^"+regexp.QuoteMeta(tc.want)+"$"))
	}
}

// signWithout signs r by hand, signing only the headers named (so host can
// be left out, which the SDK's signer never does).
func signWithout(r *http.Request, body string, signed []string, when time.Time) {
	amzDate := when.UTC().Format("20060102T150405Z")
	day := amzDate[:8]
	r.Header.Set("X-Amz-Date", amzDate)
	var canon strings.Builder
	canon.WriteString("POST\n/\n\n")
	for _, h := range signed {
		canon.WriteString(h + ":" + r.Header.Get(h) + "\n")
	}
	canon.WriteString("\n" + strings.Join(signed, ";") + "\n" + sha256Hex(body))
	scope := day + "/us-east-1/ssm/aws4_request"
	toSign := "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canon.String())
	mac := func(key []byte, s string) []byte {
		m := hmac.New(sha256.New, key)
		m.Write([]byte(s))
		return m.Sum(nil)
	}
	k := mac([]byte("AWS4"+attackSecret), day)
	k = mac(k, "us-east-1")
	k = mac(k, "ssm")
	k = mac(k, "aws4_request")
	r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+attackKey+"/"+scope+", SignedHeaders="+strings.Join(signed, ";")+", Signature="+hex.EncodeToString(mac(k, toSign)))
}

// host must be signed (AWS: "'Host' or ':authority' must be a
// 'SignedHeader' in the AWS Authorization.", aws/aws-sdk-php#2469): a
// signature that leaves it out could be replayed against another host.
func TestSignatureHostMustBeSigned(t *testing.T) {
	t.Parallel()
	srv, _ := verifyingServer(t)
	body := `{}`
	r := newAPIRequest(t, srv.URL, "AmazonSSM.DescribeParameters", body)
	signWithout(r, body, []string{"content-type", "x-amz-date", "x-amz-target"}, clock.Real().Now())
	status, code, msg := send(t, r, body)
	wantRefused(t, status, code, msg, "IncompleteSignatureException", regexp.MustCompile(`^'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization\.$`))

	// The same hand-made signer, with host, is accepted: the refusal above
	// is for the missing host and nothing else.
	r = newAPIRequest(t, srv.URL, "AmazonSSM.DescribeParameters", body)
	r.Header.Set("Host", r.URL.Host)
	signWithout(r, body, []string{"content-type", "host", "x-amz-date", "x-amz-target"}, clock.Real().Now())
	if status, code, msg := send(t, r, body); status != http.StatusOK {
		t.Errorf("signed with host: %d %s %s, want served", status, code, msg)
	}
}

// A presigned request (signature in the query string) is refused, saying
// why.
func TestSignaturePresignedRefused(t *testing.T) {
	t.Parallel()
	srv, _ := verifyingServer(t)
	body := `{}`
	r := newAPIRequest(t, srv.URL, "AmazonSSM.DescribeParameters", body)
	creds := aws.Credentials{AccessKeyID: attackKey, SecretAccessKey: attackSecret}
	url, hdr, err := v4.NewSigner().PresignHTTP(context.Background(), creds, r, sha256Hex(body), "ssm", "us-east-1", clock.Real().Now())
	if err != nil {
		t.Fatal(err)
	}
	p, err := http.NewRequest(http.MethodPost, url, nil) // the query holds the signature
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		p.Header[k] = v
	}
	p.Header.Set("X-Amz-Target", "AmazonSSM.DescribeParameters")
	p.Header.Set("Content-Type", "application/x-amz-json-1.1")
	status, code, msg := send(t, p, body)
	if status != http.StatusForbidden || code != "MissingAuthenticationTokenException" || !strings.Contains(msg, "presigned") {
		t.Errorf("presigned: %d %s %q, want 403 MissingAuthenticationTokenException saying presigned signatures are not accepted", status, code, msg)
	}
}
