// Package sigv4 reads and checks AWS Signature Version 4 on an HTTP request:
// the credential scope (access key, date, region, service), the rules a
// signed request must follow (Check) and, given the secret key, the
// signature itself (Verify).
package sigv4

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

const algorithm = "AWS4-HMAC-SHA256"

// Auth is what a request's Authorization header says.
type Auth struct {
	AccessKey     string
	Date          string // yyyymmdd of the credential scope
	Region        string
	Service       string
	SignedHeaders []string // lower case, in the order given
	Signature     string   // hex
}

// ErrUnsigned is returned by Parse for a request with no SigV4 Authorization
// header.
var ErrUnsigned = errors.New("request is not signed")

// Parse reads the Authorization header of r. It returns ErrUnsigned when
// there is none (or it is not SigV4) and another error when it is malformed.
func Parse(r *http.Request) (Auth, error) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return Auth{}, ErrUnsigned
	}
	rest, ok := strings.CutPrefix(h, algorithm+" ")
	if !ok {
		return Auth{}, ErrUnsigned
	}
	var a Auth
	for part := range strings.SplitSeq(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return Auth{}, errors.New("malformed Authorization header")
		}
		switch k {
		case "Credential":
			f := strings.Split(v, "/")
			if len(f) != 5 || f[4] != "aws4_request" || slices.Contains(f[:4], "") {
				return Auth{}, errors.New("malformed credential scope")
			}
			a.AccessKey, a.Date, a.Region, a.Service = f[0], f[1], f[2], f[3]
		case "SignedHeaders":
			a.SignedHeaders = strings.Split(v, ";")
		case "Signature":
			a.Signature = v
		}
	}
	if a.AccessKey == "" || len(a.SignedHeaders) == 0 || a.Signature == "" {
		return Auth{}, errors.New("incomplete Authorization header")
	}
	return a, nil
}

// MaxSkew is how far a request's X-Amz-Date may be from the server's clock,
// either way: five minutes, as Parameter Store and Secrets Manager answer
// ("… (<now> - 5 min.)", docs/aws-behaviour.md §8.1).
const MaxSkew = 5 * time.Minute

// dateFormat is the form of X-Amz-Date (ISO 8601 basic, UTC).
const dateFormat = "20060102T150405Z"

// Error is a refusal in AWS's words: the error code and its message.
type Error struct{ Code, Message string }

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// Check applies the rules AWS applies to a signed request before it checks
// the signature (docs/aws-behaviour.md §8.1), and returns the first broken
// one as an *Error, or nil:
//   - host is among the signed headers;
//   - X-Amz-Date is there, and its day is the credential scope's;
//   - the scope names service, the service of the operation called (any
//     service when service is "");
//   - X-Amz-Date is within MaxSkew of now (the server's wall clock).
func Check(r *http.Request, a Auth, service string, now time.Time) error {
	if !slices.Contains(a.SignedHeaders, "host") {
		return &Error{"IncompleteSignatureException", "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."}
	}
	amzDate := r.Header.Get("X-Amz-Date")
	if amzDate == "" {
		return &Error{"IncompleteSignatureException", "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."}
	}
	t, err := time.Parse(dateFormat, amzDate)
	if err != nil {
		return &Error{"IncompleteSignatureException", "Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'. See http://en.wikipedia.org/wiki/ISO_8601"}
	}
	if day := amzDate[:8]; day != a.Date {
		return &Error{"InvalidSignatureException", "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '" + a.Date + "' != '" + day + "', from 'X-Amz-Date'."}
	}
	if service != "" && a.Service != service {
		return &Error{"InvalidSignatureException", "Credential should be scoped to correct service: '" + service + "'. "}
	}
	now = now.UTC()
	if earliest := now.Add(-MaxSkew); t.Before(earliest) {
		return &Error{"InvalidSignatureException", "Signature expired: " + amzDate + " is now earlier than " +
			earliest.Format(dateFormat) + " (" + now.Format(dateFormat) + " - 5 min.)"}
	}
	if latest := now.Add(MaxSkew); t.After(latest) {
		return &Error{"InvalidSignatureException", "Signature not yet current: " + amzDate + " is still later than " +
			latest.Format(dateFormat) + " (" + now.Format(dateFormat) + " + 5 min.)"}
	}
	return nil
}

// Verify reports whether a's signature of r (whose body is body) is the one
// secretKey makes. r's Host must be the one the client signed. The payload
// signed is the body that arrived: an X-Amz-Content-Sha256 header is not
// believed (a captured request could carry another body under its
// original hash), so a header that does not match the body, and
// UNSIGNED-PAYLOAD, make the signature wrong, as for every AWS service but
// S3.
func Verify(r *http.Request, body []byte, a Auth, secretKey string) bool {
	amzDate := r.Header.Get("X-Amz-Date")
	if amzDate == "" || a.Date == "" || !strings.HasPrefix(amzDate, a.Date) {
		return false
	}
	sum := sha256.Sum256(body)
	canonical := canonicalRequest(r, a.SignedHeaders, hex.EncodeToString(sum[:]))
	crHash := sha256.Sum256([]byte(canonical))
	scope := a.Date + "/" + a.Region + "/" + a.Service + "/aws4_request"
	toSign := algorithm + "\n" + amzDate + "\n" + scope + "\n" + hex.EncodeToString(crHash[:])
	key := hmacSHA256([]byte("AWS4"+secretKey), a.Date)
	key = hmacSHA256(key, a.Region)
	key = hmacSHA256(key, a.Service)
	key = hmacSHA256(key, "aws4_request")
	want := hex.EncodeToString(hmacSHA256(key, toSign))
	return hmac.Equal([]byte(want), []byte(a.Signature))
}

func hmacSHA256(key []byte, data string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(data))
	return m.Sum(nil)
}

func canonicalRequest(r *http.Request, signed []string, payloadHash string) string {
	var b strings.Builder
	b.WriteString(r.Method)
	b.WriteByte('\n')
	path := r.URL.EscapedPath()
	if path == "" {
		path = "/"
	}
	b.WriteString(path)
	b.WriteByte('\n')
	b.WriteString(canonicalQuery(r.URL.Query()))
	b.WriteByte('\n')
	for _, h := range signed {
		b.WriteString(h)
		b.WriteByte(':')
		b.WriteString(headerValue(r, h))
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	b.WriteString(strings.Join(signed, ";"))
	b.WriteByte('\n')
	b.WriteString(payloadHash)
	return b.String()
}

func headerValue(r *http.Request, name string) string {
	var vals []string
	switch name {
	case "host":
		vals = []string{r.Host}
	case "content-length":
		if v := r.Header.Get("Content-Length"); v != "" {
			vals = []string{v}
		} else if r.ContentLength >= 0 {
			vals = []string{itoa(r.ContentLength)}
		}
	default:
		vals = r.Header.Values(name)
	}
	for i, v := range vals {
		vals[i] = strings.Join(strings.Fields(v), " ")
	}
	return strings.Join(vals, ",")
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}

func canonicalQuery(q url.Values) string {
	if len(q) == 0 {
		return ""
	}
	// Sorted by the encoded name, then the encoded value, as SigV4 sorts
	// them (the suite's get-vanilla-query-order-encoded).
	var parts [][2]string
	for k, vs := range q {
		for _, v := range vs {
			parts = append(parts, [2]string{escape(k), escape(v)})
		}
	}
	slices.SortFunc(parts, func(a, b [2]string) int {
		if c := strings.Compare(a[0], b[0]); c != 0 {
			return c
		}
		return strings.Compare(a[1], b[1])
	})
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p[0])
		b.WriteByte('=')
		b.WriteString(p[1])
	}
	return b.String()
}

func escape(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}
