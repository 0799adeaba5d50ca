package sigv4

import (
	"errors"
	"net/http"
	"testing"
	"time"
)

// Check's rules, each at its edge, against a fixed "now" (the endpoint
// passes the wall clock).
func TestCheckRules(t *testing.T) {
	t.Parallel()
	now := time.Date(2024, 5, 6, 12, 0, 0, 0, time.UTC)
	ok := Auth{AccessKey: "AK", Date: "20240506", Region: "us-east-1", Service: "ssm", SignedHeaders: []string{"content-type", "host", "x-amz-date"}, Signature: "ab"}
	for _, tc := range []struct {
		name     string
		amzDate  string
		edit     func(a *Auth)
		service  string
		wantCode string
		wantMsg  string
	}{
		{"in time", "20240506T120000Z", nil, "ssm", "", ""},
		{"exactly five minutes old", "20240506T115500Z", nil, "ssm", "", ""},
		{"exactly five minutes ahead", "20240506T120500Z", nil, "ssm", "", ""},
		{"five minutes and a second old", "20240506T115459Z", nil, "ssm", "InvalidSignatureException",
			"Signature expired: 20240506T115459Z is now earlier than 20240506T115500Z (20240506T120000Z - 5 min.)"},
		{"five minutes and a second ahead", "20240506T120501Z", nil, "ssm", "InvalidSignatureException",
			"Signature not yet current: 20240506T120501Z is still later than 20240506T120500Z (20240506T120000Z + 5 min.)"},
		{"host not signed", "20240506T120000Z", func(a *Auth) { a.SignedHeaders = []string{"content-type", "x-amz-date"} }, "ssm", "IncompleteSignatureException",
			"'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."},
		{"another service", "20240506T120000Z", nil, "secretsmanager", "InvalidSignatureException",
			"Credential should be scoped to correct service: 'secretsmanager'. "},
		{"any service for the admin routes", "20240506T120000Z", nil, "", "", ""},
		{"no X-Amz-Date", "", nil, "ssm", "IncompleteSignatureException",
			"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."},
		{"X-Amz-Date not ISO 8601 basic", "2024-05-06T12:00:00Z", nil, "ssm", "IncompleteSignatureException",
			"Date must be in ISO-8601 'basic format'. Got '2024-05-06T12:00:00Z'. See http://en.wikipedia.org/wiki/ISO_8601"},
		{"scope of another day", "20240506T120000Z", func(a *Auth) { a.Date = "20240505" }, "ssm", "InvalidSignatureException",
			"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20240505' != '20240506', from 'X-Amz-Date'."},
	} {
		a := ok
		if tc.edit != nil {
			tc.edit(&a)
		}
		r, _ := http.NewRequest(http.MethodPost, "http://127.0.0.1/", nil)
		if tc.amzDate != "" {
			r.Header.Set("X-Amz-Date", tc.amzDate)
		}
		err := Check(r, a, tc.service, now)
		var e *Error
		switch {
		case tc.wantCode == "" && err != nil:
			t.Errorf("%s: %v, want nil", tc.name, err)
		case tc.wantCode != "" && (!errors.As(err, &e) || e.Code != tc.wantCode || e.Message != tc.wantMsg):
			t.Errorf("%s: %v\nwant %s: %s", tc.name, err, tc.wantCode, tc.wantMsg)
		}
	}
}

// A credential scope with an empty part (date, Region or service) is
// malformed: an empty date once verified, since every X-Amz-Date begins
// with "".
func TestScopeWithAnEmptyPartIsMalformed(t *testing.T) {
	for _, cred := range []string{
		"AKID//us-east-1/ssm/aws4_request",
		"AKID/20150830//ssm/aws4_request",
		"AKID/20150830/us-east-1//aws4_request",
	} {
		r, _ := http.NewRequest(http.MethodPost, "http://127.0.0.1/", nil)
		r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+cred+", SignedHeaders=host;x-amz-date, Signature=00")
		if a, err := Parse(r); err == nil {
			t.Errorf("Parse(%s) = %+v, want an error", cred, a)
		}
	}
	r, _ := http.NewRequest(http.MethodPost, "http://127.0.0.1/", nil)
	r.Header.Set("X-Amz-Date", "20150830T123600Z")
	if Verify(r, nil, Auth{AccessKey: "AKID", Region: "us-east-1", Service: "ssm", SignedHeaders: []string{"host"}, Signature: "00"}, "secret") {
		t.Error("Verify accepted a scope with no date")
	}
}
