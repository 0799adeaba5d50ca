package sigv4_test

import (
	"bufio"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/sigv4"
)

// The vectors of AWS's Signature Version 4 test suite, as botocore carries
// them (tests/unit/auth/aws4_testsuite; see testdata/README.md). Every
// vector signs with this key pair, in us-east-1, for the service "service",
// on 2015-08-30 at 12:36:00 UTC.
const (
	suiteDir    = "testdata/aws4_testsuite"
	suiteSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
)

// knownWrong are applicable vectors the verifier gets wrong today. The
// test checks they are still refused, so that the list stays true: a fix
// makes the test fail until the vector is taken off it.
var knownWrong = map[string]string{}

// rawRequest is a .req or .sreq file: a request as the suite writes it.
type rawRequest struct {
	method, target string
	headers        [][2]string // name and value, in order; continuation lines joined
	body           string
}

func parseRaw(t *testing.T, s string) rawRequest {
	t.Helper()
	head, body, _ := strings.Cut(s, "\n\n")
	sc := bufio.NewScanner(strings.NewReader(head))
	if !sc.Scan() {
		t.Fatalf("empty request")
	}
	// The request line: the path may hold spaces (get-space).
	line := sc.Text()
	method, rest, _ := strings.Cut(line, " ")
	target, proto, ok := cutLast(rest, " ")
	if !ok || !strings.HasPrefix(proto, "HTTP/") {
		t.Fatalf("request line %q", line)
	}
	r := rawRequest{method: method, target: target, body: body}
	for sc.Scan() {
		l := sc.Text()
		if l != "" && (l[0] == ' ' || l[0] == '\t') && len(r.headers) > 0 {
			// A folded header line continues the value (get-header-value-multiline).
			r.headers[len(r.headers)-1][1] += " " + strings.TrimSpace(l)
			continue
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("header line %q", l)
		}
		r.headers = append(r.headers, [2]string{k, v})
	}
	return r
}

func cutLast(s, sep string) (before, after string, ok bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// request makes the http.Request a server would read from r, or nil when
// r is not a request a server could read.
func (r rawRequest) request() *http.Request {
	u, err := url.ParseRequestURI(r.target)
	if err != nil {
		return nil
	}
	req := &http.Request{Method: r.method, URL: u, Header: http.Header{}, ContentLength: int64(len(r.body))}
	for _, h := range r.headers {
		if strings.EqualFold(h[0], "host") {
			req.Host = strings.Trim(h[1], " \t")
			continue
		}
		// A server drops the spaces around a field value (RFC 9110
		// §5.5), as net/http does.
		req.Header.Add(h[0], strings.Trim(h[1], " \t"))
	}
	return req
}

func (r rawRequest) clone() rawRequest {
	r.headers = slices.Clone(r.headers)
	return r
}

type vector struct {
	name string
	sreq rawRequest // the signed request: .sreq with .authz
	creq string     // the canonical request
	sts  string     // the string to sign
	sig  string     // the signature of .authz
}

func loadVectors(t *testing.T) []vector {
	t.Helper()
	var vs []vector
	err := filepath.WalkDir(suiteDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".authz") {
			return err
		}
		name := strings.TrimSuffix(filepath.Base(path), ".authz")
		read := func(ext string) string {
			b, err := os.ReadFile(strings.TrimSuffix(path, ".authz") + ext)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
		authz := strings.TrimSpace(read(".authz"))
		_, sig, ok := strings.Cut(authz, "Signature=")
		if !ok {
			t.Fatalf("%s: no signature in %q", name, authz)
		}
		// The signed request is .sreq with .authz as its Authorization
		// (get-vanilla-with-session-token's .sreq carries another
		// vector's signature; its .authz is the one its .creq makes).
		req := parseRaw(t, read(".sreq"))
		for i, h := range req.headers {
			if strings.EqualFold(h[0], "Authorization") {
				req.headers[i][1] = authz
			}
		}
		vs = append(vs, vector{name: name, sreq: req, creq: read(".creq"), sts: read(".sts"), sig: sig})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 27 {
		t.Fatalf("found %d vectors in %s, want the 27 that apply (testdata/README.md)", len(vs), suiteDir)
	}
	return vs
}

// sign is the suite's own recipe, used to check the vectors and to sign
// requests the suite does not hold: the string to sign over a canonical
// request, then the derived key's HMAC of it.
func sign(creq, amzDate, scopeDate string) string {
	sum := sha256.Sum256([]byte(creq))
	sts := "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scopeDate + "/us-east-1/service/aws4_request\n" + hex.EncodeToString(sum[:])
	mac := func(key []byte, s string) []byte {
		m := hmac.New(sha256.New, key)
		m.Write([]byte(s))
		return m.Sum(nil)
	}
	k := mac(mac(mac(mac([]byte("AWS4"+suiteSecret), scopeDate), "us-east-1"), "service"), "aws4_request")
	return hex.EncodeToString(mac(k, sts))
}

// verify parses r's Authorization and verifies it; a request a server could
// not read, or whose Authorization does not parse, is refused.
func verify(r rawRequest) bool {
	req := r.request()
	if req == nil {
		return false
	}
	a, err := sigv4.Parse(req)
	if err != nil {
		return false
	}
	return sigv4.Verify(req, []byte(r.body), a, suiteSecret)
}

// TestSuiteVectorsVerify checks every vector of AWS's SigV4 test suite that
// applies to the endpoint (testdata/README.md lists those left out): its signed request (.sreq) parses to the scope its .authz names and
// verifies with the suite's key. The suite's own canonical request and
// string to sign (.creq, .sts) give its signature, which checks the data.
// Among them: get-header-value-trim and get-header-value-multiline (runs of
// spaces in a value sign as one), get-header-key-duplicate (repeated headers
// joined in order), the query ordering and encoding vectors.
func TestSuiteVectorsVerify(t *testing.T) {
	t.Parallel()
	for _, v := range loadVectors(t) {
		t.Run(v.name, func(t *testing.T) {
			if got := sign(v.creq, "20150830T123600Z", "20150830"); got != v.sig {
				t.Fatalf("the suite's canonical request signs as %s, its .authz says %s", got, v.sig)
			}
			req := v.sreq.request()
			if req == nil {
				t.Fatalf("request target %q does not parse", v.sreq.target)
			}
			got, err := sigv4.Parse(req)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			want := sigv4.Auth{AccessKey: "AKIDEXAMPLE", Date: "20150830", Region: "us-east-1", Service: "service",
				SignedHeaders: signedHeaders(v.creq), Signature: v.sig}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Parse (-want +got):\n%s", diff)
			}
			ok := sigv4.Verify(req, []byte(v.sreq.body), got, suiteSecret)
			if why, wrong := knownWrong[v.name]; wrong {
				if ok {
					t.Errorf("Verify now accepts %s, listed as known wrong (%s): take it off knownWrong", v.name, why)
				}
				return
			}
			if !ok {
				t.Errorf("Verify refuses the suite's signed request; canonical request should be:\n%s", v.creq)
			}
		})
	}
}

// signedHeaders is the signed header list of a canonical request (its
// second-to-last line).
func signedHeaders(creq string) []string {
	lines := strings.Split(creq, "\n")
	return strings.Split(lines[len(lines)-2], ";")
}

// TestSuiteVectorsOneByteChanges changes each byte of each signed part of
// every applicable vector, one at a time: the method, the path and query,
// the name and value of each signed header, the body, and the credential
// scope's date, region and service and the signature in Authorization.
// Every changed request must be refused. A byte is replaced by a letter or
// digit that differs from it even ignoring case (header names are not case
// sensitive) and keeps the request readable.
func TestSuiteVectorsOneByteChanges(t *testing.T) {
	t.Parallel()
	for _, v := range loadVectors(t) {
		if _, wrong := knownWrong[v.name]; wrong {
			continue
		}
		t.Run(v.name, func(t *testing.T) {
			signed := signedHeaders(v.creq)
			changes := 0
			try := func(part string, s string, set func(r *rawRequest, s string)) {
				for i := range len(s) {
					for _, c := range []byte("q7Z") {
						if strings.EqualFold(string(c), string(s[i])) {
							continue
						}
						changed := s[:i] + string(c) + s[i+1:]
						r := v.sreq.clone()
						set(&r, changed)
						if r.request() == nil {
							continue // not a request a server reads; try another byte
						}
						changes++
						if verify(r) {
							t.Errorf("%s changed at byte %d (%q → %q) still verifies", part, i, s, changed)
						}
						break
					}
				}
			}
			try("method", v.sreq.method, func(r *rawRequest, s string) { r.method = s })
			try("path and query", v.sreq.target, func(r *rawRequest, s string) { r.target = s })
			try("body", v.sreq.body, func(r *rawRequest, s string) { r.body = s })
			for i, h := range v.sreq.headers {
				name := strings.ToLower(h[0])
				switch {
				case name == "authorization":
					auth := h[1]
					for _, field := range []string{"date", "region", "service", "signature"} {
						start, end := authField(auth, field)
						try("Authorization "+field, auth[start:end], func(r *rawRequest, s string) {
							r.headers[i][1] = auth[:start] + s + auth[end:]
						})
					}
				case slices.Contains(signed, name):
					try("header "+h[0]+" name", h[0], func(r *rawRequest, s string) { r.headers[i][0] = s })
					try("header "+h[0]+" value", h[1], func(r *rawRequest, s string) { r.headers[i][1] = s })
				}
			}
			if changes < 40 {
				t.Fatalf("only %d one-byte changes tried", changes)
			}
		})
	}
}

// authField locates a part of an Authorization header value: the scope's
// date, region or service, or the signature.
func authField(auth, field string) (start, end int) {
	if field == "signature" {
		i := strings.Index(auth, "Signature=") + len("Signature=")
		return i, len(auth)
	}
	i := strings.Index(auth, "Credential=") + len("Credential=")
	scope := auth[i:]
	scope = scope[:strings.IndexAny(scope, ", ")]
	parts := strings.Split(scope, "/") // key/date/region/service/aws4_request
	n := map[string]int{"date": 1, "region": 2, "service": 3}[field]
	for _, p := range parts[:n] {
		i += len(p) + 1
	}
	return i, i + len(parts[n])
}

// TestAmzDateMustMatchScopeDate: a request signed correctly over an
// X-Amz-Date whose day is not the credential scope's day is refused. AWS
// requires the scope's date to be X-Amz-Date's date ("The date must be the
// same value that you use in the x-amz-date header": Create a signed AWS
// API request, Signature Version 4 docs). The signature is good, so only
// the date check refuses it.
func TestAmzDateMustMatchScopeDate(t *testing.T) {
	t.Parallel()
	var vanilla vector
	for _, v := range loadVectors(t) {
		if v.name == "get-vanilla" {
			vanilla = v
		}
	}
	for _, tc := range []struct {
		name    string
		amzDate string
		want    bool
	}{
		{"same day", "20150830T123600Z", true},
		{"same day, other time", "20150830T235959Z", true},
		{"next day", "20150831T123600Z", false},
		{"day before", "20150829T123600Z", false},
		{"other year", "20160830T123600Z", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := vanilla.sreq.clone()
			creq := strings.ReplaceAll(vanilla.creq, "20150830T123600Z", tc.amzDate)
			sig := sign(creq, tc.amzDate, "20150830")
			for i, h := range r.headers {
				switch strings.ToLower(h[0]) {
				case "x-amz-date":
					r.headers[i][1] = tc.amzDate
				case "authorization":
					base, _, _ := strings.Cut(h[1], "Signature=")
					r.headers[i][1] = base + "Signature=" + sig
				}
			}
			if got := verify(r); got != tc.want {
				t.Errorf("X-Amz-Date %s with scope date 20150830: Verify = %v, want %v", tc.amzDate, got, tc.want)
			}
		})
	}
}

// TestHeaderSpacesNormalised: a value signed as "a b c" verifies when sent
// with runs of spaces and surrounding spaces, since the canonical request
// trims a value and squeezes its runs of spaces (get-header-value-trim);
// a value that differs beyond spaces does not.
func TestHeaderSpacesNormalised(t *testing.T) {
	t.Parallel()
	var trim vector
	for _, v := range loadVectors(t) {
		if v.name == "get-header-value-trim" {
			trim = v
		}
	}
	for _, tc := range []struct {
		value string
		want  bool
	}{
		{`"a   b   c"`, true},
		{`  "a b c"  `, true},
		{`"a b c"`, true},
		{`"a b  c" `, true},
		{`"ab c"`, false},
		{`"a b c "`, false}, // the space inside the quotes is kept
	} {
		r := trim.sreq.clone()
		for i, h := range r.headers {
			if strings.EqualFold(h[0], "My-Header2") {
				r.headers[i][1] = tc.value
			}
		}
		if got := verify(r); got != tc.want {
			t.Errorf("My-Header2 %q: Verify = %v, want %v", tc.value, got, tc.want)
		}
	}
}

// TestEmptyPathSignsAsSlash: a request whose target has no path (the
// absolute form "http://host", RFC 9112 §3.2.2) signs its path as "/", as
// the suite's vectors sign "/": get-vanilla sent that way verifies.
func TestEmptyPathSignsAsSlash(t *testing.T) {
	t.Parallel()
	for _, v := range loadVectors(t) {
		if v.name != "get-vanilla" {
			continue
		}
		r := v.sreq.clone()
		r.target = "http://example.amazonaws.com"
		if req := r.request(); req == nil || req.URL.EscapedPath() != "" {
			t.Fatalf("target %q: want a request with an empty path", r.target)
		}
		if !verify(r) {
			t.Errorf("get-vanilla with an empty path does not verify")
		}
		return
	}
	t.Fatal("get-vanilla not found")
}

// TestSignedContentLengthWithoutHeader: a signed content-length of a
// request that has no Content-Length header signs the length a server
// reads, in decimal: "content-length:0" for an empty body, "content-
// length:13" for a body of 13 bytes.
func TestSignedContentLengthWithoutHeader(t *testing.T) {
	t.Parallel()
	for _, body := range []string{"", "Param1=value1", strings.Repeat("x", 1234567)} {
		sum := sha256.Sum256([]byte(body))
		creq := "POST\n/\n\ncontent-length:" + strconv.Itoa(len(body)) + "\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-length;host;x-amz-date\n" + hex.EncodeToString(sum[:])
		r := rawRequest{method: "POST", target: "/", body: body, headers: [][2]string{
			{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"},
			{"Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-length;host;x-amz-date, Signature=" + sign(creq, "20150830T123600Z", "20150830")},
		}}
		if req := r.request(); req.Header.Get("Content-Length") != "" || req.ContentLength != int64(len(body)) {
			t.Fatalf("want a request with no Content-Length header and ContentLength %d", len(body))
		}
		if !verify(r) {
			t.Errorf("a signed content-length of %d bytes, with no header, does not verify", len(body))
		}
	}
}
